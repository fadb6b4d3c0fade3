//! JSON and NDJSON articles (CMS exports): one article per object, per array element or per
//! line.
//!
//! serde_json validates each document (and gives line/column for errors); a small scanner then
//! walks the validated bytes to find the raw byte range of every string value, since serde_json
//! keeps no spans. Each field's string is unescaped into the analysis text with an
//! [`OffsetMap`] run per escape (`\"`, `\n`, `\u00e9`, a surrogate pair), so spans map back to
//! the exact bytes in the file.

use std::sync::Arc;

use chrono::NaiveDate;

use crate::article::{
    Article, DateLine, Format, OffsetMap, Segment, SegmentKind, SourceText, Span,
};
use crate::input::{InputError, JsonFields, Record, RecordError};

/// A JSON value with the byte spans the reader needs (strings: the bytes between the quotes).
#[derive(Debug)]
pub(crate) enum Node {
    Str(Span),
    Arr(Vec<Node>),
    Obj(Vec<(String, Node)>),
    Other,
}

/// Scan one value starting at `pos` (whitespace skipped) of bytes serde_json already accepted.
/// Returns the node and the byte after it; `None` only on bytes that are not JSON.
pub(crate) fn scan(b: &[u8], pos: usize, depth: usize) -> Option<(Node, usize)> {
    let mut i = ws(b, pos);
    if depth > 256 {
        return None;
    }
    match *b.get(i)? {
        b'"' => {
            let end = string_end(b, i + 1)?;
            Some((Node::Str(Span::new(i + 1, end)), end + 1))
        }
        b'[' => {
            let mut items = Vec::new();
            i = ws(b, i + 1);
            if b.get(i) == Some(&b']') {
                return Some((Node::Arr(items), i + 1));
            }
            loop {
                let (n, e) = scan(b, i, depth + 1)?;
                items.push(n);
                i = ws(b, e);
                match *b.get(i)? {
                    b',' => i += 1,
                    b']' => return Some((Node::Arr(items), i + 1)),
                    _ => return None,
                }
            }
        }
        b'{' => {
            let mut fields = Vec::new();
            i = ws(b, i + 1);
            if b.get(i) == Some(&b'}') {
                return Some((Node::Obj(fields), i + 1));
            }
            loop {
                i = ws(b, i);
                if b.get(i) != Some(&b'"') {
                    return None;
                }
                let kend = string_end(b, i + 1)?;
                let key = unescape(b, Span::new(i + 1, kend)).0;
                i = ws(b, kend + 1);
                if b.get(i) != Some(&b':') {
                    return None;
                }
                let (n, e) = scan(b, i + 1, depth + 1)?;
                fields.push((key, n));
                i = ws(b, e);
                match *b.get(i)? {
                    b',' => i += 1,
                    b'}' => return Some((Node::Obj(fields), i + 1)),
                    _ => return None,
                }
            }
        }
        _ => {
            while b
                .get(i)
                .is_some_and(|&c| !matches!(c, b',' | b']' | b'}') && !c.is_ascii_whitespace())
            {
                i += 1;
            }
            Some((Node::Other, i))
        }
    }
}

fn ws(b: &[u8], mut i: usize) -> usize {
    while b
        .get(i)
        .is_some_and(|c| matches!(c, b' ' | b'\t' | b'\n' | b'\r'))
    {
        i += 1;
    }
    i
}

/// The index of the closing quote of a string whose contents start at `i`.
fn string_end(b: &[u8], mut i: usize) -> Option<usize> {
    while let Some(&c) = b.get(i) {
        match c {
            b'"' => return Some(i),
            b'\\' => i += 2,
            _ => i += 1,
        }
    }
    None
}

fn hex4(b: &[u8], i: usize) -> Option<u32> {
    let s = std::str::from_utf8(b.get(i..i + 4)?).ok()?;
    u32::from_str_radix(s, 16).ok()
}

