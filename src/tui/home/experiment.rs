//! The home screen's side of an experiment: its plan, off nights in the
//! statistics, and what tonight is.

use std::time::Instant;

use chrono::NaiveDate;

use super::HistoryApp;
use super::HomeApp;
use crate::stats::facts::Facts;
use crate::stats::report::{report, report_with_off_nights};

impl HomeApp {
    /// Reads the experiment's plan and recomputes the statistics and the
    /// history from `self.entries`, with its off nights left out of streaks
    /// and the consistency score.
    pub(super) fn refresh_stats(&mut self, tonight: NaiveDate, now: Instant) {
        self.experiment = match crate::experiment::store::load(&self.paths.data_dir) {
            Ok(plan) => plan,
            Err(e) => {
                self.message = Some(e.to_string());
                None
            }
        };
        let facts = Facts::from_entries(&self.entries);
        self.report = match &self.experiment {
            Some(plan) => report_with_off_nights(&facts, tonight, None, |n| plan.is_off_night(n)),
            None => report(&facts, tonight, None),
        };
        self.history = HistoryApp::new(self.entries.clone(), tonight);
        self.history.report = self.report.clone();
        if let Some(plan) = &self.experiment {
            self.history.consistency =
                crate::stats::score::series_with_off_nights(&facts, tonight, |n| plan.is_off_night(n));
            let last_over = self.last_night(now).min(tonight);
            self.history.experiment = Some((plan.clone(), crate::experiment::analyse(plan, &self.entries, last_over)));
        }
    }

    /// Tonight's line of a running experiment, if tonight is in it.
    pub fn experiment_tonight(&self, night: NaiveDate) -> Option<String> {
        self.experiment.as_ref().filter(|p| p.night(night).is_some()).map(|p| p.tonight_line(night))
    }
}
