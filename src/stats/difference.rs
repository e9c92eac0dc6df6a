//! The difference in cramps per night between two groups of nights (with minus
//! without), with a 95 % interval that allows for neighbouring nights being
//! alike, and a verdict that never claims more than the interval.
//!
//! Method: a moving-block bootstrap (Künsch 1989). The checked-in nights, in
//! date order, are cut into overlapping blocks of [`BLOCK`] consecutive nights;
//! [`RESAMPLES`] new histories of the same length are glued together from
//! blocks drawn at random (SplitMix64, seed [`SEED`]: the same journal always
//! gives the same interval), the difference is computed in each, and the
//! middle 97.5 % of those differences is the 95 % interval (percentiles,
//! linear interpolation between order statistics; see [`PERCENTILES`] for
//! why 97.5). Whole weeks travel together, so a
//! bad week counts as one bad week, not as seven independent bad nights.
//! `scripts/bootstrap_check.py` recomputes it independently.

use serde::Serialize;

use super::rng::SplitMix64;

/// The interval's level: how often it is meant to hold the true difference.
pub const LEVEL: f64 = 0.95;
/// The bootstrap percentiles taken to reach [`LEVEL`]: the middle 97.5 %.
/// The plain middle 95 % is too narrow when neighbouring nights are alike:
/// on synthetic journals it held the truth only about 91 % of the time,
/// whatever the block length; the middle 97.5 % holds it about 94–95 %
/// (`scripts/coverage.py`, figures in BENCHMARKS.md). A calibrated bootstrap.
pub const PERCENTILES: f64 = 0.975;
/// Nights per block: a week (longer for long histories, see [`block_length`]).
pub const BLOCK: usize = 7;
/// Bootstrap resamples.
pub const RESAMPLES: usize = 2000;
/// The fixed seed.
pub const SEED: u64 = 0x17_5EED;
/// Fewer checked-in nights than this on either side: "too few nights".
pub const MIN_NIGHTS: u32 = 10;

/// One checked-in night: in the "with" group or not, and its cramps.
pub type Night = (bool, u32);

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Difference {
    /// With minus without, cramps per night (`null` when a side has no nights).
    pub estimate: Option<f64>,
    /// The interval (`null` with too few nights).
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub level: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// The whole interval is below zero.
    Fewer,
    /// The whole interval is above zero.
    More,
    /// The interval includes no difference.
    Unclear,
    /// Fewer than [`MIN_NIGHTS`] on a side.
    TooFew,
}

impl Verdict {
    /// From an interval of with-minus-without.
    pub fn of(low: f64, high: f64) -> Verdict {
        if high < 0.0 {
            Verdict::Fewer
        } else if low > 0.0 {
            Verdict::More
        } else {
            Verdict::Unclear
        }
    }
}

/// The difference between the two groups of `nights` (date order) and its verdict.
pub fn compare(nights: &[Night]) -> (Difference, Verdict) {
    let with = nights.iter().filter(|n| n.0).count() as u32;
    let without = nights.len() as u32 - with;
    let estimate = mean_difference(nights.iter().copied());
    let mut d = Difference { estimate, low: None, high: None, level: LEVEL };
    if with < MIN_NIGHTS || without < MIN_NIGHTS {
        return (d, Verdict::TooFew);
    }
    match block_bootstrap(nights, block_length(nights.len()), RESAMPLES, SEED) {
        Some((low, high)) => {
            d.low = Some(low);
            d.high = Some(high);
            (d, Verdict::of(low, high))
        }
        None => (d, Verdict::Unclear),
    }
}

/// A week, or the cube root of the number of nights when that is longer
/// (the usual rate for block bootstraps, Hall, Horowitz & Jing 1995): 7 up to
/// 400 nights, 15 for ten years.
pub fn block_length(nights: usize) -> usize {
    BLOCK.max((nights as f64).cbrt().round() as usize)
}

fn mean_difference(nights: impl Iterator<Item = Night>) -> Option<f64> {
    let (mut wn, mut wc, mut on, mut oc) = (0u64, 0u64, 0u64, 0u64);
    for (with, cramps) in nights {
        if with {
            wn += 1;
            wc += u64::from(cramps);
        } else {
            on += 1;
            oc += u64::from(cramps);
        }
    }
    (wn > 0 && on > 0).then(|| wc as f64 / wn as f64 - oc as f64 / on as f64)
}

