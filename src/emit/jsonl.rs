//! `--format jsonl`: JSON Lines, one diagnostic per line, each with its file's `path`. The
//! fields are those of a diagnostic in `--format json` (same labels, byte offsets and code-point
//! columns), plus `path`. Files without findings and unreadable files produce no line.

use serde::Serialize;

use crate::emit::json::{self, DiagOut};
use crate::emit::Run;

#[derive(Serialize)]
struct Line<'a> {
    path: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    record: Option<&'a str>,
    #[serde(flatten)]
    diagnostic: DiagOut<'a>,
}

/// Render one JSON object per diagnostic, each followed by a newline.
pub fn render(run: &Run) -> String {
    let mut out = String::new();
    for f in &run.files {
        let pos = super::Positions::for_file(f);
        for d in &f.report.diagnostics {
            let line = Line {
                path: &f.path,
                record: f.record.as_deref(),
                diagnostic: json::diagnostic(&pos, d),
            };
            match serde_json::to_string(&line) {
                Ok(s) => out.push_str(&s),
                Err(e) => out.push_str(&serde_json::json!({ "error": e.to_string() }).to_string()),
            }
            out.push('\n');
        }
    }
    out
}
