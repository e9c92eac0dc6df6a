//! Whole runs of the coach through the app, as `winddown run` opens it: the
//! effects are carried out on a journal in a temporary folder, and the
//! answers go back to the coach. A fake clock: nothing sleeps.

mod common;

use common::builtin;

use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset, NaiveDate};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use winddown::config::Config;
use winddown::journal::Journal;
use winddown::journal::Outcome;
use winddown::paths::Paths;
use winddown::routine::Routine;
use winddown::session::Cue;
use winddown::tui::app::{App, AppContext, Recorder, Start};
use winddown::tui::coach::{CoachScreen, Mode};
use winddown::tui::screen::Input;
use winddown::tui::theme::Theme;

fn night() -> NaiveDate {
    "2026-11-23".parse().unwrap()
}

fn wall() -> DateTime<FixedOffset> {
    "2026-11-23T22:41:00+01:00".parse().unwrap()
}

struct Flow {
    app: App,
    out: Recorder,
    t0: Instant,
    paths: Paths,
    _dir: tempfile::TempDir,
}

impl Flow {
    fn open(routine: Routine, speed: f64) -> Flow {
        let dir = tempfile::tempdir().unwrap();
        Flow::open_in(dir, routine, speed)
    }

    fn open_in(dir: tempfile::TempDir, routine: Routine, speed: f64) -> Flow {
        let paths = Paths { config_dir: dir.path().join("config"), data_dir: dir.path().join("data") };
        let t0 = Instant::now();
        let mut ctx = AppContext::new(paths.clone(), Config::default(), vec![], wall(), t0);
        ctx.speed = speed;
        let app = App::open(ctx, Start::Coach(routine), t0).unwrap();
        let mut flow = Flow { app, out: Recorder::default(), t0, paths, _dir: dir };
        flow.input(Input::Open, 0.0);
        flow
    }

    fn input(&mut self, input: Input, s: f64) {
        let now = self.t0 + Duration::from_secs_f64(s);
        self.app.handle(input, now, &mut self.out);
    }

    fn key(&mut self, code: KeyCode, s: f64) {
        self.input(Input::Tick, s);
        self.input(Input::Key(KeyEvent::new(code, KeyModifiers::NONE)), s);
    }

    fn coach(&self) -> &CoachScreen {
        self.app.front_coach().expect("the coach")
    }

    /// Ticks every `step` seconds until the coach is on its check step.
    fn run_to_the_check(&mut self, step: f64) -> f64 {
        let mut t = 0.0;
        while self.coach().session.current_step() < 2 {
            t += step;
            self.input(Input::Tick, t);
        }
        t
    }

    fn journal(&self) -> Journal {
        Journal::new(self.paths.journal_dir())
    }

    fn screen(&self, s: f64) -> String {
        let mut term = Terminal::new(TestBackend::new(80, 24)).unwrap();
        let now = self.t0 + Duration::from_secs_f64(s);
        term.draw(|f| winddown::tui::app::view::render(&self.app, now, &Theme::plain(), f)).unwrap();
        term.backend().to_string()
    }
}

#[test]
fn a_run_to_the_end_is_in_the_journal_with_its_streak() {
    let mut f = Flow::open(builtin("two-minute"), 1.0);
    let t = f.run_to_the_check(0.25);
    // Progress is on disk as each step ends.
    let mid = f.journal().read_all().unwrap();
    assert_eq!(mid.night(night()).unwrap().runs[0].steps[1].outcome, Outcome::Done);
    f.key(KeyCode::Enter, t + 3.0);
    assert_eq!(f.coach().mode, Mode::Summary);
    let screen = f.screen(t + 3.0);
    assert!(screen.contains("Recorded for the night of Mon 23 Nov."), "{screen}");
    assert!(screen.contains("Routine streak: 1 night (longest 1)"), "{screen}");
    // The voice went out through the outside, first phase first.
    assert_eq!(f.out.said[0].words.as_deref(), Some("Wall calf stretch. Left leg."));
    assert!(f.out.cues.iter().any(|(c, _)| *c == Cue::RoutineEnd), "{:?}", f.out.cues);
    f.key(KeyCode::Enter, t + 4.0);
    assert!(f.app.finished(), "`winddown run` ends with the coach");

    let entries = f.journal().read_all().unwrap();
    let runs = &entries.night(night()).unwrap().runs;
    assert_eq!(runs.len(), 1);
    assert!(runs[0].completed() && runs[0].finished);
    assert_eq!(runs[0].routine, "two-minute");
    assert_eq!(runs[0].id, wall().to_rfc3339());
}

