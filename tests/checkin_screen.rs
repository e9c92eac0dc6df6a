//! The check-in form on ratatui's TestBackend: snapshots of its states, and
//! key-driven check-ins read back from the journal.

use std::time::Instant;

use chrono::{DateTime, FixedOffset, NaiveDate};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use winddown::checkin::{NightRule, Nights};
use winddown::journal::{Cramp, Journal, LegSide, Place, Quality, Record, RestNight, Trigger};
use winddown::tui::checkin::{CheckinForm, Field, Mode, view};
use winddown::tui::theme::Theme;

fn night() -> NaiveDate {
    "2026-11-23".parse().unwrap()
}
fn now() -> DateTime<FixedOffset> {
    "2026-11-24T07:10:00+01:00".parse().unwrap()
}
fn nights() -> Nights {
    NightRule::default().at(now())
}

struct Rig {
    form: CheckinForm,
    journal: Journal,
    _dir: tempfile::TempDir,
}

impl Rig {
    fn new(records: Vec<Record>) -> Rig {
        let dir = tempfile::tempdir().unwrap();
        let journal = Journal::new(dir.path());
        if !records.is_empty() {
            journal.put(records).unwrap();
        }
        let form = CheckinForm::new(journal.clone(), night(), nights());
        Rig { form, journal, _dir: dir }
    }

    fn keys(&mut self, keys: &[KeyCode]) {
        for k in keys {
            self.form.handle_key(KeyEvent::new(*k, KeyModifiers::NONE), Instant::now());
        }
    }

    fn ctrl(&mut self, c: char) {
        self.form.handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL), Instant::now());
    }

    fn type_text(&mut self, s: &str) {
        for c in s.chars() {
            self.keys(&[KeyCode::Char(c)]);
        }
    }

    fn screen(&self, w: u16, h: u16) -> String {
        let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
        term.draw(|f| view::render(&self.form, &Theme::plain(), f)).unwrap();
        term.backend().to_string()
    }

    fn saved(&self) -> winddown::journal::CheckIn {
        self.journal.read_all().unwrap().night(night()).unwrap().checkin.clone().unwrap()
    }
}

#[test]
fn clean_night_in_two_keys() {
    let mut r = Rig::new(vec![]);
    insta::assert_snapshot!("clean_night_open", r.screen(80, 24));
    r.keys(&[KeyCode::Char('n')]);
    r.ctrl('s');
    assert!(matches!(r.form.mode, Mode::Saved { checkins: 1, checkin_streak: 1, cramp_free: 1 }));
    insta::assert_snapshot!("clean_night_saved", r.screen(80, 24));
    let c = r.saved();
    assert_eq!(c.cramps, 0);
    // Only what was said is recorded: no sleep quality or restedness was chosen.
    assert_eq!((c.quality, c.rested), (None, None));
    assert_eq!(c.recorded, now());
    r.keys(&[KeyCode::Enter]);
    assert!(r.form.is_finished());
}

#[test]
fn unanswered_cramp_question_blocks_save() {
    let mut r = Rig::new(vec![]);
    r.ctrl('s');
    assert_eq!(r.form.mode, Mode::Editing);
    assert!(r.form.message.as_deref().unwrap().contains("cannot save yet"));
    assert!(r.journal.read_all().unwrap().nights.is_empty());
}

#[test]
fn cramps_filled_in_by_keys() {
    let mut r = Rig::new(vec![]);
    r.keys(&[KeyCode::Char('y'), KeyCode::Char('2'), KeyCode::Tab, KeyCode::Char('7'), KeyCode::Tab]);
    r.type_text("3m");
    r.keys(&[KeyCode::Tab, KeyCode::Char(' '), KeyCode::Right, KeyCode::Char(' '), KeyCode::Tab, KeyCode::Char('4')]);
    r.keys(&[KeyCode::Tab, KeyCode::Char('2'), KeyCode::Tab, KeyCode::Char('2')]);
    assert_eq!(r.form.focus, Field::Rested);
    insta::assert_snapshot!(r.screen(80, 24));
    // On to the triggers: alcohol is the 4th chip.
    while r.form.focus != Field::Triggers {
        r.keys(&[KeyCode::Tab]);
    }
    r.keys(&[KeyCode::Char('4'), KeyCode::Tab]);
    r.type_text("heat, stress");
    while r.form.focus != Field::Note {
        r.keys(&[KeyCode::Tab]);
    }
    r.type_text("woke at 3");
    r.keys(&[KeyCode::Enter]);
    r.type_text("slept again");
    r.ctrl('s');
    let c = r.saved();
    assert_eq!(c.cramps, 2);
    assert_eq!(c.pain, Some(7));
    assert_eq!(c.longest_s, Some(180));
    assert_eq!(c.places.len(), 1);
    assert_eq!(c.places[0].place, Place::Calf);
    assert_eq!(c.places[0].side, Some(LegSide::Both));
    assert_eq!(c.disturbed, Some(4));
    assert_eq!(c.quality, Some(Quality::Poor));
    assert_eq!(c.rested, Some(winddown::journal::Rested::Slightly));
    assert_eq!(c.triggers, vec![Trigger::Alcohol]);
    assert_eq!(c.tags, vec!["heat".to_string(), "stress".to_string()]);
    assert_eq!(c.note, "woke at 3\nslept again");
}