/// Unescape the raw string bytes `raw` (between the quotes): the text and, per piece,
/// `(analysis offset, analysis len, file offset, file len)` runs relative to the text start.
pub(crate) fn unescape(b: &[u8], raw: Span) -> (String, Vec<(usize, usize, usize, usize)>) {
    let mut out = String::new();
    let mut runs = Vec::new();
    let mut i = raw.start;
    let mut plain_start = i;
    let flush = |out: &mut String, runs: &mut Vec<_>, from: usize, to: usize| {
        if to > from {
            if let Some(Ok(s)) = b.get(from..to).map(std::str::from_utf8) {
                runs.push((out.len(), s.len(), from, s.len()));
                out.push_str(s);
            }
        }
    };
    while i < raw.end {
        let Some(&c) = b.get(i) else { break };
        if c != b'\\' {
            i += 1;
            continue;
        }
        flush(&mut out, &mut runs, plain_start, i);
        let (ch, len) = match b.get(i + 1) {
            Some(b'n') => ('\n', 2),
            Some(b't') => ('\t', 2),
            Some(b'r') => ('\r', 2),
            Some(b'b') => ('\u{8}', 2),
            Some(b'f') => ('\u{c}', 2),
            Some(b'u') => {
                let hi = hex4(b, i + 2).unwrap_or(0xFFFD);
                if (0xD800..0xDC00).contains(&hi)
                    && b.get(i + 6) == Some(&b'\\')
                    && b.get(i + 7) == Some(&b'u')
                {
                    let lo = hex4(b, i + 8).unwrap_or(0);
                    let c = 0x10000 + ((hi - 0xD800) << 10) + (lo.wrapping_sub(0xDC00) & 0x3FF);
                    (char::from_u32(c).unwrap_or('\u{FFFD}'), 12)
                } else {
                    (char::from_u32(hi).unwrap_or('\u{FFFD}'), 6)
                }
            }
            Some(&c) => (char::from(c), 2),
            None => ('\\', 1),
        };
        let len = len.min(raw.end - i);
        runs.push((out.len(), ch.len_utf8(), i, len));
        out.push(ch);
        i += len;
        plain_start = i;
    }
    flush(&mut out, &mut runs, plain_start, raw.end);
    (out, runs)
}

/// Builds the analysis text of one record and its offset map.
struct Builder<'a> {
    bytes: &'a [u8],
    text: String,
    map: OffsetMap,
}

impl Builder<'_> {
    /// Append the decoded string at `raw`, trimmed; returns its analysis span.
    fn push(&mut self, raw: Span) -> Span {
        let (s, runs) = unescape(self.bytes, raw);
        let base = self.text.len();
        for (a, alen, f, flen) in runs {
            self.map.push(base + a, alen, f, flen);
        }
        self.text.push_str(&s);
        let lead = s.len() - s.trim_start().len();
        Span::new(base + lead, base + s.trim_end().len())
    }

    fn sep(&mut self) {
        self.text.push_str("\n\n");
    }
}

fn field<'n>(fields: &'n [(String, Node)], names: &[String]) -> Option<&'n Node> {
    names
        .iter()
        .find_map(|n| fields.iter().find(|(k, _)| k == n).map(|(_, v)| v))
}

fn str_field(fields: &[(String, Node)], names: &[String]) -> Option<Span> {
    match field(fields, names)? {
        Node::Str(s) => Some(*s),
        _ => None,
    }
}

/// Block types of a `{type, text}` body that are not prose.
const NOT_PROSE: &[&str] = &[
    "code", "embed", "html", "image", "img", "figure", "caption", "credit", "video", "audio", "ad",
    "advert", "related", "script", "table",
];

