//! Drawing the cramp screen: grey on black, large type, few words.

use std::time::Instant;

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Paragraph, Wrap};
use tui_big_text::{BigText, PixelSize};

use super::{CrampApp, Stage};
use crate::journal::exchange::spot_name;
use crate::relief;
use crate::tui::theme::Theme;
use crate::tui::widgets::dialog;

pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 12;

pub fn render(app: &CrampApp, now: Instant, theme: &Theme, f: &mut Frame) {
    let dim = theme.dim();
    let area = f.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        crate::tui::widgets::too_small(f, area, MIN_WIDTH, MIN_HEIGHT, theme);
        return;
    }
    let at = app.cramp.at.format("%H:%M").to_string();
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(dim)
        .title(Line::styled(format!(" cramp at {at} "), dim))
        .title(Line::styled(" ? help · q close ", dim).right_aligned());
    let inner = block.inner(area).inner(ratatui::layout::Margin { horizontal: 1, vertical: 0 });
    f.render_widget(block, area);
    let [head, big, body, foot] =
        Layout::vertical([Constraint::Length(2), Constraint::Length(9), Constraint::Min(3), Constraint::Length(2)])
            .areas(inner);
    let logged = match (&app.save_error, app.cramp.place) {
        (Some(e), _) => format!("Not saved: {}", crate::text::visible(e)),
        (None, Some(p)) => format!("Logged: {} at {at}.", spot_name(p, app.cramp.side)),
        (None, None) => format!("Logged: a cramp at {at}."),
    };
    f.render_widget(Paragraph::new(logged).style(dim), head);
    let (big_text, lines): (String, Vec<Line>) = match app.stage {
        Stage::Where => (
            at.clone(),
            vec![
                Line::styled(
                    match app.place {
                        None => "Where?  c calf · f foot · t thigh · o other".to_string(),
                        Some(p) => format!("{}: which side?  l left · r right · b both", relief::stretch(Some(p)).0),
                    },
                    dim,
                ),
                Line::from(""),
                Line::styled("Enter: straight to the stretch", dim),
            ],
        ),
        Stage::Stretch { .. } => {
            let (title, how) = relief::stretch(app.cramp.place);
            let secs = app.remaining_secs(now);
            (
                secs.to_string(),
                vec![
                    Line::styled(format!("{title}: stretch and hold"), dim),
                    Line::styled(how, dim),
                    Line::from(""),
                    Line::styled("Enter: it has eased · a: start the hold again", dim),
                ],
            )
        }
        Stage::Eased => (
            "eased?".to_string(),
            vec![
                Line::styled("Has it eased?", dim),
                Line::from(""),
                Line::styled("Enter: yes · a: hold another 30 seconds", dim),
            ],
        ),
        Stage::Done => (
            "back to sleep".to_string(),
            vec![
                Line::styled("Back to sleep. The morning check-in starts from this cramp.", dim),
                Line::from(""),
                Line::styled("Enter or q: close", dim),
            ],
        ),
    };
    big_type(f, big, &big_text, dim);
    f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), body);
    f.render_widget(Paragraph::new(relief::WARNING).style(dim).wrap(Wrap { trim: true }), foot);
    if app.help {
        let rows = [
            "c f t o   calf, foot, thigh, other",
            "l r b     left, right, both sides",
            "Enter     next: the stretch, eased, close",
            "a         hold the stretch again",
            "q Esc     close (the cramp stays logged)",
            "",
            "any key closes this help",
        ];
        dialog(f, area, " Keys ", rows.iter().map(|r| Line::styled(*r, dim)).collect());
    }
}

/// The largest block type that fits, plain text otherwise.
fn big_type(f: &mut Frame, area: Rect, text: &str, style: Style) {
    let chars = text.chars().count() as u16;
    let size = [(PixelSize::Full, 8, 8), (PixelSize::HalfHeight, 8, 4), (PixelSize::Quadrant, 4, 4)]
        .into_iter()
        .find(|(_, w, h)| area.width >= chars * w && area.height >= *h);
    if let Some((pixel_size, _, rows)) = size {
        let big = BigText::builder()
            .pixel_size(pixel_size)
            .style(style)
            .lines(vec![Line::from(text.to_string())])
            .centered()
            .build();
        f.render_widget(big, Rect { y: area.y + (area.height - rows) / 2, height: rows, ..area });
    } else {
        let mid = Rect { y: area.y + area.height / 2, height: 1, ..area };
        f.render_widget(Paragraph::new(text.to_string()).style(style).alignment(Alignment::Center), mid);
    }
}
