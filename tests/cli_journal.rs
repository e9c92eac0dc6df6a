//! `checkin`, `cramp`, `rest`, `log`, `export`, `import` through the real binary.

mod common;

use common::Sandbox;
use predicates::str::contains;

const MORNING: &str = "2026-11-24T07:10:00+01:00";

fn at(s: &Sandbox, now: &str) -> assert_cmd::Command {
    let mut c = s.cmd();
    c.env("WINDDOWN_NOW", now);
    c
}

fn export(s: &Sandbox) -> serde_json::Value {
    s.export()
}

#[test]
fn checkin_with_every_flag_round_trips() {
    let s = Sandbox::new();
    at(&s, MORNING)
        .args([
            "checkin",
            "--cramps",
            "2",
            "--pain",
            "7",
            "--where",
            "calf-left,foot-both",
            "--longest",
            "1m 30s",
            "--disturbed",
            "5",
            "--quality",
            "poor",
            "--rested",
            "slightly",
            "--triggers",
            "alcohol,late-exercise",
            "--tags",
            "heat,stress",
            "--into-bed",
            "22:45",
            "--fall-asleep",
            "20",
            "--awakenings",
            "3",
            "--final-wake",
            "06:30",
            "--swollen-leg",
            "no",
            "--numbness",
            "no",
            "--note",
            "rough, \"really\"",
        ])
        .assert()
        .success()
        .stdout(contains("checked in for the night of Mon 23 Nov 2026"));
    let v = export(&s);
    let c = &v["records"][0];
    assert_eq!(c["type"], "checkin");
    assert_eq!(c["night"], "2026-11-23");
    assert_eq!(c["cramps"], 2);
    assert_eq!(c["pain"], 7);
    assert_eq!(c["longest_s"], 90);
    assert_eq!(c["where"], serde_json::json!([{"place":"calf","side":"left"},{"place":"foot","side":"both"}]));
    assert_eq!(c["quality"], "poor");
    assert_eq!(c["rested"], "slightly");
    assert_eq!(c["triggers"], serde_json::json!(["late-exercise", "alcohol"]));
    assert_eq!(c["sleep"]["into_bed"], "22:45:00");
    assert_eq!(c["recorded"], MORNING);
    assert_eq!(c["note"], "rough, \"really\"");
}

#[test]
fn checkin_again_replaces_and_backfill_with_night() {
    let s = Sandbox::new();
    at(&s, MORNING).args(["checkin", "--cramps", "3"]).assert().success();
    at(&s, MORNING).args(["checkin", "--cramps", "0", "--quality", "good"]).assert().success();
    at(&s, MORNING).args(["checkin", "--night", "2026-11-01", "--cramps", "1"]).assert().success();
    let v = export(&s);
    let recs = v["records"].as_array().unwrap();
    assert_eq!(recs.len(), 2);
    assert_eq!(recs[0]["night"], "2026-11-01");
    assert_eq!(recs[1]["cramps"], 0);
}

#[test]
fn invalid_checkin_values_exit_2_and_write_nothing() {
    let s = Sandbox::new();
    let cases: &[(&[&str], &str)] = &[
        (&["--cramps=-1"], "invalid value '-1' for '--cramps"),
        (&["--cramps", "1", "--pain", "11"], "pain is 11, outside the allowed 1-10"),
        (&["--cramps", "1", "--pain", "0"], "pain is 0, outside the allowed 1-10"),
        (&["--cramps", "101"], "cramps is 101, outside the allowed 0-100"),
        (&["--cramps", "0", "--awakenings", "101"], "awakenings is 101"),
        (&["--cramps", "1", "--disturbed", "x"], "--disturbed"),
        (&["--cramps", "1", "--where", "elbow"], "unknown place \"elbow\""),
        (&["--cramps", "1", "--longest", "ages"], "expected a duration"),
        (&["--cramps", "0", "--quality", "meh"], "allowed: very-poor, poor, fair, good, very-good"),
        (&["--cramps", "0", "--rested", "x"], "allowed: not-at-all, slightly, somewhat, well, very-well"),
        (&["--cramps", "0", "--triggers", "coffee"], "allowed: late-exercise, long-standing"),
        (&["--cramps", "0", "--night", "2026-13-01"], "YYYY-MM-DD"),
        (&["--cramps", "0", "--into-bed", "25:00"], "HH:MM"),
        (&["--cramps", "0", "--swollen-leg", "maybe"], "yes or no"),
        (&["--cramps", "0", "--pain", "3"], "pain describes cramps, but cramps is 0"),
        (&["--cramps", "0", "--night", "2026-11-25"], "is not over yet"),
        (&["--cramps", "0", "--night", "2026-11-24"], "is not over yet"),
        (&["--quality", "fair"], "--cramps is required"),
        (&[], "no terminal for the check-in form"),
    ];
    for (args, msg) in cases {
        at(&s, MORNING).arg("checkin").args(*args).assert().code(2).stderr(contains(*msg));
    }
    assert!(
        !s.data().join("journal").exists()
            || std::fs::read_dir(s.data().join("journal"))
                .unwrap()
                .all(|e| { !e.unwrap().file_name().to_string_lossy().ends_with(".jsonl") })
    );
}

