#!/usr/bin/env bash
# The plan step of cohort.yml: how many chunks the roster is cut into, as the matrix of the grade job.
#   chunks.sh ROSTER MAX_CHUNKS   writes matrix={"chunk":[0,...]} and count=N to $GITHUB_OUTPUT
# Exit 2: bad arguments or an empty roster.
set -euo pipefail

roster=${1:-} max=${2:-}
if [[ -z "$roster" || ! -f "$roster" ]]; then
  echo "chunks: no roster file '$roster'" >&2; exit 2
fi
if ! [[ "$max" =~ ^[0-9]+$ ]] || (( max < 1 || max > 256 )); then
  echo "chunks: the number of chunks must be 1 to 256 (GitHub's limit of jobs per matrix), not '$max'" >&2; exit 2
fi
# data rows: every non-blank line after the header (firedrill cohort rejects a malformed roster itself)
rows=$(tail -n +2 "$roster" | grep -c '[^[:space:]]' || true)
if (( rows == 0 )); then
  echo "chunks: $roster has no candidate rows" >&2; exit 2
fi
count=$(( rows < max ? rows : max ))
matrix=$(seq -s, 0 $(( count - 1 )))
echo "matrix={\"chunk\":[$matrix]}" >> "$GITHUB_OUTPUT"
echo "count=$count" >> "$GITHUB_OUTPUT"
echo "$rows candidates in $count chunks"
