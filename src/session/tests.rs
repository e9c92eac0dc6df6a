//! The session driven by a fake clock: a base instant plus offsets. Nothing sleeps.

use std::time::{Duration, Instant};

use super::*;
use crate::journal::Outcome;
use crate::routine::plan::{PhaseKind, total_time};
use crate::routine::{Routine, Side, parse_routine};

const ROUTINE: &str = r#"
name = "Test"
summary = "s"
[defaults]
get_ready = "5s"
switch = "3s"
rest = "10s"
[cues]
halfway = true
last_ticks = true
[[step]]
title = "Calf"
hold = "30s"
sides = ["left", "right"]
[[step]]
kind = "check"
title = "Water"
[[step]]
title = "Toes"
hold = "10s"
reps = 2
optional = true
"#;

fn routine() -> Routine {
    parse_routine("t", "t.toml", ROUTINE).unwrap()
}

fn secs(s: f64) -> Duration {
    Duration::from_secs_f64(s)
}

struct Clock(Instant);
impl Clock {
    fn at(&self, s: f64) -> Instant {
        self.0 + secs(s)
    }
}

fn start() -> (Session, Clock) {
    let c = Clock(Instant::now());
    (Session::new(routine(), 1.0, c.0), c)
}

#[test]
fn walks_get_ready_hold_switch_hold_then_waits_for_check() {
    let (mut s, c) = start();
    assert_eq!(s.view(c.at(0.0)).phase, Some(PhaseKind::GetReady));
    assert_eq!(s.view(c.at(0.2)).remaining_secs, 5);
    assert_eq!(s.tick(c.at(5.0)), vec![Cue::HoldStart]);
    assert_eq!(s.view(c.at(5.0)).phase, Some(PhaseKind::Hold { rep: 1, side: Some(Side::Left) }));
    assert_eq!(s.tick(c.at(20.0)), vec![Cue::Halfway]);
    assert_eq!(s.tick(c.at(32.5)), vec![Cue::Tick(3)]);
    assert_eq!(s.tick(c.at(33.5)), vec![Cue::Tick(2)]);
    assert_eq!(s.tick(c.at(34.2)), vec![Cue::Tick(1)]);
    assert_eq!(s.tick(c.at(35.0)), vec![Cue::SideSwitch]);
    assert_eq!(s.view(c.at(35.0)).phase, Some(PhaseKind::Switch { to: Side::Right }));
    assert_eq!(s.tick(c.at(38.0)), vec![Cue::HoldStart]);
    let cues = s.tick(c.at(68.0));
    assert!(cues.ends_with(&[Cue::HoldEnd, Cue::StepEnd]), "{cues:?}");
    assert_eq!(s.view(c.at(68.0)).phase, Some(PhaseKind::Check));
    assert_eq!(s.steps()[0].status(), Outcome::Done);
    assert_eq!(s.steps()[0].held.get(Some(Side::Left)), 30.0);
    // A check step waits however long it takes.
    assert!(s.tick(c.at(500.0)).is_empty());
    assert_eq!(s.next_change(c.at(500.0)), None);
    assert_eq!(s.confirm(c.at(500.0)), vec![Cue::StepEnd]);
    assert_eq!(s.view(c.at(500.0)).phase, Some(PhaseKind::GetReady));
}

#[test]
fn a_late_tick_catches_up_without_drift() {
    let (mut s, c) = start();
    // One tick long after the step should have ended: all phases complete, on their own deadlines.
    let cues = s.tick(c.at(100.0));
    assert_eq!(cues.iter().filter(|c| **c == Cue::HoldStart).count(), 2);
    assert_eq!(s.view(c.at(100.0)).phase, Some(PhaseKind::Check));
    s.confirm(c.at(100.0));
    // Second step's phases count from the confirm, not from the stale tick.
    s.tick(c.at(105.0));
    assert_eq!(s.view(c.at(105.0)).phase, Some(PhaseKind::Hold { rep: 1, side: None }));
}

