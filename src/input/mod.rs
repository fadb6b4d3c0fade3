//! Input readers: bytes of a file → [`Record`]s, each holding one [`Article`].
//!
//! [`read_records`] is the entry point: it decodes the bytes ([`decode_text`]: UTF-8 as is;
//! UTF-16 with a byte-order mark and other non-UTF-8 text, read as Windows-1252, decoded with
//! a [`Transcoding`] back to the file's bytes) and hands the text to the reader for its
//! [`Format`]. Plain text, Markdown and HTML give one record per
//! file; a JSON array or an NDJSON file gives one per element or line. A failure of the whole
//! file is an [`InputError`]; a failure of one record is a [`RecordError`] in its slot, so the
//! other records are still checked. Spans are always byte offsets into the file on disk: a
//! reader whose analysis text differs from the file's bytes attaches an offset map
//! ([`crate::article::SourceText`]).

mod date_lines;
pub mod html;
pub mod json;
pub mod markdown;
pub mod plain;

use std::fmt;
use std::sync::Arc;

use crate::article::Article;
pub use crate::article::Format;
use crate::source::{OffsetMap, Transcoding};

/// Why a file could not be read as an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputError {
    /// The bytes are not valid UTF-8; `offset` is the first bad byte.
    NotUtf8 {
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
    /// The bytes look binary (a NUL byte at `offset`).
    Binary {
        /// Byte offset of the first NUL byte.
        offset: usize,
    },
    /// UTF-16 text (a UTF-16 byte-order mark): claimlint reads UTF-8 only.
    Utf16,
    /// A part of the file (front matter, a JSON document) that does not parse: `line` and
    /// `column` (1-based, column in code points) locate the problem in the file.
    Syntax {
        /// What was being read ("YAML front matter", "JSON").
        what: String,
        /// 1-based line in the file.
        line: usize,
        /// 1-based column in code points.
        column: usize,
        /// What is wrong.
        message: String,
    },
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::NotUtf8 { offset } => {
                write!(f, "not valid UTF-8 (first bad byte at offset {offset})")
            }
            InputError::Binary { offset } => {
                write!(f, "looks like a binary file (NUL byte at offset {offset})")
            }
            InputError::Utf16 => write!(f, "UTF-16 text is not supported: save it as UTF-8"),
            InputError::Syntax {
                what,
                line,
                column,
                message,
            } => write!(f, "{line}:{column}: {what}: {message}"),
        }
    }
}

impl std::error::Error for InputError {}

/// Why one record of a JSON or NDJSON file could not be read; the other records still are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordError {
    /// The record's name: `line 3` for NDJSON, `record 2` or `id "a-17"` for a JSON array.
    pub record: String,
    /// What is wrong ("not JSON: ...", "no body field (looked for: body, content, text)").
    pub message: String,
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.record, self.message)
    }
}

impl std::error::Error for RecordError {}

/// One article read from a file.
#[derive(Clone, Debug)]
pub struct Record {
    /// `None` for a file holding one article (plain, Markdown, HTML, a single JSON object);
    /// else the record's name as shown in output: `line 3` (NDJSON) or `id "a-17"` / `record 2`
    /// (a JSON array; 1-based).
    pub name: Option<String>,
    /// The article.
    pub article: Article,
}

/// Names of the JSON fields holding each part of an article, most preferred first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonFields {
    /// Headline fields (default `headline`, `title`).
    pub headline: Vec<String>,
    /// Dek / standfirst fields (default `dek`, `description`, `subtitle`, `standfirst`): read
    /// with the headline (a second headline-kind segment).
    pub dek: Vec<String>,
    /// Publication date fields (default `date`, `published`, `datePublished`).
    pub date: Vec<String>,
    /// Wire dateline fields (default `dateline`).
    pub dateline: Vec<String>,
    /// Byline fields (default `byline`, `author`): recorded in [`crate::Article::byline`], not
    /// prose (no rule reads it).
    pub byline: Vec<String>,
    /// Body fields (default `body`, `content`, `text`, `articleBody`): a string, an array of
    /// paragraph strings, or an array of `{type, text}` blocks.
    pub body: Vec<String>,
    /// Record id fields (default `id`), used to name the record in output.
    pub id: Vec<String>,
}

