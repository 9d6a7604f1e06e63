#!/usr/bin/env bash
# What does grading a cohort two at a time cost, against grading each submission alone?
#
#   kit/bench/cohort.sh [incident] [size] [timeout]      (default: ungated-discount, every variant, 4m)
#
# Exports a cohort of submissions of the incident, in this order (the first <size> are taken):
#   unfixed, the reference fix, a known-wrong fix, one that does not compile, one that never ends (a test that
#   sleeps forever: the grading's bounds must stop it), then every other known fix of incidents/<id>/fixes.
# Then times, one after the other on the same machine:
#   1. ./firedrill grade <incident> of the reference fix alone (one grade, the unit of the figure)
#   2. ./firedrill cohort <incident> --jobs 2 --timeout <timeout> over the roster of them all
# and prints cohort wall time / (count x one grade), the issue's figure (target <= 0.6). Not a test: timings depend
# on the machine and on what else runs on it; the never-ending submission costs its time bound whatever the jobs.
# KEEP=1 keeps the work folder (the cohort's folders and report), e.g. for kit/bench/check-cohort.sh.
set -euo pipefail

root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)
incident=${1:-ungated-discount}
size=${2:-0}
timeout=${3:-4m}
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
others=$(awk -v r="$reference" -v w="$wrong" '/- id:/ { id = $3 } /kind: (accepted|wrong)/ { if (id != r && id != w) print id }' "$fixes_yaml")

variants=(unfixed "fix:$reference" "fix:$wrong" no-compile never-ends)
for other in $others; do variants+=("fix:$other"); done
if [[ "$size" -gt 0 && "$size" -lt ${#variants[@]} ]]; then variants=("${variants[@]:0:$size}"); fi

commit() { git -C "$1" -c user.name=Bench -c user.email=bench@example.com commit -qam "$2"; }

echo "candidate,repository,ref" >"$work/roster.csv"
for variant in "${variants[@]}"; do
  name=${variant#fix:}
  target="$work/subs/$name"
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
  echo "$name,subs/$name," >>"$work/roster.csv"
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
echo "incident:              $incident, $count submissions (${variants[*]})"
echo "one grade (reference): ${single} s"
echo "cohort --jobs 2:       ${wall} s (--timeout $timeout)"
echo "ratio:                 ${ratio} = cohort / ($count x one grade) (target <= 0.6)"
if [[ $keep == true ]]; then echo "kept:                  $work (report: $work/cohort/cohort.html)"; fi
