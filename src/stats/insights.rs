//! Insights: cramps on nights with the routine against nights without, after
//! each possible trigger, by start time; average pain; the most-skipped step.
//! Every figure carries the counts behind it, and a group under the minimum
//! sample says so instead of giving a percentage.

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate, NaiveTime};
use serde::Serialize;

use super::difference::{self, Difference, Verdict};
use super::facts::{CheckinFacts, Facts};
use crate::journal::Trigger;
use crate::journal::choices::Choice;

/// Fewer nights than this in a group: "not enough nights yet".
pub const MIN_SAMPLE: u32 = 5;

/// Routines started before this count as early.
pub const EARLY_BEFORE: NaiveTime = match NaiveTime::from_hms_opt(22, 30, 0) {
    Some(t) => t,
    None => panic!("valid time"),
};

/// Checked-in nights in one group.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Group {
    pub nights: u32,
    pub nights_with_cramps: u32,
    pub cramps: u32,
    /// At least [`MIN_SAMPLE`] nights: the rates below are given.
    pub enough: bool,
    pub cramps_per_night: Option<f64>,
    pub share_with_cramps: Option<f64>,
}

impl Group {
    fn add(&mut self, c: &CheckinFacts) {
        // Saturating: a hand-edited journal cannot wrap a sum around.
        self.nights = self.nights.saturating_add(1);
        self.cramps = self.cramps.saturating_add(c.cramps);
        self.nights_with_cramps += u32::from(c.cramps > 0);
    }

    fn finish(mut self) -> Group {
        self.enough = self.nights >= MIN_SAMPLE;
        if self.enough {
            self.cramps_per_night = Some(f64::from(self.cramps) / f64::from(self.nights));
            self.share_with_cramps = Some(f64::from(self.nights_with_cramps) / f64::from(self.nights));
        }
        self
    }

    /// "0.4/night · 30% of 20" or "too few (3 of 5)", for narrow panels.
    pub fn short(&self) -> String {
        match (self.cramps_per_night, self.share_with_cramps) {
            (Some(rate), Some(share)) => {
                format!("{rate:.1}/night · {:.0}% of {}", share * 100.0, self.nights)
            }
            _ => format!("too few nights ({} of {MIN_SAMPLE})", self.nights),
        }
    }

    /// "0.4 cramps a night, cramps on 30% of 20 nights" or "not enough nights yet (3)".
    pub fn describe(&self) -> String {
        match (self.cramps_per_night, self.share_with_cramps) {
            (Some(rate), Some(share)) => {
                format!("{rate:.1} cramps a night, cramps on {:.0}% of {} nights", share * 100.0, self.nights)
            }
            _ => format!("not enough nights yet ({} of {MIN_SAMPLE})", self.nights),
        }
    }
}

/// Two groups of checked-in nights and their difference (with minus without).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Split {
    pub with: Group,
    pub without: Group,
    pub difference: Difference,
    pub verdict: Verdict,
}

impl Split {
    /// The verdict in words (see [`difference::describe`]).
    pub fn describe_difference(&self) -> String {
        difference::describe(&self.difference, self.verdict, self.with.nights, self.without.nights)
    }
}

/// Nights added in date order; the difference needs their order.
#[derive(Default)]
struct SplitBuilder {
    with: Group,
    without: Group,
    nights: Vec<difference::Night>,
}

impl SplitBuilder {
    fn add(&mut self, with: bool, c: &CheckinFacts) {
        if with {
            self.with.add(c)
        } else {
            self.without.add(c)
        }
        self.nights.push((with, c.cramps));
    }

