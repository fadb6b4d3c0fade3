//! Our own diagnostic type, independent of any renderer.

use std::borrow::Cow;

use serde::Serialize;

use crate::source::Span;

/// How serious a finding is. Ordered: `Note < Warning < Error`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth a look; not necessarily wrong.
    Note,
    /// Probably wrong; a human should check.
    Warning,
    /// A contradiction that can be shown.
    Error,
}

impl Severity {
    /// The lowercase name used in output (`error`, `warning`, `note`).
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    /// One level lower (`Error` → `Warning` → `Note`; `Note` stays).
    pub fn downgrade(self) -> Severity {
        match self {
            Severity::Error => Severity::Warning,
            _ => Severity::Note,
        }
    }
}

/// A labelled span of a diagnostic.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Label {
    /// Byte range into the original file.
    pub span: Span,
    /// What this side of the conflict says.
    pub message: String,
    /// The label the finding is reported at (exactly one per diagnostic).
    pub primary: bool,
}

/// One finding of one rule.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Stable rule code (`L001`); borrowed for built-in rules, owned for rules from data.
    pub code: Cow<'static, str>,
    /// Kebab-case rule name (`event-location-conflict`).
    pub rule: Cow<'static, str>,
    /// Severity after any downgrades.
    pub severity: Severity,
    /// One sentence saying what clashes and why.
    pub message: String,
    /// What to do about it.
    pub help: Option<String>,
    /// Labelled spans; sorted by start, distinct, non-empty, exactly one primary.
    pub labels: Vec<Label>,
    /// A suggested correction, when the rule can name one.
    pub fix: Option<Fix>,
}

/// How safe a [`Fix`] is to apply without reading it (ruff's applicability).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    /// Certainly right (a weekday that the date fixes); may be applied automatically.
    Safe,
    /// Probably right, but an editor must choose (which of two spellings is the real one).
    Unsafe,
}

/// One text replacement: the bytes of `span` become `replacement`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Edit {
    /// Byte range into the original file to replace (may be empty for an insertion).
    pub span: Span,
    /// The new text.
    pub replacement: String,
}

/// A suggested correction: one or more non-overlapping edits applied together.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Fix {
    /// What the fix does, for a menu ("replace Tuesday with Wednesday").
    pub message: String,
    /// Whether the fix may be applied without review.
    pub applicability: Applicability,
    /// The edits, sorted by span start, non-overlapping.
    pub edits: Vec<Edit>,
}

impl Diagnostic {
    /// The primary label's start byte (used for sorting), or 0 when there are no labels.
    pub fn start(&self) -> usize {
        self.labels
            .iter()
            .find(|l| l.primary)
            .or(self.labels.first())
            .map_or(0, |l| l.span.start)
    }

    /// Put labels in document order, drop empty or duplicate spans and make sure exactly one
    /// label is primary (the first remaining one if the primary was dropped).
    pub fn normalise(mut self) -> Self {
        self.labels.retain(|l| !l.span.is_empty());
        self.labels
            .sort_by_key(|l| (l.span.start, l.span.end, !l.primary));
        self.labels.dedup_by(|b, a| a.span == b.span);
        let mut seen = false;
        for l in &mut self.labels {
            if l.primary && seen {
                l.primary = false;
            }
            seen |= l.primary;
        }
        if !seen {
            if let Some(first) = self.labels.first_mut() {
                first.primary = true;
            }
        }
        self
    }
}
