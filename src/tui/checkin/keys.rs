//! The check-in form's commands, declared once per mode: the key handler
//! (`update.rs`), the keys in the frame's title, the line under each dialog
//! and the `?` help all read these lists, so they cannot disagree.
//!
//! The tab keys are not here: on this form digits answer and Tab moves to
//! the next row, so `1`–`4` cannot switch tabs; Esc goes back to them.

use crossterm::event::{KeyCode, KeyEvent};

use super::fields::Field;
use super::form::CheckinForm;
use crate::tui::keymap::{self, Command, Key};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    // Editing.
    NextField,
    PreviousField,
    /// ← or →: choose, move between chips, change the night.
    Step(i8),
    /// A digit: a number typed, a choice picked, chip N toggled.
    Digit(u8),
    Toggle,
    Yes,
    No,
    /// Takes the focused answer back: unanswered again.
    Clear,
    /// The next row; on Save, saves.
    Enter,
    Save,
    /// Two answers from two machines: choose one.
    Choose,
    Leave,
    Help,
    Quit,
    // Esc with unsaved answers.
    Discard,
    KeepEditing,
    // Two answers from two machines.
    Keep(usize),
    DecideLater,
    // The help.
    CloseHelp,
    // The summary after saving.
    Close,
    History,
}

/// The digit keys `0`–`9`, one slice each.
static DIGITS: [Key; 10] = [
    Key::Plain(KeyCode::Char('0')),
    Key::Plain(KeyCode::Char('1')),
    Key::Plain(KeyCode::Char('2')),
    Key::Plain(KeyCode::Char('3')),
    Key::Plain(KeyCode::Char('4')),
    Key::Plain(KeyCode::Char('5')),
    Key::Plain(KeyCode::Char('6')),
    Key::Plain(KeyCode::Char('7')),
    Key::Plain(KeyCode::Char('8')),
    Key::Plain(KeyCode::Char('9')),
];

/// A command with no keys is the mode's "any other key".
fn any_other(action: Action, label: &'static str, word: &'static str) -> Command<Action> {
    Command::new(action, &[], label, word).footer(label, word)
}

/// The action `key` runs in a mode: its command's, else the mode's "any other key".
pub fn action_for(commands: &[Command<Action>], key: &KeyEvent) -> Option<Action> {
    keymap::action_for(commands, key)
        .or_else(|| commands.iter().find(|c| c.enabled && c.keys.is_empty()).map(|c| c.action))
}

