//! The checkpoint path gives the same figures as walking every night, to
//! the bit: on random journals (gaps, rest nights, practice runs, partial
//! runs, check-ins with and without pain, red flags, nights planned ahead, an
//! experiment's off nights), in memory and on disk through the cache, and
//! after months change on disk behind the cache's back.

use std::collections::BTreeSet;
use std::time::{Duration, SystemTime};

use chrono::{Days, NaiveDate};
use proptest::prelude::*;

use super::checkpoint::{Checkpoint, Summary, window};
use super::checkpoint_cache::{FILE_NAME, summary_at};
use super::facts::Facts;
use super::tests::{check, d};
use crate::journal::*;

/// What one night holds: (runs, check-in, pain, red flag), each a small code.
type Night = (u8, u8, u8, u8);

fn records(first: NaiveDate, nights: &[Night]) -> Vec<Record> {
    let mut out = Vec::new();
    for (i, &(runs, checkin, pain, flag)) in nights.iter().enumerate() {
        let night = first + Days::new(i as u64);
        let run = |outcome, speed: f64| {
            let mut r = test_records::run(night, "22:00", outcome);
            if let Record::Run(run) = &mut r {
                run.speed = speed;
                run.id = format!("{}-{speed}-{outcome:?}", run.id);
            }
            r
        };
        match runs {
            1 => out.push(run(Outcome::Done, 1.0)),
            2 => out.push(run(Outcome::Skipped, 1.0)),
            3 => out.push(Record::Rest(RestNight {
                night,
                reason: "travel".into(),
                recorded: "2026-01-01T00:00:00+00:00".parse().unwrap(),
            })),
            4 => out.push(run(Outcome::Done, 20.0)),
            5 => out.extend([run(Outcome::Done, 20.0), run(Outcome::Done, 1.0)]),
            _ => {}
        }
        let mut c = match checkin {
            1 => check(night, 0, None, vec![]),
            2 => check(night, 1 + u32::from(pain % 3), Some(pain), vec![]),
            3 => check(night, 2, None, vec![Trigger::Alcohol]),
            _ => continue,
        };
        if let Record::Checkin(c) = &mut c
            && flag == 0
        {
            c.red_flags.one_leg_swollen = Some(true);
        }
        out.push(c);
    }
    out
}

fn night() -> impl Strategy<Value = Night> {
    // Gaps are common (0), so are done runs; a red flag one night in twenty.
    (prop_oneof![3 => Just(0u8), 4 => Just(1u8), 1 => 2u8..6], 0u8..4, 0u8..11, 0u8..20)
}

/// Off nights: every other night of a stretch, as an experiment plans them.
fn off_nights(first: NaiveDate, from: u64, len: u64, pattern: u64) -> BTreeSet<NaiveDate> {
    (0..len).filter(|i| pattern >> (i % 64) & 1 == 1).map(|i| first + Days::new(from + i)).collect()
}

fn assert_same(fast: &Summary, full: &Summary) {
    assert_eq!(fast.overview, full.overview);
    let (a, b) = (fast.overview.consistency, full.overview.consistency);
    assert_eq!((a.score.to_bits(), a.change_30.to_bits()), (b.score.to_bits(), b.change_30.to_bits()));
    assert_eq!(fast.recent.nights, full.recent.nights);
    assert_eq!(fast.recent_from, full.recent_from);
    assert_eq!(
        (fast.first_night, fast.nights_recorded, fast.checkins),
        (full.first_night, full.nights_recorded, full.checkins)
    );
}

/// The walk carried from a checkpoint, month by month as the cache does.
fn from_checkpoint(facts: &Facts, start: NaiveDate, tonight: NaiveDate, off: &BTreeSet<NaiveDate>) -> Summary {
    let (from, end) = window(tonight).unwrap();
    let mut older = facts.clone();
    let recent = older.split_off(from);
    let start = start.min(end);
    let mut cp = Checkpoint::start(start);
    let mut to = start;
    while to < end {
        to = (to + Days::new(31)).min(end);
        cp.advance(&older, to, off);
    }
    cp.summary(recent, tonight, off).expect("the window leaves room")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn a_checkpoint_carried_on_gives_the_full_figures(
        nights in prop::collection::vec(night(), 1..420),
        tonight_back in 0u64..40,
        lead in 0u64..50,
        off in (0u64..420, 0u64..60, any::<u64>()),
    ) {
        let first = d("2025-06-14");
        let facts = Facts::from_records(&records(first, &nights));
        let tonight = first + Days::new((nights.len() as u64).saturating_sub(tonight_back).max(1));
        let off = off_nights(first, off.0, off.1, off.2);
        let full = Summary::full(facts.clone(), tonight, &off);
        // Started before the first night: nights with nothing recorded change nothing.
        let start = first - Days::new(1 + lead);
        assert_same(&from_checkpoint(&facts, start, tonight, &off), &full);
    }
}

