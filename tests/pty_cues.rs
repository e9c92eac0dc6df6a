//! Spoken and sounded cues in a real pseudo-terminal: a fake speech program
//! (espeak-ng) and a fake player (pw-play) on PATH log each call with a
//! timestamp; a shipped routine runs at --speed 10.

mod common;

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant, SystemTime};

use common::Sandbox;
use common::pty::Pty;

/// The timing test measures latencies of 200 ms: the other tests of this
/// file (which start and kill many processes) run apart from it.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

fn alone() -> std::sync::MutexGuard<'static, ()> {
    ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner())
}

const SPEED: f64 = 10.0;

/// `winddown run two-minute --speed 10` in an 80×24 pty, with `bin` first on PATH.
fn run(s: &Sandbox, bin: &Path) -> Pty {
    let path = format!("{}:/usr/bin:/bin", bin.display());
    Pty::start(
        s,
        common::pty::winddown(),
        &["run", "two-minute", "--speed", &SPEED.to_string()],
        (80, 24),
        &[("PATH", std::ffi::OsStr::new(&path))],
    )
}

/// Writes fake `espeak-ng` and `pw-play` into `<sandbox>/bin`: each logs
/// "SECONDS PID ARGS…" to `<sandbox>/<name>.log`, then runs `then`.
fn fakes(s: &Sandbox, then: &str) -> PathBuf {
    let mut bin = PathBuf::new();
    for name in ["espeak-ng", "pw-play"] {
        let log = s.path(&format!("{name}.log"));
        // bash's EPOCHREALTIME: no extra process for the timestamp.
        bin = s.program(name, &format!("#!/bin/bash\necho \"$EPOCHREALTIME $$ $*\" >> '{}'\n{then}\n", log.display()));
    }
    bin
}

/// (seconds since the epoch, pid, arguments) of each call.
fn calls(s: &Sandbox, name: &str) -> Vec<(f64, i32, String)> {
    std::fs::read_to_string(s.path(&format!("{name}.log")))
        .unwrap_or_default()
        .lines()
        .map(|l| {
            let mut parts = l.splitn(3, ' ');
            let t = parts.next().unwrap().parse().unwrap();
            let pid = parts.next().unwrap().parse().unwrap();
            (t, pid, parts.next().unwrap_or("").to_string())
        })
        .collect()
}

fn epoch_now() -> f64 {
    SystemTime::now().duration_since(SystemTime::UNIX_EPOCH).unwrap().as_secs_f64()
}

/// The sound file's name in a player call: "start", "tick", …
fn sound_name(args: &str) -> &str {
    let file = args.rsplit('/').next().unwrap();
    file.trim_start_matches("winddown-").split('-').next().unwrap()
}

fn alive(pid: i32) -> bool {
    // A zombie no one has reaped yet is not running.
    let state = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    // SAFETY: signal 0 only checks that the process exists.
    (unsafe { libc::kill(pid, 0) } == 0) && !state.contains("State:\tZ")
}

