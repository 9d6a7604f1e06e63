#!/usr/bin/env bash
# Checks that a cohort report renders and sorts: loads cohort.html#check in headless Chromium, lets the page's own
# check run (the table has the rows it was written with, every criterion its chart; then a click on the candidate
# header must sort the rows ascending and a second click descending), and takes a screenshot.
#
#   kit/bench/check-cohort.sh <cohort.html> [screenshot.png]
#
# Exit 0: the page rendered, its row count matches cohort.json next to it (when there is one) and sorting works.
# 1: the page is broken. 2: usage. 3: no Chromium (apt-get update && apt-get install -y chromium).
set -euo pipefail

page=${1:-}
if [[ -z "$page" || ! -f "$page" ]]; then
  echo "usage: $0 <cohort.html> [screenshot.png]" >&2
  exit 2
fi
page=$(cd "$(dirname "$page")" && pwd)/$(basename "$page")
shot=${2:-${page%.html}.png}

source "$(dirname "${BASH_SOURCE[0]}")/headless-chromium.sh" check-cohort

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT

dom=$(headless 120 --dump-dom "file://$page#check" 2>/dev/null || true)
if [[ -z "$dom" ]]; then
  echo "check-cohort: chromium printed no DOM for $page" >&2
  exit 1
fi
body=$(grep -o '<body[^>]*>' <<<"$dom" | head -n 1)
attribute() { sed -n "s/.*$1=\"\\([^\"]*\\)\".*/\\1/p" <<<"$body"; }
check=$(attribute data-check)
sorted=$(attribute data-sort-check)
rendered=$(attribute data-rendered-rows)
rows=$(grep -o '<tr class="candidate"' <<<"$dom" | wc -l)
charts=$(grep -o '<svg class="distribution"' <<<"$dom" | wc -l)
expected=$rows
json="$(dirname "$page")/cohort.json"
if [[ -f "$json" ]]; then
  expected=$(grep -o '"candidate" : ' "$json" | wc -l)
fi

headless 120 --window-size=1400,1000 --screenshot="$shot" "file://$page" >/dev/null 2>&1 || true
size=$(stat -c %s "$shot" 2>/dev/null || echo 0)

echo "check-cohort: check=$check, sort=$sorted, $rows rows rendered (page says $rendered, cohort.json $expected)," \
  "$charts charts, screenshot $shot ($size bytes)"
if [[ "$check" != ok || "$sorted" != ok || "$rows" -ne "$expected" || "$rendered" != "$rows" || "$size" -lt 5000 ]]; then
  echo "check-cohort: the page is broken" >&2
  exit 1
fi
