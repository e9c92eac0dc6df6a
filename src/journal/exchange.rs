//! Export (JSON, CSV) and import (a JSON export, merged without guessing).

use std::collections::{BTreeMap, HashMap};
use std::io::Write;

use serde::{Deserialize, Serialize};

use super::choices::Choice;
use super::entries::Entries;
use super::model::{Record, RecordKey};
use super::store::{Journal, JournalError, Month};

/// Version of the export format.
pub const EXPORT_VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Export {
    /// Always "export".
    pub winddown: String,
    pub version: u32,
    pub records: Vec<Record>,
}

/// Writes the JSON export: one JSON object whose `records` are journal lines,
/// one record per line so the file stays readable and diffable.
pub fn write_export_json(lines: &[String], out: &mut impl Write) -> std::io::Result<()> {
    writeln!(out, "{{\"winddown\":\"export\",\"version\":{EXPORT_VERSION},\"records\":[")?;
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            out.write_all(b",\n")?;
        }
        // Journal lines are serde_json's: only DEL, C1 and bidi controls can be raw.
        out.write_all(crate::text::json_visible(line).as_bytes())?;
    }
    out.write_all(b"\n]}\n")
}

/// The JSON export of parsed entries (each record serialized as the journal writes it).
pub fn export_json(entries: &Entries) -> String {
    let lines: Vec<String> = entries.record_refs().filter_map(|r| serde_json::to_string(&r).ok()).collect();
    let mut out = Vec::new();
    write_export_json(&lines, &mut out).unwrap_or_default();
    String::from_utf8(out).unwrap_or_default()
}

/// Columns of the CSV export: one row per night.
pub const CSV_COLUMNS: &[&str] = &[
    "night",
    "routine",
    "routine_completed",
    "routine_started",
    "steps_done",
    "steps_total",
    "speed",
    "rest_reason",
    "checked_in",
    "cramps",
    "pain",
    "longest_s",
    "where",
    "disturbed",
    "quality",
    "rested",
    "into_bed",
    "fall_asleep_min",
    "awakenings",
    "final_wake",
    "triggers",
    "tags",
    "one_leg_swollen",
    "lasting_numbness",
    "logged_cramps",
    "note",
];

/// The CSV export as a string.
pub fn export_csv(entries: &Entries) -> Result<String, csv::Error> {
    let mut out = Vec::new();
    write_export_csv(entries, &mut out)?;
    Ok(String::from_utf8(out).unwrap_or_default())
}

/// Writes the CSV export: a header, then one row per night that has any record.
/// Cells go through [`crate::text::csv_cell`]: control characters are made
/// visible and a cell a spreadsheet would read as a formula starts with `'`.
pub fn write_export_csv(entries: &Entries, out: &mut impl Write) -> Result<(), csv::Error> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(CSV_COLUMNS)?;
    let opt = |v: Option<String>| v.unwrap_or_default();
    for (night, n) in &entries.nights {
        let run = n.best_run();
        let c = n.checkin.as_ref();
        let spots = |list: Vec<String>| list.join(";");
        let row = vec![
            night.to_string(),
            opt(run.map(|r| r.routine.clone())),
            if run.is_some() { n.completed().to_string() } else { String::new() },
            opt(run.map(|r| r.started.to_rfc3339())),
            opt(run.map(|r| r.steps_done().to_string())),
            opt(run.map(|r| r.steps.len().to_string())),
            opt(run.map(|r| r.speed.to_string())),
            opt(n.rest.as_ref().map(|r| r.reason.clone())),
            c.is_some().to_string(),
            opt(c.map(|c| c.cramps.to_string())),
            opt(c.and_then(|c| c.pain).map(|p| p.to_string())),
            opt(c.and_then(|c| c.longest_s).map(|p| p.to_string())),
            opt(c.map(|c| spots(c.places.iter().map(|s| spot_name(s.place, s.side)).collect()))),
            opt(c.and_then(|c| c.disturbed).map(|p| p.to_string())),
            opt(c.and_then(|c| c.quality).map(|q| q.name().to_string())),
            opt(c.and_then(|c| c.rested).map(|q| q.name().to_string())),
            opt(c.and_then(|c| c.sleep.into_bed).map(|t| t.format("%H:%M").to_string())),
            opt(c.and_then(|c| c.sleep.fall_asleep_min).map(|p| p.to_string())),
            opt(c.and_then(|c| c.sleep.awakenings).map(|p| p.to_string())),
            opt(c.and_then(|c| c.sleep.final_wake).map(|t| t.format("%H:%M").to_string())),
            opt(c.map(|c| spots(c.triggers.iter().map(|t| t.name().to_string()).collect()))),
            opt(c.map(|c| c.tags.join(";"))),
            opt(c.and_then(|c| c.red_flags.one_leg_swollen).map(|b| b.to_string())),
            opt(c.and_then(|c| c.red_flags.lasting_numbness).map(|b| b.to_string())),
            spots(n.cramps.iter().map(|c| format!("{}@{}", cramp_name(c), c.at.format("%H:%M"))).collect()),
            opt(c.map(|c| c.note.clone())),
        ];
        // Every cell is shown, not run: no control characters, no formulas.
        for cell in &row {
            w.write_field(crate::text::csv_cell(cell).as_bytes())?;
        }
        w.write_record(std::iter::empty::<&[u8]>())?;
    }
    w.flush()?;
    Ok(())
}

/// Where a logged cramp was, or "unknown" when it was not said.
pub fn cramp_name(c: &super::model::Cramp) -> String {
    c.place.map_or_else(|| "unknown".to_string(), |p| spot_name(p, c.side))
}

