//! Stats on hand-made journals with fixed dates.

use chrono::{Days, NaiveDate};

use super::facts::Facts;
use super::insights::{MIN_SAMPLE, insights};
use super::report::report;
use super::score::{consistency, multiplier, series};
use super::streak::{checkin, cramp_free, routine};
use super::{NightMark, facts_mark};
use crate::journal::*;

pub(super) fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// A run whose one required step is done or skipped; the optional "Water" is always skipped.
fn run(night: NaiveDate, done: bool, start: &str) -> Record {
    let mut run = test_records::run(night, start, if done { Outcome::Done } else { Outcome::Skipped });
    if let Record::Run(r) = &mut run {
        r.steps.push(StepRecord {
            title: "Water".into(),
            optional: true,
            outcome: Outcome::Skipped,
            held_s: Held::default(),
        });
    }
    run
}

pub(super) fn check(night: NaiveDate, cramps: u32, pain: Option<u8>, triggers: Vec<Trigger>) -> Record {
    let mut check = test_records::checkin(night, cramps, pain, Quality::Fair);
    if let Record::Checkin(c) = &mut check {
        c.triggers = triggers;
    }
    check
}

fn rest(night: NaiveDate) -> Record {
    Record::Rest(RestNight { night, reason: "travel".into(), recorded: "2026-01-01T00:00:00+00:00".parse().unwrap() })
}

/// The facts of these records, as the screens get them (grouped by night first).
fn facts(records: Vec<Record>) -> Facts {
    Facts::from_entries(&Entries::from_records(records))
}

fn history(pattern: &str, tonight: NaiveDate) -> Facts {
    facts(history_records(pattern, tonight))
}

/// "D" done, "p" partial, "R" rest, "." nothing; the last character is tonight.
fn history_records(pattern: &str, tonight: NaiveDate) -> Vec<Record> {
    let first = tonight - Days::new(pattern.len() as u64 - 1);
    let mut records = Vec::new();
    for (i, c) in pattern.chars().enumerate() {
        let night = first + Days::new(i as u64);
        match c {
            'D' => records.push(run(night, true, "22:00")),
            'p' => records.push(run(night, false, "22:00")),
            'R' => records.push(rest(night)),
            _ => {}
        }
    }
    records
}

#[test]
fn streak_counts_back_from_tonight() {
    let t = d("2026-11-23");
    assert_eq!(routine(&history("DDD", t), t).current, 3);
    assert!(routine(&history("DDD", t), t).tonight_done);
    // Tonight not done yet: pending, not a break.
    let s = routine(&history("DDD.", t), t);
    assert_eq!((s.current, s.tonight_done), (3, false));
    // A gap breaks it.
    assert_eq!(routine(&history("DD.DD", t), t).current, 2);
    // A partial night breaks it too.
    assert_eq!(routine(&history("DDpD", t), t).current, 1);
}

#[test]
fn rest_nights_pause_a_streak() {
    let t = d("2026-11-23");
    assert_eq!(routine(&history("DDRRD", t), t).current, 3);
    assert_eq!(routine(&history("DDR.", t), t).current, 2, "rest then pending tonight");
    assert_eq!(facts_mark(history("R", t).night(t)), NightMark::Rest);
}

#[test]
fn experiment_off_nights_neither_break_nor_count() {
    use super::streak::routine_with_off_nights;
    let t = d("2026-11-23");
    let off = |n: NaiveDate| n == t - Days::new(1) || n == t - Days::new(2);
    // Done, done, off, off, done tonight: 3, and the off nights did not break it.
    assert_eq!(routine_with_off_nights(&history("DD..D", t), t, off).current, 3);
    // A run on an off night (a protocol deviation) does not count either.
    assert_eq!(routine_with_off_nights(&history("DDDDD", t), t, off).current, 3);
    assert_eq!(routine(&history("DD..D", t), t).current, 1, "without a plan they break it");
    // Nor do they lower the consistency score: as if those nights were not there.
    use super::score::consistency_with_off_nights;
    let with_off = consistency_with_off_nights(&history("DD..D", t), t, off).score;
    assert!((with_off - consistency(&history("DDD", t), t).score).abs() < 1e-12);
    assert!(consistency(&history("DD..D", t), t).score < with_off);
}

