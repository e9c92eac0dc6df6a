//! The script driven by a session on a fake clock: a base instant plus offsets.

use std::time::{Duration, Instant};

use super::*;
use crate::routine::parse_routine;

const ROUTINE: &str = r#"
name = "Test"
summary = "s"
[defaults]
get_ready = "5s"
switch = "3s"
rest = "10s"
[cues]
halfway = true
last_ticks = true
[[step]]
title = "Wall calf stretch"
hold = "30s"
sides = ["left", "right"]
[[step]]
kind = "check"
title = "Drink a glass of water"
[[step]]
title = "Toes"
say = "Pull the toes towards the knee"
hold = "10s"
reps = 2
"#;

fn at(base: Instant, s: f64) -> Instant {
    base + Duration::from_secs_f64(s)
}

fn words(u: &Option<Utterance>) -> Option<&str> {
    u.as_ref().and_then(|u| u.words.as_deref())
}

fn sound(u: &Option<Utterance>) -> Option<Sound> {
    u.as_ref().and_then(|u| u.sound)
}

/// Ticks the session at `t` and lets the script observe.
fn tick(s: &mut Session, script: &mut Script, base: Instant, t: f64) -> Option<Utterance> {
    let cues = s.tick(at(base, t));
    script.observe(s, &cues)
}

#[test]
fn says_each_phase_as_it_begins_and_sounds_the_holds() {
    let base = Instant::now();
    let mut s = Session::new(parse_routine("t", "t.toml", ROUTINE).unwrap(), 1.0, base);
    let mut script = Script::new(&s);
    // Get-ready: the step and the first side, before the hold starts.
    let u = tick(&mut s, &mut script, base, 0.0);
    assert_eq!(words(&u), Some("Wall calf stretch. Left leg."));
    assert_eq!(sound(&u), None);
    assert_eq!(tick(&mut s, &mut script, base, 1.0), None, "nothing new, nothing said");
    // The hold starts with a sound only: the words were said during get-ready.
    let u = tick(&mut s, &mut script, base, 5.0);
    assert_eq!(u, Some(Utterance { words: None, sound: Some(Sound::Start) }));
    assert_eq!(words(&tick(&mut s, &mut script, base, 20.0)), Some("Halfway."));
    assert_eq!(sound(&tick(&mut s, &mut script, base, 32.0)), Some(Sound::Tick));
    assert_eq!(sound(&tick(&mut s, &mut script, base, 33.0)), Some(Sound::Tick));
    let u = tick(&mut s, &mut script, base, 35.0);
    assert_eq!(u, Some(Utterance { words: Some("Switch: right leg.".into()), sound: Some(Sound::Switch) }));
    assert_eq!(sound(&tick(&mut s, &mut script, base, 38.0)), Some(Sound::Start));
    // The step ends: what comes next, with the check step's prompt.
    let u = tick(&mut s, &mut script, base, 68.0);
    assert_eq!(words(&u), Some("Done. Next: Drink a glass of water, then press Enter."));
    assert_eq!(sound(&u), Some(Sound::End));
    // Confirmed: the next step in its own words.
    let cues = s.confirm(at(base, 100.0));
    let u = script.observe(&s, &cues);
    assert_eq!(words(&u), Some("Done. Next: Pull the toes towards the knee"));
    tick(&mut s, &mut script, base, 105.0);
    let u = tick(&mut s, &mut script, base, 115.0);
    assert_eq!(words(&u), Some("Rest. Rep 2 of 2 next."));
    assert_eq!(sound(&tick(&mut s, &mut script, base, 125.0)), Some(Sound::Start));
    let u = tick(&mut s, &mut script, base, 135.0);
    assert_eq!(u, Some(Utterance { words: Some("Routine complete. Good night.".into()), sound: Some(Sound::End) }));
    assert_eq!(tick(&mut s, &mut script, base, 140.0), None);
}

#[test]
fn pause_resume_and_spoken_counts() {
    let text = ROUTINE.replace("last_ticks = true", "last_ticks = true\nspoken_count = true");
    let base = Instant::now();
    let mut s = Session::new(parse_routine("t", "t.toml", &text).unwrap(), 1.0, base);
    let mut script = Script::new(&s);
    tick(&mut s, &mut script, base, 6.0);
    s.toggle_pause(at(base, 7.0));
    assert_eq!(words(&script.observe(&s, &[])), Some("Paused."));
    s.toggle_pause(at(base, 9.0));
    assert_eq!(words(&script.observe(&s, &[])), Some("Resuming."));
    assert_eq!(words(&tick(&mut s, &mut script, base, 22.0)), Some("Halfway."));
    // 30 s hold from 5 s, 2 s paused: three seconds left at 34 s.
    let u = tick(&mut s, &mut script, base, 34.0);
    assert_eq!(u, Some(Utterance { words: Some("3.".into()), sound: None }));
}

#[test]
fn without_pauses_between_phases_the_hold_itself_is_announced() {
    let text = r#"
name = "Bare"
summary = "s"
[defaults]
get_ready = "0s"
switch = "0s"
rest = "0s"
[cues]
last_ticks = false
[[step]]
title = "Calf."
hold = "10s"
sides = ["left", "right"]
reps = 2
"#;
    let base = Instant::now();
    let mut s = Session::new(parse_routine("t", "t.toml", text).unwrap(), 1.0, base);
    let mut script = Script::new(&s);
    assert_eq!(words(&tick(&mut s, &mut script, base, 0.0)), Some("Calf. Left leg."));
    assert_eq!(words(&tick(&mut s, &mut script, base, 10.0)), Some("Switch: right leg."));
    assert_eq!(words(&tick(&mut s, &mut script, base, 20.0)), Some("Rep 2 of 2."));
}
