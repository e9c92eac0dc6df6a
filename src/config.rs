//! Settings from `config.toml` in the config dir. A bad file never stops the
//! app: each problem is reported with its line and column, and only that key
//! falls back to its default. Adding a setting is adding a row to [`KEYS`].

use chrono::NaiveTime;
use toml::Spanned;

use crate::checkin::{DEFAULT_MORNING, NightRule};
use crate::cues::programs::Choice;
use crate::journal::DEFAULT_BOUNDARY;
use crate::routine::{DEFAULT_ROUTINE, Diagnostic};

mod edit;
mod setting_error;

pub use edit::{ConfigError, set_default_routine};
pub use setting_error::SettingError;

#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    pub default_routine: String,
    /// Times before this belong to the previous date's night.
    pub night_boundary: NaiveTime,
    /// From this time the night before is over and its check-in is due.
    pub morning: NaiveTime,
    /// Ring the terminal bell on cues.
    pub bell: bool,
    /// A shell command started (without waiting) on each cue, with
    /// WINDDOWN_EVENT and WINDDOWN_STEP in its environment.
    pub cue_command: Option<String>,
    /// Colour on screens, or emphasis by symbols only (`theme = "no-color"`); NO_COLOR wins.
    pub color: bool,
    /// The palette: `auto` (asks the terminal), `dark`, `light` or `bedtime`.
    pub theme: ThemeChoice,
    /// First day of the week in the calendar.
    pub week_start: chrono::Weekday,
    /// Spoken cues: "auto" (a speech program found on PATH), "off", or a command.
    pub voice: Choice,
    /// Cue sounds: "auto" (a player found on PATH), "off", or a command.
    pub sound: Choice,
    /// Late-night mode: softer speech and sounds, no ticks, no bell.
    pub quiet: bool,
    /// The evening nudge at the shell prompt (`winddown init`) and `winddown remind`.
    pub nudge: bool,
    /// From this time of the evening the prompt nudge may show.
    pub nudge_from: NaiveTime,
}

/// The palette the `theme` setting asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThemeChoice {
    /// Dark or light as the terminal's background is (asked for at start);
    /// a palette that reads on both when it cannot be told.
    Auto,
    Dark,
    Light,
    /// The low-light palette: dim ambers, no bright white or blue.
    Bedtime,
}

/// The default `nudge_from`: 20:00.
pub const DEFAULT_NUDGE_FROM: NaiveTime = match NaiveTime::from_hms_opt(20, 0, 0) {
    Some(t) => t,
    None => panic!("valid time"),
};

impl Default for Config {
    fn default() -> Self {
        Config {
            default_routine: DEFAULT_ROUTINE.into(),
            night_boundary: DEFAULT_BOUNDARY,
            morning: DEFAULT_MORNING,
            bell: true,
            cue_command: None,
            color: true,
            week_start: chrono::Weekday::Mon,
            voice: Choice::Auto,
            sound: Choice::Auto,
            quiet: false,
            theme: ThemeChoice::Auto,
            nudge: true,
            nudge_from: DEFAULT_NUDGE_FROM,
        }
    }
}

impl Config {
    /// When nights begin and end, as these settings say.
    pub fn night_rule(&self) -> NightRule {
        NightRule { boundary: self.night_boundary, morning: self.morning }
    }
}

/// One key of `config.toml`: how its value is read into the settings and how
/// the value in effect is shown. Adding a setting is adding a row to [`KEYS`].
pub struct Key {
    pub name: &'static str,
    /// Reads the file's value into the settings, or says what is wrong with it.
    read: fn(&mut Config, &toml::Value) -> Result<(), SettingError>,
    /// The value in effect, as TOML; `None` when unset.
    pub show: fn(&Config) -> Option<String>,
}

