//! The check-in form's state: where the cursor is and what has been typed.
//! The answers it makes go through the core's [`Answers`], which builds and
//! validates the check-in exactly as the command line does. Keys live in
//! `keys.rs`, drawing in `view.rs`.

use std::collections::BTreeSet;

use chrono::{NaiveDate, NaiveTime};

use super::fields::Field;
use super::texts::{Texts, text_area};
use crate::checkin::answers::{format_longest, parse_longest};
use crate::checkin::{Answers, Nights, RuleError};
use crate::journal::{
    CheckIn, LegSide, NightEntry, Place, Quality, Record, RedFlags, Rested, SleepTimes, Spot, Trigger,
};
use crate::tui::screen::{Effect, NightLoaded, Tally};

/// The "where" chips, in order.
pub const SPOTS: [(Place, Option<LegSide>); 7] = [
    (Place::Calf, Some(LegSide::Left)),
    (Place::Calf, Some(LegSide::Right)),
    (Place::Foot, Some(LegSide::Left)),
    (Place::Foot, Some(LegSide::Right)),
    (Place::Thigh, Some(LegSide::Left)),
    (Place::Thigh, Some(LegSide::Right)),
    (Place::Other, None),
];

#[derive(Debug, Clone, PartialEq)]
pub enum Mode {
    Editing,
    /// Esc with unsaved answers: "discard them?"
    ConfirmDiscard,
    /// The night has two different check-ins (two machines): pick one.
    Contested,
    Help,
    /// Saved: the summary, with the number of nights checked in and the streaks.
    Saved {
        checkins: usize,
        checkin_streak: u32,
        cramp_free: u32,
    },
}

pub struct CheckinForm {
    /// Where now stands: which nights are over and may be checked in.
    pub nights: Nights,
    /// The latest night one can check in for (the last night that is over).
    pub last_night: NaiveDate,
    pub night: NaiveDate,
    /// What the journal holds for the night (runs, logged cramps, rest).
    pub entry: NightEntry,
    pub editing_existing: bool,
    pub focus: Field,
    pub mode: Mode,
    pub any_cramps: Option<bool>,
    pub count: u32,
    pub pain: Option<u8>,
    pub spots: BTreeSet<(Place, Option<LegSide>)>,
    /// The places as recorded, kept while the chips are left as loaded: a
    /// place recorded without a side is not given one by the chips.
    loaded_places: (BTreeSet<(Place, Option<LegSide>)>, Vec<Spot>),
    pub disturbed: Option<u8>,
    /// Unanswered until the user picks one: nothing is pre-selected.
    pub quality: Option<Quality>,
    pub rested: Option<Rested>,
    pub triggers: BTreeSet<Trigger>,
    /// The warning-sign questions: unanswered until answered.
    pub swollen: Option<bool>,
    pub numbness: Option<bool>,
    pub texts: Texts,
    /// Digits typed so far into the focused number field ("1" then "0" is 10).
    pub typed: String,
    /// Cursor within the chips of the focused multi-select field.
    pub chip: usize,
    /// A message about the last action (a refused save, a blocked night change).
    pub message: Option<String>,
    /// The answers and texts as loaded: unsaved changes are any difference from these.
    initial: (Answers, Vec<String>),
    /// The night's check-ins when two machines gave different ones (the one
    /// shown first); empty otherwise.
    pub contested: Vec<CheckIn>,
    /// The check-in as saved (for the summary).
    pub saved: Option<CheckIn>,
    /// A check-in asked to be written, until the write is done.
    pub(super) saving: Option<CheckIn>,
    /// A pick between two answers asked to be written, until it is done.
    pub(super) resolving: bool,
    /// What this input calls for, in order: returned by `handle`.
    pub(super) effects: Vec<Effect>,
}

impl CheckinForm {
    /// A form for `night` (usually the last night that is over), filled
    /// with what the journal holds for it (or told why it could not be read).
    pub fn new(night: NaiveDate, loaded: Result<NightLoaded, String>, nights: Nights) -> CheckinForm {
        let mut f = CheckinForm::blank(nights, night, Field::AnyCramps);
        f.fill(night, loaded);
        f
    }

