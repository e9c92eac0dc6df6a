//! Journal storage: round-trips, replacement, refusal of corrupt and newer files.

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::exchange::{ExportError, export_csv, export_json, import, parse_export};
use super::model::*;
use super::store::{FileStamp, Journal, JournalError};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}
fn t(s: &str) -> DateTime<FixedOffset> {
    s.parse().unwrap()
}

pub fn sample_run(night: &str) -> Run {
    Run {
        night: d(night),
        id: format!("{night}T22:41:00+01:00"),
        routine: "cramp-guard".into(),
        routine_hash: "0123456789abcdef".into(),
        started: t(&format!("{night}T22:41:00+01:00")),
        ended: Some(t(&format!("{night}T22:47:10+01:00"))),
        speed: 1.0,
        finished: true,
        steps: vec![
            StepRecord {
                title: "Wall calf stretch".into(),
                optional: false,
                outcome: Outcome::Done,
                held_s: Held { left: Some(30.0), right: Some(30.0), hold: None },
            },
            StepRecord {
                title: "Seated toe pull".into(),
                optional: false,
                outcome: Outcome::Partial,
                held_s: Held { left: Some(12.5), ..Held::default() },
            },
            StepRecord { title: "Feet".into(), optional: true, outcome: Outcome::Skipped, held_s: Held::default() },
        ],
    }
}

pub fn sample_checkin(night: &str) -> CheckIn {
    CheckIn {
        night: d(night),
        recorded: t("2026-11-24T07:10:00+01:00"),
        cramps: 2,
        pain: Some(6),
        longest_s: Some(180),
        places: vec![Spot { place: Place::Calf, side: Some(LegSide::Left) }, Spot { place: Place::Foot, side: None }],
        disturbed: Some(4),
        quality: Some(Quality::Fair),
        rested: Some(Rested::Somewhat),
        sleep: SleepTimes {
            into_bed: Some("22:50:00".parse().unwrap()),
            fall_asleep_min: Some(15),
            awakenings: Some(2),
            final_wake: Some("06:40:00".parse().unwrap()),
        },
        triggers: vec![Trigger::Alcohol, Trigger::LateExercise],
        tags: vec!["heat wave".into()],
        red_flags: RedFlags { one_leg_swollen: Some(false), lasting_numbness: Some(true) },
        note: "Woke at 3, \"bad\" one,\nthen slept".into(),
    }
}

fn all_kinds(night: &str) -> Vec<Record> {
    vec![
        Record::Run(sample_run(night)),
        Record::Checkin(sample_checkin(night)),
        Record::Cramp(Cramp {
            night: d(night),
            at: t("2026-11-24T03:12:00+01:00"),
            place: Some(Place::Calf),
            side: Some(LegSide::Left),
        }),
        Record::Rest(RestNight { night: d(night), reason: "travel".into(), recorded: t("2026-11-23T20:00:00+01:00") }),
    ]
}

#[test]
fn every_record_round_trips() {
    let dir = tempfile::tempdir().unwrap();
    let j = Journal::new(dir.path());
    let records = all_kinds("2026-11-23");
    j.put(records.clone()).unwrap();
    let back = j.read_all().unwrap();
    assert_eq!(back.records(), records);
    let text = std::fs::read_to_string(dir.path().join("2026-11.jsonl")).unwrap();
    assert!(text.starts_with("{\"winddown\":\"journal\",\"version\":1}\n"), "{text}");
    assert_eq!(text.lines().count(), 5);
}

#[test]
fn checkin_again_replaces() {
    let dir = tempfile::tempdir().unwrap();
    let j = Journal::new(dir.path());
    j.put(vec![Record::Checkin(sample_checkin("2026-11-23"))]).unwrap();
    let mut second = sample_checkin("2026-11-23");
    second.cramps = 0;
    j.put(vec![Record::Checkin(second.clone())]).unwrap();
    let e = j.read_all().unwrap();
    assert_eq!(e.nights.len(), 1);
    assert_eq!(e.night(d("2026-11-23")).unwrap().checkin.as_ref().unwrap().cramps, 0);
}

#[test]
fn run_progress_updates_the_same_run() {
    let dir = tempfile::tempdir().unwrap();
    let j = Journal::new(dir.path());
    let mut run = sample_run("2026-11-23");
    run.steps.truncate(1);
    run.finished = false;
    j.put(vec![Record::Run(run.clone())]).unwrap();
    j.put(vec![Record::Run(sample_run("2026-11-23"))]).unwrap();
    let e = j.read_all().unwrap();
    let n = e.night(d("2026-11-23")).unwrap();
    assert_eq!(n.runs.len(), 1);
    assert_eq!(n.runs[0].steps.len(), 3);
}

#[test]
fn completion_ignores_optional_steps() {
    let mut run = sample_run("2026-11-23");
    assert!(!run.completed(), "a partial step is not done");
    run.steps[1].outcome = Outcome::Done;
    assert!(run.completed(), "the skipped step is optional");
}

