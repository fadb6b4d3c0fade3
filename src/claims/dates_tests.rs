//! Tests of the calendar-date parser (forms, weekdays, ranges, traps).

use std::sync::Arc;

use super::*;
use crate::input::plain::parse;
use crate::reference::{ReferenceDate, ReferenceSource};

fn dates(text: &str, reference: Option<NaiveDate>) -> (Article, Vec<DateMention>) {
    let a = parse(Arc::from(text));
    let r = reference.map(|date| ReferenceDate {
        date,
        source: ReferenceSource::CommandLine,
        span: None,
        dateline: None,
    });
    let mut d = extract(&a);
    crate::claims::resolve::dates(&mut d, r.as_ref());
    (a, d)
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn one(text: &str, reference: Option<NaiveDate>) -> (Article, DateMention) {
    let (a, d) = dates(text, reference);
    assert_eq!(d.len(), 1, "{text}: {d:?}");
    let m = d.into_iter().next().unwrap();
    (a, m)
}

#[test]
fn month_day_year() {
    let t = "H\n\nIt opened on February 28, 2024 in Tirana.";
    let (a, m) = one(t, None);
    let c = m.calendar().unwrap();
    assert_eq!(a.slice(m.span), "February 28, 2024");
    assert_eq!(m.span, Span::new(16, 33));
    assert_eq!(c.form, DateForm::MonthDay);
    assert_eq!((c.month, c.day), (2, 28));
    assert_eq!(a.slice(c.month_span), "February");
    assert_eq!(a.slice(c.day_span), "28");
    assert_eq!(
        c.year,
        Year::Written {
            value: 2024,
            span: Span::new(29, 33)
        }
    );
    assert_eq!(c.date, Some(ymd(2024, 2, 28)));
    assert_eq!(m.weekday, None);
    assert_eq!(m.segment, SegmentKind::Paragraph);
}

#[test]
fn abbreviated_month_with_stop() {
    let (a, m) = one("H\n\nOn Feb. 28, 2024 it rained.", None);
    let c = m.calendar().unwrap();
    assert_eq!(a.slice(m.span), "Feb. 28, 2024");
    assert_eq!(a.slice(c.month_span), "Feb.");
    assert_eq!(c.date, Some(ymd(2024, 2, 28)));
}

#[test]
fn month_day_without_year_uses_reference() {
    let (a, m) = one("H\n\nTalks end Feb 28.", Some(ymd(2024, 3, 1)));
    let c = m.calendar().unwrap();
    assert_eq!(a.slice(m.span), "Feb 28");
    assert_eq!(m.span, Span::new(13, 19));
    assert_eq!(c.year.value(), Some(2024));
    assert!(matches!(c.year, Year::Inferred { .. }));
    assert_eq!(c.date, Some(ymd(2024, 2, 28)));
    let (_, m) = one("H\n\nTalks end Feb 28.", None);
    assert_eq!(m.calendar().unwrap().year, Year::Unknown);
    assert_eq!(m.calendar().unwrap().date, None);
}

#[test]
fn day_month_year() {
    let (a, m) = one("H\n\nSigned 28 February 2024 in Rome.", None);
    let c = m.calendar().unwrap();
    assert_eq!(a.slice(m.span), "28 February 2024");
    assert_eq!(m.span, Span::new(10, 26));
    assert_eq!(c.form, DateForm::DayMonth);
    assert_eq!(c.date, Some(ymd(2024, 2, 28)));
}

#[test]
fn day_month_abbreviated_and_ordinal() {
    let (a, m) = one("H\n\nDue by the 28th of Feb, officials said.", None);
    let c = m.calendar().unwrap();
    assert_eq!(a.slice(m.span), "28th of Feb");
    assert_eq!(a.slice(c.day_span), "28th");
    assert_eq!((c.month, c.day), (2, 28));
    assert!(dates("H\n\nFreights 2 of March.", None).1.is_empty());
    let (a, m) = one("H\n\nDue 28 Feb.", None);
    assert_eq!(a.slice(m.span), "28 Feb.");
    let (a, m) = one("H\n\nDue Sept 3rd.", None);
    assert_eq!(a.slice(m.span), "Sept 3rd");
    assert_eq!(m.calendar().unwrap().month, 9);
}

#[test]
fn iso() {
    let (a, m) = one("H\n\nFiled 2024-02-28 at noon.", None);
    let c = m.calendar().unwrap();
    assert_eq!(a.slice(m.span), "2024-02-28");
    assert_eq!(m.span, Span::new(9, 19));
    assert_eq!(c.form, DateForm::Iso);
    assert_eq!(a.slice(c.month_span), "02");
    assert_eq!(c.date, Some(ymd(2024, 2, 28)));
    assert!(dates("H\n\nRef 2024-13-01 and 2024-02-28-7.", None)
        .1
        .is_empty());
}

#[test]
fn weekday_forms() {
    let (a, m) = one("H\n\nOn Wed 28 Feb 2024 they met.", None);
    let w = m.weekday.unwrap();
    assert_eq!(w.weekday, Weekday::Wed);
    assert_eq!(a.slice(w.span), "Wed");
    assert_eq!(a.slice(m.span), "Wed 28 Feb 2024");
    assert_eq!(a.slice(m.calendar().unwrap().span), "28 Feb 2024");

    let (a, m) = one("H\n\nIt was Tuesday, Feb. 28 when it began.", None);
    assert_eq!(a.slice(m.span), "Tuesday, Feb. 28");
    assert_eq!(m.weekday.unwrap().weekday, Weekday::Tue);

    let (a, m) = one("H\n\nIt was Tuesday (Feb 28) when it began.", None);
    assert_eq!(a.slice(m.span), "Tuesday (Feb 28)");
    assert_eq!(a.slice(m.calendar().unwrap().span), "Feb 28");

    let (a, m) = one("H\n\nOn Tuesday the 28th of February it began.", None);
    assert_eq!(a.slice(m.span), "Tuesday the 28th of February");

    // Not attached: a full stop, or an unclosed bracket.
    let (_, m) = one("H\n\nHe left on Monday. 28 February was quiet.", None);
    assert_eq!(m.weekday, None);
    let (_, m) = one("H\n\nOn Monday (Feb 28 was quiet.", None);
    assert_eq!(m.weekday, None);
    let (_, m) = one("H\n\nAs The Sun 28 February edition said.", None);
    assert_eq!(m.weekday, None);
}

#[test]
fn date_line_is_scanned() {
    let (a, d) = dates("Wednesday, February 28, 2024\n\nHeadline\n\nBody.", None);
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].segment, SegmentKind::DateLine);
    assert_eq!(d[0].span, Span::new(0, 28));
    assert_eq!(a.slice(d[0].weekday.unwrap().span), "Wednesday");
}

