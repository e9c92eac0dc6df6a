//! `winddown experiment …` through the real binary, with a pinned clock.

mod common;

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate};
use common::Sandbox;
use predicates::str::contains;
use serde_json::{Value, json};

fn at(s: &Sandbox, now: &str) -> assert_cmd::Command {
    let mut c = s.cmd();
    c.env("WINDDOWN_NOW", now);
    c
}

fn json_of(c: &mut assert_cmd::Command) -> Value {
    let out = c.assert().success().get_output().stdout.clone();
    serde_json::from_slice(&out).unwrap()
}

const START: &str = "2026-03-23T20:00:00+01:00";

fn start(s: &Sandbox, weeks: &str) -> Value {
    json_of(at(s, START).args(["experiment", "start", "--seed", "42", "--weeks", weeks, "--json"]))
}

/// Writes month files holding a run of `routine` on the given nights and a check-in on others.
fn write_journal(s: &Sandbox, runs: &[(NaiveDate, &str)], checkins: &[(NaiveDate, u32)]) {
    let mut months: BTreeMap<String, Vec<(NaiveDate, u8, Value)>> = BTreeMap::new();
    for (night, routine) in runs {
        let started = format!("{night}T22:00:00+01:00");
        months.entry(night.format("%Y-%m").to_string()).or_default().push((*night, 0, json!({
            "type": "run", "night": night.to_string(), "id": started, "routine": routine,
            "routine_hash": "0123456789abcdef", "started": started, "ended": started, "speed": 1.0,
            "finished": true,
            "steps": [{"title": "Calf", "optional": false, "outcome": "done", "held_s": {"left": 30.0, "right": 30.0}}]
        })));
    }
    for (night, cramps) in checkins {
        let next = *night + Days::new(1);
        months.entry(night.format("%Y-%m").to_string()).or_default().push((*night, 1, json!({
            "type": "checkin", "night": night.to_string(), "recorded": format!("{next}T07:10:00+01:00"), "cramps": cramps
        })));
    }
    let dir = s.data().join("journal");
    std::fs::create_dir_all(&dir).unwrap();
    for (month, mut recs) in months {
        recs.sort_by_key(|(n, k, _)| (*n, *k));
        let mut text = "{\"winddown\":\"journal\",\"version\":1}\n".to_string();
        for (_, _, r) in recs {
            text.push_str(&format!("{r}\n"));
        }
        std::fs::write(dir.join(format!("{month}.jsonl")), text).unwrap();
    }
}

#[test]
fn start_shows_the_plan_and_a_second_plan_is_refused() {
    let s = Sandbox::new();
    let v = start(&s, "8");
    assert_eq!(v["plan"]["weeks"], 8);
    assert_eq!(v["plan"]["washout"], 2);
    assert_eq!(v["plan"]["seed"], 42);
    assert_eq!(v["calendar"].as_array().unwrap().len(), 56);
    assert_eq!(v["tonight_plan"]["day"], 1);
    assert!(v["tonight_line"].as_str().unwrap().contains("night 1 of 7 (wash-out: not counted)"));
    let text = std::fs::read_to_string(s.data().join("experiment.plan")).unwrap();
    assert!(text.starts_with("# winddown experiment plan") && text.contains("\nwinddown-experiment 1\n"));
    at(&s, START)
        .args(["experiment", "start", "--seed", "7"])
        .assert()
        .code(2)
        .stderr(contains("an experiment is already running"));
    at(&s, START).args(["experiment", "start", "--weeks", "5"]).assert().code(2);
}

#[test]
fn invalid_requests_get_clear_messages() {
    let s = Sandbox::new();
    at(&s, START).args(["experiment", "status"]).assert().code(2).stderr(contains("no experiment planned"));
    at(&s, START).args(["experiment", "start", "--weeks", "2"]).assert().code(2).stderr(contains("even number"));
    at(&s, START)
        .args(["experiment", "start", "--routine", "nope"])
        .assert()
        .code(2)
        .stderr(contains("no routine named \"nope\""));
    at(&s, START)
        .args(["experiment", "start", "--first-night", "2026-03-01"])
        .assert()
        .code(2)
        .stderr(contains("already over"));
}

#[test]
fn a_plan_edited_by_hand_is_refused_until_set_aside() {
    let s = Sandbox::new();
    start(&s, "8");
    let path = s.data().join("experiment.plan");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replace("orders BA AB AB AB", "orders AB AB AB AB")).unwrap();
    for cmd in ["status", "result"] {
        at(&s, START).args(["experiment", cmd]).assert().code(1).stderr(contains("changed by hand"));
    }
    at(&s, START).args(["experiment", "start"]).assert().code(1).stderr(contains("changed by hand"));
    assert!(std::fs::read_to_string(&path).unwrap().contains("orders AB AB AB AB"), "never overwritten");
    at(&s, START).args(["experiment", "stop", "--discard"]).assert().success().stdout(contains("set aside"));
    assert!(!path.exists());
    assert_eq!(std::fs::read_dir(s.data().join("experiments")).unwrap().count(), 1);
    start(&s, "4");
}

