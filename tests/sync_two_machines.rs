//! Two machines, one record: two data folders written by two processes with
//! different clocks, a simulated sync step that leaves each tool's conflict
//! copy, git with the merge driver, and SIGKILL during the fold-in.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use common::Sandbox;

/// One "machine": its own data folder and clock.
struct Machine {
    sandbox: Sandbox,
}

impl Machine {
    fn new() -> Machine {
        Machine { sandbox: Sandbox::new() }
    }

    fn journal(&self) -> PathBuf {
        self.sandbox.data().join("journal")
    }

    fn checkin(&self, now: &str, night: &str, cramps: u32) {
        self.sandbox
            .cmd()
            .env("WINDDOWN_NOW", now)
            .args(["checkin", "--night", night, "--cramps", &cramps.to_string()])
            .assert()
            .success();
    }

    /// Check-in answers by night, through `winddown export`.
    fn checkins(&self) -> BTreeMap<String, u64> {
        checkins_of(&self.sandbox.export())
    }
}

fn checkins_of(export: &serde_json::Value) -> BTreeMap<String, u64> {
    export["records"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["type"] == "checkin")
        .map(|r| (r["night"].as_str().unwrap().to_string(), r["cramps"].as_u64().unwrap()))
        .collect()
}

/// The files in `dir`, but the status file every write refreshes (derived).
fn names(dir: &Path) -> BTreeSet<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != winddown::journal::status::FILE_NAME)
        .collect()
}

/// What each tool names the losing side's copy of `2026-11.jsonl`.
const COPY_NAMES: [(&str, &str); 5] = [
    ("Syncthing", "2026-11.sync-conflict-20261125-081502-ABCDEFG.jsonl"),
    ("Dropbox", "2026-11 (Laptop's conflicted copy 2026-11-25).jsonl"),
    ("Nextcloud", "2026-11 (conflicted copy 2026-11-25 081502).jsonl"),
    ("ownCloud", "2026-11_conflict-20261125-081502.jsonl"),
    ("Resilio", "2026-11.Conflict.jsonl"),
];

/// Both machines write November, each on its own clock: the laptop nights
/// 1..=10 (even cramps), the desktop 11..=20, and night 21 on both, the same.
fn two_machines() -> (Machine, Machine) {
    let (laptop, desktop) = (Machine::new(), Machine::new());
    for day in 1..=10 {
        laptop.checkin(&format!("2026-11-{:02}T07:00:00+01:00", day + 1), &format!("2026-11-{day:02}"), 2);
        desktop.checkin(&format!("2026-11-{:02}T07:30:00+01:00", day + 11), &format!("2026-11-{:02}", day + 10), 1);
    }
    laptop.checkin("2026-11-22T07:00:00+01:00", "2026-11-21", 0);
    desktop.checkin("2026-11-22T07:00:00+01:00", "2026-11-21", 0);
    (laptop, desktop)
}

#[test]
fn each_tool_s_conflict_copy_merges_to_the_union_and_the_next_write_folds_it_in() {
    for (tool, copy) in COPY_NAMES {
        let (laptop, desktop) = two_machines();
        // The sync step: the laptop's month file wins, the desktop's arrives as a copy.
        std::fs::copy(desktop.journal().join("2026-11.jsonl"), laptop.journal().join(copy)).unwrap();
        let union = laptop.checkins();
        assert_eq!(union.len(), 21, "{tool}: every night of both machines");
        for day in 1..=21 {
            assert!(union.contains_key(&format!("2026-11-{day:02}")), "{tool}: night {day}");
        }
        let check: serde_json::Value = serde_json::from_slice(
            &laptop.sandbox.cmd().args(["journal", "check", "--json"]).assert().success().get_output().stdout,
        )
        .unwrap();
        assert_eq!(check["copies"][0]["file"], copy);
        assert_eq!(check["records"], 21);
        assert_eq!(check["contradictions"], 0, "{tool}: the same answer on both is one record");

        // The next write (another month) folds the copy into the month file.
        laptop.checkin("2026-12-02T07:00:00+01:00", "2026-12-01", 0);
        assert_eq!(names(&laptop.journal()), ["2026-11.jsonl", "2026-12.jsonl"].map(String::from).into());
        let after = laptop.checkins();
        assert_eq!(after.len(), 22);
        assert!(after.iter().all(|(n, c)| union.get(n).is_none_or(|u| u == c)), "{tool}: nothing changed");
    }
}

