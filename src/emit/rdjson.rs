//! `--format rdjson`: reviewdog's Diagnostic Format as one `DiagnosticResult` document, for
//! `reviewdog -f=rdjson`.
//!
//! Each diagnostic has `message`, `severity` (`ERROR`, `WARNING`, `INFO`), `code.value` (the
//! rule code), `location` (the path as given and a `range` whose `end` is exclusive),
//! `related_locations` for the secondary labels with their messages, and `suggestions` (one
//! per edit of the rule's fix) when the rule names a correction. Columns are 1-based **UTF-8
//! byte** counts, as reviewdog defines them (a leading byte-order mark not counted).

use serde_json::{json, Value};

use crate::diagnostic::Severity;
use crate::emit::{Positions, Run};

fn range(pos: &Positions<'_>, start: usize, end: usize) -> Value {
    let (s, e) = (pos.at(start), pos.at(end));
    json!({
        "start": { "line": s.line, "column": s.byte_column },
        "end": { "line": e.line, "column": e.byte_column },
    })
}

/// Render `run` as a pretty-printed rdjson document (with a trailing newline).
pub fn render(run: &Run) -> String {
    let mut diagnostics = Vec::new();
    for f in &run.files {
        let pos = Positions::for_file(f);
        for d in &f.report.diagnostics {
            let Some(p) = crate::emit::primary(d) else {
                continue;
            };
            let mut message = crate::emit::with_record(f, &d.message);
            if let Some(h) = &d.help {
                message.push_str(&format!("\nhelp: {h}"));
            }
            let mut out = json!({
                "message": message,
                "location": { "path": f.path, "range": range(&pos, p.span.start, p.span.end) },
                "severity": match d.severity {
                    Severity::Error => "ERROR",
                    Severity::Warning => "WARNING",
                    Severity::Note => "INFO",
                },
                "code": { "value": crate::emit::code(d) },
            });
            let related: Vec<Value> = d
                .labels
                .iter()
                .filter(|l| !l.primary)
                .map(|l| {
                    json!({
                        "message": l.message,
                        "location": { "path": f.path, "range": range(&pos, l.span.start, l.span.end) },
                    })
                })
                .collect();
            if !related.is_empty() {
                crate::emit::set(&mut out, "related_locations", json!(related));
            }
            if let Some(fix) = &d.fix {
                crate::emit::set(
                    &mut out,
                    "suggestions",
                    json!(fix
                        .edits
                        .iter()
                        .map(|e| json!({
                            "range": range(&pos, e.span.start, e.span.end),
                            "text": e.replacement,
                        }))
                        .collect::<Vec<_>>()),
                );
            }
            diagnostics.push(out);
        }
    }
    let doc = json!({
        "source": { "name": "claimlint", "url": crate::emit::INFORMATION_URI },
        "diagnostics": diagnostics,
    });
    let mut s = serde_json::to_string_pretty(&doc).unwrap_or_else(|_| "{}".to_string());
    s.push('\n');
    s
}
