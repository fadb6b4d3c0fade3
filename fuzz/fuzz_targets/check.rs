//! The whole check as the command line runs it: the first byte picks the reader (plain,
//! Markdown, HTML, JSON, NDJSON), the rest is the file.
#![no_main]

#[path = "common.rs"]
mod common;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let format = claimlint::article::Format::ALL[usize::from(pick) % claimlint::article::Format::ALL.len()];
    common::run(rest, format);
});
