//! What happened to each step during a session.

use std::collections::BTreeMap;

use crate::routine::Side;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepStatus {
    Pending,
    Done,
    Skipped,
    /// Skipped or quit after holding part of it.
    Partial,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct StepState {
    pub status: Option<StepStatus>,
    /// Seconds held per side ("left", "right", or "hold" without sides), over all reps.
    pub held: BTreeMap<&'static str, f64>,
}

impl StepState {
    pub fn status(&self) -> StepStatus {
        self.status.unwrap_or(StepStatus::Pending)
    }

    pub fn add_held(&mut self, side: Option<Side>, secs: f64) {
        if secs > 0.0 {
            *self.held.entry(side.map_or("hold", Side::as_str)).or_default() += secs;
        }
    }

    pub fn held_any(&self) -> bool {
        self.held.values().any(|s| *s > 0.0)
    }
}
