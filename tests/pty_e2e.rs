//! The real binary in a real pseudo-terminal: a whole routine at --speed, a
//! resize to 20×6, and SIGTERM / SIGHUP mid-run. vt100 reads the screen.

mod common;

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::Sandbox;
use common::pty::Pty;
use portable_pty::{CommandBuilder, PtySize, native_pty_system};

fn export(s: &Sandbox) -> serde_json::Value {
    s.export()
}

/// After winddown exits, the same shell prints the terminal settings: raw mode must be off.
const THEN_STTY: &str = "; echo EXIT=$?; stty -a | tr ' ' '\\n' | grep -x -e icanon -e echo -e -icanon -e -echo | tr '\\n' ' '; echo; sleep 1";

#[test]
fn whole_routine_at_speed_then_journal() {
    let s = Sandbox::new();
    let cues = s.path("cues.log");
    std::fs::create_dir_all(s.config()).unwrap();
    std::fs::write(
        s.config().join("config.toml"),
        format!("cue_command = 'echo \"$WINDDOWN_EVENT $WINDDOWN_STEP\" >> {}'\n", cues.display()),
    )
    .unwrap();
    let mut p = Pty::sh(&s, &format!("\"$WINDDOWN_BIN\" run two-minute --speed 20{THEN_STTY}"));
    p.wait_for("Wall calf stretch", 10);
    p.wait_for("press Enter when done", 20);
    p.send(b"\r");
    p.wait_for("Routine complete", 10);
    p.send(b"\r");
    p.wait_for("EXIT=0", 10);
    p.wait_for("icanon echo", 5);
    assert!(p.text().contains("\x1b[?1049l"), "left the alternate screen");
    let v = export(&s);
    let run = &v["records"][0];
    assert_eq!(run["type"], "run");
    assert_eq!(run["speed"], 20.0);
    assert_eq!(run["finished"], true);
    assert!(run["steps"].as_array().unwrap().iter().all(|st| st["outcome"] == "done"), "{run}");
    // The cue command ran for each cue, with the event and the step in its environment.
    let log = std::fs::read_to_string(&cues).unwrap();
    for line in [
        "hold-start Wall calf stretch",
        "side-switch Wall calf stretch",
        "step-end Standing hamstring stretch",
        "routine-end Drink a glass of water",
    ] {
        assert!(log.contains(line), "{line:?} missing from:\n{log}");
    }
}

#[test]
fn resize_to_tiny_and_back() {
    let s = Sandbox::new();
    let mut p = Pty::sh(&s, &format!("\"$WINDDOWN_BIN\" run cramp-guard{THEN_STTY}"));
    p.wait_for("GET READY", 10);
    p.resize(20, 6);
    p.wait_for("Make the window", 5);
    // Only q and Esc are offered there: another key does nothing (`n` would skip the step).
    p.send(b"n");
    std::thread::sleep(std::time::Duration::from_millis(300));
    p.resize(80, 24);
    p.wait_for("Wall calf stretch", 5);
    p.send(b"q");
    p.wait_for("Quit and save progress?", 5);
    p.send(b"\r");
    p.wait_for("EXIT=0", 10);
    p.wait_exit(10);
}

/// A terminating signal from outside, mid-hold of the second step: the run is
/// saved with the first step done, the terminal is left as it was found
/// (main screen, cursor shown, cooked mode) and the exit status is 128 + signo.
fn signal_mid_run(signal: i32, name: &str) {
    let s = Sandbox::new();
    let mut p = Pty::sh(&s, &format!("\"$WINDDOWN_BIN\" run two-minute --speed 10{THEN_STTY}"));
    p.wait_for("Standing hamstring stretch", 10);
    // Wait for the first step to be over (and saved) and the second one's hold, then the signal.
    p.wait_for("step 2 of 3", 10);
    p.wait_for("HOLD", 10);
    // Let the hold run a moment (3 s at ten times speed) so there is something to keep.
    std::thread::sleep(Duration::from_millis(300));
    let pid = p.winddown_pid();
    // SAFETY: kill(2) on a pid we just read from /proc; no memory is involved.
    assert_eq!(unsafe { libc::kill(pid, signal) }, 0);
    p.wait_for(&format!("EXIT={}", 128 + signal), 10);
    p.wait_for("icanon echo", 5);
    let raw = p.text();
    // After the last time the alternate screen was entered: left again, cursor shown.
    let last_enter = raw.rfind("\x1b[?1049h").expect("entered the alternate screen");
    let after = &raw[last_enter..];
    assert!(after.contains("\x1b[?1049l"), "left the alternate screen");
    assert!(after.contains("\x1b[?25h"), "showed the cursor");
    assert!(p.restored(), "cursor hidden or still on the alternate screen at the end");
    assert!(raw.contains(&format!("stopped by {name}; progress saved")), "{raw}");
    let v = export(&s);
    let run = &v["records"][0];
    assert_eq!(run["finished"], true);
    assert_eq!(run["steps"][0]["outcome"], "done");
    // The step in progress is kept as far as it went.
    assert_ne!(run["steps"][1]["outcome"], "not-reached", "{run}");
    assert!(run["steps"][1]["held_s"]["left"].as_f64().is_some_and(|h| h > 0.0), "{run}");
    p.wait_exit(10);
}

