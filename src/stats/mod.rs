//! Streaks, consistency, insights and gentle flags from the journal.
//! Pure core: fixed dates in, numbers out.

pub mod cache;
#[cfg(test)]
mod cache_tests;
pub mod checkpoint;
pub mod checkpoint_cache;
#[cfg(test)]
mod checkpoint_tests;
pub mod difference;
#[cfg(test)]
mod difference_tests;
pub mod facts;
pub mod flags;
pub mod insights;
pub mod report;
pub mod rng;
pub mod score;
pub mod streak;
#[cfg(test)]
mod tests;

use std::collections::BTreeSet;

use chrono::NaiveDate;

use crate::journal::{Journal, JournalError, NightEntry};
use facts::{Facts, NightFacts};

/// How a night went, for streaks, the score and the calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NightMark {
    /// Every non-optional step done.
    Done,
    /// A run, but not complete.
    Partial,
    /// A rest night: pauses streaks.
    Rest,
    /// Only practice runs (at another clock speed): counts as a night without the routine.
    Practice,
    /// Nothing recorded.
    Missed,
}

impl NightMark {
    pub fn from_parts(completed: bool, rest: bool, ran: bool, practice: bool) -> NightMark {
        if completed {
            NightMark::Done
        } else if rest {
            NightMark::Rest
        } else if ran {
            NightMark::Partial
        } else if practice {
            NightMark::Practice
        } else {
            NightMark::Missed
        }
    }
}

/// How a night of the journal went (the screens mark nights from their records).
pub fn mark(n: Option<&NightEntry>) -> NightMark {
    n.map_or(NightMark::Missed, |n| NightMark::from_parts(n.completed(), n.rest.is_some(), n.ran(), n.practice_only()))
}

/// How a night went, from its facts.
pub fn facts_mark(n: Option<&NightFacts>) -> NightMark {
    n.map_or(NightMark::Missed, NightFacts::mark)
}

/// The nights from the first recorded one to `tonight`, oldest first.
pub fn dates(facts: &Facts, tonight: NaiveDate) -> impl Iterator<Item = NaiveDate> {
    let first = facts.nights.keys().next().copied().unwrap_or(tonight).min(tonight);
    first.iter_days().take_while(move |d| *d <= tonight)
}

/// What the home screen shows of the whole history (the [`report::overview`]:
/// streaks, consistency, flags; the counts) and the facts of the recent
/// nights, as of `tonight`, in a time that does not grow with the history:
/// from checkpoints at month ends (`checkpoint_cache`) and the last two or
/// three month files. The figures are those of the whole journal.
/// `off`: a running experiment's nights without the routine.
pub fn overview_fast(
    journal: &Journal,
    tonight: NaiveDate,
    off: &BTreeSet<NaiveDate>,
) -> Result<checkpoint::Summary, JournalError> {
    checkpoint_cache::summary(journal, tonight, off)
}
