//! Creating and preparing user routine files (shared by the CLI and the
//! Routines tab): safe names, never overwriting, built-ins copied before an edit.

use std::path::{Path, PathBuf};

use super::library::{Entry, Origin, builtin_text, is_safe_id};
use crate::fsutil;

/// The text of a routine's file, comments included (for copying).
pub fn entry_text(entry: &Entry) -> Result<String, String> {
    match &entry.origin {
        Origin::BuiltIn => {
            builtin_text(&entry.id).map(str::to_string).ok_or_else(|| format!("no built-in routine {}", entry.id))
        }
        Origin::User(p) => crate::input_file::read_text_limited(p, crate::input_file::ROUTINE_LIMIT)
            .map_err(|e| format!("cannot read {}: {e}", p.display())),
    }
}

/// Why a new routine file was not created.
#[derive(Debug, PartialEq, Eq)]
pub enum CreateError {
    /// The name cannot be a file name (invalid input).
    BadName(String),
    /// A file of that name exists already.
    Exists(PathBuf),
    Io(String),
}

impl std::fmt::Display for CreateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CreateError::BadName(name) => write!(
                f,
                "\"{name}\" cannot be a routine name: use lowercase letters, digits, '-' and '_' (at most 64), starting with a letter or digit"
            ),
            CreateError::Exists(p) => write!(f, "{} already exists", p.display()),
            CreateError::Io(e) => f.write_str(e),
        }
    }
}

/// Writes `text` as the new routine `name` in `dir`; never overwrites.
pub fn create(dir: &Path, name: &str, text: &str) -> Result<PathBuf, CreateError> {
    if !is_safe_id(name) {
        return Err(CreateError::BadName(name.to_string()));
    }
    let target = dir.join(format!("{name}.toml"));
    if target.exists() {
        return Err(CreateError::Exists(target));
    }
    fsutil::write_new(&target, text.as_bytes()).map_err(|e| CreateError::Io(format!("{e:#}")))?;
    Ok(target)
}

/// The user file to edit for routine `id`: a built-in is copied into `dir` first.
/// Returns the path and whether the copy was made now.
pub fn file_for_edit(dir: &Path, id: &str) -> Result<(PathBuf, bool), String> {
    let target = dir.join(format!("{id}.toml"));
    if target.exists() {
        return Ok((target, false));
    }
    let text = builtin_text(id).ok_or_else(|| format!("no routine named \"{id}\""))?;
    fsutil::write_new(&target, text.as_bytes()).map_err(|e| format!("{e:#}"))?;
    Ok((target, true))
}
