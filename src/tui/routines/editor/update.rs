//! The editor's keys: each mode's command list says what a key does; the
//! changes go to the routine's document, and what the Routines tab must do
//! (save the file, close the editor, quit) comes back as effects.

use std::time::Duration;

use crossterm::event::KeyEvent;
use ratatui_textarea::{CursorMove, TextArea};

use super::keys::{Action, Question};
use super::{EditorState, FIELDS, Mode, Prompt};
use crate::routine::StepKind;
use crate::routine::edit::{PALETTE, StepField};
use crate::tui::keymap;
use crate::tui::screen::Effect;

impl EditorState {
    /// A key. `Effect::Close` asks the Routines tab to close the editor,
    /// `Effect::WriteFile` to save it (answered with [`EditorState::saved`]).
    pub fn handle_key(&mut self, key: KeyEvent) -> Vec<Effect> {
        self.message = None;
        if std::mem::take(&mut self.help) {
            return Vec::new();
        }
        let action = keymap::action_for(&self.commands(), &key);
        if action == Some(Action::Quit) {
            return vec![Effect::Quit];
        }
        match std::mem::take(&mut self.mode) {
            Mode::Steps => return self.steps(action),
            Mode::Prompt(kind, mut text) => match action {
                Some(Action::Set) => {
                    let value = text.lines().join("").trim().to_string();
                    self.apply_typed(kind, &value);
                }
                Some(_) => {}
                None => {
                    text.input(key);
                    self.mode = Mode::Prompt(kind, text);
                }
            },
            Mode::Palette(cursor) => match action {
                Some(Action::Up) => self.mode = Mode::Palette((cursor + PALETTE.len() - 1) % PALETTE.len()),
                Some(Action::Down) => self.mode = Mode::Palette((cursor + 1) % PALETTE.len()),
                Some(Action::Pick) => {
                    self.doc.add_step(&PALETTE[cursor]);
                    self.step = self.doc.step_count().saturating_sub(1);
                    self.after_change();
                }
                // Any other key closes the palette.
                _ => {}
            },
            Mode::Confirm(question) => {
                if action == Some(Action::Yes) {
                    match question {
                        Question::DeleteStep => {
                            self.doc.delete_step(self.step);
                            self.after_change();
                        }
                        Question::DiscardChanges => return vec![Effect::Close],
                    }
                }
            }
        }
        Vec::new()
    }

    /// A key on the list of steps.
    fn steps(&mut self, action: Option<Action>) -> Vec<Effect> {
        let n = self.doc.step_count().max(1);
        match action {
            Some(Action::Up) => self.step = (self.step + n - 1) % n,
            Some(Action::Down) => self.step = (self.step + 1) % n,
            Some(Action::PreviousField) => self.field = (self.field + FIELDS.len() - 1) % FIELDS.len(),
            Some(Action::NextField) => self.field = (self.field + 1) % FIELDS.len(),
            Some(Action::More) => self.adjust(1),
            Some(Action::Less) => self.adjust(-1),
            Some(Action::Type) => {
                let mut t = TextArea::default();
                t.set_placeholder_text("a value like 45s, 1m 30s, 3 or left,right");
                self.mode = Mode::Prompt(Prompt::Value, Box::new(t));
            }
            Some(Action::Rename) => {
                let title =
                    self.current().and_then(|r| r.steps.get(self.step).map(|s| s.title.clone())).unwrap_or_default();
                let mut t = TextArea::new(vec![title]);
                // Typing goes after the title, as in any text field.
                t.move_cursor(CursorMove::End);
                self.mode = Mode::Prompt(Prompt::Rename, Box::new(t));
            }
            Some(Action::MoveUp) => self.move_step(-1),
            Some(Action::MoveDown) => self.move_step(1),
            Some(Action::Add) => self.mode = Mode::Palette(0),
            Some(Action::Delete) => self.mode = Mode::Confirm(Question::DeleteStep),
            Some(Action::Undo) => {
                if self.doc.undo() {
                    self.after_change();
                } else {
                    self.message = Some("nothing to undo".into());
                }
            }
            Some(Action::Save) => return self.save(),
            Some(Action::Help) => self.help = true,
            Some(Action::Close) if self.doc.changed() => self.mode = Mode::Confirm(Question::DiscardChanges),
            Some(Action::Close) => return vec![Effect::Close],
            // Not commands of this mode.
            Some(Action::Set | Action::Pick | Action::Yes | Action::Cancel | Action::Quit) | None => {}
        }
        Vec::new()
    }