#[test]
fn cramps_logged_at_night_prefill_the_checkin() {
    let s = Sandbox::new();
    at(&s, "2026-11-24T03:12:00+01:00")
        .args(["cramp", "calf-left"])
        .assert()
        .success()
        .stdout(contains("night of Mon 23 Nov"));
    at(&s, MORNING).args(["cramp", "foot", "--at", "04:05"]).assert().success();
    at(&s, MORNING).args(["checkin", "--quality", "fair"]).assert().success();
    let v = export(&s);
    let c = v["records"].as_array().unwrap().iter().find(|r| r["type"] == "checkin").unwrap().clone();
    assert_eq!(c["cramps"], 2);
    assert_eq!(c["where"], serde_json::json!([{"place":"calf","side":"left"},{"place":"foot"}]));
}

#[test]
fn cramp_at_late_evening_time_said_after_midnight() {
    let s = Sandbox::new();
    at(&s, "2026-11-24T01:00:00+01:00").args(["cramp", "thigh-right", "--at", "23:30"]).assert().success();
    let v = export(&s);
    assert_eq!(v["records"][0]["at"], "2026-11-23T23:30:00+01:00");
    assert_eq!(v["records"][0]["night"], "2026-11-23");
}

#[test]
fn rest_night_and_log() {
    let s = Sandbox::new();
    at(&s, "2026-11-22T20:00:00+01:00").args(["rest", "--reason", "flight home"]).assert().success();
    at(&s, MORNING).args(["checkin", "--cramps", "1", "--pain", "4", "--quality", "good"]).assert().success();
    at(&s, MORNING)
        .args(["log", "--last", "3"])
        .assert()
        .success()
        .stdout(contains("Mon 23 Nov   -                                  1   4/10  good"))
        .stdout(contains("Sun 22 Nov   rest: flight home"))
        .stdout(contains("Sat 21 Nov"));
    let out = at(&s, MORNING).args(["log", "--last", "2", "--json"]).assert().success().get_output().stdout.clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v[1]["rest_reason"], "flight home");
    at(&s, MORNING).args(["rest", "--reason", " "]).assert().code(2);
    at(&s, MORNING)
        .args(["rest", "--night", "2026-12-30", "--reason", "x"])
        .assert()
        .code(2)
        .stderr(contains("at most 31 nights ahead"));
    at(&s, MORNING).args(["log", "--last", "0"]).assert().code(2);
}

/// A question left unanswered is shown as unknown ("—"), a night without a
/// check-in too; a worst pain on a cramp-free night does not apply ("-").
#[test]
fn log_shows_unanswered_as_unknown() {
    let s = Sandbox::new();
    at(&s, "2026-11-23T07:10:00+01:00").args(["checkin", "--cramps", "0"]).assert().success();
    at(&s, MORNING).args(["checkin", "--cramps", "2", "--pain", "5"]).assert().success();
    at(&s, MORNING)
        .args(["log", "--last", "3"])
        .assert()
        .success()
        .stdout(contains("Mon 23 Nov   -                                  2   5/10  —"))
        .stdout(contains("Sun 22 Nov   -                                  0      -  —"))
        .stdout(contains("Sat 21 Nov   -                                  —      —  —"));
}

