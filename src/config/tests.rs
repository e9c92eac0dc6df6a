//! Settings read one key at a time: defaults, problems, the night rule.

use super::*;

#[test]
fn voice_sound_quiet_and_bedtime() {
    let (c, e) = parse_config("c.toml", "");
    assert!(e.is_empty());
    assert_eq!(
        (c.voice.clone(), c.sound.clone(), c.quiet, c.theme),
        (Choice::Auto, Choice::Auto, false, ThemeChoice::Auto)
    );
    let text = "voice = \"off\"\nsound = \"mpv --really-quiet\"\nquiet = true\ntheme = \"bedtime\"\n";
    let (c, e) = parse_config("c.toml", text);
    assert!(e.is_empty(), "{e:?}");
    assert_eq!(c.voice, Choice::Off);
    assert_eq!(c.sound, Choice::Command("mpv --really-quiet".into()));
    assert!(c.quiet && c.theme == ThemeChoice::Bedtime && c.color);
    let (c, e) = parse_config("c.toml", "voice = \" \"\n");
    assert!(e[0].headline().starts_with("c.toml:1:9: voice must be"), "{e:?}");
    assert_eq!(c.voice, Choice::Auto);
}

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
fn a_morning_after_the_boundary_is_a_problem() {
    let (c, e) = parse_config("c.toml", "morning = \"13:00\"\n");
    assert!(e[0].headline().contains("morning (13:00) is later than night_boundary (12:00)"), "{e:?}");
    assert_eq!(c.morning, c.night_boundary);
    let (_, e) = parse_config("c.toml", "night_boundary = \"02:00\"\nmorning = \"03:00\"\n");
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(parse_config("c.toml", "morning = \"05:00\"\n").1.is_empty());
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
    assert_eq!(c.theme, ThemeChoice::Auto);
    for (value, color, theme) in [
        ("auto", true, ThemeChoice::Auto),
        ("color", true, ThemeChoice::Auto),
        ("dark", true, ThemeChoice::Dark),
        ("light", true, ThemeChoice::Light),
        ("bedtime", true, ThemeChoice::Bedtime),
        ("no-color", false, ThemeChoice::Auto),
    ] {
        let (c, e) = parse_config("c.toml", &format!("theme = \"{value}\"\n"));
        assert!(e.is_empty(), "{e:?}");
        assert_eq!((c.color, c.theme), (color, theme), "{value}");
        let shown = KEYS.iter().find(|k| k.name == "theme").map(|k| (k.show)(&c)).unwrap().unwrap();
        let again = if value == "color" { "auto" } else { value };
        assert_eq!(shown, format!("\"{again}\""));
    }
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
        "c.toml:2:18: night_boundary must be a time like \"12:00\" (24-hour HH:MM), found \"noon\"; the default is used"
    );
    assert_eq!(c.night_boundary, DEFAULT_BOUNDARY);
    assert!(!c.bell);
    let (_, e) = parse_config("c.toml", "bel = true\n");
    assert!(e[0].headline().starts_with("c.toml:1:7: unknown key `bel`, ignored"), "{e:?}");
}

/// A typo beside good settings drops only itself, and every problem is found in one pass.
#[test]
fn bad_keys_fall_back_one_at_a_time() {
    let text = "bel = true\nweek_start = \"sunday\"\nbell = \"yes\"\nnight_boundary = \"25:00\"\nmorning = \"05:30\"\n";
    let loaded = parse_settings("c.toml", text);
    assert_eq!(loaded.config.week_start, chrono::Weekday::Sun);
    assert_eq!(loaded.config.morning, NaiveTime::from_hms_opt(5, 30, 0).unwrap());
    assert!(loaded.config.bell);
    assert_eq!(loaded.config.night_boundary, DEFAULT_BOUNDARY);
    let lines: Vec<String> = loaded.problems.iter().map(|d| d.headline()).collect();
    assert_eq!(lines.len(), 3, "{lines:?}");
    assert!(lines[0].starts_with("c.toml:1:7: unknown key `bel`"), "{lines:?}");
    assert!(lines[1].starts_with("c.toml:3:8: bell must be true or false, found string"), "{lines:?}");
    assert!(lines[2].starts_with("c.toml:4:18: night_boundary must be a time"), "{lines:?}");
    assert_eq!(loaded.given, vec!["week_start", "morning"]);
}
