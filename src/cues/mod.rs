//! Spoken and sounded cues. `script` decides what is said and played for each
//! session event (pure, tested with a fake clock); `sounds` holds the short
//! sounds shipped in `assets/sounds`; `programs` finds the speech and sound
//! programs on PATH; `player` runs them as child processes (one per kind,
//! time-limited, always reaped). No terminal code here.

pub mod demo;
pub mod player;
pub mod programs;
pub mod script;
pub mod sounds;

pub use player::CuePlayer;
pub use programs::{CueSetup, Found, Program};
pub use script::{Script, Sound, Utterance};
