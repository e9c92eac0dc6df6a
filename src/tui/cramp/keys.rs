//! The cramp screen's commands, declared once: the key handler, the keys
//! the screen offers (the choices on the question line, the next steps
//! under it, `?` and `q` in the frame) and the `?` help all read this list.

use crossterm::event::KeyCode;

use super::state::Stage;
use crate::journal::{LegSide, Place};
use crate::tui::keymap::{Command, Key};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Where the cramp is (the first of the two keys).
    Place(Place),
    /// Which leg (the second key): the place and side are saved, the stretch starts.
    Side(LegSide),
    /// Straight to the stretch (the place so far, if any, is saved).
    Stretch,
    /// The cramp has eased: back to sleep.
    Eased,
    /// Hold the stretch again.
    Again,
    /// Back to sleep: close the screen.
    Finish,
    Help,
    /// Close the screen at any moment; the cramp stays logged.
    Close,
    /// End the program now (Ctrl-C).
    Quit,
}

/// Where the screen offers a command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    /// On the question's line: "c calf · f foot".
    Choice,
    /// Under it: "Enter: it has eased · a: start the hold again".
    Next,
    /// In the frame's title: "? help · q close".
    Frame,
}

impl Action {
    pub fn shown(self) -> Shown {
        match self {
            Action::Place(_) | Action::Side(_) => Shown::Choice,
            Action::Stretch | Action::Eased | Action::Again | Action::Finish => Shown::Next,
            Action::Help | Action::Close | Action::Quit => Shown::Frame,
        }
    }
}

/// The commands as the screen stands: the place keys while asking where
/// (offered until one is pressed), the side keys once a place is known,
/// Enter and `a` named for what they do in this stage.
impl super::state::CrampScreen {
    /// The commands as the screen stands.
    pub fn commands(&self) -> Vec<Command<Action>> {
        commands(self.stage, self.place)
    }
}

pub fn commands(stage: Stage, place: Option<Place>) -> Vec<Command<Action>> {
    let asking = stage == Stage::Where;
    let holding = matches!(stage, Stage::Stretch { .. } | Stage::Eased);
    let stretching = matches!(stage, Stage::Stretch { .. });
    let cmd =
        |action, keys, keys_label, footer, help, enabled| Command { action, keys, keys_label, footer, help, enabled };
    let place_cmd = |p, keys, label, word| {
        let (keys_label, help) = if p == Place::Calf { ("c f t o", "calf, foot, thigh, other") } else { ("", "") };
        cmd(Action::Place(p), keys, keys_label, place.is_none().then_some((label, word)), help, asking)
    };
    let side_cmd = |s, keys, label, word| {
        let (keys_label, help) = if s == LegSide::Left { ("l r b", "left, right, both sides") } else { ("", "") };
        cmd(Action::Side(s), keys, keys_label, Some((label, word)), help, asking && place.is_some())
    };
    vec![
        place_cmd(Place::Calf, &[Key::Plain(KeyCode::Char('c'))], "c", "calf"),
        place_cmd(Place::Foot, &[Key::Plain(KeyCode::Char('f'))], "f", "foot"),
        place_cmd(Place::Thigh, &[Key::Plain(KeyCode::Char('t')), Key::Plain(KeyCode::Char('h'))], "t", "thigh"),
        place_cmd(Place::Other, &[Key::Plain(KeyCode::Char('o'))], "o", "other"),
        side_cmd(LegSide::Left, &[Key::Plain(KeyCode::Char('l'))], "l", "left"),
        side_cmd(LegSide::Right, &[Key::Plain(KeyCode::Char('r'))], "r", "right"),
        side_cmd(LegSide::Both, &[Key::Plain(KeyCode::Char('b'))], "b", "both"),
        cmd(
            Action::Stretch,
            &[Key::Plain(KeyCode::Enter)],
            "Enter",
            Some(("Enter", "straight to the stretch")),
            "next: the stretch, eased, close",
            asking,
        ),
        cmd(
            Action::Eased,
            &[Key::Plain(KeyCode::Enter)],
            "",
            Some(("Enter", if stretching { "it has eased" } else { "yes" })),
            "",
            holding,
        ),
        cmd(Action::Finish, &[Key::Plain(KeyCode::Enter)], "", Some(("Enter or q", "close")), "", stage == Stage::Done),
        cmd(
            Action::Again,
            &[Key::Plain(KeyCode::Char('a'))],
            "a",
            Some(("a", if stretching { "start the hold again" } else { "hold another 30 seconds" })),
            "hold the stretch again",
            holding,
        ),
        cmd(Action::Help, &[Key::Plain(KeyCode::Char('?'))], "?", Some(("?", "help")), "this help", true),
        cmd(
            Action::Close,
            &[Key::Plain(KeyCode::Char('q')), Key::Plain(KeyCode::Esc)],
            "q Esc",
            Some(("q", "close")),
            "close (the cramp stays logged)",
            true,
        ),
        cmd(Action::Quit, &[Key::Ctrl('c')], "Ctrl-C", None, "quit now (the cramp stays logged)", true),
    ]
}

/// The enabled commands offered at `shown`, as (key, word) pairs.
pub fn offered(commands: &[Command<Action>], shown: Shown) -> Vec<(&'static str, &'static str)> {
    commands.iter().filter(|c| c.enabled && c.action.shown() == shown).filter_map(|c| c.footer).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::keymap::action_for;
    use crossterm::event::{KeyEvent, KeyModifiers};
    use std::time::Instant;

    fn key(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
    }

    #[test]
    fn side_keys_only_after_a_place_and_enter_named_for_each_stage() {
        let asking = commands(Stage::Where, None);
        assert_eq!(action_for(&asking, &key('l')), None);
        assert_eq!(action_for(&asking, &key('h')), Some(Action::Place(Place::Thigh)));
        assert_eq!(offered(&asking, Shown::Choice), [("c", "calf"), ("f", "foot"), ("t", "thigh"), ("o", "other")]);
        let side = commands(Stage::Where, Some(Place::Calf));
        assert_eq!(action_for(&side, &key('b')), Some(Action::Side(LegSide::Both)));
        // Another place can still be picked, but only the sides are offered.
        assert_eq!(action_for(&side, &key('f')), Some(Action::Place(Place::Foot)));
        assert_eq!(offered(&side, Shown::Choice), [("l", "left"), ("r", "right"), ("b", "both")]);
        let enter = KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE);
        let stretch = commands(Stage::Stretch { end: Instant::now() }, None);
        assert_eq!(action_for(&stretch, &enter), Some(Action::Eased));
        assert_eq!(action_for(&stretch, &key('c')), None);
        assert_eq!(action_for(&commands(Stage::Done, None), &enter), Some(Action::Finish));
        assert_eq!(action_for(&commands(Stage::Done, None), &key('a')), None);
        // "hold another 30 seconds" is the hold's length.
        assert_eq!(crate::relief::HOLD.as_secs(), 30);
        assert_eq!(offered(&commands(Stage::Eased, None), Shown::Frame), [("?", "help"), ("q", "close")]);
    }
}
