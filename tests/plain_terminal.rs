//! Plain terminals (TERM=dumb, LANG=C): every screen, drawn as the runtime
//! draws it there, holds no character outside ASCII.

mod common;

use std::time::{Duration, Instant};

use chrono::{DateTime, Days, FixedOffset, NaiveDate};
use common::{builtin, records};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use winddown::config::Config;
use winddown::journal::*;
use winddown::paths::Paths;

use winddown::tui::app::{App, AppContext, Recorder, Start};
use winddown::tui::glyphs;
use winddown::tui::screen::{Input, Screen};
use winddown::tui::theme::Theme;

fn tonight() -> NaiveDate {
    "2026-11-23".parse().unwrap()
}

fn wall() -> DateTime<FixedOffset> {
    "2026-11-23T21:00:00+01:00".parse().unwrap()
}

/// Three weeks of nights: done, partial and missed, with cramps of each pain.
fn history() -> Vec<Record> {
    let mut out = vec![];
    for i in 1..=21u64 {
        let night = tonight() - Days::new(i);
        if i % 4 != 0 {
            out.push(records::run(night, "22:00", if i % 3 == 0 { Outcome::Skipped } else { Outcome::Done }));
        }
        let cramps = (i % 3) as u32;
        out.push(records::checkin(night, cramps, (cramps > 0).then_some((i * 3 % 11) as u8), Quality::Fair));
    }
    out
}

/// The frame as a plain terminal gets it (the runtime's last step), checked for ASCII.
fn plain(draw: impl FnOnce(&mut ratatui::Frame)) -> String {
    let mut term = Terminal::new(TestBackend::new(80, 24)).unwrap();
    term.draw(|f| {
        draw(f);
        glyphs::to_ascii(f.buffer_mut());
    })
    .unwrap();
    let text = term.backend().to_string();
    let bad: Vec<char> = text.chars().filter(|c| !c.is_ascii()).collect();
    assert!(bad.is_empty(), "non-ASCII {bad:?} in:\n{text}");
    text
}

/// The app as a command opens it on `dir`'s journal, shown (`Input::Open`).
fn open(dir: &tempfile::TempDir, wall: DateTime<FixedOffset>, start: Start, t0: Instant) -> App {
    let paths = Paths { config_dir: dir.path().join("config"), data_dir: dir.path().join("data") };
    let mut app = App::open(AppContext::new(paths, Config::default(), vec![], wall, t0), start, t0).unwrap();
    app.handle(Input::Open, t0, &mut Recorder::default());
    app
}

fn app_plain(app: &App, now: Instant) -> String {
    plain(|f| winddown::tui::app::view::render(app, now, &Theme::plain(), f))
}

fn key(app: &mut App, c: char, now: Instant) {
    app.handle(Input::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)), now, &mut Recorder::default());
}

#[test]
fn home_and_history_in_ascii() {
    let dir = tempfile::tempdir().unwrap();
    Journal::new(dir.path().join("data").join("journal")).put(history()).unwrap();
    let t0 = Instant::now();
    let mut home = open(&dir, wall(), Start::Home, t0);
    let s = app_plain(&home, t0);
    assert!(s.contains("+ winddown -") && s.contains("cramp-guard"), "{s}");
    insta::assert_snapshot!("home", s);
    key(&mut home, '3', t0);
    let history = app_plain(&home, t0);
    // The doctor notice is never pushed out of an 80x24 screen.
    assert!(history.contains("worth talking to a doctor"), "{history}");
    insta::assert_snapshot!("history", history);
}

/// The Routines tab and the in-app editor, with each of its dialogs and its help.
#[test]
fn routines_and_the_editor_in_ascii() {
    let dir = tempfile::tempdir().unwrap();
    let t0 = Instant::now();
    let mut app = open(&dir, wall(), Start::Home, t0);
    assert!(app.welcome, "an empty journal");
    key(&mut app, 'x', t0);
    key(&mut app, '4', t0);
    assert!(app_plain(&app, t0).contains("Preview"));
    app.handle(Input::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)), t0, &mut Recorder::default());
    let s = app_plain(&app, t0);
    assert!(s.contains("Editing cramp-guard") && s.contains("x1"), "{s}");
    for (open, shows, close) in [
        ('?', "Keys", KeyCode::Char('z')),
        ('a', "Add a step", KeyCode::Esc),
        ('x', "Delete this step?", KeyCode::Char('n')),
        ('t', "Step title", KeyCode::Esc),
    ] {
        key(&mut app, open, t0);
        let s = app_plain(&app, t0);
        assert!(s.contains(shows), "{shows}:\n{s}");
        app.handle(Input::Key(KeyEvent::new(close, KeyModifiers::NONE)), t0, &mut Recorder::default());
    }
    assert!(app.routines.editor.is_some());
}

#[test]
fn coach_big_digits_in_ascii() {
    let t0 = Instant::now();
    let mut app = winddown::tui::coach::CoachScreen::new(builtin("cramp-guard"), 1.0, tonight(), &[], wall(), t0);
    app.handle(Input::Open, t0);
    let at = t0 + Duration::from_secs(12);
    app.handle(Input::Tick, at);
    let s = plain(|f| app.draw(at, &Theme::plain(), f));
    assert!(s.contains("HOLD") && s.contains("##"), "{s}");
    insta::assert_snapshot!("coach_hold", s);
}

/// A cramp logged at 3 a.m. (`winddown cramp`), then the morning's check-in
/// (`winddown checkin`) on the same journal, which it fills in.
#[test]
fn checkin_and_cramp_screens_in_ascii() {
    let dir = tempfile::tempdir().unwrap();
    let t0 = Instant::now();
    let mut cramp = open(&dir, "2026-11-24T03:10:00+01:00".parse().unwrap(), Start::Cramp, t0);
    for c in ['c', 'r'] {
        key(&mut cramp, c, t0);
    }
    insta::assert_snapshot!("cramp_stretch", app_plain(&cramp, t0));
    let form = open(&dir, "2026-11-24T07:10:00+01:00".parse().unwrap(), Start::Checkin(tonight()), t0);
    insta::assert_snapshot!("checkin_from_night_cramp", app_plain(&form, t0));
}

#[test]
fn the_real_binary_under_lang_c_and_term_dumb_writes_only_ascii() {
    for env in ["LC_ALL=C LANG=C NO_COLOR=1", "TERM=dumb LANG=en_US.UTF-8"] {
        let s = common::Sandbox::new();
        let script = format!("{env} \"$WINDDOWN_BIN\" run two-minute --speed 20; echo EXIT=$?");
        let mut sh = common::pty::Shell::spawn(&s, "2026-11-24T21:00:00+01:00", "sh", &["-c", &script]);
        sh.wait_for("HOLD", 20);
        sh.wait_for("step 2 of 3", 20);
        sh.send(b"q");
        sh.wait_for("quit and save", 20);
        sh.send(b"\r");
        sh.wait_for("EXIT=0", 20);
        let text = sh.text();
        let bad: Vec<char> = text.chars().filter(|c| !c.is_ascii()).collect();
        assert!(bad.is_empty(), "{env}: {bad:?}");
        if env.contains("NO_COLOR") {
            assert!(!text.contains("\x1b[38;5;"), "NO_COLOR still wins");
        }
    }
}
