//! Drawing the history screen.

use chrono::{Datelike, Days, NaiveDate};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::calendar::{CELL, MonthCalendar};
use super::{HistoryScreen, Page};
use crate::tui::keymap;
use crate::tui::theme::Theme;
use crate::tui::widgets::{keys_help, screen_frame};

pub const MIN_WIDTH: u16 = 72;
pub const MIN_HEIGHT: u16 = 22;

pub fn render(app: &HistoryScreen, theme: &Theme, f: &mut Frame) {
    let area = f.area();
    let commands = super::keys::commands(app.page);
    let keys = keymap::footer_text(&commands);
    let Some(inner) = screen_frame(f, theme, "History", &keys, (MIN_WIDTH, MIN_HEIGHT)) else { return };
    let help = keymap::help(&commands);
    if app.page != Page::Calendar {
        if app.page == Page::Comparisons {
            super::comparisons::render(app, theme, f, inner);
        } else {
            super::trends::render(app, theme, f, inner);
        }
        if app.help {
            keys_help(f, area, theme, &help, "any key closes this");
        }
        return;
    }
    // The calendar's width: six cells, the last day's "23✓▅" and a gap.
    // Wide cells (two spaces between days) when the summary keeps its 40 columns beside them.
    let width = |cell: u16| cell * 6 + 5;
    let cell = if inner.width >= width(CELL + 1) + 40 { CELL + 1 } else { CELL };
    let calendar = MonthCalendar {
        cell,
        facts: &app.facts,
        year: app.month.0,
        month: app.month.1,
        tonight: app.tonight,
        week_start: app.week_start,
        theme,
    };
    let mut lines = calendar.lines();
    lines.push(Line::styled("✓ done ½ partial R rest · missed", theme.dim()));
    lines.push(Line::styled("○ no cramps ▂▅▇ pain 1-3/4-6/7-10", theme.dim()));
    lines.push(Line::styled("p practice only (not counted)", theme.dim()));
    let summary = summary(app, theme);
    // As tall as the calendar or the wrapped summary, leaving the chart its rows.
    let side_width = usize::from(inner.width.saturating_sub(width(cell)).max(1));
    let wrapped: usize = summary.iter().map(|l| l.width().max(1).div_ceil(side_width)).sum();
    let needed = lines.len().max(wrapped) as u16;
    let [top, chart] =
        Layout::vertical([Constraint::Length(needed.min(inner.height.saturating_sub(8))), Constraint::Min(6)])
            .areas(inner);
    let [cal, side] = Layout::horizontal([Constraint::Length(width(cell)), Constraint::Min(20)]).areas(top);
    f.render_widget(Paragraph::new(lines), cal);
    f.render_widget(Paragraph::new(summary).wrap(Wrap { trim: false }), side);
    weekly_chart(app, theme, f, chart);
    if app.help {
        keys_help(f, area, theme, &help, "any key closes this");
    }
}

fn short_streak(s: &crate::stats::streak::Streak) -> String {
    format!("{} · best {}", s.current, s.longest)
}

fn summary(app: &HistoryScreen, theme: &Theme) -> Vec<Line<'static>> {
    let r = &app.report;
    let row = |label: &str, value: String| {
        Line::from(vec![Span::styled(format!("{label:<16}"), theme.dim()), Span::raw(value)])
    };
    let mut lines = Vec::new();
    // The doctor notice first, where no wrap or small window can push it out:
    // two lines of its own, so the wrap never leaves one word alone.
    for flag in &r.flags {
        lines.push(Line::styled(format!("! {}:", flag.reason), theme.warn()));
        lines.push(Line::styled("  worth talking to a doctor", theme.warn()));
    }
    lines.extend([
        row("Routine streak", short_streak(&r.streaks.routine)),
        row("Check-in streak", short_streak(&r.streaks.checkin)),
        row("Cramp-free", short_streak(&r.streaks.cramp_free)),
        row(
            "Consistency",
            format!("{:.0}% ({:+.0} in 30 nights)", r.consistency.score * 100.0, r.consistency.change_30),
        ),
        Line::from(""),
        Line::styled("Cramps in the last 30 nights", theme.title()),
        row("  with routine", app.insights().routine[0].split.with.short()),
        row("  without", app.insights().routine[0].split.without.short()),
        row("  difference", {
            let s = &app.insights().routine[0].split;
            crate::stats::difference::short(&s.difference, s.verdict)
        }),
    ]);
    if let Some(p) = app.insights().pain.average {
        lines.push(row("Worst pain", format!("{p:.1}/10 avg, {} nights", app.insights().pain.nights)));
    }
    lines
}

