//! The cramp screen's update: the cramp is asked to be recorded as the
//! screen opens, its place and side as soon as two keys say where; the
//! stretch's timer ends on the clock.

use std::time::{Duration, Instant};

use crossterm::event::KeyEvent;
use ratatui::Frame;

use super::keys::Action;
use super::state::{CrampScreen, Stage};
use crate::journal::{Cramp, LegSide, Place, Record};
use crate::session::Cue;
use crate::tui::keymap;
use crate::tui::screen::{Effect, Input, Screen};
use crate::tui::theme::Theme;

impl CrampScreen {
    fn handle_key(&mut self, key: KeyEvent, now: Instant) -> Vec<Effect> {
        // Any key closes the help.
        if std::mem::take(&mut self.help) {
            return Vec::new();
        }
        let Some(action) = keymap::action_for(&self.commands(), &key) else { return Vec::new() };
        match action {
            Action::Place(place) => self.place = Some(place),
            Action::Side(side) => {
                if let Some(place) = self.place {
                    self.stretch(now);
                    return self.save_where(place, Some(side));
                }
            }
            Action::Stretch => {
                self.stretch(now);
                if let Some(place) = self.place {
                    return self.save_where(place, None);
                }
            }
            Action::Again => self.stretch(now),
            Action::Eased => self.stage = Stage::Done,
            Action::Help => self.help = true,
            Action::Finish | Action::Close => return vec![Effect::Close],
            Action::Quit => return vec![Effect::Quit],
        }
        Vec::new()
    }

    fn stretch(&mut self, now: Instant) {
        self.stage = Stage::Stretch { end: now + crate::relief::HOLD };
    }

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
                // The cramp is in the journal now, even if an earlier write failed.
                self.save_error = None;
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
}

impl Screen for CrampScreen {
    fn draw(&self, now: Instant, theme: &Theme, f: &mut Frame) {
        super::view::render(self, now, theme, f);
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
