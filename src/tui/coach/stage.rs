//! The middle of the coach, the part read from the floor: the phase and side
//! in large letters over the countdown, both in the phase's own colour; for a
//! check step, the instruction large and centred.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use tui_big_text::{BigText, PixelSize};

use super::digits::BigDigits;
use crate::routine::Side;
use crate::routine::plan::PhaseKind;
use crate::session::SessionView;
use crate::tui::theme::Theme;

/// Rows and columns of one letter of the large labels (tui-big-text's quadrant size).
const LETTER_ROWS: u16 = 4;
const LETTER_COLS: u16 = 4;

/// The phase and side as shown in large letters: "HOLD LEFT", "SWITCH RIGHT".
pub fn label(phase: PhaseKind) -> String {
    let side = |s: Side| match s {
        Side::Left => "LEFT",
        Side::Right => "RIGHT",
    };
    match phase {
        PhaseKind::GetReady => "GET READY".into(),
        PhaseKind::Hold { side: Some(s), .. } => format!("HOLD {}", side(s)),
        PhaseKind::Hold { side: None, .. } => "HOLD".into(),
        PhaseKind::Switch { to } => format!("SWITCH {}", side(to)),
        PhaseKind::Rest { .. } => "REST".into(),
        PhaseKind::Check => "CHECK".into(),
    }
}

/// The countdown with the phase and side in large letters, laid out either
/// over the digits with the step's picture beside them, or (when that leaves
/// the digits much smaller, as on an 80×24 window) beside the digits with the
/// picture left out. `beside_art` splits an area into (room, picture). Returns
/// where the picture goes (empty when it is left out).
pub fn countdown(
    v: &SessionView,
    theme: &Theme,
    f: &mut Frame,
    middle: Rect,
    beside_art: impl Fn(Rect) -> [Rect; 2],
) -> Rect {
    let style = v.phase.map_or(theme.digits(), |p| theme.phase(p));
    let secs = v.remaining_secs;
    let text = if secs >= 60 { format!("{}:{:02}", secs / 60, secs % 60) } else { secs.to_string() };
    let digits = BigDigits { text: &text, style };
    let label = v.phase.map(label).unwrap_or_default();
    let rows_of = |area: Rect| digits.scale(area.width, area.height).map_or(0, BigDigits::rows);

    // Over the digits, picture beside.
    let [room, art] = beside_art(middle);
    let over_fits = room.width >= label.chars().count() as u16 * LETTER_COLS && room.height > LETTER_ROWS + 1;
    let below = Rect { y: room.y + LETTER_ROWS + 1, height: room.height.saturating_sub(LETTER_ROWS + 1), ..room };
    let over = if over_fits { rows_of(below) } else { 0 };
    // Beside the digits, one word a line, no picture.
    let words: Vec<&str> = label.split(' ').collect();
    let label_width = words.iter().map(|w| w.chars().count() as u16).max().unwrap_or(0) * LETTER_COLS + 2;
    let label_rows = words.len() as u16 * LETTER_ROWS;
    let side_fits = middle.width > label_width && middle.height >= label_rows;
    let digits_area = Rect { width: middle.width.saturating_sub(label_width), ..middle };
    let beside = if side_fits { rows_of(digits_area) } else { 0 };

    let big = |lines: Vec<Line<'static>>| {
        BigText::builder().pixel_size(PixelSize::Quadrant).style(style).lines(lines).centered().build()
    };
    if over_fits && over * 5 >= beside * 4 {
        f.render_widget(big(vec![Line::from(label.clone())]), Rect { height: LETTER_ROWS, ..room });
        draw_digits(digits, &text, style, f, below);
        art
    } else if side_fits && beside > 0 {
        let top = middle.y + (middle.height - label_rows) / 2;
        let lines = words.iter().map(|w| Line::from(w.to_string())).collect();
        let label_area = Rect { x: digits_area.right(), y: top, width: label_width, height: label_rows };
        f.render_widget(big(lines), label_area);
        draw_digits(digits, &text, style, f, digits_area);
        Rect::default()
    } else {
        // Too small for large letters: the phase line above says it in words.
        draw_digits(digits, &text, style, f, room);
        art
    }
}

fn draw_digits(digits: BigDigits, text: &str, style: ratatui::style::Style, f: &mut Frame, area: Rect) {
    if digits.scale(area.width, area.height).is_some() {
        f.render_widget(digits, area);
    } else if area.height > 0 {
        let mid = Rect { y: area.y + area.height / 2, height: 1, ..area };
        f.render_widget(Paragraph::new(text.to_string()).style(style).alignment(Alignment::Center), mid);
    }
}

/// A check step: what to do in large capitals, centred, then how to go on.
pub fn check(instruction: &str, theme: &Theme, f: &mut Frame, area: Rect) {
    let style = theme.phase(PhaseKind::Check);
    let prompt =
        Line::from(vec![Span::raw("then press "), Span::styled("Enter", theme.key()), Span::raw(" when done")]);
    let per_line = (area.width / LETTER_COLS) as usize;
    // Capitals: at four rows a letter, lower case is hard to read from afar.
    let lines = wrap(&instruction.to_uppercase(), per_line);
    let big_rows = lines.len() as u16 * LETTER_ROWS;
    if !lines.is_empty() && lines.iter().all(|l| l.chars().count() <= per_line) && big_rows + 2 <= area.height {
        let top = area.y + (area.height - big_rows - 2) / 2;
        let big = BigText::builder()
            .pixel_size(PixelSize::Quadrant)
            .style(style)
            .lines(lines.into_iter().map(Line::from).collect::<Vec<_>>())
            .centered()
            .build();
        f.render_widget(big, Rect { y: top, height: big_rows, ..area });
        let below = Rect { y: top + big_rows + 1, height: 1, ..area };
        f.render_widget(Paragraph::new(prompt).alignment(Alignment::Center), below);
    } else {
        let text = vec![Line::styled(instruction.to_string(), style), Line::from(""), prompt];
        let rows = 4.min(area.height);
        let mid = Rect { y: area.y + (area.height - rows) / 2, height: rows, ..area };
        f.render_widget(Paragraph::new(text).alignment(Alignment::Center).wrap(Wrap { trim: true }), mid);
    }
}

/// Words packed greedily into lines of at most `width` characters (a longer
/// word stays whole on its own line; the caller checks it fits).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_and_wrapping() {
        assert_eq!(label(PhaseKind::Switch { to: Side::Right }), "SWITCH RIGHT");
        assert_eq!(label(PhaseKind::Hold { rep: 1, side: Some(Side::Left) }), "HOLD LEFT");
        assert_eq!(label(PhaseKind::Rest { next_rep: 2 }), "REST");
        assert_eq!(wrap("Drink a glass of water", 11), ["Drink a", "glass of", "water"]);
        assert_eq!(wrap("Feet supported, sheets loose", 8), ["Feet", "supported,", "sheets", "loose"]);
    }
}
