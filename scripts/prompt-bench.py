#!/usr/bin/env python3
"""What the evening nudge costs at each shell prompt, on a generated 50-year
history: the whole `winddown prompt` process (what `winddown init` hooks in),
with its stdout on a pseudo-terminal as in a real shell.

usage: cargo build --release && scripts/prompt-bench.py [--runs 200] [--years 50] [--bin PATH]
Prints the median and the 90th percentile in milliseconds of wall time and of
CPU time (user + system, from wait4: steadier on a busy machine), next to
/bin/true (the cost of starting any process from Python on this machine).
"""
import argparse, os, pty, shutil, statistics, subprocess, sys, tempfile, time

p = argparse.ArgumentParser()
p.add_argument("--runs", type=int, default=200)
p.add_argument("--years", type=int, default=50)
p.add_argument("--bin", default="target/release/winddown")
a = p.parse_args()
here = os.path.dirname(os.path.abspath(__file__))
tmp = tempfile.mkdtemp(prefix="winddown-prompt-bench-")
subprocess.run([sys.executable, os.path.join(here, "gen-history.py"), tmp, "--years", str(a.years)],
               check=True, stdout=subprocess.DEVNULL)
jdir = os.path.join(tmp, "journal")
months = [f for f in os.listdir(jdir) if f.endswith(".jsonl")]
size = sum(os.path.getsize(os.path.join(jdir, f)) for f in months)
print(f"history: {size / 1e6:.1f} MB in {len(months)} month files; binary {a.bin}")

# The history ends last night (2026-11-23); tonight is not done.
EVENING = "2026-11-24T21:00:00+01:00"
env = dict(os.environ, WINDDOWN_DATA_DIR=tmp, WINDDOWN_CONFIG_DIR=os.path.join(tmp, "config"),
           WINDDOWN_NOW=EVENING)
master, slave = pty.openpty()


def bench(name, argv, setup=None):
    wall, cpu = [], []
    for _ in range(a.runs):
        if setup:
            setup()
        t = time.perf_counter()
        child = subprocess.Popen(argv, env=env, stdout=slave, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(child.pid, 0)
        wall.append((time.perf_counter() - t) * 1000)
        cpu.append((usage.ru_utime + usage.ru_stime) * 1000)
        assert status == 0, f"{argv} failed"
        while printed():
            os.read(master, 65536)
    p90 = lambda v: sorted(v)[int(len(v) * 0.9) - 1]
    print(f"{name:<52} wall median {statistics.median(wall):5.2f} ms, p90 {p90(wall):5.2f}"
          f" | CPU median {statistics.median(cpu):5.2f} ms, p90 {p90(cpu):5.2f}")


def printed():
    import select
    return select.select([master], [], [], 0)[0]


status = os.path.join(jdir, "status")
nudged = os.path.join(tmp, "nudged")


def forget_nudge():
    if os.path.exists(nudged):
        os.remove(nudged)


def no_status():
    if os.path.exists(status):
        os.remove(status)


bench("/bin/true (process start-up, for scale)", ["/bin/true"])
bench("prompt, no status file (reads this month's file)", [a.bin, "prompt"], setup=no_status)
# Any journal write creates the status file: a rest night long ago.
subprocess.run([a.bin, "rest", "--night", "1990-01-01", "--reason", "bench"], env=env, check=True,
               stdout=subprocess.DEVNULL)
assert os.path.exists(status), "the write did not create the status file"
bench("prompt, not done, nudged this hour (most prompts)", [a.bin, "prompt"])
bench("prompt, not done, first of the hour: prints the line", [a.bin, "prompt"], setup=forget_nudge)
subprocess.run([a.bin, "rest", "--reason", "bench"], env=env, check=True, stdout=subprocess.DEVNULL)
bench("prompt, tonight settled (rest night)", [a.bin, "prompt"], setup=forget_nudge)
os.close(master)
os.close(slave)
shutil.rmtree(tmp)
