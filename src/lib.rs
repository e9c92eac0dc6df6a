//! winddown: a terminal coach for a bedtime routine against night-time leg cramps.
//!
//! The core (`routine`, and later `journal`, `session`, `stats`) holds no
//! terminal code; `cli` and `tui` are thin faces over it.

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
