#!/usr/bin/env bash
# Drives a live session of release-2.4.0 end to end and checks it with the dashboard's own numbers, read from the
# page as headless Chromium renders it: v2.4.0 errors above 10 %; a forced rollback to v2.3.0 (after printing
# rollback-check's verdict) errors near 100 %, since v2.3.0 cannot insert into v2.4.0's schema; the reference fix
# (export --fix reference, deployed with live deploy --repo) under 0.5 % within a few simulated minutes; the page's
# totals match the service's /actuator/prometheus; live stop leaves no process nor port, and the database and logs.
#
#   kit/bench/check-live.sh <screenshot-dir>
#
# Exit 0: every check held. 1: a check failed (the session's log is printed). 2: usage. 3: no Chromium.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

shots=${1:-}
if [[ -z "$shots" ]]; then
  echo "usage: $0 <screenshot-dir>" >&2
  exit 2
fi
mkdir -p "$shots"
shots=$(cd "$shots" && pwd)
began=$(date +%s)

source kit/bench/headless-chromium.sh check-live

work=$(mktemp -d "${TMPDIR:-/tmp}/firedrill-live-check.XXXXXX")
out="$work/live"
profile="$work/chromium"
session=""
fail() {
  echo "check-live: FAILED: $*" >&2
  echo "---- session log (last 40 lines)" >&2
  tail -n 40 "$work/session.log" >&2 || true
  exit 1
}
finish() {
  # whatever happened, no session outlives the check
  if [[ -n "$session" ]] && kill -0 "$session" 2>/dev/null; then
    ./firedrill live stop --out "$out" >/dev/null 2>&1 || kill -INT "$session" 2>/dev/null || true
    wait "$session" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap finish EXIT

# 2 s per simulated minute and 2 minutes on v2.3.0 before the deploy: the same story, faster
./firedrill live release-2.4.0 --out "$out" --minute-millis 2000 --minutes-before 2 >"$work/session.log" 2>&1 &
session=$!
for _ in $(seq 1 360); do
  [[ -f "$out/live.properties" ]] && break
  kill -0 "$session" 2>/dev/null || fail "the session ended before serving its dashboard"
  sleep 0.5
done
[[ -f "$out/live.properties" ]] || fail "no live.properties after 180 s"
port=$(sed -n 's/^port=//p' "$out/live.properties")
dashboard="http://127.0.0.1:$port/"
echo "check-live: dashboard $dashboard"
# the candidate's fix, made while the session warms up: the reference fix as 'export --fix reference' commits it
./firedrill export release-2.4.0 --fix reference --out "$work/candidate" >"$work/export.log" 2>&1 &
exporting=$!

# waits until RELEASE (a prefix) is installed and has served N minutes; gives up after SECONDS
await() {
  local release=$1 minutes=$2 seconds=$3 deadline=$(( $(date +%s) + $3 ))
  while (( $(date +%s) < deadline )); do
    if curl -sf "${dashboard}api/state" | python3 -c '
import json, sys
s = json.load(sys.stdin)
sys.exit(0 if s["release"].startswith(sys.argv[1]) and s["current"]["minutes"] >= int(sys.argv[2]) else 1)
' "$release" "$minutes"; then
      return 0
    fi
    kill -0 "$session" 2>/dev/null || fail "the session ended"
    sleep 1
  done
  fail "$release did not serve $minutes minutes within $seconds s"
}

# the page's own figures: the attributes of its #current section once its script has rendered the state
page() {
  local dom
  dom=$(headless 60 --dump-dom "$dashboard" 2>/dev/null || true)
  grep -q 'data-check="ok"' <<<"$dom" || fail "the dashboard did not render (no data-check=\"ok\")"
  python3 -c '
import re, sys
section = re.search(r"<section id=\"current\"([^>]*)>", sys.stdin.read()).group(1)
attrs = dict(re.findall(r"data-([a-z-]+)=\"([^\"]*)\"", section))
print(attrs["version"], attrs["error-rate"] or "nan", attrs["process-requests"], attrs["process-errors"], attrs["service-port"])
' <<<"$dom"
}

shot() {
  headless 60 --window-size=1000,1500 --screenshot="$shots/$1" "$dashboard" >/dev/null 2>&1 || true
  [[ $(stat -c %s "$shots/$1" 2>/dev/null || echo 0) -gt 10000 ]] || fail "no screenshot $1"
}

# the page's totals against the service's own endpoint, scraped right after: the endpoint may only have counted
# the checkouts of the minute under way since (at most 3 minutes' worth at 80 a minute), never fewer
matches_prometheus() {
  local requests=$1 errors=$2 service=$3
  curl -sf "http://127.0.0.1:$service/actuator/prometheus" | python3 -c '
import re, sys
total = errors = 0
for line in sys.stdin:
    if line.startswith("http_server_requests_seconds_count{") and "method=\"POST\"" in line and "uri=\"/api/checkout\"" in line:
        count = float(line.rsplit(" ", 1)[1])
        total += count
        if not re.search(r"status=\"2\d\d\"", line):
            errors += count
page_requests, page_errors = int(sys.argv[1]), int(sys.argv[2])
ok = page_requests <= total <= page_requests + 240 and page_errors <= errors <= page_errors + (total - page_requests)
print(f"page {page_requests} checkouts / {page_errors} errors, /actuator/prometheus {int(total)} / {int(errors)}")
sys.exit(0 if ok and page_requests > 0 else 1)
' "$requests" "$errors" || fail "the page's totals do not match /actuator/prometheus"
}

# 1. the incident: v2.4.0 on v2.3.0's data
await v2.4.0 4 300
read -r version rate requests errors service < <(page)
echo "check-live: $version error rate $rate (page)"
[[ "$version" == v2.4.0 ]] || fail "page shows $version, not v2.4.0"
python3 -c 'import sys; sys.exit(0 if float(sys.argv[1]) > 0.10 else 1)' "$rate" || fail "v2.4.0 error rate $rate not above 10 %"
matches_prometheus "$requests" "$errors" "$service"
shot 1-v2.4.0.png

# 2. the rollback the incident warns about: rollback-check says unsafe; forced, every checkout fails
./firedrill live rollback --to v2.3.0 --force --out "$out" | tee "$work/rollback.txt" | grep -E '^(verdict|rollback done)'
grep -q '^verdict: unsafe' "$work/rollback.txt" || fail "rollback-check did not say unsafe"
await v2.3.0 3 240
read -r version rate requests errors service < <(page)
echo "check-live: $version error rate $rate (page)"
[[ "$version" == v2.3.0 ]] || fail "page shows $version, not v2.3.0"
python3 -c 'import sys; sys.exit(0 if float(sys.argv[1]) >= 0.95 else 1)' "$rate" || fail "v2.3.0 on v2.4.0's schema: error rate $rate, not near 100 %"
matches_prometheus "$requests" "$errors" "$service"
shot 2-rollback-v2.3.0.png

# 3. the reference fix, deployed from the candidate's repository: under 0.5 % within a few simulated minutes
wait "$exporting" || { cat "$work/export.log" >&2; fail "export --fix reference failed"; }
./firedrill live deploy --repo "$work/candidate" --out "$out"
await main@ 3 240
fixed=""
for _ in 1 2 3 4; do
  read -r version rate requests errors service < <(page)
  echo "check-live: $version error rate $rate (page)"
  if python3 -c 'import sys; sys.exit(0 if float(sys.argv[1]) < 0.005 else 1)' "$rate"; then fixed=yes; break; fi
  sleep 2
done
[[ -n "$fixed" ]] || fail "the reference fix's error rate $rate is not under 0.5 %"
matches_prometheus "$requests" "$errors" "$service"
shot 3-fix-deployed.png

# 4. stop: nothing left running, the database and the logs stay
./firedrill live stop --out "$out"
wait "$session" 2>/dev/null || true
kill -0 "$session" 2>/dev/null && fail "the session still runs after live stop"
session=""
for p in "$port" "$service"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then fail "port $p still answers after live stop"; fi
done
[[ -f "$out/data/shop.mv.db" ]] || fail "the database is gone after live stop"
ls "$out/logs"/checkout-service-*.log >/dev/null || fail "the logs are gone after live stop"
[[ ! -f "$out/live.properties" ]] || fail "live.properties left behind"

echo "check-live: ok; screenshots in $shots; wall time $(( $(date +%s) - began )) s"