#[test]
fn sigint_mid_run_restores_and_saves() {
    signal_mid_run(libc::SIGINT, "SIGINT");
}

#[test]
fn sigquit_mid_run_restores_and_saves() {
    signal_mid_run(libc::SIGQUIT, "SIGQUIT");
}

#[test]
fn sigterm_mid_run_restores_and_saves() {
    signal_mid_run(libc::SIGTERM, "SIGTERM");
}

#[test]
fn sighup_mid_run_restores_and_saves() {
    signal_mid_run(libc::SIGHUP, "SIGHUP");
}

#[test]
fn checkin_through_the_form() {
    let s = Sandbox::new();
    let mut p = Pty::sh(&s, &format!("WINDDOWN_NOW=2026-11-24T07:10:00+01:00 \"$WINDDOWN_BIN\" checkin{THEN_STTY}"));
    p.wait_for("Any leg cramps last night?", 10);
    p.send(b"y");
    p.wait_for("How many?", 5);
    p.send(b"2\t6");
    p.send(b"\x13"); // Ctrl-S
    p.wait_for("2 cramp(s), worst 6/10", 5);
    p.send(b"\r");
    p.wait_for("EXIT=0", 10);
    p.wait_for("icanon echo", 5);
    let v = export(&s);
    let c = &v["records"][0];
    assert_eq!(
        (c["type"].as_str(), c["night"].as_str(), c["cramps"].as_u64(), c["pain"].as_u64()),
        (Some("checkin"), Some("2026-11-23"), Some(2), Some(6))
    );
}

#[test]
fn closed_terminal_saves_and_exits() {
    // Our own reader on a dup of the master, so that every handle on the master
    // can be closed: that is what a closed terminal window does.
    let s = Sandbox::new();
    let pair = native_pty_system().openpty(PtySize { rows: 24, cols: 80, pixel_width: 0, pixel_height: 0 }).unwrap();
    let mut cmd = CommandBuilder::new(assert_cmd::cargo::cargo_bin("winddown"));
    cmd.args(["run", "two-minute", "--speed", "10"]);
    cmd.env("WINDDOWN_CONFIG_DIR", s.config());
    cmd.env("WINDDOWN_DATA_DIR", s.data());
    cmd.env("TERM", "xterm-256color");
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);
    // SAFETY: dup of a valid fd we own.
    let fd = unsafe { libc::dup(pair.master.as_raw_fd().unwrap()) };
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let screen = Arc::new(Mutex::new(vt100::Parser::new(24, 80, 0)));
    let (stop2, screen2) = (Arc::clone(&stop), Arc::clone(&screen));
    let reader = std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while !stop2.load(std::sync::atomic::Ordering::Relaxed) {
            let mut p = libc::pollfd { fd, events: libc::POLLIN, revents: 0 };
            // SAFETY: one pollfd on the stack; read into a stack buffer of its length.
            if unsafe { libc::poll(&mut p, 1, 50) } > 0 {
                let n = unsafe { libc::read(fd, buf.as_mut_ptr().cast(), buf.len()) };
                if n <= 0 {
                    break;
                }
                screen2.lock().unwrap().process(&buf[..n as usize]);
            }
        }
        // SAFETY: closing the fd this thread dup'ed.
        unsafe { libc::close(fd) };
    });
    let end = Instant::now() + Duration::from_secs(10);
    while !screen.lock().unwrap().screen().contents().contains("step 2 of 3") {
        assert!(Instant::now() < end, "the run did not reach step 2");
        std::thread::sleep(Duration::from_millis(50));
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    reader.join().unwrap();
    drop(pair.master);
    // The process must end (not spin on a dead terminal) and keep what was done.
    let end = Instant::now() + Duration::from_secs(5);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(Instant::now() < end, "winddown still running after its terminal closed");
        std::thread::sleep(Duration::from_millis(50));
    };
    // A closed terminal is a hang-up: 128 + SIGHUP.
    assert_eq!(status.exit_code(), 129);
    let v = export(&s);
    assert_eq!(v["records"][0]["steps"][0]["outcome"], "done");
    assert_eq!(v["records"][0]["finished"], true);
}

