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

pub fn commands() -> Vec<Command<Action>> {
    let cmd =
        |action, keys, keys_label, footer, help| Command { action, keys, keys_label, footer, help, enabled: true };
    let mut out = vec![
        cmd(
            Action::PreviousMonth,
            &[Key::Plain(KeyCode::Left), Key::Plain(KeyCode::Char('h'))],
            "←/→  h/l",
            Some(("←/→", "month")),
            "previous / next month",
        ),
        cmd(Action::NextMonth, &[Key::Plain(KeyCode::Right), Key::Plain(KeyCode::Char('l'))], "", None, ""),
        cmd(Action::ThisMonth, &[Key::Plain(KeyCode::Char('t'))], "t", Some(("t", "this month")), "this month"),
        cmd(
            Action::NextPage,
            &[Key::Plain(KeyCode::Char('c')), Key::Plain(KeyCode::Tab)],
            "c  Tab",
            Some(("c", "next page")),
            "next page: comparisons, trends, calendar",
        ),
        cmd(
            Action::Back,
            &[Key::Plain(KeyCode::Char('q')), Key::Plain(KeyCode::Esc)],
            "q  Esc",
            Some(("q", "back")),
            "back",
        ),
        cmd(Action::Help, &[Key::Plain(KeyCode::Char('?'))], "?", Some(("?", "help")), "this help"),
        cmd(Action::Quit, &[Key::Ctrl('c')], "Ctrl-C", None, "quit"),
    ];
    out.extend(tabs::commands(Action::Tab, false));
    out
}
