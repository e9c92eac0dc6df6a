//! The experiment as text and JSON: the plan, the calendar, the result.

use chrono::NaiveDate;
use serde::Serialize;

use crate::experiment::analysis::{Status, Verdict};
use crate::experiment::{Arm, NightPlan, Outcome, Plan};
use crate::journal::Entries;

/// One night of the calendar with what the journal holds for it.
#[derive(Debug, Serialize)]
pub struct CalendarNight {
    #[serde(flatten)]
    pub plan: NightPlan,
    /// The routine planned (`null`: none).
    pub routine: Option<String>,
    /// "to_come", "washout", "checked_in" or "missing".
    pub state: &'static str,
    /// Cramps reported (`null` when not checked in).
    pub cramps: Option<u32>,
    /// A routine run that the plan did not call for.
    pub deviation: bool,
}

#[derive(Debug, Serialize)]
pub struct StatusJson<'a> {
    pub version: u32,
    pub plan: &'a Plan,
    pub tonight: NaiveDate,
    /// "off night 3 of 7 — …".
    pub tonight_line: String,
    pub tonight_plan: Option<NightPlan>,
    pub calendar: Vec<CalendarNight>,
}

pub fn calendar(plan: &Plan, entries: &Entries, last_over: NaiveDate) -> Vec<CalendarNight> {
    plan.calendar()
        .into_iter()
        .map(|n| {
            let entry = entries.night(n.night);
            let cramps = entry.and_then(|e| e.checkin.as_ref()).map(|c| c.cramps);
            let planned = plan.routine(n.arm);
            let runs = entry.map_or(&[][..], |e| &e.runs[..]);
            let deviation = runs.iter().filter(|r| r.speed == 1.0).any(|r| match planned {
                None => true,
                Some(p) => r.routine != p && plan.routine(other(n.arm)) == Some(r.routine.as_str()),
            });
            let state = if n.night > last_over {
                "to_come"
            } else if n.washout {
                "washout"
            } else if cramps.is_some() {
                "checked_in"
            } else {
                "missing"
            };
            CalendarNight { plan: n, routine: planned.map(str::to_string), state, cramps, deviation }
        })
        .collect()
}

fn other(arm: Arm) -> Arm {
    match arm {
        Arm::A => Arm::B,
        Arm::B => Arm::A,
    }
}

pub fn status_json<'a>(plan: &'a Plan, entries: &Entries, tonight: NaiveDate, last_over: NaiveDate) -> StatusJson<'a> {
    StatusJson {
        version: super::experiment_cmd::EXPERIMENT_JSON_VERSION,
        plan,
        tonight,
        tonight_line: plan.tonight_line(tonight),
        tonight_plan: plan.night(tonight),
        calendar: calendar(plan, entries, last_over),
    }
}

fn day(d: NaiveDate) -> String {
    d.format("%a %d %b %Y").to_string()
}

fn header(plan: &Plan) -> String {
    let orders: Vec<String> = plan.orders.iter().map(|o| format!("{}{}", o[0].letter(), o[1].letter())).collect();
    format!(
        "Experiment: {} (A) against {} (B), {} weeks, nights {} to {}{}\n\
         Primary outcome, fixed in advance: cramps per night. Wash-out: the first {} night{} of each week not counted.\n\
         Order of each pair of weeks, drawn at random (seed {}): {}\n",
        plan.arm_name(Arm::A),
        plan.arm_name(Arm::B),
        plan.weeks,
        day(plan.first_night),
        day(plan.last_night()),
        plan.stopped.map_or(String::new(), |s| format!(" (stopped after {})", day(s))),
        plan.washout,
        if plan.washout == 1 { "" } else { "s" },
        plan.seed,
        orders.join(" ")
    )
}

