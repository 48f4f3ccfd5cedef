#!/usr/bin/env node
// Renders the action's job summary for a JSON report into a page styled with GitHub's Markdown CSS
// (github-markdown-css) and takes a headless Chromium screenshot, to see whether the summary fits
// GitHub's page before a release: no sideways scroll, long image names wrapped or shortened.
//
// Usage:
//   npm run bundle   # the report comes from the CLI (do not commit dist/)
//   node dist/cli.js scan examples/release --app-slug acme --offline --public-registry docker.io \
//     --report - > /tmp/report.json
//   node scripts/summary-screenshot.mjs /tmp/report.json [--out summary.png] [--width 1000] [--height 1400]
//     [--sidebar 256] [--commit committed|failing-result|fork|read-only-token] [--long] [--open]
//
//   --width    the browser window, as GitHub's run page is seen (default 1000 px)
//   --height   the window's height, all the screenshot shows (default 1400 px)
//   --sidebar  room taken by the run page's job list beside the summary (default 256 px; 0 for none)
//   --open     unfolds every <details> (the overflow check always measures them unfolded)
//   --long     adds images, paths and a message much longer than real ones, to see them wrap
//   --html     also keeps the page (default: next to the PNG, same name with .html)
// Needs `chromium` on PATH (Debian: apt-get install chromium). The summary's HTML is used as GitHub
// receives it; of Markdown only the code fences are turned into <pre>, as nothing else is written.
// Screenshots are for looking at, not for committing.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { runnerImport } from 'vite';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    out: { type: 'string', default: 'summary.png' },
    width: { type: 'string', default: '1000' },
    height: { type: 'string', default: '1400' },
    sidebar: { type: 'string', default: '256' },
    commit: { type: 'string' },
    long: { type: 'boolean', default: false },
    open: { type: 'boolean', default: false },
    html: { type: 'string' },
  },
});
if (positionals.length !== 1) {
  console.error('usage: node scripts/summary-screenshot.mjs REPORT.json [--out PNG] [--width PX] [--long]');
  process.exit(2);
}

const report = JSON.parse(readFileSync(positionals[0], 'utf8'));
if (values.long) addLongRows(report);

// The summary modules are TypeScript; Vite's module runner loads them as the tests do.
const load = async (path) => (await runnerImport(join(root, path), { root, logLevel: 'silent' })).module;
const { renderSummary } = await load('src/github/summary.ts');
const { renderNotes } = await load('src/github/summary-notes.ts');

const failing = report.findings.filter((f) => f.level === 'error').length;
// As the action decides by default (commit: on-success): held back on errors, else committed.
const commitKind = values.commit ?? (failing > 0 ? 'failing-result' : 'committed');
const commit =
  commitKind === 'committed'
    ? { kind: 'committed', sha: 'c0ffee'.padEnd(40, '0'), url: 'https://github.com/acme/app/commit/c0ffee' }
    : { kind: 'skipped', reason: commitKind, detail: 'as run by summary-screenshot' };
const files = report.generated.map((path) => ({ path, content: readOr(join(process.cwd(), path)) }));
const markdown =
  renderNotes({ findings: report.findings, failing, failOn: 'error', outputDir: 'kots-proxy' }) +
  renderSummary({
    report,
    files,
    commit,
    link: (file, line) => `https://github.com/acme/app/blob/HEAD/${file}${line ? `#L${line}` : ''}`,
    fork: commitKind === 'fork',
    command: `kots-proxy scan manifests --app-slug ${report.appSlug} --out kots-proxy`,
    annotated: { shown: report.findings.length, omitted: 0, filtered: 0 },
  });

