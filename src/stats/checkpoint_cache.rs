//! The home screen's summary of the whole history, read in a time that does
//! not grow with it: a few [`Checkpoint`]s at month ends, kept beside the
//! journal (`journal/.winddown-checkpoints.cache`), carried on over the month
//! files of the last two or three months, which are read as they are.
//!
//! A checkpoint at the end of month M depends on every month file up to M
//! and on the experiment's off nights up to then; it is kept with a SHA-256
//! of exactly those (each file's [`FileStamp`](crate::journal::store::FileStamp):
//! inode, size, modification and change time, as the facts cache checks them)
//! and used only while they still give the same hash. A month edited, added
//! or removed on disk, or another experiment plan, makes the checkpoints
//! after it unusable: the figures are then computed from the newest one still
//! good, reading the months after it, or from every night (through the facts
//! cache) when none is. As with the facts cache, months touched in the last
//! two seconds are not checkpointed, the file is derived (deleting it is
//! always safe), read bounded, replaced by rename, ignored when damaged or
//! from another build, and never overwritten by an older winddown.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::Path;
use std::time::{Duration, SystemTime};

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::checkpoint::{Checkpoint, Summary, window};
use super::facts::Facts;
use crate::journal::store::{Month, MonthStamp};
use crate::journal::{Journal, JournalError};

pub const FILE_NAME: &str = ".winddown-checkpoints.cache";
const MAGIC: &str = "checkpoints-cache";
/// Bump when a checkpoint's fields or their meaning change.
const VERSION: u32 = 1;
const BUILD: &str = env!("CARGO_PKG_VERSION");
/// Files touched this recently are not checkpointed yet.
const RACY: Duration = Duration::from_secs(2);
/// How many month-end checkpoints are kept (the newest): an edit to one of
/// the last months then costs reading a few month files, not every night.
const KEEP: usize = 6;
/// The newest good checkpoint is this many months of files behind at most to
/// be carried on by reading them; further behind, every night is read.
const CATCH_UP: usize = 12;
/// A few hundred bytes a checkpoint: anything larger is not ours.
const MAX_CACHE_BYTES: u64 = 1 << 20;

#[derive(Serialize, Deserialize)]
struct CacheFile {
    winddown: String,
    version: u32,
    build: String,
    checkpoints: Vec<Stored>,
}

#[derive(Clone, Serialize, Deserialize)]
struct Stored {
    month: (i32, u32),
    /// Hex SHA-256 of the stamps of every month file up to `month` and the off nights up to its end.
    key: String,
    state: Checkpoint,
}

/// The home screen's figures as of `tonight`, the same as from every night
/// (see [`Summary`]); `off`: a running experiment's nights without the routine.
pub fn summary(journal: &Journal, tonight: NaiveDate, off: &BTreeSet<NaiveDate>) -> Result<Summary, JournalError> {
    summary_at(journal, tonight, off, SystemTime::now())
}

/// As [`summary`], `now` being the wall clock (which decides which files have settled).
pub fn summary_at(
    journal: &Journal,
    tonight: NaiveDate,
    off: &BTreeSet<NaiveDate>,
    now: SystemTime,
) -> Result<Summary, JournalError> {
    let Some((window, end)) = window(tonight) else {
        return full(journal, tonight, off, now);
    };
    let last_kept = Month::of(end);
    let path = journal.dir().join(FILE_NAME);
    let stamps = journal.month_stamps()?;
    let (cached, writable) = load(&path);
    let first_file = stamps.first().map(|(m, _)| *m);
    // The months a checkpoint may be kept for: the last KEEP months up to
    // `last_kept`, from the first month file on.
    let keep: BTreeSet<Month> = (0..KEEP as u32)
        .filter_map(|back| month_back(last_kept, back))
        .filter(|m| first_file.is_some_and(|f| *m >= f))
        .collect();
    let wanted: BTreeSet<Month> = keep.iter().copied().chain(cached.iter().map(|c| month(c.month))).collect();
    let keys = keys(&stamps, off, &wanted);
    let good: BTreeMap<Month, &Stored> = cached
        .iter()
        .filter(|c| month(c.month) <= last_kept && keys.get(&month(c.month)).is_some_and(|k| *k == c.key))
        .map(|c| (month(c.month), c))
        .collect();
    let files_after = |m: Month| stamps.iter().filter(|(f, _)| *f > m).cloned().collect::<Vec<_>>();
    let base = good
        .iter()
        .next_back()
        .filter(|(m, _)| stamps.iter().filter(|(f, _)| *f > **m && *f <= last_kept).count() <= CATCH_UP);
    let (mut state, mut older) = match base {
        Some((m, c)) => (c.state.clone(), read_months(journal, &files_after(*m))?),
        None => {
            let facts = super::cache::read(journal, now)?;
            let start = facts.nights.keys().next().and_then(|f| f.pred_opt()).map_or(end, |f| f.min(end));
            (Checkpoint::start(start), facts)
        }
    };
    let recent = older.split_off(window);

    // Carried on month by month, kept at the month ends worth keeping.
    let settled_before = now.duration_since(SystemTime::UNIX_EPOCH).unwrap_or_default().saturating_sub(RACY);
    let settled = |m: Month| {
        stamps.iter().filter(|(f, _)| *f <= m).all(|(_, s)| s.touched_ns() < settled_before.as_nanos() as i128)
    };
    let mut fresh = Vec::new();
    while state.night < end {
        let Some(month_end) = state.night.succ_opt().and_then(last_day).map(|d| d.min(end)) else { break };
        state.advance(&older, month_end, off);
        let m = Month::of(month_end);
        if let Some(key) = keys.get(&m).filter(|_| keep.contains(&m) && settled(m)) {
            fresh.push(Stored { month: (m.0, m.1), key: key.clone(), state: state.clone() });
        }
    }
    drop(older);
    let summary = match state.summary(recent, tonight, off).filter(|_| state.night == end) {
        Some(s) => s,
        // Cannot happen (the window leaves room), but never a wrong figure.
        None => return full(journal, tonight, off, now),
    };
    if writable && !fresh.is_empty() {
        let mut all: BTreeMap<Month, Stored> = good.into_iter().map(|(m, c)| (m, c.clone())).collect();
        all.extend(fresh.into_iter().map(|c| (month(c.month), c)));
        let newest: Vec<Stored> = all.into_values().rev().take(KEEP).collect();
        // Best effort: the figures do not depend on it.
        let _ = save(&path, newest);
    }
    Ok(summary)
}