/// The percentile interval of a moving-block bootstrap of the difference.
/// Each resample glues `ceil(n / block)` blocks (block starts drawn uniformly
/// from `0..=n-block`, the last block cut to make `n` nights); resamples
/// lacking either group are drawn again, up to four times `resamples` draws.
/// `None` when fewer than half the resamples had both groups.
pub fn block_bootstrap(nights: &[Night], block: usize, resamples: usize, seed: u64) -> Option<(f64, f64)> {
    let n = nights.len();
    if n == 0 {
        return None;
    }
    let block = block.clamp(1, n);
    // Prefix sums: nights and cramps in each group up to each night.
    let mut pre = vec![[0u64; 4]; n + 1];
    for (i, &(with, cramps)) in nights.iter().enumerate() {
        let mut p = pre[i];
        let k = if with { 0 } else { 2 };
        p[k] += 1;
        p[k + 1] += u64::from(cramps);
        pre[i + 1] = p;
    }
    let starts = n - block + 1;
    let mut rng = SplitMix64::new(seed);
    let mut diffs = Vec::with_capacity(resamples);
    let mut draws = 0;
    while diffs.len() < resamples && draws < resamples * 4 {
        draws += 1;
        let mut sum = [0u64; 4];
        let mut filled = 0;
        while filled < n {
            let s = rng.below(starts);
            let take = block.min(n - filled);
            for (k, v) in sum.iter_mut().enumerate() {
                *v += pre[s + take][k] - pre[s][k];
            }
            filled += take;
        }
        if sum[0] > 0 && sum[2] > 0 {
            diffs.push(sum[1] as f64 / sum[0] as f64 - sum[3] as f64 / sum[2] as f64);
        }
    }
    if diffs.len() * 2 < resamples {
        return None;
    }
    diffs.sort_by(f64::total_cmp);
    let tail = (1.0 - PERCENTILES) / 2.0;
    Some((quantile(&diffs, tail), quantile(&diffs, 1.0 - tail)))
}

/// The `q` quantile of sorted values, interpolating linearly between order
/// statistics (R's type 7, numpy's default).
pub fn quantile(sorted: &[f64], q: f64) -> f64 {
    let h = (sorted.len() - 1) as f64 * q;
    let lo = h.floor() as usize;
    let hi = (lo + 1).min(sorted.len() - 1);
    sorted[lo] + (h - lo as f64) * (sorted[hi] - sorted[lo])
}

/// "0.4 fewer cramps a night (95% interval 0.1 to 0.7 fewer)" and the like,
/// never saying more than the interval does.
pub fn describe(d: &Difference, v: Verdict, with: u32, without: u32) -> String {
    let ci = |lo: f64, hi: f64| format!("95% interval {lo:+.2} to {hi:+.2}");
    match (v, d.estimate, d.low, d.high) {
        (Verdict::TooFew, ..) => {
            format!("too few nights to compare ({with} and {without}; {MIN_NIGHTS} needed on each side)")
        }
        (Verdict::Fewer, Some(e), Some(lo), Some(hi)) => {
            format!("fewer cramps: {:.2} fewer a night ({})", -e, ci(lo, hi))
        }
        (Verdict::More, Some(e), Some(lo), Some(hi)) => {
            format!("more cramps: {e:.2} more a night ({})", ci(lo, hi))
        }
        (_, Some(e), Some(lo), Some(hi)) => {
            format!("no clear difference: {e:+.2} a night, and the {} includes no difference at all", ci(lo, hi))
        }
        _ => "no clear difference (the nights could not be resampled)".to_string(),
    }
}

/// A few words for narrow panels: "fewer: -0.42 (-0.73 to -0.21)",
/// "unclear: -0.10 (-0.40 to +0.20)", "too few nights".
pub fn short(d: &Difference, v: Verdict) -> String {
    match (v, d.estimate, d.low, d.high) {
        (Verdict::TooFew, ..) => format!("too few (<{MIN_NIGHTS} a side)"),
        (v, Some(e), Some(lo), Some(hi)) => {
            let word = match v {
                Verdict::Fewer => "fewer",
                Verdict::More => "more",
                _ => "unclear",
            };
            format!("{word}: {e:+.2} ({lo:+.2} to {hi:+.2})")
        }
        _ => "unclear".to_string(),
    }
}
