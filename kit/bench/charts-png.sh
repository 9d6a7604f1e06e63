#!/usr/bin/env bash
# Renders a replay's charts (error-rate.svg, latency.svg) to PNG next to them with headless Chromium, for
# documents that cannot embed SVG.   kit/bench/charts-png.sh <replay-out-dir | brief-assets-dir>
set -euo pipefail
dir=${1:?usage: $0 <folder with error-rate.svg and latency.svg>}
source "$(dirname "${BASH_SOURCE[0]}")/headless-chromium.sh" charts-png
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
for chart in error-rate latency; do
  svg="$(cd "$dir" && pwd)/$chart.svg"
  [[ -f "$svg" ]] || { echo "charts-png: no $svg" >&2; exit 1; }
  headless 120 --window-size=760,300 --screenshot="${svg%.svg}.png" "file://$svg" >/dev/null 2>&1
  echo "${svg%.svg}.png"
done
