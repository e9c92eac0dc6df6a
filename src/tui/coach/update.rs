//! The coach screen's update: key events and clock ticks in, session
//! actions out, and the cues and journal writes they call for returned as
//! effects (cues first, so a slow disk never delays one).

use std::time::{Duration, Instant};

use crossterm::event::KeyEvent;

use super::keys::Action;
use super::state::{CoachScreen, FLASH, Mode};
use crate::cues::Script;
use crate::journal::{Outcome, Record};
use crate::session::record::run_record;
use crate::session::{Cue, Session};
use crate::tui::keymap;
use crate::tui::screen::{Effect, Input, Screen, Tally};
use crate::tui::theme::Theme;

impl CoachScreen {
    /// A key: whatever the command list of the current mode (`keys`) binds
    /// it to, if that does something now.
    fn handle_key(&mut self, key: KeyEvent, now: Instant) {
        let Some(action) = keymap::action_for(&self.commands(), &key) else { return };
        match action {
            Action::QuitAndSave => self.quit_and_save(now),
            // Ctrl-C ends the program, as on every screen, after saving what was done.
            Action::QuitNow => {
                self.stop_and_save(now);
                self.effects.push(Effect::Quit);
            }
            Action::Resume => self.start(true, now),
            Action::StartOver => self.start(false, now),
            Action::Leave | Action::Close => self.effects.push(Effect::Close),
            Action::History => self.effects.push(Effect::History),
            Action::KeepGoing => {
                if self.mode == (Mode::ConfirmQuit { was_paused: false }) {
                    self.session.toggle_pause(now);
                }
                self.mode = Mode::Running;
            }
            Action::CloseHelp => {
                // The hold paused for reading the help goes on again.
                if std::mem::take(&mut self.paused_for_help) && self.session.is_paused() {
                    self.session.toggle_pause(now);
                }
                self.mode = Mode::Running;
            }
            Action::Pause
            | Action::Confirm
            | Action::Skip
            | Action::Back
            | Action::Restart
            | Action::Help
            | Action::Quit => self.running_action(action, now),
        }
    }

    /// An action on the running routine; its cues and the write it calls for follow.
    fn running_action(&mut self, action: Action, now: Instant) {
        let step_before = self.session.current_step();
        let cues = match action {
            Action::Confirm => self.session.confirm(now),
            Action::Skip => self.session.skip(now),
            Action::Pause => {
                self.session.toggle_pause(now);
                Vec::new()
            }
            Action::Back => {
                self.session.back(now);
                Vec::new()
            }
            Action::Restart => {
                self.session.restart_step(now);
                Vec::new()
            }
            Action::Help => {
                // Reading the help must not cost a hold: it pauses while open.
                self.paused_for_help = !self.session.is_paused() && !self.session.is_finished();
                if self.paused_for_help {
                    self.session.toggle_pause(now);
                }
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
            _ => Vec::new(),
        };
        self.after(cues, step_before, now);
    }

    /// The answer to the resume question: carry on the unfinished run, or a new one.
    fn start(&mut self, resume: bool, now: Instant) {
        let routine = self.session.routine().clone();
        let speed = self.session.speed();
        self.session = match (resume, self.resume.take()) {
            (true, Some(r)) => {
                self.run_started = r.started;
                self.earlier = self.resume_spent;
                Session::resume(routine, speed, now, r.step, r.states)
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
            // Only a run that reached its end shows the streak it makes.
            self.save(finished, at, finished);
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
            // The coach closes after a quit: no summary, no streak to ask for.
            self.save(true, now, false);
        }
        self.stopped = true;
    }

    /// Asks for the run to be written as it stands, with the streak it makes
    /// when `tally`. Nothing is written before the first step ends.
    fn save(&mut self, finished: bool, now: Instant, tally: bool) {
        let run = run_record(&self.session, self.night, self.run_started, self.wall(now), finished);
        if run.steps.iter().all(|s| s.outcome == Outcome::NotReached) {
            return;
        }
        let tally = tally.then_some(self.night);
        self.effects.push(Effect::Put { records: vec![Record::Run(run)], tally });
    }

    /// The answer to a write: the error shown until a later write succeeds.
    fn written(&mut self, result: Result<Option<Tally>, String>) {
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
}

impl Screen for CoachScreen {
    fn draw(&self, now: Instant, theme: &Theme, f: &mut ratatui::Frame) {
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
        CoachScreen::next_wake(self, now)
    }
}
