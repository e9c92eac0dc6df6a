//! Hostile input never panics: arbitrary bytes and mutations of valid files
//! always give an error or a value.

use std::path::Path;

use proptest::prelude::*;
use winddown::journal::Record;
use winddown::journal::store::{Month, month_text, parse_month};
use winddown::routine::library::BUILTINS;
use winddown::routine::parse::parse_routine_bytes;

/// A valid routine file to mutate.
fn routine_text(i: usize) -> &'static str {
    BUILTINS[i % BUILTINS.len()].1
}

/// A valid month file to mutate.
fn journal_text() -> String {
    let records = winddown::journal::exchange::parse_export(
        r#"{"winddown":"export","version":1,"records":[
{"type":"run","night":"2026-11-23","id":"2026-11-23T22:41:00+01:00","routine":"cramp-guard","routine_hash":"0123456789abcdef","started":"2026-11-23T22:41:00+01:00","ended":"2026-11-23T22:47:10+01:00","speed":1.0,"finished":true,"steps":[{"title":"Calf","optional":false,"outcome":"done","held_s":{"left":30.0,"right":30.0}}]},
{"type":"checkin","night":"2026-11-23","recorded":"2026-11-24T07:10:00+01:00","cramps":2,"pain":6,"where":[{"place":"calf","side":"left"}],"quality":"fair","red_flags":{"one_leg_swollen":false,"lasting_numbness":false},"note":"a, \"b\""},
{"type":"cramp","night":"2026-11-23","at":"2026-11-24T03:12:00+01:00","place":"calf","side":"left"},
{"type":"rest","night":"2026-11-20","reason":"travel","recorded":"2026-11-20T20:00:00+01:00"}
]}"#,
    )
    .unwrap();
    month_text(&records)
}

/// Replaces `len` bytes at `at` (wrapped into range) with `with`.
fn splice(base: &[u8], at: usize, len: usize, with: &[u8]) -> Vec<u8> {
    let at = at % (base.len() + 1);
    let end = (at + len).min(base.len());
    let mut out = base[..at].to_vec();
    out.extend_from_slice(with);
    out.extend_from_slice(&base[end..]);
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, .. ProptestConfig::default() })]

    #[test]
    fn routine_from_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        let _ = parse_routine_bytes("x", "x.toml", &bytes);
    }

    #[test]
    fn routine_from_mutated_valid_file(
        which in 0usize..3,
        at in any::<usize>(),
        len in 0usize..40,
        with in "[ -~\\n\\[\\]\"=#]{0,30}",
    ) {
        let mutated = splice(routine_text(which).as_bytes(), at, len, with.as_bytes());
        match parse_routine_bytes("x", "x.toml", &mutated) {
            Ok(r) => prop_assert!(!r.steps.is_empty()),
            // Every error is located inside the file.
            Err(errs) => prop_assert!(errs.iter().all(|d| d.line >= 1 && d.col >= 1 && !d.message.is_empty())),
        }
    }

    #[test]
    fn journal_from_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        let _ = parse_month(Path::new("2026-11.jsonl"), Month(2026, 11), &bytes);
    }

    #[test]
    fn journal_from_mutated_valid_file(at in any::<usize>(), len in 0usize..40, with in "[ -~\\n{}\\[\\]\":,]{0,30}") {
        let text = journal_text();
        let mutated = splice(text.as_bytes(), at, len, with.as_bytes());
        if let Err(e) = parse_month(Path::new("2026-11.jsonl"), Month(2026, 11), &mutated) {
            // Errors name the file and a line.
            prop_assert!(e.to_string().starts_with("2026-11.jsonl:"), "{}", e);
        }
        // The fast path for lines that start with their type accepts and refuses
        // exactly what serde's general reading of a record does.
        for line in String::from_utf8_lossy(&mutated).lines().skip(1) {
            prop_assert_eq!(Record::from_line(line).ok(), serde_json::from_str::<Record>(line).ok(), "{}", line);
        }
    }

    #[test]
    fn journal_round_trips_whatever_the_text(note in "\\PC{0,200}", reason in "\\PC{1,50}", tags in proptest::collection::vec("\\PC{1,12}", 0..4)) {
        let mut records = parse_month(Path::new("m"), Month(2026, 11), journal_text().as_bytes()).unwrap();
        for r in &mut records {
            match r {
                Record::Checkin(c) => {
                    c.note = note.clone();
                    c.tags = tags.clone();
                }
                Record::Rest(rest) => rest.reason = reason.clone(),
                _ => {}
            }
        }
        let text = month_text(&records);
        prop_assert_eq!(text.lines().count(), records.len() + 1, "one record per line, whatever the text");
        prop_assert_eq!(parse_month(Path::new("m"), Month(2026, 11), text.as_bytes()).unwrap(), records);
    }
}
