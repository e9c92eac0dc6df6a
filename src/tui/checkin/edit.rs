//! What an answering key does to the focused row: arrows and digits choose
//! or type a number, Space toggles, y/n answer, Backspace takes an answer
//! back. Every answer starts unanswered and becomes one only by a key here.

use std::collections::BTreeSet;
use std::ops::RangeInclusive;

use super::answers::SPOTS;
use super::fields::Field;
use super::form::CheckinForm;
use crate::checkin::rules::{CRAMPS, DISTURBED, PAIN};
use crate::journal::Trigger;
use crate::journal::choices::Choice;

impl CheckinForm {
    /// ← (-1) or → (+1): the next choice or number, or the next chip.
    pub(super) fn step(&mut self, by: i8) {
        let step = i32::from(by);
        let (a, typed) = (&mut self.answers, &mut self.cursor.typed);
        match self.cursor.focus {
            Field::AnyCramps => flip(&mut a.any_cramps),
            Field::Swollen => flip(&mut a.swollen),
            Field::Numbness => flip(&mut a.numbness),
            Field::Count => a.count = number(a.count, typed, None, step, &(1..=*CRAMPS.end())),
            Field::Pain => a.pain = number(a.pain, typed, None, step, &PAIN),
            Field::Disturbed => a.disturbed = number(a.disturbed, typed, None, step, &DISTURBED),
            Field::Quality => a.quality = pick(a.quality, step, None),
            Field::Rested => a.rested = pick(a.rested, step, None),
            Field::Where | Field::Triggers => {
                let n = self.chips();
                self.cursor.chip = (self.cursor.chip + n).saturating_add_signed(by as isize) % n;
            }
            _ => {}
        }
    }

    /// A digit: types a number, picks choice N, or toggles chip N.
    pub(super) fn digit(&mut self, d: u8) {
        let c = char::from(b'0' + d);
        let (a, typed) = (&mut self.answers, &mut self.cursor.typed);
        match self.cursor.focus {
            Field::Count => a.count = number(a.count, typed, Some(c), 0, &(1..=*CRAMPS.end())),
            Field::Pain => a.pain = number(a.pain, typed, Some(c), 0, &PAIN),
            Field::Disturbed => a.disturbed = number(a.disturbed, typed, Some(c), 0, &DISTURBED),
            Field::Quality => a.quality = pick(a.quality, 0, Some(c)),
            Field::Rested => a.rested = pick(a.rested, 0, Some(c)),
            Field::Where | Field::Triggers if (1..=self.chips()).contains(&usize::from(d)) => {
                self.cursor.chip = usize::from(d) - 1;
                self.toggle_chip(self.cursor.chip);
            }
            _ => {}
        }
    }

    /// Space: toggles a yes/no answer or the chip under the cursor.
    pub(super) fn toggle(&mut self) {
        match self.cursor.focus {
            Field::AnyCramps => flip(&mut self.answers.any_cramps),
            Field::Swollen => flip(&mut self.answers.swollen),
            Field::Numbness => flip(&mut self.answers.numbness),
            Field::Where | Field::Triggers => self.toggle_chip(self.cursor.chip.min(self.chips() - 1)),
            _ => {}
        }
    }

    /// `y` or `n`; the first question moves straight on.
    pub(super) fn yes_no(&mut self, yes: bool) {
        match self.cursor.focus {
            Field::AnyCramps => {
                self.answers.any_cramps = Some(yes);
                self.move_focus(1);
            }
            Field::Swollen => self.answers.swollen = Some(yes),
            Field::Numbness => self.answers.numbness = Some(yes),
            _ => {}
        }
    }

    /// Backspace or Delete: the focused answer is unanswered again.
    pub(super) fn clear(&mut self) {
        let a = &mut self.answers;
        match self.cursor.focus {
            Field::AnyCramps => a.any_cramps = None,
            Field::Pain => a.pain = None,
            Field::Disturbed => a.disturbed = None,
            Field::Quality => a.quality = None,
            Field::Rested => a.rested = None,
            Field::Swollen => a.swollen = None,
            Field::Numbness => a.numbness = None,
            _ => {}
        }
    }