#[test]
fn longest_streak_ever() {
    let t = d("2026-11-23");
    let s = routine(&history("DDDDD.DD.D", t), t);
    assert_eq!((s.current, s.longest), (1, 5));
}

#[test]
fn backfilled_night_joins_the_streak() {
    let t = d("2026-11-23");
    let mut records = history_records("DD.D", t);
    assert_eq!(routine(&facts(records.clone()), t).current, 1);
    records.push(run(d("2026-11-22"), true, "22:00"));
    assert_eq!(routine(&facts(records), t).current, 4);
}

#[test]
fn streak_across_a_dst_change_counts_nights_not_hours() {
    // 2026-10-25: clocks go back in Europe. Night records are dates.
    let t = d("2026-10-26");
    let mut records = vec![];
    for (night, offset) in [("2026-10-24", "+02:00"), ("2026-10-25", "+01:00"), ("2026-10-26", "+01:00")] {
        let mut r = match run(d(night), true, "22:00") {
            Record::Run(r) => r,
            _ => unreachable!(),
        };
        r.started = format!("{night}T22:00:00{offset}").parse().unwrap();
        records.push(Record::Run(r));
    }
    assert_eq!(routine(&facts(records), t).current, 3);
}

#[test]
fn checkin_and_cramp_free_streaks() {
    let t = d("2026-11-23");
    let e = facts(vec![
        check(d("2026-11-19"), 1, Some(3), vec![]),
        check(d("2026-11-20"), 0, None, vec![]),
        check(d("2026-11-21"), 0, None, vec![]),
        check(d("2026-11-22"), 0, None, vec![]),
    ]);
    let c = checkin(&e, t);
    assert_eq!((c.current, c.longest, c.tonight_done), (4, 4, false));
    let f = cramp_free(&e, t);
    assert_eq!((f.current, f.longest), (3, 3));
}

#[test]
fn score_matches_hand_computed_values() {
    let m = multiplier();
    assert!((m - 0.948_078_0).abs() < 1e-6, "{m}");
    let t = d("2026-11-23");
    // done, done, missed, rest, done (tonight)
    let e = history("DD.RD", t);
    let s = series(&e, t);
    let v1 = 1.0 - m;
    let v2 = v1 * m + (1.0 - m);
    let v3 = v2 * m;
    let v4 = v3; // rest: unchanged
    let v5 = v4 * m + (1.0 - m);
    let expected = [v1, v2, v3, v4, v5];
    for ((_, got), want) in s.iter().zip(expected) {
        assert!((got - want).abs() < 1e-12, "{got} vs {want}");
    }
    // Half-life: 13 done nights from 0 give 50%.
    let thirteen = history(&"D".repeat(13), t);
    assert!((consistency(&thirteen, t).score - 0.5).abs() < 1e-9);
    // Tonight pending does not lower the score.
    let pending = history("DD.", t);
    assert!((consistency(&pending, t).score - v2).abs() < 1e-12);
}

#[test]
fn consistency_change_over_30_nights() {
    let t = d("2026-11-23");
    let e = history(&format!("{}{}", ".".repeat(30), "D".repeat(30)), t);
    let c = consistency(&e, t);
    assert!((c.score - (1.0 - multiplier().powi(30))).abs() < 1e-9);
    assert!((c.change_30 - c.score * 100.0).abs() < 1e-9, "score was 0 thirty nights ago");
}

