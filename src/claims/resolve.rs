//! Resolution: what a parsed date means once a reference date is known.
//!
//! [`crate::claims::dates::extract`] only parses: a date written without a year keeps
//! [`Year::Unknown`] and no calendar date. [`dates`] then attaches, for each such date, the year
//! that puts its month and day nearest the reference date
//! ([`crate::knowledge::calendar::year_for_month_day`]) together with its [`Provenance`] (which
//! reference date, from where), and the calendar dates that follow from it (the date itself and
//! the last day of a weekday range). Nothing else changes, so the same parse can be resolved
//! against another reference date (an editor changing `--reference-date`, an LSP) without
//! extracting again, and [`unresolved`] gives the parse back.
//!
//! Resolution is linear in the number of dates and never fails: a date whose day exists in no
//! candidate year (February 30) stays [`Year::Unknown`].

use chrono::NaiveDate;
use serde::Serialize;

use crate::claims::dates::{end_date, DateMention, DateValue, Year};
use crate::knowledge::calendar::year_for_month_day;
use crate::reference::{ReferenceDate, ReferenceSource};
use crate::source::Span;

/// Where an inferred value came from: the reference date it was read against and that date's
/// source. Small and `Copy`, so that every year-less date can carry it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Provenance {
    /// The reference date used.
    pub date: NaiveDate,
    /// Where the reference date came from (`--reference-date`, front matter, date line).
    pub source: ReferenceSource,
    /// The bytes the reference date was read from, when it came from the article.
    pub span: Option<Span>,
}

impl Provenance {
    /// The provenance of a value inferred from `reference`.
    pub fn of(reference: &ReferenceDate) -> Self {
        Provenance {
            date: reference.date,
            source: reference.source,
            span: reference.span,
        }
    }
}

/// Resolve `dates` (from [`crate::claims::dates::extract`], or resolved before) against
/// `reference`: every date without a written year gets the inferred year, its provenance and
/// its calendar date; with no reference date, they are left (or put back) unresolved.
pub fn dates(dates: &mut [DateMention], reference: Option<&ReferenceDate>) {
    for m in dates.iter_mut() {
        unresolve(m);
        let Some(r) = reference else { continue };
        let DateValue::Calendar(c) = &mut m.value;
        if c.year.is_written() {
            continue;
        }
        let Some(value) = year_for_month_day(r.date, c.month, c.day) else {
            continue;
        };
        c.year = Year::Inferred {
            value,
            reference: Provenance::of(r),
        };
        c.date = NaiveDate::from_ymd_opt(value, c.month, c.day);
        let (month, day) = (c.month, c.day);
        if let Some(e) = m.range_end.as_mut() {
            e.date = end_date(value, month, day, e.month, e.day);
        }
    }
}

/// The parse of a (possibly resolved) date: an inferred year put back to [`Year::Unknown`],
/// with the calendar dates that came from it.
pub fn unresolved(m: &DateMention) -> DateMention {
    let mut m = m.clone();
    unresolve(&mut m);
    m
}

fn unresolve(m: &mut DateMention) {
    let DateValue::Calendar(c) = &mut m.value;
    if matches!(c.year, Year::Inferred { .. }) {
        c.year = Year::Unknown;
        c.date = None;
        if let Some(e) = m.range_end.as_mut() {
            e.date = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::claims::dates;
    use crate::input::plain::parse;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn reference(date: NaiveDate) -> ReferenceDate {
        ReferenceDate {
            date,
            source: ReferenceSource::CommandLine,
            span: None,
            dateline: None,
        }
    }

    #[test]
    fn another_reference_date_changes_only_resolved_values() {
        let a = parse(Arc::from(
            "H\n\nTalks end Monday, December 29, after the Feb 28, 2024 vote and \
             Monday to Friday, March 4-8.",
        ));
        let parsed = dates::extract(&a);
        assert_eq!(parsed.len(), 3);
        assert!(parsed
            .iter()
            .all(|m| !matches!(m.calendar().unwrap().year, Year::Inferred { .. })));

        let mut early = parsed.clone();
        dates(&mut early, Some(&reference(ymd(2026, 1, 2))));
        let mut late = parsed.clone();
        dates(&mut late, Some(&reference(ymd(2024, 3, 1))));

        // The parse is the same under both resolutions ...
        let back = |v: &[DateMention]| v.iter().map(unresolved).collect::<Vec<_>>();
        assert_eq!(back(&early), parsed);
        assert_eq!(back(&late), parsed);
        // ... spans, weekdays and the written year never move ...
        for ((p, e), l) in parsed.iter().zip(&early).zip(&late) {
            assert_eq!((p.span, p.weekday), (e.span, e.weekday));
            assert_eq!((p.span, p.weekday), (l.span, l.weekday));
        }
        assert_eq!(early[1], parsed[1]);
        assert_eq!(late[1], parsed[1]);
        // ... and only the inferred year, its provenance and the dates differ.
        let c = early[0].calendar().unwrap();
        assert_eq!(c.date, Some(ymd(2025, 12, 29)));
        assert_eq!(
            c.year,
            Year::Inferred {
                value: 2025,
                reference: Provenance {
                    date: ymd(2026, 1, 2),
                    source: ReferenceSource::CommandLine,
                    span: None,
                },
            }
        );
        assert_eq!(late[0].calendar().unwrap().date, Some(ymd(2023, 12, 29)));
        assert_eq!(
            early[2].range_end.unwrap().date,
            Some(ymd(2026, 3, 8)),
            "the last day of the weekday range follows the first day's year"
        );
        assert_eq!(late[2].range_end.unwrap().date, Some(ymd(2024, 3, 8)));

        // Resolving again with no reference date gives the parse back.
        dates(&mut early, None);
        assert_eq!(early, parsed);
    }

    #[test]
    fn a_day_of_no_year_stays_unknown() {
        let a = parse(Arc::from("H\n\nIt ends February 30."));
        let mut d = dates::extract(&a);
        dates(&mut d, Some(&reference(ymd(2024, 3, 1))));
        assert_eq!(d[0].calendar().unwrap().year, Year::Unknown);
        assert_eq!(d[0].calendar().unwrap().date, None);
    }
}
