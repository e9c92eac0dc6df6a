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
    /// The run that speaks for the night: a completed one if any, else the latest.
    pub fn best_run(&self) -> Option<&Run> {
        self.runs.iter().rev().find(|r| r.completed()).or_else(|| self.runs.last())
    }

    /// The routine was completed this night.
    pub fn completed(&self) -> bool {
        self.runs.iter().any(Run::completed)
    }
}

/// Every night read, oldest first.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Entries {
    pub nights: BTreeMap<NaiveDate, NightEntry>,
}

impl Entries {
    pub fn from_records(records: Vec<Record>) -> Entries {
        let mut nights: BTreeMap<NaiveDate, NightEntry> = BTreeMap::new();
        for r in records {
            let n = nights.entry(r.night()).or_default();
            match r {
                Record::Run(run) => n.runs.push(run),
                Record::Checkin(c) => n.checkin = Some(c),
                Record::Cramp(c) => n.cramps.push(c),
                Record::Rest(rest) => n.rest = Some(rest),
            }
        }
        for n in nights.values_mut() {
            n.runs.sort_by_key(|r| r.started);
            n.cramps.sort_by_key(|c| c.at);
        }
        Entries { nights }
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
