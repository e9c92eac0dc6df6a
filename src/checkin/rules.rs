//! The ranges of every answer and the rules between them. Each record type
//! has one validation, used when the CLI or the form writes it and when an
//! import reads it.

use std::fmt;
use std::ops::RangeInclusive;

use chrono::NaiveDate;

use super::nights::{Nights, REST_AHEAD_DAYS};
use crate::journal::{CheckIn, Cramp, Record, RestNight, Run};

/// Cramps in one night.
pub const CRAMPS: RangeInclusive<u32> = 0..=100;
/// Pain of the worst cramp on a night with cramps (a cramp is never painless: 0 means none).
pub const PAIN: RangeInclusive<u8> = 1..=10;
/// How much cramps disturbed sleep.
pub const DISTURBED: RangeInclusive<u8> = 0..=10;
/// The longest cramp, seconds: at most a day.
pub const LONGEST_S: RangeInclusive<u32> = 0..=24 * 3600;
/// Minutes to fall asleep: at most a day.
pub const FALL_ASLEEP_MIN: RangeInclusive<u32> = 0..=24 * 60;
/// Awakenings in one night.
pub const AWAKENINGS: RangeInclusive<u32> = 0..=100;
/// Own trigger tags: how many, and how long each.
pub const MAX_TAGS: usize = 20;
pub const MAX_TAG_CHARS: usize = 60;
/// The note about a night, and the reason for a rest night.
pub const MAX_NOTE_CHARS: usize = 10_000;
pub const MAX_REASON_CHARS: usize = 500;
/// Clock speed of a run (1 = real time; anything else is practice).
pub const SPEED: RangeInclusive<f64> = 0.1..=100.0;
/// Steps in one run, and characters in a routine name, id or step title.
pub const MAX_STEPS: usize = 200;
pub const MAX_NAME_CHARS: usize = 200;
/// Seconds held on one side of one step, summed over its reps: at most a day.
pub const HELD_S: RangeInclusive<f64> = 0.0..=86_400.0;