#[test]
fn insights_need_a_minimum_sample() {
    let t = d("2026-11-23");
    let mut records = vec![];
    for i in 0..4 {
        let night = t - Days::new(i + 1);
        records.push(run(night, true, "22:00"));
        records.push(check(night, 0, None, vec![]));
    }
    let e = facts(records);
    let i = insights(&e, None, t);
    let all = &i.routine[2].split;
    assert_eq!(all.with.nights, 4);
    assert!(!all.with.enough && all.with.share_with_cramps.is_none());
    assert!(all.with.describe().starts_with("not enough nights yet (4 of 5)"));
    assert_eq!(MIN_SAMPLE, 5);
}

#[test]
fn insights_compare_routine_nights_and_triggers() {
    let t = d("2026-11-30");
    let mut records = vec![];
    // 10 nights with the routine: 2 with a cramp. 10 without: 6 with cramps (2 each), 5 after alcohol.
    for i in 0..20u64 {
        let night = t - Days::new(i + 1);
        let with_routine = i < 10;
        if with_routine {
            records.push(run(night, true, if i < 5 { "21:30" } else { "23:15" }));
        }
        let cramps = if with_routine {
            u32::from(i < 2)
        } else if i < 16 {
            2
        } else {
            0
        };
        let triggers = if !with_routine && i % 2 == 0 { vec![Trigger::Alcohol] } else { vec![] };
        records.push(check(night, cramps, (cramps > 0).then_some(4 + (i % 3) as u8), triggers));
    }
    let e = facts(records);
    let i = insights(&e, None, t);
    let all = i.routine[2].split;
    assert_eq!((all.with.nights, all.with.nights_with_cramps, all.with.cramps), (10, 2, 2));
    assert_eq!((all.without.nights, all.without.nights_with_cramps, all.without.cramps), (10, 6, 12));
    assert_eq!(all.with.share_with_cramps, Some(0.2));
    assert_eq!(all.without.cramps_per_night, Some(1.2));
    // Ten nights a side: compared, with the estimate the plain difference of the rates.
    assert!((all.difference.estimate.unwrap() - -1.0).abs() < 1e-12);
    assert_ne!(all.verdict, super::difference::Verdict::TooFew);
    assert!(all.difference.low.unwrap() <= -1.0 && -1.0 <= all.difference.high.unwrap());
    let alcohol = i.triggers.iter().find(|t| t.trigger == "alcohol").unwrap();
    assert_eq!(alcohol.split.with.nights, 5);
    assert_eq!(alcohol.split.without.nights, 15);
    assert_eq!(alcohol.split.verdict, super::difference::Verdict::TooFew, "5 nights after alcohol");
    assert_eq!(alcohol.split.difference.low, None);
    // Early starts (21:30): nights 0-4, one cramp night among them (night 0, 1 → two).
    assert_eq!((i.start_time.with.nights, i.start_time.without.nights), (5, 5));
    assert_eq!(i.start_time.with.nights_with_cramps, 2);
    assert_eq!(i.pain.nights, 8);
    // Water (optional) was skipped every run: the most skipped step, honestly.
    let s = i.most_skipped_step.unwrap();
    assert_eq!((s.title.as_str(), s.times, s.runs), ("Water", 10, 10));
    // --since narrows every figure.
    let recent = insights(&e, Some(t - Days::new(5)), t);
    assert_eq!(recent.routine[2].split.with.nights, 5);
}

#[test]
fn flags_for_frequent_cramps_rising_pain_and_red_flags() {
    use super::flags::flags;
    let t = d("2026-11-30");
    let mut records = vec![];
    for i in 0..14u64 {
        let night = t - Days::new(i);
        // Newest 7 nights pain 8, older 7 nights pain 4.
        records.push(check(night, 1, Some(if i < 7 { 8 } else { 4 }), vec![]));
    }
    let e = facts(records.clone());
    let f = flags(&e, t);
    let kinds: Vec<_> = f.iter().map(|f| f.kind).collect();
    assert_eq!(kinds, vec!["frequent-cramps", "pain-rising"]);
    assert!(f[0].reason.contains("14 of the last 14"));
    assert!(f[0].advice.contains("doctor"));
    if let Record::Checkin(c) = &mut records[3] {
        c.red_flags.one_leg_swollen = Some(true);
    }
    let f = flags(&facts(records), t);
    assert!(f.iter().any(|f| f.kind == "red-flag" && f.advice.contains("emergency")));
    // A quiet record raises nothing.
    let quiet = facts((0..14).map(|i| check(t - Days::new(i), 0, None, vec![])).collect());
    assert!(flags(&quiet, t).is_empty());
}

