//! Creating and preparing user routine files (shared by the CLI and the
//! Routines tab): safe names, never overwriting, built-ins copied before an edit.

use std::path::{Path, PathBuf};

use super::library::{Entry, Origin, builtin_text, is_safe_id};
use crate::fsutil::{self, WriteError};
use crate::input_file::InputError;

/// Why a routine's file could not be read or made ready for editing.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    /// A built-in routine winddown does not have.
    #[error("no built-in routine {0}")]
    NoBuiltIn(String),
    /// Neither a file of the user's nor a built-in routine.
    #[error("no routine named \"{0}\"")]
    Unknown(String),
    #[error("cannot read {}: {source}", path.display())]
    Read {
        path: PathBuf,
        #[source]
        source: InputError,
    },
    /// Copying a built-in into the routines folder failed.
    #[error(transparent)]
    Write(#[from] WriteError),
}

/// The text of a routine's file, comments included (for copying).
pub fn entry_text(entry: &Entry) -> Result<String, FileError> {
    match &entry.origin {
        Origin::BuiltIn => {
            builtin_text(&entry.id).map(str::to_string).ok_or_else(|| FileError::NoBuiltIn(entry.id.clone()))
        }
        Origin::User(p) => crate::input_file::read_text_limited(p, crate::input_file::ROUTINE_LIMIT)
            .map_err(|source| FileError::Read { path: p.clone(), source }),
    }
}

/// Why a new routine file was not created.
#[derive(Debug, thiserror::Error)]
pub enum CreateError {
    /// The name cannot be a file name (invalid input).
    #[error(
        "\"{0}\" cannot be a routine name: use lowercase letters, digits, '-' and '_' (at most 64), starting with a letter or digit"
    )]
    BadName(String),
    /// A file of that name exists already.
    #[error("{} already exists", .0.display())]
    Exists(PathBuf),
    #[error(transparent)]
    Io(#[from] WriteError),
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
    fsutil::write_new(&target, text.as_bytes())?;
    Ok(target)
}

/// The user file to edit for routine `id`: a built-in is copied into `dir` first.
/// Returns the path and whether the copy was made now.
pub fn file_for_edit(dir: &Path, id: &str) -> Result<(PathBuf, bool), FileError> {
    let target = dir.join(format!("{id}.toml"));
    if target.exists() {
        return Ok((target, false));
    }
    let text = builtin_text(id).ok_or_else(|| FileError::Unknown(id.to_string()))?;
    fsutil::write_new(&target, text.as_bytes())?;
    Ok((target, true))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn create_refuses_bad_names_and_existing_files() {
        let dir = tempfile::tempdir().unwrap();
        let e = create(dir.path(), "Bad Name", "x").unwrap_err();
        assert!(matches!(e, CreateError::BadName(_)));
        assert!(e.to_string().starts_with("\"Bad Name\" cannot be a routine name: use lowercase letters"), "{e}");
        let made = create(dir.path(), "mine", "x").unwrap();
        let e = create(dir.path(), "mine", "y").unwrap_err();
        assert_eq!(e.to_string(), format!("{} already exists", made.display()));
    }

    #[test]
    fn editing_an_unknown_routine_says_so() {
        let dir = tempfile::tempdir().unwrap();
        let e = file_for_edit(dir.path(), "no-such-routine").unwrap_err();
        assert_eq!(e.to_string(), "no routine named \"no-such-routine\"");
        let (path, copied) = file_for_edit(dir.path(), crate::routine::DEFAULT_ROUTINE).unwrap();
        assert!(copied && path.exists());
        assert_eq!(file_for_edit(dir.path(), crate::routine::DEFAULT_ROUTINE).unwrap(), (path, false));
    }
}
