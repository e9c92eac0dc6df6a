//! The evening nudge: whether the shell prompt (or `winddown remind`) should
//! say that tonight's routine is not done yet, and what it says. Pure core:
//! the caller reads the clock, the settings and the status file.

use std::time::Duration;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime};

use crate::journal::status::Settled;

/// At most one prompt nudge per this long.
pub const EVERY: chrono::Duration = chrono::Duration::hours(1);

/// Whether the evening of `night` has reached the nudge time at `now`. The
/// nudge window lasts until the night is over (the night boundary).
pub fn evening_started(now: DateTime<FixedOffset>, night: NaiveDate, from: NaiveTime) -> bool {
    now.naive_local() >= night.and_time(from)
}

/// Whether tonight still wants the routine: nothing settled it.
pub fn routine_pending(tonight: Option<Settled>) -> bool {
    tonight.is_none()
}

/// Whether the prompt may nudge now, given the last time it did.
pub fn prompt_due(now: DateTime<FixedOffset>, last: Option<DateTime<FixedOffset>>) -> bool {
    match last {
        // A last nudge in the future (a clock set back) does not silence the prompt.
        Some(last) => {
            let since = now.signed_duration_since(last);
            since < chrono::Duration::zero() || since >= EVERY
        }
        None => true,
    }
}

/// The line itself; `total` is the default routine's length when known.
pub fn message(total: Option<Duration>) -> String {
    match total {
        Some(t) => {
            let minutes = t.as_secs().div_ceil(60).max(1);
            format!("winddown: tonight's routine isn't done — `winddown run` ({minutes} min)")
        }
        None => "winddown: tonight's routine isn't done — `winddown run`".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> DateTime<FixedOffset> {
        s.parse().unwrap()
    }
    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }
    fn hm(s: &str) -> NaiveTime {
        NaiveTime::parse_from_str(s, "%H:%M").unwrap()
    }

    #[test]
    fn the_evening_starts_at_the_hour_and_lasts_the_night() {
        let from = hm("20:00");
        assert!(!evening_started(t("2026-11-24T19:59:00+01:00"), d("2026-11-24"), from));
        assert!(evening_started(t("2026-11-24T20:00:00+01:00"), d("2026-11-24"), from));
        // After midnight the night is still the evening's.
        assert!(evening_started(t("2026-11-25T01:30:00+01:00"), d("2026-11-24"), from));
    }

    #[test]
    fn at_most_once_an_hour() {
        let now = t("2026-11-24T21:00:00+01:00");
        assert!(prompt_due(now, None));
        assert!(!prompt_due(now, Some(now)));
        assert!(!prompt_due(now, Some(t("2026-11-24T20:00:01+01:00"))));
        assert!(prompt_due(now, Some(t("2026-11-24T20:00:00+01:00"))));
        assert!(prompt_due(now, Some(t("2026-11-24T23:00:00+01:00"))));
    }

    #[test]
    fn settled_nights_are_quiet() {
        assert!(routine_pending(None));
        assert!(!routine_pending(Some(Settled::Done)));
        assert!(!routine_pending(Some(Settled::Rest)));
    }

    #[test]
    fn the_line_rounds_minutes_up() {
        assert_eq!(
            message(Some(Duration::from_secs(283))),
            "winddown: tonight's routine isn't done — `winddown run` (5 min)"
        );
        assert_eq!(message(Some(Duration::from_secs(20))), message(Some(Duration::from_secs(60))));
        assert!(!message(None).contains("min"));
    }
}
