//! Drawing the history screen.

use chrono::{Datelike, Days, NaiveDate};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Block, Paragraph, Wrap};

use super::HistoryApp;
use super::calendar::{CELL, MonthCalendar};
use crate::tui::theme::Theme;
use crate::tui::widgets::{keys_help, screen_frame};

pub const MIN_WIDTH: u16 = 72;
pub const MIN_HEIGHT: u16 = 22;

const HELP: [(&str, &str); 4] = [
    ("←/→  h/l", "previous / next month"),
    ("t", "this month"),
    ("c  Tab", "comparisons with their intervals / calendar"),
    ("q  Esc", "back"),
];

pub fn render(app: &HistoryApp, theme: &Theme, f: &mut Frame) {
    let area = f.area();
    let keys = "←/→ month · t this month · c comparisons · q back · ? help";
    let Some(inner) = screen_frame(f, theme, "History", keys, (MIN_WIDTH, MIN_HEIGHT)) else { return };
    if app.comparisons {
        super::comparisons::render(app, theme, f, inner);
        if app.help {
            keys_help(f, area, theme, &HELP, "any key closes this");
        }
        return;
    }
    let [top, chart] = Layout::vertical([Constraint::Length(11), Constraint::Min(6)]).areas(inner);
    let [cal, side] = Layout::horizontal([Constraint::Length(CELL * 7 + 1), Constraint::Min(20)]).areas(top);
    let calendar = MonthCalendar {
        entries: &app.entries,
        year: app.month.0,
        month: app.month.1,
        tonight: app.tonight,
        week_start: app.week_start,
        theme,
    };
    let mut lines = calendar.lines();
    lines.push(Line::styled("✓ done ½ partial R rest · missed", theme.dim()));
    lines.push(Line::styled("○ no cramps ░▒▓ pain 1-3/4-6/7-10", theme.dim()));
    f.render_widget(Paragraph::new(lines), cal);
    f.render_widget(Paragraph::new(summary(app, theme)).wrap(Wrap { trim: false }), side);
    weekly_chart(app, theme, f, chart);
    if app.help {
        keys_help(f, area, theme, &HELP, "any key closes this");
    }
}

fn short_streak(s: &crate::stats::streak::Streak) -> String {
    format!("{} · best {}", s.current, s.longest)
}

fn summary(app: &HistoryApp, theme: &Theme) -> Vec<Line<'static>> {
    let r = &app.report;
    let row = |label: &str, value: String| {
        Line::from(vec![Span::styled(format!("{label:<16}"), theme.dim()), Span::raw(value)])
    };
    let mut lines = vec![
        row("Routine streak", short_streak(&r.streaks.routine)),
        row("Check-in streak", short_streak(&r.streaks.checkin)),
        row("Cramp-free", short_streak(&r.streaks.cramp_free)),
        row(
            "Consistency",
            format!("{:.0}% ({:+.0} in 30 nights)", r.consistency.score * 100.0, r.consistency.change_30),
        ),
        Line::from(""),
        Line::styled("Cramps in the last 30 nights", theme.title()),
        row("  with routine", r.insights.routine[0].split.with.short()),
        row("  without", r.insights.routine[0].split.without.short()),
        row("  difference", {
            let s = &r.insights.routine[0].split;
            crate::stats::difference::short(&s.difference, s.verdict)
        }),
    ];
    if let Some(p) = r.insights.pain.average {
        lines.push(row("Worst pain", format!("{p:.1}/10 avg, {} nights", r.insights.pain.nights)));
    }
    for flag in &r.flags {
        lines.push(Line::styled(format!("! {}: worth talking to a doctor", flag.reason), theme.warn()));
    }
    lines
}

/// Cramps per week and the week's worst pain, for the last 12 weeks.
fn weekly_chart(app: &HistoryApp, theme: &Theme, f: &mut Frame, area: Rect) {
    let this_week = app.tonight - Days::new(u64::from(app.tonight.weekday().num_days_from_monday()));
    let mut groups = Vec::new();
    for w in (0..12u64).rev() {
        let start = this_week - Days::new(7 * w);
        let (cramps, worst) = week(app, start);
        // The axis: a month's name on its first week, the day of the month otherwise.
        let label = if start.day() <= 7 { start.format("%b").to_string() } else { start.format("%-d").to_string() };
        groups.push((label, cramps, worst));
    }
    let title = Line::from(vec![
        Span::styled(" left: cramps per week", theme.warn()),
        Span::raw(" · "),
        Span::styled("right: worst pain (0-10) ", theme.gauge()),
        Span::styled("· last 12 weeks ", theme.dim()),
    ]);
    let mut chart = BarChart::default().block(Block::bordered().title(title)).bar_width(2).bar_gap(0).group_gap(2);
    for (label, cramps, worst) in &groups {
        let bars = [
            Bar::default().value(u64::from(*cramps)).style(theme.warn()).text_value(cramps.to_string()),
            Bar::default().value(u64::from(*worst)).style(theme.gauge()).text_value(worst.to_string()),
        ];
        chart = chart.data(BarGroup::default().label(Line::from(label.clone())).bars(&bars));
    }
    f.render_widget(chart, area);
}

fn week(app: &HistoryApp, start: NaiveDate) -> (u32, u8) {
    let mut cramps = 0;
    let mut worst = 0;
    for d in 0..7 {
        if let Some(c) = app.entries.night(start + Days::new(d)).and_then(|n| n.checkin.as_ref()) {
            cramps += c.cramps;
            worst = worst.max(c.pain.unwrap_or(0));
        }
    }
    (cramps, worst)
}