#[test]
fn traps_are_not_dates() {
    for t in [
        "H\n\nWindows 3.1 shipped; the vote was 30-31.",
        "H\n\nTheresa May 31 times said no.",
        "H\n\nAnalysts may 30 days later agree; in March 3.1 pct growth.",
        "H\n\nIn June 31-year-old Smith won. May 35 is not a day.",
        "H\n\nIn February 30 pct of output was sold.",
        "H\n\nthe march 28 rally",
    ] {
        let (_, d) = dates(t, None);
        assert!(d.is_empty(), "{t}: {d:?}");
    }
}

#[test]
fn wire_labels_before_name_months_are_not_names() {
    let (a, d) = dates("H\n\nQtly div 10 cts. Pay April 30 Record May 15.", None);
    let got: Vec<&str> = d.iter().map(|m| a.slice(m.span)).collect();
    assert_eq!(got, vec!["April 30", "May 15"]);
}

#[test]
fn ranges() {
    let (a, d) = dates("H\n\nFrom March 31-April 2 and 27-29 February.", None);
    let got: Vec<_> = d
        .iter()
        .map(|m| (a.slice(m.span), m.calendar().unwrap().range))
        .collect();
    assert_eq!(
        got,
        vec![
            ("March 31", Some(RangeRole::Start)),
            ("April 2", None),
            ("29 February", Some(RangeRole::End)),
        ]
    );
}