pub fn status_text(plan: &Plan, entries: &Entries, tonight: NaiveDate, last_over: NaiveDate) -> String {
    let mut out = header(plan);
    out.push_str(&format!("\nTonight: {}\n\n", plan.tonight_line(tonight)));
    out.push_str("week  arm                       night 1   2   3   4   5   6   7\n");
    let cal = calendar(plan, entries, last_over);
    for week in cal.chunk_by(|a, b| a.plan.week == b.plan.week) {
        let first = &week[0].plan;
        let name = format!("{} {}", first.arm.letter(), plan.arm_name(first.arm));
        let mut line = format!("{:>3}   {:<24} {}", first.week, truncate(&name, 24), first.night.format("%d %b"));
        for n in week {
            let cell = match (n.state, n.cramps) {
                ("to_come", _) if n.plan.night == tonight => "now".to_string(),
                ("to_come", _) => "·".to_string(),
                ("washout", Some(c)) => format!("({c})"),
                ("washout", None) => "(—)".to_string(),
                (_, Some(c)) => c.to_string(),
                (_, None) => "—".to_string(),
            };
            let cell = if n.deviation { format!("{cell}!") } else { cell };
            line.push_str(&format!("{cell:>4}"));
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out.push_str(
        "\nEach night: cramps reported; (n) wash-out, not counted; — no check-in (missing, never counted as 0);\n\
         · still to come; ! a routine run the plan did not call for (a protocol deviation, counted as planned).\n",
    );
    out
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n { s.to_string() } else { format!("{}…", s.chars().take(n - 1).collect::<String>()) }
}

fn rate(r: Option<f64>, nights: u32) -> String {
    match r {
        Some(r) => {
            format!("{r:.2} cramps a night over {nights} checked-in night{}", if nights == 1 { "" } else { "s" })
        }
        None => "no checked-in nights yet".to_string(),
    }
}

pub fn result_text(plan: &Plan, r: &Outcome) -> String {
    let mut out = header(plan);
    let status = match r.status {
        Status::NotStarted => "not started yet",
        Status::Running => "interim (still running)",
        Status::Finished => "finished",
        Status::Stopped => "stopped early",
    };
    out.push_str(&format!(
        "\nResult: {status}, {} of {} nights over. Nights are analysed as planned (intention to treat).\n\n",
        r.nights_so_far, r.nights_planned
    ));
    out.push_str(&format!("  A  {:<22} {}\n", truncate(&r.a.name, 22), rate(r.a.cramps_per_night, r.a.nights)));
    out.push_str(&format!("  B  {:<22} {}\n", truncate(&r.b.name, 22), rate(r.b.cramps_per_night, r.b.nights)));
    if !r.pairs.is_empty() {
        let pairs: Vec<String> = r
            .pairs
            .iter()
            .map(|p| format!("{} {} {}", p.pair, p.order, p.difference.map_or("—".to_string(), |d| format!("{d:+.2}"))))
            .collect();
        out.push_str(&format!("  Pairs of weeks, A minus B: {}\n", pairs.join(" · ")));
    }
    let complete = r.pairs.iter().filter(|p| p.difference.is_some()).count();
    out.push('\n');
    match (r.difference.estimate, r.difference.low, r.difference.high) {
        (Some(e), Some(lo), Some(hi)) => out.push_str(&format!(
            "Difference, A minus B: {e:+.2} cramps a night, 95% interval {lo:+.2} to {hi:+.2} (over {complete} complete pairs of weeks)\n"
        )),
        (Some(e), ..) => out.push_str(&format!(
            "Difference, A minus B: {e:+.2} cramps a night, from {complete} complete pair of weeks: too few for an interval\n"
        )),
        _ => out.push_str("Difference: no complete pair of weeks yet (each week needs 2 checked-in nights after the wash-out)\n"),
    }
    if let (Some(p), Some(min)) = (r.randomisation_p, r.smallest_possible_p) {
        out.push_str(&format!(
            "Randomisation test: p = {p:.3}, over the {} orders that could have been drawn (with {complete} pairs no p can be below {min:.3})\n",
            1u64 << complete
        ));
    }
    let verdict = match r.verdict {
        Verdict::Fewer => format!("fewer cramps in the {} weeks: the whole interval is below zero", r.a.name),
        Verdict::More => format!("more cramps in the {} weeks: the whole interval is above zero", r.a.name),
        Verdict::Inconclusive => "inconclusive: the interval includes no difference. That does not show the routine does nothing, only that these weeks cannot tell".to_string(),
        Verdict::TooFew => format!("too few complete pairs of weeks for a verdict (at least {} needed)", crate::experiment::analysis::MIN_PAIRS),
    };
    out.push_str(&format!("Verdict: {verdict}\n"));
    if let Some(w) = &r.weaker {
        out.push_str(&format!("! {w}\n"));
    }
    out.push('\n');
    if !r.missing_checkins.is_empty() {
        let days: Vec<String> = r.missing_checkins.iter().map(|d| d.format("%a %d %b").to_string()).collect();
        out.push_str(&format!(
            "Missing check-ins: {} night{} (not counted, never taken as 0): {}\n",
            days.len(),
            if days.len() == 1 { "" } else { "s" },
            days.join(", ")
        ));
    }
    if !r.rest_nights.is_empty() {
        out.push_str(&format!(
            "Rest nights inside the plan: {} (counted as planned when checked in)\n",
            r.rest_nights.len()
        ));
    }
    if r.routine_not_done > 0 {
        out.push_str(&format!(
            "Routine not completed on {} night(s) planned for it (counted as planned)\n",
            r.routine_not_done
        ));
    }
    for d in &r.deviations {
        out.push_str(&format!("Protocol deviation, {}: {} (counted as planned)\n", d.night.format("%a %d %b"), d.what));
    }
    out.push_str(&format!("\n{}\n", r.reference));
    out.push_str("Your own result, to discuss with your doctor: general information, not medical advice.\n");
    out
}
