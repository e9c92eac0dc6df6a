//! The Routines tab: every routine (valid or not, with its error), a
//! preview, Enter the in-app editor, `e` the user's $EDITOR, `n` a new copy,
//! `d` the default. Keys change only this tab's state; files are written by
//! the app (`Effect`s), whose answers come back through [`RoutinesTab::answer`].

pub mod editor;
pub mod keys;
pub mod view;

use std::path::PathBuf;

use crossterm::event::KeyEvent;
use ratatui_textarea::TextArea;

use crate::routine::library::Library;
use crate::tui::keymap::{self, Command};
use crate::tui::screen::{EditCheck, Effect, FileDone, FileOp, Input};
use crate::tui::tabs::Tab;
use editor::EditorState;
use keys::Action;

/// A file handed to the user's editor: where, what it held before, and
/// whether it was copied from a built-in for this edit.
#[derive(Debug, Clone)]
struct Editing {
    path: PathBuf,
    before: Vec<u8>,
    copied: bool,
}

#[derive(Default)]
pub struct RoutinesTab {
    pub cursor: usize,
    /// Typing the name of a new copy.
    pub naming: Option<TextArea<'static>>,
    editing: Option<Editing>,
    /// An edit left the file invalid: e edit again, k keep the previous version, s keep it.
    pub invalid_edit: Option<String>,
    /// The user's editor failed on a copy made for it: told once the copy is removed.
    failed_edit: Option<String>,
    /// The in-app editor, when open.
    pub editor: Option<EditorState>,
    pub help: bool,
}

impl RoutinesTab {
    pub fn clamp(&mut self, len: usize) {
        self.cursor = self.cursor.min(len.saturating_sub(1));
    }

    /// The commands of the tab as it stands (the editor has its own, told
    /// in its frame: see [`EditorState::commands`]).
    pub fn commands(&self) -> Vec<Command<Action>> {
        match () {
            _ if self.editor.is_some() => Vec::new(),
            _ if self.naming.is_some() => keys::naming(),
            _ if self.invalid_edit.is_some() => keys::invalid(),
            _ => keys::list(),
        }
    }

    /// A key.
    pub fn handle(&mut self, key: KeyEvent, lib: &Library) -> Vec<Effect> {
        if std::mem::take(&mut self.help) {
            return Vec::new();
        }
        if let Some(editor) = &mut self.editor {
            // The editor tells its own outcomes in its own status lines.
            let mut effects = editor.handle_key(key);
            if effects.contains(&Effect::Close) {
                // Closing the editor closes only the editor: the routines are read again.
                self.editor = None;
                effects.retain(|e| *e != Effect::Close);
                effects.push(Effect::Reload);
            }
            return effects;
        }
        let action = keymap::action_for(&self.commands(), &key);
        if let Some(name) = &mut self.naming {
            match action {
                Some(Action::Create) => {
                    let name = name.lines().join("").trim().to_string();
                    self.naming = None;
                    return self.copy_to(lib, name);
                }
                Some(Action::Cancel) => self.naming = None,
                Some(Action::Quit) => return vec![Effect::Quit],
                _ => {
                    name.input(key);
                }
            }
            return Vec::new();
        }
        let Some(action) = action else { return Vec::new() };
        let n = lib.entries.len().max(1);
        let entry = lib.entries.get(self.cursor);
        match action {
            Action::Up => self.cursor = (self.cursor + n - 1) % n,
            Action::Down => self.cursor = (self.cursor + 1) % n,
            Action::EditHere => return entry.map(|e| vec![Effect::ReadRoutine(e.id.clone())]).unwrap_or_default(),
            Action::EditOutside => return entry.map(|e| vec![Effect::PrepareEdit(e.id.clone())]).unwrap_or_default(),
            Action::Copy => {
                let mut t = TextArea::default();
                t.set_placeholder_text("name of the copy, like my-evening");
                self.naming = Some(t);
            }
            Action::MakeDefault => match entry {
                Some(e) if e.routine.is_ok() => return vec![Effect::SetDefaultRoutine(e.id.clone())],
                Some(_) => return vec![tell("an invalid routine cannot be the default; fix it first (e)")],
                None => {}
            },
            Action::Reload => return vec![Effect::Reload, tell("routines reloaded from disk")],
            Action::Help => self.help = true,
            Action::Leave => return vec![Effect::Close],
            Action::Quit => return vec![Effect::Quit],
            Action::Tab(m) => return vec![Effect::Open(m.from(Tab::Routines))],
            Action::EditAgain => {
                self.invalid_edit = None;
                return self.editing.as_ref().map(|e| vec![Effect::EditFile(e.path.clone())]).unwrap_or_default();
            }
            Action::KeepPrevious => {
                self.invalid_edit = None;
                let Some(e) = self.editing.take() else { return Vec::new() };
                return vec![if e.copied {
                    Effect::RemoveFile(e.path)
                } else {
                    Effect::WriteFile { path: e.path, bytes: e.before }
                }];
            }
            Action::KeepThis => {
                self.invalid_edit = None;
                let Some(e) = self.editing.take() else { return Vec::new() };
                return vec![tell(&format!("kept the invalid file {}; it cannot run until fixed", e.path.display()))];
            }
            // Only while naming a copy (above).
            Action::Create | Action::Cancel => {}
        }
        Vec::new()
    }

