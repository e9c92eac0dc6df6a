#!/usr/bin/env python3
"""An independent implementation (Python stdlib only) of winddown's
moving-block bootstrap interval (src/stats/difference.rs) and of the
experiment's exact randomisation test (src/experiment/analysis.rs), for
checking the Rust code's figures. The unit tests hold the values it prints.

usage: scripts/bootstrap_check.py            # prints the test cases' figures
"""
import math

M = (1 << 64) - 1


class SplitMix64:
    def __init__(self, seed):
        self.s = seed & M

    def next(self):
        self.s = (self.s + 0x9E3779B97F4A7C15) & M
        z = self.s
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M
        return z ^ (z >> 31)

    def below(self, n):
        return (self.next() * n) >> 64


def quantile(v, q):
    h = (len(v) - 1) * q
    lo = math.floor(h)
    hi = min(lo + 1, len(v) - 1)
    return v[lo] + (h - lo) * (v[hi] - v[lo])


def diff(nights):
    w = [c for g, c in nights if g]
    o = [c for g, c in nights if not g]
    return sum(w) / len(w) - sum(o) / len(o)


def block_bootstrap(nights, block=7, resamples=2000, seed=0x175EED, level=0.975):
    n = len(nights)
    block = max(1, min(block, n))
    starts = n - block + 1
    rng = SplitMix64(seed)
    diffs, draws = [], 0
    while len(diffs) < resamples and draws < resamples * 4:
        draws += 1
        sample = []
        while len(sample) < n:
            s = rng.below(starts)
            take = min(block, n - len(sample))
            sample.extend(nights[s:s + take])
        if any(g for g, _ in sample) and not all(g for g, _ in sample):
            diffs.append(diff(sample))
    if len(diffs) * 2 < resamples:
        return None
    diffs.sort()
    tail = (1 - level) / 2
    return quantile(diffs, tail), quantile(diffs, 1 - tail)


def randomisation_p(pair_differences):
    """Two-sided exact p: the share of the 2^P sign patterns (each pair's order
    flipped or not) whose mean difference is at least as far from 0."""
    p = len(pair_differences)
    obs = abs(sum(pair_differences) / p)
    hits = 0
    for mask in range(1 << p):
        t = sum(-d if mask >> i & 1 else d for i, d in enumerate(pair_differences)) / p
        if abs(t) >= obs - 1e-12:
            hits += 1
    return hits / (1 << p)


def case_a():
    """30 nights, the routine on a weekly-ish pattern, cramps fixed by hand."""
    pattern = "110110011101100111011001110110"
    cramps = [0, 1, 0, 2, 0, 0, 1, 3, 0, 0, 1, 0, 2, 2, 0, 0, 0, 1, 0, 3, 0, 1, 0, 0, 2, 1, 0, 0, 1, 2]
    return [(c == "1", k) for c, k in zip(pattern, cramps)]


if __name__ == "__main__":
    a = case_a()
    print("case_a estimate", repr(diff(a)))
    print("case_a interval", [repr(x) for x in block_bootstrap(a)])
    print("case_a block 1, 500 resamples, seed 1", [repr(x) for x in block_bootstrap(a, 1, 500, 1)])
    print("randomisation [-1.0, -0.5, -1.5, 0.25]", randomisation_p([-1.0, -0.5, -1.5, 0.25]))
    print("randomisation [-1.0, -0.5, -1.5, -0.25]", randomisation_p([-1.0, -0.5, -1.5, -0.25]))
    print("randomisation 6 pairs", randomisation_p([-0.8, -0.2, -1.2, 0.4, -0.6, -1.0]))
