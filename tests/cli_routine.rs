//! `winddown routine …` end to end through the real binary.

mod common;

use common::{Sandbox, VALID, repo_file};
use predicates::prelude::*;
use predicates::str::contains;

#[test]
fn list_shows_builtins_with_time_and_default() {
    let s = Sandbox::new();
    s.cmd()
        .args(["routine", "list"])
        .assert()
        .success()
        .stdout(contains("cramp-guard").and(contains("built-in (default)")))
        .stdout(contains("hallegraeff-2012").and(contains("two-minute")))
        .stdout(contains("4m 43s"));
}

#[test]
fn list_reports_a_broken_user_file_without_hiding_others() {
    let s = Sandbox::new();
    s.write_routine("mine", VALID);
    let broken =
        s.write_routine("broken", "name = \"x\"\nsummary = \"y\"\n[[step]]\ntitle = \"a\"\nhold = \"forever\"\n");
    let out = s.cmd().args(["routine", "list"]).assert().success().get_output().stdout.clone();
    let out = String::from_utf8(out).unwrap();
    assert!(out.contains("mine") && out.contains("cramp-guard"), "{out}");
    assert!(out.contains(&format!("invalid: {}:5:8: invalid duration \"forever\"", broken.display())), "{out}");
}

#[test]
fn list_json_is_machine_readable() {
    let s = Sandbox::new();
    s.write_routine("cramp-guard", VALID);
    let out = s.cmd().args(["routine", "list", "--json"]).assert().success().get_output().stdout.clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let cg = v.as_array().unwrap().iter().find(|e| e["name"] == "cramp-guard").unwrap();
    // The user's file replaces the built-in of the same name.
    assert_eq!(cg["steps"], 1);
    assert_eq!(cg["default"], true);
    assert!(cg["source"].as_str().unwrap().ends_with("cramp-guard.toml"));
}

#[test]
fn show_by_name_and_by_path() {
    let s = Sandbox::new();
    s.cmd()
        .args(["routine", "show", "hallegraeff-2012"])
        .assert()
        .success()
        .stdout(contains("hold 10s per side (left) x 3 reps, rest 10s"))
        .stdout(contains("Total: 3m 40s"));
    let p = s.path("x.toml");
    std::fs::write(&p, VALID).unwrap();
    s.cmd()
        .args(["routine", "show", p.to_str().unwrap()])
        .assert()
        .success()
        .stdout(contains("Mine (x,"))
        .stdout(contains("hold 20s per side (left, right)"));
}

#[test]
fn show_json_lists_steps() {
    let s = Sandbox::new();
    let out = s.cmd().args(["routine", "show", "two-minute", "--json"]).assert().success().get_output().stdout.clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["steps"].as_array().unwrap().len(), 3);
    assert_eq!(v["steps"][0]["sides"], serde_json::json!(["left", "right"]));
    assert_eq!(v["steps"][2]["kind"], "check");
}

#[test]
fn show_unknown_lists_known_names() {
    Sandbox::new()
        .cmd()
        .args(["routine", "show", "nope"])
        .assert()
        .code(2)
        .stderr(contains("no routine named \"nope\"; known routines: cramp-guard, hallegraeff-2012, two-minute"));
}

#[test]
fn show_invalid_file_exits_2() {
    let s = Sandbox::new();
    s.write_routine("bad", "name = 3\n");
    s.cmd().args(["routine", "show", "bad"]).assert().code(2).stderr(contains("bad.toml:1:8:"));
}

#[test]
fn check_shipped_routines_pass() {
    let mut args = vec!["routine".to_string(), "check".to_string()];
    for entry in std::fs::read_dir(repo_file("routines")).unwrap() {
        args.push(entry.unwrap().path().display().to_string());
    }
    assert!(args.len() >= 5);
    Sandbox::new().cmd().args(&args).assert().success().stdout(contains("ok (6 steps)"));
}

#[test]
fn check_invalid_shows_location_expected_and_line() {
    let s = Sandbox::new();
    let p = s.path("typo.toml");
    std::fs::write(&p, VALID.replace("hold", "hodl")).unwrap();
    s.cmd()
        .args(["routine", "check", p.to_str().unwrap()])
        .assert()
        .code(2)
        .stderr(contains(format!("{}:6:1: unknown field `hodl`, expected one of", p.display())))
        .stderr(contains("6 | hodl = \"20s\""))
        .stderr(contains("  | ^^^^"));
}

