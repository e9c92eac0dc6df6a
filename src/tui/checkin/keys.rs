//! The check-in form's keys: moving between fields, choosing, typing.

use std::collections::BTreeSet;
use std::ops::RangeInclusive;

use chrono::Days;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::fields::Field;
use super::form::{CheckinForm, Mode, SPOTS};
use crate::checkin::rules::{CRAMPS, DISTURBED, PAIN};
use crate::journal::Trigger;
use crate::journal::choices::Choice;
use crate::tui::screen::Effect;

impl CheckinForm {
    pub(super) fn handle_key(&mut self, key: KeyEvent) {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match self.mode {
            Mode::Saved { .. } => {
                match key.code {
                    KeyCode::Enter | KeyCode::Esc | KeyCode::Char('q') => self.effects.push(Effect::Close),
                    KeyCode::Char('h') => self.effects.push(Effect::History),
                    _ => {}
                }
                return;
            }
            Mode::Help => {
                self.mode = Mode::Editing;
                return;
            }
            Mode::Contested => {
                self.contested_key(key);
                return;
            }
            Mode::ConfirmDiscard => {
                match key.code {
                    KeyCode::Char('y') | KeyCode::Enter => self.effects.push(Effect::Close),
                    _ => self.mode = Mode::Editing,
                }
                return;
            }
            Mode::Editing => {}
        }
        if ctrl && key.code == KeyCode::Char('c') {
            self.effects.push(Effect::Close);
            return;
        }
        if ctrl && key.code == KeyCode::Char('r') && !self.contested.is_empty() {
            self.mode = Mode::Contested;
            return;
        }
        if ctrl && key.code == KeyCode::Char('s') {
            self.save();
            return;
        }
        self.message = None;
        match key.code {
            KeyCode::Esc => {
                if self.dirty() {
                    self.mode = Mode::ConfirmDiscard;
                } else {
                    self.effects.push(Effect::Close);
                }
                return;
            }
            KeyCode::Tab => return self.move_focus(1),
            KeyCode::BackTab => return self.move_focus(-1),
            KeyCode::Down if self.focus != Field::Note => return self.move_focus(1),
            KeyCode::Up if self.focus != Field::Note => return self.move_focus(-1),
            _ => {}
        }
        if self.focus.is_text() {
            self.text_key(key);
        } else {
            self.choice_key(key);
        }
    }

    fn text_key(&mut self, key: KeyEvent) {
        // Enter moves on from one-line boxes; only the note takes new lines.
        if key.code == KeyCode::Enter && self.focus != Field::Note {
            return self.move_focus(1);
        }
        if let Some(t) = self.texts.get_mut(self.focus) {
            t.input(key);
        }
    }

