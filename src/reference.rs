//! The article's reference date: the day the article speaks from.
//!
//! Resolution order (never the system clock):
//!
//! 1. `--reference-date` on the command line;
//! 2. the format's date field: Markdown front matter `date:`/`published:`, an HTML page's
//!    `<time datetime>` or `article:published_time`, a JSON record's date field;
//! 3. the date line above the headline ("Wednesday, February 28, 2024");
//! 4. nothing: a wire dateline ("KYIV, Feb 28 (Reuters) -") carries no year, so on its own it
//!    cannot give a date.
//!
//! When a reference date is found and the article also opens with a wire dateline, the
//! dateline's month and day are read in the year that puts them nearest the reference date
//! ([`year_for_month_day`]) and kept as [`ReferenceDate::dateline`], provided they lie within one
//! day of it. The reference date still wins; the dateline only widens comparisons between *two
//! different expressions* (a relative date such as "yesterday" against the article's day) by the
//! one day that time zones can explain: a reporter's local day (the dateline) and the wire's
//! timestamp (the reference date) often differ by one. A dateline further away is a typo or a
//! delayed story and is ignored.

use chrono::NaiveDate;
use serde::Serialize;

use crate::article::{Article, Span};
use crate::knowledge::calendar::year_for_month_day;

/// Where a reference date (or an alternative anchor day) came from.
///
/// Serialised in kebab-case: `"command-line"`, `"front-matter"`, `"date-line"`,
/// `"date-field"`, `"page-date"`, `"dateline"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReferenceSource {
    /// `--reference-date` on the command line.
    CommandLine,
    /// The `date:` field of the file's YAML front matter.
    FrontMatter,
    /// The date line above the headline ("Wednesday, February 28, 2024").
    DateLine,
    /// The date field of a JSON / NDJSON record (`date`, `published`, ... see
    /// `input::JsonFields`).
    DateField,
    /// The date of an HTML page: `<time datetime>` or `article:published_time`.
    PageDate,
    /// The wire dateline opening the body ("KYIV, Feb 28 (Reuters) -"), its year taken from the
    /// other sources.
    Dateline,
}

impl ReferenceSource {
    /// A phrase for messages ("--reference-date", "the article's date line", "the dateline").
    pub fn describe(self) -> &'static str {
        match self {
            ReferenceSource::CommandLine => "--reference-date",
            ReferenceSource::FrontMatter => "the front matter's date",
            ReferenceSource::DateLine => "the article's date line",
            ReferenceSource::DateField => "the record's date field",
            ReferenceSource::PageDate => "the page's date",
            ReferenceSource::Dateline => "the dateline",
        }
    }
}

/// The date an article is read against, with its source.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ReferenceDate {
    /// The date.
    pub date: NaiveDate,
    /// Where it came from.
    pub source: ReferenceSource,
    /// The bytes it was read from, when it came from the article.
    pub span: Option<Span>,
    /// The wire dateline's day, when the article has one within one day of `date` (equal
    /// included). Used only to allow one day of time-zone slack between a relative date and the
    /// article's day; see the module docs.
    pub dateline: Option<DatelineDay>,
}

/// The day a wire dateline names, its year taken from the reference date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct DatelineDay {
    /// The date (year inferred).
    pub date: NaiveDate,
    /// The bytes of the dateline's date part ("Feb 28").
    pub span: Span,
}

/// One day an article may speak from: the reference date or the dateline's day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Anchor {
    /// The day.
    pub date: NaiveDate,
    /// Where it came from.
    pub source: ReferenceSource,
    /// The bytes it was read from, when it came from the article.
    pub span: Option<Span>,
}

impl ReferenceDate {
    /// The reference date itself, then the dateline's day when it differs (at most one day
    /// away). Relative dates that fit any anchor are consistent.
    pub fn anchors(&self) -> Vec<Anchor> {
        let mut out = vec![Anchor {
            date: self.date,
            source: self.source,
            span: self.span,
        }];
        if let Some(d) = self.dateline {
            if d.date != self.date {
                out.push(Anchor {
                    date: d.date,
                    source: ReferenceSource::Dateline,
                    span: Some(d.span),
                });
            }
        }
        out
    }
}

impl Anchor {
    /// "Wednesday, February 28, 2024 (from --reference-date)".
    pub fn describe(&self) -> String {
        format!(
            "{} ({})",
            self.date.format("%A, %B %-d, %Y"),
            match self.source {
                ReferenceSource::Dateline => "the dateline, its year from the reference date",
                s => s.describe(),
            }
        )
    }
}