#[test]
fn two_answers_for_one_night_are_shown_and_the_user_picks() {
    let (laptop, desktop) = two_machines();
    laptop.checkin("2026-11-23T07:00:00+01:00", "2026-11-22", 0);
    desktop.checkin("2026-11-23T07:10:00+01:00", "2026-11-22", 4);
    std::fs::copy(desktop.journal().join("2026-11.jsonl"), laptop.journal().join(COPY_NAMES[0].1)).unwrap();

    let listed =
        laptop.sandbox.cmd().args(["journal", "resolve", "--json"]).assert().success().get_output().stdout.clone();
    let listed: serde_json::Value = serde_json::from_slice(&listed).unwrap();
    assert_eq!(listed.as_array().unwrap().len(), 1);
    assert_eq!(listed[0]["night"], "2026-11-22");
    assert_eq!(listed[0]["kind"], "checkin");
    assert_eq!(listed[0]["answers"][0]["cramps"], 0);
    assert_eq!(listed[0]["answers"][1]["cramps"], 4);
    let text = laptop.sandbox.cmd().args(["journal", "resolve"]).assert().success().get_output().stdout.clone();
    let text = String::from_utf8(text).unwrap();
    assert!(text.contains("The night of 2026-11-22, check-in: 2 different answers"), "{text}");
    assert!(text.contains("winddown journal resolve 2026-11-22 --kind checkin --pick N"), "{text}");

    // Writes in between keep both answers.
    laptop.checkin("2026-11-24T07:00:00+01:00", "2026-11-23", 0);
    let check = laptop.sandbox.cmd().args(["journal", "check"]).assert().success().get_output().stdout.clone();
    assert!(String::from_utf8_lossy(&check).contains("contradictions waiting for you: 1"));

    laptop.sandbox.cmd().args(["journal", "resolve", "2026-11-22", "--pick", "3"]).assert().code(2);
    laptop.sandbox.cmd().args(["journal", "resolve", "2026-11-21", "--pick", "1"]).assert().code(2);
    laptop.sandbox.cmd().args(["journal", "resolve", "2026-11-22", "--pick", "2"]).assert().success();
    assert_eq!(laptop.checkins()["2026-11-22"], 4);
    let listed =
        laptop.sandbox.cmd().args(["journal", "resolve", "--json"]).assert().success().get_output().stdout.clone();
    assert_eq!(serde_json::from_slice::<serde_json::Value>(&listed).unwrap(), serde_json::json!([]));
}

fn winddown(s: &Sandbox) -> Command {
    let mut c = Command::new(assert_cmd::cargo::cargo_bin("winddown"));
    c.env("WINDDOWN_CONFIG_DIR", s.config())
        .env("WINDDOWN_DATA_DIR", s.data())
        .env("WINDDOWN_NOW", "2027-01-02T07:00:00+00:00")
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    c
}

/// A small deterministic generator, so a failure can be replayed.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

