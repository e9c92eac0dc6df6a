// Minimal journal records for tests, with only the fields that matter as
// arguments. One file for both kinds of test: the unit tests see it as
// `journal::test_records`, the integration tests as `common::records`, each
// through `include!` in a module that brings `chrono::{Days, NaiveDate}` and
// the journal's types into scope.

/// A finished run of cramp-guard started at `start` (HH:MM) with one step.
pub fn run(night: NaiveDate, start: &str, outcome: Outcome) -> Record {
    Record::Run(Run {
        night,
        id: format!("{night}T{start}:00+01:00"),
        routine: "cramp-guard".into(),
        routine_hash: "h".into(),
        started: format!("{night}T{start}:00+01:00").parse().unwrap(),
        ended: None,
        speed: 1.0,
        finished: true,
        steps: vec![StepRecord { title: "Calf".into(), optional: false, outcome, held_s: Held::default() }],
    })
}

/// A check-in recorded at 07:00 the next morning.
pub fn checkin(night: NaiveDate, cramps: u32, pain: Option<u8>, quality: Quality) -> Record {
    Record::Checkin(CheckIn {
        night,
        recorded: format!("{}T07:00:00+01:00", night + Days::new(1)).parse().unwrap(),
        cramps,
        pain,
        longest_s: None,
        places: vec![],
        disturbed: None,
        quality: Some(quality),
        rested: None,
        sleep: SleepTimes::default(),
        triggers: vec![],
        tags: vec![],
        red_flags: RedFlags::default(),
        note: String::new(),
    })
}
