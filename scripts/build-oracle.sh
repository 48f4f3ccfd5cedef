#!/usr/bin/env bash
# Builds the test-only Go text/template + sprig oracle (test/template/oracle) into .tools/bin/.
# The tests call this when the binary is missing; it needs Go and the Go module proxy.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/.tools/bin/template-oracle"
if ! command -v go >/dev/null 2>&1; then
  echo "build-oracle: 'go' is not on PATH; install Go 1.22+ to run the template oracle tests" >&2
  exit 1
fi
mkdir -p "$root/.tools/bin"
cd "$root/test/template/oracle"
# A per-process temporary name: test files may build at the same time; mv is atomic.
tmp="$out.$$.tmp"
GOFLAGS=-mod=mod go build -o "$tmp" .
mv "$tmp" "$out"
echo "$out"
