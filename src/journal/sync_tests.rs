//! Conflict copies read with their month, folded in by the next write,
//! contradictions kept until the user picks; git's three-way merge.

use std::path::Path;

use chrono::NaiveDate;

use super::merge::{self, merge3};
use super::model::*;
use super::store::{Journal, JournalError, Month, month_text};
use super::test_records::{checkin, run};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn write(dir: &Path, name: &str, records: &[Record]) {
    std::fs::write(dir.join(name), month_text(records)).unwrap();
}

/// The journal folder's files, but the prompt's status file (derived, tested in `status`).
fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != super::status::FILE_NAME)
        .collect();
    v.sort();
    v
}

const COPIES: [&str; 6] = [
    "2026-11.sync-conflict-20261125-081502-ABCDEFG.jsonl",
    "2026-11 (Laptop's conflicted copy 2026-11-25).jsonl",
    "2026-11 (conflicted copy 2026-11-25 081502).jsonl",
    "2026-11 (conflict 2026-11-25 081502).jsonl",
    "2026-11_conflict-20261125-081502.jsonl",
    "2026-11.Conflict.jsonl",
];

#[test]
fn each_tool_s_copy_is_read_with_its_month_as_the_union() {
    for copy in COPIES {
        let dir = tempfile::tempdir().unwrap();
        let j = Journal::new(dir.path());
        let same = checkin(d("2026-11-20"), 0, None, Quality::Good);
        write(dir.path(), "2026-11.jsonl", &[same.clone(), checkin(d("2026-11-21"), 1, Some(3), Quality::Fair)]);
        write(dir.path(), copy, &[same, checkin(d("2026-11-22"), 2, Some(5), Quality::Poor)]);
        let nights: Vec<_> = j.read_all().unwrap().nights.into_keys().collect();
        assert_eq!(nights, vec![d("2026-11-20"), d("2026-11-21"), d("2026-11-22")], "{copy}");
        assert!(j.contradictions().unwrap().is_empty(), "identical records count once ({copy})");
        assert_eq!(j.read_lines(None, None).unwrap().len(), 3);
        assert!(!j.is_empty().unwrap());
    }
}

#[test]
fn a_copy_alone_is_read_too() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), COPIES[0], &[checkin(d("2026-11-22"), 2, Some(5), Quality::Poor)]);
    assert_eq!(Journal::new(dir.path()).read_all().unwrap().nights.len(), 1);
}

#[test]
fn two_answers_for_one_night_are_a_contradiction_until_the_user_picks() {
    let dir = tempfile::tempdir().unwrap();
    let j = Journal::new(dir.path());
    let ours = checkin(d("2026-11-20"), 0, None, Quality::Good);
    let theirs = checkin(d("2026-11-20"), 3, Some(7), Quality::Poor);
    write(dir.path(), "2026-11.jsonl", std::slice::from_ref(&ours));
    write(dir.path(), COPIES[1], std::slice::from_ref(&theirs));
    let found = j.contradictions().unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].versions, vec![ours.clone(), theirs.clone()]);
    // The month file's answer stands for now.
    assert_eq!(j.read_all().unwrap().night(d("2026-11-20")).unwrap().checkin.as_ref().unwrap().cramps, 0);

    // The next write folds the copy in; the other answer is kept.
    j.put(vec![checkin(d("2026-11-21"), 1, None, Quality::Fair)]).unwrap();
    assert_eq!(names(dir.path()), vec!["2026-11.contested.jsonl", "2026-11.jsonl"].tap_sort());
    assert_eq!(j.contradictions().unwrap()[0].versions, vec![ours.clone(), theirs.clone()]);
    // And another write changes nothing about it.
    j.put(vec![checkin(d("2026-11-23"), 1, None, Quality::Fair)]).unwrap();
    assert_eq!(j.contradictions().unwrap().len(), 1);

    // A pick that is not one of the answers is refused.
    let stranger = checkin(d("2026-11-20"), 9, None, Quality::Good);
    assert!(matches!(j.resolve(&ours.key(), &stranger), Err(JournalError::Refused(_))));
    j.resolve(&ours.key(), &theirs).unwrap();
    assert!(j.contradictions().unwrap().is_empty());
    assert_eq!(j.read_all().unwrap().night(d("2026-11-20")).unwrap().checkin.as_ref().unwrap().cramps, 3);
    assert_eq!(names(dir.path()), vec!["2026-11.jsonl"].tap_sort());
    // Settled once: a second resolve is refused.
    assert!(matches!(j.resolve(&ours.key(), &theirs), Err(JournalError::Refused(_))));
}

