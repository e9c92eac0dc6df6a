//! The status file: a few lines beside the month files naming the recent
//! nights that are settled (routine completed, or a rest night). The shell
//! prompt asks "is tonight done?" many times an evening; reading this file
//! answers in microseconds whatever the size of the journal.
//!
//! It is a cache derived from the month files, rewritten after every journal
//! write (only when its content changes). If it cannot be written it is
//! removed, and readers fall back to the journal itself.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::entries::group_by_night;
use super::model::Record;
use super::store::Month;

/// The file's name inside the journal folder.
pub const FILE_NAME: &str = ".winddown-status";
const HEADER: &str = "winddown-status 1";
/// Only the most recent settled nights are kept: the prompt asks about tonight.
const KEEP: usize = 62;
/// A status file larger than this is not ours: ignored.
const MAX_BYTES: u64 = 16 * 1024;

/// How a night stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Settled {
    /// A routine run was completed.
    Done,
    /// A rest night was recorded.
    Rest,
}

impl Settled {
    fn word(self) -> &'static str {
        match self {
            Settled::Done => "done",
            Settled::Rest => "rest",
        }
    }
}

/// The settled nights listed in a status file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Status {
    pub nights: BTreeMap<NaiveDate, Settled>,
}

impl Status {
    pub fn path(journal_dir: &Path) -> PathBuf {
        journal_dir.join(FILE_NAME)
    }

    /// Reads the status file; `None` when it is missing, too large or not ours
    /// (the caller then asks the journal).
    pub fn read(journal_dir: &Path) -> Option<Status> {
        // Bounded, and only a regular file: a FIFO or a device put in its
        // place must not hang the prompt or fill memory.
        let text = crate::input_file::read_text_limited(&Status::path(journal_dir), MAX_BYTES).ok()?;
        Status::parse(&text)
    }

    pub fn parse(text: &str) -> Option<Status> {
        let mut lines = text.lines();
        if lines.next()? != HEADER {
            return None;
        }
        let mut nights = BTreeMap::new();
        for line in lines {
            let (date, word) = line.split_once(' ')?;
            let settled = match word {
                "done" => Settled::Done,
                "rest" => Settled::Rest,
                _ => return None,
            };
            nights.insert(date.parse().ok()?, settled);
        }
        Some(Status { nights })
    }

    pub fn text(&self) -> String {
        let mut out = format!("{HEADER}\n");
        for (night, s) in &self.nights {
            out.push_str(&format!("{night} {}\n", s.word()));
        }
        out
    }

    pub fn get(&self, night: NaiveDate) -> Option<Settled> {
        self.nights.get(&night).copied()
    }

    /// Replaces what the status says about `months` by what their records say.
    pub fn update(&mut self, months: &BTreeMap<Month, Vec<Record>>) {
        self.nights.retain(|night, _| !months.contains_key(&Month::of(*night)));
        for records in months.values() {
            for (night, entry) in group_by_night(records.iter().cloned()) {
                if entry.completed() {
                    self.nights.insert(night, Settled::Done);
                } else if entry.rest.is_some() {
                    self.nights.insert(night, Settled::Rest);
                }
            }
        }
        while self.nights.len() > KEEP {
            self.nights.pop_first();
        }
    }
}

/// Called by the journal after it wrote `months` (their full content): brings
/// the status file up to date. Never fails the write it follows: a status
/// file that cannot be written is removed, so readers ask the journal.
pub fn after_write(journal_dir: &Path, months: &BTreeMap<Month, Vec<Record>>) {
    let path = Status::path(journal_dir);
    let existing = crate::input_file::read_text_limited(&path, MAX_BYTES).ok();
    let mut status = match existing.as_deref().map(Status::parse) {
        Some(Some(s)) => s,
        // A missing (or foreign) file: rebuilt from every month, read once.
        _ => match rebuild(journal_dir) {
            Some(s) => s,
            None => {
                let _ = std::fs::remove_file(&path);
                return;
            }
        },
    };
    status.update(months);
    let text = status.text();
    if existing.as_deref() == Some(text.as_str()) {
        return;
    }
    if crate::fsutil::write_atomic(&path, text.as_bytes()).is_err() {
        let _ = std::fs::remove_file(&path);
    }
}

/// The status of the journal as its month files say (the latest months are
/// enough: only the most recent nights are kept).
fn rebuild(journal_dir: &Path) -> Option<Status> {
    let journal = super::Journal::new(journal_dir);
    let stamps = journal.month_stamps().ok()?;
    // The last three month files hold more than KEEP nights.
    let from = stamps.iter().rev().nth(2).or(stamps.first()).and_then(|(m, _)| NaiveDate::from_ymd_opt(m.0, m.1, 1));
    let entries = journal.read_range(from, None).ok()?;
    let mut months: BTreeMap<Month, Vec<Record>> = BTreeMap::new();
    for r in entries.records() {
        months.entry(Month::of(r.night())).or_default().push(r);
    }
    let mut status = Status::default();
    status.update(&months);
    Some(status)
}

