//! `winddown cue test`: what was found, what to install, every cue played once.

mod common;

use common::Sandbox;
use predicates::str::contains;

/// A fake program in `<sandbox>/bin` that logs its arguments to `<sandbox>/<name>.log`.
fn fake(s: &Sandbox, name: &str) {
    let log = s.path(&format!("{name}.log"));
    s.program(name, &format!("#!/bin/sh\necho \"$*\" >> '{}'\n", log.display()));
}

/// PATH holding only the sandbox's fakes, so a real espeak-ng on the machine
/// never wins (the fakes need no PATH: /bin/sh and echo).
fn path(s: &Sandbox) -> String {
    s.path("bin").display().to_string()
}

#[test]
fn with_nothing_installed_it_says_what_to_install() {
    let s = Sandbox::new();
    std::fs::create_dir_all(s.path("bin")).unwrap();
    s.cmd()
        .args(["cue", "test", "--silent"])
        .env("PATH", path(&s))
        .assert()
        .success()
        .stdout(contains("speech: none found on PATH; install one: `sudo apt install espeak-ng`"))
        .stdout(contains("sounds: none found on PATH"))
        .stdout(contains("bell:   rings instead of the sounds"));
}

#[test]
fn it_names_the_programs_found_and_plays_every_cue_once() {
    let s = Sandbox::new();
    fake(&s, "spd-say");
    fake(&s, "paplay");
    s.cmd()
        .args(["cue", "test"])
        .env("PATH", path(&s))
        .assert()
        .success()
        .stdout(contains("speech: spd-say ("))
        .stdout(contains("sounds: paplay ("))
        .stdout(contains("\"Switch: right leg.\"  [switch sound]"));
    let said = std::fs::read_to_string(s.path("spd-say.log")).unwrap();
    assert!(said.lines().all(|l| l.starts_with("-w -P text -- ")), "{said}");
    for line in ["Wall calf stretch. Left leg.", "Rest. Rep 2 of 2 next.", "Routine complete. Good night."] {
        assert_eq!(said.matches(line).count(), 1, "{line:?} in {said}");
    }
    let played = std::fs::read_to_string(s.path("paplay.log")).unwrap();
    assert_eq!(played.lines().count(), 4, "{played}");
    for sound in ["start", "tick", "switch", "end"] {
        assert!(played.contains(&format!("winddown-{sound}-")), "{sound} in {played}");
    }
}

#[test]
fn settings_turn_them_off_or_name_a_command_and_json_says_so() {
    let s = Sandbox::new();
    fake(&s, "espeak-ng");
    std::fs::create_dir_all(s.config()).unwrap();
    std::fs::write(s.config().join("config.toml"), "voice = \"off\"\nsound = \"my-player --soft\"\nquiet = true\n")
        .unwrap();
    let out = s
        .cmd()
        .args(["cue", "test", "--silent", "--json"])
        .env("PATH", path(&s))
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["voice"]["setting"], "off");
    assert_eq!(v["voice"]["program"], serde_json::Value::Null);
    assert_eq!(v["sound"]["program"], "my-player --soft");
    assert_eq!(v["quiet"], true);
    assert!(!s.path("espeak-ng.log").exists());
    s.cmd()
        .args(["config", "show"])
        .assert()
        .success()
        .stdout(contains("voice = \"off\""))
        .stdout(contains("sound = \"my-player --soft\""))
        .stdout(contains("quiet = true"));
}

#[test]
fn routine_show_gives_a_steps_own_words() {
    let s = Sandbox::new();
    let text = format!("{}say = \"Calf, left leg first\"\n", common::VALID);
    s.write_routine("mine", &text);
    s.cmd().args(["routine", "show", "mine"]).assert().success().stdout(contains("    Says: Calf, left leg first\n"));
    let out = s.cmd().args(["routine", "show", "mine", "--json"]).assert().success().get_output().stdout.clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["steps"][0]["say"], "Calf, left leg first");
    // A bad one is refused with its place, like every other key.
    s.write_routine("bad", &format!("{}say = \"\"\n", common::VALID));
    s.cmd()
        .args(["routine", "check", s.routines().join("bad.toml").to_str().unwrap()])
        .assert()
        .code(2)
        .stderr(contains("bad.toml:8:7: say must not be empty"));
}