#[test]
fn total_time_equals_the_plan_whatever_the_tick_pattern() {
    let r = parse_routine(
        "t",
        "t.toml",
        &ROUTINE.replace("kind = \"check\"\ntitle = \"Water\"", "title = \"Water\"\nhold = \"7s\""),
    )
    .unwrap();
    let planned = total_time(&r);
    for step_ms in [1u64, 37, 250, 1000, 7919] {
        let c = Clock(Instant::now());
        let mut s = Session::new(r.clone(), 1.0, c.0);
        let mut t = Duration::ZERO;
        while !s.is_finished() {
            t += Duration::from_millis(step_ms);
            s.tick(c.0 + t);
        }
        assert_eq!(s.duration().unwrap(), planned, "ticking every {step_ms} ms");
    }
}

#[test]
fn pause_shifts_deadlines_exactly() {
    let (mut s, c) = start();
    s.tick(c.at(10.0));
    s.toggle_pause(c.at(10.0));
    assert!(s.view(c.at(60.0)).paused);
    assert_eq!(s.view(c.at(60.0)).remaining_secs, 25);
    assert!(s.tick(c.at(60.0)).is_empty(), "nothing advances while paused");
    assert_eq!(s.next_change(c.at(60.0)), None);
    s.toggle_pause(c.at(70.0));
    // 60 s paused: the left hold that ended at 35 s now ends at 95 s.
    assert_eq!(s.deadline(), Some(c.at(95.0)));
    assert!(!s.tick(c.at(94.9)).contains(&Cue::SideSwitch));
    assert!(s.tick(c.at(95.0)).contains(&Cue::SideSwitch));
}

#[test]
fn enter_starts_the_hold_now_during_get_ready() {
    let (mut s, c) = start();
    assert_eq!(s.confirm(c.at(1.0)), vec![Cue::HoldStart]);
    assert_eq!(s.deadline(), Some(c.at(31.0)));
    // Enter during a hold does nothing.
    assert!(s.confirm(c.at(2.0)).is_empty());
    assert_eq!(s.deadline(), Some(c.at(31.0)));
}

#[test]
fn skip_mid_hold_is_partial_and_skip_before_is_skipped() {
    let (mut s, c) = start();
    s.tick(c.at(17.0));
    s.skip(c.at(17.0));
    assert_eq!(s.steps()[0].status(), Outcome::Partial);
    assert_eq!(s.steps()[0].held.get(Some(Side::Left)), 12.0);
    assert_eq!(s.current_step(), 1);
    s.skip(c.at(18.0));
    assert_eq!(s.steps()[1].status(), Outcome::Skipped);
    s.skip(c.at(19.0));
    assert!(s.is_finished());
}

#[test]
fn back_and_restart_reset_outcomes() {
    let (mut s, c) = start();
    s.tick(c.at(68.0));
    assert_eq!(s.current_step(), 1);
    s.back(c.at(70.0));
    assert_eq!(s.current_step(), 0);
    assert_eq!(s.steps()[0].status(), Outcome::NotReached);
    assert_eq!(s.view(c.at(70.0)).phase, Some(PhaseKind::GetReady));
    assert_eq!(s.deadline(), Some(c.at(75.0)));
    s.tick(c.at(80.0));
    s.restart_step(c.at(80.0));
    assert!(s.steps()[0].held.is_empty());
    assert_eq!(s.deadline(), Some(c.at(85.0)));
    // Back at the first step restarts it.
    s.back(c.at(81.0));
    assert_eq!(s.current_step(), 0);
}

#[test]
fn speed_runs_the_clock_faster() {
    let c = Clock(Instant::now());
    let mut s = Session::new(routine(), 10.0, c.0);
    assert_eq!(s.deadline(), Some(c.at(0.5)));
    s.tick(c.at(0.5));
    s.tick(c.at(3.5));
    assert_eq!(s.view(c.at(3.5)).phase, Some(PhaseKind::Switch { to: Side::Right }));
    // Held seconds are in routine time, not wall time.
    assert_eq!(s.steps()[0].held.get(Some(Side::Left)), 30.0);
}