/// How `night` stands: from the status file when it is newer than every
/// file of the night's month, otherwise (no status file, or a month file or a
/// sync tool's copy arrived after it: another machine's run) from the journal.
pub fn night_status(journal_dir: &Path, night: NaiveDate) -> Result<Option<Settled>, super::JournalError> {
    if fresh_for(journal_dir, Month::of(night))
        && let Some(status) = Status::read(journal_dir)
    {
        return Ok(status.get(night));
    }
    let entries = super::Journal::new(journal_dir).read_range(Some(night), Some(night))?;
    Ok(entries.night(night).and_then(|n| {
        if n.completed() {
            Some(Settled::Done)
        } else if n.rest.is_some() {
            Some(Settled::Rest)
        } else {
            None
        }
    }))
}

/// Whether the status file was written after every file of `month` (the
/// month file, conflict copies, other answers): one directory listing and a
/// few stats, so the prompt stays cheap.
fn fresh_for(journal_dir: &Path, month: Month) -> bool {
    let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    let Some(written) = modified(&Status::path(journal_dir)) else { return false };
    let prefix = format!("{:04}-{:02}", month.0, month.1);
    let Ok(dir) = std::fs::read_dir(journal_dir) else { return false };
    dir.flatten().all(|e| {
        let name = e.file_name();
        let name = name.to_string_lossy();
        !(name.starts_with(&prefix) && name.ends_with(".jsonl")) || modified(&e.path()).is_some_and(|m| m <= written)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::test_records::*;
    use crate::journal::{Journal, Outcome, RestNight};

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn written_after_each_journal_write() {
        let dir = tempfile::tempdir().unwrap();
        let j = Journal::new(dir.path());
        assert_eq!(night_status(dir.path(), d("2026-11-24")).unwrap(), None);
        j.put(vec![run(d("2026-11-24"), "22:00", Outcome::Done)]).unwrap();
        let s = Status::read(dir.path()).expect("status written");
        assert_eq!(s.get(d("2026-11-24")), Some(Settled::Done));
        let rest = RestNight {
            night: d("2026-11-02"),
            reason: "travel".into(),
            recorded: "2026-11-02T20:00:00+01:00".parse().unwrap(),
        };
        j.put(vec![Record::Rest(rest)]).unwrap();
        assert_eq!(night_status(dir.path(), d("2026-11-02")).unwrap(), Some(Settled::Rest));
        assert_eq!(night_status(dir.path(), d("2026-11-24")).unwrap(), Some(Settled::Done));
        assert_eq!(night_status(dir.path(), d("2026-11-23")).unwrap(), None);
    }

    #[test]
    fn missing_or_foreign_file_falls_back_to_the_journal() {
        let dir = tempfile::tempdir().unwrap();
        let j = Journal::new(dir.path());
        j.put(vec![run(d("2026-11-24"), "22:00", Outcome::Done)]).unwrap();
        std::fs::write(Status::path(dir.path()), "something else\n").unwrap();
        assert_eq!(night_status(dir.path(), d("2026-11-24")).unwrap(), Some(Settled::Done));
        std::fs::remove_file(Status::path(dir.path())).unwrap();
        assert_eq!(night_status(dir.path(), d("2026-11-24")).unwrap(), Some(Settled::Done));
        // The next write rebuilds it, keeping nights of months it did not touch.
        j.put(vec![run(d("2026-12-01"), "22:00", Outcome::Done)]).unwrap();
        let s = Status::read(dir.path()).unwrap();
        assert_eq!(s.get(d("2026-11-24")), Some(Settled::Done));
        assert_eq!(s.get(d("2026-12-01")), Some(Settled::Done));
    }

    #[test]
    fn text_round_trips_and_keeps_only_recent_nights() {
        let mut s = Status::default();
        let mut months = BTreeMap::new();
        for i in 0..100u64 {
            let night = d("2026-01-01") + chrono::Days::new(i);
            months.entry(Month::of(night)).or_insert_with(Vec::new).push(run(night, "22:00", Outcome::Done));
        }
        s.update(&months);
        assert_eq!(s.nights.len(), KEEP);
        assert_eq!(Status::parse(&s.text()), Some(s.clone()));
        assert!(s.text().len() < 2000);
    }
}
