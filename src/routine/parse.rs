//! Reading a routine file: TOML → raw structs (serde, with spans) → validated
//! [`Routine`]. Every problem becomes a [`Diagnostic`] pointing into the file.

use std::fmt;
use std::ops::Range;
use std::time::Duration;

use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};
use sha2::{Digest, Sha256};
use toml::Spanned;

use super::diagnostic::Diagnostic;
use super::model::{Cues, FORMAT_VERSION, Routine, Side, Step, StepKind, Timed};
use super::plan;
use crate::assets;

/// Larger files are refused before parsing: no routine needs more.
pub const MAX_FILE_BYTES: usize = 256 * 1024;
pub const MAX_HOLD: Duration = Duration::from_secs(10 * 60);
pub const MAX_PAUSE: Duration = Duration::from_secs(5 * 60);
pub const MAX_TOTAL: Duration = Duration::from_secs(2 * 60 * 60);
pub const MAX_REPS: i64 = 20;
pub const MAX_STEPS: usize = 60;
pub const MAX_TITLE_CHARS: usize = 60;
/// Longest spoken line a step may give (`say`): a sentence, not a speech.
pub const MAX_SAY_CHARS: usize = 200;

const DEFAULT_GET_READY: Duration = Duration::from_secs(5);
const DEFAULT_SWITCH: Duration = Duration::from_secs(5);
const DEFAULT_REST: Duration = Duration::from_secs(10);

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRoutine {
    format: Option<Spanned<i64>>,
    name: Spanned<String>,
    summary: Spanned<String>,
    description: Option<String>,
    defaults: Option<RawDefaults>,
    cues: Option<RawCues>,
    #[serde(rename = "step")]
    steps: Option<Spanned<Vec<Spanned<RawStep>>>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawDefaults {
    get_ready: Option<Spanned<DurationText>>,
    switch: Option<Spanned<DurationText>>,
    rest: Option<Spanned<DurationText>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawCues {
    halfway: Option<bool>,
    last_ticks: Option<bool>,
    spoken_count: Option<bool>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStep {
    kind: Option<Spanned<String>>,
    title: Spanned<String>,
    hold: Option<Spanned<DurationText>>,
    sides: Option<Spanned<Vec<Spanned<String>>>>,
    reps: Option<Spanned<i64>>,
    rest: Option<Spanned<DurationText>>,
    get_ready: Option<Spanned<DurationText>>,
    switch: Option<Spanned<DurationText>>,
    how: Option<String>,
    why: Option<String>,
    art: Option<Spanned<String>>,
    optional: Option<bool>,
    say: Option<Spanned<String>>,
}

/// A duration written as a human string ("30s", "1m 30s"), parsed by humantime.
#[derive(Debug, Clone, Copy)]
struct DurationText(Duration);

impl<'de> Deserialize<'de> for DurationText {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = DurationText;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(r#"a duration in quotes, like "30s" or "1m 30s""#)
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<DurationText, E> {
                humantime::parse_duration(s.trim()).map(DurationText).map_err(|e| {
                    E::custom(format!(
                        r#"invalid duration "{s}" ({e}); expected something like "30s", "1m 30s" or "2min""#
                    ))
                })
            }
        }
        d.deserialize_str(V)
    }
}

/// Parses and validates routine text. `id` is the file stem, `file` the name
/// shown in errors. All problems found are returned, in file order.
pub fn parse_routine(id: &str, file: &str, text: &str) -> Result<Routine, Vec<Diagnostic>> {
    let raw: RawRoutine = toml::from_str(text).map_err(|e| {
        let span = e.span().unwrap_or(0..0);
        vec![Diagnostic::at(file, text, span, clean_toml_message(e.message()))]
    })?;
    let mut v = Validator { file, text, errors: Vec::new() };
    let routine = v.routine(id, raw, text);
    if v.errors.is_empty() {
        Ok(routine)
    } else {
        v.errors.sort_by_key(|d| (d.line, d.col));
        Err(v.errors)
    }
}

/// Parses a file's raw bytes: refuses huge files and invalid UTF-8 with a location.
pub fn parse_routine_bytes(id: &str, file: &str, bytes: &[u8]) -> Result<Routine, Vec<Diagnostic>> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(vec![too_large(file, bytes.len() as u64)]);
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let good = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
            let at = good.len();
            return Err(vec![Diagnostic::at(
                file,
                good,
                at..at,
                "the file is not valid UTF-8 text (save it as UTF-8)",
            )]);
        }
    };
    parse_routine(id, file, text)
}

