//! The Routines tab: every routine (valid or not, with its error), a preview,
//! `e` edit in $EDITOR, `n` new from a copy, `d` make it the default.

use std::path::PathBuf;

use crossterm::event::{KeyCode, KeyEvent};
use ratatui_textarea::TextArea;

use crate::paths::Paths;
use crate::routine::files::{self, entry_text, file_for_edit};
use crate::routine::library::{Library, load_path};

#[derive(Default)]
pub struct RoutinesTab {
    pub cursor: usize,
    /// Typing the name of a new copy.
    pub naming: Option<TextArea<'static>>,
    /// A file to open in the editor (taken by the runtime).
    pub edit_request: Option<PathBuf>,
    /// The file being edited, its text before, and whether the copy was made for this edit.
    editing: Option<(PathBuf, Vec<u8>, bool)>,
    /// An edit left the file invalid: e edit again, k keep the previous version, s keep it.
    pub invalid_edit: Option<String>,
    pub make_default: Option<String>,
    /// The library changed on disk: reload it.
    pub changed: bool,
    pub leave: bool,
    /// The in-app editor, when open.
    pub editor: Option<super::editor::EditorState>,
}

impl RoutinesTab {
    pub fn clamp(&mut self, len: usize) {
        self.cursor = self.cursor.min(len.saturating_sub(1));
    }

    /// Handles a key; returns a message for the status line.
    pub fn handle_key(&mut self, key: KeyEvent, lib: &Library, paths: &Paths) -> Option<String> {
        if let Some(name) = &mut self.naming {
            return match key.code {
                KeyCode::Esc => {
                    self.naming = None;
                    None
                }
                KeyCode::Enter => {
                    let name = name.lines().join("").trim().to_string();
                    self.naming = None;
                    Some(self.copy_to(lib, paths, &name))
                }
                _ => {
                    name.input(key);
                    None
                }
            };
        }
        if let Some(editor) = &mut self.editor {
            editor.handle_key(key);
            let msg = editor.message.clone();
            if editor.closed {
                self.editor = None;
                self.changed = true;
            }
            return msg;
        }
        if self.invalid_edit.is_some() {
            return self.invalid_key(key);
        }
        let n = lib.entries.len().max(1);
        match key.code {
            KeyCode::Up | KeyCode::Char('k') => self.cursor = (self.cursor + n - 1) % n,
            KeyCode::Down | KeyCode::Char('j') => self.cursor = (self.cursor + 1) % n,
            KeyCode::Enter => {
                let entry = lib.entries.get(self.cursor)?;
                let text = match entry_text(entry) {
                    Ok(t) => t,
                    Err(e) => return Some(e.to_string()),
                };
                let path = paths.routine_file(&entry.id);
                match crate::routine::edit::RoutineDoc::parse(&entry.id, &path.display().to_string(), &text) {
                    Ok(doc) => self.editor = Some(super::editor::EditorState::new(doc, path)),
                    Err(e) => return Some(format!("{e}; press e to fix it in your editor")),
                }
            }
            KeyCode::Char('e') => {
                let entry = lib.entries.get(self.cursor)?;
                match file_for_edit(&paths.routines_dir(), &entry.id) {
                    Ok((path, copied)) => {
                        let before = match crate::input_file::read_limited(&path, crate::input_file::ROUTINE_LIMIT) {
                            Ok(bytes) => bytes,
                            Err(e) => return Some(format!("cannot edit {}: {e}", path.display())),
                        };
                        self.editing = Some((path.clone(), before, copied));
                        self.edit_request = Some(path);
                        if copied {
                            self.changed = true;
                        }
                    }
                    Err(e) => return Some(e.to_string()),
                }
            }
            KeyCode::Char('n') => {
                let mut t = TextArea::default();
                t.set_placeholder_text("name of the copy, like my-evening");
                self.naming = Some(t);
            }
            KeyCode::Char('d') => match lib.entries.get(self.cursor) {
                Some(e) if e.routine.is_ok() => self.make_default = Some(e.id.clone()),
                Some(_) => return Some("an invalid routine cannot be the default; fix it first (e)".into()),
                None => {}
            },
            KeyCode::Char('r') => {
                self.changed = true;
                return Some("routines reloaded from disk".into());
            }
            KeyCode::Esc | KeyCode::Char('q') => self.leave = true,
            _ => {}
        }
        None
    }

    fn copy_to(&mut self, lib: &Library, paths: &Paths, name: &str) -> String {
        let Some(entry) = lib.entries.get(self.cursor) else { return "no routine selected".into() };
        let text = match entry_text(entry) {
            Ok(t) => t,
            Err(e) => return e.to_string(),
        };
        match files::create(&paths.routines_dir(), name, &text) {
            Ok(path) => {
                self.changed = true;
                format!("created {}; press e to edit it", path.display())
            }
            Err(e) => e.to_string(),
        }
    }

    /// After the editor: validate; an invalid file asks what to do.
    pub fn after_edit(&mut self, result: Result<(), String>) -> String {
        self.changed = true;
        let Some(path) = self.editing.as_ref().map(|(p, _, _)| p.clone()) else { return String::new() };
        if let Err(e) = result {
            return e;
        }
        let id = crate::routine::library::file_id(&path);
        match load_path(&path, &id) {
            Ok(r) => {
                self.editing = None;
                format!("{}: ok, {} steps", path.display(), r.steps.len())
            }
            Err(errs) => {
                let msg = errs[0].headline();
                self.invalid_edit = Some(msg.clone());
                format!("invalid: {msg} — e edit again · k keep the previous version · s keep this anyway")
            }
        }
    }

    fn invalid_key(&mut self, key: KeyEvent) -> Option<String> {
        let (path, before, copied) = self.editing.clone()?;
        match key.code {
            KeyCode::Char('e') => {
                self.invalid_edit = None;
                self.edit_request = Some(path);
                None
            }
            KeyCode::Char('k') | KeyCode::Esc => {
                self.invalid_edit = None;
                self.editing = None;
                self.changed = true;
                let restored = if copied {
                    std::fs::remove_file(&path).map_err(|e| e.to_string())
                } else {
                    crate::fsutil::write_atomic(&path, &before).map_err(|e| format!("{e:#}"))
                };
                Some(match restored {
                    Ok(()) => "kept the previous version".into(),
                    Err(e) => format!("could not restore the previous version: {e}"),
                })
            }
            KeyCode::Char('s') => {
                self.invalid_edit = None;
                self.editing = None;
                Some(format!("kept the invalid file {}; it cannot run until fixed", path.display()))
            }
            _ => None,
        }
    }
}
