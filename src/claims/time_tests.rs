//! Tests of the time extractors (durations, years ago, relative dates, ages, births, ranges).

use std::sync::Arc;

use super::*;
use crate::article::Article;
use crate::claims::dates;
use crate::claims::relative::day_before_after;
use crate::input::plain::parse;
use crate::reference::{ReferenceDate, ReferenceSource};
use chrono::{NaiveDate, Weekday};

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn times(text: &str, reference: Option<NaiveDate>) -> (Article, Vec<TimeMention>) {
    let a = parse(Arc::from(text));
    let r = reference.map(|date| ReferenceDate {
        date,
        source: ReferenceSource::CommandLine,
        span: None,
        dateline: None,
    });
    let mut d = dates::extract(&a);
    crate::claims::resolve::dates(&mut d, r.as_ref());
    let t = extract(&a, &d);
    (a, t)
}

fn only<T>(
    text: &str,
    reference: Option<NaiveDate>,
    pick: impl Fn(&TimeValue) -> Option<T>,
) -> (Article, Vec<(Span, T)>) {
    let (a, t) = times(text, reference);
    let v = t
        .iter()
        .filter_map(|m| pick(&m.value).map(|x| (m.span, x)))
        .collect();
    (a, v)
}

#[test]
fn number_words() {
    assert_eq!(number_value("45"), Some(45));
    assert_eq!(number_value("twenty-five"), Some(25));
    assert_eq!(number_value("Thirty"), Some(30));
    assert_eq!(number_value("an"), Some(1));
    assert_eq!(number_value("lots"), None);
}

#[test]
fn relative_day_with_weekday() {
    let (a, v) = only(
        "H\n\nTalks ended yesterday (Monday) in Rome.",
        None,
        |v| match v {
            TimeValue::RelativeDay(r) => Some(*r),
            _ => None,
        },
    );
    assert_eq!(v.len(), 1);
    let (span, r) = v[0];
    assert_eq!(a.slice(span), "yesterday (Monday");
    assert_eq!(a.slice(r.word), "yesterday");
    assert_eq!(r.offset, -1);
    let at = r.attached.unwrap();
    assert_eq!(at.weekday, Some(Weekday::Mon));
    assert_eq!(a.slice(at.span), "Monday");
    // A list is not an attached weekday.
    let (_, v) = only(
        "H\n\nThey met yesterday, Monday and Tuesday.",
        None,
        |v| match v {
            TimeValue::RelativeDay(r) => Some(*r),
            _ => None,
        },
    );
    assert_eq!(v[0].1.attached, None);
}

#[test]
fn relative_day_with_date() {
    let (a, v) = only(
        "H\n\nTomorrow, March 3, the vote is held. Today it rains.",
        Some(ymd(2024, 3, 1)),
        |v| match v {
            TimeValue::RelativeDay(r) => Some(*r),
            _ => None,
        },
    );
    assert_eq!(v.len(), 2);
    let at = v[0].1.attached.unwrap();
    assert_eq!(at.date, Some(ymd(2024, 3, 3)));
    assert_eq!(a.slice(at.span), "March 3");
    assert_eq!(v[0].1.offset, 1);
    assert_eq!(v[1].1.offset, 0);
    assert_eq!(v[1].1.attached, None);
}

#[test]
fn weekday_alone_and_qualified() {
    let (a, v) = only(
        "H\n\nOn Tuesday he left; last Friday, March 1 he spoke; next Friday (Feb 23) too. Good Friday and Friday week are not.",
        Some(ymd(2024, 2, 28)),
        |v| match v {
            TimeValue::Weekday(w) => Some(*w),
            _ => None,
        },
    );
    let got: Vec<_> = v
        .iter()
        .map(|(s, w)| (a.slice(*s), w.qualifier, w.date.and_then(|d| d.date)))
        .collect();
    assert_eq!(
        got,
        vec![
            ("On Tuesday", WeekdayQualifier::On, None),
            (
                "last Friday, March 1",
                WeekdayQualifier::Last,
                Some(ymd(2024, 3, 1))
            ),
            (
                "next Friday (Feb 23",
                WeekdayQualifier::Next,
                Some(ymd(2024, 2, 23))
            ),
        ]
    );
}

