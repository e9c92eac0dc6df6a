//! The trends page of the history screen: the consistency score over time
//! as a line (as Loop Habit Tracker draws it), and cramps by weekday.

use chrono::{Datelike, Weekday};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Block, Chart, Dataset, GraphType, Paragraph};

use super::HistoryScreen;
use crate::tui::theme::Theme;

/// Nights of consistency drawn at most.
const NIGHTS: usize = 180;

pub fn render(app: &HistoryScreen, theme: &Theme, f: &mut Frame, area: Rect) {
    let [top, bottom] = Layout::vertical([Constraint::Min(8), Constraint::Length(10)]).areas(area);
    consistency(app, theme, f, top);
    weekdays(app, theme, f, bottom);
}

fn consistency(app: &HistoryScreen, theme: &Theme, f: &mut Frame, area: Rect) {
    let series = &app.consistency;
    let shown = &series[series.len().saturating_sub(NIGHTS)..];
    let block = Block::bordered().title(Line::styled(" Consistency over time (0–100%) ", theme.title()));
    let (Some(first), Some(last)) = (shown.first(), shown.last()) else {
        f.render_widget(Paragraph::new("No nights recorded yet.").block(block), area);
        return;
    };
    let points: Vec<(f64, f64)> = shown.iter().enumerate().map(|(i, (_, s))| (i as f64, s * 100.0)).collect();
    let data =
        [Dataset::default().marker(Marker::Braille).graph_type(GraphType::Line).style(theme.gauge()).data(&points)];
    let x_max = (points.len().max(2) - 1) as f64;
    let chart = Chart::new(data.to_vec())
        .block(block)
        .x_axis(
            Axis::default()
                .bounds([0.0, x_max])
                .labels([first.0.format("%d %b %Y").to_string(), last.0.format("%d %b %Y").to_string()])
                .style(theme.dim()),
        )
        .y_axis(Axis::default().bounds([0.0, 100.0]).labels(["0%", "50%", "100%"]).style(theme.dim()));
    f.render_widget(chart, area);
}

fn weekdays(app: &HistoryScreen, theme: &Theme, f: &mut Frame, area: Rect) {
    // (checked-in nights, cramps) by the weekday of the evening.
    let mut by_day = [(0u32, 0u64); 7];
    for (night, n) in &app.facts.nights {
        if let Some(c) = &n.checkin {
            let d = &mut by_day[night.weekday().num_days_from_monday() as usize];
            d.0 += 1;
            d.1 += u64::from(c.cramps);
        }
    }
    let rates: Vec<Option<f64>> = by_day.iter().map(|(n, c)| (*n > 0).then(|| *c as f64 / f64::from(*n))).collect();
    let most = rates.iter().flatten().fold(0.0f64, |a, b| a.max(*b));
    let bar_room = usize::from(area.width).saturating_sub(34).max(4);
    let mut lines = Vec::new();
    for (i, (day, rate)) in
        [Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri, Weekday::Sat, Weekday::Sun]
            .iter()
            .zip(&rates)
            .enumerate()
    {
        let nights = by_day[i].0;
        let row = match rate {
            None => vec![Span::styled("—  no check-ins", theme.dim())],
            Some(r) => {
                let len = if most > 0.0 { (r / most * bar_room as f64).round() as usize } else { 0 };
                let style = if *r == 0.0 { theme.hold() } else { theme.warn() };
                vec![
                    Span::raw(format!("{r:>5.2} ")),
                    Span::styled("█".repeat(len), style),
                    Span::styled(format!(" {nights} night{}", if nights == 1 { "" } else { "s" }), theme.dim()),
                ]
            }
        };
        let mut spans = vec![Span::styled(format!(" {:<4}", day.to_string()), theme.dim())];
        spans.extend(row);
        lines.push(Line::from(spans));
    }
    lines.push(Line::styled(" Descriptive only: no interval, and weekdays differ in many ways.", theme.dim()));
    let block = Block::bordered().title(Line::styled(" Cramps a night by weekday (checked-in nights) ", theme.title()));
    f.render_widget(Paragraph::new(lines).block(block), area);
}
