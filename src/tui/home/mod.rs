//! The app as a whole: the home screen with its tabs (Tonight, Check-in,
//! History, Routines), the welcome on first run, and the coach when it runs.

pub mod editor;
mod experiment;
pub mod routines;
pub mod view;

use std::path::PathBuf;
use std::time::Instant;

use chrono::{DateTime, FixedOffset, NaiveDate};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Frame;

use super::checkin::CheckinForm;
use super::coach::CoachApp;
use super::history::HistoryApp;
use super::screen::Screen;
use super::theme::Theme;
use crate::clock::WallClock;
use crate::config::Config;
use crate::journal::{Entries, Journal};
use crate::paths::Paths;
use crate::routine::{Library, Routine};
use crate::session::Cue;
use crate::stats::checkpoint::Summary;
use crate::stats::facts::Facts;
use crate::stats::report::Overview;
use routines::RoutinesTab;

/// Said when a routine or check-in is refused because the journal cannot be used.
const JOURNAL_BLOCKS: &str = "nothing can be recorded until the journal is fixed (see above)";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Tonight,
    Checkin,
    History,
    Routines,
}

impl Tab {
    pub const ALL: [Tab; 4] = [Tab::Tonight, Tab::Checkin, Tab::History, Tab::Routines];

    pub fn title(self) -> &'static str {
        match self {
            Tab::Tonight => "Tonight",
            Tab::Checkin => "Check-in",
            Tab::History => "History",
            Tab::Routines => "Routines",
        }
    }
}

pub struct HomeApp {
    pub paths: Paths,
    pub config: Config,
    /// Problems in config.toml, told once on the home screen.
    pub config_problems: Vec<String>,
    pub journal: Journal,
    /// Wall-clock time from the monotonic clock.
    clock: WallClock,
    pub tab: Tab,
    pub welcome: bool,
    pub help: bool,
    pub library: Library,
    /// The records of the nights the home screen acts on (last night's
    /// check-in, tonight's runs).
    pub recent: Entries,
    /// The streaks, consistency and flags of the whole history and the
    /// recent nights' facts, read at a cost independent of its length.
    pub summary: Summary,
    /// A running experiment's plan (off nights, tonight's line).
    pub experiment: Option<crate::experiment::Plan>,
    /// Index into `library.entries` of tonight's routine.
    pub picked: usize,
    pub checkin: Option<CheckinForm>,
    /// The History tab: read when it is shown (it reads every night).
    pub history: HistoryApp,
    history_read: bool,
    pub routines: RoutinesTab,
    pub coach: Option<CoachApp>,
    pub speed: f64,
    pub message: Option<String>,
    /// Records with two different answers from two machines, waiting for `winddown journal resolve`.
    pub contradictions: usize,
    /// Why the journal cannot be read or written: shown on the Tonight tab,
    /// and no routine or check-in starts (it would not be recorded).
    pub journal_error: Option<String>,
    pub quit: bool,
    /// What the routines folder looked like at the last look (names, sizes, times).
    routines_seen: Vec<(PathBuf, u64, Option<std::time::SystemTime>)>,
    last_scan: Option<Instant>,
    redraw: bool,
}

impl HomeApp {
    pub fn new(
        paths: Paths,
        config: Config,
        config_problems: Vec<String>,
        wall_now: DateTime<FixedOffset>,
        now: Instant,
    ) -> HomeApp {
        let journal = Journal::new(paths.journal_dir());
        let welcome = journal.is_empty().unwrap_or(false);
        let tonight = config.night_rule().at(wall_now).current;
        let mut app = HomeApp {
            library: Library::default(),
            recent: Entries::default(),
            experiment: None,
            summary: Summary::full(Facts::default(), tonight, &Default::default()),
            history: HistoryApp::new(Entries::default(), tonight),
            history_read: false,
            routines: RoutinesTab::default(),
            paths,
            config,
            config_problems,
            journal,
            clock: WallClock::new(wall_now, now),
            tab: Tab::Tonight,
            welcome,
            help: false,
            picked: 0,
            checkin: None,
            coach: None,
            speed: 1.0,
            message: None,
            contradictions: 0,
            journal_error: None,
            quit: false,
            routines_seen: Vec::new(),
            last_scan: None,
            redraw: false,
        };
        app.reload(now);
        app.picked = app.library.entries.iter().position(|e| e.id == app.config.default_routine).unwrap_or(0);
        app
    }

