//! What the user said on the check-in form, as the form holds it: choices,
//! chips and text boxes. Nothing here starts answered except from the
//! journal (a check-in already given, cramps logged in the night). The
//! core's [`Answers`] is made from it, and checked, exactly as the command
//! line does. Where the cursor is lives apart, in `form::Cursor`.

use std::collections::BTreeSet;

use chrono::{NaiveDate, NaiveTime};

use super::fields::Field;
use super::texts::{Texts, text_area};
use crate::checkin::answers::{format_longest, parse_longest};
use crate::checkin::{Answers, Nights, RuleError};
use crate::journal::{CheckIn, LegSide, NightEntry, Place, Quality, RedFlags, Rested, SleepTimes, Spot, Trigger};

/// A "where" chip: a place, and the side when the place has sides.
pub type Chip = (Place, Option<LegSide>);

/// The "where" chips, in order.
pub const SPOTS: [Chip; 7] = [
    (Place::Calf, Some(LegSide::Left)),
    (Place::Calf, Some(LegSide::Right)),
    (Place::Foot, Some(LegSide::Left)),
    (Place::Foot, Some(LegSide::Right)),
    (Place::Thigh, Some(LegSide::Left)),
    (Place::Thigh, Some(LegSide::Right)),
    (Place::Other, None),
];

/// The form's answers. `None` (or an empty set, an empty box) is unanswered.
pub struct FormAnswers {
    pub any_cramps: Option<bool>,
    /// How many cramps; read only after "yes" (a night with cramps had one at least).
    /// How many cramps: unanswered until typed or stepped to (never a default).
    pub count: Option<u32>,
    pub pain: Option<u8>,
    pub spots: BTreeSet<Chip>,
    /// The places as recorded, kept while the chips are left as loaded: a
    /// place recorded without a side is not given one by the chips.
    loaded_places: (BTreeSet<Chip>, Vec<Spot>),
    pub disturbed: Option<u8>,
    pub quality: Option<Quality>,
    pub rested: Option<Rested>,
    pub triggers: BTreeSet<Trigger>,
    /// The warning-sign questions.
    pub swollen: Option<bool>,
    pub numbness: Option<bool>,
    pub texts: Texts,
}

/// The answers as values, to tell whether anything changed: what a save
/// would record, and every box's text (a box holding something that is not
/// yet valid is a change too).
pub type Values = (Option<bool>, Option<u32>, Answers, Vec<String>);

impl FormAnswers {
    /// Nothing answered.
    pub fn blank() -> FormAnswers {
        FormAnswers {
            any_cramps: None,
            count: None,
            pain: None,
            spots: BTreeSet::new(),
            loaded_places: (BTreeSet::new(), Vec::new()),
            disturbed: None,
            quality: None,
            rested: None,
            triggers: BTreeSet::new(),
            swollen: None,
            numbness: None,
            texts: Texts::empty(),
        }
    }

    /// What the journal already says about the night: its check-in, or the
    /// cramps logged in the night (which start the answers). Nothing else.
    pub fn from_entry(entry: &NightEntry) -> FormAnswers {
        let mut a = FormAnswers::blank();
        if let Some(c) = &entry.checkin {
            a.any_cramps = Some(c.cramps > 0);
            a.count = (c.cramps > 0).then_some(c.cramps);
            a.pain = c.pain;
            a.set_places(c.places.clone());
            a.disturbed = c.disturbed;
            a.quality = c.quality;
            a.rested = c.rested;
            a.triggers = c.triggers.iter().copied().collect();
            a.swollen = c.red_flags.one_leg_swollen;
            a.numbness = c.red_flags.lasting_numbness;
            let time = |t: Option<NaiveTime>| t.map(|t| t.format("%H:%M").to_string()).unwrap_or_default();
            let num = |n: Option<u32>| n.map(|n| n.to_string()).unwrap_or_default();
            a.texts = Texts {
                longest: text_area(&c.longest_s.map(format_longest).unwrap_or_default()),
                into_bed: text_area(&time(c.sleep.into_bed)),
                fall_asleep: text_area(&num(c.sleep.fall_asleep_min)),
                awakenings: text_area(&num(c.sleep.awakenings)),
                final_wake: text_area(&time(c.sleep.final_wake)),
                tags: text_area(&c.tags.join(", ")),
                note: text_area(&c.note),
            };
        } else if !entry.cramps.is_empty() {
            a.any_cramps = Some(true);
            a.count = Some(entry.cramps.len() as u32);
            a.set_places(entry.cramps.iter().filter_map(|c| Some(Spot { place: c.place?, side: c.side })).collect());
        }
        a
    }

