//! Streaks: consecutive nights of something. Rest nights pause a streak (they
//! neither add nor break it); tonight, not yet done, is pending, not a break.

use chrono::NaiveDate;
use serde::Serialize;

use super::facts::{Facts, NightFacts};
use super::{NightMark, dates, facts_mark};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Streak {
    pub current: u32,
    pub longest: u32,
    /// Tonight counts already (`true`), or is still to come (`false`).
    pub tonight_done: bool,
}

/// What a night means for one streak.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Add,
    Pause,
    Break,
}

fn streak(facts: &Facts, tonight: NaiveDate, judge: impl Fn(NaiveDate, Option<&NightFacts>) -> Step) -> Streak {
    let mut run = 0u32;
    let mut longest = 0u32;
    let mut tonight_done = false;
    for night in dates(facts, tonight) {
        match judge(night, facts.night(night)) {
            Step::Add => {
                run += 1;
                tonight_done = night == tonight;
            }
            Step::Pause => {}
            // Tonight is still open: it cannot break the streak yet.
            Step::Break if night == tonight => {}
            Step::Break => run = 0,
        }
        longest = longest.max(run);
    }
    Streak { current: run, longest, tonight_done }
}

/// Nights with the routine completed.
pub fn routine(facts: &Facts, tonight: NaiveDate) -> Streak {
    routine_with_off_nights(facts, tonight, |_| false)
}

/// Nights with the routine completed, where `off` nights (an experiment's
/// nights without the routine) neither break nor count, whatever was done.
pub fn routine_with_off_nights(facts: &Facts, tonight: NaiveDate, off: impl Fn(NaiveDate) -> bool) -> Streak {
    streak(facts, tonight, |night, n| match facts_mark(n) {
        _ if off(night) => Step::Pause,
        NightMark::Done => Step::Add,
        NightMark::Rest => Step::Pause,
        _ => Step::Break,
    })
}

/// Nights with a check-in.
pub fn checkin(facts: &Facts, tonight: NaiveDate) -> Streak {
    streak(facts, tonight, |_, n| match n {
        Some(n) if n.checkin.is_some() => Step::Add,
        Some(n) if n.rest => Step::Pause,
        _ => Step::Break,
    })
}

/// Nights whose check-in reports no cramps (a night without a check-in ends it).
pub fn cramp_free(facts: &Facts, tonight: NaiveDate) -> Streak {
    streak(facts, tonight, |_, n| match n.and_then(|n| n.checkin.as_ref()) {
        Some(c) if c.cramps == 0 => Step::Add,
        _ => Step::Break,
    })
}
