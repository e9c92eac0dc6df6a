//! Every style the screens use, in one place, from the palette in use (see
//! `palette`). NO_COLOR turns colour off; emphasis then comes from bold,
//! reverse and symbols alone.

use ratatui::style::{Color, Modifier, Style};

pub use super::palette::Palette;
use crate::routine::plan::PhaseKind;

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub color: bool,
    pub palette: Palette,
}

impl Theme {
    /// Colour unless `NO_COLOR` is set (to anything non-empty).
    pub fn from_env() -> Theme {
        Theme::new(true)
    }

    /// Colour when the settings want it and `NO_COLOR` does not forbid it,
    /// in the palette that reads on dark and light alike.
    pub fn new(want_color: bool) -> Theme {
        Theme { color: want_color && no_color_unset(), palette: Palette::Either }
    }

    /// No colour at all: what the snapshots show.
    pub const fn plain() -> Theme {
        Theme { color: false, palette: Palette::Either }
    }

    /// The same theme with another palette.
    pub fn with_palette(self, palette: Palette) -> Theme {
        Theme { palette, ..self }
    }

    /// The same theme with the bedtime palette on (or the other one kept).
    pub fn bedtime(self, on: bool) -> Theme {
        if on { self.with_palette(Palette::Bedtime) } else { self }
    }

    fn fg(&self, c: Color) -> Style {
        if self.color { Style::new().fg(c) } else { Style::new() }
    }

    fn colors(&self) -> &'static super::palette::Colors {
        self.palette.colors()
    }

    pub fn title(&self) -> Style {
        self.fg(self.colors().title).add_modifier(Modifier::BOLD)
    }
    pub fn text(&self) -> Style {
        match self.colors().text {
            Some(c) => self.fg(c),
            None => Style::new(),
        }
    }
    pub fn dim(&self) -> Style {
        if self.color { Style::new().fg(self.colors().dim) } else { Style::new().add_modifier(Modifier::DIM) }
    }
    pub fn digits(&self) -> Style {
        self.fg(self.colors().digits)
    }
    /// Good news: a hold under way, a done night, a cramp-free night.
    pub fn hold(&self) -> Style {
        self.fg(self.colors().good).add_modifier(Modifier::BOLD)
    }
    /// Half-way: a pause, a partial night, something still to do.
    pub fn pause(&self) -> Style {
        self.fg(self.colors().partial).add_modifier(Modifier::BOLD)
    }
    /// Alarms only: never for a mark of ordinary data.
    pub fn warn(&self) -> Style {
        self.fg(self.colors().warn).add_modifier(Modifier::BOLD)
    }
    /// Cramp marks and the cramps chart: data, in its own colour, not the alarm's.
    pub fn cramp(&self) -> Style {
        self.fg(self.colors().cramp)
    }
    pub fn gauge(&self) -> Style {
        self.fg(self.colors().gauge)
    }
    pub fn flash(&self) -> Style {
        // Reversed default text would be a bright white block at bedtime.
        self.text().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }
    /// Each phase's own colour, for its large label and the countdown.
    pub fn phase(&self, phase: PhaseKind) -> Style {
        let i = match phase {
            PhaseKind::GetReady => 0,
            PhaseKind::Hold { .. } => 1,
            PhaseKind::Switch { .. } => 2,
            PhaseKind::Rest { .. } => 3,
            PhaseKind::Check => 4,
        };
        self.fg(self.colors().phases[i]).add_modifier(Modifier::BOLD)
    }
    pub fn key(&self) -> Style {
        self.fg(self.colors().key).add_modifier(Modifier::BOLD)
    }
}

fn no_color_unset() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn styles_come_from_the_palette_and_vanish_without_colour() {
        let day = Theme { color: true, palette: Palette::Light };
        assert_eq!(day.digits().fg, Some(Palette::Light.colors().digits));
        assert_eq!(day.warn().fg, Some(Color::Indexed(124)));
        let plain = Theme::plain();
        for s in [plain.title(), plain.warn(), plain.cramp(), plain.phase(PhaseKind::Check), plain.digits()] {
            assert_eq!(s.fg, None);
        }
        assert!(plain.dim().add_modifier.contains(Modifier::DIM));
        let bed = Theme { color: true, palette: Palette::Light }.bedtime(true);
        assert_eq!(bed.palette, Palette::Bedtime);
        assert_eq!(bed.text().fg, Palette::Bedtime.colors().text);
    }

    /// A cramp-free night's mark (good news) is never drawn in the alarm colour.
    #[test]
    fn cramp_marks_are_not_alarms() {
        for p in Palette::ALL {
            let t = Theme { color: true, palette: p };
            assert_ne!(t.hold().fg, t.warn().fg, "{p:?}");
            assert_ne!(t.cramp().fg, t.warn().fg, "{p:?}");
        }
    }
}
