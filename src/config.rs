//! Settings from `config.toml` in the config dir. A bad file never stops the
//! app: the problems are reported with line and column and defaults are used.

use chrono::NaiveTime;
use serde::Deserialize;
use toml::Spanned;

use crate::journal::DEFAULT_BOUNDARY;
use crate::routine::{DEFAULT_ROUTINE, Diagnostic};

#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    pub default_routine: String,
    /// Times before this belong to the previous date's night.
    pub night_boundary: NaiveTime,
    /// Ring the terminal bell on cues.
    pub bell: bool,
    /// A shell command started (without waiting) on each cue, with
    /// WINDDOWN_EVENT and WINDDOWN_STEP in its environment.
    pub cue_command: Option<String>,
    /// Colour on screens ("color") or emphasis by symbols only ("no-color"); NO_COLOR wins.
    pub color: bool,
    /// First day of the week in the calendar.
    pub week_start: chrono::Weekday,
    /// The evening nudge at the shell prompt (`winddown init`) and `winddown remind`.
    pub nudge: bool,
    /// From this time of the evening the prompt nudge may show.
    pub nudge_from: NaiveTime,
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
            bell: true,
            cue_command: None,
            color: true,
            week_start: chrono::Weekday::Mon,
            nudge: true,
            nudge_from: DEFAULT_NUDGE_FROM,
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    default_routine: Option<Spanned<String>>,
    night_boundary: Option<Spanned<String>>,
    bell: Option<bool>,
    cue_command: Option<String>,
    theme: Option<Spanned<String>>,
    week_start: Option<Spanned<String>>,
    nudge: Option<bool>,
    nudge_from: Option<Spanned<String>>,
}

/// Keys of `config.toml`, for messages and `config show`.
pub const KEYS: &[&str] =
    &["default_routine", "night_boundary", "bell", "cue_command", "theme", "week_start", "nudge", "nudge_from"];

