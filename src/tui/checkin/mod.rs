//! The morning check-in form: its state (`form.rs`, the answers apart in
//! `answers.rs`), its commands (`keys.rs`), its update (`update.rs`,
//! `edit.rs`) and its drawing (`view.rs`, `rows.rs`, `contested.rs`).

pub mod answers;
pub mod contested;
mod edit;
pub mod fields;
pub mod form;
pub mod keys;
mod rows;
pub mod texts;
mod update;
pub mod view;

use std::time::Instant;

use ratatui::Frame;

pub use answers::FormAnswers;
pub use fields::Field;
pub use form::{CheckinForm, Cursor, Mode};

use super::screen::{Effect, Input, Screen};
use super::theme::Theme;

impl Screen for CheckinForm {
    fn draw(&self, _now: Instant, theme: &Theme, f: &mut Frame) {
        view::render(self, theme, f);
    }

    fn handle(&mut self, input: Input, _now: Instant) -> Vec<Effect> {
        match input {
            Input::Key(key) => return self.handle_key(key),
            Input::Written(result) if self.resolving => return self.resolved(result.map(|_| ())),
            Input::Written(result) => self.written(result),
            Input::Night(loaded) => {
                let night = loaded.as_ref().map_or(self.night, |l| l.night);
                self.fill(night, loaded);
            }
            Input::Open | Input::Tick | Input::Signal | Input::Suspend | Input::File(..) | Input::Edited(_) => {}
        }
        Vec::new()
    }
}
