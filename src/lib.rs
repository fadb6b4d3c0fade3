//! claimlint: lints news articles for internal inconsistencies.
//!
//! The library core has no I/O: [`input::read_article`] turns bytes into an [`Article`],
//! [`check`] runs the rules and returns sorted [`Diagnostic`]s, and [`emit`] renders them.
//! See `docs/DESIGN.md` for the architecture.

#![deny(missing_docs)]
// No panic reachable from input: library code may not unwrap, expect, index or slice unchecked
// (`string_slice`: a `str` cut off a char boundary panics too); tests may. The one `expect`
// left is on embedded regex literals (`fast_regex::lazy_regex!`).
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::string_slice
    )
)]

pub mod article;
pub mod baseline;
pub mod claims;
pub mod config;
pub mod data_error;
pub mod diagnostic;
#[cfg(feature = "cli")]
pub mod emit;
pub mod fast_hash;
pub mod fast_regex;
pub mod fix;
pub mod input;
pub mod knowledge;
pub mod packs;
pub mod reference;
pub mod report;
pub mod rules;
#[cfg(feature = "cli")]
pub mod runner;
pub mod source;
pub mod suppress;
#[cfg(test)]
mod test_text;
pub mod text;

pub use article::{Article, Span};
pub use diagnostic::{Diagnostic, Label, Severity};
pub use reference::{ReferenceDate, ReferenceSource};

pub use report::{Report, Settings};

/// Run the rules of `settings.rules` (every built-in rule by default) on `article`.
/// Deterministic: same input, same output, no clock.
pub fn check(article: &Article, settings: &Settings) -> Report {
    check_with(article, settings, &settings.rules)
}

/// Run the rules of `rules` on `article`: diagnostics normalised (see
/// [`Diagnostic::normalise`]) and sorted by primary label start, then code, then message.
pub fn check_with(article: &Article, settings: &Settings, rules: &rules::RuleSet) -> Report {
    run(article, settings, rules, false).0
}

/// What `claimlint claims` shows for one article: every claim in the shared envelope, and what
/// each rule compared.
#[derive(Clone, Debug, serde::Serialize)]
pub struct ClaimsReport {
    /// The reference date used, if any.
    pub reference: Option<ReferenceDate>,
    /// Every claim, in document order.
    pub claims: Vec<claims::envelope::Claim>,
    /// Every comparison a rule made, sorted by first span then rule.
    pub comparisons: Vec<rules::trace::Comparison>,
    /// The diagnostics, as `check` gives them.
    pub diagnostics: Vec<Diagnostic>,
    /// The article's [`Article::transcoding`] (a file decoded from Windows-1252 or UTF-16,
    /// whose spans are byte offsets into its bytes on disk); not serialised.
    #[serde(skip)]
    pub transcoding: Option<std::sync::Arc<source::Transcoding>>,
}

/// Extract every claim of `article` and run the rules of `settings.rules` with tracing on.
pub fn claims(article: &Article, settings: &Settings) -> ClaimsReport {
    let (report, claims, comparisons) = run(article, settings, &settings.rules, true);
    ClaimsReport {
        reference: report.reference,
        claims,
        comparisons,
        diagnostics: report.diagnostics,
        transcoding: article.transcoding.clone(),
    }
}

fn run(
    article: &Article,
    settings: &Settings,
    rules: &rules::RuleSet,
    tracing: bool,
) -> (
    Report,
    Vec<claims::envelope::Claim>,
    Vec<rules::trace::Comparison>,
) {
    let reference = match settings.reference_policy {
        config::ReferencePolicy::Article => reference::resolve(article, settings.reference_date),
        config::ReferencePolicy::None => settings
            .reference_date
            .and_then(|d| reference::resolve(article, Some(d))),
    };
    let knowledge = rules.knowledge();
    let mentions = claims::Mentions::extract_with(article, reference.as_ref(), knowledge);
    let trace = rules::trace::Trace::new(tracing);
    let cx = rules::Context {
        article,
        reference: reference.as_ref(),
        mentions: &mentions,
        trace: &trace,
        knowledge,
    };
    let mut diagnostics = Vec::new();
    for rule in rules.iter() {
        rule.check(&cx, &mut diagnostics);
    }
    let diagnostics: Vec<Diagnostic> = diagnostics
        .into_iter()
        .map(Diagnostic::normalise)
        .filter(|d| !d.labels.is_empty())
        .collect();
    let mut diagnostics = diagnostics;
    rules::drop_shadowed_headline_findings(&mut diagnostics);
    let mut envelopes = if tracing {
        claims::envelope::collect(article, &mentions, reference.as_ref())
    } else {
        Vec::new()
    };
    let mut comparisons = trace.into_comparisons();
    let mut reference = reference;
    if article.source.is_some() {
        to_file_offsets(
            &|s| article.file_span(s),
            &mut reference,
            &mut diagnostics,
            &mut envelopes,
            &mut comparisons,
        );
    }
    // Suppressions (directives read from the file's own text, spans in file offsets) see
    // every finding, then S001 reports the ones that matched none.
    let mut diagnostics = suppress::apply(article, diagnostics, rules);
    if article.transcoding.is_some() {
        // A decoded file: offsets into the decoded text become offsets into the bytes on disk.
        to_file_offsets(
            &|s| article.disk_span(s),
            &mut reference,
            &mut diagnostics,
            &mut envelopes,
            &mut comparisons,
        );
    }
    for d in &mut diagnostics {
        if let Some(&s) = settings.severity.get(d.code.as_ref()) {
            d.severity = s;
        }
    }
    diagnostics
        .sort_by(|a, b| (a.start(), &a.code, &a.message).cmp(&(b.start(), &b.code, &b.message)));
    (
        Report {
            reference,
            diagnostics,
        },
        envelopes,
        comparisons,
    )
}

/// The one place where spans of an article whose analysis text is not the file's text (HTML,
/// JSON) become byte offsets into the file, and those of a decoded file (Windows-1252, UTF-16)
/// byte offsets into its bytes on disk: every label, fix edit, reference-date span, claim span
/// and comparison span goes through `map` ([`Article::file_span`], then
/// [`Article::disk_span`]). A UTF-8 plain-text or Markdown file never gets here.
fn to_file_offsets(
    map_span: &dyn Fn(Span) -> Span,
    reference: &mut Option<ReferenceDate>,
    diagnostics: &mut [Diagnostic],
    claims: &mut [claims::envelope::Claim],
    comparisons: &mut [rules::trace::Comparison],
) {
    let map = |s: &mut Span| *s = map_span(*s);
    for d in diagnostics.iter_mut() {
        d.labels.iter_mut().for_each(|l| map(&mut l.span));
        if let Some(fix) = &mut d.fix {
            fix.edits.iter_mut().for_each(|e| map(&mut e.span));
        }
    }
    if let Some(r) = reference {
        r.span.iter_mut().for_each(map);
        if let Some(d) = &mut r.dateline {
            map(&mut d.span);
        }
    }
    for c in claims.iter_mut() {
        map(&mut c.span);
        c.sentence.iter_mut().for_each(map);
        c.clause.iter_mut().for_each(map);
        if let Some((kind, _)) = c.id.split_once('@') {
            c.id = format!("{kind}@{}-{}", c.span.start, c.span.end);
        }
    }
    for c in comparisons.iter_mut() {
        c.spans.iter_mut().for_each(map);
    }
}
