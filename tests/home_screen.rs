//! The home screen: its states as snapshots, and navigation by keys.

mod common;

use std::time::Instant;

use chrono::{DateTime, Days, FixedOffset, NaiveDate};
use common::records;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use winddown::config::Config;
use winddown::journal::*;
use winddown::paths::Paths;
use winddown::tui::home::{HomeApp, Tab};
use winddown::tui::screen::Screen;
use winddown::tui::theme::Theme;

struct Rig {
    app: HomeApp,
    t0: Instant,
    dir: tempfile::TempDir,
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

impl Rig {
    fn new(records: Vec<Record>, wall: &str) -> Rig {
        Rig::with_config(records, wall, Config::default(), vec![])
    }

    fn with_config(records: Vec<Record>, wall: &str, config: Config, problems: Vec<String>) -> Rig {
        let dir = tempfile::tempdir().unwrap();
        if !records.is_empty() {
            Journal::new(paths(&dir).journal_dir()).put(records).unwrap();
        }
        let wall: DateTime<FixedOffset> = wall.parse().unwrap();
        let t0 = Instant::now();
        let app = HomeApp::new(paths(&dir), config, problems, wall, t0);
        Rig { app, t0, dir }
    }

    fn key(&mut self, code: KeyCode) {
        self.app.on_key(KeyEvent::new(code, KeyModifiers::NONE), self.t0);
    }

    fn screen(&self) -> String {
        let mut term = Terminal::new(TestBackend::new(80, 24)).unwrap();
        term.draw(|f| self.app.draw(self.t0, &Theme::plain(), f)).unwrap();
        term.backend().to_string()
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
    let mut term = Terminal::new(TestBackend::new(100, 24)).unwrap();
    term.draw(|f| r.app.draw(r.t0, &Theme::plain(), f)).unwrap();
    assert!(term.backend().to_string().contains("── Mon 23 Nov 21:00"));
    assert!(s.contains("Routine streak 3 nights"), "{s}");
    assert!(s.contains("Tonight: not yet"), "{s}");
    assert!(!s.contains("No check-in yet"), "{s}");
    insta::assert_snapshot!("evening", s);
}

#[test]
fn morning_without_checkin_is_prominent() {
    let r = Rig::new(vec![run(d("2026-11-23"))], "2026-11-24T07:10:00+01:00");
    assert!(r.app.needs_checkin(r.t0));
    let s = r.screen();
    assert!(s.contains("No check-in yet for last night (Mon 23 Nov): press c"), "{s}");
    insta::assert_snapshot!("morning", s);
}

#[test]
fn after_midnight_tonight_is_still_tonight() {
    // 01:42 on Wed 25 Nov: the night of Tue 24 is in progress, Mon 23 is the last night over.
    let r = Rig::new(vec![run(d("2026-11-23")), checkin(d("2026-11-22"), 0)], "2026-11-25T01:42:00+01:00");
    assert_eq!(r.app.tonight(r.t0), d("2026-11-24"));
    assert_eq!(r.app.last_night(r.t0), d("2026-11-23"));
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
fn navigation_by_keys() {
    let mut r = Rig::new(vec![run(d("2026-11-22"))], "2026-11-23T21:00:00+01:00");
    r.key(KeyCode::Char('4'));
    assert_eq!(r.app.tab, Tab::Routines);
    r.key(KeyCode::Char('3'));
    assert_eq!(r.app.tab, Tab::History);
    assert!(r.screen().contains("November 2026"));
    r.key(KeyCode::Esc);
    assert_eq!(r.app.tab, Tab::Tonight);
    r.key(KeyCode::Tab);
    assert_eq!(r.app.tab, Tab::Checkin);
    assert!(r.screen().contains("Morning check-in"));
    // The form takes digits and Tab; Esc (nothing typed) brings us home.
    r.key(KeyCode::Esc);
    assert_eq!(r.app.tab, Tab::Tonight);
    r.key(KeyCode::Char('c'));
    assert_eq!(r.app.tab, Tab::Checkin);
    r.key(KeyCode::Char('n'));
    r.app.on_key(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL), r.t0);
    r.key(KeyCode::Enter);
    assert_eq!(r.app.tab, Tab::Tonight);
    assert!(r.app.recent.night(d("2026-11-22")).unwrap().checkin.is_some(), "saved and reloaded");
    r.key(KeyCode::Char('?'));
    assert!(r.screen().contains("Keys"));
    r.key(KeyCode::Char('x'));
    r.key(KeyCode::Char('q'));
    assert!(r.app.finished());
}

#[test]
fn start_the_picked_routine_and_come_back() {
    let mut r = Rig::new(vec![run(d("2026-11-22"))], "2026-11-23T21:00:00+01:00");
    r.key(KeyCode::Down);
    r.key(KeyCode::Down);
    assert_eq!(r.app.picked_routine().unwrap().id, "two-minute");
    r.key(KeyCode::Enter);
    assert!(r.app.coach.is_some());
    assert!(r.screen().contains("Two minutes"));
    r.app.on_key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL), r.t0);
    r.app.on_tick(r.t0);
    assert!(r.app.coach.is_none());
    assert!(!r.app.finished(), "Ctrl-C in the coach ends the run, not the app");
}

