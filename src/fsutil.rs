//! Crash-safe file replacement: write a temp file beside the target, fsync it,
//! rename it over the target, fsync the directory. A crash at any point leaves
//! either the old file or the new one, never a mix.

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

/// A step of changing the file system, as a failure names it ("cannot replace …").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileOp {
    /// Making a folder (and its parents).
    CreateDir,
    /// Making the temporary file the new text is written to.
    CreateTemp,
    Write,
    /// Flushing a file to the disk.
    Sync,
    /// Renaming the temporary file over the target.
    Replace,
    /// Flushing a folder (a rename or a new file in it) to the disk.
    SyncDir,
    /// Giving a new file its name, never over an existing one.
    CreateNew,
    /// Moving a file to another name.
    Move,
}

impl std::fmt::Display for FileOp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            FileOp::CreateDir | FileOp::CreateNew => "create",
            FileOp::CreateTemp => "create a temporary file in",
            FileOp::Write => "write",
            FileOp::Sync => "sync",
            FileOp::Replace => "replace",
            FileOp::SyncDir => "sync directory",
            FileOp::Move => "move",
        })
    }
}

/// A change to the file system that failed: what was done, to which path, and why.
#[derive(Debug, thiserror::Error)]
#[error("cannot {op} {}: {source}", path.display())]
pub struct WriteError {
    pub op: FileOp,
    pub path: PathBuf,
    #[source]
    pub source: std::io::Error,
}

impl WriteError {
    /// `op` on `path` failed with `source`.
    pub fn new(op: FileOp, path: &Path, source: std::io::Error) -> WriteError {
        WriteError { op, path: path.to_path_buf(), source }
    }

    /// A `map_err` adapter: the I/O error of `op` on `path`.
    pub fn on(op: FileOp, path: &Path) -> impl FnOnce(std::io::Error) -> WriteError + '_ {
        move |source| WriteError::new(op, path, source)
    }
}

/// Replaces (or creates) `path` with `bytes` atomically and durably.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    let (dir, tmp) = temp_beside(path, bytes)?;
    tmp.persist(path).map_err(|e| WriteError::new(FileOp::Replace, path, e.error))?;
    sync_dir(dir)
}

/// Makes a rename or a new file in `dir` durable.
pub fn sync_dir(dir: &Path) -> Result<(), WriteError> {
    File::open(dir).and_then(|d| d.sync_all()).map_err(WriteError::on(FileOp::SyncDir, dir))
}

/// Creates `path` with `bytes`, failing if it exists (never overwrites).
pub fn write_new(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    let (dir, tmp) = temp_beside(path, bytes)?;
    tmp.persist_noclobber(path).map_err(|e| WriteError::new(FileOp::CreateNew, path, e.error))?;
    sync_dir(dir)
}

/// A synced temporary file holding `bytes` in the folder of `path` (made if
/// missing), and that folder.
fn temp_beside<'a>(path: &'a Path, bytes: &[u8]) -> Result<(&'a Path, tempfile::NamedTempFile), WriteError> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(WriteError::on(FileOp::CreateDir, dir))?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".winddown-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(WriteError::on(FileOp::CreateTemp, dir))?;
    tmp.write_all(bytes).map_err(WriteError::on(FileOp::Write, path))?;
    tmp.as_file().sync_all().map_err(WriteError::on(FileOp::Sync, path))?;
    Ok((dir, tmp))
}

/// Why new files cannot be made in `dir` (or, while it does not exist yet, in
/// its nearest existing parent, where it would be created), if they cannot.
pub fn dir_unwritable(dir: &Path) -> Option<String> {
    use std::os::unix::ffi::OsStrExt;
    let existing = dir.ancestors().find(|d| !d.as_os_str().is_empty() && d.exists())?;
    let c = std::ffi::CString::new(existing.as_os_str().as_bytes()).ok()?;
    // SAFETY: access(2) with a valid NUL-terminated path; it only reads it.
    if unsafe { libc::access(c.as_ptr(), libc::W_OK | libc::X_OK) } == 0 {
        return None;
    }
    let e = std::io::Error::last_os_error();
    Some(format!("cannot write in {}: {e}", existing.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_write_names_the_step_the_path_and_the_cause() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("f");
        std::fs::write(&file, "x").unwrap();
        // A folder cannot be made where a file is.
        let e = write_atomic(&file.join("g"), b"y").unwrap_err();
        assert_eq!(e.op, FileOp::CreateDir);
        assert!(e.to_string().starts_with(&format!("cannot create {}: ", file.display())), "{e}");
        // write_new never overwrites, and says which file it did not create.
        let e = write_new(&file, b"y").unwrap_err();
        assert_eq!((e.op, e.source.kind()), (FileOp::CreateNew, std::io::ErrorKind::AlreadyExists));
        assert!(e.to_string().starts_with(&format!("cannot create {}: ", file.display())), "{e}");
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "x");
    }
}
