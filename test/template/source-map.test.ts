// The source map of KOTS's two rendering passes (replicatedhq/kots pkg/template/builder.go renders
// `{{repl … }}` first, then `repl{{ … }}`, over the whole text): every output range knows the template
// text or action it came from and whether a placeholder value decided it.
import { describe, expect, it } from 'vitest';
import { type KotsContext, mappedKotsRenderer, overlapping, sourceOffset } from '../../src/template/kots.js';

const ctx: KotsContext = {
  namespace: 'app-ns',
  appSlug: 'acme',
  configGroups: [
    {
      items: [
        { name: 'tag', type: 'text', default: '1.2.3' },
        { name: 'fromLicense', type: 'text', default: 'repl{{ LicenseFieldValue "tier" }}' },
      ],
    },
  ],
  localImageName: (img) => img,
};
const render = mappedKotsRenderer(ctx);

/** What the output range of `needle` maps to: source text, whether an action made it, its taint. */
function at(text: string, needle: string) {
  const r = render(text);
  const start = r.output.indexOf(needle);
  expect(start, `${needle} in ${JSON.stringify(r.output)}`).toBeGreaterThanOrEqual(0);
  const segs = overlapping(r.map, start, start + needle.length);
  const src = sourceOffset(r.map, start);
  return {
    output: r.output,
    source: text.slice(src, src + 8),
    action: segs.some((s) => s.action),
    placeholders: [...new Set(segs.flatMap((s) => s.placeholders))],
    pipes: segs.flatMap((s) => s.pipes),
    wraps: segs.flatMap((s) => s.wraps),
  };
}

describe('source map', () => {
  const cases: Array<{
    name: string;
    text: string;
    needle: string;
    source: string;
    action: boolean;
    placeholders?: string[];
    pipes?: string[];
    wraps?: string[];
  }> = [
    { name: 'plain text is verbatim', text: 'a: b\nc: d\n', needle: 'c: d', source: 'c: d\n', action: false },
    {
      name: 'text after a {{repl action keeps exact offsets',
      text: 'x: {{repl ConfigOption "tag" }}\ny: z\n',
      needle: 'y: z',
      source: 'y: z\n',
      action: false,
    },
    {
      name: 'a {{repl action maps to the action',
      text: 'x: {{repl ConfigOption "tag" }}\n',
      needle: '1.2.3',
      source: '{{repl C',
      action: true,
      pipes: ['ConfigOption "tag"'],
    },
    {
      name: 'a repl{{ action (second pass) maps to the action in the original',
      text: 'a: {{repl Namespace }}\nimage: quay.io/acme/api:repl{{ ConfigOption "tag" }}\n',
      needle: '1.2.3',
      source: 'repl{{ C',
      action: true,
      pipes: ['ConfigOption "tag"'],
    },
    {
      name: 'text of the second pass after a first-pass action maps exactly',
      text: 'a: {{repl Namespace }}\nimage: quay.io/acme/api:repl{{ ConfigOption "tag" }}\n',
      needle: 'quay.io',
      source: 'quay.io/',
      action: false,
    },
    {
      name: 'a placeholder taints its action',
      text: 'k: repl{{ LicenseFieldValue "x" }}v\n',
      needle: 'v',
      // The action printed nothing where `v` starts: a value starting there starts at the action.
      source: 'repl{{ L',
      action: true,
    },
    {
      name: 'a Config item whose default calls a placeholder taints',
      text: 'k: repl{{ ConfigOption "fromLicense" }}|\n',
      needle: ': ',
      source: ': repl{{',
      action: false,
    },
    {
      name: 'LocalImageName records its literal',
      text: 'image: repl{{ LocalImageName "quay.io/x/y:1" }}\n',
      needle: 'quay.io/x/y:1',
      source: 'repl{{ L',
      action: true,
      pipes: ['LocalImageName "quay.io/x/y:1"'],
      wraps: ['quay.io/x/y:1'],
    },
    {
      name: 'trim markers: the text keeps its own offsets',
      text: 'a: 1\n{{repl- if true -}}\nb: 2\n{{repl- end }}\n',
      needle: 'b: 2',
      source: 'b: 2\n{{r',
      action: false,
    },
  ];
  it.each(cases)('$name', (c) => {
    const got = at(c.text, c.needle);
    expect(got.source).toBe(c.source);
    expect(got.action).toBe(c.action);
    if (c.pipes) expect(got.pipes).toEqual(c.pipes);
    if (c.wraps) expect(got.wraps).toEqual(c.wraps);
  });

  it('taint: placeholders reach exactly the output they decided', () => {
    // The empty output of a tainted action sits at the start of what follows it: a value that
    // starts there is not known (the action could have printed anything).
    const lic = at('k: repl{{ LicenseFieldValue "x" }}end\n', 'end');
    expect(lic.placeholders).toEqual(['LicenseFieldValue']);
    expect(at('k: repl{{ LicenseFieldValue "x" }}end\n', 'nd').placeholders).toEqual([]);
    const r = render('k: repl{{ LicenseFieldValue "x" }}end\n');
    const action = r.map.find((s) => s.action);
    expect(action?.placeholders).toEqual(['LicenseFieldValue']);
    const viaConfig = render('k: repl{{ ConfigOption "fromLicense" }}\n');
    expect(viaConfig.map.find((s) => s.action)?.placeholders).toEqual(['LicenseFieldValue']);
    const plain = render('k: repl{{ ConfigOption "tag" }}\n');
    expect(plain.map.find((s) => s.action)?.placeholders).toEqual([]);
    const body = render('{{repl if LicenseFieldValue "on" }}a{{repl else }}b{{repl end }}\n');
    expect(body.output).toBe('b\n');
    expect(body.map[0]?.placeholders).toEqual(['LicenseFieldValue']);
    // After the if, output is no longer decided by the condition.
    expect(body.map[1]?.placeholders).toEqual([]);
  });

  it('segments cover the output contiguously', () => {
    const text =
      'a: {{repl Namespace }}\n{{repl if true }}b: repl{{ ConfigOption "tag" }}{{repl end }}\nc: d\n';
    const r = render(text);
    let o = 0;
    for (const s of r.map) {
      expect(s.outStart).toBe(o);
      o = s.outEnd;
    }
    expect(o).toBe(r.output.length);
    expect(r.output).toBe('a: app-ns\nb: 1.2.3\nc: d\n');
  });
});
