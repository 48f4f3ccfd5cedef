#!/bin/sh
# Installs the local-lab tools the registry tests and benchmark need, only when one is
# missing: docker-registry (distribution 2.8), skopeo (peer client) and apache2-utils (htpasswd).
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
