//! Inclusive date ranges: "27–29 February", "June 3-5", "March 31-April 2", "from 10 to 12
//! January", "August 11 to 16". Built over the calendar dates of a segment; the number of days
//! covered is computed from the resolved year, or, without one, counted in every year in which
//! the range exists. Spans are **bytes** into the article text.

use chrono::NaiveDate;

use crate::article::{SegmentKind, Span};
use crate::claims::dates::{self, RangeRole};
use crate::claims::time::{Seg, TimeMention, TimeValue};
use crate::fast_regex::lazy_regex;
use crate::knowledge::lexicon;

/// An inclusive date range.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct DateRange {
    /// The bytes of the first day ("27" in "27–29 February").
    pub start: Span,
    /// The bytes of the last date ("29 February").
    pub end: Span,
    /// Calendar days covered, both ends included; `None` when it depends on an unknown year.
    pub days: Option<i64>,
    /// True when written with "from ... to" (which also reads as a change: "moved from 3 to 5").
    pub from_to: bool,
}

lazy_regex!(range_year_re, r"^\s*,\s*(?P<y>1[5-9]\d\d|20\d\d)\b");

/// The year written after the last day of a range (", 2024"), if any. The regex needs a comma
/// first, so text without one is not run through it.
fn written_year(tail: &str) -> Option<i32> {
    if !tail.trim_start().starts_with(',') {
        return None;
    }
    range_year_re()
        .captures(tail)
        .and_then(|y| y.name("y")?.as_str().parse::<i32>().ok())
}

lazy_regex!(
    /// The first day and joiner before the last day of "from 10 to 12 January", "between 3 and 5
    /// May" (the month written once, after the last day).
    range_first_day_re,
    {
        r"\b(?P<lead>[Ff]rom|[Bb]etween)\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s+(?P<j>to|until|till|through|and)\s+$"
    }
);

lazy_regex!(
    /// The joiner and last day after the first date of "August 11 to 16" (the month written once,
    /// before the first day).
    range_last_day_re,
    {
        r"^\s+(?P<j>to|until|till|through|thru|and)\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?\b"
    }
);

/// The inclusive number of days from `(m1, d1)` to `(m2, d2)`, the end in `year2` (the start in
/// the same year, or the one before when its month comes later); `None` outside 2 to 400 days.
///
/// When `year2` is unknown, the range is counted in a common and in a leap year. Only February
/// 29 tells them apart. If the range exists in both, the counts must agree ("Feb 27 to March 1"
/// is three days or four: `None`). If it exists only in leap years because one end is February
/// 29 ("27–29 February"), it is that count: in every year in which the range exists at all it
/// has that length, and a year without February 29 would make it no range (D002's concern).
pub(crate) fn range_days(m1: u32, d1: u32, m2: u32, d2: u32, year2: Option<i32>) -> Option<i64> {
    let ends = |y2: i32| -> Option<(NaiveDate, NaiveDate)> {
        let y1 = if (m1, d1) > (m2, d2) { y2 - 1 } else { y2 };
        Some((
            NaiveDate::from_ymd_opt(y1, m1, d1)?,
            NaiveDate::from_ymd_opt(y2, m2, d2)?,
        ))
    };
    let count = |(a, b): (NaiveDate, NaiveDate)| -> Option<i64> {
        let n = (b - a).num_days() + 1;
        (2..=400).contains(&n).then_some(n)
    };
    match year2 {
        Some(y) => count(ends(y)?),
        None => {
            // 2001 is a common year; 2004 a leap year, as is the start year 2000 of a range
            // that crosses into 2001, so each reading of February 29 is tried.
            match (ends(2001), ends(2004)) {
                (Some(c), Some(l)) => {
                    let (c, l) = (count(c)?, count(l)?);
                    (c == l).then_some(c)
                }
                (Some(only), None) | (None, Some(only)) => count(only),
                (None, None) => None,
            }
        }
    }
}

