//! The result on hand-made journals with a pinned "now".

use chrono::{Days, NaiveDate};

use super::analysis::*;
use super::plan::{Arm, Plan};
use super::plan_tests::plan;
use crate::journal::test_records::{checkin, run};
use crate::journal::{Entries, Outcome as StepOutcome, Quality, Record, RestNight};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// Every planned night up to `last`: the routine on A nights, `cramps(arm, washout)` checked in.
fn journal(p: &Plan, last: NaiveDate, mut cramps: impl FnMut(Arm, bool) -> u32) -> Vec<Record> {
    let mut out = vec![];
    for n in p.calendar().into_iter().filter(|n| n.night <= last) {
        if n.arm == Arm::A {
            out.push(run(n.night, "22:00", StepOutcome::Done));
        }
        out.push(checkin(n.night, cramps(n.arm, n.washout), None, Quality::Fair));
    }
    out
}

#[test]
fn a_clear_effect_over_a_finished_plan() {
    let p = plan("2026-03-23", 8, 42);
    // Wash-out nights have many cramps: if they were counted, the rates would show it.
    let records = journal(&p, p.last_night(), |arm, washout| match (arm, washout) {
        (_, true) => 9,
        (Arm::A, false) => 0,
        (Arm::B, false) => 2,
    });
    let r = analyse(&p, &Entries::from_records(records), p.last_night());
    assert_eq!(r.status, Status::Finished);
    assert_eq!(r.weaker, None);
    assert_eq!((r.a.nights, r.b.nights), (20, 20));
    assert_eq!((r.a.cramps_per_night, r.b.cramps_per_night), (Some(0.0), Some(2.0)));
    assert_eq!(r.washout_nights, 16);
    assert_eq!(r.pairs.len(), 4);
    assert!(r.pairs.iter().all(|pr| pr.difference == Some(-2.0)));
    assert_eq!((r.difference.estimate, r.difference.low, r.difference.high), (Some(-2.0), Some(-2.0), Some(-2.0)));
    assert_eq!(r.verdict, Verdict::Fewer);
    // Four pairs; flipping a pair's order flips its sign, so of the 16 orders only
    // the two with all signs alike reach |mean| = 2: p = 2/16.
    assert_eq!(r.randomisation_p, Some(0.125));
    assert_eq!(r.smallest_possible_p, Some(0.125));
    assert!(r.deviations.is_empty() && r.missing_checkins.is_empty());
    assert_eq!(r.routine_not_done, 0);
    assert!(
        r.reference.contains("1.2 fewer")
            && r.reference.contains("0.6 to 1.8")
            && r.reference.contains("no difference")
    );
}

#[test]
fn pair_interval_and_randomisation_test_by_hand() {
    // Mean -0.6875; sample sd sqrt(1.671875 / 3); t(3) = 3.182; half width 1.187714...
    let diffs = [-1.0, -0.5, -1.5, 0.25];
    let (d, v) = pair_interval(&diffs);
    assert_eq!(d.estimate, Some(-0.6875));
    let half = 3.182 * (1.671875f64 / 3.0 / 4.0).sqrt();
    assert!((d.low.unwrap() - (-0.6875 - half)).abs() < 1e-12);
    assert!((d.high.unwrap() - (-0.6875 + half)).abs() < 1e-12);
    assert!((half - 1.187714).abs() < 1e-5);
    assert_eq!(v, Verdict::Inconclusive);
    // scripts/bootstrap_check.py: 0.25, 0.125 and 0.09375.
    assert_eq!(randomisation_p(&diffs), 0.25);
    assert_eq!(randomisation_p(&[-1.0, -0.5, -1.5, -0.25]), 0.125);
    assert_eq!(randomisation_p(&[-0.8, -0.2, -1.2, 0.4, -0.6, -1.0]), 0.09375);
    assert_eq!(pair_interval(&[-1.0]).1, Verdict::TooFew);
    assert_eq!(t_975(1), 12.706);
    assert_eq!(t_975(200), 1.960);
}

#[test]
fn no_effect_is_inconclusive() {
    let p = plan("2026-03-23", 8, 42);
    let mut k = 0u32;
    let records: Vec<Record> = journal(&p, p.last_night(), |_, _| {
        k += 1;
        k % 3
    });
    let r = analyse(&p, &Entries::from_records(records), p.last_night());
    assert_eq!(r.verdict, Verdict::Inconclusive);
    assert!(r.difference.low.unwrap() < 0.0 && r.difference.high.unwrap() > 0.0);
}