#[test]
fn routines_tab_default_copy_and_edit() {
    let mut r = Rig::new(vec![run(d("2026-11-22"))], "2026-11-23T21:00:00+01:00");
    r.key(KeyCode::Char('4'));
    r.key(KeyCode::Down);
    r.key(KeyCode::Char('d'));
    let config = std::fs::read_to_string(paths(&r.dir).config_file()).unwrap();
    assert_eq!(config, "default_routine = \"hallegraeff-2012\"\n");
    assert_eq!(r.app.config.default_routine, "hallegraeff-2012");
    insta::assert_snapshot!("routines", r.screen());

    r.key(KeyCode::Char('n'));
    for c in "my-night".chars() {
        r.key(KeyCode::Char(c));
    }
    r.key(KeyCode::Enter);
    let copy = paths(&r.dir).routines_dir().join("my-night.toml");
    assert!(std::fs::read_to_string(&copy).unwrap().contains("J Physiother 2012"));
    assert!(r.app.library.find("my-night").is_some());

    // Edit the copy: the editor leaves it broken, the user keeps the previous version.
    let i = r.app.library.entries.iter().position(|e| e.id == "my-night").unwrap();
    r.app.routines.cursor = i;
    r.key(KeyCode::Char('e'));
    let path = r.app.take_edit_request().unwrap();
    assert_eq!(path, copy);
    let before = std::fs::read(&copy).unwrap();
    std::fs::write(&copy, "name = \n").unwrap();
    r.app.edit_done(Ok(()), r.t0);
    assert!(r.app.message.as_deref().unwrap().contains("invalid: "), "{:?}", r.app.message);
    r.key(KeyCode::Char('k'));
    assert_eq!(std::fs::read(&copy).unwrap(), before);
    assert_eq!(r.app.message.as_deref(), Some("kept the previous version"));

    // Editing a built-in copies it first; a good edit is reported.
    r.app.routines.cursor = r.app.library.entries.iter().position(|e| e.id == "two-minute").unwrap();
    r.key(KeyCode::Char('e'));
    let path = r.app.take_edit_request().unwrap();
    assert!(path.starts_with(paths(&r.dir).routines_dir()));
    r.app.edit_done(Ok(()), r.t0);
    assert!(r.app.message.as_deref().unwrap().ends_with("ok, 3 steps"));
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
    r.app.routines.cursor = r.app.library.entries.iter().position(|e| e.id == id).unwrap();
    r.key(KeyCode::Enter);
    assert!(r.app.routines.editor.is_some());
}

