//! What is wrong with one value in `config.toml`. The settings file never
//! stops the app: each of these becomes a located problem ("KEY <message>;
//! the default is used") and only that key falls back to its default.

/// Why one key's value was not taken.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SettingError {
    /// A value that must say something (`default_routine`).
    #[error("must not be empty")]
    Empty,
    /// The TOML type of the value found.
    #[error("must be true or false, found {found}")]
    NotBool { found: &'static str },
    #[error("must be a string, found {found}")]
    NotString { found: &'static str },
    #[error(r#"must be a time like "12:00" (24-hour HH:MM), found "{0}""#)]
    NotTime(String),
    #[error(r#"must be "auto", "dark", "light", "bedtime" or "no-color", found "{0}""#)]
    Theme(String),
    #[error(r#"must be "monday", "sunday" or "saturday", found "{0}""#)]
    WeekStart(String),
    /// An empty `voice` or `sound`.
    #[error(r#"must be "auto", "off" or a command, not empty"#)]
    EmptyCue,
}

#[cfg(test)]
mod tests {
    use crate::config::parse_settings;

    /// Each problem reads "KEY <what is wrong>; the default is used", at the value.
    #[test]
    fn every_setting_error_reads_as_before() {
        let cases = [
            ("default_routine = \" \"", "c.toml:1:19: default_routine must not be empty; the default is used"),
            ("quiet = 1", "c.toml:1:9: quiet must be true or false, found integer; the default is used"),
            ("cue_command = 3", "c.toml:1:15: cue_command must be a string, found integer; the default is used"),
            (
                "week_start = \"friday\"",
                r#"c.toml:1:14: week_start must be "monday", "sunday" or "saturday", found "friday"; the default is used"#,
            ),
            (
                "theme = \"pink\"",
                r#"c.toml:1:9: theme must be "auto", "dark", "light", "bedtime" or "no-color", found "pink"; the default is used"#,
            ),
            ("sound = \"\"", r#"c.toml:1:9: sound must be "auto", "off" or a command, not empty; the default is used"#),
        ];
        for (text, want) in cases {
            let loaded = parse_settings("c.toml", text);
            assert_eq!(loaded.problems.len(), 1, "{text}");
            assert_eq!(loaded.problems[0].headline(), want);
        }
    }
}
