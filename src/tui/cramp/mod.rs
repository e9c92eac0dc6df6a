//! The 3 a.m. cramp screen (`winddown cramp` in a terminal): the cramp is in
//! the journal the moment the screen opens, its place and side as soon as two
//! keys say where; then a relief stretch with a timer, and "back to sleep".
//! Dim and quiet: no colour but grey, no bell. Its state (`state.rs`), its
//! update (`update.rs`), its commands (`keys.rs`) and its drawing (`view.rs`).

pub mod keys;
pub mod state;
pub mod update;
pub mod view;

pub use state::{CrampScreen, Stage};
