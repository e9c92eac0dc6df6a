//! The answers of a check-in as a face collects them, and the one way they
//! become a [`CheckIn`]: normalized (lists sorted, duplicates dropped, text
//! trimmed) and validated. An answer not given stays absent.

use std::collections::BTreeSet;

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::nights::Nights;
use super::rules::{LONGEST_S, RuleError, validate_checkin};
use crate::journal::{CheckIn, Quality, RedFlags, Rested, SleepTimes, Spot, Trigger};

/// Every answer of the morning check-in; `None` or empty means not answered.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Answers {
    /// Number of cramps; the one question that must be answered.
    pub cramps: Option<u32>,
    pub pain: Option<u8>,
    pub longest_s: Option<u32>,
    pub places: Vec<Spot>,
    pub disturbed: Option<u8>,
    pub quality: Option<Quality>,
    pub rested: Option<Rested>,
    pub sleep: SleepTimes,
    pub triggers: Vec<Trigger>,
    pub tags: Vec<String>,
    pub red_flags: RedFlags,
    pub note: String,
}

impl Answers {
    /// The answers a stored check-in holds (to edit it).
    pub fn from_checkin(c: &CheckIn) -> Answers {
        Answers {
            cramps: Some(c.cramps),
            pain: c.pain,
            longest_s: c.longest_s,
            places: c.places.clone(),
            disturbed: c.disturbed,
            quality: c.quality,
            rested: c.rested,
            sleep: c.sleep.clone(),
            triggers: c.triggers.clone(),
            tags: c.tags.clone(),
            red_flags: c.red_flags,
            note: c.note.clone(),
        }
    }

    /// The check-in of `night`, recorded at `recorded`, or the first rule it breaks.
    pub fn build(
        &self,
        night: NaiveDate,
        recorded: DateTime<FixedOffset>,
        nights: &Nights,
    ) -> Result<CheckIn, RuleError> {
        let cramps = self.cramps.ok_or(RuleError::Missing { field: "cramps" })?;
        let record = CheckIn {
            night,
            recorded,
            cramps,
            pain: self.pain,
            longest_s: self.longest_s,
            places: sorted(self.places.iter().copied()),
            disturbed: self.disturbed,
            quality: self.quality,
            rested: self.rested,
            sleep: self.sleep.clone(),
            triggers: sorted(self.triggers.iter().copied()),
            tags: sorted(self.tags.iter().map(|t| t.trim().to_string()).filter(|t| !t.is_empty())),
            red_flags: self.red_flags,
            note: self.note.trim().to_string(),
        };
        validate_checkin(&record, nights)?;
        Ok(record)
    }
}

fn sorted<T: Ord>(items: impl Iterator<Item = T>) -> Vec<T> {
    items.collect::<BTreeSet<_>>().into_iter().collect()
}

/// Why a longest-cramp duration was not taken.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LongestError {
    #[error("expected a duration like 30s, 3m or 1m 30s, got \"{0}\"")]
    NotADuration(String),
    #[error("a cramp longer than a day? give the duration like 3m")]
    TooLong,
}

/// Seconds from a human duration ("3m", "90s", "1m 30s"), at most a day.
pub fn parse_longest(s: &str) -> Result<u32, LongestError> {
    let d = humantime::parse_duration(s.trim()).map_err(|_| LongestError::NotADuration(s.to_string()))?;
    u32::try_from(d.as_secs()).ok().filter(|secs| LONGEST_S.contains(secs)).ok_or(LongestError::TooLong)
}

/// A duration in seconds as the check-in shows it ("1m 30s").
pub fn format_longest(secs: u32) -> String {
    humantime::format_duration(std::time::Duration::from_secs(u64::from(secs))).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_takes_human_durations_up_to_a_day() {
        assert_eq!(parse_longest(" 1m 30s "), Ok(90));
        let e = parse_longest("ages").unwrap_err();
        assert_eq!(e.to_string(), "expected a duration like 30s, 3m or 1m 30s, got \"ages\"");
        assert_eq!(parse_longest("2days"), Err(LongestError::TooLong));
    }
}