    fn finish(&self) -> Split {
        let (difference, verdict) = difference::compare(&self.nights);
        Split { with: self.with.finish(), without: self.without.finish(), difference, verdict }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RoutineWindow {
    /// "last 30 nights", "last 90 nights", "all time".
    pub window: String,
    pub split: Split,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TriggerSplit {
    pub trigger: &'static str,
    pub label: &'static str,
    pub split: Split,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pain {
    /// Mean pain of the worst cramp, over nights with cramps and a pain answer.
    pub average: Option<f64>,
    pub nights: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SkippedStep {
    pub title: String,
    /// Runs in which it was skipped, partly done or not reached.
    pub times: u32,
    /// Runs that had the step.
    pub runs: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Insights {
    pub routine: Vec<RoutineWindow>,
    pub triggers: Vec<TriggerSplit>,
    pub pain: Pain,
    pub most_skipped_step: Option<SkippedStep>,
    /// Completed nights split by start time ([`EARLY_BEFORE`]).
    pub start_time: Split,
}

/// Insights over nights from `since` (or the first) to `last` (the last night that is over).
pub fn insights(facts: &Facts, since: Option<NaiveDate>, last: NaiveDate) -> Insights {
    let in_range = |d: &NaiveDate, from: Option<NaiveDate>| {
        *d <= last && from.is_none_or(|f| *d >= f) && since.is_none_or(|s| *d >= s)
    };
    let nights = |from: Option<NaiveDate>| facts.nights.iter().filter(move |(d, _)| in_range(d, from)).map(|(_, n)| n);

    let routine_split = |from: Option<NaiveDate>| {
        let mut s = SplitBuilder::default();
        for n in nights(from) {
            if let Some(c) = &n.checkin
                && !n.rest
            {
                s.add(n.completed, c);
            }
        }
        s
    };
    let window = |days: u64| last.checked_sub_days(Days::new(days - 1));
    let mut builders = vec![routine_split(window(30)), routine_split(window(90)), routine_split(None)];
    for t in Trigger::all() {
        let mut s = SplitBuilder::default();
        for c in nights(None).filter_map(|n| n.checkin.as_ref()) {
            s.add(c.has_trigger(t), c);
        }
        builders.push(s);
    }

    let pains: Vec<u8> =
        nights(None).filter_map(|n| n.checkin.as_ref()).filter(|c| c.cramps > 0).filter_map(|c| c.pain).collect();
    let pain = Pain {
        average: (!pains.is_empty()).then(|| pains.iter().map(|p| f64::from(*p)).sum::<f64>() / pains.len() as f64),
        nights: pains.len() as u32,
    };

    let mut steps: BTreeMap<&str, (u32, u32)> = BTreeMap::new();
    for &(title, skipped) in nights(None).flat_map(|n| n.steps.iter()) {
        let e = steps.entry(facts.title(title)).or_default();
        e.1 += 1;
        e.0 += u32::from(skipped);
    }
    let most_skipped_step = steps
        .into_iter()
        .filter(|(_, (times, _))| *times > 0)
        .max_by_key(|(title, (times, _))| (*times, std::cmp::Reverse(*title)))
        .map(|(title, (times, runs))| SkippedStep { title: title.to_string(), times, runs });

    let mut start_time = SplitBuilder::default();
    for (night, n) in facts.nights.iter().filter(|(d, _)| in_range(d, None)) {
        if let (Some(started), Some(c)) = (n.completed_start, &n.checkin) {
            let is_early = started.date_naive() == *night && started.time() < EARLY_BEFORE;
            start_time.add(is_early, c);
        }
    }
    builders.push(start_time);

    let mut splits = finish_all(builders).into_iter();
    let mut next = || splits.next().expect("one split per builder");
    let routine = ["last 30 nights", "last 90 nights", "all time"]
        .into_iter()
        .map(|w| RoutineWindow { window: w.into(), split: next() })
        .collect();
    let triggers =
        Trigger::all().map(|t| TriggerSplit { trigger: t.name(), label: t.label(), split: next() }).collect();
    Insights { routine, triggers, pain, most_skipped_step, start_time: next() }
}

/// Finishes every split; their bootstraps are independent, so two threads
/// share them (each result is the same whichever thread computes it).
fn finish_all(builders: Vec<SplitBuilder>) -> Vec<Split> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let queue = AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let i = queue.fetch_add(1, Ordering::Relaxed);
            let Some(b) = builders.get(i) else { return done };
            done.push((i, b.finish()));
        }
    };
    let mut all: Vec<(usize, Split)> = std::thread::scope(|s| {
        let other = s.spawn(work);
        let mut mine = work();
        // A panic in the other thread would be a bug; its splits are then computed here.
        mine.extend(other.join().unwrap_or_default());
        mine
    });
    all.sort_by_key(|(i, _)| *i);
    all.dedup_by_key(|(i, _)| *i);
    if all.len() < builders.len() {
        return builders.iter().map(SplitBuilder::finish).collect();
    }
    all.into_iter().map(|(_, s)| s).collect()
}
