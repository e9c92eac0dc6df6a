//! The coach screen on ratatui's TestBackend: snapshots of every phase and
//! overlay, and key-driven runs read from the effects the screen returns
//! (cues, then the journal writes they call for). A fake clock: nothing
//! sleeps, no folders. Whole runs through the app, with a journal on disk,
//! are in `coach_flow.rs`.

mod common;

use common::builtin;

use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset, NaiveDate};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use winddown::journal::{Outcome, Record, Run};
use winddown::routine::{Routine, parse_routine};
use winddown::session::Cue;
use winddown::stats::streak::Streak;
use winddown::tui::coach::{CoachScreen, Mode, keys, view};
use winddown::tui::keymap;
use winddown::tui::screen::{Effect, Input, Screen, Tally};
use winddown::tui::theme::{Palette, Theme};

fn night() -> NaiveDate {
    "2026-11-23".parse().unwrap()
}

fn wall() -> DateTime<FixedOffset> {
    "2026-11-23T22:41:00+01:00".parse().unwrap()
}

struct Rig {
    app: CoachScreen,
    t0: Instant,
}

impl Rig {
    fn new(routine: Routine) -> Rig {
        Rig::with(routine, 1.0, &[])
    }

    /// A coach at `speed`, offered tonight's `runs` so far.
    fn with(routine: Routine, speed: f64, runs: &[Run]) -> Rig {
        let t0 = Instant::now();
        Rig { app: CoachScreen::new(routine, speed, night(), runs, wall(), t0), t0 }
    }

    fn at(&self, s: f64) -> Instant {
        self.t0 + Duration::from_secs_f64(s)
    }

    fn input(&mut self, input: Input, s: f64) -> Vec<Effect> {
        let now = self.at(s);
        self.app.handle(input, now)
    }

    fn tick(&mut self, s: f64) -> Vec<Effect> {
        self.input(Input::Tick, s)
    }

    /// A key as the event loop gives it: the clock moved on, then the key.
    fn key(&mut self, code: KeyCode, s: f64) -> Vec<Effect> {
        self.press(KeyEvent::new(code, KeyModifiers::NONE), s)
    }

    fn press(&mut self, key: KeyEvent, s: f64) -> Vec<Effect> {
        let mut out = self.tick(s);
        out.extend(self.input(Input::Key(key), s));
        out
    }

    /// Ticks every `step` seconds from `from` until `done`; the effects of every tick.
    fn run_until(&mut self, from: f64, step: f64, done: impl Fn(&CoachScreen) -> bool) -> (f64, Vec<Effect>) {
        let (mut t, mut out) = (from, Vec::new());
        while !done(&self.app) {
            t += step;
            out.extend(self.tick(t));
        }
        (t, out)
    }

    fn screen(&self, s: f64, w: u16, h: u16) -> String {
        let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
        let theme = Theme::plain();
        term.draw(|f| view::render(&self.app, self.at(s), &theme, f)).unwrap();
        term.backend().to_string()
    }
}

/// The runs the effects ask to be written, in order.
fn puts(effects: &[Effect]) -> Vec<(Run, Option<NaiveDate>)> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::Put { records, tally } => match records.as_slice() {
                [Record::Run(run)] => Some((run.clone(), *tally)),
                other => panic!("the coach writes one run at a time: {other:?}"),
            },
            _ => None,
        })
        .collect()
}

/// Every cue comes before the first journal write of the same input.
fn cues_first(effects: &[Effect]) {
    let first_put = effects.iter().position(|e| matches!(e, Effect::Put { .. })).unwrap_or(effects.len());
    let last_cue = effects.iter().rposition(|e| matches!(e, Effect::Cue(..) | Effect::Say(_)));
    assert!(last_cue.is_none_or(|c| c < first_put), "a write before a cue: {effects:?}");
}

fn tally(current: u32) -> Tally {
    Tally { routine: Streak { current, longest: current, tonight_done: current > 0 }, ..Tally::default() }
}

/// A run quit after its first step: the record the journal would hold.
fn quit_after_first_step(routine: Routine) -> (Run, f64) {
    let mut r = Rig::new(routine);
    let (t, _) = r.run_until(0.0, 0.5, |a| a.session.current_step() >= 1);
    let out = r.press(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL), t + 1.0);
    (puts(&out).pop().expect("the quit's record").0, t + 1.0)
}

/// Rows of the screen that hold part of the big digits.
fn digit_rows(screen: &str) -> usize {
    screen.lines().filter(|l| l.contains("██") || l.contains("▀▀") || l.contains("▄▄")).count()
}

