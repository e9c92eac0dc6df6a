//! Crash-safe file replacement: write a temp file beside the target, fsync it,
//! rename it over the target, fsync the directory. A crash at any point leaves
//! either the old file or the new one, never a mix.

use std::fs::File;
use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};

/// Replaces (or creates) `path` with `bytes` atomically and durably.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".winddown-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .with_context(|| format!("cannot create a temporary file in {}", dir.display()))?;
    tmp.write_all(bytes).with_context(|| format!("cannot write {}", path.display()))?;
    tmp.as_file().sync_all().with_context(|| format!("cannot sync {}", path.display()))?;
    tmp.persist(path).with_context(|| format!("cannot replace {}", path.display()))?;
    sync_dir(dir)
}

/// Makes a rename or a new file in `dir` durable.
pub fn sync_dir(dir: &Path) -> Result<()> {
    File::open(dir).and_then(|d| d.sync_all()).with_context(|| format!("cannot sync directory {}", dir.display()))
}

/// Creates `path` with `bytes`, failing if it exists (never overwrites).
pub fn write_new(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let mut tmp = tempfile::Builder::new().prefix(".winddown-").suffix(".tmp").tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist_noclobber(path).map_err(|e| e.error).with_context(|| format!("cannot create {}", path.display()))?;
    sync_dir(dir)
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
