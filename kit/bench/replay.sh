#!/usr/bin/env bash
# Benchmark of 'firedrill replay': wall time of one replay and the figures it measured.
#
#   kit/bench/replay.sh [incident-or-tag] [out-dir]      (default: release-2.4.0, a temporary folder)
#
# The first run builds v2.3.0 and the release (about a minute each, cached by tree id in
# ~/.cache/firedrill or $FIREDRILL_CACHE) and records the class-data sharing archives; later runs only
# replay. Prints one line a README can quote, then where the wall time went and the load average around
# the run (timings on a shared machine mean little without it).
# FIREDRILL_JAR=<a firedrill.jar> measures that build of the kit instead (an older one, for a before/after
# in the same session). REPLAY_ARGS="--warmup-sessions 200 --minute-millis 500" passes options to the replay, for
# an experiment with another setting in the same session.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
target=${1:-release-2.4.0}
out=${2:-$(mktemp -d "${TMPDIR:-/tmp}/firedrill-replay-bench.XXXXXX")/replay}

if [[ -n "${FIREDRILL_JAR:-}" ]]; then
  kit=(java -Dfiredrill.home="$root" -jar "$FIREDRILL_JAR")
else
  "$root/firedrill" --help >/dev/null # builds the kit when its sources changed: not part of the replay's time
  kit=("$root/firedrill")
fi
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
start=$(date +%s.%N)
# shellcheck disable=SC2086 # REPLAY_ARGS is a list of options
"${kit[@]}" replay "$target" --out "$out" ${REPLAY_ARGS:-} >"$out.stdout" 2>"$out.progress" || {
  status=$?
  echo "replay.sh: firedrill replay failed with exit code $status (progress in $out.progress)" >&2
  tail -n 20 "$out.progress" >&2
  exit "$status"
}
end=$(date +%s.%N)
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

python3 - "$out/replay.json" "$start" "$end" "$target" "$load_before" "$load_after" <<'PY'
import json, sys
report, start, end, target, load_before, load_after = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), *sys.argv[4:]
d = json.load(open(report))
b, a = d["summary"]["before"], d["summary"]["after"]
wall = d["wallSeconds"]
builds = sum(v for k, v in wall.items() if k.startswith("build."))
jobs = ", ".join(f'{job} {v["failed"]}/{v["runs"]} failed' for job, v in d["jobFailures"].items())
print(f'replay {target}: {end - start:.1f} s wall ({wall.get("replay", 0):.1f} s replay, builds {builds:.1f} s'
      f'{" (cached)" if builds == 0 else ""}); '
      f'error rate {b["errorRatePercent"]:.2f} % -> {a["errorRatePercent"]:.2f} %, '
      f'p50 {b["p50Ms"]:.1f} -> {a["p50Ms"]:.1f} ms, p99 {b["p99Ms"]:.1f} -> {a["p99Ms"]:.1f} ms '
      f'(x{a["p99Ms"] / b["p99Ms"]:.2f}; typical minute x{a["typicalMinuteP99Ms"] / b["typicalMinuteP99Ms"]:.2f}); '
      f'jobs: {jobs}')
# where the time went (kits before the breakdown wrote only starts and totals)
parts = {k: v for k, v in wall.items() if k not in ("replay", "total") and not k.startswith("build.")}
rest = (end - start) - sum(parts.values()) - builds
print('  breakdown: ' + ', '.join(f'{k} {v:.1f}' for k, v in parts.items())
      + f', the rest (kit start, seeding, scrapes, report) {rest:.1f} s')
print(f'  load average (1, 5, 15 min) {load_before} before, {load_after} after, on {__import__("os").cpu_count()} cores')
PY
