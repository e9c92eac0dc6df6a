//! The journal on disk: one JSON Lines file per month of nights
//! (`journal/2026-11.jsonl`), a header line with the format version, then one
//! record per line.
//!
//! Why this layout: a write rewrites only one small month file, through a temp
//! file + fsync + rename + directory fsync, so a crash leaves the old month or
//! the new one, never a torn line; replacing a check-in is a real replacement,
//! not an ever-growing log; reading ten years is 120 small files.
//! Writers take an exclusive lock on `journal/.lock`, so two winddown processes
//! never lose each other's records. Readers need no lock: a rename is atomic.

use std::collections::BTreeMap;
use std::fmt;
use std::fs::File;
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::entries::{Entries, NightEntry, add_record, put_in_order};
use super::model::Record;
use crate::fsutil;

/// Version of the journal file format this build reads and writes.
pub const JOURNAL_VERSION: u32 = 1;

const MAGIC: &str = "journal";

#[derive(Serialize, Deserialize)]
struct Header {
    winddown: String,
    version: u32,
}

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

    fn parse_file_name(name: &str) -> Option<Month> {
        let stem = name.strip_suffix(".jsonl")?;
        let (y, m) = stem.split_once('-')?;
        if y.len() != 4 || m.len() != 2 {
            return None;
        }
        let month = Month(y.parse().ok()?, m.parse().ok()?);
        (1..=12).contains(&month.1).then_some(month)
    }
}

/// What tells one version of a file from another without reading it, as
/// git's index does: any write changes the change time (which no tool can set
/// back), a rename-replace changes the inode, most edits change size or mtime.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileStamp {
    pub inode: u64,
    pub size: u64,
    pub modified_ns: i128,
    pub changed_ns: i128,
}

impl FileStamp {
    pub fn of(meta: &std::fs::Metadata) -> FileStamp {
        use std::os::unix::fs::MetadataExt;
        let ns = |s: i64, n: i64| i128::from(s) * 1_000_000_000 + i128::from(n);
        FileStamp {
            inode: meta.ino(),
            size: meta.size(),
            modified_ns: ns(meta.mtime(), meta.mtime_nsec()),
            changed_ns: ns(meta.ctime(), meta.ctime_nsec()),
        }
    }

    /// The latest of the two times, in nanoseconds since the Unix epoch.
    pub fn touched_ns(&self) -> i128 {
        self.modified_ns.max(self.changed_ns)
    }
}

#[derive(Debug)]
pub enum JournalError {
    /// A file that does not parse: never written over.
    Corrupt {
        file: PathBuf,
        line: usize,
        message: String,
    },
    /// A file from a newer winddown: never written over.
    Newer {
        file: PathBuf,
        version: u32,
    },
    Io {
        path: PathBuf,
        message: String,
    },
    /// A change refused as a whole (an import with conflicts); nothing was written.
    Refused(String),
}

impl fmt::Display for JournalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            JournalError::Corrupt { file, line, message } => write!(
                f,
                "{}:{line}: {message} (the journal file was left as it is; fix or move it, then try again)",
                file.display()
            ),
            JournalError::Newer { file, version } => write!(
                f,
                "{}:1: written by a newer winddown (journal format {version}; this one reads {JOURNAL_VERSION}); update winddown. The file was left as it is",
                file.display()
            ),
            JournalError::Io { path, message } => write!(f, "{}: {message}", path.display()),
            JournalError::Refused(message) => f.write_str(message),
        }
    }
}

impl std::error::Error for JournalError {}

fn io_err(path: &Path) -> impl FnOnce(std::io::Error) -> JournalError + '_ {
    move |e| JournalError::Io { path: path.to_path_buf(), message: e.to_string() }
}

/// The journal folder.
#[derive(Debug, Clone)]
pub struct Journal {
    dir: PathBuf,
}

