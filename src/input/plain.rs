//! Plain-text articles: an optional date line, the headline, then paragraphs separated by blank
//! lines; an optional wire dateline opening the body; trailing page chrome dropped. Markdown
//! files read the same way, with a YAML front-matter block (`---` ... `---`) skipped (its
//! `date:` kept) and a `# ` marker before the headline left out of the headline's span.

use std::sync::Arc;

use chrono::NaiveDate;

use crate::article::{Article, DateLine, Dateline, Segment, SegmentKind, Span};
use crate::knowledge::calendar::{month_from_name, weekday_from_name};
use crate::knowledge::lexicon;
use crate::source::skip_ws;

/// Parse the structure of a plain-text article and annotate it ([`crate::text::annotate`]:
/// sentences, quotations, casing). Never fails: text with no blank lines is one
/// headline; empty text gives an article with no segments.
pub fn parse(text: Arc<str>) -> Article {
    let mut skip = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let mut front_matter_date = None;
    if let Some((end, date)) = front_matter(&text, skip) {
        skip = end;
        front_matter_date = date;
    }
    let mut blocks = blocks(&text, skip);
    // A date line directly above the headline (no blank line) is still a date line.
    if let Some(&first) = blocks.first() {
        if let Some(nl) = text
            .get(first.start..first.end)
            .and_then(|b| b.find(['\n', '\r']))
        {
            let line = Span::new(
                first.start,
                first.start
                    + text
                        .get(first.start..first.start + nl)
                        .unwrap_or_default()
                        .trim_end()
                        .len(),
            );
            if text
                .get(line.start..line.end)
                .and_then(parse_date_line)
                .is_some()
            {
                if let Some(b) = blocks.first_mut() {
                    *b = line;
                }
                blocks.insert(1, Span::new(skip_ws(&text, line.end), first.end));
            }
        }
    }

    let mut segments = Vec::new();
    let mut date_line = None;
    let mut dateline = None;
    let mut iter = blocks.into_iter().peekable();

    if let Some(&first) = iter.peek() {
        if let Some(date) = text.get(first.start..first.end).and_then(parse_date_line) {
            date_line = Some(DateLine { span: first, date });
            segments.push(Segment {
                kind: SegmentKind::DateLine,
                span: first,
            });
            iter.next();
        }
    }
    // The headline is the first line of its block; lines after it without a blank line in
    // between are already body.
    let mut rest_of_head = None;
    if let Some(head) = iter.next() {
        let line_end = text
            .get(head.start..head.end)
            .and_then(|h| h.find(['\n', '\r']))
            .map_or(head.end, |i| {
                head.start
                    + text
                        .get(head.start..head.start + i)
                        .unwrap_or_default()
                        .trim_end()
                        .len()
            });
        // A Markdown heading marker ("# Headline") is not part of the headline.
        let line = text.get(head.start..line_end).unwrap_or_default();
        let marker = line.len() - line.trim_start_matches('#').trim_start().len();
        let start = if line.starts_with('#') && marker < line.len() {
            head.start + marker
        } else {
            head.start
        };
        segments.push(Segment {
            kind: SegmentKind::Headline,
            span: Span::new(start, line_end),
        });
        if line_end < head.end {
            rest_of_head = Some(Span::new(skip_ws(&text, line_end), head.end));
        }
    }
    let mut first_body = true;
    for block in rest_of_head.into_iter().chain(iter) {
        let body = text.get(block.start..block.end).unwrap_or_default();
        if is_ad_slot(body) {
            continue;
        }
        if is_chrome(body) {
            break;
        }
        let mut para = block;
        if first_body {
            if let Some(d) = parse_dateline(body, block.start) {
                segments.push(Segment {
                    kind: SegmentKind::Dateline,
                    span: d.span,
                });
                para.start = skip_ws(&text, d.span.end);
                dateline = Some(d);
            }
            first_body = false;
        }
        if !para.is_empty() {
            segments.push(Segment {
                kind: SegmentKind::Paragraph,
                span: para,
            });
        }
    }

    let mut article = Article {
        text,
        segments,
        sentences: Vec::new(),
        quotes: Vec::new(),
        casing: Vec::new(),
        date_line,
        front_matter_date,
        front_matter_ignore: Vec::new(),
        dateline,
        byline: None,
        format: crate::article::Format::Plain,
        source: None,
        transcoding: None,
    };
    crate::text::annotate(&mut article);
    article
}

