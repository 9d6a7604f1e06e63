#!/usr/bin/env bash
# Checks that a replay report renders: loads report.html in headless Chromium, lets the page's own check run
# (both charts laid out, with their lines and the deploy marker), and takes a screenshot.
#
#   kit/bench/check-report.sh <report.html> [screenshot.png]
#
# Exit 0: the page rendered and its check said ok. 1: the page is broken. 2: usage. 3: no Chromium
# (install it with: apt-get update && apt-get install -y chromium).
set -euo pipefail

report=${1:-}
if [[ -z "$report" || ! -f "$report" ]]; then
  echo "usage: $0 <report.html> [screenshot.png]" >&2
  exit 2
fi
report=$(cd "$(dirname "$report")" && pwd)/$(basename "$report")
shot=${2:-${report%.html}.png}

source "$(dirname "${BASH_SOURCE[0]}")/headless-chromium.sh" check-report

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT

dom=$(headless 120 --dump-dom "file://$report" 2>/dev/null || true)
if [[ -z "$dom" ]]; then
  echo "check-report: chromium printed no DOM for $report" >&2
  exit 1
fi
status=$(grep -o 'data-check="[a-z]*"' <<<"$dom" | head -n 1 || true)
charts=$(grep -o '<svg[^>]*class="chart"' <<<"$dom" | wc -l)
lines=$(grep -o '<polyline[^>]*class="series"' <<<"$dom" | wc -l)
if grep -q 'NaN' <<<"$(grep -o 'points="[^"]*"' <<<"$dom")"; then
  echo "check-report: a chart has NaN in its points" >&2
  exit 1
fi

headless 120 --window-size=1000,2200 --screenshot="$shot" "file://$report" >/dev/null 2>&1 || true
size=$(stat -c %s "$shot" 2>/dev/null || echo 0)

echo "check-report: $status, $charts charts, $lines lines, screenshot $shot ($size bytes)"
if [[ "$status" != 'data-check="ok"' || "$charts" -lt 2 || "$lines" -lt 2 || "$size" -lt 10000 ]]; then
  echo "check-report: the page is broken" >&2
  exit 1
fi
