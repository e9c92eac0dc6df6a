//! `winddown journal check | resolve | merge-driver`: the journal on two
//! machines (Syncthing, Dropbox, Nextcloud, Resilio, git).

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Serialize;

use super::context::Ctx;
use super::exit::{CmdResult, Exit};
use crate::journal::layout;
use crate::journal::merge::{self, Contradiction};
use crate::journal::store::{month_text, parse_month};
use crate::journal::{Record, RecordKey};
use crate::text::visible;

/// Files the merge driver reads: a month is a few hundred kilobytes at most.
const MERGE_INPUT_LIMIT: u64 = 64 * 1024 * 1024;

/// Writes `text` to stdout; a closed pipe (`| head`) is not an error worth a message.
fn emit(text: &str) -> CmdResult {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Exit::failed(format!("cannot write: {e}"))),
        _ => Ok(()),
    }
}

macro_rules! say {
    ($out:ident, $($arg:tt)*) => {{
        use std::fmt::Write as _;
        let _ = writeln!($out, $($arg)*);
    }};
}

pub fn check(ctx: &Ctx, json: bool) -> CmdResult {
    let health = ctx.journal().health()?;
    let mut o = String::new();
    if json {
        say!(o, "{}", serde_json::to_string_pretty(&health).map_err(|e| Exit::failed(e.to_string()))?);
    } else {
        say!(o, "journal: {}", visible(&ctx.paths.journal_dir().display().to_string()));
        say!(o, "month files: {}", health.month_files);
        say!(o, "records: {}", health.records);
        say!(o, "conflict copies: {}", health.copies.len());
        for c in &health.copies {
            say!(
                o,
                "  {} ({}): {} records, {} not in the month file; read with it, folded in by the next write",
                visible(&c.file),
                c.tool,
                c.records,
                c.new_records
            );
        }
        say!(o, "contradictions waiting for you: {}", health.contradictions);
        if health.contradictions > 0 {
            say!(o, "  see them and pick with `winddown journal resolve`");
        }
        if health.temp_files > 0 {
            say!(o, "temp files left by interrupted writes: {} (the next write removes them)", health.temp_files);
        }
        for problem in &health.unreadable {
            say!(o, "unreadable: {}", visible(problem));
        }
    }
    emit(&o)?;
    if health.unreadable.is_empty() { Ok(()) } else { Err(Exit::failed(String::new())) }
}

#[derive(Serialize)]
struct ContradictionJson<'a> {
    night: NaiveDate,
    kind: &'static str,
    /// The answer that stands for now first.
    answers: &'a [Record],
}

/// Lists the contradictions, or settles the one about `night` with answer `pick` (1-based).
pub fn resolve(
    ctx: &Ctx,
    night: Option<NaiveDate>,
    kind: Option<String>,
    pick: Option<usize>,
    json: bool,
) -> CmdResult {
    let journal = ctx.journal();
    let all = journal.contradictions()?;
    let Some(night) = night else {
        if pick.is_some() {
            return Err(Exit::invalid("--pick needs the night: winddown journal resolve YYYY-MM-DD --pick N"));
        }
        return list(&all, json);
    };
    let mut here: Vec<&Contradiction> = all.iter().filter(|c| night_of(&c.key) == night).collect();
    if let Some(kind) = &kind {
        here.retain(|c| kind_of(&c.key) == kind.as_str());
    }
    let c = match here.as_slice() {
        [] => return Err(Exit::invalid(format!("no contradiction about the night of {night}"))),
        [c] => *c,
        _ => {
            return Err(Exit::invalid(format!(
                "the night of {night} has contradictions about its check-in and its rest night; add --kind checkin or --kind rest"
            )));
        }
    };
    let Some(pick) = pick else {
        return list(std::slice::from_ref(c), json);
    };
    let Some(answer) = pick.checked_sub(1).and_then(|i| c.versions.get(i)) else {
        return Err(Exit::invalid(format!("--pick must be between 1 and {}", c.versions.len())));
    };
    journal.resolve(&c.key, answer)?;
    if json {
        emit(&format!("{}\n", serde_json::json!({"night": night, "kind": kind_of(&c.key), "picked": answer})))
    } else {
        let plural = if c.versions.len() > 2 { "s" } else { "" };
        emit(&format!("the night of {night}: answer {pick} kept, the other{plural} dropped\n"))
    }
}

fn list(all: &[Contradiction], json: bool) -> CmdResult {
    let mut o = String::new();
    if json {
        let out: Vec<_> = all
            .iter()
            .map(|c| ContradictionJson { night: night_of(&c.key), kind: kind_of(&c.key), answers: &c.versions })
            .collect();
        say!(o, "{}", serde_json::to_string_pretty(&out).map_err(|e| Exit::failed(e.to_string()))?);
        return emit(&o);
    }
    if all.is_empty() {
        return emit("no contradictions: every record has one answer\n");
    }
    for c in all {
        let night = night_of(&c.key);
        let what = if kind_of(&c.key) == "rest" { "rest night" } else { "check-in" };
        say!(o, "The night of {night}, {what}: {} different answers (written on two machines)", c.versions.len());
        for (i, v) in c.versions.iter().enumerate() {
            let now = if i == 0 { "  (shown for now)" } else { "" };
            say!(o, "  {}. {}{now}", i + 1, visible(&describe(v)));
        }
        say!(o, "  keep one: winddown journal resolve {night} --kind {} --pick N", kind_of(&c.key));
    }
    emit(&o)
}

