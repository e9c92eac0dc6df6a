//! Routines: the file format, its validation, and where routines are found.
//! Pure core: no terminal code.

pub mod diagnostic;
pub mod edit;
pub mod files;
pub mod library;
pub mod model;
pub mod parse;
pub mod plan;
pub mod starter;

#[cfg(test)]
mod parse_tests;

pub use diagnostic::Diagnostic;
pub use library::{DEFAULT_ROUTINE, Entry, Library, Origin};
pub use model::{Cues, Routine, Side, Step, StepKind, Timed};
pub use parse::parse_routine;
