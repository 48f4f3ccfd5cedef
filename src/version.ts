// The published version. scripts/bundle.mjs writes package.json's version in place of this
// placeholder when it builds dist/, so the CLI's --version and the SARIF tool version cannot drift;
// run from source, they say so.
export const VERSION = '0.0.0-source';
