//! The in-app editor's commands, one list per mode (the steps, a typed
//! value, the palette, a question), declared once: the handler, the hints
//! under the steps and the `?` help all read them.

use crossterm::event::KeyCode;

use crate::tui::keymap::{Command, Key};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    // The steps.
    Up,
    Down,
    PreviousField,
    NextField,
    More,
    Less,
    Type,
    Rename,
    MoveUp,
    MoveDown,
    Add,
    Delete,
    Undo,
    Save,
    Help,
    Close,
    // A value or title being typed (other keys go to the text).
    Set,
    // The palette.
    Pick,
    // A question: delete the step? discard the changes?
    Yes,
    /// Leaves a prompt, the palette or a question without doing anything.
    Cancel,
    /// Ctrl-C: out of winddown, from any mode.
    Quit,
}

/// What a question asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Question {
    DeleteStep,
    DiscardChanges,
}

impl Question {
    pub fn text(self) -> &'static str {
        match self {
            Question::DeleteStep => "Delete this step?",
            Question::DiscardChanges => "Discard unsaved changes?",
        }
    }
}

fn cmd(
    action: Action,
    keys: &'static [Key],
    keys_label: &'static str,
    footer: Option<(&'static str, &'static str)>,
    help: &'static str,
) -> Command<Action> {
    Command { action, keys, keys_label, footer, help, enabled: true }
}

fn quit() -> Command<Action> {
    cmd(Action::Quit, &[Key::Ctrl('c')], "Ctrl-C", None, "quit winddown (unsaved changes are lost)")
}

/// The list of steps. `steps`: how many there are (nothing to delete without one).
pub fn steps(steps: usize) -> Vec<Command<Action>> {
    vec![
        cmd(
            Action::Up,
            &[Key::Plain(KeyCode::Up), Key::Plain(KeyCode::Char('k'))],
            "↑ ↓",
            Some(("↑↓", "step")),
            "pick a step",
        ),
        cmd(Action::Down, &[Key::Plain(KeyCode::Down), Key::Plain(KeyCode::Char('j'))], "", None, ""),
        cmd(
            Action::PreviousField,
            &[Key::Plain(KeyCode::Left), Key::Plain(KeyCode::Char('h'))],
            "← →",
            Some(("←→", "field")),
            "pick the value to change",
        ),
        cmd(Action::NextField, &[Key::Plain(KeyCode::Right), Key::Plain(KeyCode::Char('l'))], "", None, ""),
        cmd(
            Action::More,
            &[Key::Plain(KeyCode::Char('+')), Key::Plain(KeyCode::Char('='))],
            "+ -",
            Some(("+/-", "change")),
            "change it: hold by 5 s, pauses by 1 s, reps by 1",
        ),
        cmd(Action::Less, &[Key::Plain(KeyCode::Char('-'))], "", None, ""),
        cmd(Action::Type, &[Key::Plain(KeyCode::Enter)], "Enter", Some(("Enter", "type a value")), "type the value"),
        cmd(Action::Rename, &[Key::Plain(KeyCode::Char('t'))], "t", Some(("t", "title")), "rename the step"),
        cmd(
            Action::MoveUp,
            &[Key::Plain(KeyCode::Char('K')), Key::Shift(KeyCode::Up)],
            "K J  Shift-↑ ↓",
            Some(("J/K", "move")),
            "move the step up / down",
        ),
        cmd(Action::MoveDown, &[Key::Plain(KeyCode::Char('J')), Key::Shift(KeyCode::Down)], "", None, ""),
        cmd(Action::Add, &[Key::Plain(KeyCode::Char('a'))], "a", Some(("a", "add")), "add a step from the palette"),
        Command {
            enabled: steps > 0,
            ..cmd(
                Action::Delete,
                &[Key::Plain(KeyCode::Char('x')), Key::Plain(KeyCode::Delete)],
                "x  Del",
                Some(("x", "delete")),
                "delete the step (asks first)",
            )
        },
        cmd(Action::Undo, &[Key::Plain(KeyCode::Char('u'))], "u", Some(("u", "undo")), "undo the last change"),
        cmd(
            Action::Save,
            &[Key::Ctrl('s')],
            "Ctrl-S",
            Some(("Ctrl-S", "save")),
            "save (comments kept; an invalid routine is not saved)",
        ),
        cmd(Action::Help, &[Key::Plain(KeyCode::Char('?'))], "?", Some(("?", "help")), "this help"),
        cmd(
            Action::Close,
            &[Key::Plain(KeyCode::Esc), Key::Plain(KeyCode::Char('q'))],
            "Esc  q",
            Some(("Esc", "close")),
            "close the editor (asks first if anything is unsaved)",
        ),
        quit(),
    ]
}

/// A value or a title being typed: every other key is text.
pub fn prompt() -> Vec<Command<Action>> {
    vec![
        cmd(Action::Set, &[Key::Plain(KeyCode::Enter)], "Enter", Some(("Enter", "set")), "set it"),
        cmd(Action::Cancel, &[Key::Plain(KeyCode::Esc)], "Esc", Some(("Esc", "cancel")), "leave it as it was"),
        quit(),
    ]
}

/// The palette of steps to add.
pub fn palette() -> Vec<Command<Action>> {
    vec![
        cmd(
            Action::Up,
            &[Key::Plain(KeyCode::Up), Key::Plain(KeyCode::Char('k'))],
            "↑ ↓",
            Some(("↑↓", "pick")),
            "pick a step",
        ),
        cmd(Action::Down, &[Key::Plain(KeyCode::Down), Key::Plain(KeyCode::Char('j'))], "", None, ""),
        cmd(Action::Pick, &[Key::Plain(KeyCode::Enter)], "Enter", Some(("Enter", "add")), "add it after the last step"),
        cmd(
            Action::Cancel,
            &[Key::Plain(KeyCode::Esc)],
            "Esc",
            Some(("Esc", "cancel")),
            "add nothing (so does any other key)",
        ),
        quit(),
    ]
}

/// A question: `y` does it, anything else does not.
pub fn confirm(question: Question) -> Vec<Command<Action>> {
    let yes = match question {
        Question::DeleteStep => ("y", "delete"),
        Question::DiscardChanges => ("y", "discard"),
    };
    vec![
        cmd(Action::Yes, &[Key::Plain(KeyCode::Char('y'))], "y", Some(yes), "yes"),
        cmd(
            Action::Cancel,
            &[Key::Plain(KeyCode::Char('n')), Key::Plain(KeyCode::Esc)],
            "n  Esc",
            Some(("n", "no")),
            "no (so does any other key)",
        ),
        quit(),
    ]
}
