//! `--format checkstyle`: Checkstyle XML (`<checkstyle version="4.3">`), read by Jenkins'
//! warnings plugin, reviewdog (`-f=checkstyle`) and many CI dashboards.
//!
//! One `<file name="PATH">` per checked file (empty when clean) with one `<error>` per finding:
//! `line`, `column` (1-based Unicode code points), `severity` (`error`, `warning`, `info`),
//! `message` (the diagnostic's message, then each secondary label as `line:col "text":
//! message` on its own line) and `source` (`claimlint.CODE`).

use crate::diagnostic::Severity;
use crate::emit::{xml_escape as x, Positions, Run};

/// Render `run` as a Checkstyle XML document.
pub fn render(run: &Run) -> String {
    let mut out =
        String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n");
    for f in &run.files {
        let pos = Positions::for_file(f);
        if f.report.diagnostics.is_empty() {
            out.push_str(&format!("  <file name=\"{}\"/>\n", x(&f.path)));
            continue;
        }
        out.push_str(&format!("  <file name=\"{}\">\n", x(&f.path)));
        for d in &f.report.diagnostics {
            let Some(p) = crate::emit::primary(d) else {
                continue;
            };
            let at = pos.at(p.span.start);
            let mut message = crate::emit::with_record(f, &d.message);
            for l in d.labels.iter().filter(|l| !l.primary) {
                let a = pos.at(l.span.start);
                message.push_str(&format!(
                    "\n{}:{} \"{}\": {}",
                    a.line,
                    a.column,
                    pos.slice(l.span.start, l.span.end),
                    l.message
                ));
            }
            out.push_str(&format!(
                "    <error line=\"{}\" column=\"{}\" severity=\"{}\" message=\"{}\" source=\"claimlint.{}\"/>\n",
                at.line,
                at.column,
                match d.severity {
                    Severity::Error => "error",
                    Severity::Warning => "warning",
                    Severity::Note => "info",
                },
                x(&message),
                x(crate::emit::code(d))
            ));
        }
        out.push_str("  </file>\n");
    }
    out.push_str("</checkstyle>\n");
    out
}
