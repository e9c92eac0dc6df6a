//! The Routines tab's commands, declared once for the handler, the footer
//! and the `?` help: the list, naming a copy, and the question after an
//! invalid edit. (The in-app editor has its own, in `editor::keys`.)

use crossterm::event::KeyCode;

use crate::tui::keymap::{Command, Key};
use crate::tui::tabs::{self, TabMove};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Up,
    Down,
    EditHere,
    EditOutside,
    Copy,
    MakeDefault,
    Reload,
    Help,
    Leave,
    Quit,
    Tab(TabMove),
    // After an edit left the file invalid.
    EditAgain,
    KeepPrevious,
    KeepThis,
    // Naming a new copy (other keys are the name).
    Create,
    Cancel,
}

/// The list of routines.
pub fn list() -> Vec<Command<Action>> {
    let mut out = vec![
        Command::new(Action::Up, &[Key::Plain(KeyCode::Up), Key::Plain(KeyCode::Char('k'))], "↑ ↓", "pick a routine")
            .footer("↑↓", "pick"),
        Command::new(Action::Down, &[Key::Plain(KeyCode::Down), Key::Plain(KeyCode::Char('j'))], "", ""),
        Command::new(
            Action::EditHere,
            &[Key::Plain(KeyCode::Enter)],
            "Enter",
            "edit here: steps, values, order (comments kept)",
        )
        .footer("Enter", "edit"),
        Command::new(
            Action::EditOutside,
            &[Key::Plain(KeyCode::Char('e'))],
            "e",
            "edit in $EDITOR (a built-in is copied first)",
        )
        .footer("e", "$EDITOR"),
        Command::new(Action::Copy, &[Key::Plain(KeyCode::Char('n'))], "n", "new routine from a copy of this one")
            .footer("n", "copy"),
        Command::new(Action::MakeDefault, &[Key::Plain(KeyCode::Char('d'))], "d", "make it the default")
            .footer("d", "default"),
        Command::new(Action::Reload, &[Key::Plain(KeyCode::Char('r'))], "r", "reload from disk").footer("r", "reload"),
        Command::new(Action::Help, &[Key::Plain(KeyCode::Char('?'))], "?", "this help").footer("?", "help"),
        Command::new(
            Action::Leave,
            &[Key::Plain(KeyCode::Esc), Key::Plain(KeyCode::Char('q'))],
            "Esc  q",
            "back to Tonight",
        ),
        Command::new(Action::Quit, &[Key::Ctrl('c')], "Ctrl-C", "quit"),
    ];
    out.extend(tabs::commands(Action::Tab, true));
    out
}

/// After the user's editor left the file invalid.
pub fn invalid() -> Vec<Command<Action>> {
    vec![
        Command::new(Action::EditAgain, &[Key::Plain(KeyCode::Char('e'))], "e", "edit it again")
            .footer("e", "edit again"),
        Command::new(
            Action::KeepPrevious,
            &[Key::Plain(KeyCode::Char('k')), Key::Plain(KeyCode::Esc)],
            "k  Esc",
            "keep the previous version",
        )
        .footer("k", "keep previous"),
        Command::new(
            Action::KeepThis,
            &[Key::Plain(KeyCode::Char('s'))],
            "s",
            "keep the invalid file (it cannot run until fixed)",
        )
        .footer("s", "keep this"),
        Command::new(Action::Quit, &[Key::Ctrl('c')], "Ctrl-C", "quit"),
    ]
}

/// Typing the name of a new copy: every other key is the name.
pub fn naming() -> Vec<Command<Action>> {
    vec![
        Command::new(Action::Create, &[Key::Plain(KeyCode::Enter)], "Enter", "create the copy")
            .footer("Enter", "create"),
        Command::new(Action::Cancel, &[Key::Plain(KeyCode::Esc)], "Esc", "no copy").footer("Esc", "cancel"),
        Command::new(Action::Quit, &[Key::Ctrl('c')], "Ctrl-C", "quit"),
    ]
}
