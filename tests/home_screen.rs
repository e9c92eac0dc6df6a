//! The home screen: its states as snapshots, and navigation by keys. The
//! whole app is opened as the command opens it (`App::open`), on a journal in
//! a temporary folder; keys go through `App::handle`, whose effects (files,
//! the journal, the user's editor) are carried out for real, the editor by a
//! stand-in.

mod common;
#[path = "home_screen/navigation.rs"]
mod navigation;
#[path = "home_screen/routines.rs"]
mod routines;

use std::time::Instant;

use chrono::{DateTime, Days, FixedOffset, NaiveDate};
use common::records;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use winddown::config::Config;
use winddown::journal::*;
use winddown::paths::Paths;
use winddown::tui::app::{App, AppContext, Front, Recorder, Start};
use winddown::tui::screen::Input;
use winddown::tui::tabs::Tab;
use winddown::tui::theme::Theme;

struct Rig {
    app: App,
    t0: Instant,
    dir: tempfile::TempDir,
    out: Recorder,
}

fn paths(dir: &tempfile::TempDir) -> Paths {
    Paths { config_dir: dir.path().join("config"), data_dir: dir.path().join("data") }
}

fn run(night: NaiveDate) -> Record {
    records::run(night, "22:00", Outcome::Done)
}

fn checkin(night: NaiveDate, cramps: u32) -> Record {
    records::checkin(night, cramps, (cramps > 0).then_some(5), Quality::Good)
}

/// The app as `winddown` (or another command) opens it on `dir`.
fn open(dir: &tempfile::TempDir, wall: &str, config: Config, problems: Vec<String>, start: Start, t0: Instant) -> App {
    let wall: DateTime<FixedOffset> = wall.parse().unwrap();
    let ctx = AppContext::new(paths(dir), config, problems, wall, t0);
    let mut app = App::open(ctx, start, t0).unwrap();
    app.handle(Input::Open, t0, &mut Recorder::default());
    app
}

fn draw(app: &App, now: Instant, w: u16, h: u16) -> String {
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| winddown::tui::app::view::render(app, now, &Theme::plain(), f)).unwrap();
    term.backend().to_string()
}

impl Rig {
    fn new(records: Vec<Record>, wall: &str) -> Rig {
        Rig::with_config(records, wall, Config::default(), vec![])
    }

    fn with_config(records: Vec<Record>, wall: &str, config: Config, problems: Vec<String>) -> Rig {
        Rig::opening(records, wall, config, problems, Start::Home)
    }

    fn opening(records: Vec<Record>, wall: &str, config: Config, problems: Vec<String>, start: Start) -> Rig {
        let dir = tempfile::tempdir().unwrap();
        if !records.is_empty() {
            Journal::new(paths(&dir).journal_dir()).put(records).unwrap();
        }
        let t0 = Instant::now();
        let app = open(&dir, wall, config, problems, start, t0);
        Rig { app, t0, dir, out: Recorder::default() }
    }

    fn key(&mut self, code: KeyCode) {
        self.press(code, KeyModifiers::NONE);
    }

    fn ctrl(&mut self, c: char) {
        self.press(KeyCode::Char(c), KeyModifiers::CONTROL);
    }

    fn press(&mut self, code: KeyCode, modifiers: KeyModifiers) {
        self.app.handle(Input::Key(KeyEvent::new(code, modifiers)), self.t0, &mut self.out);
    }

    fn typed(&mut self, text: &str) {
        for c in text.chars() {
            self.key(KeyCode::Char(c));
        }
    }

    fn screen(&self) -> String {
        draw(&self.app, self.t0, 80, 24)
    }

    /// The cursor of the Routines tab on routine `id`.
    fn routine_cursor(&mut self, id: &str) {
        self.app.routines.cursor = self.app.data.library.entries.iter().position(|e| e.id == id).unwrap();
    }
}

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