#[test]
fn redraws_once_per_shown_second() {
    let (mut s, c) = start();
    s.tick(c.at(5.0));
    assert_eq!(s.next_change(c.at(5.0)), Some(c.at(6.0)));
    assert_eq!(s.next_change(c.at(5.25)), Some(c.at(6.0)));
    assert_eq!(s.view(c.at(5.25)).remaining_secs, 30);
    assert_eq!(s.view(c.at(6.0)).remaining_secs, 29);
    let c10 = Clock(Instant::now());
    let s10 = Session::new(routine(), 10.0, c10.0);
    assert_eq!(s10.next_change(c10.0), Some(c10.at(0.1)));
}

#[test]
fn stop_keeps_what_was_held() {
    let (mut s, c) = start();
    s.tick(c.at(45.0));
    s.stop(c.at(45.0));
    assert!(s.is_finished());
    assert_eq!(s.steps()[0].status(), Outcome::Partial);
    assert_eq!(s.steps()[0].held.get(Some(Side::Left)), 30.0);
    assert_eq!(s.steps()[0].held.get(Some(Side::Right)), 7.0);
    assert_eq!(s.steps()[1].status(), Outcome::NotReached);
}

/// Sides are an enum in memory and "left", "right", "hold" on disk, as before.
#[test]
fn the_run_record_keeps_its_on_disk_form() {
    let (mut s, c) = start();
    s.tick(c.at(45.0));
    s.stop(c.at(45.0));
    let wall: chrono::DateTime<chrono::FixedOffset> = "2026-11-24T22:00:00+01:00".parse().unwrap();
    let run = record::run_record(&s, wall.date_naive(), wall, wall, false);
    let json = serde_json::to_string(&run.steps).unwrap();
    assert_eq!(
        json,
        r#"[{"title":"Calf","optional":false,"outcome":"partial","held_s":{"left":30.0,"right":7.0}},{"title":"Water","optional":false,"outcome":"not-reached"},{"title":"Toes","optional":true,"outcome":"not-reached"}]"#
    );
    let mut held = crate::journal::Held::default();
    held.add(None, 12.34);
    held.add(None, 0.5);
    assert_eq!(serde_json::to_string(&held.to_tenths()).unwrap(), r#"{"hold":12.8}"#);
    let back: crate::journal::Held = serde_json::from_str(r#"{"left":30.0,"right":7.0}"#).unwrap();
    assert_eq!(back.iter().collect::<Vec<_>>(), [(Some(Side::Left), 30.0), (Some(Side::Right), 7.0)]);
    assert_eq!(back.get(None), 0.0);
}

#[test]
fn resume_starts_at_a_later_step() {
    let c = Clock(Instant::now());
    let done = StepState { status: Some(Outcome::Done), ..StepState::default() };
    let s = Session::resume(routine(), 1.0, c.0, 1, vec![done]);
    assert_eq!(s.current_step(), 1);
    assert_eq!(s.steps()[0].status(), Outcome::Done);
    let v = s.view(c.0);
    assert!(v.routine_progress > 0.5, "{v:?}");
}

#[test]
fn routine_progress_and_time_left() {
    let (mut s, c) = start();
    let total = total_time(s.routine());
    assert_eq!(s.view(c.0).time_left, total);
    s.tick(c.at(20.0));
    assert_eq!(s.view(c.at(20.0)).time_left, total - secs(20.0));
    s.tick(c.at(68.0));
    s.confirm(c.at(68.0));
    s.tick(c.at(200.0));
    let v = s.view(c.at(200.0));
    assert!(v.finished && v.routine_progress == 1.0 && v.time_left.is_zero());
}

#[test]
fn a_check_step_left_to_do_keeps_the_gauge_below_full() {
    let text = "name = \"t\"\nsummary = \"s\"\n[[step]]\ntitle = \"a\"\nhold = \"5s\"\n[[step]]\nkind = \"check\"\ntitle = \"Water\"\n";
    let c = Clock(Instant::now());
    let mut s = Session::new(parse_routine("t", "t.toml", text).unwrap(), 1.0, c.0);
    s.tick(c.at(60.0));
    let v = s.view(c.at(60.0));
    assert!(!v.finished && v.time_left.is_zero(), "{v:?}");
    assert!(v.routine_progress < 1.0, "every timed phase is over, but the check is still to do: {v:?}");
    s.confirm(c.at(61.0));
    assert_eq!(s.view(c.at(61.0)).routine_progress, 1.0);
}