#[test]
fn check_hostile_files_never_panic() {
    let s = Sandbox::new();
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("empty", vec![]),
        ("garbage", vec![0xff, 0x00, 0x13, 0x37, 0xfe]),
        ("nested", format!("a = {}", "[".repeat(100_000)).into_bytes()),
        ("huge", vec![b'a'; 50 * 1024 * 1024]),
        ("latin1", b"name = \"caf\xe9\"".to_vec()),
    ];
    for (name, bytes) in cases {
        let p = s.path(&format!("{name}.toml"));
        std::fs::write(&p, bytes).unwrap();
        let out = s.cmd().args(["routine", "check", p.to_str().unwrap()]).assert().code(2).get_output().stderr.clone();
        let err = String::from_utf8_lossy(&out);
        assert!(err.contains(&format!("{}:", p.display())), "{name}: {err}");
        assert!(!err.contains("panicked"), "{name}: {err}");
    }
}

#[test]
fn check_missing_file_is_reported() {
    Sandbox::new()
        .cmd()
        .args(["routine", "check", "/nonexistent/x.toml"])
        .assert()
        .code(2)
        .stderr(contains("/nonexistent/x.toml:1:1: cannot read the file"));
}

#[test]
fn new_writes_a_valid_commented_starter_and_refuses_to_overwrite() {
    let s = Sandbox::new();
    s.cmd().args(["routine", "new", "evening"]).assert().success().stdout(contains("created"));
    let p = s.routines().join("evening.toml");
    let text = std::fs::read_to_string(&p).unwrap();
    assert!(text.contains("# "), "starter has comments");
    s.cmd().args(["routine", "check", p.to_str().unwrap()]).assert().success();
    s.cmd().args(["routine", "new", "evening"]).assert().code(1).stderr(contains("already exists"));
    assert_eq!(std::fs::read_to_string(&p).unwrap(), text);
}

#[test]
fn new_from_copies_with_comments() {
    let s = Sandbox::new();
    s.cmd().args(["routine", "new", "mine", "--from", "hallegraeff-2012"]).assert().success();
    let text = std::fs::read_to_string(s.routines().join("mine.toml")).unwrap();
    assert!(text.contains("J Physiother 2012"));
    s.cmd().args(["routine", "new", "other", "--from", "nope"]).assert().code(2);
}

#[test]
fn new_refuses_unsafe_names() {
    let s = Sandbox::new();
    for bad in ["../evil", "Has Space", "", "a/b", ".hidden", "UPPER"] {
        s.cmd().args(["routine", "new", bad]).assert().code(2).stderr(contains("cannot be a routine name"));
    }
    assert!(!s.routines().exists());
}

#[test]
fn path_prints_the_user_folder() {
    let s = Sandbox::new();
    s.cmd().args(["routine", "path"]).assert().success().stdout(format!("{}\n", s.routines().display()));
}

#[test]
fn config_dir_flag_beats_env() {
    let s = Sandbox::new();
    let other = s.path("other");
    s.cmd()
        .args(["--config-dir", other.to_str().unwrap(), "routine", "path"])
        .assert()
        .success()
        .stdout(format!("{}\n", other.join("routines").display()));
}

#[test]
fn edit_valid_save() {
    let s = Sandbox::new();
    let p = s.write_routine("mine", VALID);
    let new_text = s.path("new.toml");
    std::fs::write(&new_text, VALID.replace("20s", "45s")).unwrap();
    s.cmd()
        .args(["routine", "edit", "mine"])
        .env("EDITOR", format!("cp {}", new_text.display()))
        .assert()
        .success()
        .stdout(contains("ok (1 steps)"));
    assert!(std::fs::read_to_string(&p).unwrap().contains("45s"));
}

#[test]
fn edit_invalid_then_keep_previous() {
    let s = Sandbox::new();
    let p = s.write_routine("mine", VALID);
    let broken = s.path("broken.toml");
    std::fs::write(&broken, "name = \n").unwrap();
    s.cmd()
        .args(["routine", "edit", "mine"])
        .env("EDITOR", format!("cp {}", broken.display()))
        .write_stdin("k\n")
        .assert()
        .code(2)
        .stderr(contains("mine.toml:1:"))
        .stderr(contains("kept the previous version"));
    assert_eq!(std::fs::read_to_string(&p).unwrap(), VALID);
}