/// Cramps per week and the week's worst pain, each on its own chart and
/// scale, as many weeks as the width holds (up to 26). A week without a
/// check-in shows "—", never 0; a cramp-free week is marked in the calm colour.
fn weekly_chart(app: &HistoryScreen, theme: &Theme, f: &mut Frame, area: Rect) {
    let [left, right] = Layout::horizontal([Constraint::Ratio(1, 2), Constraint::Ratio(1, 2)]).areas(area);
    let weeks = (usize::from(left.width.saturating_sub(2)) + 1) / (BAR + 1);
    let weeks = weeks.clamp(1, 26) as u64;
    let this_week = app.tonight - Days::new(u64::from(app.tonight.weekday().num_days_from_monday()));
    let data: Vec<(String, WeekFacts)> = (0..weeks)
        .rev()
        .map(|w| {
            let start = this_week - Days::new(7 * w);
            // The axis: a month's name on its first week, the day of the month otherwise.
            let label = if start.day() <= 7 { start.format("%b").to_string() } else { start.format("%-d").to_string() };
            (label, week(app, start))
        })
        .collect();
    let most = data.iter().map(|(_, w)| w.cramps).max().unwrap_or(0).max(1);
    let cramps: Vec<(String, Option<u32>)> =
        data.iter().map(|(l, w)| (l.clone(), (w.checkins > 0).then_some(w.cramps))).collect();
    let pain: Vec<(String, Option<u32>)> = data.iter().map(|(l, w)| (l.clone(), w.worst.map(u32::from))).collect();
    let block = |title: String| {
        Block::bordered()
            .title(Line::styled(title, theme.title()))
            .title_bottom(Line::styled(" week starting (Mon) ", theme.dim()).right_aligned())
    };
    let left_block = block(format!(" Cramps a week · scale 0–{most} "));
    let inner = left_block.inner(left);
    let cramp_bars = bars(&cramps, most, inner.height, Series::Cramps, theme);
    f.render_widget(Paragraph::new(cramp_bars).block(left_block), left);
    let right_block = block(" Worst pain a week · scale 0–10 ".to_string());
    let inner = right_block.inner(right);
    f.render_widget(Paragraph::new(bars(&pain, 10, inner.height, Series::Pain, theme)).block(right_block), right);
}

/// The chart's two series, told apart by glyph as well as colour (so they
/// stay apart under `NO_COLOR` and in ASCII): cramps in solid bars drawn in
/// eighths of a cell, pain in shaded bars of whole cells.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Series {
    Cramps,
    Pain,
}

impl Series {
    fn style(self, theme: &Theme) -> Style {
        match self {
            Series::Cramps => theme.cramp(),
            Series::Pain => theme.gauge(),
        }
    }

    /// The glyph of a bar's cell filled to `eighths` (0-8).
    fn glyph(self, eighths: usize) -> char {
        const EIGHTHS: [char; 9] = [' ', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
        match self {
            Series::Cramps => EIGHTHS[eighths.min(8)],
            // Shaded whole cells: a cell at least half filled is drawn.
            Series::Pain if eighths >= 4 => '▒',
            Series::Pain => ' ',
        }
    }
}

/// Bars, the value under each bar and the week under that: a zero in the
/// calm colour, "—" (dim) for a week with nothing recorded.
fn bars(values: &[(String, Option<u32>)], max: u32, height: u16, series: Series, theme: &Theme) -> Vec<Line<'static>> {
    let style = series.style(theme);
    let rows = usize::from(height.saturating_sub(2)).max(1);
    let mut lines = Vec::with_capacity(rows + 2);
    for row in 0..rows {
        // Eighths of a cell below this row's bottom edge.
        let floor = (rows - 1 - row) * 8;
        let spans: Vec<Span> = values
            .iter()
            .map(|(_, v)| {
                let level = v.map_or(0, |v| (u64::from(v) * rows as u64 * 8 / u64::from(max.max(1))) as usize);
                let mut filled = level.saturating_sub(floor);
                if series == Series::Pain && floor == 0 && filled > 0 {
                    // Any pain shows at least one shaded cell.
                    filled = 8;
                }
                let ch = series.glyph(filled);
                Span::styled(format!("{} ", ch.to_string().repeat(BAR)), style)
            })
            .collect();
        lines.push(Line::from(spans));
    }
    lines.push(Line::from(
        values
            .iter()
            .map(|(_, v)| match v {
                None => Span::styled(format!("{:<w$}", "—", w = BAR + 1), theme.dim()),
                Some(0) => Span::styled(format!("{:<w$}", 0, w = BAR + 1), theme.hold()),
                Some(v) => Span::styled(format!("{v:<w$}", w = BAR + 1), style),
            })
            .collect::<Vec<_>>(),
    ));
    lines.push(Line::from(
        values.iter().map(|(l, _)| Span::styled(format!("{l:<w$}", w = BAR + 1), theme.dim())).collect::<Vec<_>>(),
    ));
    lines
}

/// Cells per bar: room for a three-letter month under it.
const BAR: usize = 3;

struct WeekFacts {
    checkins: u32,
    cramps: u32,
    /// The worst pain given on a cramp night (`None`: none given).
    worst: Option<u8>,
}

fn week(app: &HistoryScreen, start: NaiveDate) -> WeekFacts {
    let mut w = WeekFacts { checkins: 0, cramps: 0, worst: None };
    for d in 0..7 {
        if let Some(c) = app.facts.night(start + Days::new(d)).and_then(|n| n.checkin.as_ref()) {
            w.checkins += 1;
            w.cramps = w.cramps.saturating_add(c.cramps);
            if let Some(p) = c.pain.filter(|_| c.cramps > 0) {
                w.worst = Some(w.worst.map_or(p, |m| m.max(p)));
            }
        }
    }
    w
}
