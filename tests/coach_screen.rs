//! The coach screen on ratatui's TestBackend: snapshots of every phase and
//! overlay, and key-driven runs that end in the journal. A fake clock: nothing sleeps.

use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset, NaiveDate};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use winddown::journal::{Journal, Outcome};
use winddown::routine::library::Library;
use winddown::routine::{Routine, parse_routine};
use winddown::tui::coach::{CoachApp, Mode, view};
use winddown::tui::theme::Theme;

fn builtin(id: &str) -> Routine {
    Library::load(std::path::Path::new("/nonexistent")).find(id).unwrap().routine.clone().unwrap()
}

fn night() -> NaiveDate {
    "2026-11-23".parse().unwrap()
}

fn wall() -> DateTime<FixedOffset> {
    "2026-11-23T22:41:00+01:00".parse().unwrap()
}

struct Rig {
    app: CoachApp,
    t0: Instant,
    journal: Journal,
    _dir: tempfile::TempDir,
}

impl Rig {
    fn new(routine: Routine) -> Rig {
        let dir = tempfile::tempdir().unwrap();
        let journal = Journal::new(dir.path());
        let t0 = Instant::now();
        let app = CoachApp::new(routine, 1.0, journal.clone(), night(), &[], wall(), t0);
        Rig { app, t0, journal, _dir: dir }
    }

    fn at(&self, s: f64) -> Instant {
        self.t0 + Duration::from_secs_f64(s)
    }

    fn key(&mut self, code: KeyCode, s: f64) {
        let now = self.at(s);
        self.app.tick(now);
        self.app.handle_key(KeyEvent::new(code, KeyModifiers::NONE), now);
    }

    fn tick(&mut self, s: f64) {
        self.app.tick(self.at(s));
    }

    fn screen(&self, s: f64, w: u16, h: u16) -> String {
        let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
        let theme = Theme { color: false };
        term.draw(|f| view::render(&self.app, self.at(s), &theme, f)).unwrap();
        term.backend().to_string()
    }
}

#[test]
fn get_ready_80x24() {
    let r = Rig::new(builtin("cramp-guard"));
    insta::assert_snapshot!(r.screen(0.3, 80, 24));
}

#[test]
fn hold_left_leg_80x24() {
    let mut r = Rig::new(builtin("cramp-guard"));
    r.tick(5.0);
    insta::assert_snapshot!(r.screen(17.5, 80, 24));
}

