//! A month of nights as a grid, readable without colour: a routine mark and a
//! cramp mark for every night.

use chrono::{Datelike, Days, NaiveDate, Weekday};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::stats::facts::Facts;
use crate::stats::{NightMark, facts_mark};
use crate::tui::theme::Theme;

/// The narrowest day's cell: "23✓▅ "; where there is room a cell is one
/// wider, "23✓▅  ", two spaces to the next day, so each mark sits with its own day.
pub const CELL: u16 = 5;

pub struct MonthCalendar<'a> {
    /// Columns a day takes: `CELL` or more.
    pub cell: u16,
    pub facts: &'a Facts,
    pub year: i32,
    pub month: u32,
    pub tonight: NaiveDate,
    pub week_start: Weekday,
    pub theme: &'a Theme,
}

/// The routine mark: ✓ done, ½ partial, R rest, p practice only, · missed, blank for tonight (pending) or the future.
pub fn routine_mark(m: NightMark, pending: bool) -> &'static str {
    match m {
        NightMark::Done => "✓",
        NightMark::Partial => "½",
        NightMark::Rest => "R",
        NightMark::Practice => "p",
        NightMark::Missed if pending => " ",
        NightMark::Missed => "·",
    }
}

/// The cramp mark: ○ checked in without cramps; ▂ ▅ ▇ cramps by worst pain
/// (1-3, 4-6, 7-10), told apart by height (and in ASCII by `_ = #`), with a
/// gap above the tallest so marks of nights a week apart do not run into a
/// stripe; ● cramps, pain not given.
pub fn cramp_mark(facts: &Facts, night: NaiveDate) -> &'static str {
    match facts.night(night).and_then(|n| n.checkin.as_ref()) {
        None => " ",
        Some(c) if c.cramps == 0 => "○",
        Some(c) => match c.pain {
            None => "●",
            Some(0..=3) => "▂",
            Some(4..=6) => "▅",
            Some(_) => "▇",
        },
    }
}

/// A routine mark's colour (its shape says the same without colour).
pub fn routine_style(theme: &Theme, m: NightMark) -> Style {
    match m {
        NightMark::Done => theme.hold(),
        NightMark::Partial => theme.pause(),
        NightMark::Rest => theme.gauge(),
        NightMark::Missed | NightMark::Practice => theme.dim(),
    }
}

/// A cramp mark's colour: a cramp-free night is good news, cramps are data;
/// neither is an alarm.
pub fn cramp_style(theme: &Theme, mark: &str) -> Style {
    if mark == "○" { theme.hold() } else { theme.cramp() }
}

impl MonthCalendar<'_> {
    fn style_for(&self, m: NightMark) -> Style {
        routine_style(self.theme, m)
    }

    pub fn lines(&self) -> Vec<Line<'static>> {
        let Some(first) = NaiveDate::from_ymd_opt(self.year, self.month, 1) else {
            return Vec::new();
        };
        let title = first.format("%B %Y").to_string();
        let mut lines = vec![Line::styled(format!("{title:^w$}", w = (self.cell * 7) as usize), self.theme.title())];
        let mut head = Vec::new();
        for i in 0..7 {
            let wd = day_after(self.week_start, i);
            head.push(Span::styled(format!("{:<w$}", &wd.to_string()[..2], w = self.cell as usize), self.theme.dim()));
        }
        lines.push(Line::from(head));
        let offset = first.weekday().days_since(self.week_start) as u64;
        let mut day = first - Days::new(offset);
        loop {
            let mut spans = Vec::new();
            for _ in 0..7 {
                if day.month() != self.month {
                    spans.push(Span::raw(" ".repeat(self.cell as usize)));
                } else if day > self.tonight {
                    spans.push(Span::styled(
                        format!("{:>2}{}", day.day(), " ".repeat(self.cell as usize - 2)),
                        self.theme.dim(),
                    ));
                } else {
                    let m = facts_mark(self.facts.night(day));
                    // Tonight is still open; nights before the journal began are not misses.
                    let before_start = self.facts.nights.keys().next().is_none_or(|first| day < *first);
                    let pending = day == self.tonight || before_start;
                    let mut num_style = self.style_for(m);
                    if day == self.tonight {
                        num_style = num_style.add_modifier(ratatui::style::Modifier::UNDERLINED);
                    }
                    spans.push(Span::styled(format!("{:>2}", day.day()), num_style));
                    spans.push(Span::styled(routine_mark(m, pending), self.style_for(m)));
                    let mark = cramp_mark(self.facts, day);
                    spans.push(Span::styled(mark, cramp_style(self.theme, mark)));
                    spans.push(Span::raw(" ".repeat(self.cell as usize - 4)));
                }
                day = day + Days::new(1);
            }
            lines.push(Line::from(spans));
            // `day` now starts the next row: past the month's end, we are done.
            if day.month() != self.month {
                break;
            }
        }
        lines
    }
}

fn day_after(w: Weekday, n: u32) -> Weekday {
    (0..n).fold(w, |d, _| d.succ())
}

impl Widget for MonthCalendar<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        for (i, line) in self.lines().into_iter().enumerate() {
            if i as u16 >= area.height {
                break;
            }
            buf.set_line(area.x, area.y + i as u16, &line, area.width);
        }
    }
}
