//! The routine laid out as a flat list of phases: the timeline the coach runs
//! and the source of every "total time" shown to the user.

use std::time::Duration;

use super::model::{Routine, Side, StepKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhaseKind {
    /// Countdown before the first hold of a step.
    GetReady,
    /// Holding the stretch; `rep` counts from 1.
    Hold { rep: u32, side: Option<Side> },
    /// Pause while changing legs; `to` is the side about to be held.
    Switch { to: Side },
    /// Pause between reps; `next_rep` counts from 1.
    Rest { next_rep: u32 },
    /// Waits for the user to confirm.
    Check,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Phase {
    /// Index of the step this phase belongs to.
    pub step: usize,
    pub kind: PhaseKind,
    /// Zero for check phases (they wait for the user).
    pub duration: Duration,
}

impl Phase {
    pub fn is_timed(&self) -> bool {
        !matches!(self.kind, PhaseKind::Check)
    }
}

/// Every phase of the routine in order.
pub fn phases(routine: &Routine) -> Vec<Phase> {
    let mut out = Vec::new();
    for (step, s) in routine.steps.iter().enumerate() {
        out.extend(step_phases(step, &s.kind));
    }
    out
}

/// The phases of one step.
pub fn step_phases(step: usize, kind: &StepKind) -> Vec<Phase> {
    let t = match kind {
        StepKind::Check => {
            return vec![Phase { step, kind: PhaseKind::Check, duration: Duration::ZERO }];
        }
        StepKind::Timed(t) => t,
    };
    let mut out = Vec::new();
    let mut push = |kind, duration| out.push(Phase { step, kind, duration });
    if !t.get_ready.is_zero() {
        push(PhaseKind::GetReady, t.get_ready);
    }
    for rep in 1..=t.reps {
        if t.sides.is_empty() {
            push(PhaseKind::Hold { rep, side: None }, t.hold);
        }
        for (i, &side) in t.sides.iter().enumerate() {
            if i > 0 && !t.switch.is_zero() {
                push(PhaseKind::Switch { to: side }, t.switch);
            }
            push(PhaseKind::Hold { rep, side: Some(side) }, t.hold);
        }
        if rep < t.reps && !t.rest.is_zero() {
            push(PhaseKind::Rest { next_rep: rep + 1 }, t.rest);
        }
    }
    out
}

/// Planned time of the timed phases (check steps take as long as the user needs).
/// Saturates rather than overflows: a hand-written `hold = "400000000000years"`
/// is refused by the limits, after this sum was taken.
pub fn total_time(routine: &Routine) -> Duration {
    phases(routine).iter().fold(Duration::ZERO, |sum, p| sum.saturating_add(p.duration))
}

/// Planned time of one step's timed phases.
pub fn step_time(kind: &StepKind) -> Duration {
    step_phases(0, kind).iter().fold(Duration::ZERO, |sum, p| sum.saturating_add(p.duration))
}

/// "2m 30s", "45s", "1h 5m": compact, for lists and screens.
pub fn format_duration(d: Duration) -> String {
    let secs = d.as_secs().saturating_add(u64::from(d.subsec_millis() >= 500));
    let (h, m, s) = (secs / 3600, secs / 60 % 60, secs % 60);
    match (h, m, s) {
        (0, 0, s) => format!("{s}s"),
        (0, m, 0) => format!("{m}m"),
        (0, m, s) => format!("{m}m {s}s"),
        (h, 0, _) => format!("{h}h"),
        (h, m, _) => format!("{h}h {m}m"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::routine::model::Timed;

    fn timed(sides: Vec<Side>, reps: u32) -> StepKind {
        StepKind::Timed(Timed {
            hold: Duration::from_secs(30),
            sides,
            reps,
            rest: Duration::from_secs(10),
            get_ready: Duration::from_secs(5),
            switch: Duration::from_secs(3),
        })
    }

    #[test]
    fn two_sides_one_rep() {
        let p = step_phases(0, &timed(vec![Side::Left, Side::Right], 1));
        let kinds: Vec<_> = p.iter().map(|p| p.kind).collect();
        assert_eq!(
            kinds,
            vec![
                PhaseKind::GetReady,
                PhaseKind::Hold { rep: 1, side: Some(Side::Left) },
                PhaseKind::Switch { to: Side::Right },
                PhaseKind::Hold { rep: 1, side: Some(Side::Right) },
            ]
        );
        assert_eq!(step_time(&timed(vec![Side::Left, Side::Right], 1)), Duration::from_secs(68));
    }

    #[test]
    fn reps_rest_between_not_after() {
        let p = step_phases(2, &timed(vec![], 3));
        assert_eq!(p.len(), 1 + 3 + 2);
        assert_eq!(p.last().unwrap().kind, PhaseKind::Hold { rep: 3, side: None });
        assert!(p.iter().all(|p| p.step == 2));
    }

    #[test]
    fn check_is_one_untimed_phase() {
        let p = step_phases(0, &StepKind::Check);
        assert_eq!(p.len(), 1);
        assert!(!p[0].is_timed());
    }

    #[test]
    fn formats_durations() {
        assert_eq!(format_duration(Duration::from_secs(45)), "45s");
        assert_eq!(format_duration(Duration::from_secs(120)), "2m");
        assert_eq!(format_duration(Duration::from_secs(150)), "2m 30s");
        assert_eq!(format_duration(Duration::from_secs(3900)), "1h 5m");
        assert_eq!(format_duration(Duration::from_millis(29_600)), "30s");
    }
}
