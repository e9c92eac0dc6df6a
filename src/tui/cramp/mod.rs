//! The 3 a.m. cramp screen (`winddown cramp` in a terminal): the cramp is in
//! the journal the moment the screen opens, its place and side as soon as two
//! keys say where; then a relief stretch with a timer, and "back to sleep".
//! Dim and quiet: no colour but grey, no bell.

pub mod view;

use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset, NaiveTime};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Frame;

use super::screen::Screen;
use super::theme::Theme;
use crate::journal::store::Month;
use crate::journal::{Cramp, Journal, LegSide, Place, Record, night_of_time};
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
    journal: Journal,
    /// The cramp as last saved.
    pub cramp: Cramp,
    /// The place key pressed, waiting for the side.
    pub place: Option<Place>,
    pub stage: Stage,
    /// When the screen opened (the cramp's time on the monotonic clock).
    pub opened: Instant,
    pub save_error: Option<String>,
    pub help: bool,
    pub quit: bool,
    /// The hold ended: a cue for the runtime, which sounds it only when asked (`--sound`).
    cues: Vec<(Cue, String)>,
}

impl CrampApp {
    /// Records the cramp at `now` in the journal, then opens the screen.
    pub fn new(journal: Journal, now: DateTime<FixedOffset>, boundary: NaiveTime, opened: Instant) -> CrampApp {
        let cramp = Cramp { night: night_of_time(now, boundary), at: now, place: None, side: None };
        let save_error = journal.put(vec![Record::Cramp(cramp.clone())]).err().map(|e| e.to_string());
        CrampApp {
            journal,
            cramp,
            place: None,
            stage: Stage::Where,
            opened,
            save_error,
            help: false,
            quit: false,
            cues: Vec::new(),
        }
    }

    pub fn handle_key(&mut self, key: KeyEvent, now: Instant) {
        if self.help {
            self.help = false;
            return;
        }
        if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
            self.quit = true;
            return;
        }
        match (self.stage, key.code) {
            (_, KeyCode::Char('?')) => self.help = true,
            (_, KeyCode::Esc | KeyCode::Char('q')) => self.quit = true,
            (Stage::Where, KeyCode::Char(c)) => {
                if let Some(place) = place_key(c) {
                    self.place = Some(place);
                } else if let (Some(place), Some(side)) = (self.place, side_key(c)) {
                    self.save_where(place, Some(side));
                    self.stretch(now);
                }
            }
            (Stage::Where, KeyCode::Enter) => {
                if let Some(place) = self.place {
                    self.save_where(place, None);
                }
                self.stretch(now);
            }
            (Stage::Stretch { .. } | Stage::Eased, KeyCode::Char('a')) => self.stretch(now),
            (Stage::Stretch { .. } | Stage::Eased, KeyCode::Enter) => self.stage = Stage::Done,
            (Stage::Done, KeyCode::Enter) => self.quit = true,
            _ => {}
        }
    }

    fn stretch(&mut self, now: Instant) {
        self.stage = Stage::Stretch { end: now + crate::relief::HOLD };
    }

    /// Replaces the saved cramp by one that says where.
    fn save_where(&mut self, place: Place, side: Option<LegSide>) {
        let old = Record::Cramp(self.cramp.clone()).key();
        let new = Cramp { place: Some(place), side, ..self.cramp.clone() };
        let month = Month::of(new.night);
        let record = Record::Cramp(new.clone());
        let result = self.journal.transaction(vec![month], |months| {
            let list = months.entry(month).or_default();
            list.retain(|r| r.key() != old);
            list.push(record);
            Ok(())
        });
        match result {
            Ok(()) => self.cramp = new,
            Err(e) => self.save_error = Some(e.to_string()),
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
    fn on_key(&mut self, key: KeyEvent, now: Instant) {
        self.handle_key(key, now);
    }
    fn on_tick(&mut self, now: Instant) {
        if let Stage::Stretch { end } = self.stage
            && now >= end
        {
            self.stage = Stage::Eased;
            self.cues.push((Cue::HoldEnd, "relief stretch".to_string()));
        }
    }
    fn take_cues(&mut self) -> Vec<(Cue, String)> {
        std::mem::take(&mut self.cues)
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
    fn finished(&self) -> bool {
        self.quit
    }
    fn min_size(&self) -> (u16, u16) {
        (view::MIN_WIDTH, view::MIN_HEIGHT)
    }
}