#[test]
fn in_app_editor_changes_one_value_and_keeps_comments() {
    let (mut r, file) = rig_with_routine();
    open_editor(&mut r, "mine");
    let screen = r.screen();
    // Each value column under its header; the key hints wrap between hints.
    let header = screen.lines().find(|l| l.contains("step")).unwrap();
    let row = screen.lines().find(|l| l.contains("1. Calf")).unwrap();
    for (name, value) in [("hold", "30s"), ("reps", "×1"), ("sides", "L+R"), ("rest", "10s"), ("need", "required")] {
        let col = |l: &str, s: &str| l.chars().collect::<String>().find(s).map(|b| l[..b].chars().count());
        assert_eq!(col(header, name), col(row, value), "{name}:\n{screen}");
    }
    assert!(screen.lines().any(|l| l.contains("│J/K or Shift-↑↓ move ·")), "{screen}");
    insta::assert_snapshot!("editor", screen);
    // Saving with no change leaves the file byte-identical.
    r.app.on_key(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL), r.t0);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), COMMENTED);
    // Hold +5 s twice, then save: only that value changes.
    r.key(KeyCode::Char('+'));
    r.key(KeyCode::Char('+'));
    assert!(r.screen().contains("(unsaved)"));
    r.app.on_key(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL), r.t0);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), COMMENTED.replace("\"30s\"", "\"40s\""));
    // Move the check step up, add one from the palette, delete it, undo the lot.
    r.key(KeyCode::Down);
    r.key(KeyCode::Char('K'));
    r.key(KeyCode::Char('a'));
    r.key(KeyCode::Enter);
    let editor = r.app.routines.editor.as_ref().unwrap();
    assert_eq!(editor.doc.step_count(), 3);
    assert_eq!(editor.step, 2);
    r.key(KeyCode::Char('x'));
    r.key(KeyCode::Char('y'));
    assert_eq!(r.app.routines.editor.as_ref().unwrap().doc.step_count(), 2);
    r.key(KeyCode::Char('u'));
    r.key(KeyCode::Char('u'));
    r.key(KeyCode::Char('u'));
    assert_eq!(r.app.routines.editor.as_ref().unwrap().doc.text(), COMMENTED.replace("\"30s\"", "\"40s\""));
    r.key(KeyCode::Esc);
    assert!(r.app.routines.editor.is_none());
    assert_eq!(
        r.app.library.find("mine").unwrap().routine.as_ref().unwrap().steps[0].timed().unwrap().hold.as_secs(),
        40
    );
}

#[test]
fn in_app_editor_refuses_to_save_an_invalid_routine() {
    let (mut r, file) = rig_with_routine();
    open_editor(&mut r, "mine");
    r.key(KeyCode::Enter);
    for c in "11m".chars() {
        r.key(KeyCode::Char(c));
    }
    r.key(KeyCode::Enter);
    assert!(r.screen().contains("invalid, cannot save: hold must be at most 10m"));
    r.app.on_key(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL), r.t0);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), COMMENTED);
    // Leaving with unsaved changes asks first.
    r.key(KeyCode::Esc);
    assert!(r.screen().contains("Discard unsaved changes?"));
    r.key(KeyCode::Char('y'));
    assert!(r.app.routines.editor.is_none());
}

#[test]
fn in_app_editor_copies_a_builtin_on_save() {
    let mut r = Rig::new(vec![run(d("2026-11-22"))], "2026-11-23T21:00:00+01:00");
    open_editor(&mut r, "two-minute");
    r.key(KeyCode::Right); // reps
    r.key(KeyCode::Char('+'));
    r.app.on_key(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL), r.t0);
    let copy = paths(&r.dir).routines_dir().join("two-minute.toml");
    let text = std::fs::read_to_string(copy).unwrap();
    assert!(text.starts_with("# two-minute — the short version"), "comments kept");
    assert!(text.contains("reps = 2"));
}

#[test]
fn routine_files_changed_outside_are_picked_up() {
    let (mut r, file) = rig_with_routine();
    std::fs::write(&file, COMMENTED.replace("\"Calf\"", "\"Calf, edited elsewhere\"")).unwrap();
    std::fs::write(file.with_file_name("another.toml"), COMMENTED).unwrap();
    r.app.on_tick(r.t0 + std::time::Duration::from_secs(2));
    assert!(r.app.take_redraw());
    assert!(r.app.library.find("another").is_some());
    let mine = r.app.library.find("mine").unwrap().routine.as_ref().unwrap();
    assert_eq!(mine.steps[0].title, "Calf, edited elsewhere");
}

#[test]
fn two_answers_from_two_machines_are_flagged_with_the_command_that_settles_them() {
    let night = d("2026-11-22");
    let r = Rig::new(vec![checkin(night, 0)], "2026-11-23T21:00:00+01:00");
    assert!(!r.screen().contains("two answers"));
    let journal = paths(&r.dir).journal_dir();
    let copy = store::month_text(&[checkin(night, 3)]);
    std::fs::write(journal.join("2026-11.sync-conflict-20261124-071000-ABCDEFG.jsonl"), copy).unwrap();
    let r = Rig {
        app: HomeApp::new(paths(&r.dir), Config::default(), vec![], "2026-11-23T21:00:00+01:00".parse().unwrap(), r.t0),
        ..r
    };
    let screen = r.screen();
    assert!(screen.contains("two answers for 1 record: pick one with `winddown journal resolve`"), "{screen}");
}

