//! The coach screen's state: the session, the mode it is in (running, a
//! question, the help, the summary), and what the journal last said. Built
//! from the night's runs so far, to offer a resume. The update is in
//! `update.rs`, the drawing in `view.rs`.

use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset, NaiveDate};

use crate::cues::{Script, Utterance};
use crate::journal::Run;
use crate::routine::Routine;
use crate::session::record::resume_point;
use crate::session::{Session, StepState};
use crate::tui::screen::Effect;

/// How long the screen flashes on a side switch, hold end or routine end.
pub const FLASH: Duration = Duration::from_millis(400);

#[derive(Debug, Clone, PartialEq)]
pub enum Mode {
    /// An unfinished run of this routine exists tonight: resume it or start over?
    ResumeOffer {
        step: usize,
    },
    Running,
    /// "Quit and save progress?"; the session is paused while asking.
    ConfirmQuit {
        was_paused: bool,
    },
    Help,
    /// The end-of-routine summary.
    Summary,
}

/// An unfinished run to resume: its next step, its steps so far, and when it started.
pub(super) struct Resumable {
    pub step: usize,
    pub states: Vec<StepState>,
    pub started: DateTime<FixedOffset>,
}

pub struct CoachScreen {
    pub session: Session,
    pub mode: Mode,
    pub(super) night: NaiveDate,
    /// The run record's start time and id (kept when resuming).
    pub(super) run_started: DateTime<FixedOffset>,
    /// Maps the monotonic clock to wall-clock time for the record.
    pub(super) clock: crate::clock::WallClock,
    pub(super) resume: Option<Resumable>,
    /// Time already spent on the run before this resume (from its record).
    pub(super) earlier: Duration,
    /// Time spent on the unfinished run, offered with it.
    pub(super) resume_spent: Duration,
    pub flash_until: Option<Instant>,
    /// The help paused a running session (it resumes when the help closes).
    pub(super) paused_for_help: bool,
    /// The first phase's words, given when the screen opens (unless a
    /// resume question comes first).
    pub(super) opening: Option<Utterance>,
    pub(super) script: Script,
    /// What this input calls for, in order: returned by `handle`.
    pub(super) effects: Vec<Effect>,
    /// A journal write waiting until the cues of this input are out: (finished, as of).
    pub(super) save_due: Option<(bool, Instant)>,
    /// The last journal write failed: shown on screen, retried at the next step.
    pub save_error: Option<String>,
    /// Stopped and saved: nothing more is recorded.
    pub(super) stopped: bool,
    /// Time the routine took, for the summary.
    pub finished_in: Option<Duration>,
    /// The routine streak including tonight, once the summary shows.
    pub streak: Option<crate::stats::streak::Streak>,
    /// What tonight is in a running experiment ("off night 3 of 7 — …"), shown under the coach.
    pub experiment: Option<String>,
    /// Started from the home screen (where `c` checks in), not from `winddown run`.
    pub inside_app: bool,
}

impl CoachScreen {
    /// A coach for `routine`; `tonight` is the night's journal entry runs, used to offer a resume.
    pub fn new(
        routine: Routine,
        speed: f64,
        night: NaiveDate,
        tonight: &[Run],
        wall_now: DateTime<FixedOffset>,
        now: Instant,
    ) -> CoachScreen {
        // Only a run at the same speed is resumed: practice (another speed)
        // never becomes a real run, nor a real run practice.
        let last = tonight.iter().rev().find(|r| r.routine == routine.id && r.speed == speed);
        let resume = last.and_then(|r| {
            resume_point(r, &routine.content_hash).map(|(step, states)| Resumable { step, states, started: r.started })
        });
        // The time the earlier part took: from its start to its last recorded step.
        let resume_spent =
            last.and_then(|r| r.ended.map(|e| e - r.started)).and_then(|d| d.to_std().ok()).unwrap_or_default();
        let mut session = Session::new(routine, speed, now);
        let mode = match &resume {
            Some(r) => {
                session.toggle_pause(now);
                Mode::ResumeOffer { step: r.step }
            }
            None => Mode::Running,
        };
        let mut script = Script::new(&session);
        let opening = (mode == Mode::Running).then(|| script.observe(&session, &[])).flatten();
        CoachScreen {
            script,
            opening,
            effects: Vec::new(),
            save_due: None,
            stopped: false,
            session,
            mode,
            night,
            run_started: wall_now,
            clock: crate::clock::WallClock::new(wall_now, now),
            resume,
            earlier: Duration::ZERO,
            resume_spent,
            flash_until: None,
            paused_for_help: false,
            save_error: None,
            finished_in: None,
            streak: None,
            experiment: None,
            inside_app: false,
        }
    }

    pub(super) fn wall(&self, now: Instant) -> DateTime<FixedOffset> {
        self.clock.at(now)
    }

    /// When the loop must wake next with no key pressed.
    pub fn next_wake(&self, now: Instant) -> Option<Instant> {
        let flash = self.flash_until.filter(|f| *f > now);
        let session = match self.mode {
            Mode::Running | Mode::Help => self.session.next_change(now),
            _ => None,
        };
        match (flash, session) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    pub fn flashing(&self, now: Instant) -> bool {
        self.flash_until.is_some_and(|f| f > now)
    }

    pub fn night(&self) -> NaiveDate {
        self.night
    }
}
