//! The evening nudge in a real interactive bash (and zsh where installed) in a
//! pseudo-terminal, with a pinned clock; and `winddown remind` with a fake
//! notify-send on PATH.

mod common;

use common::Sandbox;
use common::pty::Shell;
use predicates::str::contains;

const NUDGE: &str = "winddown: tonight's routine isn't done — `winddown run` (5 min)";
const EVENING: &str = "2026-11-24T21:00:00+01:00";

/// A routine short enough to run at real speed in a test.
const QUICK: &str = r#"
name = "Quick"
summary = "s"
[defaults]
get_ready = "0s"
switch = "0s"
rest = "0s"
[[step]]
title = "Calf"
hold = "1s"
[[step]]
kind = "check"
title = "Water"
"#;

fn nudges(sh: &Shell) -> usize {
    sh.text().matches(NUDGE).count()
}

/// One evening in an interactive shell whose start-up file holds the `init` line.
fn evening_session(program: &str, args: &[&str], rc_name: &str, rc: &str) {
    let s = Sandbox::new();
    std::fs::write(s.path(rc_name), rc).unwrap();
    std::fs::create_dir_all(s.config().join("routines")).unwrap();
    std::fs::write(s.config().join("routines").join("quick.toml"), QUICK).unwrap();
    let mut sh = Shell::spawn(&s, EVENING, program, args);
    sh.run("echo ready", 1);
    // The first prompt of the evening nudges; the next prompts in the hour do not.
    assert_eq!(nudges(&sh), 1, "{}", sh.text());
    sh.run("echo again", 2);
    sh.run("echo and again", 3);
    assert_eq!(nudges(&sh), 1, "{}", sh.text());
    // An hour and a half later, still not done: one more line.
    sh.run("export WINDDOWN_NOW=2026-11-24T22:30:00+01:00", 4);
    assert_eq!(nudges(&sh), 2, "{}", sh.text());
    // A routine run for real (a short one: a faster clock would be practice,
    // which settles nothing); then the prompt stays quiet, even two hours later.
    sh.send(b"\"$WINDDOWN_BIN\" run quick\n");
    sh.wait_for("press Enter when done", 40);
    sh.send(b"\r");
    sh.wait_for("Routine complete", 20);
    sh.send(b"\r");
    // Printed by `winddown run` once the app has closed (the summary screen says "Recorded" too).
    sh.wait_for("Check in tomorrow morning", 20);
    sh.run("export WINDDOWN_NOW=2026-11-25T00:45:00+01:00", 5);
    sh.run("echo late", 6);
    assert_eq!(nudges(&sh), 2, "{}", sh.screen());
    sh.exit();
}

#[test]
fn bash_nudges_once_in_the_evening_and_not_after_a_run() {
    let rc = "PS1='$ '\neval \"$(\"$WINDDOWN_BIN\" init bash)\"\n";
    evening_session("bash", &["--noprofile", "--rcfile", "bashrc", "-i"], "bashrc", rc);
}

#[test]
fn zsh_nudges_once_in_the_evening_and_not_after_a_run() {
    if std::process::Command::new("zsh").arg("-c").arg("true").status().is_err() {
        eprintln!("zsh is not installed: skipped");
        return;
    }
    let rc = "PS1='$ '\neval \"$(\"$WINDDOWN_BIN\" init zsh)\"\n";
    evening_session("zsh", &["-i"], ".zshrc", rc);
}

#[test]
fn no_nudge_in_a_non_interactive_shell_or_before_the_evening_or_when_off() {
    let s = Sandbox::new();
    // A script run by bash in a terminal: the hook is not installed.
    let script = "eval \"$(\"$WINDDOWN_BIN\" init bash)\"; echo \"hook:${PROMPT_COMMAND:-none}\"; echo D''ONE";
    let sh = Shell::spawn(&s, EVENING, "bash", &["-c", script]);
    sh.wait_for("DONE", 20);
    assert!(sh.text().contains("hook:none"), "{}", sh.text());
    assert_eq!(nudges(&sh), 0);
    // The hook itself: quiet when its output is not a terminal.
    s.cmd().env("WINDDOWN_NOW", EVENING).arg("prompt").assert().success().stdout("");
    // In a terminal, quiet in the afternoon and when turned off.
    let sh = Shell::spawn(&s, "2026-11-24T15:00:00+01:00", "sh", &["-c", "\"$WINDDOWN_BIN\" prompt; echo D''ONE"]);
    sh.wait_for("DONE", 20);
    assert_eq!(nudges(&sh), 0, "{}", sh.text());
    std::fs::create_dir_all(s.config()).unwrap();
    std::fs::write(s.config().join("config.toml"), "nudge = false\n").unwrap();
    let sh = Shell::spawn(&s, EVENING, "sh", &["-c", "\"$WINDDOWN_BIN\" prompt; echo D''ONE"]);
    sh.wait_for("DONE", 20);
    assert_eq!(nudges(&sh), 0, "{}", sh.text());
    // Turned back on, and the evening: it speaks.
    std::fs::write(s.config().join("config.toml"), "nudge_from = \"20:30\"\n").unwrap();
    let sh = Shell::spawn(&s, EVENING, "sh", &["-c", "\"$WINDDOWN_BIN\" prompt; echo D''ONE"]);
    sh.wait_for("DONE", 20);
    assert_eq!(nudges(&sh), 1, "{}", sh.text());
}

