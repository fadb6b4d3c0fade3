//! `--format gitlab`: a GitLab Code Quality report (a JSON array of issues), for the merge
//! request widget (`artifacts: reports: codequality:`).
//!
//! Each issue has `type: "issue"`, `check_name` (the rule code), `description` (the message),
//! `content.body` (the help, when there is one), `categories`, `severity` (`major` for errors,
//! `minor` for warnings, `info` for notes), a `fingerprint` unique to the file and finding (the
//! SARIF fingerprint with the path), and `location` with the path relative to the root
//! (`--sarif-root`, default the current directory) and `positions.begin`/`end` as 1-based line
//! and code-point column.

use serde_json::{json, Value};

use crate::diagnostic::Severity;
use crate::emit::sarif::Options;
use crate::emit::{Positions, Run};

/// Render `run` as a pretty-printed Code Quality array (with a trailing newline).
pub fn render(run: &Run, opts: &Options) -> String {
    let mut issues: Vec<Value> = Vec::new();
    for f in &run.files {
        let path = crate::emit::relative_to(&f.path, &opts.root, &opts.cwd)
            .unwrap_or_else(|| f.path.clone());
        let pos = Positions::for_file(f);
        let prints = crate::emit::fingerprints(f);
        for (d, print) in f.report.diagnostics.iter().zip(&prints) {
            let Some(p) = crate::emit::primary(d) else {
                continue;
            };
            let (s, e) = (pos.at(p.span.start), pos.at(p.span.end));
            let category = crate::rules::find(crate::emit::code(d))
                .map_or_else(String::new, |r| r.meta().category.to_string());
            let mut issue = json!({
                "type": "issue",
                "check_name": crate::emit::code(d),
                "description": crate::emit::with_record(f, &d.message),
                "categories": ["Bug Risk"],
                "severity": match d.severity {
                    Severity::Error => "major",
                    Severity::Warning => "minor",
                    Severity::Note => "info",
                },
                "fingerprint": format!("{:016x}", crate::emit::fnv1a(&[&path, print])),
                "location": {
                    "path": path,
                    "positions": {
                        "begin": { "line": s.line, "column": s.column },
                        "end": { "line": e.line, "column": e.column },
                    },
                },
            });
            if let Some(h) = &d.help {
                crate::emit::set(&mut issue, "content", json!({ "body": h }));
            }
            if !category.is_empty() {
                crate::emit::set(&mut issue, "tags", json!([category]));
            }
            issues.push(issue);
        }
    }
    let mut s = serde_json::to_string_pretty(&issues).unwrap_or_else(|_| "[]".to_string());
    s.push('\n');
    s
}