/// A finished run of one step, done or skipped.
fn one_step_run(night: NaiveDate, title: &str, done: bool) -> Record {
    let mut run = test_records::run(night, "22:00", if done { Outcome::Done } else { Outcome::Skipped });
    if let Record::Run(r) = &mut run {
        r.steps[0].title = title.into();
    }
    run
}

#[test]
fn facts_read_on_every_core_agree_with_the_screens() {
    // Fourteen months, so the months are split between threads; the later
    // months' step title only exists in the second share, so a wrong title
    // mapping when the shares are merged names the wrong step.
    let dir = tempfile::tempdir().unwrap();
    let journal = Journal::new(dir.path());
    let first = d("2025-09-01");
    let tonight = d("2026-10-31");
    let mut records = vec![];
    for (i, night) in first.iter_days().take_while(|n| *n <= tonight).enumerate() {
        let late = night >= d("2026-03-01");
        let title = if late { "Hamstring" } else { "Calf" };
        records.push(one_step_run(night, title, !(late && i % 3 == 0)));
        records.push(check(night, u32::from(i % 4 == 0), Some(3), vec![]));
    }
    journal.put(records).unwrap();
    let read = Facts::read(&journal).unwrap();
    let from_entries = Facts::from_entries(&journal.read_all().unwrap());
    let (a, b) = (report(&read, tonight, None), report(&from_entries, tonight, None));
    assert_eq!(a, b);
    let skipped = a.insights.most_skipped_step.unwrap();
    // Insights end at the last night that is over: tonight's run is not in them yet.
    assert_eq!((skipped.title.as_str(), skipped.times, skipped.runs), ("Hamstring", 81, 244));
    assert_eq!(a.nights_recorded, 426);
}

#[test]
fn merging_facts_is_adding_their_records() {
    let t = d("2026-11-23");
    let a = vec![one_step_run(t, "Calf", false), check(t - Days::new(1), 2, Some(5), vec![Trigger::Alcohol])];
    let b = vec![one_step_run(t, "Feet", true), rest(t - Days::new(1)), one_step_run(t - Days::new(2), "Feet", false)];
    let mut merged = Facts::from_records(&a);
    merged.merge(Facts::from_records(&b));
    let all: Vec<Record> = a.into_iter().chain(b).collect();
    let r = |f: &Facts| report(f, t, None);
    assert_eq!(r(&merged), r(&Facts::from_records(&all)));
    let night = merged.night(t).unwrap();
    assert!(night.completed && night.ran);
    assert!(merged.night(t - Days::new(1)).unwrap().checkin.unwrap().has_trigger(Trigger::Alcohol));
    assert_eq!(facts_mark(merged.night(t - Days::new(1))), NightMark::Rest);
}

/// "Change over 30 nights" spans 30 of the score's nightly updates: from the
/// score 30 nights before the last night counted to the score after it.
#[test]
fn consistency_change_spans_thirty_updates() {
    let tonight = d("2026-11-24");
    // Done on every third night for 60 nights, so the score moves every night.
    let records: Vec<Record> = (1..=60u64).map(|i| run(tonight - Days::new(i), i % 3 == 0, "22:00")).collect();
    let facts = Facts::from_records(&records);
    let s = series(&facts, tonight);
    // Tonight is still pending: the score now is the one after last night.
    let now = s.last().unwrap().1;
    let before = s.iter().find(|(n, _)| *n == d("2026-11-23") - Days::new(30)).unwrap().1;
    let c = consistency(&facts, tonight);
    assert!((c.change_30 - (now - before) * 100.0).abs() < 1e-9, "{} vs {}", c.change_30, (now - before) * 100.0);
}
