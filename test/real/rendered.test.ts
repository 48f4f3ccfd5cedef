// The corpus of real KOTS releases, part 2 (provenance in test/fixtures/real/SOURCES.md): the releases
// whose preview needs KOTS templates evaluated on Config defaults and v1 charts rendered by the real
// Helm. The CLI runs with `--helm` set to the pinned Helm 4 (the version KOTS builds with), then the
// real `kubectl kustomize` builds the overlay and the objects are compared one by one with
// ./rendered.cases.ts, written from replicatedhq/kots's code and `helm template`.
import { requireHelm } from '../helm-render/helm-bins.js';
import { RENDERED } from './rendered.cases.js';
import { describeCases } from './run-cases.js';

const helm = requireHelm(4);

describeCases('real releases rendered by KOTS templates and Helm, object by object', RENDERED, {
  helm: helm.path,
});
