// Import rules for src/ and test/, run by `npm run lint`. dependency-cruiser was chosen over madge
// because it resolves TypeScript's `.js`-suffixed ESM imports to the `.ts` sources through tsconfig,
// and counts type-only imports, which are cycles in the design even though tsc erases them.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Stages depend on each other in one direction only: scan → check → plan → render.',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|fixtures)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
