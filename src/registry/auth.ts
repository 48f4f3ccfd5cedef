// The registry adapter's credentials, as the shells and tests see them. Every credential form and
// every auth scheme lives in `auth/`; this module only names what the rest of the program may use.
export type { RegistryCredentials } from './auth/credentials.js';
export { credentialFor, parseRegistryAuth, registrySecrets } from './auth/credentials.js';
