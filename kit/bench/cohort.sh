#!/usr/bin/env bash
# What does grading a cohort two at a time cost, against grading each submission alone?
#
#   kit/bench/cohort.sh [incident] [size] [timeout] [tamper]   (default: ungated-discount, 20, 4m, planted-hidden-suite)
#
# Exports a cohort of <size> submissions of the incident (issue #12's cohort), in this order:
#   unfixed, the reference fix, a known-wrong fix, one that does not compile, one tamper case (a fixture of
#   fixes.yaml with kind: tamper: it must fail and show its finding), one that never ends (a test that sleeps
#   forever: the grading's bounds must stop it), then every other known fix of incidents/<id>/fixes, then the
#   known fixes again, as further candidates who made the same fix, until there are <size>.
# Every candidate commits a DECISION.md of their own on top, as the brief asks, so no two submissions are the
# same commit; the cohort grades each one in full either way (its skip is per candidate folder).
# Then times, one after the other on the same machine:
#   1. ./firedrill grade <incident> of the reference fix alone (one grade, the unit of the figure)
#   2. ./firedrill cohort <incident> --jobs 2 --timeout <timeout> over the roster of them all
# and prints cohort wall time / (count x one grade), the issue's figure (target <= 0.6), and checks from
# cohort.json that the tamper case failed and shows a finding. Not a test: timings depend on the machine and on
# what else runs on it; the never-ending submission costs its time bound whatever the jobs.
# KEEP=1 keeps the work folder (the cohort's folders and report), e.g. for kit/bench/check-cohort.sh.
set -euo pipefail

root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)
incident=${1:-ungated-discount}
size=${2:-20}
timeout=${3:-4m}
tamper=${4:-planted-hidden-suite}
work=$(mktemp -d "${TMPDIR:-/tmp}/firedrill-cohort-bench.XXXXXX")
keep=${KEEP:+true}
keep=${keep:-false}
cleanup() { if [[ $keep == false ]]; then rm -rf "$work"; fi; }
trap cleanup EXIT
cd "$root"

fixes_yaml="incidents/$incident/fixes/fixes.yaml"
if [[ ! -f "$fixes_yaml" ]]; then
  echo "cohort-bench: $incident has no $fixes_yaml: no reference fix to time" >&2
  exit 4
fi
reference=$(awk '/- id:/ { id = $3 } /reference: true/ { print id; exit }' "$fixes_yaml")
wrong=$(awk '/- id:/ { id = $3 } /kind: wrong/ { print id; exit }' "$fixes_yaml")
known=$(awk '/- id:/ { id = $3 } /kind: (accepted|wrong)/ { print id }' "$fixes_yaml")
if ! awk -v t="$tamper" '/- id:/ { id = $3 } /kind: tamper/ && id == t { found = 1 } END { exit !found }' "$fixes_yaml"; then
  echo "cohort-bench: $tamper is not a tamper fixture of $fixes_yaml" >&2
  exit 4
fi

variants=(unfixed "fix:$reference" "fix:$wrong" no-compile "fix:$tamper" never-ends)
for other in $known; do
  if [[ $other != "$reference" && $other != "$wrong" ]]; then variants+=("fix:$other"); fi
