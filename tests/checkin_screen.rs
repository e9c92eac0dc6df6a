//! The check-in form on ratatui's TestBackend: built straight from what the
//! journal holds for a night (no files), fed keys and the answers to what it
//! asks for; the tests read the effects it returns (above all the record a
//! save would write) and snapshot its screens. The flow through the app
//! into a real journal is in `checkin_app.rs`.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use winddown::checkin::NightRule;
use winddown::journal::{
    CheckIn, Cramp, LegSide, Place, Quality, Record, RecordKey, RedFlags, RestNight, Rested, Spot, Trigger,
};
use winddown::tui::checkin::{CheckinForm, Field, Mode};
use winddown::tui::screen::{Effect, Input, NightLoaded};

mod checkin_rig;
mod common;

use checkin_rig::{Rig, bare, first_tally, loaded, night, nights, now, put};

#[test]
fn clean_night_in_two_keys() {
    let mut r = Rig::new(vec![]);
    insta::assert_snapshot!("clean_night_open", r.screen(80, 24));
    assert_eq!(r.keys(&[KeyCode::Char('n')]), []);
    // Only what was said is asked to be recorded: no sleep quality, no
    // restedness, no warning signs were chosen, so none are in the record.
    assert_eq!(r.ctrl('s'), put(bare(night(), 0)));
    assert_eq!(r.form.mode, Mode::Editing, "saved only once the journal says so");
    assert_eq!(r.input(Input::Written(Ok(Some(first_tally())))), []);
    assert!(matches!(r.form.mode, Mode::Saved { checkins: 1, checkin_streak: 1, cramp_free: 1 }));
    // Fixed: the title offered Ctrl-S and ? on the summary, where they do nothing.
    insta::assert_snapshot!("clean_night_saved", r.screen(80, 24));
    assert_eq!(r.keys(&[KeyCode::Char('h')]), [Effect::History]);
    assert_eq!(r.keys(&[KeyCode::Char('s')]), [], "no key but the summary's does anything");
    assert_eq!(r.keys(&[KeyCode::Enter]), [Effect::Close]);
}

#[test]
fn a_failed_write_is_said_and_the_answers_stay() {
    let mut r = Rig::new(vec![]);
    r.keys(&[KeyCode::Char('n')]);
    assert_eq!(r.ctrl('s'), put(bare(night(), 0)));
    assert_eq!(r.input(Input::Written(Err("disk full".into()))), []);
    assert_eq!(r.form.mode, Mode::Editing);
    assert!(r.form.saved.is_none());
    assert!(r.screen(80, 24).contains("not saved: disk full"));
    assert!(r.form.dirty(), "still unsaved");
    assert_eq!(r.ctrl('s'), put(bare(night(), 0)), "and can be saved again");
}

#[test]
fn unanswered_cramp_question_blocks_save() {
    let mut r = Rig::new(vec![]);
    assert_eq!(r.ctrl('s'), []);
    assert_eq!(r.form.mode, Mode::Editing);
    assert!(r.form.message.as_deref().unwrap().contains("cannot save yet"));
}

#[test]
fn cramps_filled_in_by_keys() {
    let mut r = Rig::new(vec![]);
    r.keys(&[KeyCode::Char('y'), KeyCode::Char('2'), KeyCode::Tab, KeyCode::Char('7'), KeyCode::Tab]);
    r.type_text("3m");
    r.keys(&[KeyCode::Tab, KeyCode::Char(' '), KeyCode::Right, KeyCode::Char(' '), KeyCode::Tab, KeyCode::Char('4')]);
    r.keys(&[KeyCode::Tab, KeyCode::Char('2'), KeyCode::Tab, KeyCode::Char('2')]);
    assert_eq!(r.form.cursor.focus, Field::Rested);
    insta::assert_snapshot!(r.screen(80, 24));
    // On to the triggers: alcohol is the 4th chip.
    r.tab_to(Field::Triggers);
    r.keys(&[KeyCode::Char('4'), KeyCode::Tab]);
    r.type_text("heat, stress");
    r.tab_to(Field::Note);
    r.type_text("woke at 3");
    r.keys(&[KeyCode::Enter]);
    r.type_text("slept again");
    assert_eq!(
        r.save(),
        CheckIn {
            pain: Some(7),
            longest_s: Some(180),
            places: vec![Spot { place: Place::Calf, side: Some(LegSide::Both) }],
            disturbed: Some(4),
            quality: Some(Quality::Poor),
            rested: Some(Rested::Slightly),
            triggers: vec![Trigger::Alcohol],
            tags: vec!["heat".to_string(), "stress".to_string()],
            note: "woke at 3\nslept again".into(),
            ..bare(night(), 2)
        }
    );
}

