//! The article's reference date: the day the article speaks from.

use chrono::NaiveDate;
use serde::Serialize;

use crate::article::{Article, Span};

/// Where the reference date came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReferenceSource {
    /// `--reference-date` on the command line.
    CommandLine,
    /// The date line above the headline ("Wednesday, February 28, 2024").
    DateLine,
}

impl ReferenceSource {
    /// A phrase for messages ("--reference-date", "the date line").
    pub fn describe(self) -> &'static str {
        match self {
            ReferenceSource::CommandLine => "--reference-date",
            ReferenceSource::DateLine => "the article's date line",
        }
    }
}

/// The date an article is read against, with its source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReferenceDate {
    /// The date.
    pub date: NaiveDate,
    /// Where it came from.
    pub source: ReferenceSource,
    /// The bytes it was read from, when it came from the article.
    pub span: Option<Span>,
}

/// `--reference-date` when given, else a valid date line, else `None`. Never the clock.
pub fn resolve(article: &Article, cli: Option<NaiveDate>) -> Option<ReferenceDate> {
    if let Some(date) = cli {
        return Some(ReferenceDate {
            date,
            source: ReferenceSource::CommandLine,
            span: None,
        });
    }
    let line = article.date_line.as_ref()?;
    Some(ReferenceDate {
        date: line.date?,
        source: ReferenceSource::DateLine,
        span: Some(line.span),
    })
}