    /// The facts of the recent nights (from `summary.recent_from` on).
    pub fn facts(&self) -> &Facts {
        &self.summary.recent
    }

    /// The first night with any record.
    pub fn first_night(&self) -> Option<NaiveDate> {
        self.summary.first_night
    }

    /// The streaks, consistency and flags, computed once per reload.
    pub fn report(&self) -> &Overview {
        &self.summary.overview
    }

    /// Wall-clock time now.
    pub fn wall(&self, now: Instant) -> DateTime<FixedOffset> {
        self.clock.at(now)
    }

    /// Where now stands among the nights (the one rule: `checkin::nights`).
    pub fn nights(&self, now: Instant) -> crate::checkin::Nights {
        self.config.night_rule().at(self.wall(now))
    }

    /// The night going on now: tonight, still tonight after midnight.
    pub fn tonight(&self, now: Instant) -> NaiveDate {
        self.nights(now).current
    }

    /// The last night that is over (what the morning check-in is about).
    pub fn last_night(&self, now: Instant) -> NaiveDate {
        self.nights(now).last_over
    }

    /// Re-reads routines and the journal (after a run, a check-in, an edit).
    pub fn reload(&mut self, now: Instant) {
        let picked_id = self.library.entries.get(self.picked).map(|e| e.id.clone());
        self.library = Library::load(&self.paths.routines_dir());
        if let Some(id) = picked_id {
            self.picked = self.library.entries.iter().position(|e| e.id == id).unwrap_or(0);
        }
        let nights = self.nights(now);
        self.experiment = match crate::experiment::store::load(&self.paths.data_dir) {
            Ok(plan) => plan,
            Err(e) => {
                self.message = Some(e.to_string());
                None
            }
        };
        let recent = self.journal.read_range(Some(nights.last_over.min(nights.current)), None);
        let off = self.experiment.as_ref().map(|p| p.off_nights()).unwrap_or_default();
        match recent.and_then(|r| Ok((r, crate::stats::overview_fast(&self.journal, nights.current, &off)?))) {
            Ok((recent, summary)) => {
                self.recent = recent;
                self.summary = summary;
                self.history_read = false;
                self.journal_error = crate::fsutil::dir_unwritable(&self.paths.journal_dir());
            }
            Err(e) => self.journal_error = Some(e.to_string()),
        }
        self.contradictions = self.journal.contradictions().map_or(0, |c| c.len());
        self.routines.clamp(self.library.entries.len());
        self.routines_seen = self.routines_fingerprint();
    }

    /// Reads the History tab once it is shown after a start or a reload.
    fn read_history(&mut self, now: Instant) {
        if self.tab != Tab::History || self.history_read {
            return;
        }
        self.history_read = true;
        match HistoryApp::read(&self.journal, &self.config, self.nights(now), self.experiment.clone()) {
            Ok(history) => self.history = history,
            Err(e) => self.journal_error = Some(e.to_string()),
        }
    }

    /// A cheap look at the routines folder: names, sizes and modification times.
    fn routines_fingerprint(&self) -> Vec<(PathBuf, u64, Option<std::time::SystemTime>)> {
        let mut out: Vec<_> = std::fs::read_dir(self.paths.routines_dir())
            .into_iter()
            .flatten()
            .flatten()
            .filter_map(|e| {
                let meta = e.metadata().ok()?;
                Some((e.path(), meta.len(), meta.modified().ok()))
            })
            .collect();
        out.sort();
        out
    }

