//! The app: every full-screen face of winddown in one event loop. It holds
//! the context, the home screen's tabs (Tonight, Check-in, History,
//! Routines) and the screens that take the whole terminal (the coach, the
//! cramp screen). Keys and the clock go to the screen in front; the effects
//! it returns are carried out in `perform`, and their answers go back to it.

pub mod context;
pub mod perform;
pub mod recorder;
pub mod view;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use chrono::{NaiveDate, Timelike};

pub use super::home_data::HomeData;
pub use context::AppContext;
pub use perform::Outside;
pub use recorder::Recorder;

use super::checkin::CheckinForm;
use super::coach::CoachScreen;
use super::cramp::CrampScreen;
use super::history::HistoryScreen;
use super::routines::RoutinesTab;
use super::screen::{Effect, Input, Screen};
use super::tabs::Tab;
use super::tonight::TonightTab;
use crate::routine::Routine;

/// Said when a routine or check-in is refused because the journal cannot be used.
const JOURNAL_BLOCKS: &str = "nothing can be recorded until the journal is fixed (see above)";

/// How often the routines folder is looked at for changes made elsewhere.
const ROUTINES_LOOK: Duration = Duration::from_secs(1);

/// Where the app opens.
pub enum Start {
    /// The home screen (`winddown`).
    Home,
    /// The coach on this routine (`winddown run`).
    Coach(Routine),
    /// The check-in form for a night that is over (`winddown checkin`).
    Checkin(NaiveDate),
    /// The history (`winddown history`).
    History,
    /// The 3 a.m. cramp screen (`winddown cramp`).
    Cramp,
}

/// A screen that takes the whole terminal, over the tabs.
pub enum Front {
    Coach(Box<CoachScreen>),
    Cramp(Box<CrampScreen>),
}

pub struct App {
    pub ctx: AppContext,
    pub data: HomeData,
    pub tab: Tab,
    pub front: Option<Front>,
    pub tonight: TonightTab,
    pub routines: RoutinesTab,
    /// The form while the Check-in tab is open.
    pub checkin: Option<CheckinForm>,
    /// The History tab, read when it is shown (it reads every night).
    pub history: Option<HistoryScreen>,
    /// Shown until a key is pressed, on a first run (an empty journal).
    pub welcome: bool,
    /// The status row's message (the last action's outcome).
    pub message: Option<String>,
    /// A command opened the screen in front: leaving it ends the program
    /// (rather than going back to Tonight) until the user switches tabs.
    pub standalone: bool,
    /// The last coach and form, kept after they close (for the command's
    /// closing line).
    pub last_coach: Option<Box<CoachScreen>>,
    pub last_checkin: Option<CheckinForm>,
    quit: bool,
    /// `data` has been read (not yet when a command opened the coach or the cramp screen).
    data_read: bool,
    /// The night that was tonight when `data` was read.
    data_night: NaiveDate,
    /// What the routines folder looked like at the last look (names, sizes, times).
    routines_seen: Vec<(PathBuf, u64, Option<std::time::SystemTime>)>,
    last_look: Option<Instant>,
}

impl App {
    /// The app opening at `start`. A screen that cannot open (a journal that
    /// cannot be read for the coach) is an error for the command to report.
    pub fn open(ctx: AppContext, start: Start, now: Instant) -> Result<App, String> {
        // The coach and the cramp screen open at once: the home screen's data
        // (the whole history's streaks) is read only if the user goes there.
        let full_screen = matches!(start, Start::Coach(_) | Start::Cramp);
        let data = if full_screen { HomeData::unread(ctx.nights(now).current) } else { ctx.home_data(now) };
        let welcome = matches!(start, Start::Home) && ctx.journal.is_empty().unwrap_or(false);
        let picked = data.library.entries.iter().position(|e| e.id == ctx.config.default_routine).unwrap_or(0);
        let mut app = App {
            tab: Tab::Tonight,
            front: None,
            tonight: TonightTab { picked, help: false },
            routines: RoutinesTab::default(),
            checkin: None,
            history: None,
            welcome,
            message: None,
            standalone: !matches!(start, Start::Home),
            last_coach: None,
            last_checkin: None,
            quit: false,
            routines_seen: Vec::new(),
            last_look: None,
            data_read: !full_screen,
            data_night: ctx.nights(now).current,
            ctx,
            data,
        };
        app.message = app.data.problem.take();
        app.routines_seen = app.routines_fingerprint();
        match start {
            Start::Home => {}
            Start::Coach(routine) => app.front = Some(Front::Coach(Box::new(app.ctx.coach(routine, now, false)?))),
            Start::Checkin(night) => {
                app.checkin = Some(app.ctx.checkin(night, now));
                app.tab = Tab::Checkin;
            }
            Start::History => {
                app.history = Some(app.ctx.history(now)?);
                app.tab = Tab::History;
            }
            Start::Cramp => app.front = Some(Front::Cramp(Box::new(app.ctx.cramp(now)))),
        }
        Ok(app)
    }

