//! Parsing and validation of routine files: every error names its place.

use std::time::Duration;

use super::library::{BUILTINS, Library};
use super::parse::{parse_routine, parse_routine_bytes};
use super::{Side, StepKind};

const MINIMAL: &str = r#"
name = "Mine"
summary = "One stretch"

[[step]]
title = "Calf"
hold = "30s"
"#;

fn errors(text: &str) -> Vec<String> {
    parse_routine("t", "t.toml", text).unwrap_err().iter().map(|d| d.headline()).collect()
}

fn one_error(text: &str) -> String {
    let e = errors(text);
    assert_eq!(e.len(), 1, "expected one error, got {e:?}");
    e.into_iter().next().unwrap()
}

#[test]
fn minimal_routine_gets_defaults() {
    let r = parse_routine("mine", "mine.toml", MINIMAL).unwrap();
    assert_eq!(r.id, "mine");
    assert_eq!(r.name, "Mine");
    let t = r.steps[0].timed().unwrap();
    assert_eq!(t.hold, Duration::from_secs(30));
    assert_eq!(t.reps, 1);
    assert!(t.sides.is_empty());
    assert_eq!(t.get_ready, Duration::from_secs(5));
    assert!(r.cues.last_ticks && !r.cues.halfway);
    assert_eq!(r.content_hash.len(), 16);
}

#[test]
fn human_durations_and_overrides() {
    let text = r#"
name = "x"
summary = "y"
[defaults]
get_ready = "3s"
switch = "0s"
rest = "1m"
[[step]]
title = "a"
hold = "1m 30s"
sides = ["right", "left"]
reps = 2
rest = "15s"
"#;
    let r = parse_routine("x", "x.toml", text).unwrap();
    let t = r.steps[0].timed().unwrap();
    assert_eq!(t.hold, Duration::from_secs(90));
    assert_eq!(t.sides, vec![Side::Right, Side::Left]);
    assert_eq!((t.rest, t.get_ready, t.switch), (Duration::from_secs(15), Duration::from_secs(3), Duration::ZERO));
}

#[test]
fn check_steps_and_optional() {
    let text = format!("{MINIMAL}\n[[step]]\nkind = \"check\"\ntitle = \"Water\"\noptional = true\n");
    let r = parse_routine("x", "x.toml", &text).unwrap();
    assert_eq!(r.steps[1].kind, StepKind::Check);
    assert!(r.steps[1].optional);
}

#[test]
fn unknown_key_is_an_error_at_its_place() {
    let text = MINIMAL.replace("hold = \"30s\"", "hodl = \"30s\"");
    let e = one_error(&text);
    assert!(e.starts_with("t.toml:7:1: unknown field `hodl`"), "{e}");
    assert!(e.contains("expected one of"), "{e}");
}

#[test]
fn unknown_top_level_key() {
    let e = one_error(&format!("colour = \"red\"\n{MINIMAL}"));
    assert!(e.starts_with("t.toml:1:1: unknown field `colour`"), "{e}");
}

#[test]
fn bad_duration_text() {
    let e = one_error(&MINIMAL.replace("\"30s\"", "\"30 seconds please\""));
    assert!(e.starts_with("t.toml:7:8: invalid duration \"30 seconds please\""), "{e}");
    assert!(e.contains("\"1m 30s\""), "{e}");
}

