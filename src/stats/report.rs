//! Everything `winddown stats` shows, in one serializable report (the `--json`
//! schema) and as readable text.

use chrono::NaiveDate;
use serde::Serialize;

use super::facts::Facts;
use super::flags::{Flag, flags};
use super::insights::{Insights, Split, insights};
use super::score::{Consistency, consistency_with_off_nights};
use super::streak::{Streak, checkin, cramp_free, routine_with_off_nights};

/// Version of the `--json` schema.
pub const STATS_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Streaks {
    pub routine: Streak,
    pub checkin: Streak,
    pub cramp_free: Streak,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub version: u32,
    /// The night going on now (pending until done).
    pub tonight: NaiveDate,
    pub since: Option<NaiveDate>,
    pub nights_recorded: usize,
    pub checkins: usize,
    pub streaks: Streaks,
    pub consistency: Consistency,
    pub insights: Insights,
    pub flags: Vec<Flag>,
}

/// The report as of `tonight`, taking the night before as the last one over.
pub fn report(facts: &Facts, tonight: NaiveDate, since: Option<NaiveDate>) -> Report {
    report_at(facts, tonight, tonight.pred_opt().unwrap_or(tonight), since)
}

/// The report as of `tonight`; windows such as "the last 30 nights" end at
/// `last_over`, the last night that is over (tonight has no data yet).
pub fn report_at(facts: &Facts, tonight: NaiveDate, last_over: NaiveDate, since: Option<NaiveDate>) -> Report {
    report_with_off_nights(facts, tonight, last_over, since, |_| false)
}

/// The report when some nights are planned without the routine (an
/// experiment's off nights): they neither break nor count toward the routine streak.
pub fn report_with_off_nights(
    facts: &Facts,
    tonight: NaiveDate,
    last_over: NaiveDate,
    since: Option<NaiveDate>,
    off: impl Fn(NaiveDate) -> bool,
) -> Report {
    let o = overview(facts, tonight, off);
    Report {
        version: STATS_VERSION,
        tonight,
        since,
        nights_recorded: facts.nights.len(),
        checkins: facts.checkin_count(),
        streaks: o.streaks,
        consistency: o.consistency,
        insights: insights(facts, since, last_over),
        flags: o.flags,
    }
}

/// The quick part of the report: one pass over the nights each, no
/// resampling. The screens show it at once and compute the insights (the
/// bootstrap intervals) only when they are shown.
#[derive(Debug, Clone, PartialEq)]
pub struct Overview {
    pub streaks: Streaks,
    pub consistency: Consistency,
    pub flags: Vec<Flag>,
}

/// The overview as of `tonight`, off nights as in [`report_with_off_nights`].
pub fn overview(facts: &Facts, tonight: NaiveDate, off: impl Fn(NaiveDate) -> bool) -> Overview {
    Overview {
        streaks: Streaks {
            routine: routine_with_off_nights(facts, tonight, &off),
            // A check-in is about the night that is over: last night's is
            // pending (due this morning), not a break, until tonight is over too.
            checkin: checkin(facts, last_night(tonight)),
            cramp_free: cramp_free(facts, last_night(tonight)),
        },
        consistency: consistency_with_off_nights(facts, tonight, &off),
        flags: flags(facts, tonight),
    }
}

/// The night before `tonight`: the one a check-in is about.
fn last_night(tonight: NaiveDate) -> NaiveDate {
    tonight.pred_opt().unwrap_or(tonight)
}

fn nights(n: u32) -> String {
    format!("{n} night{}", if n == 1 { "" } else { "s" })
}

/// "5 nights (longest 12); tonight still to come": `pending` names the
/// night the streak waits for (tonight's routine, last night's check-in).
pub fn streak_text(s: &Streak, pending: &str) -> String {
    format!(
        "{} (longest {}){}",
        nights(s.current),
        s.longest,
        if s.tonight_done { String::new() } else { format!("; {pending} still to come") }
    )
}

fn split_lines(out: &mut String, with: &str, without: &str, s: &Split) {
    out.push_str(&format!("    {with:<22} {}\n", s.with.describe()));
    out.push_str(&format!("    {without:<22} {}\n", s.without.describe()));
    out.push_str(&format!("    {:<22} {}\n", "difference", s.describe_difference()));
}

/// Said once under the observational comparisons.
pub const NOT_AN_EXPERIMENT: &str = "  These compare nights as they happened, not an experiment: nights with the routine\n  may differ in other ways. For a fair test, plan one: winddown experiment start\n";

pub fn text(r: &Report) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "Tonight: {}   nights recorded: {}   check-ins: {}\n\n",
        r.tonight.format("%a %d %b %Y"),
        r.nights_recorded,
        r.checkins
    ));
    out.push_str("Streaks\n");
    out.push_str(&format!("  routine done    {}\n", streak_text(&r.streaks.routine, "tonight")));
    out.push_str(&format!("  checked in      {}\n", streak_text(&r.streaks.checkin, "last night's check-in")));
    out.push_str(&format!("  cramp-free      {}\n", streak_text(&r.streaks.cramp_free, "last night's check-in")));
    out.push_str(&format!(
        "\nConsistency: {:.0}% ({:+.0} points over 30 nights)\n",
        r.consistency.score * 100.0,
        r.consistency.change_30
    ));
    out.push_str("\nOn nights with the routine, were there fewer cramps?\n");
    for w in &r.insights.routine {
        out.push_str(&format!("  {}\n", w.window));
        split_lines(&mut out, "with the routine", "without", &w.split);
    }
    let shown: Vec<_> = r.insights.triggers.iter().filter(|t| t.split.with.nights > 0).collect();
    if !shown.is_empty() {
        out.push_str("\nAfter possible triggers\n");
        for t in shown {
            out.push_str(&format!("  {}\n", t.label));
            split_lines(&mut out, "after it", "without it", &t.split);
        }
    }
    out.push_str("\nWhen the routine started\n");
    split_lines(&mut out, "before 22:30", "22:30 or later", &r.insights.start_time);
    out.push_str(&format!(
        "\n  Differences are cramps a night, with minus without, with a 95% interval from a\n  moving-block bootstrap (blocks of {} nights or more); {} checked-in nights needed on each side.\n  Among many comparisons, about 1 in 20 shows a difference by chance alone.\n",
        super::difference::BLOCK,
        super::difference::MIN_NIGHTS
    ));
    out.push_str(NOT_AN_EXPERIMENT);
    out.push('\n');
    match r.insights.pain.average {
        Some(p) => out.push_str(&format!("Average worst pain: {p:.1}/10 over {}\n", nights(r.insights.pain.nights))),
        None => out.push_str("Average worst pain: no cramp nights with a pain answer yet\n"),
    }
    if let Some(s) = &r.insights.most_skipped_step {
        out.push_str(&format!("Most-skipped step: {} ({} of {} runs)\n", s.title, s.times, s.runs));
    }
    for f in &r.flags {
        out.push_str(&format!("\n! {}\n  {}\n", f.reason, f.advice));
    }
    out
}
