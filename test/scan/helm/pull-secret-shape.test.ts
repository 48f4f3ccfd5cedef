// Table tests of the item shape read from a chart's templates for an empty pull-secret list
// (src/scan/helm/pull-secret-shape.ts). The Istio 1.5 form is its charts' serviceaccount.yaml.
import { describe, expect, it } from 'vitest';
import { readsPlainStrings } from '../../../src/scan/helm/pull-secret-shape.js';

const istio = `imagePullSecrets:
{{- range .Values.global.imagePullSecrets }}
  - name: {{ . }}
{{- end }}`;

describe('readsPlainStrings', () => {
  it.each<[string, string, string[], boolean]>([
    ['Istio: range, `- name: {{ . }}`', istio, ['global', 'imagePullSecrets'], true],
    [
      'a named range variable',
      `{{- range $s := .Values.pullSecrets }}\n- name: {{ $s | quote }}\n{{- end }}`,
      ['pullSecrets'],
      true,
    ],
    [
      'index and value variables',
      `{{ range $i, $s := .Values.x.imagePullSecrets }}\n- name: "{{ $s }}"\n{{ end }}`,
      ['x', 'imagePullSecrets'],
      true,
    ],
    ['a subchart sees a tail of the path', istio.replace('global.', ''), ['mixer', 'imagePullSecrets'], true],
    [
      'toYaml of {name} items',
      '{{- toYaml .Values.imagePullSecrets | nindent 8 }}',
      ['imagePullSecrets'],
      false,
    ],
    [
      'range writing the item whole',
      `{{- range .Values.imagePullSecrets }}\n- {{ toYaml . }}\n{{- end }}`,
      ['imagePullSecrets'],
      false,
    ],
    ['another key ranged over', istio, ['imagePullSecrets'], false],
  ])('%s', (_, text, path, want) => {
    expect(readsPlainStrings([{ text }], path)).toBe(want);
  });
});
