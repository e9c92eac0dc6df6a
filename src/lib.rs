//! winddown: a terminal coach for a bedtime routine against night-time leg cramps.
//!
//! The core (`routine`, and later `journal`, `session`, `stats`) holds no
//! terminal code; `cli` and `tui` are thin faces over it.
//!
//! Errors: each core module returns its own typed error (`thiserror`) whose
//! message is what the user reads; `cli` turns them into an exit code and a
//! message through the `From` impls in `cli/exit.rs`, `tui` shows the message.
//! `.ci/error-style` keeps anyhow and `Result<_, String>` out of the core.

pub mod assets;
pub mod checkin;
pub mod cli;
pub mod clock;
pub mod config;
pub mod cues;
pub mod editor;
pub mod experiment;
pub mod fsutil;
pub mod guidance;
pub mod input_file;
pub mod journal;
pub mod nudge;
pub mod paths;
pub mod relief;
pub mod routine;
pub mod session;
pub mod stats;
pub mod text;
pub mod tui;
