//! Small drawing helpers shared by the screens.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

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
