//! The journal on disk: one JSON Lines file per month of nights
//! (`journal/2026-11.jsonl`), a header line with the format version, then one
//! record per line.
//!
//! Why this layout: a write rewrites only one small month file, through a temp
//! file + fsync + rename + directory fsync, so a crash leaves the old month or
//! the new one, never a torn line; replacing a check-in is a real replacement,
//! not an ever-growing log; reading ten years is 120 small files.
//! Writers take an exclusive lock on the `journal/` folder, so two winddown processes
//! never lose each other's records. Readers need no lock: a rename is atomic.

use std::collections::BTreeMap;
use std::fs::File;
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};

use super::entries::{Entries, NightEntry, add_record, put_in_order};
pub use super::error::JournalError;
pub(super) use super::error::io_err;
use super::layout;
use super::listing::Listing;
pub use super::listing::{FileStamp, MonthStamp};
use super::merge;
use super::model::Record;
pub use super::month_file::{JOURNAL_VERSION, month_text, parse_month};
use super::month_set::{MonthFiles, in_parallel};
use crate::fsutil;

/// A month of nights: (year, month).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month(pub i32, pub u32);

impl Month {
    pub fn of(night: NaiveDate) -> Month {
        Month(night.year(), night.month())
    }

    pub fn file_name(self) -> String {
        format!("{:04}-{:02}.jsonl", self.0, self.1)
    }
}

/// The journal folder.
#[derive(Debug, Clone)]
pub struct Journal {
    dir: PathBuf,
    /// The folder's last listing, shared by clones (see [`Listing`]).
    listing: std::sync::Arc<Listing>,
}

