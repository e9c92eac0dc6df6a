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

fn quit() -> Command<Action> {
    Command::new(Action::Quit, &[Key::Ctrl('c')], "Ctrl-C", "quit winddown (unsaved changes are lost)")
}

/// The list of steps. `steps`: how many there are (nothing to delete without one).
pub fn steps(steps: usize) -> Vec<Command<Action>> {
    vec![
        Command::new(Action::Up, &[Key::Plain(KeyCode::Up), Key::Plain(KeyCode::Char('k'))], "↑ ↓", "pick a step")
            .footer("↑↓", "step"),
        Command::new(Action::Down, &[Key::Plain(KeyCode::Down), Key::Plain(KeyCode::Char('j'))], "", ""),
        Command::new(
            Action::PreviousField,
            &[Key::Plain(KeyCode::Left), Key::Plain(KeyCode::Char('h'))],
            "← →",
            "pick the value to change",
        )
        .footer("←→", "field"),
        Command::new(Action::NextField, &[Key::Plain(KeyCode::Right), Key::Plain(KeyCode::Char('l'))], "", ""),
        Command::new(
            Action::More,
            &[Key::Plain(KeyCode::Char('+')), Key::Plain(KeyCode::Char('='))],
            "+ -",
            "change it: hold by 5 s, pauses by 1 s, reps by 1",
        )
        .footer("+/-", "change"),
        Command::new(Action::Less, &[Key::Plain(KeyCode::Char('-'))], "", ""),
        Command::new(Action::Type, &[Key::Plain(KeyCode::Enter)], "Enter", "type the value")
            .footer("Enter", "type a value"),
        Command::new(Action::Rename, &[Key::Plain(KeyCode::Char('t'))], "t", "rename the step").footer("t", "title"),
        Command::new(
            Action::MoveUp,
            &[Key::Plain(KeyCode::Char('K')), Key::Shift(KeyCode::Up)],
            "K J  Shift-↑ ↓",
            "move the step up / down",
        )
        .footer("J/K", "move"),
        Command::new(Action::MoveDown, &[Key::Plain(KeyCode::Char('J')), Key::Shift(KeyCode::Down)], "", ""),
        Command::new(Action::Add, &[Key::Plain(KeyCode::Char('a'))], "a", "add a step from the palette")
            .footer("a", "add"),
        Command::new(
            Action::Delete,
            &[Key::Plain(KeyCode::Char('x')), Key::Plain(KeyCode::Delete)],
            "x  Del",
            "delete the step (asks first)",
        )
        .footer("x", "delete")
        .enabled(steps > 0),
        Command::new(Action::Undo, &[Key::Plain(KeyCode::Char('u'))], "u", "undo the last change").footer("u", "undo"),
        Command::new(
            Action::Save,
            &[Key::Ctrl('s')],
            "Ctrl-S",
            "save (comments kept; an invalid routine is not saved)",
        )
        .footer("Ctrl-S", "save"),
        Command::new(Action::Help, &[Key::Plain(KeyCode::Char('?'))], "?", "this help").footer("?", "help"),
        Command::new(
            Action::Close,
            &[Key::Plain(KeyCode::Esc), Key::Plain(KeyCode::Char('q'))],
            "Esc  q",
            "close the editor (asks first if anything is unsaved)",
        )
        .footer("Esc", "close"),
        quit(),
    ]
}

/// A value or a title being typed: every other key is text.
pub fn prompt() -> Vec<Command<Action>> {
    vec![
        Command::new(Action::Set, &[Key::Plain(KeyCode::Enter)], "Enter", "set it").footer("Enter", "set"),
        Command::new(Action::Cancel, &[Key::Plain(KeyCode::Esc)], "Esc", "leave it as it was").footer("Esc", "cancel"),
        quit(),
    ]
}

/// The palette of steps to add.
pub fn palette() -> Vec<Command<Action>> {
    vec![
        Command::new(Action::Up, &[Key::Plain(KeyCode::Up), Key::Plain(KeyCode::Char('k'))], "↑ ↓", "pick a step")
            .footer("↑↓", "pick"),
        Command::new(Action::Down, &[Key::Plain(KeyCode::Down), Key::Plain(KeyCode::Char('j'))], "", ""),
        Command::new(Action::Pick, &[Key::Plain(KeyCode::Enter)], "Enter", "add it after the last step")
            .footer("Enter", "add"),
        Command::new(Action::Cancel, &[Key::Plain(KeyCode::Esc)], "Esc", "add nothing (so does any other key)")
            .footer("Esc", "cancel"),
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
        Command { footer: Some(yes), ..Command::new(Action::Yes, &[Key::Plain(KeyCode::Char('y'))], "y", "yes") },
        Command::new(
            Action::Cancel,
            &[Key::Plain(KeyCode::Char('n')), Key::Plain(KeyCode::Esc)],
            "n  Esc",
            "no (so does any other key)",
        )
        .footer("n", "no"),
        quit(),
    ]
}
