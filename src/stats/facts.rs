//! What the statistics need to know about each night: a few dozen bytes per
//! night instead of the full records. `winddown stats` folds each record into
//! these facts as it is read and drops it, so ten years of history never sit in
//! memory as records just to be counted.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use super::NightMark;
use crate::journal::entries::RecordRef;
use crate::journal::{Entries, Journal, JournalError, Outcome, Record, RedFlags, Trigger};

// The short field names keep the facts cache (`super::cache`) small and quick to read.

/// The morning check-in, as far as the statistics go.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckinFacts {
    #[serde(rename = "n")]
    pub cramps: u32,
    #[serde(rename = "p", default, skip_serializing_if = "Option::is_none")]
    pub pain: Option<u8>,
    #[serde(rename = "t", default, skip_serializing_if = "is_zero")]
    triggers: u16,
    #[serde(rename = "f", default, skip_serializing_if = "no_red_flags")]
    pub red_flags: RedFlags,
}

fn is_zero(n: &u16) -> bool {
    *n == 0
}

fn no_red_flags(f: &RedFlags) -> bool {
    !f.any()
}

fn is_false(b: &bool) -> bool {
    !b
}

impl CheckinFacts {
    pub fn has_trigger(&self, t: Trigger) -> bool {
        self.triggers & trigger_bit(t) != 0
    }
}

fn trigger_bit(t: Trigger) -> u16 {
    1 << (t as u16)
}

/// One night.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct NightFacts {
    /// Some run with every non-optional step done.
    #[serde(rename = "c", default, skip_serializing_if = "is_false")]
    pub completed: bool,
    /// Some run at all, complete or not.
    #[serde(rename = "r", default, skip_serializing_if = "is_false")]
    pub ran: bool,
    #[serde(rename = "z", default, skip_serializing_if = "is_false")]
    pub rest: bool,
    /// Some practice run (another clock speed); practice never sets `ran` or `completed`.
    #[serde(rename = "x", default, skip_serializing_if = "is_false")]
    pub practice: bool,
    #[serde(rename = "k", default, skip_serializing_if = "Option::is_none")]
    pub checkin: Option<CheckinFacts>,
    /// When the earliest completed run started.
    #[serde(
        rename = "b",
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::journal::timefmt::opt_timestamp"
    )]
    pub completed_start: Option<DateTime<FixedOffset>>,
    /// The steps of finished runs: (index into [`Facts::title`], not done).
    #[serde(rename = "s", default, skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<(u32, bool)>,
}

impl NightFacts {
    pub fn mark(&self) -> NightMark {
        NightMark::from_parts(self.completed, self.rest, self.ran, self.practice)
    }
}

/// Every night recorded, oldest first, with the step titles they share.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Facts {
    pub nights: BTreeMap<NaiveDate, NightFacts>,
    titles: Vec<String>,
    title_ids: HashMap<String, u32>,
}

