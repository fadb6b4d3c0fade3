//! claimlint: lints news articles for internal inconsistencies.
//!
//! The library core has no I/O: [`input::read_article`] turns bytes into an [`Article`],
//! [`check`] runs the rules and returns sorted [`Diagnostic`]s, and [`emit`] renders them.
//! See `docs/DESIGN.md` for the architecture.

#![deny(missing_docs)]

pub mod article;
pub mod claims;
pub mod diagnostic;
#[cfg(feature = "cli")]
pub mod emit;
pub mod fast_regex;
pub mod input;
pub mod knowledge;
pub mod reference;
pub mod report;
pub mod rules;
#[cfg(feature = "cli")]
pub mod runner;
pub mod source;

pub use article::{Article, Span};
pub use diagnostic::{Diagnostic, Label, Severity};
pub use reference::{ReferenceDate, ReferenceSource};

pub use report::{Report, Settings};

/// Run every built-in rule on `article`. Deterministic: same input, same output, no clock.
pub fn check(article: &Article, settings: &Settings) -> Report {
    check_with(article, settings, &rules::RuleSet::builtin())
}

/// Run the rules of `rules` on `article`: diagnostics normalised (see
/// [`Diagnostic::normalise`]) and sorted by primary label start, then code, then message.
pub fn check_with(article: &Article, settings: &Settings, rules: &rules::RuleSet) -> Report {
    let reference = reference::resolve(article, settings.reference_date);
    let mentions = claims::Mentions::extract(article, reference.as_ref());
    let cx = rules::Context {
        article,
        reference: reference.as_ref(),
        mentions: &mentions,
    };
    let mut diagnostics = Vec::new();
    for rule in rules.iter() {
        rule.check(&cx, &mut diagnostics);
    }
    let mut diagnostics: Vec<Diagnostic> = diagnostics
        .into_iter()
        .map(Diagnostic::normalise)
        .filter(|d| !d.labels.is_empty())
        .collect();
    diagnostics
        .sort_by(|a, b| (a.start(), &a.code, &a.message).cmp(&(b.start(), &b.code, &b.message)));
    Report {
        reference,
        diagnostics,
    }
}