done
if [[ "$size" -lt 1 ]]; then size=${#variants[@]}; fi
while [[ ${#variants[@]} -lt $size ]]; do
  for again in $known; do
    if [[ ${#variants[@]} -lt $size ]]; then variants+=("fix:$again"); fi
  done
done
variants=("${variants[@]:0:$size}")

commit() { git -C "$1" -c user.name=Bench -c user.email=bench@example.com commit -qam "$2"; }

echo "candidate,repository,ref" >"$work/roster.csv"
declare -A seen=()
for variant in "${variants[@]}"; do
  name=${variant#fix:}
  seen[$name]=$(( ${seen[$name]:-0} + 1 ))
  candidate=$name
  if [[ ${seen[$name]} -gt 1 ]]; then candidate="$name-${seen[$name]}"; fi
  target="$work/subs/$candidate"
  if [[ $variant == fix:* ]]; then
    ./firedrill export "$incident" --out "$target" --fix "$name" >/dev/null
  else
    ./firedrill export "$incident" --out "$target" >/dev/null
  fi
  case $variant in
    no-compile)
      file=$(git -C "$target" ls-files 'checkout-service/src/main/java/*.java' | head -n 1)
      echo 'class DoesNotCompile { int x = ; }' >>"$target/$file"
      commit "$target" "A change that does not compile" ;;
    never-ends)
      file=$(git -C "$target" ls-files 'checkout-service/src/test/java/*Tests.java' | head -n 1)
      package=$(sed -n 's/^package \(.*\);/\1/p' "$target/$file" | head -n 1)
      mkdir -p "$(dirname "$target/$file")"
      printf 'package %s;\n\nclass NeverEndsTests {\n\n    @org.junit.jupiter.api.Test\n    void waits() throws Exception {\n        Thread.sleep(Long.MAX_VALUE);\n    }\n\n}\n' \
        "$package" >"$(dirname "$target/$file")/NeverEndsTests.java"
      git -C "$target" add -A
      commit "$target" "A test that never ends" ;;
  esac
  printf '# Decision\n\nCandidate %s: what I found, what I changed (%s) and why, and what would have caught it.\n' \
    "$candidate" "$variant" >"$target/DECISION.md"
  git -C "$target" add DECISION.md
  commit "$target" "DECISION.md"
  echo "$candidate,subs/$candidate," >>"$work/roster.csv"
done
count=${#variants[@]}

seconds() { date +%s.%N; }

start=$(seconds)
if ! ./firedrill grade "$incident" "$work/subs/$reference" --out "$work/single" --timeout "$timeout" >"$work/grade.out" 2>&1; then
  keep=true
  echo "cohort-bench: firedrill grade of the reference fix failed (output: $work/grade.out)" >&2
  exit 1
fi
single=$(awk -v a="$start" -v b="$(seconds)" 'BEGIN { printf "%.1f", b - a }')

start=$(seconds)
if ! ./firedrill cohort "$incident" --roster "$work/roster.csv" --out "$work/cohort" --jobs 2 --timeout "$timeout" \
    >"$work/cohort.out" 2>&1; then
  keep=true
  echo "cohort-bench: firedrill cohort failed (output: $work/cohort.out)" >&2
  exit 1
fi
wall=$(awk -v a="$start" -v b="$(seconds)" 'BEGIN { printf "%.1f", b - a }')

grep '^\[' "$work/cohort.out" | grep -v ' grading ' || true
ratio=$(awk -v w="$wall" -v s="$single" -v n="$count" 'BEGIN { printf "%.2f", w / (n * s) }')
# The tamper case must be graded as `grade` grades it: no criterion passes, and its finding shows.
expected=$(awk -v t="$tamper" '/- id:/ { id = $3 } id == t && /findings:/ { gsub(/.*\[|\].*|,/, " "); print; exit }' \
  "$fixes_yaml")
tamper_row=$(jq -c --arg c "$tamper" '.candidates[] | select(.candidate == $c)
  | {status, passed: [.criteria[] | select(.status == "pass") | .id], findings: [.findings[].code]}' \
  "$work/cohort/cohort.json")
tamper_ok=true
if [[ $(jq -r '.status' <<<"$tamper_row") != graded || $(jq '.passed | length' <<<"$tamper_row") -ne 0 ]]; then
  tamper_ok=false
fi
for code in $expected; do
  if ! jq -e --arg f "$code" '.findings | index($f)' <<<"$tamper_row" >/dev/null; then tamper_ok=false; fi
done

echo "incident:              $incident, $count submissions (${variants[*]})"
echo "tamper case:           $tamper $tamper_row (expected findings: $expected): $([[ $tamper_ok == true ]] && echo ok || echo MISSED)"
echo "one grade (reference): ${single} s"
echo "cohort --jobs 2:       ${wall} s (--timeout $timeout)"
echo "ratio:                 ${ratio} = cohort / ($count x one grade) (target <= 0.6)"
if [[ $keep == true ]]; then echo "kept:                  $work (report: $work/cohort/cohort.html)"; fi
if [[ $tamper_ok != true ]]; then exit 1; fi