/// "calf-left", "foot", the form used on the command line and in the CSV.
pub fn spot_name(place: super::model::Place, side: Option<super::model::LegSide>) -> String {
    match side {
        Some(s) => format!("{}-{}", place.name(), s.name()),
        None => place.name().to_string(),
    }
}

/// What an import did (or, with conflicts, would not do).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct ImportReport {
    pub added: usize,
    pub unchanged: usize,
    /// Records that differ from what the journal (or the same file) already holds.
    pub conflicts: Vec<String>,
}

/// What an export says about itself, read before its records (which are
/// skipped over here without being kept).
#[derive(Deserialize)]
struct ExportHeader {
    #[serde(default)]
    winddown: Option<serde_json::Value>,
    #[serde(default)]
    version: Option<serde_json::Value>,
}

/// Why an export file was not read.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("not a winddown JSON export: {0}")]
    NotJson(#[source] serde_json::Error),
    /// JSON, but not a winddown export.
    #[error("not a winddown JSON export (it has no \"winddown\": \"export\")")]
    NotExport,
    #[error("made by a newer winddown (export format {0}; this one reads {EXPORT_VERSION})")]
    Newer(u64),
    /// An export whose records do not read.
    #[error("invalid export: {0}")]
    Invalid(#[source] serde_json::Error),
}

/// Reads an export file's text. The records are read straight into their
/// types (no intermediate JSON tree), so memory stays near the records' size.
pub fn parse_export(text: &str) -> Result<Vec<Record>, ExportError> {
    let header: ExportHeader = serde_json::from_str(text).map_err(ExportError::NotJson)?;
    if header.winddown.as_ref().and_then(|v| v.as_str()) != Some("export") {
        return Err(ExportError::NotExport);
    }
    if let Some(v) = header.version.as_ref().and_then(|v| v.as_u64())
        && v > u64::from(EXPORT_VERSION)
    {
        return Err(ExportError::Newer(v));
    }
    let export: Export = serde_json::from_str(text).map_err(ExportError::Invalid)?;
    Ok(export.records)
}

/// Merges records into the journal: new ones are added, identical ones skipped,
/// and if any differs from what is there, nothing at all is written.
pub fn import(journal: &Journal, records: Vec<Record>) -> Result<ImportReport, JournalError> {
    let months = records.iter().map(|r| Month::of(r.night())).collect();
    journal.transaction(months, |data| {
        let mut report = ImportReport::default();
        let mut seen: BTreeMap<RecordKey, &Record> = BTreeMap::new();
        // Each month's records by key, built once per month: a large import
        // stays linear instead of searching the month for every record.
        let mut indexes: BTreeMap<Month, HashMap<RecordKey, usize>> = BTreeMap::new();
        for r in &records {
            let key = r.key();
            if let Some(prev) = seen.insert(key.clone(), r) {
                if prev != r {
                    report.conflicts.push(format!("{}: the file holds two different {}", r.night(), kind_name(r)));
                }
                continue;
            }
            let month = Month::of(r.night());
            let list = data.entry(month).or_default();
            let index =
                indexes.entry(month).or_insert_with(|| list.iter().enumerate().map(|(i, x)| (x.key(), i)).collect());
            match index.get(&key).map(|&i| &list[i]) {
                Some(existing) if existing == r => report.unchanged += 1,
                Some(_) => report.conflicts.push(format!(
                    "{}: the journal already has a different {}",
                    r.night(),
                    kind_name(r)
                )),
                None => {
                    index.insert(key, list.len());
                    list.push(r.clone());
                    report.added += 1;
                }
            }
        }
        if !report.conflicts.is_empty() {
            // Undo by failing the transaction: nothing is written.
            return Err(JournalError::Refused(conflict_message(&report)));
        }
        // A month the journal could not read back is never written.
        if let Some(message) = too_large(data, super::month_file::MONTH_FILE_LIMIT) {
            return Err(JournalError::Refused(message));
        }
        Ok(report)
    })
}

/// Says which month would grow past `limit` bytes of records, if any.
fn too_large(data: &BTreeMap<Month, Vec<Record>>, limit: u64) -> Option<String> {
    data.iter().find_map(|(month, records)| {
        let size: u64 = records.iter().map(|r| serde_json::to_string(r).map_or(0, |l| l.len() as u64 + 1)).sum();
        (size > limit).then(|| {
            format!(
                "import refused, nothing was written: {:04}-{:02} would hold {} of records, more than a month file may ({})",
                month.0,
                month.1,
                crate::input_file::size_text(size),
                crate::input_file::size_text(limit)
            )
        })
    })
}

fn conflict_message(report: &ImportReport) -> String {
    format!(
        "import refused, nothing was written: {} conflicting record{}:\n  {}",
        report.conflicts.len(),
        if report.conflicts.len() == 1 { "" } else { "s" },
        report.conflicts.join("\n  ")
    )
}

fn kind_name(r: &Record) -> &'static str {
    match r {
        Record::Run(_) => "routine run (same start time)",
        Record::Checkin(_) => "check-in",
        Record::Cramp(_) => "cramp",
        Record::Rest(_) => "rest night",
    }
}

#[cfg(test)]
mod size_tests {
    use super::*;
    use crate::journal::Quality;
    use crate::journal::test_records::checkin;

    /// An import that would take a month past what the journal reads back is refused.
    #[test]
    fn a_month_past_the_read_limit_is_named() {
        let records: Vec<Record> =
            (1..=20u32).map(|d| checkin(format!("2026-10-{d:02}").parse().unwrap(), 0, None, Quality::Good)).collect();
        let data: BTreeMap<Month, Vec<Record>> = [(Month(2026, 10), records)].into_iter().collect();
        let message = too_large(&data, 500).expect("over 500 bytes");
        assert!(message.contains("2026-10 would hold"), "{message}");
        assert!(too_large(&data, 1 << 20).is_none());
    }
}
