//! The coach screen's model and update: key events and clock ticks in,
//! session actions out, and the cues and journal writes they call for
//! returned as effects (cues first, so a slow disk never delays one).
//! Drawing lives in `view.rs`.

use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset, NaiveDate};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::keys::{self, Action};
use crate::cues::{Script, Utterance};
use crate::journal::{Record, Run};
use crate::routine::Routine;
use crate::session::record::{resume_point, run_record};
use crate::session::{Cue, Session, StepState};
use crate::tui::keymap;
use crate::tui::screen::{Effect, Input};

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

pub struct CoachApp {
    pub session: Session,
    pub mode: Mode,
    night: NaiveDate,
    /// The run record's start time and id (kept when resuming).
    run_started: DateTime<FixedOffset>,
    /// Maps the monotonic clock to wall-clock time for the record.
    clock: crate::clock::WallClock,
    /// An unfinished run to resume: its next step, its steps so far, and when it started.
    resume: Option<(usize, Vec<StepState>, DateTime<FixedOffset>)>,
    /// Time already spent on the run before this resume (from its record).
    earlier: Duration,
    /// Time spent on the unfinished run, offered with it.
    resume_spent: Duration,
    pub flash_until: Option<Instant>,
    /// The first phase's words, given when the screen opens (unless a
    /// resume question comes first).
    opening: Option<Utterance>,
    script: Script,
    /// What this input calls for, in order: returned by `handle`.
    effects: Vec<Effect>,
    /// A journal write waiting until the cues of this input are out: (finished, as of).
    save_due: Option<(bool, Instant)>,
    /// The last journal write failed: shown on screen, retried at the next step.
    pub save_error: Option<String>,
    /// Stopped and saved: nothing more is recorded.
    stopped: bool,
    /// Time the routine took, for the summary.
    pub finished_in: Option<Duration>,
    /// The routine streak including tonight, once the summary shows.
    pub streak: Option<crate::stats::streak::Streak>,
    /// What tonight is in a running experiment ("off night 3 of 7 — …"), shown under the coach.
    pub experiment: Option<String>,
    /// Started from the home screen (where `c` checks in), not from `winddown run`.
    pub inside_app: bool,
}

impl CoachApp {
    /// A coach for `routine`; `tonight` is the night's journal entry runs, used to offer a resume.
    pub fn new(
        routine: Routine,
        speed: f64,
        night: NaiveDate,
        tonight: &[Run],
        wall_now: DateTime<FixedOffset>,
        now: Instant,
    ) -> CoachApp {
        let last = tonight.iter().rev().find(|r| r.routine == routine.id);
        let resume =
            last.and_then(|r| resume_point(r, &routine.content_hash).map(|(step, states)| (step, states, r.started)));
        // The time the earlier part took: from its start to its last recorded step.
        let resume_spent =
            last.and_then(|r| r.ended.map(|e| e - r.started)).and_then(|d| d.to_std().ok()).unwrap_or_default();
        let mut session = Session::new(routine, speed, now);
        let mode = match &resume {
            Some((step, _, _)) => {
                session.toggle_pause(now);
                Mode::ResumeOffer { step: *step }
            }
            None => Mode::Running,
        };
        let mut script = Script::new(&session);
        let opening = (mode == Mode::Running).then(|| script.observe(&session, &[])).flatten();
        CoachApp {
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
            save_error: None,
            finished_in: None,
            streak: None,
            experiment: None,
            inside_app: false,
        }
    }

    fn wall(&self, now: Instant) -> DateTime<FixedOffset> {
        self.clock.at(now)
    }