/// Every key of `config.toml`, in the order `config show` lists them.
pub const KEYS: &[Key] = &[
    Key {
        name: "default_routine",
        read: |c, v| {
            let s = string(v)?;
            if s.trim().is_empty() {
                return Err(SettingError::Empty);
            }
            c.default_routine = s.to_string();
            Ok(())
        },
        show: |c| Some(format!("{:?}", c.default_routine)),
    },
    Key {
        name: "night_boundary",
        read: |c, v| time(v).map(|t| c.night_boundary = t),
        show: |c| Some(format!("\"{}\"", c.night_boundary.format("%H:%M"))),
    },
    Key {
        name: "morning",
        read: |c, v| time(v).map(|t| c.morning = t),
        show: |c| Some(format!("\"{}\"", c.morning.format("%H:%M"))),
    },
    Key { name: "bell", read: |c, v| boolean(v).map(|b| c.bell = b), show: |c| Some(c.bell.to_string()) },
    Key {
        name: "cue_command",
        read: |c, v| string(v).map(|s| c.cue_command = Some(s.to_string()).filter(|s| !s.trim().is_empty())),
        show: |c| c.cue_command.as_ref().map(|cmd| format!("{cmd:?}")),
    },
    Key {
        name: "theme",
        read: |c, v| {
            (c.color, c.theme) = match string(v)? {
                "auto" | "color" | "colour" => (true, ThemeChoice::Auto),
                "dark" => (true, ThemeChoice::Dark),
                "light" => (true, ThemeChoice::Light),
                "bedtime" => (true, ThemeChoice::Bedtime),
                "no-color" | "no-colour" => (false, ThemeChoice::Auto),
                other => return Err(SettingError::Theme(other.to_string())),
            };
            Ok(())
        },
        show: |c| {
            let theme = match (c.color, c.theme) {
                (false, _) => "no-color",
                (true, ThemeChoice::Auto) => "auto",
                (true, ThemeChoice::Dark) => "dark",
                (true, ThemeChoice::Light) => "light",
                (true, ThemeChoice::Bedtime) => "bedtime",
            };
            Some(format!("\"{theme}\""))
        },
    },
    Key {
        name: "week_start",
        read: |c, v| {
            c.week_start = match string(v)?.to_ascii_lowercase().as_str() {
                "monday" => chrono::Weekday::Mon,
                "sunday" => chrono::Weekday::Sun,
                "saturday" => chrono::Weekday::Sat,
                other => return Err(SettingError::WeekStart(other.to_string())),
            };
            Ok(())
        },
        show: |c| {
            Some(
                match c.week_start {
                    chrono::Weekday::Sun => "\"sunday\"",
                    chrono::Weekday::Sat => "\"saturday\"",
                    _ => "\"monday\"",
                }
                .into(),
            )
        },
    },
    Key { name: "voice", read: |c, v| cue_choice(v).map(|x| c.voice = x), show: |c| Some(show_choice(&c.voice)) },
    Key { name: "sound", read: |c, v| cue_choice(v).map(|x| c.sound = x), show: |c| Some(show_choice(&c.sound)) },
    Key { name: "quiet", read: |c, v| boolean(v).map(|b| c.quiet = b), show: |c| Some(c.quiet.to_string()) },
    Key { name: "nudge", read: |c, v| boolean(v).map(|b| c.nudge = b), show: |c| Some(c.nudge.to_string()) },
    Key {
        name: "nudge_from",
        read: |c, v| time(v).map(|t| c.nudge_from = t),
        show: |c| Some(format!("\"{}\"", c.nudge_from.format("%H:%M"))),
    },
];

/// A `voice` / `sound` value: "auto", "off" or a command of the user's.
fn cue_choice(v: &toml::Value) -> Result<Choice, SettingError> {
    let s = string(v)?;
    if s.trim().is_empty() {
        return Err(SettingError::EmptyCue);
    }
    Ok(Choice::parse(s))
}

/// A `voice` / `sound` setting as written in the file.
fn show_choice(c: &Choice) -> String {
    match c {
        Choice::Auto => "\"auto\"".into(),
        Choice::Off => "\"off\"".into(),
        Choice::Command(cmd) => format!("{cmd:?}"),
    }
}

