// Removes secrets from text before it leaves the process. Each secret is also hidden in its base64 and
// URL-encoded forms, since registries and tokens travel that way.

function secretForms(secret: string): string[] {
  const forms = new Set([secret, Buffer.from(secret).toString('base64'), encodeURIComponent(secret)]);
  return [...forms].filter((s) => s.length >= 4);
}

export function makeRedactor(secrets: Iterable<string>): (text: string) => string {
  const forms = [...new Set([...secrets].flatMap(secretForms))].sort((a, b) => b.length - a.length);
  if (forms.length === 0) return (text) => text;
  return (text) => {
    let out = text;
    for (const f of forms) out = out.split(f).join('***');
    return out;
  };
}