#[test]
fn a_rest_night_silences_the_nudge() {
    let s = Sandbox::new();
    s.cmd().env("WINDDOWN_NOW", EVENING).args(["rest", "--reason", "travel"]).assert().success();
    let sh = Shell::spawn(&s, EVENING, "sh", &["-c", "\"$WINDDOWN_BIN\" prompt; echo D''ONE"]);
    sh.wait_for("DONE", 20);
    assert_eq!(nudges(&sh), 0, "{}", sh.text());
}

/// A fake notify-send that writes its arguments to a file.
fn fake_notifier(s: &Sandbox) -> (std::path::PathBuf, std::path::PathBuf) {
    let log = s.path("notified.txt");
    let bin = s.program("notify-send", &format!("#!/bin/sh\nprintf '%s\\n' \"$@\" >> '{}'\n", log.display()));
    (bin, log)
}

#[test]
fn remind_notifies_until_tonight_is_done() {
    let s = Sandbox::new();
    let (bin, log) = fake_notifier(&s);
    let path = format!("{}:/usr/bin:/bin", bin.display());
    s.cmd().env("PATH", &path).env("WINDDOWN_NOW", EVENING).arg("remind").assert().success().stdout("");
    let sent = std::fs::read_to_string(&log).unwrap();
    assert!(sent.contains("tonight's routine isn't done — `winddown run` (5 min)"), "{sent}");
    assert!(sent.starts_with("--app-name=winddown\nwinddown\n"), "{sent}");
    // Done tonight: silent.
    std::fs::remove_file(&log).unwrap();
    let run = common::records::run("2026-11-24".parse().unwrap(), "21:10", winddown::journal::Outcome::Done);
    let export = serde_json::json!({"winddown": "export", "version": 1, "records": [run]});
    let file = s.path("export.json");
    std::fs::write(&file, export.to_string()).unwrap();
    s.cmd().env("WINDDOWN_NOW", EVENING).args(["import", file.to_str().unwrap()]).assert().success();
    s.cmd().env("PATH", &path).env("WINDDOWN_NOW", "2026-11-24T22:00:00+01:00").arg("remind").assert().success();
    assert!(!log.exists(), "notified although tonight is done");
}

#[test]
fn remind_without_a_notifier_prints_the_line() {
    let s = Sandbox::new();
    let empty = s.path("empty");
    std::fs::create_dir_all(&empty).unwrap();
    s.cmd().env("PATH", &empty).env("WINDDOWN_NOW", EVENING).arg("remind").assert().success().stdout(contains(NUDGE));
}

#[test]
fn an_experiment_off_night_silences_the_nudge_and_remind() {
    let s = Sandbox::new();
    // Seed 1 draws an off week first: tonight is off night 1 of 7.
    let out = s
        .cmd()
        .env("WINDDOWN_NOW", EVENING)
        .args(["experiment", "start", "--routine", "two-minute", "--seed", "1"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(String::from_utf8_lossy(&out).contains("Tonight: off night 1 of 7"), "{}", String::from_utf8_lossy(&out));
    let sh = Shell::spawn(&s, EVENING, "sh", &["-c", "\"$WINDDOWN_BIN\" prompt; echo D''ONE"]);
    sh.wait_for("DONE", 20);
    assert_eq!(nudges(&sh), 0, "{}", sh.text());
    let (path, log) = fake_notifier(&s);
    s.cmd().env("PATH", &path).env("WINDDOWN_NOW", EVENING).arg("remind").assert().success().stdout("");
    assert!(!log.exists(), "no notification on an off night");
}

/// The routine done on the other machine arrives by sync (a conflict copy of
/// the month, written after this machine's status file): remind and the
/// prompt read the journal again and stay quiet.
#[test]
fn a_run_synced_from_another_machine_quiets_remind() {
    let s = Sandbox::new();
    let (bin, log) = fake_notifier(&s);
    let path = format!("{}:/usr/bin:/bin", bin.display());
    // This machine wrote something tonight: its status file says "not done".
    s.cmd().env("WINDDOWN_NOW", EVENING).args(["cramp", "calf-left", "--at", "20:30"]).assert().success();
    let journal = s.data().join("journal");
    assert!(journal.join(".winddown-status").exists());
    std::thread::sleep(std::time::Duration::from_millis(20));
    let run = common::records::run("2026-11-24".parse().unwrap(), "21:10", winddown::journal::Outcome::Done);
    let copy = winddown::journal::store::month_text(&[run]);
    std::fs::write(journal.join("2026-11.sync-conflict-20261124-211500-ABCDEFG.jsonl"), copy).unwrap();
    s.cmd().env("PATH", &path).env("WINDDOWN_NOW", "2026-11-24T22:00:00+01:00").arg("remind").assert().success();
    assert!(!log.exists(), "notified although the other machine did tonight's routine");
}
