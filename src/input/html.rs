//! HTML articles, tokenized by html5gum (which gives the raw byte span of every text run and
//! attribute value).
//!
//! Headline: the `<h1>` (inside `<article>`/`<main>` first), else `og:title`, else `<title>`.
//! Date: `<time datetime>`, else `article:published_time`, else JSON-LD `datePublished`.
//! A JSON-LD block (`<script type="application/ld+json">`) also gives the headline (after
//! `og:title`, before `<title>`) and the body (`articleBody`) when the page has no paragraphs. Body: the paragraphs (`<p>`, `<li>`,
//! `<blockquote>`, `<h2>`-`<h6>`) of `<article>`/`<main>`, or of the whole page when it has
//! neither. Scripts, styles, navigation, asides, figures (and their credits), forms and footers
//! are not prose. Entities are decoded for matching: each text run is decoded by html5gum and
//! aligned with its raw bytes, one atomic [`OffsetMap`] run per entity, so a span covering
//! `&amp;` maps to the whole entity in the file.

use std::sync::Arc;

use chrono::NaiveDate;
use html5gum::{DefaultEmitter, Token, Tokenizer};

use crate::article::{
    Article, DateLine, Format, OffsetMap, Segment, SegmentKind, SourceText, Span,
};

/// Decoded text pieces with their raw spans: `(decoded, raw file span)`.
#[derive(Default, Debug)]
struct Text {
    pieces: Vec<(String, Span)>,
    /// The pieces are JSON string contents (JSON-LD): unescaped as JSON, not HTML.
    json: bool,
}

impl Text {
    fn is_blank(&self) -> bool {
        self.pieces.iter().all(|(s, _)| s.trim().is_empty())
    }
}

const SKIP: &[&str] = &[
    "script",
    "style",
    "nav",
    "aside",
    "footer",
    "figure",
    "figcaption",
    "noscript",
    "template",
    "form",
    "button",
    "svg",
    "iframe",
    "select",
    "head",
];
const BLOCKS: &[&str] = &[
    "p",
    "li",
    "blockquote",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "title",
    "td",
    "dd",
    "dt",
];
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

struct Block {
    tag: String,
    in_article: bool,
    text: Text,
}

/// Push `(a, alen, f, flen)` runs aligning decoded `dec` with the raw bytes `raw` at file
/// offset `base`: equal bytes one to one; an entity (or a CR the tokenizer dropped) atomic.
fn align(dec: &str, raw: &str, base: usize, a_base: usize, map: &mut OffsetMap) {
    let (d, r) = (dec.as_bytes(), raw.as_bytes());
    let (mut i, mut j) = (0, 0);
    while let (Some(&rc), Some(&dc)) = (r.get(i), d.get(j)) {
        if rc == dc && rc != b'&' {
            map.push(a_base + j, 1, base + i, 1);
            i += 1;
            j += 1;
        } else if rc == b'\r' {
            // CRLF / lone CR normalised to LF.
            let rl = if r.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
            map.push(a_base + j, 1, base + i, rl);
            i += rl;
            j += 1;
        } else if rc == b'&' {
            // The entity's raw length: up to and including `;`, else the alphanumeric run.
            let mut e = i + 1;
            while e - i < 40
                && r.get(e)
                    .is_some_and(|&c| c.is_ascii_alphanumeric() || c == b'#')
            {
                e += 1;
            }
            if r.get(e) == Some(&b';') {
                e += 1;
            }
            // The decoded characters: up to where the raw text after the entity resumes.
            let mut k = j + dec
                .get(j..)
                .and_then(|s| s.chars().next())
                .map_or(1, char::len_utf8);
            if r.get(e)
                .is_some_and(|&re| d.get(k) != Some(&re) && re != b'\r' && re != b'&')
            {
                if let Some(c) = dec.get(k..).and_then(|s| s.chars().next()) {
                    k += c.len_utf8();
                }
            }
            if e - i == 1 && dc == b'&' {
                // A bare `&` kept as is.
                map.push(a_base + j, 1, base + i, 1);
                i += 1;
                j += 1;
                continue;
            }
            map.push(a_base + j, k - j, base + i, e - i);
            i = e;
            j = k;
        } else {
            // Anything else (should not happen): map the rest atomically.
            map.push(a_base + j, d.len() - j, base + i, r.len() - i);
            return;
        }
    }
    if j < d.len() {
        map.push(a_base + j, d.len() - j, base + r.len(), 0);
    }
}