#[test]
fn first_run_welcomes_then_home() {
    let mut r = Rig::new(vec![], "2026-11-23T21:00:00+01:00");
    assert!(r.app.welcome);
    let s = r.screen();
    assert!(s.contains("Welcome to winddown") && s.contains("not medical advice"), "{s}");
    // The sandbox's temporary folder changes from run to run.
    let stable: String = s
        .replace(r.dir.path().to_str().unwrap(), "/TMP")
        .lines()
        .map(|l| match l.rfind('│') {
            // The padding after a shortened path depends on the temp folder's length.
            Some(end) if l.contains("/TMP") => format!("{} │", l[..end].trim_end()),
            _ => l.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n");
    insta::assert_snapshot!("first_run", stable);
    r.key(KeyCode::Char('x'));
    assert!(!r.app.welcome);
    assert_eq!(r.app.tab, Tab::Tonight);
    assert!(!r.app.finished());
    // Ctrl-C quits from the welcome too (it was taken as "any key").
    let mut r = Rig::new(vec![], "2026-11-23T21:00:00+01:00");
    r.ctrl('c');
    assert!(r.app.finished());
}

#[test]
fn evening_before_the_routine() {
    let records = (1..=3)
        .flat_map(|i| [run(d("2026-11-23") - Days::new(i)), checkin(d("2026-11-23") - Days::new(i), 0)])
        .collect();
    let r = Rig::new(records, "2026-11-23T21:00:00+01:00");
    let s = r.screen();
    // At 80 columns the clock gives up its weekday rather than touch the tabs,
    // and the summary is cut at a word with an ellipsis.
    let top = s.lines().next().unwrap();
    assert!(top.contains("4 Routines  ── 23 Nov 21:00"), "{top}");
    assert!(s.contains("about 5…"), "{s}");
    assert!(draw(&r.app, r.t0, 100, 24).contains("── Mon 23 Nov 21:00"));
    assert!(s.contains("Routine streak 3 nights"), "{s}");
    assert!(s.contains("Tonight: not yet"), "{s}");
    assert!(!s.contains("No check-in yet"), "{s}");
    insta::assert_snapshot!("evening", s);
}

#[test]
fn morning_without_checkin_is_prominent() {
    let r = Rig::new(vec![run(d("2026-11-23"))], "2026-11-24T07:10:00+01:00");
    assert_eq!(r.app.ctx.nights(r.t0).last_over, d("2026-11-23"));
    assert!(r.app.data.recent.night(d("2026-11-23")).unwrap().checkin.is_none());
    let s = r.screen();
    assert!(s.contains("No check-in yet for last night (Mon 23 Nov): press c"), "{s}");
    insta::assert_snapshot!("morning", s);
}

#[test]
fn after_midnight_tonight_is_still_tonight() {
    // 01:42 on Wed 25 Nov: the night of Tue 24 is in progress, Mon 23 is the last night over.
    let r = Rig::new(vec![run(d("2026-11-23")), checkin(d("2026-11-22"), 0)], "2026-11-25T01:42:00+01:00");
    assert_eq!(r.app.ctx.nights(r.t0).current, d("2026-11-24"));
    assert_eq!(r.app.ctx.nights(r.t0).last_over, d("2026-11-23"));
    let s = r.screen();
    assert!(s.contains("Tonight: not yet"), "{s}");
    assert!(s.contains("No check-in yet for last night (Mon 23 Nov)"), "{s}");
    assert!(!s.contains("Tue 24 Nov"), "nothing asks about the night in progress: {s}");
}

#[test]
fn a_partial_run_shows_as_partial_and_practice_as_practice() {
    let partial = records::run(d("2026-11-23"), "22:00", Outcome::Partial);
    let r = Rig::new(vec![partial], "2026-11-23T23:00:00+01:00");
    assert!(r.screen().contains("Tonight: partly done"), "{}", r.screen());
    let Record::Run(mut practice) = run(d("2026-11-23")) else { unreachable!() };
    practice.speed = 20.0;
    let r = Rig::new(vec![Record::Run(practice), run(d("2026-11-22"))], "2026-11-23T23:00:00+01:00");
    let s = r.screen();
    assert!(s.contains("Tonight: practice only"), "{s}");
    assert!(s.contains("Routine streak 1 night "), "practice adds nothing to the streak: {s}");
}

#[test]
fn long_streak() {
    let records = (0..40)
        .flat_map(|i| [run(d("2026-11-23") - Days::new(i)), checkin(d("2026-11-23") - Days::new(i), 0)])
        .collect();
    let r = Rig::new(records, "2026-11-23T23:00:00+01:00");
    let s = r.screen();
    assert!(s.contains("Routine streak 40 nights (best 40)"), "{s}");
    assert!(s.contains("Tonight: done"), "{s}");
    insta::assert_snapshot!("long_streak", s);
}

#[test]
fn settings_problems_are_told() {
    let r = Rig::with_config(
        vec![run(d("2026-11-22"))],
        "2026-11-23T21:00:00+01:00",
        Config::default(),
        vec!["config.toml:2:1: unknown field `colour`".into()],
    );
    assert!(r.screen().contains("settings: config.toml:2:1: unknown field `colour` (defaults used)"));
}

#[test]
fn start_the_picked_routine_and_come_back() {
    let mut r = Rig::new(vec![run(d("2026-11-22"))], "2026-11-23T21:00:00+01:00");
    r.key(KeyCode::Down);
    r.key(KeyCode::Down);
    assert_eq!(r.app.tonight.routine(&r.app.data).unwrap().id, "two-minute");
    r.key(KeyCode::Enter);
    assert!(matches!(r.app.front, Some(Front::Coach(_))));
    assert!(r.screen().contains("Two minutes"));
    // q asks, Enter saves: back on Tonight.
    r.key(KeyCode::Char('q'));
    r.key(KeyCode::Enter);
    assert!(r.app.front.is_none());
    assert_eq!(r.app.tab, Tab::Tonight);
    assert!(!r.app.finished(), "quitting the run leaves the app open");
    // Ctrl-C in the coach ends the program (saving what was done), as on every screen.
    r.key(KeyCode::Enter);
    assert!(matches!(r.app.front, Some(Front::Coach(_))));
    r.ctrl('c');
    assert!(r.app.finished());
}

#[test]
fn routines_tab_sets_the_default() {
    let mut r = Rig::new(vec![run(d("2026-11-22"))], "2026-11-23T21:00:00+01:00");
    r.key(KeyCode::Char('4'));
    r.key(KeyCode::Down);
    r.key(KeyCode::Char('d'));
    let config = std::fs::read_to_string(paths(&r.dir).config_file()).unwrap();
    assert_eq!(config, "default_routine = \"hallegraeff-2012\"\n");
    assert_eq!(r.app.ctx.config.default_routine, "hallegraeff-2012");
    insta::assert_snapshot!("routines", r.screen());
}

const COMMENTED: &str = "# my routine\nname = \"Mine\"   # shown as the title\nsummary = \"two steps\"\n\n[[step]]\n# the calf first\ntitle = \"Calf\"\nhold = \"30s\"   # my favourite\nsides = [\"left\", \"right\"]\n\n[[step]]\nkind = \"check\"\ntitle = \"Water\"\n";

fn rig_with_routine() -> (Rig, std::path::PathBuf) {
    let r = Rig::new(vec![run(d("2026-11-22"))], "2026-11-23T21:00:00+01:00");
    let dir = paths(&r.dir).routines_dir();
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("mine.toml");
    std::fs::write(&file, COMMENTED).unwrap();
    let mut r = r;
    r.app.reload(r.t0);
    (r, file)
}

fn open_editor(r: &mut Rig, id: &str) {
    r.key(KeyCode::Char('4'));
    r.routine_cursor(id);
    r.key(KeyCode::Enter);
    assert!(r.app.routines.editor.is_some());
}

#[test]
fn in_app_editor_lines_values_up_under_their_headers() {
    let (mut r, _) = rig_with_routine();
    open_editor(&mut r, "mine");
    let screen = r.screen();
    // Each value column under its header; the key hints wrap between hints.
    let header = screen.lines().find(|l| l.contains("step")).unwrap();
    let row = screen.lines().find(|l| l.contains("1. Calf")).unwrap();
    for (name, value) in [("hold", "30s"), ("reps", "×1"), ("sides", "L+R"), ("rest", "10s"), ("need", "required")] {
        let col = |l: &str, s: &str| l.chars().collect::<String>().find(s).map(|b| l[..b].chars().count());
        assert_eq!(col(header, name), col(row, value), "{name}:\n{screen}");
    }
    assert!(screen.lines().any(|l| l.contains("│a add · x delete ·")), "{screen}");
    insta::assert_snapshot!("editor", screen);
}

#[test]
fn two_answers_from_two_machines_are_flagged_with_the_command_that_settles_them() {
    let night = d("2026-11-22");
    let r = Rig::new(vec![checkin(night, 0)], "2026-11-23T21:00:00+01:00");
    assert!(!r.screen().contains("two answers"));
    let journal = paths(&r.dir).journal_dir();
    let copy = store::month_text(&[checkin(night, 3)]);
    std::fs::write(journal.join("2026-11.sync-conflict-20261124-071000-ABCDEFG.jsonl"), copy).unwrap();
    let app = open(&r.dir, "2026-11-23T21:00:00+01:00", Config::default(), vec![], Start::Home, r.t0);
    let r = Rig { app, ..r };
    let screen = r.screen();
    assert!(screen.contains("two answers for 1 record: pick one with `winddown journal resolve`"), "{screen}");
}

/// The footer offers neither Enter nor `c` while the journal cannot be used
/// (they did nothing: neither a run nor a check-in could be recorded); the
/// Check-in tab says why.
#[test]
fn a_corrupt_journal_is_told_before_any_routine_starts() {
    let dir = tempfile::tempdir().unwrap();
    let journal = paths(&dir).journal_dir();
    std::fs::create_dir_all(&journal).unwrap();
    std::fs::write(journal.join("2026-11.jsonl"), "{\"winddown\":\"journal\",\"version\":1}\nnot a record at all\n")
        .unwrap();
    let t0 = Instant::now();
    let app = open(&dir, "2026-11-23T21:00:00+01:00", Config::default(), vec![], Start::Home, t0);
    let mut r = Rig { app, t0, dir, out: Recorder::default() };
    let reason = r.app.data.journal_error.clone().expect("the journal error is kept");
    let screen = r.screen();
    // The whole reason, wrapped: its first and last words are both on screen.
    for word in [reason.split_whitespace().next().unwrap(), reason.split_whitespace().last().unwrap()] {
        let word = word.rsplit('/').next().unwrap();
        assert!(screen.contains(word), "{word:?} missing:\n{screen}");
    }
    assert!(!screen.contains("Enter start") && !screen.contains("c check in"), "{screen}");
    insta::assert_snapshot!(screen.replace(&r.dir.path().display().to_string(), "[tmp]"));
    // No routine starts, no check-in opens: neither could be recorded.
    r.key(KeyCode::Enter);
    assert!(r.app.front.is_none());
    r.key(KeyCode::Char('c'));
    assert_eq!(r.app.tab, Tab::Tonight);
    r.key(KeyCode::Char('2'));
    assert_eq!(r.app.tab, Tab::Tonight);
    assert!(r.app.checkin.is_none());
    assert!(r.screen().contains("nothing can be recorded until the journal is fixed"));
}

#[test]
fn an_experiment_off_night_on_the_home_screen_pauses_the_streak() {
    use winddown::experiment::{Design, Plan, store};
    let dir = tempfile::tempdir().unwrap();
    let first: NaiveDate = "2026-11-16".parse().unwrap();
    // Done on the three nights before the experiment; its first week (seed 42: order BA) is off.
    let recs: Vec<Record> = (1..=3).map(|i| run(first - Days::new(i))).collect();
    Journal::new(paths(&dir).journal_dir()).put(recs).unwrap();
    let wall: DateTime<FixedOffset> = "2026-11-18T21:00:00+01:00".parse().unwrap();
    let plan = Plan::new(Design::RoutineVsNone { routine: "cramp-guard".into() }, 8, 2, first, wall, 42).unwrap();
    store::start(&paths(&dir).data_dir, &plan, first).unwrap();
    let t0 = Instant::now();
    let app = open(&dir, "2026-11-18T21:00:00+01:00", Config::default(), vec![], Start::Home, t0);
    let screen = draw(&app, t0, 100, 24);
    assert!(
        screen.contains("Experiment: off night 3 of 7 — no stretches tonight, but do check in tomorrow"),
        "{screen}"
    );
    // The two off nights neither broke nor added to the streak.
    assert_eq!(app.data.summary.overview.streaks.routine.current, 3);
    assert!(screen.contains("Routine streak 3 nights"), "{screen}");
}

/// The home screen keeps the records of the nights it acts on only, the
/// facts of the recent nights and the figures of the whole history (from
/// month-end checkpoints, the same as from every night); the History tab
/// reads every night's facts and the experiment's result when it is shown.
#[test]
fn home_keeps_recent_records_and_the_whole_historys_figures() {
    use winddown::experiment::{Design, Plan, store};
    let dir = tempfile::tempdir().unwrap();
    let last: NaiveDate = "2026-11-22".parse().unwrap();
    // 100 nights over four months, a check-in on each of the last three.
    let mut recs: Vec<Record> = (0..100).map(|i| run(last - Days::new(i))).collect();
    recs.extend((0..3).map(|i| checkin(last - Days::new(i), 1)));
    Journal::new(paths(&dir).journal_dir()).put(recs).unwrap();
    let wall: DateTime<FixedOffset> = "2026-11-23T21:00:00+01:00".parse().unwrap();
    let first: NaiveDate = "2026-11-09".parse().unwrap();
    let plan = Plan::new(Design::RoutineVsNone { routine: "cramp-guard".into() }, 8, 2, first, wall, 42).unwrap();
    store::start(&paths(&dir).data_dir, &plan, first).unwrap();
    let t0 = Instant::now();
    let mut app = open(&dir, "2026-11-23T21:00:00+01:00", Config::default(), vec![], Start::Home, t0);
    let data = &app.data;
    assert!(data.journal_error.is_none(), "{:?}", data.journal_error);
    assert_eq!(data.recent.nights.keys().copied().collect::<Vec<_>>(), [last]);
    let all = Journal::new(paths(&dir).journal_dir()).read_all().unwrap();
    let facts = winddown::stats::facts::Facts::from_entries(&all);
    // The recent nights in full: from 1 September (62 nights or more before tonight).
    assert_eq!(data.summary.recent_from, d("2026-09-01"));
    assert_eq!(
        data.summary.recent.nights,
        facts.nights.range(d("2026-09-01")..).map(|(k, v)| (*k, v.clone())).collect()
    );
    assert_eq!(data.summary.first_night, Some(last - Days::new(99)));
    assert_eq!(data.summary.nights_recorded, 100);
    let tonight = last + Days::new(1);
    let expected = winddown::stats::report::overview(&facts, tonight, |n| plan.is_off_night(n));
    assert_eq!(data.summary.overview, expected);
    assert!(app.history.is_none(), "the History tab is read when shown");
    app.welcome = false;
    app.handle(Input::Key(KeyEvent::new(KeyCode::Char('3'), KeyModifiers::NONE)), t0, &mut Recorder::default());
    let history = app.history.as_ref().expect("read when shown");
    assert_eq!(history.facts, facts);
    let (_, outcome) = history.experiment.as_ref().expect("the experiment's result");
    assert_eq!(outcome, &winddown::experiment::analyse(&plan, &all, last));
}

/// On a narrow terminal the strip keeps the newest nights (tonight last)
/// and says how many it shows, rather than cutting the newest off.
#[test]
fn a_narrow_strip_keeps_the_newest_nights() {
    let r = Rig::new(vec![run(d("2026-11-23"))], "2026-11-23T21:00:00+01:00");
    let screen = draw(&r.app, r.t0, 72, 22);
    let header = screen.lines().find(|l| l.contains("Last ") && l.contains(" nights")).expect(&screen);
    assert!(header.contains("Last 12 nights") || header.contains("Last 11 nights"), "{screen}");
    // The day row ends with tonight's weekday (Monday 23 Nov).
    let days = screen.lines().skip_while(|l| !l.contains("Last ")).nth(1).unwrap();
    assert!(days.trim_end_matches(['│', '"', ' ']).ends_with("Mo"), "{days:?}\n{screen}");
}
