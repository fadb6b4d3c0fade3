//! `--format github`: GitHub Actions workflow commands, one per finding, which the runner turns
//! into annotations on the pull request's files:
//!
//! ```text
//! ::error file=PATH,line=L,col=C,endLine=EL,endColumn=EC,title=CODE::MESSAGE
//! ```
//!
//! `error`, `warning` and `notice` follow the severity. The message carries the diagnostic's
//! message, then one line per secondary label (`line:col "text": label message`) and the help.
//! Following the runner's rules, `%`, CR and LF are escaped as `%25`, `%0D` and `%0A` in the
//! message, and additionally `:` and `,` as `%3A` and `%2C` in properties. Columns are 1-based
//! Unicode code points.

use crate::diagnostic::Severity;
use crate::emit::{Positions, Run};

/// Render one workflow command per diagnostic.
pub fn render(run: &Run) -> String {
    let mut out = String::new();
    for f in &run.files {
        let pos = Positions::for_file(f);
        for d in &f.report.diagnostics {
            let Some(p) = crate::emit::primary(d) else {
                continue;
            };
            let (start, end) = (pos.at(p.span.start), pos.at(p.span.end));
            let command = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Note => "notice",
            };
            let mut message = crate::emit::with_record(f, &d.message);
            for l in d.labels.iter().filter(|l| !l.primary) {
                let at = pos.at(l.span.start);
                message.push_str(&format!(
                    "\n{}:{} \"{}\": {}",
                    at.line,
                    at.column,
                    pos.slice(l.span.start, l.span.end),
                    l.message
                ));
            }
            if let Some(h) = &d.help {
                message.push_str(&format!("\nhelp: {h}"));
            }
            out.push_str(&format!(
                "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
                property(&f.path),
                start.line,
                start.column,
                end.line,
                end.column,
                property(crate::emit::code(d)),
                data(&message)
            ));
        }
    }
    out
}

/// Escape a command's message: `%`, CR, LF.
pub(crate) fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escape a command property: as [`data`], plus `:` and `,`.
pub(crate) fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_follow_the_runner() {
        assert_eq!(data("50% a,b:c\r\nd"), "50%25 a,b:c%0D%0Ad");
        assert_eq!(property("a b,c:d%\n"), "a b%2Cc%3Ad%25%0A");
    }
}
