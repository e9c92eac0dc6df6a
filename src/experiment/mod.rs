//! A planned n-of-1 experiment: pairs of weeks, one week with the routine
//! ("A") and one without (or with another routine, "B"), in a random order
//! within each pair; the first nights of each week set aside as a wash-out;
//! cramps per night as the primary outcome, fixed in advance. Pure core: the
//! plan as text, the calendar, and the analysis; the CLI and screens show them.

pub mod analysis;
#[cfg(test)]
mod analysis_tests;
pub mod plan;
#[cfg(test)]
mod plan_tests;
pub mod schedule;
pub mod store;

pub use analysis::{Outcome, analyse, read_outcome};
pub use plan::{Arm, Design, Plan, PlanError};
pub use schedule::{NightPlan, Tonight};
