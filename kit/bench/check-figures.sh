#!/usr/bin/env bash
# Checks the figures of a replay of release-2.4.0 against the incident's story (spec §2):
# error rate 0.1 % before the deploy and 15 % +/- 1.5 points after, p99 of POST /api/checkout clearly up
# (x1.5 at least; about x1.8 is what the shop does), each of the three jobs failed on v2.4.0 and every
# failure was the NoSuchMethodError, the NullPointerException in checkout-service's log.
#
# The p99 compared is the typical minute's (the median of the per-minute p99s, the line the brief's graph
# shows): the whole window's p99 is the 8th slowest of some 800 checkouts, which a few minutes of JIT warm-up
# or of a job's JVM starting on the same two cores move by a third (85 -> 126 ms, x1.48, failed a CI run on
# 2026-11-30). The window's ratio is printed beside it, not checked.
#
#   kit/bench/check-figures.sh <replay-dir>
#
# Prints one line per check; exit 0 when all hold, 1 when one does not, 2 on bad input.
set -euo pipefail

dir=${1:?usage: check-figures.sh <replay-dir>}
if [[ ! -f "$dir/replay.json" ]]; then
  echo "check-figures.sh: no replay.json in $dir" >&2
  exit 2
fi

python3 - "$dir" <<'PY'
import json, pathlib, sys

out = pathlib.Path(sys.argv[1])
d = json.loads((out / "replay.json").read_text())
b, a = d["summary"]["before"], d["summary"]["after"]
if b.get("typicalMinuteP99Ms") is None or a.get("typicalMinuteP99Ms") is None:
    print(f"check-figures.sh: {out / 'replay.json'} has no typical minute's p99 on both sides "
          "(a minute without checkouts, or a kit older than the figure): replay again", file=sys.stderr)
    sys.exit(2)
after_jobs = [j for j in d["jobs"] if j["version"] == a["version"]]
# a retry run with nothing to retry calls no charge() and exits 0: each job must fail at least once
ran_jobs = {j["job"] for j in after_jobs}
failed_jobs = {j["job"] for j in after_jobs if j["exitCode"] != 0}
logs = "\n".join(p.read_text(errors="replace") for p in (out / "logs").rglob("*.log"))
checks = [
    (f'error rate before {b["errorRatePercent"]:.2f} % <= 0.5 %', b["errorRatePercent"] <= 0.5),
    (f'error rate after {a["errorRatePercent"]:.2f} % within 15 +/- 1.5 %', 13.5 <= a["errorRatePercent"] <= 16.5),
    (f'p99 of the typical minute {b["typicalMinuteP99Ms"]:.1f} -> {a["typicalMinuteP99Ms"]:.1f} ms: '
     f'x{a["typicalMinuteP99Ms"] / b["typicalMinuteP99Ms"]:.2f} >= x1.5 '
     f'(whole windows {b["p99Ms"]:.1f} -> {a["p99Ms"]:.1f} ms, x{a["p99Ms"] / b["p99Ms"]:.2f})',
     a["typicalMinuteP99Ms"] >= 1.5 * b["typicalMinuteP99Ms"]),
    (f'jobs failing on {a["version"]}: {", ".join(sorted(failed_jobs)) or "none"} (of {", ".join(sorted(ran_jobs))})',
     len(ran_jobs) == 3 and failed_jobs == ran_jobs),
    ('every failed run on ' + a["version"] + ' died of NoSuchMethodError',
     all("NoSuchMethodError" in (j.get("firstError") or "") for j in after_jobs if j["exitCode"] != 0)),
    ('NoSuchMethodError in the jobs\' logs', "java.lang.NoSuchMethodError" in logs),
    ('NullPointerException in checkout-service\'s log', "java.lang.NullPointerException" in logs),
]
for text, ok in checks:
    print(("ok    " if ok else "MISS  ") + text)
sys.exit(0 if all(ok for _, ok in checks) else 1)
PY
