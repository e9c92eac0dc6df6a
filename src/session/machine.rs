//! The session state machine. Phases run on deadlines computed from the
//! instant each phase began, and a phase that ends starts the next at its own
//! deadline (not at "now"), so a late redraw never stretches the routine.

use std::time::{Duration, Instant};

use super::outcome::StepState;
use crate::journal::Outcome;
use crate::routine::Routine;
use crate::routine::plan::{self, Phase, PhaseKind};

/// Something the user should hear or see happen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
    /// A hold began (after get-ready, a switch or a rest).
    HoldStart,
    /// Half of a hold is done (when the routine asks for it).
    Halfway,
    /// One of the last three seconds of a hold (3, 2, 1).
    Tick(u32),
    /// A hold ended and the other side comes next.
    SideSwitch,
    /// A hold ended (rest or the next step comes next).
    HoldEnd,
    /// A step is complete.
    StepEnd,
    /// The whole routine is complete.
    RoutineEnd,
}

impl Cue {
    /// The name given to a cue command in `WINDDOWN_EVENT`.
    pub fn name(self) -> &'static str {
        match self {
            Cue::HoldStart => "hold-start",
            Cue::Halfway => "halfway",
            Cue::Tick(_) => "tick",
            Cue::SideSwitch => "side-switch",
            Cue::HoldEnd => "hold-end",
            Cue::StepEnd => "step-end",
            Cue::RoutineEnd => "routine-end",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Session {
    routine: Routine,
    phases: Vec<Phase>,
    /// Index of the current phase; `phases.len()` once the routine is over.
    idx: usize,
    /// Real instant the current phase began, shifted forward by pauses.
    phase_start: Instant,
    paused_at: Option<Instant>,
    speed: f64,
    steps: Vec<StepState>,
    /// Cues already given in the current phase (halfway, last ticks).
    halfway_given: bool,
    last_tick: Option<u32>,
    /// When the routine ended, for the summary.
    ended_at: Option<Instant>,
    started_at: Instant,
}

/// Everything a screen needs to draw the session at one instant.
/// How much a check step weighs in the routine gauge (it takes no clock time).
pub const CHECK_WEIGHT: Duration = Duration::from_secs(5);

#[derive(Debug, Clone, PartialEq)]
pub struct SessionView {
    pub step: usize,
    pub step_count: usize,
    pub phase: Option<PhaseKind>,
    /// Whole seconds left in the phase, rounded up (what the big digits show).
    pub remaining_secs: u64,
    /// 0.0..=1.0 through the current phase.
    pub phase_progress: f64,
    /// 0.0..=1.0 through the routine's planned time.
    pub routine_progress: f64,
    /// Planned time left, at normal speed.
    pub time_left: Duration,
    pub paused: bool,
    pub finished: bool,
}

impl Session {
    /// A session at the first step.
    pub fn new(routine: Routine, speed: f64, now: Instant) -> Session {
        Session::resume(routine, speed, now, 0, Vec::new())
    }

    /// A session that starts at `step`, keeping earlier steps' outcomes (resuming a run).
    pub fn resume(routine: Routine, speed: f64, now: Instant, step: usize, earlier: Vec<StepState>) -> Session {
        let phases = plan::phases(&routine);
        let mut steps = vec![StepState::default(); routine.steps.len()];
        for (slot, prior) in steps.iter_mut().zip(earlier) {
            *slot = prior;
        }
        let speed = if speed.is_finite() && speed > 0.0 { speed } else { 1.0 };
        let mut s = Session {
            routine,
            phases,
            idx: 0,
            phase_start: now,
            paused_at: None,
            speed,
            steps,
            halfway_given: false,
            last_tick: None,
            ended_at: None,
            started_at: now,
        };
        s.idx = s.first_phase_of(step.min(s.routine.steps.len()));
        s
    }

    pub fn routine(&self) -> &Routine {
        &self.routine
    }

    pub fn speed(&self) -> f64 {
        self.speed
    }

    pub fn steps(&self) -> &[StepState] {
        &self.steps
    }

    pub fn is_finished(&self) -> bool {
        self.idx >= self.phases.len()
    }

    pub fn is_paused(&self) -> bool {
        self.paused_at.is_some()
    }

    pub fn current_phase(&self) -> Option<&Phase> {
        self.phases.get(self.idx)
    }

    /// Index of the current step (the step count once finished).
    pub fn current_step(&self) -> usize {
        self.current_phase().map_or(self.routine.steps.len(), |p| p.step)
    }

    /// Real time from start to end of the routine, once over (pauses included).
    pub fn duration(&self) -> Option<Duration> {
        self.ended_at.map(|e| e - self.started_at)
    }

    fn real(&self, d: Duration) -> Duration {
        d.div_f64(self.speed)
    }

    /// Session time spent in the current phase.
    fn elapsed_in_phase(&self, now: Instant) -> Duration {
        let until = self.paused_at.unwrap_or(now);
        until.saturating_duration_since(self.phase_start).mul_f64(self.speed)
    }

    /// The real instant the current timed phase ends.
    pub fn deadline(&self) -> Option<Instant> {
        let p = self.current_phase()?;
        (p.is_timed() && self.paused_at.is_none()).then(|| self.phase_start + self.real(p.duration))
    }

    /// Advances through every phase whose deadline has passed and returns the cues due.
    pub fn tick(&mut self, now: Instant) -> Vec<Cue> {
        let mut cues = Vec::new();
        if self.paused_at.is_some() {
            return cues;
        }
        while let Some(deadline) = self.deadline() {
            let phase = self.phases[self.idx];
            if let PhaseKind::Hold { .. } = phase.kind {
                self.in_phase_cues(phase, phase.duration.min(self.elapsed_in_phase(now)), &mut cues);
            }
            if now < deadline {
                break;
            }
            self.complete_phase(deadline, &mut cues);
        }
        cues
    }

    fn in_phase_cues(&mut self, phase: Phase, elapsed: Duration, cues: &mut Vec<Cue>) {
        let remaining = phase.duration.saturating_sub(elapsed);
        if self.routine.cues.halfway && !self.halfway_given && elapsed * 2 >= phase.duration && !remaining.is_zero() {
            self.halfway_given = true;
            cues.push(Cue::Halfway);
        }
        if self.routine.cues.last_ticks && !remaining.is_zero() && remaining <= Duration::from_secs(3) {
            let n = remaining.as_secs_f64().ceil() as u32;
            if self.last_tick.is_none_or(|t| n < t) && phase.duration > Duration::from_secs(3) {
                self.last_tick = Some(n);
                cues.push(Cue::Tick(n));
            }
        }
    }

    /// Ends the current timed phase at `end` and enters the next one.
    fn complete_phase(&mut self, end: Instant, cues: &mut Vec<Cue>) {
        let phase = self.phases[self.idx];
        if let PhaseKind::Hold { side, .. } = phase.kind {
            self.steps[phase.step].add_held(side, phase.duration.as_secs_f64());
        }
        let next = self.phases.get(self.idx + 1).copied();
        let step_over = next.is_none_or(|n| n.step != phase.step);
        if let PhaseKind::Hold { .. } = phase.kind {
            let switch_next = match next {
                Some(Phase { kind: PhaseKind::Switch { .. }, .. }) => true,
                // No switch pause: the other side's hold follows directly.
                Some(Phase { kind: PhaseKind::Hold { rep, .. }, step, .. }) => {
                    step == phase.step && matches!(phase.kind, PhaseKind::Hold { rep: r, .. } if r == rep)
                }
                _ => false,
            };
            cues.push(if switch_next { Cue::SideSwitch } else { Cue::HoldEnd });
        }
        if step_over {
            self.steps[phase.step].status = Some(Outcome::Done);
            cues.push(Cue::StepEnd);
        }
        self.enter(self.idx + 1, end, cues);
    }

    /// Makes phase `idx` current, beginning at `start`.
    fn enter(&mut self, idx: usize, start: Instant, cues: &mut Vec<Cue>) {
        self.idx = idx;
        self.phase_start = start;
        self.halfway_given = false;
        self.last_tick = None;
        match self.phases.get(idx) {
            None => {
                if self.ended_at.is_none() {
                    self.ended_at = Some(start);
                    cues.push(Cue::RoutineEnd);
                }
            }
            Some(p) if matches!(p.kind, PhaseKind::Hold { .. }) => cues.push(Cue::HoldStart),
            Some(_) => {}
        }
    }

    fn first_phase_of(&self, step: usize) -> usize {
        self.phases.iter().position(|p| p.step >= step).unwrap_or(self.phases.len())
    }

    /// Space: pause or resume. A pause shifts the deadlines; no time is lost or gained.
    pub fn toggle_pause(&mut self, now: Instant) {
        if self.is_finished() {
            return;
        }
        match self.paused_at.take() {
            Some(at) => self.phase_start += now.saturating_duration_since(at),
            None => {
                self.tick(now);
                self.paused_at = Some(now);
            }
        }
    }

    /// Enter: confirm a check step, or start the hold now during get-ready.
    pub fn confirm(&mut self, now: Instant) -> Vec<Cue> {
        let mut cues = self.tick(now);
        let Some(phase) = self.current_phase().copied() else {
            return cues;
        };
        self.paused_at = None;
        match phase.kind {
            PhaseKind::Check => {
                self.steps[phase.step].status = Some(Outcome::Done);
                cues.push(Cue::StepEnd);
                self.enter(self.idx + 1, now, &mut cues);
            }
            PhaseKind::GetReady | PhaseKind::Switch { .. } | PhaseKind::Rest { .. } => {
                self.enter(self.idx + 1, now, &mut cues);
            }
            PhaseKind::Hold { .. } => {}
        }
        cues
    }

    /// → / n: skip the rest of this step (partial if part of it was held).
    pub fn skip(&mut self, now: Instant) -> Vec<Cue> {
        let mut cues = self.tick(now);
        let Some(phase) = self.current_phase().copied() else {
            return cues;
        };
        self.bank_partial_hold(now);
        let state = &mut self.steps[phase.step];
        state.status = Some(if state.held_any() { Outcome::Partial } else { Outcome::Skipped });
        self.paused_at = None;
        let next = self.first_phase_of(phase.step + 1);
        self.enter(next, now, &mut cues);
        cues
    }

    /// ← / b: back to the start of the previous step (or this one, at the first).
    pub fn back(&mut self, now: Instant) {
        let step = self.current_step();
        let target = step.saturating_sub(1);
        for s in &mut self.steps[target..step.min(self.routine.steps.len())] {
            *s = StepState::default();
        }
        self.restart_at(target, now);
    }

    /// r: start the current step again from its first phase.
    pub fn restart_step(&mut self, now: Instant) {
        let step = self.current_step();
        if step < self.steps.len() {
            self.steps[step] = StepState::default();
        }
        self.restart_at(step, now);
    }

    fn restart_at(&mut self, step: usize, now: Instant) {
        self.paused_at = None;
        self.ended_at = None;
        let idx = self.first_phase_of(step);
        let mut ignored = Vec::new();
        self.enter(idx, now, &mut ignored);
    }

    /// Quitting: whatever was held in the current phase is kept; the current
    /// step becomes partial (or stays pending if nothing of it was done).
    pub fn stop(&mut self, now: Instant) {
        self.tick(now);
        if let Some(phase) = self.current_phase().copied() {
            self.bank_partial_hold(now);
            let state = &mut self.steps[phase.step];
            if state.held_any() {
                state.status = Some(Outcome::Partial);
            }
            self.idx = self.phases.len();
            self.ended_at = Some(now);
        }
    }

    /// Adds the part of the current hold done so far to the step's held time.
    fn bank_partial_hold(&mut self, now: Instant) {
        let Some(phase) = self.current_phase().copied() else {
            return;
        };
        if let PhaseKind::Hold { side, .. } = phase.kind {
            let secs = self.elapsed_in_phase(now).min(phase.duration).as_secs_f64();
            self.steps[phase.step].add_held(side, secs);
        }
    }

    /// The real instant the screen next needs redrawing (the shown second changes,
    /// or the phase ends); `None` while paused or waiting for a check.
    pub fn next_change(&self, now: Instant) -> Option<Instant> {
        let deadline = self.deadline()?;
        let phase = self.current_phase()?;
        let remaining = phase.duration.saturating_sub(self.elapsed_in_phase(now)).as_secs_f64();
        // The digits show ceil(remaining); they change when remaining reaches the integer below.
        let to_next = remaining - (remaining.ceil() - 1.0).max(0.0);
        let wait = Duration::from_secs_f64((to_next / self.speed).max(0.001));
        Some((now + wait).min(deadline))
    }

    pub fn view(&self, now: Instant) -> SessionView {
        let total = plan::total_time(&self.routine);
        let done_before: Duration = self.phases[..self.idx.min(self.phases.len())].iter().map(|p| p.duration).sum();
        let (phase, remaining, phase_progress, in_phase) = match self.current_phase() {
            None => (None, Duration::ZERO, 1.0, Duration::ZERO),
            Some(p) if !p.is_timed() => (Some(p.kind), Duration::ZERO, 0.0, Duration::ZERO),
            Some(p) => {
                let e = self.elapsed_in_phase(now).min(p.duration);
                let progress = if p.duration.is_zero() { 1.0 } else { e.as_secs_f64() / p.duration.as_secs_f64() };
                (Some(p.kind), p.duration - e, progress, e)
            }
        };
        let done = done_before + in_phase;
        // A check step takes no clock time, but it is still to do: each weighs
        // CHECK_WEIGHT, so the gauge reaches 100 % only when the routine is over.
        let idx = self.idx.min(self.phases.len());
        let checks = self.phases.iter().filter(|p| !p.is_timed()).count() as f64;
        let checks_done = self.phases[..idx].iter().filter(|p| !p.is_timed()).count() as f64;
        let w = CHECK_WEIGHT.as_secs_f64();
        let whole = total.as_secs_f64() + w * checks;
        SessionView {
            step: self.current_step(),
            step_count: self.routine.steps.len(),
            phase,
            remaining_secs: remaining.as_secs() + u64::from(remaining.subsec_nanos() > 0),
            phase_progress,
            routine_progress: if self.is_finished() {
                1.0
            } else if whole == 0.0 {
                self.idx as f64 / self.phases.len().max(1) as f64
            } else {
                ((done.as_secs_f64() + w * checks_done) / whole).min(1.0)
            },
            time_left: total.saturating_sub(done),
            paused: self.is_paused(),
            finished: self.is_finished(),
        }
    }
}