#[path = "coach_screen/effects.rs"]
mod effects;

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
    let out = r.key(KeyCode::Char('?'), 1.0);
    assert!(out.iter().all(|e| matches!(e, Effect::Say(_) | Effect::Cue(..))), "{out:?}");
    assert_eq!(r.app.mode, Mode::Help);
    assert!(r.app.session.is_paused(), "reading the help costs no hold");
    insta::assert_snapshot!(r.screen(1.0, 80, 24));
    // Any of its closing keys goes back to the routine, which goes on.
    r.key(KeyCode::Char('q'), 20.0);
    assert_eq!(r.app.mode, Mode::Running);
    assert!(!r.app.session.is_paused());
}

#[test]
fn quit_asks_first_and_esc_keeps_going() {
    let mut r = Rig::new(builtin("cramp-guard"));
    // Asking pauses the routine, and the voice says so; nothing closes or is written.
    let asked = r.key(KeyCode::Char('q'), 1.0);
    assert!(matches!(asked.as_slice(), [Effect::Say(u)] if u.words.as_deref() == Some("Paused.")), "{asked:?}");
    assert!(matches!(r.app.mode, Mode::ConfirmQuit { .. }));
    insta::assert_snapshot!(r.screen(1.0, 80, 24));
    assert!(r.key(KeyCode::Esc, 20.0).is_empty());
    assert_eq!(r.app.mode, Mode::Running);
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
fn whole_routine_by_keys_asks_for_the_run_and_its_streak() {
    let mut r = Rig::new(builtin("two-minute"));
    // Let the two stretches run out on their own, then confirm the water.
    let (t, out) = r.run_until(0.0, 0.25, |a| a.session.current_step() >= 2);
    // Progress was asked to be written as the stretches ended.
    let progress = puts(&out);
    assert_eq!(progress.len(), 2);
    assert_eq!(progress[1].0.steps[1].outcome, Outcome::Done);
    assert!(progress.iter().all(|(run, tally)| !run.finished && tally.is_none()));
    for _ in &progress {
        assert!(r.input(Input::Written(Ok(None)), t).is_empty());
    }
    let end = r.key(KeyCode::Enter, t + 3.0);
    cues_first(&end);
    assert!(end.iter().any(|e| matches!(e, Effect::Cue(Cue::RoutineEnd, _))), "{end:?}");
    assert_eq!(r.app.mode, Mode::Summary);
    let (run, asked) = puts(&end).pop().expect("the finished run");
    assert_eq!(asked, Some(night()), "the finished run asks for its streak");
    assert!(run.completed() && run.finished);
    assert_eq!(run.routine, "two-minute");
    assert_eq!(run.speed, 1.0);
    assert_eq!(run.steps[0].held_s.get(Some(winddown::routine::Side::Left)), 20.0);
    assert_eq!(run.id, wall().to_rfc3339());
    assert_eq!(run.id, progress[0].0.id, "one run, written again as it goes");
    // The journal's answer: written, and the streak it makes.
    r.input(Input::Written(Ok(Some(tally(1)))), t + 3.0);
    insta::assert_snapshot!("whole_routine_by_keys_ends_in_the_journal", r.screen(t + 3.0, 80, 24));
    // Inside the app the check-in is a key away.
    r.app.inside_app = true;
    assert!(r.screen(t + 3.0, 80, 24).contains("press c on the home screen"));
    // The summary's keys: h for the history, Enter closes; nothing more is written.
    assert_eq!(r.key(KeyCode::Char('h'), t + 4.0), [Effect::History]);
    assert_eq!(r.key(KeyCode::Enter, t + 4.0), [Effect::Close]);
    assert!(r.input(Input::Signal, t + 5.0).is_empty());
}

#[test]
fn an_unfinished_run_is_offered_for_resume() {
    let (first, t) = quit_after_first_step(builtin("two-minute"));
    let mut r = Rig::with(builtin("two-minute"), 1.0, std::slice::from_ref(&first));
    assert_eq!(r.app.mode, Mode::ResumeOffer { step: 1 });
    // Nothing is said before the question is answered.
    assert!(r.input(Input::Open, 0.0).is_empty());
    insta::assert_snapshot!(r.screen(0.0, 80, 24));
    assert!(r.key(KeyCode::Enter, 0.0).is_empty());
    assert_eq!(r.app.mode, Mode::Running);
    assert_eq!(r.app.session.current_step(), 1);
    // Finishing updates the same run record rather than adding one.
    let mut out = r.key(KeyCode::Char('n'), 0.0);
    out.extend(r.key(KeyCode::Enter, 0.0));
    let (run, tally) = puts(&out).pop().unwrap();
    assert_eq!(run.id, first.id);
    assert_eq!(tally, Some(night()));
    assert_eq!(run.steps[0].outcome, Outcome::Done);
    assert_eq!(run.steps[1].outcome, Outcome::Skipped);
    // "Time taken" is the time spent across the quit and the resume, not since the resume.
    assert!(r.app.finished_in.unwrap() >= Duration::from_secs_f64(t - 1.0), "{:?}", r.app.finished_in);
}

#[test]
fn a_run_that_could_not_be_saved_is_never_called_recorded() {
    // The journal's own words for a corrupt month file, in a folder whose
    // name is as long as a temporary one's (the snapshot shows it as [tmp]).
    let dir = "/tmp/.tmpAbC123";
    let reason = format!(
        "{dir}/2026-11.jsonl:1: the first line is not a winddown journal header \
         (the journal file was left as it is; fix or move it, then try again)"
    );
    let mut r = Rig::new(builtin("two-minute"));
    let (t, out) = r.run_until(0.0, 0.25, |a| a.session.current_step() >= 2);
    for _ in puts(&out) {
        r.input(Input::Written(Err(reason.clone())), t);
    }
    // Until the run ends, the footer says the progress is not saved.
    let screen = r.screen(t, 80, 24);
    assert!(screen.contains("not saved: /tmp/"), "{screen}");
    r.key(KeyCode::Enter, t + 3.0);
    assert_eq!(r.app.mode, Mode::Summary);
    r.input(Input::Written(Err(reason.clone())), t + 3.0);
    assert_eq!(r.app.save_error.as_deref(), Some(reason.as_str()));
    let screen = r.screen(t + 3.0, 80, 24);
    insta::assert_snapshot!(screen.replace(dir, "[tmp]"));
    assert!(!screen.contains("Recorded for"), "{screen}");
    assert!(screen.contains("Not saved:"), "{screen}");
    // The whole reason is there, wrapped over lines (its last word at least).
    let last_word = reason.split_whitespace().last().unwrap();
    assert!(screen.contains(last_word), "{last_word:?} missing:\n{screen}");
}

#[test]
fn the_countdown_grows_with_the_window() {
    let mut r = Rig::new(builtin("cramp-guard"));
    r.tick(5.0);
    let (small, medium, large) = (r.screen(17.5, 80, 24), r.screen(17.5, 120, 40), r.screen(17.5, 200, 60));
    // The two gauges also draw blocks: two rows beyond the digits.
    let rows = [digit_rows(&small) - 2, digit_rows(&medium) - 2, digit_rows(&large) - 2];
    assert!(rows[0] >= 10 && rows[1] >= 22 && rows[2] >= 40, "digit rows: {rows:?}");
    assert!(rows[2] * 3 >= 60 * 2, "at 200×60 the digits fill two thirds of the height: {rows:?}");
    // The phase and the side in large letters at every one of these sizes.
    for screen in [&small, &medium, &large] {
        assert!(shows_large(screen, "HOLD") && shows_large(screen, "LEFT"), "{screen}");
    }
    insta::assert_snapshot!("countdown_80x24", small);
    insta::assert_snapshot!("countdown_120x40", medium);
    insta::assert_snapshot!("countdown_200x60", large);
}

/// Whether `word` appears on the screen in the coach's large letters
/// (tui-big-text's quadrant size), each of its rows as drawn alone.
fn shows_large(screen: &str, word: &str) -> bool {
    use tui_big_text::{BigText, PixelSize};
    let width = word.chars().count() as u16 * 4;
    let mut term = Terminal::new(TestBackend::new(width, 4)).unwrap();
    term.draw(|f| {
        let big = BigText::builder().pixel_size(PixelSize::Quadrant).lines(vec![word.into()]).build();
        f.render_widget(big, f.area());
    })
    .unwrap();
    let drawn = term.backend().to_string();
    drawn.lines().map(|l| l.trim_matches('"').trim()).filter(|l| !l.is_empty()).all(|row| screen.contains(row))
}

/// Every phase at the three sizes the floor sees most: the phase word and
/// the side stay in large letters, and the digits grow with the window.
#[test]
fn every_phase_at_three_sizes() {
    let sizes = [(80, 24), (120, 40), (200, 60)];
    let shoot = |r: &Rig, name: &str, t: f64| {
        for (w, h) in sizes {
            insta::assert_snapshot!(format!("phase_{name}_{w}x{h}"), r.screen(t, w, h));
        }
    };
    let mut r = Rig::new(builtin("cramp-guard"));
    shoot(&r, "get_ready", 0.3);
    r.tick(5.0);
    shoot(&r, "hold", 17.5);
    r.tick(35.2);
    shoot(&r, "switch", 35.2);
    let mut r = Rig::new(builtin("hallegraeff-2012"));
    r.tick(15.5);
    shoot(&r, "rest", 15.5);
    let mut r = Rig::new(builtin("two-minute"));
    r.key(KeyCode::Char('n'), 1.0);
    r.key(KeyCode::Char('n'), 2.0);
    shoot(&r, "check", 2.0);
}
