//! The Tonight tab: the routine picker, the streaks and the last nights,
//! tonight's steps, and what needs doing (last night's check-in).

pub mod keys;
pub mod view;

use crossterm::event::KeyEvent;

use crate::routine::Routine;
use crate::tui::home_data::HomeData;
use crate::tui::keymap;
use crate::tui::screen::Effect;
use crate::tui::tabs::Tab;
use keys::Action;

/// What the tab itself holds: which routine is picked, and whether the help shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TonightTab {
    /// Index into the library's entries.
    pub picked: usize,
    pub help: bool,
}

impl TonightTab {
    /// A key: moves the pick, or asks the app for something.
    pub fn handle(&mut self, key: KeyEvent, data: &HomeData) -> Vec<Effect> {
        if std::mem::take(&mut self.help) {
            return Vec::new();
        }
        let Some(action) = keymap::action_for(&keys::commands(data), &key) else { return Vec::new() };
        let n = data.library.entries.len().max(1);
        match action {
            Action::Start => return vec![Effect::StartRoutine],
            Action::Up => self.picked = (self.picked + n - 1) % n,
            Action::Down => self.picked = (self.picked + 1) % n,
            Action::CheckIn => return vec![Effect::Open(Tab::Checkin)],
            Action::History => return vec![Effect::Open(Tab::History)],
            Action::Help => self.help = true,
            Action::Suspend => {}
            Action::Quit => return vec![Effect::Quit],
            Action::Tab(m) => return vec![Effect::Open(m.from(Tab::Tonight))],
        }
        Vec::new()
    }

    /// Tonight's routine, if the picked one is valid.
    pub fn routine<'a>(&self, data: &'a HomeData) -> Option<&'a Routine> {
        data.library.entries.get(self.picked).and_then(|e| e.routine.as_ref().ok())
    }

    /// The picked routine's id (kept across a reload).
    pub fn routine_id(&self, data: &HomeData) -> Option<String> {
        data.library.entries.get(self.picked).map(|e| e.id.clone())
    }

    /// After a reload: the same routine stays picked if it is still there.
    pub fn keep(&mut self, id: Option<String>, data: &HomeData) {
        self.picked = id.and_then(|id| data.library.entries.iter().position(|e| e.id == id)).unwrap_or(0);
    }
}
