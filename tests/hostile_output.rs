//! Text from a flag, a file or an import never reaches the terminal as a
//! control sequence, in any output; CSV cells never start a formula. The
//! journal keeps what the user typed.

mod common;

use common::Sandbox;
use predicates::str::contains;
use proptest::prelude::*;
use serde_json::json;

const MORNING: &str = "2026-11-24T07:10:00+01:00";

/// The first control character in `bytes` that is not structure (a newline,
/// or a CR before one as CSV ends its rows), with its offset.
fn stray_control(bytes: &[u8]) -> Option<(usize, char)> {
    let text = String::from_utf8_lossy(bytes);
    let chars: Vec<char> = text.chars().collect();
    chars.iter().enumerate().find_map(|(i, &c)| {
        let structure = c == '\n' || (c == '\r' && chars.get(i + 1) == Some(&'\n'));
        let bidi =
            matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{061C}');
        ((c.is_control() && !structure) || bidi).then_some((i, c))
    })
}

fn assert_clean(what: &str, out: &std::process::Output) {
    for (stream, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
        if let Some((i, c)) = stray_control(bytes) {
            panic!("{what} {stream}: raw {c:?} at char {i}:\n{}", String::from_utf8_lossy(bytes));
        }
    }
}

/// Runs winddown with `args` at MORNING and checks every byte it prints.
fn clean_run(s: &Sandbox, args: &[&str]) -> std::process::Output {
    let out = s.cmd().env("WINDDOWN_NOW", MORNING).args(args).output().unwrap();
    assert_clean(&args.join(" "), &out);
    out
}

/// An export whose every free-text field holds `t`.
fn hostile_export(t: &str) -> serde_json::Value {
    json!({"winddown": "export", "version": 1, "records": [
        {"type": "run", "night": "2026-11-23", "id": "2026-11-23T22:41:00+01:00", "routine": t,
         "routine_hash": "0123456789abcdef", "started": "2026-11-23T22:41:00+01:00",
         "ended": "2026-11-23T22:47:10+01:00", "speed": 1.0, "finished": false,
         "steps": [{"title": t, "optional": false, "outcome": "skipped"},
                   {"title": "Calf", "optional": false, "outcome": "done", "held_s": {"left": 30.0, "right": 30.0}}]},
        {"type": "checkin", "night": "2026-11-23", "recorded": "2026-11-24T07:10:00+01:00", "cramps": 2, "pain": 6,
         "where": [{"place": "calf", "side": "left"}], "quality": "fair", "tags": [t],
         "red_flags": {"one_leg_swollen": false, "lasting_numbness": false}, "note": t},
        {"type": "cramp", "night": "2026-11-23", "at": "2026-11-24T03:12:00+01:00", "place": "calf", "side": "left"},
        {"type": "rest", "night": "2026-11-20", "reason": t, "recorded": "2026-11-20T20:00:00+01:00"}
    ]})
}

/// A routine file whose name, summary, description and step texts hold `t` (TOML-escaped).
fn hostile_routine(t: &str) -> String {
    let q = toml::Value::String(t.to_string()).to_string();
    format!(
        "name = {q}\nsummary = {q}\ndescription = {q}\n\n[[step]]\ntitle = {q}\nhow = {q}\nwhy = {q}\nhold = \"20s\"\n"
    )
}

