#!/usr/bin/env bash
# How much slower is grading a submission than the candidate's own build?
#
#   kit/bench/grade-vs-verify.sh [incident]      (default: release-2.4.0)
#
# Exports the incident with its reference fix committed (as a candidate who solved it would submit it), then
# times, one after the other on the same machine:
#   1. ./mvnw -o -B verify          in that candidate repository alone (its own tests, failures ignored)
#   2. ./firedrill grade <incident>  of that repository (its own tests and the hidden suites, one Maven run)
# and prints both and their ratio (target: at most 1.15, issue #16). Not a test: timings depend on the machine.
# Needs the incident's reference fix (incidents/<id>/fixes/fixes.yaml); exits 4 with one line until there is one.
# FIREDRILL_JAR=<a firedrill.jar> grades with that build of the kit instead (an older one, for a before/after in the
# same session).
set -euo pipefail

root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)
incident=${1:-release-2.4.0}
work=$(mktemp -d "${TMPDIR:-/tmp}/firedrill-bench.XXXXXX")
keep=false
cleanup() { if [[ $keep == false ]]; then rm -rf "$work"; fi; }
trap cleanup EXIT

cd "$root"
if [[ -n "${FIREDRILL_JAR:-}" ]]; then
  kit=(java -Dfiredrill.home="$root" -jar "$FIREDRILL_JAR")
else
  ./firedrill --help >/dev/null # builds the kit when its sources changed: not part of the grade's time
  kit=(./firedrill)
fi
if ! "${kit[@]}" export "$incident" --out "$work/candidate" --fix reference >"$work/export.out" 2>"$work/export.err"; then
  if grep -q "fixes.yaml\|no reference fix" "$work/export.err"; then
    echo "grade-vs-verify: $incident has no reference fix yet (incidents/$incident/fixes/fixes.yaml): nothing to time" >&2
    exit 4
  fi
  cat "$work/export.err" >&2
  exit 1
fi

seconds() { date +%s.%N; }

# failures ignored as the grader ignores them: the same tests run either way, and the timing is what counts
verify() { (cd "$work/candidate" && ./mvnw -o -B verify -Dmaven.test.failure.ignore=true) >"$work/verify.log" 2>&1; }
start=$(seconds)
if ! verify; then
  # a Maven repository that lacks what this build needs (a fresh machine): download it, untimed, and time again
  if ! (cd "$work/candidate" && ./mvnw -B verify -Dmaven.test.failure.ignore=true) >"$work/resolve.log" 2>&1; then
    keep=true
    echo "grade-vs-verify: ./mvnw -B verify of the fixed candidate failed (log: $work/resolve.log)" >&2
    exit 1
  fi
  rm -rf "$work/candidate/target" "$work/candidate"/*/target
  start=$(seconds)
  if ! verify; then
    keep=true
    echo "grade-vs-verify: ./mvnw -o -B verify of the fixed candidate failed (log: $work/verify.log)" >&2
    exit 1
  fi
fi
verify=$(awk -v a="$start" -v b="$(seconds)" 'BEGIN { printf "%.1f", b - a }')
rm -rf "$work/candidate/target" "$work/candidate"/*/target

start=$(seconds)
if ! "${kit[@]}" grade "$incident" "$work/candidate" --out "$work/card" >"$work/grade.out" 2>&1; then
  keep=true
  echo "grade-vs-verify: firedrill grade failed (output: $work/grade.out)" >&2
  exit 1
fi
grade=$(awk -v a="$start" -v b="$(seconds)" 'BEGIN { printf "%.1f", b - a }')

ratio=$(awk -v g="$grade" -v v="$verify" 'BEGIN { printf "%.2f", g / v }')
echo "incident:            $incident (reference fix committed)"
echo "mvnw -o -B verify:   ${verify} s"
echo "firedrill grade:     ${grade} s   ($(sed -n '2p' "$work/grade.out"))"
echo "ratio:               ${ratio}x (target <= 1.15, issue #16)"