impl ReferenceDate {
    /// A sentence for help texts naming the date used and its source, and the dateline's day
    /// when it was also accepted: "reference date 2024-02-28 (from --reference-date); the
    /// dateline's day 2024-02-27 was also accepted (time zones)".
    pub fn explain(&self) -> String {
        let mut s = format!(
            "reference date {} (from {})",
            self.date.format("%Y-%m-%d"),
            self.source.describe()
        );
        if let Some(d) = self.dateline.filter(|d| d.date != self.date) {
            s.push_str(&format!(
                "; the dateline's day {} was also accepted (time zones)",
                d.date.format("%Y-%m-%d")
            ));
        }
        s
    }
}

/// `--reference-date` when given, else the format's date field (front matter `date:`, a JSON
/// record's date field), else a valid date line, else
/// `None`. Never the clock. The wire dateline, when present and within one day, is attached as
/// [`ReferenceDate::dateline`].
pub fn resolve(article: &Article, cli: Option<NaiveDate>) -> Option<ReferenceDate> {
    let mut reference = if let Some(date) = cli {
        ReferenceDate {
            date,
            source: ReferenceSource::CommandLine,
            span: None,
            dateline: None,
        }
    } else if let Some((fm, date)) = article
        .front_matter_date
        .as_ref()
        .and_then(|fm| fm.date.map(|d| (fm, d)))
    {
        ReferenceDate {
            date,
            source: match article.format {
                crate::article::Format::Json | crate::article::Format::Ndjson => {
                    ReferenceSource::DateField
                }
                crate::article::Format::Html => ReferenceSource::PageDate,
                _ => ReferenceSource::FrontMatter,
            },
            span: Some(fm.span),
            dateline: None,
        }
    } else {
        let line = article.date_line.as_ref()?;
        ReferenceDate {
            date: line.date?,
            source: ReferenceSource::DateLine,
            span: Some(line.span),
            dateline: None,
        }
    };
    reference.dateline = dateline_day(article, reference.date);
    Some(reference)
}

/// The dateline's day read near `reference`, when it exists and lies within one day of it.
fn dateline_day(article: &Article, reference: NaiveDate) -> Option<DatelineDay> {
    let dl = article.dateline.as_ref()?;
    let (month, day) = dl.month_day?;
    let year = year_for_month_day(reference, month, day)?;
    let date = NaiveDate::from_ymd_opt(year, month, day)?;
    ((date - reference).num_days().abs() <= 1).then_some(DatelineDay {
        date,
        span: dl.date.unwrap_or(dl.span),
    })
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::input::plain::parse;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn command_line_wins_and_dateline_is_an_anchor() {
        let a = parse(Arc::from("H\n\nKYIV, Feb 27 (Reuters) - Talks began."));
        let r = resolve(&a, Some(ymd(2024, 2, 28))).unwrap();
        assert_eq!(r.date, ymd(2024, 2, 28));
        assert_eq!(r.source, ReferenceSource::CommandLine);
        let d = r.dateline.unwrap();
        assert_eq!(d.date, ymd(2024, 2, 27));
        assert_eq!(a.slice(d.span), "Feb 27");
        let anchors = r.anchors();
        assert_eq!(anchors.len(), 2);
        assert_eq!(anchors[1].source, ReferenceSource::Dateline);
    }

    #[test]
    fn far_dateline_is_ignored_and_year_crosses() {
        let a = parse(Arc::from("H\n\nKYIV, Feb 20 - Talks began."));
        let r = resolve(&a, Some(ymd(2024, 2, 28))).unwrap();
        assert_eq!(r.dateline, None);
        let a = parse(Arc::from("H\n\nKYIV, Dec 31 - Talks began."));
        let r = resolve(&a, Some(ymd(2025, 1, 1))).unwrap();
        assert_eq!(r.dateline.map(|d| d.date), Some(ymd(2024, 12, 31)));
    }

    #[test]
    fn date_line_then_nothing() {
        let a = parse(Arc::from(
            "Wednesday, February 28, 2024\n\nH\n\nKYIV, Feb 28 - Talks began.",
        ));
        let r = resolve(&a, None).unwrap();
        assert_eq!(r.source, ReferenceSource::DateLine);
        assert_eq!(r.anchors().len(), 1);
        let a = parse(Arc::from("H\n\nKYIV, Feb 28 - Talks began."));
        assert_eq!(resolve(&a, None), None);
    }

    #[test]
    fn sources_serialise_in_kebab_case() {
        let s = serde_json::to_string(&ReferenceSource::Dateline).unwrap();
        assert_eq!(s, "\"dateline\"");
    }
}