/// One record object → article. `name` is the record's name for errors.
fn article_from(
    bytes: &[u8],
    file_text: &Arc<str>,
    fields: &[(String, Node)],
    names: &JsonFields,
    name: &str,
) -> Result<Article, RecordError> {
    let body = field(fields, &names.body).ok_or_else(|| RecordError {
        record: name.to_string(),
        message: format!("no body field (looked for: {})", names.body.join(", ")),
    })?;
    let mut parts = Vec::new();
    match body {
        Node::Str(s) => parts.push(*s),
        Node::Arr(items) => {
            for it in items {
                match it {
                    Node::Str(s) => parts.push(*s),
                    // A `{type, text}` block; types that are not prose are left out.
                    Node::Obj(f) => {
                        let kind = f
                            .iter()
                            .find(|(k, _)| k == "type")
                            .and_then(|(_, v)| match v {
                                Node::Str(s) => Some(unescape(bytes, *s).0.to_ascii_lowercase()),
                                _ => None,
                            });
                        if kind.as_deref().is_some_and(|k| NOT_PROSE.contains(&k)) {
                            continue;
                        }
                        if let Some((_, Node::Str(t))) = f.iter().find(|(k, _)| k == "text") {
                            parts.push(*t);
                        }
                    }
                    _ => {}
                }
            }
        }
        _ => {
            return Err(RecordError {
                record: name.to_string(),
                message: "the body is neither a string nor an array of paragraphs".to_string(),
            })
        }
    }
    let mut b = Builder {
        bytes,
        text: String::new(),
        map: OffsetMap::new(),
    };
    let mut segments = Vec::new();
    if let Some(h) = str_field(fields, &names.headline) {
        let span = b.push(h);
        if !span.is_empty() {
            segments.push(Segment {
                kind: SegmentKind::Headline,
                span,
            });
        }
        b.sep();
        // The dek (standfirst) is read with the headline: a second headline-kind segment, so
        // the rules that compare headline and body compare it too.
        if let Some(d) = str_field(fields, &names.dek) {
            let span = b.push(d);
            if !span.is_empty() {
                segments.push(Segment {
                    kind: SegmentKind::Headline,
                    span,
                });
            }
            b.sep();
        }
    }
    let mut dateline = None;
    if let Some(d) = str_field(fields, &names.dateline) {
        let span = b.push(d);
        if !span.is_empty() {
            segments.push(Segment {
                kind: SegmentKind::Dateline,
                span,
            });
            dateline = Some(crate::article::Dateline {
                span,
                place: span,
                date: None,
                month_day: None,
            });
        }
        b.sep();
    }
    let mut first = dateline.is_none();
    for raw in parts {
        let start = b.text.len();
        let span = b.push(raw);
        b.sep();
        // A string body may hold several paragraphs separated by blank lines.
        let mut pos = start;
        let chunk = b
            .text
            .get(span.start.max(start)..span.end)
            .unwrap_or_default()
            .to_string();
        for para in chunk.split("\n\n") {
            let off = span.start + (pos - start);
            pos += para.len() + 2;
            let lead = para.len() - para.trim_start().len();
            let mut s = Span::new(off + lead, off + para.trim_end().len());
            if s.is_empty() {
                continue;
            }
            if first {
                first = false;
                if let Some(d) = b
                    .text
                    .get(s.start..s.end)
                    .and_then(|t| super::plain::parse_dateline(t, s.start))
                {
                    segments.push(Segment {
                        kind: SegmentKind::Dateline,
                        span: d.span,
                    });
                    s.start = crate::source::skip_ws(&b.text, d.span.end).min(s.end);
                    dateline = Some(d);
                }
            }
            if !s.is_empty() {
                segments.push(Segment {
                    kind: SegmentKind::Paragraph,
                    span: s,
                });
            }
        }
    }
    let mut front_matter_date = None;
    if let Some(d) = str_field(fields, &names.date) {
        let span = b.push(d);
        let day = b.text.get(span.start..span.end).unwrap_or("");
        let day = day.get(..10).unwrap_or(day);
        front_matter_date = Some(DateLine {
            span: Span::new(span.start, span.start + day.len()),
            date: NaiveDate::parse_from_str(day, "%Y-%m-%d").ok(),
        });
    }
    // The byline is recorded, not prose: no segment (a reporter called "Jane Tirana" places
    // nothing in Tirana).
    let byline = str_field(fields, &names.byline)
        .map(|raw| b.push(raw))
        .filter(|s| !s.is_empty());
    let mut article = Article::empty(Arc::from(b.text), Format::Json);
    article.byline = byline;
    article.segments = segments;
    article.dateline = dateline;
    article.front_matter_date = front_matter_date;
    article.source = Some(SourceText {
        file_text: file_text.clone(),
        map: Arc::new(b.map),
    });
    crate::text::annotate(&mut article);
    Ok(article)
}

