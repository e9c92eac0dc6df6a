#!/usr/bin/env python3
"""Whole-process timings of winddown on a generated 10-year history.

usage: cargo build --release && scripts/bench.py [--runs 30]
Prints the median and the 90th percentile of each command in milliseconds.
"""
import argparse, os, shutil, statistics, subprocess, sys, tempfile, time

p = argparse.ArgumentParser()
p.add_argument("--runs", type=int, default=30)
p.add_argument("--bin", default="target/release/winddown")
a = p.parse_args()
here = os.path.dirname(os.path.abspath(__file__))
tmp = tempfile.mkdtemp(prefix="winddown-bench-")
subprocess.run([sys.executable, os.path.join(here, "gen-history.py"), tmp, "--years", "10"], check=True)
env = dict(os.environ, WINDDOWN_DATA_DIR=tmp, WINDDOWN_CONFIG_DIR=os.path.join(tmp, "config"),
           WINDDOWN_NOW="2026-11-24T07:10:00+01:00")

def bench(name, args, setup=None):
    times = []
    for i in range(a.runs):
        if setup:
            setup(i)
        t = time.perf_counter()
        subprocess.run([a.bin, *args(i)], env=env, stdout=subprocess.DEVNULL, check=True)
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    print(f"{name:<34} median {statistics.median(times):6.2f} ms   p90 {times[int(len(times) * 0.9) - 1]:6.2f} ms")

# Month files written in the last two seconds are not cached yet (src/stats/cache.rs).
time.sleep(2.1)
cache = os.path.join(tmp, "journal", ".facts.cache")

def no_cache(i):
    if os.path.exists(cache):
        os.remove(cache)

size = sum(os.path.getsize(os.path.join(tmp, "journal", f)) for f in os.listdir(os.path.join(tmp, "journal")) if f.endswith(".jsonl"))
months = [f for f in os.listdir(os.path.join(tmp, "journal")) if f.endswith(".jsonl")]
print(f"history: {size / 1e6:.1f} MB in {len(months)} files")
bench("log (last 14)", lambda i: ["log"])
bench("export --format json (10 years)", lambda i: ["export", "--format", "json"])
bench("export --format csv (10 years)", lambda i: ["export", "--format", "csv"])
bench("stats, no cache (10 years)", lambda i: ["stats"], setup=no_cache)
bench("stats (10 years)", lambda i: ["stats"])

def after_checkin(i):
    subprocess.run([a.bin, "checkin", "--night", f"2026-11-{1 + i % 23:02d}", "--cramps", str(i % 2)],
                   env=env, stdout=subprocess.DEVNULL, check=True)

bench("stats just after a check-in", lambda i: ["stats"], setup=after_checkin)
bench("stats --json (10 years)", lambda i: ["stats", "--json"])
bench("checkin write", lambda i: ["checkin", "--night", f"2026-11-{1 + i % 23:02d}", "--cramps", str(i % 3)])
shutil.rmtree(tmp)
