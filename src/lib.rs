//! claimlint: lints news articles for internal inconsistencies.
//!
//! The library core has no I/O: [`input::read_article`] turns bytes into an [`Article`],
//! [`check`] runs the rules and returns sorted [`Diagnostic`]s, and [`emit`] renders them.
//! See `docs/DESIGN.md` for the architecture.

pub mod article;
pub mod diagnostic;
pub mod emit;
pub mod extract;
pub mod fast_regex;
pub mod input;
pub mod knowledge;
pub mod line_index;
pub mod reference;
pub mod rules;
pub mod runner;

pub use article::{Article, Span};
pub use diagnostic::{Diagnostic, Label, Severity};
pub use reference::{ReferenceDate, ReferenceSource};

use chrono::NaiveDate;

/// Options for one run of the rules.
#[derive(Clone, Debug, Default)]
pub struct Settings {
    /// `--reference-date`: the article's date, overriding anything written in the article.
    pub reference_date: Option<NaiveDate>,
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

/// Run every rule on `article`. Deterministic: same input, same output, no clock.
pub fn check(article: &Article, settings: &Settings) -> Report {
    let reference = reference::resolve(article, settings.reference_date);
    let mentions = extract::Mentions::extract(article, reference.as_ref());
    let cx = rules::Context {
        article,
        reference: reference.as_ref(),
        mentions: &mentions,
    };
    let mut diagnostics = Vec::new();
    for rule in rules::all() {
        rule.check(&cx, &mut diagnostics);
    }
    let mut diagnostics: Vec<Diagnostic> = diagnostics
        .into_iter()
        .map(Diagnostic::normalise)
        .filter(|d| !d.labels.is_empty())
        .collect();
    diagnostics
        .sort_by(|a, b| (a.start(), a.code, &a.message).cmp(&(b.start(), b.code, &b.message)));
    Report {
        reference,
        diagnostics,
    }
}