fn hostile_text() -> impl Strategy<Value = String> {
    // Controls of every kind among ordinary characters, and formula starters.
    "[=+@\\-]?[a-z \\x00-\\x1f\\x7f\\u{80}-\\u{9f}\\u{202a}-\\u{202e}\\u{2066}-\\u{2069}]{1,24}x"
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, failure_persistence: None, .. ProptestConfig::default() })]

    #[test]
    fn no_output_carries_a_control_sequence(t in hostile_text()) {
        let s = Sandbox::new();
        let file = s.path("backup.json");
        std::fs::write(&file, hostile_export(&t).to_string()).unwrap();
        let imported = clean_run(&s, &["import", file.to_str().unwrap()]);
        prop_assert!(imported.status.success(), "{}", String::from_utf8_lossy(&imported.stderr));
        s.write_routine("hostile", &hostile_routine(&t));
        for args in [
            &["log", "--last", "10"][..],
            &["log", "--last", "10", "--json"],
            &["export"],
            &["export", "--format", "csv"],
            &["stats"],
            &["stats", "--json"],
            &["routine", "list"],
            &["routine", "list", "--json"],
            &["routine", "show", "hostile"],
            &["routine", "show", "hostile", "--json"],
            &["config", "show"],
        ] {
            let out = clean_run(&s, args);
            prop_assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        }
        // The journal keeps exactly what was typed.
        let v = s.export();
        let of = |kind: &str, field: &str| {
            v["records"].as_array().unwrap().iter().find(|r| r["type"] == kind).unwrap()[field].as_str().map(str::to_string)
        };
        prop_assert_eq!(of("checkin", "note"), Some(t.clone()));
        prop_assert_eq!(of("rest", "reason"), Some(t.clone()));
        prop_assert_eq!(of("run", "routine"), Some(t.clone()));
        // The routine as the coach would show it, the JSON value intact.
        let out = clean_run(&s, &["routine", "show", "hostile", "--json"]);
        let shown: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        // (The routine parser trims surrounding white space.)
        prop_assert_eq!(shown["summary"].as_str(), Some(t.trim()));
    }
}

