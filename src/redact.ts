// Removes secrets from text before it leaves the process. Each secret is also hidden in its base64,
// URL-encoded and JSON-escaped forms, since registries and tokens travel that way and reports are JSON.
// One Redactor serves every output of a run; tokens issued during the run are added as they arrive.

/** Shorter values are not worth hiding (they would redact half the log) nor masking. */
export const MIN_SECRET_LENGTH = 4;

export function secretForms(secret: string): string[] {
  const json = JSON.stringify(secret).slice(1, -1);
  const b64 = Buffer.from(secret).toString('base64');
  const forms = new Set([secret, b64, b64.replace(/=+$/, ''), encodeURIComponent(secret), json]);
  return [...forms].filter((s) => s.length >= MIN_SECRET_LENGTH);
}

export class Redactor {
  private forms: string[] = [];
  private readonly seen = new Set<string>();

  constructor(secrets: Iterable<string> = []) {
    for (const s of secrets) this.add(s);
  }

  /** Adds a secret (e.g. a token just received); later calls to redact hide it too. */
  add(secret: string): void {
    if (secret.length < MIN_SECRET_LENGTH || this.seen.has(secret)) return;
    this.seen.add(secret);
    const all = new Set([...this.forms, ...secretForms(secret)]);
    this.forms = [...all].sort((a, b) => b.length - a.length);
  }

  readonly redact = (text: string): string => {
    let out = text;
    for (const f of this.forms) if (out.includes(f)) out = out.split(f).join('***');
    return out;
  };
}
