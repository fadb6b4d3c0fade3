//! Evaluation harness (being implemented).
fn main() {}
