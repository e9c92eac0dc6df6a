//! The history screen: a month calendar of nights, cramps per week, and the
//! streaks, consistency and insights beside them.

pub mod calendar;
pub mod comparisons;
pub mod trends;
pub mod view;
pub mod whisker;

use std::time::Instant;

use chrono::{Datelike, NaiveDate};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Frame;

use super::screen::Screen;
use super::theme::Theme;
use crate::checkin::Nights;
use crate::config::Config;
use crate::journal::Entries;
use crate::stats::facts::Facts;
use crate::stats::report::{Report, report, report_at};

/// The pages of the history screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    Calendar,
    /// Every comparison with its interval.
    Comparisons,
    /// Consistency over time, cramps by weekday.
    Trends,
}

pub struct HistoryApp {
    pub entries: Entries,
    pub report: Report,
    pub tonight: NaiveDate,
    /// The month shown: (year, month).
    pub month: (i32, u32),
    pub help: bool,
    pub quit: bool,
    /// First day of the week in the calendar.
    pub week_start: chrono::Weekday,
    /// The page shown; `c`/Tab turns to the next.
    pub page: Page,
    /// The consistency score after each night, for the trends page.
    pub consistency: Vec<(NaiveDate, f64)>,
    /// A running or finished experiment and its result so far.
    pub experiment: Option<(crate::experiment::Plan, crate::experiment::Outcome)>,
}

impl HistoryApp {
    /// The history as the settings and the clock say: the week starts on
    /// the configured day, and windows end at the last night that is over.
    /// Every face opens the history through this.
    pub fn with_settings(entries: Entries, config: &Config, nights: Nights) -> HistoryApp {
        let facts = Facts::from_entries(&entries);
        let report = report_at(&facts, nights.current, nights.last_over, None);
        HistoryApp::build(entries, &facts, report, nights.current, config.week_start)
    }

    /// The history with default settings (tests, previews).
    pub fn new(entries: Entries, tonight: NaiveDate) -> HistoryApp {
        let facts = Facts::from_entries(&entries);
        let report = report(&facts, tonight, None);
        HistoryApp::build(entries, &facts, report, tonight, chrono::Weekday::Mon)
    }

    fn build(
        entries: Entries,
        facts: &Facts,
        report: Report,
        tonight: NaiveDate,
        week_start: chrono::Weekday,
    ) -> HistoryApp {
        HistoryApp {
            entries,
            report,
            tonight,
            month: (tonight.year(), tonight.month()),
            help: false,
            quit: false,
            week_start,
            page: Page::Calendar,
            consistency: crate::stats::score::series(facts, tonight),
            experiment: None,
        }
    }

    pub fn handle_key(&mut self, key: KeyEvent) {
        if self.help {
            self.help = false;
            return;
        }
        let ctrl_c = key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c');
        match key.code {
            _ if ctrl_c => self.quit = true,
            KeyCode::Left | KeyCode::Char('h') => self.shift(-1),
            KeyCode::Right | KeyCode::Char('l') => self.shift(1),
            KeyCode::Char('t') => self.month = (self.tonight.year(), self.tonight.month()),
            KeyCode::Char('c') | KeyCode::Tab => {
                self.page = match self.page {
                    Page::Calendar => Page::Comparisons,
                    Page::Comparisons => Page::Trends,
                    Page::Trends => Page::Calendar,
                }
            }
            KeyCode::Char('?') => self.help = true,
            KeyCode::Esc | KeyCode::Char('q') => self.quit = true,
            _ => {}
        }
    }

    /// Moves the calendar by months, never past this month.
    fn shift(&mut self, by: i32) {
        let index = self.month.0 * 12 + self.month.1 as i32 - 1 + by;
        let limit = self.tonight.year() * 12 + self.tonight.month() as i32 - 1;
        let index = index.min(limit);
        self.month = (index.div_euclid(12), index.rem_euclid(12) as u32 + 1);
    }
}

impl Screen for HistoryApp {
    fn draw(&self, _now: Instant, theme: &Theme, f: &mut Frame) {
        view::render(self, theme, f);
    }
    fn on_key(&mut self, key: KeyEvent, _now: Instant) {
        self.handle_key(key);
    }
    fn finished(&self) -> bool {
        self.quit
    }
    fn min_size(&self) -> (u16, u16) {
        (view::MIN_WIDTH, view::MIN_HEIGHT)
    }
}
