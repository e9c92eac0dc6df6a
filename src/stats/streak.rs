//! Streaks: consecutive nights of something. Rest nights pause a streak (they
//! neither add nor break it); tonight, not yet done, is pending, not a break.

use chrono::NaiveDate;
use serde::Serialize;

use super::{NightMark, mark, nights};
use crate::journal::{Entries, NightEntry};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
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

fn streak(entries: &Entries, tonight: NaiveDate, judge: impl Fn(Option<&NightEntry>) -> Step) -> Streak {
    let mut run = 0u32;
    let mut longest = 0u32;
    let mut tonight_done = false;
    for night in nights(entries, tonight) {
        match judge(entries.night(night)) {
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
pub fn routine(entries: &Entries, tonight: NaiveDate) -> Streak {
    streak(entries, tonight, |n| match mark(n) {
        NightMark::Done => Step::Add,
        NightMark::Rest => Step::Pause,
        _ => Step::Break,
    })
}

/// Nights with a check-in.
pub fn checkin(entries: &Entries, tonight: NaiveDate) -> Streak {
    streak(entries, tonight, |n| match n {
        Some(n) if n.checkin.is_some() => Step::Add,
        Some(n) if n.rest.is_some() => Step::Pause,
        _ => Step::Break,
    })
}

/// Nights whose check-in reports no cramps (a night without a check-in ends it).
pub fn cramp_free(entries: &Entries, tonight: NaiveDate) -> Streak {
    streak(entries, tonight, |n| match n.and_then(|n| n.checkin.as_ref()) {
        Some(c) if c.cramps == 0 => Step::Add,
        _ => Step::Break,
    })
}
