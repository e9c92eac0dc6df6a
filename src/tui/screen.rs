//! The contract between a screen and the app around it (the Elm shape that
//! ratatui's docs describe): a screen draws its state, and its `handle` turns
//! an input (a key, the clock, the answer to something it asked) into a new
//! state and a list of [`Effect`]s — data, never done by the screen itself.
//! One place carries effects out (`tui::app::perform`) and answers with
//! another [`Input`]. So a screen is tested by feeding inputs and reading the
//! effects it returns: no terminal, no files.

use std::path::PathBuf;
use std::time::Instant;

use chrono::NaiveDate;
use crossterm::event::KeyEvent;
use ratatui::Frame;

use super::tabs::Tab;
use super::theme::Theme;
use crate::cues::Utterance;
use crate::journal::{CheckIn, NightEntry, Record, RecordKey};
use crate::session::Cue;
use crate::stats::streak::Streak;

pub trait Screen {
    /// Draws everything in one frame; no side effects.
    fn draw(&self, now: Instant, theme: &Theme, f: &mut Frame);
    /// The one way in: changes the screen's own state, returns what should happen.
    fn handle(&mut self, input: Input, now: Instant) -> Vec<Effect>;
    /// When the screen next changes with no key pressed.
    fn next_wake(&self, _now: Instant) -> Option<Instant> {
        None
    }
}

/// What reaches a screen. (An input is moved once to the screen and never
/// stored, so the size of its largest variant does not matter.)
#[derive(Debug, Clone)]
#[allow(clippy::large_enum_variant)]
pub enum Input {
    /// The screen is shown (once, before its first frame): the coach announces
    /// its first phase here.
    Open,
    Key(KeyEvent),
    /// The clock moved on (after every wake of the loop).
    Tick,
    /// A signal (INT, QUIT, TERM, HUP, a closed terminal) ends the program:
    /// return what must be saved. The app ends after carrying it out.
    Signal,
    /// Ctrl-Z, or a stop from outside seen when the program continued (`now`
    /// is then the last instant it was known running): a running hold pauses.
    Suspend,
    /// A journal write asked for with [`Effect::Put`], [`Effect::Replace`] or
    /// [`Effect::Resolve`] is done; with the tally when one was asked for.
    Written(Result<Option<Tally>, String>),
    /// A night read for the check-in form ([`Effect::LoadNight`]).
    Night(Result<NightLoaded, String>),
    /// A file asked for with [`Effect::CopyRoutine`], [`Effect::WriteFile`],
    /// [`Effect::RemoveFile`], [`Effect::ReadRoutine`] or [`Effect::PrepareEdit`]
    /// is done (or failed, with the message to show).
    File(FileOp, Result<FileDone, String>),
    /// The user's editor ([`Effect::EditFile`]) closed (with what the file
    /// now holds: a valid routine or the first problem), or could not start.
    Edited(Result<EditCheck, String>),
}

/// The standing of the journal after a write, for the end-of-screen summaries.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// Nights with a check-in.
    pub checkins: usize,
    pub routine: Streak,
    pub checkin: Streak,
    pub cramp_free: Streak,
}

/// What the journal holds for one night, and the night's check-ins when two
/// machines gave different ones (empty otherwise).
#[derive(Debug, Clone, Default)]
pub struct NightLoaded {
    pub night: NaiveDate,
    pub entry: NightEntry,
    pub contested: Vec<CheckIn>,
}

/// Which file effect an `Input::File` answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileOp {
    Create,
    Write,
    Remove,
    ReadRoutine,
    PrepareEdit,
}

/// A routine file as the user's editor left it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditCheck {
    Valid {
        steps: usize,
    },
    /// The first problem, as a headline.
    Invalid(String),
}

/// A file operation done: the file it was about, and what was read.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FileDone {
    pub path: PathBuf,
    /// The text read ([`Effect::ReadRoutine`]), or the bytes before an edit
    /// ([`Effect::PrepareEdit`]); empty for the others.
    pub bytes: Vec<u8>,
    /// The file was copied from a built-in routine for this edit.
    pub copied: bool,
}

/// What a screen asks for. Carried out in the order given, so cues listed
/// before a journal write go out before the disk is touched. An answer goes
/// to the screen in front when it comes, so a screen lists the effects that
/// move away from it (`Close`, `Open`, `History`, `StartRoutine`) last.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    // Where to go.
    /// The screen is done: back to where it was opened from (the home
    /// screen's Tonight tab, or out of the program when a command opened it).
    Close,
    /// Show a tab of the app (the tab keys, from any screen where the tabs
    /// are reachable).
    Open(Tab),
    /// Show the history (`h` on a summary): leaving it goes where leaving
    /// the summary would have.
    History,
    /// Start tonight's picked routine in the coach.
    StartRoutine,
    /// End the program now (Ctrl-C).
    Quit,
    /// A line for the home screen's status row (an empty one clears it).
    Tell(String),

    // The journal (answered with `Input::Written`).
    /// Add or replace records; `tally` asks for the streaks as of that night.
    Put {
        records: Vec<Record>,
        tally: Option<NaiveDate>,
    },
    /// Remove the record with `old`'s key and put `new`, in one write.
    Replace {
        old: RecordKey,
        new: Record,
    },
    /// Keep `keep` of a record two machines disagree on; drop the others.
    Resolve {
        key: RecordKey,
        keep: Record,
    },
    /// Read one night (answered with `Input::Night`).
    LoadNight(NaiveDate),

    // Files and settings (answered with `Input::File` / `Input::Edited`).
    /// Make a new routine file named `name`, a copy of the routine `from`, in the routines folder.
    CopyRoutine {
        from: String,
        name: String,
    },
    /// Replace a file's bytes crash-safely.
    WriteFile {
        path: PathBuf,
        bytes: Vec<u8>,
    },
    RemoveFile(PathBuf),
    /// Read a routine's text (a user file, bounded, or a built-in) for the in-app editor.
    ReadRoutine(String),
    /// Make a routine's file ready for the user's editor (a built-in is copied
    /// into the routines folder first) and read what it holds before the edit.
    PrepareEdit(String),
    /// Hand the terminal to the user's editor on this file.
    EditFile(PathBuf),
    /// Make this routine the default in config.toml (answered with a `Tell`).
    SetDefaultRoutine(String),
    /// Read the routines and the journal again (something changed on disk).
    Reload,

    // Cues.
    /// The bell and the cue command, with the title of the step it belongs to.
    Cue(Cue, String),
    /// Words and sounds (see `cues::script`).
    Say(Utterance),
}
