// The registry adapter's public surface: the checker the pipeline uses and the credentials parser.
export type { RegistryCredential, RegistryCredentials } from './auth.js';
export { canonicalRegistryHost, parseRegistryAuth, registrySecrets } from './auth.js';
export type { ClosableRegistryChecker, RegistryCheckerOptions, RegistryCheckerStats } from './checker.js';
export { createRegistryChecker } from './checker.js';
export type { RetryPolicy, Timeouts } from './http.js';
