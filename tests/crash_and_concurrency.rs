//! Writers killed with SIGKILL at random moments lose nothing they reported
//! as saved, and leave every journal file readable; two writers at once lose nothing.

mod common;

use std::process::{Command, Stdio};
use std::time::Duration;

use chrono::{Days, NaiveDate};
use common::Sandbox;

fn winddown(s: &Sandbox) -> Command {
    let mut c = Command::new(assert_cmd::cargo::cargo_bin("winddown"));
    c.env("WINDDOWN_CONFIG_DIR", s.config())
        .env("WINDDOWN_DATA_DIR", s.data())
        .env("WINDDOWN_NOW", "2027-06-01T07:00:00+00:00")
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    c
}

fn checkins(s: &Sandbox) -> Vec<(String, u64)> {
    let v = s.export();
    v["records"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["type"] == "checkin")
        .map(|r| (r["night"].as_str().unwrap().to_string(), r["cramps"].as_u64().unwrap()))
        .collect()
}

/// A small deterministic generator, so a failure can be replayed.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

#[test]
fn sigkill_at_random_moments_loses_no_acknowledged_write() {
    let s = Sandbox::new();
    let first: NaiveDate = "2026-01-01".parse().unwrap();
    let mut rng = Lcg(7);
    // How long one write takes here, so the kills land before, during and after
    // the commit on a fast machine and on a loaded one alike.
    let mut times: Vec<u128> = (0..5)
        .map(|i| {
            let t = std::time::Instant::now();
            let night = (first + Days::new(200 + i)).to_string();
            assert!(winddown(&s).args(["checkin", "--night", &night, "--cramps", "0"]).status().unwrap().success());
            t.elapsed().as_micros()
        })
        .collect();
    times.sort();
    let window = (times[2] * 3 / 2).max(500) as u64;
    let mut acknowledged = Vec::new();
    // Every attempt per night, in order: (cramps, acknowledged).
    let mut attempts: std::collections::HashMap<String, Vec<(u64, bool)>> = Default::default();
    let mut killed = 0;
    for i in 0..300u64 {
        // Nights over a few months, with rewrites of the same night now and then.
        let night = first + Days::new(rng.next() % 120);
        let cramps = i % 10;
        let mut child = winddown(&s)
            .args(["checkin", "--night", &night.to_string(), "--cramps", &cramps.to_string()])
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_micros(rng.next() % window));
        if child.kill().is_ok() {
            killed += 1;
        }
        let out = child.wait_with_output().unwrap();
        let acked = out.status.success() && String::from_utf8_lossy(&out.stdout).contains("checked in");
        if acked {
            acknowledged.push((night.to_string(), cramps));
        }
        attempts.entry(night.to_string()).or_default().push((cramps, acked));
    }
    assert!(killed > 20, "the test must actually kill writers ({killed} killed)");
    assert!(acknowledged.len() > 20, "and some must finish ({} did)", acknowledged.len());
    // Every file parses (export reads them all) and the last acknowledged answer
    // for each night is there; a killed rewrite may or may not have landed.
    let stored: std::collections::HashMap<_, _> = checkins(&s).into_iter().collect();
    let mut last = std::collections::HashMap::new();
    for (night, cramps) in &acknowledged {
        last.insert(night.clone(), *cramps);
    }
    for night in last.keys() {
        let got = stored.get(night).unwrap_or_else(|| panic!("acknowledged check-in for {night} is missing"));
        // The last acknowledged answer, or one from a later attempt that was killed after its commit.
        let tries = &attempts[night];
        let last_ack = tries.iter().rposition(|(_, acked)| *acked).unwrap();
        let allowed: Vec<u64> = tries[last_ack..].iter().map(|(c, _)| *c).collect();
        assert!(allowed.contains(got), "{night}: stored {got}, expected one of {allowed:?}");
    }
    // No temp file is mistaken for data: only month files hold records.
    for entry in std::fs::read_dir(s.data().join("journal")).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        assert!(
            name.ends_with(".jsonl")
                || name == ".lock"
                || name == ".facts.cache"
                || name == "status"
                || name.ends_with(".tmp"),
            "{name}"
        );
    }
}

#[test]
fn two_processes_two_hundred_writes_each() {
    let s = Sandbox::new();
    let first: NaiveDate = "2026-03-01".parse().unwrap();
    std::thread::scope(|scope| {
        for w in 0..2u64 {
            let s = &s;
            scope.spawn(move || {
                for i in 0..200u64 {
                    // Writer 0 takes even nights, writer 1 odd ones: the same month files.
                    let night = first + Days::new(i * 2 + w);
                    let status = winddown(s)
                        .args(["checkin", "--night", &night.to_string(), "--cramps", &(w + 1).to_string()])
                        .status()
                        .unwrap();
                    assert!(status.success());
                }
            });
        }
    });
    let stored = checkins(&s);
    assert_eq!(stored.len(), 400);
    assert_eq!(stored.iter().filter(|(_, c)| *c == 1).count(), 200);
}