#[test]
fn export_csv_and_ranges() {
    let s = Sandbox::new();
    for night in ["2026-10-30", "2026-11-02", "2026-11-05"] {
        at(&s, MORNING).args(["checkin", "--night", night, "--cramps", "0", "--note", "a,b\nc"]).assert().success();
    }
    let out = at(&s, MORNING)
        .args(["export", "--format", "csv", "--from", "2026-11-01"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(text.starts_with("night,routine,"));
    assert_eq!(text.matches("\"a,b\nc\"").count(), 2);
    assert!(!text.contains("2026-10-30"));
    at(&s, MORNING).args(["export", "--from", "2026-11-05", "--to", "2026-11-01"]).assert().code(2);
    at(&s, MORNING).args(["export", "--format", "xml"]).assert().code(2);
}

#[test]
fn import_restores_and_is_idempotent() {
    let a = Sandbox::new();
    at(&a, MORNING).args(["checkin", "--cramps", "1", "--pain", "3"]).assert().success();
    at(&a, MORNING).args(["rest", "--night", "2026-11-20", "--reason", "ill"]).assert().success();
    let file = a.path("backup.json");
    std::fs::write(&file, at(&a, MORNING).arg("export").assert().success().get_output().stdout.clone()).unwrap();

    let b = Sandbox::new();
    at(&b, MORNING)
        .args(["import", file.to_str().unwrap()])
        .assert()
        .success()
        .stdout(contains("2 added, 0 already there"));
    at(&b, MORNING)
        .args(["import", file.to_str().unwrap()])
        .assert()
        .success()
        .stdout(contains("0 added, 2 already there"));
    assert_eq!(export(&a), export(&b));

    // A different check-in for the same night is a conflict: nothing written.
    at(&b, MORNING).args(["checkin", "--cramps", "5"]).assert().success();
    let before = export(&b);
    at(&b, MORNING).args(["import", file.to_str().unwrap()]).assert().code(2).stderr(contains("conflicting"));
    assert_eq!(export(&b), before);

    let junk = b.path("junk.json");
    std::fs::write(&junk, "{\"hello\": 1}").unwrap();
    at(&b, MORNING)
        .args(["import", junk.to_str().unwrap()])
        .assert()
        .code(2)
        .stderr(contains("not a winddown JSON export"));
    at(&b, MORNING).args(["import", "/nonexistent.json"]).assert().code(2);
}

#[test]
fn corrupt_journal_is_refused_with_file_and_line() {
    let s = Sandbox::new();
    at(&s, MORNING).args(["checkin", "--cramps", "0"]).assert().success();
    let file = s.data().join("journal/2026-11.jsonl");
    let mut bytes = std::fs::read(&file).unwrap();
    bytes.extend_from_slice(b"{\"type\":\"checkin\",\"night\":\"2026-11-2");
    std::fs::write(&file, &bytes).unwrap();
    for args in [&["log"][..], &["export"], &["checkin", "--cramps", "1"], &["rest", "--reason", "x"]] {
        at(&s, MORNING)
            .args(args)
            .assert()
            .code(1)
            .stderr(contains(format!("{}:3: unreadable record", file.display())));
    }
    assert_eq!(std::fs::read(&file).unwrap(), bytes);
}

#[test]
fn newer_journal_is_refused() {
    let s = Sandbox::new();
    let dir = s.data().join("journal");
    std::fs::create_dir_all(&dir).unwrap();
    let bytes = b"{\"winddown\":\"journal\",\"version\":7}\n{\"future\":true}\n";
    std::fs::write(dir.join("2026-11.jsonl"), bytes).unwrap();
    at(&s, MORNING).args(["checkin", "--cramps", "0"]).assert().code(1).stderr(contains("written by a newer winddown"));
    assert_eq!(std::fs::read(dir.join("2026-11.jsonl")).unwrap(), bytes);
}

#[test]
fn two_processes_writing_at_once_lose_nothing() {
    let s = Sandbox::new();
    let spawn = |first_day: u32| {
        let mut children = Vec::new();
        for i in 0..20 {
            let night = format!("2026-{:02}-{:02}", 1 + (first_day + i) / 28, 1 + (first_day + i) % 28);
            let mut c = std::process::Command::new(assert_cmd::cargo::cargo_bin("winddown"));
            c.env("WINDDOWN_CONFIG_DIR", s.config()).env("WINDDOWN_DATA_DIR", s.data()).env("WINDDOWN_NOW", MORNING);
            c.args(["checkin", "--night", &night, "--cramps", "1"]).stdout(std::process::Stdio::null());
            children.push(c.spawn().unwrap());
        }
        children
    };
    let mut all = spawn(0);
    all.extend(spawn(20));
    for mut c in all {
        assert!(c.wait().unwrap().success());
    }
    assert_eq!(export(&s)["records"].as_array().unwrap().len(), 40);
}

#[test]
fn stats_text_and_json() {
    let s = Sandbox::new();
    for night in ["2026-11-20", "2026-11-22", "2026-11-23"] {
        at(&s, MORNING).args(["checkin", "--night", night, "--cramps", "0"]).assert().success();
    }
    at(&s, MORNING).args(["checkin", "--night", "2026-11-21", "--cramps", "2", "--pain", "5"]).assert().success();
    at(&s, MORNING).args(["rest", "--night", "2026-11-19", "--reason", "ill"]).assert().success();
    at(&s, MORNING)
        .arg("stats")
        .assert()
        .success()
        .stdout(contains("checked in      4 nights (longest 4)"))
        .stdout(contains("cramp-free      2 nights (longest 2)"))
        .stdout(contains("not enough nights yet"));
    let out = at(&s, MORNING).args(["stats", "--json"]).assert().success().get_output().stdout.clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["version"], 1);
    // 07:10 on the 24th: the night of the 23rd is over; tonight is the 24th.
    assert_eq!(v["tonight"], "2026-11-24");
    assert_eq!(v["streaks"]["checkin"]["current"], 4);
    assert_eq!(v["streaks"]["routine"]["current"], 0);
    assert_eq!(v["checkins"], 4);
    assert_eq!(v["insights"]["routine"][2]["split"]["without"]["nights"], 4);
    assert_eq!(v["insights"]["routine"][2]["split"]["without"]["enough"], false);
    assert!(v["consistency"]["score"].is_number());
    assert!(v["flags"].as_array().unwrap().is_empty());
    let out = at(&s, MORNING)
        .args(["stats", "--json", "--since", "2026-11-22"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["insights"]["routine"][2]["split"]["without"]["nights"], 2);
    at(&s, MORNING).args(["stats", "--since", "yesterday"]).assert().code(2).stderr(contains("YYYY-MM-DD"));
}

#[test]
fn stats_on_an_empty_journal() {
    let s = Sandbox::new();
    at(&s, MORNING).arg("stats").assert().success().stdout(contains("routine done    0 nights"));
}

#[test]
fn history_needs_a_terminal() {
    let s = Sandbox::new();
    at(&s, MORNING).arg("history").assert().code(2).stderr(contains("needs a terminal"));
}

#[test]
fn tonight_and_last_nights_checkin_stay_pending() {
    let s = Sandbox::new();
    at(&s, MORNING).args(["checkin", "--night", "2026-11-22", "--cramps", "0"]).assert().success();
    at(&s, MORNING).args(["checkin", "--night", "2026-11-23", "--cramps", "0"]).assert().success();
    let streak = |now: &str| {
        let out = at(&s, now).args(["stats", "--json"]).assert().success().get_output().stdout.clone();
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        (v["tonight"].as_str().unwrap().to_string(), v["streaks"]["checkin"]["current"].as_u64().unwrap())
    };
    // 03:59 on the 24th is still the night of the 23rd: check-ins count up to
    // the last night over (the 22nd).
    assert_eq!(streak("2026-11-24T03:59:00+01:00"), ("2026-11-23".into(), 1));
    // From the morning hour the 23rd is over and tonight is the 24th.
    assert_eq!(streak("2026-11-24T04:00:00+01:00"), ("2026-11-24".into(), 2));
    // The next day the 24th's check-in is due, not missed: pending, not a break.
    assert_eq!(streak("2026-11-25T13:00:00+01:00"), ("2026-11-25".into(), 2));
    // Once the 25th is over too, the 24th without a check-in breaks the streak.
    assert_eq!(streak("2026-11-26T05:00:00+01:00"), ("2026-11-26".into(), 0));
}

#[test]
fn tonight_cannot_be_checked_in_in_the_evening() {
    let s = Sandbox::new();
    at(&s, "2026-11-24T22:00:00+01:00")
        .args(["checkin", "--night", "2026-11-24", "--cramps", "0"])
        .assert()
        .code(2)
        .stderr(contains("the night of 2026-11-24 is not over yet"));
    assert!(s.export()["records"].as_array().unwrap().is_empty());
}

#[test]
fn after_midnight_last_night_is_the_one_before_tonight() {
    let s = Sandbox::new();
    // 01:42 on Wed 25: the night of Tue 24 is still in progress.
    at(&s, "2026-11-25T01:42:00+01:00")
        .args(["checkin", "--cramps", "0"])
        .assert()
        .success()
        .stdout(contains("night of Mon 23 Nov 2026"));
    at(&s, "2026-11-25T01:42:00+01:00")
        .args(["checkin", "--night", "2026-11-24", "--cramps", "0"])
        .assert()
        .code(2)
        .stderr(contains("not over yet"));
    // From the morning hour (default 04:00) it is over; a later morning setting moves that.
    at(&s, "2026-11-25T04:30:00+01:00").args(["checkin", "--night", "2026-11-24", "--cramps", "0"]).assert().success();
    std::fs::create_dir_all(s.config()).unwrap();
    std::fs::write(s.config().join("config.toml"), "morning = \"06:00\"\n").unwrap();
    at(&s, "2026-11-26T05:00:00+01:00")
        .args(["checkin", "--night", "2026-11-25", "--cramps", "0"])
        .assert()
        .code(2)
        .stderr(contains("latest night to check in for is 2026-11-24"));
}

#[test]
fn import_refuses_records_that_break_the_rules_and_writes_nothing() {
    let s = Sandbox::new();
    let file = s.path("bad.json");
    let text = r#"{"winddown":"export","version":1,"records":[
{"type":"checkin","night":"2026-11-20","recorded":"2026-11-21T07:00:00+01:00","cramps":0},
{"type":"checkin","night":"2026-11-21","recorded":"2026-11-22T07:00:00+01:00","cramps":4294967295,"pain":255,"disturbed":200},
{"type":"rest","night":"9999-12-31","reason":"forever","recorded":"2026-11-22T07:00:00+01:00"}
]}"#;
    std::fs::write(&file, text).unwrap();
    at(&s, MORNING)
        .args(["import", file.to_str().unwrap()])
        .assert()
        .code(2)
        .stderr(contains("2 invalid records"))
        .stderr(contains("record 2 (check-in of 2026-11-21): cramps is 4294967295, outside the allowed 0-100"))
        .stderr(contains("record 3 (rest night of 9999-12-31): a rest night can be planned at most 31 nights ahead"));
    assert!(s.export()["records"].as_array().unwrap().is_empty());
}