impl Journal {
    pub fn new(dir: impl Into<PathBuf>) -> Journal {
        Journal { dir: dir.into() }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Whether anything was ever recorded (no journal yet means a first run).
    pub fn is_empty(&self) -> Result<bool, JournalError> {
        Ok(self.month_files()?.is_empty())
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
    pub fn fold_records<A: Default + Send>(
        &self,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
        fold: impl Fn(&mut A, Record) + Sync,
    ) -> Result<Vec<A>, JournalError> {
        let files = self.month_files_between(from, to)?;
        in_parallel(&files, |acc: &mut A, (m, p)| {
            let bytes = std::fs::read(p).map_err(io_err(p))?;
            parse_month_with(p, *m, &bytes, |r, _| {
                let night = r.night();
                if from.is_none_or(|f| night >= f) && to.is_none_or(|t| night <= t) {
                    fold(acc, r);
                }
            })
        })
    }

    /// Like [`Journal::fold_records`], with one accumulator per month file.
    pub fn fold_each_month<A: Default + Send>(
        &self,
        months: &[Month],
        fold: impl Fn(&mut A, Record) + Sync,
    ) -> Result<Vec<(Month, A)>, JournalError> {
        let files: Vec<_> = months.iter().map(|m| (*m, self.dir.join(m.file_name()))).collect();
        let parts = in_parallel(&files, |done: &mut Vec<(Month, A)>, (m, p)| {
            let bytes = std::fs::read(p).map_err(io_err(p))?;
            let mut acc = A::default();
            parse_month_with(p, *m, &bytes, |r, _| fold(&mut acc, r))?;
            done.push((*m, acc));
            Ok(())
        })?;
        Ok(parts.into_iter().flatten().collect())
    }

    /// Every month file with its [`FileStamp`], oldest first, without reading any.
    pub fn month_stamps(&self) -> Result<Vec<(Month, FileStamp)>, JournalError> {
        self.month_files()?
            .into_iter()
            .map(|(m, p)| Ok((m, FileStamp::of(&std::fs::metadata(&p).map_err(io_err(&p))?))))
            .collect()
    }

    /// The journal lines of nights in `from..=to`, in night order, each checked
    /// like any read. Export writes them as they are: no re-serializing.
    pub fn read_lines(&self, from: Option<NaiveDate>, to: Option<NaiveDate>) -> Result<Vec<String>, JournalError> {
        let files = self.month_files_between(from, to)?;
        let per_file = |out: &mut Vec<(NaiveDate, String)>, (m, p): &(Month, PathBuf)| {
            let bytes = std::fs::read(p).map_err(io_err(p))?;
            parse_month_with(p, *m, &bytes, |r, line| {
                let night = r.night();
                if from.is_none_or(|f| night >= f) && to.is_none_or(|t| night <= t) {
                    out.push((night, line.to_string()));
                }
            })
        };
        let mut lines: Vec<(NaiveDate, String)> = in_parallel(&files, per_file)?.into_iter().flatten().collect();
        // Stable: keeps the file's own order within a night.
        lines.sort_by_key(|(night, _)| *night);
        Ok(lines.into_iter().map(|(_, l)| l).collect())
    }

    /// Month files that can hold nights in `from..=to`.
    fn month_files_between(
        &self,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> Result<Vec<(Month, PathBuf)>, JournalError> {
        let mut files = self.month_files()?;
        files.retain(|(m, _)| from.is_none_or(|f| *m >= Month::of(f)) && to.is_none_or(|t| *m <= Month::of(t)));
        Ok(files)
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
    pub fn transaction<T>(
        &self,
        months: Vec<Month>,
        f: impl FnOnce(&mut BTreeMap<Month, Vec<Record>>) -> Result<T, JournalError>,
    ) -> Result<T, JournalError> {
        std::fs::create_dir_all(&self.dir).map_err(io_err(&self.dir))?;
        let _lock = self.lock()?;
        let mut data = BTreeMap::new();
        for m in months {
            if data.contains_key(&m) {
                continue;
            }
            let path = self.dir.join(m.file_name());
            let records = if path.exists() { read_month_file(&path, m)? } else { Vec::new() };
            data.insert(m, records);
        }
        let before = data.clone();
        let out = f(&mut data)?;
        let written = data.clone();
        for (m, mut records) in data {
            if before.get(&m) == Some(&records) {
                continue;
            }
            sort_records(&mut records);
            let path = self.dir.join(m.file_name());
            fsutil::write_atomic(&path, month_text(&records).as_bytes())
                .map_err(|e| JournalError::Io { path: path.clone(), message: format!("{e:#}") })?;
        }
        super::status::after_write(&self.dir, &written);
        Ok(out)
    }

    /// Blocks until this process holds the journal's exclusive lock (released on drop).
    fn lock(&self) -> Result<File, JournalError> {
        let path = self.dir.join(".lock");
        let file = File::options().create(true).truncate(false).write(true).open(&path).map_err(io_err(&path))?;
        file.lock().map_err(io_err(&path))?;
        Ok(file)
    }

    /// Month files present, oldest first. Other files (the lock, temp files) are ignored.
    fn month_files(&self) -> Result<Vec<(Month, PathBuf)>, JournalError> {
        let read = match std::fs::read_dir(&self.dir) {
            Ok(r) => r,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(io_err(&self.dir)(e)),
        };
        let mut files = Vec::new();
        for entry in read {
            let entry = entry.map_err(io_err(&self.dir))?;
            if let Some(m) = entry.file_name().to_str().and_then(Month::parse_file_name) {
                files.push((m, entry.path()));
            }
        }
        files.sort();
        Ok(files)
    }
}

/// Stable order inside a month file: by night, then kind, then key.
fn sort_records(records: &mut [Record]) {
    records.sort_by_key(|r| r.key());
}

/// The text of a month file.
pub fn month_text(records: &[Record]) -> String {
    let header = Header { winddown: MAGIC.into(), version: JOURNAL_VERSION };
    let mut out = serde_json::to_string(&header).unwrap_or_default();
    out.push('\n');
    for r in records {
        // Serializing our own plain structs cannot fail.
        out.push_str(&serde_json::to_string(r).unwrap_or_default());
        out.push('\n');
    }
    out
}

/// Runs `f` over month files on every core (ten years is 120 files): each
/// thread folds a consecutive share of the files into its own accumulator.
/// Returns the accumulators in file order; the first error wins.
fn in_parallel<A: Default + Send>(
    files: &[(Month, PathBuf)],
    f: impl Fn(&mut A, &(Month, PathBuf)) -> Result<(), JournalError> + Sync,
) -> Result<Vec<A>, JournalError> {
    let fold = |part: &[(Month, PathBuf)]| -> Result<A, JournalError> {
        let mut acc = A::default();
        for file in part {
            f(&mut acc, file)?;
        }
        Ok(acc)
    };
    // Threads only pay for themselves over many files.
    if files.len() < 8 {
        return Ok(vec![fold(files)?]);
    }
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(8);
    if threads < 2 {
        return Ok(vec![fold(files)?]);
    }
    let size = files.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = files.chunks(size).map(|part| scope.spawn(|| fold(part))).collect();
        handles.into_iter().map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e))).collect()
    })
}

