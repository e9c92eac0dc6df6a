//! The journal's records. Their serde form is the on-disk line format and the
//! export format, so field names here are part of the documented schema.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use crate::routine::Side;

/// One line of a journal file (after the header line).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Record {
    Run(Run),
    Checkin(CheckIn),
    Cramp(Cramp),
    Rest(RestNight),
}

impl Record {
    /// Parses one journal line. Lines written by winddown start with their
    /// `"type"`, which lets the rest of the object go straight to its own
    /// struct, without a copy (serde's tagged enums buffer every field first);
    /// any other key order (a hand edit) takes the slower generic path.
    pub fn from_line(line: &str) -> serde_json::Result<Record> {
        use serde::Deserializer;
        if !line.starts_with("{\"type\":") {
            return serde_json::from_str(line);
        }
        let mut de = serde_json::Deserializer::from_str(line);
        let record = (&mut de).deserialize_map(TypeFirst)?;
        de.end().map(|()| record)
    }

    pub fn night(&self) -> NaiveDate {
        match self {
            Record::Run(r) => r.night,
            Record::Checkin(c) => c.night,
            Record::Cramp(c) => c.night,
            Record::Rest(r) => r.night,
        }
    }

    /// Records with the same key are the same thing: a later one replaces an earlier one.
    pub fn key(&self) -> RecordKey {
        match self {
            Record::Run(r) => RecordKey::Run(r.night, r.id.clone()),
            Record::Checkin(c) => RecordKey::Checkin(c.night),
            Record::Cramp(c) => RecordKey::Cramp(c.night, c.at.to_rfc3339(), c.place, c.side),
            Record::Rest(r) => RecordKey::Rest(r.night),
        }
    }
}

/// Reads a record object whose first key is `"type"`.
struct TypeFirst;