#[test]
fn practice_runs_are_labelled_in_the_log_and_carry_their_speed() {
    let s = Sandbox::new();
    let file = s.path("runs.json");
    let run = |night: &str, speed: f64| {
        format!(
            r#"{{"type":"run","night":"{night}","id":"{night}T22:00:00+01:00","routine":"two-minute","routine_hash":"h","started":"{night}T22:00:00+01:00","ended":"{night}T22:02:00+01:00","speed":{speed},"finished":true,"steps":[{{"title":"Calf","optional":false,"outcome":"done"}}]}}"#
        )
    };
    let text = format!(
        "{{\"winddown\":\"export\",\"version\":1,\"records\":[\n{},\n{}\n]}}",
        run("2026-11-22", 1.0),
        run("2026-11-23", 20.0)
    );
    std::fs::write(&file, text).unwrap();
    at(&s, MORNING).args(["import", file.to_str().unwrap()]).assert().success();
    at(&s, MORNING)
        .args(["log", "--last", "2"])
        .assert()
        .success()
        .stdout(contains("Mon 23 Nov   practice two-minute 1/1"))
        .stdout(contains("Sun 22 Nov   done two-minute 1/1"));
    let out = at(&s, MORNING).args(["log", "--last", "2", "--json"]).assert().success().get_output().stdout.clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!((v[0]["practice"].as_bool(), v[0]["speed"].as_f64()), (Some(true), Some(20.0)));
    assert_eq!(v[0]["routine_completed"].as_bool(), Some(false));
    assert_eq!((v[1]["practice"].as_bool(), v[1]["speed"].as_f64()), (Some(false), Some(1.0)));
    let out = at(&s, MORNING).args(["stats", "--json"]).assert().success().get_output().stdout.clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    // The night of the 23rd is over with only a practice run: not a night of
    // the routine, so the streak of one (the 22nd) is over and nothing was added.
    assert_eq!(v["streaks"]["routine"]["current"].as_u64(), Some(0), "practice adds nothing: {v}");
    assert_eq!(v["streaks"]["routine"]["longest"].as_u64(), Some(1), "practice adds nothing: {v}");
}

