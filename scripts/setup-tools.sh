#!/bin/sh
# Installs the local-lab tools the registry tests and benchmark need, only when one is
# missing: docker-registry (distribution 2.8), skopeo (peer client), apache2-utils (htpasswd), and
# Helm 4 and Helm 3 in .tools/bin (tests put that directory on PATH).
# Idempotent and quiet; needs root (or sudo) only when something must be installed.
set -eu

missing=""
command -v docker-registry >/dev/null 2>&1 || missing="$missing docker-registry"
command -v skopeo >/dev/null 2>&1 || missing="$missing skopeo"
command -v htpasswd >/dev/null 2>&1 || missing="$missing apache2-utils"
command -v openssl >/dev/null 2>&1 || missing="$missing openssl"

# kubectl (with kustomize v5) is the oracle for the generated overlays. It ships with this machine
# image; Debian's kubernetes-client package is 1.20 with a kustomize too old for our overlays, so it is
# checked rather than installed.
check_kubectl() {
  if ! command -v kubectl >/dev/null 2>&1; then
    echo "setup-tools: kubectl is missing: install kubectl 1.27+ (kustomize v5) and rerun" >&2
    exit 1
  fi
  if ! kubectl version --client 2>/dev/null | grep -Eq 'Kustomize Version: v5'; then
    echo "setup-tools: kubectl's kustomize is older than v5: $(kubectl version --client 2>&1 | tr '\n' ' ')" >&2
    exit 1
  fi
}

# Helm 4 (the version replicatedhq/kots builds with, go.mod helm.sh/helm/v4) and Helm 3, built from
# source by the Go module proxy into the project's .tools/bin: there is no other way to get Helm
# here. Rebuilt only when missing or at another version; Go's caches make a rebuild cheap.
HELM4_VERSION=v4.1.4
HELM3_VERSION=v3.21.2
root=$(cd "$(dirname "$0")/.." && pwd)
bin="$root/.tools/bin"

helm_version() { "$1" version --template '{{.Version}}' 2>/dev/null || true; }

# go install names both binaries `helm`, so each is built into its own GOBIN and renamed. The -X
# flags are those of Helm's Makefile: the version (else `helm version` says only v4.1), and for
# Helm 3 the default Kubernetes version (.Capabilities.KubeVersion), derived from the client-go
# that Helm release requires (Helm 4 derives it from its build info by itself).
install_helm() { # <major: v3|v4> <version> <binary name>
  [ "$(helm_version "$bin/$3")" = "$2" ] && return 0
  if ! command -v go >/dev/null 2>&1; then
    echo "setup-tools: go is missing: it is needed to build Helm $2 (go install helm.sh/helm/$1/cmd/helm@$2)" >&2
    exit 1
  fi
  echo "setup-tools: building Helm $2 into .tools/bin/$3" >&2
  gobin=$(mktemp -d)
  mod="helm.sh/helm/$1"
  ldflags="-s -w -X $mod/internal/version.version=$2 -X $mod/internal/version.metadata="
  if [ "$1" = v3 ]; then
    gomod=$(cd "$gobin" && GOFLAGS=-mod=mod go mod download -json "$mod@$2" 2>/dev/null | sed -n 's/^[[:space:]]*"GoMod": "\(.*\)",*$/\1/p')
    minor=$(sed -n 's/^[[:space:]]*k8s\.io\/client-go v0\.\([0-9]*\)\..*/\1/p' "$gomod" | head -n 1)
    for pkg in pkg/chartutil pkg/lint/rules; do
      ldflags="$ldflags -X $mod/$pkg.k8sVersionMajor=1 -X $mod/$pkg.k8sVersionMinor=$minor"
    done
  fi
  # Quiet unless it fails: go prints a line per module it downloads.
  if ! (cd "$gobin" && GOBIN="$gobin" GOFLAGS=-mod=mod go install -ldflags "$ldflags" "$mod/cmd/helm@$2" >"$gobin/log" 2>&1); then
    cat "$gobin/log" >&2
    echo "setup-tools: building Helm $2 failed" >&2
    exit 1
  fi
  mkdir -p "$bin"
  mv -f "$gobin/helm" "$bin/$3"
  rm -rf "$gobin"
}
install_helm v4 "$HELM4_VERSION" helm
install_helm v3 "$HELM3_VERSION" helm3

if [ -z "$missing" ]; then
  check_kubectl
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "setup-tools: need root to install:$missing" >&2
    exit 1
  fi
fi

echo "setup-tools: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq >/dev/null
# shellcheck disable=SC2086 # word splitting of the package list is intended
$sudo apt-get install -y -qq $missing >/dev/null
check_kubectl