#[test]
fn a_practice_run_adds_nothing_to_the_streak() {
    let mut f = Flow::open(builtin("two-minute"), 20.0);
    let t = f.run_to_the_check(0.05);
    f.key(KeyCode::Enter, t + 0.1);
    assert_eq!(f.coach().streak.map(|s| s.current), Some(0));
    let screen = f.screen(t + 0.1);
    assert!(screen.contains("Routine streak: 0 nights"), "{screen}");
    let run = f.journal().read_all().unwrap().night(night()).unwrap().runs[0].clone();
    assert_eq!(run.speed, 20.0);
}

#[test]
fn a_quit_run_is_offered_again_and_finished_in_the_same_record() {
    let mut f = Flow::open(builtin("two-minute"), 1.0);
    let mut t = 0.0;
    while f.coach().session.current_step() < 1 {
        t += 0.5;
        f.input(Input::Tick, t);
    }
    f.key(KeyCode::Char('q'), t + 1.0);
    f.key(KeyCode::Enter, t + 2.0);
    assert!(f.app.finished());
    let Flow { _dir: dir, .. } = f;
    // The same routine again tonight: the coach reads the journal and offers to resume.
    let mut f = Flow::open_in(dir, builtin("two-minute"), 1.0);
    assert_eq!(f.coach().mode, Mode::ResumeOffer { step: 1 });
    f.key(KeyCode::Enter, 0.0);
    f.key(KeyCode::Char('n'), 0.0);
    f.key(KeyCode::Enter, 0.0);
    assert_eq!(f.coach().mode, Mode::Summary);
    let runs = f.journal().read_all().unwrap().night(night()).unwrap().runs.clone();
    assert_eq!(runs.len(), 1);
    assert_eq!((runs[0].steps[0].outcome, runs[0].steps[1].outcome), (Outcome::Done, Outcome::Skipped));
}

/// Practice is not a night: a practice run quit half-way is not offered to a
/// real run (which would overwrite it, holds done at ×10 counted as real).
#[test]
fn a_quit_practice_run_is_not_resumed_at_real_speed() {
    let mut f = Flow::open(builtin("two-minute"), 10.0);
    let mut t = 0.0;
    while f.coach().session.current_step() < 1 {
        t += 0.1;
        f.input(Input::Tick, t);
    }
    f.key(KeyCode::Char('q'), t + 0.1);
    f.key(KeyCode::Enter, t + 0.2);
    let Flow { _dir: dir, .. } = f;
    let f = Flow::open_in(dir, builtin("two-minute"), 1.0);
    assert_eq!(f.coach().mode, Mode::Running, "a real run starts afresh");
    let runs = f.journal().read_all().unwrap().night(night()).unwrap().runs.clone();
    assert_eq!(runs.len(), 1);
    assert_eq!(runs[0].speed, 10.0, "the practice record is kept as it was");
}

#[test]
fn a_write_the_journal_refuses_is_shown_never_called_recorded() {
    let mut f = Flow::open(builtin("two-minute"), 1.0);
    // The month file turns corrupt once the coach is open: every write is refused.
    let month = f.paths.journal_dir().join("2026-11.jsonl");
    std::fs::create_dir_all(f.paths.journal_dir()).unwrap();
    std::fs::write(&month, "this is not a journal\n").unwrap();
    let t = f.run_to_the_check(0.25);
    f.key(KeyCode::Enter, t + 3.0);
    let screen = f.screen(t + 3.0);
    assert!(screen.contains("Not saved:") && !screen.contains("Recorded for"), "{screen}");
    let reason = f.coach().save_error.clone().expect("the write failed");
    assert!(reason.contains("not a winddown journal header"), "{reason}");
    assert_eq!(std::fs::read_to_string(&month).unwrap(), "this is not a journal\n", "left as it was");
}
