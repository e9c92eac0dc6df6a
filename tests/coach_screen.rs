//! The coach screen on ratatui's TestBackend: snapshots of every phase and
//! overlay, and key-driven runs read from the effects the screen returns
//! (cues, then the journal writes they call for). A fake clock: nothing
//! sleeps, no folders. Whole runs through the app, with a journal on disk,
//! are in `coach_flow.rs`.

use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset, NaiveDate};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use winddown::journal::{Outcome, Record, Run};
use winddown::routine::library::Library;
use winddown::routine::{Routine, parse_routine};
use winddown::session::Cue;
use winddown::stats::streak::Streak;
use winddown::tui::coach::{CoachApp, Mode, keys, view};
use winddown::tui::keymap;
use winddown::tui::screen::{Effect, Input, Screen, Tally};
use winddown::tui::theme::{Palette, Theme};

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
}

impl Rig {
    fn new(routine: Routine) -> Rig {
        Rig::with(routine, 1.0, &[])
    }

    /// A coach at `speed`, offered tonight's `runs` so far.
    fn with(routine: Routine, speed: f64, runs: &[Run]) -> Rig {
        let t0 = Instant::now();
        Rig { app: CoachApp::new(routine, speed, night(), runs, wall(), t0), t0 }
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
    fn run_until(&mut self, from: f64, step: f64, done: impl Fn(&CoachApp) -> bool) -> (f64, Vec<Effect>) {
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
    assert!(r.key(KeyCode::Char('?'), 1.0).is_empty());
    assert_eq!(r.app.mode, Mode::Help);
    insta::assert_snapshot!(r.screen(1.0, 80, 24));
    // Any of its closing keys goes back to the routine, which ran on meanwhile.
    r.key(KeyCode::Char('q'), 2.0);
    assert_eq!(r.app.mode, Mode::Running);
}

/// The footer, the `?` help and the key handler all read the coach's command
/// list: during a hold the footer offers no Enter, and Enter does nothing there.
#[test]
fn the_footer_and_help_come_from_the_keymap() {
    let footer_of = |r: &Rig, s: f64| {
        let pairs = keymap::footer(&r.app.commands());
        let line = pairs.iter().map(|(k, w)| format!("{k} {w}")).collect::<Vec<_>>().join(" · ");
        let screen = r.screen(s, 80, 24);
        assert!(screen.contains(&line), "footer {line:?} not on\n{screen}");
        line
    };
    let mut r = Rig::new(builtin("cramp-guard"));
    assert_eq!(footer_of(&r, 1.0), "Space pause · Enter start · n skip · b back · ? help · q quit");
    r.tick(10.0);
    assert_eq!(footer_of(&r, 10.0), "Space pause · n skip · b back · ? help · q quit");
    let before = r.screen(10.0, 80, 24);
    assert!(r.key(KeyCode::Enter, 10.0).is_empty());
    assert_eq!(r.screen(10.0, 80, 24), before, "Enter does nothing during a hold");

    let mut check = Rig::new(builtin("two-minute"));
    check.key(KeyCode::Char('n'), 1.0);
    check.key(KeyCode::Char('n'), 2.0);
    assert!(footer_of(&check, 2.0).contains("Enter done"));

    r.key(KeyCode::Char('?'), 11.0);
    let screen = r.screen(11.0, 80, 24);
    for (keys, what) in keymap::help(&keys::running(&r.app.session)) {
        assert!(screen.contains(what) && screen.contains(keys), "{keys} {what} not in the help:\n{screen}");
    }
    assert!(screen.contains("any of ? Esc Enter closes this"), "{screen}");
    r.key(KeyCode::Esc, 12.0);

    // The question's keys are the list's, and only they do anything there.
    r.key(KeyCode::Char('q'), 13.0);
    assert_eq!(footer_of(&r, 13.0), "Enter quit and save · Esc keep going");
    // Under the question the footer offers only its keys: Space does nothing there.
    assert!(!r.screen(13.0, 80, 24).contains("Space pause"));
    assert!(r.key(KeyCode::Char(' '), 13.5).is_empty());
    assert!(matches!(r.app.mode, Mode::ConfirmQuit { .. }));
    assert!(r.key(KeyCode::Char('n'), 14.0).is_empty());
    assert_eq!(r.app.mode, Mode::Running, "n: keep going");
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
fn quitting_mid_run_saves_then_closes() {
    let mut r = Rig::new(builtin("two-minute"));
    let (t, _) = r.run_until(0.0, 0.5, |a| a.session.current_step() == 1);
    r.key(KeyCode::Char('q'), t + 1.0);
    let out = r.key(KeyCode::Enter, t + 2.0);
    assert!(matches!(out.as_slice(), [Effect::Put { .. }, Effect::Close]), "{out:?}");
    let (run, tally) = puts(&out).remove(0);
    assert!(run.finished && !run.completed());
    assert_eq!(run.steps[0].outcome, Outcome::Done);
    assert_eq!(tally, None, "no summary after a quit: no streak asked for");
    // Nothing more is recorded after the quit.
    assert!(puts(&r.input(Input::Signal, t + 3.0)).is_empty());
}

#[test]
fn quitting_before_any_step_ends_writes_nothing() {
    let mut r = Rig::new(builtin("two-minute"));
    r.tick(1.0);
    let out = r.input(Input::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)), 1.0);
    assert_eq!(out, [Effect::Close]);
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
fn skip_back_and_quit_record_outcomes() {
    let mut r = Rig::new(builtin("cramp-guard"));
    r.tick(15.0);
    r.key(KeyCode::Right, 15.0); // 10 s of the left side held: partial
    r.key(KeyCode::Char('n'), 16.0); // nothing held: skipped
    r.key(KeyCode::Left, 17.0); // back to step 2
    assert_eq!(r.app.session.current_step(), 1);
    r.key(KeyCode::Char('r'), 18.0);
    let out = r.press(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL), 19.0);
    assert!(matches!(out.last(), Some(Effect::Close)), "{out:?}");
    let (run, _) = puts(&out).pop().expect("the quit's record");
    assert!(run.finished && !run.completed());
    assert_eq!(run.steps[0].outcome, Outcome::Partial);
    assert_eq!(run.steps[0].held_s.get(Some(winddown::routine::Side::Left)), 10.0);
    assert_eq!(run.steps[1].outcome, Outcome::NotReached);
}

/// A run quit after its first step: the record the journal would hold.
fn quit_after_first_step(routine: Routine) -> (Run, f64) {
    let mut r = Rig::new(routine);
    let (t, _) = r.run_until(0.0, 0.5, |a| a.session.current_step() >= 1);
    let out = r.press(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL), t + 1.0);
    (puts(&out).pop().expect("the quit's record").0, t + 1.0)
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
fn the_resume_question_starts_over_or_leaves_without_writing() {
    let (first, _) = quit_after_first_step(builtin("two-minute"));
    let mut r = Rig::with(builtin("two-minute"), 1.0, std::slice::from_ref(&first));
    // The clock stands still while it asks; a signal saves nothing.
    assert!(r.tick(60.0).is_empty());
    assert!(r.input(Input::Signal, 60.0).is_empty());
    let mut r = Rig::with(builtin("two-minute"), 1.0, std::slice::from_ref(&first));
    assert_eq!(r.key(KeyCode::Char('q'), 1.0), [Effect::Close]);
    let mut r = Rig::with(builtin("two-minute"), 1.0, std::slice::from_ref(&first));
    assert!(r.key(KeyCode::Char('s'), 1.0).is_empty());
    assert_eq!(r.app.session.current_step(), 0, "started over");
    let (_, out) = r.run_until(1.0, 0.5, |a| a.session.current_step() >= 1);
    let (run, _) = puts(&out).pop().unwrap();
    assert_ne!(run.id, first.id, "a new run, not the old one");
}

#[test]
fn a_practice_run_says_so_and_is_recorded_with_its_speed() {
    let mut r = Rig::with(builtin("two-minute"), 20.0, &[]);
    let (t, _) = r.run_until(0.0, 0.05, |a| a.session.current_step() >= 2);
    let out = r.key(KeyCode::Enter, t + 0.1);
    assert_eq!(r.app.mode, Mode::Summary);
    let (run, _) = puts(&out).pop().unwrap();
    assert_eq!(run.speed, 20.0);
    let s = r.screen(t + 0.1, 80, 24);
    assert!(s.contains("Practice (clock ×20): recorded, but not counted"), "{s}");
}

#[test]
fn a_changed_routine_is_not_resumed() {
    let text = "name = \"x\"\nsummary = \"y\"\n[[step]]\ntitle = \"a\"\nhold = \"5s\"\n[[step]]\ntitle = \"b\"\nhold = \"5s\"\n";
    let (run, _) = quit_after_first_step(parse_routine("x", "x.toml", text).unwrap());
    let edited = parse_routine("x", "x.toml", &text.replace("\"b\"", "\"c\"")).unwrap();
    let mut r = Rig::with(edited, 1.0, &[run]);
    assert_eq!(r.app.mode, Mode::Running);
    // A new run starts at once, announced as the screen opens.
    assert!(matches!(r.input(Input::Open, 0.0).as_slice(), [Effect::Say(_)]));
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
fn a_failed_write_shows_until_a_later_one_succeeds() {
    let mut r = Rig::new(builtin("two-minute"));
    let (t, _) = r.run_until(0.0, 0.25, |a| a.session.current_step() >= 1);
    r.input(Input::Written(Err("disk full".into())), t);
    assert!(r.screen(t, 80, 24).contains("not saved: disk full"));
    let (t, out) = r.run_until(t, 0.25, |a| a.session.current_step() >= 2);
    assert_eq!(puts(&out).len(), 1, "the next step's end writes again");
    r.input(Input::Written(Ok(None)), t);
    let screen = r.screen(t, 80, 24);
    assert!(!screen.contains("not saved") && screen.contains("Space pause"), "{screen}");
}

#[test]
fn a_suspended_hold_is_paused_and_the_time_stopped_not_counted() {
    let mut r = Rig::new(builtin("cramp-guard"));
    r.tick(10.0);
    assert!(r.input(Input::Suspend, 10.0).is_empty());
    assert!(r.app.session.is_paused());
    // Going on, the voice says the hold is paused; then nothing happens until a key.
    let stopped = r.tick(300.0);
    assert!(matches!(stopped.as_slice(), [Effect::Say(u)] if u.words.as_deref() == Some("Paused.")), "{stopped:?}");
    assert!(r.tick(301.0).is_empty());
    assert!(r.screen(300.0, 80, 24).contains("PAUSED"));
    assert_eq!(r.app.session.view(r.at(300.0)).remaining_secs, r.app.session.view(r.at(10.0)).remaining_secs);
    // A suspend while already paused leaves it paused.
    r.input(Input::Suspend, 302.0);
    assert!(r.app.session.is_paused());
}

/// Rows of the screen that hold part of the big digits.
fn digit_rows(screen: &str) -> usize {
    screen.lines().filter(|l| l.contains("██") || l.contains("▀▀") || l.contains("▄▄")).count()
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

#[test]
fn switch_shows_the_new_side_in_large_letters_and_check_steps_the_instruction() {
    let mut r = Rig::new(builtin("cramp-guard"));
    r.tick(35.2);
    for (w, h) in [(80, 24), (120, 40)] {
        let screen = r.screen(35.2, w, h);
        assert!(shows_large(&screen, "SWITCH") && shows_large(&screen, "RIGHT"), "{screen}");
        assert!(!shows_large(&screen, "HOLD"), "{screen}");
    }
    let mut r = Rig::new(builtin("two-minute"));
    r.key(KeyCode::Char('n'), 1.0);
    r.key(KeyCode::Char('n'), 2.0);
    let screen = r.screen(2.0, 80, 24);
    assert!(shows_large(&screen, "DRINK") && shows_large(&screen, "WATER"), "{screen}");
    assert!(screen.contains("routine 67% · 1 step left"), "{screen}");
}

#[test]
fn each_phase_has_its_own_colour() {
    use ratatui::style::Color;
    use winddown::routine::Side;
    use winddown::routine::plan::PhaseKind;
    let phases = [
        PhaseKind::GetReady,
        PhaseKind::Hold { rep: 1, side: Some(Side::Left) },
        PhaseKind::Switch { to: Side::Right },
        PhaseKind::Rest { next_rep: 2 },
        PhaseKind::Check,
    ];
    for palette in Palette::ALL {
        let theme = Theme { color: true, palette };
        let colours: Vec<Option<Color>> = phases.iter().map(|p| theme.phase(*p).fg).collect();
        for (i, c) in colours.iter().enumerate() {
            assert!(c.is_some() && !colours[..i].contains(c), "{palette:?}: {colours:?}");
        }
    }
    // During a hold the digits are drawn in the hold's colour.
    let mut r = Rig::new(builtin("cramp-guard"));
    r.tick(5.0);
    let mut term = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let theme = Theme { color: true, palette: Palette::Light };
    term.draw(|f| view::render(&r.app, r.at(17.5), &theme, f)).unwrap();
    let buf = term.backend().buffer();
    let hold = theme.phase(PhaseKind::Hold { rep: 1, side: Some(Side::Left) }).fg;
    let blocks = buf.content().iter().filter(|c| c.symbol() == "█" && c.fg == hold.unwrap()).count();
    assert!(blocks > 100, "{blocks} cells of the digits in the hold colour");
}

#[test]
fn an_experiment_night_is_named_under_the_coach() {
    let mut r = Rig::new(builtin("cramp-guard"));
    r.app.experiment = Some("off night 3 of 7 — no stretches tonight, but do check in tomorrow".into());
    let screen = r.screen(0.3, 100, 24);
    assert!(
        screen.contains("Experiment: off night 3 of 7 — no stretches tonight, but do check in tomorrow"),
        "{screen}"
    );
}

#[test]
fn the_cues_go_out_before_the_journal_write() {
    let mut r = Rig::new(builtin("two-minute"));
    // The first phase is announced as the coach opens, once.
    let first = r.input(Input::Open, 0.0);
    assert!(
        matches!(first.as_slice(), [Effect::Say(u)] if u.words.as_deref() == Some("Wall calf stretch. Left leg.")),
        "{first:?}"
    );
    assert!(r.input(Input::Open, 0.0).is_empty());
    // two-minute: get ready 3 s, 20 s a side, 3 s switch: step 1 ends at 46 s.
    let out = r.tick(46.0);
    let said =
        |e: &Effect| matches!(e, Effect::Say(u) if u.words.as_deref().is_some_and(|w| w.starts_with("Done. Next:")));
    assert!(out.iter().any(said), "{out:?}");
    cues_first(&out);
    let (run, tally) = puts(&out).pop().expect("the step's progress");
    assert_eq!(run.steps[0].outcome, Outcome::Done);
    assert!(!run.finished && tally.is_none());

    // A signal: the run as it stands, finished, and nothing else (the app ends after).
    r.tick(92.0);
    let out = r.input(Input::Signal, 92.5);
    assert!(matches!(out.as_slice(), [Effect::Put { .. }]), "{out:?}");
    let (run, _) = puts(&out).pop().unwrap();
    assert!(run.finished);
    assert_eq!(run.steps[1].outcome, Outcome::Done);
}

/// The end screen's checklist is one column of marks, whatever the titles'
/// lengths, and a streak of zero is said plainly, not in the hold's colour.
#[test]
fn the_end_screen_checklist_is_a_column_and_zero_is_not_celebrated() {
    let mut r = Rig::new(builtin("cramp-guard"));
    // Skip every step: marks of one kind, titles of many lengths.
    let mut t = 1.0;
    while r.app.mode != Mode::Summary {
        r.key(KeyCode::Char('n'), t);
        t += 0.5;
    }
    r.input(Input::Written(Ok(Some(tally(0)))), t);
    let screen = r.screen(t, 100, 32);
    let starts: Vec<usize> =
        screen.lines().filter(|l| l.contains("– ")).map(|l| l.chars().take_while(|c| *c != '–').count()).collect();
    assert!(starts.len() >= 4 && starts.iter().all(|s| *s == starts[0]), "{starts:?}\n{screen}");
    let theme = Theme { color: true, palette: Palette::Dark };
    let mut term = Terminal::new(TestBackend::new(100, 32)).unwrap();
    term.draw(|f| view::render(&r.app, r.at(t), &theme, f)).unwrap();
    let buf = term.backend().buffer();
    let row = (0..32).find(|&y| (0..100).map(|x| buf[(x, y)].symbol()).collect::<String>().contains("streak: 0"));
    let row = row.expect("the streak line");
    for x in 0..100 {
        assert_ne!(Some(buf[(x, row)].fg), theme.hold().fg, "zero streak in the celebratory colour");
    }
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