#[test]
fn sigkill_during_the_fold_in_loses_nothing_and_duplicates_nothing() {
    let (laptop, desktop) = two_machines();
    // A contradiction too, so the other answers file is written in the fold-in.
    laptop.checkin("2026-11-23T07:00:00+01:00", "2026-11-22", 0);
    desktop.checkin("2026-11-23T07:10:00+01:00", "2026-11-22", 4);
    let month = std::fs::read(laptop.journal().join("2026-11.jsonl")).unwrap();
    let theirs = std::fs::read(desktop.journal().join("2026-11.jsonl")).unwrap();
    let s = &laptop.sandbox;
    let journal = laptop.journal();
    // Reading changes nothing: what the laptop sees with the copy beside its month file.
    reset(&journal, &month, &theirs);
    let expected = november(s);
    assert_eq!(expected.0.len(), 22);
    assert_eq!(expected.1, vec![0, 4]);
    let mut rng = Lcg(11);
    let mut times: Vec<u128> = (0..3)
        .map(|_| {
            reset(&journal, &month, &theirs);
            let t = std::time::Instant::now();
            assert!(
                winddown(s).args(["checkin", "--night", "2027-01-01", "--cramps", "0"]).status().unwrap().success()
            );
            t.elapsed().as_micros()
        })
        .collect();
    times.sort();
    let window = (times[1] * 3 / 2).max(500) as u64;
    let mut killed = 0;
    for _ in 0..60 {
        reset(&journal, &month, &theirs);
        let mut child = winddown(s).args(["checkin", "--night", "2027-01-01", "--cramps", "0"]).spawn().unwrap();
        std::thread::sleep(Duration::from_micros(rng.next() % window));
        if child.kill().is_ok() {
            killed += 1;
        }
        child.wait().unwrap();
        // Whatever the kill left, November reads the same: every night, and both answers for the 22nd.
        let (nights, answers) = november(s);
        assert_eq!(nights, expected.0, "after a kill: {:?}", names(&journal));
        assert_eq!(answers, expected.1, "after a kill: {:?}", names(&journal));
        // And the next write finishes the job.
        assert!(winddown(s).args(["checkin", "--night", "2027-01-01", "--cramps", "0"]).status().unwrap().success());
        assert_eq!(november(s), expected);
        assert!(
            !names(&journal).iter().any(|n| n.contains("conflict") || n.ends_with(".tmp")),
            "{:?}",
            names(&journal)
        );
    }
    assert!(killed > 10, "the test must actually kill writers ({killed} killed)");
}

fn reset(journal: &Path, month: &[u8], theirs: &[u8]) {
    for name in names(journal) {
        if name.starts_with("2026-11") || name.starts_with("2027-01") {
            std::fs::remove_file(journal.join(name)).unwrap();
        }
    }
    std::fs::write(journal.join("2026-11.jsonl"), month).unwrap();
    std::fs::write(journal.join(COPY_NAMES[1].1), theirs).unwrap();
}

/// November's check-ins as they stand, and every answer for the night of the 22nd.
fn november(s: &Sandbox) -> (BTreeMap<String, u64>, Vec<u64>) {
    let mut nights = checkins_of(&s.export());
    nights.retain(|n, _| n.starts_with("2026-11"));
    let listed = s.cmd().args(["journal", "resolve", "--json"]).assert().success().get_output().stdout.clone();
    let listed: serde_json::Value = serde_json::from_slice(&listed).unwrap();
    let mut answers: Vec<u64> = listed
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["night"] == "2026-11-22")
        .flat_map(|c| c["answers"].as_array().unwrap().iter().map(|a| a["cramps"].as_u64().unwrap()))
        .collect();
    answers.sort();
    (nights, answers)
}

fn git(dir: &Path, args: &[&str]) -> std::process::Output {
    let out = Command::new("git")
        .current_dir(dir)
        .args(args)
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@example.org")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@example.org")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir)
        .output()
        .unwrap();
    assert!(out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    out
}

/// A clone whose data folder is the work tree, set up as the README says.
fn clone(origin: &Path, to: &Path) {
    git(to.parent().unwrap(), &["clone", "-q", origin.to_str().unwrap(), to.to_str().unwrap()]);
    let driver = format!("{} journal merge-driver %O %A %B %P", assert_cmd::cargo::cargo_bin("winddown").display());
    git(to, &["config", "merge.winddown.name", "winddown journal"]);
    git(to, &["config", "merge.winddown.driver", &driver]);
    git(to, &["config", "pull.rebase", "false"]);
}

