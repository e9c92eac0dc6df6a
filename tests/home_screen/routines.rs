//! The Routines tab: copies, the user's own editor (a stand-in that writes
//! the file or fails to start), the in-app editor, and files changed in
//! another window.

use std::path::{Path, PathBuf};
use std::time::Duration;

use winddown::cues::Utterance;
use winddown::session::Cue;
use winddown::tui::app::Outside;

use super::*;

/// `n` makes a copy; `e` hands it to the user's editor (a stand-in here).
#[test]
fn routines_tab_copies_and_edits_in_the_users_editor() {
    let mut r = Rig::new(vec![run(d("2026-11-22"))], "2026-11-23T21:00:00+01:00");
    r.key(KeyCode::Char('4'));
    r.key(KeyCode::Down);
    r.key(KeyCode::Char('n'));
    let s = r.screen();
    assert!(s.contains("New copy: name") && s.contains("Enter create · Esc cancel"), "{s}");
    r.typed("my-night");
    r.key(KeyCode::Enter);
    let copy = paths(&r.dir).routines_dir().join("my-night.toml");
    assert!(std::fs::read_to_string(&copy).unwrap().contains("J Physiother 2012"));
    assert!(r.app.data.library.find("my-night").is_some());
    assert!(r.message().starts_with("created "), "{}", r.message());

    // Edit the copy: the editor leaves it broken, the user keeps the previous version.
    r.routine_cursor("my-night");
    let before = std::fs::read(&copy).unwrap();
    let mut editor = Editor { then: Some(b"name = \n".to_vec()), ..Editor::default() };
    r.key_editing(KeyCode::Char('e'), &mut editor);
    assert_eq!(editor.edited, std::slice::from_ref(&copy));
    assert!(r.message().contains("invalid: "), "{}", r.message());
    assert!(r.screen().contains("e edit again · k keep previous · s keep this"), "{}", r.screen());
    r.key(KeyCode::Char('k'));
    assert_eq!(std::fs::read(&copy).unwrap(), before);
    assert_eq!(r.message(), "kept the previous version");

    // Editing a built-in copies it first; a good edit is reported.
    r.routine_cursor("two-minute");
    let mut editor = Editor::default();
    r.key_editing(KeyCode::Char('e'), &mut editor);
    assert!(editor.edited[0].starts_with(paths(&r.dir).routines_dir()));
    assert!(r.message().ends_with("ok, 3 steps"), "{}", r.message());
}

#[test]
fn in_app_editor_changes_one_value_and_keeps_comments() {
    let (mut r, file) = rig_with_routine();
    open_editor(&mut r, "mine");
    // Saving with no change leaves the file byte-identical.
    r.ctrl('s');
    assert_eq!(std::fs::read_to_string(&file).unwrap(), COMMENTED);
    assert!(r.message().starts_with("saved "), "{}", r.message());
    // Hold +5 s twice, then save: only that value changes.
    r.key(KeyCode::Char('+'));
    r.key(KeyCode::Char('+'));
    assert!(r.screen().contains("(unsaved)"));
    r.ctrl('s');
    assert_eq!(std::fs::read_to_string(&file).unwrap(), COMMENTED.replace("\"30s\"", "\"40s\""));
    assert!(!r.screen().contains("(unsaved)"));
    // Move the check step up, add one from the palette, delete it, undo the lot.
    r.key(KeyCode::Down);
    r.key(KeyCode::Char('K'));
    assert!(
        r.app.routines.editor.as_ref().unwrap().doc.text().find("Water")
            < r.app.routines.editor.as_ref().unwrap().doc.text().find("Calf")
    );
    r.key(KeyCode::Char('a'));
    assert!(r.screen().contains("Add a step"), "{}", r.screen());
    assert!(r.screen().contains("↑↓ pick · Enter add · Esc cancel"), "the palette's keys:\n{}", r.screen());
    r.key(KeyCode::Enter);
    let editor = r.app.routines.editor.as_ref().unwrap();
    assert_eq!(editor.doc.step_count(), 3);
    assert_eq!(editor.step, 2);
    r.key(KeyCode::Char('x'));
    assert!(r.screen().contains("Delete this step?  y delete · n no"), "{}", r.screen());
    r.key(KeyCode::Char('y'));
    assert_eq!(r.app.routines.editor.as_ref().unwrap().doc.step_count(), 2);
    r.key(KeyCode::Char('u'));
    r.key(KeyCode::Char('u'));
    r.key(KeyCode::Char('u'));
    assert_eq!(r.app.routines.editor.as_ref().unwrap().doc.text(), COMMENTED.replace("\"30s\"", "\"40s\""));
    r.key(KeyCode::Esc);
    assert!(r.app.routines.editor.is_none());
    assert_eq!(
        r.app.data.library.find("mine").unwrap().routine.as_ref().unwrap().steps[0].timed().unwrap().hold.as_secs(),
        40
    );
}

