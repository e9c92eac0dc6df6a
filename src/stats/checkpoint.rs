//! The home screen's figures at a cost that does not grow with the history.
//!
//! Every all-time figure of the [`Overview`] is a walk over the nights in
//! order: the streaks (current and longest run), the consistency score (an
//! exponential average) and the worst pains the pain flag looks back for.
//! A [`Checkpoint`] is that walk's state at the end of a month (plus a few
//! counts); carried on over the recent nights, it gives the same figures as
//! walking every night from the first, to the bit: it takes each night with
//! the very steps the full walk uses ([`streak`](super::streak),
//! [`score`](super::score)), and the score is kept as its bits, never as
//! decimal text. `super::checkpoint_cache` keeps checkpoints on disk.

use std::collections::BTreeSet;

use chrono::{Datelike, Days, NaiveDate};
use serde::{Deserialize, Serialize};

use super::facts::Facts;
use super::flags::{PAINS, flags_with_older_pains};
use super::report::{Overview, Streaks, overview};
use super::score::{Consistency, change_from, fold, multiplier, value};
use super::streak::{Streak, checkin_step, cramp_free_step, routine_step};

/// The state of the walk over the nights, after `night`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Checkpoint {
    /// The last night taken in.
    pub night: NaiveDate,
    routine: Streak,
    checkin: Streak,
    cramp_free: Streak,
    /// The consistency score, as the bits of the `f64` (exact through JSON).
    score: u64,
    /// The worst pains of the latest cramp nights that had one, newest first.
    pains: Vec<u8>,
    /// Nights with any record, and with a check-in.
    nights: usize,
    checkins: usize,
    /// The first night with any record.
    first: Option<NaiveDate>,
}

/// What the home screen shows of the whole history, and the recent nights in full.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// The same as [`super::report::overview`] over every night.
    pub overview: Overview,
    /// The facts of every night from [`Summary::recent_from`] on (later ones included).
    pub recent: Facts,
    /// The first night of `recent`: at least 62 nights before tonight, a month's first night.
    pub recent_from: NaiveDate,
    /// The first night with any record.
    pub first_night: Option<NaiveDate>,
    /// Nights with any record (as `winddown stats` counts them), and with a check-in.
    pub nights_recorded: usize,
    pub checkins: usize,
}

/// The recent nights are read in full: at least this many before tonight.
pub const RECENT_NIGHTS: u64 = 62;

/// The first night read in full (a month's first night, at least
/// [`RECENT_NIGHTS`] before tonight) and the night before it, where the
/// checkpoint stands.
pub fn window(tonight: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
    let start = tonight.checked_sub_days(Days::new(RECENT_NIGHTS))?.with_day(1)?;
    Some((start, start.pred_opt()?))
}

impl Summary {
    /// From every night's facts: what the checkpoints must give.
    pub fn full(mut facts: Facts, tonight: NaiveDate, off: &BTreeSet<NaiveDate>) -> Summary {
        let overview = overview(&facts, tonight, |n| off.contains(&n));
        let recent_from = window(tonight).map_or(NaiveDate::MIN, |(start, _)| start);
        Summary {
            overview,
            recent_from,
            first_night: facts.nights.keys().next().copied(),
            nights_recorded: facts.nights.len(),
            checkins: facts.checkin_count(),
            recent: facts.split_off(recent_from),
        }
    }
}

impl Checkpoint {
    /// Before anything: the state after `night` when no night up to it has a record.
    pub fn start(night: NaiveDate) -> Checkpoint {
        Checkpoint {
            night,
            routine: Streak::default(),
            checkin: Streak::default(),
            cramp_free: Streak::default(),
            score: 0f64.to_bits(),
            pains: Vec::new(),
            nights: 0,
            checkins: 0,
            first: None,
        }
    }

    /// Takes in the nights after `self.night` up to `to`, whose facts are in
    /// `facts`, none of them tonight or last night (they are still open).
    /// `off`: an experiment's nights without the routine.
    pub fn advance(&mut self, facts: &Facts, to: NaiveDate, off: &BTreeSet<NaiveDate>) {
        let m = multiplier();
        let mut score = f64::from_bits(self.score);
        let mut night = self.night;
        while night < to {
            let Some(next) = night.succ_opt() else { break };
            night = next;
            let n = facts.night(night);
            let is_off = off.contains(&night);
            self.routine.take(routine_step(is_off, n), false);
            self.checkin.take(checkin_step(n), false);
            self.cramp_free.take(cramp_free_step(n), false);
            if let Some(v) = value(n, false, is_off) {
                score = fold(score, v, m);
            }
            if let Some(n) = n {
                self.nights += 1;
                self.first.get_or_insert(night);
                if let Some(c) = &n.checkin {
                    self.checkins += 1;
                    if let Some(p) = c.pain.filter(|_| c.cramps > 0) {
                        self.pains.insert(0, p);
                        self.pains.truncate(PAINS);
                    }
                }
            }
        }
        self.night = night;
        self.score = score.to_bits();
    }

    /// The figures as of `tonight`, carried on from this checkpoint over
    /// `recent`: the facts of every night after it (later ones included).
    /// The checkpoint must be more than 31 nights before tonight (the change
    /// in consistency looks back 30 nights from last night); `None` if not.
    pub fn summary(&self, recent: Facts, tonight: NaiveDate, off: &BTreeSet<NaiveDate>) -> Option<Summary> {
        let last = tonight.pred_opt().unwrap_or(tonight);
        let change_from = change_from(tonight, recent.night(tonight), off.contains(&tonight));
        if change_from.is_some_and(|d| d <= self.night) || tonight <= self.night {
            return None;
        }
        let m = multiplier();
        let (mut routine, mut checkin, mut cramp_free) = (self.routine, self.checkin, self.cramp_free);
        let mut score = f64::from_bits(self.score);
        let mut before = 0.0;
        let mut night = self.night;
        while night < tonight {
            night = night.succ_opt()?;
            let n = recent.night(night);
            let is_off = off.contains(&night);
            routine.take(routine_step(is_off, n), night == tonight);
            if night <= last {
                checkin.take(checkin_step(n), night == last);
                cramp_free.take(cramp_free_step(n), night == last);
            }
            if let Some(v) = value(n, night == tonight, is_off) {
                score = fold(score, v, m);
            }
            if Some(night) == change_from {
                before = score;
            }
        }
        let overview = Overview {
            streaks: Streaks { routine, checkin, cramp_free },
            consistency: Consistency { score, change_30: (score - before) * 100.0 },
            flags: flags_with_older_pains(&recent, tonight, &self.pains),
        };
        Some(Summary {
            overview,
            recent_from: self.night.succ_opt()?,
            first_night: self.first.or_else(|| recent.nights.keys().next().copied()),
            nights_recorded: self.nights + recent.nights.len(),
            checkins: self.checkins + recent.checkin_count(),
            recent,
        })
    }
}
