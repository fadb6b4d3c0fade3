//! Markdown articles (CommonMark via pulldown-cmark and its source offsets).
//!
//! A YAML (`---`) or TOML (`+++`) front-matter block at byte 0 (after a BOM) is parsed with a
//! real parser (serde-saphyr, the `toml` crate): a block that never closes or does not parse
//! is an [`InputError::Syntax`] with its line and column, never a silent loss of the date. Its
//! `title`/`headline` becomes the headline, with a span into the value; a dek
//! (`dek`/`description`/`subtitle`/`standfirst`) a second headline-kind segment, so the rules
//! comparing headline and body compare it too; `dateline` the wire dateline (parsed like a body
//! dateline, else its whole value is the place); `byline`/`author` is recorded in
//! [`Article::byline`] but is not prose for the rules; `date`/`published` the front-matter date; `claimlint: { ignore: [...] }` fills
//! [`Article::front_matter_ignore`]. Without a title the first `# H1` is the headline (else
//! the first block, as in plain text). Paragraphs, list items, other headings and block-quote
//! paragraphs are body paragraphs, and a block-quote paragraph is also a quotation in
//! [`Article::quotes`] (quoted speech for the rules); code blocks and HTML blocks (comments included) are not
//! prose. The analysis text is the file itself: segments are spans of it, so no offset map is
//! needed.

use std::sync::Arc;

use chrono::NaiveDate;
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::article::{Article, DateLine, Format, Segment, SegmentKind, Span};
use crate::input::InputError;
use crate::source::LineIndex;

/// The keys read from front matter, in order of preference per part.
const TITLE_KEYS: &[&str] = &["title", "headline"];
const DATE_KEYS: &[&str] = &["date", "published"];
const DEK_KEYS: &[&str] = &["dek", "description", "subtitle", "standfirst"];
const DATELINE_KEYS: &[&str] = &["dateline"];
const BYLINE_KEYS: &[&str] = &["byline", "author"];

/// A front-matter block: its body (between the fences), the byte after it, and its syntax.
struct FrontMatter {
    body: Span,
    end: usize,
    toml: bool,
}

fn syntax(text: &str, at: usize, what: &str, message: String) -> InputError {
    let (line, column) = LineIndex::new(text).position(text, at);
    InputError::Syntax {
        what: what.to_string(),
        line,
        column,
        message,
    }
}

/// Find the front-matter block opening the text at `from`; an unclosed block is an error.
fn find_front_matter(text: &str, from: usize) -> Result<Option<FrontMatter>, InputError> {
    let rest = text.get(from..).unwrap_or_default();
    let first_end = rest.find('\n').unwrap_or(rest.len());
    let fence = rest.get(..first_end).unwrap_or_default().trim_end();
    let toml = match fence {
        "---" => false,
        "+++" => true,
        _ => return Ok(None),
    };
    let body_start = (from + first_end + 1).min(text.len());
    let mut pos = body_start;
    for line in text
        .get(body_start..)
        .unwrap_or_default()
        .split_inclusive('\n')
    {
        let start = pos;
        pos += line.len();
        let l = line.trim_end();
        if l == fence || (!toml && l == "...") {
            return Ok(Some(FrontMatter {
                body: Span::new(body_start, start),
                end: pos,
                toml,
            }));
        }
    }
    Err(syntax(
        text,
        from,
        if toml {
            "TOML front matter"
        } else {
            "YAML front matter"
        },
        format!("the `{fence}` block opened here never closes (add a `{fence}` line after it)"),
    ))
}

