#!/usr/bin/env bash
# The grade step of classroom.yml: grades submission/ into scorecard/, appends the card's summary to the job
# summary and hands the grading reporter its input (base64 of classroom-results.json) as the step output `results`.
# Environment: INCIDENT. No secret is set here: the student's code runs in this step.
set -euo pipefail

./firedrill tags
./firedrill grade "$INCIDENT" submission --out scorecard
cat scorecard/summary.md >> "$GITHUB_STEP_SUMMARY"
echo "results=$(base64 -w0 < scorecard/classroom-results.json)" >> "$GITHUB_OUTPUT"