/// The decoded value of attribute `name` and the raw bytes of the value (html5gum's span
/// covers `name="value"`; the quotes and the name are cut off here).
fn attr(file: &str, t: &html5gum::StartTag<usize>, name: &str) -> Option<(String, Span)> {
    let (_, v) = t
        .attributes
        .iter()
        .find(|(k, _)| k.as_slice() == name.as_bytes())?;
    let raw = file.get(v.span.start..v.span.end).unwrap_or("");
    let mut span = Span::new(v.span.start, v.span.end);
    if let Some(eq) = raw.find('=') {
        let after = raw.get(eq + 1..).unwrap_or_default();
        let lead = after.len() - after.trim_start().len();
        let mut s = v.span.start + eq + 1 + lead;
        let mut e = v.span.end;
        if let Some(q) = after
            .trim_start()
            .chars()
            .next()
            .filter(|c| *c == '"' || *c == '\'')
        {
            s += 1;
            if let Some(close) = file.get(s..).and_then(|r| r.find(q)) {
                e = s + close;
            }
        }
        span = Span::new(s, e.max(s));
    }
    Some((
        String::from_utf8_lossy(v.value.as_slice()).into_owned(),
        span,
    ))
}

/// Parse an HTML page. Never fails (the tokenizer recovers from every error).
pub fn parse(file: Arc<str>) -> Article {
    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    emitter.naively_switch_states(true);
    let mut open: Vec<String> = Vec::new();
    let mut skip = 0usize;
    let mut article_depth = 0usize;
    let mut has_article = false;
    let mut stack: Vec<Block> = Vec::new();
    let mut done: Vec<Block> = Vec::new();
    let mut og_title = None;
    let mut date: Option<(String, Span)> = None;
    let mut meta_date = None;
    let mut ld_script = false;
    let mut ld_starts: Vec<usize> = Vec::new();
    for tok in Tokenizer::new_with_emitter(&*file, emitter).flatten() {
        match tok {
            Token::StartTag(t) => {
                let name = String::from_utf8_lossy(t.name.as_slice()).to_ascii_lowercase();
                if name == "meta" {
                    let prop = attr(&file, &t, "property").or_else(|| attr(&file, &t, "name"));
                    if let (Some((p, _)), Some(content)) = (prop, attr(&file, &t, "content")) {
                        match p.as_str() {
                            "og:title" => og_title = Some(content),
                            "article:published_time" => meta_date = Some(content),
                            _ => {}
                        }
                    }
                }
                if name == "script" {
                    ld_script = attr(&file, &t, "type").is_some_and(|(v, _)| v.contains("ld+json"));
                }
                if name == "time" && date.is_none() && skip == 0 {
                    date = attr(&file, &t, "datetime");
                }
                if VOID.contains(&name.as_str()) || t.self_closing {
                    continue;
                }
                // `<head>` holds the title; skip only the rest of it.
                if SKIP.contains(&name.as_str()) && name != "head" {
                    skip += 1;
                }
                if name == "article" || name == "main" {
                    article_depth += 1;
                    has_article = true;
                }
                if BLOCKS.contains(&name.as_str()) {
                    // A block inside a paragraph-level block closes nothing; text goes to the
                    // innermost one.
                    stack.push(Block {
                        tag: name.clone(),
                        in_article: article_depth > 0,
                        text: Text::default(),
                    });
                }
                open.push(name);
            }
            Token::EndTag(t) => {
                let name = String::from_utf8_lossy(t.name.as_slice()).to_ascii_lowercase();
                if name == "script" {
                    ld_script = false;
                }
                let Some(pos) = open.iter().rposition(|n| *n == name) else {
                    continue;
                };
                for closed in open.drain(pos..).rev() {
                    if SKIP.contains(&closed.as_str()) && closed != "head" {
                        skip = skip.saturating_sub(1);
                    }
                    if closed == "article" || closed == "main" {
                        article_depth = article_depth.saturating_sub(1);
                    }
                    if BLOCKS.contains(&closed.as_str()) {
                        if let Some(b) = stack.pop() {
                            if !b.text.is_blank() {
                                done.push(b);
                            }
                        }
                    }
                }
            }
            Token::String(s) => {
                if ld_script {
                    ld_starts.push(s.span.start);
                    ld_script = false;
                }
                if skip > 0 {
                    continue;
                }
                if let Some(b) = stack.last_mut() {
                    let dec = String::from_utf8_lossy(s.value.as_slice()).into_owned();
                    b.text
                        .pieces
                        .push((dec, Span::new(s.span.start, s.span.end)));
                }
            }
            _ => {}
        }
    }
    done.extend(stack.drain(..).filter(|b| !b.text.is_blank()));
    done.sort_by_key(|b| b.text.pieces.first().map_or(0, |p| p.1.start));

    let mut text = String::new();
    let mut map = OffsetMap::new();
    let mut segments = Vec::new();
    let push = |text: &mut String, map: &mut OffsetMap, t: &Text| -> Span {
        let start = text.len();
        for (dec, raw) in &t.pieces {
            let a = text.len();
            if t.json {
                let (s, runs) = super::json::unescape(file.as_bytes(), *raw);
                for (ra, alen, f, flen) in runs {
                    map.push(a + ra, alen, f, flen);
                }
                text.push_str(&s);
                continue;
            }
            let r = file.get(raw.start..raw.end).unwrap_or("");
            align(dec, r, raw.start, a, map);
            text.push_str(dec);
        }
        let s = text.get(start..).unwrap_or_default();
        let lead = s.len() - s.trim_start().len();
        let span = Span::new(start + lead, start + s.trim_end().len());
        text.push_str("\n\n");
        span
    };
    let in_scope = |b: &Block| !has_article || b.in_article;
    let h1 = done
        .iter()
        .position(|b| b.tag == "h1" && b.in_article)
        .or_else(|| done.iter().position(|b| b.tag == "h1"));
    let one = |(s, span): &(String, Span)| Text {
        pieces: vec![(s.clone(), *span)],
        json: false,
    };
    // JSON-LD: headline, datePublished, articleBody (the first block that has each).
    let mut ld: [Option<Span>; 3] = [None; 3];
    for &start in &ld_starts {
        let found = super::json::ld_strings(
            file.as_bytes(),
            start,
            &["headline", "datePublished", "articleBody"],
        );
        for (slot, f) in ld.iter_mut().zip(found) {
            *slot = slot.or(f);
        }
    }
    let ld_text = |s: Option<Span>| {
        s.map(|span| Text {
            pieces: vec![(String::new(), span)],
            json: true,
        })
    };
    let headline = h1.and_then(|i| done.get(i)).map(|b| &b.text);
    let fallback = og_title
        .as_ref()
        .map(one)
        .or_else(|| ld_text(ld[0]))
        .or_else(|| {
            done.iter().find(|b| b.tag == "title").map(|b| Text {
                pieces: b.text.pieces.clone(),
                json: false,
            })
        });
    if let Some(h) = headline.or(fallback.as_ref()) {
        let span = push(&mut text, &mut map, h);
        segments.push(Segment {
            kind: SegmentKind::Headline,
            span,
        });
    }
    let mut dateline = None;
    let mut first = true;
    for (i, b) in done.iter().enumerate() {
        if Some(i) == h1 || b.tag == "title" || !in_scope(b) {
            continue;
        }
        let mut span = push(&mut text, &mut map, &b.text);
        if span.is_empty() {
            continue;
        }
        let body = text
            .get(span.start..span.end)
            .unwrap_or_default()
            .to_string();
        if super::plain::is_chrome(&body) {
            break;
        }
        if first {
            first = false;
            if let Some(d) = super::plain::parse_dateline(&body, span.start) {
                segments.push(Segment {
                    kind: SegmentKind::Dateline,
                    span: d.span,
                });
                span.start = crate::source::skip_ws(&text, d.span.end).min(span.end);
                dateline = Some(d);
            }
        }
        if !span.is_empty() {
            segments.push(Segment {
                kind: SegmentKind::Paragraph,
                span,
            });
        }
    }
    if first {
        // No paragraphs: the JSON-LD articleBody, when the page carries one.
        if let Some(body) = ld_text(ld[2]) {
            let span = push(&mut text, &mut map, &body);
            if !span.is_empty() {
                segments.push(Segment {
                    kind: SegmentKind::Paragraph,
                    span,
                });
            }
        }
    }
    let mut front_matter_date = None;
    let date_text = date
        .or(meta_date)
        .map(|d| one(&d))
        .or_else(|| ld_text(ld[1]));
    if let Some(d) = date_text {
        let span = push(&mut text, &mut map, &d);
        let v = text.get(span.start..span.end).unwrap_or_default();
        let day = v.get(..10).unwrap_or(v);
        front_matter_date = Some(DateLine {
            span: Span::new(span.start, span.start + day.len()),
            date: NaiveDate::parse_from_str(day, "%Y-%m-%d").ok(),
        });
    }
    let mut article = Article::empty(Arc::from(text), Format::Html);
    article.segments = segments;
    article.dateline = dateline;
    article.front_matter_date = front_matter_date;
    article.source = Some(SourceText {
        file_text: file,
        map: Arc::new(map),
    });
    crate::text::annotate(&mut article);
    article
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_map_to_the_raw_bytes_and_chrome_is_dropped() {
        let h = "<html><head><title>Site</title><script>var x = '<p>Kyiv</p>';</script></head><body><nav><p>Home</p></nav><article><h1>Summit in Albania &amp; more</h1><time datetime=\"2024-02-28\">Feb 28</time><p>Zelensky&rsquo;s summit, which took place in Kyiv, ended.</p><figure><figcaption>Photo: Kyiv</figcaption></figure></article><footer><p>Kyiv office</p></footer></body></html>";
        let a = parse(Arc::from(h));
        let segs = a.segment_texts();
        assert_eq!(
            segs,
            vec![
                (SegmentKind::Headline, "Summit in Albania & more"),
                (
                    SegmentKind::Paragraph,
                    "Zelensky’s summit, which took place in Kyiv, ended."
                ),
            ]
        );
        let amp = a.text.find('&').unwrap();
        let f = a.file_span(Span::new(amp, amp + 1));
        assert_eq!(&h[f.start..f.end], "&amp;");
        let k = a.text.find("Kyiv").unwrap();
        let f = a.file_span(Span::new(k, k + 4));
        assert_eq!(&h[f.start..f.end], "Kyiv");
        assert!(h[..f.start].contains("&rsquo;"));
        let q = a.text.find('’').unwrap();
        let f = a.file_span(Span::new(q - 8, q + 3));
        assert_eq!(&h[f.start..f.end], "Zelensky&rsquo;");
        let d = a.front_matter_date.as_ref().unwrap();
        assert_eq!(d.date, NaiveDate::from_ymd_opt(2024, 2, 28));
        let f = a.file_span(d.span);
        assert_eq!(&h[f.start..f.end], "2024-02-28");
    }

    #[test]
    fn json_ld_headline_date_and_body() {
        let h = "<html><head><script type=\"application/ld+json\">{\"@context\": \"https://schema.org\", \"headline\": \"Summit in \\u0041lbania\", \"datePublished\": \"2024-02-28T08:00:00Z\", \"articleBody\": \"The summit, which took place in Kyiv, ended.\"}</script></head><body><div>Menu</div></body></html>";
        let a = parse(Arc::from(h));
        let segs = a.segment_texts();
        assert_eq!(
            segs,
            vec![
                (SegmentKind::Headline, "Summit in Albania"),
                (
                    SegmentKind::Paragraph,
                    "The summit, which took place in Kyiv, ended."
                ),
            ]
        );
        let f = a.file_span(a.segments[0].span);
        assert_eq!(&h[f.start..f.end], "Summit in \\u0041lbania");
        let k = a.text.find("Kyiv").unwrap();
        let f = a.file_span(Span::new(k, k + 4));
        assert_eq!(&h[f.start..f.end], "Kyiv");
        let d = a.front_matter_date.as_ref().unwrap();
        assert_eq!(d.date, NaiveDate::from_ymd_opt(2024, 2, 28));
        let f = a.file_span(d.span);
        assert_eq!(&h[f.start..f.end], "2024-02-28");
    }

    #[test]
    fn no_article_element_uses_the_page_and_og_title() {
        let h = "<html><head><meta property=\"og:title\" content=\"Talks in Kyiv\"><title>T</title></head><body><p>First para.</p><aside><p>Ad</p></aside><p>Second para.</p></body></html>";
        let a = parse(Arc::from(h));
        let segs = a.segment_texts();
        assert_eq!(
            segs,
            vec![
                (SegmentKind::Headline, "Talks in Kyiv"),
                (SegmentKind::Paragraph, "First para."),
                (SegmentKind::Paragraph, "Second para."),
            ]
        );
        let f = a.file_span(a.segments[0].span);
        assert_eq!(&h[f.start..f.end], "Talks in Kyiv");
    }
}
