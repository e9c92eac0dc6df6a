//! Routine files: any bytes give a routine or located errors, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = winddown::routine::parse::parse_routine_bytes("fuzz", "fuzz.toml", data);
});