/// Push the ranges of segment `s` onto `out`.
pub(crate) fn ranges(s: &Seg<'_>, out: &mut Vec<TimeMention>) {
    for (i, d) in s.dates.iter().enumerate() {
        let Some(c) = d.calendar() else { continue };
        let local_start = c.span.start - s.offset;
        let local_end = c.span.end - s.offset;
        match c.range {
            // "27-29 February": the first day is a bare number before the dash.
            Some(RangeRole::End) => {
                let before = s
                    .text
                    .get(..c.day_span.start - s.offset)
                    .unwrap_or_default()
                    .trim_end_matches([' ', '-', '–']);
                // After the last character that is not an ASCII letter or digit (which may be
                // several bytes long: "3é0", "Zelensky’s30").
                let digits_start = before
                    .char_indices()
                    .rev()
                    .find(|(_, ch)| !ch.is_ascii_alphanumeric())
                    .map_or(0, |(p, ch)| p + ch.len_utf8());
                let first = before.get(digits_start..).unwrap_or_default();
                let Some(d1) = first
                    .trim_end_matches(|ch: char| ch.is_ascii_alphabetic())
                    .parse::<u32>()
                    .ok()
                else {
                    continue;
                };
                if d1 >= c.day {
                    continue;
                }
                let days = range_days(c.month, d1, c.month, c.day, c.year.value());
                s.push(
                    out,
                    digits_start,
                    local_end,
                    TimeValue::Range(DateRange {
                        start: s.span(digits_start, digits_start + first.len()),
                        end: c.span,
                        days,
                        from_to: false,
                    }),
                );
            }
            Some(RangeRole::Start) => {
                let dash_len = s
                    .text
                    .get(local_end..)
                    .and_then(|r| r.chars().next())
                    .map_or(1, char::len_utf8);
                let next_start = local_end + dash_len;
                let after = s.text.get(next_start..).unwrap_or("");
                if let Some(e) = s
                    .dates
                    .get(i + 1)
                    .filter(|e| e.span.start == s.offset + next_start)
                {
                    let Some(ec) = e.calendar() else { continue };
                    push_pair(s, out, local_start, c, ec, false);
                } else {
                    // "June 3-5", "June 3-5, 2024".
                    let len = after
                        .find(|ch: char| !ch.is_ascii_digit())
                        .unwrap_or(after.len());
                    let Ok(d2) = after.get(..len).unwrap_or_default().parse::<u32>() else {
                        continue;
                    };
                    if d2 <= c.day
                        || after
                            .get(len..)
                            .is_some_and(|r| r.starts_with(|ch: char| ch.is_alphanumeric()))
                    {
                        continue;
                    }
                    let tail = after.get(len..).unwrap_or_default();
                    let written_year = written_year(tail);
                    let year = written_year.or(c.year.value());
                    let days = range_days(c.month, c.day, c.month, d2, year);
                    let end = next_start + len;
                    s.push(
                        out,
                        local_start,
                        end,
                        TimeValue::Range(DateRange {
                            start: c.span,
                            end: s.span(next_start, end),
                            days,
                            from_to: false,
                        }),
                    );
                }
            }
            None => {
                // "from 10 to 12 January", "held August 11 to 16": the month written once.
                if let Some(r) = month_once_range(s, i, c) {
                    out.push(r);
                    continue;
                }
                // "from February 27 to March 1", "between 27 February and 1 March".
                let w = s.word_before(local_start);
                let lead = w.to_ascii_lowercase();
                if lead != "from" && lead != "between" {
                    continue;
                }
                let rest = s.text.get(local_end..).unwrap_or_default();
                let joiner = if lead == "from" {
                    ["to", "until", "through", "till"]
                        .iter()
                        .find(|j| rest.starts_with(&format!(" {j} ")))
                } else {
                    ["and"].iter().find(|j| rest.starts_with(&format!(" {j} ")))
                };
                let Some(j) = joiner else { continue };
                let next_start = local_end + j.len() + 2;
                let Some(e) = s
                    .dates
                    .get(i + 1)
                    .filter(|e| e.span.start == s.offset + next_start)
                else {
                    continue;
                };
                let Some(ec) = e.calendar() else { continue };
                push_pair(s, out, local_start, c, ec, true);
            }
        }
    }
}

/// A range whose month is written once, around the calendar date `c` (the `i`-th date of the
/// segment): "from 10 to 12 January", "between 3 and 5 May" (day-first, the first day after
/// "from"/"between"), or "August 11 to 16", "from March 3 to 5" (month-first, the last day a
/// bare number ending the clause or followed by a place).
/// Push the range from date `c` (starting at segment byte `local_start`) to date `ec`, each
/// with its own month ("March 31-April 2", "from March 3 to March 5"); a year written on
/// either end counts for both.
fn push_pair(
    s: &Seg<'_>,
    out: &mut Vec<TimeMention>,
    local_start: usize,
    c: &dates::CalendarDate,
    ec: &dates::CalendarDate,
    from_to: bool,
) {
    let year = ec.year.value().or(c.year.value());
    let days = range_days(c.month, c.day, ec.month, ec.day, year);
    s.push(
        out,
        local_start,
        ec.span.end - s.offset,
        TimeValue::Range(DateRange {
            start: c.span,
            end: ec.span,
            days,
            from_to,
        }),
    );
}

