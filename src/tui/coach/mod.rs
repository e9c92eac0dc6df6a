//! The coach: a full-screen guided run of a routine.

pub mod app;
pub mod digits;
pub mod keys;
pub mod progress;
pub mod stage;
pub mod view;

pub use app::{CoachApp, Mode};