impl Default for JsonFields {
    fn default() -> Self {
        let v = |xs: &[&str]| xs.iter().map(|s| s.to_string()).collect();
        JsonFields {
            headline: v(&["headline", "title"]),
            dek: v(&["dek", "description", "subtitle", "standfirst"]),
            date: v(&["date", "published", "datePublished"]),
            dateline: v(&["dateline"]),
            byline: v(&["byline", "author"]),
            body: v(&["body", "content", "text", "articleBody"]),
            id: v(&["id"]),
        }
    }
}

impl JsonFields {
    /// Apply `part=field` overrides such as `headline=title,body=content` (comma-separated; a
    /// part may be given several times: `body=content,body=text` tries `content` then `text`).
    /// Parts: `headline`, `dek`, `date`, `dateline`, `byline`, `body`, `id`. The fields named
    /// for a part replace its defaults. Errors name the bad item.
    pub fn parse_overrides(&mut self, spec: &str) -> Result<(), String> {
        let mut replaced: Vec<&str> = Vec::new();
        for item in spec.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            let (part, field) = item
                .split_once('=')
                .map(|(p, f)| (p.trim(), f.trim()))
                .filter(|(_, f)| !f.is_empty())
                .ok_or_else(|| format!("'{item}' is not PART=FIELD (e.g. body=content)"))?;
            let list = match part {
                "headline" => &mut self.headline,
                "dek" => &mut self.dek,
                "date" => &mut self.date,
                "dateline" => &mut self.dateline,
                "byline" => &mut self.byline,
                "body" => &mut self.body,
                "id" => &mut self.id,
                _ => {
                    return Err(format!(
                        "'{part}' is not an article part (one of: headline, dek, date, dateline, byline, body, id)"
                    ))
                }
            };
            if !replaced.contains(&part) {
                list.clear();
                replaced.push(part);
            }
            list.push(field.to_string());
        }
        Ok(())
    }
}

/// Options for reading files.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct InputOptions {
    /// JSON field names (`--json-fields`, `[input] json-fields`).
    pub json_fields: JsonFields,
    /// The reader to use whatever the file name (`[input] format`, `--input-format`); `None`:
    /// chosen from the extension ([`Format::from_path`]).
    pub format: Option<Format>,
    /// `--encoding utf-8` / `[input] encoding = "utf-8"`: refuse files that are not UTF-8
    /// instead of decoding UTF-16 (with a byte-order mark) and Windows-1252.
    pub utf8_only: bool,
}

/// Decode `bytes` as a UTF-8 plain-text article and parse its structure (kept for callers that
/// read plain text only; see [`read_records`] for every format).
///
/// A leading UTF-8 BOM is kept in the text (spans stay byte offsets into the file) but skipped by
/// the parser. Errors: [`InputError::Utf16`] for a UTF-16 byte-order mark, [`InputError::Binary`]
/// for a NUL byte, [`InputError::NotUtf8`] for invalid UTF-8.
pub fn read_article(bytes: Vec<u8>) -> Result<Article, InputError> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(InputError::Utf16);
    }
    if let Some(offset) = memchr::memchr(0, &bytes) {
        return Err(InputError::Binary { offset });
    }
    let text = String::from_utf8(bytes).map_err(|e| InputError::NotUtf8 {
        offset: e.utf8_error().valid_up_to(),
    })?;
    Ok(plain::parse(Arc::from(text)))
}

