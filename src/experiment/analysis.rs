//! The result: cramps per night (fixed in advance) in A weeks against B
//! weeks, wash-out nights set aside, analysed as planned (intention to treat:
//! a night counts in the arm it was planned for, whatever was done).
//!
//! Each pair of weeks gives one difference (mean cramps a night in its A week
//! minus its B week). The estimate is their mean; the 95 % interval is
//! Student's t over the pairs (pairs are the units that were randomised, so
//! nights being alike within a week does not make the answer look surer);
//! the p-value is the exact randomisation test: of the 2^pairs orders that
//! could have been drawn (each pair's order flipped or not, which flips the
//! sign of its difference), the share giving a mean at least as far from
//! zero as the one observed.

use chrono::NaiveDate;
use serde::Serialize;

use super::plan::{Arm, Plan};
use super::schedule::NightPlan;
use crate::journal::{Entries, Journal, JournalError};
use crate::stats::difference::{Difference, LEVEL};

/// A week counts in its pair with at least this many checked-in, non-wash-out nights.
pub const MIN_WEEK_NIGHTS: u32 = 2;
/// An interval needs at least this many complete pairs.
pub const MIN_PAIRS: usize = 2;

/// Hallegraeff 2012 and Coppin 2005, for comparison.
pub const REFERENCE: &str = "For comparison: in a trial (Hallegraeff 2012, 80 adults over 55, 6 weeks) nightly calf and \
hamstring stretches gave about 1.2 fewer cramps a night (95% CI 0.6 to 1.8); another trial (Coppin 2005, 191 \
patients) found calf stretching made no difference.";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    NotStarted,
    Running,
    Finished,
    Stopped,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// The whole interval below zero: fewer cramps with A.
    Fewer,
    More,
    /// The interval includes no difference.
    Inconclusive,
    /// Fewer than [`MIN_PAIRS`] complete pairs.
    TooFew,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArmSummary {
    pub arm: Arm,
    /// "calf-basic" or "no routine".
    pub name: String,
    /// Checked-in nights counted (not wash-out).
    pub nights: u32,
    pub cramps: u64,
    pub cramps_per_night: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PairResult {
    pub pair: u32,
    /// "AB" or "BA".
    pub order: String,
    pub a_nights: u32,
    pub b_nights: u32,
    /// A minus B, cramps a night (`null` when a week has too few nights).
    pub difference: Option<f64>,
}

/// A night that did not go as planned.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Deviation {
    pub night: NaiveDate,
    pub what: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Outcome {
    pub status: Status,
    pub primary_outcome: &'static str,
    pub nights_planned: u32,
    /// Planned nights that are over.
    pub nights_so_far: u32,
    pub washout_nights: u32,
    /// Nights over, outside the wash-out, without a check-in: missing, not zero.
    pub missing_checkins: Vec<NaiveDate>,
    /// Rest nights (travel, illness) inside the plan; counted as planned when checked in.
    pub rest_nights: Vec<NaiveDate>,
    /// A routine run on a night planned without it (or the other routine).
    pub deviations: Vec<Deviation>,
    /// Nights planned with a routine on which it was not completed.
    pub routine_not_done: u32,
    pub a: ArmSummary,
    pub b: ArmSummary,
    pub pairs: Vec<PairResult>,
    pub difference: Difference,
    /// Exact two-sided randomisation p-value over the complete pairs.
    pub randomisation_p: Option<f64>,
    /// The smallest p-value this many pairs can give (2 / 2^pairs).
    pub smallest_possible_p: Option<f64>,
    pub verdict: Verdict,
    /// Why this result is weaker than a finished plan's (`null` when it is not).
    pub weaker: Option<String>,
    pub reference: &'static str,
}

/// What happened on one planned night.
struct NightFacts {
    plan: NightPlan,
    cramps: Option<u32>,
}

/// Reads the planned nights up to `last_over` (only their months) and
/// analyses them: the experiment's result never needs the rest of the journal.
pub fn read_outcome(journal: &Journal, plan: &Plan, last_over: NaiveDate) -> Result<Outcome, JournalError> {
    let entries = journal.read_range(Some(plan.first_night), Some(plan.last_night().min(last_over)))?;
    Ok(analyse(plan, &entries, last_over))
}

/// The result as of `last_over` (the most recent night that is over).
pub fn analyse(plan: &Plan, entries: &Entries, last_over: NaiveDate) -> Outcome {
    let mut missing = Vec::new();
    let mut rest = Vec::new();
    let mut deviations = Vec::new();
    let mut not_done = 0;
    let mut counted = Vec::new();
    let mut washout_nights = 0;
    let calendar: Vec<NightPlan> = plan.calendar().into_iter().filter(|n| n.night <= last_over).collect();
    for n in &calendar {
        let entry = entries.night(n.night);
        let planned = plan.routine(n.arm);
        let other = plan.routine(match n.arm {
            Arm::A => Arm::B,
            Arm::B => Arm::A,
        });
        let runs: Vec<_> = entry.map(|e| e.runs.iter().filter(|r| r.speed == 1.0).collect()).unwrap_or_default();
        let deviation = match (planned, other) {
            (None, _) if !runs.is_empty() => Some("a routine was run on an off night".to_string()),
            (Some(_), Some(o)) if runs.iter().any(|r| r.routine == o) => {
                Some(format!("{} was run on a night planned for the other routine", crate::text::visible(o)))
            }
            _ => None,
        };
        if let Some(what) = deviation {
            deviations.push(Deviation { night: n.night, what });
        }
        if let Some(p) = planned
            && !runs.iter().any(|r| r.routine == p && r.completed())
        {
            not_done += 1;
        }
        if entry.is_some_and(|e| e.rest.is_some()) {
            rest.push(n.night);
        }
        if n.washout {
            washout_nights += 1;
            continue;
        }
        let cramps = entry.and_then(|e| e.checkin.as_ref()).map(|c| c.cramps);
        if cramps.is_none() {
            missing.push(n.night);
        }
        counted.push(NightFacts { plan: *n, cramps });
    }

    let arm = |a: Arm| {
        let cs: Vec<u32> = counted.iter().filter(|n| n.plan.arm == a).filter_map(|n| n.cramps).collect();
        let cramps: u64 = cs.iter().map(|c| u64::from(*c)).sum();
        ArmSummary {
            arm: a,
            name: plan.arm_name(a),
            nights: cs.len() as u32,
            cramps,
            cramps_per_night: (!cs.is_empty()).then(|| cramps as f64 / cs.len() as f64),
        }
    };

    let mut pairs = Vec::new();
    for (i, order) in plan.orders.iter().enumerate() {
        let pair = i as u32 + 1;
        let mean = |a: Arm| {
            let cs: Vec<u32> =
                counted.iter().filter(|n| n.plan.pair == pair && n.plan.arm == a).filter_map(|n| n.cramps).collect();
            let m = (cs.len() as u32 >= MIN_WEEK_NIGHTS)
                .then(|| cs.iter().map(|c| f64::from(*c)).sum::<f64>() / cs.len() as f64);
            (cs.len() as u32, m)
        };
        let ((a_nights, ma), (b_nights, mb)) = (mean(Arm::A), mean(Arm::B));
        if calendar.iter().any(|n| n.pair == pair) {
            pairs.push(PairResult {
                pair,
                order: format!("{}{}", order[0].letter(), order[1].letter()),
                a_nights,
                b_nights,
                difference: ma.zip(mb).map(|(a, b)| a - b),
            });
        }
    }
    let diffs: Vec<f64> = pairs.iter().filter_map(|p| p.difference).collect();
    let (difference, verdict) = pair_interval(&diffs);
    let complete = diffs.len();

    let stopped_early = plan.stopped.is_some_and(|s| s < plan.last_night());
    let status = if calendar.is_empty() {
        Status::NotStarted
    } else if stopped_early {
        Status::Stopped
    } else if last_over >= plan.last_night() {
        Status::Finished
    } else {
        Status::Running
    };
    let weaker = match status {
        Status::Stopped => Some(format!(
            "stopped early: {complete} of {} pairs of weeks complete, so the result rests on fewer nights than planned and is weaker for it",
            plan.pairs()
        )),
        Status::Running | Status::NotStarted => Some(format!(
            "interim: the plan runs until the night of {}; looking early and stopping when it looks good makes a result less trustworthy",
            plan.last_night().format("%a %d %b %Y")
        )),
        Status::Finished => None,
    };
    Outcome {
        status,
        primary_outcome: "cramps per night",
        nights_planned: plan.nights(),
        nights_so_far: calendar.len() as u32,
        washout_nights,
        missing_checkins: missing,
        rest_nights: rest,
        deviations,
        routine_not_done: not_done,
        a: arm(Arm::A),
        b: arm(Arm::B),
        pairs,
        difference,
        randomisation_p: (complete >= 1).then(|| randomisation_p(&diffs)),
        smallest_possible_p: (complete >= 1).then(|| 2.0 / f64::from(1u32 << complete)),
        verdict,
        weaker,
        reference: REFERENCE,
    }
}

/// Mean of the pair differences with a Student's t interval.
pub fn pair_interval(diffs: &[f64]) -> (Difference, Verdict) {
    let n = diffs.len();
    let estimate = (n > 0).then(|| diffs.iter().sum::<f64>() / n as f64);
    let mut d = Difference { estimate, low: None, high: None, level: LEVEL };
    let (Some(mean), true) = (estimate, n >= MIN_PAIRS) else {
        return (d, Verdict::TooFew);
    };
    let var = diffs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1) as f64;
    let half = t_975(n - 1) * (var / n as f64).sqrt();
    d.low = Some(mean - half);
    d.high = Some(mean + half);
    let v = if mean + half < 0.0 {
        Verdict::Fewer
    } else if mean - half > 0.0 {
        Verdict::More
    } else {
        Verdict::Inconclusive
    };
    (d, v)
}

/// The 97.5th percentile of Student's t (standard tables, 3 decimals).
pub fn t_975(df: usize) -> f64 {
    const T: [f64; 30] = [
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145, 2.131,
        2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
    ];
    T.get(df.max(1) - 1).copied().unwrap_or(1.960)
}

/// Exact two-sided randomisation p-value: flipping a pair's order flips the
/// sign of its difference; the share of all 2^n sign patterns whose mean is
/// at least as far from zero as the observed one.
pub fn randomisation_p(diffs: &[f64]) -> f64 {
    let n = diffs.len();
    if n == 0 {
        return 1.0;
    }
    let observed = diffs.iter().sum::<f64>().abs();
    let patterns = 1u64 << n;
    let hits = (0..patterns)
        .filter(|mask| {
            let s: f64 = diffs.iter().enumerate().map(|(i, d)| if mask >> i & 1 == 1 { -d } else { *d }).sum();
            // A tolerance for rounding, so ties count as ties.
            s.abs() >= observed - 1e-9
        })
        .count();
    hits as f64 / patterns as f64
}
