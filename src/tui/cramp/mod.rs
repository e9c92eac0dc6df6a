//! The 3 a.m. cramp screen (`winddown cramp` in a terminal): the cramp is in
//! the journal the moment the screen opens, its place and side as soon as two
//! keys say where; then a relief stretch with a timer, and "back to sleep".
//! Dim and quiet: no colour but grey, no bell.

pub mod view;

use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset, NaiveTime};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Frame;

use super::screen::{Effect, Input, Screen};
use super::theme::Theme;
use crate::journal::{Cramp, LegSide, Place, Record, night_of_time};
use crate::session::Cue;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Asking where (place, then side).
    Where,
    /// A relief stretch is held until `end`.
    Stretch { end: Instant },
    /// The hold is over: eased, or another one?
    Eased,
    /// Back to sleep.
    Done,
}

pub struct CrampApp {
    /// The cramp as last saved.
    pub cramp: Cramp,
    /// The place and side asked to be written, until the write is done.
    asked: Option<Cramp>,
    /// The place key pressed, waiting for the side.
    pub place: Option<Place>,
    pub stage: Stage,
    /// When the screen opened (the cramp's time on the monotonic clock).
    pub opened: Instant,
    pub save_error: Option<String>,
    pub help: bool,
}

impl CrampApp {
    /// The screen for a cramp at `now`; it is recorded as the screen opens (`Input::Open`).
    pub fn new(now: DateTime<FixedOffset>, boundary: NaiveTime, opened: Instant) -> CrampApp {
        let cramp = Cramp { night: night_of_time(now, boundary), at: now, place: None, side: None };
        CrampApp { cramp, asked: None, place: None, stage: Stage::Where, opened, save_error: None, help: false }
    }

    fn handle_key(&mut self, key: KeyEvent, now: Instant) -> Vec<Effect> {
        if self.help {
            self.help = false;
            return Vec::new();
        }
        if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
            return vec![Effect::Quit];
        }
        match (self.stage, key.code) {
            (_, KeyCode::Char('?')) => self.help = true,
            (_, KeyCode::Esc | KeyCode::Char('q')) => return vec![Effect::Close],
            (Stage::Where, KeyCode::Char(c)) => {
                if let Some(place) = place_key(c) {
                    self.place = Some(place);
                } else if let (Some(place), Some(side)) = (self.place, side_key(c)) {
                    self.stretch(now);
                    return self.save_where(place, Some(side));
                }
            }
            (Stage::Where, KeyCode::Enter) => {
                self.stretch(now);
                if let Some(place) = self.place {
                    return self.save_where(place, None);
                }
            }
            (Stage::Stretch { .. } | Stage::Eased, KeyCode::Char('a')) => self.stretch(now),
            (Stage::Stretch { .. } | Stage::Eased, KeyCode::Enter) => self.stage = Stage::Done,
            (Stage::Done, KeyCode::Enter) => return vec![Effect::Close],
            _ => {}
        }
        Vec::new()
    }

    fn stretch(&mut self, now: Instant) {
        self.stage = Stage::Stretch { end: now + crate::relief::HOLD };
    }

    /// Replaces the saved cramp by one that says where.
    /// Asks for the cramp's record to be replaced by one that says where.
    fn save_where(&mut self, place: Place, side: Option<LegSide>) -> Vec<Effect> {
        let old = Record::Cramp(self.cramp.clone()).key();
        let new = Cramp { place: Some(place), side, ..self.cramp.clone() };
        self.asked = Some(new.clone());
        vec![Effect::Replace { old, new: Record::Cramp(new) }]
    }

    /// A write is done: the cramp as it now stands, or why it was not saved.
    fn written(&mut self, result: Result<(), String>) {
        match result {
            Ok(()) => {
                if let Some(new) = self.asked.take() {
                    self.cramp = new;
                }
            }
            Err(e) => {
                self.asked = None;
                self.save_error = Some(e);
            }
        }
    }

    /// Whole seconds left in the hold (rounded up).
    pub fn remaining_secs(&self, now: Instant) -> u64 {
        match self.stage {
            Stage::Stretch { end } => end.saturating_duration_since(now).as_millis().div_ceil(1000) as u64,
            _ => 0,
        }
    }
}

fn place_key(c: char) -> Option<Place> {
    match c {
        'c' => Some(Place::Calf),
        'f' => Some(Place::Foot),
        't' | 'h' => Some(Place::Thigh),
        'o' => Some(Place::Other),
        _ => None,
    }
}

fn side_key(c: char) -> Option<LegSide> {
    match c {
        'l' => Some(LegSide::Left),
        'r' => Some(LegSide::Right),
        'b' => Some(LegSide::Both),
        _ => None,
    }
}

impl Screen for CrampApp {
    fn draw(&self, now: Instant, theme: &Theme, f: &mut Frame) {
        view::render(self, now, theme, f);
    }

    fn handle(&mut self, input: Input, now: Instant) -> Vec<Effect> {
        match input {
            // Recorded before any key: at 3 a.m. the screen may be closed at once.
            Input::Open => vec![Effect::Put { records: vec![Record::Cramp(self.cramp.clone())], tally: None }],
            Input::Key(key) => self.handle_key(key, now),
            Input::Tick => match self.stage {
                Stage::Stretch { end } if now >= end => {
                    self.stage = Stage::Eased;
                    vec![Effect::Cue(Cue::HoldEnd, "relief stretch".to_string())]
                }
                _ => Vec::new(),
            },
            Input::Written(result) => {
                self.written(result.map(|_| ()));
                Vec::new()
            }
            Input::Signal | Input::Suspend | Input::Night(_) | Input::File(..) | Input::Edited(_) => Vec::new(),
        }
    }

    fn next_wake(&self, now: Instant) -> Option<Instant> {
        match self.stage {
            // The next whole second of the countdown, or its end.
            Stage::Stretch { end } => {
                let left = end.saturating_duration_since(now);
                let step = Duration::from_nanos((left.as_nanos() % 1_000_000_000) as u64);
                Some(now + if step.is_zero() { Duration::from_secs(1).min(left) } else { step })
            }
            _ => None,
        }
    }
}
