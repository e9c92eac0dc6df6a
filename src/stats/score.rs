//! Consistency: Loop Habit Tracker's habit strength, an exponential average
//! with a 13-night half-life. A completed night counts 1, a missed one 0, a
//! rest night leaves the score as it is.

use chrono::{Days, NaiveDate};
use serde::Serialize;

use super::facts::{Facts, NightFacts};
use super::{NightMark, dates, facts_mark};

/// The daily multiplier: 0.5^(1/13), so a night's weight halves in 13 nights.
pub fn multiplier() -> f64 {
    0.5f64.powf(1.0 / 13.0)
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Consistency {
    /// 0.0..=1.0 as of the last night that is over (or tonight, once done).
    pub score: f64,
    /// Change against the score 30 nights earlier, in percentage points.
    pub change_30: f64,
}

/// The score after each night up to `tonight` (tonight only counts once done).
pub fn series(facts: &Facts, tonight: NaiveDate) -> Vec<(NaiveDate, f64)> {
    series_with_off_nights(facts, tonight, |_| false)
}

/// As [`series`], where `off` nights (an experiment's nights without the
/// routine) leave the score as it is, like rest nights.
pub fn series_with_off_nights(
    facts: &Facts,
    tonight: NaiveDate,
    off: impl Fn(NaiveDate) -> bool,
) -> Vec<(NaiveDate, f64)> {
    let m = multiplier();
    let mut score = 0.0;
    let mut out = Vec::new();
    for night in dates(facts, tonight) {
        if let Some(v) = value(facts.night(night), night == tonight, off(night)) {
            score = fold(score, v, m);
        }
        out.push((night, score));
    }
    out
}

/// What a night adds to the score: 1 done, 0 not, `None` leaves it as it is
/// (a rest or `off` night, or tonight while it is still to come).
pub(crate) fn value(n: Option<&NightFacts>, is_tonight: bool, off: bool) -> Option<f64> {
    match facts_mark(n) {
        _ if off => None,
        NightMark::Done => Some(1.0),
        NightMark::Rest => None,
        _ if is_tonight => None,
        _ => Some(0.0),
    }
}

/// The score after a night of `value` (`m`: [`multiplier`]).
pub(crate) fn fold(score: f64, value: f64, m: f64) -> f64 {
    score * m + value * (1.0 - m)
}

pub fn consistency(facts: &Facts, tonight: NaiveDate) -> Consistency {
    consistency_with_off_nights(facts, tonight, |_| false)
}

/// As [`consistency`], with `off` nights left out like rest nights.
pub fn consistency_with_off_nights(facts: &Facts, tonight: NaiveDate, off: impl Fn(NaiveDate) -> bool) -> Consistency {
    let s = series_with_off_nights(facts, tonight, &off);
    let now = s.last().map_or(0.0, |(_, v)| *v);
    let before = change_from(tonight, facts.night(tonight), off(tonight))
        .and_then(|d| s.iter().rev().find(|(n, _)| *n <= d).map(|(_, v)| *v))
        .unwrap_or(0.0);
    Consistency { score: now, change_30: (now - before) * 100.0 }
}

/// The night after which the score is taken to measure the change over 30
/// nights: 30 nights before the last one the score has taken in, which is
/// tonight once it is done (or a rest or `off` night), else last night
/// (tonight is still pending). Before the first night the score was 0.
pub(crate) fn change_from(tonight: NaiveDate, n: Option<&NightFacts>, off: bool) -> Option<NaiveDate> {
    let tonight_counted = off || matches!(facts_mark(n), NightMark::Done | NightMark::Rest);
    let last = if tonight_counted { tonight } else { tonight.pred_opt().unwrap_or(tonight) };
    last.checked_sub_days(Days::new(30))
}
