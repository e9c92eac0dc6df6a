//! The coach: a full-screen guided run of a routine. Its state
//! (`state.rs`), its update from keys and the clock (`update.rs`), its
//! commands for every mode (`keys.rs`) and its drawing (`view.rs`, with
//! the end screen in `summary.rs`).

pub mod digits;
pub mod keys;
pub mod progress;
pub mod stage;
pub mod state;
pub mod summary;
pub mod update;
pub mod view;

pub use state::{CoachScreen, FLASH, Mode};
