#!/usr/bin/env python3
"""Writes a synthetic winddown journal: YEARS years of nights ending yesterday,
each with a routine run (most nights), a check-in, some cramp events and a few
rest nights. Used by scripts/bench.py; deterministic (fixed seed).

usage: scripts/gen-history.py DATA_DIR [--years 10] [--end 2026-11-23]
"""
import argparse, datetime as dt, json, os, random

p = argparse.ArgumentParser()
p.add_argument("data_dir")
p.add_argument("--years", type=int, default=10)
p.add_argument("--end", default="2026-11-23")
a = p.parse_args()

rng = random.Random(42)
end = dt.date.fromisoformat(a.end)
start = end - dt.timedelta(days=365 * a.years - 1)
steps = ["Wall calf stretch", "Bent-knee calf stretch", "Standing hamstring stretch",
         "Seated toe pull", "Drink a glass of water", "Feet supported, sheets loose"]
months = {}
day = start
while day <= end:
    recs = months.setdefault(day.strftime("%Y-%m"), [])
    off = "+01:00"
    n = day.isoformat()
    if rng.random() < 0.03:
        recs.append({"type": "rest", "night": n, "reason": "travel", "recorded": f"{n}T20:00:00{off}"})
    elif rng.random() < 0.8:
        started = f"{n}T22:{rng.randint(10, 59):02d}:00{off}"
        outcomes = ["done" if rng.random() < 0.9 else "skipped" for _ in steps]
        recs.append({"type": "run", "night": n, "id": started, "routine": "cramp-guard",
                     "routine_hash": "0123456789abcdef", "started": started, "ended": started,
                     "speed": 1.0, "finished": True,
                     "steps": [{"title": t, "optional": i == 5, "outcome": o,
                                **({"held_s": {"left": 30.0, "right": 30.0}} if i < 4 and o == "done" else {})}
                               for i, (t, o) in enumerate(zip(steps, outcomes))]})
    nxt = (day + dt.timedelta(days=1)).isoformat()
    cramps = rng.choice([0, 0, 0, 1, 1, 2])
    for k in range(cramps):
        recs.append({"type": "cramp", "night": n, "at": f"{nxt}T0{2 + k}:1{k}:00{off}",
                     "place": "calf", "side": rng.choice(["left", "right"])})
    c = {"type": "checkin", "night": n, "recorded": f"{nxt}T07:10:00{off}", "cramps": cramps}
    if cramps:
        c.update(pain=rng.randint(2, 8), longest_s=rng.randint(20, 300),
                 where=[{"place": "calf", "side": "left"}], disturbed=rng.randint(1, 7))
    c.update(quality=rng.choice(["poor", "fair", "good"]), rested=rng.choice(["slightly", "somewhat", "well"]))
    if rng.random() < 0.2:
        c["triggers"] = ["alcohol"]
    c["red_flags"] = {"one_leg_swollen": False, "lasting_numbness": False}
    recs.append(c)
    day += dt.timedelta(days=1)

order = {"run": 0, "checkin": 1, "cramp": 2, "rest": 3}
jdir = os.path.join(a.data_dir, "journal")
os.makedirs(jdir, exist_ok=True)
for month, recs in months.items():
    recs.sort(key=lambda r: (r["night"], order[r["type"]], r.get("at", r.get("id", ""))))
    with open(os.path.join(jdir, f"{month}.jsonl"), "w") as f:
        f.write(json.dumps({"winddown": "journal", "version": 1}, separators=(",", ":")) + "\n")
        for r in recs:
            f.write(json.dumps(r, separators=(",", ":"), ensure_ascii=False) + "\n")
print(f"wrote {len(months)} month files, {sum(map(len, months.values()))} records, to {jdir}")
