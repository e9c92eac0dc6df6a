//! The command line's Unix habits: `routine check` with no file, the manual
//! page's sections, and completions that know the user's routines.

mod common;

use common::{Sandbox, VALID};
use predicates::str::contains;

#[test]
fn routine_check_without_files_checks_every_routine() {
    let s = Sandbox::new();
    s.cmd()
        .args(["routine", "check"])
        .assert()
        .success()
        .stdout(contains("cramp-guard (built-in): ok"))
        .stdout(contains("two-minute (built-in): ok"));
    s.write_routine("mine", VALID);
    s.write_routine("broken", "name = \"B\"\nsummary = \"x\"\n[[step]]\ntitle = \"Calf\"\nhodl = \"30s\"\n");
    s.cmd()
        .args(["routine", "check"])
        .assert()
        .code(2)
        .stdout(contains("mine ("))
        .stderr(contains("broken.toml:5:1: unknown field `hodl`"))
        .stderr(contains("1 of 5 routines invalid"));
    s.cmd()
        .args(["routine", "check", "--help"])
        .assert()
        .success()
        .stdout(contains("Usage: winddown routine check [--config-dir DIR] [--data-dir DIR] [FILE]..."));
}

/// Asks the binary for completions as bash's script does.
fn complete(s: &Sandbox, words: &[&str]) -> String {
    let out = s
        .cmd()
        .env("WINDDOWN_COMPLETE", "bash")
        .env("_CLAP_COMPLETE_INDEX", (words.len() - 1).to_string())
        .arg("--")
        .args(words)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).unwrap()
}

#[test]
fn completions_offer_the_users_routines_and_the_allowed_values() {
    let s = Sandbox::new();
    s.write_routine("evening-mine", VALID);
    let names = complete(&s, &["winddown", "run", ""]);
    assert!(names.lines().any(|l| l == "evening-mine"), "{names}");
    assert!(names.lines().any(|l| l == "cramp-guard"), "{names}");
    assert_eq!(complete(&s, &["winddown", "routine", "show", "ev"]).trim(), "evening-mine");
    assert_eq!(complete(&s, &["winddown", "routine", "edit", "ev"]).trim(), "evening-mine");
    let q = complete(&s, &["winddown", "checkin", "--quality", "v"]);
    assert_eq!(q.lines().collect::<Vec<_>>(), ["very-poor", "very-good"]);
    assert!(complete(&s, &["winddown", "checkin", "--rested", "w"]).lines().any(|l| l == "well"));
    let places = complete(&s, &["winddown", "checkin", "--where", "calf-left,fo"]);
    assert!(places.lines().any(|l| l == "calf-left,foot-right"), "{places}");
    assert!(complete(&s, &["winddown", "checkin", "--triggers", "alc"]).contains("alcohol"));
    // A routine file whose name holds an escape sequence is never offered raw.
    s.write_routine("na\x1b[31mme", VALID);
    let names = complete(&s, &["winddown", "run", ""]);
    assert!(!names.contains('\x1b') && names.lines().any(|l| l == "evening-mine"), "{names:?}");
}

#[test]
fn bash_completes_a_user_routine_after_winddown_run() {
    let s = Sandbox::new();
    s.write_routine("evening-mine", VALID);
    let bin_dir = assert_cmd::cargo::cargo_bin("winddown").parent().unwrap().to_path_buf();
    let rc = format!("PS1='$ '\nexport PATH='{}':\"$PATH\"\nsource <(winddown completions bash)\n", bin_dir.display());
    std::fs::write(s.path("bashrc"), rc).unwrap();
    let mut sh = common::pty::Shell::spawn(
        &s,
        "2026-11-24T21:00:00+01:00",
        "bash",
        &["--noprofile", "--rcfile", "bashrc", "-i"],
    );
    sh.run("echo ready", 1);
    sh.send(b"winddown run ev\t");
    sh.wait_for("$ winddown run evening-mine", 10);
    // Ctrl-C drops the line without running it.
    sh.send(b"\x03");
    sh.run("echo after", 2);
    sh.exit();
}

#[test]
fn the_manual_page_has_the_usual_sections_and_refers_to_no_missing_page() {
    let out = Sandbox::new().cmd().arg("man").assert().success().get_output().stdout.clone();
    let page = String::from_utf8(out).unwrap();
    for section in [
        ".SH NAME",
        ".SH SYNOPSIS",
        ".SH OPTIONS",
        ".SH COMMANDS",
        ".SH KEYS",
        ".SH FILES",
        ".SH ENVIRONMENT",
        ".SH \"EXIT STATUS\"",
        ".SH EXAMPLES",
    ] {
        let section = section.replace('"', "");
        assert!(page.contains(&section), "{section} missing:\n{page}");
    }
    // Every screen's keys.
    for screen in ["Tonight", "Coach", "Check\\-in", "History", "Routines", "Routine editor", "Cramp"] {
        assert!(page.contains(&format!(".SS {screen}")), "{screen}");
    }
    assert!(page.contains("winddown routine check [\\-\\-config\\-dir DIR]"), "{page}");
    assert!(page.contains("WINDDOWN_NOW"));
    // No page of its own for a subcommand exists, so none is referred to.
    assert!(!page.contains("winddown\\-run(1)") && !page.contains("(1)\n"), "{page}");
    // The commands are all in it (hidden ones excepted).
    for command in ["winddown init", "winddown remind", "winddown cramp", "winddown routine show"] {
        assert!(page.contains(command), "{command}");
    }
    assert!(!page.contains("winddown prompt"));
}

#[test]
fn quitting_winddown_run_says_what_was_saved() {
    let s = Sandbox::new();
    let mut sh = common::pty::Shell::spawn(
        &s,
        "2026-11-24T21:00:00+01:00",
        "sh",
        &["-c", "\"$WINDDOWN_BIN\" run two-minute --speed 20; echo EXIT=$?"],
    );
    sh.wait_for("Wall calf stretch", 20);
    sh.send(b"n");
    sh.wait_for("Standing hamstring stretch", 20);
    sh.send(b"q");
    sh.wait_for("quit and save", 20);
    sh.send(b"\r");
    sh.wait_for("EXIT=0", 20);
    let text = sh.text();
    assert!(text.contains("Saved for the night of Tue 24 Nov: 0 of 3 steps done, 1 skipped"), "{}", sh.screen());
    assert!(text.contains("`winddown run two-minute` tonight offers to resume"), "{}", sh.screen());
    // Quit before any step ended: nothing new is saved, and it says so.
    let s = Sandbox::new();
    let mut sh = common::pty::Shell::spawn(
        &s,
        "2026-11-24T21:00:00+01:00",
        "sh",
        &["-c", "\"$WINDDOWN_BIN\" run two-minute; echo EXIT=$?"],
    );
    sh.wait_for("Wall calf stretch", 20);
    sh.send(b"q");
    sh.wait_for("quit and save", 20);
    sh.send(b"\r");
    sh.wait_for("EXIT=0", 20);
    assert!(sh.text().contains("Nothing new was saved: no step was finished."), "{}", sh.screen());
}