    /// Whether the user is done (or a signal ended the program).
    pub fn finished(&self) -> bool {
        self.quit
    }

    /// Smallest size the screen in front lays out in; below it, `q` and Esc quit at once.
    pub fn min_size(&self) -> (u16, u16) {
        match (&self.front, self.tab) {
            (Some(Front::Coach(_)), _) => (super::coach::view::MIN_WIDTH, super::coach::view::MIN_HEIGHT),
            (Some(Front::Cramp(_)), _) => (super::cramp::view::MIN_WIDTH, super::cramp::view::MIN_HEIGHT),
            (None, Tab::Checkin) => (super::checkin::view::MIN_WIDTH, super::checkin::view::MIN_HEIGHT),
            (None, Tab::History) => (super::history::view::MIN_WIDTH, super::history::view::MIN_HEIGHT),
            (None, _) => (view::MIN_WIDTH, view::MIN_HEIGHT),
        }
    }

    /// When the screen in front next changes with no key pressed.
    pub fn next_wake(&self, now: Instant) -> Option<Instant> {
        match &self.front {
            Some(Front::Coach(c)) => c.next_wake(now),
            Some(Front::Cramp(c)) => c.next_wake(now),
            // The tabs show the time to the minute, and what tonight is.
            None => {
                let wall = self.ctx.wall(now);
                let into = u64::from(wall.second()) * 1000 + u64::from(wall.timestamp_subsec_millis());
                Some(now + Duration::from_millis(60_000u64.saturating_sub(into).max(1)))
            }
        }
    }

    /// An input from the loop: goes to the screen in front, and what it
    /// asks for is carried out (answers go back to it). Returns whether
    /// anything may have changed on screen.
    pub fn handle(&mut self, input: Input, now: Instant, out: &mut dyn Outside) -> bool {
        let tick = matches!(input, Input::Tick);
        let signal = matches!(input, Input::Signal);
        let mut changed = !tick;
        if tick && self.front.is_none() {
            changed |= self.watch_routines(now);
            // A night ended while the home screen was open: what it shows is read again.
            if self.data_read && self.ctx.nights(now).current != self.data_night {
                self.reload(now);
                changed = true;
            }
        }
        let mut effects = self.route(input, now);
        changed |= !effects.is_empty();
        // Answers go to the screen that asked; what it asks next is carried out in turn.
        while !effects.is_empty() {
            for effect in std::mem::take(&mut effects) {
                if let Some(answer) = self.perform(effect, now, out) {
                    effects.extend(self.route(answer, now));
                }
            }
        }
        if signal {
            self.quit = true;
        }
        changed
    }

    /// The screen in front takes the input.
    fn route(&mut self, input: Input, now: Instant) -> Vec<Effect> {
        match &mut self.front {
            Some(Front::Coach(c)) => return c.handle(input, now),
            Some(Front::Cramp(c)) => return c.handle(input, now),
            None => {}
        }
        let Input::Key(key) = input else {
            return match (self.tab, &mut self.checkin) {
                (Tab::Checkin, Some(form)) => form.handle(input, now),
                (Tab::Routines, _) => self.routines.answer(input),
                _ => Vec::new(),
            };
        };
        if self.welcome {
            // Any key goes on to the home screen; Ctrl-C still quits.
            self.welcome = false;
            let ctrl_c = key.code == crossterm::event::KeyCode::Char('c')
                && key.modifiers.contains(crossterm::event::KeyModifiers::CONTROL);
            return if ctrl_c { vec![Effect::Quit] } else { Vec::new() };
        }
        match self.tab {
            Tab::Tonight => self.tonight.handle(key, &self.data),
            Tab::Checkin => match &mut self.checkin {
                Some(form) => form.handle(Input::Key(key), now),
                None => vec![Effect::Open(Tab::Tonight)],
            },
            Tab::History => match &mut self.history {
                Some(history) => history.handle(Input::Key(key), now),
                None => vec![Effect::Open(Tab::Tonight)],
            },
            Tab::Routines => self.routines.handle(key, &self.data.library),
        }
    }

    /// The screen in front is done: back to Tonight, or out when a command opened it.
    fn close(&mut self, now: Instant) {
        if self.standalone {
            // Left as it is, for the command's closing line.
            self.quit = true;
            return;
        }
        let front = self.front.take();
        if let Some(Front::Coach(coach)) = front {
            self.last_coach = Some(coach);
            self.reload(now);
        } else if !self.data_read {
            self.reload(now);
        } else if front.is_none()
            && let Some(form) = self.checkin.take()
        {
            self.last_checkin = Some(form);
            self.reload(now);
        }
        self.tab = Tab::Tonight;
    }

