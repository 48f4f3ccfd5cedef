// Types of the bundle's post-build rewrites (bundle-transform.mjs), for the tests that import them.
export function stripYamlDebugEnv(code: string): { code: string; replaced: number };
export function assertNoYamlDebugEnv(code: string, name: string): void;
export function assignYamlNodeType(code: string): { code: string; replaced: number };
export function assertYamlNodeTypeAssigned(code: string, name: string): void;
