// The bundler (scripts/bundle.mjs), run into a temporary directory so the committed dist/ is never
// touched: the yaml package's per-token debug env reads and per-node defineProperty calls are gone
// from every bundle file, the CLI's lazily imported parts are chunk files beside it, and it
// evaluates undici only when a scan talks to registries (undici's module sets its global dispatcher
// symbol when evaluated, so a preload sees whether it ran).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assertNoYamlDebugEnv,
  assertYamlNodeTypeAssigned,
  assignYamlNodeType,
  stripYamlDebugEnv,
} from '../../scripts/bundle-transform.mjs';

const ROOT = resolve(import.meta.dirname, '../..');

describe('yaml debug env rewrite', () => {
  const require = createRequire(join(ROOT, 'package.json'));
  const yamlDir = resolve(require.resolve('yaml'), '..');
  it.each([
    ['parse/parser.js', 'LOG_TOKENS'],
    ['compose/composer.js', 'LOG_STREAM'],
  ])('removes the %s read of %s from the installed yaml package', (file, name) => {
    const source = readFileSync(join(yamlDir, file), 'utf8');
    expect(source).toContain(`.env.${name}`);
    const { code, replaced } = stripYamlDebugEnv(source);
    expect(replaced).toBe(1);
    expect(code).not.toContain(`.env.${name}`);
    expect(() => assertNoYamlDebugEnv(code, file)).not.toThrow();
    expect(() => assertNoYamlDebugEnv(source, file)).toThrow(/left after the rewrite/);
    // Only the condition changes.
    expect(code.length).toBe(source.length - `node_process.env.${name}`.length + 'false'.length);
  });
});

describe('yaml node-type rewrite', () => {
  const require = createRequire(join(ROOT, 'package.json'));
  const yamlDir = resolve(require.resolve('yaml'), '..');
  it.each([
    ['nodes/Node.js', 'this[identity.NODE_TYPE] = type;', 1],
    ['nodes/Pair.js', 'this[identity.NODE_TYPE] = identity.PAIR;', 1],
    // One per document costs nothing: Document keeps its defineProperty.
    ['doc/Document.js', undefined, 0],
  ])('rewrites %s of the installed yaml package', (file, assignment, count) => {
    const source = readFileSync(join(yamlDir, file), 'utf8');
    const { code, replaced } = assignYamlNodeType(source);
    expect(replaced).toBe(count);
    if (assignment === undefined) expect(code).toBe(source);
    else {
      expect(source).not.toContain(assignment);
      expect(code).toContain(assignment);
      expect(code).not.toMatch(/defineProperty\(this, identity\.NODE_TYPE/);
    }
  });

  it('refuses a bundle whose yaml nodes still define their type, or lost the assignment', () => {
    const node = readFileSync(join(yamlDir, 'nodes/Node.js'), 'utf8');
    expect(() => assertYamlNodeTypeAssigned(node, 'Node.js')).toThrow(/defineProperty call\(s\) left/);
    expect(() => assertYamlNodeTypeAssigned(assignYamlNodeType(node).code, 'Node.js')).not.toThrow();
    expect(() =>
      assertYamlNodeTypeAssigned(node.replace(/Object\.defineProperty[^\n]*/, ''), 'Node.js'),
    ).toThrow(/was not found/);
    // A file without yaml's NodeBase is not yaml: nothing to check.
    expect(() => assertYamlNodeTypeAssigned('const x = 1;', 'other.js')).not.toThrow();
  });
});

describe('bundles built into a temporary directory', () => {
  let out: string;
  let work: string;
  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'kots-proxy-bundle-test-'));
    work = mkdtempSync(join(tmpdir(), 'kots-proxy-bundle-run-'));
    const r = spawnSync(process.execPath, ['scripts/bundle.mjs', out], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
  }, 300_000);
  afterAll(() => {
    rmSync(out, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  });

  it('are the two entries plus the CLI chunks, with no yaml debug env read left', () => {
    const names = readdirSync(out).sort();
    const chunks = names.filter((n) => /^\d+\.index\.js$/.test(n));
    expect(names.filter((n) => !chunks.includes(n))).toEqual(['cli.js', 'index.js', 'package.json']);
    expect(chunks.length).toBeGreaterThan(0);
    const texts = names.filter((n) => n.endsWith('.js')).map((n) => readFileSync(join(out, n), 'utf8'));
    for (const code of texts) expect(code).not.toMatch(/\.env\.LOG_(TOKENS|STREAM)\b/);
    for (const code of texts)
      expect(code).not.toMatch(/defineProperty\(this, [\w$]+\.NODE_TYPE, \{ value: type \}/);
    // The yaml parser is in the action's bundle and in one of the CLI's chunks.
    expect(readFileSync(join(out, 'index.js'), 'utf8')).toContain("console.log('|'");
    expect(texts.filter((code) => code.includes("console.log('|'"))).toHaveLength(2);
  });

  /** Runs the bundled CLI with a preload that reports at exit whether undici's module was evaluated. */
  const run = (args: string[]) => {
    const preload = join(work, 'undici-probe.mjs');
    writeFileSync(
      preload,
      [
        "const key = Symbol.for('undici.globalDispatcher.2');",
        "process.on('exit', () => process.stderr.write('\\nundici evaluated: ' + (globalThis[key] !== undefined) + '\\n'));",
        '',
      ].join('\n'),
    );
    return spawnSync(process.execPath, ['--import', preload, join(out, 'cli.js'), ...args], {
      cwd: work,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: process.env.HOME },
    });
  };

  it('--version, --help, a usage error and --offline never evaluate undici; a registry check does', () => {
    // Run from a copy outside the repository: the bundle needs no node_modules.
    writeFileSync(
      join(work, 'app.yaml'),
      'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - {name: c, image: "127.0.0.1:1/team/app:1"}\n',
    );
    const scan = ['scan', 'app.yaml', '--app-slug', 'acme', '--fail-on', 'never', '--quiet'];
    const cases: [string[], number, boolean][] = [
      [['--version'], 0, false],
      [['--help'], 0, false],
      [['scan', '--no-such-option'], 2, false],
      [[...scan, '--offline'], 0, false],
      // Port 1 on loopback refuses at once: the check runs, and fails, without leaving the machine.
      [[...scan, '--insecure-registry', '127.0.0.1:1'], 0, true],
    ];
    for (const [args, code, evaluated] of cases) {
      const r = run(args);
      expect(r.status, `${args.join(' ')}: ${r.stderr}`).toBe(code);
      expect(r.stderr, args.join(' ')).toContain(`undici evaluated: ${evaluated}`);
    }
    expect(run(['--version']).stdout).toBe('0.1.0\n');
  });
});
