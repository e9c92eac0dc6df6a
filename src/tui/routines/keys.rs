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

fn cmd(
    action: Action,
    keys: &'static [Key],
    keys_label: &'static str,
    footer: Option<(&'static str, &'static str)>,
    help: &'static str,
) -> Command<Action> {
    Command { action, keys, keys_label, footer, help, enabled: true }
}

/// The list of routines.
pub fn list() -> Vec<Command<Action>> {
    let mut out = vec![
        cmd(
            Action::Up,
            &[Key::Plain(KeyCode::Up), Key::Plain(KeyCode::Char('k'))],
            "↑ ↓",
            Some(("↑↓", "pick")),
            "pick a routine",
        ),
        cmd(Action::Down, &[Key::Plain(KeyCode::Down), Key::Plain(KeyCode::Char('j'))], "", None, ""),
        cmd(
            Action::EditHere,
            &[Key::Plain(KeyCode::Enter)],
            "Enter",
            Some(("Enter", "edit")),
            "edit here: steps, values, order (comments kept)",
        ),
        cmd(
            Action::EditOutside,
            &[Key::Plain(KeyCode::Char('e'))],
            "e",
            Some(("e", "$EDITOR")),
            "edit in $EDITOR (a built-in is copied first)",
        ),
        cmd(
            Action::Copy,
            &[Key::Plain(KeyCode::Char('n'))],
            "n",
            Some(("n", "copy")),
            "new routine from a copy of this one",
        ),
        cmd(Action::MakeDefault, &[Key::Plain(KeyCode::Char('d'))], "d", Some(("d", "default")), "make it the default"),
        cmd(Action::Reload, &[Key::Plain(KeyCode::Char('r'))], "r", Some(("r", "reload")), "reload from disk"),
        cmd(Action::Help, &[Key::Plain(KeyCode::Char('?'))], "?", Some(("?", "help")), "this help"),
        cmd(
            Action::Leave,
            &[Key::Plain(KeyCode::Esc), Key::Plain(KeyCode::Char('q'))],
            "Esc  q",
            None,
            "back to Tonight",
        ),
        cmd(Action::Quit, &[Key::Ctrl('c')], "Ctrl-C", None, "quit"),
    ];
    out.extend(tabs::commands(Action::Tab, true));
    out
}

/// After the user's editor left the file invalid.
pub fn invalid() -> Vec<Command<Action>> {
    vec![
        cmd(Action::EditAgain, &[Key::Plain(KeyCode::Char('e'))], "e", Some(("e", "edit again")), "edit it again"),
        cmd(
            Action::KeepPrevious,
            &[Key::Plain(KeyCode::Char('k')), Key::Plain(KeyCode::Esc)],
            "k  Esc",
            Some(("k", "keep previous")),
            "keep the previous version",
        ),
        cmd(
            Action::KeepThis,
            &[Key::Plain(KeyCode::Char('s'))],
            "s",
            Some(("s", "keep this")),
            "keep the invalid file (it cannot run until fixed)",
        ),
        cmd(Action::Quit, &[Key::Ctrl('c')], "Ctrl-C", None, "quit"),
    ]
}

/// Typing the name of a new copy: every other key is the name.
pub fn naming() -> Vec<Command<Action>> {
    vec![
        cmd(Action::Create, &[Key::Plain(KeyCode::Enter)], "Enter", Some(("Enter", "create")), "create the copy"),
        cmd(Action::Cancel, &[Key::Plain(KeyCode::Esc)], "Esc", Some(("Esc", "cancel")), "no copy"),
        cmd(Action::Quit, &[Key::Ctrl('c')], "Ctrl-C", None, "quit"),
    ]
}
