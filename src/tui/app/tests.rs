//! The app's own flows: effects carried out against a real folder, answers
//! routed back, and where leaving a screen leads.

use std::time::{Duration, Instant};

use chrono::{DateTime, NaiveDate};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::{App, AppContext, Recorder, Start};
use crate::config::Config;
use crate::journal::{Cramp, Place, Record};
use crate::paths::Paths;
use crate::tui::screen::{Effect, FileOp, Input};
use crate::tui::tabs::Tab;

struct Sandbox {
    _dir: tempfile::TempDir,
    paths: Paths,
}

fn sandbox() -> Sandbox {
    let dir = tempfile::tempdir().unwrap();
    let paths = Paths { config_dir: dir.path().join("config"), data_dir: dir.path().join("data") };
    Sandbox { _dir: dir, paths }
}

fn open(s: &Sandbox, start: Start, now: Instant) -> App {
    let wall = DateTime::parse_from_rfc3339("2026-11-24T21:30:00+01:00").unwrap();
    let ctx = AppContext::new(s.paths.clone(), Config::default(), Vec::new(), wall, now);
    App::open(ctx, start, now).unwrap()
}

fn key(code: KeyCode) -> Input {
    Input::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn night(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

#[test]
fn a_put_is_written_and_answered_with_the_tally_asked_for() {
    let s = sandbox();
    let now = Instant::now();
    let mut app = open(&s, Start::Home, now);
    let at = DateTime::parse_from_rfc3339("2026-11-24T23:10:00+01:00").unwrap();
    let cramp = Cramp { night: night(24), at, place: Some(Place::Calf), side: None };
    let answer = app.perform(
        Effect::Put { records: vec![Record::Cramp(cramp.clone())], tally: Some(night(24)) },
        now,
        &mut Recorder::default(),
    );
    let Some(Input::Written(Ok(Some(tally)))) = answer else { panic!("{answer:?}") };
    assert_eq!(tally.checkins, 0);
    let read = app.ctx.journal.read_range(Some(night(24)), Some(night(24))).unwrap();
    assert_eq!(read.night(night(24)).unwrap().cramps, vec![cramp.clone()]);

    // Replace swaps the record for one that says where, in one write.
    let placed = Cramp { place: Some(Place::Foot), ..cramp.clone() };
    let answer = app.perform(
        Effect::Replace { old: Record::Cramp(cramp).key(), new: Record::Cramp(placed.clone()) },
        now,
        &mut (),
    );
    assert!(matches!(answer, Some(Input::Written(Ok(None)))), "{answer:?}");
    let read = app.ctx.journal.read_range(Some(night(24)), Some(night(24))).unwrap();
    assert_eq!(read.night(night(24)).unwrap().cramps, vec![placed]);
}

#[test]
fn a_write_that_fails_is_answered_with_the_reason() {
    let s = sandbox();
    let now = Instant::now();
    let mut app = open(&s, Start::Home, now);
    // A file where the journal's folder should be.
    std::fs::create_dir_all(&s.paths.data_dir).unwrap();
    std::fs::write(s.paths.journal_dir(), "not a folder").unwrap();
    let at = DateTime::parse_from_rfc3339("2026-11-24T23:10:00+01:00").unwrap();
    let cramp = Cramp { night: night(24), at, place: None, side: None };
    let answer = app.perform(Effect::Put { records: vec![Record::Cramp(cramp)], tally: None }, now, &mut ());
    assert!(matches!(answer, Some(Input::Written(Err(_)))), "{answer:?}");
}

#[test]
fn editing_a_built_in_copies_it_first_and_hands_the_copy_to_the_editor() {
    let s = sandbox();
    let now = Instant::now();
    let mut app = open(&s, Start::Home, now);
    app.welcome = false;
    let id = app.data.library.entries[0].id.clone();
    let mut out = Recorder::default();
    app.handle(key(KeyCode::Char('4')), now, &mut out);
    assert_eq!(app.tab, Tab::Routines);
    app.handle(key(KeyCode::Char('e')), now, &mut out);
    let copy = s.paths.routine_file(&id);
    assert_eq!(out.edited, vec![copy.clone()]);
    assert!(copy.exists(), "the built-in was copied into the routines folder");
    assert!(app.message.as_deref().unwrap_or("").contains("ok"), "{:?}", app.message);

    // `d` makes it the default: written to config.toml, told on the status row.
    app.handle(key(KeyCode::Char('d')), now, &mut out);
    let config = std::fs::read_to_string(s.paths.config_file()).unwrap();
    assert!(config.contains(&format!("default_routine = \"{id}\"")), "{config}");
    assert_eq!(app.ctx.config.default_routine, id);
}

#[test]
fn an_edit_left_invalid_can_be_undone_to_the_file_before() {
    let s = sandbox();
    let now = Instant::now();
    let mut app = open(&s, Start::Home, now);
    app.welcome = false;
    let id = app.data.library.entries[0].id.clone();
    let file = s.paths.routine_file(&id);
    // The "editor" leaves the copy invalid.
    let mut out = Recorder { edit_writes: Some(b"this is = = not toml".to_vec()), ..Recorder::default() };
    app.handle(key(KeyCode::Char('4')), now, &mut out);
    app.handle(key(KeyCode::Char('e')), now, &mut out);
    assert!(app.routines.invalid_edit.is_some(), "{:?}", app.message);
    assert!(app.message.as_deref().unwrap_or("").starts_with("invalid:"), "{:?}", app.message);
    // k: the copy made for this edit is removed again.
    app.handle(key(KeyCode::Char('k')), now, &mut out);
    assert!(!file.exists());
    assert_eq!(app.message.as_deref(), Some("kept the previous version"));
}

#[test]
fn a_file_effect_answers_with_its_operation() {
    let s = sandbox();
    let now = Instant::now();
    let mut app = open(&s, Start::Home, now);
    let id = app.data.library.entries[0].id.clone();
    let answer = app.perform(Effect::ReadRoutine(id.clone()), now, &mut ());
    let Some(Input::File(FileOp::ReadRoutine, Ok(done))) = answer else { panic!("{answer:?}") };
    assert!(!done.bytes.is_empty());
    let answer = app.perform(Effect::CopyRoutine { from: id.clone(), name: "../escape".into() }, now, &mut ());
    assert!(matches!(answer, Some(Input::File(FileOp::Create, Err(_)))), "{answer:?}");
}

#[test]
fn leaving_what_a_command_opened_ends_the_app_until_the_user_moves_to_a_tab() {
    let s = sandbox();
    let now = Instant::now();
    let mut app = open(&s, Start::History, now);
    assert_eq!(app.tab, Tab::History);
    app.handle(key(KeyCode::Esc), now, &mut ());
    assert!(app.finished(), "Esc on `winddown history` ends it");

    let mut app = open(&s, Start::History, now);
    app.handle(key(KeyCode::Char('4')), now, &mut ());
    assert_eq!(app.tab, Tab::Routines);
    app.handle(key(KeyCode::Char('3')), now, &mut ());
    app.handle(key(KeyCode::Esc), now, &mut ());
    assert!(!app.finished(), "after moving around the app, Esc goes back to Tonight");
    assert_eq!(app.tab, Tab::Tonight);
    app.handle(key(KeyCode::Char('q')), now, &mut ());
    assert!(app.finished());
}

#[test]
fn the_coach_opens_over_the_tabs_announces_its_first_phase_and_saves_on_a_signal() {
    let s = sandbox();
    let now = Instant::now();
    let mut app = open(&s, Start::Home, now);
    app.welcome = false;
    let mut out = Recorder::default();
    app.handle(key(KeyCode::Enter), now, &mut out);
    assert!(app.front_coach().is_some());
    assert_eq!(out.said.len(), 1, "the first phase is announced as the coach opens");
    // Past the first step's get-ready and hold: progress is saved on a signal.
    let later = now + Duration::from_secs(120);
    app.handle(Input::Tick, later, &mut out);
    app.handle(Input::Signal, later, &mut out);
    assert!(app.finished());
    let read = app.ctx.journal.read_range(Some(night(24)), Some(night(24))).unwrap();
    assert_eq!(read.night(night(24)).map(|n| n.runs.len()), Some(1));
}

#[test]
fn a_broken_journal_keeps_the_check_in_and_the_coach_closed() {
    let s = sandbox();
    std::fs::create_dir_all(&s.paths.data_dir).unwrap();
    std::fs::write(s.paths.journal_dir(), "not a folder").unwrap();
    let now = Instant::now();
    let mut app = open(&s, Start::Home, now);
    app.welcome = false;
    app.handle(key(KeyCode::Char('2')), now, &mut ());
    assert_eq!(app.tab, Tab::Tonight);
    assert!(app.checkin.is_none());
    app.handle(key(KeyCode::Enter), now, &mut ());
    assert!(app.front_coach().is_none());
}

#[test]
fn h_on_the_coach_summary_shows_the_history_with_tonight_counted() {
    let s = sandbox();
    let now = Instant::now();
    let two_minute = crate::routine::Library::load(&s.paths.routines_dir())
        .entries
        .into_iter()
        .find(|e| e.id == "two-minute")
        .and_then(|e| e.routine.ok())
        .unwrap();
    let mut app = open(&s, Start::Coach(two_minute), now);
    let mut out = Recorder::default();
    app.handle(Input::Open, now, &mut out);
    let mut t = now;
    for _ in 0..2000 {
        if app.front_coach().is_some_and(|c| c.mode == crate::tui::coach::Mode::Summary) {
            break;
        }
        t += Duration::from_millis(500);
        // Check steps wait for Enter.
        app.handle(key(KeyCode::Enter), t, &mut out);
        app.handle(Input::Tick, t, &mut out);
    }
    assert_eq!(app.front_coach().map(|c| c.mode.clone()), Some(crate::tui::coach::Mode::Summary));
    assert!(!out.cues.is_empty() && !out.said.is_empty());
    app.handle(key(KeyCode::Char('h')), t, &mut out);
    assert_eq!(app.tab, Tab::History);
    assert!(app.front.is_none());
    assert_eq!(app.history.as_ref().unwrap().report.streaks.routine.current, 1, "tonight's run counts");
    // Leaving the history that the summary opened ends `winddown run`.
    app.handle(key(KeyCode::Char('q')), t, &mut out);
    assert!(app.finished());
}

#[test]
fn the_cramp_is_recorded_as_its_screen_opens() {
    let s = sandbox();
    let now = Instant::now();
    let mut app = open(&s, Start::Cramp, now);
    app.handle(Input::Open, now, &mut ());
    let read = app.ctx.journal.read_range(Some(night(24)), Some(night(24))).unwrap();
    assert_eq!(read.night(night(24)).map(|n| n.cramps.len()), Some(1));
    app.handle(key(KeyCode::Esc), now, &mut ());
    assert!(app.finished());
    assert!(app.front_cramp().is_some(), "kept for the command's closing line");
}

#[test]
fn an_editor_that_fails_leaves_no_copy_of_a_built_in_behind() {
    let s = sandbox();
    let now = Instant::now();
    let mut app = open(&s, Start::Home, now);
    app.welcome = false;
    let id = app.data.library.entries[0].id.clone();
    let mut out = Recorder { edit_result: Some(Err("editor `false` failed".into())), ..Recorder::default() };
    app.handle(key(KeyCode::Char('4')), now, &mut out);
    app.handle(key(KeyCode::Char('e')), now, &mut out);
    assert_eq!(out.edited.len(), 1);
    assert!(!s.paths.routine_file(&id).exists(), "the copy would hide the built-in");
    assert_eq!(app.message.as_deref(), Some("editor `false` failed; the copy made for the edit is removed"));
    assert!(app.data.library.entries.iter().any(|e| e.id == id));
}

#[test]
fn ctrl_c_quits_from_the_question_after_an_invalid_edit() {
    let s = sandbox();
    let now = Instant::now();
    let mut app = open(&s, Start::Home, now);
    app.welcome = false;
    let mut out = Recorder { edit_writes: Some(b"= not toml".to_vec()), ..Recorder::default() };
    app.handle(key(KeyCode::Char('4')), now, &mut out);
    app.handle(key(KeyCode::Char('e')), now, &mut out);
    assert!(app.routines.invalid_edit.is_some());
    app.handle(Input::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)), now, &mut out);
    assert!(app.finished());
}

