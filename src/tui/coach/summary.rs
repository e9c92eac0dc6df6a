//! The coach's end screen: how the run went, step by step, whether it was
//! recorded (and the streak it makes), and what comes next.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::keys;
use super::state::CoachScreen;
use crate::journal::Outcome;
use crate::routine::plan::format_duration;
use crate::tui::keymap;
use crate::tui::theme::Theme;
use crate::tui::widgets::keys_line;

/// The end screen in `area`, inside the coach's frame.
pub fn render(app: &CoachScreen, theme: &Theme, f: &mut Frame, area: Rect) {
    let steps = app.session.steps();
    let count = |st: Outcome| steps.iter().filter(|s| s.status() == st).count();
    let (done, skipped, partial) = (count(Outcome::Done), count(Outcome::Skipped), count(Outcome::Partial));
    let complete =
        app.session.routine().steps.iter().zip(steps).all(|(st, s)| st.optional || s.status() == Outcome::Done);
    let mut lines = vec![
        Line::from(""),
        Line::styled(if complete { "Routine complete. Good night." } else { "Routine over." }, theme.title()),
        Line::from(""),
        Line::from(format!("{done} of {} steps done, {skipped} skipped, {partial} partly done", steps.len())),
    ];
    let speed = app.session.speed();
    if speed != 1.0 {
        lines.push(Line::styled(
            format!("Practice (clock ×{speed}): recorded, but not counted in streaks or insights."),
            theme.pause(),
        ));
    }
    if let Some(d) = app.finished_in {
        lines.push(Line::from(format!("Time taken: {}", format_duration(d))));
    }
    // Only a write that worked is "recorded"; otherwise the reason, whole (wrapped below).
    lines.push(match &app.save_error {
        None => Line::from(format!("Recorded for the night of {}.", app.night().format("%a %d %b"))),
        Some(e) => Line::styled(format!("Not saved: {}", crate::text::visible(e)), theme.warn()),
    });
    if let Some(s) = app.streak {
        let nights = if s.current == 1 { "night" } else { "nights" };
        // Only a streak is celebrated: zero nights is said plainly.
        let style = if s.current > 0 { theme.hold() } else { theme.text() };
        lines.push(Line::styled(format!("Routine streak: {} {nights} (longest {})", s.current, s.longest), style));
    }
    lines.extend([
        Line::from(""),
        Line::from("Tomorrow morning, tell winddown how the night went:"),
        // Inside the app the check-in is a key away; after `winddown run`, a command.
        Line::styled(if app.inside_app { "press c on the home screen" } else { "winddown checkin" }, theme.key()),
        Line::from(""),
        keys_line(theme, &keymap::footer(&keys::summary())),
    ]);
    if area.height as usize > lines.len() + steps.len() + 1 {
        let checklist = checklist(app, theme);
        lines.splice(5..5, checklist);
    }
    f.render_widget(Paragraph::new(lines).alignment(Alignment::Center).wrap(Wrap { trim: false }), area);
}

/// The steps with their marks (✓ done, ½ partly, – skipped, · not reached),
/// every line padded to the longest so that, centred, they form one column.
fn checklist(app: &CoachScreen, theme: &Theme) -> Vec<Line<'static>> {
    let steps = app.session.steps();
    let rows: Vec<(&str, ratatui::style::Style, String)> = app
        .session
        .routine()
        .steps
        .iter()
        .zip(steps)
        .map(|(step, state)| {
            let (mark, style) = match state.status() {
                Outcome::Done => ("✓", theme.hold()),
                Outcome::Skipped => ("–", theme.dim()),
                Outcome::Partial => ("½", theme.pause()),
                Outcome::NotReached => ("·", theme.dim()),
            };
            (mark, style, crate::text::visible(&step.title).into_owned())
        })
        .collect();
    let width = rows.iter().map(|(_, _, t)| Line::raw(t.as_str()).width()).max().unwrap_or(0);
    rows.into_iter()
        .map(|(mark, style, title)| {
            let pad = width - Line::raw(title.as_str()).width();
            Line::from(vec![Span::styled(format!("{mark} "), style), Span::raw(title), Span::raw(" ".repeat(pad))])
        })
        .collect()
}
