//! The coach's commands while a routine runs, declared once: the key
//! handler (`CoachApp::running_key`), the footer and the `?` help read them.

use crossterm::event::KeyCode;

use crate::routine::plan::PhaseKind;
use crate::session::Session;
use crate::tui::keymap::{Command, Key};

/// What a key does while the routine runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Pause,
    /// Done with a check step, or start the hold now (get ready, switch, rest).
    Confirm,
    Skip,
    Back,
    Restart,
    Help,
    /// Asks first; progress is saved.
    Quit,
    /// Quits at once, saving progress.
    QuitNow,
}

/// The commands as the session stands: Enter only where it does something
/// (not during a hold), named for what it does there.
pub fn running(session: &Session) -> Vec<Command<Action>> {
    let confirm = match session.current_phase().map(|p| p.kind) {
        Some(PhaseKind::Check) => Some("done"),
        Some(PhaseKind::GetReady | PhaseKind::Switch { .. } | PhaseKind::Rest { .. }) => Some("start"),
        Some(PhaseKind::Hold { .. }) | None => None,
    };
    let cmd =
        |action, keys, keys_label, footer, help| Command { action, keys, keys_label, footer, help, enabled: true };
    vec![
        cmd(Action::Pause, &[Key::Plain(KeyCode::Char(' '))], "Space", Some(("Space", "pause")), "pause / resume"),
        Command {
            enabled: confirm.is_some(),
            ..cmd(
                Action::Confirm,
                &[Key::Plain(KeyCode::Enter)],
                "Enter",
                Some(("Enter", confirm.unwrap_or("done"))),
                "confirm a check step; start the hold now",
            )
        },
        cmd(
            Action::Skip,
            &[Key::Plain(KeyCode::Right), Key::Plain(KeyCode::Char('n'))],
            "→  n",
            Some(("n", "skip")),
            "skip this step",
        ),
        cmd(
            Action::Back,
            &[Key::Plain(KeyCode::Left), Key::Plain(KeyCode::Char('b'))],
            "←  b",
            Some(("b", "back")),
            "back one step",
        ),
        cmd(Action::Restart, &[Key::Plain(KeyCode::Char('r'))], "r", None, "restart this step"),
        cmd(Action::Help, &[Key::Plain(KeyCode::Char('?'))], "?", Some(("?", "help")), "this help"),
        cmd(
            Action::Quit,
            &[Key::Plain(KeyCode::Char('q')), Key::Plain(KeyCode::Esc)],
            "q  Esc",
            Some(("q", "quit")),
            "quit (asks first; progress is saved)",
        ),
        cmd(Action::QuitNow, &[Key::Ctrl('c')], "Ctrl-C", None, "quit now, saving progress"),
    ]
}
