//! Where routines come from: the shipped ones embedded in the binary, and the
//! user's folder, whose files override shipped routines of the same name.

use std::path::{Path, PathBuf};

use super::diagnostic::Diagnostic;
use super::model::Routine;
use super::parse::{parse_routine, parse_routine_bytes, too_large};
use crate::input_file::{InputError, ROUTINE_LIMIT, read_limited};

/// The routine the app runs when none is named.
pub const DEFAULT_ROUTINE: &str = "cramp-guard";

/// Shipped routines: (id, file text).
pub const BUILTINS: &[(&str, &str)] = &[
    ("cramp-guard", include_str!("../../routines/cramp-guard.toml")),
    ("hallegraeff-2012", include_str!("../../routines/hallegraeff-2012.toml")),
    ("two-minute", include_str!("../../routines/two-minute.toml")),
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    BuiltIn,
    User(PathBuf),
}

impl Origin {
    /// "built-in" or the file's path, for lists.
    pub fn describe(&self) -> String {
        match self {
            Origin::BuiltIn => "built-in".into(),
            Origin::User(p) => p.display().to_string(),
        }
    }
}

/// One routine as found: valid, or with the errors that keep it from running.
#[derive(Debug, Clone)]
pub struct Entry {
    pub id: String,
    pub origin: Origin,
    /// A user file of the same name replaces this built-in routine.
    pub overrides_builtin: bool,
    pub routine: Result<Routine, Vec<Diagnostic>>,
}

/// All routines known to the app, sorted by id.
#[derive(Debug, Clone, Default)]
pub struct Library {
    pub entries: Vec<Entry>,
    /// Problems reading the user folder itself (not a file in it).
    pub folder_error: Option<String>,
}

impl Library {
    /// Loads the built-ins and every `*.toml` in `user_dir` (which may not exist yet).
    /// A broken user file becomes an entry with its errors; it never hides the others.
    pub fn load(user_dir: &Path) -> Library {
        let mut entries: Vec<Entry> = BUILTINS
            .iter()
            .map(|(id, text)| Entry {
                id: id.to_string(),
                origin: Origin::BuiltIn,
                overrides_builtin: false,
                routine: parse_routine(id, &format!("built-in:{id}.toml"), text),
            })
            .collect();
        let mut folder_error = None;
        match user_files(user_dir) {
            Ok(files) => {
                for path in files {
                    let id = file_id(&path);
                    let routine = load_path(&path, &id);
                    let entry = Entry { id: id.clone(), origin: Origin::User(path), overrides_builtin: false, routine };
                    match entries.iter_mut().find(|e| e.id == id) {
                        Some(existing) => *existing = Entry { overrides_builtin: true, ..entry },
                        None => entries.push(entry),
                    }
                }
            }
            Err(e) => folder_error = Some(format!("cannot read {}: {e}", user_dir.display())),
        }
        entries.sort_by(|a, b| a.id.cmp(&b.id));
        Library { entries, folder_error }
    }

    pub fn find(&self, id: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.id == id)
    }

    pub fn ids(&self) -> Vec<&str> {
        self.entries.iter().map(|e| e.id.as_str()).collect()
    }
}

/// The shipped text of a built-in routine.
pub fn builtin_text(id: &str) -> Option<&'static str> {
    BUILTINS.iter().find(|(n, _)| *n == id).map(|(_, t)| *t)
}

/// The routine id a file stands for: its name without `.toml`.
pub fn file_id(path: &Path) -> String {
    path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default()
}

/// Reads and validates one routine file from disk.
pub fn load_path(path: &Path, id: &str) -> Result<Routine, Vec<Diagnostic>> {
    let shown = path.display().to_string();
    // Only a regular file, refused (not loaded) when huge; a FIFO never blocks.
    let bytes = match read_limited(path, ROUTINE_LIMIT) {
        Ok(bytes) => bytes,
        Err(InputError::TooLarge(_)) => {
            let len = std::fs::metadata(path).map_or(ROUTINE_LIMIT + 1, |m| m.len().max(ROUTINE_LIMIT + 1));
            return Err(vec![too_large(&shown, len)]);
        }
        Err(e) => return Err(vec![Diagnostic::file_level(&shown, "", format!("cannot read the file: {e}"))]),
    };
    parse_routine_bytes(id, &shown, &bytes)
}

/// `*.toml` files directly in `dir`, sorted; a missing folder is simply empty.
fn user_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let read = match std::fs::read_dir(dir) {
        Ok(r) => r,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    let mut files = Vec::new();
    for entry in read {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "toml") && path.is_file() {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// Whether `name` can be a routine file name: lowercase letters, digits, `-` and `_`.
pub fn is_safe_id(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        && name.len() <= 64
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}
