//! A small builder for diagnostics, started from a rule's metadata:
//!
//! ```
//! # use claimlint::rules::{Category, RuleMeta};
//! # use claimlint::{Severity, Span};
//! # use std::borrow::Cow;
//! # let meta = RuleMeta {
//! #     code: Cow::Borrowed("D999"), name: Cow::Borrowed("example-rule"),
//! #     aliases: Cow::Borrowed(&[]), category: Category::Dates,
//! #     default_severity: Severity::Error, summary: Cow::Borrowed("An example"),
//! #     explanation: Cow::Borrowed(""),
//! # };
//! let d = meta
//!     .report(Severity::Error, "February 28, 2024 was a Wednesday, not a Tuesday")
//!     .primary(Span::new(0, 7), "written as Tuesday")
//!     .secondary(Span::new(9, 26), "this date fell on a Wednesday")
//!     .help("correct the weekday or the date")
//!     .build();
//! assert_eq!(d.code, "D999");
//! assert_eq!(d.labels.len(), 2);
//! ```
//!
//! The shared wording lives here too, so that rules say the same thing the same way:
//! [`DiagnosticBuilder::reference_label`] labels the reference date where the article wrote it,
//! and [`super::format`] formats numbers and dates.

use crate::article::Span;
use crate::diagnostic::{Diagnostic, Fix, Label, Severity};
use crate::reference::ReferenceDate;
use crate::rules::RuleMeta;

/// A diagnostic under construction; [`build`](Self::build) ends it.
#[derive(Clone, Debug)]
#[must_use = "a diagnostic builder does nothing until it is built and pushed"]
pub struct DiagnosticBuilder {
    diagnostic: Diagnostic,
}

impl DiagnosticBuilder {
    /// A diagnostic of `meta`'s rule with `severity` and `message`, no labels yet.
    pub fn new(meta: &RuleMeta, severity: Severity, message: impl Into<String>) -> Self {
        DiagnosticBuilder {
            diagnostic: Diagnostic {
                code: meta.code.clone(),
                rule: meta.name.clone(),
                severity,
                message: message.into(),
                help: None,
                labels: Vec::new(),
                fix: None,
            },
        }
    }

    /// Add a label; `primary` marks the one the finding is reported at.
    pub fn label(mut self, span: Span, message: impl Into<String>, primary: bool) -> Self {
        self.diagnostic.labels.push(Label {
            span,
            message: message.into(),
            primary,
        });
        self
    }

    /// Add the primary label: where the finding is reported.
    pub fn primary(self, span: Span, message: impl Into<String>) -> Self {
        self.label(span, message, true)
    }

    /// Add a secondary label: the other side of the conflict, or context.
    pub fn secondary(self, span: Span, message: impl Into<String>) -> Self {
        self.label(span, message, false)
    }

    /// A secondary label on the reference date, when it was read from the article (the date
    /// line or the front matter); nothing when it came from `--reference-date`.
    pub fn reference_label(self, reference: &ReferenceDate, message: impl Into<String>) -> Self {
        match reference_span(reference) {
            Some(span) => self.secondary(span, message),
            None => self,
        }
    }

    /// Set the help text: what to do about it.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.diagnostic.help = Some(help.into());
        self
    }

    /// Set the suggested correction.
    pub fn fix(mut self, fix: Fix) -> Self {
        self.diagnostic.fix = Some(fix);
        self
    }

    /// The diagnostic.
    pub fn build(self) -> Diagnostic {
        self.diagnostic
    }
}

impl From<DiagnosticBuilder> for Diagnostic {
    fn from(b: DiagnosticBuilder) -> Diagnostic {
        b.build()
    }
}

/// Where the article wrote its reference date, if it did (date line or front matter).
pub fn reference_span(reference: &ReferenceDate) -> Option<Span> {
    reference.span
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use chrono::NaiveDate;

    use super::*;
    use crate::diagnostic::{Applicability, Edit};
    use crate::reference::ReferenceSource;
    use crate::rules::Category;

    static META: RuleMeta = RuleMeta {
        code: Cow::Borrowed("D999"),
        name: Cow::Borrowed("test-rule"),
        aliases: Cow::Borrowed(&[]),
        category: Category::Dates,
        default_severity: Severity::Warning,
        summary: Cow::Borrowed("A test rule"),
        explanation: Cow::Borrowed(""),
    };

    fn reference(source: ReferenceSource, span: Option<Span>) -> ReferenceDate {
        ReferenceDate {
            date: NaiveDate::from_ymd_opt(2024, 2, 28).unwrap_or_default(),
            source,
            span,
            dateline: None,
        }
    }

    #[test]
    fn builds_labels_help_and_fix_in_order() {
        let fix = Fix {
            message: "replace Tuesday with Wednesday".to_string(),
            applicability: Applicability::Safe,
            edits: vec![Edit {
                span: Span::new(0, 7),
                replacement: "Wednesday".to_string(),
            }],
        };
        let d = META
            .report(Severity::Error, "msg")
            .secondary(Span::new(9, 12), "other")
            .primary(Span::new(0, 7), "here")
            .help("do this")
            .fix(fix.clone())
            .build();
        assert_eq!(d.code, "D999");
        assert_eq!(d.rule, "test-rule");
        assert_eq!(d.severity, Severity::Error);
        assert_eq!(d.message, "msg");
        assert_eq!(d.help.as_deref(), Some("do this"));
        assert_eq!(d.fix, Some(fix));
        let labels: Vec<(usize, &str, bool)> = d
            .labels
            .iter()
            .map(|l| (l.span.start, l.message.as_str(), l.primary))
            .collect();
        assert_eq!(labels, vec![(9, "other", false), (0, "here", true)]);
    }

    #[test]
    fn reference_label_only_where_the_article_wrote_the_date() {
        let span = Span::new(0, 26);
        let label = |r: &ReferenceDate| {
            META.report(Severity::Note, "m")
                .reference_label(r, "the article's date")
                .build()
                .labels
        };
        let line = label(&reference(ReferenceSource::DateLine, Some(span)));
        assert_eq!(line.len(), 1);
        assert_eq!((line[0].span, line[0].primary), (span, false));
        assert_eq!(line[0].message, "the article's date");
        let front = label(&reference(ReferenceSource::FrontMatter, Some(span)));
        assert_eq!(front.len(), 1);
        assert!(label(&reference(ReferenceSource::CommandLine, None)).is_empty());
    }
}