/// The stored form of [`Facts`] (the facts cache holds one per month).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StoredFacts {
    titles: Vec<String>,
    nights: Vec<StoredNight>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct StoredNight(#[serde(with = "crate::journal::timefmt::date")] NaiveDate, NightFacts);

impl StoredFacts {
    /// Whether these facts can be what a month file of `(year, month)` gave:
    /// every night in that month, every step naming a stored title. A cache
    /// that was edited or damaged but still parses fails this, and is not used.
    pub fn fits(&self, (year, month): (i32, u32)) -> bool {
        self.nights.iter().all(|StoredNight(d, n)| {
            d.year() == year && d.month() == month && n.steps.iter().all(|(id, _)| (*id as usize) < self.titles.len())
        })
    }
}

impl From<StoredFacts> for Facts {
    fn from(s: StoredFacts) -> Facts {
        let title_ids = s.titles.iter().enumerate().map(|(i, t)| (t.clone(), i as u32)).collect();
        Facts { nights: s.nights.into_iter().map(|StoredNight(d, n)| (d, n)).collect(), titles: s.titles, title_ids }
    }
}

impl From<&Facts> for StoredFacts {
    fn from(f: &Facts) -> StoredFacts {
        StoredFacts {
            titles: f.titles.clone(),
            nights: f.nights.iter().map(|(d, n)| StoredNight(*d, n.clone())).collect(),
        }
    }
}

impl Facts {
    /// Reads the whole journal, through the facts cache: only month files
    /// changed since it was written are read.
    pub fn read(journal: &Journal) -> Result<Facts, JournalError> {
        super::cache::read(journal, std::time::SystemTime::now())
    }

    /// Reads the whole journal, every month file (on every core).
    pub fn read_uncached(journal: &Journal) -> Result<Facts, JournalError> {
        let parts = journal.fold_records(None, None, |facts: &mut Facts, r| facts.add(r.as_ref()))?;
        let mut all = Facts::default();
        for part in parts {
            all.merge(part);
        }
        Ok(all)
    }

    pub fn from_entries(entries: &Entries) -> Facts {
        let mut facts = Facts::default();
        for r in entries.record_refs() {
            facts.add(r);
        }
        facts
    }

    pub fn from_records(records: &[Record]) -> Facts {
        let mut facts = Facts::default();
        for r in records {
            facts.add(r.as_ref());
        }
        facts
    }

    /// Folds one record in. As when the journal is grouped by night, a later
    /// check-in replaces an earlier one.
    pub fn add(&mut self, record: RecordRef<'_>) {
        match record {
            // Practice is recorded, and kept out of streaks, consistency and insights.
            RecordRef::Run(run) if run.is_practice() => self.nights.entry(run.night).or_default().practice = true,
            RecordRef::Run(run) => {
                let completed = run.completed();
                let steps: Vec<(u32, bool)> = if run.finished {
                    run.steps.iter().map(|s| (self.title_id(&s.title), s.outcome != Outcome::Done)).collect()
                } else {
                    Vec::new()
                };
                let n = self.nights.entry(run.night).or_default();
                n.ran = true;
                if completed {
                    n.completed = true;
                    n.completed_start = Some(n.completed_start.map_or(run.started, |s| s.min(run.started)));
                }
                n.steps.extend(steps);
            }
            RecordRef::Checkin(c) => {
                let triggers = c.triggers.iter().fold(0, |bits, t| bits | trigger_bit(*t));
                // A pain outside the scale (a hand-edited file) is no answer, not a figure to average.
                let pain = c.pain.filter(|p| crate::checkin::rules::PAIN.contains(p));
                self.nights.entry(c.night).or_default().checkin =
                    Some(CheckinFacts { cramps: c.cramps, pain, triggers, red_flags: c.red_flags });
            }
            RecordRef::Cramp(c) => {
                self.nights.entry(c.night).or_default();
            }
            RecordRef::Rest(r) => self.nights.entry(r.night).or_default().rest = true,
        }
    }

    /// Takes in facts about other nights (another thread's share of the months).
    pub fn merge(&mut self, other: Facts) {
        let ids: Vec<u32> = other.titles.iter().map(|t| self.title_id(t)).collect();
        for (night, mut n) in other.nights {
            // A step naming no title cannot come from `add`; it is dropped, never a panic.
            n.steps.retain_mut(|(id, _)| ids.get(*id as usize).map(|new| *id = *new).is_some());
            match self.nights.get_mut(&night) {
                None => {
                    self.nights.insert(night, n);
                }
                // Only when one night's records came from two places (tests): combine as `add` would.
                Some(mine) => {
                    mine.ran |= n.ran;
                    mine.rest |= n.rest;
                    mine.practice |= n.practice;
                    mine.checkin = n.checkin.or(mine.checkin);
                    mine.completed |= n.completed;
                    mine.completed_start = match (mine.completed_start, n.completed_start) {
                        (Some(a), Some(b)) => Some(a.min(b)),
                        (a, b) => a.or(b),
                    };
                    mine.steps.extend(n.steps);
                }
            }
        }
    }

    /// Moves the nights from `from` on into facts of their own (the step
    /// titles are shared), leaving the older ones here.
    pub fn split_off(&mut self, from: NaiveDate) -> Facts {
        Facts { nights: self.nights.split_off(&from), titles: self.titles.clone(), title_ids: self.title_ids.clone() }
    }

    pub fn night(&self, date: NaiveDate) -> Option<&NightFacts> {
        self.nights.get(&date)
    }

    pub fn title(&self, id: u32) -> &str {
        self.titles.get(id as usize).map_or("", String::as_str)
    }

    pub fn checkin_count(&self) -> usize {
        self.nights.values().filter(|n| n.checkin.is_some()).count()
    }

    fn title_id(&mut self, title: &str) -> u32 {
        if let Some(id) = self.title_ids.get(title) {
            return *id;
        }
        let id = self.titles.len() as u32;
        self.titles.push(title.to_string());
        self.title_ids.insert(title.to_string(), id);
        id
    }
}

#[cfg(test)]
mod practice_tests {
    use super::Facts;
    use crate::journal::test_records::{checkin, run};
    use crate::journal::{Outcome, Quality, Record};
    use crate::stats::{NightMark, facts_mark, score, streak};

    fn practice(night: &str) -> Record {
        let Record::Run(mut r) = run(night.parse().unwrap(), "22:00", Outcome::Done) else { unreachable!() };
        r.speed = 20.0;
        Record::Run(r)
    }

    /// A run at another clock speed is recorded, and counts for nothing.
    #[test]
    fn practice_is_kept_out_of_streaks_consistency_and_insights() {
        let night = "2026-11-23".parse().unwrap();
        let facts = Facts::from_records(&[practice("2026-11-23"), checkin(night, 2, Some(5), Quality::Good)]);
        assert_eq!(facts_mark(facts.night(night)), NightMark::Practice);
        assert_eq!(streak::routine(&facts, night).current, 0);
        assert_eq!(score::consistency(&facts, night).score, 0.0);
        let i = crate::stats::insights::insights(&facts, None, "2026-11-23".parse().unwrap());
        let all = &i.routine[2].split;
        assert_eq!((all.with.nights, all.without.nights), (0, 1));
        assert!(facts.night(night).unwrap().steps.is_empty(), "practice steps are not counted as skipped");
    }

    #[test]
    fn hand_edited_counts_cannot_wrap_a_sum_or_skew_the_pain() {
        let facts = Facts::from_records(&[
            checkin("2026-11-22".parse().unwrap(), u32::MAX, Some(255), Quality::Good),
            checkin("2026-11-23".parse().unwrap(), 3, Some(5), Quality::Good),
        ]);
        let i = crate::stats::insights::insights(&facts, None, "2026-11-23".parse().unwrap());
        assert_eq!(i.routine[2].split.without.cramps, u32::MAX);
        assert_eq!((i.pain.average, i.pain.nights), (Some(5.0), 1));
    }
}