/// A YAML front-matter block opening the text at byte `from`: `---` on its own line, then
/// fields, then `---` or `...` on its own line. Returns the byte just after the block and the
/// `date:` field ("2024-02-28", quoted or not, with or without a time after it) when it parses.
fn front_matter(text: &str, from: usize) -> Option<(usize, Option<DateLine>)> {
    let rest = text.get(from..)?;
    let first_end = rest.find('\n')?;
    if rest.get(..first_end)?.trim_end() != "---" {
        return None;
    }
    let mut pos = from + first_end + 1;
    let mut date = None;
    for line in text.get(pos..)?.split_inclusive('\n') {
        let start = pos;
        pos += line.len();
        let l = line.trim_end();
        if l == "---" || l == "..." {
            return Some((pos, date));
        }
        if let Some(v) = l.strip_prefix("date:") {
            let lead = l.len() - v.trim_start().len();
            let v = v.trim().trim_matches(|c| c == '"' || c == '\'');
            let quote = usize::from(l.get(lead..).is_some_and(|r| r.starts_with(['"', '\''])));
            let day = v.get(..10).unwrap_or(v);
            let parsed = NaiveDate::parse_from_str(day, "%Y-%m-%d").ok();
            let s = start + lead + quote;
            date = Some(DateLine {
                span: Span::new(s, s + day.len()),
                date: parsed,
            });
        }
    }
    None
}

