//! The files that hold one month's records, read together: the month file
//! alone (the common case, read line by line) or merged with its conflict
//! copies and other answers.

use std::path::{Path, PathBuf};

use super::layout::Role;
use super::merge::{self, Merged, Source};
use super::model::Record;
use super::month_file::{parse_month, parse_month_with, read_journal_bytes};
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
    ///
    /// Readers take no lock, so a writer may fold a copy in and remove it
    /// while they read. The copies are read first and the month file last: a
    /// writer replaces the month file before it removes a copy, so a copy
    /// already gone when it is read is in the month file read after it.
    pub fn read_merged(&self) -> Result<Merged, JournalError> {
        let mut month_file = None;
        let mut extras = Vec::new();
        for (role, path) in &self.files {
            if *role == Role::Month {
                month_file = Some(path.clone());
                continue;
            }
            if let Some(records) = self.read_if_there(path)? {
                extras.push(Source { records, others: role.holds_others() });
            }
        }
        // The month file is read even when it was not there at listing time:
        // the first fold-in of a month known only from copies creates it.
        let month_path = month_file.or_else(|| {
            let dir = self.files.first().and_then(|(_, p)| p.parent())?;
            Some(dir.join(self.month.file_name()))
        });
        let month = match &month_path {
            Some(p) => self.read_if_there(p)?.unwrap_or_default(),
            None => Vec::new(),
        };
        let mut sources = vec![Source { records: month, others: false }];
        sources.extend(extras);
        Ok(merge::merge(sources))
    }

    /// A file's records, or `None` when it is gone (folded in and removed).
    fn read_if_there(&self, path: &Path) -> Result<Option<Vec<Record>>, JournalError> {
        match read_journal_bytes(path)? {
            Some(bytes) => parse_month(path, self.month, &bytes).map(Some),
            None => Ok(None),
        }
    }

    /// Hands each record that stands to `keep`, with its line when it comes
    /// straight from the month file (the common case: no copies, no other answers).
    pub fn each_record(&self, mut keep: impl FnMut(Record, Option<&str>)) -> Result<(), JournalError> {
        if let [(Role::Month, path)] = self.files.as_slice() {
            let bytes = read_journal_bytes(path)?
                .ok_or_else(|| io_err(path)(std::io::Error::from(std::io::ErrorKind::NotFound)))?;
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
