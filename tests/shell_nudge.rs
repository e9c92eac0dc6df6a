//! The evening nudge in a real interactive bash (and zsh where installed) in a
//! pseudo-terminal, with a pinned clock; and `winddown remind` with a fake
//! notify-send on PATH.

mod common;

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::Sandbox;
use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use predicates::str::contains;

const NUDGE: &str = "winddown: tonight's routine isn't done — `winddown run` (5 min)";
const EVENING: &str = "2026-11-24T21:00:00+01:00";

struct Shell {
    parser: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    _master: Box<dyn portable_pty::MasterPty + Send>,
}

impl Shell {
    /// `program args…` in a 100×30 pty with the sandbox's dirs and the clock at `now`.
    fn spawn(s: &Sandbox, now: &str, program: &str, args: &[&str]) -> Shell {
        let pair =
            native_pty_system().openpty(PtySize { rows: 30, cols: 100, pixel_width: 0, pixel_height: 0 }).unwrap();
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.env("WINDDOWN_CONFIG_DIR", s.config());
        cmd.env("WINDDOWN_DATA_DIR", s.data());
        cmd.env("WINDDOWN_NOW", now);
        cmd.env("WINDDOWN_BIN", assert_cmd::cargo::cargo_bin("winddown"));
        cmd.env("TERM", "xterm-256color");
        cmd.env("HOME", s.dir.path());
        cmd.env("ZDOTDIR", s.dir.path());
        cmd.cwd(s.dir.path());
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        let raw = Arc::new(Mutex::new(Vec::new()));
        let parser = Arc::new(Mutex::new(vt100::Parser::new(30, 100, 0)));
        let mut reader = pair.master.try_clone_reader().unwrap();
        let (p, r) = (Arc::clone(&parser), Arc::clone(&raw));
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                p.lock().unwrap().process(&buf[..n]);
                r.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        let writer = pair.master.take_writer().unwrap();
        Shell { parser, raw, writer, child, _master: pair.master }
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.raw.lock().unwrap()).into_owned()
    }

    fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Waits until `text` is in the output (or, for full-screen apps, on the screen).
    fn wait_for(&self, text: &str, secs: u64) {
        let end = Instant::now() + Duration::from_secs(secs * 3);
        while Instant::now() < end {
            if self.text().contains(text) || self.screen().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("timed out waiting for {text:?}; screen:\n{}", self.screen());
    }

    fn send(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).unwrap();
        self.writer.flush().unwrap();
    }

    /// Runs a line and waits until the marker it echoes (assembled at run
    /// time, so the typed line itself does not match) is printed.
    fn run(&mut self, line: &str, n: u32) {
        self.send(format!("{line}; echo M{n}''K\n").as_bytes());
        self.wait_for(&format!("M{n}K"), 20);
    }

    fn nudges(&self) -> usize {
        self.text().matches(NUDGE).count()
    }

    fn exit(mut self) {
        self.send(b"exit\n");
        let end = Instant::now() + Duration::from_secs(10);
        while Instant::now() < end {
            if self.child.try_wait().unwrap().is_some() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One evening in an interactive shell whose start-up file holds the `init` line.
fn evening_session(program: &str, args: &[&str], rc_name: &str, rc: &str) {
    let s = Sandbox::new();
    std::fs::write(s.path(rc_name), rc).unwrap();
    let mut sh = Shell::spawn(&s, EVENING, program, args);
    sh.run("echo ready", 1);
    // The first prompt of the evening nudges; the next prompts in the hour do not.
    assert_eq!(sh.nudges(), 1, "{}", sh.text());
    sh.run("echo again", 2);
    sh.run("echo and again", 3);
    assert_eq!(sh.nudges(), 1, "{}", sh.text());
    // An hour and a half later, still not done: one more line.
    sh.run("export WINDDOWN_NOW=2026-11-24T22:30:00+01:00", 4);
    assert_eq!(sh.nudges(), 2, "{}", sh.text());
    // The routine, run for real (ten times faster); then the prompt stays quiet,
    // even two hours later.
    sh.send(b"\"$WINDDOWN_BIN\" run two-minute --speed 20\n");
    sh.wait_for("press Enter when done", 40);
    sh.send(b"\r");
    sh.wait_for("Routine complete", 20);
    sh.send(b"\r");
    sh.wait_for("Recorded for the night of", 20);
    sh.run("export WINDDOWN_NOW=2026-11-25T00:45:00+01:00", 5);
    sh.run("echo late", 6);
    assert_eq!(sh.nudges(), 2, "{}", sh.screen());
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
    assert_eq!(sh.nudges(), 0);
    // The hook itself: quiet when its output is not a terminal.
    s.cmd().env("WINDDOWN_NOW", EVENING).arg("prompt").assert().success().stdout("");
    // In a terminal, quiet in the afternoon and when turned off.
    let sh = Shell::spawn(&s, "2026-11-24T15:00:00+01:00", "sh", &["-c", "\"$WINDDOWN_BIN\" prompt; echo D''ONE"]);
    sh.wait_for("DONE", 20);
    assert_eq!(sh.nudges(), 0, "{}", sh.text());
    std::fs::create_dir_all(s.config()).unwrap();
    std::fs::write(s.config().join("config.toml"), "nudge = false\n").unwrap();
    let sh = Shell::spawn(&s, EVENING, "sh", &["-c", "\"$WINDDOWN_BIN\" prompt; echo D''ONE"]);
    sh.wait_for("DONE", 20);
    assert_eq!(sh.nudges(), 0, "{}", sh.text());
    // Turned back on, and the evening: it speaks.
    std::fs::write(s.config().join("config.toml"), "nudge_from = \"20:30\"\n").unwrap();
    let sh = Shell::spawn(&s, EVENING, "sh", &["-c", "\"$WINDDOWN_BIN\" prompt; echo D''ONE"]);
    sh.wait_for("DONE", 20);
    assert_eq!(sh.nudges(), 1, "{}", sh.text());
}

#[test]
fn a_rest_night_silences_the_nudge() {
    let s = Sandbox::new();
    s.cmd().env("WINDDOWN_NOW", EVENING).args(["rest", "--reason", "travel"]).assert().success();
    let sh = Shell::spawn(&s, EVENING, "sh", &["-c", "\"$WINDDOWN_BIN\" prompt; echo D''ONE"]);
    sh.wait_for("DONE", 20);
    assert_eq!(sh.nudges(), 0, "{}", sh.text());
}

/// A fake notify-send that writes its arguments to a file.
fn fake_notifier(s: &Sandbox) -> (std::path::PathBuf, std::path::PathBuf) {
    use std::os::unix::fs::PermissionsExt;
    let bin = s.path("bin");
    std::fs::create_dir_all(&bin).unwrap();
    let log = s.path("notified.txt");
    let script = bin.join("notify-send");
    std::fs::write(&script, format!("#!/bin/sh\nprintf '%s\\n' \"$@\" >> '{}'\n", log.display())).unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
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
