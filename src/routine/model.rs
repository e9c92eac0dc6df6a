//! The validated routine: what the coach runs and the CLI shows.
//! Every duration here is resolved (step overrides applied over routine defaults).

use std::fmt;
use std::time::Duration;

/// Version of the routine file format this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// A routine ready to run: parsed, validated, defaults applied.
#[derive(Debug, Clone, PartialEq)]
pub struct Routine {
    /// Identifier: the file name without `.toml` (what users type on the command line).
    pub id: String,
    /// Display name from the file.
    pub name: String,
    pub summary: String,
    pub description: Option<String>,
    pub cues: Cues,
    pub steps: Vec<Step>,
    /// Hex digest of the file's bytes, so a night record names the exact routine it ran.
    pub content_hash: String,
}

/// Which cues the coach gives beyond the always-on side-switch and step-end cues.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cues {
    /// A cue when a hold is half done.
    pub halfway: bool,
    /// A tick in each of the last three seconds of a hold.
    pub last_ticks: bool,
    /// Those last seconds spoken ("three, two, one") rather than ticked.
    pub spoken_count: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub title: String,
    pub how: Option<String>,
    pub why: Option<String>,
    /// Name of an ASCII-art file in `assets/` (without `.txt`).
    pub art: Option<String>,
    /// Skipping an optional step does not spoil the night's completion.
    pub optional: bool,
    /// What the voice says for this step instead of its title (`say` in the file).
    pub say: Option<String>,
    pub kind: StepKind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum StepKind {
    /// A held stretch, counted down by the coach.
    Timed(Timed),
    /// Something the user does and confirms (drink water, pillow under the ankles).
    Check,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Timed {
    pub hold: Duration,
    /// Empty for a stretch that is not done per side; otherwise held in this order.
    pub sides: Vec<Side>,
    pub reps: u32,
    /// Pause between reps.
    pub rest: Duration,
    /// Countdown before the first hold of the step.
    pub get_ready: Duration,
    /// Pause between the sides of one rep.
    pub switch: Duration,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Side {
    Left,
    Right,
}

impl Side {
    pub fn as_str(self) -> &'static str {
        match self {
            Side::Left => "left",
            Side::Right => "right",
        }
    }
}

impl fmt::Display for Side {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Step {
    pub fn is_check(&self) -> bool {
        matches!(self.kind, StepKind::Check)
    }

    pub fn timed(&self) -> Option<&Timed> {
        match &self.kind {
            StepKind::Timed(t) => Some(t),
            StepKind::Check => None,
        }
    }
}

impl Timed {
    /// Number of holds per rep (1 when the stretch has no sides).
    pub fn holds_per_rep(&self) -> u32 {
        self.sides.len().max(1) as u32
    }
}
