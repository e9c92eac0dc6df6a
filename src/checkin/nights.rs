//! When a night is over. A night is named by the date of its evening, and it
//! is over, its check-in due, from the morning hour (default 04:00). Before the
//! morning hour the night in progress is still "tonight": it cannot be checked
//! in, and "last night" is the one before it. From the morning hour "tonight"
//! is the coming evening: a night that is over takes no new run. (A cramp
//! logged in the morning still belongs to the night before, by the boundary:
//! see `journal::night`.)

use chrono::{DateTime, Days, FixedOffset, NaiveDate, NaiveTime};

use crate::journal::night::night_of_time;

/// The default morning hour: at 04:00 the night before is over.
pub const DEFAULT_MORNING: NaiveTime = match NaiveTime::from_hms_opt(4, 0, 0) {
    Some(t) => t,
    None => panic!("valid time"),
};

/// How far ahead a rest night may be planned (travel next week, not next century).
pub const REST_AHEAD_DAYS: u64 = 31;

/// The two settings that place a moment in the nights.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NightRule {
    /// Times before this belong to the previous date's night.
    pub boundary: NaiveTime,
    /// From this time the previous night is over. Never later than the
    /// boundary (a later one is read as the boundary), so the night that is over
    /// is always the current one or the one before it.
    pub morning: NaiveTime,
}

impl Default for NightRule {
    fn default() -> Self {
        NightRule { boundary: crate::journal::DEFAULT_BOUNDARY, morning: DEFAULT_MORNING }
    }
}

impl NightRule {
    /// The nights as they stand at `now`.
    pub fn at(&self, now: DateTime<FixedOffset>) -> Nights {
        let morning = self.morning.min(self.boundary);
        let current = night_of_time(now, morning);
        let last_over = current.checked_sub_days(Days::new(1)).unwrap_or(NaiveDate::MIN);
        Nights { now, current, last_over }
    }
}

/// The nights as they stand at one moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Nights {
    pub now: DateTime<FixedOffset>,
    /// The night going on now: tonight in the evening, still tonight after
    /// midnight; runs started now belong to it.
    pub current: NaiveDate,
    /// The latest night that is over: what "last night" and a check-in are
    /// about, and where windows like "the last 30 nights" end.
    pub last_over: NaiveDate,
}

impl Nights {
    /// Whether `night` is over (so it may be checked in).
    pub fn is_over(&self, night: NaiveDate) -> bool {
        night <= self.last_over
    }

    /// The latest night a rest night may be planned for.
    pub fn latest_rest(&self) -> NaiveDate {
        self.current.checked_add_days(Days::new(REST_AHEAD_DAYS)).unwrap_or(self.current)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> Nights {
        NightRule::default().at(s.parse().unwrap())
    }
    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn after_midnight_the_night_in_progress_is_not_over() {
        // 01:42 on Wed 25: Tue 24 is still tonight; the last night over is Mon 23.
        let n = at("2026-11-25T01:42:00+01:00");
        assert_eq!(n.current, d("2026-11-24"));
        assert_eq!(n.last_over, d("2026-11-23"));
        assert!(!n.is_over(d("2026-11-24")));
    }

    #[test]
    fn from_the_morning_hour_last_night_is_over() {
        let n = at("2026-11-25T04:00:00+01:00");
        assert_eq!((n.current, n.last_over), (d("2026-11-25"), d("2026-11-24")));
        // In the morning the night is over and "tonight" is the coming evening:
        // nothing calls the night that is over "tonight", and a run now is not its.
        let n = at("2026-11-25T07:10:00+01:00");
        assert_eq!((n.current, n.last_over), (d("2026-11-25"), d("2026-11-24")));
        let n = at("2026-11-25T11:59:00+01:00");
        assert_eq!((n.current, n.last_over), (d("2026-11-25"), d("2026-11-24")));
        // In the evening a new night is in progress; it is not over.
        let n = at("2026-11-24T22:00:00+01:00");
        assert_eq!((n.current, n.last_over), (d("2026-11-24"), d("2026-11-23")));
    }

    #[test]
    fn a_morning_after_the_boundary_is_read_as_the_boundary() {
        let t = |s: &str| NaiveTime::parse_from_str(s, "%H:%M").unwrap();
        let rule = NightRule { boundary: t("00:00"), morning: t("04:00") };
        let n = rule.at("2026-11-25T02:00:00+01:00".parse().unwrap());
        assert_eq!((n.current, n.last_over), (d("2026-11-25"), d("2026-11-24")));
    }
}
