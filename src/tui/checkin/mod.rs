//! The morning check-in form.

pub mod contested;
pub mod fields;
pub mod form;
mod keys;
pub mod texts;
pub mod view;

use std::time::Instant;

use ratatui::Frame;

pub use fields::Field;
pub use form::{CheckinForm, Mode};

use super::screen::{Effect, Input, Screen};
use super::theme::Theme;

impl Screen for CheckinForm {
    fn draw(&self, _now: Instant, theme: &Theme, f: &mut Frame) {
        view::render(self, theme, f);
    }

    fn handle(&mut self, input: Input, _now: Instant) -> Vec<Effect> {
        match input {
            Input::Key(key) => self.handle_key(key),
            Input::Written(result) if self.resolving => self.resolved(result.map(|_| ())),
            Input::Written(result) => self.written(result),
            Input::Night(loaded) => {
                let night = loaded.as_ref().map_or(self.night, |l| l.night);
                self.fill(night, loaded);
            }
            Input::Open | Input::Tick | Input::Signal | Input::Suspend | Input::File(..) | Input::Edited(_) => {}
        }
        std::mem::take(&mut self.effects)
    }
}