/// The pain flag looks back over 14 cramp nights: sparse ones reach past
/// the recent months, into the checkpoint; so do the streaks.
#[test]
fn figures_that_reach_past_the_recent_months() {
    let first = d("2025-01-01");
    let tonight = d("2025-12-20");
    let nights: Vec<Night> = (0..353)
        .map(|i| {
            // A done run every night (a long streak), a cramp every 20th night
            // with pain rising from 2 to 9, a check-in every night.
            let cramp = i % 20 == 0;
            (1, if cramp { 2 } else { 1 }, if cramp { 2 + (i / 50) as u8 } else { 0 }, 1)
        })
        .collect();
    let facts = Facts::from_records(&records(first, &nights));
    let full = Summary::full(facts.clone(), tonight, &BTreeSet::new());
    assert!(full.overview.flags.iter().any(|f| f.kind == "pain-rising"), "{:?}", full.overview.flags);
    assert!(full.overview.streaks.routine.current > 300);
    assert_same(&from_checkpoint(&facts, first - Days::new(1), tonight, &BTreeSet::new()), &full);
}

/// Later than any file in the test: every file has settled.
fn later() -> SystemTime {
    SystemTime::now() + Duration::from_secs(3600)
}

fn full_from_disk(j: &Journal, tonight: NaiveDate, off: &BTreeSet<NaiveDate>) -> Summary {
    Summary::full(Facts::read_uncached(j).unwrap(), tonight, off)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// Through the cache on disk: first read (no cache), again (from the
    /// checkpoint), after an old month changed or vanished, with other off
    /// nights, and a month later (carried on from the older checkpoint).
    #[test]
    fn the_cache_gives_the_full_figures_whatever_changed_on_disk(
        nights in prop::collection::vec(night(), 200..420),
        changed in 0u64..200,
        new_night in night(),
        drop_month in any::<bool>(),
        off in (0u64..420, 0u64..60, any::<u64>()),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let j = Journal::new(dir.path());
        let first = d("2025-03-10");
        j.put(records(first, &nights)).unwrap();
        let tonight = first + Days::new(nights.len() as u64 - 1);
        let off = off_nights(first, off.0, off.1, off.2);
        let none = BTreeSet::new();

        assert_same(&summary_at(&j, tonight, &none, later()).unwrap(), &full_from_disk(&j, tonight, &none));
        prop_assert!(j.dir().join(FILE_NAME).exists());
        assert_same(&summary_at(&j, tonight, &none, later()).unwrap(), &full_from_disk(&j, tonight, &none));
        assert_same(&summary_at(&j, tonight, &off, later()).unwrap(), &full_from_disk(&j, tonight, &off));

        // An old night changed, or a whole old month gone.
        let old = first + Days::new(changed);
        if drop_month {
            std::fs::remove_file(j.dir().join(store::Month::of(old).file_name())).unwrap();
        } else {
            j.put(records(old, &[new_night])).unwrap();
        }
        assert_same(&summary_at(&j, tonight, &off, later()).unwrap(), &full_from_disk(&j, tonight, &off));
        let later_night = tonight + Days::new(40);
        assert_same(&summary_at(&j, later_night, &off, later()).unwrap(), &full_from_disk(&j, later_night, &off));
    }
}

fn journal_of_a_year() -> (tempfile::TempDir, Journal, NaiveDate) {
    let dir = tempfile::tempdir().unwrap();
    let j = Journal::new(dir.path());
    let first = d("2025-11-01");
    let nights: Vec<Night> = (0..388).map(|i| (1, 1 + (i % 2) as u8, 5, 1)).collect();
    j.put(records(first, &nights)).unwrap();
    (dir, j, d("2026-11-23"))
}

