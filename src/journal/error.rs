//! What can go wrong reading or writing the journal.

use std::fmt;
use std::path::{Path, PathBuf};

use super::month_file::JOURNAL_VERSION;

#[derive(Debug)]
pub enum JournalError {
    /// A file that does not parse: never written over.
    Corrupt {
        file: PathBuf,
        line: usize,
        message: String,
    },
    /// A file from a newer winddown: never written over.
    Newer {
        file: PathBuf,
        version: u32,
    },
    Io {
        path: PathBuf,
        message: String,
    },
    /// A change refused as a whole (an import with conflicts); nothing was written.
    Refused(String),
}

impl fmt::Display for JournalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            JournalError::Corrupt { file, line, message } => write!(
                f,
                "{}:{line}: {message} (the journal file was left as it is; fix or move it, then try again)",
                file.display()
            ),
            JournalError::Newer { file, version } => write!(
                f,
                "{}:1: written by a newer winddown (journal format {version}; this one reads {JOURNAL_VERSION}); update winddown. The file was left as it is",
                file.display()
            ),
            JournalError::Io { path, message } => write!(f, "{}: {message}", path.display()),
            JournalError::Refused(message) => f.write_str(message),
        }
    }
}

impl std::error::Error for JournalError {}

pub fn io_err(path: &Path) -> impl FnOnce(std::io::Error) -> JournalError + '_ {
    move |e| JournalError::Io { path: path.to_path_buf(), message: e.to_string() }
}