/// Blocks of non-blank lines, each trimmed of surrounding whitespace (bytes).
fn blocks(text: &str, from: usize) -> Vec<Span> {
    let mut out = Vec::new();
    let mut cur: Option<Span> = None;
    let mut pos = from;
    for line in crate::source::lines_inclusive(text.get(from..).unwrap_or_default()) {
        let start = pos;
        pos += line.len();
        let trimmed = line.trim();
        if trimmed.is_empty() || is_directive(trimmed) {
            if let Some(b) = cur.take() {
                out.push(b);
            }
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        let s = start + lead;
        let e = s + trimmed.len();
        cur = Some(match cur {
            Some(b) => Span::new(b.start, e),
            None => Span::new(s, e),
        });
    }
    out.extend(cur);
    out
}

/// A line that is only a claimlint directive comment (`<!-- claimlint-disable L001 -->`,
/// `claimlint-enable`, `claimlint-disable-next-line`, `claimlint-disable-file`): never copy.
pub(crate) fn is_directive(line: &str) -> bool {
    line.strip_prefix("<!--")
        .and_then(|l| l.strip_suffix("-->"))
        .is_some_and(|l| l.trim().starts_with("claimlint-"))
}

/// A block that only marks an advertisement slot ("Advertisement"): skipped, the article goes on.
fn is_ad_slot(block: &str) -> bool {
    let b = block.trim().trim_end_matches(':').to_ascii_lowercase();
    lexicon::contains(lexicon::text::AD_SLOTS, &b)
}

pub(crate) fn is_chrome(block: &str) -> bool {
    let b = block.trim().trim_end_matches(':').to_ascii_lowercase();
    lexicon::contains(lexicon::text::CHROME, &b)
}

/// `Some(date)` when the whole block is a date line ("Wednesday, February 28, 2024",
/// "28 February 2024"): `Some(None)` if it has that shape but names an impossible date.
fn parse_date_line(block: &str) -> Option<Option<NaiveDate>> {
    let line = block.trim();
    let parts = super::date_lines::date_line(line)?;
    if let Some(wd) = parts.weekday {
        weekday_from_name(line.get(wd)?)?;
    }
    let month = month_from_name(line.get(parts.month)?)?;
    let day: u32 = line.get(parts.day)?.parse().ok()?;
    let year: i32 = line.get(parts.year)?.parse().ok()?;
    Some(NaiveDate::from_ymd_opt(year, month, day))
}

/// A wire dateline at the start of the first body paragraph (`offset` = the paragraph's byte
/// start). The place must be written in capitals ("KYIV", "NEW YORK") or the date must parse.
pub(crate) fn parse_dateline(para: &str, offset: usize) -> Option<Dateline> {
    let parts = super::date_lines::dateline(para)?;
    let place = para.get(parts.place.clone())?;
    let month = para.get(parts.month).and_then(month_from_name);
    let day: Option<u32> = para.get(parts.day).and_then(|d| d.parse().ok());
    let whole = para.get(..parts.end)?;
    // The city is written in capitals ("KYIV", "RICHMOND, Va."), or is at most three
    // capitalised words ("Chicago", "New York") with a month that parses: a sentence such as
    // "They met for two days, March 31-April 2" is not a dateline.
    let city = place.split(',').next().unwrap_or("");
    let caps = city.chars().any(|ch| ch.is_ascii_uppercase())
        && !city.chars().any(|ch| ch.is_ascii_lowercase());
    let title = city.split_whitespace().count() <= 3
        && city.split_whitespace().all(|w| {
            w.chars().next().is_some_and(|c| c.is_ascii_uppercase())
                && weekday_from_name(w).is_none()
                && !matches!(w, "On" | "In" | "By" | "From" | "Since" | "The")
        });
    if !(caps || (title && month.is_some())) {
        return None;
    }
    let end = offset + whole.trim_end().len();
    Some(Dateline {
        span: Span::new(offset, end),
        place: Span::new(offset + parts.place.start, offset + parts.place.end),
        date: Some(Span::new(
            offset + parts.date.start,
            offset + parts.date.end,
        )),
        month_day: month.zip(day),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn art(t: &str) -> Article {
        parse(Arc::from(t))
    }

    #[test]
    fn date_line_headline_dateline_and_chrome() {
        let t = "\u{feff}Wednesday, February 28, 2024\r\n\r\nHeadline here\r\n\r\n\r\nKYIV, Feb 28 (Reuters) - The summit opened. Mr. Smith spoke.\r\n\r\nLatest stories\r\n\r\nOther text\r\n";
        let a = art(t);
        let kinds: Vec<_> = a.segments.iter().map(|s| s.kind).collect();
        assert_eq!(
            kinds,
            vec![
                SegmentKind::DateLine,
                SegmentKind::Headline,
                SegmentKind::Dateline,
                SegmentKind::Paragraph
            ]
        );
        assert_eq!(a.slice(a.segments[0].span), "Wednesday, February 28, 2024");
        assert_eq!(
            a.date_line.as_ref().and_then(|d| d.date),
            NaiveDate::from_ymd_opt(2024, 2, 28)
        );
        assert_eq!(a.slice(a.segments[1].span), "Headline here");
        let d = a.dateline.as_ref().unwrap();
        assert_eq!(a.slice(d.span), "KYIV, Feb 28 (Reuters) -");
        assert_eq!(a.slice(d.place), "KYIV");
        assert_eq!(d.month_day, Some((2, 28)));
        assert_eq!(
            a.slice(a.segments[3].span),
            "The summit opened. Mr. Smith spoke."
        );
        let sents: Vec<_> = a.sentences.iter().map(|s| a.slice(*s)).collect();
        assert_eq!(
            sents,
            vec!["Headline here", "The summit opened.", "Mr. Smith spoke."]
        );
    }

    #[test]
    fn datelines_in_wire_variants() {
        for (t, place, md) in [
            (
                "H\n\nWASHINGTON, MARCH 2 - Text.\n",
                "WASHINGTON",
                Some((3, 2)),
            ),
            ("H\n\nNEW YORK, march 2 - Text.\n", "NEW YORK", Some((3, 2))),
            (
                "H\n\nMINNEAPOLIS, Feb 26 - Text.\n",
                "MINNEAPOLIS",
                Some((2, 26)),
            ),
            (
                "H\n\nAMSTERDAM, 2 March - Text.\n",
                "AMSTERDAM",
                Some((3, 2)),
            ),
            (
                "H\n\nMONTREAL, Feb 26- Shr 1.11 dlrs\n",
                "MONTREAL",
                Some((2, 26)),
            ),
            (
                "H\n\nRICHMOND, Va. Feb 26 - Qtly div\n",
                "RICHMOND, Va",
                Some((2, 26)),
            ),
        ] {
            let a = art(t);
            let d = a.dateline.as_ref().expect(t);
            assert_eq!((a.slice(d.place), d.month_day), (place, md));
        }
        assert!(art("H\n\nIn March 2 people - left.\n").dateline.is_none());
        assert!(art("H\n\nThey met for two days, March 31-April 2.\n")
            .dateline
            .is_none());
    }

    #[test]
    fn headline_without_a_blank_line_after_it() {
        let a =
            art("Summit in Albania\r\nThe summit, held in Kyiv, ended.\r\nMore.\r\n\r\nNext.\n");
        let segs = a.segment_texts();
        assert_eq!(
            segs,
            vec![
                (SegmentKind::Headline, "Summit in Albania"),
                (
                    SegmentKind::Paragraph,
                    "The summit, held in Kyiv, ended.\r\nMore."
                ),
                (SegmentKind::Paragraph, "Next."),
            ]
        );
        let a = art("Wednesday, February 28, 2024\nSummit in Albania\nBody.\n");
        let kinds: Vec<SegmentKind> = a.segments.iter().map(|s| s.kind).collect();
        assert_eq!(
            kinds,
            vec![
                SegmentKind::DateLine,
                SegmentKind::Headline,
                SegmentKind::Paragraph
            ]
        );
    }

    #[test]
    fn front_matter_and_markdown_heading() {
        let t = "---\ntitle: Summit\ndate: \"2024-02-28T10:00:00Z\"\n---\n\n# Summit in Albania\n\nBody text.\n";
        let a = art(t);
        let segs = a.segment_texts();
        assert_eq!(
            segs,
            vec![
                (SegmentKind::Headline, "Summit in Albania"),
                (SegmentKind::Paragraph, "Body text."),
            ]
        );
        let fm = a.front_matter_date.as_ref().unwrap();
        assert_eq!(fm.date, NaiveDate::from_ymd_opt(2024, 2, 28));
        assert_eq!(a.slice(fm.span), "2024-02-28");
        // An unclosed block is text.
        assert!(art("---\ntitle: x\n\nBody.\n").front_matter_date.is_none());
    }

    #[test]
    fn quotes_are_found() {
        let a = art("H\n\nHe said “we met in Kyiv” and \"left\".\n");
        let q: Vec<_> = a.quotes.iter().map(|s| a.slice(*s)).collect();
        assert_eq!(q, vec!["we met in Kyiv", "left"]);
        let a = art("H\n\nZelensky’s aide said ‘the summit’s in Kyiv’ and «non».\n");
        let q: Vec<_> = a.quotes.iter().map(|s| a.slice(*s)).collect();
        assert_eq!(q, vec!["the summit’s in Kyiv", "non"]);
    }

    #[test]
    fn lone_cr_line_endings_are_lines() {
        let a = art("Summit in Albania\r\rThe summit, held in Kyiv, ended.\rMore.\r\rNext.\r");
        let segs = a.segment_texts();
        assert_eq!(
            segs,
            vec![
                (SegmentKind::Headline, "Summit in Albania"),
                (
                    SegmentKind::Paragraph,
                    "The summit, held in Kyiv, ended.\rMore."
                ),
                (SegmentKind::Paragraph, "Next."),
            ]
        );
    }

    #[test]
    fn directive_lines_are_not_prose() {
        let t = "Summit in Albania\n\n<!-- claimlint-disable-next-line L001 -->\nThe summit in Kyiv.\n<!-- claimlint-enable L001 -->\n\nMore.\n";
        let a = art(t);
        let segs = a.segment_texts();
        assert_eq!(
            segs,
            vec![
                (SegmentKind::Headline, "Summit in Albania"),
                (SegmentKind::Paragraph, "The summit in Kyiv."),
                (SegmentKind::Paragraph, "More."),
            ]
        );
        assert_eq!(a.segments[1].span, Span::new(61, 80));
    }

    #[test]
    fn empty_and_headline_only() {
        assert!(art("").segments.is_empty());
        assert!(art("\n\n  \n").segments.is_empty());
        let a = art("Just a headline");
        assert_eq!(a.segments.len(), 1);
    }
}
