//! The 3 a.m. cramp screen: on TestBackend with a fixed clock, read from the
//! effects it returns; through the app with a journal on disk; and the real
//! binary in a pseudo-terminal.

mod common;

use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset, NaiveDate};
use common::Sandbox;
use common::pty::Shell;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use winddown::config::Config;
use winddown::journal::*;
use winddown::paths::Paths;
use winddown::session::Cue;
use winddown::tui::app::{App, AppContext, Recorder, Start};
use winddown::tui::cramp::{CrampScreen, Stage, keys, view};
use winddown::tui::keymap;
use winddown::tui::screen::{Effect, Input, Screen};
use winddown::tui::theme::{Palette, Theme};

const AT: &str = "2026-11-25T03:12:00+01:00";

fn at() -> DateTime<FixedOffset> {
    AT.parse().unwrap()
}

fn night() -> NaiveDate {
    "2026-11-24".parse().unwrap()
}

fn screen(app: &CrampScreen, now: Instant) -> String {
    let mut term = Terminal::new(TestBackend::new(80, 24)).unwrap();
    term.draw(|f| view::render(app, now, &Theme::plain(), f)).unwrap();
    term.backend().to_string()
}

fn key(app: &mut CrampScreen, c: KeyCode, now: Instant) -> Vec<Effect> {
    app.handle(Input::Key(KeyEvent::new(c, KeyModifiers::NONE)), now)
}

/// The cramp screen opened at `AT`, its first record asked for and written.
fn opened(t0: Instant) -> CrampScreen {
    let mut app = CrampScreen::new(at(), DEFAULT_BOUNDARY, t0);
    app.handle(Input::Open, t0);
    app.handle(Input::Written(Ok(None)), t0);
    app
}

#[test]
fn the_cramp_is_asked_to_be_recorded_before_any_key() {
    let t0 = Instant::now();
    let mut app = CrampScreen::new(at(), DEFAULT_BOUNDARY, t0);
    let out = app.handle(Input::Open, t0);
    let expected = Cramp { night: night(), at: at(), place: None, side: None };
    assert_eq!(
        out,
        [Effect::Put { records: vec![Record::Cramp(expected)], tally: None }],
        "where is unknown until said"
    );
    assert!(app.handle(Input::Written(Ok(None)), t0).is_empty());
    let s = screen(&app, t0);
    assert!(s.contains("Logged: a cramp at 03:12."), "{s}");
    insta::assert_snapshot!("opened", s);
}

#[test]
fn two_keys_say_where_then_a_timed_stretch_then_back_to_sleep() {
    let t0 = Instant::now();
    let mut app = opened(t0);
    assert!(key(&mut app, KeyCode::Char('c'), t0).is_empty(), "one key is not enough");
    insta::assert_snapshot!("which_side", screen(&app, t0));
    let out = key(&mut app, KeyCode::Char('l'), t0);
    // The same cramp, now with its place: replaced, not added.
    let first = Cramp { night: night(), at: at(), place: None, side: None };
    let placed = Cramp { place: Some(Place::Calf), side: Some(LegSide::Left), ..first.clone() };
    assert_eq!(out, [Effect::Replace { old: Record::Cramp(first).key(), new: Record::Cramp(placed.clone()) }]);
    assert_eq!(app.cramp.place, None, "not logged until the journal says so");
    app.handle(Input::Written(Ok(None)), t0);
    assert_eq!(app.cramp, placed);
    assert!(matches!(app.stage, Stage::Stretch { .. }));
    let s = screen(&app, t0 + Duration::from_millis(12_500));
    assert!(s.contains("pull your toes up toward your shin"), "{s}");
    insta::assert_snapshot!("stretch_calf", s);
    // The timer wakes the screen each second and ends the hold after 30 s.
    let wake = app.next_wake(t0 + Duration::from_millis(12_500)).unwrap();
    assert_eq!(wake, t0 + Duration::from_secs(13));
    assert!(app.handle(Input::Tick, t0 + Duration::from_secs(29)).is_empty());
    assert!(matches!(app.stage, Stage::Stretch { .. }));
    // One cue at the end of the hold; the app sounds it only with --sound.
    let out = app.handle(Input::Tick, t0 + Duration::from_secs(30));
    assert_eq!(out, [Effect::Cue(Cue::HoldEnd, "relief stretch".into())]);
    assert_eq!(app.stage, Stage::Eased);
    assert!(app.handle(Input::Tick, t0 + Duration::from_secs(31)).is_empty());
    insta::assert_snapshot!("eased", screen(&app, t0 + Duration::from_secs(30)));
    assert!(key(&mut app, KeyCode::Char('a'), t0 + Duration::from_secs(31)).is_empty());
    assert!(matches!(app.stage, Stage::Stretch { .. }), "another hold");
    assert!(key(&mut app, KeyCode::Enter, t0 + Duration::from_secs(40)).is_empty());
    assert_eq!(app.stage, Stage::Done);
    let s = screen(&app, t0 + Duration::from_secs(40));
    assert!(s.contains("Back to sleep"), "{s}");
    insta::assert_snapshot!("back_to_sleep", s);
    assert_eq!(key(&mut app, KeyCode::Enter, t0 + Duration::from_secs(41)), [Effect::Close]);
    // Nothing on the screen is bright: no colour but the dim grey.
    let mut term = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let theme = Theme { color: true, palette: Palette::Dark };
    term.draw(|f| view::render(&app, t0, &theme, f)).unwrap();
    for cell in term.backend().buffer().content() {
        assert!(
            Some(cell.fg) == theme.dim().fg || cell.fg == ratatui::style::Color::Reset,
            "{:?} at {:?}",
            cell.fg,
            cell.symbol()
        );
    }
}

