//! The rules: one file each (`<code>_<name>.rs`, e.g. `d001_weekday_date_mismatch.rs`), found
//! by `build.rs` and gathered into a [`RuleSet`]; nothing here lists them by hand.
//!
//! A rule reads the article and its extracted mentions through a [`Context`] and pushes
//! [`Diagnostic`]s, built with [`RuleMeta::report`] (see [`builder`]). Its [`RuleMeta`] feeds
//! `claimlint rule CODE`, `claimlint rules` and the README's rules table.
//!
//! A rule file declares `pub(crate) static RULE: &dyn Rule = &TheRule;`; the build script
//! emits one `#[path]` module line per file and the array of their `RULE`s (in code order) into
//! `OUT_DIR/rules.rs`, included below.

pub mod query;
pub mod trace;

use std::borrow::Cow;

use serde::Serialize;

use crate::article::Article;
use crate::claims::Mentions;
use crate::diagnostic::{Diagnostic, Severity};
use crate::reference::ReferenceDate;
use crate::source::Span;

pub mod builder;
pub mod catalog;
pub mod format;
pub mod registry;

pub use builder::DiagnosticBuilder;
pub use registry::{RuleSet, RuleSetError};

/// A built-in rule's [`RuleMeta`], written with plain string literals:
///
/// ```ignore
/// static META: RuleMeta = rule_meta! {
///     code: "P001",
///     name: "name-variant",
///     aliases: ["N001"],          // optional: former codes
///     category: People,           // a `Category` variant
///     default_severity: Severity::Warning,
///     summary: "...",
///     explanation: "...",
/// };
/// ```
macro_rules! rule_meta {
    (
        code: $code:literal,
        name: $name:literal,
        $(aliases: [$($alias:literal),* $(,)?],)?
        category: $category:ident,
        default_severity: $severity:expr,
        summary: $summary:expr,
        explanation: $explanation:expr $(,)?
    ) => {
        $crate::rules::RuleMeta {
            code: ::std::borrow::Cow::Borrowed($code),
            name: ::std::borrow::Cow::Borrowed($name),
            aliases: ::std::borrow::Cow::Borrowed(&[$($(::std::borrow::Cow::Borrowed($alias)),*)?]),
            category: $crate::rules::Category::$category,
            default_severity: $severity,
            summary: ::std::borrow::Cow::Borrowed($summary),
            explanation: ::std::borrow::Cow::Borrowed($explanation),
        }
    };
}

// `mod d001_weekday_date_mismatch;` ... and `static BUILTIN: &[&dyn Rule]`, from build.rs.
include!(concat!(env!("OUT_DIR"), "/rules.rs"));

/// Drop the `H001` findings whose headline span a contradiction rule already reports (see
/// `h001_headline_unsupported::drop_shadowed`); run once per article after every rule.
pub(crate) fn drop_shadowed_headline_findings(diagnostics: &mut Vec<Diagnostic>) {
    h001_headline_unsupported::drop_shadowed(diagnostics);
}

/// What a rule is about; the first letter of its code says the same (`L`, `P`, `N`, `D`, `H`,
/// `S`).
///
/// Serialised in kebab-case: `"places"`, `"people"`, `"numbers"`, `"dates"`, `"headline"`,
/// `"suppressions"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    /// Places and locations (`L` codes).
    Places,
    /// People and other proper names (`P` codes).
    People,
    /// Numbers, counts and quantities (`N` codes).
    Numbers,
    /// Dates, durations and ages (`D` codes).
    Dates,
    /// Headline claims checked against the body (`H` codes).
    Headline,
    /// Suppression comments themselves (`S` codes): computed after every other rule.
    Suppressions,
}

impl std::fmt::Display for Category {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Category {
    /// Every category, in the order the code scheme lists them.
    pub const ALL: [Category; 6] = [
        Category::Places,
        Category::People,
        Category::Numbers,
        Category::Dates,
        Category::Headline,
        Category::Suppressions,
    ];

    /// The kebab-case name used in output (`places`, `people`, `numbers`, `dates`).
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Places => "places",
            Category::People => "people",
            Category::Numbers => "numbers",
            Category::Dates => "dates",
            Category::Headline => "headline",
            Category::Suppressions => "suppressions",
        }
    }

    /// What the category covers, for the code scheme ("places (locations)").
    pub fn describe(self) -> &'static str {
        match self {
            Category::Places => "places (locations)",
            Category::People => "people and other proper names",
            Category::Numbers => "numbers",
            Category::Dates => "dates and times",
            Category::Headline => "headline claims against the body",
            Category::Suppressions => "suppression comments",
        }
    }

    /// The letter every code of this category starts with.
    pub fn prefix(self) -> char {
        match self {
            Category::Places => 'L',
            Category::People => 'P',
            Category::Numbers => 'N',
            Category::Dates => 'D',
            Category::Headline => 'H',
            Category::Suppressions => 'S',
        }
    }
}

/// Description of a rule: borrowed for the built-in rules, owned for rules read from data.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RuleMeta {
    /// Stable code, e.g. `L001`: the category's prefix letter and three digits.
    pub code: Cow<'static, str>,
    /// Kebab-case name of the problem, e.g. `event-location-conflict`.
    pub name: Cow<'static, str>,
    /// Former codes that still name this rule (`N001` for `P001`).
    pub aliases: Cow<'static, [Cow<'static, str>]>,
    /// What the rule is about.
    pub category: Category,
    /// Severity when nothing downgrades it.
    pub default_severity: Severity,
    /// One line.
    pub summary: Cow<'static, str>,
    /// Markdown with `## What it checks`, `## Why it matters` and `## Example` sections; the
    /// examples are run as tests (`tests/catalog.rs`, convention in docs/DESIGN.md).
    pub explanation: Cow<'static, str>,
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

    /// Start a diagnostic of this rule: add labels, help and a fix, then
    /// [`build`](DiagnosticBuilder::build) it.
    pub fn report(&self, severity: Severity, message: impl Into<String>) -> DiagnosticBuilder {
        DiagnosticBuilder::new(self, severity, message)
    }

    /// True when `code_or_name` names this rule: its code or an alias (case-insensitive), or
    /// its kebab-case name.
    pub fn is_named(&self, code_or_name: &str) -> bool {
        self.code.eq_ignore_ascii_case(code_or_name)
            || self.name == code_or_name
            || self.is_alias(code_or_name)
    }

    /// True when `code` is one of this rule's former codes (case-insensitive).
    pub fn is_alias(&self, code: &str) -> bool {
        self.aliases.iter().any(|a| a.eq_ignore_ascii_case(code))
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
    /// What the loaded rule packs add to the embedded knowledge (places, name aliases):
    /// [`RuleSet::knowledge`] of the rules being run.
    pub knowledge: &'a crate::packs::Knowledge,
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
pub trait Rule: Send + Sync {
    /// The rule's metadata.
    fn meta(&self) -> &RuleMeta;
    /// Push this rule's findings for `cx` onto `out`.
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>);
}

/// Every built-in rule, in code order.
pub fn all() -> &'static [&'static dyn Rule] {
    BUILTIN
}

/// The built-in rule with this code or alias (case-insensitive) or kebab-case name.
pub fn find(code_or_name: &str) -> Option<&'static dyn Rule> {
    all()
        .iter()
        .copied()
        .find(|r| r.meta().is_named(code_or_name))
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
        ..Default::default()
    };
    crate::check(&article, &settings)
        .diagnostics
        .into_iter()
        .filter(|d| d.code == code)
        .collect()
}
