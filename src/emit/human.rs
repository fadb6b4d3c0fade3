//! Human output: each diagnostic rendered by miette with both sides labelled.

use std::fmt;
use std::sync::Arc;

use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, SourceCode};

use crate::diagnostic::{Diagnostic, Severity};
use crate::emit::Run;

/// Adapter from our [`Diagnostic`] to `miette::Diagnostic`.
struct Adapter<'a> {
    d: &'a Diagnostic,
    source: &'a NamedSource<Arc<str>>,
    len: usize,
}

impl fmt::Debug for Adapter<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.d.message)
    }
}

impl fmt::Display for Adapter<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.d.message)
    }
}

impl std::error::Error for Adapter<'_> {}

impl miette::Diagnostic for Adapter<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(format!("{}({})", self.d.code, self.d.rule)))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.d.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Note => miette::Severity::Advice,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.d
            .help
            .as_ref()
            .map(|h| Box::new(h.as_str()) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let len = self.len;
        Some(Box::new(self.d.labels.iter().filter_map(move |l| {
            // miette panics past the end and drops empty spans: clamp, skip empties.
            let start = l.span.start.min(len);
            let end = l.span.end.min(len);
            (end > start).then(|| {
                let msg = Some(l.message.clone());
                if l.primary {
                    LabeledSpan::new_primary_with_span(msg, start..end)
                } else {
                    LabeledSpan::new_with_span(msg, start..end)
                }
            })
        })))
    }
}

/// Render every diagnostic of `run` followed by a summary line. `color` picks the ANSI theme;
/// the width is fixed at 100 columns so output is stable.
pub fn render(run: &Run, color: bool) -> String {
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(100)
        .with_links(false);
    let mut out = String::new();
    for f in &run.files {
        if f.report.diagnostics.is_empty() {
            continue;
        }
        let source = NamedSource::new(f.path.clone(), f.text.clone());
        for d in &f.report.diagnostics {
            let a = Adapter {
                d,
                source: &source,
                len: f.text.len(),
            };
            if handler.render_report(&mut out, &a).is_err() {
                out.push_str(&format!("{}: {} {}\n", f.path, d.code, d.message));
            }
            out.push('\n');
        }
    }
    let (e, w, n) = run.counts();
    let checked = run.files.len();
    out.push_str(&format!(
        "{checked} file{} checked: {e} error{}, {w} warning{}, {n} note{}{}\n",
        plural(checked),
        plural(e),
        plural(w),
        plural(n),
        if run.errors.is_empty() {
            String::new()
        } else {
            format!(
                "; {} file{} could not be read",
                run.errors.len(),
                plural(run.errors.len())
            )
        }
    ));
    out
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