/// A rule a record breaks. `field` is the record's own field name (as in files).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum RuleError {
    #[error("{field} is {value}, outside the allowed {allowed}")]
    OutOfRange { field: &'static str, value: String, allowed: String },
    /// A cramp detail on a night with no cramps.
    #[error("{field} describes cramps, but cramps is 0")]
    DetailWithoutCramps { field: &'static str },
    /// A check-in for a night that is not over yet.
    #[error("the night of {night} is not over yet; the latest night to check in for is {latest}")]
    NightNotOver { night: NaiveDate, latest: NaiveDate },
    /// A run or cramp for a night that has not begun.
    #[error("the night of {night} has not begun; the latest night is {latest}")]
    NightAhead { night: NaiveDate, latest: NaiveDate },
    /// A rest night planned further ahead than [`REST_AHEAD_DAYS`] nights.
    #[error("a rest night can be planned at most {REST_AHEAD_DAYS} nights ahead: {night} is after {latest}")]
    RestTooFarAhead { night: NaiveDate, latest: NaiveDate },
    #[error("{field} must not be empty")]
    Empty { field: &'static str },
    /// A question that must be answered (only "any cramps?").
    #[error("{field} is required")]
    Missing { field: &'static str },
    #[error("{field} is longer than {max} characters")]
    TooLong { field: &'static str, max: usize },
    /// A cramp whose time is not in its night.
    #[error("a cramp at {at} is not in the night of {night}")]
    CrampOutsideNight { night: NaiveDate, at: String },
}

fn range<T: PartialOrd + fmt::Display>(field: &'static str, v: T, r: &RangeInclusive<T>) -> Result<(), RuleError> {
    if r.contains(&v) {
        Ok(())
    } else {
        Err(RuleError::OutOfRange { field, value: v.to_string(), allowed: format!("{}-{}", r.start(), r.end()) })
    }
}

fn text(field: &'static str, s: &str, max: usize) -> Result<(), RuleError> {
    if s.chars().count() > max { Err(RuleError::TooLong { field, max }) } else { Ok(()) }
}

/// The rules of a check-in: ranges, no cramp details without cramps, a night that is over.
pub fn validate_checkin(c: &CheckIn, nights: &Nights) -> Result<(), RuleError> {
    if !nights.is_over(c.night) {
        return Err(RuleError::NightNotOver { night: c.night, latest: nights.last_over });
    }
    range("cramps", c.cramps, &CRAMPS)?;
    if c.cramps == 0 {
        let details = [
            ("pain", c.pain.is_some()),
            ("longest_s", c.longest_s.is_some()),
            ("where", !c.places.is_empty()),
            ("disturbed", c.disturbed.is_some()),
        ];
        if let Some((field, _)) = details.iter().find(|(_, given)| *given) {
            return Err(RuleError::DetailWithoutCramps { field });
        }
    }
    if let Some(p) = c.pain {
        range("pain", p, &PAIN)?;
    }
    if let Some(d) = c.disturbed {
        range("disturbed", d, &DISTURBED)?;
    }
    if let Some(s) = c.longest_s {
        range("longest_s", s, &LONGEST_S)?;
    }
    if let Some(m) = c.sleep.fall_asleep_min {
        range("fall_asleep_min", m, &FALL_ASLEEP_MIN)?;
    }
    if let Some(a) = c.sleep.awakenings {
        range("awakenings", a, &AWAKENINGS)?;
    }
    range("tags", c.tags.len(), &(0..=MAX_TAGS))?;
    for t in &c.tags {
        if t.trim().is_empty() {
            return Err(RuleError::Empty { field: "tags" });
        }
        text("a tag", t, MAX_TAG_CHARS)?;
    }
    text("note", &c.note, MAX_NOTE_CHARS)
}

/// The rules of a run: a night that has begun, a speed in range, sane sizes.
pub fn validate_run(r: &Run, nights: &Nights) -> Result<(), RuleError> {
    if r.night > nights.current {
        return Err(RuleError::NightAhead { night: r.night, latest: nights.current });
    }
    if !SPEED.contains(&r.speed) {
        return Err(RuleError::OutOfRange { field: "speed", value: r.speed.to_string(), allowed: "0.1-100".into() });
    }
    for (field, s) in [("id", &r.id), ("routine", &r.routine)] {
        if s.trim().is_empty() {
            return Err(RuleError::Empty { field });
        }
        text(field, s, MAX_NAME_CHARS)?;
    }
    range("steps", r.steps.len(), &(0..=MAX_STEPS))?;
    for s in &r.steps {
        text("a step title", &s.title, MAX_NAME_CHARS)?;
        for (_, secs) in s.held_s.iter() {
            if !HELD_S.contains(&secs) {
                return Err(RuleError::OutOfRange {
                    field: "held_s",
                    value: secs.to_string(),
                    allowed: "0-86400".into(),
                });
            }
        }
    }
    Ok(())
}

/// The rules of a cramp logged in the night: a night that has begun, a time
/// in it. `night_of_time` is the night its time belongs to by the boundary
/// setting; a file from a machine with another boundary may differ by a day.
pub fn validate_cramp(c: &Cramp, nights: &Nights, night_of_time: NaiveDate) -> Result<(), RuleError> {
    if c.night > nights.current {
        return Err(RuleError::NightAhead { night: c.night, latest: nights.current });
    }
    // Its time falls in its night: from the night's date to the day after.
    let date = c.at.date_naive();
    if night_of_time != c.night && !(date == c.night || c.night.succ_opt() == Some(date)) {
        return Err(RuleError::CrampOutsideNight { night: c.night, at: c.at.to_rfc3339() });
    }
    Ok(())
}

/// The rules of a rest night: a reason, and planned at most a month ahead.
pub fn validate_rest(r: &RestNight, nights: &Nights) -> Result<(), RuleError> {
    if r.night > nights.latest_rest() {
        return Err(RuleError::RestTooFarAhead { night: r.night, latest: nights.latest_rest() });
    }
    if r.reason.trim().is_empty() {
        return Err(RuleError::Empty { field: "reason" });
    }
    text("reason", &r.reason, MAX_REASON_CHARS)
}

/// Any record, as `import` reads it: the same rules as when it is written.
/// `boundary` is the night boundary setting (a cramp's time must fall in its night).
pub fn validate_record(r: &Record, nights: &Nights, boundary: chrono::NaiveTime) -> Result<(), RuleError> {
    match r {
        Record::Run(run) => validate_run(run, nights),
        Record::Checkin(c) => validate_checkin(c, nights),
        Record::Cramp(c) => validate_cramp(c, nights, crate::journal::night_of_time(c.at, boundary)),
        Record::Rest(rest) => validate_rest(rest, nights),
    }
}

/// A record of an import that breaks a rule, named by its place in the file
/// (1 = the first record), its kind and its night.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("record {number} ({kind} of {night}): {rule}")]
pub struct ImportProblem {
    pub number: usize,
    pub kind: &'static str,
    pub night: NaiveDate,
    #[source]
    pub rule: RuleError,
}

/// Every record of an import checked: the problems, in file order.
pub fn validate_import(records: &[Record], nights: &Nights, boundary: chrono::NaiveTime) -> Vec<ImportProblem> {
    records
        .iter()
        .enumerate()
        .filter_map(|(i, r)| {
            let rule = validate_record(r, nights, boundary).err()?;
            Some(ImportProblem { number: i + 1, kind: kind_name(r), night: r.night(), rule })
        })
        .collect()
}

fn kind_name(r: &Record) -> &'static str {
    match r {
        Record::Run(_) => "run",
        Record::Checkin(_) => "check-in",
        Record::Cramp(_) => "cramp",
        Record::Rest(_) => "rest night",
    }
}

#[cfg(test)]
#[path = "rules_tests.rs"]
mod tests;
