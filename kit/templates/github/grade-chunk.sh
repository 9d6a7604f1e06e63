#!/usr/bin/env bash
# The grade step of cohort.yml: grades the submissions the fetch step cloned (submissions/roster.csv) into
# scorecards/. Environment: INCIDENT. No secret is set here: the candidates' code runs in this step.
set -euo pipefail

./firedrill tags
# two gradings at a time: GitHub's standard Linux runner has 4 cores, and a grading's Maven build uses about two
./firedrill cohort "$INCIDENT" --roster submissions/roster.csv --out scorecards --jobs 2