/// A month file that is not one winddown wrote — far too large, or a FIFO —
/// is refused with a clear message and left as it is; nothing hangs or fills memory.
#[test]
fn oversized_or_special_month_files_are_refused_not_read() {
    let s = Sandbox::new();
    at(&s, MORNING).args(["checkin", "--cramps", "0"]).assert().success();
    let month = s.data().join("journal").join("2026-11.jsonl");
    // Sparse: 40 MiB on paper, nothing on disk.
    std::fs::OpenOptions::new().write(true).open(&month).unwrap().set_len(40 << 20).unwrap();
    at(&s, MORNING).args(["log"]).assert().code(1).stderr(contains("larger than the limit of 32 MiB"));
    assert_eq!(std::fs::metadata(&month).unwrap().len(), 40 << 20, "left as it is");
    std::fs::remove_file(&month).unwrap();
    let c = std::ffi::CString::new(month.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: mkfifo(3) with a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    let started = std::time::Instant::now();
    at(&s, MORNING).args(["log"]).timeout(std::time::Duration::from_secs(20)).assert().code(1).stderr(contains("FIFO"));
    assert!(started.elapsed() < std::time::Duration::from_secs(20));
}

/// The derived files beside the journal (the prompt's status, the facts
/// cache, an experiment plan, the nudge's note) are read only when they are
/// regular files of a sane size: a FIFO or a link to /dev/zero in their place
/// never hangs a command or fills memory, and the record is still written.
#[test]
fn special_files_in_place_of_derived_ones_never_hang() {
    let s = Sandbox::new();
    at(&s, MORNING).args(["checkin", "--night", "2026-11-22", "--cramps", "0"]).assert().success();
    let journal = s.data().join("journal");
    let fifo = |path: std::path::PathBuf| {
        let _ = std::fs::remove_file(&path);
        let c = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
        // SAFETY: mkfifo(3) with a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    };
    fifo(journal.join(".winddown-status"));
    fifo(journal.join(".winddown-facts.cache"));
    std::os::unix::fs::symlink("/dev/zero", s.data().join("nudged")).unwrap();
    let quick = std::time::Duration::from_secs(20);
    at(&s, MORNING).args(["checkin", "--night", "2026-11-23", "--cramps", "0"]).timeout(quick).assert().success();
    at(&s, MORNING).args(["stats", "--json"]).timeout(quick).assert().success().stdout(contains("\"checkins\": 2"));
    at(&s, MORNING).args(["remind"]).timeout(quick).assert().success();
    fifo(s.data().join("experiment.plan"));
    at(&s, MORNING).args(["experiment", "status"]).timeout(quick).assert().code(1).stderr(contains("FIFO"));
}
