//! Human output: each diagnostic rendered by miette with both sides labelled.

use std::fmt;
use std::sync::Arc;

use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents,
    SourceCode, SourceSpan, SpanContents,
};

use crate::data_error::DataFileError;
use crate::diagnostic::{Diagnostic, Severity};
use crate::emit::Run;
use crate::source::{LineIndex, OffsetMap};

/// A file's text for miette, named, with the header's column counted in code points (as in
/// JSON; a leading byte-order mark not counted) instead of miette's bytes.
///
/// For a JSON or NDJSON record, `text` is the record's decoded text and `header` maps the
/// header's position back to the line and column in the file.
/// With `index` (files whose lines all end in `\n` or `\r\n`, as miette counts lines), miette
/// reads each span from a window of the lines around it instead of scanning the text from its
/// start, so rendering many findings of a long file stays linear.
#[derive(Debug)]
struct Source {
    name: String,
    text: Arc<str>,
    index: Option<LineIndex>,
    header: Option<FilePositions>,
}

impl Source {
    /// The byte range of the lines from `before` lines above the one holding `start` to
    /// `after` lines below the one holding `end`, one more line each side (miette reads the
    /// context lines and their endings), and the 0-based number of the window's first line.
    fn window(
        &self,
        start: usize,
        end: usize,
        before: usize,
        after: usize,
    ) -> (usize, usize, usize) {
        let Some(index) = &self.index else {
            return (0, self.text.len(), 0);
        };
        let first = index.line_number(start).saturating_sub(before + 2);
        let last = index.line_number(end) + after + 1;
        let len = self.text.len();
        (
            index.start_of_line(first).min(len),
            index.start_of_line(last + 1).min(len),
            first,
        )
    }
}

/// How a view's byte offset becomes the file's line and column (1-based, columns in code
/// points): the view → file map, the file text and its line index.
#[derive(Debug)]
struct FilePositions {
    to_file: Arc<OffsetMap>,
    file_text: Arc<str>,
    index: Arc<LineIndex>,
}

impl SourceCode for Source {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let full: &str = &self.text;
        let at = span.offset().min(full.len());
        let (w0, w1, base_line) = self.window(
            at,
            (at + span.len()).min(full.len()),
            context_lines_before,
            context_lines_after,
        );
        let window = full.get(w0..w1).unwrap_or(full);
        let (w0, base_line) = if window.len() == full.len() {
            (0, 0)
        } else {
            (w0, base_line)
        };
        let local = SourceSpan::new((span.offset() - w0).into(), span.len());
        let inner = window.read_span(&local, context_lines_before, context_lines_after)?;
        // Only the header reads a span without context; snippet rendering keeps miette's own
        // column bookkeeping.
        let header = context_lines_before == 0 && context_lines_after == 0;
        if let (true, Some(h)) = (header, &self.header) {
            let at = h.to_file.start(span.offset());
            let (line, column) = h.index.position(&h.file_text, at);
            return Ok(Box::new(MietteSpanContents::new_named(
                self.name.clone(),
                inner.data(),
                *inner.span(),
                line.saturating_sub(1),
                column.saturating_sub(1),
                inner.line_count(),
            )));
        }
        let column = if header {
            let text: &str = &self.text;
            let mut at = span.offset().min(text.len());
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            let mut start = text
                .get(..at)
                .unwrap_or_default()
                .rfind('\n')
                .map_or(0, |i| i + 1);
            if start == 0 && text.starts_with('\u{feff}') {
                start = at.min(3);
            }
            text.get(start..at).unwrap_or_default().chars().count()
        } else {
            inner.column()
        };
        let data_span = SourceSpan::new((inner.span().offset() + w0).into(), inner.span().len());
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            inner.data(),
            data_span,
            inner.line() + base_line,
            column,
            inner.line_count(),
        )))
    }
}

/// Adapter from our [`Diagnostic`] to `miette::Diagnostic`.
struct Adapter<'a> {
    d: &'a Diagnostic,
    source: &'a Source,
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

/// Render every diagnostic of `run` followed by the [`summary`](crate::emit::summary) line.
/// `color` picks the ANSI theme; the width is fixed at 100 columns so output is stable.
pub fn render(run: &Run, color: bool) -> String {
    let mut out = render_findings(run, color);
    out.push_str(&crate::emit::summary(run));
    out
}

/// Render every diagnostic of `run`, without the summary line (`--quiet`).
pub fn render_findings(run: &Run, color: bool) -> String {
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
        // A JSON or NDJSON record is shown as its decoded field text, its header giving the
        // line and column in the file.
        let view = f.record_view.as_deref();
        let index = crate::emit::shared_line_index(&f.text);
        let shown: Arc<str> = view.map_or_else(|| f.text.clone(), |v| v.text.clone());
        let shown_index = match view {
            Some(v) => Arc::new(LineIndex::new(&v.text)),
            None => index.clone(),
        };
        // miette counts lines at `\n` only: a file with lone-CR line endings is shown without
        // snippets, with our own (right) line numbers.
        let lone_cr = shown
            .as_bytes()
            .windows(2)
            .any(|w| matches!(w, &[b'\r', c] if c != b'\n'))
            || shown.ends_with('\r');
        let source = Source {
            name: f.display_name(),
            text: shown.clone(),
            index: (!lone_cr).then(|| (*shown_index).clone()),
            header: view.map(|v| FilePositions {
                to_file: v.to_file.clone(),
                file_text: f.text.clone(),
                index: index.clone(),
            }),
        };
        for d in &f.report.diagnostics {
            // A decoded file's spans are offsets into its bytes on disk: show them in the
            // decoded text; a record's, in its decoded field text.
            let mapped;
            let d = if f.transcoding.is_some() || view.is_some() {
                let mut c = d.clone();
                c.labels.iter_mut().for_each(|l| {
                    l.span = f.text_span(l.span);
                    if let Some(v) = view {
                        l.span = v.to_view.span(l.span);
                    }
                });
                mapped = c;
                &mapped
            } else {
                d
            };
            if lone_cr || longest_labelled_line(&shown, &shown_index, d) > MAX_SNIPPET_LINE {
                match view {
                    // Positions and quoted text from the file.
                    Some(v) => {
                        let mut c = d.clone();
                        c.labels
                            .iter_mut()
                            .for_each(|l| l.span = v.to_file.span(l.span));
                        render_plain(&mut out, &f.display_name(), &f.text, &index, &c);
                    }
                    None => render_plain(&mut out, &f.display_name(), &f.text, &index, d),
                }
                out.push('\n');
                continue;
            }
            let a = Adapter {
                d,
                source: &source,
                len: shown.len(),
            };
            if handler.render_report(&mut out, &a).is_err() {
                out.push_str(&format!("{}: {} {}\n", f.display_name(), d.code, d.message));
            }
            out.push('\n');
        }
    }
    out
}