#[test]
fn enter_goes_straight_to_the_stretch_leaving_where_unknown() {
    let t0 = Instant::now();
    let mut app = opened(t0);
    assert!(key(&mut app, KeyCode::Enter, t0).is_empty(), "nothing more to write");
    assert!(matches!(app.stage, Stage::Stretch { .. }));
    assert!(screen(&app, t0).contains("opposite way it is pulling"));
    // q closes at once; the cramp stays logged.
    assert_eq!(key(&mut app, KeyCode::Char('q'), t0), [Effect::Close]);
    // Ctrl-C ends the program.
    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert_eq!(app.handle(Input::Key(ctrl_c), t0), [Effect::Quit]);
}

#[test]
fn enter_after_the_place_saves_the_place_without_a_side() {
    let t0 = Instant::now();
    let mut app = opened(t0);
    key(&mut app, KeyCode::Char('t'), t0);
    let out = key(&mut app, KeyCode::Enter, t0);
    let [Effect::Replace { new: Record::Cramp(new), .. }] = out.as_slice() else { panic!("{out:?}") };
    assert_eq!((new.place, new.side), (Some(Place::Thigh), None));
    // A side key before any place does nothing.
    let mut app = opened(t0);
    assert!(key(&mut app, KeyCode::Char('l'), t0).is_empty());
    assert_eq!(app.stage, Stage::Where);
}

/// The keys on the screen, the `?` help and the handler read one list.
#[test]
fn the_keys_shown_and_the_help_come_from_the_keymap() {
    let t0 = Instant::now();
    let mut app = opened(t0);
    let s = screen(&app, t0);
    assert!(s.contains("? help · q close"), "{s}");
    assert!(key(&mut app, KeyCode::Char('?'), t0).is_empty());
    let s = screen(&app, t0);
    for (keys, what) in keymap::help(&app.commands()) {
        assert!(s.contains(keys) && s.contains(what), "{keys} {what} not in the help:\n{s}");
    }
    insta::assert_snapshot!("help", s);
    // Any key closes the help, and does nothing else.
    assert!(key(&mut app, KeyCode::Char('c'), t0).is_empty());
    assert!(!app.help);
    assert_eq!(app.place, None);
    // What each stage offers is what its keys do.
    key(&mut app, KeyCode::Char('f'), t0);
    let offered = keys::offered(&app.commands(), keys::Shown::Choice);
    assert_eq!(offered, [("l", "left"), ("r", "right"), ("b", "both")]);
    assert!(screen(&app, t0).contains("Foot: which side?  l left · r right · b both"));
}

#[test]
fn a_failed_write_is_shown_until_one_succeeds() {
    let t0 = Instant::now();
    let mut app = CrampScreen::new(at(), DEFAULT_BOUNDARY, t0);
    app.handle(Input::Open, t0);
    app.handle(Input::Written(Err("the journal folder is read-only".into())), t0);
    let s = screen(&app, t0);
    assert!(s.contains("Not saved: the journal folder is read-only") && !s.contains("Logged"), "{s}");
    // The place's write puts the cramp in the journal after all: it is logged.
    key(&mut app, KeyCode::Char('c'), t0);
    key(&mut app, KeyCode::Char('r'), t0);
    app.handle(Input::Written(Ok(None)), t0);
    let s = screen(&app, t0);
    assert!(s.contains("Logged: calf-right at 03:12."), "{s}");
    assert!(!s.contains("Not saved"), "{s}");
}

