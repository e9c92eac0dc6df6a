//! What can go wrong reading or writing the journal.

use std::path::{Path, PathBuf};

use super::month_file::JOURNAL_VERSION;
use crate::fsutil::WriteError;
use crate::input_file::InputError;

#[derive(Debug, thiserror::Error)]
pub enum JournalError {
    /// A file that does not parse: never written over.
    #[error(
        "{}:{line}: {message} (the journal file was left as it is; fix or move it, then try again)",
        file.display()
    )]
    Corrupt { file: PathBuf, line: usize, message: String },
    /// A file from a newer winddown: never written over.
    #[error(
        "{}:1: written by a newer winddown (journal format {version}; this one reads {JOURNAL_VERSION}); update winddown. The file was left as it is",
        file.display()
    )]
    Newer { file: PathBuf, version: u32 },
    /// Reading the journal folder or a file in it, or removing one, failed.
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A file where a journal file belongs that cannot be one (a FIFO, a
    /// folder, too large): never written over.
    #[error("{}: {source} (not a journal file winddown wrote; it was left as it is)", path.display())]
    Unreadable {
        path: PathBuf,
        #[source]
        source: InputError,
    },
    /// A crash-safe write (or the folder sync after one) failed.
    #[error(transparent)]
    Write(#[from] WriteError),
    /// A change refused as a whole (an import with conflicts); nothing was written.
    #[error("{0}")]
    Refused(String),
}

pub fn io_err(path: &Path) -> impl FnOnce(std::io::Error) -> JournalError + '_ {
    move |source| JournalError::Io { path: path.to_path_buf(), source }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_file_and_what_to_do() {
        let newer = JournalError::Newer { file: "j/2026-11.jsonl".into(), version: 7 };
        assert_eq!(
            newer.to_string(),
            format!(
                "j/2026-11.jsonl:1: written by a newer winddown (journal format 7; this one reads {JOURNAL_VERSION}); update winddown. The file was left as it is"
            )
        );
        let io = io_err(Path::new("j"))(std::io::Error::from(std::io::ErrorKind::PermissionDenied));
        assert!(io.to_string().starts_with("j: "), "{io}");
        assert!(std::error::Error::source(&io).is_some());
    }
}
