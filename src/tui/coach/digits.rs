//! The countdown in digits as large as the space allows: the 8×8 font that
//! tui-big-text uses, each font pixel drawn as a block of cells (half blocks
//! give two pixels per cell vertically), so the digits grow with the window
//! instead of stopping at eight rows.

use font8x8::UnicodeFonts;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

/// Font rows used (the eighth row of every digit is blank).
const ROWS: u16 = 7;
/// Font columns per character (spacing included).
const COLS: u16 = 8;

/// `text` in big digits, centred in the area it is rendered into.
pub struct BigDigits<'a> {
    pub text: &'a str,
    pub style: Style,
}

/// How one font pixel is drawn: `x` columns wide, `y` half-rows tall.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scale {
    pub x: u16,
    pub y: u16,
}

impl BigDigits<'_> {
    /// The largest scale that fits `width`×`height` cells: pixels between
    /// square and twice as tall as wide (the 8×8 font's own look); `None` when
    /// even the smallest does not fit.
    pub fn scale(&self, width: u16, height: u16) -> Option<Scale> {
        let chars = self.text.chars().count() as u16;
        let x_max = width / (COLS * chars.max(1));
        let y_max = height * 2 / ROWS;
        let x = x_max.min(y_max);
        (x > 0).then(|| Scale { x, y: y_max.min(2 * x) })
    }

    /// Rows the digits take at `scale`.
    pub fn rows(scale: Scale) -> u16 {
        (ROWS * scale.y).div_ceil(2)
    }
}

impl Widget for BigDigits<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let Some(scale) = self.scale(area.width, area.height) else {
            return;
        };
        let glyphs: Vec<[u8; 8]> = self.text.chars().map(|c| font8x8::BASIC_FONTS.get(c).unwrap_or([0; 8])).collect();
        let width = COLS * scale.x * glyphs.len() as u16;
        let height = BigDigits::rows(scale);
        let left = area.x + (area.width - width) / 2;
        let top = area.y + (area.height - height) / 2;
        let pixel = |col: u16, half_row: u16| {
            let (px, py) = (col / scale.x, half_row / scale.y);
            let glyph = &glyphs[(px / COLS) as usize];
            py < ROWS && glyph[py as usize] & (1 << (px % COLS)) != 0
        };
        for row in 0..height {
            for col in 0..width {
                let symbol = match (pixel(col, 2 * row), pixel(col, 2 * row + 1)) {
                    (true, true) => "█",
                    (true, false) => "▀",
                    (false, true) => "▄",
                    (false, false) => continue,
                };
                buf[(left + col, top + row)].set_symbol(symbol).set_style(self.style);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_digits_grow_with_the_space_and_keep_their_shape() {
        let d = BigDigits { text: "20", style: Style::new() };
        assert_eq!(d.scale(44, 15), Some(Scale { x: 2, y: 4 }));
        assert_eq!(d.scale(164, 50), Some(Scale { x: 10, y: 14 }));
        assert_eq!(BigDigits::rows(Scale { x: 10, y: 14 }), 49);
        // Narrow and tall: square pixels at least; wide and low: never squashed below square.
        assert_eq!(d.scale(16, 40), Some(Scale { x: 1, y: 2 }));
        assert_eq!(d.scale(200, 4), Some(Scale { x: 1, y: 1 }));
        assert_eq!(d.scale(15, 40), None);
        assert_eq!(d.scale(40, 3), None);
    }

    #[test]
    fn renders_a_one_at_twice_the_size() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 16, 7));
        BigDigits { text: "1", style: Style::new() }.render(buf.area, &mut buf);
        let rows: Vec<String> = (0..7).map(|y| (0..16).map(|x| buf[(x, y)].symbol().to_string()).collect()).collect();
        // font8x8's "1": rows 0x0C 0x0E 0x0C 0x0C 0x0C 0x0C 0x3F.
        assert_eq!(rows[0], "    ████        ");
        assert_eq!(rows[1], "  ██████        ");
        assert_eq!(rows[6], "████████████    ");
    }
}
