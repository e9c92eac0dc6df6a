//! What the home screen's tabs show (the routines, the recent nights, the
//! streaks and the history), read by the app context and again after every
//! change; the tabs only read it.

use crate::journal::Entries;
use crate::routine::Library;
use crate::stats::checkpoint::Summary;

/// What the home screen's tabs show, read again after every change.
pub struct HomeData {
    pub library: Library,
    /// The records of the nights the home screen acts on (last night's
    /// check-in, tonight's runs).
    pub recent: Entries,
    /// A running experiment's plan (off nights, tonight's line).
    pub experiment: Option<crate::experiment::Plan>,
    /// The streaks, consistency and flags of the whole history and the
    /// recent nights' facts, read at a cost independent of its length.
    pub summary: Summary,
    /// Records with two different answers from two machines.
    pub contradictions: usize,
    /// Why the journal cannot be read or written: no routine or check-in starts.
    pub journal_error: Option<String>,
    /// Why the journal cannot be read (the history has nothing to show).
    pub unreadable: Option<String>,
    /// A problem worth a line in the status row (an unreadable plan).
    pub problem: Option<String>,
}

impl HomeData {
    /// Nothing read yet (the coach or the cramp screen opened by a command
    /// reads the home screen's data only if the user goes there).
    pub fn unread(tonight: chrono::NaiveDate) -> HomeData {
        HomeData {
            library: Library::default(),
            recent: Entries::default(),
            experiment: None,
            summary: Summary::full(Default::default(), tonight, &Default::default()),
            contradictions: 0,
            journal_error: None,
            unreadable: None,
            problem: None,
        }
    }
}
