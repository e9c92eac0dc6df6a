//! Reading a file the user gave us (an import, a routine, the settings):
//! only regular files, and never more than a limit suited to what the file is.
//! A FIFO does not block, a device (`/dev/zero`) is refused before a byte is
//! read, and memory never grows past the limit (plus one byte).

use std::fs::OpenOptions;
use std::io::Read;
use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
use std::path::Path;

/// An export given to `winddown import`.
pub const IMPORT_LIMIT: u64 = 64 * 1024 * 1024;
/// A routine file (the routine parser refuses larger ones too).
pub const ROUTINE_LIMIT: u64 = crate::routine::parse::MAX_FILE_BYTES as u64;
/// The settings file.
pub const CONFIG_LIMIT: u64 = 64 * 1024;

/// Why a file was not read.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    /// Opening or reading failed (missing file, permissions, I/O).
    #[error(transparent)]
    Io(#[from] std::io::Error),
    /// A directory, FIFO, device or socket: what it is.
    #[error("it is {0}, not a regular file")]
    NotAFile(&'static str),
    /// Larger than the limit, in bytes.
    #[error("it is larger than the limit of {}", size_text(*.0))]
    TooLarge(u64),
    /// Asked for as text, but not UTF-8.
    #[error("not valid UTF-8 text")]
    NotText,
}

impl InputError {
    pub fn is_not_found(&self) -> bool {
        matches!(self, InputError::Io(e) if e.kind() == std::io::ErrorKind::NotFound)
    }
}

/// "64 MiB", "256 KiB", "100 bytes".
pub fn size_text(bytes: u64) -> String {
    match bytes {
        b if b >= 1 << 20 && b % (1 << 20) == 0 => format!("{} MiB", b >> 20),
        b if b >= 1 << 10 && b % (1 << 10) == 0 => format!("{} KiB", b >> 10),
        b => format!("{b} bytes"),
    }
}

/// The whole of `path` if it is a regular file of at most `limit` bytes.
pub fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, InputError> {
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer.
    // It changes nothing for a regular file. O_NOCTTY: never adopt a terminal.
    let file = OpenOptions::new().read(true).custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY).open(path)?;
    let meta = file.metadata()?;
    let kind = meta.file_type();
    if !kind.is_file() {
        return Err(InputError::NotAFile(if kind.is_dir() {
            "a directory"
        } else if kind.is_fifo() {
            "a FIFO (named pipe)"
        } else if kind.is_socket() {
            "a socket"
        } else {
            "a device"
        }));
    }
    if meta.len() > limit {
        return Err(InputError::TooLarge(limit));
    }
    // The size may change while we read (or lie, like /proc files): the read stops one byte past the limit.
    let mut bytes = Vec::with_capacity(meta.len() as usize + 1);
    file.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(InputError::TooLarge(limit));
    }
    Ok(bytes)
}

/// Like [`read_limited`], as UTF-8 text.
pub fn read_text_limited(path: &Path, limit: u64) -> Result<String, InputError> {
    String::from_utf8(read_limited(path, limit)?).map_err(|_| InputError::NotText)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_small_file_and_refuses_a_large_one() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("f");
        std::fs::write(&p, b"hello").unwrap();
        assert_eq!(read_limited(&p, 5).unwrap(), b"hello");
        assert!(matches!(read_limited(&p, 4), Err(InputError::TooLarge(4))));
        assert_eq!(read_limited(&p, 4).unwrap_err().to_string(), "it is larger than the limit of 4 bytes");
        std::fs::write(&p, b"\xff").unwrap();
        let e = read_text_limited(&p, 5).unwrap_err();
        assert!(matches!(e, InputError::NotText), "{e:?}");
        assert_eq!(e.to_string(), "not valid UTF-8 text");
    }

    #[test]
    fn refuses_what_is_not_a_regular_file() {
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(read_limited(dir.path(), 10), Err(InputError::NotAFile("a directory"))));
        assert!(matches!(read_limited(Path::new("/dev/zero"), 10), Err(InputError::NotAFile("a device"))));
        let fifo = dir.path().join("fifo");
        let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        // SAFETY: mkfifo(3) with a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        // Must not block waiting for a writer.
        assert!(matches!(read_limited(&fifo, 10), Err(InputError::NotAFile("a FIFO (named pipe)"))));
        assert!(read_limited(&dir.path().join("missing"), 10).unwrap_err().is_not_found());
    }

    #[test]
    fn a_file_that_lies_about_its_size_stops_at_the_limit() {
        // /proc files report size 0 but have content.
        match read_limited(Path::new("/proc/self/status"), 16) {
            Err(InputError::TooLarge(16)) => {}
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn sizes_read_well() {
        assert_eq!(size_text(IMPORT_LIMIT), "64 MiB");
        assert_eq!(size_text(ROUTINE_LIMIT), "256 KiB");
        assert_eq!(size_text(CONFIG_LIMIT), "64 KiB");
        assert_eq!(size_text(1000), "1000 bytes");
    }
}
