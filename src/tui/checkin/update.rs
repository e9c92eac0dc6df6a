//! The check-in form's update: a key, or the answer to something the form
//! asked for, changes the form's own state and returns what should happen
//! ([`Effect`]s). Which key does what is declared in `keys.rs`; what an
//! answering key does to the focused row is in `edit.rs`.

use chrono::Days;
use crossterm::event::KeyEvent;

use super::fields::Field;
use super::form::{CheckinForm, Mode};
use super::keys::{self, Action};
use crate::journal::{Record, RecordKey};
use crate::tui::keymap::Command;
use crate::tui::screen::{Effect, Tally};

impl CheckinForm {
    /// The commands of the mode the form is in.
    pub fn commands(&self) -> Vec<Command<Action>> {
        match self.mode {
            Mode::Editing => keys::editing(self),
            Mode::ConfirmDiscard => keys::confirm_discard(),
            Mode::Contested => keys::contested(self.contested.len()),
            Mode::Help => keys::help(),
            Mode::Saved { .. } => keys::saved(),
        }
    }

    pub(super) fn handle_key(&mut self, key: KeyEvent) -> Vec<Effect> {
        let action = keys::action_for(&self.commands(), &key);
        if self.mode == Mode::Editing {
            // A message is about the last action: the next one clears it.
            if !matches!(action, Some(Action::Save | Action::Choose | Action::Quit)) {
                self.message = None;
            }
            // Any key but a digit ends the number being typed.
            if !matches!(action, Some(Action::Digit(_))) {
                self.cursor.typed.clear();
            }
        }
        match action {
            Some(action) => self.run(action),
            None => {
                // Keys that are no command type into the focused text box.
                if self.mode == Mode::Editing
                    && let Some(t) = self.answers.texts.get_mut(self.cursor.focus)
                {
                    t.input(key);
                }
                Vec::new()
            }
        }
    }

    fn run(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::NextField => self.move_focus(1),
            Action::PreviousField => self.move_focus(-1),
            Action::Step(by) if self.cursor.focus == Field::Night => return self.change_night(by),
            Action::Step(by) => self.step(by),
            Action::Digit(d) => self.digit(d),
            Action::Toggle => self.toggle(),
            Action::Yes => self.yes_no(true),
            Action::No => self.yes_no(false),
            Action::Clear => self.clear(),
            Action::Enter if self.cursor.focus == Field::Save => return self.save(),
            Action::Enter => self.move_focus(1),
            Action::Save => return self.save(),
            Action::Choose => self.mode = Mode::Contested,
            Action::Leave if self.dirty() => self.mode = Mode::ConfirmDiscard,
            Action::Leave | Action::Discard | Action::Close => return vec![Effect::Close],
            Action::Help => self.mode = Mode::Help,
            Action::Quit => return vec![Effect::Quit],
            Action::KeepEditing | Action::CloseHelp => self.mode = Mode::Editing,
            Action::Keep(i) => return self.keep(i),
            Action::DecideLater => {
                self.mode = Mode::Editing;
                self.message = Some("two answers still wait for this night: press Ctrl-R to choose".into());
            }
            Action::History => return vec![Effect::History],
        }
        Vec::new()
    }

    pub(super) fn move_focus(&mut self, by: i32) {
        let visible = self.visible();
        let i = visible.iter().position(|f| *f == self.cursor.focus).unwrap_or(0) as i32;
        let j = (i + by).clamp(0, visible.len() as i32 - 1) as usize;
        self.cursor = super::form::Cursor::at(visible[j]);
    }

    /// ←/→ on the Night row: the night before or after, once these answers
    /// are saved or discarded (never a night that is not over).
    fn change_night(&mut self, by: i8) -> Vec<Effect> {
        if self.dirty() {
            self.message = Some("save (Ctrl-S) or discard (Esc) these answers before changing the night".into());
            return Vec::new();
        }
        let target =
            if by > 0 { self.night.checked_add_days(Days::new(1)) } else { self.night.checked_sub_days(Days::new(1)) };
        target.filter(|t| self.nights.is_over(*t)).map(Effect::LoadNight).into_iter().collect()
    }

    /// Ctrl-S: asks for the check-in to be written when valid, otherwise
    /// says what is missing (and goes to it).
    fn save(&mut self) -> Vec<Effect> {
        if let Some((field, why)) = self.errors().into_iter().next() {
            self.cursor.focus = field;
            self.message = Some(format!("cannot save yet: {}: {why}", field.label().trim()));
            return Vec::new();
        }
        let Ok(record) = self.checkin() else { return Vec::new() };
        self.saving = Some(record.clone());
        vec![Effect::Put { records: vec![Record::Checkin(record)], tally: Some(self.nights.current) }]
    }

    /// The check-in is written (with the journal's standing after it), or not.
    pub(super) fn written(&mut self, result: Result<Option<Tally>, String>) {
        let Some(record) = self.saving.take() else { return };
        match result {
            Ok(tally) => {
                self.initial = self.answers.values();
                self.saved = Some(record);
                self.message = None;
                self.uncounted = tally.is_none();
                let t = tally.unwrap_or_default();
                self.mode = Mode::Saved {
                    checkins: t.checkins,
                    checkin_streak: t.checkin.current,
                    cramp_free: t.cramp_free.current,
                };
            }
            Err(e) => self.message = Some(format!("not saved: {}", crate::text::visible(&e))),
        }
    }

    /// `1`…`N` on the two answers: keeps that one, drops the others.
    fn keep(&mut self, i: usize) -> Vec<Effect> {
        let Some(chosen) = self.contested.get(i).cloned() else { return Vec::new() };
        self.resolving = true;
        vec![Effect::Resolve { key: RecordKey::Checkin(self.night), keep: Record::Checkin(chosen) }]
    }

    /// The pick is written (then the night is read again), or not.
    pub(super) fn resolved(&mut self, result: Result<(), String>) -> Vec<Effect> {
        self.resolving = false;
        match result {
            Ok(()) => {
                self.message = Some("kept that answer; the other one is gone".into());
                vec![Effect::LoadNight(self.night)]
            }
            Err(e) => {
                self.mode = Mode::Editing;
                self.message = Some(format!("not settled: {}", crate::text::visible(&e)));
                Vec::new()
            }
        }
    }
}
