// KOTS template functions as replicatedhq/kots pkg/template defines them: builder.go renders with
// `{{repl`/`}}` then `repl{{`/`}}` and nil data; config_context.go takes an item's value when it is
// not empty, else its default; static_context.go, license_context.go and version_context.go give
// the other functions.
import { describe, expect, it } from 'vitest';
import { TemplateError, unsupportedFunction } from '../../src/template/index.js';
import { type KotsContext, kotsRenderer, PLACEHOLDERS, renderKots } from '../../src/template/kots.js';

const ctx: KotsContext = {
  namespace: 'app-ns',
  appSlug: 'acme',
  configGroups: [
    {
      name: 'main',
      items: [
        { name: 'tag', type: 'text', default: '1.0.0' },
        { name: 'withValue', type: 'text', value: 'set', default: 'def' },
        { name: 'emptyValue', type: 'text', value: '', default: 'def' },
        { name: 'enable', type: 'bool', default: '1' },
        { name: 'mode', type: 'select_one', default: 'small' },
        { name: 'derived', type: 'text', default: 'repl{{ ConfigOption "tag" }}-x' },
        { name: 'chain', type: 'text', value: '{{repl ConfigOption "derived" }}' },
        { name: 'label', type: 'label', value: 'from-release' },
        { name: 'ro', type: 'text', readonly: true, value: 'fixed' },
        {
          name: 'blob',
          type: 'file',
          value: Buffer.from('file-content').toString('base64'),
          filename: 'a.txt',
        },
        { name: 'hiddenOne', type: 'text', default: 'still-there' },
      ],
    },
  ],
  configValues: { withValue: 'user', label: 'ignored', ro: 'ignored' },
};

const out = (text: string, c: KotsContext = ctx) => renderKots(text, c).output;

describe('renderKots passes (builder.go RenderTemplate)', () => {
  it('renders both delimiters, {{repl first', () => {
    expect(out('a {{repl Namespace }} b repl{{ Namespace }} {{ Namespace }}')).toBe(
      'a app-ns b app-ns {{ Namespace }}',
    );
    expect(out('{{repl print "repl{{ Namespace }}" }}')).toBe('app-ns');
    expect(out('')).toBe('');
  });

  it('uses nil data: fields print <no value>', () => {
    expect(out('{{repl .Values.x }}')).toBe('<no value>');
  });

  it('reports template errors with the line', () => {
    let err: unknown;
    try {
      renderKots('a\nb {{repl if }}', ctx, 'deploy.yaml');
    } catch (e: unknown) {
      err = e;
    }
    expect(err).toBeInstanceOf(TemplateError);
    expect((err as TemplateError).line).toBe(2);
    expect((err as TemplateError).message).toContain('deploy.yaml:2');
  });
});

describe('config functions (config_context.go)', () => {
  it('takes the value when not empty, else the default', () => {
    expect(out('{{repl ConfigOption "tag" }}')).toBe('1.0.0');
    expect(out('{{repl ConfigOption "emptyValue" }}')).toBe('def');
    expect(out('{{repl ConfigOption "hiddenOne" }}')).toBe('still-there');
  });

  it('lets the user value win for editable items only (isReadOnly)', () => {
    expect(out('{{repl ConfigOption "withValue" }}')).toBe('user');
    expect(out('{{repl ConfigOption "label" }}')).toBe('from-release');
    expect(out('{{repl ConfigOption "ro" }}')).toBe('fixed');
  });

  it('renders item defaults and values as templates, following dependencies', () => {
    expect(out('{{repl ConfigOption "derived" }}')).toBe('1.0.0-x');
    expect(out('{{repl ConfigOption "chain" }}')).toBe('1.0.0-x');
  });

  it('returns empty / false for an unknown item', () => {
    expect(out('[{{repl ConfigOption "nope" }}]')).toBe('[]');
    expect(out('{{repl ConfigOptionEquals "nope" "" }} {{repl ConfigOptionNotEquals "nope" "x" }}')).toBe(
      'false false',
    );
  });

  it('compares with ConfigOptionEquals / NotEquals', () => {
    expect(out('{{repl if ConfigOptionEquals "enable" "1" }}on{{repl else }}off{{repl end }}')).toBe('on');
    expect(
      out('{{repl ConfigOptionEquals "mode" "small" }} {{repl ConfigOptionNotEquals "mode" "small" }}'),
    ).toBe('true false');
  });

  it('decodes ConfigOptionData and gives ConfigOptionFilename', () => {
    expect(out('{{repl ConfigOptionData "blob" }} {{repl ConfigOptionFilename "blob" }}')).toBe(
      'file-content a.txt',
    );
    expect(out('[{{repl ConfigOptionData "tag" }}]')).toBe('[]');
    expect(out('{{repl ConfigOptionName "tag" }}|{{repl ConfigOptionIndex "tag" }}|')).toBe('tag||');
  });

  it('keeps an item built from a placeholder marked, on every read of a shared renderer', () => {
    const c: KotsContext = {
      ...ctx,
      configGroups: [
        { items: [{ name: 'reg', type: 'text', default: '{{repl ReplicatedProxyDomain }}/proxy/acme' }] },
      ],
    };
    const r = kotsRenderer(c);
    for (let i = 0; i < 2; i++)
      expect(r('image: {{repl ConfigOption "reg" }}/api:1')).toEqual({
        output: `image: ${PLACEHOLDERS.replicatedProxyDomain}/proxy/acme/api:1`,
        placeholders: ['ReplicatedProxyDomain'],
      });
    expect(r('{{repl Namespace }}')).toEqual({ output: 'app-ns', placeholders: [] });
  });

  it('resolves a static repository with a templated tag', () => {
    expect(renderKots('quay.io/acme/api:repl{{ ConfigOption "tag" }}', ctx)).toEqual({
      output: 'quay.io/acme/api:1.0.0',
      placeholders: [],
    });
  });
});