#[test]
fn a_corrupt_journal_is_told_before_any_routine_starts() {
    let dir = tempfile::tempdir().unwrap();
    let journal = paths(&dir).journal_dir();
    std::fs::create_dir_all(&journal).unwrap();
    std::fs::write(journal.join("2026-11.jsonl"), "{\"winddown\":\"journal\",\"version\":1}\nnot a record at all\n")
        .unwrap();
    let wall: DateTime<FixedOffset> = "2026-11-23T21:00:00+01:00".parse().unwrap();
    let t0 = Instant::now();
    let app = HomeApp::new(paths(&dir), Config::default(), vec![], wall, t0);
    let mut r = Rig { app, t0, dir };
    let reason = r.app.journal_error.clone().expect("the journal error is kept");
    let screen = r.screen();
    // The whole reason, wrapped: its first and last words are both on screen.
    for word in [reason.split_whitespace().next().unwrap(), reason.split_whitespace().last().unwrap()] {
        let word = word.rsplit('/').next().unwrap();
        assert!(screen.contains(word), "{word:?} missing:\n{screen}");
    }
    insta::assert_snapshot!(screen.replace(&r.dir.path().display().to_string(), "[tmp]"));
    // No routine starts, no check-in opens: neither could be recorded.
    r.key(KeyCode::Enter);
    assert!(r.app.coach.is_none());
    assert!(r.screen().contains("nothing can be recorded until the journal is fixed"));
    r.key(KeyCode::Char('c'));
    assert_eq!(r.app.tab, Tab::Tonight);
    assert!(r.app.checkin.is_none());
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
    let app = HomeApp::new(paths(&dir), Config::default(), vec![], wall, t0);
    let mut term = Terminal::new(TestBackend::new(100, 24)).unwrap();
    term.draw(|f| app.draw(t0, &Theme::plain(), f)).unwrap();
    let screen = term.backend().to_string();
    assert!(
        screen.contains("Experiment: off night 3 of 7 — no stretches tonight, but do check in tomorrow"),
        "{screen}"
    );
    // The two off nights neither broke nor added to the streak.
    assert_eq!(app.report().streaks.routine.current, 3);
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
    let mut app = HomeApp::new(paths(&dir), Config::default(), vec![], wall, t0);
    assert!(app.journal_error.is_none(), "{:?}", app.journal_error);
    assert_eq!(app.recent.nights.keys().copied().collect::<Vec<_>>(), [last]);
    let all = Journal::new(paths(&dir).journal_dir()).read_all().unwrap();
    let facts = winddown::stats::facts::Facts::from_entries(&all);
    // The recent nights in full: from 1 September (62 nights or more before tonight).
    assert_eq!(app.summary.recent_from, d("2026-09-01"));
    assert_eq!(app.facts().nights, facts.nights.range(d("2026-09-01")..).map(|(k, v)| (*k, v.clone())).collect());
    assert_eq!(app.first_night(), Some(last - Days::new(99)));
    assert_eq!(app.summary.nights_recorded, 100);
    let tonight = last + Days::new(1);
    let expected = winddown::stats::report::overview(&facts, tonight, |n| plan.is_off_night(n));
    assert_eq!(app.report(), &expected);
    assert_eq!(app.history.facts.nights.len(), 0, "the History tab is read when shown");
    app.on_key(KeyEvent::new(KeyCode::Char('3'), KeyModifiers::NONE), t0);
    assert_eq!(app.history.facts, facts);
    let (_, outcome) = app.history.experiment.as_ref().expect("the experiment's result");
    assert_eq!(outcome, &winddown::experiment::analyse(&plan, &all, last));
}

/// On a narrow terminal the strip keeps the newest nights (tonight last)
/// and says how many it shows, rather than cutting the newest off.
#[test]
fn a_narrow_strip_keeps_the_newest_nights() {
    let r = Rig::new(vec![run(d("2026-11-23"))], "2026-11-23T21:00:00+01:00");
    let mut term = Terminal::new(TestBackend::new(72, 22)).unwrap();
    term.draw(|f| r.app.draw(r.t0, &Theme::plain(), f)).unwrap();
    let screen = term.backend().to_string();
    let header = screen.lines().find(|l| l.contains("Last ") && l.contains(" nights")).expect(&screen);
    assert!(header.contains("Last 12 nights") || header.contains("Last 11 nights"), "{screen}");
    // The day row ends with tonight's weekday (Monday 23 Nov).
    let days = screen.lines().skip_while(|l| !l.contains("Last ")).nth(1).unwrap();
    assert!(days.trim_end_matches(['│', '"', ' ']).ends_with("Mo"), "{days:?}\n{screen}");
}