#[test]
fn git_pull_with_the_merge_driver_keeps_every_night_of_both_clones() {
    let root = tempfile::tempdir().unwrap();
    let origin = root.path().join("origin.git");
    git(root.path(), &["init", "-q", "--bare", "-b", "main", origin.to_str().unwrap()]);
    let (a, b) = (root.path().join("laptop"), root.path().join("desktop"));
    clone(&origin, &a);
    std::fs::write(a.join(".gitattributes"), "journal/*.jsonl merge=winddown\n").unwrap();
    std::fs::write(a.join(".gitignore"), ".winddown-*\n").unwrap();
    let at = |dir: &Path, now: &str, night: &str, cramps: u32| {
        let mut c = assert_cmd::Command::cargo_bin("winddown").unwrap();
        c.env("WINDDOWN_DATA_DIR", dir)
            .env("WINDDOWN_CONFIG_DIR", root.path().join("config"))
            .env("WINDDOWN_NOW", now)
            .args(["checkin", "--night", night, "--cramps", &cramps.to_string()])
            .assert()
            .success();
    };
    at(&a, "2026-11-02T07:00:00+01:00", "2026-11-01", 1);
    git(&a, &["add", "-A"]);
    git(&a, &["commit", "-qm", "first night"]);
    git(&a, &["push", "-q", "origin", "HEAD:main"]);
    clone(&origin, &b);
    for day in 2..=6 {
        at(&a, &format!("2026-11-{:02}T07:00:00+01:00", day + 1), &format!("2026-11-{day:02}"), 2);
        at(&b, &format!("2026-11-{:02}T07:30:00+01:00", day + 6), &format!("2026-11-{:02}", day + 5), 3);
    }
    // The same night edited on both sides, the same way: one record.
    at(&a, "2026-11-13T07:00:00+01:00", "2026-11-01", 0);
    at(&b, "2026-11-13T07:00:00+01:00", "2026-11-01", 0);
    git(&a, &["add", "-A"]);
    git(&a, &["commit", "-qm", "laptop nights"]);
    git(&a, &["push", "-q", "origin", "HEAD:main"]);
    git(&b, &["add", "-A"]);
    git(&b, &["commit", "-qm", "desktop nights"]);
    git(&b, &["pull", "-q", "--no-edit", "origin", "main"]);

    let text = std::fs::read_to_string(b.join("journal/2026-11.jsonl")).unwrap();
    assert!(!text.contains("<<<<<<<") && !text.contains(">>>>>>>"), "{text}");
    assert_eq!(git(&b, &["status", "--porcelain"]).stdout, b"", "a clean merge");
    let mut c = assert_cmd::Command::cargo_bin("winddown").unwrap();
    let out = c.env("WINDDOWN_DATA_DIR", &b).arg("export").assert().success().get_output().stdout.clone();
    let nights = checkins_of(&serde_json::from_slice(&out).unwrap());
    let expected: BTreeMap<String, u64> = (1..=11)
        .map(|d| {
            (
                format!("2026-11-{d:02}"),
                if d == 1 {
                    0
                } else if d <= 6 {
                    2
                } else {
                    3
                },
            )
        })
        .collect();
    assert_eq!(nights, expected);

    // The laptop pulls the merge: a fast-forward, the same record.
    git(&b, &["push", "-q", "origin", "HEAD:main"]);
    git(&a, &["pull", "-q", "--no-edit", "origin", "main"]);
    assert_eq!(std::fs::read(a.join("journal/2026-11.jsonl")).unwrap(), text.into_bytes());
}

