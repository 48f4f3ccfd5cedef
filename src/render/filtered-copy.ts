// A release file minus the documents KOTS does not deploy (its own kinds, kots.io/exclude and
// kots.io/when): the documents kept, byte for byte, after a generated header. Pure.

import { GENERATED_HEADER } from '../generated.js';
import type { FilteredCopy } from '../model-plan.js';

/** `text` is the file's text, or its rendering for a `rendered` copy. */
export function renderFilteredCopy(copy: FilteredCopy, text: string): string {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const parts = copy.keep.map(([start, end]) => {
    const body = src.slice(start, end).replace(/^---[^\n]*\n?/, '');
    return body.endsWith('\n') ? body : `${body}\n`;
  });
  return [
    GENERATED_HEADER,
    copy.rendered?.chart
      ? `# The objects Helm renders for HelmChart "${copy.rendered.chart}" (${copy.source.split('/').slice(-1)[0]}), which KOTS deploys through its kustomize base.`
      : copy.rendered
        ? `# ${copy.source} as KOTS renders its templates with the Config defaults, without the documents KOTS does not deploy.`
        : `# ${copy.source} without the documents KOTS does not deploy (KOTS kinds, kots.io/exclude, kots.io/when).`,
    ...parts.map((p) => `---\n${p}`),
  ].join('\n');
}
