//! Real child processes (sh scripts): one per kind, time limits, nothing left behind.

use std::path::Path;
use std::time::{Duration, Instant};

use super::*;
use crate::cues::programs::Program;

fn alive(pid: u32) -> bool {
    // SAFETY: signal 0 only checks that the process exists.
    unsafe { libc::kill(pid as libc::pid_t, 0) == 0 }
}

fn wait_until(mut f: impl FnMut() -> bool) -> bool {
    let end = Instant::now() + Duration::from_secs(5);
    while Instant::now() < end {
        if f() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    false
}

fn pids_in(log: &Path) -> Vec<u32> {
    std::fs::read_to_string(log).unwrap_or_default().split_whitespace().filter_map(|w| w.parse().ok()).collect()
}

/// A user command that logs its pid (and its background child's) and then hangs.
fn hanging(log: &Path) -> Program {
    Program::User(format!("sleep 300 & echo $! >> {0}; echo $$ >> {0}; wait; :", log.display()))
}

#[test]
fn a_newer_cue_ends_the_older_and_drop_ends_everything() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("pids");
    let setup = CueSetup {
        voice: Some(hanging(&log)),
        sound: Some(hanging(&log)),
        command: Some(format!("sleep 300 & echo $! >> {0}; echo $$ >> {0}; wait", log.display())),
        ..CueSetup::default()
    };
    let mut p = CuePlayer::new(setup);
    for i in 0..5 {
        p.say(&format!("line {i}"));
        assert!(p.play(Sound::Tick));
        p.run_command("tick", "Calf", Some(3));
        assert!(p.running().len() <= 3);
    }
    assert_eq!(p.running().len(), 3);
    // Another event's command does not end the tick's.
    p.run_command("step-end", "Calf", None);
    assert_eq!(p.running().len(), 4);
    assert!(wait_until(|| pids_in(&log).len() >= 8), "the last four cues started");
    drop(p);
    let pids = pids_in(&log);
    assert!(pids.len() >= 8);
    assert!(wait_until(|| pids.iter().all(|&pid| !alive(pid))), "left behind: {pids:?}");
}

#[test]
fn a_hanging_cue_is_ended_at_its_time_limit_and_a_finished_one_reaped() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("pids");
    let mut p = CuePlayer::new(CueSetup { voice: Some(hanging(&log)), ..CueSetup::default() });
    p.say("hello");
    let deadline = p.next_deadline().unwrap();
    assert!(deadline <= Instant::now() + SPEECH_LIMIT);
    assert!(wait_until(|| pids_in(&log).len() >= 2));
    p.reap(Instant::now());
    assert_eq!(p.running().len(), 1, "still within its time");
    p.reap(deadline);
    assert!(p.running().is_empty());
    let pids = pids_in(&log);
    assert!(wait_until(|| pids.iter().all(|&pid| !alive(pid))), "left behind: {pids:?}");

    let mut p = CuePlayer::new(CueSetup { voice: Some(Program::User("true".into())), ..CueSetup::default() });
    p.say("quick");
    assert!(wait_until(|| {
        p.reap(Instant::now());
        p.running().is_empty()
    }));
}

#[test]
fn bell_only_when_no_player_and_not_quiet() {
    let mut p = CuePlayer::new(CueSetup { bell: true, ..CueSetup::default() });
    assert!(p.give(&Utterance { words: Some("x".into()), sound: Some(Sound::Start) }));
    assert!(!p.give(&Utterance { words: Some("x".into()), sound: None }));
    let mut p = CuePlayer::new(CueSetup { bell: true, quiet: true, ..CueSetup::default() });
    assert!(!p.give(&Utterance { words: None, sound: Some(Sound::End) }));
    let mut p = CuePlayer::new(CueSetup { bell: false, ..CueSetup::default() });
    assert!(!p.give(&Utterance { words: None, sound: Some(Sound::End) }));
    // A program that does not exist: no panic, no child, the bell rings instead.
    let missing = Program::Found { name: "aplay", path: "/nonexistent/aplay".into() };
    let mut p = CuePlayer::new(CueSetup { sound: Some(missing), bell: true, ..CueSetup::default() });
    p.give(&Utterance { words: None, sound: Some(Sound::Start) });
    assert!(p.running().is_empty());
}