#[test]
fn months_are_separate_files_and_ranges_read_only_what_they_need() {
    let dir = tempfile::tempdir().unwrap();
    let j = Journal::new(dir.path());
    j.put(vec![Record::Run(sample_run("2026-10-31")), Record::Run(sample_run("2026-11-01"))]).unwrap();
    assert!(dir.path().join("2026-10.jsonl").exists() && dir.path().join("2026-11.jsonl").exists());
    // A broken October file does not stop reading November.
    std::fs::write(dir.path().join("2026-10.jsonl"), "garbage").unwrap();
    let e = j.read_range(Some(d("2026-11-01")), None).unwrap();
    assert_eq!(e.nights.len(), 1);
    assert!(j.read_all().is_err());
}

fn assert_refused_and_untouched(bytes: &[u8], expect: &str) {
    let dir = tempfile::tempdir().unwrap();
    let j = Journal::new(dir.path());
    let file = dir.path().join("2026-11.jsonl");
    std::fs::write(&file, bytes).unwrap();
    let err = j.read_all().unwrap_err().to_string();
    assert!(err.contains(expect), "{err}");
    assert!(err.starts_with(&format!("{}:", file.display())), "{err}");
    let err = j.put(vec![Record::Checkin(sample_checkin("2026-11-23"))]).unwrap_err();
    assert!(matches!(err, JournalError::Corrupt { .. } | JournalError::Newer { .. }));
    assert_eq!(std::fs::read(&file).unwrap(), bytes, "the file must be left byte-identical");
    // Writes to other months still work.
    j.put(vec![Record::Checkin(sample_checkin("2026-12-01"))]).unwrap();
}

#[test]
fn corrupt_files_are_refused_and_left_alone() {
    let good = super::store::month_text(&[Record::Checkin(sample_checkin("2026-11-23"))]);
    assert_refused_and_untouched(b"", "not a winddown journal header");
    assert_refused_and_untouched(b"hello\n", ":1: the first line is not a winddown journal header");
    let torn = &good.as_bytes()[..good.len() - 20];
    assert_refused_and_untouched(torn, ":2: unreadable record");
    assert_refused_and_untouched(format!("{good}{{\"type\":\"nap\"}}\n").as_bytes(), ":3: unreadable record");
    assert_refused_and_untouched(format!("{good}\n{good}").as_bytes(), "unexpected empty line");
    assert_refused_and_untouched(b"\xff\xfe", ":1: not valid UTF-8");
    let wrong_month = super::store::month_text(&[Record::Checkin(sample_checkin("2026-10-02"))]);
    assert_refused_and_untouched(wrong_month.as_bytes(), "does not belong in this month's file");
    let unknown_field = good.replace("\"cramps\":2", "\"cramps\":2,\"mood\":3");
    assert_refused_and_untouched(unknown_field.as_bytes(), "unknown field `mood`");
}

#[test]
fn newer_format_is_refused_and_left_alone() {
    assert_refused_and_untouched(
        b"{\"winddown\":\"journal\",\"version\":2}\n{\"new\":1}\n",
        ":1: written by a newer winddown (journal format 2; this one reads 1)",
    );
}

#[test]
fn interrupted_write_leaves_old_state() {
    // A crash between creating the temp file and the rename leaves a stray temp
    // file; the month file itself is the old one and the temp file is ignored.
    let dir = tempfile::tempdir().unwrap();
    let j = Journal::new(dir.path());
    j.put(vec![Record::Checkin(sample_checkin("2026-11-23"))]).unwrap();
    let before = j.read_all().unwrap();
    std::fs::write(dir.path().join(".winddown-abc.tmp"), "{\"winddown\":\"jour").unwrap();
    assert_eq!(j.read_all().unwrap(), before);
    j.put(vec![Record::Checkin(sample_checkin("2026-11-24"))]).unwrap();
    assert_eq!(j.read_all().unwrap().nights.len(), 2);
}

#[test]
fn failed_transaction_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let j = Journal::new(dir.path());
    j.put(vec![Record::Checkin(sample_checkin("2026-11-23"))]).unwrap();
    let before = std::fs::read(dir.path().join("2026-11.jsonl")).unwrap();
    let r: Result<(), _> = j.transaction(vec![super::store::Month(2026, 11)], |m| {
        m.clear();
        Err(JournalError::Refused("no".into()))
    });
    assert!(r.is_err());
    assert_eq!(std::fs::read(dir.path().join("2026-11.jsonl")).unwrap(), before);
}

