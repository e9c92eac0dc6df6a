#!/usr/bin/env python3
"""Prints how long each routine run in a journal took, against a planned time.

usage: scripts/run-durations.py JOURNAL_DIR PLANNED_SECONDS
(The record's start is the process start, so the figure includes start-up.)
"""
import datetime as dt, json, os, sys

journal, planned = sys.argv[1], float(sys.argv[2])
for name in sorted(os.listdir(journal)):
    if not name.endswith(".jsonl"):
        continue
    for line in open(os.path.join(journal, name)).read().splitlines()[1:]:
        r = json.loads(line)
        if r["type"] == "run" and r.get("ended"):
            took = (dt.datetime.fromisoformat(r["ended"]) - dt.datetime.fromisoformat(r["started"])).total_seconds()
            print(f"{r['routine']}: {took:.3f} s recorded for {planned:g} s planned ({(took - planned) * 1000:+.0f} ms)")
