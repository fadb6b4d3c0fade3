//! The parsed article: the original text plus byte spans for its parts.
//!
//! Nothing downstream sees a rewritten copy of the text: every [`Span`] is a pair of **byte**
//! offsets into [`Article::text`], which is the file exactly as read (BOM and CRLF included).

use std::sync::{Arc, OnceLock};

use chrono::NaiveDate;
use serde::Serialize;

pub use crate::source::{OffsetMap, Span, Transcoding};
use crate::text::casing::Casing;

/// The format an article was read from (re-exported as `claimlint::input::Format`).
///
/// [`Format::from_path`] picks it from a file name; [`std::str::FromStr`] and [`Format::as_str`]
/// use the names `plain`, `markdown`, `html`, `json`, `ndjson`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    /// Plain text: optional date line, headline, blank-line separated paragraphs.
    #[default]
    Plain,
    /// CommonMark, with optional YAML (`---`) or TOML (`+++`) front matter.
    Markdown,
    /// An HTML page.
    Html,
    /// A JSON document: one article object, or an array of them.
    Json,
    /// Newline-delimited JSON: one article object per line.
    Ndjson,
}

impl Format {
    /// Every format, in the order of the enum.
    pub const ALL: [Format; 5] = [
        Format::Plain,
        Format::Markdown,
        Format::Html,
        Format::Json,
        Format::Ndjson,
    ];

    /// The format a file name implies (ASCII case ignored): `.md`/`.markdown` → Markdown,
    /// `.html`/`.htm` → Html, `.json` → Json, `.ndjson`/`.jsonl` → Ndjson, anything else
    /// (including no extension) → Plain.
    pub fn from_path(path: &std::path::Path) -> Format {
        let ext = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        match ext.as_str() {
            "md" | "markdown" => Format::Markdown,
            "html" | "htm" => Format::Html,
            "json" => Format::Json,
            "ndjson" | "jsonl" => Format::Ndjson,
            _ => Format::Plain,
        }
    }

    /// The format's name: `plain`, `markdown`, `html`, `json` or `ndjson`.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Plain => "plain",
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::Json => "json",
            Format::Ndjson => "ndjson",
        }
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Format {
    type Err = String;

    /// Parse a format name (see [`Format::as_str`]; also `md`, `txt`/`text`, `htm`, `jsonl`),
    /// ASCII case ignored. The error names the accepted values.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "plain" | "txt" | "text" => Ok(Format::Plain),
            "markdown" | "md" => Ok(Format::Markdown),
            "html" | "htm" => Ok(Format::Html),
            "json" => Ok(Format::Json),
            "ndjson" | "jsonl" => Ok(Format::Ndjson),
            _ => Err(format!(
                "'{s}' is not an input format (one of: plain, markdown, html, json, ndjson)"
            )),
        }
    }
}

/// The file behind an article whose analysis text ([`Article::text`]) is not the file's text:
/// the file as UTF-8 and the map from analysis offsets to its byte offsets.
#[derive(Clone, Debug)]
pub struct SourceText {
    /// The whole file's text (what emitters show and count lines in).
    pub file_text: Arc<str>,
    /// Analysis byte offset → file byte offset.
    pub map: Arc<OffsetMap>,
}

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
    /// Capitalisation of each segment, parallel to `segments` ([`crate::text::casing`]):
    /// measured on first use ([`Article::casing_at`]), so a paragraph no rule asks about is
    /// never scanned for it. [`crate::text::annotate`] sizes it.
    pub casing: Vec<OnceLock<Casing>>,
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
    /// The byline (a Markdown front matter's `byline`/`author` value), when there is one: its
    /// bytes are recorded here but are not a segment, so no rule reads them as prose.
    pub byline: Option<Span>,
    /// The format the article was read from.
    pub format: Format,
    /// `None` when `text` is the file's text (plain text, Markdown); otherwise the file and the
    /// offset map back to it. [`crate::check`] maps every reported span through it, so
    /// diagnostics always carry byte offsets into the file.
    pub source: Option<SourceText>,
    /// `Some` when the file on disk is not UTF-8 (Windows-1252, UTF-16) and was decoded:
    /// [`Article::file_text`] is then the decoded file, and [`Article::disk_span`] maps its
    /// byte offsets to byte offsets into the bytes on disk.
    pub transcoding: Option<Arc<Transcoding>>,
}

impl Article {
    /// An article of `format` over `text` with no segments and nothing found yet (readers fill
    /// it in, then call [`crate::text::annotate`]).
    pub fn empty(text: Arc<str>, format: Format) -> Article {
        Article {
            text,
            segments: Vec::new(),
            sentences: Vec::new(),
            quotes: Vec::new(),
            casing: Vec::new(),
            date_line: None,
            front_matter_date: None,
            front_matter_ignore: Vec::new(),
            dateline: None,
            byline: None,
            format,
            source: None,
            transcoding: None,
        }
    }

    /// The text of the file the article came from (the same `Arc` as [`Article::text`] when
    /// no offset map is needed).
    pub fn file_text(&self) -> Arc<str> {
        match &self.source {
            Some(s) => s.file_text.clone(),
            None => self.text.clone(),
        }
    }

    /// `span` (bytes of [`Article::text`]) as bytes of the file ([`Article::file_text`]).
    pub fn file_span(&self, span: Span) -> Span {
        match &self.source {
            Some(s) => s.map.span(span),
            None => span,
        }
    }

    /// `span` (bytes of [`Article::file_text`]) as bytes of the file on disk: unchanged for a
    /// UTF-8 file, mapped through [`Article::transcoding`] for a decoded one.
    pub fn disk_span(&self, span: Span) -> Span {
        match &self.transcoding {
            Some(t) => t.to_disk.span(span),
            None => span,
        }
    }

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

    /// Each segment's kind and text, in document order (for tests and debugging output).
    pub fn segment_texts(&self) -> Vec<(SegmentKind, &str)> {
        self.segments
            .iter()
            .map(|s| (s.kind, self.slice(s.span)))
            .collect()
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

    /// The casing of the segment containing byte `pos`, if any: measured by
    /// [`Casing::of`] on the first call for that segment, then remembered.
    pub fn casing_at(&self, pos: usize) -> Option<Casing> {
        let (i, seg) = self.segment_index_at(pos)?;
        let cell = self.casing.get(i)?;
        Some(*cell.get_or_init(|| Casing::of(self.slice(seg.span))))
    }

    /// [`Casing::all_caps`] of the segment containing byte `pos` (false outside segments),
    /// without measuring the rest of its casing when it has an ASCII lower-case letter (most
    /// paragraphs, found within a few bytes): such a letter is lower-case, so the segment
    /// cannot be all caps.
    pub fn all_caps_at(&self, pos: usize) -> bool {
        let Some((i, seg)) = self.segment_index_at(pos) else {
            return false;
        };
        if let Some(c) = self.casing.get(i).and_then(OnceLock::get) {
            return c.all_caps;
        }
        if self.slice(seg.span).bytes().any(|b| b.is_ascii_lowercase()) {
            return false;
        }
        self.casing_at(pos).is_some_and(|c| c.all_caps)
    }

    /// The index and segment containing byte `pos`, if any.
    fn segment_index_at(&self, pos: usize) -> Option<(usize, &Segment)> {
        let i = self.segments.partition_point(|s| s.span.end <= pos);
        self.segments
            .get(i)
            .filter(|s| s.span.start <= pos && pos < s.span.end)
            .map(|s| (i, s))
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
