//! The rules: one file each, registered in [`all`].
//!
//! A rule reads the article and its extracted mentions through a [`Context`] and pushes
//! [`Diagnostic`]s. Its [`RuleMeta`] feeds `claimlint rule CODE` and the docs.

mod d001_weekday_date_mismatch;
mod d002_impossible_date;
mod d003_future_date_in_past_tense;
mod d010_duration_range_mismatch;
mod d011_age_birth_mismatch;
mod d012_relative_date_mismatch;
mod d013_elapsed_years_mismatch;
mod l001_event_location_conflict;
mod n001_name_variant;
mod n010_quantity_conflict;
mod n011_list_count_mismatch;
mod n012_parts_exceed_total;
mod n013_unit_conversion_mismatch;
pub mod trace;

use crate::article::{Article, Span};
use crate::claims::Mentions;
use crate::diagnostic::{Diagnostic, Label, Severity};
use crate::reference::ReferenceDate;

/// Static description of a rule.
#[derive(Debug)]
pub struct RuleMeta {
    /// Stable code, e.g. `L001`.
    pub code: &'static str,
    /// Kebab-case name of the problem, e.g. `event-location-conflict`.
    pub name: &'static str,
    /// Category: `places`, `names`, `numbers` or `dates`.
    pub category: &'static str,
    /// Severity when nothing downgrades it.
    pub default_severity: Severity,
    /// One line.
    pub summary: &'static str,
    /// Markdown with *What it checks*, *Why it matters* and *Example* sections.
    pub explanation: &'static str,
}

impl RuleMeta {
    /// The default severity, one level lower when `quoted` (a claim inside a quotation is
    /// someone's statement, not the article's).
    pub fn severity_for(&self, quoted: bool) -> Severity {
        if quoted {
            self.default_severity.downgrade()
        } else {
            self.default_severity
        }
    }

    /// A diagnostic of this rule with no labels yet.
    pub fn diagnostic(&'static self, severity: Severity, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            code: self.code,
            rule: self.name,
            severity,
            message: message.into(),
            help: None,
            labels: Vec::new(),
            fix: None,
        }
    }
}

/// What a rule sees of one article.
pub struct Context<'a> {
    /// The article.
    pub article: &'a Article,
    /// The reference date, if any.
    pub reference: Option<&'a ReferenceDate>,
    /// Mentions extracted once for all rules.
    pub mentions: &'a Mentions,
    /// Where rules record what they compared (for `claimlint claims`); off during `check`.
    pub trace: &'a trace::Trace,
}

impl Context<'_> {
    /// Record a comparison `rule` made between the claims at `spans` (see [`trace::Trace`]).
    pub fn compared(
        &self,
        rule: &str,
        spans: &[Span],
        outcome: trace::Outcome,
        note: impl FnOnce() -> String,
    ) {
        self.trace.record(rule, spans, outcome, note);
    }
}

/// A check over one article.
pub trait Rule: Sync {
    /// The rule's metadata.
    fn meta(&self) -> &'static RuleMeta;
    /// Push this rule's findings for `cx` onto `out`.
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>);
}

/// Every rule, in code order.
pub fn all() -> &'static [&'static dyn Rule] {
    &[
        &d001_weekday_date_mismatch::WeekdayDateMismatch,
        &d002_impossible_date::ImpossibleDate,
        &d003_future_date_in_past_tense::FutureDateInPastTense,
        &d010_duration_range_mismatch::DurationRangeMismatch,
        &d011_age_birth_mismatch::AgeBirthMismatch,
        &d012_relative_date_mismatch::RelativeDateMismatch,
        &d013_elapsed_years_mismatch::ElapsedYearsMismatch,
        &l001_event_location_conflict::EventLocationConflict,
        &n001_name_variant::NameVariant,
        &n010_quantity_conflict::QuantityConflict,
        &n011_list_count_mismatch::ListCountMismatch,
        &n012_parts_exceed_total::PartsExceedTotal,
        &n013_unit_conversion_mismatch::UnitConversionMismatch,
    ]
}

/// The rule with this code (case-insensitive) or kebab-case name.
pub fn find(code_or_name: &str) -> Option<&'static dyn Rule> {
    all()
        .iter()
        .copied()
        .find(|r| r.meta().code.eq_ignore_ascii_case(code_or_name) || r.meta().name == code_or_name)
}

/// Test support: the diagnostics of rule `code` when `text` is checked with `reference` as
/// the reference date.
#[cfg(test)]
pub(crate) fn findings(
    text: &str,
    code: &str,
    reference: Option<chrono::NaiveDate>,
) -> Vec<Diagnostic> {
    let article = crate::input::plain::parse(std::sync::Arc::from(text));
    let settings = crate::Settings {
        reference_date: reference,
    };
    crate::check(&article, &settings)
        .diagnostics
        .into_iter()
        .filter(|d| d.code == code)
        .collect()
}

/// A label helper.
pub fn label(span: Span, message: impl Into<String>, primary: bool) -> Label {
    Label {
        span,
        message: message.into(),
        primary,
    }
}