/// The file's text: UTF-8 (a BOM kept) as is; with `utf8_only` unset, UTF-16 with a
/// byte-order mark and other non-UTF-8 text (read as Windows-1252) decoded, with the
/// [`Transcoding`] back to the file's bytes. Errors: [`InputError::Utf16`] (UTF-16 when
/// `utf8_only`), [`InputError::Binary`] for a NUL byte outside UTF-16, [`InputError::NotUtf8`]
/// for invalid UTF-8 when `utf8_only` or when the file starts with a UTF-8 byte-order mark.
pub fn decode_text(
    bytes: Vec<u8>,
    utf8_only: bool,
) -> Result<(String, Option<Transcoding>), InputError> {
    let utf16 = if bytes.starts_with(&[0xFF, 0xFE]) {
        Some(true)
    } else if bytes.starts_with(&[0xFE, 0xFF]) {
        Some(false)
    } else {
        None
    };
    if let Some(little) = utf16 {
        if utf8_only {
            return Err(InputError::Utf16);
        }
        return Ok(decode_utf16(&bytes, little));
    }
    if let Some(offset) = memchr::memchr(0, &bytes) {
        return Err(InputError::Binary { offset });
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok((text, None)),
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            if utf8_only || bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
                return Err(InputError::NotUtf8 { offset });
            }
            Ok(decode_windows_1252(&bytes))
        }
    }
}

/// Windows-1252 (a superset of printable Latin-1): every byte is one character.
fn decode_windows_1252(bytes: &[u8]) -> (String, Option<Transcoding>) {
    let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
    let text = text.into_owned();
    let (mut to_disk, mut to_text) = (OffsetMap::new(), OffsetMap::new());
    // The Encoding Standard maps each of the 256 bytes to exactly one character.
    for ((a, c), d) in text.char_indices().zip(0..bytes.len()) {
        to_disk.push(a, c.len_utf8(), d, 1);
        to_text.push(d, 1, a, c.len_utf8());
    }
    let t = Transcoding {
        encoding: "Windows-1252",
        to_disk,
        to_text,
    };
    (text, Some(t))
}

/// UTF-16 (the byte-order mark kept as U+FEFF, like a UTF-8 one); an unpaired surrogate or an
/// odd last byte becomes U+FFFD.
fn decode_utf16(bytes: &[u8], little: bool) -> (String, Option<Transcoding>) {
    let units = bytes.as_chunks::<2>().0.iter().map(|&p| {
        if little {
            u16::from_le_bytes(p)
        } else {
            u16::from_be_bytes(p)
        }
    });
    let mut text = String::with_capacity(bytes.len());
    let (mut to_disk, mut to_text) = (OffsetMap::new(), OffsetMap::new());
    let mut d = 0;
    let mut add = |c: char, width: usize, text: &mut String, d: &mut usize| {
        let a = text.len();
        text.push(c);
        to_disk.push(a, c.len_utf8(), *d, width);
        to_text.push(*d, width, a, c.len_utf8());
        *d += width;
    };
    for r in char::decode_utf16(units) {
        match r {
            Ok(c) => add(c, 2 * c.len_utf16(), &mut text, &mut d),
            Err(_) => add('\u{fffd}', 2, &mut text, &mut d),
        }
    }
    if bytes.len() % 2 == 1 {
        add('\u{fffd}', 1, &mut text, &mut d);
    }
    let t = Transcoding {
        encoding: if little { "UTF-16LE" } else { "UTF-16BE" },
        to_disk,
        to_text,
    };
    (text, Some(t))
}

