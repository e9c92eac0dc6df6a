//! Drawing the app: the screen in front if there is one, else the frame
//! around the tabs (title, tab bar, clock, status row, footer, help), the
//! tab's body inside it, and the welcome on a first run.

use std::time::Instant;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph};

use super::{App, Front};
use crate::guidance;
use crate::tui::keymap;
use crate::tui::screen::Screen;
use crate::tui::tabs::Tab;
use crate::tui::theme::Theme;
use crate::tui::widgets::{centered, keys_fitted, keys_help, too_small};

pub const MIN_WIDTH: u16 = 72;
pub const MIN_HEIGHT: u16 = 22;

pub fn render(app: &App, now: Instant, theme: &Theme, f: &mut Frame) {
    match &app.front {
        Some(Front::Coach(coach)) => return coach.draw(now, theme, f),
        Some(Front::Cramp(cramp)) => return cramp.draw(now, theme, f),
        None => {}
    }
    let area = f.area();
    match (app.tab, &app.checkin) {
        (Tab::Checkin, Some(form)) => return form.draw(now, theme, f),
        (Tab::History, _) if let Some(history) = &app.history => return history.draw(now, theme, f),
        _ => {}
    }
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return too_small(f, area, MIN_WIDTH, MIN_HEIGHT, theme);
    }
    if app.welcome {
        return welcome(app, theme, f, area);
    }
    let block = frame_block(app, now, theme, area);
    let inner = block.inner(area).inner(ratatui::layout::Margin { horizontal: 1, vertical: 0 });
    f.render_widget(block, area);
    let [body, status, keys] =
        Layout::vertical([Constraint::Min(5), Constraint::Length(1), Constraint::Length(1)]).areas(inner);
    let (footer, help) = match app.tab {
        Tab::Routines => {
            crate::tui::routines::view::render(&app.routines, &app.data, &app.ctx.config, theme, f, body);
            let commands = app.routines.commands();
            (keymap::footer(&commands), app.routines.help.then(|| keymap::help(&commands)))
        }
        _ => {
            let nights = app.ctx.nights(now);
            crate::tui::tonight::view::render(
                &app.tonight,
                &app.data,
                &app.ctx.config.default_routine,
                nights,
                theme,
                f,
                body,
            );
            let commands = crate::tui::tonight::keys::commands(&app.data);
            (keymap::footer(&commands), app.tonight.help.then(|| keymap::help(&commands)))
        }
    };
    f.render_widget(status_line(app, theme), status);
    f.render_widget(keys_fitted(theme, &footer, keys.width), keys);
    if app.tab == Tab::Routines {
        crate::tui::routines::view::overlays(&app.routines, theme, f, area);
    }
    if let Some(rows) = help {
        keys_help(f, area, theme, &rows, "any key closes this");
    }
}

/// The rounded frame with the name, the tab bar and the clock. The clock
/// gives up the weekday, then the date, before it would run into the tabs.
fn frame_block<'a>(app: &App, now: Instant, theme: &Theme, area: Rect) -> Block<'a> {
    let mut tabs = vec![Span::raw(" ")];
    for (i, t) in Tab::ALL.iter().enumerate() {
        let style = if *t == app.tab { theme.flash() } else { theme.text() };
        tabs.push(Span::styled(format!(" {} {} ", i + 1, t.title()), style));
        tabs.push(Span::raw(" "));
    }
    let tabs = Line::from(tabs);
    let room = usize::from(area.width).saturating_sub(" winddown ".len() + tabs.width() + 2 + 2);
    let wall = app.ctx.wall(now);
    let clock = ["%a %d %b %H:%M", "%d %b %H:%M", "%H:%M"]
        .iter()
        .map(|f| format!(" {} ", wall.format(f)))
        .find(|c| c.len() <= room)
        .unwrap_or_default();
    Block::bordered()
        .border_type(BorderType::Rounded)
        .title(Line::styled(" winddown ", theme.title()))
        .title(tabs)
        .title(Line::from(clock).right_aligned())
}

/// The last action's outcome, else what needs the user, else the reminder
/// that this is not medical advice.
fn status_line(app: &App, theme: &Theme) -> Line<'static> {
    match (&app.message, app.ctx.config_problems.first()) {
        (Some(m), _) => Line::styled(crate::text::visible(m).into_owned(), theme.warn()),
        (None, _) if app.data.contradictions > 0 => {
            Line::styled(contradictions_notice(app.data.contradictions), theme.warn())
        }
        (None, Some(p)) => Line::styled(format!("settings: {} (defaults used)", crate::text::visible(p)), theme.warn()),
        (None, None) => Line::styled(guidance::NOT_MEDICAL_ADVICE, theme.dim()),
    }
}

/// Two machines gave two answers for the same thing: the user picks, on the command line.
fn contradictions_notice(n: usize) -> String {
    let what = if n == 1 { "1 record".to_string() } else { format!("{n} records") };
    format!("two answers for {what}: pick one with `winddown journal resolve`")
}

fn welcome(app: &App, theme: &Theme, f: &mut Frame, area: Rect) {
    let paths = &app.ctx.paths;
    let lines = vec![
        Line::styled("Welcome to winddown", theme.title()),
        Line::from(""),
        Line::from("A few minutes each evening: calf and hamstring stretches held about 30"),
        Line::from("seconds per side, a glass of water, feet supported. Each morning, a short"),
        Line::from("check-in about the night. Over time, your own record shows whether nights"),
        Line::from("with the routine had fewer cramps."),
        Line::from(""),
        Line::from(vec![
            Span::styled("Your routines  ", theme.dim()),
            Span::raw(paths.routines_dir().display().to_string()),
        ]),
        Line::from(vec![
            Span::styled("Your journal   ", theme.dim()),
            Span::raw(paths.journal_dir().display().to_string()),
        ]),
        Line::from(vec![
            Span::styled("Settings       ", theme.dim()),
            Span::raw(paths.config_file().display().to_string()),
        ]),
        Line::from(""),
        Line::styled(guidance::NOT_MEDICAL_ADVICE, theme.text()),
        Line::from("One leg swollen, red or warm, numbness or weakness that stays, or cramps"),
        Line::from("that keep getting worse need a doctor, not an app."),
        Line::from(""),
        Line::styled("Press any key to start", theme.key()),
    ];
    let rect = centered(area, 78, lines.len() as u16 + 2);
    f.render_widget(Paragraph::new(lines).block(Block::bordered().border_type(BorderType::Rounded)), rect);
}
