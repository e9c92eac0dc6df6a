//! The journal folder's listing (which record files each month has) and
//! the stamps that tell one version of a file from another.
//!
//! Listing six hundred month files (fifty years) costs about 0.4 ms, and one
//! start of the app asks several times (is there a journal, the recent
//! nights, the stamps, contradictions). A [`Listing`] keeps the last one and
//! reuses it while the folder's own stamp is the same: adding, removing or
//! renaming a name in a folder changes its modification and change times.
//! As for the facts cache, a stamp from the last two seconds is not trusted
//! (file times tick coarsely, so a change could leave it as it was).

use std::collections::BTreeMap;
use std::fs::File;
use std::path::Path;
use std::sync::Mutex;
use std::time::{Duration, SystemTime};

use serde::{Deserialize, Serialize};

use super::error::{JournalError, io_err};
use super::layout;
use super::month_set::{MonthFiles, preference};
use super::store::Month;

/// Folder stamps this recent are not trusted to show every change.
const RACY: Duration = Duration::from_secs(2);

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

    /// The stamp of the file `name` in the open folder `dir`, following a
    /// symbolic link as [`std::fs::metadata`] does (the same figures as
    /// [`FileStamp::of`], without looking the folder's path up again).
    pub fn in_dir(dir: &File, name: &str) -> std::io::Result<FileStamp> {
        use std::os::fd::AsRawFd;
        let name = std::ffi::CString::new(name).map_err(|_| std::io::Error::from(std::io::ErrorKind::InvalidInput))?;
        // SAFETY: all-zero bytes are a valid `stat` (plain integers).
        let mut st: libc::stat = unsafe { std::mem::zeroed() };
        // SAFETY: an open folder, a NUL-terminated name and a buffer of the right type.
        if unsafe { libc::fstatat(dir.as_raw_fd(), name.as_ptr(), &mut st, 0) } != 0 {
            return Err(std::io::Error::last_os_error());
        }
        let ns = |s: i64, n: i64| i128::from(s) * 1_000_000_000 + i128::from(n);
        Ok(FileStamp {
            inode: st.st_ino as u64,
            size: st.st_size as u64,
            modified_ns: ns(st.st_mtime as i64, st.st_mtime_nsec as i64),
            changed_ns: ns(st.st_ctime as i64, st.st_ctime_nsec as i64),
        })
    }

    /// The latest of the two times, in nanoseconds since the Unix epoch.
    pub fn touched_ns(&self) -> i128 {
        self.modified_ns.max(self.changed_ns)
    }
}

/// The stamps of a month's files: the month changed when any of them did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthStamp {
    pub files: Vec<(String, FileStamp)>,
}

impl MonthStamp {
    /// The latest time any of the files was touched.
    pub fn touched_ns(&self) -> i128 {
        self.files.iter().map(|(_, s)| s.touched_ns()).max().unwrap_or(0)
    }
}

/// The last listing of a journal folder, with the folder's stamp then.
#[derive(Debug, Default)]
pub struct Listing(Mutex<Option<(FileStamp, Vec<MonthFiles>)>>);

impl Listing {
    /// Every month with record files in `dir`, oldest first, each with its
    /// files; the kept listing when the folder is unchanged since, `now`
    /// being the wall clock.
    pub fn month_sets(&self, dir: &Path, now: SystemTime) -> Result<Vec<MonthFiles>, JournalError> {
        let settled_before = now.duration_since(SystemTime::UNIX_EPOCH).unwrap_or_default().saturating_sub(RACY);
        let stamp = std::fs::metadata(dir)
            .ok()
            .map(|m| FileStamp::of(&m))
            .filter(|s| s.touched_ns() < settled_before.as_nanos() as i128);
        let mut kept = self.0.lock().unwrap_or_else(|e| e.into_inner());
        if let (Some(stamp), Some((was, sets))) = (stamp, kept.as_ref())
            && stamp == *was
        {
            return Ok(sets.clone());
        }
        // The stamp is taken before listing: a change after it shows as a new stamp next time.
        let sets = list(dir)?;
        *kept = stamp.map(|s| (s, sets.clone()));
        Ok(sets)
    }
}

/// Lists the folder: every month with record files, oldest first. Other
/// files (the lock, the caches, temp files) are ignored.
fn list(dir: &Path) -> Result<Vec<MonthFiles>, JournalError> {
    let read = match std::fs::read_dir(dir) {
        Ok(r) => r,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(io_err(dir)(e)),
    };
    let mut sets: BTreeMap<Month, MonthFiles> = BTreeMap::new();
    for entry in read {
        let entry = entry.map_err(io_err(dir))?;
        if let Some((month, role)) = entry.file_name().to_str().and_then(layout::classify) {
            sets.entry(month)
                .or_insert_with(|| MonthFiles { month, files: Vec::new() })
                .files
                .push((role, entry.path()));
        }
    }
    let mut sets: Vec<MonthFiles> = sets.into_values().collect();
    for set in &mut sets {
        // The order of preference when versions disagree: the month file,
        // its copies, then the other answers.
        set.files.sort_by(|a, b| preference(a.0).cmp(&preference(b.0)).then_with(|| a.1.cmp(&b.1)));
    }
    Ok(sets)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn later() -> SystemTime {
        SystemTime::now() + Duration::from_secs(3600)
    }

    fn months(sets: &[MonthFiles]) -> Vec<Month> {
        sets.iter().map(|s| s.month).collect()
    }

    /// Kept while the folder is unchanged (a doctored listing shows it is
    /// what is returned); any name added or removed lists it again.
    #[test]
    fn a_listing_is_kept_until_the_folder_changes() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("2026-11.jsonl"), "").unwrap();
        let listing = Listing::default();
        assert_eq!(months(&listing.month_sets(dir.path(), later()).unwrap()), [Month(2026, 11)]);
        listing.0.lock().unwrap().as_mut().unwrap().1.push(MonthFiles { month: Month(1999, 1), files: vec![] });
        assert_eq!(months(&listing.month_sets(dir.path(), later()).unwrap()), [Month(2026, 11), Month(1999, 1)]);
        std::fs::write(dir.path().join("2026-10.jsonl"), "").unwrap();
        assert_eq!(months(&listing.month_sets(dir.path(), later()).unwrap()), [Month(2026, 10), Month(2026, 11)]);
        std::fs::remove_file(dir.path().join("2026-11.jsonl")).unwrap();
        assert_eq!(months(&listing.month_sets(dir.path(), later()).unwrap()), [Month(2026, 10)]);
    }

    /// A folder changed in the last two seconds is listed every time.
    #[test]
    fn a_folder_changed_just_now_is_not_trusted() {
        let dir = tempfile::tempdir().unwrap();
        let listing = Listing::default();
        assert!(listing.month_sets(dir.path(), SystemTime::now()).unwrap().is_empty());
        assert!(listing.0.lock().unwrap().is_none());
        assert!(listing.month_sets(&dir.path().join("missing"), later()).unwrap().is_empty());
    }
}