fn month_once_range(s: &Seg<'_>, i: usize, c: &dates::CalendarDate) -> Option<TimeMention> {
    let local_start = c.span.start - s.offset;
    let local_end = c.span.end - s.offset;
    match c.form {
        dates::DateForm::DayMonth => {
            let day_start = c.day_span.start - s.offset;
            let before = s.window_before(day_start, 40);
            // The regex ends in a joiner and white space: most windows fail that at once.
            let trimmed = before.trim_end();
            let joined = trimmed.len() < before.len()
                && ["to", "until", "till", "through", "and"]
                    .iter()
                    .any(|j| trimmed.ends_with(j));
            if !joined {
                return None;
            }
            let caps = range_first_day_re().captures(before)?;
            let between = caps["lead"].eq_ignore_ascii_case("between");
            if between != (&caps["j"] == "and") {
                return None;
            }
            let d1m = caps.name("d1")?;
            let d1: u32 = d1m.as_str().parse().ok()?;
            if d1 == 0 || d1 >= c.day {
                return None;
            }
            let start = day_start - before.len() + d1m.start();
            let days = range_days(c.month, d1, c.month, c.day, c.year.value());
            Some(TimeMention {
                span: s.span(start, local_end),
                segment: SegmentKind::Paragraph,
                quoted: false,
                value: TimeValue::Range(DateRange {
                    start: s.span(start, day_start - before.len() + d1m.end()),
                    end: c.span,
                    days,
                    from_to: true,
                }),
            })
        }
        dates::DateForm::MonthDay if !c.year.is_written() => {
            let lead = s.word_before(local_start).to_ascii_lowercase();
            if lexicon::contains(lexicon::date_words::SINGLE_DAY_LEADS, &lead) {
                return None;
            }
            let after = s.text.get(local_end..)?;
            // The regex starts with white space and a joiner: test that before running it.
            let trimmed = after.trim_start();
            let joined = trimmed.len() < after.len()
                && ["to", "until", "till", "through", "thru", "and"]
                    .iter()
                    .any(|j| trimmed.starts_with(j));
            if !joined {
                return None;
            }
            let caps = range_last_day_re().captures(after)?;
            if (lead == "between") != (&caps["j"] == "and") {
                return None;
            }
            let d2m = caps.name("d2")?;
            let d2: u32 = d2m.as_str().parse().ok()?;
            if d2 <= c.day || d2 > 31 {
                return None;
            }
            // "August 11 to 16 September" is two dates; the next date must not start here.
            let d2_start = local_end + d2m.start();
            if s.dates
                .get(i + 1)
                .is_some_and(|e| e.span.start <= s.offset + d2_start + 2)
            {
                return None;
            }
            let end = local_end + caps.get(0)?.end();
            let tail = s.text.get(end..)?;
            let mut chars = tail.chars();
            let ok = match (chars.next(), chars.next()) {
                (None, _) => true,
                (Some('.' | ','), Some(ch)) if ch.is_ascii_digit() => false,
                (Some(',' | '.' | ';' | ':' | ')' | '!' | '?' | '—' | '–'), _) => true,
                (Some(' '), _) => {
                    let word = tail
                        .get(1..)
                        .unwrap_or_default()
                        .split(|ch: char| !ch.is_ascii_alphabetic())
                        .next()
                        .unwrap_or("");
                    lexicon::contains(lexicon::date_ranges::RANGE_FOLLOWERS, word)
                }
                _ => false,
            };
            if !ok {
                return None;
            }
            // "August 11 to 16, 2024": the year written after the last day.
            let year = written_year(tail).or(c.year.value());
            let days = range_days(c.month, c.day, c.month, d2, year);
            Some(TimeMention {
                span: s.span(local_start, end),
                segment: SegmentKind::Paragraph,
                quoted: false,
                value: TimeValue::Range(DateRange {
                    start: c.span,
                    end: s.span(d2_start, end),
                    days,
                    from_to: lead == "from",
                }),
            })
        }
        _ => None,
    }
}
