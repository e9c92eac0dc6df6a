//! Turning a session into the journal's run record, and a stored run back into
//! the starting point of a resumed session.

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::machine::Session;
use super::outcome::StepState;
use crate::journal::{Outcome, Run, StepRecord};

/// The run as it stands: written after every step so a killed process loses at most the step in progress.
pub fn run_record(
    session: &Session,
    night: NaiveDate,
    started: DateTime<FixedOffset>,
    now: DateTime<FixedOffset>,
    finished: bool,
) -> Run {
    let routine = session.routine();
    Run {
        night,
        id: started.to_rfc3339(),
        routine: routine.id.clone(),
        routine_hash: routine.content_hash.clone(),
        started,
        ended: Some(now),
        speed: session.speed(),
        finished,
        steps: routine
            .steps
            .iter()
            .zip(session.steps())
            .map(|(step, state)| StepRecord {
                title: step.title.clone(),
                optional: step.optional,
                outcome: state.status(),
                held_s: state.held.to_tenths(),
            })
            .collect(),
    }
}

/// Where a stored, unfinished run can pick up: the first step not done or skipped,
/// with the outcomes before it. `None` when nothing is left to do or the routine changed.
pub fn resume_point(run: &Run, routine_hash: &str) -> Option<(usize, Vec<StepState>)> {
    if run.routine_hash != routine_hash || run.completed() {
        return None;
    }
    let next = run.steps.iter().position(|s| matches!(s.outcome, Outcome::NotReached | Outcome::Partial))?;
    if next == 0 {
        return None;
    }
    let earlier = run.steps[..next]
        .iter()
        .map(|s| {
            let mut st = StepState { status: Some(s.outcome), ..StepState::default() };
            for (side, secs) in s.held_s.iter() {
                st.add_held(side, secs);
            }
            st
        })
        .collect();
    Some((next, earlier))
}