#[test]
fn picking_the_answer_that_stands_drops_the_other() {
    let dir = tempfile::tempdir().unwrap();
    let j = Journal::new(dir.path());
    let ours = checkin(d("2026-11-20"), 0, None, Quality::Good);
    let theirs = checkin(d("2026-11-20"), 3, Some(7), Quality::Poor);
    write(dir.path(), "2026-11.jsonl", std::slice::from_ref(&ours));
    write(dir.path(), COPIES[0], std::slice::from_ref(&theirs));
    j.resolve(&ours.key(), &ours).unwrap();
    assert!(j.contradictions().unwrap().is_empty());
    assert_eq!(names(dir.path()), vec!["2026-11.jsonl"].tap_sort());
    assert_eq!(
        j.read_all().unwrap().night(d("2026-11-20")).unwrap().checkin.as_ref(),
        match &ours {
            Record::Checkin(c) => Some(c),
            _ => None,
        }
    );
}

#[test]
fn inside_one_file_a_later_record_is_an_edit_not_a_contradiction() {
    let dir = tempfile::tempdir().unwrap();
    let j = Journal::new(dir.path());
    let first = checkin(d("2026-11-20"), 0, None, Quality::Good);
    let edit = checkin(d("2026-11-20"), 1, None, Quality::Fair);
    write(dir.path(), "2026-11.jsonl", &[first, edit.clone()]);
    write(dir.path(), COPIES[0], std::slice::from_ref(&edit));
    assert!(j.contradictions().unwrap().is_empty());
    assert_eq!(j.read_all().unwrap().night(d("2026-11-20")).unwrap().checkin.as_ref().unwrap().cramps, 1);
}

#[test]
fn of_two_versions_of_one_run_the_further_one_stands() {
    let dir = tempfile::tempdir().unwrap();
    let j = Journal::new(dir.path());
    let Record::Run(mut early) = run(d("2026-11-20"), "22:00", Outcome::NotReached) else { unreachable!() };
    early.finished = false;
    let later = run(d("2026-11-20"), "22:00", Outcome::Done);
    write(dir.path(), "2026-11.jsonl", &[Record::Run(early)]);
    write(dir.path(), COPIES[2], std::slice::from_ref(&later));
    assert!(j.contradictions().unwrap().is_empty());
    assert!(j.read_all().unwrap().night(d("2026-11-20")).unwrap().completed());
}

#[test]
fn a_corrupt_copy_is_refused_and_never_removed() {
    let dir = tempfile::tempdir().unwrap();
    let j = Journal::new(dir.path());
    write(dir.path(), "2026-11.jsonl", &[checkin(d("2026-11-20"), 0, None, Quality::Good)]);
    std::fs::write(dir.path().join(COPIES[0]), "{\"winddown\":\"journal\",\"version\":1}\nnot json\n").unwrap();
    assert!(matches!(j.read_all(), Err(JournalError::Corrupt { .. })));
    assert!(matches!(j.put(vec![checkin(d("2026-11-21"), 0, None, Quality::Good)]), Err(JournalError::Corrupt { .. })));
    // A write to another month goes ahead and leaves the bad copy as it is.
    j.put(vec![checkin(d("2026-12-01"), 0, None, Quality::Good)]).unwrap();
    assert!(dir.path().join(COPIES[0]).exists());
    let health = j.health().unwrap();
    assert_eq!(health.unreadable.len(), 1);
}

