//! Small drawing helpers shared by the screens.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Wrap};

use super::theme::Theme;

/// A `width`×`height` rectangle centred in `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect { x: area.x + (area.width - w) / 2, y: area.y + (area.height - h) / 2, width: w, height: h }
}

/// The message shown instead of a layout that cannot fit.
pub fn too_small(f: &mut Frame, area: Rect, min_w: u16, min_h: u16, theme: &Theme) {
    let lines = vec![
        Line::styled("Make the window larger", theme.pause()),
        Line::from(format!("{}×{} now, {min_w}×{min_h} needed", area.width, area.height)),
        Line::styled("q quits", theme.dim()),
    ];
    let rect = Rect { y: area.y + area.height.saturating_sub(3) / 2, height: area.height.min(3), ..area };
    f.render_widget(Paragraph::new(lines).alignment(Alignment::Center).wrap(Wrap { trim: true }), rect);
}

/// "Enter start · q quit": keys in the key style, what they do in plain text.
pub fn keys_line<'a>(theme: &Theme, keys: &[(&'a str, &'a str)]) -> Line<'a> {
    let mut spans = Vec::new();
    for (i, (k, what)) in keys.iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(" · ", theme.dim()));
        }
        spans.push(Span::styled(*k, theme.key()));
        spans.push(Span::raw(format!(" {what}")));
    }
    Line::from(spans)
}

/// A bordered box of `lines` centred over `area`.
pub fn dialog(f: &mut Frame, area: Rect, title: &str, lines: Vec<Line>) {
    let width = lines.iter().map(|l| l.width() as u16).max().unwrap_or(20) + 4;
    let rect = centered(area, width.min(area.width), (lines.len() as u16 + 2).min(area.height));
    f.render_widget(Clear, rect);
    f.render_widget(
        Paragraph::new(lines).block(Block::bordered().border_type(BorderType::Rounded).title(title.to_string())),
        rect,
    );
}

/// The frame every full screen uses: a rounded border with the screen's title
/// on the left and its main keys on the right. Returns the inside, or `None`
/// after drawing the "make the window larger" message when `f` is smaller
/// than `min` (columns, rows).
pub fn screen_frame(f: &mut Frame, theme: &Theme, title: &str, keys: &str, min: (u16, u16)) -> Option<Rect> {
    let area = f.area();
    if area.width < min.0 || area.height < min.1 {
        too_small(f, area, min.0, min.1, theme);
        return None;
    }
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .title(Line::styled(format!(" {title} "), theme.title()))
        .title(Line::from(format!(" {keys} ")).right_aligned());
    let inner = block.inner(area).inner(ratatui::layout::Margin { horizontal: 1, vertical: 0 });
    f.render_widget(block, area);
    Some(inner)
}

/// The `?` overlay: each key beside what it does, and how to close it.
pub fn keys_help(f: &mut Frame, area: Rect, theme: &Theme, rows: &[(&str, &str)], closes: &str) {
    let width = rows.iter().map(|(k, _)| k.chars().count()).max().unwrap_or(0).max(8);
    let mut lines: Vec<Line> = rows
        .iter()
        .map(|(k, what)| Line::from(vec![Span::styled(format!("{k:>width$}  "), theme.key()), Span::raw(*what)]))
        .collect();
    lines.push(Line::from(""));
    lines.push(Line::styled(closes.to_string(), theme.dim()));
    dialog(f, area, " Keys ", lines);
}