#[test]
fn concurrent_writers_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let handles: Vec<_> = (0..4)
        .map(|w| {
            let path = dir.path().to_path_buf();
            std::thread::spawn(move || {
                let j = Journal::new(path);
                for i in 0..25 {
                    let night = d("2026-11-01") + chrono::Days::new((i % 20) as u64);
                    let cramp = Cramp {
                        night,
                        at: t(&format!("2026-12-01T0{w}:{i:02}:00+00:00")),
                        place: Some(Place::Calf),
                        side: None,
                    };
                    j.put(vec![Record::Cramp(cramp)]).unwrap();
                }
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    let e = Journal::new(dir.path()).read_all().unwrap();
    assert_eq!(e.nights.values().map(|n| n.cramps.len()).sum::<usize>(), 100);
}

#[test]
fn import_is_idempotent_and_refuses_conflicts() {
    let src = tempfile::tempdir().unwrap();
    let j = Journal::new(src.path());
    j.put(all_kinds("2026-11-23")).unwrap();
    j.put(vec![Record::Checkin(sample_checkin("2026-12-02"))]).unwrap();
    let text = export_json(&j.read_all().unwrap());

    let dst = tempfile::tempdir().unwrap();
    let k = Journal::new(dst.path());
    let records = parse_export(&text).unwrap();
    let r = import(&k, records.clone()).unwrap();
    assert_eq!((r.added, r.unchanged), (5, 0));
    let after_first = k.read_all().unwrap();
    let r = import(&k, records.clone()).unwrap();
    assert_eq!((r.added, r.unchanged), (0, 5));
    assert_eq!(k.read_all().unwrap(), after_first);
    assert_eq!(after_first, j.read_all().unwrap());

    // A differing check-in: reported, and nothing at all is written.
    let mut changed = records.clone();
    if let Record::Checkin(c) = &mut changed[1] {
        c.cramps = 9;
    }
    changed.push(Record::Checkin(sample_checkin("2027-01-05")));
    let err = import(&k, changed).unwrap_err().to_string();
    assert!(err.contains("2026-11-23: the journal already has a different check-in"), "{err}");
    assert_eq!(k.read_all().unwrap(), after_first);
    assert!(!dst.path().join("2027-01.jsonl").exists());
}

#[test]
fn export_rejects_foreign_and_newer_files() {
    assert!(parse_export("[]").unwrap_err().to_string().contains("not a winddown JSON export"));
    let newer = parse_export("{\"winddown\":\"export\",\"version\":9,\"records\":[]}").unwrap_err();
    assert!(matches!(newer, ExportError::Newer(9)), "{newer:?}");
    assert_eq!(newer.to_string(), "made by a newer winddown (export format 9; this one reads 1)");
    assert_eq!(
        parse_export("{}").unwrap_err().to_string(),
        "not a winddown JSON export (it has no \"winddown\": \"export\")"
    );
    assert!(parse_export("{\"winddown\":\"export\",\"version\":1,\"records\":[{\"type\":\"x\"}]}").is_err());
}

#[test]
fn csv_quotes_commas_quotes_and_newlines() {
    let dir = tempfile::tempdir().unwrap();
    let j = Journal::new(dir.path());
    j.put(all_kinds("2026-11-23")).unwrap();
    let csv = export_csv(&j.read_all().unwrap()).unwrap();
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let row = reader.records().next().unwrap().unwrap();
    let get = |name: &str| row.get(headers.iter().position(|h| h == name).unwrap()).unwrap().to_string();
    assert_eq!(get("note"), "Woke at 3, \"bad\" one,\nthen slept");
    assert_eq!(get("where"), "calf-left;foot");
    assert_eq!(get("routine_completed"), "false");
    assert_eq!(get("logged_cramps"), "calf-left@03:12");
    assert_eq!(get("rest_reason"), "travel");
    assert!(csv.contains("\"Woke at 3, \"\"bad\"\" one,\nthen slept\""));
}

#[test]
fn a_line_parses_the_same_whatever_its_key_order() {
    let line = r#"{"type":"cramp","night":"2026-11-23","at":"2026-11-24T02:10:00+01:00","place":"calf","side":"left"}"#;
    let reordered =
        r#"{"night":"2026-11-23","place":"calf","type":"cramp","side":"left","at":"2026-11-24T02:10:00+01:00"}"#;
    let fast = Record::from_line(line).unwrap();
    assert_eq!(fast, Record::from_line(reordered).unwrap());
    assert_eq!(fast, serde_json::from_str::<Record>(line).unwrap());
    for bad in [
        format!("{line} x"),
        line.replace("cramp\"", "cramps\""),
        line.replace("\"side\"", "\"sides\""),
        "[1]".to_string(),
        "{}".to_string(),
        line[..line.len() - 1].to_string(),
    ] {
        assert!(Record::from_line(&bad).is_err(), "{bad}");
    }
}

/// A stamp taken in the open folder is the one `std::fs::metadata` gives,
/// through a symbolic link too (the link's target is what changes).
#[test]
fn a_stamp_in_the_folder_is_the_stamp_by_path() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("2026-11.jsonl"), "x").unwrap();
    std::os::unix::fs::symlink(dir.path().join("2026-11.jsonl"), dir.path().join("2026-10.jsonl")).unwrap();
    let folder = std::fs::File::open(dir.path()).unwrap();
    for name in ["2026-11.jsonl", "2026-10.jsonl"] {
        let by_path = FileStamp::of(&std::fs::metadata(dir.path().join(name)).unwrap());
        assert_eq!(FileStamp::in_dir(&folder, name).unwrap(), by_path, "{name}");
    }
    assert_eq!(FileStamp::in_dir(&folder, "gone.jsonl").unwrap_err().kind(), std::io::ErrorKind::NotFound);
}
