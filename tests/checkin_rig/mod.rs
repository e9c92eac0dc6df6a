//! The check-in form in a test: the night and the clock the tests share,
//! the night as the journal would hand it over, and a rig that feeds the
//! form keys and answers and collects the effects it returns.
#![allow(dead_code)]

use std::time::Instant;

use chrono::{DateTime, FixedOffset, NaiveDate};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use winddown::checkin::{NightRule, Nights};
use winddown::journal::{CheckIn, Entries, Record, RedFlags, SleepTimes};
use winddown::stats::streak::Streak;
use winddown::tui::checkin::{CheckinForm, Field};
use winddown::tui::screen::{Effect, Input, NightLoaded, Screen, Tally};
use winddown::tui::theme::Theme;

pub fn night() -> NaiveDate {
    "2026-11-23".parse().unwrap()
}
pub fn now() -> DateTime<FixedOffset> {
    "2026-11-24T07:10:00+01:00".parse().unwrap()
}
pub fn nights() -> Nights {
    NightRule::default().at(now())
}

/// `night` as the journal would hand it over holding `records`.
pub fn loaded(night: NaiveDate, records: Vec<Record>) -> NightLoaded {
    let entry = Entries::from_records(records).night(night).cloned().unwrap_or_default();
    NightLoaded { night, entry, contested: Vec::new() }
}

/// A check-in of `night` saying `cramps` and nothing else.
pub fn bare(night: NaiveDate, cramps: u32) -> CheckIn {
    CheckIn {
        night,
        recorded: now(),
        cramps,
        pain: None,
        longest_s: None,
        places: Vec::new(),
        disturbed: None,
        quality: None,
        rested: None,
        sleep: SleepTimes::default(),
        triggers: Vec::new(),
        tags: Vec::new(),
        red_flags: RedFlags::default(),
        note: String::new(),
    }
}

/// The one write a save asks for: this check-in, with the streaks as of tonight.
pub fn put(c: CheckIn) -> Vec<Effect> {
    vec![Effect::Put { records: vec![Record::Checkin(c)], tally: Some(nights().current) }]
}

/// What the journal answers after the first check-in: one night, streaks of one.
pub fn first_tally() -> Tally {
    let one = Streak { current: 1, longest: 1, tonight_done: false };
    Tally { checkins: 1, routine: Streak::default(), checkin: one, cramp_free: one }
}

pub struct Rig {
    pub form: CheckinForm,
}

impl Rig {
    pub fn new(records: Vec<Record>) -> Rig {
        Rig { form: CheckinForm::new(night(), Ok(loaded(night(), records)), nights()) }
    }

    pub fn input(&mut self, input: Input) -> Vec<Effect> {
        self.form.handle(input, Instant::now())
    }

    /// Plain keys, one after another; the effects they returned, in order.
    pub fn keys(&mut self, keys: &[KeyCode]) -> Vec<Effect> {
        keys.iter().flat_map(|k| self.input(Input::Key(KeyEvent::new(*k, KeyModifiers::NONE)))).collect()
    }

    pub fn ctrl(&mut self, c: char) -> Vec<Effect> {
        self.input(Input::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)))
    }

    pub fn type_text(&mut self, s: &str) {
        for c in s.chars() {
            assert_eq!(self.keys(&[KeyCode::Char(c)]), []);
        }
    }

    pub fn tab_to(&mut self, field: Field) {
        while self.form.cursor.focus != field {
            assert_eq!(self.keys(&[KeyCode::Tab]), []);
        }
    }

    /// Ctrl-S, expecting one write: the check-in it asks to write.
    pub fn save(&mut self) -> CheckIn {
        match self.ctrl('s').as_slice() {
            [Effect::Put { records, tally: Some(t) }] if *t == nights().current => match records.as_slice() {
                [Record::Checkin(c)] => c.clone(),
                other => panic!("not one check-in: {other:?}"),
            },
            other => panic!("not one write: {other:?}"),
        }
    }

    pub fn screen(&self, w: u16, h: u16) -> String {
        let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
        term.draw(|f| self.form.draw(Instant::now(), &Theme::plain(), f)).unwrap();
        term.backend().to_string()
    }
}
