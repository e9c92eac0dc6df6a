//! Journal month files: any bytes give records or a FILE:LINE error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let path = std::path::Path::new("2026-11.jsonl");
    let _ = winddown::journal::store::parse_month(path, winddown::journal::store::Month(2026, 11), data);
});
