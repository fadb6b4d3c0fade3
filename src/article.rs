//! The parsed article: the original text plus byte spans for its parts.
//!
//! Nothing downstream sees a rewritten copy of the text: every [`Span`] is a pair of **byte**
//! offsets into [`Article::text`], which is the file exactly as read (BOM and CRLF included).

use std::sync::Arc;

use chrono::NaiveDate;
use serde::Serialize;

pub use crate::source::Span;
use crate::text::casing::Casing;

/// The role a block of text plays in a news article.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SegmentKind {
    /// A publication date line above the headline ("Wednesday, February 28, 2024").
    DateLine,
    /// The headline.
    Headline,
    /// The wire dateline opening the body ("KYIV, Feb 28 (Reuters) -").
    Dateline,
    /// A body paragraph (the first one is the lede).
    Paragraph,
}

/// One structural part of the article.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Segment {
    /// What this part is.
    pub kind: SegmentKind,
    /// Its bytes in the original text (trimmed of surrounding whitespace).
    pub span: Span,
}

/// The wire dateline ("KYIV, Feb 28 (Reuters) -"): where the reporter filed from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dateline {
    /// The whole dateline, up to and including the dash.
    pub span: Span,
    /// The place part ("KYIV").
    pub place: Span,
    /// The date part ("Feb 28"), when present.
    pub date: Option<Span>,
    /// Month and day of the date part, when it parses (the year is not written).
    pub month_day: Option<(u32, u32)>,
}

/// A date line above the headline and the date it gives.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateLine {
    /// The line's bytes.
    pub span: Span,
    /// The calendar date it names, when valid.
    pub date: Option<NaiveDate>,
}

/// A news article split into segments, sentences and quotations.
///
/// Built by a reader in [`crate::input`], annotated by [`crate::text::annotate`]; consumed by
/// claims and rules.
#[derive(Clone, Debug)]
pub struct Article {
    /// The file text exactly as read (after UTF-8 validation), shared with the emitters.
    pub text: Arc<str>,
    /// Headline, dateline and paragraphs in document order. Page chrome is left out.
    pub segments: Vec<Segment>,
    /// Sentences of the headline and paragraphs, in document order; each lies within one
    /// segment.
    pub sentences: Vec<Span>,
    /// Quotations (the text between the quotation marks, marks excluded), in document order.
    pub quotes: Vec<Span>,
    /// Capitalisation of each segment, parallel to `segments` ([`crate::text::casing`]).
    pub casing: Vec<Casing>,
    /// The date line above the headline, when there is one.
    pub date_line: Option<DateLine>,
    /// The `date:` field of a YAML front-matter block (`---` ... `---`) opening the file, when
    /// there is one; the block itself is not part of any segment.
    pub front_matter_date: Option<DateLine>,
    /// Rule codes listed in the front matter's `claimlint: { ignore: [...] }` key, each with the
    /// byte span of the code as written there: findings of these rules are suppressed for the
    /// whole file (see `docs/suppressions`). Empty for formats without front matter.
    pub front_matter_ignore: Vec<(String, Span)>,
    /// The wire dateline opening the body, when there is one.
    pub dateline: Option<Dateline>,
}

impl Article {
    /// The text of `span`; empty if the span is out of range or not on char boundaries.
    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.start..span.end).unwrap_or("")
    }

    /// The segment containing byte `pos`, if any (binary search: segments are in document
    /// order and do not overlap).
    pub fn segment_at(&self, pos: usize) -> Option<&Segment> {
        let i = self.segments.partition_point(|s| s.span.end <= pos);
        self.segments
            .get(i)
            .filter(|s| s.span.start <= pos && pos < s.span.end)
    }

    /// The kind of the segment containing `span`, if any.
    pub fn segment_kind(&self, span: Span) -> Option<SegmentKind> {
        self.segment_at(span.start).map(|s| s.kind)
    }

    /// The headline segment, if any.
    pub fn headline(&self) -> Option<&Segment> {
        self.segments
            .iter()
            .find(|s| s.kind == SegmentKind::Headline)
    }

    /// The lede: the first body paragraph, if any.
    pub fn lede(&self) -> Option<&Segment> {
        self.segments
            .iter()
            .find(|s| s.kind == SegmentKind::Paragraph)
    }

    /// The casing of the segment containing byte `pos`, if any.
    pub fn casing_at(&self, pos: usize) -> Option<Casing> {
        let i = self.segments.partition_point(|s| s.span.end <= pos);
        self.segments
            .get(i)
            .filter(|s| s.span.start <= pos && pos < s.span.end)
            .and_then(|_| self.casing.get(i).copied())
    }

    /// The speaker of the quotation containing `span`, when it is attributed ("..., Smith
    /// said"): found on demand by [`crate::text::quotes::speaker`], so a plain check pays
    /// nothing for it.
    pub fn speaker_of(&self, span: Span) -> Option<Span> {
        let i = self.quotes.partition_point(|q| q.end <= span.start);
        let q = *self.quotes.get(i).filter(|q| q.contains(span))?;
        let seg = self.segment_at(q.start)?;
        crate::text::quotes::speaker(&self.text, q, seg.span)
    }

    /// The sentence containing byte `pos`, if any.
    pub fn sentence_at(&self, pos: usize) -> Option<Span> {
        let i = self.sentences.partition_point(|s| s.end <= pos);
        self.sentences
            .get(i)
            .copied()
            .filter(|s| s.start <= pos && pos < s.end)
    }

    /// True when `span` lies inside a quotation (binary search: quotations are in document
    /// order and do not overlap).
    pub fn in_quote(&self, span: Span) -> bool {
        let i = self.quotes.partition_point(|q| q.end <= span.start);
        self.quotes.get(i).is_some_and(|q| q.contains(span))
    }
}
