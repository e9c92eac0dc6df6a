//! The terminal face: screens drawn with ratatui over the pure core.

pub mod checkin;
pub mod coach;
pub mod cramp;
pub mod glyphs;
pub mod history;
pub mod home;
pub mod keymap;
pub mod palette;
pub mod runtime;
pub mod screen;
pub mod termbg;
pub mod theme;
pub mod widgets;