/// Once written, the checkpoint is what is used: the old months are not
/// read again (the facts cache, which only a whole read writes, stays away),
/// and a doctored checkpoint shows through.
#[test]
fn the_checkpoint_is_used_while_the_months_are_unchanged() {
    let (_dir, j, tonight) = journal_of_a_year();
    let none = BTreeSet::new();
    let full = full_from_disk(&j, tonight, &none);
    assert_same(&summary_at(&j, tonight, &none, later()).unwrap(), &full);
    let facts_cache = j.dir().join(super::cache::FILE_NAME);
    assert!(facts_cache.exists(), "the first read goes through every night");
    std::fs::remove_file(&facts_cache).unwrap();
    assert_same(&summary_at(&j, tonight, &none, later()).unwrap(), &full);
    assert!(!facts_cache.exists(), "the second read took the checkpoint");

    let path = j.dir().join(FILE_NAME);
    let mut cache: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    for c in cache["checkpoints"].as_array_mut().unwrap() {
        let n = c["state"]["nights"].as_u64().unwrap();
        c["state"]["nights"] = (n + 1000).into();
    }
    std::fs::write(&path, serde_json::to_vec(&cache).unwrap()).unwrap();
    assert_eq!(summary_at(&j, tonight, &none, later()).unwrap().nights_recorded, full.nights_recorded + 1000);
}

/// A month changed after the checkpoint was written is seen even with the
/// same size and modification time, and the figures follow it.
#[test]
fn an_old_month_edited_in_place_is_seen() {
    use std::os::unix::fs::MetadataExt;
    let (_dir, j, tonight) = journal_of_a_year();
    let none = BTreeSet::new();
    let before = summary_at(&j, tonight, &none, later()).unwrap();
    let file = j.dir().join("2026-02.jsonl");
    let meta = std::fs::metadata(&file).unwrap();
    let text = std::fs::read_to_string(&file).unwrap();
    // A real run becomes a practice run (another clock speed): same length.
    let edited = text.replacen("\"speed\":1.0", "\"speed\":2.0", 1);
    assert_ne!(text, edited);
    std::fs::write(&file, &edited).unwrap();
    let mtime = std::time::UNIX_EPOCH + Duration::new(meta.mtime() as u64, meta.mtime_nsec() as u32);
    std::fs::File::options().write(true).open(&file).unwrap().set_modified(mtime).unwrap();
    assert_eq!(std::fs::metadata(&file).unwrap().len(), meta.len());
    let fast = summary_at(&j, tonight, &none, later()).unwrap();
    assert_ne!(fast.overview, before.overview, "the edit shows in the figures");
    assert_same(&fast, &full_from_disk(&j, tonight, &none));
}

/// Months touched in the last two seconds are not checkpointed yet; a
/// damaged or newer cache is not believed, and a newer one is left alone.
#[test]
fn unsettled_damaged_and_newer_caches() {
    let (_dir, j, tonight) = journal_of_a_year();
    let none = BTreeSet::new();
    let full = full_from_disk(&j, tonight, &none);
    let path = j.dir().join(FILE_NAME);
    assert_same(&summary_at(&j, tonight, &none, SystemTime::now() - Duration::from_secs(5)).unwrap(), &full);
    assert!(!path.exists(), "nothing settled yet");
    std::fs::write(&path, "{not json").unwrap();
    assert_same(&summary_at(&j, tonight, &none, later()).unwrap(), &full);
    assert!(std::fs::read_to_string(&path).unwrap().contains("checkpoints-cache"), "a damaged cache is rebuilt");
    let newer = r#"{"winddown":"checkpoints-cache","version":99,"build":"9","checkpoints":[]}"#;
    std::fs::write(&path, newer).unwrap();
    assert_same(&summary_at(&j, tonight, &none, later()).unwrap(), &full);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), newer, "a newer winddown's cache is never overwritten");
}

/// A FIFO in the cache's place is never opened for reading (it would hang):
/// the figures are computed, and the FIFO replaced by a cache.
#[test]
fn a_fifo_in_the_caches_place_does_not_hang() {
    let (_dir, j, tonight) = journal_of_a_year();
    let path = j.dir().join(FILE_NAME);
    let c = std::ffi::CString::new(path.to_str().unwrap()).unwrap();
    // SAFETY: a valid, NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    let none = BTreeSet::new();
    assert_same(&summary_at(&j, tonight, &none, later()).unwrap(), &full_from_disk(&j, tonight, &none));
    assert!(std::fs::metadata(&path).unwrap().is_file());
}
