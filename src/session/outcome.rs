//! What happened to each step during a session, in the journal's own terms
//! ([`Outcome`], [`Held`]): the run record is these, rounded.

use crate::journal::{Held, Outcome};
use crate::routine::Side;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct StepState {
    /// `None` until the step is done, skipped or partly held.
    pub status: Option<Outcome>,
    /// Seconds held per side (or without sides), over all reps.
    pub held: Held,
}

impl StepState {
    /// What became of the step so far: `NotReached` until something did.
    pub fn status(&self) -> Outcome {
        self.status.unwrap_or(Outcome::NotReached)
    }

    pub fn add_held(&mut self, side: Option<Side>, secs: f64) {
        if secs > 0.0 {
            self.held.add(side, secs);
        }
    }

    pub fn held_any(&self) -> bool {
        self.held.any()
    }
}
