//! A screen's commands, declared once (gitui's command list is the model):
//! the keys that run each, how the footer and the `?` help name it, and
//! whether it does anything right now. The key handler, the footer and the
//! help all read the same list, so they cannot disagree.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A key as a command names it: plain, with Shift, or with Ctrl.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// The key alone. Shift is part of a character (`?`, `J`) and of
    /// Shift-Tab (BackTab), so it is allowed there; Shift with any other
    /// key (Shift-↑) is another key, [`Key::Shift`].
    Plain(KeyCode),
    Shift(KeyCode),
    Ctrl(char),
}

impl Key {
    /// Whether the key event is this key.
    pub fn matches(self, key: &KeyEvent) -> bool {
        let ctrl_or_alt = key.modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        let shift = key.modifiers.contains(KeyModifiers::SHIFT);
        match self {
            Key::Plain(code) => {
                key.code == code && !ctrl_or_alt && (!shift || matches!(code, KeyCode::Char(_) | KeyCode::BackTab))
            }
            Key::Shift(code) => key.code == code && shift && !ctrl_or_alt,
            Key::Ctrl(c) => key.code == KeyCode::Char(c) && key.modifiers.contains(KeyModifiers::CONTROL),
        }
    }
}

/// One command of a screen.
#[derive(Debug, Clone, PartialEq)]
pub struct Command<A> {
    /// What the screen does when it runs.
    pub action: A,
    pub keys: &'static [Key],
    /// The keys as the help writes them ("→  n").
    pub keys_label: &'static str,
    /// The footer's key and word ("n", "skip"); `None`: only in the help.
    pub footer: Option<(&'static str, &'static str)>,
    /// The help's line.
    pub help: &'static str,
    /// Whether the command does something now: a disabled one is neither
    /// run nor offered in the footer (the help still explains it).
    pub enabled: bool,
}

impl<A> Command<A> {
    /// A command shown only in the help, enabled.
    pub fn new(action: A, keys: &'static [Key], keys_label: &'static str, help: &'static str) -> Command<A> {
        Command { action, keys, keys_label, footer: None, help, enabled: true }
    }

    /// Also offered in the footer, as `key word`.
    pub fn footer(self, key: &'static str, word: &'static str) -> Command<A> {
        Command { footer: Some((key, word)), ..self }
    }

    /// Does something only when `enabled`.
    pub fn enabled(self, enabled: bool) -> Command<A> {
        Command { enabled, ..self }
    }

    /// A second key for the same line of the help (↓ after ↑): not listed on its own.
    pub fn same_line(action: A, keys: &'static [Key]) -> Command<A> {
        Command::new(action, keys, "", "")
    }
}

/// The keys of a summary at the end of a task (a routine, a check-in):
/// Enter, Esc or q closes it (`closes` is the footer's word), `h` shows the
/// history, Ctrl-C quits.
pub fn summary<A>(close: A, history: A, quit: A, closes: &'static str) -> Vec<Command<A>> {
    use KeyCode::{Char, Enter, Esc};
    vec![
        Command::new(close, &[Key::Plain(Enter), Key::Plain(Esc), Key::Plain(Char('q'))], "Enter  Esc  q", "close")
            .footer("Enter", closes),
        Command::new(history, &[Key::Plain(Char('h'))], "h", "the history").footer("h", "history"),
        Command::new(quit, &[Key::Ctrl('c')], "Ctrl-C", "quit"),
    ]
}

/// The footer as one line of text: "key word · key word".
pub fn footer_text<A>(commands: &[Command<A>]) -> String {
    footer(commands).iter().map(|(k, what)| format!("{k} {what}")).collect::<Vec<_>>().join(" · ")
}

/// The action of the first enabled command bound to `key`.
pub fn action_for<A: Clone>(commands: &[Command<A>], key: &KeyEvent) -> Option<A> {
    commands.iter().find(|c| c.enabled && c.keys.iter().any(|k| k.matches(key))).map(|c| c.action.clone())
}

/// The footer's (key, word) pairs: the enabled commands that have one, in order.
pub fn footer<A>(commands: &[Command<A>]) -> Vec<(&'static str, &'static str)> {
    commands.iter().filter(|c| c.enabled).filter_map(|c| c.footer).collect()
}

/// The help's (keys, line) rows: every command, in order (one that shares
/// its line with the one before, like ↓ after ↑, has an empty label).
pub fn help<A>(commands: &[Command<A>]) -> Vec<(&'static str, &'static str)> {
    commands.iter().filter(|c| !c.keys_label.is_empty()).map(|c| (c.keys_label, c.help)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn commands(enabled: bool) -> Vec<Command<u8>> {
        vec![
            Command {
                action: 1,
                keys: &[Key::Plain(KeyCode::Enter)],
                keys_label: "Enter",
                footer: Some(("Enter", "go")),
                help: "go on",
                enabled,
            },
            Command {
                action: 2,
                keys: &[Key::Plain(KeyCode::Char('?'))],
                keys_label: "?",
                footer: None,
                help: "this help",
                enabled: true,
            },
            Command {
                action: 3,
                keys: &[Key::Ctrl('c')],
                keys_label: "Ctrl-C",
                footer: None,
                help: "quit now",
                enabled: true,
            },
        ]
    }

    #[test]
    fn a_disabled_command_is_neither_run_nor_offered_but_still_explained() {
        let enter = KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE);
        assert_eq!(action_for(&commands(true), &enter), Some(1));
        assert_eq!(action_for(&commands(false), &enter), None);
        assert_eq!(footer(&commands(true)), [("Enter", "go")]);
        assert!(footer(&commands(false)).is_empty());
        assert_eq!(help(&commands(false)), [("Enter", "go on"), ("?", "this help"), ("Ctrl-C", "quit now")]);
    }

    #[test]
    fn shift_is_allowed_ctrl_is_its_own_key() {
        let c = commands(true);
        assert_eq!(action_for(&c, &KeyEvent::new(KeyCode::Char('?'), KeyModifiers::SHIFT)), Some(2));
        assert_eq!(action_for(&c, &KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)), Some(3));
        assert_eq!(action_for(&c, &KeyEvent::new(KeyCode::Char('c'), KeyModifiers::NONE)), None);
        assert_eq!(action_for(&c, &KeyEvent::new(KeyCode::Enter, KeyModifiers::CONTROL)), None);
    }

    #[test]
    fn shift_with_an_arrow_is_its_own_key() {
        let c = vec![
            Command {
                action: 1,
                keys: &[Key::Plain(KeyCode::Up)],
                keys_label: "↑",
                footer: None,
                help: "up",
                enabled: true,
            },
            Command {
                action: 2,
                keys: &[Key::Shift(KeyCode::Up)],
                keys_label: "Shift-↑",
                footer: None,
                help: "move up",
                enabled: true,
            },
        ];
        assert_eq!(action_for(&c, &KeyEvent::new(KeyCode::Up, KeyModifiers::NONE)), Some(1));
        assert_eq!(action_for(&c, &KeyEvent::new(KeyCode::Up, KeyModifiers::SHIFT)), Some(2));
        assert_eq!(action_for(&c, &KeyEvent::new(KeyCode::Up, KeyModifiers::SHIFT | KeyModifiers::CONTROL)), None);
        let back = [Command { keys: &[Key::Plain(KeyCode::BackTab)], ..c[0].clone() }];
        assert_eq!(action_for(&back, &KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT)), Some(1));
    }
}
