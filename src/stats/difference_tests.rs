//! The interval against hand-worked cases and against the independent
//! implementation in `scripts/bootstrap_check.py` (its printed figures).

use super::difference::*;

fn case_a() -> Vec<Night> {
    let pattern = "110110011101100111011001110110";
    let cramps = [0, 1, 0, 2, 0, 0, 1, 3, 0, 0, 1, 0, 2, 2, 0, 0, 0, 1, 0, 3, 0, 1, 0, 0, 2, 1, 0, 0, 1, 2];
    pattern.chars().zip(cramps).map(|(c, k)| (c == '1', k)).collect()
}

#[test]
fn matches_the_independent_python_implementation() {
    let a = case_a();
    let (d, v) = compare(&a);
    assert_eq!(d.estimate, Some(0.20574162679425834));
    assert_eq!((d.low, d.high), (Some(-0.25), Some(0.8000694444444447)));
    assert_eq!(d.level, 0.95);
    assert_eq!(v, Verdict::Unclear);
    assert_eq!(block_bootstrap(&a, 1, 500, 1), Some((-0.5828619909502261, 0.9303174603174609)));
}

#[test]
fn hand_worked_estimate() {
    // With: 1, 3 (mean 2). Without: 0, 0, 1 (mean 1/3).
    let n = [(true, 1), (false, 0), (true, 3), (false, 0), (false, 1)];
    let (d, v) = compare(&n);
    assert!((d.estimate.unwrap() - (2.0 - 1.0 / 3.0)).abs() < 1e-12);
    assert_eq!(v, Verdict::TooFew, "two and three nights are under the minimum");
    assert_eq!((d.low, d.high), (None, None));
}

#[test]
fn a_constant_difference_has_no_spread() {
    // Every night with the routine 0 cramps, every night without 2: each resample
    // that has both groups gives exactly -2, so the interval is -2 to -2.
    let n: Vec<Night> = (0..40).map(|i| (i % 3 != 0, if i % 3 != 0 { 0 } else { 2 })).collect();
    let (d, v) = compare(&n);
    assert_eq!((d.estimate, d.low, d.high), (Some(-2.0), Some(-2.0), Some(-2.0)));
    assert_eq!(v, Verdict::Fewer);
    assert!(describe(&d, v, 26, 14).starts_with("fewer cramps: 2.00 fewer a night"));
}

#[test]
fn no_difference_at_all_is_unclear_not_fewer() {
    let n: Vec<Night> = (0..40).map(|i| (i % 2 == 0, 1)).collect();
    let (d, v) = compare(&n);
    assert_eq!((d.estimate, d.low, d.high), (Some(0.0), Some(0.0), Some(0.0)));
    assert_eq!(v, Verdict::Unclear);
}

#[test]
fn the_minimum_is_per_side() {
    let mut n: Vec<Night> = (0..30).map(|_| (true, 0)).collect();
    n.extend((0..9).map(|_| (false, 2)));
    assert_eq!(compare(&n).1, Verdict::TooFew);
    n.push((false, 2));
    assert_eq!(compare(&n).1, Verdict::Fewer);
    assert_eq!(MIN_NIGHTS, 10);
}

#[test]
fn one_group_missing_gives_no_estimate() {
    let n: Vec<Night> = (0..20).map(|_| (true, 1)).collect();
    let (d, v) = compare(&n);
    assert_eq!((d.estimate, v), (None, Verdict::TooFew));
    assert_eq!(block_bootstrap(&n, 7, 100, 1), None);
}

#[test]
fn verdicts_follow_the_interval_only() {
    assert_eq!(Verdict::of(-0.9, -0.1), Verdict::Fewer);
    assert_eq!(Verdict::of(0.1, 0.9), Verdict::More);
    assert_eq!(Verdict::of(-0.9, 0.0), Verdict::Unclear);
    assert_eq!(Verdict::of(-0.5, 0.5), Verdict::Unclear);
}

#[test]
fn quantiles_interpolate_like_r_type_7() {
    let v = [1.0, 2.0, 3.0, 4.0];
    assert_eq!(quantile(&v, 0.5), 2.5);
    assert_eq!(quantile(&v, 0.0), 1.0);
    assert_eq!(quantile(&v, 1.0), 4.0);
    assert!((quantile(&v, 0.025) - 1.075).abs() < 1e-12);
}

#[test]
fn the_same_nights_give_the_same_interval() {
    let a = case_a();
    assert_eq!(compare(&a), compare(&a));
}

#[test]
fn blocks_are_a_week_until_histories_get_long() {
    assert_eq!(block_length(30), 7);
    assert_eq!(block_length(400), 7);
    assert_eq!(block_length(3650), 15);
}
