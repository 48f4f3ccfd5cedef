// Secret-hygiene helpers: every form a secret may travel in (plain, base64 at any byte alignment,
// base64url, URL-encoded, JSON-escaped), and a scan of named byte sources for any of them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Forms of `secret` to look for. Base64 is matched by its "core" at each of the three byte alignments,
 * so the secret is found even inside a longer base64 text (a docker config `auth`, a blob's content).
 */
/** @public */
export function leakForms(secret: string): string[] {
  const bytes = Buffer.from(secret);
  const forms = new Set<string>([secret, JSON.stringify(secret).slice(1, -1)]);
  const url = encodeURIComponent(secret);
  forms.add(url);
  forms.add(url.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()));
  forms.add(url.replace(/%20/g, '+'));
  for (let shift = 0; shift < 3; shift++) {
    const part = bytes.subarray(shift);
    const core = part.toString('base64').slice(0, Math.floor(part.length / 3) * 4);
    if (core.length >= 8) {
      forms.add(core);
      forms.add(core.replace(/\+/g, '-').replace(/\//g, '_'));
    }
  }
  forms.add(bytes.toString('base64'));
  return [...forms].filter((f) => f.length >= 6);
}

export interface Leak {
  source: string;
  secret: string;
  form: string;
  line: string;
}

/** Every line of every source holding any form of any secret (the line is shortened for messages). */
export function findLeaks(sources: Map<string, string>, secrets: Map<string, string>): Leak[] {
  const leaks: Leak[] = [];
  for (const [name, secret] of secrets) {
    const forms = leakForms(secret);
    for (const [source, text] of sources) {
      for (const line of text.split('\n')) {
        const form = forms.find((f) => line.includes(f));
        if (form !== undefined) leaks.push({ source, secret: name, form, line: line.slice(0, 160) });
      }
    }
  }
  return leaks;
}

/** Every regular file under `dir` (recursively, dot-directories included) as `prefix/path` → text. */
export function readTree(dir: string, prefix: string, skip: (path: string) => boolean = () => false) {
  const out = new Map<string, string>();
  const walk = (at: string, rel: string): void => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (skip(path)) continue;
      if (entry.isDirectory()) walk(join(at, entry.name), path);
      else if (entry.isFile())
        out.set(`${prefix}/${path}`, readFileSync(join(at, entry.name)).toString('latin1'));
    }
  };
  walk(dir, '');
  return out;
}
