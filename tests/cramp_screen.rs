//! The 3 a.m. cramp screen: on TestBackend with a fixed clock, and the real
//! binary in a pseudo-terminal.

mod common;

use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset, NaiveDate};
use common::Sandbox;
use common::pty::Shell;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use winddown::journal::*;
use winddown::tui::cramp::{CrampApp, Stage, view};
use winddown::tui::screen::Screen;
use winddown::tui::theme::{Palette, Theme};

const AT: &str = "2026-11-25T03:12:00+01:00";

fn at() -> DateTime<FixedOffset> {
    AT.parse().unwrap()
}

fn night() -> NaiveDate {
    "2026-11-24".parse().unwrap()
}

fn cramps(journal: &Journal) -> Vec<Cramp> {
    journal.read_all().unwrap().night(night()).map(|n| n.cramps.clone()).unwrap_or_default()
}

fn screen(app: &CrampApp, now: Instant) -> String {
    let mut term = Terminal::new(TestBackend::new(80, 24)).unwrap();
    term.draw(|f| view::render(app, now, &Theme::plain(), f)).unwrap();
    term.backend().to_string()
}

fn key(app: &mut CrampApp, c: KeyCode, now: Instant) {
    app.handle_key(KeyEvent::new(c, KeyModifiers::NONE), now);
}

#[test]
fn the_cramp_is_in_the_journal_before_any_key() {
    let dir = tempfile::tempdir().unwrap();
    let journal = Journal::new(dir.path());
    let t0 = Instant::now();
    let app = CrampApp::new(journal.clone(), at(), DEFAULT_BOUNDARY, t0);
    let logged = cramps(&journal);
    assert_eq!(logged.len(), 1);
    assert_eq!(logged[0].at, at());
    assert_eq!((logged[0].place, logged[0].side), (None, None), "where is unknown until said");
    let s = screen(&app, t0);
    assert!(s.contains("Logged: a cramp at 03:12."), "{s}");
    insta::assert_snapshot!("opened", s);
}

#[test]
fn two_keys_say_where_then_a_timed_stretch_then_back_to_sleep() {
    let dir = tempfile::tempdir().unwrap();
    let journal = Journal::new(dir.path());
    let t0 = Instant::now();
    let mut app = CrampApp::new(journal.clone(), at(), DEFAULT_BOUNDARY, t0);
    key(&mut app, KeyCode::Char('c'), t0);
    assert_eq!(cramps(&journal)[0].place, None, "one key is not enough");
    insta::assert_snapshot!("which_side", screen(&app, t0));
    key(&mut app, KeyCode::Char('l'), t0);
    // The same cramp, now with its place: replaced, not added.
    let logged = cramps(&journal);
    assert_eq!(logged.len(), 1);
    assert_eq!((logged[0].place, logged[0].side), (Some(Place::Calf), Some(LegSide::Left)));
    assert_eq!(logged[0].at, at());
    assert!(matches!(app.stage, Stage::Stretch { .. }));
    let s = screen(&app, t0 + Duration::from_millis(12_500));
    assert!(s.contains("pull your toes up toward your shin"), "{s}");
    insta::assert_snapshot!("stretch_calf", s);
    // The timer wakes the screen each second and ends the hold after 30 s.
    let wake = app.next_wake(t0 + Duration::from_millis(12_500)).unwrap();
    assert_eq!(wake, t0 + Duration::from_secs(13));
    app.on_tick(t0 + Duration::from_secs(29));
    assert!(matches!(app.stage, Stage::Stretch { .. }));
    assert!(app.take_cues().is_empty());
    app.on_tick(t0 + Duration::from_secs(30));
    assert_eq!(app.stage, Stage::Eased);
    // One cue at the end of the hold; the runtime sounds it only with --sound.
    assert_eq!(app.take_cues().len(), 1);
    assert!(app.take_cues().is_empty());
    insta::assert_snapshot!("eased", screen(&app, t0 + Duration::from_secs(30)));
    key(&mut app, KeyCode::Char('a'), t0 + Duration::from_secs(31));
    assert!(matches!(app.stage, Stage::Stretch { .. }), "another hold");
    key(&mut app, KeyCode::Enter, t0 + Duration::from_secs(40));
    assert_eq!(app.stage, Stage::Done);
    let s = screen(&app, t0 + Duration::from_secs(40));
    assert!(s.contains("Back to sleep"), "{s}");
    insta::assert_snapshot!("back_to_sleep", s);
    key(&mut app, KeyCode::Enter, t0 + Duration::from_secs(41));
    assert!(app.quit);
    assert_eq!(cramps(&journal).len(), 1);
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
    let dir = tempfile::tempdir().unwrap();
    let journal = Journal::new(dir.path());
    let t0 = Instant::now();
    let mut app = CrampApp::new(journal.clone(), at(), DEFAULT_BOUNDARY, t0);
    key(&mut app, KeyCode::Enter, t0);
    assert!(matches!(app.stage, Stage::Stretch { .. }));
    assert_eq!(cramps(&journal)[0].place, None);
    assert!(screen(&app, t0).contains("opposite way it is pulling"));
    // q closes at once; the cramp stays logged.
    key(&mut app, KeyCode::Char('q'), t0);
    assert!(app.quit);
    assert_eq!(cramps(&journal).len(), 1);
}

#[test]
fn the_morning_check_in_starts_from_the_night_cramps() {
    let dir = tempfile::tempdir().unwrap();
    let journal = Journal::new(dir.path());
    let t0 = Instant::now();
    let mut app = CrampApp::new(journal.clone(), at(), DEFAULT_BOUNDARY, t0);
    key(&mut app, KeyCode::Char('f'), t0);
    key(&mut app, KeyCode::Char('r'), t0);
    // A second cramp later that night, place not said.
    CrampApp::new(journal.clone(), "2026-11-25T05:40:00+01:00".parse().unwrap(), DEFAULT_BOUNDARY, t0);
    let morning = winddown::checkin::NightRule::default().at("2026-11-25T07:30:00+01:00".parse().unwrap());
    let form = winddown::tui::checkin::CheckinForm::new(journal, night(), morning);
    assert_eq!(form.any_cramps, Some(true));
    assert_eq!(form.count, 2);
    assert_eq!(form.spots.iter().copied().collect::<Vec<_>>(), vec![(Place::Foot, Some(LegSide::Right))]);
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
