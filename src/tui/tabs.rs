//! The app's tabs, and the keys that move between them: one command list
//! that every screen where the tabs are reachable adds to its own.

use crossterm::event::KeyCode;

use super::keymap::{Command, Key};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Tonight,
    Checkin,
    History,
    Routines,
}

impl Tab {
    pub const ALL: [Tab; 4] = [Tab::Tonight, Tab::Checkin, Tab::History, Tab::Routines];

    pub fn title(self) -> &'static str {
        match self {
            Tab::Tonight => "Tonight",
            Tab::Checkin => "Check-in",
            Tab::History => "History",
            Tab::Routines => "Routines",
        }
    }

    /// The tab after (`by` = 1) or before (`by` = -1) this one, wrapping.
    pub fn step(self, by: isize) -> Tab {
        let i = Tab::ALL.iter().position(|t| *t == self).unwrap_or(0) as isize;
        Tab::ALL[(i + by).rem_euclid(Tab::ALL.len() as isize) as usize]
    }
}

/// How a tab key moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TabMove {
    To(Tab),
    Next,
    Previous,
}

impl TabMove {
    /// The tab this move lands on, from `from`.
    pub fn from(self, from: Tab) -> Tab {
        match self {
            TabMove::To(t) => t,
            TabMove::Next => from.step(1),
            TabMove::Previous => from.step(-1),
        }
    }
}

/// `1`–`4` jump to a tab; with `cycle`, Tab and Shift-Tab step through them
/// (a screen that uses Tab itself leaves `cycle` off). Only in the help (two
/// lines): the tab bar shows them.
pub fn commands<A>(wrap: impl Fn(TabMove) -> A, cycle: bool) -> Vec<Command<A>> {
    static DIGITS: [Key; 4] = [
        Key::Plain(KeyCode::Char('1')),
        Key::Plain(KeyCode::Char('2')),
        Key::Plain(KeyCode::Char('3')),
        Key::Plain(KeyCode::Char('4')),
    ];
    let mut out: Vec<Command<A>> = Tab::ALL
        .iter()
        .enumerate()
        .map(|(i, tab)| Command::same_line(wrap(TabMove::To(*tab)), &DIGITS[i..=i]))
        .collect();
    out[0].keys_label = "1 2 3 4";
    out[0].help = "Tonight · Check-in · History · Routines";
    if cycle {
        out.push(Command::new(wrap(TabMove::Next), &[Key::Plain(KeyCode::Tab)], "Tab  S-Tab", "next / previous tab"));
        out.push(Command::same_line(wrap(TabMove::Previous), &[Key::Plain(KeyCode::BackTab)]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::keymap::action_for;
    use crossterm::event::{KeyEvent, KeyModifiers};

    #[test]
    fn digits_jump_and_tab_cycles_only_when_asked() {
        let key = |c| KeyEvent::new(c, KeyModifiers::NONE);
        let with = commands(|m| m, true);
        let without = commands(|m| m, false);
        assert_eq!(action_for(&with, &key(KeyCode::Char('3'))), Some(TabMove::To(Tab::History)));
        assert_eq!(action_for(&with, &key(KeyCode::Tab)), Some(TabMove::Next));
        assert_eq!(action_for(&without, &key(KeyCode::Tab)), None);
        assert_eq!(TabMove::Previous.from(Tab::Tonight), Tab::Routines);
        assert_eq!(TabMove::Next.from(Tab::Routines), Tab::Tonight);
    }
}
