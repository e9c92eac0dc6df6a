//! The morning check-in form.

pub mod contested;
pub mod fields;
pub mod form;
mod keys;
pub mod texts;
pub mod view;

use std::time::Instant;

use crossterm::event::KeyEvent;
use ratatui::Frame;

pub use fields::Field;
pub use form::{CheckinForm, Mode};

use super::screen::Screen;
use super::theme::Theme;

impl Screen for CheckinForm {
    fn draw(&self, _now: Instant, theme: &Theme, f: &mut Frame) {
        view::render(self, theme, f);
    }
    fn on_key(&mut self, key: KeyEvent, now: Instant) {
        self.handle_key(key, now);
    }
    fn finished(&self) -> bool {
        self.is_finished()
    }
    fn min_size(&self) -> (u16, u16) {
        (view::MIN_WIDTH, view::MIN_HEIGHT)
    }
}
