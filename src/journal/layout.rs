//! The journal folder's file names: which files hold records, for which month,
//! and which are copies made by a sync tool.
//!
//! - `2026-11.jsonl`: the month file.
//! - `2026-11.contested.jsonl`: other answers for records of the month that
//!   disagree with the month file, kept until the user picks one.
//! - A sync tool's conflict copy of either (Syncthing, Dropbox, Nextcloud,
//!   ownCloud, Resilio): the month's name, then a tag with the word "conflict",
//!   then `.jsonl`. Copies are read with their month and folded into it by the
//!   next write.
//! - `.winddown-*`: files winddown derives or uses while writing (the facts
//!   cache, temp files). They hold nothing that is not in the records and
//!   need not be synced.

use std::time::{Duration, SystemTime};

use super::store::Month;

/// The prefix of every file that holds no records: one ignore pattern for sync tools.
pub const DERIVED_PREFIX: &str = ".winddown-";
/// The suffix of the other answers file (after the month).
const CONTESTED: &str = ".contested.jsonl";

/// What a record file is to its month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Role {
    /// `2026-11.jsonl`.
    Month,
    /// `2026-11.contested.jsonl`.
    Contested,
    /// A sync tool's conflict copy of the month file.
    Copy(Tool),
    /// A sync tool's conflict copy of the other answers file.
    ContestedCopy(Tool),
}

impl Role {
    /// A sync tool's copy: folded into its month by the next write, then removed.
    pub fn is_copy(self) -> bool {
        matches!(self, Role::Copy(_) | Role::ContestedCopy(_))
    }

    /// Holds other answers: several records may share a key, none replaces another.
    pub fn holds_others(self) -> bool {
        matches!(self, Role::Contested | Role::ContestedCopy(_))
    }

    pub fn tool(self) -> Option<Tool> {
        match self {
            Role::Copy(t) | Role::ContestedCopy(t) => Some(t),
            _ => None,
        }
    }
}

/// The sync tool that made a conflict copy, judged by its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Tool {
    Syncthing,
    Dropbox,
    Nextcloud,
    OwnCloud,
    Resilio,
    /// Another tool whose copies carry the word "conflict".
    Other,
}

impl Tool {
    pub fn name(self) -> &'static str {
        match self {
            Tool::Syncthing => "Syncthing",
            Tool::Dropbox => "Dropbox",
            Tool::Nextcloud => "Nextcloud/ownCloud",
            Tool::OwnCloud => "ownCloud",
            Tool::Resilio => "Resilio",
            Tool::Other => "another sync tool",
        }
    }
}

/// The month and role of a record file, or `None` for any other file.
pub fn classify(name: &str) -> Option<(Month, Role)> {
    if name.len() < 7 || !name.is_char_boundary(7) {
        return None;
    }
    let (stem, rest) = name.split_at(7);
    let month = parse_month(stem)?;
    if rest == ".jsonl" {
        return Some((month, Role::Month));
    }
    if rest == CONTESTED {
        return Some((month, Role::Contested));
    }
    // A copy: the month's name, a tag that does not continue the date, `.jsonl`.
    let tag = rest.strip_suffix(".jsonl")?;
    if tag.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let lower = tag.to_lowercase();
    if !lower.contains("conflict") {
        return None;
    }
    let tool = tool_of(tag, &lower);
    if tag.starts_with(".contested") {
        return Some((month, Role::ContestedCopy(tool)));
    }
    Some((month, Role::Copy(tool)))
}

fn tool_of(tag: &str, lower: &str) -> Tool {
    if lower.contains(".sync-conflict-") {
        Tool::Syncthing
    } else if lower.contains("'s conflicted copy") || lower.contains("\u{2019}s conflicted copy") {
        Tool::Dropbox
    } else if lower.contains("(conflicted copy") || lower.contains("(conflict ") {
        Tool::Nextcloud
    } else if lower.contains("_conflict-") {
        Tool::OwnCloud
    } else if tag.contains(".Conflict") {
        Tool::Resilio
    } else {
        Tool::Other
    }
}

fn parse_month(stem: &str) -> Option<Month> {
    let (y, m) = stem.split_once('-')?;
    if y.len() != 4 || m.len() != 2 || !stem.bytes().all(|b| b.is_ascii_digit() || b == b'-') {
        return None;
    }
    let month = Month(y.parse().ok()?, m.parse().ok()?);
    (1..=12).contains(&month.1).then_some(month)
}