/// The settings, and any problems found (reported by the caller; defaults used for them).
pub fn parse_config(file: &str, text: &str) -> (Config, Vec<Diagnostic>) {
    let mut config = Config::default();
    let raw: RawConfig = match toml::from_str(text) {
        Ok(r) => r,
        Err(e) => {
            let d = Diagnostic::at(file, text, e.span().unwrap_or(0..0), e.message().trim().replace('\n', "; "));
            return (config, vec![d]);
        }
    };
    let mut errors = Vec::new();
    if let Some(r) = raw.default_routine {
        if r.get_ref().trim().is_empty() {
            errors.push(Diagnostic::at(file, text, r.span(), "default_routine must not be empty"));
        } else {
            config.default_routine = r.into_inner();
        }
    }
    if let Some(b) = raw.night_boundary {
        match NaiveTime::parse_from_str(b.get_ref().trim(), "%H:%M") {
            Ok(t) => config.night_boundary = t,
            Err(_) => errors.push(Diagnostic::at(
                file,
                text,
                b.span(),
                format!(r#"night_boundary must be a time like "12:00" (24-hour HH:MM), found "{}""#, b.get_ref()),
            )),
        }
    }
    if let Some(n) = raw.nudge {
        config.nudge = n;
    }
    if let Some(b) = raw.nudge_from {
        match NaiveTime::parse_from_str(b.get_ref().trim(), "%H:%M") {
            Ok(t) => config.nudge_from = t,
            Err(_) => errors.push(Diagnostic::at(
                file,
                text,
                b.span(),
                format!(r#"nudge_from must be a time like "20:00" (24-hour HH:MM), found "{}""#, b.get_ref()),
            )),
        }
    }
    if let Some(bell) = raw.bell {
        config.bell = bell;
    }
    config.cue_command = raw.cue_command.filter(|c| !c.trim().is_empty());
    if let Some(t) = raw.theme {
        match t.get_ref().as_str() {
            "color" | "colour" => config.color = true,
            "no-color" | "no-colour" => config.color = false,
            other => errors.push(Diagnostic::at(
                file,
                text,
                t.span(),
                format!(r#"theme must be "color" or "no-color", found "{other}""#),
            )),
        }
    }
    if let Some(w) = raw.week_start {
        match w.get_ref().to_ascii_lowercase().as_str() {
            "monday" => config.week_start = chrono::Weekday::Mon,
            "sunday" => config.week_start = chrono::Weekday::Sun,
            "saturday" => config.week_start = chrono::Weekday::Sat,
            other => errors.push(Diagnostic::at(
                file,
                text,
                w.span(),
                format!(r#"week_start must be "monday", "sunday" or "saturday", found "{other}""#),
            )),
        }
    }
    (config, errors)
}

/// Reads the config file; a missing file means defaults.
pub fn load(path: &std::path::Path) -> (Config, Vec<Diagnostic>) {
    match std::fs::read(path) {
        Ok(bytes) => match std::str::from_utf8(&bytes) {
            Ok(text) => parse_config(&path.display().to_string(), text),
            Err(_) => (
                Config::default(),
                vec![Diagnostic::file_level(&path.display().to_string(), "", "not valid UTF-8 text")],
            ),
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => (Config::default(), Vec::new()),
        Err(e) => (
            Config::default(),
            vec![Diagnostic::file_level(&path.display().to_string(), "", format!("cannot read: {e}"))],
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_and_values() {
        let (c, e) = parse_config("c.toml", "");
        assert!(e.is_empty());
        assert_eq!(c, Config::default());
        let (c, e) = parse_config(
            "c.toml",
            "night_boundary = \"04:30\"\nbell = false\ndefault_routine = \"two-minute\"\ncue_command = \"say hi\"\n",
        );
        assert!(e.is_empty(), "{e:?}");
        assert_eq!(c.night_boundary, NaiveTime::from_hms_opt(4, 30, 0).unwrap());
        assert!(!c.bell);
        assert_eq!(c.default_routine, "two-minute");
        assert_eq!(c.cue_command.as_deref(), Some("say hi"));
    }

    #[test]
    fn theme_and_week_start() {
        let (c, e) = parse_config("c.toml", "theme = \"no-color\"\nweek_start = \"sunday\"\n");
        assert!(e.is_empty(), "{e:?}");
        assert!(!c.color);
        assert_eq!(c.week_start, chrono::Weekday::Sun);
        let (c, e) = parse_config("c.toml", "theme = \"pink\"\n");
        assert!(e[0].headline().starts_with("c.toml:1:9: theme must be"), "{e:?}");
        assert!(c.color);
    }

    #[test]
    fn nudge_settings() {
        let (c, e) = parse_config("c.toml", "nudge = false\nnudge_from = \"21:30\"\n");
        assert!(e.is_empty(), "{e:?}");
        assert!(!c.nudge);
        assert_eq!(c.nudge_from, NaiveTime::from_hms_opt(21, 30, 0).unwrap());
        let (c, e) = parse_config("c.toml", "nudge_from = \"late\"\n");
        assert!(e[0].headline().starts_with("c.toml:1:14: nudge_from must be a time"), "{e:?}");
        assert_eq!(c.nudge_from, DEFAULT_NUDGE_FROM);
    }

    #[test]
    fn errors_have_locations_and_keep_defaults() {
        let (c, e) = parse_config("c.toml", "bell = false\nnight_boundary = \"noon\"\n");
        assert_eq!(
            e[0].headline(),
            "c.toml:2:18: night_boundary must be a time like \"12:00\" (24-hour HH:MM), found \"noon\""
        );
        assert_eq!(c.night_boundary, DEFAULT_BOUNDARY);
        assert!(!c.bell);
        let (_, e) = parse_config("c.toml", "bel = true\n");
        assert!(e[0].headline().starts_with("c.toml:1:1: unknown field `bel`"));
    }
}

/// Sets `default_routine` in the settings file, keeping its comments and
/// layout (toml_edit); creates the file if there is none.
pub fn set_default_routine(path: &std::path::Path, id: &str) -> Result<(), String> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(format!("cannot read {}: {e}", path.display())),
    };
    let mut doc: toml_edit::DocumentMut =
        text.parse().map_err(|e| format!("{} is not valid TOML, so it was left as it is: {e}", path.display()))?;
    doc["default_routine"] = toml_edit::value(id);
    crate::fsutil::write_atomic(path, doc.to_string().as_bytes()).map_err(|e| format!("{e:#}"))
}

#[cfg(test)]
mod edit_tests {
    #[test]
    fn setting_the_default_keeps_comments() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, "# my settings\nbell = false # quiet\ndefault_routine = \"x\"\n").unwrap();
        super::set_default_routine(&path, "two-minute").unwrap();
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "# my settings\nbell = false # quiet\ndefault_routine = \"two-minute\"\n"
        );
        let fresh = dir.path().join("new/config.toml");
        super::set_default_routine(&fresh, "hallegraeff-2012").unwrap();
        assert_eq!(std::fs::read_to_string(&fresh).unwrap(), "default_routine = \"hallegraeff-2012\"\n");
        std::fs::write(&path, "bell = [").unwrap();
        assert!(super::set_default_routine(&path, "x").unwrap_err().contains("left as it is"));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "bell = [");
    }
}
