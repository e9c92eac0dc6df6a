//! Printing for the CLI: everything a command prints to stdout goes through
//! here, so text from a file, a flag or an import never reaches the terminal
//! as a control sequence (`crate::text` is the one rule).

use std::io::Write;

use super::exit::{CmdResult, Exit};
use crate::text::{json_visible, visible_lines};

/// Prints text (several lines allowed) with its control characters made visible.
pub fn text(s: &str) {
    write_out(&visible_lines(s));
}

/// Prints one line, made visible.
pub fn line(s: &str) {
    let mut shown = visible_lines(s).into_owned();
    shown.push('\n');
    write_out(&shown);
}

/// Prints `value` as pretty JSON, with the controls JSON leaves raw escaped.
pub fn json<T: serde::Serialize>(value: &T) -> CmdResult {
    let mut text = serde_json::to_string_pretty(value).map_err(|e| Exit::failed(e.to_string()))?;
    text.push('\n');
    write_out(&json_visible(&text));
    Ok(())
}

/// An error or warning line for stderr, made visible.
pub fn error_line(s: &str) {
    let _ = writeln!(std::io::stderr(), "{}", visible_lines(s));
}

fn write_out(s: &str) {
    let mut out = std::io::stdout().lock();
    // A closed pipe (`| head`) is not worth a panic or a message.
    let _ = out.write_all(s.as_bytes()).and_then(|_| out.flush());
}
