//! A derived cache of each month's [`Facts`] beside the journal
//! (`journal/.winddown-facts.cache`), so the statistics read one small file instead of
//! years of records.
//!
//! Each month's facts are kept with the [`FileStamp`](crate::journal::store::FileStamp)s of the files they came
//! from (the month file and any conflict copies), and used only while the
//! files have those stamps. As in git's index, a
//! file touched in the last two seconds before the cache is written is left out:
//! file times tick coarsely, so such a file could change again without its
//! stamp moving. The cache never holds the only copy of anything: unreadable,
//! foreign or from another build of winddown, it is ignored and rewritten, and
//! deleting it is always safe. Writing it is best effort (a read-only journal
//! still gets its statistics) and needs no lock: it is replaced by rename.

use std::collections::HashMap;
use std::io::Write;
use std::path::Path;
use std::time::{Duration, SystemTime};

use serde::{Deserialize, Serialize};

use super::facts::{Facts, StoredFacts};
use crate::journal::store::{Month, MonthStamp};
use crate::journal::{Journal, JournalError};

pub const FILE_NAME: &str = ".winddown-facts.cache";
const LEGACY_FILE_NAME: &str = ".facts.cache";
const MAGIC: &str = "facts-cache";
/// Bump when the facts or their meaning change; a build's own version is checked too.
const VERSION: u32 = 2;
const BUILD: &str = env!("CARGO_PKG_VERSION");
/// Files touched this recently are not cached yet.
const RACY: Duration = Duration::from_secs(2);

#[derive(Serialize, Deserialize)]
struct CacheFile {
    winddown: String,
    version: u32,
    build: String,
    months: Vec<CachedMonth>,
}

#[derive(Clone, Serialize, Deserialize)]
struct CachedMonth {
    month: (i32, u32),
    /// The stamps of the month file and of any conflict copies beside it.
    stamp: MonthStamp,
    facts: StoredFacts,
}

/// The facts of the whole journal: cached months whose files are unchanged,
/// the others read and parsed (and checked, like any read). `now` is the wall
/// clock, which decides which files have settled.
pub fn read(journal: &Journal, now: SystemTime) -> Result<Facts, JournalError> {
    let path = journal.dir().join(FILE_NAME);
    let stamps = journal.month_stamps()?;
    let mut cached = load(&path);
    let is_hit = |m: &Month, stamp: &MonthStamp| cached.get(&(m.0, m.1)).is_some_and(|c| c.stamp == *stamp);
    let misses: Vec<(Month, MonthStamp)> = stamps.iter().filter(|(m, s)| !is_hit(m, s)).cloned().collect();
    let mut fresh: HashMap<Month, Facts> =
        journal.fold_stamped(&misses, |facts: &mut Facts, r| facts.add(r.as_ref()))?.into_iter().collect();

    let settled_before = now.duration_since(SystemTime::UNIX_EPOCH).unwrap_or_default().saturating_sub(RACY);
    let settled = |stamp: &MonthStamp| stamp.touched_ns() < settled_before.as_nanos() as i128;
    // Rewritten only when there is something new to keep: a stale or vanished
    // month left in the cache does no harm, it is simply never a hit.
    let rewrite = stamps.iter().any(|(m, s)| !is_hit(m, s) && settled(s));

    let mut all = Facts::default();
    let mut store = Vec::new();
    for (m, stamp) in &stamps {
        let facts = match (fresh.remove(m), cached.remove(&(m.0, m.1))) {
            (Some(facts), _) => {
                if rewrite && settled(stamp) {
                    store.push(CachedMonth {
                        month: (m.0, m.1),
                        stamp: stamp.clone(),
                        facts: StoredFacts::from(&facts),
                    });
                }
                facts
            }
            (None, Some(c)) => {
                if rewrite {
                    store.push(c.clone());
                }
                Facts::from(c.facts)
            }
            // Cannot happen: every month is either a hit or was just read.
            (None, None) => continue,
        };
        all.merge(facts);
    }
    if rewrite {
        // Best effort: the statistics do not depend on it.
        let _ = save(&path, store);
    }
    Ok(all)
}

/// A cache larger than this is not one winddown wrote (ten years take 0.4 MB,
/// fifty about 2 MB).
const MAX_CACHE_BYTES: u64 = 64 << 20;

/// The cached months that make sense, or none when the file is missing,
/// unreadable or not ours.
fn load(path: &Path) -> HashMap<(i32, u32), CachedMonth> {
    // Bounded, and only a regular file: a FIFO or a device in its place is
    // ignored (the cache is rebuilt), never read.
    let Ok(bytes) = crate::input_file::read_limited(path, MAX_CACHE_BYTES) else {
        return HashMap::new();
    };
    match serde_json::from_slice::<CacheFile>(&bytes) {
        Ok(file) if file.winddown == MAGIC && file.version == VERSION && file.build == BUILD => {
            file.months.into_iter().filter(|c| c.facts.fits(c.month)).map(|c| (c.month, c)).collect()
        }
        _ => HashMap::new(),
    }
}

/// Replaces the cache by rename. No fsync: after a crash the cache is at worst
/// missing or unreadable, and then rebuilt.
fn save(path: &Path, months: Vec<CachedMonth>) -> std::io::Result<()> {
    let file = CacheFile { winddown: MAGIC.into(), version: VERSION, build: BUILD.into(), months };
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut tmp =
        tempfile::Builder::new().prefix(crate::journal::layout::CACHE_TEMP_PREFIX).suffix(".tmp").tempfile_in(dir)?;
    tmp.write_all(&serde_json::to_vec(&file)?)?;
    tmp.persist(path).map_err(|e| e.error)?;
    // The name before the derived files were all `.winddown-*`: no longer read.
    let _ = std::fs::remove_file(dir.join(LEGACY_FILE_NAME));
    Ok(())
}
