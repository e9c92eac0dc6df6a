//! Drawing the cramp screen: grey on black, large type, few words.

use std::time::Instant;

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Paragraph, Wrap};
use tui_big_text::{BigText, PixelSize};

use super::keys::{Shown, offered};
use super::{CrampScreen, Stage};
use crate::journal::exchange::spot_name;
use crate::relief;
use crate::tui::keymap;
use crate::tui::theme::Theme;
use crate::tui::widgets::dialog;

pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 12;

pub fn render(app: &CrampScreen, now: Instant, theme: &Theme, f: &mut Frame) {
    let dim = theme.dim();
    let area = f.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        crate::tui::widgets::too_small(f, area, MIN_WIDTH, MIN_HEIGHT, theme);
        return;
    }
    let at = app.cramp.at.format("%H:%M").to_string();
    let commands = app.commands();
    let keys = |shown, between: &str| {
        offered(&commands, shown).iter().map(|(k, w)| format!("{k}{between}{w}")).collect::<Vec<_>>().join(" · ")
    };
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(dim)
        .title(Line::styled(format!(" cramp at {at} "), dim))
        .title(Line::styled(format!(" {} ", keys(Shown::Frame, " ")), dim).right_aligned());
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
    let next = Line::styled(keys(Shown::Next, ": "), dim);
    let (big_text, lines): (String, Vec<Line>) = match app.stage {
        Stage::Where => {
            let question = match app.place {
                None => "Where?".to_string(),
                Some(p) => format!("{}: which side?", relief::stretch(Some(p)).0),
            };
            let choices = Line::styled(format!("{question}  {}", keys(Shown::Choice, " ")), dim);
            (at.clone(), vec![choices, Line::from(""), next])
        }
        Stage::Stretch { .. } => {
            let (title, how) = relief::stretch(app.cramp.place);
            let secs = app.remaining_secs(now);
            let lines = vec![
                Line::styled(format!("{title}: stretch and hold"), dim),
                Line::styled(how, dim),
                Line::from(""),
                next,
            ];
            (secs.to_string(), lines)
        }
        Stage::Eased => ("eased?".to_string(), vec![Line::styled("Has it eased?", dim), Line::from(""), next]),
        Stage::Done => (
            "back to sleep".to_string(),
            vec![
                Line::styled("Back to sleep. The morning check-in starts from this cramp.", dim),
                Line::from(""),
                next,
            ],
        ),
    };
    big_type(f, big, &big_text, dim);
    f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), body);
    f.render_widget(Paragraph::new(relief::WARNING).style(dim).wrap(Wrap { trim: true }), foot);
    if app.help {
        // Every key, whatever the stage: from the same list as the handler.
        let mut rows: Vec<Line> =
            keymap::help(&commands).iter().map(|(k, what)| Line::styled(format!("{k:<10}{what}"), dim)).collect();
        rows.extend([Line::from(""), Line::styled("any key closes this help", dim)]);
        dialog(f, area, " Keys ", rows);
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