#[test]
fn clock_time_is_not_a_year() {
    let (a, m) = one("H\n\nTrading halts Feb 28 1500 GMT.", None);
    assert_eq!(a.slice(m.span), "Feb 28");
    assert_eq!(m.calendar().unwrap().year, Year::Unknown);
}

#[test]
fn quoted_flag_and_multibyte_offsets() {
    let (a, m) = one(
        "H\n\nShe said “it is on Tuesday, Feb 27” — Zelenskyy’s aide.",
        None,
    );
    assert!(m.quoted);
    assert_eq!(a.slice(m.span), "Tuesday, Feb 27");
}

#[test]
fn year_inferred_across_new_year() {
    let (_, m) = one(
        "H\n\nOn Monday, December 29 they met.",
        Some(ymd(2026, 1, 2)),
    );
    assert_eq!(m.calendar().unwrap().date, Some(ymd(2025, 12, 29)));
}

#[test]
fn weekday_range_before_date_range() {
    let r = Some(ymd(2024, 3, 8));
    let (a, m) = one("H\n\nThe talks ran Monday to Friday, March 4-8.", r);
    assert_eq!(a.slice(m.span), "Monday to Friday, March 4");
    assert_eq!(m.weekday.map(|w| w.weekday), Some(Weekday::Mon));
    let e = m.range_end.unwrap();
    assert_eq!(e.weekday.weekday, Weekday::Fri);
    assert_eq!(a.slice(e.span), "8");
    assert_eq!(e.date, Some(ymd(2024, 3, 8)));
    let (a, d) = dates("H\n\nSaturday to Monday, March 30 to April 1.", r);
    let e = d[0].range_end.unwrap();
    assert_eq!(a.slice(e.span), "April 1");
    assert_eq!(e.date, Some(ymd(2024, 4, 1)));
    assert_eq!(d[1].range_end, None);
    let (_, m) = one("H\n\nTuesday and Wednesday, March 5 and 6.", r);
    assert_eq!(m.range_end.unwrap().date, Some(ymd(2024, 3, 6)));
    let (_, m) = one("H\n\nMonday to Friday, March 4-8, 2019.", r);
    assert_eq!(m.calendar().unwrap().date, Some(ymd(2019, 3, 4)));
    assert_eq!(m.range_end.unwrap().date, Some(ymd(2019, 3, 8)));
    // Multi-byte characters before the weekday.
    let (_, d) = dates(
        "H\n\nDated \u{feff}Friday, March 1, 2024 — “to Monday, March 4”.",
        r,
    );
    assert_eq!(d.len(), 2);
    assert!(d.iter().all(|m| m.range_end.is_none()));
    // Lists, alternatives and a missing last day pair nothing.
    for t in [
        "H\n\nIt rained. On Monday, Tuesday and Wednesday, March 4-6, it rained.",
        "H\n\nIt rained. On Monday or Tuesday, March 4, it rains.",
        "H\n\nIt rained. From Monday to Friday, March 4, it rains.",
    ] {
        let (_, m) = one(t, r);
        assert_eq!((m.weekday, m.range_end), (None, None), "{t}");
    }
}

#[test]
fn impossible_day_before_a_count_is_no_date() {
    for t in [
        "H\n\nIn June 31 schools closed.",
        "H\n\nIn February 30 migrants drowned.",
        "H\n\nIn November 31 were killed.",
    ] {
        assert!(dates(t, None).1.is_empty(), "{t}");
    }
    assert_eq!(
        dates("H\n\nYear to September 31 after a rise.", None)
            .1
            .len(),
        1
    );
    // A possible day stays a date: "On March 3 troops entered".
    assert_eq!(dates("H\n\nOn March 3 troops entered.", None).1.len(), 1);
    // Without an introductory "In"/"By" an impossible day stays a date (and a D002).
    for t in [
        "H\n\nHe sang after the September 31 attacks.",
        "H\n\nArrivals for the week ended February 30 were high.",
        "H\n\nBrazil on February 30 suspended payments.",
    ] {
        assert_eq!(dates(t, None).1.len(), 1, "{t}");
    }
}