    /// Picks up routine files changed in another window (never under a running coach).
    fn watch_routines(&mut self, now: Instant) {
        if self.last_scan.is_some_and(|t| now.saturating_duration_since(t) < std::time::Duration::from_secs(1)) {
            return;
        }
        self.last_scan = Some(now);
        // The editor's own saves are picked up when it closes.
        if self.routines.editor.is_none() && self.routines_fingerprint() != self.routines_seen {
            self.reload(now);
            self.message = Some("routines changed on disk: reloaded".into());
            self.redraw = true;
        }
    }

    /// Tonight's routine, if the picked one is valid.
    pub fn picked_routine(&self) -> Option<&Routine> {
        self.library.entries.get(self.picked).and_then(|e| e.routine.as_ref().ok())
    }

    /// Whether last night still needs its check-in.
    pub fn needs_checkin(&self, now: Instant) -> bool {
        let last = self.last_night(now);
        self.recent.night(last).is_none_or(|n| n.checkin.is_none())
    }

    fn start_routine(&mut self, now: Instant) {
        if self.journal_error.is_some() {
            self.message = Some(JOURNAL_BLOCKS.into());
            return;
        }
        let Some(routine) = self.picked_routine().cloned() else {
            self.message = Some("that routine has errors: fix it in the Routines tab (4)".into());
            return;
        };
        let night = self.tonight(now);
        let tonight_runs = self.recent.night(night).map(|n| n.runs.clone()).unwrap_or_default();
        let mut coach =
            CoachApp::new(routine, self.speed, self.journal.clone(), night, &tonight_runs, self.wall(now), now);
        coach.experiment = self.experiment_tonight(night);
        coach.inside_app = true;
        self.coach = Some(coach);
    }

    fn open_checkin(&mut self, now: Instant) {
        let nights = self.nights(now);
        self.checkin = Some(CheckinForm::new(self.journal.clone(), nights.last_over, nights));
        self.tab = Tab::Checkin;
    }

    fn switch(&mut self, tab: Tab, now: Instant) {
        if tab == Tab::Checkin && self.journal_error.is_some() {
            self.tab = Tab::Tonight;
            self.message = Some(JOURNAL_BLOCKS.into());
            return;
        }
        match tab {
            Tab::Checkin => self.open_checkin(now),
            _ => self.tab = tab,
        }
        self.message = None;
    }

    fn home_key(&mut self, key: KeyEvent, now: Instant) {
        match key.code {
            KeyCode::Char('1') => self.switch(Tab::Tonight, now),
            KeyCode::Char('2') | KeyCode::Char('c') if self.tab != Tab::Routines || key.code == KeyCode::Char('2') => {
                self.switch(Tab::Checkin, now)
            }
            KeyCode::Char('3') => self.switch(Tab::History, now),
            KeyCode::Char('4') => self.switch(Tab::Routines, now),
            KeyCode::Tab => {
                let i = Tab::ALL.iter().position(|t| *t == self.tab).unwrap_or(0);
                self.switch(Tab::ALL[(i + 1) % 4], now);
            }
            KeyCode::BackTab => {
                let i = Tab::ALL.iter().position(|t| *t == self.tab).unwrap_or(0);
                self.switch(Tab::ALL[(i + 3) % 4], now);
            }
            KeyCode::Char('?') => self.help = true,
            _ => match self.tab {
                Tab::Tonight => self.tonight_key(key, now),
                Tab::Routines => self.routines_key(key, now),
                _ => {}
            },
        }
    }

    fn tonight_key(&mut self, key: KeyEvent, now: Instant) {
        let n = self.library.entries.len().max(1);
        match key.code {
            KeyCode::Enter => self.start_routine(now),
            KeyCode::Up | KeyCode::Char('k') => self.picked = (self.picked + n - 1) % n,
            KeyCode::Down | KeyCode::Char('j') => self.picked = (self.picked + 1) % n,
            KeyCode::Char('h') => self.tab = Tab::History,
            KeyCode::Char('q') | KeyCode::Esc => self.quit = true,
            _ => {}
        }
    }