#[test]
fn a_hostile_rest_reason_does_not_retitle_the_terminal() {
    let s = Sandbox::new();
    clean_run(&s, &["rest", "--night", "2026-11-22", "--reason", "x\x1b]2;PWNED\x07\x1b[2J"]);
    let out = clean_run(&s, &["log", "--last", "3"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("rest: x^[]2;PWNED^G^[[2J"), "{text}");
}

#[test]
fn errors_and_diagnostics_are_shown_not_run() {
    let s = Sandbox::new();
    // A raw ESC in a TOML string is an error: the diagnostic quotes the line.
    s.write_routine("raw", "name = \"a\x1b[2Jb\"\nsummary = \"s\"\n\n[[step]]\ntitle = \"t\"\nhold = \"20s\"\n");
    let out = clean_run(&s, &["routine", "show", "raw"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("a^[[2Jb"));
    clean_run(&s, &["routine", "list"]);
    clean_run(&s, &["routine", "check", s.routines().join("raw.toml").to_str().unwrap()]);
    // A file name (routine id) with controls in it.
    s.write_routine("evil\x1b]2;x\x07", common::VALID);
    let out = clean_run(&s, &["routine", "list"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("evil^[]2;x^G"));
    // An unknown routine named with controls is echoed back visibly.
    let out = clean_run(&s, &["routine", "show", "no\x1b[31mpe"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("no^[[31mpe"));
    // A broken settings file whose bad line holds an ESC.
    std::fs::write(s.config().join("config.toml"), "bell = \x1b[2J\n").unwrap();
    clean_run(&s, &["config", "show"]);
    clean_run(&s, &["config", "check"]);
}

#[test]
fn csv_cells_never_start_a_formula() {
    let s = Sandbox::new();
    let run = |args: &[&str]| s.cmd().env("WINDDOWN_NOW", MORNING).args(args).assert().success();
    run(&["checkin", "--night", "2026-11-23", "--cramps", "0", "--note", "=HYPERLINK(\"http://x\",\"y\")"]);
    run(&["checkin", "--night", "2026-11-22", "--cramps", "0", "--note", "@SUM(A1:A2)", "--tags=+1,-2"]);
    run(&["rest", "--night", "2026-11-21", "--reason=-2+3"]);
    let out = clean_run(&s, &["export", "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(&out.stdout[..]);
    let headers = reader.headers().unwrap().clone();
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    for row in &rows {
        for cell in row {
            assert!(!cell.starts_with(['=', '+', '-', '@', '\t', '\r']), "{cell:?} in {row:?}");
        }
    }
    assert_eq!(&rows[0][col("rest_reason")], "'-2+3");
    assert_eq!(&rows[1][col("note")], "'@SUM(A1:A2)");
    assert_eq!(&rows[1][col("tags")], "'+1;-2");
    assert_eq!(&rows[2][col("note")], "'=HYPERLINK(\"http://x\",\"y\")");
    // The journal keeps the note as typed.
    let v = s.export();
    assert!(v["records"].as_array().unwrap().iter().any(|r| r["note"] == "@SUM(A1:A2)"), "{v}");
}

#[test]
fn import_refuses_a_device_at_once() {
    let s = Sandbox::new();
    s.cmd()
        .args(["import", "/dev/zero"])
        .timeout(std::time::Duration::from_secs(10))
        .assert()
        .code(2)
        .stderr(contains("cannot import /dev/zero: it is a device, not a regular file"));
    s.cmd().args(["import", "/tmp"]).assert().code(2).stderr(contains("it is a directory"));
}

fn mkfifo(path: &std::path::Path) {
    let c = std::ffi::CString::new(path.to_str().unwrap()).unwrap();
    // SAFETY: mkfifo(3) with a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
}

#[test]
fn fifos_are_refused_without_blocking() {
    let s = Sandbox::new();
    let fifo = s.path("backup.json");
    mkfifo(&fifo);
    let limit = std::time::Duration::from_secs(10);
    s.cmd()
        .args(["import", fifo.to_str().unwrap()])
        .timeout(limit)
        .assert()
        .code(2)
        .stderr(contains("it is a FIFO (named pipe), not a regular file"));
    // A routine file that is a FIFO.
    let routine = s.path("r.toml");
    mkfifo(&routine);
    s.cmd()
        .args(["routine", "show", routine.to_str().unwrap()])
        .timeout(limit)
        .assert()
        .code(2)
        .stderr(contains("FIFO"));
    // The settings file as a FIFO: reported, defaults used, no hang.
    std::fs::create_dir_all(s.config()).unwrap();
    mkfifo(&s.config().join("config.toml"));
    s.cmd().args(["config", "check"]).timeout(limit).assert().code(2).stderr(contains("FIFO"));
    s.cmd().args(["routine", "list"]).timeout(limit).assert().success().stderr(contains("FIFO"));
}

#[test]
fn oversized_inputs_are_refused() {
    let s = Sandbox::new();
    // Sparse: no disk space is used, but the size is 64 MiB + 1.
    let big = s.path("big.json");
    std::fs::File::create(&big).unwrap().set_len(64 * 1024 * 1024 + 1).unwrap();
    s.cmd()
        .args(["import", big.to_str().unwrap()])
        .assert()
        .code(2)
        .stderr(contains("it is larger than the limit of 64 MiB"));
    std::fs::create_dir_all(s.config()).unwrap();
    std::fs::File::create(s.config().join("config.toml")).unwrap().set_len(64 * 1024 + 1).unwrap();
    s.cmd().args(["config", "check"]).assert().code(2).stderr(contains("larger than the limit of 64 KiB"));
    let routine = s.path("huge.toml");
    std::fs::File::create(&routine).unwrap().set_len(256 * 1024 + 1).unwrap();
    s.cmd().args(["routine", "show", routine.to_str().unwrap()]).assert().code(2).stderr(contains("at most 256 KiB"));
    // Nothing was imported.
    assert_eq!(s.export()["records"].as_array().unwrap().len(), 0);
}

#[test]
fn a_bad_argument_never_reaches_the_terminal_raw() {
    let s = Sandbox::new();
    // clap's plain rendering drops whole escape sequences; lone controls are shown.
    let out = clean_run(&s, &["rest", "--night", "a\x1b]2;x\x07b\x01c", "--reason", "x"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("invalid value") && err.contains("--night"), "{err}");
}

/// A line break inside a one-line field (a rest night's reason) cannot fake
/// a row of the log: it is shown as ^J on its own night's line.
#[test]
fn a_line_break_in_a_reason_stays_on_its_row() {
    let s = common::Sandbox::new();
    s.cmd()
        .env("WINDDOWN_NOW", "2026-11-24T07:10:00+01:00")
        .args(["rest", "--night", "2026-11-22", "--reason", "multi\nSat 21 Nov   done fake"])
        .assert()
        .success();
    let out = s.cmd().env("WINDDOWN_NOW", "2026-11-24T07:10:00+01:00").args(["log", "--last", "3"]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("rest: multi^JSat 21 Nov"), "{text}");
    assert_eq!(text.lines().filter(|l| l.starts_with("Sat 21 Nov")).count(), 1, "{text}");
}
