#!/usr/bin/env python3
"""The fetch step of cohort.yml: clones the submissions of chunk $CHUNK of $COUNT into submissions/ and writes
submissions/roster.csv, the same rows pointing at the local clones, for the grade step.

A row belongs to the chunk when its 0-based index % COUNT == CHUNK: the rule of `firedrill cohort --chunk`.
A repository that cannot be cloned keeps its row (pointing at a folder that does not exist), so the cohort report
shows it as an error instead of losing the candidate. $SUBMISSIONS_TOKEN, when set, is sent to github.com only,
as a header of each clone's command line configuration: it is never written to a file.
Exit 2: bad environment or roster.
"""
import base64
import csv
import os
import pathlib
import re
import subprocess
import sys


def fail(message):
    print(f"fetch-chunk: {message}", file=sys.stderr)
    sys.exit(2)


def main():
    roster = pathlib.Path(os.environ.get("ROSTER", ""))
    try:
        chunk, count = int(os.environ["CHUNK"]), int(os.environ["COUNT"])
    except (KeyError, ValueError):
        fail("CHUNK and COUNT must be integers")
    if not roster.is_file():
        fail(f"no roster file '{roster}'")
    if not 0 <= chunk < count:
        fail(f"chunk {chunk} is not in 0..{count - 1}")
    token = os.environ.get("SUBMISSIONS_TOKEN", "")
    out = pathlib.Path("submissions")
    out.mkdir(exist_ok=True)
    with roster.open(newline="", encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    mine = [row for index, row in enumerate(rows) if index % count == chunk]
    local = []
    for row in mine:
        candidate, repository, ref = row.get("candidate", ""), row.get("repository", ""), row.get("ref") or ""
        if not re.fullmatch(r"[A-Za-z0-9._-]{1,64}", candidate or ""):
            fail(f"{roster}: candidate id '{candidate}' is not 1-64 letters, digits, '.', '_' or '-'")
        target = out / candidate
        if re.match(r"^(https://|ssh://|git@|file://)", repository):
            command = ["git"]
            if token and repository.startswith("https://github.com/"):
                basic = base64.b64encode(f"x-access-token:{token}".encode()).decode()
                command += ["-c", f"http.https://github.com/.extraheader=AUTHORIZATION: basic {basic}"]
            command += ["clone", "--quiet", "--no-tags", "--", repository, str(target)]
            done = subprocess.run(command, stdin=subprocess.DEVNULL, capture_output=True, text=True)
            print(f"{candidate}: {'cloned' if done.returncode == 0 else 'could not be cloned'}")
            path = str(target.resolve())
        else:
            # a folder or bundle in the grader repository, relative to the roster
            path = str((roster.parent / repository).resolve())
        local.append({"candidate": candidate, "repository": path, "ref": ref})
    with (out / "roster.csv").open("w", newline="", encoding="utf-8") as file:
        writer = csv.DictWriter(file, fieldnames=["candidate", "repository", "ref"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(local)
    print(f"{len(local)} of {len(rows)} candidates in chunk {chunk} of {count}")


if __name__ == "__main__":
    main()
