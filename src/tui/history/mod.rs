//! The history screen: a month calendar of nights, cramps per week, and the
//! streaks, consistency and insights beside them.

pub mod calendar;
pub mod comparisons;
pub mod keys;
pub mod trends;
pub mod view;
pub mod whisker;

use std::cell::OnceCell;
use std::time::Instant;

use chrono::{Datelike, NaiveDate};
use crossterm::event::KeyEvent;
use ratatui::Frame;

use super::keymap;
use super::screen::{Effect, Input, Screen};
use super::tabs::Tab;
use super::theme::Theme;
use crate::checkin::Nights;
use crate::config::Config;
use crate::experiment::Plan;
use crate::journal::{Entries, Journal, JournalError};
use crate::stats::facts::Facts;
use crate::stats::insights::Insights;
use crate::stats::report::{Overview, overview};

/// The pages of the history screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    Calendar,
    /// Every comparison with its interval.
    Comparisons,
    /// Consistency over time, cramps by weekday.
    Trends,
}

pub struct HistoryScreen {
    /// A few bytes a night, read through the facts cache: the calendar and the
    /// weekly chart show any month from these, with no records kept.
    pub facts: Facts,
    /// Streaks, consistency and flags, computed once per read.
    pub report: Overview,
    /// The comparisons (bootstrap intervals over every night: the slow part),
    /// computed the first time they are shown.
    insights: OnceCell<Insights>,
    pub tonight: NaiveDate,
    /// The last night that is over: the comparisons' windows end there.
    pub last_over: NaiveDate,
    /// The month shown: (year, month).
    pub month: (i32, u32),
    pub help: bool,
    /// First day of the week in the calendar.
    pub week_start: chrono::Weekday,
    /// The page shown; `c`/Tab turns to the next.
    pub page: Page,
    /// The consistency score after each night, for the trends page.
    pub consistency: Vec<(NaiveDate, f64)>,
    /// A running or finished experiment and its result so far.
    pub experiment: Option<(crate::experiment::Plan, crate::experiment::Outcome)>,
}

impl HistoryScreen {
    /// Reads what the history shows: every night's facts through the facts
    /// cache, and a running experiment's nights. Every face opens the history
    /// through this (the home screen, `winddown history`).
    pub fn read(
        journal: &Journal,
        config: &Config,
        nights: Nights,
        plan: Option<Plan>,
    ) -> Result<HistoryScreen, JournalError> {
        let facts = Facts::read(journal)?;
        let experiment = match plan {
            Some(plan) => {
                let outcome = crate::experiment::read_outcome(journal, &plan, nights.last_over)?;
                Some((plan, outcome))
            }
            None => None,
        };
        Ok(HistoryScreen::with_settings(facts, config, nights, experiment))
    }

    /// The history as the settings and the clock say: the week starts on
    /// the configured day, windows end at the last night that is over, and
    /// an experiment's off nights neither break nor count toward the streak.
    pub fn with_settings(
        facts: Facts,
        config: &Config,
        nights: Nights,
        experiment: Option<(Plan, crate::experiment::Outcome)>,
    ) -> HistoryScreen {
        let plan = experiment.as_ref().map(|(p, _)| p);
        let report = overview(&facts, nights.current, |n| plan.is_some_and(|p| p.is_off_night(n)));
        let mut app = HistoryScreen::build(facts, report, (nights.current, nights.last_over), config.week_start);
        if let Some((plan, _)) = &experiment {
            app.consistency =
                crate::stats::score::series_with_off_nights(&app.facts, nights.current, |n| plan.is_off_night(n));
        }
        app.experiment = experiment;
        app
    }

    /// The history of some records with default settings (tests, previews).
    pub fn new(entries: Entries, tonight: NaiveDate) -> HistoryScreen {
        let facts = Facts::from_entries(&entries);
        let report = overview(&facts, tonight, |_| false);
        let last_over = tonight.pred_opt().unwrap_or(tonight);
        HistoryScreen::build(facts, report, (tonight, last_over), chrono::Weekday::Mon)
    }

    /// `nights`: tonight and the last night that is over.
    fn build(
        facts: Facts,
        report: Overview,
        (tonight, last_over): (NaiveDate, NaiveDate),
        week_start: chrono::Weekday,
    ) -> HistoryScreen {
        let consistency = crate::stats::score::series(&facts, tonight);
        HistoryScreen {
            facts,
            report,
            insights: OnceCell::new(),
            tonight,
            last_over,
            month: (tonight.year(), tonight.month()),
            help: false,
            week_start,
            page: Page::Calendar,
            consistency,
            experiment: None,
        }
    }

    /// The comparisons over every night up to the last one over.
    pub fn insights(&self) -> &Insights {
        self.insights.get_or_init(|| crate::stats::insights::insights(&self.facts, None, self.last_over))
    }

    /// A key: months and pages move here; leaving and the tabs are effects.
    fn handle_key(&mut self, key: KeyEvent) -> Vec<Effect> {
        if std::mem::take(&mut self.help) {
            return Vec::new();
        }
        let Some(action) = keymap::action_for(&keys::commands(self.page), &key) else { return Vec::new() };
        match action {
            keys::Action::PreviousMonth => self.shift(-1),
            keys::Action::NextMonth => self.shift(1),
            keys::Action::ThisMonth => self.month = (self.tonight.year(), self.tonight.month()),
            keys::Action::NextPage => {
                self.page = match self.page {
                    Page::Calendar => Page::Comparisons,
                    Page::Comparisons => Page::Trends,
                    Page::Trends => Page::Calendar,
                }
            }
            keys::Action::Help => self.help = true,
            keys::Action::Back => return vec![Effect::Close],
            keys::Action::Quit => return vec![Effect::Quit],
            keys::Action::Tab(m) => return vec![Effect::Open(m.from(Tab::History))],
        }
        Vec::new()
    }

    fn shift(&mut self, by: i32) {
        let index = self.month.0 * 12 + self.month.1 as i32 - 1 + by;
        let limit = self.tonight.year() * 12 + self.tonight.month() as i32 - 1;
        let index = index.min(limit);
        self.month = (index.div_euclid(12), index.rem_euclid(12) as u32 + 1);
    }
}

impl Screen for HistoryScreen {
    fn draw(&self, _now: Instant, theme: &Theme, f: &mut Frame) {
        view::render(self, theme, f);
    }

    fn handle(&mut self, input: Input, _now: Instant) -> Vec<Effect> {
        match input {
            Input::Key(key) => self.handle_key(key),
            _ => Vec::new(),
        }
    }
}
