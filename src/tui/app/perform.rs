//! The one place effects are carried out: journal writes, files, settings,
//! navigation between screens, the user's editor, cues. A screen's `handle`
//! only returns effects; the app passes each here and routes the answer
//! back to the screen that asked.

use std::path::Path;
use std::time::Instant;

use super::App;
use crate::cues::Utterance;
use crate::journal::store::Month;
use crate::journal::{Journal, JournalError};
use crate::routine::files::{entry_text, file_for_edit};
use crate::session::Cue;
use crate::stats::facts::Facts;
use crate::tui::screen::{EditCheck, Effect, FileDone, FileOp, Input, Tally};

/// What the app reaches through the terminal: cues (programs and the bell)
/// and the user's editor, which takes the terminal while it runs. The event
/// loop gives the real one; tests give a recorder.
pub trait Outside {
    /// The bell and the cue command, with the step the cue belongs to.
    fn cue(&mut self, cue: Cue, step: &str);
    /// Speech and sounds.
    fn say(&mut self, utterance: &Utterance);
    /// Runs the user's editor on `path` and waits for it.
    fn edit(&mut self, path: &Path) -> Result<(), String>;
}

impl App {
    /// Carries out one effect; returns the answer for the screen that asked, if any.
    pub(super) fn perform(&mut self, effect: Effect, now: Instant, out: &mut dyn Outside) -> Option<Input> {
        match effect {
            Effect::Close => self.close(now),
            // The tab now in front is told it opens.
            Effect::Open(tab) => {
                self.open_tab(tab, true, now);
                return Some(Input::Open);
            }
            Effect::History => {
                self.open_tab(crate::tui::tabs::Tab::History, false, now);
                return Some(Input::Open);
            }
            Effect::StartRoutine => {
                self.start_routine(now);
                // The coach, if it opened, is now in front: it is told so.
                return self.front.is_some().then_some(Input::Open);
            }
            Effect::Quit => self.quit = true,
            Effect::Tell(message) => self.message = (!message.is_empty()).then_some(message),
            Effect::Reload => self.reload(now),
            Effect::SetDefaultRoutine(id) => self.set_default(id),
            Effect::Cue(cue, step) => out.cue(cue, &step),
            Effect::Say(u) => out.say(&u),
            Effect::EditFile(path) => return Some(Input::Edited(out.edit(&path).map(|()| check_routine(&path)))),
            Effect::Put { records, tally } => {
                let written = self.ctx.journal.put(records);
                return Some(Input::Written(with_tally(&self.ctx.journal, written, tally)));
            }
            Effect::Replace { old, new } => {
                let month = Month::of(new.night());
                let written = self.ctx.journal.transaction(vec![month], |months| {
                    let list = months.entry(month).or_default();
                    list.retain(|r| r.key() != old);
                    list.push(new);
                    Ok(())
                });
                return Some(Input::Written(with_tally(&self.ctx.journal, written, None)));
            }
            Effect::Resolve { key, keep } => {
                let written = self.ctx.journal.resolve(&key, &keep);
                return Some(Input::Written(with_tally(&self.ctx.journal, written, None)));
            }
            Effect::LoadNight(night) => return Some(Input::Night(self.ctx.load_night(night))),
            Effect::CopyRoutine { from, name } => {
                let entry = self.data.library.entries.iter().find(|e| e.id == from);
                let text = entry
                    .ok_or_else(|| format!("no routine {from}"))
                    .and_then(|e| entry_text(e).map_err(|e| e.to_string()));
                let made = text.and_then(|text| {
                    crate::routine::files::create(&self.ctx.paths.routines_dir(), &name, &text)
                        .map_err(|e| e.to_string())
                });
                return Some(Input::File(FileOp::Create, made.map(|path| FileDone { path, ..FileDone::default() })));
            }
            Effect::WriteFile { path, bytes } => {
                let written = crate::fsutil::write_atomic(&path, &bytes).map_err(|e| e.to_string());
                return Some(Input::File(FileOp::Write, written.map(|()| FileDone { path, ..FileDone::default() })));
            }
            Effect::RemoveFile(path) => {
                let removed = std::fs::remove_file(&path).map_err(|e| e.to_string());
                return Some(Input::File(FileOp::Remove, removed.map(|()| FileDone { path, ..FileDone::default() })));
            }
            Effect::ReadRoutine(id) => {
                let entry = self.data.library.entries.iter().find(|e| e.id == id);
                let text = entry
                    .ok_or_else(|| format!("no routine {id}"))
                    .and_then(|e| entry_text(e).map_err(|e| e.to_string()));
                let path = self.ctx.paths.routine_file(&id);
                let done = text.map(|t| FileDone { path, bytes: t.into_bytes(), copied: false });
                return Some(Input::File(FileOp::ReadRoutine, done));
            }
            Effect::PrepareEdit(id) => return Some(Input::File(FileOp::PrepareEdit, self.prepare_edit(&id))),
        }
        None
    }

    /// A routine's file made ready for the user's editor, and its bytes before the edit.
    fn prepare_edit(&mut self, id: &str) -> Result<FileDone, String> {
        let (path, copied) = file_for_edit(&self.ctx.paths.routines_dir(), id).map_err(|e| e.to_string())?;
        if copied {
            // The copy is a new file in the folder: the list shows it.
            self.reload_routines();
        }
        let bytes = crate::input_file::read_limited(&path, crate::input_file::ROUTINE_LIMIT)
            .map_err(|e| format!("cannot edit {}: {e}", path.display()))?;
        Ok(FileDone { path, bytes, copied })
    }

    fn set_default(&mut self, id: String) {
        self.message = Some(match crate::config::set_default_routine(&self.ctx.paths.config_file(), &id) {
            Ok(()) => {
                self.ctx.config.default_routine = id.clone();
                format!("\"{}\" is now the default routine", crate::text::visible(&id))
            }
            Err(e) => e.to_string(),
        });
    }
}

/// What a routine file holds after the user's editor: valid, or its first problem.
fn check_routine(path: &Path) -> EditCheck {
    let id = crate::routine::library::file_id(path);
    match crate::routine::library::load_path(path, &id) {
        Ok(r) => EditCheck::Valid { steps: r.steps.len() },
        Err(errs) => EditCheck::Invalid(errs.first().map(|d| d.headline()).unwrap_or_default()),
    }
}

/// A write's outcome, with the journal's standing after it when asked for.
/// The write is what counts: a tally that cannot be read after it is left
/// out (`Ok(None)`), never reported as a failed write.
fn with_tally(
    journal: &Journal,
    written: Result<(), JournalError>,
    tally: Option<chrono::NaiveDate>,
) -> Result<Option<Tally>, String> {
    written.map_err(|e| e.to_string())?;
    let Some(tonight) = tally else { return Ok(None) };
    let Ok(facts) = Facts::read(journal) else { return Ok(None) };
    Ok(Some(Tally {
        checkins: facts.checkin_count(),
        routine: crate::stats::streak::routine(&facts, tonight),
        checkin: crate::stats::streak::checkin(&facts, tonight),
        cramp_free: crate::stats::streak::cramp_free(&facts, tonight),
    }))
}
