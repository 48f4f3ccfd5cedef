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

  /** `redact` of the pieces' concatenation, piece by piece: the concatenation of what this yields
   *  equals `redact(chunks.join(''))`, also where a secret spans pieces. Each form gets a stage that
   *  replaces as `split`/`join` does (leftmost, non-overlapping) and holds back the tail that may
   *  begin an occurrence, and the stages run in `redact`'s order, each over the previous one's output. */
  redactChunks(chunks: Iterable<string>): Iterable<string> {
    let out = chunks;
    for (const f of this.forms) out = replaceStreaming(out, f);
    return out;
  }
}

function* replaceStreaming(chunks: Iterable<string>, form: string): Generator<string> {
  let carry = '';
  for (const chunk of chunks) {
    const text = carry + chunk;
    let out = '';
    let from = 0;
    for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, from)) {
      out += `${text.slice(from, at)}***`;
      from = at + form.length;
    }
    // An occurrence that ends in a later piece starts within the last form.length - 1 characters.
    const keep = Math.max(from, text.length - form.length + 1);
    out += text.slice(from, keep);
    carry = text.slice(keep);
    if (out !== '') yield out;
  }
  if (carry !== '') yield carry;
}