#[test]
fn ten_is_typed_as_one_then_zero() {
    let mut r = Rig::new(vec![]);
    r.keys(&[KeyCode::Char('y'), KeyCode::Char('1'), KeyCode::Char('2'), KeyCode::Tab]);
    r.keys(&[KeyCode::Char('1'), KeyCode::Char('0')]);
    assert_eq!(r.form.answers.pain, Some(10));
    assert!(r.screen(80, 24).contains("◀ 10 ▶"));
    r.tab_to(Field::Disturbed);
    r.keys(&[KeyCode::Char('1'), KeyCode::Char('0')]);
    let c = r.save();
    assert_eq!((c.cramps, c.pain, c.disturbed), (12, Some(10), Some(10)));
}

/// Saved, but the streaks could not be read after the write: the summary
/// says so instead of showing zeros it does not know.
#[test]
fn a_save_whose_streaks_cannot_be_read_shows_no_counts() {
    let mut r = Rig::new(vec![]);
    r.keys(&[KeyCode::Char('n')]);
    assert_eq!(r.ctrl('s'), put(bare(night(), 0)));
    assert_eq!(r.input(Input::Written(Ok(None))), []);
    assert!(matches!(r.form.mode, Mode::Saved { .. }));
    let screen = r.screen(80, 24);
    assert!(screen.contains("The streaks could not be read just now; the check-in is saved."), "{screen}");
    assert!(!screen.contains("checked in so far") && !screen.contains("Check-in streak"), "{screen}");
}

#[test]
fn a_cramp_night_never_saves_a_painless_cramp_and_answers_can_be_taken_back() {
    let mut r = Rig::new(vec![]);
    r.keys(&[KeyCode::Char('y'), KeyCode::Tab, KeyCode::Char('0')]);
    assert_eq!(r.form.answers.pain, None, "pain of a cramp is 1-10");
    r.keys(&[KeyCode::Left]);
    assert_eq!(r.form.answers.pain, Some(10));
    r.keys(&[KeyCode::Backspace]);
    assert_eq!(r.form.answers.pain, None);
    r.tab_to(Field::Quality);
    r.keys(&[KeyCode::Char('3'), KeyCode::Backspace]);
    // The count is never a default: unanswered, the night cannot be saved.
    assert_eq!(r.ctrl('s'), []);
    assert_eq!(r.form.cursor.focus, Field::Count);
    assert!(r.form.message.as_deref().unwrap().contains("How many?: type a number"), "{:?}", r.form.message);
    r.keys(&[KeyCode::Char('1')]);
    assert_eq!(r.save(), bare(night(), 1));
}

#[test]
fn the_form_and_the_cli_share_one_awakenings_limit() {
    let mut r = Rig::new(vec![]);
    r.keys(&[KeyCode::Char('n')]);
    r.tab_to(Field::Awakenings);
    r.type_text("500");
    assert_eq!(r.ctrl('s'), []);
    assert_eq!(r.form.mode, Mode::Editing);
    assert!(r.form.message.as_deref().unwrap().contains("awakenings is 500, outside the allowed 0-100"));
}

#[test]
fn after_midnight_the_night_in_progress_cannot_be_checked_in() {
    // 01:42 on Wed 25 Nov: the night of Tue 24 is still going on.
    let nights = NightRule::default().at("2026-11-25T01:42:00+01:00".parse().unwrap());
    assert_eq!(nights.last_over, night());
    let mut r = Rig { form: CheckinForm::new(night(), Ok(loaded(night(), vec![])), nights) };
    assert_eq!(r.keys(&[KeyCode::Up, KeyCode::Right]), [], "the night of the 24th is not over");
    assert_eq!(r.form.night, night());
}

#[test]
fn invalid_entries_say_why_beside_the_field() {
    let mut r = Rig::new(vec![]);
    r.keys(&[KeyCode::Char('n')]);
    r.tab_to(Field::IntoBed);
    r.type_text("late");
    let screen = r.screen(80, 24);
    assert!(screen.contains("← HH:MM, like 22:45"), "{screen}");
    assert_eq!(r.ctrl('s'), []);
    assert_eq!(r.form.mode, Mode::Editing);
}

#[test]
fn red_flag_shows_the_notice_and_is_recorded() {
    let mut r = Rig::new(vec![]);
    r.keys(&[KeyCode::Char('n')]);
    r.tab_to(Field::Swollen);
    r.keys(&[KeyCode::Char('y')]);
    let screen = r.screen(80, 24);
    assert!(screen.contains("blood clot"), "{screen}");
    insta::assert_snapshot!(screen);
    let flags = RedFlags { one_leg_swollen: Some(true), lasting_numbness: None };
    // The numbness question was not answered: not invented.
    assert_eq!(r.save(), CheckIn { red_flags: flags, ..bare(night(), 0) });
    r.input(Input::Written(Ok(Some(first_tally()))));
    assert!(r.screen(80, 30).contains("call emergency services"));
}