/// The user's editor, standing in: records the files it is given and
/// writes `then` into them (an edit), or fails to start.
#[derive(Default)]
struct Editor {
    edited: Vec<PathBuf>,
    then: Option<Vec<u8>>,
    fails: Option<String>,
}

impl Outside for Editor {
    fn cue(&mut self, _: Cue, _: &str) {}
    fn say(&mut self, _: &Utterance) {}
    fn edit(&mut self, path: &Path) -> Result<(), String> {
        self.edited.push(path.to_path_buf());
        if let Some(e) = &self.fails {
            return Err(e.clone());
        }
        if let Some(bytes) = &self.then {
            std::fs::write(path, bytes).unwrap();
        }
        Ok(())
    }
}

impl Rig {
    /// A key with `editor` as the user's editor.
    fn key_editing(&mut self, code: KeyCode, editor: &mut Editor) {
        self.app.handle(Input::Key(KeyEvent::new(code, KeyModifiers::NONE)), self.t0, editor);
    }

    /// The last outcome told: in the editor's own status lines while it is
    /// open, else in the home screen's status row.
    fn message(&self) -> &str {
        match &self.app.routines.editor {
            Some(editor) => editor.message.as_deref().unwrap_or_default(),
            None => self.app.message.as_deref().unwrap_or_default(),
        }
    }
}

/// After an edit that leaves the file invalid: `e` edits it again, `s`
/// keeps it as it is, `k` on a built-in's copy removes the copy.
#[test]
fn an_invalid_edit_asks_edit_again_keep_this_or_keep_the_previous() {
    let mut r = Rig::new(vec![run(d("2026-11-22"))], "2026-11-23T21:00:00+01:00");
    r.key(KeyCode::Char('4'));
    r.routine_cursor("two-minute");
    let copy = paths(&r.dir).routines_dir().join("two-minute.toml");
    let mut editor = Editor { then: Some(b"name = \n".to_vec()), ..Editor::default() };
    r.key_editing(KeyCode::Char('e'), &mut editor);
    assert!(r.message().contains("invalid: "), "{}", r.message());
    // Edit again: the same file, still invalid, still asked.
    r.key_editing(KeyCode::Char('e'), &mut editor);
    assert_eq!(editor.edited, [copy.clone(), copy.clone()]);
    assert!(r.message().contains("invalid: "), "{}", r.message());
    // Keep the previous version of a built-in: the copy made for the edit goes.
    r.key(KeyCode::Char('k'));
    assert!(!copy.exists());
    assert_eq!(r.message(), "kept the previous version");
    assert!(r.app.data.library.find("two-minute").unwrap().routine.is_ok(), "the built-in again");

    // Keep this: the invalid file stays, listed with its error.
    r.routine_cursor("two-minute");
    r.key_editing(KeyCode::Char('e'), &mut editor);
    r.key(KeyCode::Char('s'));
    assert!(r.message().starts_with("kept the invalid file"), "{}", r.message());
    assert_eq!(std::fs::read(&copy).unwrap(), b"name = \n");
    assert!(r.app.data.library.find("two-minute").unwrap().routine.is_err());
    assert!(r.screen().contains("This file has errors:"), "{}", r.screen());
}

/// An editor that cannot start: told in the status row, the file as it was.
#[test]
fn an_editor_that_cannot_start_is_told() {
    let (mut r, file) = rig_with_routine();
    r.key(KeyCode::Char('4'));
    r.routine_cursor("mine");
    r.out.edit_result = Some(Err("could not start vi: not found".into()));
    r.key(KeyCode::Char('e'));
    assert_eq!(r.out.edited, std::slice::from_ref(&file));
    assert_eq!(r.message(), "could not start vi: not found");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), COMMENTED);
    assert!(r.screen().contains("↑↓ pick · Enter edit"), "back to the list:\n{}", r.screen());
}

