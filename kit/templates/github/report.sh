#!/usr/bin/env bash
# The report step of cohort.yml: the cohort report over every chunk's downloaded scorecards (chunks/scorecards-*/),
# and the job summary ($GITHUB_STEP_SUMMARY, which GitHub caps at 1 MiB: firedrill keeps it under).
set -euo pipefail

shopt -s nullglob
chunks=(chunks/scorecards-*/)
if (( ${#chunks[@]} == 0 )); then
  echo "report: no chunk uploaded a scorecard" | tee -a "$GITHUB_STEP_SUMMARY" >&2
  exit 1
fi
./firedrill cohort report "${chunks[@]}" --out cohort --summary "$GITHUB_STEP_SUMMARY"