    /// The answer to a file effect this tab asked for.
    pub fn answer(&mut self, input: Input) -> Vec<Effect> {
        match input {
            Input::File(FileOp::Create, done) => match done {
                Ok(d) => vec![Effect::Reload, tell(&format!("created {}; press e to edit it", d.path.display()))],
                Err(e) => vec![Effect::Tell(e)],
            },
            Input::File(FileOp::ReadRoutine, done) => match done.and_then(|d| self.open_editor(d)) {
                // The status row below the editor starts empty.
                Ok(()) => vec![Effect::Tell(String::new())],
                Err(e) => vec![Effect::Tell(e)],
            },
            Input::File(FileOp::PrepareEdit, done) => match done {
                Ok(d) => {
                    let path = d.path.clone();
                    self.editing = Some(Editing { path: d.path, before: d.bytes, copied: d.copied });
                    vec![Effect::EditFile(path)]
                }
                Err(e) => vec![Effect::Tell(e)],
            },
            Input::File(FileOp::Write, done) if self.editor.is_some() => {
                if let Some(editor) = &mut self.editor {
                    editor.saved(done.map(|_| ()));
                }
                Vec::new()
            }
            Input::File(FileOp::Write | FileOp::Remove, done) => vec![
                Effect::Reload,
                Effect::Tell(match (done, self.failed_edit.take()) {
                    (Ok(_), Some(failed)) => format!("{failed}; the copy made for the edit is removed"),
                    (Ok(_), None) => "kept the previous version".into(),
                    (Err(e), _) => format!("could not restore the previous version: {e}"),
                }),
            ],
            Input::Edited(result) => self.after_edit(result),
            _ => Vec::new(),
        }
    }

    /// A new copy of the routine under the cursor, named `name`.
    fn copy_to(&self, lib: &Library, name: String) -> Vec<Effect> {
        match lib.entries.get(self.cursor) {
            Some(entry) => vec![Effect::CopyRoutine { from: entry.id.clone(), name }],
            None => vec![tell("no routine selected")],
        }
    }

    /// The in-app editor on a routine's text.
    fn open_editor(&mut self, d: FileDone) -> Result<(), String> {
        let id = crate::routine::library::file_id(&d.path);
        let text = String::from_utf8(d.bytes).map_err(|_| format!("{} is not UTF-8 text", d.path.display()))?;
        let doc = crate::routine::edit::RoutineDoc::parse(&id, &d.path.display().to_string(), &text)
            .map_err(|e| format!("{e}; press e to fix it in your editor"))?;
        self.editor = Some(EditorState::new(doc, d.path));
        Ok(())
    }

    /// After the user's editor: a valid file is kept; an invalid one asks
    /// what to do; an editor that failed leaves the file as it was (a copy
    /// made for the edit is removed again, so it does not hide the built-in).
    fn after_edit(&mut self, result: Result<EditCheck, String>) -> Vec<Effect> {
        let Some(editing) = self.editing.clone() else { return Vec::new() };
        let path = &editing.path;
        match result {
            Err(e) if editing.copied => {
                self.editing = None;
                self.failed_edit = Some(e);
                vec![Effect::RemoveFile(path.clone())]
            }
            Err(e) => {
                self.editing = None;
                vec![Effect::Reload, Effect::Tell(e)]
            }
            Ok(EditCheck::Valid { steps }) => {
                self.editing = None;
                vec![Effect::Reload, Effect::Tell(format!("{}: ok, {steps} steps", path.display()))]
            }
            Ok(EditCheck::Invalid(msg)) => {
                self.invalid_edit = Some(msg.clone());
                let keys = keymap::footer_text(&keys::invalid());
                vec![Effect::Reload, Effect::Tell(format!("invalid: {msg} — {keys}"))]
            }
        }
    }
}

fn tell(message: &str) -> Effect {
    Effect::Tell(message.to_string())
}
