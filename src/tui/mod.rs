//! The terminal face: screens drawn with ratatui over the pure core.
//!
//! - `screen`: the contract — a screen's `handle` turns inputs into state
//!   and effects (data); `app::perform` carries the effects out.
//! - `app`: the one app (context, tabs, the screen in front, effects), which
//!   every command that takes the terminal opens; `runtime`: its event loop.
//! - The screens: the tabs `tonight`, `checkin`, `history`, `routines`, and
//!   the full-screen `coach` and `cramp`.
//! - Shared: `keymap` and `tabs` (commands declared once for handler, footer
//!   and help), `theme`/`palette`/`termbg`, `glyphs`, `widgets`, `routine_list`.

pub mod app;
pub mod checkin;
pub mod coach;
pub mod cramp;
pub mod glyphs;
pub mod history;
pub mod home_data;
pub mod keymap;
pub mod palette;
pub mod routine_list;
pub mod routines;
pub mod runtime;
pub mod screen;
pub mod tabs;
pub mod termbg;
pub mod theme;
pub mod tonight;
pub mod widgets;