    fn set_places(&mut self, places: Vec<Spot>) {
        self.spots = places.iter().flat_map(spot_chips).collect();
        self.loaded_places = (self.spots.clone(), places);
    }

    /// The answers and the boxes' texts, as values.
    pub fn values(&self) -> Values {
        // "Yes" with the count not yet given is a change too (the core's
        // answers cannot hold it: a cramp night needs its count).
        (self.any_cramps, self.count, self.to_core(), self.texts.all())
    }

    /// The core's answers: cramp details only for a night with cramps;
    /// anything not answered stays absent.
    pub fn to_core(&self) -> Answers {
        let cramps = self.any_cramps == Some(true);
        Answers {
            cramps: self.any_cramps.and_then(|yes| if yes { self.count } else { Some(0) }),
            pain: self.pain.filter(|_| cramps),
            longest_s: if cramps { self.longest().and_then(Result::ok) } else { None },
            places: match cramps {
                false => Vec::new(),
                true if self.spots == self.loaded_places.0 => self.loaded_places.1.clone(),
                true => merge_spots(&self.spots),
            },
            disturbed: self.disturbed.filter(|_| cramps),
            quality: self.quality,
            rested: self.rested,
            sleep: SleepTimes {
                into_bed: self.time(Field::IntoBed),
                fall_asleep_min: self.number(Field::FallAsleep),
                awakenings: self.number(Field::Awakenings),
                final_wake: self.time(Field::FinalWake),
            },
            triggers: self.triggers.iter().copied().collect(),
            tags: self.texts.text(Field::Tags).split(',').map(|t| t.trim().to_string()).collect(),
            red_flags: RedFlags { one_leg_swollen: self.swollen, lasting_numbness: self.numbness },
            note: self.texts.text(Field::Note),
        }
    }

    /// The check-in for `night` the answers make, built and checked by the core.
    pub fn checkin(&self, night: NaiveDate, nights: &Nights) -> Result<CheckIn, RuleError> {
        self.to_core().build(night, nights.now, nights)
    }

    /// Problems that keep the answers from being saved, each beside its field.
    pub fn errors(&self, night: NaiveDate, nights: &Nights) -> Vec<(Field, String)> {
        let mut out = Vec::new();
        if self.any_cramps.is_none() {
            out.push((Field::AnyCramps, "answer y or n".to_string()));
        }
        if self.any_cramps == Some(true) && self.count.is_none() {
            out.push((Field::Count, "type a number (or ←/→)".to_string()));
        }
        if self.any_cramps == Some(true)
            && let Some(Err(e)) = self.longest()
        {
            out.push((Field::Longest, e));
        }
        for f in [Field::IntoBed, Field::FinalWake] {
            if !self.texts.text(f).is_empty() && self.time(f).is_none() {
                out.push((f, "HH:MM, like 22:45".into()));
            }
        }
        for f in [Field::FallAsleep, Field::Awakenings] {
            if !self.texts.text(f).is_empty() && self.number(f).is_none() {
                out.push((f, "a whole number".into()));
            }
        }
        if out.is_empty()
            && let Err(e) = self.checkin(night, nights)
        {
            out.push((rule_field(&e), e.to_string()));
        }
        out
    }