impl<'de> serde::de::Visitor<'de> for TypeFirst {
    type Value = Record;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a journal record")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Record, A::Error> {
        #[derive(Deserialize)]
        enum Key {
            #[serde(rename = "type")]
            Type,
            #[serde(other)]
            Other,
        }
        #[derive(Deserialize)]
        #[serde(rename_all = "kebab-case")]
        enum Kind {
            Run,
            Checkin,
            Cramp,
            Rest,
        }
        if !matches!(map.next_key::<Key>()?, Some(Key::Type)) {
            return Err(serde::de::Error::missing_field("type"));
        }
        let kind: Kind = map.next_value()?;
        let rest = serde::de::value::MapAccessDeserializer::new(map);
        Ok(match kind {
            Kind::Run => Record::Run(Run::deserialize(rest)?),
            Kind::Checkin => Record::Checkin(CheckIn::deserialize(rest)?),
            Kind::Cramp => Record::Cramp(Cramp::deserialize(rest)?),
            Kind::Rest => Record::Rest(RestNight::deserialize(rest)?),
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RecordKey {
    Run(NaiveDate, String),
    Checkin(NaiveDate),
    Cramp(NaiveDate, String, Option<Place>, Option<LegSide>),
    Rest(NaiveDate),
}

/// A run of a routine (the coach writes it as each step completes).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Run {
    #[serde(with = "super::timefmt::date")]
    pub night: NaiveDate,
    /// Unique within the night: the start time, RFC 3339.
    pub id: String,
    pub routine: String,
    /// Content hash of the routine file as run.
    pub routine_hash: String,
    #[serde(with = "super::timefmt::timestamp")]
    pub started: DateTime<FixedOffset>,
    /// When the last step outcome was recorded; `None` while nothing is done yet.
    #[serde(with = "super::timefmt::opt_timestamp")]
    pub ended: Option<DateTime<FixedOffset>>,
    /// Clock speed factor (1 = real time; 10 = a practice run ten times faster).
    pub speed: f64,
    /// The user reached the end (or quit); `false` while the run may still be resumed.
    pub finished: bool,
    pub steps: Vec<StepRecord>,
}

impl Run {
    /// Completed: every non-optional step done.
    pub fn completed(&self) -> bool {
        !self.steps.is_empty() && self.steps.iter().all(|s| s.optional || s.outcome == Outcome::Done)
    }

    /// A run at a clock speed other than real time: practice, kept out of
    /// streaks, consistency and insights.
    pub fn is_practice(&self) -> bool {
        self.speed != 1.0
    }

    pub fn steps_done(&self) -> usize {
        self.steps.iter().filter(|s| s.outcome == Outcome::Done).count()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StepRecord {
    pub title: String,
    pub optional: bool,
    pub outcome: Outcome,
    /// Seconds held per side, summed over reps.
    #[serde(default, skip_serializing_if = "Held::is_empty")]
    pub held_s: Held,
}

/// Seconds held on each side (`hold` for a stretch without sides).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Held {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub left: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub right: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hold: Option<f64>,
}

impl Held {
    pub fn is_empty(&self) -> bool {
        self.left.is_none() && self.right.is_none() && self.hold.is_none()
    }

    /// (side, seconds) for each side held; `None` is a stretch without sides (`hold`).
    pub fn iter(&self) -> impl Iterator<Item = (Option<Side>, f64)> {
        [(Some(Side::Left), self.left), (Some(Side::Right), self.right), (None, self.hold)]
            .into_iter()
            .filter_map(|(k, v)| Some((k, v?)))
    }

    fn slot(&mut self, side: Option<Side>) -> &mut Option<f64> {
        match side {
            Some(Side::Left) => &mut self.left,
            Some(Side::Right) => &mut self.right,
            None => &mut self.hold,
        }
    }

    /// Sets the seconds for `side` (`None`: a stretch without sides).
    pub fn set(&mut self, side: Option<Side>, secs: f64) {
        *self.slot(side) = Some(secs);
    }

    /// Adds seconds held on `side`.
    pub fn add(&mut self, side: Option<Side>, secs: f64) {
        let slot = self.slot(side);
        *slot = Some(slot.unwrap_or(0.0) + secs);
    }

    /// Seconds held on `side`; 0 when that side was not held.
    pub fn get(&self, side: Option<Side>) -> f64 {
        self.iter().find(|(s, _)| *s == side).map_or(0.0, |(_, secs)| secs)
    }

    /// Whether any side was held for some time.
    pub fn any(&self) -> bool {
        self.iter().any(|(_, secs)| secs > 0.0)
    }

    /// The same, each side to a tenth of a second (as the journal keeps them).
    pub fn to_tenths(&self) -> Held {
        let tenth = |v: Option<f64>| v.map(|s| (s * 10.0).round() / 10.0);
        Held { left: tenth(self.left), right: tenth(self.right), hold: tenth(self.hold) }
    }
}

/// What became of a step: in the journal's run records, and in a session
/// as it runs (every step is `NotReached` until it is done, skipped or partly held).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    Done,
    Skipped,
    /// Started but not finished (held for less than planned).
    Partial,
    /// Not reached before the run ended.
    NotReached,
}

/// The morning check-in about one night. Scales follow the Consensus Sleep Diary
/// and the cramp trials (see the README).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckIn {
    #[serde(with = "super::timefmt::date")]
    pub night: NaiveDate,
    #[serde(with = "super::timefmt::timestamp")]
    pub recorded: DateTime<FixedOffset>,
    /// Number of cramps; 0 = none.
    pub cramps: u32,
    /// Pain of the worst cramp, 0–10.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pain: Option<u8>,
    /// Duration of the longest cramp, seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub longest_s: Option<u32>,
    #[serde(default, skip_serializing_if = "Vec::is_empty", rename = "where")]
    pub places: Vec<Spot>,
    /// How much cramps disturbed sleep, 0–10.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disturbed: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quality: Option<Quality>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rested: Option<Rested>,
    #[serde(default, skip_serializing_if = "SleepTimes::is_empty")]
    pub sleep: SleepTimes,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub triggers: Vec<Trigger>,
    /// Free tags for triggers not in the list.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    #[serde(default, skip_serializing_if = "RedFlags::is_empty")]
    pub red_flags: RedFlags,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Spot {
    pub place: Place,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub side: Option<LegSide>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Place {
    Calf,
    Foot,
    /// Thigh or hamstring.
    Thigh,
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LegSide {
    Left,
    Right,
    Both,
}

/// Sleep quality, the Consensus Sleep Diary's five labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Quality {
    VeryPoor,
    Poor,
    Fair,
    Good,
    VeryGood,
}

/// How rested on waking, the Consensus Sleep Diary's five labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rested {
    NotAtAll,
    Slightly,
    Somewhat,
    Well,
    VeryWell,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Trigger {
    /// Hard or late exercise.
    LateExercise,
    /// Long standing or sitting.
    LongStanding,
    LongTravel,
    Alcohol,
    LittleWater,
    NewMedication,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SleepTimes {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub into_bed: Option<NaiveTime>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fall_asleep_min: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub awakenings: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub final_wake: Option<NaiveTime>,
}

impl SleepTimes {
    pub fn is_empty(&self) -> bool {
        *self == SleepTimes::default()
    }
}

/// Answers to the two warning-sign questions; `None` = not answered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RedFlags {
    /// One leg swollen, red or warm.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub one_leg_swollen: Option<bool>,
    /// Numbness, tingling or weakness that stays.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lasting_numbness: Option<bool>,
}

impl RedFlags {
    /// A yes to either question.
    pub fn any(&self) -> bool {
        self.one_leg_swollen == Some(true) || self.lasting_numbness == Some(true)
    }

    /// Neither question answered.
    pub fn is_empty(&self) -> bool {
        self.one_leg_swollen.is_none() && self.lasting_numbness.is_none()
    }
}

/// A cramp logged in the night as it happened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cramp {
    #[serde(with = "super::timefmt::date")]
    pub night: NaiveDate,
    #[serde(with = "super::timefmt::timestamp")]
    pub at: DateTime<FixedOffset>,
    /// Absent while unknown: the cramp screen records the moment before it knows where.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<Place>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub side: Option<LegSide>,
}

/// A night deliberately skipped: streaks pause instead of breaking.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RestNight {
    #[serde(with = "super::timefmt::date")]
    pub night: NaiveDate,
    pub reason: String,
    #[serde(with = "super::timefmt::timestamp")]
    pub recorded: DateTime<FixedOffset>,
}
