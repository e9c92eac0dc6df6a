//! The facts cache: used while month files are unchanged, never trusted after.

use std::time::{Duration, SystemTime};

use chrono::NaiveDate;

use super::cache::{FILE_NAME, read};
use super::facts::Facts;
use super::report::report;
use super::tests::{check, d};
use crate::journal::*;

fn one_step_run(night: NaiveDate) -> Record {
    test_records::run(night, "22:00", Outcome::Done)
}

fn checkin(night: NaiveDate, cramps: u32) -> Record {
    check(night, cramps, (cramps > 0).then_some(4), vec![])
}

/// Three months of check-ins, every third night with a cramp.
fn journal() -> (tempfile::TempDir, Journal) {
    let dir = tempfile::tempdir().unwrap();
    let j = Journal::new(dir.path());
    let nights = d("2026-09-01").iter_days().take_while(|n| *n <= d("2026-11-20"));
    j.put(nights.enumerate().map(|(i, n)| checkin(n, u32::from(i % 3 == 0))).collect()).unwrap();
    (dir, j)
}

/// Later than any file in the test: every file has settled.
fn later() -> SystemTime {
    SystemTime::now() + Duration::from_secs(3600)
}

fn cramps(f: &Facts) -> u32 {
    f.nights.values().filter_map(|n| n.checkin).map(|c| c.cramps).sum()
}

/// Rewrites the cache's copy of one night's cramps, to see whether the cache is believed.
fn doctor_cache(j: &Journal, from: &str, to: &str) {
    let path = j.dir().join(FILE_NAME);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{text}");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn unchanged_months_come_from_the_cache() {
    let (_dir, j) = journal();
    let first = read(&j, later()).unwrap();
    assert_eq!(first, Facts::read_uncached(&j).unwrap());
    assert!(j.dir().join(FILE_NAME).exists());
    // The cache is believed while the files are unchanged (doctored here to prove it).
    doctor_cache(&j, r#"["2026-09-01",{"k":{"n":1"#, r#"["2026-09-01",{"k":{"n":50"#);
    assert_eq!(cramps(&read(&j, later()).unwrap()), cramps(&first) + 49);
}

#[test]
fn a_changed_month_is_read_again_even_with_the_same_size_and_mtime() {
    let (_dir, j) = journal();
    read(&j, later()).unwrap();
    doctor_cache(&j, r#"["2026-09-01",{"k":{"n":1"#, r#"["2026-09-01",{"k":{"n":50"#);
    // An edit in place that keeps the size and puts the modification time back:
    // only the change time tells, and that is enough.
    let path = j.dir().join("2026-09.jsonl");
    let before = std::fs::metadata(&path).unwrap();
    let text = std::fs::read_to_string(&path).unwrap().replacen("\"cramps\":1", "\"cramps\":2", 1);
    std::fs::write(&path, text).unwrap();
    std::fs::File::options().write(true).open(&path).unwrap().set_modified(before.modified().unwrap()).unwrap();
    assert_eq!(std::fs::metadata(&path).unwrap().len(), before.len());
    let after = read(&j, later()).unwrap();
    assert_eq!(after, Facts::read_uncached(&j).unwrap());
    assert_eq!(after.night(d("2026-09-01")).unwrap().checkin.unwrap().cramps, 2);
}

#[test]
fn months_written_a_moment_ago_are_not_cached_yet() {
    let (_dir, j) = journal();
    let now = SystemTime::now();
    assert_eq!(read(&j, now).unwrap(), Facts::read_uncached(&j).unwrap());
    let cache = std::fs::read_to_string(j.dir().join(FILE_NAME)).unwrap_or_default();
    assert!(!cache.contains("2026-09-01"), "a file touched within two seconds was cached: {cache}");
}

#[test]
fn a_new_record_lands_in_the_statistics_at_once() {
    let (_dir, j) = journal();
    read(&j, later()).unwrap();
    j.put(vec![checkin(d("2026-11-21"), 3), checkin(d("2026-12-01"), 1)]).unwrap();
    let f = read(&j, later()).unwrap();
    assert_eq!(f.night(d("2026-11-21")).unwrap().checkin.unwrap().cramps, 3);
    assert_eq!(f, Facts::read_uncached(&j).unwrap());
    let t = d("2026-12-01");
    assert_eq!(report(&f, t, None), report(&Facts::read_uncached(&j).unwrap(), t, None));
}

#[test]
fn a_broken_or_foreign_cache_is_rebuilt() {
    let (_dir, j) = journal();
    let truth = Facts::read_uncached(&j).unwrap();
    for junk in ["", "{", "[1,2]", r#"{"winddown":"facts-cache","version":99,"build":"x","months":[]}"#] {
        std::fs::write(j.dir().join(FILE_NAME), junk).unwrap();
        assert_eq!(read(&j, later()).unwrap(), truth, "{junk:?}");
        let rebuilt = std::fs::read_to_string(j.dir().join(FILE_NAME)).unwrap();
        assert!(rebuilt.contains("2026-09-01"), "{junk:?}: not rebuilt");
    }
}

#[test]
fn a_cache_that_parses_but_cannot_be_right_is_not_used() {
    // Hand-edited or damaged: a step naming a title that is not there, a night
    // outside its month. Either month is read from its file instead.
    let (_dir, j) = journal();
    j.put(vec![one_step_run(d("2026-10-05"))]).unwrap();
    let truth = Facts::read_uncached(&j).unwrap();
    read(&j, later()).unwrap();
    doctor_cache(&j, r#""s":[[0,false]]"#, r#""s":[[99,false]]"#);
    assert_eq!(read(&j, later()).unwrap(), truth);
    read(&j, later()).unwrap();
    doctor_cache(&j, r#"["2026-09-02","#, r#"["2026-10-30","#);
    assert_eq!(read(&j, later()).unwrap(), truth);
}

#[test]
fn a_corrupt_month_is_refused_even_when_cached() {
    let (_dir, j) = journal();
    read(&j, later()).unwrap();
    let path = j.dir().join("2026-10.jsonl");
    let mut text = std::fs::read_to_string(&path).unwrap();
    text.push_str("{\"type\":\"checkin\",\"night\":\n");
    std::fs::write(&path, &text).unwrap();
    let err = read(&j, later()).unwrap_err().to_string();
    assert!(err.contains("2026-10.jsonl") && err.contains("unreadable record"), "{err}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text, "left as it is");
}

#[test]
fn a_cache_that_cannot_be_written_costs_nothing_but_time() {
    // A directory in the cache's place: it can be neither read nor replaced
    // (unlike permissions, this holds for root too).
    let (_dir, j) = journal();
    std::fs::create_dir(j.dir().join(FILE_NAME)).unwrap();
    assert_eq!(read(&j, later()).unwrap(), Facts::read_uncached(&j).unwrap());
    assert!(j.dir().join(FILE_NAME).is_dir());
    let leftovers: Vec<_> = std::fs::read_dir(j.dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}