#[test]
fn an_eight_week_experiment_end_to_end() {
    let s = Sandbox::new();
    let v = start(&s, "8");
    let cal = v["calendar"].as_array().unwrap();
    let mut runs = vec![];
    let mut checkins = vec![];
    let mut off_run = None;
    for n in cal {
        let night: NaiveDate = n["night"].as_str().unwrap().parse().unwrap();
        let on = n["arm"] == "A";
        if on {
            runs.push((night, "cramp-guard"));
        } else if off_run.is_none() && n["washout"] == false {
            // A routine on an off night: recorded, flagged, analysed as planned.
            runs.push((night, "cramp-guard"));
            off_run = Some(night);
        }
        // One missing check-in, on the last night of week 2.
        if n["week"] == 2 && n["day"] == 7 {
            continue;
        }
        checkins.push((night, if on { 0 } else { 2 }));
    }
    write_journal(&s, &runs, &checkins);

    // Mid-way (across the clock change of 29 March): an interim result.
    let mid = json_of(at(&s, "2026-04-10T08:00:00+02:00").args(["experiment", "result", "--json"]));
    assert_eq!(mid["result"]["status"], "running");
    assert!(mid["result"]["weaker"].as_str().unwrap().starts_with("interim"));

    let after = "2026-05-18T08:00:00+02:00";
    let r = json_of(at(&s, after).args(["experiment", "result", "--json"]));
    let res = &r["result"];
    assert_eq!(res["status"], "finished");
    assert_eq!(res["primary_outcome"], "cramps per night");
    assert_eq!(res["difference"]["estimate"], -2.0);
    assert_eq!(res["difference"]["level"], 0.95);
    assert_eq!(res["verdict"], "fewer");
    assert_eq!(res["randomisation_p"], 0.125);
    assert_eq!(res["smallest_possible_p"], 0.125);
    assert_eq!(res["washout_nights"], 16);
    assert_eq!(res["missing_checkins"].as_array().unwrap().len(), 1);
    assert_eq!(res["deviations"][0]["night"], off_run.unwrap().to_string());
    assert!(res["weaker"].is_null());
    at(&s, after)
        .args(["experiment", "result"])
        .assert()
        .success()
        .stdout(contains("Verdict: fewer cramps in the cramp-guard weeks"))
        .stdout(contains("no p can be below 0.125"))
        .stdout(contains("Hallegraeff 2012"))
        .stdout(contains("Coppin 2005"))
        .stdout(contains("Protocol deviation"))
        .stdout(contains("Missing check-ins: 1 night"));
    // The calendar marks the deviation and the missing check-in.
    let st = json_of(at(&s, after).args(["experiment", "status", "--json"]));
    let cal = st["calendar"].as_array().unwrap();
    assert_eq!(cal.iter().filter(|n| n["deviation"] == true).count(), 1);
    assert_eq!(cal.iter().filter(|n| n["state"] == "missing").count(), 1);
    at(&s, "2026-05-18T20:00:00+02:00")
        .args(["experiment", "status"])
        .assert()
        .success()
        .stdout(contains("Tonight: the experiment is over"));
    // Over: it cannot be stopped, and a new one may start.
    at(&s, after).args(["experiment", "stop"]).assert().code(2).stderr(contains("already over"));
    at(&s, "2026-05-18T20:00:00+02:00").args(["experiment", "start", "--seed", "1"]).assert().success();
    assert_eq!(std::fs::read_dir(s.data().join("experiments")).unwrap().count(), 1, "the old plan archived");
}

#[test]
fn stopping_early_marks_the_result_weaker() {
    let s = Sandbox::new();
    start(&s, "8");
    let r = json_of(at(&s, "2026-04-10T08:00:00+02:00").args(["experiment", "stop", "--json"]));
    assert_eq!(r["plan"]["stopped"], "2026-04-09");
    assert_eq!(r["result"]["status"], "stopped");
    assert!(r["result"]["weaker"].as_str().unwrap().contains("weaker"));
    let later = json_of(at(&s, "2026-05-01T08:00:00+02:00").args(["experiment", "result", "--json"]));
    assert_eq!(later["result"]["nights_so_far"], 18);
    at(&s, "2026-05-01T08:00:00+02:00").args(["experiment", "stop"]).assert().code(2);
    // Stopped: another plan may start.
    at(&s, "2026-05-01T20:00:00+02:00").args(["experiment", "start", "--seed", "3"]).assert().success();
}

