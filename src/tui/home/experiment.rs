//! The home screen's side of an experiment: what tonight is.

use chrono::NaiveDate;

use super::HomeApp;

impl HomeApp {
    /// Tonight's line of a running experiment, if tonight is in it.
    pub fn experiment_tonight(&self, night: NaiveDate) -> Option<String> {
        self.experiment.as_ref().filter(|p| p.night(night).is_some()).map(|p| p.tonight_line(night))
    }
}
