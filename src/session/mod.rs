//! The coaching session: a state machine over the routine's phases, driven by
//! an injected clock. No terminal code, no sleeping: every method takes `now`.

mod machine;
mod outcome;
pub mod record;
#[cfg(test)]
mod tests;

pub use machine::{Cue, Session, SessionView};
pub use outcome::StepState;