#[test]
fn ten_is_typed_as_one_then_zero() {
    let mut r = Rig::new(vec![]);
    r.keys(&[KeyCode::Char('y'), KeyCode::Char('1'), KeyCode::Char('2'), KeyCode::Tab]);
    r.keys(&[KeyCode::Char('1'), KeyCode::Char('0')]);
    assert_eq!(r.form.pain, Some(10));
    assert!(r.screen(80, 24).contains("◀ 10 ▶"));
    while r.form.focus != Field::Disturbed {
        r.keys(&[KeyCode::Tab]);
    }
    r.keys(&[KeyCode::Char('1'), KeyCode::Char('0')]);
    r.ctrl('s');
    let c = r.saved();
    assert_eq!((c.cramps, c.pain, c.disturbed), (12, Some(10), Some(10)));
}

#[test]
fn a_cramp_night_never_saves_a_painless_cramp_and_answers_can_be_taken_back() {
    let mut r = Rig::new(vec![]);
    r.keys(&[KeyCode::Char('y'), KeyCode::Tab, KeyCode::Char('0')]);
    assert_eq!(r.form.pain, None, "pain of a cramp is 1-10");
    r.keys(&[KeyCode::Left]);
    assert_eq!(r.form.pain, Some(10));
    r.keys(&[KeyCode::Backspace]);
    assert_eq!(r.form.pain, None);
    while r.form.focus != Field::Quality {
        r.keys(&[KeyCode::Tab]);
    }
    r.keys(&[KeyCode::Char('3'), KeyCode::Backspace]);
    r.ctrl('s');
    let c = r.saved();
    assert_eq!((c.pain, c.quality), (None, None));
}

#[test]
fn the_form_and_the_cli_share_one_awakenings_limit() {
    let mut r = Rig::new(vec![]);
    r.keys(&[KeyCode::Char('n')]);
    while r.form.focus != Field::Awakenings {
        r.keys(&[KeyCode::Tab]);
    }
    r.type_text("500");
    r.ctrl('s');
    assert_eq!(r.form.mode, Mode::Editing);
    assert!(r.form.message.as_deref().unwrap().contains("awakenings is 500, outside the allowed 0-100"));
    assert!(r.journal.read_all().unwrap().nights.is_empty());
}

#[test]
fn after_midnight_the_night_in_progress_cannot_be_checked_in() {
    let dir = tempfile::tempdir().unwrap();
    let journal = Journal::new(dir.path());
    // 01:42 on Wed 25 Nov: the night of Tue 24 is still going on.
    let nights = NightRule::default().at("2026-11-25T01:42:00+01:00".parse().unwrap());
    assert_eq!(nights.last_over, night());
    let mut form = CheckinForm::new(journal.clone(), nights.last_over, nights);
    form.handle_key(KeyEvent::new(KeyCode::Up, KeyModifiers::NONE), Instant::now());
    form.handle_key(KeyEvent::new(KeyCode::Right, KeyModifiers::NONE), Instant::now());
    assert_eq!(form.night, night(), "the night of the 24th is not over");
}

#[test]
fn invalid_entries_say_why_beside_the_field() {
    let mut r = Rig::new(vec![]);
    r.keys(&[KeyCode::Char('n')]);
    while r.form.focus != Field::IntoBed {
        r.keys(&[KeyCode::Tab]);
    }
    r.type_text("late");
    let screen = r.screen(80, 24);
    assert!(screen.contains("← HH:MM, like 22:45"), "{screen}");
    r.ctrl('s');
    assert_eq!(r.form.mode, Mode::Editing);
    assert!(r.journal.read_all().unwrap().nights.is_empty());
}