/// Check that the block parses as a mapping; errors carry the file's line and column.
fn validate(text: &str, fm: &FrontMatter) -> Result<(), InputError> {
    let body = text.get(fm.body.start..fm.body.end).unwrap_or_default();
    if fm.toml {
        if let Err(e) = toml::from_str::<toml::Table>(body) {
            let at = fm.body.start + e.span().map_or(0, |s| s.start);
            let msg = e.message().trim().to_string();
            return Err(syntax(text, at, "TOML front matter", msg));
        }
        return Ok(());
    }
    if body.trim().is_empty() {
        return Ok(());
    }
    match serde_saphyr::from_str::<std::collections::BTreeMap<String, serde::de::IgnoredAny>>(body)
    {
        Ok(_) => Ok(()),
        Err(e) => {
            let (line, column) = e
                .location()
                .map_or((1, 1), |l| (l.line() as usize, l.column() as usize));
            let (fline, _) = LineIndex::new(text).position(text, fm.body.start);
            let msg = e.to_string();
            let msg = msg.lines().next().unwrap_or("").to_string();
            let msg = match msg.find(" at line ") {
                Some(i) => msg.get(..i).unwrap_or_default().to_string(),
                None => msg,
            };
            // serde-saphyr writes "error: line 2 column 7: unclosed bracket"; we give the
            // file's position ourselves.
            let msg = msg.strip_prefix("error: ").unwrap_or(&msg);
            let msg = match msg.strip_prefix("line ").and_then(|m| m.split_once(": ")) {
                Some((_, rest)) => rest.to_string(),
                None => msg.to_string(),
            };
            Err(InputError::Syntax {
                what: "YAML front matter".to_string(),
                line: fline + line.saturating_sub(1),
                column: column.max(1),
                message: msg,
            })
        }
    }
}

/// The span of the scalar value of top-level `key` (`key: value` / `key = value`), quotes
/// excluded; `None` when absent or not a one-line scalar.
fn value_span(text: &str, fm: &FrontMatter, key: &str) -> Option<Span> {
    let mut pos = fm.body.start;
    for line in text
        .get(fm.body.start..fm.body.end)
        .unwrap_or_default()
        .split_inclusive('\n')
    {
        let start = pos;
        pos += line.len();
        let Some(rest) = line.strip_prefix(key) else {
            continue;
        };
        let sep = if fm.toml { '=' } else { ':' };
        let after = rest.trim_start_matches([' ', '\t']);
        let Some(v) = after.strip_prefix(sep) else {
            continue;
        };
        let v_off = start + key.len() + (rest.len() - after.len()) + 1;
        let trimmed = v.trim_start();
        let mut s = v_off + (v.len() - trimmed.len());
        let mut value = trimmed.trim_end();
        // A comment after an unquoted YAML value is not the value.
        if let Some(q) = value.chars().next().filter(|c| *c == '"' || *c == '\'') {
            let inner = value.get(1..).unwrap_or_default();
            let close = inner.find(q)?;
            value = inner.get(..close).unwrap_or_default();
            s += 1;
        } else if let Some(i) = value.find(" #") {
            value = value.get(..i).unwrap_or_default().trim_end();
        }
        if value.is_empty() || value.starts_with(['|', '>', '[', '{']) {
            return None;
        }
        return Some(Span::new(s, s + value.len()));
    }
    None
}

/// The codes in `claimlint: { ignore: [A, B] }` (flow style) or a block `claimlint:` /
/// `  ignore: [A, B]` or `  ignore:` / `    - A`, each with its span.
fn ignore_codes(text: &str, fm: &FrontMatter) -> Vec<(String, Span)> {
    let body = text.get(fm.body.start..fm.body.end).unwrap_or_default();
    let Some(k) = body.find("claimlint") else {
        return Vec::new();
    };
    let Some(i) = body.get(k..).and_then(|b| b.find("ignore")) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let base = fm.body.start + k + i + "ignore".len();
    let rest = text.get(base..fm.body.end).unwrap_or_default();
    // Up to the end of the list: `]` for flow style, a line that is not `- X` for block style.
    let mut pos = base;
    let mut in_flow = false;
    for line in rest.split_inclusive('\n') {
        let start = pos;
        pos += line.len();
        let t = line.trim();
        let block_item = t.starts_with("- ");
        if start != base && !in_flow && !block_item {
            break;
        }
        if line.contains('[') {
            in_flow = true;
        }
        let mut j = 0;
        let bytes = line.as_bytes();
        while let Some(&c) = bytes.get(j) {
            if c.is_ascii_uppercase() {
                let s = j;
                while bytes.get(j).is_some_and(u8::is_ascii_alphanumeric) {
                    j += 1;
                }
                let word = line.get(s..j).unwrap_or_default();
                if word.len() == 4
                    && word
                        .get(1..)
                        .is_some_and(|d| d.bytes().all(|b| b.is_ascii_digit()))
                {
                    out.push((word.to_string(), Span::new(start + s, start + j)));
                }
            } else {
                j += 1;
            }
        }
        if line.contains(']') || (in_flow && line.contains('}')) {
            break;
        }
    }
    out
}

