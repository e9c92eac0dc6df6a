//! Turning a session into the journal's run record, and a stored run back into
//! the starting point of a resumed session.

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::machine::Session;
use super::outcome::{StepState, StepStatus};
use crate::journal::{Held, Outcome, Run, StepRecord};
use crate::routine::Side;

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
                outcome: match state.status() {
                    StepStatus::Done => Outcome::Done,
                    StepStatus::Skipped => Outcome::Skipped,
                    StepStatus::Partial => Outcome::Partial,
                    StepStatus::Pending => Outcome::NotReached,
                },
                held_s: {
                    let mut held = Held::default();
                    for (side, secs) in &state.held {
                        held.set(side, (secs * 10.0).round() / 10.0);
                    }
                    held
                },
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
            let mut st = StepState {
                status: Some(match s.outcome {
                    Outcome::Done => StepStatus::Done,
                    Outcome::Skipped => StepStatus::Skipped,
                    Outcome::Partial => StepStatus::Partial,
                    Outcome::NotReached => StepStatus::Pending,
                }),
                ..StepState::default()
            };
            for (side, secs) in s.held_s.iter() {
                let side = match side {
                    "left" => Some(Side::Left),
                    "right" => Some(Side::Right),
                    _ => None,
                };
                st.add_held(side, secs);
            }
            st
        })
        .collect();
    Some((next, earlier))
}
