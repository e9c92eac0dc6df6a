//! Night attribution: a night is named by the date of its evening. Anything
//! before the boundary time (default 12:00) belongs to the previous date's night.

use chrono::{DateTime, Days, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};

/// The default boundary: a check-in at 07:10 is about last night; a run at 22:00 is tonight.
pub const DEFAULT_BOUNDARY: NaiveTime = match NaiveTime::from_hms_opt(12, 0, 0) {
    Some(t) => t,
    None => panic!("valid time"),
};

/// The night a local wall-clock time belongs to.
pub fn night_of(local: NaiveDateTime, boundary: NaiveTime) -> NaiveDate {
    if local.time() < boundary { local.date() - Days::new(1) } else { local.date() }
}

/// The night a timestamp belongs to, judged by its own local (offset) time.
pub fn night_of_time(t: DateTime<FixedOffset>, boundary: NaiveTime) -> NaiveDate {
    night_of(t.naive_local(), boundary)
}

/// The most recent moment at or before `now` whose wall-clock time is `time`,
/// in `now`'s offset: "--at 03:10" said at 07:00 means this morning,
/// "--at 23:30" said at 02:00 means yesterday evening.
pub fn latest_at(now: DateTime<FixedOffset>, time: NaiveTime) -> DateTime<FixedOffset> {
    let offset = *now.offset();
    let today = now.date_naive().and_time(time);
    let local = if today <= now.naive_local() { today } else { today - Days::new(1) };
    offset.from_local_datetime(&local).single().unwrap_or(now)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dt(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }
    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }
    fn t(s: &str) -> NaiveTime {
        NaiveTime::parse_from_str(s, "%H:%M").unwrap()
    }

    #[test]
    fn around_midnight() {
        assert_eq!(night_of(dt("2026-11-23 22:41"), DEFAULT_BOUNDARY), d("2026-11-23"));
        assert_eq!(night_of(dt("2026-11-24 00:40"), DEFAULT_BOUNDARY), d("2026-11-23"));
        assert_eq!(night_of(dt("2026-11-24 07:10"), DEFAULT_BOUNDARY), d("2026-11-23"));
        assert_eq!(night_of(dt("2026-11-24 00:00"), DEFAULT_BOUNDARY), d("2026-11-23"));
    }

    #[test]
    fn at_the_boundary() {
        assert_eq!(night_of(dt("2026-11-24 11:59"), DEFAULT_BOUNDARY), d("2026-11-23"));
        assert_eq!(night_of(dt("2026-11-24 12:00"), DEFAULT_BOUNDARY), d("2026-11-24"));
        // A configurable boundary: a night-shift worker's day ends at 16:00.
        assert_eq!(night_of(dt("2026-11-24 15:00"), t("16:00")), d("2026-11-23"));
        assert_eq!(night_of(dt("2026-11-24 03:00"), t("00:00")), d("2026-11-24"));
    }

    #[test]
    fn across_year_and_month_ends() {
        assert_eq!(night_of(dt("2027-01-01 01:00"), DEFAULT_BOUNDARY), d("2026-12-31"));
        assert_eq!(night_of(dt("2028-03-01 02:00"), DEFAULT_BOUNDARY), d("2028-02-29"));
    }

    #[test]
    fn dst_change_uses_local_wall_time() {
        // Europe, 2026-10-25: clocks go back at 03:00 CEST (+02:00) to 02:00 CET (+01:00).
        let before: DateTime<FixedOffset> = "2026-10-25T01:30:00+02:00".parse().unwrap();
        let after: DateTime<FixedOffset> = "2026-10-25T02:30:00+01:00".parse().unwrap();
        assert_eq!(night_of_time(before, DEFAULT_BOUNDARY), d("2026-10-24"));
        assert_eq!(night_of_time(after, DEFAULT_BOUNDARY), d("2026-10-24"));
        // Spring forward, 2026-03-29: 22:00 CET and 07:00 CEST are the same night.
        let evening: DateTime<FixedOffset> = "2026-03-28T22:00:00+01:00".parse().unwrap();
        let morning: DateTime<FixedOffset> = "2026-03-29T07:00:00+02:00".parse().unwrap();
        assert_eq!(night_of_time(evening, DEFAULT_BOUNDARY), night_of_time(morning, DEFAULT_BOUNDARY));
    }

    #[test]
    fn latest_at_picks_the_past_occurrence() {
        let now: DateTime<FixedOffset> = "2026-11-24T07:00:00+01:00".parse().unwrap();
        assert_eq!(latest_at(now, t("03:10")).to_rfc3339(), "2026-11-24T03:10:00+01:00");
        let now: DateTime<FixedOffset> = "2026-11-24T02:00:00+01:00".parse().unwrap();
        assert_eq!(latest_at(now, t("23:30")).to_rfc3339(), "2026-11-23T23:30:00+01:00");
    }
}
