//! The plan file: round trip, refusal of edits, the calendar across a clock change.

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::plan::*;
use super::schedule::Tonight;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn created() -> DateTime<FixedOffset> {
    "2026-03-20T21:00:00+01:00".parse().unwrap()
}

pub(super) fn plan(first: &str, weeks: u32, seed: u64) -> Plan {
    Plan::new(Design::RoutineVsNone { routine: "cramp-guard".into() }, weeks, 2, d(first), created(), seed).unwrap()
}

#[test]
fn the_text_reads_back_as_the_same_plan() {
    let mut p = plan("2026-03-23", 8, 42);
    assert_eq!(Plan::parse(&p.to_text()).unwrap(), p);
    p.stopped = Some(d("2026-04-01"));
    assert_eq!(Plan::parse(&p.to_text()).unwrap(), p);
    let two = Plan::new(
        Design::TwoRoutines { a: "cramp-guard".into(), b: "quick".into() },
        4,
        0,
        d("2026-03-23"),
        created(),
        7,
    )
    .unwrap();
    assert_eq!(Plan::parse(&two.to_text()).unwrap(), two);
}

#[test]
fn a_plan_edited_by_hand_is_refused() {
    let text = plan("2026-03-23", 8, 42).to_text();
    let orders = text.lines().find(|l| l.starts_with("orders ")).unwrap().to_string();
    let flipped = orders.replacen("AB", "XX", 1).replacen("BA", "AB", 1).replace("XX", "BA");
    assert_ne!(orders, flipped);
    assert_eq!(Plan::parse(&text.replace(&orders, &flipped)), Err(PlanError::Edited));
    assert_eq!(Plan::parse(&text.replace("washout 2", "washout 0")), Err(PlanError::Edited));
    assert!(PlanError::Edited.to_string().contains("changed by hand"));
    // Without its checksum line, or with junk: invalid, never trusted.
    let no_sum: String = text.lines().filter(|l| !l.starts_with("checksum")).map(|l| format!("{l}\n")).collect();
    assert!(matches!(Plan::parse(&no_sum), Err(PlanError::Invalid(_))));
    assert!(matches!(Plan::parse(""), Err(PlanError::Invalid(_))));
    assert!(matches!(Plan::parse("checksum 00\n"), Err(PlanError::Invalid(_))));
}

#[test]
fn a_newer_plan_is_refused_by_version() {
    let text = plan("2026-03-23", 8, 42).to_text().replace("winddown-experiment 1", "winddown-experiment 9");
    assert_eq!(Plan::parse(&text), Err(PlanError::Newer(9)));
}

#[test]
fn lengths_are_even_weeks_within_limits() {
    assert!(check_length(8, 2).is_ok());
    assert!(check_length(4, 0).is_ok());
    assert!(check_length(2, 2).is_err());
    assert!(check_length(7, 2).is_err());
    assert!(check_length(26, 2).is_err());
    assert!(check_length(8, 5).is_err());
    assert!(
        Plan::new(Design::RoutineVsNone { routine: "Bad Name".into() }, 8, 2, d("2026-03-23"), created(), 1).is_err()
    );
}

#[test]
fn orders_come_from_the_seed_and_vary() {
    assert_eq!(draw_orders(42, 4), draw_orders(42, 4));
    let all: std::collections::BTreeSet<_> = (0..64).map(|s| format!("{:?}", draw_orders(s, 4))).collect();
    assert!(all.len() > 8, "64 seeds give many of the 16 possible orders");
    for o in draw_orders(5, 12) {
        assert_ne!(o[0], o[1], "each pair has one week of each arm");
    }
}

#[test]
fn calendar_weeks_pairs_and_washout() {
    let p = plan("2026-03-23", 8, 42);
    let cal = p.calendar();
    assert_eq!(cal.len(), 56);
    assert_eq!(p.last_night(), d("2026-05-17"));
    let n = p.night(d("2026-03-31")).unwrap(); // 9th night: week 2, day 2
    assert_eq!((n.week, n.pair, n.day, n.washout), (2, 1, 2, true));
    assert_eq!(n.arm, p.orders[0][1]);
    assert!(!p.night(d("2026-04-01")).unwrap().washout);
    assert_eq!(p.night(d("2026-03-22")), None);
    assert_eq!(p.night(d("2026-05-18")), None);
    assert_eq!(p.tonight(d("2026-03-22")), Tonight::NotYet { first_night: d("2026-03-23") });
    assert_eq!(p.tonight(d("2026-05-18")), Tonight::Over);
}

#[test]
fn a_clock_change_inside_the_plan_keeps_weeks_seven_nights() {
    // Europe's clocks go forward on the night of Sat 28 to Sun 29 March 2026.
    let p = plan("2026-03-23", 4, 3);
    let week1: Vec<_> = p.calendar().into_iter().filter(|n| n.week == 1).map(|n| n.night).collect();
    assert_eq!(week1, (23..=29).map(|day| d(&format!("2026-03-{day}"))).collect::<Vec<_>>());
    assert_eq!(p.night(d("2026-03-29")).unwrap().day, 7);
    assert_eq!(p.night(d("2026-03-30")).unwrap().week, 2);
}

#[test]
fn tonight_line_says_what_to_do() {
    let p = plan("2026-03-23", 8, 42);
    let off = p.calendar().into_iter().find(|n| p.routine(n.arm).is_none() && n.day == 3).unwrap();
    assert_eq!(p.tonight_line(off.night), "off night 3 of 7 — no stretches tonight, but do check in tomorrow");
    assert!(p.is_off_night(off.night));
    let on = p.calendar().into_iter().find(|n| p.routine(n.arm).is_some() && n.day == 1).unwrap();
    assert_eq!(
        p.tonight_line(on.night),
        "on night 1 of 7 (wash-out: not counted) — cramp-guard tonight, and check in tomorrow"
    );
    assert!(!p.is_off_night(on.night));
    let mut stopped = p.clone();
    stopped.stopped = Some(d("2026-03-25"));
    assert_eq!(stopped.night(d("2026-03-26")), None);
    assert!(!stopped.is_off_night(d("2026-03-26")));
}
