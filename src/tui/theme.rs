//! Every style the screens use, in one place. NO_COLOR turns colour off;
//! emphasis then comes from bold, reverse and symbols alone.

use ratatui::style::{Color, Modifier, Style};

use crate::routine::plan::PhaseKind;

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub color: bool,
    /// The low-light palette: dim ambers and reds, no bright white or blue.
    pub bedtime: bool,
}

impl Theme {
    /// Colour unless `NO_COLOR` is set (to anything non-empty).
    pub fn from_env() -> Theme {
        Theme::new(true)
    }

    /// Colour when the settings want it and `NO_COLOR` does not forbid it.
    pub fn new(want_color: bool) -> Theme {
        Theme { color: want_color && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()), bedtime: false }
    }

    /// The same theme with the bedtime palette on or off.
    pub fn bedtime(self, on: bool) -> Theme {
        Theme { bedtime: on, ..self }
    }

    /// A colour from the palette in use: `day` normally, `night` at bedtime.
    fn pick(&self, day: Color, night: Color) -> Style {
        self.fg(if self.bedtime { night } else { day })
    }

    fn fg(&self, c: Color) -> Style {
        if self.color { Style::new().fg(c) } else { Style::new() }
    }

    pub fn title(&self) -> Style {
        self.pick(Color::Cyan, night::AMBER).add_modifier(Modifier::BOLD)
    }
    pub fn text(&self) -> Style {
        if self.bedtime { self.fg(night::SAND) } else { Style::new() }
    }
    pub fn dim(&self) -> Style {
        if self.color {
            Style::new().fg(if self.bedtime { night::BROWN } else { Color::DarkGray })
        } else {
            Style::new().add_modifier(Modifier::DIM)
        }
    }
    pub fn digits(&self) -> Style {
        self.pick(Color::LightCyan, night::AMBER)
    }
    pub fn hold(&self) -> Style {
        self.pick(Color::Green, night::GOLD).add_modifier(Modifier::BOLD)
    }
    pub fn pause(&self) -> Style {
        self.pick(Color::Yellow, night::ROSE).add_modifier(Modifier::BOLD)
    }
    pub fn warn(&self) -> Style {
        self.pick(Color::Red, night::RED).add_modifier(Modifier::BOLD)
    }
    pub fn gauge(&self) -> Style {
        self.pick(Color::Cyan, night::BROWN)
    }
    pub fn flash(&self) -> Style {
        // Reversed default text would be a bright white block at bedtime.
        self.text().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }
    /// Each phase's own colour, for its large label and the countdown.
    pub fn phase(&self, phase: PhaseKind) -> Style {
        let (day, night) = match phase {
            PhaseKind::GetReady => (Color::Yellow, night::ROSE),
            PhaseKind::Hold { .. } => (Color::Green, night::GOLD),
            PhaseKind::Switch { .. } => (Color::Magenta, night::DARK_RED),
            PhaseKind::Rest { .. } => (Color::Blue, night::BROWN),
            PhaseKind::Check => (Color::Cyan, night::SAND),
        };
        self.pick(day, night).add_modifier(Modifier::BOLD)
    }
    pub fn key(&self) -> Style {
        self.pick(Color::Cyan, night::GOLD).add_modifier(Modifier::BOLD)
    }
}

/// The bedtime palette (xterm 256-colour indices): warm and dim, nothing
/// above about two-thirds brightness, no blue channel to speak of.
mod night {
    use ratatui::style::Color;
    /// #af5f00
    pub const AMBER: Color = Color::Indexed(130);
    /// #af875f
    pub const SAND: Color = Color::Indexed(137);
    /// #875f00
    pub const BROWN: Color = Color::Indexed(94);
    /// #af8700
    pub const GOLD: Color = Color::Indexed(136);
    /// #af5f5f
    pub const ROSE: Color = Color::Indexed(131);
    /// #af0000
    pub const RED: Color = Color::Indexed(124);
    /// #870000
    pub const DARK_RED: Color = Color::Indexed(88);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The xterm 256-colour cube value of an index (16..=231).
    fn rgb(i: u8) -> (u8, u8, u8) {
        let steps = [0, 95, 135, 175, 215, 255];
        let i = i - 16;
        (steps[(i / 36) as usize], steps[(i / 6 % 6) as usize], steps[(i % 6) as usize])
    }

    #[test]
    fn bedtime_has_no_bright_white_or_blue() {
        let t = Theme { color: true, bedtime: true };
        let styles =
            [t.title(), t.text(), t.dim(), t.digits(), t.hold(), t.pause(), t.warn(), t.gauge(), t.flash(), t.key()];
        let phases = [
            PhaseKind::GetReady,
            PhaseKind::Hold { rep: 1, side: None },
            PhaseKind::Switch { to: crate::routine::Side::Left },
            PhaseKind::Rest { next_rep: 2 },
            PhaseKind::Check,
        ];
        let styles = styles.into_iter().chain(phases.map(|p| t.phase(p)));
        for s in styles {
            let Some(Color::Indexed(i)) = s.fg else { panic!("{s:?} leaves the colour to the terminal") };
            let (r, g, b) = rgb(i);
            assert!(r.max(g).max(b) <= 175, "{i} is too bright");
            assert!(b <= 95 && b <= r, "{i} is blue");
        }
        let day = Theme { color: true, bedtime: false };
        assert_eq!(day.digits().fg, Some(Color::LightCyan));
    }
}
