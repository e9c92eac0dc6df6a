#!/usr/bin/env python3
"""Coverage of winddown's 95 % intervals (`winddown stats --json`, all-time
routine comparison) on synthetic journals with a known truth.

Each journal has NIGHTS nights ending on 2026-11-23. Cramps are Poisson with a
rate that drifts from night to night (log-rate AR(1), phi 0.6, variance 0.5:
neighbouring nights are alike), the routine is a habit (kept or dropped from
one night to the next with probability 0.8), independent of the rate, and
multiplies the rate by RATIO. The mean rate without the routine is BASE, so the
true difference (with minus without) is BASE * (RATIO - 1). For each seed the
script writes the journal, runs the binary and checks whether the interval
covers the truth.

usage: scripts/coverage.py [--seeds 200] [--nights 90] [--bin target/debug/winddown]
"""
import argparse, datetime as dt, json, math, os, random, subprocess, tempfile

p = argparse.ArgumentParser()
p.add_argument("--seeds", type=int, default=200)
p.add_argument("--nights", type=int, default=90)
p.add_argument("--base", type=float, default=1.0)
p.add_argument("--bin", default="target/debug/winddown")
a = p.parse_args()

PHI, VAR = 0.6, 0.5
END = dt.date(2026, 11, 23)


def poisson(rng, lam):
    L, k, prod = math.exp(-lam), 0, rng.random()
    while prod > L:
        k += 1
        prod *= rng.random()
    return k


def journal(seed, ratio, data_dir):
    rng = random.Random(seed)
    z = rng.gauss(0, math.sqrt(VAR))
    habit = rng.random() < 0.5
    months = {}
    for i in range(a.nights):
        day = END - dt.timedelta(days=a.nights - 1 - i)
        z = PHI * z + rng.gauss(0, math.sqrt(VAR * (1 - PHI * PHI)))
        if rng.random() > 0.8:
            habit = not habit
        lam = a.base * math.exp(z - VAR / 2) * (ratio if habit else 1.0)
        n, nxt = day.isoformat(), (day + dt.timedelta(days=1)).isoformat()
        recs = months.setdefault(day.strftime("%Y-%m"), [])
        if habit:
            started = f"{n}T22:15:00+01:00"
            recs.append({"type": "run", "night": n, "id": started, "routine": "calf",
                         "routine_hash": "0123456789abcdef", "started": started, "ended": started,
                         "speed": 1.0, "finished": True,
                         "steps": [{"title": "Calf stretch", "optional": False, "outcome": "done",
                                    "held_s": {"left": 30.0, "right": 30.0}}]})
        recs.append({"type": "checkin", "night": n, "recorded": f"{nxt}T07:10:00+01:00",
                     "cramps": poisson(rng, lam)})
    jdir = os.path.join(data_dir, "journal")
    os.makedirs(jdir, exist_ok=True)
    for month, recs in months.items():
        recs.sort(key=lambda r: (r["night"], 0 if r["type"] == "run" else 1))
        with open(os.path.join(jdir, f"{month}.jsonl"), "w") as f:
            f.write(json.dumps({"winddown": "journal", "version": 1}) + "\n")
            for r in recs:
                f.write(json.dumps(r) + "\n")


def run(ratio):
    truth = a.base * (ratio - 1)
    covered = tried = 0
    verdicts = {}
    widths = []
    for seed in range(a.seeds):
        with tempfile.TemporaryDirectory() as d:
            journal(seed, ratio, d)
            env = dict(os.environ, WINDDOWN_DATA_DIR=d, WINDDOWN_CONFIG_DIR=d,
                       WINDDOWN_NOW="2026-11-24T09:00:00+01:00")
            out = subprocess.run([a.bin, "stats", "--json"], env=env, capture_output=True, check=True, text=True)
        split = json.loads(out.stdout)["insights"]["routine"][2]["split"]
        diff, v = split["difference"], split["verdict"]
        verdicts[v] = verdicts.get(v, 0) + 1
        if diff["low"] is None:
            continue
        tried += 1
        covered += diff["low"] <= truth <= diff["high"]
        widths.append(diff["high"] - diff["low"])
    widths.sort()
    print(f"ratio {ratio}: truth {truth:+.2f}/night, {a.nights} nights, {a.seeds} seeds: "
          f"coverage {covered}/{tried} = {covered / max(tried, 1):.1%}, "
          f"median width {widths[len(widths) // 2]:.2f}, verdicts {dict(sorted(verdicts.items()))}")


run(1.0)
run(0.5)
