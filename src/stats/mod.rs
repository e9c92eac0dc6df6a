//! Streaks, consistency, insights and gentle flags from the journal.
//! Pure core: fixed dates in, numbers out.

pub mod flags;
pub mod insights;
pub mod report;
pub mod score;
pub mod streak;
#[cfg(test)]
mod tests;

use chrono::NaiveDate;

use crate::journal::{Entries, NightEntry};

/// How a night went, for streaks, the score and the calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NightMark {
    /// Every non-optional step done.
    Done,
    /// A run, but not complete.
    Partial,
    /// A rest night: pauses streaks.
    Rest,
    /// Nothing recorded.
    Missed,
}

pub fn mark(n: Option<&NightEntry>) -> NightMark {
    match n {
        Some(n) if n.completed() => NightMark::Done,
        Some(n) if n.rest.is_some() => NightMark::Rest,
        Some(n) if !n.runs.is_empty() => NightMark::Partial,
        _ => NightMark::Missed,
    }
}

/// The nights from the first recorded one to `tonight`, oldest first.
pub fn nights(entries: &Entries, tonight: NaiveDate) -> impl Iterator<Item = NaiveDate> {
    let first = entries.nights.keys().next().copied().unwrap_or(tonight).min(tonight);
    first.iter_days().take_while(move |d| *d <= tonight)
}
