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
        let theme = Theme::plain();
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

/// The footer, the `?` help and the key handler all read the coach's command
/// list: during a hold the footer offers no Enter, and Enter does nothing there.
#[test]
fn the_footer_and_help_come_from_the_keymap() {
    use winddown::tui::coach::keys;
    use winddown::tui::keymap;
    let footer_of = |r: &Rig, s: f64| {
        let pairs = keymap::footer(&keys::running(&r.app.session));
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
    r.key(KeyCode::Enter, 10.0);
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
    assert_eq!(run.steps[0].held_s.get(Some(winddown::routine::Side::Left)), 20.0);
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
    assert_eq!(run.steps[0].held_s.get(Some(winddown::routine::Side::Left)), 10.0);
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
    // "Time taken" is the time spent across the quit and the resume, not since the resume.
    assert!(again.finished_in.unwrap() >= Duration::from_secs_f64(t), "{:?}", again.finished_in);
}

#[test]
fn a_practice_run_says_so_and_adds_nothing_to_the_streak() {
    let dir = tempfile::tempdir().unwrap();
    let journal = Journal::new(dir.path());
    let t0 = Instant::now();
    let app = CoachApp::new(builtin("two-minute"), 20.0, journal.clone(), night(), &[], wall(), t0);
    let mut r = Rig { app, t0, journal, _dir: dir };
    let mut t = 0.0;
    while r.app.session.current_step() < 2 {
        t += 0.05;
        r.tick(t);
    }
    r.key(KeyCode::Enter, t + 0.1);
    assert_eq!(r.app.mode, Mode::Summary);
    let s = r.screen(t + 0.1, 80, 24);
    assert!(s.contains("Practice (clock ×20): recorded, but not counted"), "{s}");
    assert_eq!(r.app.streak.map(|s| s.current), Some(0), "{s}");
    let run = r.journal.read_all().unwrap().night(night()).unwrap().runs[0].clone();
    assert_eq!(run.speed, 20.0);
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

#[test]
fn a_run_that_could_not_be_saved_is_never_called_recorded() {
    let mut r = Rig::new(builtin("two-minute"));
    // A corrupt month file: the journal refuses every write to it.
    std::fs::write(r._dir.path().join("2026-11.jsonl"), "this is not a journal\n").unwrap();
    let mut t = 0.0;
    while r.app.session.current_step() < 2 {
        t += 0.25;
        r.tick(t);
    }
    r.key(KeyCode::Enter, t + 3.0);
    assert_eq!(r.app.mode, Mode::Summary);
    let reason = r.app.save_error.clone().expect("the write failed");
    let screen = r.screen(t + 3.0, 80, 24);
    insta::assert_snapshot!(screen.replace(&r._dir.path().display().to_string(), "[tmp]"));
    assert!(!screen.contains("Recorded for"), "{screen}");
    assert!(screen.contains("Not saved:"), "{screen}");
    // The whole reason is there, wrapped over lines (its last word at least).
    let last_word = reason.split_whitespace().last().unwrap();
    assert!(screen.contains(last_word), "{last_word:?} missing:\n{screen}");
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
fn under_the_event_loop_the_cues_go_out_before_the_journal_write() {
    use winddown::tui::screen::Screen;
    let mut r = Rig::new(builtin("two-minute"));
    // The first phase is announced as the coach opens.
    let first = r.app.take_utterances();
    assert_eq!(first[0].words.as_deref(), Some("Wall calf stretch. Left leg."));
    // two-minute: get ready 3 s, 20 s a side, 3 s switch: step 1 ends at 46 s.
    r.app.on_tick(r.at(46.0));
    let cues = r.app.take_utterances();
    assert!(cues.iter().any(|u| u.words.as_deref().is_some_and(|w| w.starts_with("Done. Next:"))), "{cues:?}");
    assert!(r.journal.read_all().unwrap().night(night()).is_none(), "written before the cues were given");
    r.app.after_cues();
    let n = r.journal.read_all().unwrap();
    assert_eq!(n.night(night()).unwrap().runs[0].steps[0].outcome, Outcome::Done);
    assert!(!n.night(night()).unwrap().runs[0].finished);

    // A quit while a write waits: the quit's record (finished) is the one kept.
    r.app.on_tick(r.at(92.0));
    r.app.on_signal(r.at(92.5));
    r.app.after_cues();
    let n = r.journal.read_all().unwrap();
    let run = &n.night(night()).unwrap().runs[0];
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
    r.app.streak = Some(winddown::stats::streak::Streak { current: 0, longest: 0, tonight_done: false });
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
