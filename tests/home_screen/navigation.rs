//! Moving around the app by keys: the tabs from every screen that reaches
//! them, leaving a screen, and the helps that list the keys.

use super::*;

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
    r.ctrl('s');
    r.key(KeyCode::Enter);
    assert_eq!(r.app.tab, Tab::Tonight);
    assert!(r.app.data.recent.night(d("2026-11-22")).unwrap().checkin.is_some(), "saved and reloaded");
    r.key(KeyCode::Char('?'));
    assert!(r.screen().contains("Keys"));
    r.key(KeyCode::Char('x'));
    assert!(!r.screen().contains("Keys"));
    r.key(KeyCode::Char('q'));
    assert!(r.app.finished());
}

/// Tab and Shift-Tab step through the tabs from Tonight and Routines (the
/// check-in form and the history keep Tab for themselves).
#[test]
fn tab_and_shift_tab_cycle_from_tonight_and_routines() {
    let mut r = Rig::new(vec![run(d("2026-11-22"))], "2026-11-23T21:00:00+01:00");
    r.press(KeyCode::BackTab, KeyModifiers::SHIFT);
    assert_eq!(r.app.tab, Tab::Routines, "before Tonight comes the last tab");
    r.key(KeyCode::Tab);
    assert_eq!(r.app.tab, Tab::Tonight, "after Routines comes the first");
    r.key(KeyCode::Char('4'));
    r.press(KeyCode::BackTab, KeyModifiers::SHIFT);
    assert_eq!(r.app.tab, Tab::History);
    assert!(r.screen().contains("November 2026"));
    // In the history Tab turns the page.
    r.key(KeyCode::Tab);
    assert_eq!(r.app.tab, Tab::History);
    assert_eq!(r.app.history.as_ref().map(|h| h.page), Some(winddown::tui::history::Page::Comparisons));
    r.key(KeyCode::Char('1'));
    r.key(KeyCode::Tab);
    assert_eq!(r.app.tab, Tab::Checkin);
    assert!(r.screen().contains("Morning check-in"));
    // In the form Tab moves to the next question and digits are answers.
    r.key(KeyCode::Tab);
    r.key(KeyCode::Char('4'));
    assert_eq!(r.app.tab, Tab::Checkin);
}

/// `1`–`4` switch tabs from the history (they did nothing there before,
/// though the README said they did).
#[test]
fn digits_switch_tabs_from_the_history() {
    let mut r = Rig::new(vec![run(d("2026-11-22"))], "2026-11-23T21:00:00+01:00");
    for (digit, tab) in [('4', Tab::Routines), ('1', Tab::Tonight), ('2', Tab::Checkin)] {
        r.key(KeyCode::Char('3'));
        assert_eq!(r.app.tab, Tab::History);
        r.key(KeyCode::Char(digit));
        assert_eq!(r.app.tab, tab, "{digit} from the history");
    }
    assert!(r.screen().contains("Morning check-in"));
    assert!(!r.app.finished());
}

/// `winddown history` opens the history alone: Esc ends the program. Once
/// the user has moved to a tab, the history is one tab among others and
/// Esc goes back to Tonight.
#[test]
fn the_history_command_ends_on_esc_until_the_user_moves_to_a_tab() {
    let wall = "2026-11-23T21:00:00+01:00";
    let mut r = Rig::opening(vec![run(d("2026-11-22"))], wall, Config::default(), vec![], Start::History);
    assert_eq!(r.app.tab, Tab::History);
    assert!(r.screen().contains("November 2026"));
    r.key(KeyCode::Esc);
    assert!(r.app.finished(), "Esc on `winddown history` ends it");

    let mut r = Rig::opening(vec![run(d("2026-11-22"))], wall, Config::default(), vec![], Start::History);
    r.key(KeyCode::Char('4'));
    assert_eq!(r.app.tab, Tab::Routines);
    r.key(KeyCode::Char('3'));
    r.key(KeyCode::Char('q'));
    assert!(!r.app.finished());
    assert_eq!(r.app.tab, Tab::Tonight, "back to Tonight, as from the home screen");
    r.key(KeyCode::Char('q'));
    assert!(r.app.finished());
}

/// The helps of Tonight and Routines read as the hand-written ones did:
/// the tab's own keys, the tab keys on one line, Tab on another.
#[test]
fn tonight_and_routines_helps_come_from_their_keymaps() {
    let mut r = Rig::new(vec![run(d("2026-11-22"))], "2026-11-23T21:00:00+01:00");
    r.key(KeyCode::Char('?'));
    let s = r.screen();
    for line in [
        "Enter  start tonight's routine",
        "↑ ↓  pick another routine",
        "c  check in for last night",
        "Ctrl-Z  suspend (fg to come back)",
        "q  Esc  quit",
        "1 2 3 4  Tonight · Check-in · History · Routines",
        "Tab  S-Tab  next / previous tab",
    ] {
        assert!(s.contains(line), "{line:?} missing:\n{s}");
    }
    r.key(KeyCode::Char('4'));
    assert_eq!(r.app.tab, Tab::Tonight, "the key that closes the help does nothing else");
    r.key(KeyCode::Char('4'));
    r.key(KeyCode::Char('?'));
    let s = r.screen();
    for line in [
        "Enter  edit here: steps, values, order (comments kept)",
        "e  edit in $EDITOR (a built-in is copied first)",
        "Esc  q  back to Tonight",
        "1 2 3 4  Tonight · Check-in · History · Routines",
    ] {
        assert!(s.contains(line), "{line:?} missing:\n{s}");
    }
}