impl Journal {
    pub fn new(dir: impl Into<PathBuf>) -> Journal {
        Journal { dir: dir.into(), listing: Default::default() }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Whether anything was ever recorded (no journal yet means a first run).
    pub fn is_empty(&self) -> Result<bool, JournalError> {
        Ok(self.month_sets()?.is_empty())
    }

    /// Every record.
    pub fn read_all(&self) -> Result<Entries, JournalError> {
        self.read_range(None, None)
    }

    /// Records of nights in `from..=to` (either end open); reads only the months needed.
    pub fn read_range(&self, from: Option<NaiveDate>, to: Option<NaiveDate>) -> Result<Entries, JournalError> {
        let parts =
            self.fold_records(from, to, |nights: &mut BTreeMap<NaiveDate, NightEntry>, r| add_record(nights, r))?;
        let mut nights = BTreeMap::new();
        for mut part in parts {
            nights.append(&mut part);
        }
        put_in_order(&mut nights);
        Ok(Entries { nights })
    }

    /// Reads the records of nights in `from..=to` on every core, each checked
    /// like any read, folding them into one accumulator per thread: years of
    /// history never sit in memory twice. Returns the accumulators in file
    /// order; month files hold only their own nights, so they do not overlap.
    /// A month's conflict copies are merged with it (see [`super::merge`]).
    pub fn fold_records<A: Default + Send>(
        &self,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
        fold: impl Fn(&mut A, Record) + Sync,
    ) -> Result<Vec<A>, JournalError> {
        let sets = self.month_sets_between(from, to)?;
        in_parallel(&sets, |acc: &mut A, set| {
            set.each_record(|r, _| {
                let night = r.night();
                if from.is_none_or(|f| night >= f) && to.is_none_or(|t| night <= t) {
                    fold(acc, r);
                }
            })
        })
    }

    /// Like [`Journal::fold_records`], with one accumulator per month.
    pub fn fold_each_month<A: Default + Send>(
        &self,
        months: &[Month],
        fold: impl Fn(&mut A, Record) + Sync,
    ) -> Result<Vec<(Month, A)>, JournalError> {
        let mut sets = self.month_sets()?;
        sets.retain(|s| months.contains(&s.month));
        fold_sets(&sets, fold)
    }

    /// As [`Journal::fold_each_month`], reading the files of these months as
    /// [`Journal::month_stamps`] listed them (the folder is not listed again).
    pub fn fold_stamped<A: Default + Send>(
        &self,
        months: &[(Month, MonthStamp)],
        fold: impl Fn(&mut A, Record) + Sync,
    ) -> Result<Vec<(Month, A)>, JournalError> {
        let sets: Vec<MonthFiles> = months
            .iter()
            .map(|(month, stamp)| MonthFiles {
                month: *month,
                files: stamp
                    .files
                    .iter()
                    .filter_map(|(name, _)| layout::classify(name).map(|(_, role)| (role, self.dir.join(name))))
                    .collect(),
            })
            .collect();
        fold_sets(&sets, fold)
    }

    /// Every month with the [`FileStamp`]s of its files, oldest first, without reading any.
    pub fn month_stamps(&self) -> Result<Vec<(Month, MonthStamp)>, JournalError> {
        let sets = self.month_sets()?;
        if sets.is_empty() {
            return Ok(Vec::new());
        }
        // Each file is looked up in the open folder, not by its whole path.
        let dir = File::open(&self.dir).map_err(io_err(&self.dir))?;
        sets.into_iter()
            .map(|set| {
                let mut files = Vec::new();
                for (_, p) in &set.files {
                    let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                    match FileStamp::in_dir(&dir, &name) {
                        Ok(stamp) => files.push((name, stamp)),
                        // A copy folded in and removed since the listing: the month file's stamp changed too.
                        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                        Err(e) => return Err(io_err(p)(e)),
                    }
                }
                Ok((set.month, MonthStamp { files }))
            })
            .collect()
    }

    /// The journal lines of nights in `from..=to`, in night order, each checked
    /// like any read. Export writes a month file's lines as they are; the
    /// records of a month merged with conflict copies are written afresh.
    pub fn read_lines(&self, from: Option<NaiveDate>, to: Option<NaiveDate>) -> Result<Vec<String>, JournalError> {
        let sets = self.month_sets_between(from, to)?;
        let per_set = |out: &mut Vec<(NaiveDate, String)>, set: &MonthFiles| {
            set.each_record(|r, line| {
                let night = r.night();
                if from.is_none_or(|f| night >= f) && to.is_none_or(|t| night <= t) {
                    let line = line.map_or_else(|| serde_json::to_string(&r).unwrap_or_default(), str::to_string);
                    out.push((night, line));
                }
            })
        };
        let mut lines: Vec<(NaiveDate, String)> = in_parallel(&sets, per_set)?.into_iter().flatten().collect();
        // Stable: keeps the file's own order within a night.
        lines.sort_by_key(|(night, _)| *night);
        Ok(lines.into_iter().map(|(_, l)| l).collect())
    }

    /// Months that can hold nights in `from..=to`.
    fn month_sets_between(
        &self,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> Result<Vec<MonthFiles>, JournalError> {
        let mut sets = self.month_sets()?;
        sets.retain(|s| from.is_none_or(|f| s.month >= Month::of(f)) && to.is_none_or(|t| s.month <= Month::of(t)));
        Ok(sets)
    }

    /// Stores records, each replacing any record with the same key.
    pub fn put(&self, records: Vec<Record>) -> Result<(), JournalError> {
        self.transaction(records.iter().map(|r| Month::of(r.night())).collect(), |months| {
            for r in records {
                let list = months.entry(Month::of(r.night())).or_default();
                let key = r.key();
                match list.iter_mut().find(|x| x.key() == key) {
                    Some(existing) => *existing = r,
                    None => list.push(r),
                }
            }
            Ok(())
        })
    }

    /// Runs `f` over the records of `months` under the journal lock, then writes
    /// back every month whose content changed. If `f` fails, nothing is written.
    /// A corrupt or newer file among `months` is refused before `f` runs.
    /// Every write also folds sync tools' conflict copies into their months.
    pub fn transaction<T>(
        &self,
        months: Vec<Month>,
        f: impl FnOnce(&mut BTreeMap<Month, Vec<Record>>) -> Result<T, JournalError>,
    ) -> Result<T, JournalError> {
        self.transaction_with_others(months, |records, _| f(records))
    }

    /// [`Journal::transaction`] that also sees (and may change) each month's
    /// other answers. Under the lock it removes temp files left by killed
    /// writes, and folds in the conflict copies of every month (those of
    /// `months` must read; a month not asked for whose copies do not read is
    /// left as it is). The month file is written first, then the other
    /// answers, and only then are the copies removed: a kill at any point
    /// leaves files whose merge is the same records.
    pub(super) fn transaction_with_others<T>(
        &self,
        months: Vec<Month>,
        f: impl FnOnce(&mut BTreeMap<Month, Vec<Record>>, &mut BTreeMap<Month, Vec<Record>>) -> Result<T, JournalError>,
    ) -> Result<T, JournalError> {
        std::fs::create_dir_all(&self.dir).map_err(io_err(&self.dir))?;
        let _lock = self.lock()?;
        self.remove_orphan_temps();
        let sets: BTreeMap<Month, MonthFiles> = self.month_sets()?.into_iter().map(|s| (s.month, s)).collect();
        let mut data = BTreeMap::new();
        let mut others = BTreeMap::new();
        for m in months {
            if data.contains_key(&m) {
                continue;
            }
            let merged = sets.get(&m).map(MonthFiles::read_merged).transpose()?.unwrap_or_default();
            data.insert(m, merged.records);
            others.insert(m, merged.others);
        }
        for set in sets.values().filter(|s| s.has_copies()) {
            if data.contains_key(&set.month) {
                continue;
            }
            if let Ok(merged) = set.read_merged() {
                data.insert(set.month, merged.records);
                others.insert(set.month, merged.others);
            }
        }
        let before = data.clone();
        let others_before = others.clone();
        let out = f(&mut data, &mut others)?;
        let written = data.clone();
        for (m, mut records) in data {
            let copies = sets.get(&m).map(MonthFiles::copies).unwrap_or_default();
            let month_others = others.remove(&m).unwrap_or_default();
            // Another answer with nothing standing for its key (the other
            // answers' file arrived before its month file, or was edited) is
            // the record itself: it joins the month, never dropped.
            for other in &month_others {
                if !records.iter().any(|r| r.key() == other.key()) {
                    records.push(other.clone());
                }
            }
            let open = merge::still_open(&records, month_others);
            // When the other answers' file changes, the month file is written
            // too, first: records that stood only in that file (read as the
            // record, nothing else standing for their key) move into it.
            let others_change = others_before.get(&m) != Some(&open);
            if before.get(&m) != Some(&records) || !copies.is_empty() || others_change {
                sort_records(&mut records);
                self.write_file(&self.dir.join(m.file_name()), &records)?;
            }
            if others_change || !copies.is_empty() {
                let path = self.dir.join(layout::contested_name(m));
                let mut removed = false;
                if !open.is_empty() {
                    self.write_file(&path, &open)?;
                } else if path.exists() {
                    std::fs::remove_file(&path).map_err(io_err(&path))?;
                    removed = true;
                }
                if removed && copies.is_empty() {
                    fsutil::sync_dir(&self.dir)?;
                }
            }
            for copy in &copies {
                std::fs::remove_file(copy).map_err(io_err(copy))?;
            }
            if !copies.is_empty() {
                fsutil::sync_dir(&self.dir)?;
            }
        }
        super::status::after_write(&self.dir, &written);
        Ok(out)
    }

    fn write_file(&self, path: &Path, records: &[Record]) -> Result<(), JournalError> {
        Ok(fsutil::write_atomic(path, month_text(records).as_bytes())?)
    }

    /// Removes temp files left by killed writes. Called with the lock held, so
    /// no journal write is under way; best effort.
    fn remove_orphan_temps(&self) {
        let Ok(read) = std::fs::read_dir(&self.dir) else { return };
        let now = std::time::SystemTime::now();
        for entry in read.flatten() {
            let name = entry.file_name();
            let Some(name) = name.to_str() else { continue };
            let modified = entry.metadata().ok().and_then(|m| m.modified().ok());
            if layout::is_orphan_temp(name, modified, now) {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }

    /// Blocks until this process holds the journal's exclusive lock (released
    /// on drop). The lock is on the journal folder itself, not on a file in it:
    /// a sync tool may replace any file with another machine's copy, and a
    /// lock on a replaced file would guard nothing.
    fn lock(&self) -> Result<File, JournalError> {
        let dir = File::open(&self.dir).map_err(io_err(&self.dir))?;
        dir.lock().map_err(io_err(&self.dir))?;
        Ok(dir)
    }

    /// Every month with record files, oldest first, each with its files.
    /// Other files (the lock, the facts cache, temp files) are ignored.
    pub(super) fn month_sets(&self) -> Result<Vec<MonthFiles>, JournalError> {
        self.listing.month_sets(&self.dir, std::time::SystemTime::now())
    }
}

/// Reads each month's files (on every core) into an accumulator of its own.
fn fold_sets<A: Default + Send>(
    sets: &[MonthFiles],
    fold: impl Fn(&mut A, Record) + Sync,
) -> Result<Vec<(Month, A)>, JournalError> {
    let parts = in_parallel(sets, |done: &mut Vec<(Month, A)>, set| {
        let mut acc = A::default();
        set.each_record(|r, _| fold(&mut acc, r))?;
        done.push((set.month, acc));
        Ok(())
    })?;
    Ok(parts.into_iter().flatten().collect())
}

/// Stable order inside a month file: by night, then kind, then key.
fn sort_records(records: &mut [Record]) {
    records.sort_by_key(|r| r.key());
}