fn night_of(key: &RecordKey) -> NaiveDate {
    match key {
        RecordKey::Run(n, _) | RecordKey::Checkin(n) | RecordKey::Cramp(n, ..) | RecordKey::Rest(n) => *n,
    }
}

fn kind_of(key: &RecordKey) -> &'static str {
    match key {
        RecordKey::Run(..) => "run",
        RecordKey::Checkin(_) => "checkin",
        RecordKey::Cramp(..) => "cramp",
        RecordKey::Rest(_) => "rest",
    }
}

/// One answer, on one line: what tells it from the others.
fn describe(r: &Record) -> String {
    match r {
        Record::Checkin(c) => {
            let mut parts = vec![format!("cramps {}", c.cramps)];
            if let Some(p) = c.pain {
                parts.push(format!("worst {p}/10"));
            }
            if let Some(q) = c.quality {
                parts.push(format!(
                    "sleep {}",
                    serde_json::to_value(q).ok().and_then(|v| v.as_str().map(String::from)).unwrap_or_default()
                ));
            }
            if !c.note.is_empty() {
                parts.push(format!("note \"{}\"", c.note));
            }
            parts.push(format!("recorded {}", c.recorded.format("%Y-%m-%d %H:%M")));
            parts.join(", ")
        }
        Record::Rest(rest) => format!("rest: \"{}\", recorded {}", rest.reason, rest.recorded.format("%Y-%m-%d %H:%M")),
        other => serde_json::to_string(other).unwrap_or_default(),
    }
}

/// git's merge driver: `winddown journal merge-driver %O %A %B %P` writes the
/// merge of a journal file into `ours` (%A). Two different answers for one
/// record keep ours in the month file and theirs in the month's other answers
/// file beside it (`winddown journal resolve` then asks).
pub fn merge_driver(base: &Path, ours: &Path, theirs: &Path, path: Option<PathBuf>) -> CmdResult {
    let name = path.as_deref().unwrap_or(ours).file_name().and_then(|n| n.to_str()).unwrap_or_default().to_string();
    let Some((month, role)) = layout::classify(&name) else {
        return Err(Exit::invalid(format!(
            "{}: not a journal month file; the merge driver is for journal/*.jsonl",
            visible(&name)
        )));
    };
    let read = |p: &Path| -> Result<Vec<Record>, Exit> {
        let bytes = read_limited(p)?;
        if bytes.is_empty() {
            return Ok(Vec::new());
        }
        parse_month(Path::new(&name), month, &bytes).map_err(Exit::from)
    };
    let (b, o, t) = (read(base)?, read(ours)?, read(theirs)?);
    let merged = if role.holds_others() {
        // Other answers are all kept.
        let mut all = o;
        all.extend(t);
        let mut seen = Vec::new();
        all.retain(|r| {
            if seen.contains(r) {
                false
            } else {
                seen.push(r.clone());
                true
            }
        });
        merge::Merged { records: all, others: Vec::new() }
    } else {
        merge::merge3(b, o, t)
    };
    if !merged.others.is_empty() {
        let target =
            path.as_deref().and_then(Path::parent).unwrap_or(Path::new(".")).join(layout::contested_name(month));
        let mut others = if target.exists() { read(&target)? } else { Vec::new() };
        for r in &merged.others {
            if !others.contains(r) {
                others.push(r.clone());
            }
        }
        crate::fsutil::write_atomic(&target, month_text(&others).as_bytes())?;
        let n = merge::contradictions(&merged).len();
        eprintln!(
            "winddown: {}: {n} record{} with two different answers; both kept (the other in {}); pick with `winddown journal resolve`",
            visible(&name),
            if n == 1 { "" } else { "s" },
            visible(&target.display().to_string())
        );
    }
    crate::fsutil::write_atomic(ours, month_text(&merged.records).as_bytes())?;
    Ok(())
}

fn read_limited(p: &Path) -> Result<Vec<u8>, Exit> {
    use std::io::Read;
    let file = std::fs::File::open(p).map_err(|e| Exit::failed(format!("cannot read {}: {e}", p.display())))?;
    let mut bytes = Vec::new();
    file.take(MERGE_INPUT_LIMIT + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Exit::failed(format!("cannot read {}: {e}", p.display())))?;
    if bytes.len() as u64 > MERGE_INPUT_LIMIT {
        return Err(Exit::invalid(format!("{}: larger than a journal month file can be", p.display())));
    }
    Ok(bytes)
}
