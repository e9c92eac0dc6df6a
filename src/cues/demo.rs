//! Every kind of cue once, for `winddown cue test`: a small routine run
//! through the session and the script on a fake clock.

use std::time::{Duration, Instant};

use super::script::{Script, Utterance};
use crate::routine::parse_routine;
use crate::session::Session;

const DEMO: &str = r#"
name = "Cue test"
summary = "Every cue once"
[defaults]
get_ready = "5s"
switch = "3s"
rest = "5s"
[cues]
halfway = true
last_ticks = true
[[step]]
title = "Wall calf stretch"
hold = "10s"
sides = ["left", "right"]
reps = 2
[[step]]
kind = "check"
title = "Drink a glass of water"
"#;

/// The utterances of the demo routine, each new line of words and each
/// sound once, in the order the coach would give them.
pub fn every_cue() -> Vec<Utterance> {
    let routine = parse_routine("cue-test", "cue-test.toml", DEMO).expect("the demo routine is valid");
    let base = Instant::now();
    let at = |s: u64| base + Duration::from_secs(s);
    let mut session = Session::new(routine, 1.0, base);
    let mut script = Script::new(&session);
    let mut all = Vec::new();
    let mut t = 0;
    while session.deadline().is_some() {
        let cues = session.tick(at(t));
        all.extend(script.observe(&session, &cues));
        if t == 7 {
            session.toggle_pause(at(t));
            all.extend(script.observe(&session, &[]));
            session.toggle_pause(at(t));
            all.extend(script.observe(&session, &[]));
        }
        t += 1;
    }
    let cues = session.confirm(at(t));
    all.extend(script.observe(&session, &cues));
    let mut out: Vec<Utterance> = Vec::new();
    for u in all {
        let new_words = u.words.as_ref().filter(|w| !out.iter().any(|o| o.words.as_ref() == Some(*w)));
        let new_sound = u.sound.filter(|s| !out.iter().any(|o| o.sound == Some(*s)));
        if new_words.is_some() || new_sound.is_some() {
            out.push(Utterance { words: new_words.cloned(), sound: new_sound });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::script::Sound;

    #[test]
    fn the_demo_gives_every_sound_and_every_kind_of_line() {
        let cues = super::every_cue();
        for s in Sound::ALL {
            assert_eq!(cues.iter().filter(|u| u.sound == Some(s)).count(), 1, "{s:?}");
        }
        let words: Vec<&str> = cues.iter().filter_map(|u| u.words.as_deref()).collect();
        for expected in [
            "Wall calf stretch. Left leg.",
            "Paused.",
            "Resuming.",
            "Halfway.",
            "Switch: right leg.",
            "Rest. Rep 2 of 2 next.",
            "Done. Next: Drink a glass of water, then press Enter.",
            "Routine complete. Good night.",
        ] {
            assert!(words.contains(&expected), "{expected:?} missing from {words:?}");
        }
    }
}