pub fn contested_name(month: Month) -> String {
    format!("{:04}-{:02}{CONTESTED}", month.0, month.1)
}

/// The prefix of the facts cache's temp files, written without the journal lock.
pub const CACHE_TEMP_PREFIX: &str = ".winddown-cache-";

/// A temp file left by a killed winddown write, to be removed by a writer that
/// holds the journal lock. Journal writes name theirs `.winddown-XXXXXX.tmp`
/// (as [`crate::fsutil::write_atomic`] does) and make them only under the lock,
/// so while we hold it any such file is an orphan. The facts cache writes
/// `.winddown-cache-XXXXXX.tmp` without the lock, so one of those is an orphan
/// only once it is older than any cache write takes (a minute).
pub fn is_orphan_temp(name: &str, modified: Option<SystemTime>, now: SystemTime) -> bool {
    let random_part = |r: &str| r.len() == 6 && r.bytes().all(|b| b.is_ascii_alphanumeric());
    if let Some(r) = name.strip_prefix(CACHE_TEMP_PREFIX).and_then(|r| r.strip_suffix(".tmp")) {
        return random_part(r)
            && modified.and_then(|m| now.duration_since(m).ok()).is_some_and(|age| age > Duration::from_secs(60));
    }
    name.strip_prefix(DERIVED_PREFIX).and_then(|r| r.strip_suffix(".tmp")).is_some_and(random_part)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_and_contested_files() {
        assert_eq!(classify("2026-11.jsonl"), Some((Month(2026, 11), Role::Month)));
        assert_eq!(classify("2026-11.contested.jsonl"), Some((Month(2026, 11), Role::Contested)));
        for other in ["2026-13.jsonl", "2026-11.jsonl.tmp", "2026-110.jsonl", ".winddown-facts.cache", "x2026-11.jsonl"]
        {
            assert_eq!(classify(other), None, "{other}");
        }
        assert_eq!(classify("2026-11 copy.jsonl"), None, "a copy without the word conflict is not ours to read");
    }

    #[test]
    fn every_tool_s_conflict_copies() {
        let cases = [
            ("2026-11.sync-conflict-20261125-081502-ABCDEFG.jsonl", Tool::Syncthing),
            ("2026-11 (Laptop's conflicted copy 2026-11-25).jsonl", Tool::Dropbox),
            ("2026-11 (Laptop\u{2019}s conflicted copy 2026-11-25 (1)).jsonl", Tool::Dropbox),
            ("2026-11 (conflicted copy 2026-11-25 081502).jsonl", Tool::Nextcloud),
            ("2026-11 (conflicted copy anna 2026-11-25 081502).jsonl", Tool::Nextcloud),
            ("2026-11 (conflict 2026-11-25 081502).jsonl", Tool::Nextcloud),
            ("2026-11_conflict-20261125-081502.jsonl", Tool::OwnCloud),
            ("2026-11_conflict-anna-20261125-081502.jsonl", Tool::OwnCloud),
            ("2026-11.Conflict.jsonl", Tool::Resilio),
            ("2026-11.Conflict1.jsonl", Tool::Resilio),
            ("2026-11-conflict.jsonl", Tool::Other),
        ];
        for (name, tool) in cases {
            assert_eq!(classify(name), Some((Month(2026, 11), Role::Copy(tool))), "{name}");
        }
        assert_eq!(
            classify("2026-11.contested.sync-conflict-20261125-081502-ABCDEFG.jsonl"),
            Some((Month(2026, 11), Role::ContestedCopy(Tool::Syncthing)))
        );
    }

    #[test]
    fn only_old_temp_files_of_ours_are_orphans() {
        let now = SystemTime::now();
        let old = Some(now - Duration::from_secs(120));
        assert!(is_orphan_temp(".winddown-a1B2c3.tmp", Some(now), now), "journal temps live only under the lock");
        assert!(is_orphan_temp(".winddown-cache-a1B2c3.tmp", old, now));
        assert!(!is_orphan_temp(".winddown-cache-a1B2c3.tmp", Some(now), now), "a cache write may be under way");
        assert!(!is_orphan_temp(".winddown-facts.cache", old, now));
        assert!(!is_orphan_temp(".syncthing.2026-11.jsonl.tmp", old, now));
        assert!(!is_orphan_temp(".winddown-notours-x.tmp", old, now));
    }
}
