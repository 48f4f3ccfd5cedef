// The job summary is Markdown with inline HTML. A pull request chooses file names and image strings,
// and the summary shows them: they must be inert text in both languages (no tag, no link, no emphasis,
// no table cell, and no line break that ends the HTML block and lets Markdown take over).
import { describe, expect, it } from 'vitest';
import { renderSummary } from '../../src/github/summary.js';
import { runPipeline } from '../../src/pipeline.js';
import { offlineOptions, SILENT } from '../helpers/pipeline.js';
import { tempDir, writeTree } from '../helpers/tmp.js';

const HOSTILE_NAMES = [
  'x|<img src=x onerror=1>*_[a](b).yaml',
  'x\n\n# pwned [click](evil.example) **bold**\n.yaml',
];
const HOSTILE_IMAGE = 'quay.io/a/b:1*_[x](https://evil.example)';

const pod = (image: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - {name: c, image: ${JSON.stringify(image)}}\n`;

describe('the job summary shows hostile names as text', () => {
  it.each(HOSTILE_NAMES)('file name %j', async (name) => {
    const root = tempDir();
    writeTree(root, {
      [`manifests/${name}`]: pod('quay.io/a/b:1'),
      'manifests/other.yaml': pod(HOSTILE_IMAGE),
    });
    const { report, files } = await runPipeline(['manifests'], offlineOptions(), {
      logger: SILENT,
      cwd: root,
    });
    expect(report.images.some((i) => i.locations.some((l) => l.file.includes(name)))).toBe(true);
    const html = renderSummary({
      report,
      files,
      commit: { kind: 'committed', sha: 'a'.repeat(40) },
      link: () => undefined,
      fork: false,
      command: 'kots-proxy scan manifests --app-slug acme',
      annotated: { shown: 0, omitted: 0, filtered: 0 },
    });
    expect(html).not.toContain('<img');
    expect(html).not.toMatch(/\[[^\]]*\]\(/); // no Markdown link
    expect(html).not.toMatch(/\*\*|\*_|(^|[^&])#\s/m); // no emphasis, no heading
    expect(html).not.toContain('|');
    // One HTML block from start to end: a blank line would hand what follows to Markdown.
    expect(html.trimEnd()).not.toContain('\n\n');
  });

  it('a path that holds a code fence cannot close the how-to-apply block', async () => {
    const root = tempDir();
    writeTree(root, { 'manifests/a.yaml': pod('quay.io/a/b:1') });
    const { report, files } = await runPipeline(['manifests'], offlineOptions(), {
      logger: SILENT,
      cwd: root,
    });
    const html = renderSummary({
      report,
      files,
      commit: { kind: 'skipped', reason: 'fork', detail: 'fork' },
      link: () => undefined,
      fork: true,
      command: "kots-proxy scan 'm```\n\n<img src=x onerror=1>' --app-slug acme",
      annotated: { shown: 0, omitted: 0, filtered: 0 },
    });
    const fenced = /(`{3,})sh\n([^\n]*)\n\1\n/.exec(html);
    expect(fenced?.[2]).toContain('<img src=x onerror=1>'); // inside the fence, where it is text
    expect(fenced?.[1]?.length).toBeGreaterThan(3);
  });
});