/// Every night read, for a journal at the edge of the calendar.
fn full(
    journal: &Journal,
    tonight: NaiveDate,
    off: &BTreeSet<NaiveDate>,
    now: SystemTime,
) -> Result<Summary, JournalError> {
    Ok(Summary::full(super::cache::read(journal, now)?, tonight, off))
}

fn month((y, m): (i32, u32)) -> Month {
    Month(y, m)
}

fn month_back(m: Month, back: u32) -> Option<Month> {
    let index = i64::from(m.0) * 12 + i64::from(m.1) - 1 - i64::from(back);
    Some(Month(i32::try_from(index.div_euclid(12)).ok()?, index.rem_euclid(12) as u32 + 1))
}

/// The last night of `night`'s month.
fn last_day(night: NaiveDate) -> Option<NaiveDate> {
    let m = month_back(Month::of(night), 0)?;
    let next =
        if m.1 == 12 { NaiveDate::from_ymd_opt(m.0 + 1, 1, 1) } else { NaiveDate::from_ymd_opt(m.0, m.1 + 1, 1) };
    next.and_then(|d| d.pred_opt()).or_else(|| NaiveDate::from_ymd_opt(m.0, 12, 31))
}

/// The facts of these months' files (as listed with their stamps).
fn read_months(journal: &Journal, months: &[(Month, MonthStamp)]) -> Result<Facts, JournalError> {
    let mut all = Facts::default();
    for (_, facts) in journal.fold_stamped(months, |facts: &mut Facts, r| facts.add(r.as_ref()))? {
        all.merge(facts);
    }
    Ok(all)
}

/// For each month of `wanted`, the hash of what a checkpoint at its end
/// depends on: the stamps of every month file up to it, and the off nights
/// up to its last night. One pass over the stamps.
fn keys(
    stamps: &[(Month, MonthStamp)],
    off: &BTreeSet<NaiveDate>,
    wanted: &BTreeSet<Month>,
) -> BTreeMap<Month, String> {
    let mut h = Sha256::new();
    h.update(MAGIC.as_bytes());
    let mut files = stamps.iter().peekable();
    let mut out = BTreeMap::new();
    for &m in wanted {
        while let Some((f, stamp)) = files.next_if(|(f, _)| *f <= m) {
            h.update(f.0.to_le_bytes());
            h.update(f.1.to_le_bytes());
            h.update((stamp.files.len() as u64).to_le_bytes());
            for (name, s) in &stamp.files {
                h.update((name.len() as u64).to_le_bytes());
                h.update(name.as_bytes());
                h.update(s.inode.to_le_bytes());
                h.update(s.size.to_le_bytes());
                h.update(s.modified_ns.to_le_bytes());
                h.update(s.changed_ns.to_le_bytes());
            }
        }
        let Some(end) = NaiveDate::from_ymd_opt(m.0, m.1, 1).and_then(last_day) else { continue };
        let mut k = h.clone();
        k.update(b"month");
        k.update(m.0.to_le_bytes());
        k.update(m.1.to_le_bytes());
        k.update(b"off");
        for night in off.range(..=end) {
            k.update(night.num_days_from_ce().to_le_bytes());
        }
        out.insert(m, k.finalize().iter().map(|b| format!("{b:02x}")).collect());
    }
    out
}

/// The checkpoints that make sense, and whether the file may be replaced
/// (not when a newer winddown wrote it).
fn load(path: &Path) -> (Vec<Stored>, bool) {
    #[derive(Deserialize)]
    struct Head {
        winddown: String,
        version: u32,
    }
    // Bounded, and only a regular file: a FIFO or a device in its place is ignored.
    let Ok(bytes) = crate::input_file::read_limited(path, MAX_CACHE_BYTES) else {
        return (Vec::new(), true);
    };
    if let Ok(head) = serde_json::from_slice::<Head>(&bytes)
        && head.winddown == MAGIC
        && head.version > VERSION
    {
        return (Vec::new(), false);
    }
    match serde_json::from_slice::<CacheFile>(&bytes) {
        Ok(file) if file.winddown == MAGIC && file.version == VERSION && file.build == BUILD => {
            let fits =
                |c: &Stored| NaiveDate::from_ymd_opt(c.month.0, c.month.1, 1).and_then(last_day) == Some(c.state.night);
            (file.checkpoints.into_iter().filter(fits).collect(), true)
        }
        _ => (Vec::new(), true),
    }
}

/// Replaces the file by rename. No fsync: after a crash it is at worst
/// missing or unreadable, and then rebuilt.
fn save(path: &Path, checkpoints: Vec<Stored>) -> std::io::Result<()> {
    let file = CacheFile { winddown: MAGIC.into(), version: VERSION, build: BUILD.into(), checkpoints };
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut tmp =
        tempfile::Builder::new().prefix(crate::journal::layout::CACHE_TEMP_PREFIX).suffix(".tmp").tempfile_in(dir)?;
    tmp.write_all(&serde_json::to_vec(&file)?)?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}
