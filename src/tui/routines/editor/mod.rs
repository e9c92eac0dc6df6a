//! The in-app routine editor (Routines tab, Enter): steps in a list, values
//! changed with +/- or typed, steps moved, added from a palette, deleted and
//! undone; saved with toml_edit so the user's comments survive. Validation
//! runs on every change and an invalid routine cannot be saved.
//!
//! Its state is here; `update` turns keys into changes and effects, `keys`
//! declares the commands of each mode (handler, hints and `?` help read
//! them), `view` draws it.

pub mod keys;
mod update;
pub mod view;

use std::path::PathBuf;

use ratatui_textarea::TextArea;

use crate::routine::Routine;
use crate::routine::edit::{RoutineDoc, StepField};
use crate::tui::keymap::Command;
use keys::{Action, Question};

/// The values of a step, in the order of the columns.
pub const FIELDS: [StepField; 6] =
    [StepField::Hold, StepField::Reps, StepField::Sides, StepField::Rest, StepField::GetReady, StepField::Optional];

/// What a typed value is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prompt {
    Rename,
    Value,
}

/// What the keys act on: the steps, or a dialog over them.
#[derive(Default)]
pub enum Mode {
    #[default]
    Steps,
    /// A value or a title being typed.
    Prompt(Prompt, Box<TextArea<'static>>),
    /// The palette of steps to add, with its cursor.
    Palette(usize),
    /// A yes/no question.
    Confirm(Question),
}

pub struct EditorState {
    pub doc: RoutineDoc,
    /// Where the routine is saved (a built-in is saved into the user folder).
    pub path: PathBuf,
    pub step: usize,
    /// Index into [`FIELDS`].
    pub field: usize,
    pub mode: Mode,
    /// The `?` help over the steps.
    pub help: bool,
    pub message: Option<String>,
    /// The last valid routine, for the values shown while the text is invalid.
    last_valid: Option<Routine>,
}

impl EditorState {
    pub fn new(doc: RoutineDoc, path: PathBuf) -> EditorState {
        let last_valid = doc.validate().ok();
        EditorState { doc, path, step: 0, field: 0, mode: Mode::Steps, help: false, message: None, last_valid }
    }

    /// The commands of the mode the editor is in.
    pub fn commands(&self) -> Vec<Command<Action>> {
        match &self.mode {
            Mode::Steps => keys::steps(self.doc.step_count()),
            Mode::Prompt(..) => keys::prompt(),
            Mode::Palette(_) => keys::palette(),
            Mode::Confirm(q) => keys::confirm(*q),
        }
    }

    /// The routine as it stands, or the last valid one while the text is invalid.
    pub fn current(&self) -> Option<Routine> {
        self.doc.validate().ok().or_else(|| self.last_valid.clone())
    }

    /// After every change: remember a valid routine, keep the cursor on a step.
    fn after_change(&mut self) {
        if let Ok(r) = self.doc.validate() {
            self.last_valid = Some(r);
        }
        self.step = self.step.min(self.doc.step_count().saturating_sub(1));
    }

    /// The save asked for (`Effect::WriteFile`) is done, or failed.
    pub fn saved(&mut self, result: Result<(), String>) {
        match result {
            Ok(()) => {
                self.doc.mark_saved();
                self.message = Some(format!("saved {}", self.path.display()));
            }
            Err(e) => self.message = Some(format!("not saved: {e}")),
        }
    }
}