#[test]
fn periods_with_and_without_dates() {
    let (a, v) = only(
        "H\n\nEarlier this month, on March 28, it fell. Last week it rose; the past year too.",
        Some(ymd(2024, 3, 5)),
        |v| match v {
            TimeValue::Period(p) => Some(*p),
            _ => None,
        },
    );
    assert_eq!(v.len(), 3);
    assert_eq!(a.slice(v[0].0), "Earlier this month, on March 28");
    assert_eq!(v[0].1.part, PeriodPart::Earlier);
    assert_eq!(v[0].1.unit, PeriodUnit::Month);
    assert_eq!(v[0].1.attached.unwrap().date, Some(ymd(2024, 3, 28)));
    assert_eq!((v[1].1.unit, v[1].1.offset), (PeriodUnit::Week, -1));
    assert_eq!(v[2].1.part, PeriodPart::Past);
}

#[test]
fn durations() {
    let (a, v) = only(
        "H\n\nThe two-day state visit, a once-a-day pill and a 48-hour strike; talks ran for three weeks; it lasted four days; after five days of talks. The 45-year-old left.",
        None,
        |v| match v {
            TimeValue::Duration(d) => Some(*d),
            _ => None,
        },
    );
    let got: Vec<_> = v
        .iter()
        .map(|(s, d)| {
            (
                a.slice(*s),
                d.amount,
                d.unit,
                d.form,
                d.noun.map(|n| a.slice(n)),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (
                "two-day",
                2,
                TimeUnit::Day,
                DurationForm::Compound,
                Some("state visit")
            ),
            (
                "48-hour",
                48,
                TimeUnit::Hour,
                DurationForm::Compound,
                Some("strike")
            ),
            (
                "ran for three weeks",
                3,
                TimeUnit::Week,
                DurationForm::Lasted,
                None
            ),
            (
                "lasted four days",
                4,
                TimeUnit::Day,
                DurationForm::Lasted,
                None
            ),
            (
                "five days of talks",
                5,
                TimeUnit::Day,
                DurationForm::Of,
                Some("talks")
            ),
        ]
    );
    let (_, v) = only(
        "H\n\nHe stayed for nearly three nights.",
        None,
        |v| match v {
            TimeValue::Duration(d) => Some(*d),
            _ => None,
        },
    );
    assert_eq!(v[0].1.form, DurationForm::For);
    assert_eq!(v[0].1.qualifier, Qualifier::Nearly);
    assert_eq!(v[0].1.unit, TimeUnit::Night);
}

fn age_list(text: &str) -> Vec<(String, u32, AgeForm, AgeContext, Option<String>)> {
    let (a, v) = only(text, None, |v| match v {
        TimeValue::Age(x) => Some(*x),
        _ => None,
    });
    v.iter()
        .map(|(s, x)| {
            (
                a.slice(*s).to_string(),
                x.years,
                x.form,
                x.context,
                x.person.map(|p| a.slice(p).to_string()),
            )
        })
        .collect()
}

#[test]
fn age_apposition() {
    let v = age_list("H\n\nJohn Smith, 45, said so. In March, 45, no. In Cordoba, 15 and 120 mm.");
    assert_eq!(
        v,
        vec![(
            "45".to_string(),
            45,
            AgeForm::Apposition,
            AgeContext::Current,
            Some("Smith".to_string())
        )]
    );
}

#[test]
fn age_aged_and_year_old() {
    let v = age_list("H\n\nThe forty-five-year-old, aged 45, left. She died aged 80.");
    assert_eq!(v.len(), 3);
    assert_eq!((v[0].1, v[0].2), (45, AgeForm::YearOld));
    assert_eq!(v[0].0, "forty-five-year-old");
    assert_eq!(
        (v[1].1, v[1].2, v[1].3),
        (45, AgeForm::Aged, AgeContext::Current)
    );
    assert_eq!((v[2].1, v[2].3), (80, AgeContext::Past));
}

#[test]
fn age_past_and_hypothetical() {
    let v = age_list("H\n\nHe was a 30-year-old when he won. She would have turned 50 today.");
    assert_eq!(v[0].3, AgeContext::Past);
    assert_eq!(
        (v[1].2, v[1].3),
        (AgeForm::Turned, AgeContext::Hypothetical)
    );
}

#[test]
fn birth_year_and_date() {
    let (a, v) = only(
        "H\n\nSmith, born in 1970, and Jones, born on March 3, 1979, met. She was born in London in 1910. A Sheffield-born man.",
        None,
        |v| match v {
            TimeValue::Birth(b) => Some(*b),
            _ => None,
        },
    );
    let got: Vec<_> = v
        .iter()
        .map(|(s, b)| (a.slice(*s), b.year, b.date, a.slice(b.value_span)))
        .collect();
    assert_eq!(
        got,
        vec![
            ("born in 1970", 1970, None, "1970"),
            (
                "born on March 3, 1979",
                1979,
                Some(ymd(1979, 3, 3)),
                "March 3, 1979"
            ),
            ("born in London in 1910", 1910, None, "1910"),
        ]
    );
}

#[test]
fn years_ago_with_year() {
    let (a, v) = only(
        "H\n\nIt was founded 25 years ago, in 1990. In 1956, nearly thirty years ago, it began. A decade ago.",
        None,
        |v| match v {
            TimeValue::YearsAgo(y) => Some(*y),
            _ => None,
        },
    );
    assert_eq!(v.len(), 3);
    assert_eq!(a.slice(v[0].0), "25 years ago");
    assert_eq!(v[0].1.year.map(|y| y.0), Some(1990));
    assert_eq!(v[1].1.qualifier, Qualifier::Nearly);
    assert_eq!(v[1].1.year.map(|y| a.slice(y.1)), Some("1956"));
    assert_eq!(
        (v[2].1.years, v[2].1.decades, v[2].1.year),
        (10, true, None)
    );
}

#[test]
fn date_ranges() {
    let (a, v) = only(
        "H\n\nOn 27–29 February and June 3-5 and March 31-April 2, and from Feb 27 to March 1.",
        Some(ymd(2024, 2, 1)),
        |v| match v {
            TimeValue::Range(r) => Some(*r),
            _ => None,
        },
    );
    let got: Vec<_> = v
        .iter()
        .map(|(s, r)| (a.slice(*s), a.slice(r.start), a.slice(r.end), r.days))
        .collect();
    assert_eq!(
        got,
        vec![
            ("27–29 February", "27", "29 February", Some(3)),
            ("June 3-5", "June 3", "5", Some(3)),
            ("March 31-April 2", "March 31", "April 2", Some(3)),
            ("Feb 27 to March 1", "Feb 27", "March 1", Some(4)),
        ]
    );
    // Without a year, a range across the end of February is unknown.
    let (_, v) = only("H\n\nFrom Feb 27 to March 1.", None, |v| match v {
        TimeValue::Range(r) => Some(*r),
        _ => None,
    });
    assert_eq!(v[0].1.days, None);
}

#[test]
fn date_ranges_with_the_month_written_once() {
    let ranges = |text: &str| {
        let (a, v) = only(text, Some(ymd(2024, 2, 1)), |v| match v {
            TimeValue::Range(r) => Some(*r),
            _ => None,
        });
        v.iter()
            .map(|(s, r)| {
                (
                    a.slice(*s).to_string(),
                    a.slice(r.start).to_string(),
                    a.slice(r.end).to_string(),
                    r.days,
                )
            })
            .collect::<Vec<_>>()
    };
    let one = |s: &str, a: &str, b: &str, n: i64| {
        vec![(s.to_string(), a.to_string(), b.to_string(), Some(n))]
    };
    assert_eq!(
        ranges("H\n\nThe fair ran from 10 to 12 January."),
        one("10 to 12 January", "10", "12 January", 3)
    );
    assert_eq!(
        ranges("H\n\nIt is held between 3 and 7 May in Riga."),
        one("3 and 7 May", "3", "7 May", 5)
    );
    assert_eq!(
        ranges("H\n\nThe visit, held August 11 to 16, ended."),
        one("August 11 to 16", "August 11", "16", 6)
    );
    assert_eq!(
        ranges("H\n\nTalks ran from March 3 to 5 in Oslo."),
        one("March 3 to 5", "March 3", "5", 3)
    );
    assert_eq!(
        ranges("H\n\nTalks ran from March 3 to 5, 2023."),
        one("March 3 to 5", "March 3", "5", 3)
    );
    for t in [
        // No "from"/"between" before the first day, or the wrong joiner.
        "H\n\nThe fair ran 10 to 12 January.",
        "H\n\nThe fair ran from 10 and 12 January.",
        "H\n\nThe fair ran between 10 to 12 January.",
        "H\n\nThe fair moved from 14 to 12 January.",
        // A single day, then a count, a unit or another date.
        "H\n\nPrices rose from 3 on June 12 to 16.",
        "H\n\nStaff grew on March 3 to 16 people.",
        "H\n\nThe index rose March 3 to 16 pct.",
        "H\n\nThe index rose March 3 to 16.5.",
        "H\n\nThey stayed August 11 to 16 September.",
        "H\n\nThey stayed August 16 to 11.",
    ] {
        assert!(ranges(t).is_empty(), "{t}");
    }
}

#[test]
fn quoted_flag() {
    let (_, t) = times("H\n\nHe said “we met yesterday (Monday)” to them.", None);
    assert!(t.iter().all(|m| m.quoted));
    assert!(!t.is_empty());
}

#[test]
fn day_before_yesterday_shifts_two_days() {
    let (a, v) = only(
        "H\n\nThey voted the day before yesterday (Wednesday); the day after tomorrow, Sunday, too. The Day After Tomorrow is a film; the day after yesterday is not checked.",
        None,
        |v| match v {
            TimeValue::RelativeDay(r) => Some(*r),
            _ => None,
        },
    );
    let got: Vec<_> = v.iter().map(|(_, r)| (a.slice(r.word), r.offset)).collect();
    assert!(day_before_after("é\u{feff} yesterday", 6).is_none());
    assert_eq!(
        got,
        vec![
            ("the day before yesterday", -2),
            ("the day after tomorrow", 2),
            ("The Day After Tomorrow", 2),
        ]
    );
}

#[test]
fn ages_after_now_and_after_a_bracketed_birth() {
    let v =
        age_list("H\n\nSmith, now 40, was born in 1979. Jane Smith (born 12 January 1979) is 45.");
    let got: Vec<_> = v.iter().map(|x| (x.1, x.2)).collect();
    assert_eq!(got, vec![(40, AgeForm::Apposition), (45, AgeForm::Stated)]);
    assert!(age_list("H\n\nJane Smith (born 12 January 1979) is 45 percent sure.").is_empty());
}

#[test]
fn range_days_without_a_year() {
    use crate::claims::range::range_days;
    // 27–29 February exists only in leap years, where it is three days.
    assert_eq!(range_days(2, 27, 2, 29, None), Some(3));
    assert_eq!(range_days(2, 29, 3, 2, None), Some(3));
    // February 28 to March 1 is two days or three: unknown.
    assert_eq!(range_days(2, 28, 3, 1, None), None);
    // Away from February the year does not matter.
    assert_eq!(range_days(6, 3, 6, 5, None), Some(3));
    assert_eq!(range_days(12, 30, 1, 2, None), Some(4));
    // With a year, a day that year lacks is no range.
    assert_eq!(range_days(2, 27, 2, 29, Some(2023)), None);
    assert_eq!(range_days(2, 27, 2, 29, Some(2024)), Some(3));
    // Day-first range without a year or reference date, extracted.
    let (a, t) = times(
        "H\n\nThe two-day summit, held 27–29 February in Tirana.",
        None,
    );
    let r = t
        .iter()
        .find_map(|m| match &m.value {
            TimeValue::Range(r) => Some((a.slice(m.span).to_string(), r.days)),
            _ => None,
        })
        .unwrap();
    assert_eq!(r, ("27–29 February".to_string(), Some(3)));
}
