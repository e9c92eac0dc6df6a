//! `winddown log`: one line a night, newest first.

use chrono::{Days, NaiveDate};
use serde::Serialize;

use crate::journal::choices::Choice;
use crate::journal::{Entries, NightEntry};

/// The last `count` nights ending at `last`, each one line, newest first.
/// How an unanswered question (or a night without a check-in) is shown.
const UNKNOWN: &str = "—";

pub fn log_text(entries: &Entries, last: NaiveDate, count: u32) -> String {
    let mut out = format!("{:<11}  {:<28}  {:>6}  {:>5}  {}\n", "NIGHT", "ROUTINE", "CRAMPS", "WORST", "SLEEP");
    for row in rows(entries, last, count) {
        out.push_str(&format!(
            "{:<11}  {:<28}  {:>6}  {:>5}  {}\n",
            row.label,
            row.routine_text,
            // "—": not answered (or no check-in), so unknown; "-": does not apply
            // (no worst pain on a cramp-free night).
            row.cramps.map_or(UNKNOWN.into(), |c| c.to_string()),
            match (row.cramps, row.worst_pain) {
                (_, Some(p)) => format!("{p}/10"),
                (Some(0), None) => "-".into(),
                (_, None) => UNKNOWN.into(),
            },
            row.sleep_quality.unwrap_or(UNKNOWN),
        ));
    }
    out
}

#[derive(Serialize)]
pub struct LogRow {
    pub night: NaiveDate,
    #[serde(skip)]
    label: String,
    #[serde(skip)]
    routine_text: String,
    pub routine: Option<String>,
    pub routine_completed: bool,
    /// Clock speed of the run shown (1 = real time).
    pub speed: Option<f64>,
    /// The night has practice runs only (another clock speed): not counted as the routine.
    pub practice: bool,
    pub steps_done: Option<usize>,
    pub steps_total: Option<usize>,
    pub checked_in: bool,
    pub cramps: Option<u32>,
    pub worst_pain: Option<u8>,
    pub sleep_quality: Option<&'static str>,
    pub rest_reason: Option<String>,
}

pub fn rows(entries: &Entries, last: NaiveDate, count: u32) -> Vec<LogRow> {
    let empty = NightEntry::default();
    (0..count)
        .filter_map(|i| last.checked_sub_days(Days::new(u64::from(i))))
        .map(|night| row(night, entries.night(night).unwrap_or(&empty)))
        .collect()
}

fn row(night: NaiveDate, n: &NightEntry) -> LogRow {
    let run = n.best_run();
    let routine_text = match (run, &n.rest) {
        (Some(r), _) => format!(
            "{} {} {}/{}",
            if r.is_practice() {
                "practice"
            } else if n.completed() {
                "done"
            } else {
                "partial"
            },
            r.routine,
            r.steps_done(),
            r.steps.len()
        ),
        (None, Some(rest)) => format!("rest: {}", crate::text::visible(&rest.reason)),
        (None, None) => "-".into(),
    };
    let c = n.checkin.as_ref();
    LogRow {
        night,
        label: night.format("%a %d %b").to_string(),
        routine_text: truncate(&routine_text, 28),
        routine: run.map(|r| r.routine.clone()),
        routine_completed: n.completed(),
        speed: run.map(|r| r.speed),
        practice: n.practice_only(),
        steps_done: run.map(|r| r.steps_done()),
        steps_total: run.map(|r| r.steps.len()),
        checked_in: c.is_some(),
        cramps: c.map(|c| c.cramps),
        worst_pain: c.and_then(|c| c.pain),
        sleep_quality: c.and_then(|c| c.quality).map(|q| q.name()),
        rest_reason: n.rest.as_ref().map(|r| r.reason.clone()),
    }
}

fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut t: String = s.chars().take(max - 1).collect();
    t.push('…');
    t
}