#[test]
fn red_flag_shows_the_notice_and_is_recorded() {
    let mut r = Rig::new(vec![]);
    r.keys(&[KeyCode::Char('n')]);
    while r.form.focus != Field::Swollen {
        r.keys(&[KeyCode::Tab]);
    }
    r.keys(&[KeyCode::Char('y')]);
    let screen = r.screen(80, 24);
    assert!(screen.contains("blood clot"), "{screen}");
    insta::assert_snapshot!(screen);
    r.ctrl('s');
    assert_eq!(r.saved().red_flags.one_leg_swollen, Some(true));
    assert_eq!(r.saved().red_flags.lasting_numbness, None, "not answered, not invented");
    assert!(r.screen(80, 30).contains("call emergency services"));
}

#[test]
fn existing_checkin_opens_for_editing_and_saving_replaces_it() {
    let mut first = Rig::new(vec![]);
    first.keys(&[KeyCode::Char('y'), KeyCode::Char('3'), KeyCode::Tab, KeyCode::Char('5')]);
    first.ctrl('s');
    let mut again = CheckinForm::new(first.journal.clone(), night(), nights());
    assert!(again.editing_existing);
    assert_eq!(again.count, 3);
    let r = Rig { form: again, journal: first.journal.clone(), _dir: tempfile::tempdir().unwrap() };
    insta::assert_snapshot!(r.screen(80, 24));
    again = r.form;
    again.handle_key(KeyEvent::new(KeyCode::Char('n'), KeyModifiers::NONE), Instant::now());
    again.handle_key(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL), Instant::now());
    let e = first.journal.read_all().unwrap();
    assert_eq!(e.checkin_count(), 1);
    assert_eq!(e.night(night()).unwrap().checkin.as_ref().unwrap().cramps, 0);
}

#[test]
fn logged_cramps_and_the_run_fill_the_header() {
    let cramp = |at: &str, place, side| {
        Record::Cramp(Cramp { night: night(), at: at.parse().unwrap(), place: Some(place), side: Some(side) })
    };
    let r = Rig::new(vec![
        cramp("2026-11-24T02:10:00+01:00", Place::Calf, LegSide::Left),
        cramp("2026-11-24T04:30:00+01:00", Place::Foot, LegSide::Right),
    ]);
    assert_eq!(r.form.any_cramps, Some(true));
    assert_eq!(r.form.count, 2);
    let screen = r.screen(80, 24);
    assert!(screen.contains("2 cramp(s) logged in the night"), "{screen}");
    assert!(screen.contains("[x] calf L"), "{screen}");
}

#[test]
fn rest_night_shows_in_the_header() {
    let r = Rig::new(vec![Record::Rest(RestNight { night: night(), reason: "travel".into(), recorded: now() })]);
    assert!(r.screen(80, 24).contains("Night of Mon 23 Nov — rest night: travel"));
}

#[test]
fn esc_asks_before_discarding() {
    let mut r = Rig::new(vec![]);
    r.keys(&[KeyCode::Char('y'), KeyCode::Esc]);
    assert_eq!(r.form.mode, Mode::ConfirmDiscard);
    assert!(r.screen(80, 24).contains("Leave without saving"));
    r.keys(&[KeyCode::Char('x')]);
    assert_eq!(r.form.mode, Mode::Editing);
    assert!(!r.form.is_finished());
    r.keys(&[KeyCode::Esc, KeyCode::Char('y')]);
    assert!(r.form.is_finished());
    assert!(r.journal.read_all().unwrap().nights.is_empty());
    // Nothing changed: Esc leaves at once.
    let mut clean = Rig::new(vec![]);
    clean.keys(&[KeyCode::Esc]);
    assert!(clean.form.is_finished());
}

#[test]
fn moving_to_another_night_to_backfill() {
    let mut r = Rig::new(vec![]);
    r.keys(&[KeyCode::Up]);
    assert_eq!(r.form.focus, Field::Night);
    r.keys(&[KeyCode::Right]);
    assert_eq!(r.form.night, night(), "no checking in for a night not over yet");
    r.keys(&[KeyCode::Left, KeyCode::Left]);
    assert_eq!(r.form.night, "2026-11-21".parse::<NaiveDate>().unwrap());
    r.keys(&[KeyCode::Down, KeyCode::Char('n')]);
    r.ctrl('s');
    assert!(r.journal.read_all().unwrap().night("2026-11-21".parse().unwrap()).unwrap().checkin.is_some());
}

#[test]
fn help_and_small_terminal() {
    let mut r = Rig::new(vec![]);
    r.keys(&[KeyCode::Char('?')]);
    insta::assert_snapshot!("help", r.screen(80, 24));
    insta::assert_snapshot!("small", r.screen(40, 10));
}