#[test]
fn edit_invalid_then_edit_again_and_fix() {
    let s = Sandbox::new();
    let p = s.write_routine("mine", VALID);
    // The editor breaks the file the first time and fixes it the second.
    let script = s.path("editor.sh");
    let fixed = VALID.replace("20s", "25s");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\nif [ -e {m} ]; then printf '%s' '{fixed}' > \"$1\"; else touch {m}; echo 'hold = ' > \"$1\"; fi\n",
            m = s.path("marker").display()
        ),
    )
    .unwrap();
    s.cmd()
        .args(["routine", "edit", "mine"])
        .env("VISUAL", format!("sh {}", script.display()))
        .write_stdin("e\n")
        .assert()
        .success();
    assert_eq!(std::fs::read_to_string(&p).unwrap(), fixed);
}

#[test]
fn edit_builtin_copies_first_and_invalid_edit_removes_the_copy() {
    let s = Sandbox::new();
    let good = s.path("good.toml");
    std::fs::write(&good, VALID).unwrap();
    s.cmd()
        .args(["routine", "edit", "two-minute"])
        .env("EDITOR", "true")
        .assert()
        .success()
        .stderr(contains("copied the built-in \"two-minute\""));
    let copy = s.routines().join("two-minute.toml");
    assert_eq!(
        std::fs::read_to_string(&copy).unwrap(),
        std::fs::read_to_string(repo_file("routines/two-minute.toml")).unwrap()
    );

    std::fs::remove_file(&copy).unwrap();
    s.cmd()
        .args(["routine", "edit", "two-minute"])
        .env("EDITOR", "sh -c 'echo broken > \"$0\"'")
        .write_stdin("")
        .assert()
        .code(2);
    assert!(!copy.exists(), "an abandoned edit of a built-in leaves no broken copy");
}

/// A failing editor, or a routines folder that cannot be made, is a failure
/// (exit 1) that says what failed and where.
#[test]
fn editor_and_write_failures_exit_1() {
    let s = Sandbox::new();
    let mine = s.write_routine("mine", VALID);
    s.cmd()
        .args(["routine", "edit", "mine"])
        .env("EDITOR", "false")
        .assert()
        .code(1)
        .stderr(contains(format!("the editor `false` failed (exit status: 1); {} is as it left it", mine.display())));
    assert_eq!(std::fs::read_to_string(&mine).unwrap(), VALID);

    let t = Sandbox::new();
    std::fs::create_dir_all(t.config()).unwrap();
    std::fs::write(t.routines(), "a file where the folder belongs").unwrap();
    t.cmd()
        .args(["routine", "new", "fresh"])
        .assert()
        .code(1)
        .stderr(contains(format!("cannot create {}: ", t.routines().display())));
}

#[test]
fn edit_unknown_routine() {
    Sandbox::new()
        .cmd()
        .args(["routine", "edit", "nope"])
        .env("EDITOR", "true")
        .assert()
        .code(2)
        .stderr(contains("known routines"));
}

#[test]
fn help_and_version() {
    let s = Sandbox::new();
    s.cmd().arg("--version").assert().success().stdout(contains("winddown 0.1.0"));
    for sub in ["list", "show", "check", "new", "edit", "path"] {
        s.cmd().args(["routine", sub, "--help"]).assert().success().stdout(contains("Usage: winddown routine"));
    }
    s.cmd().args(["routine", "list", "--bogus"]).assert().code(2).stderr(contains("unexpected argument"));
}

#[test]
fn run_needs_a_terminal_and_a_known_routine() {
    let s = Sandbox::new();
    s.cmd().args(["run"]).write_stdin("").assert().code(2).stderr(contains("the coach needs a terminal"));
    s.cmd()
        .args(["run", "nope"])
        .assert()
        .code(2)
        .stderr(contains("no routine named \"nope\"; known routines: cramp-guard"));
    s.cmd().args(["run", "--speed", "0"]).assert().code(2).stderr(contains("speed factor from 0.1 to 100"));
}