/// Shift-↑/↓ move a step like K/J; ↑/↓ alone only move the cursor.
#[test]
fn in_app_editor_moves_steps_with_shift_arrows() {
    let (mut r, _) = rig_with_routine();
    open_editor(&mut r, "mine");
    let order = |r: &Rig| {
        let text = r.app.routines.editor.as_ref().unwrap().doc.text();
        (text.find("Calf").unwrap() < text.find("Water").unwrap(), r.app.routines.editor.as_ref().unwrap().step)
    };
    r.key(KeyCode::Down);
    assert_eq!(order(&r), (true, 1), "the cursor moved, not the step");
    r.press(KeyCode::Up, KeyModifiers::SHIFT);
    assert_eq!(order(&r), (false, 0), "Water moved up, the cursor with it");
    r.press(KeyCode::Down, KeyModifiers::SHIFT);
    assert_eq!(order(&r), (true, 1));
}

/// The editor's `?` lists every key of its steps list, from the same
/// commands as the hints under it; Ctrl-C quits from the editor too.
#[test]
fn in_app_editor_help_and_ctrl_c() {
    let (mut r, _) = rig_with_routine();
    open_editor(&mut r, "mine");
    r.key(KeyCode::Char('?'));
    let s = r.screen();
    for line in [
        "↑ ↓  pick a step",
        "K J  Shift-↑ ↓  move the step up / down",
        "x  Del  delete the step (asks first)",
        "Ctrl-S  save",
        "Esc  q  close the editor",
        "Ctrl-C  quit winddown",
    ] {
        assert!(s.contains(line), "{line:?} missing:\n{s}");
    }
    r.key(KeyCode::Char('a'));
    assert!(!r.screen().contains("Add a step"), "the key that closes the help does nothing else");
    // A value is typed: the prompt's own keys, and other keys are text.
    r.key(KeyCode::Enter);
    let s = r.screen();
    assert!(s.contains(" Value ") && s.contains("Enter set · Esc cancel"), "{s}");
    r.typed("q?");
    assert!(r.app.routines.editor.is_some(), "q is text here");
    r.key(KeyCode::Esc);
    assert!(r.app.routines.editor.is_some(), "Esc leaves the prompt, not the editor");
    r.ctrl('c');
    assert!(r.app.finished());
}

#[test]
fn in_app_editor_refuses_to_save_an_invalid_routine() {
    let (mut r, file) = rig_with_routine();
    open_editor(&mut r, "mine");
    r.key(KeyCode::Enter);
    r.typed("11m");
    r.key(KeyCode::Enter);
    assert!(r.screen().contains("invalid, cannot save: hold must be at most 10m"));
    r.ctrl('s');
    assert_eq!(std::fs::read_to_string(&file).unwrap(), COMMENTED);
    assert!(r.message().starts_with("not saved: "), "{}", r.message());
    // Leaving with unsaved changes asks first; any key but y stays.
    r.key(KeyCode::Esc);
    assert!(r.screen().contains("Discard unsaved changes?  y discard · n no"), "{}", r.screen());
    r.key(KeyCode::Char('z'));
    assert!(r.app.routines.editor.is_some());
    r.key(KeyCode::Char('q'));
    r.key(KeyCode::Char('y'));
    assert!(r.app.routines.editor.is_none());
    assert_eq!(std::fs::read_to_string(&file).unwrap(), COMMENTED);
}

#[test]
fn in_app_editor_copies_a_builtin_on_save() {
    let mut r = Rig::new(vec![run(d("2026-11-22"))], "2026-11-23T21:00:00+01:00");
    open_editor(&mut r, "two-minute");
    r.key(KeyCode::Right); // reps
    r.key(KeyCode::Char('+'));
    r.ctrl('s');
    let copy = paths(&r.dir).routines_dir().join("two-minute.toml");
    let text = std::fs::read_to_string(copy).unwrap();
    assert!(text.starts_with("# two-minute — the short version"), "comments kept");
    assert!(text.contains("reps = 2"));
}

#[test]
fn routine_files_changed_outside_are_picked_up() {
    let (mut r, file) = rig_with_routine();
    std::fs::write(&file, COMMENTED.replace("\"Calf\"", "\"Calf, edited elsewhere\"")).unwrap();
    std::fs::write(file.with_file_name("another.toml"), COMMENTED).unwrap();
    assert!(r.app.handle(Input::Tick, r.t0 + Duration::from_secs(2), &mut r.out), "redrawn");
    assert!(r.app.data.library.find("another").is_some());
    let mine = r.app.data.library.find("mine").unwrap().routine.as_ref().unwrap();
    assert_eq!(mine.steps[0].title, "Calf, edited elsewhere");
    assert_eq!(r.message(), "routines changed on disk: reloaded");
    // Nothing changed since: the next look finds nothing, and nothing is redrawn.
    assert!(!r.app.handle(Input::Tick, r.t0 + Duration::from_secs(4), &mut r.out));
}
