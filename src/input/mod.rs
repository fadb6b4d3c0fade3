//! Input readers: bytes of a file → [`Record`]s, each holding one [`Article`].
//!
//! [`read_records`] is the entry point: it checks that the bytes are UTF-8 and hands the
//! text to the reader for its [`Format`]. Plain text, Markdown and HTML give one record per
//! file; a JSON array or an NDJSON file gives one per element or line. A failure of the whole
//! file is an [`InputError`]; a failure of one record is a [`RecordError`] in its slot, so the
//! other records are still checked. Spans are always byte offsets into the file on disk: a
//! reader whose analysis text differs from the file's bytes attaches an offset map
//! ([`crate::article::SourceText`]).

pub mod html;
pub mod json;
pub mod markdown;
pub mod plain;

use std::fmt;
use std::sync::Arc;

use crate::article::Article;
pub use crate::article::Format;

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
    /// Byline fields (default `byline`, `author`); not prose, so not read today (the names are
    /// accepted by `--json-fields` for configurations that set them).
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
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(InputError::Binary { offset });
    }
    let text = String::from_utf8(bytes).map_err(|e| InputError::NotUtf8 {
        offset: e.utf8_error().valid_up_to(),
    })?;
    Ok(plain::parse(Arc::from(text)))
}

/// The file's text: UTF-8 (a BOM kept), else an error ([`read_article`]'s checks).
fn decode(bytes: Vec<u8>) -> Result<String, InputError> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(InputError::Utf16);
    }
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(InputError::Binary { offset });
    }
    String::from_utf8(bytes).map_err(|e| InputError::NotUtf8 {
        offset: e.utf8_error().valid_up_to(),
    })
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
    let text = Arc::<str>::from(decode(bytes)?);
    let one = |article: Article| {
        Ok(vec![Ok(Record {
            name: None,
            article,
        })])
    };
    match format {
        Format::Plain => one(plain::parse(text)),
        Format::Markdown => one(markdown::parse(text)?),
        Format::Html => one(html::parse(text)),
        Format::Json => json::read_json(text, &options.json_fields),
        Format::Ndjson => Ok(json::read_ndjson(text, &options.json_fields)),
    }
}
