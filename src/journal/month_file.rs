//! One month file's text: a header line with the format version, then one
//! record per line. Reading checks every line; writing is the exact inverse.

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::model::Record;
use super::store::{JournalError, Month, io_err};

/// Version of the journal file format this build reads and writes.
pub const JOURNAL_VERSION: u32 = 1;

const MAGIC: &str = "journal";

#[derive(Serialize, Deserialize)]
struct Header {
    winddown: String,
    version: u32,
}

/// The text of a month file.
pub fn month_text(records: &[Record]) -> String {
    let header = Header { winddown: MAGIC.into(), version: JOURNAL_VERSION };
    let mut out = serde_json::to_string(&header).unwrap_or_default();
    out.push('\n');
    for r in records {
        // Serializing our own plain structs cannot fail.
        out.push_str(&serde_json::to_string(r).unwrap_or_default());
        out.push('\n');
    }
    out
}

/// A month file holds a few dozen kilobytes (ten years of nights are 3 MB in
/// all): a larger file, or one that is not a regular file (a FIFO, a device),
/// is not one winddown wrote. It is refused, left as it is, and never read
/// into memory.
pub const MONTH_FILE_LIMIT: u64 = 32 << 20;

/// The bytes of a journal file (a month, a conflict copy), within
/// [`MONTH_FILE_LIMIT`]; `None` when it is not there.
pub fn read_journal_bytes(path: &Path) -> Result<Option<Vec<u8>>, JournalError> {
    match crate::input_file::read_limited(path, MONTH_FILE_LIMIT) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(e) if e.is_not_found() => Ok(None),
        Err(source) => Err(JournalError::Unreadable { path: path.to_path_buf(), source }),
    }
}

/// Reads and checks one month file: header, version, every line, every night in its month.
pub fn read_month_file(path: &Path, month: Month) -> Result<Vec<Record>, JournalError> {
    let bytes =
        read_journal_bytes(path)?.ok_or_else(|| io_err(path)(std::io::Error::from(std::io::ErrorKind::NotFound)))?;
    parse_month(path, month, &bytes)
}

pub fn parse_month(path: &Path, month: Month, bytes: &[u8]) -> Result<Vec<Record>, JournalError> {
    let mut records = Vec::new();
    parse_month_with(path, month, bytes, |r, _| records.push(r))?;
    Ok(records)
}

/// Checks a month file line by line, handing each record and its line to `keep`.
pub fn parse_month_with(
    path: &Path,
    month: Month,
    bytes: &[u8],
    mut keep: impl FnMut(Record, &str),
) -> Result<(), JournalError> {
    let corrupt = |line: usize, message: String| JournalError::Corrupt { file: path.to_path_buf(), line, message };
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()].iter().filter(|&&b| b == b'\n').count() + 1;
        corrupt(line, "not valid UTF-8 text".into())
    })?;
    let mut lines = text.split('\n').enumerate();
    let header_line = lines.next().map_or("", |(_, l)| l);
    let header: serde_json::Value = serde_json::from_str(header_line)
        .map_err(|_| corrupt(1, "the first line is not a winddown journal header".into()))?;
    if header.get("winddown").and_then(|v| v.as_str()) != Some(MAGIC) {
        return Err(corrupt(1, "the first line is not a winddown journal header".into()));
    }
    let version = header.get("version").and_then(|v| v.as_u64()).unwrap_or(0);
    if version > u64::from(JOURNAL_VERSION) {
        return Err(JournalError::Newer { file: path.to_path_buf(), version: version.min(u32::MAX as u64) as u32 });
    }
    if version != u64::from(JOURNAL_VERSION) {
        return Err(corrupt(1, format!("unknown journal format version {version}")));
    }
    let mut last_was_empty = false;
    for (i, line) in lines {
        if line.is_empty() {
            last_was_empty = true;
            continue;
        }
        if last_was_empty {
            return Err(corrupt(i, "unexpected empty line".into()));
        }
        let record = Record::from_line(line).map_err(|e| corrupt(i + 1, format!("unreadable record: {e}")))?;
        if Month::of(record.night()) != month {
            return Err(corrupt(
                i + 1,
                format!("a record for the night of {} does not belong in this month's file", record.night()),
            ));
        }
        keep(record, line);
    }
    Ok(())
}