#[test]
fn ctrl_z_suspends_restores_and_comes_back_paused() {
    let s = Sandbox::new();
    let mut p = Pty::sh(&s, &format!("\"$WINDDOWN_BIN\" run two-minute{THEN_STTY}"));
    p.wait_for("GET READY", 10);
    p.send(b"\r"); // start the hold now
    p.wait_for("HOLD", 5);
    let pid = p.winddown_pid();
    let before = p.text().len();
    p.send(b"\x1a"); // Ctrl-Z
    // From a job-control shell it stops until `fg`; here (no job control) the
    // stop signal may be discarded by the kernel. Either way it must come back.
    let end = Instant::now() + Duration::from_secs(10);
    while !p.text()[before..].contains("\x1b[?1049l") {
        assert!(Instant::now() < end, "the terminal was not restored on Ctrl-Z");
        std::thread::sleep(Duration::from_millis(20));
    }
    std::thread::sleep(Duration::from_millis(300));
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    if status.contains("State:\tT") {
        // SAFETY: kill(2) with SIGCONT on the pid read from /proc.
        assert_eq!(unsafe { libc::kill(pid, libc::SIGCONT) }, 0);
    }
    p.wait_for("PAUSED", 10);
    p.send(b"q");
    p.wait_for("Quit and save progress?", 5);
    p.send(b"\r");
    p.wait_for("EXIT=0", 10);
}

/// `week_start` reaches the history screen opened from the command line
/// (the same constructor serves the `h` from the coach's and the check-in's summaries).
#[test]
fn history_from_the_command_line_follows_week_start() {
    let s = Sandbox::new();
    std::fs::create_dir_all(s.config()).unwrap();
    std::fs::write(s.config().join("config.toml"), "week_start = \"sunday\"\n").unwrap();
    let mut p = Pty::sh(&s, &format!("WINDDOWN_NOW=2026-11-24T07:10:00+01:00 \"$WINDDOWN_BIN\" history{THEN_STTY}"));
    p.wait_for("Su   Mo   Tu   We   Th   Fr   Sa", 10);
    p.send(b"q");
    p.wait_for("EXIT=0", 10);
}

/// "routine 12% · 1m 32s left" on the coach screen, in seconds.
fn seconds_left(screen: &str) -> u64 {
    let line = screen.lines().find(|l| l.contains(" left")).unwrap_or_else(|| panic!("no time left shown:\n{screen}"));
    let part = line.split('·').find(|p| p.contains(" left")).unwrap();
    let text = part[..part.find(" left").unwrap()].trim();
    humantime::parse_duration(&text.replace(' ', "")).unwrap_or_else(|e| panic!("{text:?}: {e}")).as_secs()
}

#[test]
fn a_stop_from_outside_pauses_the_hold() {
    let s = Sandbox::new();
    let mut p = Pty::sh(&s, &format!("\"$WINDDOWN_BIN\" run two-minute{THEN_STTY}"));
    p.wait_for("GET READY", 10);
    p.send(b"\r"); // start the hold now
    p.wait_for("HOLD", 5);
    std::thread::sleep(Duration::from_millis(600));
    let before = seconds_left(&p.screen());
    let pid = p.winddown_pid();
    // SAFETY: kill(2) on the pid read from /proc.
    assert_eq!(unsafe { libc::kill(pid, libc::SIGSTOP) }, 0);
    std::thread::sleep(Duration::from_secs(4));
    // SAFETY: as above.
    assert_eq!(unsafe { libc::kill(pid, libc::SIGCONT) }, 0);
    p.wait_for("PAUSED", 10);
    let after = seconds_left(&p.screen());
    // Paused as of the last moment it was known running (at most half a second
    // before the stop): the 4 s stopped are not counted as hold.
    assert!(before - after <= 1, "lost {} s of hold: {before} s left before, {after} s after", before - after);
    assert!(p.screen().contains("HOLD · LEFT leg"), "{}", p.screen());
    p.send(b"q");
    p.wait_for("Quit and save progress?", 5);
    p.send(b"\r");
    p.wait_for("EXIT=0", 10);
}
