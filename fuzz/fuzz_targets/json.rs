//! The JSON and NDJSON readers and the whole check on arbitrary bytes (the same input through
//! both).
#![no_main]

#[path = "common.rs"]
mod common;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    common::run(data, claimlint::article::Format::Json);
    common::run(data, claimlint::article::Format::Ndjson);
});
