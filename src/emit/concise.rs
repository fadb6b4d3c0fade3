//! `--format concise`: one line per finding, `path:line:col: severity[CODE] message`, in the
//! shape compilers use so that grep, editors' quickfix lists and `compilation-mode` read it.
//! Each secondary label follows as an indented `path:line:col: note: message` line. Columns are
//! 1-based Unicode code points. Line breaks in messages are written as `\n` so that a finding
//! stays on one line.

use crate::emit::{Positions, Run};

/// Render every diagnostic of `run` (no summary line).
pub fn render(run: &Run) -> String {
    let mut out = String::new();
    for f in &run.files {
        let pos = Positions::for_file(f);
        for d in &f.report.diagnostics {
            let Some(p) = crate::emit::primary(d) else {
                continue;
            };
            let at = pos.at(p.span.start);
            let record = f
                .record
                .as_ref()
                .map_or_else(String::new, |r| format!("[{}] ", one_line(r)));
            out.push_str(&format!(
                "{}:{}:{}: {}[{}] {record}{}\n",
                f.path,
                at.line,
                at.column,
                d.severity.as_str(),
                crate::emit::code(d),
                one_line(&d.message)
            ));
            for l in d.labels.iter().filter(|l| !l.primary) {
                let at = pos.at(l.span.start);
                out.push_str(&format!(
                    "  {}:{}:{}: note: {}\n",
                    f.path,
                    at.line,
                    at.column,
                    one_line(&l.message)
                ));
            }
        }
    }
    out
}

/// `s` with CR and LF written as `\r` and `\n` (and a backslash as `\\`), so it fits one line.
pub(crate) fn one_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out
}