#[test]
fn a_newer_copy_is_refused_and_never_removed() {
    let dir = tempfile::tempdir().unwrap();
    let j = Journal::new(dir.path());
    std::fs::write(dir.path().join(COPIES[3]), "{\"winddown\":\"journal\",\"version\":9}\n").unwrap();
    assert!(matches!(j.put(vec![checkin(d("2026-11-21"), 0, None, Quality::Good)]), Err(JournalError::Newer { .. })));
    assert!(dir.path().join(COPIES[3]).exists());
}

#[test]
fn orphan_temp_files_are_removed_by_the_next_write_and_never_read() {
    let dir = tempfile::tempdir().unwrap();
    let j = Journal::new(dir.path());
    let text = month_text(&[checkin(d("2026-11-20"), 0, None, Quality::Good)]);
    std::fs::write(dir.path().join(".winddown-Ab12Cd.tmp"), &text).unwrap();
    // Not ours: left alone.
    std::fs::write(dir.path().join(".syncthing.2026-11.jsonl.tmp"), &text).unwrap();
    assert!(j.is_empty().unwrap());
    assert_eq!(j.health().unwrap().temp_files, 1);
    j.put(vec![checkin(d("2026-11-21"), 0, None, Quality::Good)]).unwrap();
    assert_eq!(names(dir.path()), vec![".syncthing.2026-11.jsonl.tmp", "2026-11.jsonl"].tap_sort());
    assert_eq!(j.read_all().unwrap().nights.len(), 1);
}

#[test]
fn the_facts_cache_sees_a_copy_arrive() {
    let dir = tempfile::tempdir().unwrap();
    let j = Journal::new(dir.path());
    j.put(vec![checkin(d("2026-11-20"), 0, None, Quality::Good)]).unwrap();
    let settled_now = std::time::SystemTime::now() + std::time::Duration::from_secs(3600);
    let before = crate::stats::cache::read(&j, settled_now).unwrap();
    write(dir.path(), COPIES[0], &[checkin(d("2026-11-21"), 2, Some(5), Quality::Poor)]);
    let after = crate::stats::cache::read(&j, settled_now).unwrap();
    assert_ne!(format!("{before:?}"), format!("{after:?}"), "the copy's night counts");
    let fresh = crate::stats::cache::read(&Journal::new(dir.path()), settled_now).unwrap();
    assert_eq!(format!("{after:?}"), format!("{fresh:?}"));
}

#[test]
fn git_three_way_merge_takes_one_sided_changes_and_keeps_both_answers_otherwise() {
    let n = d("2026-11-20");
    let base = vec![checkin(n, 0, None, Quality::Good)];
    let edited = checkin(n, 1, None, Quality::Good);
    let added = checkin(d("2026-11-21"), 2, None, Quality::Poor);
    // Ours edited the night, theirs added another: both kept, no contradiction.
    let m = merge3(base.clone(), vec![edited.clone()], vec![base[0].clone(), added.clone()]);
    assert_eq!(m.records, vec![edited.clone(), added.clone()]);
    assert!(m.others.is_empty());
    // Theirs edited: theirs stands.
    let m = merge3(base.clone(), base.clone(), vec![edited.clone()]);
    assert_eq!(m.records, vec![edited.clone()]);
    // Both edited differently: ours stands, theirs kept as the other answer.
    let other = checkin(n, 4, Some(8), Quality::VeryPoor);
    let m = merge3(base, vec![edited.clone()], vec![other.clone()]);
    assert_eq!(m.records, vec![edited.clone()]);
    assert_eq!(m.others, vec![other.clone()]);
    assert_eq!(merge::contradictions(&m)[0].versions, vec![edited, other]);
    let _ = Month(2026, 11);
}

trait TapSort {
    fn tap_sort(self) -> Vec<String>;
}
impl TapSort for Vec<&str> {
    fn tap_sort(self) -> Vec<String> {
        let mut v: Vec<String> = self.into_iter().map(String::from).collect();
        v.sort();
        v
    }
}