/// The raw spans of the top-level string fields `names` of a JSON-LD block starting at byte
/// `start` (an object, the first object of an array, or an object of its `@graph`), in the
/// order of `names`; `None` for a missing field.
pub(crate) fn ld_strings(bytes: &[u8], start: usize, names: &[&str]) -> Vec<Option<Span>> {
    let Some((node, _)) = scan(bytes, start, 0) else {
        return vec![None; names.len()];
    };
    let mut objects: Vec<&[(String, Node)]> = Vec::new();
    walk_objects(&node, &mut objects, 0);
    names
        .iter()
        .map(|name| {
            objects.iter().find_map(|f| {
                f.iter()
                    .find(|(k, _)| k == name)
                    .and_then(|(_, v)| match v {
                        Node::Str(s) => Some(*s),
                        _ => None,
                    })
            })
        })
        .collect()
}

/// Objects of a JSON-LD value: itself, array items, `@graph` members (two levels deep).
fn walk_objects<'n>(n: &'n Node, out: &mut Vec<&'n [(String, Node)]>, depth: usize) {
    match n {
        Node::Obj(f) => {
            out.push(f);
            if depth < 2 {
                if let Some((_, g)) = f.iter().find(|(k, _)| k == "@graph") {
                    walk_objects(g, out, depth + 1);
                }
            }
        }
        Node::Arr(items) if depth < 2 => {
            for i in items {
                walk_objects(i, out, depth + 1);
            }
        }
        _ => {}
    }
}

fn id_of(bytes: &[u8], fields: &[(String, Node)], names: &JsonFields) -> Option<String> {
    let (_, v) = names
        .id
        .iter()
        .find_map(|n| fields.iter().find(|(k, _)| k == n))?;
    match v {
        Node::Str(s) => Some(format!("id \"{}\"", unescape(bytes, *s).0)),
        _ => None,
    }
}

/// A JSON document: one object (one record, unnamed) or an array of objects (records named
/// by `id` when present, else `record N`, 1-based). Errors: [`InputError::Syntax`] with the
/// line and column serde_json reports when the document does not parse.
pub fn read_json(
    file_text: Arc<str>,
    names: &JsonFields,
) -> Result<Vec<Result<Record, RecordError>>, InputError> {
    if let Err(e) = serde_json::from_str::<serde::de::IgnoredAny>(&file_text) {
        return Err(InputError::Syntax {
            what: "JSON".to_string(),
            line: e.line(),
            column: e.column(),
            message: strip_position(&e.to_string()),
        });
    }
    let bytes = file_text.as_bytes();
    let start = if file_text.starts_with('\u{feff}') {
        3
    } else {
        0
    };
    let Some((node, _)) = scan(bytes, start, 0) else {
        return Err(InputError::Syntax {
            what: "JSON".to_string(),
            line: 1,
            column: 1,
            message: "cannot be scanned".to_string(),
        });
    };
    let record = |fields: &[(String, Node)], name: Option<String>, fallback: String| {
        let label = name.clone().unwrap_or(fallback);
        article_from(bytes, &file_text, fields, names, &label).map(|mut article| {
            article.format = Format::Json;
            Record { name, article }
        })
    };
    Ok(match node {
        Node::Obj(fields) => vec![record(&fields, None, "the document".to_string())],
        Node::Arr(items) => items
            .iter()
            .enumerate()
            .map(|(i, n)| {
                let default = format!("record {}", i + 1);
                match n {
                    Node::Obj(f) => {
                        let name = id_of(bytes, f, names).unwrap_or(default.clone());
                        record(f, Some(name), default)
                    }
                    _ => Err(RecordError {
                        record: default,
                        message: "not an object".to_string(),
                    }),
                }
            })
            .collect(),
        _ => {
            return Err(InputError::Syntax {
                what: "JSON".to_string(),
                line: 1,
                column: 1,
                message: "expected an article object or an array of them".to_string(),
            })
        }
    })
}

