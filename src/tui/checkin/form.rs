//! The check-in form's state: the night, what the user said
//! ([`FormAnswers`]), where the cursor is ([`Cursor`]) and which mode the
//! form is in. Keys are declared in `keys.rs` and handled in `update.rs`;
//! drawing is in `view.rs`.

use chrono::NaiveDate;

use super::answers::{FormAnswers, Values};
use super::fields::Field;
use crate::checkin::{Nights, RuleError};
use crate::journal::{CheckIn, NightEntry};
use crate::tui::screen::NightLoaded;

#[derive(Debug, Clone, PartialEq)]
pub enum Mode {
    Editing,
    /// Esc with unsaved answers: "discard them?"
    ConfirmDiscard,
    /// The night has two different check-ins (two machines): pick one.
    Contested,
    Help,
    /// Saved: the summary, with the number of nights checked in and the streaks.
    Saved {
        checkins: usize,
        checkin_streak: u32,
        cramp_free: u32,
    },
}

/// Where the user is on the form: nothing here is an answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cursor {
    pub focus: Field,
    /// Which chip of the focused multi-select row is under the cursor.
    pub chip: usize,
    /// Digits typed so far into the focused number row ("1" then "0" is 10).
    pub typed: String,
}

impl Cursor {
    pub fn at(focus: Field) -> Cursor {
        Cursor { focus, chip: 0, typed: String::new() }
    }
}

pub struct CheckinForm {
    /// Where now stands: which nights are over and may be checked in.
    pub nights: Nights,
    pub night: NaiveDate,
    /// What the journal holds for the night (runs, logged cramps, rest).
    pub entry: NightEntry,
    /// The night already has a check-in: saving replaces it.
    pub editing_existing: bool,
    /// What the user said (or the journal already held).
    pub answers: FormAnswers,
    pub cursor: Cursor,
    pub mode: Mode,
    /// A message about the last action (a refused save, a blocked night change).
    pub message: Option<String>,
    /// The answers as loaded: unsaved changes are any difference from these.
    pub(super) initial: Values,
    /// The night's check-ins when two machines gave different ones (the one
    /// shown first); empty otherwise.
    pub contested: Vec<CheckIn>,
    /// The check-in as saved (for the summary).
    pub saved: Option<CheckIn>,
    /// Saved, but the journal's standing after it could not be read: the
    /// summary leaves the counts out rather than show zeros.
    pub uncounted: bool,
    /// A check-in asked to be written, until the write is done.
    pub(super) saving: Option<CheckIn>,
    /// A pick between two answers asked to be written, until it is done.
    pub(super) resolving: bool,
}

impl CheckinForm {
    /// A form for `night` (usually the last night that is over), filled
    /// with what the journal holds for it (or told why it could not be read).
    pub fn new(night: NaiveDate, loaded: Result<NightLoaded, String>, nights: Nights) -> CheckinForm {
        let answers = FormAnswers::blank();
        let mut f = CheckinForm {
            nights,
            night,
            entry: NightEntry::default(),
            editing_existing: false,
            initial: answers.values(),
            answers,
            cursor: Cursor::at(Field::AnyCramps),
            mode: Mode::Editing,
            message: None,
            contested: Vec::new(),
            saved: None,
            uncounted: false,
            saving: None,
            resolving: false,
        };
        f.fill(night, loaded);
        f
    }

    /// Shows `night` as the journal holds it: the answers start from its
    /// check-in (or the cramps logged in it), the cursor stays on its row.
    pub(super) fn fill(&mut self, night: NaiveDate, loaded: Result<NightLoaded, String>) {
        let (entry, contested) = match loaded {
            Ok(l) => (l.entry, l.contested),
            Err(e) => {
                self.message = Some(e);
                (NightEntry::default(), Vec::new())
            }
        };
        self.night = night;
        self.answers = FormAnswers::from_entry(&entry);
        self.initial = self.answers.values();
        self.editing_existing = entry.checkin.is_some();
        self.entry = entry;
        self.cursor = Cursor::at(self.cursor.focus);
        self.saved = None;
        self.saving = None;
        self.resolving = false;
        self.contested = contested;
        self.mode = if self.contested.is_empty() { Mode::Editing } else { Mode::Contested };
    }

    /// Whether anything differs from what was loaded (values compared, not
    /// their looks: a chip toggled twice or a box typed and emptied again
    /// changes nothing).
    pub fn dirty(&self) -> bool {
        self.answers.values() != self.initial
    }

    /// The rows shown now (cramp details only after "yes").
    pub fn visible(&self) -> Vec<Field> {
        Field::ALL.into_iter().filter(|f| !f.is_cramp_detail() || self.answers.any_cramps == Some(true)).collect()
    }

    /// Problems that keep the form from being saved, each beside its field.
    pub fn errors(&self) -> Vec<(Field, String)> {
        self.answers.errors(self.night, &self.nights)
    }

    /// The check-in the answers make, built and checked by the core.
    pub fn checkin(&self) -> Result<CheckIn, RuleError> {
        self.answers.checkin(self.night, &self.nights)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checkin::NightRule;
    use crate::journal::Quality;

    fn form() -> CheckinForm {
        let nights = NightRule::default().at("2026-11-24T07:10:00+01:00".parse().unwrap());
        CheckinForm::new(nights.last_over, Ok(NightLoaded::default()), nights)
    }

    #[test]
    fn dirty_compares_values_so_taking_an_answer_back_is_clean_again() {
        let mut f = form();
        assert!(!f.dirty());
        f.answers.quality = Some(Quality::Good);
        assert!(f.dirty());
        f.answers.quality = None;
        assert!(!f.dirty());
        // A chip on and off again, a box typed into and emptied: nothing changed.
        f.answers.triggers.insert(crate::journal::Trigger::Alcohol);
        f.answers.triggers.clear();
        f.answers.texts.note.insert_str("x");
        assert!(f.dirty(), "a typed note is a change");
        f.answers.texts.note.delete_char();
        assert!(!f.dirty());
        // A time not yet valid is a change though it would save as nothing.
        f.answers.texts.into_bed.insert_str("22:");
        assert!(f.dirty());
        // The cursor is not an answer.
        f.answers.texts.into_bed.delete_line_by_head();
        f.cursor = Cursor { focus: Field::Note, chip: 3, typed: "1".into() };
        assert!(!f.dirty());
    }
}