/// Reads and checks one month file: header, version, every line, every night in its month.
fn read_month_file(path: &Path, month: Month) -> Result<Vec<Record>, JournalError> {
    let bytes = std::fs::read(path).map_err(io_err(path))?;
    parse_month(path, month, &bytes)
}

pub fn parse_month(path: &Path, month: Month, bytes: &[u8]) -> Result<Vec<Record>, JournalError> {
    let mut records = Vec::new();
    parse_month_with(path, month, bytes, |r, _| records.push(r))?;
    Ok(records)
}

/// Checks a month file line by line, handing each record and its line to `keep`.
fn parse_month_with(
    path: &Path,
    month: Month,
    bytes: &[u8],
    mut keep: impl FnMut(Record, &str),
) -> Result<(), JournalError> {
    let corrupt = |line: usize, message: String| JournalError::Corrupt { file: path.to_path_buf(), line, message };
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()].iter().filter(|&&b| b == b'\n').count() + 1;
        corrupt(line, "not valid UTF-8 text".into())
    })?;
    let mut lines = text.split('\n').enumerate();
    let header_line = lines.next().map_or("", |(_, l)| l);
    let header: serde_json::Value = serde_json::from_str(header_line)
        .map_err(|_| corrupt(1, "the first line is not a winddown journal header".into()))?;
    if header.get("winddown").and_then(|v| v.as_str()) != Some(MAGIC) {
        return Err(corrupt(1, "the first line is not a winddown journal header".into()));
    }
    let version = header.get("version").and_then(|v| v.as_u64()).unwrap_or(0);
    if version > u64::from(JOURNAL_VERSION) {
        return Err(JournalError::Newer { file: path.to_path_buf(), version: version.min(u32::MAX as u64) as u32 });
    }
    if version != u64::from(JOURNAL_VERSION) {
        return Err(corrupt(1, format!("unknown journal format version {version}")));
    }
    let mut last_was_empty = false;
    for (i, line) in lines {
        if line.is_empty() {
            last_was_empty = true;
            continue;
        }
        if last_was_empty {
            return Err(corrupt(i, "unexpected empty line".into()));
        }
        let record = Record::from_line(line).map_err(|e| corrupt(i + 1, format!("unreadable record: {e}")))?;
        if Month::of(record.night()) != month {
            return Err(corrupt(
                i + 1,
                format!("a record for the night of {} does not belong in this month's file", record.night()),
            ));
        }
        keep(record, line);
    }
    Ok(())
}
