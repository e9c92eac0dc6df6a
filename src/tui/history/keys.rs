//! The history's commands, declared once: the handler, the keys in the
//! frame's title and the `?` help all read this list.

use crossterm::event::KeyCode;

use crate::tui::keymap::{Command, Key};
use crate::tui::tabs::{self, TabMove};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    PreviousMonth,
    NextMonth,
    ThisMonth,
    NextPage,
    Help,
    Back,
    Quit,
    Tab(TabMove),
}

/// The commands on `page`: the months move only the calendar, so they work there only.
pub fn commands(page: super::Page) -> Vec<Command<Action>> {
    let calendar = page == super::Page::Calendar;
    let mut out = tabs::commands(Action::Tab, false);
    out.extend([
        Command::new(
            Action::PreviousMonth,
            &[Key::Plain(KeyCode::Left), Key::Plain(KeyCode::Char('h'))],
            "←/→  h/l",
            "previous / next month (calendar)",
        )
        .footer("←/→", "month")
        .enabled(calendar),
        Command::same_line(Action::NextMonth, &[Key::Plain(KeyCode::Right), Key::Plain(KeyCode::Char('l'))])
            .enabled(calendar),
        Command::new(Action::ThisMonth, &[Key::Plain(KeyCode::Char('t'))], "t", "this month (calendar)")
            .footer("t", "this month")
            .enabled(calendar),
        Command::new(
            Action::NextPage,
            &[Key::Plain(KeyCode::Char('c')), Key::Plain(KeyCode::Tab)],
            "c  Tab",
            "next page: comparisons, trends, calendar",
        )
        .footer("c", "next page"),
        Command::new(Action::Back, &[Key::Plain(KeyCode::Char('q')), Key::Plain(KeyCode::Esc)], "q  Esc", "back")
            .footer("q", "back"),
        Command::new(Action::Help, &[Key::Plain(KeyCode::Char('?'))], "?", "this help").footer("?", "help"),
        Command::new(Action::Quit, &[Key::Ctrl('c')], "Ctrl-C", "quit"),
    ]);
    out
}
