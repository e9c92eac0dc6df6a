//! The colour palettes: one for dark terminals, one for light ones, one that
//! reads on both (when the background is unknown) and the low-light bedtime
//! one. Every colour is an xterm 256-colour index, whose RGB value is fixed,
//! so its WCAG contrast against the palette's background can be computed
//! (the tests below do): at least 4.5:1 for text, 3:1 for the large digits,
//! gauges and marks.

use ratatui::style::Color;

/// Which palette the screens use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Palette {
    /// Light colours for a dark background.
    Dark,
    /// Deep colours for a light background.
    Light,
    /// Mid-tone colours that meet the figures on black and on white alike:
    /// for a terminal whose background could not be found out.
    Either,
    /// Dim ambers and reds, no bright white or blue (`theme = "bedtime"`).
    Bedtime,
}

/// One palette's colours, by role.
#[derive(Debug, Clone, Copy)]
pub struct Colors {
    /// Plain text; `None` keeps the terminal's own foreground, which is made
    /// for its own background.
    pub text: Option<Color>,
    pub title: Color,
    pub dim: Color,
    pub key: Color,
    /// Alarms only: the doctor notice, a failed save, an invalid value.
    pub warn: Color,
    /// Good news: a done night, a cramp-free night.
    pub good: Color,
    /// Half-way: a partial night, a pause.
    pub partial: Color,
    /// Cramp marks and the cramps chart: data, not an alarm.
    pub cramp: Color,
    pub gauge: Color,
    /// The large digits when no phase colours them.
    pub digits: Color,
    /// Get ready, hold, switch, rest, check: each phase its own colour.
    pub phases: [Color; 5],
}

const fn ix(i: u8) -> Color {
    Color::Indexed(i)
}

impl Palette {
    pub const ALL: [Palette; 4] = [Palette::Dark, Palette::Light, Palette::Either, Palette::Bedtime];

    pub fn colors(self) -> &'static Colors {
        match self {
            Palette::Dark => &DARK,
            Palette::Light => &LIGHT,
            Palette::Either => &EITHER,
            Palette::Bedtime => &BEDTIME,
        }
    }

    /// The backgrounds the palette is made for (RGB): the figures hold on each.
    pub fn backgrounds(self) -> &'static [(u8, u8, u8)] {
        match self {
            // Black and the common dark grey of many terminal themes.
            Palette::Dark => &[(0, 0, 0), (0x28, 0x28, 0x28)],
            // White and an off-white.
            Palette::Light => &[(0xff, 0xff, 0xff), (0xf0, 0xf0, 0xf0)],
            Palette::Either => &[(0, 0, 0), (0xff, 0xff, 0xff)],
            Palette::Bedtime => &[(0, 0, 0)],
        }
    }
}

/// On dark: #d0d0d0 text, #5fd7d7 cyan, #949494 grey, #ff5f5f red, #87d787
/// green, #ffd75f yellow, #ff87ff magenta, #87afff blue.
const DARK: Colors = Colors {
    text: None,
    title: ix(80),
    dim: ix(246),
    key: ix(80),
    warn: ix(203),
    good: ix(114),
    partial: ix(221),
    cramp: ix(213),
    gauge: ix(80),
    digits: ix(80),
    phases: [ix(221), ix(114), ix(213), ix(111), ix(80)],
};

/// On light: #005f87 blue, #585858 grey, #af0000 red, #005f00 green, #875f00
/// brown, #870087 magenta, #0000af blue, #008787 teal.
const LIGHT: Colors = Colors {
    text: None,
    title: ix(24),
    dim: ix(240),
    key: ix(24),
    warn: ix(124),
    good: ix(22),
    partial: ix(94),
    cramp: ix(90),
    gauge: ix(30),
    digits: ix(24),
    phases: [ix(94), ix(22), ix(90), ix(19), ix(24)],
};

/// Mid-tones, about 4.5:1 on black and on white: #5f5fff blue, #767676 grey,
/// #af5f5f red, #00875f green, #af5f00 amber, #d700af magenta, #0087af teal.
const EITHER: Colors = Colors {
    text: None,
    title: ix(63),
    dim: ix(243),
    key: ix(63),
    warn: ix(131),
    good: ix(29),
    partial: ix(130),
    cramp: ix(163),
    gauge: ix(31),
    digits: ix(31),
    phases: [ix(130), ix(29), ix(163), ix(63), ix(31)],
};

/// Warm and dim for a dark room: nothing above about two-thirds brightness,
/// no blue channel to speak of. #af875f sand, #af8700 gold, #87875f olive,
/// #af5f5f rose, #5f875f green, #878700 yellow, #af5f00 amber, #875f00 brown.
const BEDTIME: Colors = Colors {
    text: Some(ix(137)),
    title: ix(136),
    dim: ix(101),
    key: ix(136),
    warn: ix(131),
    good: ix(65),
    partial: ix(100),
    cramp: ix(130),
    gauge: ix(94),
    digits: ix(130),
    phases: [ix(100), ix(65), ix(130), ix(94), ix(137)],
};

