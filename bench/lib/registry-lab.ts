// Entry the registry benchmark bundles with ncc (Node 20 cannot run TypeScript): the test lab and the
// checker, so the benchmark exercises exactly the code and servers the tests use. The latency
// benchmark assembles its own lab from the parts (its token realm sits behind a proxy).
export { parseRegistryAuth } from '../../src/registry/auth.js';
export { createRegistryChecker } from '../../src/registry/checker.js';
export { startLab, TOKEN_SERVICE } from '../../test/registry/harness/lab.js';
export { createSigningKey, opensslSelfSigned } from '../../test/registry/harness/pki.js';
export { pushImage } from '../../test/registry/harness/push.js';
export { startRegistry } from '../../test/registry/harness/registry.js';
export { startTokenServer, USERS } from '../../test/registry/harness/token-server.js';
export { requireTool } from '../../test/registry/harness/tools.js';
