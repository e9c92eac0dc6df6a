//! The journal read into memory, grouped by night.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::model::{CheckIn, Cramp, Record, RestNight, Run};

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
        self.runs
            .iter()
            .rev()
            .find(|r| r.completed())
            .or_else(|| self.runs.last())
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

    /// All records again, in night order (for export).
    pub fn records(&self) -> Vec<Record> {
        let mut out = Vec::new();
        for n in self.nights.values() {
            out.extend(n.runs.iter().cloned().map(Record::Run));
            out.extend(n.checkin.iter().cloned().map(Record::Checkin));
            out.extend(n.cramps.iter().cloned().map(Record::Cramp));
            out.extend(n.rest.iter().cloned().map(Record::Rest));
        }
        out
    }

    pub fn checkin_count(&self) -> usize {
        self.nights.values().filter(|n| n.checkin.is_some()).count()
    }
}