// GitHub's own Markdown CSS (tables as scrolling blocks, code that wraps), not an imitation of it.
const css = readFileSync(
  fileURLToPath(import.meta.resolve('github-markdown-css/github-markdown-light.css')),
  'utf8',
);
const sidebar = Number(values.sidebar);
const page = `<!doctype html><meta charset="utf-8"><title>job summary</title>
<style>${css}
body { margin: 0; background: #f6f8fa; font-family: -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; }
.layout { display: flex; gap: 16px; padding: 16px; box-sizing: border-box; width: 100%; }
.sidebar { flex: 0 0 ${sidebar}px; ${sidebar ? 'background: #eaeef2;' : 'display: none;'} border-radius: 6px; }
.card { flex: 1 1 auto; min-width: 0; background: #fff; border: 1px solid #d0d7de; border-radius: 6px; padding: 24px; }
</style>
<div class="layout"><div class="sidebar"></div><div class="card"><article class="markdown-body">
${fences(markdown)}
</article></div></div>
<script>
  // Marks what sticks out sideways, so the screenshot shows it and the console names it. Folded rows
  // are measured unfolded; a code block scrolls inside itself on GitHub, so only tables and the page count.
  const folded = [...document.querySelectorAll('details:not([open])')];
  for (const d of folded) d.open = true;
  const wide = [...document.querySelectorAll('.markdown-body table, .markdown-body, body')]
    .filter((el) => el.scrollWidth > el.clientWidth + 1);
  for (const el of wide) el.style.outline = '3px solid #cf222e';
  document.body.dataset.overflow = wide.map((el) => el.tagName.toLowerCase()).join(' ');
  if (!${values.open}) for (const d of folded) d.open = false;
</script>`;

const out = resolve(values.out);
const htmlPath = values.html ? resolve(values.html) : `${out.replace(/\.png$/i, '')}.html`;
writeFileSync(htmlPath, page);
const flags = () => [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  `--user-data-dir=${mkdtempSync(join(tmpdir(), 'summary-chromium-'))}`,
  `--window-size=${values.width},${values.height}`,
];
const chromium = spawnSync('chromium', [...flags(), `--screenshot=${out}`, pathToFileURL(htmlPath).href], {
  encoding: 'utf8',
});
// Chromium logs D-Bus complaints on a machine without a desktop session: shown only when it fails.
if (chromium.status !== 0) {
  console.error(chromium.error?.message ?? chromium.stderr);
  process.exit(1);
}
// The same page once more, for what the marking script found: a machine-readable verdict.
const dom = spawnSync('chromium', [...flags(), '--dump-dom', pathToFileURL(htmlPath).href], {
  encoding: 'utf8',
});
const overflow = /data-overflow="([^"]*)"/.exec(dom.stdout ?? '')?.[1] ?? '?';
console.log(`${out} (page: ${htmlPath}); sideways overflow: ${overflow || 'none'}`);
if (overflow) process.exitCode = 3;

function readOr(path) {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '# (not generated in this working directory)\n';
  }
}

/** Code fences to <pre>: the only Markdown the summary writes (``` or longer, with a language). */
function fences(text) {
  return text.replace(/^(`{3,})[a-z]*\n([\s\S]*?)\n\1$/gm, (_, _fence, body) => {
    const escaped = body.replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`);
    return `<pre><code>${escaped}</code></pre>`;
  });
}

function addLongRows(r) {
  const digest = `sha256:${'0123456789abcdef'.repeat(4)}`;
  const image = `registry.internal.example.com:5000/platform-team/observability/very-long-service-name-exporter:v1.22.3-rc.1@${digest}`;
  const file =
    'deploy/overlays/production/eu-west-1/observability/very-long-service-name-exporter/deployment.yaml';
  r.images.unshift({
    image,
    status: 'private',
    credentials: 'rejected',
    proxy: `${r.proxyDomain}/proxy/${r.appSlug}/${image.replace(/[:@].*$/, '')}`,
    reason: '401 from registry.internal.example.com:5000 (insufficient_scope: pull access denied)',
    locations: Array.from({ length: 9 }, (_, n) => ({ file, line: 20 + n, column: 16 })),
  });
  r.findings.unshift({
    rule: 'credentials-rejected',
    level: 'error',
    file,
    line: 20,
    column: 16,
    message: `the registry rejected the credentials for ${image}: 401 from registry.internal.example.com:5000 (insufficient_scope); check registry-auth for this host`,
  });
}