#[test]
fn stats_gives_every_comparison_an_interval_and_a_verdict() {
    let s = Sandbox::new();
    // 40 nights: the routine on even nights with no cramps, odd nights without it and 2 cramps.
    let first: NaiveDate = "2026-02-01".parse().unwrap();
    let nights: Vec<NaiveDate> = (0..40).map(|i| first + Days::new(i)).collect();
    let runs: Vec<(NaiveDate, &str)> = nights.iter().step_by(2).map(|n| (*n, "cramp-guard")).collect();
    let checkins: Vec<(NaiveDate, u32)> =
        nights.iter().enumerate().map(|(i, n)| (*n, if i % 2 == 0 { 0 } else { 2 })).collect();
    write_journal(&s, &runs, &checkins);
    let now = "2026-03-13T09:00:00+01:00";
    let v = json_of(at(&s, now).args(["stats", "--json"]));
    let i = &v["insights"];
    let mut splits: Vec<&Value> = i["routine"].as_array().unwrap().iter().map(|w| &w["split"]).collect();
    splits.extend(i["triggers"].as_array().unwrap().iter().map(|t| &t["split"]));
    splits.push(&i["start_time"]);
    for sp in &splits {
        assert_eq!(sp["difference"]["level"], 0.95, "{sp}");
        assert!(["fewer", "more", "unclear", "too_few"].contains(&sp["verdict"].as_str().unwrap()), "{sp}");
    }
    let all = &i["routine"][2]["split"];
    assert_eq!(all["difference"]["estimate"], -2.0);
    assert_eq!((all["difference"]["low"].clone(), all["difference"]["high"].clone()), (json!(-2.0), json!(-2.0)));
    assert_eq!(all["verdict"], "fewer");
    // No trigger was ever recorded: too few nights, and no interval.
    assert_eq!(i["triggers"][0]["split"]["verdict"], "too_few");
    assert!(i["triggers"][0]["split"]["difference"]["low"].is_null());
    at(&s, now)
        .arg("stats")
        .assert()
        .success()
        .stdout(contains("fewer cramps: 2.00 fewer a night (95% interval -2.00 to -2.00)"))
        .stdout(contains("not an experiment"))
        .stdout(contains("winddown experiment start"));
}

#[test]
fn during_an_experiment_stats_skip_off_nights_in_the_routine_streak() {
    let s = Sandbox::new();
    start(&s, "8"); // seed 42: week 1 (23-29 March) is off, week 2 on
    let before: Vec<(NaiveDate, &str)> =
        (20..=22).map(|d| (format!("2026-03-{d}").parse().unwrap(), "cramp-guard")).collect();
    let on: Vec<(NaiveDate, &str)> =
        (30..=31).map(|d| (format!("2026-03-{d}").parse().unwrap(), "cramp-guard")).collect();
    write_journal(&s, &[before, on].concat(), &[]);
    let v = json_of(at(&s, "2026-03-31T23:00:00+02:00").args(["stats", "--json"]));
    assert_eq!(v["streaks"]["routine"]["current"], 5, "3 before + 2 on nights; the 7 off nights paused it");
    at(&s, "2026-03-31T23:00:00+02:00")
        .arg("stats")
        .assert()
        .success()
        .stdout(contains("Experiment tonight: on night 2 of 7 (wash-out: not counted)"));
}

#[test]
fn a_plan_not_started_yet_is_set_aside_by_stop_and_two_routines_can_be_compared() {
    let s = Sandbox::new();
    at(&s, START)
        .args(["experiment", "start", "--first-night", "2026-03-30", "--against", "two-minute", "--weeks", "4"])
        .assert()
        .success()
        .stdout(contains("cramp-guard (A) against two-minute (B), 4 weeks"))
        .stdout(contains("Tonight: experiment starts on the night of Mon 30 Mar"));
    let v = json_of(at(&s, START).args(["experiment", "status", "--json"]));
    assert_eq!(v["plan"]["design"]["kind"], "two_routines");
    assert_eq!(v["plan"]["design"]["b"], "two-minute");
    assert!(v["tonight_plan"].is_null());
    at(&s, START).args(["experiment", "stop"]).assert().success().stdout(contains("had not started yet"));
    assert!(!s.data().join("experiment.plan").exists());
    at(&s, START)
        .args(["experiment", "start", "--against", "cramp-guard"])
        .assert()
        .code(2)
        .stderr(contains("must differ"));
}