/// serde_json's message without its " at line L column C" suffix (we give the position).
fn strip_position(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(i) => msg.get(..i).unwrap_or_default().to_string(),
        None => msg.to_string(),
    }
}

/// NDJSON: one object per non-blank line, each a record named by its `id` field when it has
/// one (`id "a-17"`), else `line N` (1-based). A line that is not JSON or not an object is a
/// [`RecordError`] naming its line; the others are read.
pub fn read_ndjson(file_text: Arc<str>, names: &JsonFields) -> Vec<Result<Record, RecordError>> {
    let bytes = file_text.as_bytes();
    let mut out = Vec::new();
    let mut pos = 0;
    for (n, line) in file_text.split_inclusive('\n').enumerate() {
        let start = pos;
        pos += line.len();
        let t = line.trim();
        let t = t.trim_start_matches('\u{feff}');
        if t.is_empty() {
            continue;
        }
        let name = format!("line {}", n + 1);
        if let Err(e) = serde_json::from_str::<serde::de::IgnoredAny>(t) {
            out.push(Err(RecordError {
                record: name,
                message: format!(
                    "not JSON: {} (column {})",
                    strip_position(&e.to_string()),
                    e.column()
                ),
            }));
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        let lead = lead
            + if line.get(lead..).is_some_and(|l| l.starts_with('\u{feff}')) {
                3
            } else {
                0
            };
        match scan(bytes, start + lead, 0) {
            Some((Node::Obj(fields), _)) => out.push({
                // Named by its `id` when it has one (as in a JSON array), else by its line.
                let name = id_of(bytes, &fields, names).unwrap_or(name);
                article_from(bytes, &file_text, &fields, names, &name).map(|mut article| {
                    article.format = Format::Ndjson;
                    Record {
                        name: Some(name),
                        article,
                    }
                })
            }),
            _ => out.push(Err(RecordError {
                record: name,
                message: "not an object".to_string(),
            })),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn art(json: &str) -> Article {
        let recs = read_json(Arc::from(json), &JsonFields::default()).unwrap();
        recs.into_iter().next().unwrap().unwrap().article
    }

    #[test]
    fn escapes_map_back_to_the_file() {
        let j = r#"{"headline": "Caf\u00e9 \"summit\" in Kyiv", "body": "Line one.\n\nThe \ud83d\ude00 summit in Kyiv."}"#;
        let a = art(j);
        assert_eq!(a.slice(a.segments[0].span), "Café \"summit\" in Kyiv");
        let k = a.text.find("Kyiv").unwrap();
        let f = a.file_span(Span::new(k, k + 4));
        assert_eq!(&j[f.start..f.end], "Kyiv");
        let e = a.text.find('é').unwrap();
        let f = a.file_span(Span::new(e, e + 2));
        assert_eq!(&j[f.start..f.end], r"\u00e9");
        let q = a.text.find("\"summit\"").unwrap();
        let f = a.file_span(Span::new(q, q + 8));
        assert_eq!(&j[f.start..f.end], r#"\"summit\""#);
        let kinds = a.segment_texts();
        assert_eq!(
            kinds,
            vec![
                (SegmentKind::Headline, "Café \"summit\" in Kyiv"),
                (SegmentKind::Paragraph, "Line one."),
                (SegmentKind::Paragraph, "The 😀 summit in Kyiv."),
            ]
        );
        let last = a.text.rfind("Kyiv").unwrap();
        let f = a.file_span(Span::new(last, last + 4));
        assert_eq!(&j[f.start..f.end], "Kyiv");
        let emoji = a.text.find('😀').unwrap();
        let f = a.file_span(Span::new(emoji, emoji + 4));
        assert_eq!(&j[f.start..f.end], r"\ud83d\ude00");
    }

    #[test]
    fn arrays_blocks_ids_and_errors() {
        let j = r#"[{"id": "a-1", "title": "T", "content": [{"type": "paragraph", "text": "One."}, {"type": "image", "text": "Credit"}, "Two."]},
 {"id": 7, "title": "No body"}]"#;
        let mut f = JsonFields::default();
        f.parse_overrides("headline=title,body=content").unwrap();
        let recs = read_json(Arc::from(j), &f).unwrap();
        let r0 = recs[0].as_ref().unwrap();
        assert_eq!(r0.name.as_deref(), Some("id \"a-1\""));
        let segs: Vec<_> = r0
            .article
            .segments
            .iter()
            .map(|s| r0.article.slice(s.span))
            .collect();
        assert_eq!(segs, vec!["T", "One.", "Two."]);
        let e = recs[1].as_ref().unwrap_err();
        assert_eq!(
            e.to_string(),
            "record 2: no body field (looked for: content)"
        );
        let bad = read_json(Arc::from("{\"a\": 1,\n  \"b\" 2}"), &f).unwrap_err();
        assert_eq!(bad.to_string(), "2:7: JSON: expected `:`");
        assert!(f.parse_overrides("nope=x").is_err());
    }

    #[test]
    fn a_dek_counts_with_the_headline() {
        let j = r#"{"headline": "Leaders meet", "dek": "The summit in Albania drew 12 leaders", "body": "The summit, which took place in Kyiv, ended on Tuesday."}"#;
        let a = art(j);
        let kinds = a.segment_texts();
        assert_eq!(
            kinds,
            vec![
                (SegmentKind::Headline, "Leaders meet"),
                (
                    SegmentKind::Headline,
                    "The summit in Albania drew 12 leaders"
                ),
                (
                    SegmentKind::Paragraph,
                    "The summit, which took place in Kyiv, ended on Tuesday."
                ),
            ]
        );
        let r = crate::check(&a, &crate::Settings::default());
        let l001 = r
            .diagnostics
            .iter()
            .find(|d| d.code == "L001")
            .expect("L001");
        let spans: Vec<&str> = l001
            .labels
            .iter()
            .map(|l| &j[l.span.start..l.span.end])
            .collect();
        assert_eq!(spans, vec!["Albania", "Kyiv"]);
    }

    #[test]
    fn ndjson_lines_are_records() {
        let t = "{\"headline\": \"H\", \"body\": \"B.\"}\nnot json\n\n{\"body\": \"C.\"}\n";
        let recs = read_ndjson(Arc::from(t), &JsonFields::default());
        assert_eq!(recs.len(), 3);
        assert_eq!(recs[0].as_ref().unwrap().name.as_deref(), Some("line 1"));
        let e = recs[1].as_ref().unwrap_err();
        assert_eq!(e.record, "line 2");
        assert!(e.message.starts_with("not JSON: "), "{}", e.message);
        let r = recs[2].as_ref().unwrap();
        assert_eq!(r.name.as_deref(), Some("line 4"));
        let p = r.article.segments[0].span;
        let f = r.article.file_span(p);
        assert_eq!(&t[f.start..f.end], "C.");
    }

    #[test]
    fn an_ndjson_record_with_an_id_is_named_by_it_and_its_byline_is_not_prose() {
        let t = "{\"id\": \"a-7\", \"byline\": \"Jane Tirana\", \"body\": \"Talks in Kyiv.\"}\n{\"id\": 5, \"body\": \"B.\"}\n";
        let recs = read_ndjson(Arc::from(t), &JsonFields::default());
        let r = recs[0].as_ref().unwrap();
        assert_eq!(r.name.as_deref(), Some("id \"a-7\""));
        let by = r.article.byline.expect("byline");
        assert_eq!(&r.article.text[by.start..by.end], "Jane Tirana");
        let f = r.article.file_span(by);
        assert_eq!(&t[f.start..f.end], "Jane Tirana");
        assert!(r.article.segments.iter().all(|s| !s.span.overlaps(by)));
        // A non-string id does not name the record.
        assert_eq!(recs[1].as_ref().unwrap().name.as_deref(), Some("line 2"));
    }
}