#[test]
fn existing_checkin_opens_for_editing_and_saving_replaces_it() {
    let mut first = Rig::new(vec![]);
    first.keys(&[KeyCode::Char('y'), KeyCode::Char('3'), KeyCode::Tab, KeyCode::Char('5')]);
    let given = first.save();
    assert_eq!(given, CheckIn { pain: Some(5), ..bare(night(), 3) });
    let mut r = Rig::new(vec![Record::Checkin(given)]);
    assert!(r.form.editing_existing);
    assert_eq!(r.form.answers.count, Some(3));
    assert!(!r.form.dirty(), "opened as recorded");
    insta::assert_snapshot!(r.screen(80, 24));
    // A night without cramps keeps no pain from the cramps it no longer has.
    r.keys(&[KeyCode::Char('n')]);
    assert_eq!(r.save(), bare(night(), 0));
}

#[test]
fn logged_cramps_and_the_run_fill_the_header() {
    let cramp = |at: &str, place, side| {
        Record::Cramp(Cramp { night: night(), at: at.parse().unwrap(), place: Some(place), side: Some(side) })
    };
    let mut r = Rig::new(vec![
        cramp("2026-11-24T02:10:00+01:00", Place::Calf, LegSide::Left),
        cramp("2026-11-24T04:30:00+01:00", Place::Foot, LegSide::Right),
    ]);
    assert_eq!(r.form.answers.any_cramps, Some(true));
    assert_eq!(r.form.answers.count, Some(2));
    let screen = r.screen(80, 24);
    assert!(screen.contains("2 cramp(s) logged in the night"), "{screen}");
    assert!(screen.contains("[x] calf L"), "{screen}");
    // What was logged, and nothing more, is what a save records.
    let places = vec![
        Spot { place: Place::Calf, side: Some(LegSide::Left) },
        Spot { place: Place::Foot, side: Some(LegSide::Right) },
    ];
    assert_eq!(r.save(), CheckIn { places, ..bare(night(), 2) });
}

#[test]
fn rest_night_shows_in_the_header() {
    let r = Rig::new(vec![Record::Rest(RestNight { night: night(), reason: "travel".into(), recorded: now() })]);
    assert!(r.screen(80, 24).contains("Night of Mon 23 Nov — rest night: travel"));
}

#[test]
fn esc_asks_before_discarding() {
    let mut r = Rig::new(vec![]);
    assert_eq!(r.keys(&[KeyCode::Char('y'), KeyCode::Esc]), []);
    assert_eq!(r.form.mode, Mode::ConfirmDiscard);
    let screen = r.screen(80, 24);
    assert!(screen.contains("Leave without saving") && screen.contains("y discard · any other key keeps editing"));
    assert_eq!(r.keys(&[KeyCode::Char('x')]), []);
    assert_eq!(r.form.mode, Mode::Editing);
    assert_eq!(r.keys(&[KeyCode::Esc, KeyCode::Char('y')]), [Effect::Close], "leaves, writing nothing");
    // Nothing changed: Esc leaves at once.
    let mut clean = Rig::new(vec![]);
    assert_eq!(clean.keys(&[KeyCode::Esc]), [Effect::Close]);
}

#[test]
fn moving_to_another_night_to_backfill() {
    let mut r = Rig::new(vec![]);
    r.keys(&[KeyCode::Up]);
    assert_eq!(r.form.cursor.focus, Field::Night);
    assert_eq!(r.keys(&[KeyCode::Right]), [], "no checking in for a night not over yet");
    let before = night().pred_opt().unwrap();
    assert_eq!(r.keys(&[KeyCode::Left]), [Effect::LoadNight(before)]);
    let run = common::records::run(before, "22:41", winddown::journal::Outcome::Done);
    assert_eq!(r.input(Input::Night(Ok(loaded(before, vec![run])))), []);
    assert_eq!(r.form.night, before);
    let screen = r.screen(80, 24);
    assert!(screen.contains("Night of Sun 22 Nov — cramp-guard done 22:41, 1 of 1 steps"), "{screen}");
    // Answers given block the change until saved or discarded.
    r.keys(&[KeyCode::Down, KeyCode::Char('n'), KeyCode::Up, KeyCode::Up]);
    assert_eq!(r.form.cursor.focus, Field::Night);
    assert_eq!(r.keys(&[KeyCode::Left]), []);
    assert!(r.form.message.as_deref().unwrap().contains("before changing the night"));
    r.keys(&[KeyCode::Down]);
    assert_eq!(r.save(), bare(before, 0));
}