    /// Maps a key press to an action.
    fn handle_key(&mut self, key: KeyEvent, now: Instant) {
        if self.mode == Mode::Running {
            self.running_key(key, now);
            return;
        }
        if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
            self.quit_and_save(now);
            return;
        }
        match self.mode.clone() {
            Mode::ResumeOffer { .. } => match key.code {
                KeyCode::Enter | KeyCode::Char('y') => self.start(true, now),
                KeyCode::Char('s') | KeyCode::Char('n') => self.start(false, now),
                KeyCode::Esc | KeyCode::Char('q') => self.effects.push(Effect::Close),
                _ => {}
            },
            Mode::ConfirmQuit { was_paused } => match key.code {
                KeyCode::Enter | KeyCode::Char('y') | KeyCode::Char('q') => self.quit_and_save(now),
                KeyCode::Esc | KeyCode::Char('n') => {
                    if !was_paused {
                        self.session.toggle_pause(now);
                    }
                    self.mode = Mode::Running;
                }
                _ => {}
            },
            Mode::Help => {
                if matches!(key.code, KeyCode::Esc | KeyCode::Char('?') | KeyCode::Char('q') | KeyCode::Enter) {
                    self.mode = Mode::Running;
                }
            }
            Mode::Summary => match key.code {
                KeyCode::Esc | KeyCode::Char('q') | KeyCode::Enter => self.effects.push(Effect::Close),
                KeyCode::Char('h') => self.effects.push(Effect::History),
                _ => {}
            },
            Mode::Running => {}
        }
    }

    /// A key while the routine runs: whatever the coach's command list
    /// (`keys::running`) binds it to, if that does something now.
    fn running_key(&mut self, key: KeyEvent, now: Instant) {
        let Some(action) = keymap::action_for(&keys::running(&self.session), &key) else { return };
        let step_before = self.session.current_step();
        let cues = match action {
            Action::Pause => {
                self.session.toggle_pause(now);
                Vec::new()
            }
            Action::Confirm => self.session.confirm(now),
            Action::Skip => self.session.skip(now),
            Action::Back => {
                self.session.back(now);
                Vec::new()
            }
            Action::Restart => {
                self.session.restart_step(now);
                Vec::new()
            }
            Action::Help => {
                self.mode = Mode::Help;
                Vec::new()
            }
            Action::Quit => {
                let was_paused = self.session.is_paused();
                if !was_paused {
                    self.session.toggle_pause(now);
                }
                self.mode = Mode::ConfirmQuit { was_paused };
                Vec::new()
            }
            Action::QuitNow => {
                self.quit_and_save(now);
                return;
            }
        };
        self.after(cues, step_before, now);
    }

    fn start(&mut self, resume: bool, now: Instant) {
        let routine = self.session.routine().clone();
        let speed = self.session.speed();
        self.session = match (resume, self.resume.take()) {
            (true, Some((step, states, started))) => {
                self.run_started = started;
                self.earlier = self.resume_spent;
                Session::resume(routine, speed, now, step, states)
            }
            _ => {
                self.run_started = self.wall(now);
                self.earlier = Duration::ZERO;
                Session::new(routine, speed, now)
            }
        };
        self.script = Script::new(&self.session);
        self.mode = Mode::Running;
    }

    /// Advances the clock: cues, flashes, progress saves, the summary.
    fn tick(&mut self, now: Instant) {
        if matches!(self.mode, Mode::ResumeOffer { .. }) {
            return;
        }
        let step_before = self.session.current_step();
        let cues = self.session.tick(now);
        self.after(cues, step_before, now);
    }

    fn after(&mut self, cues: Vec<Cue>, step_before: usize, now: Instant) {
        for cue in &cues {
            if matches!(cue, Cue::SideSwitch | Cue::HoldEnd | Cue::RoutineEnd) {
                self.flash_until = Some(now + FLASH);
            }
            let title = self
                .session
                .routine()
                .steps
                .get(step_before.min(self.session.routine().steps.len().saturating_sub(1)))
                .map(|s| s.title.clone())
                .unwrap_or_default();
            self.effects.push(Effect::Cue(*cue, title));
        }
        if let Some(u) = self.script.observe(&self.session, &cues) {
            self.effects.push(Effect::Say(u));
        }
        if self.session.current_step() != step_before {
            self.save_due = Some((false, now));
        }
        if self.session.is_finished() && self.mode != Mode::Summary && !self.stopped {
            // The time actually spent, across a quit and resume.
            self.finished_in = self.session.duration().map(|d| d + self.earlier);
            self.save_due = Some((true, now));
            self.mode = Mode::Summary;
        }
    }

    /// Asks for what `after` left to write, behind this input's cues:
    /// progress at a step's end, or the finished run and the streak it makes.
    fn persist(&mut self) {
        if let Some((finished, at)) = self.save_due.take() {
            self.save(finished, at);
        }
    }

    /// Stops the session, records what was done, and leaves.
    fn quit_and_save(&mut self, now: Instant) {
        self.stop_and_save(now);
        self.effects.push(Effect::Close);
    }

    /// Stops the session and records what was done (a signal: the app ends after).
    fn stop_and_save(&mut self, now: Instant) {
        // This save supersedes one still waiting (it records everything done).
        self.save_due = None;
        if !matches!(self.mode, Mode::ResumeOffer { .. } | Mode::Summary) && !self.stopped {
            self.session.stop(now);
            self.save(true, now);
        }
        self.stopped = true;
    }

    /// Asks for the run to be written as it stands (a finished one with the
    /// streak it makes). Nothing is written before the first step ends.
    fn save(&mut self, finished: bool, now: Instant) {
        let run = run_record(&self.session, self.night, self.run_started, self.wall(now), finished);
        if run.steps.iter().all(|s| s.outcome == crate::journal::Outcome::NotReached) {
            return;
        }
        let tally = (finished && self.session.is_finished()).then_some(self.night);
        self.effects.push(Effect::Put { records: vec![Record::Run(run)], tally });
    }

    /// The answer to a write: the error shown until a later write succeeds.
    fn written(&mut self, result: Result<Option<crate::tui::screen::Tally>, String>) {
        match result {
            Ok(tally) => {
                self.save_error = None;
                if let Some(t) = tally {
                    self.streak = Some(t.routine);
                }
            }
            Err(e) => self.save_error = Some(e),
        }
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

impl crate::tui::screen::Screen for CoachApp {
    fn draw(&self, now: Instant, theme: &crate::tui::theme::Theme, f: &mut ratatui::Frame) {
        super::view::render(self, now, theme, f);
    }

    fn handle(&mut self, input: Input, now: Instant) -> Vec<Effect> {
        match input {
            Input::Open => self.effects.extend(self.opening.take().map(Effect::Say)),
            Input::Key(key) => self.handle_key(key, now),
            Input::Tick => self.tick(now),
            Input::Signal => self.stop_and_save(now),
            Input::Suspend => {
                if self.mode == Mode::Running && !self.session.is_paused() && !self.session.is_finished() {
                    self.session.toggle_pause(now);
                }
            }
            Input::Written(result) => self.written(result),
            Input::Night(_) | Input::File(..) | Input::Edited(_) => {}
        }
        // The cues of this input are listed; the write they may call for comes after them.
        self.persist();
        std::mem::take(&mut self.effects)
    }

    fn next_wake(&self, now: Instant) -> Option<Instant> {
        CoachApp::next_wake(self, now)
    }
}