#[test]
fn config_path_show_and_check() {
    let s = Sandbox::new();
    let file = s.config().join("config.toml");
    s.cmd().args(["config", "path"]).assert().success().stdout(format!("{}\n", file.display()));
    s.cmd()
        .args(["config", "show"])
        .assert()
        .success()
        .stdout(contains("does not exist"))
        .stdout(contains("night_boundary = \"12:00\"   # default"));
    s.cmd().args(["config", "check"]).assert().success();
    std::fs::create_dir_all(s.config()).unwrap();
    std::fs::write(&file, "bell = false\nweek_start = \"sunday\"\n").unwrap();
    s.cmd()
        .args(["config", "show"])
        .assert()
        .success()
        .stdout(contains("bell = false\n"))
        .stdout(contains("week_start = \"sunday\"\n"))
        .stdout(contains("theme = \"auto\"   # default\n"));
    std::fs::write(&file, "bell = false\nnight_boundary = \"noon\"\n").unwrap();
    s.cmd()
        .args(["config", "check"])
        .assert()
        .code(2)
        .stderr(contains(format!("{}:2:18: night_boundary must be a time like \"12:00\"", file.display())));
    s.cmd()
        .args(["config", "show"])
        .assert()
        .success()
        .stdout(contains("bell = false\n"))
        .stdout(contains("night_boundary = \"12:00\"   # default: the file's value is not valid\n"));
    // Other commands still run, with a warning and the defaults.
    s.cmd().args(["routine", "path"]).assert().success().stderr(contains("warning")).stderr(contains(":2:18:"));
}

#[test]
fn config_problems_fall_back_one_key_at_a_time_and_are_all_reported() {
    let s = Sandbox::new();
    let file = s.config().join("config.toml");
    std::fs::create_dir_all(s.config()).unwrap();
    std::fs::write(&file, "bel = true\nweek_start = \"sunday\"\nbell = 3\nnight_boundary = \"25:00\"\n").unwrap();
    s.cmd()
        .args(["config", "show"])
        .assert()
        .success()
        .stdout(contains("week_start = \"sunday\"\n"))
        .stdout(contains("bell = true   # default: the file's value is not valid\n"))
        .stdout(contains("morning = \"04:00\"   # default\n"))
        .stdout(contains(format!("# ignored: {}:1:7: unknown key `bel`", file.display())));
    s.cmd()
        .args(["config", "check"])
        .assert()
        .code(2)
        .stderr(contains(format!("{}:1:7: unknown key `bel`", file.display())))
        .stderr(contains(format!("{}:3:8: bell must be true or false, found integer", file.display())))
        .stderr(contains(format!("{}:4:18: night_boundary must be a time", file.display())))
        .stderr(contains("3 problem(s) in the settings"));
}

#[test]
fn default_routine_from_settings_is_listed() {
    let s = Sandbox::new();
    std::fs::create_dir_all(s.config()).unwrap();
    std::fs::write(s.config().join("config.toml"), "default_routine = \"two-minute\"\n").unwrap();
    let out = s.cmd().args(["routine", "list", "--json"]).assert().success().get_output().stdout.clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let default: Vec<_> =
        v.as_array().unwrap().iter().filter(|e| e["default"] == true).map(|e| e["name"].clone()).collect();
    assert_eq!(default, vec![serde_json::json!("two-minute")]);
}

#[test]
fn completions_and_man_page() {
    let s = Sandbox::new();
    for shell in ["bash", "zsh", "fish"] {
        let out = s.cmd().args(["completions", shell]).assert().success().get_output().stdout.clone();
        let text = String::from_utf8(out).unwrap();
        // The script asks winddown itself (WINDDOWN_COMPLETE=SHELL winddown -- …), so it knows the routines.
        assert!(text.contains("winddown") && text.contains("COMPLETE"), "{shell}: {text}");
    }
    s.cmd().args(["completions", "tcsh"]).assert().code(2);
    s.cmd().arg("man").assert().success().stdout(contains(".TH winddown 1"));
}

#[test]
fn no_command_needs_a_terminal() {
    Sandbox::new().cmd().write_stdin("").assert().code(2).stderr(contains("winddown needs a terminal"));
}

/// `routine check NAME` checks the routine of that name (yours, or the
/// built-in one), as `routine show NAME` shows it; an unknown name exits 2.
#[test]
fn routine_check_takes_names_too() {
    let s = Sandbox::new();
    s.cmd().args(["routine", "new", "mine"]).assert().success();
    s.cmd()
        .args(["routine", "check", "mine", "cramp-guard"])
        .assert()
        .success()
        .stdout(contains("mine.toml: ok"))
        .stdout(contains("cramp-guard (built-in): ok"));
    s.cmd().args(["routine", "check", "nosuch"]).assert().code(2).stderr(contains("no routine named \"nosuch\""));
}
