#!/usr/bin/env bash
# Validates kit/templates (the GitHub workflows and the Kubernetes manifests) with pinned tools from the npm
# registry (package-lock.json), installed into this folder on first use. Exit 0: all valid; 1: a template is
# invalid (each problem on a line); 3: Node.js/npm missing or the tools could not be installed.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "check-templates: needs Node.js 20+ and npm" >&2
  exit 3
fi
if [[ ! -d "$here/node_modules" || "$here/package-lock.json" -nt "$here/node_modules" ]]; then
  if ! (cd "$here" && npm ci --no-audit --no-fund --loglevel=error >/dev/null); then
    echo "check-templates: could not install the pinned tools (npm ci in $here)" >&2
    exit 3
  fi
fi
# the scripts the templates run: syntax only (the kit's tests run them)
python3 -c 'import ast, sys; ast.parse(open(sys.argv[1]).read(), sys.argv[1])' "$here/../github/fetch-chunk.py"
for script in "$here"/../github/*.sh "$here"/../kubernetes/*.sh; do
  bash -n "$script"
done
cd "$here/.." && node check/check.mjs "$PWD"