    fn move_step(&mut self, by: isize) {
        if self.doc.move_step(self.step, by) {
            self.step = (self.step as isize + by) as usize;
            self.after_change();
        }
    }

    /// +/-: hold by 5 s, pauses by 1 s, reps by 1; sides cycle; optional toggles.
    fn adjust(&mut self, by: i64) {
        let Some(r) = self.current() else { return };
        let Some(step) = r.steps.get(self.step) else { return };
        let StepKind::Timed(t) = &step.kind else {
            if FIELDS[self.field] == StepField::Optional {
                self.doc.set_optional(self.step, !step.optional);
                self.after_change();
            } else {
                self.message = Some("a check step has no timings".into());
            }
            return;
        };
        let nudge = |d: Duration, unit: u64| {
            // Saturating both ways: a value typed far over the limit still steps without overflow.
            let step = unit.saturating_mul(by.unsigned_abs());
            Duration::from_secs(if by < 0 {
                d.as_secs().saturating_sub(step)
            } else {
                d.as_secs().saturating_add(step)
            })
        };
        match FIELDS[self.field] {
            StepField::Hold => self.doc.set_duration(self.step, "hold", nudge(t.hold, 5)),
            StepField::Rest => self.doc.set_duration(self.step, "rest", nudge(t.rest, 1)),
            StepField::GetReady => self.doc.set_duration(self.step, "get_ready", nudge(t.get_ready, 1)),
            StepField::Reps => self.doc.set_reps(self.step, (t.reps as i64 + by).clamp(1, 20) as u32),
            StepField::Sides => {
                let names: Vec<&str> = t.sides.iter().map(|s| s.as_str()).collect();
                let cycle: [&[&str]; 4] = [&["left", "right"], &["left"], &["right"], &[]];
                let i = cycle.iter().position(|c| *c == names.as_slice()).unwrap_or(0);
                let next = (i as i64 + by).rem_euclid(4) as usize;
                self.doc.set_sides(self.step, cycle[next]);
            }
            StepField::Optional => self.doc.set_optional(self.step, !step.optional),
        }
        self.after_change();
    }

    fn apply_typed(&mut self, kind: Prompt, value: &str) {
        match kind {
            Prompt::Rename => self.doc.set_title(self.step, value),
            Prompt::Value => match FIELDS[self.field] {
                field @ (StepField::Hold | StepField::Rest | StepField::GetReady) => {
                    match humantime::parse_duration(value) {
                        Ok(d) => {
                            let key = match field {
                                StepField::Hold => "hold",
                                StepField::Rest => "rest",
                                _ => "get_ready",
                            };
                            self.doc.set_duration(self.step, key, d);
                        }
                        Err(_) => self.message = Some(format!("\"{value}\" is not a duration like 45s or 1m 30s")),
                    }
                }
                StepField::Reps => match value.parse::<u32>() {
                    Ok(n) => self.doc.set_reps(self.step, n),
                    Err(_) => self.message = Some(format!("\"{value}\" is not a whole number")),
                },
                StepField::Sides => {
                    let sides: Vec<&str> = value.split([',', ' ']).map(str::trim).filter(|s| !s.is_empty()).collect();
                    self.doc.set_sides(self.step, &sides);
                }
                StepField::Optional => self.doc.set_optional(self.step, matches!(value, "yes" | "y" | "true")),
            },
        }
        self.after_change();
    }