/// Parse a Markdown article. Errors: [`InputError::Syntax`] for front matter that never closes
/// or does not parse.
pub fn parse(text: Arc<str>) -> Result<Article, InputError> {
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let fm = find_front_matter(&text, bom)?;
    let mut headline_fm = None;
    let mut dek_fm = None;
    let mut dateline_fm = None;
    let mut byline = None;
    let mut date = None;
    let mut ignore = Vec::new();
    let body_from = match &fm {
        Some(fm) => {
            validate(&text, fm)?;
            headline_fm = TITLE_KEYS.iter().find_map(|k| value_span(&text, fm, k));
            let first = |keys: &[&str]| keys.iter().find_map(|k| value_span(&text, fm, k));
            dek_fm = first(DEK_KEYS);
            dateline_fm = first(DATELINE_KEYS).map(|s| {
                super::plain::parse_dateline(text.get(s.start..s.end).unwrap_or_default(), s.start)
                    .unwrap_or(crate::article::Dateline {
                        span: s,
                        place: s,
                        date: None,
                        month_day: None,
                    })
            });
            byline = first(BYLINE_KEYS);
            date = DATE_KEYS
                .iter()
                .find_map(|k| value_span(&text, fm, k))
                .map(|s| {
                    let v = text.get(s.start..s.end).unwrap_or_default();
                    let day = v.get(..10).unwrap_or(v);
                    DateLine {
                        span: Span::new(s.start, s.start + day.len()),
                        date: NaiveDate::parse_from_str(day, "%Y-%m-%d").ok(),
                    }
                });
            ignore = ignore_codes(&text, fm);
            fm.end
        }
        None => bom,
    };

    let blocks = blocks(&text, body_from);
    let mut segments = Vec::new();
    let mut headline_found = false;
    if let Some(h) = headline_fm {
        segments.push(Segment {
            kind: SegmentKind::Headline,
            span: h,
        });
        headline_found = true;
    }
    if let Some(d) = dek_fm {
        segments.push(Segment {
            kind: SegmentKind::Headline,
            span: d,
        });
    }
    if let Some(d) = &dateline_fm {
        segments.push(Segment {
            kind: SegmentKind::Dateline,
            span: d.span,
        });
    }
    let h1 = if headline_found {
        None
    } else {
        blocks
            .iter()
            .position(|b| b.1 == Some(HeadingLevel::H1))
            .or((!blocks.is_empty()).then_some(0))
    };
    // A dateline given in the front matter: none is looked for in the body.
    let mut first_body = dateline_fm.is_none();
    let mut dateline = dateline_fm;
    let mut block_quotes = Vec::new();
    for (i, (span, _, quoted)) in blocks.iter().enumerate() {
        if Some(i) == h1 {
            segments.push(Segment {
                kind: SegmentKind::Headline,
                span: *span,
            });
            continue;
        }
        let body = text.get(span.start..span.end).unwrap_or_default();
        if super::plain::is_chrome(body) {
            break;
        }
        let mut para = *span;
        if first_body && h1.is_none_or(|h| i > h) {
            first_body = false;
            if let Some(d) = super::plain::parse_dateline(body, span.start) {
                segments.push(Segment {
                    kind: SegmentKind::Dateline,
                    span: d.span,
                });
                para.start = crate::source::skip_ws(&text, d.span.end).min(span.end);
                dateline = Some(d);
            }
        }
        if !para.is_empty() {
            segments.push(Segment {
                kind: SegmentKind::Paragraph,
                span: para,
            });
            if *quoted {
                block_quotes.push(para);
            }
        }
    }
    segments.sort_by_key(|s| s.span.start);
    let mut article = Article::empty(text, Format::Markdown);
    article.segments = segments;
    article.front_matter_date = date;
    article.front_matter_ignore = ignore;
    article.dateline = dateline;
    article.byline = byline;
    crate::text::annotate(&mut article);
    if !block_quotes.is_empty() {
        // A `>` block quote is quoted speech: its whole paragraph is one quotation (replacing
        // the quotation marks found inside it, so quotations stay disjoint and in order).
        article
            .quotes
            .retain(|q| !block_quotes.iter().any(|b| b.overlaps(*q)));
        article.quotes.extend(block_quotes);
        article.quotes.sort_by_key(|q| q.start);
    }
    Ok(article)
}

/// One prose block: its span, heading level, and whether it is inside a block quote.
type Block = (Span, Option<HeadingLevel>, bool);

