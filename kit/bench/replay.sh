#!/usr/bin/env bash
# Benchmark of 'firedrill replay': wall time of one replay and the figures it measured.
#
#   kit/bench/replay.sh [incident-or-tag] [out-dir]      (default: release-2.4.0, a temporary folder)
#
# The first run builds v2.3.0 and the release (about a minute each, cached by tree id in
# ~/.cache/firedrill or $FIREDRILL_CACHE); later runs only replay. Prints one line a README can quote.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
target=${1:-release-2.4.0}
out=${2:-$(mktemp -d "${TMPDIR:-/tmp}/firedrill-replay-bench.XXXXXX")/replay}

start=$(date +%s.%N)
"$root/firedrill" replay "$target" --out "$out" >"$out.stdout" 2>"$out.progress" || {
  status=$?
  echo "replay.sh: firedrill replay failed with exit code $status (progress in $out.progress)" >&2
  tail -n 20 "$out.progress" >&2
  exit "$status"
}
end=$(date +%s.%N)

python3 - "$out/replay.json" "$start" "$end" "$target" <<'PY'
import json, sys
report, start, end, target = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
d = json.load(open(report))
b, a = d["summary"]["before"], d["summary"]["after"]
wall = d["wallSeconds"]
builds = sum(v for k, v in wall.items() if k.startswith("build."))
jobs = ", ".join(f'{job} {v["failed"]}/{v["runs"]} failed' for job, v in d["jobFailures"].items())
print(f'replay {target}: {end - start:.1f} s wall ({wall.get("replay", 0):.1f} s replay, builds {builds:.1f} s'
      f'{" (cached)" if builds == 0 else ""}); '
      f'error rate {b["errorRatePercent"]:.2f} % -> {a["errorRatePercent"]:.2f} %, '
      f'p50 {b["p50Ms"]:.1f} -> {a["p50Ms"]:.1f} ms, p99 {b["p99Ms"]:.1f} -> {a["p99Ms"]:.1f} ms; jobs: {jobs}')
PY