/// The error for a file over [`MAX_FILE_BYTES`].
pub fn too_large(file: &str, len: u64) -> Diagnostic {
    let msg = format!("the file is {len} bytes; a routine file may be at most {} KiB", MAX_FILE_BYTES / 1024);
    Diagnostic::file_level(file, "", msg)
}

/// Content hash of a routine file: what a night record stores to pin the routine it ran.
pub fn content_hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    digest.iter().take(8).map(|b| format!("{b:02x}")).collect()
}

/// toml's messages end with a newline and sometimes repeat the location; keep one clean line.
fn clean_toml_message(msg: &str) -> String {
    let one_line = msg.trim().replace('\n', "; ");
    if one_line.is_empty() { "invalid TOML".into() } else { one_line }
}

struct Validator<'a> {
    file: &'a str,
    text: &'a str,
    errors: Vec<Diagnostic>,
}

impl Validator<'_> {
    fn err(&mut self, span: Range<usize>, msg: impl Into<String>) {
        self.errors.push(Diagnostic::at(self.file, self.text, span, msg));
    }

    fn routine(&mut self, id: &str, raw: RawRoutine, text: &str) -> Routine {
        if let Some(f) = &raw.format {
            let version = *f.get_ref();
            if version > i64::from(FORMAT_VERSION) {
                self.err(
                    f.span(),
                    format!("this file uses routine format {version}, but this winddown reads format {FORMAT_VERSION}; update winddown"),
                );
            } else if version < 1 {
                self.err(f.span(), format!("format must be {FORMAT_VERSION}"));
            }
        }
        let name = self.non_empty(&raw.name, "name");
        let summary = self.non_empty(&raw.summary, "summary");
        let d = raw.defaults.unwrap_or_default();
        let defaults = Defaults {
            get_ready: self.pause(d.get_ready.as_ref(), "get_ready").unwrap_or(DEFAULT_GET_READY),
            switch: self.pause(d.switch.as_ref(), "switch").unwrap_or(DEFAULT_SWITCH),
            rest: self.pause(d.rest.as_ref(), "rest").unwrap_or(DEFAULT_REST),
        };
        let cues = raw.cues.unwrap_or_default();
        let cues = Cues {
            halfway: cues.halfway.unwrap_or(false),
            last_ticks: cues.last_ticks.unwrap_or(true),
            spoken_count: cues.spoken_count.unwrap_or(false),
        };

        let mut steps = Vec::new();
        match raw.steps {
            None => self.err(0..0, "a routine needs at least one [[step]]"),
            Some(list) if list.get_ref().is_empty() => self.err(list.span(), "a routine needs at least one [[step]]"),
            Some(list) => {
                if list.get_ref().len() > MAX_STEPS {
                    self.err(list.get_ref()[MAX_STEPS].span(), format!("a routine may have at most {MAX_STEPS} steps"));
                }
                for s in list.into_inner() {
                    let span = s.span();
                    steps.push(self.step(s.into_inner(), span, &defaults));
                }
            }
        }
        let routine = Routine {
            id: id.to_string(),
            name,
            summary,
            description: raw.description.map(|s| s.trim().to_string()).filter(|s| !s.is_empty()),
            cues,
            steps,
            content_hash: content_hash(text),
        };
        let total = plan::total_time(&routine);
        if total > MAX_TOTAL {
            self.err(
                0..0,
                format!(
                    "the routine's holds and pauses add up to {}; a routine may take at most 2h",
                    plan::format_duration(total)
                ),
            );
        }
        routine
    }

    fn non_empty(&mut self, s: &Spanned<String>, what: &str) -> String {
        let value = s.get_ref().trim();
        if value.is_empty() {
            self.err(s.span(), format!("{what} must not be empty"));
        }
        value.to_string()
    }

    fn pause(&mut self, d: Option<&Spanned<DurationText>>, what: &str) -> Option<Duration> {
        let d = d?;
        let value = d.get_ref().0;
        if value > MAX_PAUSE {
            self.err(d.span(), format!("{what} must be at most 5m, found {}", plan::format_duration(value)));
            return None;
        }
        Some(value)
    }

    fn step(&mut self, raw: RawStep, span: Range<usize>, defaults: &Defaults) -> Step {
        let title = self.non_empty(&raw.title, "title");
        if title.chars().count() > MAX_TITLE_CHARS {
            self.err(raw.title.span(), format!("title must be at most {MAX_TITLE_CHARS} characters"));
        }
        let is_check = match &raw.kind {
            None => false,
            Some(k) => match k.get_ref().as_str() {
                "timed" => false,
                "check" => true,
                other => {
                    self.err(k.span(), format!(r#"unknown kind "{other}"; expected "timed" (a held stretch) or "check" (something to confirm)"#));
                    false
                }
            },
        };
        if let Some(art) = &raw.art
            && assets::art(art.get_ref()).is_none()
        {
            let known: Vec<_> = assets::art_names().collect();
            self.err(art.span(), format!(r#"no art named "{}"; expected one of: {}"#, art.get_ref(), known.join(", ")));
        }
        let kind = if is_check { self.check_kind(&raw) } else { self.timed_kind(&raw, span, defaults) };
        let say = raw.say.as_ref().and_then(|s| self.words(s));
        Step {
            title,
            how: raw.how.map(|s| s.trim().to_string()).filter(|s| !s.is_empty()),
            why: raw.why.map(|s| s.trim().to_string()).filter(|s| !s.is_empty()),
            art: raw.art.map(Spanned::into_inner),
            optional: raw.optional.unwrap_or(false),
            say,
            kind,
        }
    }

    /// The step's own spoken words: one short line of plain text.
    fn words(&mut self, s: &Spanned<String>) -> Option<String> {
        let value = s.get_ref().split_whitespace().collect::<Vec<_>>().join(" ");
        if value.is_empty() {
            self.err(s.span(), "say must not be empty; remove it to have the title spoken");
            None
        } else if value.chars().count() > MAX_SAY_CHARS {
            self.err(s.span(), format!("say must be at most {MAX_SAY_CHARS} characters"));
            None
        } else if value.chars().any(char::is_control) {
            self.err(s.span(), "say must be plain text, without control characters");
            None
        } else {
            Some(value)
        }
    }

    fn check_kind(&mut self, raw: &RawStep) -> StepKind {
        let timed_only = [
            ("hold", raw.hold.as_ref().map(Spanned::span)),
            ("sides", raw.sides.as_ref().map(Spanned::span)),
            ("reps", raw.reps.as_ref().map(Spanned::span)),
            ("rest", raw.rest.as_ref().map(Spanned::span)),
            ("get_ready", raw.get_ready.as_ref().map(Spanned::span)),
            ("switch", raw.switch.as_ref().map(Spanned::span)),
        ];
        for (key, span) in timed_only {
            if let Some(span) = span {
                self.err(span, format!(r#"a check step has no `{key}`; remove it, or make the step kind = "timed""#));
            }
        }
        StepKind::Check
    }

    fn timed_kind(&mut self, raw: &RawStep, span: Range<usize>, defaults: &Defaults) -> StepKind {
        let hold = match &raw.hold {
            None => {
                self.err(span, r#"a timed step needs `hold = "30s"` (or set kind = "check" for a step to confirm)"#);
                Duration::from_secs(1)
            }
            Some(h) => {
                let value = h.get_ref().0;
                if value.is_zero() {
                    self.err(h.span(), "hold must be longer than 0s");
                } else if value > MAX_HOLD {
                    self.err(h.span(), format!("hold must be at most 10m, found {}", plan::format_duration(value)));
                }
                value
            }
        };
        let reps = match &raw.reps {
            None => 1,
            Some(r) => {
                let n = *r.get_ref();
                if !(1..=MAX_REPS).contains(&n) {
                    self.err(r.span(), format!("reps must be between 1 and {MAX_REPS}, found {n}"));
                }
                n.clamp(1, MAX_REPS) as u32
            }
        };
        let mut sides = Vec::new();
        if let Some(list) = &raw.sides {
            if list.get_ref().is_empty() {
                self.err(
                    list.span(),
                    r#"sides must list "left", "right" or both; leave it out for a stretch without sides"#,
                );
            }
            for s in list.get_ref() {
                let side = match s.get_ref().as_str() {
                    "left" => Side::Left,
                    "right" => Side::Right,
                    other => {
                        self.err(s.span(), format!(r#"unknown side "{other}"; expected "left" or "right""#));
                        continue;
                    }
                };
                if sides.contains(&side) {
                    self.err(s.span(), format!(r#""{side}" is listed twice; use reps to repeat a side"#));
                    continue;
                }
                sides.push(side);
            }
        }
        StepKind::Timed(Timed {
            hold,
            sides,
            reps,
            rest: self.pause(raw.rest.as_ref(), "rest").unwrap_or(defaults.rest),
            get_ready: self.pause(raw.get_ready.as_ref(), "get_ready").unwrap_or(defaults.get_ready),
            switch: self.pause(raw.switch.as_ref(), "switch").unwrap_or(defaults.switch),
        })
    }
}

struct Defaults {
    get_ready: Duration,
    switch: Duration,
    rest: Duration,
}