/// Read the file `bytes` as `format`: one [`Record`] per article, in file order.
///
/// Errors: an [`InputError`] when the whole file cannot be read (encoding, binary, front matter
/// or a JSON document that does not parse); a [`RecordError`] in the slot of one bad record of
/// a JSON array or NDJSON file. Never panics.
pub fn read_records(
    bytes: Vec<u8>,
    format: Format,
    options: &InputOptions,
) -> Result<Vec<Result<Record, RecordError>>, InputError> {
    let (text, transcoding) = decode_text(bytes, options.utf8_only)?;
    let text = Arc::<str>::from(text);
    let one = |article: Article| {
        Ok(vec![Ok(Record {
            name: None,
            article,
        })])
    };
    let mut records = match format {
        Format::Plain => one(plain::parse(text)),
        Format::Markdown => one(markdown::parse(text)?),
        Format::Html => one(html::parse(text)),
        Format::Json => json::read_json(text, &options.json_fields),
        Format::Ndjson => Ok(json::read_ndjson(text, &options.json_fields)),
    }?;
    if let Some(t) = transcoding {
        let t = Arc::new(t);
        for r in records.iter_mut().flatten() {
            r.article.transcoding = Some(t.clone());
        }
    }
    Ok(records)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Span;

    #[test]
    fn windows_1252_maps_each_byte_to_one_character() {
        let (text, t) = decode_text(b"caf\xe9 \x93Kyiv\x94\r\n".to_vec(), false).unwrap();
        assert_eq!(text, "café “Kyiv”\r\n");
        let t = t.unwrap();
        assert_eq!(t.encoding, "Windows-1252");
        // "Kyiv" is bytes 6..10 on disk, 9..13 decoded.
        assert_eq!(t.to_disk.span(Span::new(9, 13)), Span::new(6, 10));
        assert_eq!(t.to_text.span(Span::new(6, 10)), Span::new(9, 13));
        // Inside "é" (decoded bytes 3..5) maps to its one disk byte.
        assert_eq!(t.to_disk.span(Span::new(4, 5)), Span::new(3, 4));
        assert_eq!(
            decode_text(b"caf\xe9".to_vec(), true).unwrap_err(),
            InputError::NotUtf8 { offset: 3 }
        );
        // A UTF-8 byte-order mark says the file is UTF-8: invalid bytes are an error.
        assert_eq!(
            decode_text(b"\xef\xbb\xbfcaf\xe9".to_vec(), false).unwrap_err(),
            InputError::NotUtf8 { offset: 6 }
        );
        assert_eq!(
            decode_text(b"ab\0c\xe9".to_vec(), false).unwrap_err(),
            InputError::Binary { offset: 2 }
        );
        assert!(decode_text(b"plain".to_vec(), false).unwrap().1.is_none());
    }

    #[test]
    fn utf16_surrogates_bad_units_and_an_odd_byte() {
        // BOM, "a", U+1F600 (a surrogate pair), an unpaired high surrogate, "b", an odd byte.
        let bytes = vec![
            0xFF, 0xFE, b'a', 0, 0x3D, 0xD8, 0x00, 0xDE, 0x3D, 0xD8, b'b', 0, 0x41,
        ];
        let (text, t) = decode_text(bytes.clone(), false).unwrap();
        assert_eq!(text, "\u{feff}a\u{1F600}\u{fffd}b\u{fffd}");
        let t = t.unwrap();
        assert_eq!(t.encoding, "UTF-16LE");
        // "a" 3..4 decoded is 2..4 on disk; the emoji 4..8 is 4..8; "b" 11..12 is 10..12.
        assert_eq!(t.to_disk.span(Span::new(3, 4)), Span::new(2, 4));
        assert_eq!(t.to_disk.span(Span::new(4, 8)), Span::new(4, 8));
        assert_eq!(t.to_disk.span(Span::new(11, 12)), Span::new(10, 12));
        assert_eq!(t.to_disk.span(Span::new(12, 15)), Span::new(12, 13));
        assert_eq!(t.to_text.span(Span::new(10, 12)), Span::new(11, 12));
        assert_eq!(decode_text(bytes, true).unwrap_err(), InputError::Utf16);
        let (text, _) = decode_text(vec![0xFE, 0xFF, 0, b'K'], false).unwrap();
        assert_eq!(text, "\u{feff}K");
    }
}