/// Lines longer than this (in bytes) are not shown as snippets: miette cannot render lines past
/// 65,535 columns, and nobody reads a snippet that wide.
const MAX_SNIPPET_LINE: usize = 2_000;

/// Length in bytes of the longest line that a label of `d` touches.
fn longest_labelled_line(text: &str, index: &LineIndex, d: &Diagnostic) -> usize {
    d.labels
        .iter()
        .map(|l| {
            let start = index.line_start(l.span.start.min(text.len()));
            let end = index.line_end(text, l.span.end.min(text.len()));
            end.saturating_sub(start)
        })
        .max()
        .unwrap_or(0)
}

/// A diagnostic without a source snippet: one line per label with its position.
fn render_plain(out: &mut String, path: &str, text: &str, index: &LineIndex, d: &Diagnostic) {
    let mark = match d.severity {
        Severity::Error => "×",
        Severity::Warning => "⚠",
        Severity::Note => "☞",
    };
    out.push_str(&format!(
        "{}({})

  {mark} {}
",
        d.code, d.rule, d.message
    ));
    for l in &d.labels {
        let (line, column) = index.position(text, l.span.start);
        let spanned = text.get(l.span.start..l.span.end).unwrap_or("");
        let role = if l.primary { "-->" } else { "   " };
        out.push_str(&format!(
            "  {role} {path}:{line}:{column} \"{spanned}\": {}\n",
            l.message
        ));
    }
    if let Some(h) = &d.help {
        out.push_str(&format!("  help: {h}\n"));
    }
}

/// Adapter from a [`DataFileError`] to `miette::Diagnostic`.
#[derive(Debug)]
struct DataAdapter<'a> {
    e: &'a DataFileError,
    source: Source,
}

impl fmt::Display for DataAdapter<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.e.message)
    }
}

impl std::error::Error for DataAdapter<'_> {}

impl miette::Diagnostic for DataAdapter<'_> {
    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.e
            .help
            .as_ref()
            .map(|h| Box::new(h.clone()) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.e.span.map(|_| &self.source as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let span = self.e.span?;
        let len = self.e.text.len();
        let start = span.start.min(len);
        let end = span.end.min(len).max(start);
        Some(Box::new(std::iter::once(
            LabeledSpan::new_primary_with_span(Some("here".to_string()), start..end),
        )))
    }
}

/// Render an error in a user's data file (configuration, rule pack) as a miette report with a
/// snippet at its span, without colour; ends with a newline. Falls back to the one-line
/// [`Display`](fmt::Display) form when the span's line is too long to show.
pub fn render_data_error(e: &DataFileError) -> String {
    let long = e.span.is_some_and(|s| {
        let d = Diagnostic {
            code: "".into(),
            rule: "".into(),
            severity: Severity::Error,
            message: String::new(),
            help: None,
            labels: vec![crate::diagnostic::Label {
                span: s,
                message: String::new(),
                primary: true,
            }],
            fix: None,
        };
        longest_labelled_line(&e.text, &LineIndex::new(&e.text), &d) > MAX_SNIPPET_LINE
    });
    if long {
        return format!("error: {e}\n");
    }
    let handler = GraphicalReportHandler::new_themed(GraphicalTheme::unicode_nocolor())
        .with_width(100)
        .with_links(false);
    let a = DataAdapter {
        e,
        source: Source {
            name: e.path.clone(),
            text: e.text.clone(),
            header: None,
            index: None,
        },
    };
    let mut out = String::new();
    if handler.render_report(&mut out, &a).is_err() || e.span.is_none() {
        return format!("error: {e}\n");
    }
    out
}

#[cfg(test)]
mod data_error_tests {
    use super::*;
    use crate::source::Span;

    #[test]
    fn data_error_snippet_names_file_line_and_column() {
        let text: Arc<str> = Arc::from("select = [\"L001\"]\nselct = 1\n");
        let e = DataFileError::at(
            "claimlint.toml",
            text,
            Span::new(18, 23),
            "unknown key `selct`",
        )
        .with_help("did you mean `select`?");
        let out = render_data_error(&e);
        assert!(out.contains("unknown key `selct`"), "{out}");
        assert!(out.contains("[claimlint.toml:2:1]"), "{out}");
        assert!(out.contains("selct = 1"), "{out}");
        assert!(out.contains("did you mean `select`?"), "{out}");
        let w = DataFileError::whole_file("x.toml", "cannot read");
        assert_eq!(render_data_error(&w), "error: x.toml: cannot read\n");
    }
}
