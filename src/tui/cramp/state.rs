//! The cramp screen's state: the cramp as saved, the place key waiting for
//! its side, and the stage (where, the stretch, eased?, back to sleep).

use std::time::Instant;

use chrono::{DateTime, FixedOffset, NaiveTime};

use crate::journal::{Cramp, Place, night_of_time};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Asking where (place, then side).
    Where,
    /// A relief stretch is held until `end`.
    Stretch { end: Instant },
    /// The hold is over: eased, or another one?
    Eased,
    /// Back to sleep.
    Done,
}

pub struct CrampScreen {
    /// The cramp as last saved.
    pub cramp: Cramp,
    /// The place and side asked to be written, until the write is done.
    pub(super) asked: Option<Cramp>,
    /// The place key pressed, waiting for the side.
    pub place: Option<Place>,
    pub stage: Stage,
    /// When the screen opened (the cramp's time on the monotonic clock).
    pub opened: Instant,
    pub save_error: Option<String>,
    pub help: bool,
}

impl CrampScreen {
    /// The screen for a cramp at `now`; it is recorded as the screen opens (`Input::Open`).
    pub fn new(now: DateTime<FixedOffset>, boundary: NaiveTime, opened: Instant) -> CrampScreen {
        let cramp = Cramp { night: night_of_time(now, boundary), at: now, place: None, side: None };
        CrampScreen { cramp, asked: None, place: None, stage: Stage::Where, opened, save_error: None, help: false }
    }

    /// Whole seconds left in the hold (rounded up).
    pub fn remaining_secs(&self, now: Instant) -> u64 {
        match self.stage {
            Stage::Stretch { end } => end.saturating_duration_since(now).as_millis().div_ceil(1000) as u64,
            _ => 0,
        }
    }
}
