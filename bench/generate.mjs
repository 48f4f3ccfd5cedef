// Generates a synthetic KOTS release for the scan benchmark. At scale 1 (the release size the
// benchmark is about): about 20 MB in 200 files, 20,000 documents, 50,000 image references over
// 2,000 distinct images. `scale` multiplies the files and the distinct images alike (each file keeps
// its 100 documents and its size), so scale 2 is a release twice as large in every respect.
// Deterministic (seeded): the same scale always writes the same bytes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const REGISTRIES = [
  'quay.io/acme',
  'ghcr.io/acme',
  'registry.acme.example:5000/team',
  'docker.io/acme',
  'nginx',
];

function image(i) {
  const reg = REGISTRIES[i % REGISTRIES.length];
  if (reg === 'nginx') return `nginx-${i}:1.${i % 30}`;
  return `${reg}/svc-${i}:v${i % 7}.${i % 11}.0`;
}

function container(name, img, r) {
  const env = Array.from(
    { length: 1 },
    (_, k) => `            - name: SETTING_${k}\n              value: "${Math.floor(r() * 1e9)}"`,
  ).join('\n');
  return `        - name: ${name}
          image: ${img}
          args: ["--port=8080", "--log-level=info"]
          env:
${env}
          ports:
            - containerPort: 8080`;
}

export function generateRelease(root, { scale = 1, docsPerFile = 100, refsPerDoc = 2.5 } = {}) {
  if (!Number.isInteger(scale) || scale < 1) throw new Error(`scale must be a positive integer: ${scale}`);
  const files = 200 * scale;
  const distinct = 2000 * scale;
  const r = rng(42);
  mkdirSync(root, { recursive: true });
  let refs = 0;
  let bytes = 0;
  for (let f = 0; f < files; f++) {
    const docs = [];
    for (let d = 0; d < docsPerFile; d++) {
      const n = f * docsPerFile + d;
      const count = r() < refsPerDoc - 2 ? 3 : 2;
      const containers = Array.from({ length: count }, (_, k) =>
        container(`c${k}`, image(Math.floor(r() * distinct)), r),
      );
      refs += count;
      docs.push(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${n}
  labels: {app: app-${n}, tier: backend}
  annotations:
    acme.example/owner: team-${n % 40}
    acme.example/revision: "${Math.floor(r() * 1e9)}"
    acme.example/contact: oncall-${n % 12}@acme.example
spec:
  replicas: 2
  selector:
    matchLabels: {app: app-${n}}
  template:
    metadata:
      labels: {app: app-${n}}
    spec:
      containers:
${containers.join('\n')}`);
    }
    const text = `${docs.join('\n---\n')}\n`;
    bytes += Buffer.byteLength(text);
    writeFileSync(join(root, `part-${String(f).padStart(3, '0')}.yaml`), text);
  }
  return { files, documents: files * docsPerFile, references: refs, bytes };
}
