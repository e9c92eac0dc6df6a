//! The journal read into memory, grouped by night.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use serde::Serialize;

use super::model::{CheckIn, Cramp, Record, RestNight, Run};

/// A borrowed [`Record`] that serializes exactly like it.
#[derive(Debug, Clone, Copy, Serialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum RecordRef<'a> {
    Run(&'a Run),
    Checkin(&'a CheckIn),
    Cramp(&'a Cramp),
    Rest(&'a RestNight),
}

impl Record {
    pub fn as_ref(&self) -> RecordRef<'_> {
        match self {
            Record::Run(r) => RecordRef::Run(r),
            Record::Checkin(c) => RecordRef::Checkin(c),
            Record::Cramp(c) => RecordRef::Cramp(c),
            Record::Rest(r) => RecordRef::Rest(r),
        }
    }
}

impl RecordRef<'_> {
    pub fn to_owned(self) -> Record {
        match self {
            RecordRef::Run(r) => Record::Run(r.clone()),
            RecordRef::Checkin(c) => Record::Checkin(c.clone()),
            RecordRef::Cramp(c) => Record::Cramp(c.clone()),
            RecordRef::Rest(r) => Record::Rest(r.clone()),
        }
    }
}

/// What the journal holds about one night.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NightEntry {
    /// Routine runs, oldest first.
    pub runs: Vec<Run>,
    pub checkin: Option<CheckIn>,
    /// Cramps logged as they happened, in time order.
    pub cramps: Vec<Cramp>,
    pub rest: Option<RestNight>,
}

impl NightEntry {
    /// The run that speaks for the night: a completed real one if any, else
    /// the latest real one, else (a night of practice only) the latest practice run.
    pub fn best_run(&self) -> Option<&Run> {
        let real = || self.runs.iter().rev().filter(|r| !r.is_practice());
        real().find(|r| r.completed()).or_else(|| real().next()).or_else(|| self.runs.last())
    }

    /// The routine was completed this night (practice runs do not count).
    pub fn completed(&self) -> bool {
        self.runs.iter().any(|r| !r.is_practice() && r.completed())
    }

    /// Some real run (not practice), complete or not.
    pub fn ran(&self) -> bool {
        self.runs.iter().any(|r| !r.is_practice())
    }

    /// The night holds practice runs and no real one.
    pub fn practice_only(&self) -> bool {
        !self.runs.is_empty() && !self.ran()
    }
}

/// Every night read, oldest first.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Entries {
    pub nights: BTreeMap<NaiveDate, NightEntry>,
}

impl Entries {
    pub fn from_records(records: Vec<Record>) -> Entries {
        Entries { nights: group_by_night(records) }
    }

    pub fn night(&self, date: NaiveDate) -> Option<&NightEntry> {
        self.nights.get(&date)
    }

    /// All records again, in night order.
    pub fn records(&self) -> Vec<Record> {
        self.record_refs().map(RecordRef::to_owned).collect()
    }

    /// All records, borrowed, in night order (export streams these without copying).
    pub fn record_refs(&self) -> impl Iterator<Item = RecordRef<'_>> {
        self.nights.values().flat_map(|n| {
            n.runs
                .iter()
                .map(RecordRef::Run)
                .chain(n.checkin.iter().map(RecordRef::Checkin))
                .chain(n.cramps.iter().map(RecordRef::Cramp))
                .chain(n.rest.iter().map(RecordRef::Rest))
        })
    }

    pub fn checkin_count(&self) -> usize {
        self.nights.values().filter(|n| n.checkin.is_some()).count()
    }
}

/// Groups records by night: runs in start order, cramps in time order.
pub fn group_by_night(records: impl IntoIterator<Item = Record>) -> BTreeMap<NaiveDate, NightEntry> {
    let mut nights = BTreeMap::new();
    for r in records {
        add_record(&mut nights, r);
    }
    put_in_order(&mut nights);
    nights
}

/// Files `r` under its night; a later check-in or rest record replaces an earlier one.
pub fn add_record(nights: &mut BTreeMap<NaiveDate, NightEntry>, r: Record) {
    let n = nights.entry(r.night()).or_default();
    match r {
        Record::Run(run) => {
            // Most nights hold one run: no room for four.
            n.runs.reserve_exact(1);
            n.runs.push(run);
        }
        Record::Checkin(c) => n.checkin = Some(c),
        Record::Cramp(c) => n.cramps.push(c),
        Record::Rest(rest) => n.rest = Some(rest),
    }
}

/// Runs in start order, cramps in time order, whatever order the lines were in.
pub fn put_in_order(nights: &mut BTreeMap<NaiveDate, NightEntry>) {
    for n in nights.values_mut() {
        n.runs.sort_by_key(|r| r.started);
        n.cramps.sort_by_key(|c| c.at);
    }
}