#[test]
fn help_and_small_terminal() {
    let mut r = Rig::new(vec![]);
    assert_eq!(r.keys(&[KeyCode::Char('?')]), []);
    assert_eq!(r.form.mode, Mode::Help);
    // The rows come from the form's commands: Esc says where it goes.
    insta::assert_snapshot!("help", r.screen(80, 24));
    insta::assert_snapshot!("small", r.screen(40, 10));
    assert_eq!(r.keys(&[KeyCode::Char('x')]), []);
    assert_eq!(r.form.mode, Mode::Editing, "any key closes the help");
}

/// The keys shown are the keys that work: in a text box `?` is typed, so
/// the title does not offer the help there.
#[test]
fn the_title_offers_only_keys_that_work_where_the_cursor_is() {
    let mut r = Rig::new(vec![]);
    let title = |r: &Rig| r.screen(80, 24).lines().next().unwrap().to_string();
    assert!(title(&r).contains("Ctrl-S save · Esc leave · ? help"), "{}", title(&r));
    r.keys(&[KeyCode::Char('n')]);
    r.tab_to(Field::Tags);
    assert!(title(&r).contains("Ctrl-S save · Esc leave ╮") && !title(&r).contains("? help"), "{}", title(&r));
    r.type_text("?");
    assert_eq!(r.form.mode, Mode::Editing);
    assert_eq!(r.save().tags, vec!["?".to_string()]);
}

#[test]
fn ctrl_c_quits_from_every_mode() {
    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    let mut r = Rig::new(vec![]);
    let quits = |r: &mut Rig| assert_eq!(r.input(Input::Key(ctrl_c)), [Effect::Quit], "{:?}", r.form.mode);
    quits(&mut r);
    r.keys(&[KeyCode::Char('?')]);
    quits(&mut r);
    r.keys(&[KeyCode::Char('x'), KeyCode::Char('n'), KeyCode::Esc]);
    assert_eq!(r.form.mode, Mode::ConfirmDiscard);
    quits(&mut r);
    r.keys(&[KeyCode::Char('x')]);
    r.save();
    r.input(Input::Written(Ok(Some(first_tally()))));
    quits(&mut r);
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
    assert_eq!(r.save().places, vec![Spot { place: Place::Foot, side: None }]);
    // Saying which side replaces "side not given" (chip 4 is the right foot).
    let mut r = Rig::new(vec![cramp]);
    r.keys(&[KeyCode::Char('y')]);
    r.tab_to(Field::Where);
    r.keys(&[KeyCode::Char('4')]);
    while r.form.cursor.focus != Field::Pain {
        r.keys(&[KeyCode::BackTab]);
    }
    r.keys(&[KeyCode::Char('5')]);
    assert_eq!(r.save().places, vec![Spot { place: Place::Foot, side: Some(LegSide::Right) }]);
}

/// Two machines checked in for the same night with different answers (a
/// sync tool's conflict copy): the form shows both before anything else and
/// asks to keep the one the user picks; the other is dropped only then.
#[test]
fn two_answers_from_two_machines_are_shown_and_one_is_kept() {
    use common::records::checkin;
    let laptop = checkin(night(), 0, None, Quality::Good);
    let desktop = checkin(night(), 2, Some(7), Quality::Poor);
    let (Record::Checkin(l), Record::Checkin(d)) = (laptop.clone(), desktop.clone()) else { unreachable!() };
    let contested = NightLoaded { contested: vec![l, d], ..loaded(night(), vec![laptop]) };
    let mut r = Rig { form: CheckinForm::new(night(), Ok(contested), nights()) };
    assert_eq!(r.form.mode, Mode::Contested);
    let screen = r.screen(100, 30);
    assert!(screen.contains("1  no cramps · sleep Good"), "{screen}");
    assert!(screen.contains("2  2 cramps, worst 7/10 · sleep Poor"), "{screen}");
    insta::assert_snapshot!(screen);
    // Later: Esc keeps both (nothing asked of the journal), the form says how to come back.
    assert_eq!(r.keys(&[KeyCode::Esc]), []);
    assert_eq!(r.form.mode, Mode::Editing);
    assert!(r.screen(100, 30).contains("press Ctrl-R to choose"));
    assert_eq!(r.ctrl('r'), []);
    assert_eq!(r.form.mode, Mode::Contested);
    assert_eq!(r.keys(&[KeyCode::Char('3')]), [], "there is no third answer");
    // The desktop's answer is kept; then the night is read again.
    assert_eq!(
        r.keys(&[KeyCode::Char('2')]),
        [Effect::Resolve { key: RecordKey::Checkin(night()), keep: desktop.clone() }]
    );
    assert_eq!(r.input(Input::Written(Ok(None))), [Effect::LoadNight(night())]);
    assert_eq!(r.input(Input::Night(Ok(loaded(night(), vec![desktop])))), []);
    assert_eq!(r.form.mode, Mode::Editing);
    assert_eq!(r.form.answers.count, Some(2), "the form now shows the answer kept");
    assert!(r.screen(100, 30).contains("kept that answer"));
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