fn app_at(dir: &std::path::Path, wall: &str) -> (App, Instant) {
    let paths = Paths { config_dir: dir.join("config"), data_dir: dir.join("data") };
    let t0 = Instant::now();
    let ctx = AppContext::new(paths, Config::default(), vec![], wall.parse().unwrap(), t0);
    (App::open(ctx, Start::Cramp, t0).unwrap(), t0)
}

/// Through the app, as `winddown cramp` opens it: the cramp is on disk before
/// any key, its place as two keys say it, and the morning check-in starts
/// from the night's cramps.
#[test]
fn the_morning_check_in_starts_from_the_night_cramps() {
    let dir = tempfile::tempdir().unwrap();
    let journal = Journal::new(dir.path().join("data/journal"));
    let cramps = || journal.read_all().unwrap().night(night()).map(|n| n.cramps.clone()).unwrap_or_default();
    let (mut app, t0) = app_at(dir.path(), AT);
    let mut out = Recorder::default();
    app.handle(Input::Open, t0, &mut out);
    assert_eq!(cramps(), [Cramp { night: night(), at: at(), place: None, side: None }]);
    for c in ['f', 'r'] {
        app.handle(Input::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)), t0, &mut out);
    }
    assert_eq!(app.front_cramp().unwrap().cramp.place, Some(Place::Foot));
    let logged = cramps();
    assert_eq!(logged.len(), 1, "replaced, not added");
    assert_eq!((logged[0].place, logged[0].side), (Some(Place::Foot), Some(LegSide::Right)));
    // The hold ends on the clock, with its cue.
    app.handle(Input::Tick, t0 + Duration::from_secs(30), &mut out);
    assert_eq!(out.cues, [(Cue::HoldEnd, "relief stretch".to_string())]);
    app.handle(Input::Key(KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE)), t0, &mut out);
    assert!(app.finished(), "`winddown cramp` ends with the screen");

    // A second cramp later that night, place not said.
    let (mut app, t0) = app_at(dir.path(), "2026-11-25T05:40:00+01:00");
    app.handle(Input::Open, t0, &mut out);
    assert_eq!(cramps().len(), 2);

    let morning: DateTime<FixedOffset> = "2026-11-25T07:30:00+01:00".parse().unwrap();
    let paths = Paths { config_dir: dir.path().join("config"), data_dir: dir.path().join("data") };
    let ctx = AppContext::new(paths, Config::default(), vec![], morning, t0);
    let form = ctx.checkin(night(), t0);
    assert_eq!(form.answers.any_cramps, Some(true));
    assert_eq!(form.answers.count, Some(2));
    assert_eq!(form.answers.spots.iter().copied().collect::<Vec<_>>(), vec![(Place::Foot, Some(LegSide::Right))]);
}

#[test]
fn the_real_binary_logs_the_cramp_as_the_screen_opens() {
    let s = Sandbox::new();
    let mut sh = Shell::spawn(&s, AT, "sh", &["-c", "\"$WINDDOWN_BIN\" cramp; echo EXIT=$?"]);
    sh.wait_for("Logged: a cramp at 03:12", 20);
    let v = s.export();
    assert_eq!(v["records"].as_array().unwrap().len(), 1, "{v}");
    assert_eq!(v["records"][0]["type"], "cramp");
    assert_eq!(v["records"][0]["at"], AT);
    assert!(v["records"][0].get("place").is_none(), "{v}");
    sh.send(b"t");
    sh.send(b"b");
    sh.wait_for("Thigh: stretch and hold", 20);
    sh.send(b"q");
    sh.wait_for("EXIT=0", 20);
    assert!(sh.text().contains("logged a cramp (thigh-both) at 03:12 for the night of Tue 24 Nov"));
    assert!(!sh.text().contains('\x07'), "no bell at night");
    let v = s.export();
    assert_eq!(v["records"][0]["place"], "thigh");
    assert_eq!(v["records"][0]["side"], "both");
    // Without a terminal, WHERE is needed.
    s.cmd().env("WINDDOWN_NOW", AT).arg("cramp").assert().code(2).stderr(predicates::str::contains("say where"));
}