/// Filling in the form. Keys that answer (digits, arrows, Space, y/n,
/// Backspace) go to a text box instead when one is focused, and Enter and
/// ↑/↓ stay in the note's box for its lines.
pub fn editing(form: &CheckinForm) -> Vec<Command<Action>> {
    let focus = form.cursor.focus;
    let choosing = !focus.is_text();
    let lines = focus != Field::Note;
    let mut out = vec![
        Command::new(Action::NextField, &[Key::Plain(KeyCode::Tab)], "Tab ↓", "next field"),
        Command::new(Action::NextField, &[Key::Plain(KeyCode::Down)], "", "").enabled(lines),
        Command::new(Action::PreviousField, &[Key::Plain(KeyCode::BackTab)], "S-Tab ↑", "previous field"),
        Command::new(Action::PreviousField, &[Key::Plain(KeyCode::Up)], "", "").enabled(lines),
        Command::new(
            Action::Step(-1),
            &[Key::Plain(KeyCode::Left)],
            "← →",
            "choose; move between chips; change the night",
        )
        .enabled(choosing),
        Command::new(Action::Step(1), &[Key::Plain(KeyCode::Right)], "", "").enabled(choosing),
    ];
    out.extend((0..10u8).map(|d| {
        let (label, help) = if d == 0 { ("0-9", "set a number; 1-5 picks a choice; toggles chip N") } else { ("", "") };
        Command::new(Action::Digit(d), &DIGITS[usize::from(d)..=usize::from(d)], label, help).enabled(choosing)
    }));
    out.extend([
        Command::new(
            Action::Toggle,
            &[Key::Plain(KeyCode::Char(' '))],
            "Space",
            "toggle the chip under the cursor, or yes/no",
        )
        .enabled(choosing),
        Command::new(
            Action::Yes,
            &[Key::Plain(KeyCode::Char('y')), Key::Plain(KeyCode::Char('Y'))],
            "y n",
            "answer a yes/no question",
        )
        .enabled(choosing),
        Command::new(Action::No, &[Key::Plain(KeyCode::Char('n')), Key::Plain(KeyCode::Char('N'))], "", "")
            .enabled(choosing),
        Command::new(
            Action::Clear,
            &[Key::Plain(KeyCode::Backspace), Key::Plain(KeyCode::Delete)],
            "Backspace",
            "take an answer back (unanswered again)",
        )
        .enabled(choosing),
        Command::new(
            Action::Enter,
            &[Key::Plain(KeyCode::Enter)],
            "Enter",
            "next field (a new line in the note); on Save, save",
        )
        .enabled(lines),
        Command::new(Action::Save, &[Key::Ctrl('s')], "Ctrl-S", "save").footer("Ctrl-S", "save"),
        Command::new(Action::Choose, &[Key::Ctrl('r')], "Ctrl-R", "two answers from two machines: keep one")
            .enabled(!form.contested.is_empty()),
        Command::new(Action::Leave, &[Key::Plain(KeyCode::Esc)], "Esc", "back (asks first if anything changed)")
            .footer("Esc", "leave"),
        Command::new(Action::Help, &[Key::Plain(KeyCode::Char('?'))], "?", "this help")
            .footer("?", "help")
            .enabled(choosing),
        Command::new(Action::Quit, &[Key::Ctrl('c')], "Ctrl-C", "quit now (unsaved answers are lost)"),
    ]);
    out
}

/// Esc with unsaved answers: discard them, or keep editing.
pub fn confirm_discard() -> Vec<Command<Action>> {
    vec![
        Command::new(
            Action::Discard,
            &[Key::Plain(KeyCode::Char('y')), Key::Plain(KeyCode::Enter)],
            "y  Enter",
            "discard these answers and leave",
        )
        .footer("y", "discard"),
        Command::new(Action::Quit, &[Key::Ctrl('c')], "Ctrl-C", "quit now"),
        any_other(Action::KeepEditing, "any other key", "keeps editing"),
    ]
}

/// `1-N` as the footer writes it, for up to nine answers.
const KEEP_LABELS: [&str; 10] = ["1", "1", "1-2", "1-3", "1-4", "1-5", "1-6", "1-7", "1-8", "1-9"];

/// Two (or more) answers for the night: keep one (`1`…`N`), or decide later.
pub fn contested(answers: usize) -> Vec<Command<Action>> {
    let n = answers.min(9);
    let mut out: Vec<Command<Action>> = (1..=9usize)
        .map(|i| {
            let (label, footer) =
                if i == 1 { (KEEP_LABELS[n], Some((KEEP_LABELS[n], "keep that answer"))) } else { ("", None) };
            Command {
                footer,
                ..Command::new(Action::Keep(i - 1), &DIGITS[i..=i], label, "keep that answer (the others are dropped)")
            }
            .enabled(i <= n)
        })
        .collect();
    out.extend([
        Command::new(Action::DecideLater, &[Key::Plain(KeyCode::Esc)], "Esc", "decide later")
            .footer("Esc", "decide later"),
        Command::new(Action::Quit, &[Key::Ctrl('c')], "Ctrl-C", "quit now"),
    ]);
    out
}

/// The `?` help is open: any key closes it.
pub fn help() -> Vec<Command<Action>> {
    vec![
        Command::new(Action::Quit, &[Key::Ctrl('c')], "Ctrl-C", "quit now"),
        any_other(Action::CloseHelp, "any key", "closes this"),
    ]
}

/// The summary after saving.
pub fn saved() -> Vec<Command<Action>> {
    keymap::summary(Action::Close, Action::History, Action::Quit, "closes")
}

