// The released version, shown by `kots-proxy --version` and written into SARIF logs. scripts/release
// checks that it equals package.json's version.
export const VERSION = '0.1.0';
