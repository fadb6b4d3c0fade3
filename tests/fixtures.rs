//! Every article (`*.txt`, `*.md`) under `fixtures/` is checked and its JSON diagnostics compared with a reviewed
//! snapshot in `tests/snapshots/`. On top of the snapshot, file names state intent, which is
//! asserted independently:
//!
//! - `fixtures/<code>/pos-*.txt` must produce at least one diagnostic with code `<CODE>`;
//! - `fixtures/<code>/neg-*.txt` must produce none with that code;
//! - `...@YYYY-MM-DD.txt` runs with that `--reference-date`.
//!
//! Update snapshots with `INSTA_UPDATE=always cargo test --test fixtures`, then read `git diff`.

use std::path::Path;
use std::sync::Arc;

use chrono::NaiveDate;
use claimlint::emit::{json, CheckedFile, Run};
use claimlint::{check, input, Settings};

fn run_fixture(path: &Path) -> Run {
    let bytes = std::fs::read(path).expect("fixture readable");
    let article = input::read_article(bytes).expect("fixture is UTF-8 text");
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    let reference_date = stem
        .split_once('@')
        .map(|(_, d)| NaiveDate::parse_from_str(d, "%Y-%m-%d").expect("valid @date in name"));
    let report = check(
        &article,
        &Settings {
            reference_date,
            ..Default::default()
        },
    );
    let rel = path
        .strip_prefix(env!("CARGO_MANIFEST_DIR"))
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/");
    Run {
        files: vec![CheckedFile {
            transcoding: None,
            record_view: None,
            path: rel,
            text: Arc::clone(&article.text),
            record: None,
            report,
        }],
        errors: vec![],
    }
}

#[test]
fn fixtures_match_snapshots_and_intent() {
    insta::glob!("../fixtures", "**/*.{txt,md}", |path| {
        // fixtures/claims/ is the claims corpus, snapshotted by tests/claims.rs;
        // fixtures/formats/ holds the other input formats, checked by tests/inputs.rs.
        if path
            .parent()
            .and_then(|p| p.file_name())
            .is_some_and(|n| n == "claims" || n == "formats")
        {
            return;
        }
        let run = run_fixture(path);
        let name = path.file_name().and_then(|s| s.to_str()).unwrap_or("");
        let folder = path
            .parent()
            .and_then(|p| p.file_name())
            .and_then(|s| s.to_str())
            .unwrap_or("")
            .to_ascii_uppercase();
        let codes: Vec<&str> = run.files[0]
            .report
            .diagnostics
            .iter()
            .map(|d| d.code.as_ref())
            .collect();
        if name.starts_with("pos-") {
            assert!(
                codes.contains(&folder.as_str()),
                "{name}: expected a {folder} finding, got {codes:?}"
            );
        } else if name.starts_with("neg-") {
            assert!(
                !codes.contains(&folder.as_str()),
                "{name}: expected no {folder} finding, got {codes:?}"
            );
        }
        let value: serde_json::Value =
            serde_json::from_str(&json::render(&run)).expect("valid JSON");
        insta::assert_json_snapshot!(value["files"][0]);
    });
}