    /// The night that was tonight when the home screen's data was read.
    pub fn read_for_night(&self) -> NaiveDate {
        self.data_night
    }

    /// The coach in front, or the last one that was.
    pub fn front_coach(&self) -> Option<&CoachScreen> {
        match &self.front {
            Some(Front::Coach(c)) => Some(c),
            _ => self.last_coach.as_deref(),
        }
    }

    /// The cramp screen in front.
    pub fn front_cramp(&self) -> Option<&CrampScreen> {
        match &self.front {
            Some(Front::Cramp(c)) => Some(c),
            _ => None,
        }
    }

    /// Shows a tab: the user moving around the app (so leaving a tab no
    /// longer ends the program), or `h` on a summary (`moved` false: leaving
    /// the history goes where leaving the summary would have).
    fn open_tab(&mut self, tab: Tab, moved: bool, now: Instant) {
        if moved {
            self.standalone = false;
        }
        if !self.data_read {
            self.reload(now);
        }
        if let Some(Front::Coach(coach)) = self.front.take() {
            self.last_coach = Some(coach);
            self.reload(now);
        }
        if tab != Tab::Checkin
            && let Some(form) = self.checkin.take()
        {
            self.last_checkin = Some(form);
            self.reload(now);
        }
        self.message = None;
        if tab == Tab::History && self.history.is_none() {
            match self.ctx.history(now) {
                Ok(history) => self.history = Some(history),
                Err(e) => {
                    self.message = Some(e);
                    return;
                }
            }
        }
        if tab == Tab::Checkin {
            if self.data.journal_error.is_some() {
                self.tab = Tab::Tonight;
                self.message = Some(JOURNAL_BLOCKS.into());
                return;
            }
            if self.checkin.is_none() {
                let night = self.ctx.nights(now).last_over;
                self.checkin = Some(self.ctx.checkin(night, now));
            }
        }
        self.tab = tab;
    }

    /// Tonight's picked routine in the coach (its first phase is announced
    /// by the `Input::Open` the app sends it next).
    fn start_routine(&mut self, now: Instant) {
        if self.data.journal_error.is_some() {
            self.message = Some(JOURNAL_BLOCKS.into());
            return;
        }
        let Some(routine) = self.tonight.routine(&self.data).cloned() else {
            let n = Tab::ALL.iter().position(|t| *t == Tab::Routines).map_or(4, |i| i + 1);
            self.message = Some(format!("that routine has errors: fix it in the Routines tab ({n})"));
            return;
        };
        match self.ctx.coach(routine, now, true) {
            Ok(coach) => self.front = Some(Front::Coach(Box::new(coach))),
            Err(e) => self.message = Some(e),
        }
    }

    /// Re-reads the routines and the journal (after a run, a check-in, an edit).
    pub fn reload(&mut self, now: Instant) {
        let picked = if self.data_read {
            self.tonight.routine_id(&self.data)
        } else {
            Some(self.ctx.config.default_routine.clone())
        };
        self.data = self.ctx.home_data(now);
        self.data_read = true;
        self.data_night = self.ctx.nights(now).current;
        // Read again when next shown (while shown, at once: it is on screen).
        self.history = None;
        if self.tab == Tab::History && self.front.is_none() {
            self.history = self.ctx.history(now).ok();
        }
        if let Some(p) = self.data.problem.take() {
            self.message = Some(p);
        }
        self.tonight.keep(picked, &self.data);
        self.routines.clamp(self.data.library.entries.len());
        self.routines_seen = self.routines_fingerprint();
    }

    /// Re-reads the routines only (a file was copied for an edit).
    fn reload_routines(&mut self) {
        self.data.library = crate::routine::Library::load(&self.ctx.paths.routines_dir());
        self.routines.clamp(self.data.library.entries.len());
        self.routines_seen = self.routines_fingerprint();
    }

    /// A cheap look at the routines folder: names, sizes and modification times.
    fn routines_fingerprint(&self) -> Vec<(PathBuf, u64, Option<std::time::SystemTime>)> {
        let mut out: Vec<_> = std::fs::read_dir(self.ctx.paths.routines_dir())
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

    /// Picks up routine files changed in another window (not while the
    /// in-app editor is open: its own saves are picked up when it closes).
    fn watch_routines(&mut self, now: Instant) -> bool {
        if self.last_look.is_some_and(|t| now.saturating_duration_since(t) < ROUTINES_LOOK) {
            return false;
        }
        self.last_look = Some(now);
        if self.routines.editor.is_none() && self.routines_fingerprint() != self.routines_seen {
            self.reload(now);
            self.message = Some("routines changed on disk: reloaded".into());
            return true;
        }
        false
    }
}

#[cfg(test)]
mod tests;
