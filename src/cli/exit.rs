//! How a command fails: every error maps to one exit code and a clear message.
//! The core's typed errors become an `Exit` here, at the edge: 2 when the
//! user's input was wrong, 1 for anything else.

use std::fmt;

use crate::checkin::RuleError;
use crate::editor::EditorError;
use crate::experiment::store::StoreError;
use crate::fsutil::WriteError;
use crate::journal::JournalError;
use crate::paths::NoHome;
use crate::routine::files::FileError;

/// A failed command: 2 for invalid input, 1 for anything else.
#[derive(Debug)]
pub struct Exit {
    pub code: u8,
    pub message: String,
}

impl Exit {
    /// Invalid input from the user (argument, routine, value): exit 2.
    pub fn invalid(message: impl Into<String>) -> Exit {
        Exit { code: 2, message: message.into() }
    }

    /// Anything else (I/O, a refused write, a corrupt journal): exit 1.
    pub fn failed(message: impl Into<String>) -> Exit {
        Exit { code: 1, message: message.into() }
    }
}

/// A write that failed (disk full, permissions): exit 1.
impl From<WriteError> for Exit {
    fn from(e: WriteError) -> Exit {
        Exit::failed(e.to_string())
    }
}

/// The journal could not be read or written (a refused import is handled where it happens): exit 1.
impl From<JournalError> for Exit {
    fn from(e: JournalError) -> Exit {
        Exit::failed(e.to_string())
    }
}

/// A record the user gave breaks a rule: exit 2.
impl From<RuleError> for Exit {
    fn from(e: RuleError) -> Exit {
        Exit::invalid(e.to_string())
    }
}

/// No home directory and no folder given: the user must name one, exit 2.
impl From<NoHome> for Exit {
    fn from(e: NoHome) -> Exit {
        Exit::invalid(e.to_string())
    }
}

/// A second experiment, or none to act on, is the user's mistake (exit 2);
/// a plan that cannot be read or written is a failure (exit 1).
impl From<StoreError> for Exit {
    fn from(e: StoreError) -> Exit {
        match e {
            StoreError::Running { .. } | StoreError::NoPlan => Exit::invalid(e.to_string()),
            StoreError::Plan { .. } | StoreError::Read { .. } | StoreError::Write(_) => Exit::failed(e.to_string()),
        }
    }
}

/// A routine file that cannot be read or copied for editing: exit 1.
impl From<FileError> for Exit {
    fn from(e: FileError) -> Exit {
        Exit::failed(e.to_string())
    }
}

/// The editor could not start or failed: exit 1.
impl From<EditorError> for Exit {
    fn from(e: EditorError) -> Exit {
        Exit::failed(e.to_string())
    }
}

impl fmt::Display for Exit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

pub type CmdResult = Result<(), Exit>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn core_errors_keep_their_exit_codes() {
        let night = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        assert_eq!(Exit::from(StoreError::NoPlan).code, 2);
        assert_eq!(Exit::from(StoreError::Running { first_night: night, last_night: night }).code, 2);
        let plan = StoreError::Plan { path: "p".into(), error: crate::experiment::PlanError::Edited };
        assert_eq!(Exit::from(plan).code, 1);
        assert_eq!(Exit::from(RuleError::Missing { field: "cramps" }).code, 2);
        assert_eq!(Exit::from(NoHome { which: "data" }).code, 2);
        let io = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        let write = WriteError::new(crate::fsutil::FileOp::Replace, std::path::Path::new("f"), io);
        let exit = Exit::from(write);
        assert_eq!(exit.code, 1);
        assert!(exit.message.starts_with("cannot replace f: "), "{}", exit.message);
        assert_eq!(Exit::from(FileError::Unknown("x".into())).code, 1);
        assert_eq!(Exit::from(JournalError::Refused("no".into())).code, 1);
    }
}