fn boolean(v: &toml::Value) -> Result<bool, SettingError> {
    v.as_bool().ok_or(SettingError::NotBool { found: v.type_str() })
}

fn string(v: &toml::Value) -> Result<&str, SettingError> {
    v.as_str().ok_or(SettingError::NotString { found: v.type_str() })
}

fn time(v: &toml::Value) -> Result<NaiveTime, SettingError> {
    let s = string(v)?;
    NaiveTime::parse_from_str(s.trim(), "%H:%M").map_err(|_| SettingError::NotTime(s.to_string()))
}

/// What the settings file gave: the settings in effect, every problem found
/// (each bad key falls back to its default alone), and the keys the file set
/// with a valid value.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    pub config: Config,
    pub problems: Vec<Diagnostic>,
    pub given: Vec<&'static str>,
}

/// Reads the settings file's text, one key at a time.
pub fn parse_settings(file: &str, text: &str) -> Loaded {
    let mut out = Loaded::default();
    let table: std::collections::BTreeMap<String, Spanned<toml::Value>> = match toml::from_str(text) {
        Ok(t) => t,
        Err(e) => {
            let d = Diagnostic::at(file, text, e.span().unwrap_or(0..0), e.message().trim().replace('\n', "; "));
            out.problems.push(d);
            return out;
        }
    };
    let mut entries: Vec<_> = table.into_iter().collect();
    entries.sort_by_key(|(_, v)| v.span().start);
    for (name, value) in entries {
        match KEYS.iter().find(|k| k.name == name) {
            None => {
                let known: Vec<&str> = KEYS.iter().map(|k| k.name).collect();
                let message = format!("unknown key `{name}`, ignored (known keys: {})", known.join(", "));
                out.problems.push(Diagnostic::at(file, text, value.span(), message));
            }
            Some(key) => match (key.read)(&mut out.config, value.get_ref()) {
                Ok(()) => out.given.push(key.name),
                Err(why) => {
                    let message = format!("{} {why}; the default is used", key.name);
                    out.problems.push(Diagnostic::at(file, text, value.span(), message));
                }
            },
        }
    }
    if out.config.morning > out.config.night_boundary {
        let message = format!(
            "morning ({}) is later than night_boundary ({}): a night would be over before it ends; the boundary is used for both",
            out.config.morning.format("%H:%M"),
            out.config.night_boundary.format("%H:%M")
        );
        out.problems.push(Diagnostic::file_level(file, "", message));
        out.config.morning = out.config.night_boundary;
    }
    out
}

/// The settings, and any problems found (reported by the caller; defaults used for them).
pub fn parse_config(file: &str, text: &str) -> (Config, Vec<Diagnostic>) {
    let loaded = parse_settings(file, text);
    (loaded.config, loaded.problems)
}

/// Reads the config file, one key at a time; a missing file means defaults.
pub fn load_settings(path: &std::path::Path) -> Loaded {
    let file = path.display().to_string();
    match crate::input_file::read_limited(path, crate::input_file::CONFIG_LIMIT) {
        Ok(bytes) => match std::str::from_utf8(&bytes) {
            Ok(text) => parse_settings(&file, text),
            Err(_) => Loaded {
                problems: vec![Diagnostic::file_level(&file, "", "not valid UTF-8 text")],
                ..Loaded::default()
            },
        },
        Err(e) if e.is_not_found() => Loaded::default(),
        Err(e) => Loaded {
            problems: vec![Diagnostic::file_level(&file, "", format!("cannot read: {e}"))],
            ..Loaded::default()
        },
    }
}

/// Reads the config file; a missing file means defaults.
pub fn load(path: &std::path::Path) -> (Config, Vec<Diagnostic>) {
    let loaded = load_settings(path);
    (loaded.config, loaded.problems)
}

#[cfg(test)]
mod tests;
