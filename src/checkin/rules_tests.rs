use chrono::{DateTime, FixedOffset, NaiveDate};

use super::*;
use crate::checkin::{Answers, NightRule, Nights};
use crate::journal::{Cramp, Place, Quality, Record, RestNight, Spot};

fn nights() -> Nights {
    // 07:10 on Tue 24 Nov: the night of Mon 23 is over.
    NightRule::default().at(now())
}
fn now() -> DateTime<FixedOffset> {
    "2026-11-24T07:10:00+01:00".parse().unwrap()
}
fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}
fn build(a: &Answers) -> Result<crate::journal::CheckIn, RuleError> {
    a.build(d("2026-11-23"), now(), &nights())
}

#[test]
fn cramps_must_be_answered_and_nothing_else_is_invented() {
    assert_eq!(build(&Answers::default()), Err(RuleError::Missing { field: "cramps" }));
    let c = build(&Answers { cramps: Some(0), ..Answers::default() }).unwrap();
    assert_eq!((c.quality, c.rested, c.pain, c.sleep.awakenings), (None, None, None, None));
}

#[test]
fn ranges_are_enforced() {
    let cases = [
        Answers { cramps: Some(101), ..Answers::default() },
        Answers { cramps: Some(1), pain: Some(11), ..Answers::default() },
        Answers { cramps: Some(1), pain: Some(0), ..Answers::default() },
        Answers { cramps: Some(1), disturbed: Some(11), ..Answers::default() },
        Answers { cramps: Some(1), longest_s: Some(86_401), ..Answers::default() },
    ];
    for a in cases {
        assert!(matches!(build(&a), Err(RuleError::OutOfRange { .. })), "{a:?}");
    }
    let ok = Answers { cramps: Some(2), pain: Some(10), disturbed: Some(0), ..Answers::default() };
    assert_eq!(build(&ok).unwrap().pain, Some(10));
}

#[test]
fn no_cramp_details_on_a_cramp_free_night() {
    let a = Answers {
        cramps: Some(0),
        places: vec![Spot { place: Place::Calf, side: None }],
        quality: Some(Quality::Good),
        ..Answers::default()
    };
    assert_eq!(build(&a), Err(RuleError::DetailWithoutCramps { field: "where" }));
    assert_eq!(build(&a).unwrap_err().to_string(), "where describes cramps, but cramps is 0");
}

#[test]
fn only_nights_that_are_over_may_be_checked_in() {
    let a = Answers { cramps: Some(0), ..Answers::default() };
    // At 22:00 the night of the 24th is in progress.
    let evening = NightRule::default().at("2026-11-24T22:00:00+01:00".parse().unwrap());
    assert!(matches!(a.build(d("2026-11-24"), now(), &evening), Err(RuleError::NightNotOver { .. })));
    assert!(a.build(d("2026-11-23"), now(), &evening).is_ok());
}

#[test]
fn imported_records_pass_the_same_rules() {
    let n = nights();
    let b = crate::journal::DEFAULT_BOUNDARY;
    let rest = |night: &str| Record::Rest(RestNight { night: d(night), reason: "trip".into(), recorded: now() });
    assert!(validate_record(&rest("2026-12-01"), &n, b).is_ok());
    assert!(matches!(validate_record(&rest("9999-12-31"), &n, b), Err(RuleError::RestTooFarAhead { .. })));
    let cramp = |night: &str, at: &str| {
        Record::Cramp(Cramp { night: d(night), at: at.parse().unwrap(), place: Some(Place::Calf), side: None })
    };
    assert!(validate_record(&cramp("2026-11-23", "2026-11-24T03:00:00+01:00"), &n, b).is_ok());
    assert!(matches!(
        validate_record(&cramp("2026-11-20", "2026-11-24T03:00:00+01:00"), &n, b),
        Err(RuleError::CrampOutsideNight { .. })
    ));
    let mut c = build(&Answers { cramps: Some(1), ..Answers::default() }).unwrap();
    c.cramps = u32::MAX;
    assert!(
        validate_record(&Record::Checkin(c.clone()), &n, b).unwrap_err().to_string().contains("cramps is 4294967295")
    );
    // An import names each bad record by its place in the file.
    let problems = validate_import(&[rest("2026-12-01"), Record::Checkin(c), rest("9999-12-31")], &n, b);
    assert_eq!(problems.iter().map(|p| p.number).collect::<Vec<_>>(), [2, 3]);
    assert!(matches!(problems[1].rule, RuleError::RestTooFarAhead { .. }));
    assert!(problems[0].to_string().starts_with("record 2 (check-in of 2026-11-2"), "{}", problems[0]);
    assert!(problems[0].to_string().ends_with("cramps is 4294967295, outside the allowed 0-100"), "{}", problems[0]);
}

#[test]
fn unanswered_warning_signs_are_left_out_and_old_lines_still_read() {
    let c = build(&Answers { cramps: Some(0), ..Answers::default() }).unwrap();
    let line = serde_json::to_string(&Record::Checkin(c)).unwrap();
    assert!(!line.contains("red_flags"), "{line}");
    let old = r#"{"type":"checkin","night":"2026-11-23","recorded":"2026-11-24T07:10:00+01:00","cramps":0,"red_flags":{"one_leg_swollen":false,"lasting_numbness":false}}"#;
    let Record::Checkin(c) = Record::from_line(old).unwrap() else { panic!("a check-in") };
    assert_eq!((c.red_flags.one_leg_swollen, c.red_flags.lasting_numbness), (Some(false), Some(false)));
}