    /// Fills the form from the journal's record of `night`.
    pub(super) fn fill(&mut self, night: NaiveDate, loaded: Result<NightLoaded, String>) {
        let (entry, contested) = match loaded {
            Ok(l) => (l.entry, l.contested),
            Err(e) => {
                self.message = Some(e);
                (NightEntry::default(), Vec::new())
            }
        };
        let message = self.message.take();
        let effects = std::mem::take(&mut self.effects);
        *self = CheckinForm::blank(self.nights, night, self.focus);
        self.effects = effects;
        self.message = message;
        if let Some(c) = &entry.checkin {
            self.editing_existing = true;
            self.any_cramps = Some(c.cramps > 0);
            self.count = c.cramps.max(1);
            self.pain = c.pain;
            self.spots = c.places.iter().flat_map(spot_chips).collect();
            self.loaded_places = (self.spots.clone(), c.places.clone());
            self.disturbed = c.disturbed;
            self.quality = c.quality;
            self.rested = c.rested;
            self.triggers = c.triggers.iter().copied().collect();
            self.swollen = c.red_flags.one_leg_swollen;
            self.numbness = c.red_flags.lasting_numbness;
            let time = |t: Option<NaiveTime>| t.map(|t| t.format("%H:%M").to_string()).unwrap_or_default();
            let num = |n: Option<u32>| n.map(|n| n.to_string()).unwrap_or_default();
            self.texts = Texts {
                longest: text_area(&c.longest_s.map(format_longest).unwrap_or_default()),
                into_bed: text_area(&time(c.sleep.into_bed)),
                fall_asleep: text_area(&num(c.sleep.fall_asleep_min)),
                awakenings: text_area(&num(c.sleep.awakenings)),
                final_wake: text_area(&time(c.sleep.final_wake)),
                tags: text_area(&c.tags.join(", ")),
                note: text_area(&c.note),
            };
        } else if !entry.cramps.is_empty() {
            // Cramps logged in the night start the answers.
            self.any_cramps = Some(true);
            self.count = entry.cramps.len() as u32;
            let places: Vec<Spot> =
                entry.cramps.iter().filter_map(|c| Some(Spot { place: c.place?, side: c.side })).collect();
            self.spots = places.iter().flat_map(spot_chips).collect();
            self.loaded_places = (self.spots.clone(), places);
        }
        self.entry = entry;
        self.initial = (self.answers(), self.texts.all());
        self.contested = contested;
        if !self.contested.is_empty() {
            self.mode = Mode::Contested;
        }
    }

    fn blank(nights: Nights, night: NaiveDate, focus: Field) -> CheckinForm {
        CheckinForm {
            nights,
            last_night: nights.last_over,
            night,
            entry: NightEntry::default(),
            editing_existing: false,
            focus,
            mode: Mode::Editing,
            any_cramps: None,
            count: 1,
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
            typed: String::new(),
            chip: 0,
            message: None,
            initial: (Answers::default(), Texts::empty().all()),
            contested: Vec::new(),
            saved: None,
            saving: None,
            resolving: false,
            effects: Vec::new(),
        }
    }

    /// Whether anything differs from what was loaded.
    pub fn dirty(&self) -> bool {
        (self.answers(), self.texts.all()) != self.initial
    }

    /// The rows shown now (cramp details only after "yes").
    pub fn visible(&self) -> Vec<Field> {
        Field::ALL.into_iter().filter(|f| !f.is_cramp_detail() || self.any_cramps == Some(true)).collect()
    }

    /// Problems that keep the form from being saved, each beside its field.
    pub fn errors(&self) -> Vec<(Field, String)> {
        let mut out = Vec::new();
        if self.any_cramps.is_none() {
            out.push((Field::AnyCramps, "answer y or n".to_string()));
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
            && let Err(e) = self.checkin()
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

    /// What the user has answered; anything not answered stays absent.
    pub fn answers(&self) -> Answers {
        let cramps = self.any_cramps == Some(true);
        Answers {
            cramps: self.any_cramps.map(|yes| if yes { self.count } else { 0 }),
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

    /// The check-in the answers make, built and checked by the core.
    pub fn checkin(&self) -> Result<CheckIn, RuleError> {
        self.answers().build(self.night, self.nights.now, &self.nights)
    }

    /// Ctrl-S: asks for the check-in to be written when valid, otherwise
    /// says what is missing.
    pub(super) fn save(&mut self) {
        if let Some((field, why)) = self.errors().into_iter().next() {
            self.focus = field;
            self.message = Some(format!("cannot save yet: {}: {why}", field.label().trim()));
            return;
        }
        let Ok(record) = self.checkin() else { return };
        self.saving = Some(record.clone());
        self.effects.push(Effect::Put { records: vec![Record::Checkin(record)], tally: Some(self.nights.current) });
    }

    /// The check-in is written (with the journal's standing after it), or not.
    pub(super) fn written(&mut self, result: Result<Option<Tally>, String>) {
        let Some(record) = self.saving.take() else { return };
        match result {
            Ok(tally) => {
                self.initial = (self.answers(), self.texts.all());
                self.saved = Some(record);
                self.message = None;
                let t = tally.unwrap_or_default();
                self.mode = Mode::Saved {
                    checkins: t.checkins,
                    checkin_streak: t.checkin.current,
                    cramp_free: t.cramp_free.current,
                };
            }
            Err(e) => self.message = Some(format!("not saved: {e}")),
        }
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
fn spot_chips(s: &Spot) -> Vec<(Place, Option<LegSide>)> {
    match (s.place, s.side) {
        (Place::Other, _) => vec![(Place::Other, None)],
        (p, Some(LegSide::Both)) => vec![(p, Some(LegSide::Left)), (p, Some(LegSide::Right))],
        (p, Some(side)) => vec![(p, Some(side))],
        // A side not given stays not given: no chip claims one.
        (p, None) => vec![(p, None)],
    }
}

/// Chips back to spots: left and right of one place become "both".
fn merge_spots(chips: &BTreeSet<(Place, Option<LegSide>)>) -> Vec<Spot> {
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