#[test]
fn a_reader_during_the_fold_in_never_loses_a_night_it_saw() {
    // Readers take no lock: a writer may fold a copy in and remove it while
    // they read. Each round a copy brings the first night of a new month,
    // and a write folds it in; a reader must never see fewer nights than before.
    let dir = tempfile::tempdir().unwrap();
    let j = Journal::new(dir.path());
    let stop = std::sync::atomic::AtomicBool::new(false);
    std::thread::scope(|scope| {
        let reader = scope.spawn(|| {
            let (mut seen, mut reads) = (0, 0);
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                let nights = Journal::new(dir.path()).read_all().unwrap().nights.len();
                assert!(nights >= seen, "a read found {nights} nights after one found {seen}");
                seen = nights;
                reads += 1;
            }
            reads
        });
        let first = d("2000-01-01");
        for i in 0..150u32 {
            let night = first.checked_add_months(chrono::Months::new(i)).unwrap();
            let copy = format!("{}.sync-conflict-20261125-081502-ABCDEFG.jsonl", &Month::of(night).file_name()[..7]);
            // A copy appears whole, as a sync tool's does: written aside, then renamed.
            let tmp = dir.path().join("incoming.part");
            std::fs::write(&tmp, month_text(&[checkin(night, 1, None, Quality::Good)])).unwrap();
            std::fs::rename(&tmp, dir.path().join(copy)).unwrap();
            j.put(vec![checkin(d("2030-01-01"), i, None, Quality::Good)]).unwrap();
        }
        stop.store(true, std::sync::atomic::Ordering::Relaxed);
        assert!(reader.join().unwrap() > 10);
    });
    assert_eq!(j.read_all().unwrap().nights.len(), 151);
}

#[test]
fn derived_files_are_all_named_for_one_ignore_pattern() {
    let dir = tempfile::tempdir().unwrap();
    let j = Journal::new(dir.path());
    std::fs::write(dir.path().join(".facts.cache"), "{}").unwrap();
    j.put(vec![checkin(d("2026-11-20"), 0, None, Quality::Good)]).unwrap();
    let settled_now = std::time::SystemTime::now() + std::time::Duration::from_secs(3600);
    crate::stats::cache::read(&j, settled_now).unwrap();
    // The cache under its old name is gone; what is not a record file starts with `.winddown-`.
    for name in names(dir.path()) {
        assert!(name == "2026-11.jsonl" || name.starts_with(super::layout::DERIVED_PREFIX), "{name}");
    }
    assert!(names(dir.path()).contains(&crate::stats::cache::FILE_NAME.to_string()));
}

/// The other answers' file can hold a record with nothing standing for its
/// key (it arrived before its month file, or was edited): settling another
/// contradiction, or any write, makes it part of the month, never drops it.
#[test]
fn an_other_answer_with_nothing_standing_is_kept_when_a_contradiction_is_settled() {
    let dir = tempfile::tempdir().unwrap();
    let j = Journal::new(dir.path());
    let ours = checkin(d("2026-11-21"), 1, Some(2), Quality::Good);
    let theirs = checkin(d("2026-11-21"), 5, Some(9), Quality::Poor);
    let orphan = Record::Rest(RestNight {
        night: d("2026-11-10"),
        reason: "orphan".into(),
        recorded: "2026-11-25T07:10:00+01:00".parse().unwrap(),
    });
    write(dir.path(), "2026-11.jsonl", std::slice::from_ref(&ours));
    write(dir.path(), &super::layout::contested_name(Month(2026, 11)), &[orphan.clone(), theirs.clone()]);
    j.resolve(&ours.key(), &ours).unwrap();
    let all = j.read_all().unwrap();
    assert!(all.night(d("2026-11-10")).is_some_and(|n| n.rest.is_some()), "the orphan rest night was dropped");
    assert_eq!(all.night(d("2026-11-21")).unwrap().checkin.as_ref().unwrap().cramps, 1);
    assert!(j.contradictions().unwrap().is_empty());
}