    fn choice_key(&mut self, key: KeyEvent) {
        let digit = match key.code {
            KeyCode::Char(c) if c.is_ascii_digit() => Some(c),
            _ => None,
        };
        let step: i32 = match key.code {
            KeyCode::Right => 1,
            KeyCode::Left => -1,
            _ => 0,
        };
        // Backspace or Delete takes an answer back: unanswered again.
        let clear = matches!(key.code, KeyCode::Backspace | KeyCode::Delete);
        if digit.is_none() {
            self.typed.clear();
        }
        match self.focus {
            Field::Night if step != 0 => self.change_night(step),
            Field::AnyCramps => match key.code {
                KeyCode::Char('y') | KeyCode::Char('Y') => self.answer_cramps(true),
                KeyCode::Char('n') | KeyCode::Char('N') => self.answer_cramps(false),
                KeyCode::Left | KeyCode::Right | KeyCode::Char(' ') => {
                    self.any_cramps = Some(self.any_cramps != Some(true));
                }
                _ => {}
            },
            Field::Count => {
                let v = number(Some(self.count), &mut self.typed, digit, step, &(1..=*CRAMPS.end()));
                self.count = v.unwrap_or(1);
            }
            Field::Pain if clear => self.pain = None,
            Field::Pain => self.pain = number(self.pain, &mut self.typed, digit, step, &PAIN),
            Field::Disturbed if clear => self.disturbed = None,
            Field::Disturbed => self.disturbed = number(self.disturbed, &mut self.typed, digit, step, &DISTURBED),
            Field::Quality if clear => self.quality = None,
            Field::Quality => self.quality = pick(self.quality, step, digit),
            Field::Rested if clear => self.rested = None,
            Field::Rested => self.rested = pick(self.rested, step, digit),
            Field::Where => self.chips_key(key, SPOTS.len(), |f, i| {
                // Picking a side for a place recorded without one replaces it.
                if SPOTS[i].1.is_some() {
                    f.spots.remove(&(SPOTS[i].0, None));
                }
                toggle(&mut f.spots, SPOTS[i])
            }),
            Field::Triggers => {
                let all: Vec<Trigger> = Trigger::all().collect();
                self.chips_key(key, all.len(), |f, i| toggle(&mut f.triggers, all[i]));
            }
            Field::Swollen if clear => self.swollen = None,
            Field::Swollen => yes_no(&mut self.swollen, key.code),
            Field::Numbness if clear => self.numbness = None,
            Field::Numbness => yes_no(&mut self.numbness, key.code),
            Field::Save if key.code == KeyCode::Enter => return self.save(),
            _ => {}
        }
        if key.code == KeyCode::Enter && self.focus != Field::Save {
            self.move_focus(1);
        }
        if key.code == KeyCode::Char('?') {
            self.mode = Mode::Help;
        }
    }

    /// A "yes"/"no" to the first question moves straight on.
    fn answer_cramps(&mut self, yes: bool) {
        self.any_cramps = Some(yes);
        self.move_focus(1);
    }

    fn chips_key(&mut self, key: KeyEvent, n: usize, mut toggle_at: impl FnMut(&mut Self, usize)) {
        match key.code {
            KeyCode::Right => self.chip = (self.chip + 1) % n,
            KeyCode::Left => self.chip = (self.chip + n - 1) % n,
            KeyCode::Char(' ') => toggle_at(self, self.chip.min(n - 1)),
            KeyCode::Char(c) if c.is_ascii_digit() => {
                let i = c.to_digit(10).unwrap_or(0) as usize;
                if (1..=n).contains(&i) {
                    self.chip = i - 1;
                    toggle_at(self, i - 1);
                }
            }
            _ => {}
        }
    }

    pub(super) fn move_focus(&mut self, by: i32) {
        let visible = self.visible();
        let i = visible.iter().position(|f| *f == self.focus).unwrap_or(0) as i32;
        let j = (i + by).clamp(0, visible.len() as i32 - 1) as usize;
        self.focus = visible[j];
        self.chip = 0;
        self.typed.clear();
    }

    fn change_night(&mut self, by: i32) {
        if self.dirty() {
            self.message = Some("save (Ctrl-S) or discard (Esc) these answers before changing the night".into());
            return;
        }
        let target =
            if by > 0 { self.night.checked_add_days(Days::new(1)) } else { self.night.checked_sub_days(Days::new(1)) };
        if let Some(t) = target.filter(|t| self.nights.is_over(*t)) {
            self.effects.push(Effect::LoadNight(t));
        }
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

fn yes_no(v: &mut Option<bool>, key: KeyCode) {
    match key {
        KeyCode::Char('y') | KeyCode::Char('Y') => *v = Some(true),
        KeyCode::Char('n') | KeyCode::Char('N') => *v = Some(false),
        KeyCode::Char(' ') | KeyCode::Left | KeyCode::Right => *v = Some(*v != Some(true)),
        _ => {}
    }
}

fn toggle<T: Ord>(set: &mut BTreeSet<T>, v: T) {
    if !set.remove(&v) {
        set.insert(v);
    }
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