    fn routines_key(&mut self, key: KeyEvent, now: Instant) {
        if let Some(msg) = self.routines.handle_key(key, &self.library, &self.paths) {
            self.message = Some(msg);
        }
        if self.routines.changed {
            self.routines.changed = false;
            self.reload(now);
        }
        if let Some(id) = self.routines.make_default.take() {
            match crate::config::set_default_routine(&self.paths.config_file(), &id) {
                Ok(()) => {
                    self.config.default_routine = id.clone();
                    self.picked = self.library.entries.iter().position(|e| e.id == id).unwrap_or(self.picked);
                    self.message = Some(format!("\"{id}\" is now the default routine"));
                }
                Err(e) => self.message = Some(e),
            }
        }
        if self.routines.leave {
            self.routines.leave = false;
            self.tab = Tab::Tonight;
        }
    }
}

impl Screen for HomeApp {
    fn draw(&self, now: Instant, theme: &Theme, f: &mut Frame) {
        view::render(self, now, theme, f);
    }

    fn on_key(&mut self, key: KeyEvent, now: Instant) {
        if let Some(coach) = &mut self.coach {
            coach.handle_key(key, now);
            return;
        }
        if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
            self.quit = true;
            return;
        }
        if self.welcome {
            self.welcome = false;
            return;
        }
        if self.help {
            self.help = false;
            return;
        }
        match self.tab {
            // The form takes every key (digits and Tab are its own); Esc leaves it.
            Tab::Checkin => {
                if let Some(form) = &mut self.checkin {
                    form.handle_key(key, now);
                    if form.is_finished() {
                        let to_history = form.open_history;
                        self.checkin = None;
                        self.reload(now);
                        self.tab = if to_history { Tab::History } else { Tab::Tonight };
                    }
                } else {
                    self.tab = Tab::Tonight;
                }
            }
            Tab::History
                if !matches!(key.code, KeyCode::Char('1' | '2' | '3' | '4') | KeyCode::Tab | KeyCode::BackTab) =>
            {
                self.history.handle_key(key);
                if self.history.quit {
                    self.history.quit = false;
                    self.tab = Tab::Tonight;
                }
            }
            _ if self.routines.naming.is_some() || self.routines.editor.is_some() => self.routines_key(key, now),
            _ => self.home_key(key, now),
        }
        self.read_history(now);
    }

    fn on_tick(&mut self, now: Instant) {
        if self.coach.is_none() {
            self.watch_routines(now);
        }
        if let Some(coach) = &mut self.coach {
            coach.tick(now);
            if coach.quit {
                let to_history = coach.open_history;
                self.coach = None;
                self.reload(now);
                self.tab = if to_history { Tab::History } else { Tab::Tonight };
            }
        }
        self.read_history(now);
    }

    fn next_wake(&self, now: Instant) -> Option<Instant> {
        self.coach.as_ref().and_then(|c| c.next_wake(now))
    }

    fn finished(&self) -> bool {
        self.quit
    }

    fn take_redraw(&mut self) -> bool {
        std::mem::take(&mut self.redraw)
    }

    fn on_signal(&mut self, now: Instant) {
        if let Some(coach) = &mut self.coach {
            coach.quit_and_save(now);
        }
        self.quit = true;
    }

    fn take_cues(&mut self) -> Vec<(Cue, String)> {
        self.coach.as_mut().map(|c| std::mem::take(&mut c.pending_cues)).unwrap_or_default()
    }

    fn take_utterances(&mut self) -> Vec<crate::cues::Utterance> {
        self.coach.as_mut().map(|c| std::mem::take(&mut c.pending_utterances)).unwrap_or_default()
    }

    fn min_size(&self) -> (u16, u16) {
        (view::MIN_WIDTH, view::MIN_HEIGHT)
    }

    fn take_edit_request(&mut self) -> Option<PathBuf> {
        self.routines.edit_request.take()
    }

    fn edit_done(&mut self, result: Result<(), String>, now: Instant) {
        self.message = Some(self.routines.after_edit(result));
        self.reload(now);
    }

    fn on_suspend(&mut self, now: Instant) {
        if let Some(coach) = &mut self.coach {
            <CoachApp as Screen>::on_suspend(coach, now);
        }
    }
}
