# Headless Chromium for the bench's page checks (check-report, check-cohort, check-live) and charts-png: sourced,
#
#   source "$(dirname "${BASH_SOURCE[0]}")/headless-chromium.sh" <script name>
#
# it sets $chromium to the first of chromium, chromium-browser and google-chrome on PATH, or exits 3 naming the
# script. The caller sets $profile, the folder Chromium keeps its profile in, before calling headless.

# headless SECONDS ARGS...: Chromium without a window or anything of the network beyond the page, on $profile,
# the page's scripts given 3 s of virtual time, killed after SECONDS
headless() {
  local seconds=$1
  shift
  timeout "$seconds" "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync --disable-extensions \
    --user-data-dir="$profile" --virtual-time-budget=3000 "$@"
}

chromium=""
for candidate in chromium chromium-browser google-chrome; do
  if command -v "$candidate" >/dev/null 2>&1; then chromium=$(command -v "$candidate"); break; fi
done
if [[ -z "$chromium" ]]; then
  echo "$1: no chromium on PATH (apt-get update && apt-get install -y chromium)" >&2
  exit 3
fi
