//! The calendar: which arm each night belongs to, which nights are wash-out,
//! and what to tell the user tonight. Nights are dates (the evening they
//! start), so a week is always seven nights, across a clock change too.

use chrono::{Days, NaiveDate};
use serde::Serialize;

use super::plan::{Arm, Plan};

/// One night of the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct NightPlan {
    pub night: NaiveDate,
    /// 1-based.
    pub week: u32,
    pub pair: u32,
    /// 1 to 7.
    pub day: u32,
    pub arm: Arm,
    /// Set aside: the earlier arm may still be acting.
    pub washout: bool,
}

impl Plan {
    /// Where `night` falls in the plan (`None` outside it, or after a stop).
    pub fn night(&self, night: NaiveDate) -> Option<NightPlan> {
        let idx = night.signed_duration_since(self.first_night).num_days();
        if idx < 0 || idx >= i64::from(self.nights()) || self.stopped.is_some_and(|s| night > s) {
            return None;
        }
        let idx = idx as u32;
        let week = idx / 7;
        let day = idx % 7;
        Some(NightPlan {
            night,
            week: week + 1,
            pair: week / 2 + 1,
            day: day + 1,
            arm: self.orders[(week / 2) as usize][(week % 2) as usize],
            washout: day < self.washout,
        })
    }

    /// Every night of the plan (up to a stop), in order.
    pub fn calendar(&self) -> Vec<NightPlan> {
        (0..u64::from(self.nights())).filter_map(|i| self.night(self.first_night + Days::new(i))).collect()
    }

    /// Nights without any routine (off nights of a routine-vs-none plan):
    /// they neither break nor count toward the routine streak.
    pub fn is_off_night(&self, night: NaiveDate) -> bool {
        self.routine_for(night).is_none() && self.night(night).is_some()
    }

    /// Every off night (see [`Plan::is_off_night`]).
    pub fn off_nights(&self) -> std::collections::BTreeSet<NaiveDate> {
        self.calendar().into_iter().map(|n| n.night).filter(|n| self.is_off_night(*n)).collect()
    }

    /// The routine planned for `night` (`None`: none, or outside the plan).
    pub fn routine_for(&self, night: NaiveDate) -> Option<&str> {
        self.night(night).and_then(|n| self.routine(n.arm))
    }

    /// What tonight is, for the home screen, the coach and `experiment status`.
    pub fn tonight(&self, night: NaiveDate) -> Tonight {
        match self.night(night) {
            None if night < self.first_night => Tonight::NotYet { first_night: self.first_night },
            None => Tonight::Over,
            Some(n) => Tonight::In(n),
        }
    }

    /// "off night 3 of 7 — no stretches tonight, but do check in tomorrow".
    pub fn tonight_line(&self, night: NaiveDate) -> String {
        match self.tonight(night) {
            Tonight::NotYet { first_night } => {
                format!("experiment starts on the night of {}", first_night.format("%a %d %b"))
            }
            Tonight::Over => "the experiment is over: see `winddown experiment result`".to_string(),
            Tonight::In(n) => {
                let washout = if n.washout { " (wash-out: not counted)" } else { "" };
                match self.routine(n.arm) {
                    None => {
                        format!("off night {} of 7{washout} — no stretches tonight, but do check in tomorrow", n.day)
                    }
                    Some(r) => format!(
                        "{} night {} of 7{washout} — {} tonight, and check in tomorrow",
                        if self.routine(Arm::B).is_none() {
                            "on".to_string()
                        } else {
                            format!("routine {}", n.arm.letter())
                        },
                        n.day,
                        crate::text::visible(r)
                    ),
                }
            }
        }
    }
}

/// Where tonight falls.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tonight {
    NotYet { first_night: NaiveDate },
    In(NightPlan),
    Over,
}
