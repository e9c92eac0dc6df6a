//! How a command fails: every error maps to one exit code and a clear message.

use std::fmt;

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

impl From<anyhow::Error> for Exit {
    fn from(e: anyhow::Error) -> Exit {
        // "{:#}" joins the context chain into one line: "cannot write x: No space left".
        Exit::failed(format!("{e:#}"))
    }
}

impl fmt::Display for Exit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

pub type CmdResult = Result<(), Exit>;
