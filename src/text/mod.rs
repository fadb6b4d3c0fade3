//! The text layer: annotations computed once per article and shared by every claim and rule.
//!
//! A reader segments the file ([`crate::input`]); [`annotate`] then adds sentences,
//! quotations (with their speakers), and each segment's casing to the [`Article`]. Everything
//! that needs words, clauses, years or possessives calls the functions here; nothing below
//! `claims/` or in `rules/` splits text itself.
//!
//! - [`sentences`]: the one sentence splitter;
//! - [`quotes`]: quotation spans and attributed speakers ([`attribution`] scans the verb and name);
//! - [`clauses`]: the clause around a span, and a sentence's clauses;
//! - [`casing`]: sentence case, Title Case or all caps, once per segment;
//! - [`alternation`]: whole-word phrase search (word lists without a regex);
//! - [`words`]: the one tokenizer, phrase matching, possessives, name particles, years.

pub mod alternation;
pub mod attribution;
pub mod casing;
pub mod clauses;
pub mod quotes;
pub mod sentences;
pub mod words;

use crate::article::{Article, SegmentKind};

/// Fill `article.sentences`, `article.quotes` and `article.casing` from its segments.
/// Sentences and quotations are found in the headline and paragraphs only; a quotation's
/// speaker is found on demand ([`Article::speaker_of`], [`quotes::speaker`]).
pub fn annotate(article: &mut Article) {
    let text = &*article.text;
    let prose = |k: SegmentKind| matches!(k, SegmentKind::Headline | SegmentKind::Paragraph);
    let mut sentences = Vec::new();
    let mut quotes = Vec::new();
    for seg in article.segments.iter().filter(|s| prose(s.kind)) {
        sentences::split_into(text, seg.span, &mut sentences);
        quotes.extend(quotes::find(text, seg.span));
    }
    // Measured on first use (`Article::casing_at`).
    article.casing = article
        .segments
        .iter()
        .map(|_| std::sync::OnceLock::new())
        .collect();
    article.sentences = sentences;
    article.quotes = quotes;
}