/// "Ctrl-S save · Esc leave": a mode's footer as one line of text.
pub fn footer_text(commands: &[Command<Action>]) -> String {
    keymap::footer_text(commands)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::KeyModifiers;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn the_footers_read_as_before() {
        assert_eq!(footer_text(&confirm_discard()), "y discard · any other key keeps editing");
        assert_eq!(footer_text(&contested(2)), "1-2 keep that answer · Esc decide later");
        assert_eq!(footer_text(&help()), "any key closes this");
        assert_eq!(footer_text(&saved()), "Enter closes · h history");
    }

    /// Every key a list names runs that command where it is enabled: no
    /// command hides behind an earlier one, so what the footer and the help
    /// say is what the key does, on every row and in every mode.
    #[test]
    fn no_key_is_shadowed_in_any_mode_or_row() {
        use crate::checkin::NightRule;
        use crate::tui::screen::NightLoaded;
        let nights = NightRule::default().at("2026-11-24T07:10:00+01:00".parse().unwrap());
        let mut form = CheckinForm::new(nights.last_over, Ok(NightLoaded::default()), nights);
        // Two answers wait: Ctrl-R is enabled too.
        let crate::journal::Record::Checkin(c) =
            crate::journal::test_records::checkin(nights.last_over, 0, None, crate::journal::Quality::Good)
        else {
            unreachable!()
        };
        form.contested = vec![c.clone(), c];
        let mut lists = vec![confirm_discard(), contested(2), contested(9), help(), saved()];
        for field in Field::ALL {
            form.cursor.focus = field;
            lists.push(editing(&form));
        }
        for list in &lists {
            for c in list.iter().filter(|c| c.enabled) {
                for k in c.keys {
                    let event = match k {
                        Key::Plain(code) => KeyEvent::new(*code, KeyModifiers::NONE),
                        Key::Ctrl(ch) => KeyEvent::new(KeyCode::Char(*ch), KeyModifiers::CONTROL),
                        Key::Shift(code) => KeyEvent::new(*code, KeyModifiers::SHIFT),
                    };
                    assert_eq!(action_for(list, &event), Some(c.action), "{k:?} in {list:?}");
                }
            }
        }
    }

    #[test]
    fn in_a_text_box_answer_keys_type() {
        use crate::checkin::NightRule;
        use crate::tui::screen::NightLoaded;
        let nights = NightRule::default().at("2026-11-24T07:10:00+01:00".parse().unwrap());
        let mut form = CheckinForm::new(nights.last_over, Ok(NightLoaded::default()), nights);
        form.cursor.focus = Field::Note;
        let list = editing(&form);
        for code in [KeyCode::Char('1'), KeyCode::Char('y'), KeyCode::Char(' '), KeyCode::Char('?')] {
            assert_eq!(action_for(&list, &key(code)), None, "{code:?} goes to the box");
        }
        for code in [KeyCode::Enter, KeyCode::Down, KeyCode::Left, KeyCode::Backspace] {
            assert_eq!(action_for(&list, &key(code)), None, "{code:?} stays in the note");
        }
        assert_eq!(action_for(&list, &key(KeyCode::Tab)), Some(Action::NextField));
        assert_eq!(footer_text(&list), "Ctrl-S save · Esc leave", "no ? help where ? is typed");
    }

    #[test]
    fn any_other_key_is_declared_not_implied() {
        assert_eq!(action_for(&confirm_discard(), &key(KeyCode::Char('x'))), Some(Action::KeepEditing));
        assert_eq!(action_for(&confirm_discard(), &key(KeyCode::Enter)), Some(Action::Discard));
        assert_eq!(action_for(&help(), &key(KeyCode::Char('q'))), Some(Action::CloseHelp));
        // Only as many answers as there are can be kept.
        assert_eq!(action_for(&contested(2), &key(KeyCode::Char('2'))), Some(Action::Keep(1)));
        assert_eq!(action_for(&contested(2), &key(KeyCode::Char('3'))), None);
        assert_eq!(action_for(&saved(), &key(KeyCode::Char('x'))), None);
    }
}