#[test]
fn switch_80x24() {
    let mut r = Rig::new(builtin("cramp-guard"));
    r.tick(35.2);
    let screen = r.screen(35.2, 80, 24);
    assert!(screen.contains("SWITCH · now the RIGHT leg"), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn rest_between_reps() {
    let mut r = Rig::new(builtin("hallegraeff-2012"));
    r.tick(15.5);
    let screen = r.screen(15.5, 80, 24);
    assert!(screen.contains("REST · rep 2 of 3 next"), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn check_step_80x24() {
    let mut r = Rig::new(builtin("two-minute"));
    r.key(KeyCode::Char('n'), 1.0);
    r.key(KeyCode::Char('n'), 2.0);
    let screen = r.screen(2.0, 80, 24);
    assert!(screen.contains("press Enter when done"), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn paused_hold() {
    let mut r = Rig::new(builtin("two-minute"));
    r.tick(3.0);
    r.key(KeyCode::Char(' '), 8.0);
    insta::assert_snapshot!(r.screen(60.0, 80, 24));
}

#[test]
fn help_overlay() {
    let mut r = Rig::new(builtin("cramp-guard"));
    r.key(KeyCode::Char('?'), 1.0);
    insta::assert_snapshot!(r.screen(1.0, 80, 24));
}

#[test]
fn quit_asks_first_and_esc_keeps_going() {
    let mut r = Rig::new(builtin("cramp-guard"));
    r.key(KeyCode::Char('q'), 1.0);
    assert!(matches!(r.app.mode, Mode::ConfirmQuit { .. }));
    insta::assert_snapshot!(r.screen(1.0, 80, 24));
    r.key(KeyCode::Esc, 20.0);
    assert_eq!(r.app.mode, Mode::Running);
    assert!(!r.app.quit);
    // The question paused the clock: 19 s of asking were not counted.
    assert_eq!(r.app.session.view(r.at(20.0)).remaining_secs, 4);
}

#[test]
fn small_terminal_asks_for_room() {
    let r = Rig::new(builtin("cramp-guard"));
    let screen = r.screen(0.0, 30, 8);
    assert!(screen.contains("Make the window larger"), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn minimum_size_lays_out() {
    let mut r = Rig::new(builtin("cramp-guard"));
    r.tick(5.0);
    insta::assert_snapshot!(r.screen(6.0, view::MIN_WIDTH, view::MIN_HEIGHT));
}

#[test]
fn whole_routine_by_keys_ends_in_the_journal() {
    let mut r = Rig::new(builtin("two-minute"));
    // Let the two stretches run out on their own, then confirm the water.
    let mut t = 0.0;
    while r.app.session.current_step() < 2 {
        t += 0.25;
        r.tick(t);
    }
    // Progress was written as the stretches ended.
    let mid = r.journal.read_all().unwrap();
    assert_eq!(mid.night(night()).unwrap().runs[0].steps[1].outcome, Outcome::Done);
    r.key(KeyCode::Enter, t + 3.0);
    assert_eq!(r.app.mode, Mode::Summary);
    insta::assert_snapshot!(r.screen(t + 3.0, 80, 24));
    // Inside the app the check-in is a key away.
    r.app.inside_app = true;
    assert!(r.screen(t + 3.0, 80, 24).contains("press c on the home screen"));
    r.key(KeyCode::Enter, t + 4.0);
    assert!(r.app.quit);

    let e = r.journal.read_all().unwrap();
    let n = e.night(night()).unwrap();
    assert_eq!(n.runs.len(), 1);
    let run = &n.runs[0];
    assert!(run.completed() && run.finished);
    assert_eq!(run.routine, "two-minute");
    assert_eq!(run.speed, 1.0);
    assert_eq!(run.steps[0].held_s["left"], 20.0);
    assert_eq!(run.id, wall().to_rfc3339());
}

#[test]
fn skip_back_and_quit_record_outcomes() {
    let mut r = Rig::new(builtin("cramp-guard"));
    r.tick(15.0);
    r.key(KeyCode::Right, 15.0); // 10 s of the left side held: partial
    r.key(KeyCode::Char('n'), 16.0); // nothing held: skipped
    r.key(KeyCode::Left, 17.0); // back to step 2
    assert_eq!(r.app.session.current_step(), 1);
    r.key(KeyCode::Char('r'), 18.0);
    r.app.handle_key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL), r.at(19.0));
    assert!(r.app.quit);
    let e = r.journal.read_all().unwrap();
    let run = &e.night(night()).unwrap().runs[0];
    assert!(run.finished && !run.completed());
    assert_eq!(run.steps[0].outcome, Outcome::Partial);
    assert_eq!(run.steps[0].held_s["left"], 10.0);
    assert_eq!(run.steps[1].outcome, Outcome::NotReached);
}

#[test]
fn an_unfinished_run_is_offered_for_resume() {
    let mut r = Rig::new(builtin("two-minute"));
    let mut t = 0.0;
    while r.app.session.current_step() < 1 {
        t += 0.5;
        r.tick(t);
    }
    r.app.quit_and_save(r.at(t + 1.0));
    let runs = r.journal.read_all().unwrap().night(night()).unwrap().runs.clone();

    let t0 = Instant::now();
    let mut again = CoachApp::new(builtin("two-minute"), 1.0, r.journal.clone(), night(), &runs, wall(), t0);
    assert_eq!(again.mode, Mode::ResumeOffer { step: 1 });
    let rig = Rig { app: again, t0, journal: r.journal.clone(), _dir: tempfile::tempdir().unwrap() };
    insta::assert_snapshot!(rig.screen(0.0, 80, 24));
    again = rig.app;
    again.handle_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE), t0);
    assert_eq!(again.mode, Mode::Running);
    assert_eq!(again.session.current_step(), 1);
    // Finishing updates the same run record rather than adding one.
    again.handle_key(KeyEvent::new(KeyCode::Char('n'), KeyModifiers::NONE), t0);
    again.handle_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE), t0);
    let runs = r.journal.read_all().unwrap().night(night()).unwrap().runs.clone();
    assert_eq!(runs.len(), 1);
    assert_eq!(runs[0].steps[0].outcome, Outcome::Done);
    assert_eq!(runs[0].steps[1].outcome, Outcome::Skipped);
}

#[test]
fn a_changed_routine_is_not_resumed() {
    let text = "name = \"x\"\nsummary = \"y\"\n[[step]]\ntitle = \"a\"\nhold = \"5s\"\n[[step]]\ntitle = \"b\"\nhold = \"5s\"\n";
    let mut r = Rig::new(parse_routine("x", "x.toml", text).unwrap());
    r.tick(11.0);
    r.app.quit_and_save(r.at(11.0));
    let runs = r.journal.read_all().unwrap().night(night()).unwrap().runs.clone();
    let edited = parse_routine("x", "x.toml", &text.replace("\"b\"", "\"c\"")).unwrap();
    let app = CoachApp::new(edited, 1.0, r.journal.clone(), night(), &runs, wall(), Instant::now());
    assert_eq!(app.mode, Mode::Running);
}

#[test]
fn countdown_and_time_left_change_together() {
    // The countdown and the routine's time left count the same seconds: the
    // time left must not change in the middle of a countdown second (it looked
    // as if time passed while paused).
    let mut r = Rig::new(builtin("cramp-guard"));
    r.tick(5.0);
    let label = |s: f64| {
        let screen = r.screen(s, 80, 24);
        // The gauges' text, without their bars (which fill smoothly).
        let text = |needle: &str| {
            let line = screen.lines().find(|l| l.contains(needle)).unwrap();
            line.split(['│', '█', '▌', '▍', '▎', '▏', '▊', '▋', '▉']).map(str::trim).collect::<Vec<_>>().join("")
        };
        let routine = text("routine ");
        (text("hold · "), routine.rsplit('·').next().unwrap().to_string())
    };
    for second in 10..14 {
        let s = f64::from(second);
        assert_eq!(label(s + 0.05), label(s + 0.45), "at {s}");
        assert_eq!(label(s + 0.55), label(s + 0.95), "at {s}");
        assert_eq!(label(s + 0.05), label(s + 0.95), "at {s}");
    }
}