/// The RGB value of an xterm 256-colour index (the 6×6×6 cube and the grey
/// ramp; the first 16 depend on the terminal's theme and give `None`).
pub fn xterm_rgb(i: u8) -> Option<(u8, u8, u8)> {
    const STEPS: [u8; 6] = [0, 95, 135, 175, 215, 255];
    match i {
        0..=15 => None,
        16..=231 => {
            let i = i - 16;
            Some((STEPS[usize::from(i / 36)], STEPS[usize::from(i / 6 % 6)], STEPS[usize::from(i % 6)]))
        }
        _ => {
            let v = 8 + 10 * (i - 232);
            Some((v, v, v))
        }
    }
}

/// WCAG relative luminance of an sRGB colour (0 black … 1 white).
pub fn luminance((r, g, b): (u8, u8, u8)) -> f64 {
    let lin = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.04045 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
    };
    0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
}

/// WCAG contrast ratio of two colours (1 … 21).
pub fn contrast(a: (u8, u8, u8), b: (u8, u8, u8)) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rgb(c: Color) -> (u8, u8, u8) {
        match c {
            Color::Indexed(i) => xterm_rgb(i).unwrap_or_else(|| panic!("index {i} depends on the terminal's theme")),
            Color::Rgb(r, g, b) => (r, g, b),
            other => panic!("{other:?} depends on the terminal's theme"),
        }
    }

    #[test]
    fn known_contrast_figures() {
        assert!((contrast((0, 0, 0), (255, 255, 255)) - 21.0).abs() < 1e-9);
        assert!((contrast((0x76, 0x76, 0x76), (255, 255, 255)) - 4.54).abs() < 0.01);
        // The old day palette's bright cyan on white: the complaint of the screenshots.
        assert!(contrast((0x5f, 0xff, 0xff), (255, 255, 255)) < 1.3);
        assert_eq!(xterm_rgb(16), Some((0, 0, 0)));
        assert_eq!(xterm_rgb(231), Some((255, 255, 255)));
        assert_eq!(xterm_rgb(80), Some((0x5f, 0xd7, 0xd7)));
        assert_eq!(xterm_rgb(244), Some((0x80, 0x80, 0x80)));
        assert_eq!(xterm_rgb(9), None);
    }

    /// Text at least 4.5:1, the large digits, phase labels, gauges and
    /// marks at least 3:1, on every background the palette is made for.
    #[test]
    fn every_palette_meets_the_wcag_figures() {
        for p in Palette::ALL {
            let c = p.colors();
            let text = [("title", c.title), ("dim", c.dim), ("key", c.key), ("warn", c.warn), ("good", c.good)];
            let large = [("digits", c.digits), ("gauge", c.gauge), ("cramp", c.cramp), ("partial", c.partial)];
            let phases = c.phases.iter().map(|&x| ("phase", x));
            let text = text.into_iter().chain(c.text.map(|t| ("text", t)));
            for bg in p.backgrounds() {
                for (role, colour) in text.clone() {
                    let r = contrast(rgb(colour), *bg);
                    assert!(r >= 4.5, "{p:?} {role} {colour:?} on {bg:?}: {r:.2}:1");
                }
                for (role, colour) in large.into_iter().chain(phases.clone()) {
                    let r = contrast(rgb(colour), *bg);
                    assert!(r >= 3.0, "{p:?} {role} {colour:?} on {bg:?}: {r:.2}:1");
                }
            }
        }
    }

    /// Under the bedtime palette everything is dim and warm.
    #[test]
    fn bedtime_has_no_bright_white_or_blue() {
        let c = Palette::Bedtime.colors();
        let all = [c.title, c.dim, c.key, c.warn, c.good, c.partial, c.cramp, c.gauge, c.digits];
        for colour in all.into_iter().chain(c.text).chain(c.phases) {
            let (r, g, b) = rgb(colour);
            assert!(r.max(g).max(b) <= 175, "{colour:?} is too bright");
            assert!(b <= 95 && b <= r, "{colour:?} is blue");
        }
    }

    /// The alarm colour is kept for alarms: no other role shares it, and
    /// the phases of the coach are told apart by colour.
    #[test]
    fn the_alarm_colour_is_its_own_and_phases_differ() {
        for p in Palette::ALL {
            let c = p.colors();
            for other in
                [c.title, c.dim, c.key, c.good, c.partial, c.cramp, c.gauge, c.digits].into_iter().chain(c.phases)
            {
                assert_ne!(other, c.warn, "{p:?}");
            }
            for (i, a) in c.phases.iter().enumerate() {
                assert!(!c.phases[..i].contains(a), "{p:?} phases {:?}", c.phases);
            }
            assert_ne!(c.good, c.cramp, "{p:?}");
        }
    }
}