#[test]
fn git_merge_driver_keeps_both_answers_when_both_sides_changed_a_night() {
    let root = tempfile::tempdir().unwrap();
    let origin = root.path().join("origin.git");
    git(root.path(), &["init", "-q", "--bare", "-b", "main", origin.to_str().unwrap()]);
    let (a, b) = (root.path().join("laptop"), root.path().join("desktop"));
    clone(&origin, &a);
    std::fs::write(a.join(".gitattributes"), "journal/*.jsonl merge=winddown\n").unwrap();
    let at = |dir: &Path, now: &str, cramps: u32| {
        let mut c = assert_cmd::Command::cargo_bin("winddown").unwrap();
        c.env("WINDDOWN_DATA_DIR", dir)
            .env("WINDDOWN_CONFIG_DIR", root.path().join("config"))
            .env("WINDDOWN_NOW", now)
            .args(["checkin", "--night", "2026-11-01", "--cramps", &cramps.to_string()])
            .assert()
            .success();
    };
    at(&a, "2026-11-02T07:00:00+01:00", 1);
    git(&a, &["add", "-A"]);
    git(&a, &["commit", "-qm", "first"]);
    git(&a, &["push", "-q", "origin", "HEAD:main"]);
    clone(&origin, &b);
    at(&a, "2026-11-02T08:00:00+01:00", 2);
    at(&b, "2026-11-02T08:10:00+01:00", 5);
    git(&a, &["commit", "-qam", "laptop"]);
    git(&a, &["push", "-q", "origin", "HEAD:main"]);
    git(&b, &["commit", "-qam", "desktop"]);
    git(&b, &["pull", "-q", "--no-edit", "origin", "main"]);
    let mut c = assert_cmd::Command::cargo_bin("winddown").unwrap();
    let out = c.env("WINDDOWN_DATA_DIR", &b).args(["journal", "resolve", "--json"]).assert().success();
    let listed: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let answers: Vec<_> =
        listed[0]["answers"].as_array().unwrap().iter().map(|a| a["cramps"].as_u64().unwrap()).collect();
    assert_eq!(answers, vec![5, 2], "ours stands, theirs waits: {listed}");
}

#[test]
fn merge_driver_keeps_every_other_answer_and_refuses_other_files() {
    let dir = tempfile::tempdir().unwrap();
    let line = |cramps: u32| {
        format!(
            "{{\"type\":\"checkin\",\"night\":\"2026-11-01\",\"recorded\":\"2026-11-02T07:00:00+01:00\",\"cramps\":{cramps},\"red_flags\":{{\"one_leg_swollen\":false,\"lasting_numbness\":false}}}}\n"
        )
    };
    let header = "{\"winddown\":\"journal\",\"version\":1}\n";
    let base = dir.path().join("base");
    let ours = dir.path().join("ours");
    let theirs = dir.path().join("theirs");
    std::fs::write(&base, "").unwrap();
    std::fs::write(&ours, format!("{header}{}", line(1))).unwrap();
    std::fs::write(&theirs, format!("{header}{}{}", line(2), line(1))).unwrap();
    let mut c = assert_cmd::Command::cargo_bin("winddown").unwrap();
    c.current_dir(dir.path())
        .args(["journal", "merge-driver", "base", "ours", "theirs", "journal/2026-11.contested.jsonl"])
        .assert()
        .success();
    let merged = std::fs::read_to_string(&ours).unwrap();
    assert_eq!(merged, format!("{header}{}{}", line(1), line(2)), "other answers are all kept, each once");

    let mut c = assert_cmd::Command::cargo_bin("winddown").unwrap();
    c.current_dir(dir.path()).args(["journal", "merge-driver", "base", "ours", "theirs", "notes.txt"]).assert().code(2);
    assert_eq!(std::fs::read_to_string(&ours).unwrap(), merged, "left as it was");
    std::fs::write(&theirs, "not a journal\n").unwrap();
    let mut c = assert_cmd::Command::cargo_bin("winddown").unwrap();
    c.current_dir(dir.path())
        .args(["journal", "merge-driver", "base", "ours", "theirs", "journal/2026-11.jsonl"])
        .assert()
        .code(1);
    assert_eq!(std::fs::read_to_string(&ours).unwrap(), merged, "a side that does not read leaves ours as it was");
}

#[test]
fn journal_check_reports_an_unreadable_copy_and_fails() {
    let m = Machine::new();
    m.checkin("2026-11-02T07:00:00+01:00", "2026-11-01", 1);
    std::fs::write(m.journal().join(COPY_NAMES[0].1), "garbage\n").unwrap();
    let out = m.sandbox.cmd().args(["journal", "check"]).assert().code(1).get_output().stdout.clone();
    let out = String::from_utf8(out).unwrap();
    assert!(out.contains("unreadable: ") && out.contains("sync-conflict"), "{out}");
    assert!(out.contains("conflict copies: 0"), "{out}");
}