    /// Ctrl-S: asks for the file to be written when the routine is valid.
    fn save(&mut self) -> Vec<Effect> {
        if let Err(errs) = self.doc.validate() {
            self.message = Some(format!("not saved: {}", errs[0].headline()));
            return Vec::new();
        }
        vec![Effect::WriteFile { path: self.path.clone(), bytes: self.doc.text().into_bytes() }]
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use crossterm::event::{KeyCode, KeyModifiers};

    use super::*;
    use crate::routine::edit::RoutineDoc;

    const TEXT: &str = "name = \"Mine\"\nsummary = \"two steps\"\n\n[[step]]\ntitle = \"Calf\"\nhold = \"30s\"\nsides = [\"left\", \"right\"]\n\n[[step]]\nkind = \"check\"\ntitle = \"Water\"\n";

    fn editor() -> EditorState {
        assert!(RoutineDoc::parse("mine", "mine.toml", TEXT).unwrap().validate().is_ok());
        EditorState::new(RoutineDoc::parse("mine", "mine.toml", TEXT).unwrap(), PathBuf::from("mine.toml"))
    }

    fn key(e: &mut EditorState, code: KeyCode) -> Vec<Effect> {
        e.handle_key(KeyEvent::new(code, KeyModifiers::NONE))
    }

    fn ctrl(e: &mut EditorState, c: char) -> Vec<Effect> {
        e.handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
    }

    #[test]
    fn a_duration_too_long_to_add_is_refused_not_a_panic() {
        let mut e = editor();
        key(&mut e, KeyCode::Enter);
        for c in "400000000000years".chars() {
            key(&mut e, KeyCode::Char(c));
        }
        key(&mut e, KeyCode::Enter);
        // Shown as invalid and never saved.
        assert!(e.doc.validate().is_err());
        assert!(ctrl(&mut e, 's').is_empty());
        assert!(e.message.as_deref().unwrap_or("").starts_with("not saved"), "{:?}", e.message);
        // -/+ step from the last valid value (30s), without overflow.
        key(&mut e, KeyCode::Char('-'));
        key(&mut e, KeyCode::Char('+'));
        assert!(e.doc.validate().is_ok());
    }

    #[test]
    fn saving_asks_for_the_file_and_the_answer_marks_it_saved() {
        let mut e = editor();
        key(&mut e, KeyCode::Char('+'));
        let text = TEXT.replace("30s", "35s");
        assert_eq!(ctrl(&mut e, 's'), [Effect::WriteFile { path: "mine.toml".into(), bytes: text.into_bytes() }]);
        assert!(e.doc.changed(), "not saved until the write is done");
        e.saved(Err("disk full".into()));
        assert!(e.doc.changed());
        assert_eq!(e.message.as_deref(), Some("not saved: disk full"));
        e.saved(Ok(()));
        assert!(!e.doc.changed());
        assert_eq!(key(&mut e, KeyCode::Esc), [Effect::Close], "nothing unsaved: closes at once");
    }

    #[test]
    fn leaving_unsaved_changes_asks_and_only_y_discards() {
        let mut e = editor();
        key(&mut e, KeyCode::Char('-'));
        assert!(key(&mut e, KeyCode::Char('q')).is_empty());
        assert!(matches!(e.mode, Mode::Confirm(Question::DiscardChanges)));
        assert!(key(&mut e, KeyCode::Char('z')).is_empty(), "any other key keeps editing");
        assert!(matches!(e.mode, Mode::Steps));
        key(&mut e, KeyCode::Esc);
        assert_eq!(key(&mut e, KeyCode::Char('y')), [Effect::Close]);
    }

    #[test]
    fn ctrl_c_quits_from_every_mode_and_keys_are_text_in_a_prompt() {
        for open in [None, Some(KeyCode::Enter), Some(KeyCode::Char('a')), Some(KeyCode::Char('x'))] {
            let mut e = editor();
            if let Some(k) = open {
                key(&mut e, k);
                assert!(!matches!(e.mode, Mode::Steps), "{k:?} opens a mode");
            }
            assert_eq!(ctrl(&mut e, 'c'), [Effect::Quit], "{open:?}");
        }
        let mut e = editor();
        key(&mut e, KeyCode::Char('t'));
        for c in "q?x".chars() {
            assert!(key(&mut e, KeyCode::Char(c)).is_empty());
        }
        key(&mut e, KeyCode::Enter);
        assert_eq!(e.current().unwrap().steps[0].title, "Calfq?x");
    }

    #[test]
    fn shift_arrows_move_the_step_plain_arrows_the_cursor() {
        let mut e = editor();
        key(&mut e, KeyCode::Down);
        assert_eq!((e.step, e.doc.changed()), (1, false));
        e.handle_key(KeyEvent::new(KeyCode::Up, KeyModifiers::SHIFT));
        assert_eq!((e.step, e.current().unwrap().steps[0].title.as_str()), (0, "Water"));
    }
}