describe('registry, static and version functions', () => {
  it('has no local registry on an online install', () => {
    expect(
      out(
        '{{repl HasLocalRegistry }} {{repl IsAirgap }} [{{repl LocalRegistryHost }}{{repl LocalRegistryAddress }}{{repl LocalRegistryNamespace }}]',
      ),
    ).toBe('false false []');
  });

  it('names the pull secret <slug>-registry (registry.SecretNameFromPrefix)', () => {
    expect(out('{{repl ImagePullSecretName }}')).toBe('acme-registry');
    expect(out('[{{repl ImagePullSecretName }}]', { ...ctx, appSlug: '' })).toBe('[]');
  });

  it('uses the LocalImageName callback, or marks the image a placeholder', () => {
    const c = { ...ctx, localImageName: (i: string) => `proxy.replicated.com/proxy/acme/${i}` };
    expect(renderKots('{{repl LocalImageName "quay.io/a/b:1" }}', c)).toEqual({
      output: 'proxy.replicated.com/proxy/acme/quay.io/a/b:1',
      placeholders: [],
    });
    expect(renderKots('{{repl LocalImageName "quay.io/a/b:1" }}', ctx)).toEqual({
      output: 'quay.io/a/b:1',
      placeholders: ['LocalImageName'],
    });
  });

  it('records customer-dependent placeholders', () => {
    const r = renderKots(
      '{{repl ReplicatedProxyDomain }}/{{repl LicenseFieldValue "customerName" }}/{{repl LicenseFieldValue "appSlug" }}',
      ctx,
    );
    expect(r.output).toBe(`${PLACEHOLDERS.replicatedProxyDomain}//acme`);
    expect(r.placeholders).toEqual(['LicenseFieldValue', 'ReplicatedProxyDomain']);
    expect(
      renderKots('{{repl ReplicatedProxyDomain }}', { ...ctx, replicatedProxyDomain: 'p.example.com' }),
    ).toEqual({ output: 'p.example.com', placeholders: [] });
  });

  it('computes Add/Sub/Mult/Div as static_context.go does', () => {
    expect(
      out(
        '{{repl Add 1 2 }} {{repl Sub 5 7 }} {{repl Mult 2 3 }} {{repl Div 7 2 }} {{repl Add 1.5 1 }} {{repl Div 7.0 2 }} {{repl Add "a" 1 }}',
      ),
    ).toBe('3 -2 6 3 2.5 3.5 0');
  });

  it('parses and converts like strconv (errors give zero values)', () => {
    expect(
      out(
        '{{repl ParseBool "true" }} {{repl ParseBool "yes" }} {{repl ParseInt "42" }} {{repl ParseInt "ff" 16 }} {{repl ParseInt "x" }} {{repl ParseFloat "1.5" }}',
      ),
    ).toBe('true false 42 255 0 1.5');
    expect(
      out(
        '{{repl ToUpper "a" }}{{repl ToLower "B" }}|{{repl TrimSpace " x " }}|{{repl Trim "--x--" "-" }}|{{repl Split "a,b" "," }}|{{repl UrlEncode "a b" }}',
      ),
    ).toBe('Ab|x|x|[a b]|a+b');
    expect(
      out(
        '{{repl Base64Encode "hi" }} {{repl Base64Decode "aGk=" }} [{{repl Base64Decode "!!" }}] {{repl HumanSize 1500 }}',
      ),
    ).toBe('aGk= hi [] 1.5kB');
  });

  it('gives Sequence as an int64 usable with sprig math', () => {
    expect(renderKots('{{repl add Sequence 1 }}', { ...ctx, version: { sequence: 4 } })).toEqual({
      output: '5',
      placeholders: [],
    });
  });

  it('keeps sprig available (static_context.go starts from sprig.TxtFuncMap)', () => {
    expect(out('{{repl ConfigOption "tag" | upper | quote }}')).toBe('"1.0.0"');
  });

  it('fails clearly, naming the function, where it has no implementation', () => {
    for (const [text, fn] of [
      ['{{repl KubeSeal "c" "n" "s" "v" }}', 'KubeSeal'],
      ['{{repl now }}', 'now'],
      ['{{repl semverCompare ">1" "2" }}', 'semverCompare'],
    ] as const) {
      let err: unknown;
      try {
        renderKots(text, ctx);
      } catch (e: unknown) {
        err = e;
      }
      expect(err, text).toBeInstanceOf(TemplateError);
      expect((err as Error).message).toContain(`"${fn}"`);
      expect(unsupportedFunction(err)).toBe(fn);
    }
  });
});
