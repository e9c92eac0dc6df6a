//! The Tonight tab's commands, declared once: the handler, the footer and
//! the `?` help all read this list.

use crossterm::event::KeyCode;

use crate::tui::app::HomeData;
use crate::tui::keymap::{Command, Key};
use crate::tui::tabs::{self, TabMove};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Start,
    Up,
    Down,
    CheckIn,
    History,
    Help,
    /// Ctrl-Z, taken by the event loop before any screen: here for the help only.
    Suspend,
    Quit,
    Tab(TabMove),
}

/// The commands as the tab stands: Enter only when a valid routine is picked
/// and the journal can record it.
pub fn commands(data: &HomeData) -> Vec<Command<Action>> {
    let startable = data.journal_error.is_none();
    let cmd =
        |action, keys, keys_label, footer, help| Command { action, keys, keys_label, footer, help, enabled: true };
    let mut out = vec![
        Command {
            enabled: startable,
            ..cmd(
                Action::Start,
                &[Key::Plain(KeyCode::Enter)],
                "Enter",
                Some(("Enter", "start")),
                "start tonight's routine",
            )
        },
        cmd(
            Action::Up,
            &[Key::Plain(KeyCode::Up), Key::Plain(KeyCode::Char('k'))],
            "↑ ↓",
            Some(("↑↓", "routine")),
            "pick another routine",
        ),
        cmd(Action::Down, &[Key::Plain(KeyCode::Down), Key::Plain(KeyCode::Char('j'))], "", None, ""),
        Command {
            enabled: startable,
            ..cmd(
                Action::CheckIn,
                &[Key::Plain(KeyCode::Char('c'))],
                "c",
                Some(("c", "check in")),
                "check in for last night",
            )
        },
        cmd(Action::History, &[Key::Plain(KeyCode::Char('h'))], "h", Some(("h", "history")), "history"),
        cmd(Action::Help, &[Key::Plain(KeyCode::Char('?'))], "?", Some(("?", "help")), "this help"),
        cmd(Action::Suspend, &[], "Ctrl-Z", None, "suspend (fg to come back)"),
        cmd(
            Action::Quit,
            &[Key::Plain(KeyCode::Char('q')), Key::Plain(KeyCode::Esc), Key::Ctrl('c')],
            "q  Esc",
            Some(("q", "quit")),
            "quit",
        ),
    ];
    out.extend(tabs::commands(Action::Tab, true));
    out
}
