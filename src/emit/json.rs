//! `--format json`: one JSON document per run (schema in README, `"version": 1`).

use serde::Serialize;

use crate::diagnostic::Diagnostic;
use crate::emit::Run;
use crate::reference::{ReferenceDate, ReferenceSource};

#[derive(Serialize)]
struct Doc<'a> {
    version: u32,
    files: Vec<FileOut<'a>>,
    errors: Vec<ErrOut<'a>>,
    summary: Summary,
}

#[derive(Serialize)]
struct FileOut<'a> {
    path: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    record: Option<&'a str>,
    reference_date: Option<RefOut>,
    diagnostics: Vec<DiagOut<'a>>,
}

/// The `reference_date` object of the JSON documents (check and claims).
#[derive(Serialize)]
pub(crate) struct RefOut {
    date: String,
    source: ReferenceSource,
}

#[derive(Serialize)]
pub(crate) struct DiagOut<'a> {
    code: &'a str,
    rule: &'a str,
    severity: &'a str,
    message: &'a str,
    help: Option<&'a str>,
    labels: Vec<LabelOut<'a>>,
}

#[derive(Serialize)]
pub(crate) struct LabelOut<'a> {
    primary: bool,
    start: usize,
    end: usize,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    text: &'a str,
    message: &'a str,
}

#[derive(Serialize)]
struct ErrOut<'a> {
    path: &'a str,
    message: &'a str,
}

#[derive(Serialize)]
struct Summary {
    files: usize,
    unreadable: usize,
    errors: usize,
    warnings: usize,
    notes: usize,
}

/// `reference_date`: `null`, or the date (YYYY-MM-DD) and where it came from.
pub(crate) fn reference(r: &Option<ReferenceDate>) -> Option<RefOut> {
    r.as_ref().map(|r| RefOut {
        date: r.date.format("%Y-%m-%d").to_string(),
        source: r.source,
    })
}

pub(crate) fn diagnostic<'a>(pos: &super::Positions<'a>, d: &'a Diagnostic) -> DiagOut<'a> {
    DiagOut {
        code: &d.code,
        rule: &d.rule,
        severity: d.severity.as_str(),
        message: &d.message,
        help: d.help.as_deref(),
        labels: d
            .labels
            .iter()
            .map(|l| {
                let (s, e) = (pos.at(l.span.start), pos.at(l.span.end));
                let (line, column, end_line, end_column) = (s.line, s.column, e.line, e.column);
                LabelOut {
                    primary: l.primary,
                    start: l.span.start,
                    end: l.span.end,
                    line,
                    column,
                    end_line,
                    end_column,
                    text: pos.slice(l.span.start, l.span.end),
                    message: &l.message,
                }
            })
            .collect(),
    }
}

/// Render `run` as a pretty-printed JSON document (with a trailing newline).
pub fn render(run: &Run) -> String {
    let (errors, warnings, notes) = run.counts();
    let doc = Doc {
        version: 1,
        files: run
            .files
            .iter()
            .map(|f| {
                let pos = super::Positions::for_file(f);
                FileOut {
                    path: &f.path,
                    record: f.record.as_deref(),
                    reference_date: reference(&f.report.reference),
                    diagnostics: f
                        .report
                        .diagnostics
                        .iter()
                        .map(|d| diagnostic(&pos, d))
                        .collect(),
                }
            })
            .collect(),
        errors: run
            .errors
            .iter()
            .map(|e| ErrOut {
                path: &e.path,
                message: &e.message,
            })
            .collect(),
        summary: Summary {
            files: run.files.len() + run.errors.len(),
            unreadable: run.errors.len(),
            errors,
            warnings,
            notes,
        },
    };
    let mut s =
        serde_json::to_string_pretty(&doc).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    s.push('\n');
    s
}