#[test]
fn a_place_logged_without_a_side_is_not_given_one() {
    let cramp = Record::Cramp(Cramp {
        night: night(),
        at: "2026-11-24T02:10:00+01:00".parse().unwrap(),
        place: Some(Place::Foot),
        side: None,
    });
    let mut r = Rig::new(vec![cramp.clone()]);
    // Shown as a place without a side, not as the left foot.
    let screen = r.screen(100, 32);
    assert!(screen.contains("[x] foot side?") && screen.contains("[ ] foot L"), "{screen}");
    r.ctrl('s');
    assert_eq!(r.saved().places, vec![winddown::journal::Spot { place: Place::Foot, side: None }]);
    // Saying which side replaces "side not given" (chip 4 is the right foot).
    let mut r = Rig::new(vec![cramp]);
    r.keys(&[KeyCode::Char('y')]);
    while r.form.focus != Field::Where {
        r.keys(&[KeyCode::Tab]);
    }
    r.keys(&[KeyCode::Char('4')]);
    while r.form.focus != Field::Pain {
        r.keys(&[KeyCode::BackTab]);
    }
    r.keys(&[KeyCode::Char('5')]);
    r.ctrl('s');
    assert_eq!(r.saved().places, vec![winddown::journal::Spot { place: Place::Foot, side: Some(LegSide::Right) }]);
}

mod common;

/// Two machines checked in for the same night with different answers (a
/// sync tool's conflict copy): the form shows both before anything else and
/// keeps the one the user picks; the other is dropped only then.
#[test]
fn two_answers_from_two_machines_are_shown_and_one_is_kept() {
    use common::records::checkin;
    use winddown::journal::store::month_text;
    let dir = tempfile::tempdir().unwrap();
    let journal = Journal::new(dir.path());
    let laptop = checkin(night(), 0, None, Quality::Good);
    let desktop = checkin(night(), 2, Some(7), Quality::Poor);
    std::fs::write(dir.path().join("2026-11.jsonl"), month_text(std::slice::from_ref(&laptop))).unwrap();
    std::fs::write(
        dir.path().join("2026-11.sync-conflict-20261124-071500-ABCDEFG.jsonl"),
        month_text(std::slice::from_ref(&desktop)),
    )
    .unwrap();
    let form = CheckinForm::new(journal.clone(), night(), nights());
    let mut r = Rig { form, journal, _dir: dir };
    assert_eq!(r.form.mode, Mode::Contested);
    let screen = r.screen(100, 30);
    assert!(screen.contains("1  no cramps · sleep Good"), "{screen}");
    assert!(screen.contains("2  2 cramps, worst 7/10 · sleep Poor"), "{screen}");
    insta::assert_snapshot!(screen);
    // Later: Esc keeps both, the form says how to come back.
    r.keys(&[KeyCode::Esc]);
    assert_eq!(r.form.mode, Mode::Editing);
    assert_eq!(r.journal.contradictions().unwrap().len(), 1, "nothing dropped yet");
    r.ctrl('r');
    assert_eq!(r.form.mode, Mode::Contested);
    // The desktop's answer is kept.
    r.keys(&[KeyCode::Char('2')]);
    assert_eq!(r.form.mode, Mode::Editing);
    assert!(r.journal.contradictions().unwrap().is_empty());
    let kept = r.journal.read_all().unwrap().night(night()).unwrap().checkin.clone().unwrap();
    assert_eq!((kept.cramps, kept.pain), (2, Some(7)));
    assert_eq!(r.form.count, 2, "the form now shows the answer kept");
}

/// Every answer starts in one column, and a blank form shows the hint for
/// the first question, not an error, until the user tries to save.
#[test]
fn answers_line_up_and_a_blank_form_shows_no_error() {
    let mut r = Rig::new(vec![]);
    let screen = r.screen(100, 32);
    assert!(screen.contains("press y or n") && !screen.contains("← answer"), "{screen}");
    // From the Night row to the Note row, each row's answer (or its
    // continuation) begins right at the answers' column (a quote, the border, a margin, then 36).
    let lines: Vec<Vec<char>> = screen.lines().map(|l| l.chars().collect()).collect();
    let first = lines.iter().position(|l| l.iter().collect::<String>().contains("  Night ")).unwrap();
    let last = lines.iter().position(|l| l.iter().collect::<String>().contains("  Note ")).unwrap();
    let mut checked = 0;
    for l in &lines[first..=last] {
        let row: String = l.iter().collect();
        if l.len() > 40 && l[39..].iter().any(|c| *c != ' ' && *c != '│') {
            assert!(l[38] == ' ' && l[39] != ' ', "answer not in the column: {row:?}\n{screen}");
            checked += 1;
        }
    }
    assert!(checked >= 12, "{checked}\n{screen}");
    // Trying to save the blank form says what is missing.
    r.ctrl('s');
    let screen = r.screen(100, 32);
    assert!(screen.contains("← answer y or n"), "{screen}");
}