    /// The duration typed as the longest cramp: `None` when nothing is typed.
    fn longest(&self) -> Option<Result<u32, String>> {
        let text = self.texts.text(Field::Longest);
        (!text.is_empty()).then(|| parse_longest(&text).map_err(|e| e.to_string()))
    }

    fn time(&self, f: Field) -> Option<NaiveTime> {
        NaiveTime::parse_from_str(&self.texts.text(f), "%H:%M").ok()
    }

    fn number(&self, f: Field) -> Option<u32> {
        self.texts.text(f).parse::<u32>().ok()
    }
}

/// The row of the form a broken rule is about.
fn rule_field(e: &RuleError) -> Field {
    let field = match e {
        RuleError::OutOfRange { field, .. }
        | RuleError::DetailWithoutCramps { field }
        | RuleError::Empty { field }
        | RuleError::Missing { field }
        | RuleError::TooLong { field, .. } => *field,
        RuleError::NightNotOver { .. }
        | RuleError::NightAhead { .. }
        | RuleError::RestTooFarAhead { .. }
        | RuleError::CrampOutsideNight { .. } => {
            return Field::Night;
        }
    };
    match field {
        "cramps" => Field::Count,
        "pain" => Field::Pain,
        "longest_s" => Field::Longest,
        "where" => Field::Where,
        "disturbed" => Field::Disturbed,
        "fall_asleep_min" => Field::FallAsleep,
        "awakenings" => Field::Awakenings,
        "tags" | "a tag" => Field::Tags,
        "note" => Field::Note,
        _ => Field::AnyCramps,
    }
}

/// The chips a recorded spot stands for ("calf-both" is both calf chips).
fn spot_chips(s: &Spot) -> Vec<Chip> {
    match (s.place, s.side) {
        (Place::Other, _) => vec![(Place::Other, None)],
        (p, Some(LegSide::Both)) => vec![(p, Some(LegSide::Left)), (p, Some(LegSide::Right))],
        (p, Some(side)) => vec![(p, Some(side))],
        // A side not given stays not given: no chip claims one.
        (p, None) => vec![(p, None)],
    }
}

/// Chips back to spots: left and right of one place become "both".
fn merge_spots(chips: &BTreeSet<Chip>) -> Vec<Spot> {
    let mut out = Vec::new();
    for (place, side) in chips {
        let both = chips.contains(&(*place, Some(LegSide::Left))) && chips.contains(&(*place, Some(LegSide::Right)));
        match side {
            Some(LegSide::Right) if both => {}
            Some(LegSide::Left) if both => out.push(Spot { place: *place, side: Some(LegSide::Both) }),
            _ => out.push(Spot { place: *place, side: *side }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::Cramp;

    #[test]
    fn a_blank_form_says_nothing_and_logged_cramps_say_only_what_was_logged() {
        let blank = FormAnswers::blank().to_core();
        assert_eq!(
            (blank.cramps, blank.pain, blank.quality, blank.rested, blank.disturbed),
            (None, None, None, None, None)
        );
        assert!(blank.places.is_empty() && blank.triggers.is_empty() && blank.note.is_empty());
        assert_eq!((blank.sleep, blank.red_flags), (SleepTimes::default(), RedFlags::default()));
        let night: NaiveDate = "2026-11-23".parse().unwrap();
        let cramp =
            |side| Cramp { night, at: "2026-11-24T02:10:00+01:00".parse().unwrap(), place: Some(Place::Calf), side };
        let entry = NightEntry { cramps: vec![cramp(Some(LegSide::Left)), cramp(None)], ..NightEntry::default() };
        let a = FormAnswers::from_entry(&entry).to_core();
        assert_eq!(a.cramps, Some(2));
        assert_eq!((a.pain, a.quality, a.rested, a.disturbed), (None, None, None, None));
        assert_eq!(a.red_flags, RedFlags::default());
        // The place without a side stays without one.
        assert_eq!(
            a.places,
            vec![Spot { place: Place::Calf, side: Some(LegSide::Left) }, Spot { place: Place::Calf, side: None }]
        );
    }
}
