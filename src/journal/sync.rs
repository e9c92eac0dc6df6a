//! One record on two machines: what a sync tool left in the journal folder,
//! the contradictions waiting for the user, and the user's pick.

use std::collections::BTreeMap;

use serde::Serialize;

use super::layout::{self, Role};
use super::merge::{self, Contradiction};
use super::model::{Record, RecordKey};
use super::month_file::read_month_file;
use super::store::{Journal, JournalError, Month};

/// The journal folder's state, as `winddown journal check` reports it.
#[derive(Debug, Default, Serialize)]
pub struct Health {
    /// Month files.
    pub month_files: usize,
    /// Records that stand (month files and conflict copies merged).
    pub records: usize,
    /// Sync tools' conflict copies found, read with their month.
    pub copies: Vec<CopyFound>,
    /// Files of other answers kept until the user picks.
    pub contested_files: usize,
    /// Records with two or more different answers.
    pub contradictions: usize,
    /// Temp files a killed write left (the next write removes them).
    pub temp_files: usize,
    /// Record files that cannot be read: left as they are.
    pub unreadable: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct CopyFound {
    pub file: String,
    pub tool: &'static str,
    pub records: usize,
    /// Records it holds that the month file does not (new nights or other answers).
    pub new_records: usize,
}

impl Journal {
    /// Every record with two or more different answers, oldest night first.
    /// Reads only months that have conflict copies or other answers.
    pub fn contradictions(&self) -> Result<Vec<Contradiction>, JournalError> {
        let mut out = Vec::new();
        for set in self.month_sets()? {
            if set.files.iter().all(|(r, _)| *r == Role::Month) {
                continue;
            }
            out.extend(merge::contradictions(&set.read_merged()?));
        }
        Ok(out)
    }

    /// Settles a contradiction with the user's pick: `pick` becomes the record
    /// for `key` and the other answers for it are dropped. Refused when `pick`
    /// is not one of the answers now on disk (they changed since listed).
    pub fn resolve(&self, key: &RecordKey, pick: &Record) -> Result<(), JournalError> {
        if pick.key() != *key {
            return Err(JournalError::Refused("the answer picked is not about that record".into()));
        }
        let month = Month::of(pick.night());
        self.transaction_with_others(vec![month], |records, others| {
            let records = records.entry(month).or_default();
            let others = others.entry(month).or_default();
            let known = records.iter().chain(others.iter()).any(|r| r == pick);
            if !known || !others.iter().any(|r| r.key() == *key) {
                return Err(JournalError::Refused(
                    "that contradiction is no longer as listed (it was settled or changed); list it again with `winddown journal resolve`".into(),
                ));
            }
            others.retain(|r| r.key() != *key);
            match records.iter_mut().find(|r| r.key() == *key) {
                Some(r) => *r = pick.clone(),
                None => records.push(pick.clone()),
            }
            Ok(())
        })
    }

    /// Reads every record file on its own and reports; never fails on a bad
    /// file (it is listed as unreadable), only when the folder cannot be read.
    pub fn health(&self) -> Result<Health, JournalError> {
        let mut health = Health::default();
        for set in self.month_sets()? {
            let mut month_keys: BTreeMap<RecordKey, Record> = BTreeMap::new();
            let mut readable = true;
            for (role, path) in &set.files {
                let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                let records = match read_month_file(path, set.month) {
                    Ok(r) => r,
                    // Folded in and removed since the listing.
                    Err(_) if !path.exists() => continue,
                    Err(e) => {
                        health.unreadable.push(e.to_string());
                        readable = false;
                        continue;
                    }
                };
                match role {
                    Role::Month => {
                        health.month_files += 1;
                        month_keys = records.into_iter().map(|r| (r.key(), r)).collect();
                    }
                    Role::Contested => health.contested_files += 1,
                    Role::Copy(tool) | Role::ContestedCopy(tool) => {
                        let new_records = records.iter().filter(|r| month_keys.get(&r.key()) != Some(r)).count();
                        health.copies.push(CopyFound {
                            file: name,
                            tool: tool.name(),
                            records: records.len(),
                            new_records,
                        });
                    }
                }
            }
            if readable {
                let merged = set.read_merged()?;
                health.records += merged.records.len();
                health.contradictions += merge::contradictions(&merged).len();
            }
        }
        health.temp_files = self.temp_files();
        Ok(health)
    }

    fn temp_files(&self) -> usize {
        let Ok(read) = std::fs::read_dir(self.dir()) else { return 0 };
        read.flatten()
            .filter(|e| {
                let name = e.file_name();
                let name = name.to_string_lossy();
                name.starts_with(layout::DERIVED_PREFIX) && name.ends_with(".tmp")
            })
            .count()
    }
}
