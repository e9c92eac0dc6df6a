//! What the coach says and plays, and when: a pure function of the session's
//! events. Each batch of events (one clock tick or one key) gives at most one
//! utterance: the words of the batch joined into one line, and the most
//! important sound of the batch. Words for a hold are given when the phase
//! before it begins (get-ready, switch, rest), so they are over by the time the
//! hold starts; the hold itself starts with a sound.

use crate::routine::plan::{Phase, PhaseKind};
use crate::routine::{Routine, Side, Step};
use crate::session::{Cue, Session};

/// One of the short sounds shipped in `assets/sounds`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Sound {
    /// One of the last seconds of a hold.
    Tick,
    /// A hold begins.
    Start,
    /// Change sides.
    Switch,
    /// A step or the routine is done.
    End,
}

impl Sound {
    pub const ALL: [Sound; 4] = [Sound::Start, Sound::Tick, Sound::Switch, Sound::End];

    pub fn name(self) -> &'static str {
        match self {
            Sound::Tick => "tick",
            Sound::Start => "start",
            Sound::Switch => "switch",
            Sound::End => "end",
        }
    }
}

/// What to say and play for one batch of events.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Utterance {
    pub words: Option<String>,
    pub sound: Option<Sound>,
}

/// Follows a session and turns what happens in it into utterances.
#[derive(Debug, Clone)]
pub struct Script {
    /// The phase seen at the last observation (`None` before the first).
    last: Option<Phase>,
    paused: bool,
}

impl Script {
    /// A script for a session about to be coached: the first observation
    /// announces the phase the session is in.
    pub fn new(session: &Session) -> Script {
        Script { last: None, paused: session.is_paused() }
    }

    /// What to say and play after `cues` came out of `session` (the session as
    /// it is now, after the events).
    pub fn observe(&mut self, session: &Session, cues: &[Cue]) -> Option<Utterance> {
        let routine = session.routine();
        let mut words: Vec<String> = Vec::new();
        let mut sound: Option<Sound> = None;
        let mut louder = |s: Sound| sound = sound.max(Some(s));
        let mut routine_over = false;
        for cue in cues {
            match cue {
                Cue::HoldStart => louder(Sound::Start),
                Cue::Halfway => words.push("Halfway.".into()),
                Cue::Tick(n) if routine.cues.spoken_count => words.push(format!("{n}.")),
                Cue::Tick(_) => louder(Sound::Tick),
                Cue::SideSwitch => louder(Sound::Switch),
                Cue::HoldEnd => {}
                Cue::StepEnd => {
                    louder(Sound::End);
                    if !session.is_finished() {
                        words.push("Done. Next:".into());
                    }
                }
                Cue::RoutineEnd => {
                    louder(Sound::End);
                    routine_over = true;
                }
            }
        }
        let now = session.current_phase().copied();
        if now != self.last
            && let Some(phase) = now
        {
            words.extend(entering(routine, phase, self.last));
        }
        if routine_over {
            words.push("Routine complete. Good night.".into());
        }
        let paused = session.is_paused();
        if paused != self.paused && !session.is_finished() {
            words.push(if paused { "Paused." } else { "Resuming." }.into());
        }
        self.last = now;
        self.paused = paused;
        // "Done. Next:" alone (the next phase said nothing) reads badly: drop the colon.
        let mut line = words.join(" ");
        if let Some(stripped) = line.strip_suffix(" Next:").or_else(|| line.strip_suffix("Next:")) {
            line = stripped.trim_end().to_string();
        }
        let words = (!line.is_empty()).then_some(line);
        (words.is_some() || sound.is_some()).then_some(Utterance { words, sound })
    }
}

/// The words for a phase that has just begun, given the phase seen before it.
fn entering(routine: &Routine, phase: Phase, before: Option<Phase>) -> Option<String> {
    let step = routine.steps.get(phase.step)?;
    let reps = step.timed().map_or(1, |t| t.reps);
    let same_step = before.is_some_and(|b| b.step == phase.step);
    match phase.kind {
        PhaseKind::GetReady => Some(intro(step)),
        PhaseKind::Check => Some(match &step.say {
            Some(words) => words.clone(),
            None => format!("{}, then press Enter.", sentence(&step.title)),
        }),
        PhaseKind::Switch { to } => Some(format!("Switch: {}.", leg(to))),
        PhaseKind::Rest { next_rep } => Some(format!("Rest. Rep {next_rep} of {reps} next.")),
        PhaseKind::Hold { rep, side } => {
            // Said already when get-ready, the switch or the rest began.
            let prepared = same_step
                && before.is_some_and(|b| {
                    matches!(b.kind, PhaseKind::GetReady | PhaseKind::Switch { .. } | PhaseKind::Rest { .. })
                });
            if prepared {
                return None;
            }
            match before.map(|b| b.kind) {
                Some(PhaseKind::Hold { rep: r, side: s }) if same_step => match side {
                    Some(to) if r == rep && s != side => Some(format!("Switch: {}.", leg(to))),
                    _ => Some(format!("Rep {rep} of {reps}.")),
                },
                _ => Some(intro(step)),
            }
        }
    }
}

/// "Wall calf stretch. Left leg." (the step's own words when it gives them).
fn intro(step: &Step) -> String {
    let mut s = match &step.say {
        Some(words) => words.clone(),
        None => format!("{}.", sentence(&step.title)),
    };
    if let Some(side) = step.timed().and_then(|t| t.sides.first()) {
        s.push_str(&format!(" {}.", capitalised(leg(*side))));
    }
    s
}

fn leg(side: Side) -> &'static str {
    match side {
        Side::Left => "left leg",
        Side::Right => "right leg",
    }
}

/// A title without a trailing full stop (one is added).
fn sentence(title: &str) -> &str {
    title.trim_end_matches(['.', ' '])
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next().map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}

#[cfg(test)]
mod tests;
