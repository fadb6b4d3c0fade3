//! `D001 weekday-date-mismatch`: a weekday written with a date that falls on another day.

use chrono::{Datelike, NaiveDate, Weekday};

use crate::article::Span;
use crate::claims::dates::{CalendarDate, DateMention, WeekdayMention, Year};
use crate::claims::resolve::Provenance;
use crate::claims::time_frame;
use crate::diagnostic::{Diagnostic, Severity};
use crate::knowledge::calendar::{month_name, weekday_name};
use crate::rules::{format, Context, Rule, RuleMeta};

static META: RuleMeta = rule_meta! {
    code: "D001",
    name: "weekday-date-mismatch",
    category: Dates,
    default_severity: Severity::Error,
    summary: "A weekday is written next to a date that falls on a different day of the week",
    explanation: "\
## What it checks

A weekday written together with a date (\"Tuesday, February 28, 2024\", \"Wed 28 Feb 2024\",
\"on Tuesday (Feb. 28)\"), including the date line above the headline, is compared with the
calendar. The check is exact: no day of slack, because the two halves of one expression cannot
be in different time zones.

A weekday range before a date range (\"Monday to Friday, March 4-8\", \"Tuesday and Wednesday,
March 5 and 6\", \"Saturday to Monday, March 30 to April 1\") pairs the first weekday with the
first day and the last with the last, and checks both. A list (\"Monday, Tuesday and Wednesday,
March 4-6\") or an alternative (\"Monday or Tuesday, March 4\") is not checked. When a sentence
speaks of an earlier year (\"in previous years\", \"last year\") and every weekday fits the year
before, a date without a year is left alone.

When the date has no year (\"Wednesday 28 February\"), the year is taken from the reference date
(`--reference-date`, else the article's date line): the year that puts the date nearest to it,
within six months. When that date lies more than 120 days from the reference and the weekday
fits the same day in the other neighbouring year, the finding is dropped: the writer may mean that
year. Without a reference date, dates without a year are not checked. Inside a quotation the
finding is a warning: the speaker may have misspoken.

## Why it matters

A wrong weekday next to a date means one of them is wrong, and readers plan around both. It is
also a common sign of a date copied from an earlier story or generated text.

## Example

```text
Tuesday, February 28, 2024

Ministers meet in Tirana

The ministers met in Tirana to discuss energy.
```

claimlint reports D001 (error). February 28, 2024 was a Wednesday: correct the weekday or the date.
",
};

/// The `weekday-date-mismatch` rule.
pub struct WeekdayDateMismatch;

/// The registered instance (see `build.rs`).
pub(crate) static RULE: &dyn Rule = &WeekdayDateMismatch;

impl Rule for WeekdayDateMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for m in &cx.mentions.dates {
            let (Some(c), Some(wd)) = (m.calendar(), m.weekday) else {
                continue;
            };
            let earlier_year = || {
                let sentence = cx.article.sentence_at(m.span.start).unwrap_or(m.span);
                time_frame::mentions_earlier_year(cx.article, sentence)
            };
            let first = Pair {
                weekday: wd,
                month: c.month,
                day: c.day,
                date: c.date,
                span: c.span,
            };
            let mut pairs = vec![first];
            if let Some(e) = m.range_end {
                pairs.push(Pair {
                    weekday: e.weekday,
                    month: e.month,
                    day: e.day,
                    date: e.date,
                    span: e.span,
                });
            }
            // A range whose weekdays all fit the year before, in a sentence about an earlier
            // year ("ran from Friday to Sunday, March 31-April 2 in previous years").
            if matches!(c.year, Year::Inferred { .. })
                && pairs.iter().any(|p| p.mismatch())
                && pairs.iter().all(|p| p.fits_year_before())
                && earlier_year()
            {
                continue;
            }
            for p in &pairs {
                if let Some(d) = finding(m, c, p) {
                    out.push(d);
                }
            }
        }
    }
}

/// More than this many days from the reference date, a year-less date could as well belong to
/// the other neighbouring year; if that year matches the weekday, stay silent.
const AMBIGUOUS_DAYS: i64 = 120;

/// A weekday and the day it is written with: the date's own, or (in "Monday to Friday, March
/// 4-8") one end of the range.
struct Pair {
    weekday: WeekdayMention,
    month: u32,
    day: u32,
    date: Option<NaiveDate>,
    span: Span,
}

impl Pair {
    fn mismatch(&self) -> bool {
        self.date
            .is_some_and(|d| d.weekday() != self.weekday.weekday)
    }

    fn fits_year_before(&self) -> bool {
        self.date.is_some_and(|d| {
            NaiveDate::from_ymd_opt(d.year() - 1, d.month(), d.day())
                .is_some_and(|o| o.weekday() == self.weekday.weekday)
        })
    }
}

fn finding(m: &DateMention, c: &CalendarDate, p: &Pair) -> Option<Diagnostic> {
    let wd = p.weekday;
    let date = p.date?;
    let actual = date.weekday();
    if actual == wd.weekday {
        return None;
    }
    if let Year::Inferred { reference, .. } = &c.year {
        if other_year_matches(date, reference, wd.weekday) {
            return None;
        }
    }
    let past = match &c.year {
        Year::Inferred { reference, .. } => date <= reference.date,
        _ => true,
    };
    let (was, fell) = if past {
        ("was", "fell")
    } else {
        ("is", "falls")
    };
    let written = weekday_name(wd.weekday);
    let real = weekday_name(actual);
    let mut help = match &c.year {
        Year::Inferred { value, reference } => format!(
            "no year is written: {value} is the year that puts {} {} nearest the reference date \
             {} (from {}); correct the weekday or the date",
            month_name(c.month),
            c.day,
            format::iso_date(reference.date),
            reference.source.describe(),
        ),
        _ => format!("correct the weekday (to {real}) or the date"),
    };
    if m.range_end.is_some() {
        help.push_str(
            "; in a weekday range before a date range, the first weekday goes with the first day \
             and the last with the last",
        );
    }
    if m.quoted {
        help.push_str("; this is inside a quotation, so the speaker may have misspoken");
    }
    let mut d = META
        .report(
            META.severity_for(m.quoted),
            format!(
                "{} {}, {} {was} a {real}, not a {written}",
                month_name(p.month),
                p.day,
                date.year(),
            ),
        )
        .primary(wd.span, format!("written as {written}"))
        .secondary(p.span, format!("this date {fell} on a {real}"));
    if let Year::Inferred { reference, .. } = &c.year {
        // The same label as `reference_label`, from the year's provenance.
        if let Some(span) = reference.span {
            d = d.secondary(span, "the reference date");
        }
    }
    Some(d.help(help).build())
}

/// True when the date is far enough from the reference to be read in the neighbouring year,
/// and that reading matches the written weekday.
fn other_year_matches(date: NaiveDate, reference: &Provenance, written: Weekday) -> bool {
    if (date - reference.date).num_days().abs() <= AMBIGUOUS_DAYS {
        return false;
    }
    let other = if date > reference.date {
        date.year() - 1
    } else {
        date.year() + 1
    };
    NaiveDate::from_ymd_opt(other, date.month(), date.day()).is_some_and(|o| o.weekday() == written)
}

#[cfg(test)]
mod tests {

    use super::*;

    fn run(text: &str, reference: Option<NaiveDate>) -> Vec<Diagnostic> {
        crate::rules::findings(text, "D001", reference)
    }

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn wrong_weekday_with_year() {
        let d = run(
            "H\n\nThe summit opened on Tuesday, February 28, 2024.",
            None,
        );
        assert_eq!(d.len(), 1);
        assert_eq!(
            d[0].message,
            "February 28, 2024 was a Wednesday, not a Tuesday"
        );
        assert_eq!(d[0].severity, Severity::Error);
        let l: Vec<_> = d[0]
            .labels
            .iter()
            .map(|l| (l.span.start, l.span.end, l.message.as_str(), l.primary))
            .collect();
        assert_eq!(
            l,
            vec![
                (24, 31, "written as Tuesday", true),
                (33, 50, "this date fell on a Wednesday", false),
            ]
        );
    }

    #[test]
    fn right_weekday_is_silent() {
        assert!(run("H\n\nOn Wednesday, February 28, 2024 it opened.", None).is_empty());
        assert!(run("Wednesday, February 28, 2024\n\nH\n\nBody.", None).is_empty());
        assert!(run("H\n\nOn Wed 28 Feb 2024 it opened.", None).is_empty());
    }

    #[test]
    fn day_first_abbreviated() {
        let d = run("H\n\nOn Thu 28 Feb 2024 it opened.", None);
        assert_eq!(d.len(), 1);
        assert_eq!(
            d[0].message,
            "February 28, 2024 was a Wednesday, not a Thursday"
        );
    }

    #[test]
    fn year_from_reference() {
        let t = "H\n\nTalks resume on Tuesday 28 February.";
        assert!(run(t, None).is_empty(), "no reference, no check");
        let d = run(t, Some(ymd(2024, 2, 20)));
        assert_eq!(d.len(), 1);
        assert_eq!(
            d[0].message,
            "February 28, 2024 is a Wednesday, not a Tuesday"
        );
        let help = d[0].help.as_deref().unwrap();
        assert!(help.contains("2024-02-20"), "{help}");
        assert!(help.contains("--reference-date"), "{help}");
    }

    #[test]
    fn year_from_date_line_gets_a_label() {
        let t = "Wednesday, February 28, 2024\n\nH\n\nThe talks ended on Monday (Feb 27).";
        let d = run(t, None);
        assert_eq!(d.len(), 1);
        assert_eq!(
            d[0].message,
            "February 27, 2024 was a Tuesday, not a Monday"
        );
        assert!(d[0].labels.iter().any(|l| l.span.start == 0 && !l.primary));
        assert!(d[0]
            .help
            .as_deref()
            .unwrap()
            .contains("the article's date line"));
    }

    #[test]
    fn new_year_is_crossed() {
        let t = "H\n\nOn Monday, December 29 the talks began.";
        assert!(run(t, Some(ymd(2026, 1, 2))).is_empty());
        assert_eq!(run(t, Some(ymd(2026, 9, 1))).len(), 1);
    }

    #[test]
    fn far_year_less_date_matching_the_other_year_is_silent() {
        // Nearest reading is 2025-01-04 (a Saturday, 142 days ahead); 2024-01-04 was a Thursday.
        let t = "H\n\nThe plant reopened on Thursday, January 4.";
        assert!(run(t, Some(ymd(2024, 8, 15))).is_empty());
        // Near the reference there is no such doubt.
        assert_eq!(run(t, Some(ymd(2024, 12, 20))).len(), 1);
    }

    #[test]
    fn quoted_is_a_warning() {
        let d = run(
            "H\n\nHe said: “We meet on Tuesday, February 28, 2024.”",
            None,
        );
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].severity, Severity::Warning);
    }

    #[test]
    fn weekday_ranges_pair_first_with_first_and_last_with_last() {
        let r = Some(ymd(2024, 3, 8));
        for t in [
            "H\n\nThe talks ran Monday to Friday, March 4-8.",
            "H\n\nThey met Tuesday and Wednesday, March 5 and 6.",
            "H\n\nThe fair ran Saturday-Sunday, March 9-10.",
            "H\n\nIt runs from Tuesday to Thursday, March 12-14.",
            "H\n\nThe show runs Saturday to Monday, March 30 to April 1.",
            "H\n\nShares fell Wednesday and Thursday, March 6-7, then rose Friday, March 8.",
            // A list or an alternative pairs no weekday with the date.
            "H\n\nOn Monday, Tuesday and Wednesday, March 5-7, it rained.",
            "H\n\nOn Monday or Tuesday, March 6, it rains.",
        ] {
            assert!(run(t, r).is_empty(), "{t}");
        }
        // Each end is checked.
        let d = run("H\n\nThe talks ran Monday to Friday, March 4-9.", r);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].message, "March 9, 2024 is a Saturday, not a Friday");
        let d = run("H\n\nThe talks ran Monday to Friday, March 5-9.", r);
        assert_eq!(d.len(), 2);
        assert_eq!(d[0].message, "March 5, 2024 was a Tuesday, not a Monday");
        // A year written after the range is the first day's too.
        assert!(run("H\n\nIt ran Monday to Friday, March 4-8, 2019.", r).is_empty());
        let d = run("H\n\nIt ran Monday to Thursday, March 4-8, 2019.", r);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].message, "March 8, 2019 was a Friday, not a Thursday");
    }

    #[test]
    fn range_in_an_earlier_year_is_silent() {
        let t = "H\n\nIt ran from Friday to Sunday, March 31-April 2 in previous years.";
        assert!(run(t, Some(ymd(2024, 3, 20))).is_empty());
    }
}
