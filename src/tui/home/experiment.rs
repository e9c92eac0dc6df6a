//! The home screen's side of an experiment: its plan, off nights in the
//! statistics, and what tonight is.

use chrono::NaiveDate;

use super::HistoryApp;
use super::HomeApp;
use crate::checkin::Nights;
use crate::stats::facts::Facts;
use crate::stats::report::report_with_off_nights;

impl HomeApp {
    /// Reads the experiment's plan and recomputes the statistics and the
    /// history from `self.entries`, with its off nights left out of streaks
    /// and the consistency score.
    pub(super) fn refresh_stats(&mut self, nights: Nights) {
        self.experiment = match crate::experiment::store::load(&self.paths.data_dir) {
            Ok(plan) => plan,
            Err(e) => {
                self.message = Some(e.to_string());
                None
            }
        };
        let facts = Facts::from_entries(&self.entries);
        let plan = self.experiment.as_ref();
        let off = |n| plan.is_some_and(|p| p.is_off_night(n));
        self.report = report_with_off_nights(&facts, nights.current, nights.last_over, None, off);
        self.history = HistoryApp::with_settings(self.entries.clone(), &self.config, nights);
        self.history.report = self.report.clone();
        if let Some(plan) = &self.experiment {
            self.history.consistency =
                crate::stats::score::series_with_off_nights(&facts, nights.current, |n| plan.is_off_night(n));
            self.history.experiment =
                Some((plan.clone(), crate::experiment::analyse(plan, &self.entries, nights.last_over)));
        }
    }

    /// Tonight's line of a running experiment, if tonight is in it.
    pub fn experiment_tonight(&self, night: NaiveDate) -> Option<String> {
        self.experiment.as_ref().filter(|p| p.night(night).is_some()).map(|p| p.tonight_line(night))
    }
}
