//! The files that hold one month's records, read together: the month file
//! alone (the common case, read line by line) or merged with its conflict
//! copies and other answers.

use std::path::PathBuf;

use super::layout::Role;
use super::merge::{self, Merged, Source};
use super::model::Record;
use super::month_file::{parse_month_with, read_month_file};
use super::store::{JournalError, Month, io_err};

/// The order of preference when versions disagree: the month file, its
/// copies, then the other answers.
pub(super) fn preference(role: Role) -> u8 {
    match role {
        Role::Month => 0,
        Role::Copy(_) => 1,
        Role::Contested => 2,
        Role::ContestedCopy(_) => 3,
    }
}

/// The record files of one month.
#[derive(Debug, Clone)]
pub struct MonthFiles {
    pub month: Month,
    /// In order of preference (see [`Journal::month_sets`]).
    pub files: Vec<(Role, PathBuf)>,
}

impl MonthFiles {
    /// Sync tools' copies: folded in by the next write, then removed.
    pub fn copies(&self) -> Vec<PathBuf> {
        self.files.iter().filter(|(r, _)| r.is_copy()).map(|(_, p)| p.clone()).collect()
    }

    pub fn has_copies(&self) -> bool {
        self.files.iter().any(|(r, _)| r.is_copy())
    }

    /// Reads every file of the month (each checked) and merges them.
    pub fn read_merged(&self) -> Result<Merged, JournalError> {
        let sources = self
            .files
            .iter()
            .map(|(role, p)| Ok(Source { records: read_month_file(p, self.month)?, others: role.holds_others() }))
            .collect::<Result<Vec<_>, JournalError>>()?;
        Ok(merge::merge(sources))
    }

    /// Hands each record that stands to `keep`, with its line when it comes
    /// straight from the month file (the common case: no copies, no other answers).
    pub fn each_record(&self, mut keep: impl FnMut(Record, Option<&str>)) -> Result<(), JournalError> {
        if let [(Role::Month, path)] = self.files.as_slice() {
            let bytes = std::fs::read(path).map_err(io_err(path))?;
            return parse_month_with(path, self.month, &bytes, |r, line| keep(r, Some(line)));
        }
        for r in self.read_merged()?.records {
            keep(r, None);
        }
        Ok(())
    }
}

/// Runs `f` over months on every core (ten years is 120 files): each
/// thread folds a consecutive share of them into its own accumulator.
/// Returns the accumulators in order; the first error wins.
pub(super) fn in_parallel<T: Sync, A: Default + Send>(
    items: &[T],
    f: impl Fn(&mut A, &T) -> Result<(), JournalError> + Sync,
) -> Result<Vec<A>, JournalError> {
    let fold = |part: &[T]| -> Result<A, JournalError> {
        let mut acc = A::default();
        for item in part {
            f(&mut acc, item)?;
        }
        Ok(acc)
    };
    // Threads only pay for themselves over many files.
    if items.len() < 8 {
        return Ok(vec![fold(items)?]);
    }
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(8);
    if threads < 2 {
        return Ok(vec![fold(items)?]);
    }
    let size = items.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = items.chunks(size).map(|part| scope.spawn(|| fold(part))).collect();
        handles.into_iter().map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e))).collect()
    })
}