#[test]
fn the_home_screen_wakes_each_minute_and_reads_again_when_a_night_ends() {
    let s = sandbox();
    let now = Instant::now();
    // 21:30:00 on the 24th: the next wake is the next minute.
    let mut app = open(&s, Start::Home, now);
    assert_eq!(app.next_wake(now), Some(now + Duration::from_secs(60)));
    assert_eq!(app.read_for_night(), night(24));
    // Past 04:00 the night of the 24th is over: tonight is the 25th.
    let morning = now + Duration::from_secs(7 * 3600);
    assert!(app.handle(Input::Tick, morning, &mut ()));
    assert_eq!(app.read_for_night(), night(25));
}

#[test]
fn routine_text_is_drawn_with_its_controls_made_visible() {
    let s = sandbox();
    std::fs::create_dir_all(s.paths.routines_dir()).unwrap();
    std::fs::write(
        s.paths.routines_dir().join("odd.toml"),
        "name = \"Odd\\u202e\"\nsummary = \"s\"\n[[step]]\ntitle = \"Calf\\u202eflip\\u0007\"\nhold = \"30s\"\n",
    )
    .unwrap();
    let now = Instant::now();
    let mut app = open(&s, Start::Home, now);
    app.welcome = false;
    app.tonight.picked = app.data.library.entries.iter().position(|e| e.id == "odd").unwrap();
    let routine = app.tonight.routine(&app.data).unwrap();
    assert!(routine.steps[0].title.contains('\u{202e}'), "the file's text is kept as written");
    let screens = |app: &App| {
        let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 30)).unwrap();
        t.draw(|f| super::view::render(app, now, &crate::tui::theme::Theme::new(false), f)).unwrap();
        t.backend().buffer().content().iter().map(|c| c.symbol().to_string()).collect::<String>()
    };
    let tonight = screens(&app);
    assert!(tonight.contains("Calf"), "{tonight}");
    assert!(!tonight.contains('\u{202e}') && !tonight.contains('\u{7}'), "{tonight}");
    app.handle(key(KeyCode::Enter), now, &mut ());
    let coach = screens(&app);
    assert!(coach.contains("Calf"), "{coach}");
    assert!(!coach.contains('\u{202e}') && !coach.contains('\u{7}'), "{coach}");
}