/// A cue planned at this many routine seconds from the start: words or a sound's name.
type Planned = (f64, &'static str);

/// The two-minute routine: get ready 3 s, holds of 20 s per side with a 3 s
/// switch, two steps, then a check step. (offset in routine seconds, words)
/// and (offset, sound), in order.
fn expected() -> (Vec<Planned>, Vec<Planned>) {
    let words = vec![
        (0.0, "-- Wall calf stretch. Left leg."),
        (23.0, "-- Switch: right leg."),
        (46.0, "-- Done. Next: Standing hamstring stretch. Left leg."),
        (69.0, "-- Switch: right leg."),
        (92.0, "-- Done. Next: Drink a glass of water, then press Enter."),
    ];
    let mut sounds = Vec::new();
    for step in [0.0, 46.0] {
        for side in [0.0, 23.0] {
            let hold = step + side + 3.0;
            sounds.push((hold, "start"));
            for tick in [17.0, 18.0, 19.0] {
                sounds.push((hold + tick, "tick"));
            }
            sounds.push((hold + 20.0, if side == 0.0 { "switch" } else { "end" }));
        }
    }
    (words, sounds)
}

#[test]
fn the_whole_routine_is_spoken_and_sounded_on_time() {
    let _alone = alone();
    // The journal in memory: this measures cue scheduling, and a step's save
    // waiting on a busy disk's fsync (the rest of the suite writes a lot)
    // would count as cue latency at ten times speed.
    let s = Sandbox::in_memory();
    let bin = fakes(&s, "");
    let mut p = run(&s, &bin);
    p.wait_for("press Enter when done", 60);
    // Let the last cue's programs write their lines.
    std::thread::sleep(Duration::from_millis(300));
    let enter_at = epoch_now();
    p.send(b"\r");
    p.wait_for("Routine complete", 10);
    p.send(b"\r");
    assert_eq!(p.wait_exit(10), 0);

    let (words, sounds) = expected();
    let spoken = calls(&s, "espeak-ng");
    let played = calls(&s, "pw-play");
    let said: Vec<&str> = spoken.iter().map(|c| c.2.as_str()).collect();
    let mut want: Vec<&str> = words.iter().map(|w| w.1).collect();
    want.push("-- Routine complete. Good night.");
    assert_eq!(said, want);
    // Sounds: every start, switch and end in order. Ticks come 0.1 s apart at
    // this speed and a newer tick ends an older one still starting, so on a
    // loaded machine a tick may be ended before its program logs; most must be there.
    let heard: Vec<&str> = played.iter().map(|c| sound_name(&c.2)).collect();
    let mut want: Vec<&str> = sounds.iter().map(|s| s.1).filter(|s| *s != "tick").collect();
    want.push("end");
    assert_eq!(heard.iter().copied().filter(|s| *s != "tick").collect::<Vec<_>>(), want);
    let ticks = heard.iter().filter(|s| **s == "tick").count();
    assert!((8..=12).contains(&ticks), "{ticks} of 12 ticks heard: {heard:?}");

    // Each cue against its phase's start on the routine's own clock: the
    // session's start is placed where it fits the earliest call best, so a
    // call can only be late against it, never early.
    let (plain, ticking): (Vec<_>, Vec<_>) = played.iter().partition(|c| sound_name(&c.2) != "tick");
    let planned: Vec<f64> =
        words.iter().map(|w| w.0).chain(sounds.iter().filter(|s| s.1 != "tick").map(|s| s.0)).collect();
    let actual: Vec<f64> = spoken
        .iter()
        .take(words.len())
        .chain(plain.iter().copied().take(planned.len() - words.len()))
        .map(|c| c.0)
        .collect();
    let start = actual.iter().zip(&planned).map(|(a, p)| a - p / SPEED).fold(f64::INFINITY, f64::min);
    let mut latest: f64 = 0.0;
    for (a, p) in actual.iter().zip(&planned) {
        let late = a - (start + p / SPEED);
        latest = latest.max(late);
        assert!(late <= 0.2, "the cue planned at {p} s came {late:.3} s after its phase began");
    }
    eprintln!("latest cue: {:.0} ms after its phase began", latest * 1000.0);
    let tick_times: Vec<f64> = sounds.iter().filter(|s| s.1 == "tick").map(|s| start + s.0 / SPEED).collect();
    for (a, _, _) in ticking {
        let late = tick_times.iter().filter(|t| **t <= a + 0.05).map(|t| a - t).fold(f64::INFINITY, f64::min);
        assert!(late <= 0.2, "a tick came {late:.3} s after its second began");
    }
    // The routine's end, after the check step's Enter.
    let end = spoken.last().unwrap().0;
    assert!(end - enter_at <= 0.2, "the routine's end was said {:.3} s after Enter", end - enter_at);
}

#[test]
fn with_voice_and_sound_off_nothing_is_run() {
    let _alone = alone();
    let s = Sandbox::new();
    std::fs::create_dir_all(s.config()).unwrap();
    std::fs::write(s.config().join("config.toml"), "voice = \"off\"\nsound = \"off\"\nbell = false\n").unwrap();
    let bin = fakes(&s, "");
    let mut p = run(&s, &bin);
    p.wait_for("press Enter when done", 60);
    p.send(b"\r");
    p.wait_for("Routine complete", 10);
    p.send(b"\r");
    assert_eq!(p.wait_exit(10), 0);
    assert!(calls(&s, "espeak-ng").is_empty());
    assert!(calls(&s, "pw-play").is_empty());
}

#[test]
fn programs_that_hang_never_delay_the_routine_and_are_all_ended() {
    let _alone = alone();
    let s = Sandbox::new();
    let pids = s.path("pids");
    // Each call starts a child that sleeps for ever, logs both, and waits.
    let hang = format!("sleep 1000 & echo $! >> '{0}'; echo $$ >> '{0}'; wait", pids.display());
    let bin = fakes(&s, &hang);
    // The cue command hangs too (issue: `cue_command = "sleep 300"` piled up).
    let commands = s.path("command-pids");
    std::fs::create_dir_all(s.config()).unwrap();
    let cue_command = hang.replace(&pids.display().to_string(), &commands.display().to_string());
    std::fs::write(s.config().join("config.toml"), format!("cue_command = {cue_command:?}\n")).unwrap();
    let started = Instant::now();
    let mut p = run(&s, &bin);
    p.wait_for("Wall calf stretch", 10);
    p.wait_for("step 2 of 3", 20);
    // Mid-run: at most one speech and one sound at a time (each a shell and its sleep).
    let running = std::fs::read_to_string(&pids)
        .unwrap_or_default()
        .split_whitespace()
        .filter(|w| alive(w.parse().unwrap()))
        .count();
    assert!(running <= 4, "{running} speech and sound processes running at once");
    let running = std::fs::read_to_string(&commands)
        .unwrap_or_default()
        .split_whitespace()
        .filter(|w| alive(w.parse().unwrap()))
        .count();
    // One per kind of event (hold-start, tick, side-switch, hold-end, step-end, …), a shell and its sleep each.
    assert!(running <= 2 * 7, "{running} cue command processes running at once");
    p.wait_for("press Enter when done", 60);
    // 92 s of holds and pauses at 10×: 9.2 s; the hanging programs add nothing
    // beyond start-up.
    let took = started.elapsed().as_secs_f64();
    assert!(took < 92.0 / SPEED + 3.0, "the routine took {took:.1} s");
    p.send(b"\r");
    p.wait_for("Routine complete", 10);
    p.send(b"\r");
    assert_eq!(p.wait_exit(10), 0);
    let read = |p: &Path| -> Vec<i32> {
        std::fs::read_to_string(p).unwrap().split_whitespace().map(|w| w.parse().unwrap()).collect()
    };
    let mut logged = read(&pids);
    assert!(logged.len() >= 20, "the fakes ran: {logged:?}");
    let from_commands = read(&commands);
    assert!(from_commands.len() >= 20, "the cue command ran: {from_commands:?}");
    logged.extend(from_commands);
    let end = Instant::now() + Duration::from_secs(5);
    while logged.iter().any(|&pid| alive(pid)) {
        assert!(Instant::now() < end, "left behind: {:?}", logged.iter().filter(|&&p| alive(p)).collect::<Vec<_>>());
        std::thread::sleep(Duration::from_millis(20));
    }
}