#[test]
fn deviations_missing_checkins_rest_nights_and_a_stop() {
    let mut p = plan("2026-03-23", 8, 42);
    let last = d("2026-04-05"); // two weeks over: one pair
    let mut records = journal(&p, last, |arm, _| if arm == Arm::A { 0 } else { 1 });
    let cal = p.calendar();
    let off = cal.iter().find(|n| n.arm == Arm::B && !n.washout).unwrap().night;
    let on = cal.iter().find(|n| n.arm == Arm::A && !n.washout).unwrap().night;
    // A run on an off night: recorded, flagged, still counted as an off night.
    records.push(run(off, "22:00", StepOutcome::Done));
    // A missing check-in on an on night: missing, not zero.
    let missing = on + Days::new(1);
    records.retain(|r| !matches!(r, Record::Checkin(c) if c.night == missing));
    // A rest night (illness) on the following on night, checked in.
    let rest = on + Days::new(2);
    records.retain(|r| !matches!(r, Record::Run(x) if x.night == rest));
    records.push(Record::Rest(RestNight {
        night: rest,
        reason: "ill".into(),
        recorded: "2026-01-01T00:00:00+00:00".parse().unwrap(),
    }));
    let r = analyse(&p, &Entries::from_records(records.clone()), last);
    assert_eq!(r.status, Status::Running);
    assert!(r.weaker.as_deref().unwrap().starts_with("interim"));
    assert_eq!(r.deviations.len(), 1);
    assert_eq!(r.deviations[0].night, off);
    assert_eq!(r.deviations[0].what, "a routine was run on an off night");
    assert_eq!(r.missing_checkins, vec![missing]);
    assert_eq!(r.rest_nights, vec![rest]);
    assert_eq!(r.routine_not_done, 1, "the rest night had no run");
    // Intention to treat: the off night with a run still counts as off (1 cramp a night).
    assert_eq!((r.a.nights, r.b.nights), (4, 5));
    assert_eq!(r.b.cramps_per_night, Some(1.0));
    assert_eq!(r.pairs.len(), 1);
    assert_eq!(r.verdict, Verdict::TooFew, "one pair gives no interval");
    assert_eq!(r.randomisation_p, Some(1.0));

    p.stopped = Some(last);
    let r = analyse(&p, &Entries::from_records(records), d("2026-04-20"));
    assert_eq!(r.status, Status::Stopped);
    assert_eq!(r.nights_so_far, 14);
    assert!(r.weaker.as_deref().unwrap().contains("weaker"));
}

#[test]
fn before_the_first_night_nothing_is_counted() {
    let p = plan("2026-03-23", 8, 42);
    let r = analyse(&p, &Entries::default(), d("2026-03-20"));
    assert_eq!(r.status, Status::NotStarted);
    assert_eq!(r.verdict, Verdict::TooFew);
    assert_eq!(r.randomisation_p, None);
}

#[test]
fn two_routines_flag_the_other_routine_as_a_deviation() {
    use super::plan::Design;
    let created = "2026-03-20T21:00:00+01:00".parse().unwrap();
    let p = Plan::new(
        Design::TwoRoutines { a: "cramp-guard".into(), b: "two-minute".into() },
        4,
        2,
        d("2026-03-23"),
        created,
        42,
    )
    .unwrap();
    let named = |night: NaiveDate, routine: &str| {
        let mut r = run(night, "22:00", StepOutcome::Done);
        if let Record::Run(x) = &mut r {
            x.routine = routine.into();
        }
        r
    };
    let mut records = vec![];
    for n in p.calendar() {
        records.push(named(n.night, p.routine(n.arm).unwrap()));
        records.push(checkin(n.night, if n.arm == Arm::A { 1 } else { 2 }, None, Quality::Fair));
    }
    let b_night = p.calendar().into_iter().find(|n| n.arm == Arm::B && !n.washout).unwrap().night;
    records.push(named(b_night, "cramp-guard"));
    let r = analyse(&p, &Entries::from_records(records), p.last_night());
    assert_eq!(r.deviations.len(), 1);
    assert_eq!(r.deviations[0].night, b_night);
    assert_eq!(r.deviations[0].what, "cramp-guard was run on a night planned for the other routine");
    assert_eq!(r.routine_not_done, 0);
    assert_eq!((r.a.name.as_str(), r.b.name.as_str()), ("cramp-guard", "two-minute"));
    assert_eq!(r.difference.estimate, Some(-1.0));
    assert_eq!(r.randomisation_p, Some(0.5), "two pairs: p can be no smaller than 2/4");
    assert_eq!(r.verdict, Verdict::Fewer, "a constant difference has a zero-width interval");
    assert!(p.tonight_line(d("2026-03-25")).starts_with("routine "));
}
