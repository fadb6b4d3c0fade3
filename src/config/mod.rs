//! Project configuration: `claimlint.toml` (or `.claimlint.toml`).
//!
//! - [`file`](mod@file): parse and validate one configuration file's text into a [`ConfigFile`]; every
//!   error is a [`DataFileError`](crate::data_error::DataFileError) pointing at the bytes.
//! - [`resolve`] (feature `cli`, it reads the file system): find the nearest configuration of
//!   each checked file, apply `[[overrides]]` and command-line flags, and produce the
//!   [`Settings`](crate::Settings) for it ([`resolve::Resolver`] implements
//!   `runner::SettingsFor`).
//! - The small value types below are part of [`Settings`](crate::Settings).

pub mod file;
#[cfg(feature = "cli")]
pub mod resolve;

pub use file::{ConfigFile, Layer, Selector};

use serde::Serialize;

use crate::diagnostic::Severity;

/// The names a configuration file may have, in the order they are looked for in one folder
/// (the first found wins).
pub const FILE_NAMES: [&str; 2] = ["claimlint.toml", ".claimlint.toml"];

/// `reference-date` in the configuration: where the reference date may come from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReferencePolicy {
    /// A date written in the article (date line, front matter, dateline) or `--reference-date`.
    #[default]
    Article,
    /// Only `--reference-date`: the article's own dates are never taken as the reference.
    None,
}

impl ReferencePolicy {
    /// The spelling used in the file (`article`, `none`).
    pub fn as_str(self) -> &'static str {
        match self {
            ReferencePolicy::Article => "article",
            ReferencePolicy::None => "none",
        }
    }
}

/// `fail-on`: the lowest severity that makes `claimlint check` exit 1.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FailOn {
    /// Errors only (the default).
    #[default]
    Error,
    /// Warnings and errors.
    Warning,
    /// Any finding.
    Note,
    /// Never (exit 0 when every file was read).
    Never,
}

impl FailOn {
    /// The severity threshold, `None` for `never`.
    pub fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Note => Some(Severity::Note),
            FailOn::Never => None,
        }
    }

    /// The spelling used in the file.
    pub fn as_str(self) -> &'static str {
        match self {
            FailOn::Error => "error",
            FailOn::Warning => "warning",
            FailOn::Note => "note",
            FailOn::Never => "never",
        }
    }
}

/// `[input] format`: which reader to use.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum InputFormat {
    /// From the file name and content (the default).
    #[default]
    Auto,
    /// Plain text.
    Plain,
    /// Markdown.
    Markdown,
    /// HTML.
    Html,
    /// One JSON object per file.
    Json,
    /// One JSON object per line.
    Ndjson,
}

impl InputFormat {
    /// Every format with its spelling in the file.
    pub const ALL: [(InputFormat, &'static str); 6] = [
        (InputFormat::Auto, "auto"),
        (InputFormat::Plain, "plain"),
        (InputFormat::Markdown, "markdown"),
        (InputFormat::Html, "html"),
        (InputFormat::Json, "json"),
        (InputFormat::Ndjson, "ndjson"),
    ];

    /// The spelling used in the file.
    pub fn as_str(self) -> &'static str {
        InputFormat::ALL
            .iter()
            .find(|(f, _)| *f == self)
            .map_or("auto", |(_, s)| s)
    }
}

/// `[input] encoding`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Encoding {
    /// Detect (BOMs); the default.
    #[default]
    Auto,
    /// UTF-8 only.
    Utf8,
}

impl Encoding {
    /// The spelling used in the file (`auto`, `utf-8`).
    pub fn as_str(self) -> &'static str {
        match self {
            Encoding::Auto => "auto",
            Encoding::Utf8 => "utf-8",
        }
    }
}

/// The `[input]` table, resolved: what the readers should do with a file.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct InputOptions {
    /// `format`: which reader.
    pub format: InputFormat,
    /// `json-fields`: article part (`headline`, `body`, `date`, ...) to the JSON field holding
    /// it (`{ headline = "title", body = "content" }`), sorted by part. Empty: the reader's
    /// defaults.
    pub json_fields: std::collections::BTreeMap<String, String>,
    /// `encoding`.
    pub encoding: Encoding,
}

impl InputOptions {
    /// The reader `format` names; `None` for `auto` (chosen from the file name).
    pub fn input_format(&self) -> Option<crate::input::Format> {
        use crate::input::Format;
        match self.format {
            InputFormat::Auto => None,
            InputFormat::Plain => Some(Format::Plain),
            InputFormat::Markdown => Some(Format::Markdown),
            InputFormat::Html => Some(Format::Html),
            InputFormat::Json => Some(Format::Json),
            InputFormat::Ndjson => Some(Format::Ndjson),
        }
    }
}
