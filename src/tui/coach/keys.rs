//! The coach's commands, declared once for each of its modes: the key
//! handler (`CoachScreen::handle_key`), the footers and dialogs' key lines, and
//! the `?` help read them.

use crossterm::event::KeyCode;

use super::state::Mode;
use crate::routine::plan::PhaseKind;
use crate::session::Session;
use crate::tui::keymap::{self, Command, Key};

/// What a key does in the coach.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    // While the routine runs.
    Pause,
    /// Done with a check step, or start the hold now (get ready, switch, rest).
    Confirm,
    Skip,
    Back,
    Restart,
    Help,
    /// Asks first; progress is saved.
    Quit,
    /// Quits at once, saving progress (every mode).
    QuitNow,
    // The resume question.
    /// Carry on the unfinished run where it stopped.
    Resume,
    StartOver,
    /// Leave without running (nothing is recorded).
    Leave,
    // "Quit and save progress?"
    QuitAndSave,
    KeepGoing,
    // The help overlay.
    CloseHelp,
    // The summary.
    Close,
    History,
}

type Cmd = Command<Action>;

/// Ctrl-C, the same in every mode: quit at once, saving what was done.
fn quit_now() -> Cmd {
    Command::new(Action::QuitNow, &[Key::Ctrl('c')], "Ctrl-C", "quit now, saving progress")
}

/// The commands of the coach in `mode`.
impl super::state::CoachScreen {
    /// The commands of the mode the coach is in.
    pub fn commands(&self) -> Vec<Cmd> {
        commands(&self.mode, &self.session)
    }
}

pub fn commands(mode: &Mode, session: &Session) -> Vec<Cmd> {
    match mode {
        Mode::Running => running(session),
        Mode::ResumeOffer { .. } => resume_offer(),
        Mode::ConfirmQuit { .. } => confirm_quit(),
        Mode::Help => help_overlay(),
        Mode::Summary => summary(),
    }
}

/// The commands as the session stands: Enter only where it does something
/// (not during a hold), named for what it does there.
pub fn running(session: &Session) -> Vec<Cmd> {
    let confirm = match session.current_phase().map(|p| p.kind) {
        Some(PhaseKind::Check) => Some("done"),
        Some(PhaseKind::GetReady | PhaseKind::Switch { .. } | PhaseKind::Rest { .. }) => Some("start"),
        Some(PhaseKind::Hold { .. }) | None => None,
    };
    vec![
        Command::new(Action::Pause, &[Key::Plain(KeyCode::Char(' '))], "Space", "pause / resume")
            .footer("Space", "pause"),
        Command::new(
            Action::Confirm,
            &[Key::Plain(KeyCode::Enter)],
            "Enter",
            "confirm a check step; start the hold now",
        )
        .footer("Enter", confirm.unwrap_or("done"))
        .enabled(confirm.is_some()),
        Command::new(
            Action::Skip,
            &[Key::Plain(KeyCode::Right), Key::Plain(KeyCode::Char('n'))],
            "→  n",
            "skip this step",
        )
        .footer("n", "skip"),
        Command::new(
            Action::Back,
            &[Key::Plain(KeyCode::Left), Key::Plain(KeyCode::Char('b'))],
            "←  b",
            "back one step",
        )
        .footer("b", "back"),
        Command::new(Action::Restart, &[Key::Plain(KeyCode::Char('r'))], "r", "restart this step"),
        Command::new(Action::Help, &[Key::Plain(KeyCode::Char('?'))], "?", "this help").footer("?", "help"),
        Command::new(
            Action::Quit,
            &[Key::Plain(KeyCode::Char('q')), Key::Plain(KeyCode::Esc)],
            "q  Esc",
            "quit (asks first; progress is saved)",
        )
        .footer("q", "quit"),
        quit_now(),
    ]
}

/// "You stopped at step N tonight": resume there, start over, or leave.
pub fn resume_offer() -> Vec<Cmd> {
    vec![
        Command::new(
            Action::Resume,
            &[Key::Plain(KeyCode::Enter), Key::Plain(KeyCode::Char('y'))],
            "Enter  y",
            "resume where you stopped",
        )
        .footer("Enter", "resume there"),
        Command::new(
            Action::StartOver,
            &[Key::Plain(KeyCode::Char('s')), Key::Plain(KeyCode::Char('n'))],
            "s  n",
            "start the routine over",
        )
        .footer("s", "start over"),
        Command::new(
            Action::Leave,
            &[Key::Plain(KeyCode::Char('q')), Key::Plain(KeyCode::Esc)],
            "q  Esc",
            "leave without running the routine",
        )
        .footer("q", "quit"),
        quit_now(),
    ]
}

/// "Quit and save progress?" (the session is paused while it asks).
pub fn confirm_quit() -> Vec<Cmd> {
    vec![
        Command::new(
            Action::QuitAndSave,
            &[Key::Plain(KeyCode::Enter), Key::Plain(KeyCode::Char('y')), Key::Plain(KeyCode::Char('q'))],
            "Enter  y  q",
            "quit, saving progress",
        )
        .footer("Enter", "quit and save"),
        Command::new(
            Action::KeepGoing,
            &[Key::Plain(KeyCode::Esc), Key::Plain(KeyCode::Char('n'))],
            "Esc  n",
            "keep going",
        )
        .footer("Esc", "keep going"),
        quit_now(),
    ]
}

/// The `?` overlay over the running coach: its footer is the overlay's closing line.
pub fn help_overlay() -> Vec<Cmd> {
    vec![
        Command::new(
            Action::CloseHelp,
            &[
                Key::Plain(KeyCode::Char('?')),
                Key::Plain(KeyCode::Esc),
                Key::Plain(KeyCode::Enter),
                Key::Plain(KeyCode::Char('q')),
            ],
            "?  Esc  Enter  q",
            "close this help",
        )
        .footer("? Esc Enter", "closes this"),
        quit_now(),
    ]
}

/// The end of the routine.
pub fn summary() -> Vec<Cmd> {
    // Nothing is left to save at the end: Ctrl-C simply quits.
    keymap::summary(Action::Close, Action::History, Action::QuitNow, "close")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::keymap::{action_for, footer};
    use crossterm::event::{KeyEvent, KeyModifiers};

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn every_mode_answers_ctrl_c_and_its_footer_names_only_its_own_keys() {
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        for list in [resume_offer(), confirm_quit(), help_overlay(), summary()] {
            assert_eq!(action_for(&list, &ctrl_c), Some(Action::QuitNow));
            for (k, _) in footer(&list) {
                let first = k.split(' ').next().unwrap();
                let code = match first {
                    "Enter" => KeyCode::Enter,
                    "Esc" => KeyCode::Esc,
                    "?" => KeyCode::Char('?'),
                    c => KeyCode::Char(c.chars().next().unwrap()),
                };
                assert!(action_for(&list, &key(code)).is_some(), "{k} offered but not bound");
            }
        }
        assert_eq!(action_for(&resume_offer(), &key(KeyCode::Char('s'))), Some(Action::StartOver));
        assert_eq!(action_for(&confirm_quit(), &key(KeyCode::Char('q'))), Some(Action::QuitAndSave));
        assert_eq!(action_for(&summary(), &key(KeyCode::Char('h'))), Some(Action::History));
        assert_eq!(action_for(&summary(), &key(KeyCode::Char(' '))), None);
    }
}
