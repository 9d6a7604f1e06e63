#!/usr/bin/env bash
# Renders a replay's charts (error-rate.svg, latency.svg) to PNG next to them with headless Chromium, for
# documents that cannot embed SVG.   kit/bench/charts-png.sh <replay-out-dir | brief-assets-dir>
set -euo pipefail
dir=${1:?usage: $0 <folder with error-rate.svg and latency.svg>}
chromium=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [[ -z "$chromium" ]]; then
  echo "charts-png: no chromium on PATH (apt-get update && apt-get install -y chromium)" >&2
  exit 3
fi
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
for chart in error-rate latency; do
  svg="$(cd "$dir" && pwd)/$chart.svg"
  [[ -f "$svg" ]] || { echo "charts-png: no $svg" >&2; exit 1; }
  timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync --user-data-dir="$profile" \
    --window-size=760,300 --screenshot="${svg%.svg}.png" "file://$svg" >/dev/null 2>&1
  echo "${svg%.svg}.png"
done
