//! Merging the records of one month held in several files: the month file,
//! the other answers file, sync tools' conflict copies, or git's two sides.
//!
//! The rule: records are the same thing when they have the same
//! [`Record::key`]. Identical records count once. A run is written by one coach
//! as it goes, so of two versions of a run the one that went further is the
//! newer and stands. Two different versions of anything else (two check-ins for
//! one night that disagree) are a contradiction: one stands for now (the month
//! file's, when it has one), the others are kept as *other answers* until the
//! user picks. Inside one file a later record with the same key replaces an
//! earlier one (that is an edit).

use std::collections::BTreeMap;

use super::model::{Record, RecordKey, Run};

/// The records of a month merged from its files.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Merged {
    /// One record per key.
    pub records: Vec<Record>,
    /// Other answers: records whose key is in `records` with a different version.
    pub others: Vec<Record>,
}

/// One file's records, and whether they are other answers (kept all) or a
/// month file or copy of one (a later record replaces an earlier one).
pub struct Source {
    pub records: Vec<Record>,
    pub others: bool,
}

/// Two or more different answers for one record.
#[derive(Debug, Clone, PartialEq)]
pub struct Contradiction {
    pub key: RecordKey,
    /// The version that stands for now first, then the other answers.
    pub versions: Vec<Record>,
}

/// Merges the sources in order of preference: for a contradiction, the first
/// source with the key gives the version that stands.
pub fn merge(sources: Vec<Source>) -> Merged {
    let mut versions: BTreeMap<RecordKey, Vec<Record>> = BTreeMap::new();
    for source in sources {
        let records = if source.others { source.records } else { last_per_key(source.records) };
        for r in records {
            let list = versions.entry(r.key()).or_default();
            if !list.contains(&r) {
                list.push(r);
            }
        }
    }
    let mut merged = Merged::default();
    for (_, list) in versions {
        let (current, others) = settle(list);
        merged.records.push(current);
        merged.others.extend(others);
    }
    merged
}

/// Git's three-way merge of one month file: a side that left a record as the
/// common ancestor had it takes the other side's change; records only one side
/// has are kept (the journal never deletes); two different changes are a
/// contradiction, ours standing.
pub fn merge3(base: Vec<Record>, ours: Vec<Record>, theirs: Vec<Record>) -> Merged {
    let index = |records: Vec<Record>| -> BTreeMap<RecordKey, Record> {
        last_per_key(records).into_iter().map(|r| (r.key(), r)).collect()
    };
    let base = index(base);
    let mut ours = index(ours);
    let theirs = index(theirs);
    let mut merged = Merged::default();
    for (key, t) in theirs {
        match ours.remove(&key) {
            None => merged.records.push(t),
            Some(o) if o == t || base.get(&key) == Some(&t) => merged.records.push(o),
            Some(o) if base.get(&key) == Some(&o) => merged.records.push(t),
            Some(o) => {
                let (current, others) = settle(vec![o, t]);
                merged.records.push(current);
                merged.others.extend(others);
            }
        }
    }
    merged.records.extend(ours.into_values());
    merged.records.sort_by_key(Record::key);
    merged
}

/// The contradictions in a merged month, each with the version that stands first.
pub fn contradictions(merged: &Merged) -> Vec<Contradiction> {
    let mut out: Vec<Contradiction> = Vec::new();
    for other in &merged.others {
        let key = other.key();
        match out.iter_mut().find(|c| c.key == key) {
            Some(c) => c.versions.push(other.clone()),
            None => {
                let Some(current) = merged.records.iter().find(|r| r.key() == key) else { continue };
                out.push(Contradiction { key, versions: vec![current.clone(), other.clone()] });
            }
        }
    }
    out.sort_by(|a, b| a.key.cmp(&b.key));
    out
}

/// Other answers still worth keeping once `records` is final: those that
/// differ from the record that stands for their key, each once.
pub fn still_open(records: &[Record], others: Vec<Record>) -> Vec<Record> {
    let mut kept: Vec<Record> = Vec::new();
    for other in others {
        let key = other.key();
        let stands = records.iter().find(|r| r.key() == key);
        if stands.is_some_and(|r| *r != other) && !kept.contains(&other) {
            kept.push(other);
        }
    }
    kept.sort_by_key(Record::key);
    kept
}

/// Within one file a later record with the same key replaces an earlier one.
fn last_per_key(records: Vec<Record>) -> Vec<Record> {
    let mut by_key: BTreeMap<RecordKey, Record> = BTreeMap::new();
    for r in records {
        by_key.insert(r.key(), r);
    }
    by_key.into_values().collect()
}

/// The version that stands and the other answers, from the distinct versions of one key.
fn settle(mut list: Vec<Record>) -> (Record, Vec<Record>) {
    if list.iter().all(|r| matches!(r, Record::Run(_))) {
        // Versions of one run differ only in how far the coach had got.
        list.sort_by(|a, b| progress(a).cmp(&progress(b)).then_with(|| json(a).cmp(&json(b))));
        let furthest = list.pop().unwrap_or_else(|| unreachable!("a key has at least one version"));
        return (furthest, Vec::new());
    }
    let current = list.remove(0);
    (current, list)
}

fn progress(r: &Record) -> (bool, Option<chrono::DateTime<chrono::FixedOffset>>, usize, usize) {
    match r {
        Record::Run(Run { finished, ended, steps, .. }) => {
            let done = steps.iter().filter(|s| s.outcome != super::model::Outcome::NotReached).count();
            (*finished, *ended, done, steps.len())
        }
        _ => (false, None, 0, 0),
    }
}

fn json(r: &Record) -> String {
    serde_json::to_string(r).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use chrono::{Days, NaiveDate};
    use proptest::prelude::*;

    use super::*;
    use crate::journal::model::Quality;
    use crate::journal::test_records::checkin;

    /// A check-in for one of 8 nights with one of 3 answers.
    fn record() -> impl Strategy<Value = Record> {
        (0u64..8, 0u32..3).prop_map(|(n, cramps)| {
            let night = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap() + Days::new(n);
            checkin(night, cramps, None, Quality::Fair)
        })
    }

    proptest! {
        /// Every record of every file is either the one that stands or one of
        /// the other answers, each once; a key has other answers only when its
        /// files disagree.
        #[test]
        fn merge_is_the_union_and_drops_nothing(files in proptest::collection::vec(proptest::collection::vec(record(), 0..6), 1..4)) {
            // Inside one file the last record of a key is the file's answer.
            let answers: Vec<Vec<Record>> = files.iter().map(|f| last_per_key(f.clone())).collect();
            let merged = merge(files.into_iter().map(|records| Source { records, others: false }).collect());
            let all: Vec<&Record> = merged.records.iter().chain(merged.others.iter()).collect();
            for r in answers.iter().flatten() {
                prop_assert!(all.contains(&r), "{r:?} was dropped");
            }
            let distinct: BTreeSet<String> = all.iter().map(|r| json(r)).collect();
            prop_assert_eq!(distinct.len(), all.len(), "nothing twice");
            let keys: BTreeSet<_> = merged.records.iter().map(Record::key).collect();
            prop_assert_eq!(keys.len(), merged.records.len(), "one record per key");
            let union: BTreeSet<_> = answers.iter().flatten().map(Record::key).collect();
            prop_assert_eq!(keys, union);
            for c in contradictions(&merged) {
                let distinct: BTreeSet<String> = answers.iter().flatten().filter(|r| r.key() == c.key).map(json).collect();
                prop_assert_eq!(distinct.len(), c.versions.len());
            }
        }
    }
}
