//! Streaks: consecutive nights of something. Rest nights pause a streak (they
//! neither add nor break it); tonight, not yet done, is pending, not a break.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::facts::{Facts, NightFacts};
use super::{NightMark, dates, facts_mark};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Streak {
    pub current: u32,
    pub longest: u32,
    /// Tonight counts already (`true`), or is still to come (`false`).
    pub tonight_done: bool,
}

/// What a night means for one streak.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Step {
    Add,
    Pause,
    Break,
}

impl Streak {
    /// Takes in one night, the nights in order (the one rule for every
    /// streak, whether walked from the first night or from a checkpoint).
    pub(crate) fn take(&mut self, step: Step, is_tonight: bool) {
        match step {
            Step::Add => {
                self.current += 1;
                self.tonight_done = is_tonight;
            }
            Step::Pause => {}
            // Tonight is still open: it cannot break the streak yet.
            Step::Break if is_tonight => {}
            Step::Break => self.current = 0,
        }
        self.longest = self.longest.max(self.current);
    }
}

fn streak(facts: &Facts, tonight: NaiveDate, judge: impl Fn(NaiveDate, Option<&NightFacts>) -> Step) -> Streak {
    let mut s = Streak::default();
    for night in dates(facts, tonight) {
        s.take(judge(night, facts.night(night)), night == tonight);
    }
    s
}

/// Nights with the routine completed.
pub fn routine(facts: &Facts, tonight: NaiveDate) -> Streak {
    routine_with_off_nights(facts, tonight, |_| false)
}

/// Nights with the routine completed, where `off` nights (an experiment's
/// nights without the routine) neither break nor count, whatever was done.
pub fn routine_with_off_nights(facts: &Facts, tonight: NaiveDate, off: impl Fn(NaiveDate) -> bool) -> Streak {
    streak(facts, tonight, |night, n| routine_step(off(night), n))
}

/// Nights with a check-in.
pub fn checkin(facts: &Facts, tonight: NaiveDate) -> Streak {
    streak(facts, tonight, |_, n| checkin_step(n))
}

/// Nights whose check-in reports no cramps (a night without a check-in ends it).
pub fn cramp_free(facts: &Facts, tonight: NaiveDate) -> Streak {
    streak(facts, tonight, |_, n| cramp_free_step(n))
}

/// A night for the routine streak (`off`: an experiment's night without the routine).
pub(crate) fn routine_step(off: bool, n: Option<&NightFacts>) -> Step {
    match facts_mark(n) {
        _ if off => Step::Pause,
        NightMark::Done => Step::Add,
        NightMark::Rest => Step::Pause,
        _ => Step::Break,
    }
}

/// A night for the check-in streak.
pub(crate) fn checkin_step(n: Option<&NightFacts>) -> Step {
    match n {
        Some(n) if n.checkin.is_some() => Step::Add,
        Some(n) if n.rest => Step::Pause,
        _ => Step::Break,
    }
}

/// A night for the cramp-free streak.
pub(crate) fn cramp_free_step(n: Option<&NightFacts>) -> Step {
    match n.and_then(|n| n.checkin.as_ref()) {
        Some(c) if c.cramps == 0 => Step::Add,
        _ => Step::Break,
    }
}