/// Prose blocks after `from`: (span from the first to the last inline byte, heading level,
/// inside a `>` block quote). Code blocks, HTML blocks and comments are skipped; emphasis and
/// links stay inside their paragraph.
fn blocks(text: &str, from: usize) -> Vec<Block> {
    let src = text.get(from..).unwrap_or_default();
    let mut out: Vec<Block> = Vec::new();
    let mut stack: Vec<(Option<Span>, Option<HeadingLevel>)> = Vec::new();
    let mut skip = 0usize;
    let mut quote_depth = 0usize;
    let opts = Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH;
    for (ev, r) in Parser::new_ext(src, opts).into_offset_iter() {
        let r = Span::new(from + r.start, from + r.end);
        match ev {
            Event::Start(
                Tag::CodeBlock(_) | Tag::HtmlBlock | Tag::Image { .. } | Tag::MetadataBlock(_),
            ) => skip += 1,
            Event::End(
                TagEnd::CodeBlock | TagEnd::HtmlBlock | TagEnd::Image | TagEnd::MetadataBlock(_),
            ) => skip = skip.saturating_sub(1),
            Event::Start(Tag::BlockQuote(_)) => quote_depth += 1,
            Event::End(TagEnd::BlockQuote(_)) => quote_depth = quote_depth.saturating_sub(1),
            Event::Start(Tag::Paragraph | Tag::Item | Tag::TableCell) => stack.push((None, None)),
            Event::Start(Tag::Heading { level, .. }) => stack.push((None, Some(level))),
            Event::End(
                TagEnd::Paragraph | TagEnd::Item | TagEnd::TableCell | TagEnd::Heading(_),
            ) => {
                if let Some((Some(span), level)) = stack.pop() {
                    out.push((span, level, quote_depth > 0));
                }
            }
            Event::Text(_) | Event::Code(_) if skip == 0 => {
                if let Some((cur, _)) = stack.last_mut() {
                    let t = text.get(r.start..r.end).unwrap_or_default();
                    let lead = t.len() - t.trim_start().len();
                    let r = Span::new(r.start + lead, r.start + t.trim_end().len());
                    if !r.is_empty() {
                        *cur = Some(match cur {
                            Some(c) => Span::new(c.start, r.end.max(c.end)),
                            None => r,
                        });
                    }
                }
            }
            _ => {}
        }
    }
    out.sort_by_key(|b| b.0.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn segs(t: &str) -> Vec<(SegmentKind, String)> {
        let a = parse(Arc::from(t)).unwrap();
        a.segments
            .iter()
            .map(|s| (s.kind, a.slice(s.span).to_string()))
            .collect()
    }

    #[test]
    fn front_matter_dek_dateline_and_byline() {
        let t = "---\ntitle: \"Leaders meet\"\ndescription: \"The summit in Albania\"\nauthor: Jane Tirana\ndateline: \"KYIV, Feb 28 (Reuters) -\"\n---\n\nThe summit ended.\n";
        let a = parse(Arc::from(t)).unwrap();
        assert_eq!(
            segs(t),
            vec![
                (SegmentKind::Headline, "Leaders meet".to_string()),
                (SegmentKind::Headline, "The summit in Albania".to_string()),
                (
                    SegmentKind::Dateline,
                    "KYIV, Feb 28 (Reuters) -".to_string()
                ),
                (SegmentKind::Paragraph, "The summit ended.".to_string()),
            ]
        );
        assert_eq!(a.segments[1].span, Span::new(40, 61));
        let d = a.dateline.as_ref().unwrap();
        assert_eq!((d.place, d.month_day), (Span::new(94, 98), Some((2, 28))));
        // The byline is recorded, not a segment.
        assert_eq!(a.byline, Some(Span::new(71, 82)));
        assert_eq!(&t[71..82], "Jane Tirana");
        assert!(a.segment_at(71).is_none());
        // An unparsable dateline value is the place.
        let a = parse(Arc::from("---\ndateline: Tirana\n---\n\nBody.\n")).unwrap();
        let d = a.dateline.unwrap();
        assert_eq!(
            (d.span, d.place, d.date),
            (Span::new(14, 20), Span::new(14, 20), None)
        );
    }

    #[test]
    fn block_quote_paragraphs_are_quotations() {
        let t = "# Talks\n\nHe said “yes” twice.\n\n> Quoted “inner” text\n> goes on.\n\nAfter.\n";
        let a = parse(Arc::from(t)).unwrap();
        let q: Vec<&str> = a.quotes.iter().map(|s| a.slice(*s)).collect();
        assert_eq!(q, vec!["yes", "Quoted “inner” text\n> goes on."]);
        assert_eq!(a.quotes[1], Span::new(37, 71));
        assert!(a.in_quote(Span::new(39, 45)));
        assert!(!a.in_quote(Span::new(73, 78)));
    }

    #[test]
    fn front_matter_title_date_and_ignore() {
        let t = "---\ntitle: \"Summit in Albania\"\ndate: 2024-02-28\nclaimlint: { ignore: [N001, L001] }\n---\n\n# Heading\n\nBody *text* here.\n";
        let a = parse(Arc::from(t)).unwrap();
        assert_eq!(a.slice(a.segments[0].span), "Summit in Albania");
        assert_eq!(a.segments[0].span, Span::new(12, 29));
        let d = a.front_matter_date.as_ref().unwrap();
        assert_eq!(
            (d.span, d.date),
            (Span::new(37, 47), NaiveDate::from_ymd_opt(2024, 2, 28))
        );
        let ign: Vec<_> = a
            .front_matter_ignore
            .iter()
            .map(|(c, s)| (c.as_str(), &t[s.start..s.end]))
            .collect();
        assert_eq!(ign, vec![("N001", "N001"), ("L001", "L001")]);
        assert_eq!(a.front_matter_ignore[0].1, Span::new(70, 74));
        assert_eq!(
            segs(t),
            vec![
                (SegmentKind::Headline, "Summit in Albania".into()),
                (SegmentKind::Paragraph, "Heading".into()),
                (SegmentKind::Paragraph, "Body *text* here.".into()),
            ]
        );
    }

    #[test]
    fn toml_front_matter_and_code_blocks() {
        let t = "+++\ntitle = 'Talks in Kyiv'\ndate = 2024-02-28\n+++\n\n```\n# not a heading\n```\n\n    indented code\n\n<!-- claimlint-disable L001 -->\n\n- item one\n- item `two`\n\n> quoted para\n";
        let a = parse(Arc::from(t)).unwrap();
        assert_eq!(
            a.front_matter_date.as_ref().unwrap().date,
            NaiveDate::from_ymd_opt(2024, 2, 28)
        );
        assert_eq!(
            segs(t),
            vec![
                (SegmentKind::Headline, "Talks in Kyiv".into()),
                (SegmentKind::Paragraph, "item one".into()),
                (SegmentKind::Paragraph, "item `two`".into()),
                (SegmentKind::Paragraph, "quoted para".into()),
            ]
        );
    }

    #[test]
    fn h1_headline_horizontal_rule_and_crlf() {
        let t = "Intro line\r\n\r\n# Summit in Albania\r\n\r\nThe summit in Kyiv.\r\n\r\n---\r\n\r\nMore.\r\n";
        assert_eq!(
            segs(t),
            vec![
                (SegmentKind::Paragraph, "Intro line".into()),
                (SegmentKind::Headline, "Summit in Albania".into()),
                (SegmentKind::Paragraph, "The summit in Kyiv.".into()),
                (SegmentKind::Paragraph, "More.".into()),
            ]
        );
        // A `---` that is not at byte 0 is a rule, not front matter.
        let a = parse(Arc::from("# H\n\n---\ndate: 2024-01-01\n---\n")).unwrap();
        assert!(a.front_matter_date.is_none());
    }

    #[test]
    fn front_matter_errors_have_line_and_column() {
        let e = parse(Arc::from("---\ntitle: x\n\nBody.\n")).unwrap_err();
        assert_eq!(
            e.to_string(),
            "1:1: YAML front matter: the `---` block opened here never closes (add a `---` line after it)"
        );
        let e = parse(Arc::from("---\ntitle: x\ndate: [2024\n---\n\nBody.\n")).unwrap_err();
        assert_eq!(
            e.to_string(),
            "3:7: YAML front matter: unclosed bracket '['"
        );
        let e = parse(Arc::from("+++\ntitle = \n+++\n")).unwrap_err();
        let InputError::Syntax {
            what, line, column, ..
        } = &e
        else {
            panic!("{e}")
        };
        assert_eq!(
            (what.as_str(), *line, *column),
            ("TOML front matter", 2, 9),
            "{e}"
        );
    }
}
