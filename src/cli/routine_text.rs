//! Plain-text and JSON views of routines for the CLI.

use serde::Serialize;

use crate::routine::library::{Entry, Library};
use crate::routine::plan::{format_duration, step_time, total_time};
use crate::routine::{Routine, StepKind};

/// `routine list` as aligned columns; invalid files show their first error.
pub fn list_text(lib: &Library, default_id: &str) -> String {
    let width = lib.entries.iter().map(|e| e.id.len()).max().unwrap_or(4).max(4);
    let mut out = format!("{:width$}  {:>5}  {:>7}  FROM\n", "NAME", "STEPS", "TIME");
    for e in &lib.entries {
        let mut from = e.origin.describe();
        if e.id == default_id {
            from.push_str(" (default)");
        }
        if e.overrides_builtin {
            from.push_str(" (replaces the built-in)");
        }
        match &e.routine {
            Ok(r) => out.push_str(&format!(
                "{:width$}  {:>5}  {:>7}  {from}\n",
                e.id,
                r.steps.len(),
                format_duration(total_time(r))
            )),
            Err(errs) => {
                out.push_str(&format!("{:width$}  {:>5}  {:>7}  {from}\n", e.id, "-", "-"));
                out.push_str(&format!("    invalid: {}\n", errs[0].headline()));
            }
        }
    }
    if let Some(err) = &lib.folder_error {
        out.push_str(&format!("warning: {err}\n"));
    }
    out
}

/// `routine show` as readable text.
pub fn show_text(r: &Routine, origin: &str) -> String {
    let mut out = format!("{} ({}, {origin})\n{}\n", r.name, r.id, r.summary);
    if let Some(d) = &r.description {
        out.push_str(&format!("\n{d}\n"));
    }
    out.push('\n');
    let checks = r.steps.iter().filter(|s| s.is_check()).count();
    for (i, s) in r.steps.iter().enumerate() {
        let opt = if s.optional { ", optional" } else { "" };
        match &s.kind {
            StepKind::Check => out.push_str(&format!("{:2}. {}  [check{opt}]\n", i + 1, s.title)),
            StepKind::Timed(t) => {
                let sides = if t.sides.is_empty() {
                    String::new()
                } else {
                    let names: Vec<_> = t.sides.iter().map(|s| s.as_str()).collect();
                    format!(" per side ({})", names.join(", "))
                };
                let reps = if t.reps > 1 {
                    format!(" x {} reps, rest {}", t.reps, format_duration(t.rest))
                } else {
                    String::new()
                };
                out.push_str(&format!(
                    "{:2}. {}  [hold {}{sides}{reps}{opt}; {} in all]\n",
                    i + 1,
                    s.title,
                    format_duration(t.hold),
                    format_duration(step_time(&s.kind))
                ));
                out.push_str(&format!(
                    "    get ready {}, switch {}\n",
                    format_duration(t.get_ready),
                    format_duration(t.switch)
                ));
            }
        }
        if let Some(how) = &s.how {
            out.push_str(&format!("    How: {}\n", one_line(how)));
        }
        if let Some(why) = &s.why {
            out.push_str(&format!("    Why: {}\n", one_line(why)));
        }
        if let Some(say) = &s.say {
            out.push_str(&format!("    Says: {}\n", one_line(say)));
        }
    }
    out.push_str(&format!("\nTotal: {} of holds and pauses", format_duration(total_time(r))));
    if checks > 0 {
        out.push_str(&format!(", plus {checks} check step{}", if checks == 1 { "" } else { "s" }));
    }
    out.push('\n');
    out
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[derive(Serialize)]
pub struct ListItem {
    pub name: String,
    pub source: String,
    pub default: bool,
    pub valid: bool,
    pub steps: Option<usize>,
    pub total_seconds: Option<u64>,
    pub errors: Vec<String>,
}

pub fn list_json(lib: &Library, default_id: &str) -> Vec<ListItem> {
    lib.entries.iter().map(|e| list_item(e, default_id)).collect()
}

fn list_item(e: &Entry, default_id: &str) -> ListItem {
    let (steps, total, errors) = match &e.routine {
        Ok(r) => (Some(r.steps.len()), Some(total_time(r).as_secs()), vec![]),
        Err(errs) => (None, None, errs.iter().map(|d| d.headline()).collect()),
    };
    ListItem {
        name: e.id.clone(),
        source: e.origin.describe(),
        default: e.id == default_id,
        valid: e.routine.is_ok(),
        steps,
        total_seconds: total,
        errors,
    }
}

#[derive(Serialize)]
pub struct ShowJson {
    pub name: String,
    pub title: String,
    pub summary: String,
    pub description: Option<String>,
    pub content_hash: String,
    pub total_seconds: u64,
    pub steps: Vec<StepJson>,
}

#[derive(Serialize)]
pub struct StepJson {
    pub title: String,
    pub kind: &'static str,
    pub optional: bool,
    pub hold_seconds: Option<f64>,
    pub sides: Vec<&'static str>,
    pub reps: Option<u32>,
    pub rest_seconds: Option<f64>,
    pub get_ready_seconds: Option<f64>,
    pub switch_seconds: Option<f64>,
    pub how: Option<String>,
    pub why: Option<String>,
    pub art: Option<String>,
    /// The step's own spoken words, when it gives them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub say: Option<String>,
}

pub fn show_json(r: &Routine) -> ShowJson {
    ShowJson {
        name: r.id.clone(),
        title: r.name.clone(),
        summary: r.summary.clone(),
        description: r.description.clone(),
        content_hash: r.content_hash.clone(),
        total_seconds: total_time(r).as_secs(),
        steps: r
            .steps
            .iter()
            .map(|s| {
                let t = s.timed();
                StepJson {
                    title: s.title.clone(),
                    kind: if t.is_some() { "timed" } else { "check" },
                    optional: s.optional,
                    hold_seconds: t.map(|t| t.hold.as_secs_f64()),
                    sides: t.map(|t| t.sides.iter().map(|s| s.as_str()).collect()).unwrap_or_default(),
                    reps: t.map(|t| t.reps),
                    rest_seconds: t.map(|t| t.rest.as_secs_f64()),
                    get_ready_seconds: t.map(|t| t.get_ready.as_secs_f64()),
                    switch_seconds: t.map(|t| t.switch.as_secs_f64()),
                    how: s.how.clone(),
                    why: s.why.clone(),
                    art: s.art.clone(),
                    say: s.say.clone(),
                }
            })
            .collect(),
    }
}
