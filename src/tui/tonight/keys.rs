//! The Tonight tab's commands, declared once: the handler, the footer and
//! the `?` help all read this list.

use crossterm::event::KeyCode;

use crate::tui::home_data::HomeData;
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
    Quit,
    /// Ctrl-Z, taken by the event loop before any screen: here for the help only.
    Suspend,
    Tab(TabMove),
}

/// The commands as the tab stands: Enter only when a valid routine is picked
/// and the journal can record it.
pub fn commands(data: &HomeData) -> Vec<Command<Action>> {
    let recordable = data.journal_error.is_none();
    let mut out = tabs::commands(Action::Tab, true);
    out.extend([
        Command::new(Action::Start, &[Key::Plain(KeyCode::Enter)], "Enter", "start tonight's routine")
            .footer("Enter", "start")
            .enabled(recordable),
        Command::new(
            Action::Up,
            &[Key::Plain(KeyCode::Up), Key::Plain(KeyCode::Char('k'))],
            "↑ ↓",
            "pick another routine",
        )
        .footer("↑↓", "routine"),
        Command::same_line(Action::Down, &[Key::Plain(KeyCode::Down), Key::Plain(KeyCode::Char('j'))]),
        Command::new(Action::CheckIn, &[Key::Plain(KeyCode::Char('c'))], "c", "check in for last night")
            .footer("c", "check in")
            .enabled(recordable),
        Command::new(Action::History, &[Key::Plain(KeyCode::Char('h'))], "h", "history").footer("h", "history"),
        Command::new(Action::Help, &[Key::Plain(KeyCode::Char('?'))], "?", "this help").footer("?", "help"),
        Command::new(Action::Suspend, &[], "Ctrl-Z", "suspend (fg to come back)"),
        Command::new(
            Action::Quit,
            &[Key::Plain(KeyCode::Char('q')), Key::Plain(KeyCode::Esc), Key::Ctrl('c')],
            "q  Esc",
            "quit",
        )
        .footer("q", "quit"),
    ]);
    out
}
