//! The run model: what checking produced, independent of how it is shown.
//!
//! [`Settings`] go in; a [`Report`] comes out per article; the driver gathers reports into a
//! [`Run`] of [`CheckedFile`]s and [`FileError`]s, which every emitter reads.

use std::sync::Arc;

use chrono::NaiveDate;

use crate::diagnostic::{Diagnostic, Severity};
use crate::reference::ReferenceDate;
use crate::rules::RuleSet;

/// Options for one run of the rules.
#[derive(Clone, Debug, Default)]
pub struct Settings {
    /// `--reference-date`: the article's date, overriding anything written in the article.
    pub reference_date: Option<NaiveDate>,
    /// The rules to run ([`RuleSet::builtin`] by default; rule packs add to it, configuration
    /// selects from it).
    pub rules: RuleSet,
    /// Per-rule severity from configuration (`[severity]`), keyed by canonical code (`P001`,
    /// never an alias): every finding of that rule gets this severity. Empty by default.
    pub severity: std::collections::BTreeMap<String, Severity>,
    /// Configuration `reference-date`: whether a date written in the article may be the
    /// reference date (`article`, the default) or only `--reference-date` counts (`none`).
    pub reference_policy: crate::config::ReferencePolicy,
    /// Configuration `fail-on`: the exit-code threshold for this file when the command line
    /// gives neither `--fail-on` nor `--exit-zero`.
    pub fail_on: crate::config::FailOn,
    /// How files are read: JSON field names (`--json-fields`, `[input] json-fields`) and the
    /// accepted encodings (`--encoding`). Used by the runner, not by [`crate::check`].
    pub input: crate::input::InputOptions,
}

/// The result of checking one article.
#[derive(Clone, Debug)]
pub struct Report {
    /// The reference date used by date rules, and where it came from; `None` when the article
    /// gives none and none was passed.
    pub reference: Option<ReferenceDate>,
    /// Findings sorted by primary label start, then code.
    pub diagnostics: Vec<Diagnostic>,
}

/// One article that was read and checked.
#[derive(Clone, Debug)]
pub struct CheckedFile {
    /// The path as given (`<stdin>` for standard input).
    pub path: String,
    /// The file text, shared with the renderer (the whole file, also for one record of a
    /// JSON or NDJSON file).
    pub text: Arc<str>,
    /// The record's name within the file (`line 3`, `id "a-17"`) when the file holds several
    /// articles; `None` for a file holding one. Emitters show it after the path.
    pub record: Option<String>,
    /// Its findings and reference date (spans are byte offsets into `text`, or into the bytes
    /// on disk when `transcoding` is set).
    pub report: Report,
    /// `Some` when the file on disk is not UTF-8 (Windows-1252, UTF-16): `text` is then the
    /// decoded file and the report's spans are byte offsets into the bytes on disk; emitters map
    /// them back to `text` with [`crate::source::Transcoding::to_text`] for lines, columns and
    /// snippets ([`CheckedFile::text_span`]).
    pub transcoding: Option<Arc<crate::source::Transcoding>>,
    /// For a record of a JSON or NDJSON file: its fields' decoded text (escapes resolved), which
    /// the human renderer shows instead of the raw JSON line; `None` for other formats.
    pub record_view: Option<Arc<RecordView>>,
}

/// The decoded text of one JSON or NDJSON record (headline, dek, dateline, body paragraphs,
/// as the reader laid them out) and the maps between it and the file: what a reader of the
/// human output wants to see instead of `\"` and `\u00e9`.
#[derive(Clone, Debug)]
pub struct RecordView {
    /// The record's analysis text ([`crate::Article::text`]).
    pub text: Arc<str>,
    /// View byte offset → file byte offset.
    pub to_file: Arc<crate::source::OffsetMap>,
    /// File byte offset → view byte offset.
    pub to_view: crate::source::OffsetMap,
}

impl RecordView {
    /// The view of `article` when it is a JSON or NDJSON record, else `None`.
    pub fn of(article: &crate::Article) -> Option<Arc<RecordView>> {
        use crate::input::Format;
        let source = article.source.as_ref()?;
        if !matches!(article.format, Format::Json | Format::Ndjson) {
            return None;
        }
        Some(Arc::new(RecordView {
            text: article.text.clone(),
            to_file: source.map.clone(),
            to_view: source.map.inverse(),
        }))
    }
}

impl CheckedFile {
    /// `span` (bytes of the file on disk, as in the report) as bytes of [`CheckedFile::text`]:
    /// unchanged unless the file was decoded from another encoding.
    pub fn text_span(&self, span: crate::source::Span) -> crate::source::Span {
        match &self.transcoding {
            Some(t) => t.to_text.span(span),
            None => span,
        }
    }

    /// The name shown for this article: `path`, or `path:record` for a record of a JSON or
    /// NDJSON file (e.g. `feed.ndjson:line 3`).
    pub fn display_name(&self) -> String {
        match &self.record {
            Some(r) => format!("{}:{r}", self.path),
            None => self.path.clone(),
        }
    }
}

/// A file that could not be read or decoded.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct FileError {
    /// The path as given.
    pub path: String,
    /// One line saying what went wrong.
    pub message: String,
}

/// Everything one `claimlint check` run produced, in input order.
#[derive(Clone, Debug, Default)]
pub struct Run {
    /// Checked files.
    pub files: Vec<CheckedFile>,
    /// Files that could not be checked.
    pub errors: Vec<FileError>,
}

impl Run {
    /// Count of diagnostics at each severity: `(errors, warnings, notes)`.
    pub fn counts(&self) -> (usize, usize, usize) {
        let mut c = (0, 0, 0);
        for d in self.files.iter().flat_map(|f| &f.report.diagnostics) {
            match d.severity {
                Severity::Error => c.0 += 1,
                Severity::Warning => c.1 += 1,
                Severity::Note => c.2 += 1,
            }
        }
        c
    }

    /// True when some diagnostic is at or above `threshold`.
    pub fn has_finding_at(&self, threshold: Severity) -> bool {
        self.files
            .iter()
            .flat_map(|f| &f.report.diagnostics)
            .any(|d| d.severity >= threshold)
    }
}
