#!/usr/bin/env bash
# The entry point of a pod of cohort-job.yaml: grades the roster's row number $JOB_COMPLETION_INDEX (0-based; set
# by Kubernetes for an Indexed Job) into $SCORECARDS/chunk-$JOB_COMPLETION_INDEX.
# Environment: INCIDENT, ROSTER (a CSV on the submissions volume), ROSTER_SIZE (= the Job's completions),
# SCORECARDS (a writable volume), JOB_COMPLETION_INDEX.
set -euo pipefail

: "${JOB_COMPLETION_INDEX:?not an Indexed Job}" "${ROSTER:?}" "${ROSTER_SIZE:?}" "${SCORECARDS:?}" "${INCIDENT:?}"
# --chunk INDEX/COUNT with COUNT = the roster's size: exactly one row per pod
exec ./firedrill cohort "$INCIDENT" --roster "$ROSTER" --out "$SCORECARDS/chunk-$JOB_COMPLETION_INDEX" \
  --chunk "$JOB_COMPLETION_INDEX/$ROSTER_SIZE" --jobs 1