    /// How many chips the focused row has.
    fn chips(&self) -> usize {
        match self.cursor.focus {
            Field::Triggers => Trigger::all().count(),
            _ => SPOTS.len(),
        }
    }

    fn toggle_chip(&mut self, i: usize) {
        let a = &mut self.answers;
        match self.cursor.focus {
            Field::Where => {
                let (place, side) = SPOTS[i];
                // Picking a side for a place recorded without one replaces it.
                if side.is_some() {
                    a.spots.remove(&(place, None));
                }
                toggle(&mut a.spots, SPOTS[i]);
            }
            Field::Triggers => {
                if let Some(t) = Trigger::all().nth(i) {
                    toggle(&mut a.triggers, t);
                }
            }
            _ => {}
        }
    }
}

/// Unanswered or "no" becomes "yes"; "yes" becomes "no".
fn flip(v: &mut Option<bool>) {
    *v = Some(*v != Some(true));
}

fn toggle<T: Ord>(set: &mut BTreeSet<T>, v: T) {
    if !set.remove(&v) {
        set.insert(v);
    }
}

/// A number in `range`: digits type it ("1" then "0" is 10; a digit that
/// would leave the range starts a new number), arrows move it.
fn number<T>(v: Option<T>, typed: &mut String, digit: Option<char>, step: i32, range: &RangeInclusive<T>) -> Option<T>
where
    T: Copy + PartialOrd + std::str::FromStr + Into<i64> + TryFrom<i64>,
{
    let fits = |s: &str| s.parse::<T>().ok().filter(|n| range.contains(n));
    if let Some(d) = digit {
        typed.push(d);
        if let Some(n) = fits(typed) {
            return Some(n);
        }
        typed.clear();
        typed.push(d);
        if let Some(n) = fits(typed) {
            return Some(n);
        }
        typed.clear();
        return v;
    }
    if step == 0 {
        return v;
    }
    let (lo, hi): (i64, i64) = ((*range.start()).into(), (*range.end()).into());
    let next = match v {
        None if step > 0 => lo,
        None => hi,
        Some(x) => (x.into() + i64::from(step)).clamp(lo, hi),
    };
    T::try_from(next).ok().or(v)
}

/// One of a labelled list: arrows move, 1-5 pick. Unanswered until then.
fn pick<T: Choice>(v: Option<T>, step: i32, digit: Option<char>) -> Option<T> {
    let all: Vec<T> = T::all().collect();
    let last = all.len() as i32 - 1;
    if let Some(d) = digit.and_then(|c| c.to_digit(10)) {
        return if (1..=all.len() as u32).contains(&d) { Some(all[d as usize - 1]) } else { v };
    }
    let j = match (v.and_then(|x| all.iter().position(|y| *y == x)), step) {
        (_, 0) => return v,
        (None, s) if s > 0 => 0,
        (None, _) => last,
        (Some(i), s) => (i as i32 + s).clamp(0, last),
    };
    Some(all[j as usize])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_type_numbers_of_more_than_one_digit() {
        let mut typed = String::new();
        let mut v = None;
        for d in ['1', '0'] {
            v = number(v, &mut typed, Some(d), 0, &(0u8..=10));
        }
        assert_eq!(v, Some(10));
        // A digit that would leave the range starts again.
        assert_eq!(number(v, &mut typed, Some('3'), 0, &(0u8..=10)), Some(3));
        // Pain starts at 1: a lone 0 changes nothing.
        typed.clear();
        assert_eq!(number(Some(4u8), &mut typed, Some('0'), 0, &PAIN), Some(4));
        typed.clear();
        assert_eq!(number(None, &mut typed, None, 1, &PAIN), Some(1));
        assert_eq!(number(Some(10u8), &mut typed, None, 1, &PAIN), Some(10));
    }

    #[test]
    fn choices_start_unanswered() {
        use crate::journal::Quality;
        assert_eq!(pick::<Quality>(None, 0, None), None);
        assert_eq!(pick::<Quality>(None, 1, None), Some(Quality::VeryPoor));
        assert_eq!(pick::<Quality>(None, 0, Some('4')), Some(Quality::Good));
    }
}
