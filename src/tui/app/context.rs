//! The app context: where files are, the settings, the journal, and the
//! clock that maps the loop's monotonic time to wall-clock time. Every
//! screen is built here, whether the home screen opens it, a command does
//! (`winddown history`, `run`, `checkin`, `cramp`), or another screen asks
//! for it (`h` on a summary), so all of them see the same settings.

use std::time::Instant;

use chrono::{DateTime, FixedOffset, NaiveDate};

use crate::checkin::Nights;
use crate::clock::WallClock;
use crate::config::Config;
use crate::journal::{Entries, Journal, JournalError, Record, RecordKey};
use crate::paths::Paths;
use crate::routine::{Library, Routine};
use crate::stats::checkpoint::Summary;
use crate::tui::checkin::CheckinForm;
use crate::tui::coach::CoachScreen;
use crate::tui::cramp::CrampScreen;
use crate::tui::history::HistoryScreen;
use crate::tui::home_data::HomeData;
use crate::tui::screen::NightLoaded;

pub struct AppContext {
    pub paths: Paths,
    pub config: Config,
    /// Problems in config.toml, told once on the home screen.
    pub config_problems: Vec<String>,
    pub journal: Journal,
    clock: WallClock,
    /// The coach's speed (`--speed`; 1 is real time, anything else is practice).
    pub speed: f64,
}

impl AppContext {
    pub fn new(
        paths: Paths,
        config: Config,
        config_problems: Vec<String>,
        wall_now: DateTime<FixedOffset>,
        now: Instant,
    ) -> AppContext {
        let journal = Journal::new(paths.journal_dir());
        AppContext { paths, config, config_problems, journal, clock: WallClock::new(wall_now, now), speed: 1.0 }
    }

    /// Wall-clock time at `now`.
    pub fn wall(&self, now: Instant) -> DateTime<FixedOffset> {
        self.clock.at(now)
    }

    /// Where now stands among the nights (the one rule: `checkin::nights`).
    pub fn nights(&self, now: Instant) -> Nights {
        self.config.night_rule().at(self.wall(now))
    }

    /// Reads what the home screen shows.
    pub fn home_data(&self, now: Instant) -> HomeData {
        let nights = self.nights(now);
        let (experiment, problem) = match crate::experiment::store::load(&self.paths.data_dir) {
            Ok(plan) => (plan, None),
            Err(e) => (None, Some(e.to_string())),
        };
        // The whole history's figures come from month-end checkpoints and the
        // last months: the cost does not grow with the years recorded.
        let off = experiment.as_ref().map(|p| p.off_nights()).unwrap_or_default();
        let recent = self.journal.read_range(Some(nights.last_over.min(nights.current)), None);
        let read = recent.and_then(|r| Ok((r, crate::stats::overview_fast(&self.journal, nights.current, &off)?)));
        let (recent, summary, unreadable) = match read {
            Ok((recent, summary)) => (recent, summary, None),
            Err(e) => (
                Entries::default(),
                Summary::full(Default::default(), nights.current, &Default::default()),
                Some(e.to_string()),
            ),
        };
        let journal_error = unreadable.clone().or_else(|| crate::fsutil::dir_unwritable(&self.paths.journal_dir()));
        HomeData {
            library: Library::load(&self.paths.routines_dir()),
            recent,
            experiment,
            summary,
            contradictions: self.journal.contradictions().map_or(0, |c| c.len()),
            journal_error,
            unreadable,
            problem,
        }
    }

    /// The history screen, with the experiment's plan if one runs.
    pub fn history(&self, now: Instant) -> Result<HistoryScreen, String> {
        let plan = crate::experiment::store::load(&self.paths.data_dir).map_err(|e| e.to_string())?;
        self.history_with(self.nights(now), plan).map_err(|e| e.to_string())
    }

    fn history_with(
        &self,
        nights: Nights,
        plan: Option<crate::experiment::Plan>,
    ) -> Result<HistoryScreen, JournalError> {
        HistoryScreen::read(&self.journal, &self.config, nights, plan)
    }

    /// The coach for `routine` tonight, offering to resume an unfinished run.
    /// `inside_app`: opened from the home screen (its summary then points to
    /// the Check-in tab rather than to `winddown checkin`).
    pub fn coach(&self, routine: Routine, now: Instant, inside_app: bool) -> Result<CoachScreen, String> {
        let night = self.nights(now).current;
        let tonight = self
            .journal
            .read_range(Some(night), Some(night))
            .map_err(|e| e.to_string())?
            .night(night)
            .map(|n| n.runs.clone())
            .unwrap_or_default();
        let mut coach = CoachScreen::new(routine, self.speed, night, &tonight, self.wall(now), now);
        coach.inside_app = inside_app;
        // A plan that cannot be read is reported by `winddown experiment status`; the coach runs regardless.
        if let Ok(Some(plan)) = crate::experiment::store::load(&self.paths.data_dir)
            && plan.night(night).is_some()
        {
            coach.experiment = Some(plan.tonight_line(night));
        }
        Ok(coach)
    }

    /// The check-in form for `night` (a night that is over), filled from the journal.
    pub fn checkin(&self, night: NaiveDate, now: Instant) -> CheckinForm {
        CheckinForm::new(night, self.load_night(night), self.nights(now))
    }

    /// One night as the journal holds it, with any answers two machines disagree on.
    pub fn load_night(&self, night: NaiveDate) -> Result<NightLoaded, String> {
        let entry = self.journal.read_range(Some(night), Some(night)).map_err(|e| e.to_string())?;
        let key = RecordKey::Checkin(night);
        let contested: Vec<_> = self
            .journal
            .contradictions()
            .unwrap_or_default()
            .into_iter()
            .filter(|c| c.key == key)
            .flat_map(|c| c.versions)
            .filter_map(|r| if let Record::Checkin(c) = r { Some(c) } else { None })
            .collect();
        Ok(NightLoaded {
            night,
            entry: entry.night(night).cloned().unwrap_or_default(),
            contested: if contested.len() > 1 { contested } else { Vec::new() },
        })
    }

    /// The 3 a.m. cramp screen, its cramp dated now (logged as it opens).
    pub fn cramp(&self, now: Instant) -> CrampScreen {
        CrampScreen::new(self.wall(now), self.config.night_boundary, now)
    }
}
