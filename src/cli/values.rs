//! Parsers for command-line values: each error lists what is allowed, and
//! clap turns it into a usage error (exit 2).

use chrono::{NaiveDate, NaiveTime};

use crate::journal::choices::Choice;
use crate::journal::{LegSide, Place, Spot};

pub fn date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map_err(|_| format!("expected a date as YYYY-MM-DD, like 2026-11-23, got \"{s}\""))
}

pub fn time(s: &str) -> Result<NaiveTime, String> {
    NaiveTime::parse_from_str(s.trim(), "%H:%M")
        .map_err(|_| format!("expected a 24-hour time as HH:MM, like 03:10, got \"{s}\""))
}

pub fn choice<T: Choice + Send + Sync>(s: &str) -> Result<T, String> {
    T::parse(s).ok_or_else(|| format!("unknown value \"{s}\"; allowed: {}", T::allowed()))
}

pub fn spot(s: &str) -> Result<Spot, String> {
    let err = || {
        format!(
            "unknown place \"{s}\"; use {} with an optional side (-{}), like calf-left",
            Place::allowed(),
            LegSide::allowed().replace(", ", ", -")
        )
    };
    let s = s.trim().to_ascii_lowercase();
    let (place, side) = match s.rsplit_once('-') {
        Some((p, side)) if LegSide::parse(side).is_some() => (p, LegSide::parse(side)),
        _ => (s.as_str(), None),
    };
    let place = if place == "hamstring" { Some(Place::Thigh) } else { Place::parse(place) };
    Ok(Spot { place: place.ok_or_else(err)?, side })
}

/// Seconds, from a human duration ("3m", "90s"); at most a day.
pub fn longest(s: &str) -> Result<u32, crate::checkin::answers::LongestError> {
    crate::checkin::answers::parse_longest(s)
}

/// A clock speed factor: 0.1 to 100.
pub fn speed(s: &str) -> Result<f64, String> {
    match s.trim().parse::<f64>() {
        Ok(x) if crate::checkin::rules::SPEED.contains(&x) => Ok(x),
        _ => Err(format!("expected a speed factor from 0.1 to 100, like 10, got \"{s}\"")),
    }
}

pub fn yes_no(s: &str) -> Result<bool, String> {
    match s.trim().to_ascii_lowercase().as_str() {
        "yes" | "y" | "true" => Ok(true),
        "no" | "n" | "false" => Ok(false),
        _ => Err(format!("expected yes or no, got \"{s}\"")),
    }
}

pub fn non_empty(s: &str) -> Result<String, String> {
    let t = s.trim();
    if t.is_empty() { Err("must not be empty".into()) } else { Ok(t.to_string()) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spots() {
        assert_eq!(spot("calf-left").unwrap(), Spot { place: Place::Calf, side: Some(LegSide::Left) });
        assert_eq!(spot("Foot").unwrap(), Spot { place: Place::Foot, side: None });
        assert_eq!(spot("hamstring-both").unwrap(), Spot { place: Place::Thigh, side: Some(LegSide::Both) });
        assert!(spot("elbow-left").unwrap_err().contains("calf, foot, thigh, other"));
        assert!(spot("calf-up").is_err());
    }

    #[test]
    fn durations_and_times() {
        assert_eq!(longest("3m").unwrap(), 180);
        assert_eq!(longest("1m 30s").unwrap(), 90);
        assert!(longest("soon").is_err());
        assert!(time("25:00").is_err());
        assert!(date("2026-02-30").is_err());
    }
}