#[test]
fn duration_as_number_is_explained() {
    let e = one_error(&MINIMAL.replace("\"30s\"", "30"));
    assert!(e.starts_with("t.toml:7:8:"), "{e}");
    assert!(e.contains(r#"expected a duration in quotes, like "30s""#), "{e}");
}

#[test]
fn hold_limits() {
    assert!(one_error(&MINIMAL.replace("\"30s\"", "\"0s\"")).contains("hold must be longer than 0s"));
    assert!(one_error(&MINIMAL.replace("\"30s\"", "\"11m\"")).contains("hold must be at most 10m, found 11m"));
}

#[test]
fn routine_total_limit() {
    let mut text = String::from("name = \"x\"\nsummary = \"y\"\n");
    for _ in 0..15 {
        text.push_str("[[step]]\ntitle = \"a\"\nhold = \"10m\"\n");
    }
    assert!(one_error(&text).contains("a routine may take at most 2h"));
}

#[test]
fn pause_limit() {
    let text = MINIMAL.replace("hold = \"30s\"", "hold = \"30s\"\nrest = \"6m\"");
    assert!(one_error(&text).starts_with("t.toml:8:8: rest must be at most 5m"));
}

#[test]
fn empty_title_and_name() {
    let e = errors(&MINIMAL.replace("\"Calf\"", "\"  \"").replace("\"Mine\"", "\"\""));
    assert_eq!(e.len(), 2, "{e:?}");
    assert!(e[0].starts_with("t.toml:2:8: name must not be empty"));
    assert!(e[1].starts_with("t.toml:6:9: title must not be empty"));
}

#[test]
fn no_steps() {
    assert!(one_error("name = \"x\"\nsummary = \"y\"\n").contains("at least one [[step]]"));
    assert!(one_error("name = \"x\"\nsummary = \"y\"\nstep = []\n").contains("at least one [[step]]"));
}

#[test]
fn missing_required_field() {
    let e = one_error("name = \"x\"\n[[step]]\ntitle = \"a\"\nhold = \"1s\"\n");
    assert!(e.contains("missing field `summary`"), "{e}");
}

#[test]
fn sides_only_left_and_right_once() {
    let e = one_error(&MINIMAL.replace("hold = \"30s\"", "hold = \"30s\"\nsides = [\"left\", \"up\"]"));
    assert!(e.starts_with("t.toml:8:18: unknown side \"up\"; expected \"left\" or \"right\""), "{e}");
    let e = one_error(&MINIMAL.replace("hold = \"30s\"", "hold = \"30s\"\nsides = [\"left\", \"left\"]"));
    assert!(e.contains("listed twice"), "{e}");
    let e = one_error(&MINIMAL.replace("hold = \"30s\"", "hold = \"30s\"\nsides = []"));
    assert!(e.contains("sides must list"), "{e}");
}

#[test]
fn reps_range() {
    let e = one_error(&MINIMAL.replace("hold = \"30s\"", "hold = \"30s\"\nreps = 0"));
    assert!(e.starts_with("t.toml:8:8: reps must be between 1 and 20, found 0"), "{e}");
}

#[test]
fn art_must_exist() {
    let e = one_error(&MINIMAL.replace("hold = \"30s\"", "hold = \"30s\"\nart = \"yoga-cat\""));
    assert!(e.contains("no art named \"yoga-cat\"; expected one of: wall-calf"), "{e}");
}

#[test]
fn check_step_with_hold_and_timed_without() {
    let e = one_error(&format!("{MINIMAL}[[step]]\nkind = \"check\"\ntitle = \"w\"\nhold = \"5s\"\n"));
    assert!(e.contains("a check step has no `hold`"), "{e}");
    let e = one_error(&MINIMAL.replace("hold = \"30s\"\n", ""));
    assert!(e.contains("a timed step needs `hold"), "{e}");
    let e = one_error(&MINIMAL.replace("hold = \"30s\"", "hold = \"30s\"\nkind = \"stretch\""));
    assert!(e.contains("unknown kind \"stretch\""), "{e}");
}

#[test]
fn newer_format_is_refused_clearly() {
    let e = one_error(&format!("format = 2\n{MINIMAL}"));
    assert!(e.starts_with("t.toml:1:10: this file uses routine format 2"), "{e}");
}

#[test]
fn several_errors_come_in_file_order() {
    let text = MINIMAL.replace("\"30s\"", "\"0s\"").replace("\"Mine\"", "\"\"");
    let e = errors(&text);
    assert_eq!(e.len(), 2);
    assert!(e[0].contains(":2:") && e[1].contains(":7:"), "{e:?}");
}

#[test]
fn syntax_error_has_location_and_snippet() {
    let errs = parse_routine("t", "t.toml", "name = \"x\nsummary = 1\n").unwrap_err();
    let shown = errs[0].to_string();
    assert!(shown.starts_with("t.toml:1:"), "{shown}");
    assert!(shown.contains("1 | name = \"x"), "{shown}");
}

#[test]
fn hostile_inputs_are_errors_not_panics() {
    for bytes in [
        &b""[..],
        b"\0\0\0",
        b"\xff\xfe garbage",
        b"name = \"\xc3\x28\"",
        b"[[[[[[[[",
        b"step = [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]",
    ] {
        assert!(parse_routine_bytes("t", "t.toml", bytes).is_err());
    }
    let deep = format!("a = {}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(parse_routine_bytes("t", "t.toml", deep.as_bytes()).is_err());
    let huge = vec![b'#'; 50 * 1024 * 1024];
    let e = parse_routine_bytes("t", "t.toml", &huge).unwrap_err();
    assert!(e[0].message.contains("at most 256 KiB"));
}

#[test]
fn invalid_utf8_is_located() {
    let e = parse_routine_bytes("t", "t.toml", b"name = \"x\"\nsummary = \"\xff\"").unwrap_err();
    assert_eq!((e[0].line, e[0].col), (2, 12));
    assert!(e[0].message.contains("not valid UTF-8"));
}

#[test]
fn shipped_routines_are_valid() {
    let lib = Library::load(std::path::Path::new("/nonexistent"));
    assert_eq!(lib.entries.len(), BUILTINS.len());
    for e in &lib.entries {
        let r = e.routine.as_ref().unwrap_or_else(|errs| panic!("{}: {}", e.id, errs[0]));
        assert!(!r.steps.is_empty());
    }
}

#[test]
fn hallegraeff_is_about_three_minutes() {
    let lib = Library::load(std::path::Path::new("/nonexistent"));
    let r = lib.find("hallegraeff-2012").unwrap().routine.as_ref().unwrap();
    let total = super::plan::total_time(r).as_secs();
    assert!((150..=240).contains(&total), "{total}");
}

#[test]
fn a_step_may_give_its_own_words() {
    let text = format!("{MINIMAL}say = \"  Calf,   left   first \"\n\n[cues]\nspoken_count = true\n");
    let r = parse_routine("t", "t.toml", &text).unwrap();
    assert_eq!(r.steps[0].say.as_deref(), Some("Calf, left first"));
    assert!(r.cues.spoken_count);
    assert!(parse_routine("t", "t.toml", MINIMAL).unwrap().steps[0].say.is_none());
    assert!(one_error(&format!("{MINIMAL}say = \" \"\n")).contains("say must not be empty"));
    assert!(one_error(&format!("{MINIMAL}say = \"{}\"\n", "a".repeat(201))).contains("at most 200"));
    assert!(one_error(&format!("{MINIMAL}say = \"x\\u001b]2;t\"\n")).contains("without control characters"));
}

#[test]
fn a_duration_too_long_to_add_is_refused_not_a_panic() {
    let text = MINIMAL.replace("30s", "400000000000years");
    assert!(!errors(&text).is_empty());
    let text = format!("{MINIMAL}\n[[step]]\ntitle = \"Rest\"\nhold = \"30s\"\nrest = \"400000000000years\"\n");
    assert!(!errors(&text).is_empty());
}
