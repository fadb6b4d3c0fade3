//! Date perturbations: wrong weekday next to a date (D001) and impossible dates (D002).
//!
//! Dates are found with this module's own regex ("March 3", "Feb. 26, 1987", "3rd March 2005",
//! optionally preceded by a weekday). The true weekday is computed with chrono; a date written
//! without a year takes the year that puts it nearest the article date (within six months).

use std::ops::Range;
use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate};
use regex::Regex;

use super::{Doc, Perturbation};
use crate::prng::SplitMix64;

/// Weekday names, Monday first (chrono's `num_days_from_monday` order).
pub use claimlint::knowledge::calendar::WEEKDAY_NAMES as WEEKDAYS;

pub const MONTH: &str = r"(?:January|Jan|February|Feb|March|Mar|April|Apr|May|June|Jun|July|Jul|August|Aug|September|Sept|Sep|October|Oct|November|Nov|December|Dec)";

fn date_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let pattern = format!(
            r"\b(?:(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?[ \t]+)?(?:(?P<m1>{MONTH})\.?[ \t]+(?P<d1>\d{{1,2}}(?:st|nd|rd|th)?)|(?P<d2>\d{{1,2}}(?:st|nd|rd|th)?)[ \t]+(?P<m2>{MONTH})\b\.?)(?:,?[ \t]+(?P<y>(?:19|20)\d\d)\b(?:[ \t]+(?P<clock>GMT|BST|UTC|GMT\b|hours|hrs))?)?\b"
        );
        Regex::new(&pattern).expect("static regex")
    })
}

/// A written date found by [`find_dates`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateHit {
    /// The whole expression, weekday and year included.
    pub whole: Range<usize>,
    /// The weekday word, when written.
    pub weekday: Option<Range<usize>>,
    /// The day number with any ordinal suffix ("3", "3rd").
    pub day_text: Range<usize>,
    /// Where the date proper starts (after the weekday).
    pub date_start: usize,
    /// Day first ("3 March") rather than month first ("March 3").
    pub day_first: bool,
    /// Month 1–12.
    pub month: u32,
    /// Day of month as written.
    pub day: u32,
    /// The year when written.
    pub year: Option<i32>,
}

/// Month number for a name or abbreviation matched by [`MONTH`].
pub fn month_number(name: &str) -> Option<u32> {
    let m = match name.get(..3)? {
        "Jan" => 1,
        "Feb" => 2,
        "Mar" => 3,
        "Apr" => 4,
        "May" => 5,
        "Jun" => 6,
        "Jul" => 7,
        "Aug" => 8,
        "Sep" => 9,
        "Oct" => 10,
        "Nov" => 11,
        "Dec" => 12,
        _ => return None,
    };
    Some(m)
}

/// Full month names, January first.
pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Month `m` (1–12) written in the style of `model`: the full name when the model is a full
/// name, else the three-letter abbreviation (with the model's trailing full stop, if any).
pub fn write_month(m: u32, model: &str) -> String {
    let full = MONTH_NAMES[(m as usize).clamp(1, 12) - 1];
    let bare = model.trim_end_matches('.');
    if MONTH_NAMES.contains(&bare) {
        return full.to_string();
    }
    let dot = if model.ends_with('.') { "." } else { "" };
    format!("{}{dot}", &full[..3])
}

/// Days in `month` of `year` (February has 29 in leap years).
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if NaiveDate::from_ymd_opt(year, 2, 29).is_some() => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Valid calendar dates in body prose (not the dateline, not a line in capitals), not part of a
/// number, range or score ("June 2-4", "1.5 March").
pub fn find_dates(doc: &Doc<'_>) -> Vec<DateHit> {
    let text = doc.text;
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    for c in date_re().captures_iter(text) {
        let Some(whole) = c.get(0) else { continue };
        let r = whole.start()..whole.end();
        if doc.in_dateline(&r) || doc.in_caps_line(r.start) {
            continue;
        }
        let before = r.start.checked_sub(1).and_then(|i| bytes.get(i)).copied();
        if matches!(before, Some(b'0'..=b'9' | b'.' | b',' | b'-' | b'/' | b'$')) {
            continue;
        }
        let after = bytes.get(r.end).copied();
        let after2 = bytes.get(r.end + 1).copied();
        let digit_after = matches!(after2, Some(b'0'..=b'9'));
        if matches!(after, Some(b'0'..=b'9' | b'%' | b'/'))
            || (matches!(after, Some(b'-' | b'.' | b':' | b',')) && digit_after)
        {
            continue;
        }
        let (m, d, day_first) = match (c.name("m1"), c.name("d1"), c.name("m2"), c.name("d2")) {
            (Some(m), Some(d), _, _) => (m, d, false),
            (_, _, Some(m), Some(d)) => (m, d, true),
            _ => continue,
        };
        let Some(month) = month_number(m.as_str()) else {
            continue;
        };
        let digits: String = d
            .as_str()
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        let Ok(day) = digits.parse::<u32>() else {
            continue;
        };
        if c.name("clock").is_some() {
            // "Friday, 25 February 2000 GMT": the "year" is a time of day.
            continue;
        }
        let year = c.name("y").and_then(|y| y.as_str().parse::<i32>().ok());
        if day == 0 || day > days_in_month(year.unwrap_or(2000), month) {
            continue;
        }
        let weekday = c.name("wd").map(|w| w.start()..w.end());
        let date_start = if day_first { d.start() } else { m.start() };
        out.push(DateHit {
            whole: r,
            weekday,
            day_text: d.start()..d.end(),
            date_start,
            day_first,
            month,
            day,
            year,
        });
    }
    out
}

/// The full date of `hit`: its own year, else the year putting it nearest `reference` (never more
/// than about six months away). `None` without either or for an invalid date.
pub fn resolve(hit: &DateHit, reference: Option<NaiveDate>) -> Option<NaiveDate> {
    if let Some(y) = hit.year {
        return NaiveDate::from_ymd_opt(y, hit.month, hit.day);
    }
    let r = reference?;
    (r.year() - 1..=r.year() + 1)
        .filter_map(|y| NaiveDate::from_ymd_opt(y, hit.month, hit.day))
        .min_by_key(|d| (*d - r).num_days().abs())
        .filter(|d| (*d - r).num_days().abs() <= 183)
}

/// A weekday other than `true_index` (0 = Monday), chosen by `rng`.
fn wrong_weekday(true_index: usize, rng: &mut SplitMix64) -> &'static str {
    let k = rng.below(6);
    WEEKDAYS[(true_index + 1 + k) % 7]
}

/// D001: a weekday written next to a date it matches is replaced by another weekday.
pub fn change_weekday(doc: &Doc<'_>, rng: &mut SplitMix64) -> Option<Perturbation> {
    let candidates: Vec<(DateHit, usize)> = find_dates(doc)
        .into_iter()
        .filter_map(|h| {
            let wd = h.weekday.clone()?;
            let date = resolve(&h, doc.reference)?;
            let idx = date.weekday().num_days_from_monday() as usize;
            (doc.text.get(wd)? == WEEKDAYS[idx]).then_some((h, idx))
        })
        .collect();
    let (hit, idx) = rng.pick(&candidates)?.clone();
    let wd = hit.weekday.clone()?;
    let new = wrong_weekday(idx, rng);
    Some(Perturbation {
        summary: format!("{} → {new}", &doc.text[hit.whole.clone()]),
        replace: wd,
        with: new.to_string(),
        expected: vec![hit.whole],
    })
}

/// D001: a wrong weekday is inserted before a date that follows "on " and has a known year.
pub fn insert_weekday(doc: &Doc<'_>, rng: &mut SplitMix64) -> Option<Perturbation> {
    let candidates: Vec<(DateHit, usize)> = find_dates(doc)
        .into_iter()
        .filter(|h| h.weekday.is_none())
        .filter(|h| {
            h.whole
                .start
                .checked_sub(3)
                .and_then(|s| doc.text.get(s..h.whole.start))
                .is_some_and(|w| w == "on ")
        })
        .filter_map(|h| {
            let date = resolve(&h, doc.reference)?;
            Some((h, date.weekday().num_days_from_monday() as usize))
        })
        .collect();
    let (hit, idx) = rng.pick(&candidates)?.clone();
    let new = wrong_weekday(idx, rng);
    let with = if hit.day_first {
        format!("{new} ")
    } else {
        format!("{new}, ")
    };
    Some(Perturbation {
        summary: format!(
            "{} → {with}{}",
            &doc.text[hit.whole.clone()],
            &doc.text[hit.whole.clone()]
        ),
        replace: hit.date_start..hit.date_start,
        with,
        expected: vec![hit.whole],
    })
}

/// D002: the day of a date in February or a 30-day month is set past the month's end (31 in a
/// 30-day month; 30 in February, or 29 when a non-leap year is written).
pub fn impossible_date(doc: &Doc<'_>, rng: &mut SplitMix64) -> Option<Perturbation> {
    let candidates: Vec<DateHit> = find_dates(doc)
        .into_iter()
        .filter(|h| matches!(h.month, 2 | 4 | 6 | 9 | 11))
        .collect();
    let hit = rng.pick(&candidates)?.clone();
    let day = match hit.month {
        2 => match hit.year {
            Some(y) if days_in_month(y, 2) == 28 && hit.day != 29 && rng.below(2) == 0 => 29,
            _ => 30,
        },
        _ => 31,
    };
    let old = doc.text.get(hit.day_text.clone())?;
    let suffix = if old.ends_with(|c: char| c.is_ascii_alphabetic()) {
        match day {
            31 => "st",
            _ => "th",
        }
    } else {
        ""
    };
    let with = format!("{day}{suffix}");
    Some(Perturbation {
        summary: format!("{} → day {with}", &doc.text[hit.whole.clone()]),
        replace: hit.day_text,
        with,
        expected: vec![hit.whole],
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::perturb::testutil::check_copy;

    fn doc(text: &str, reference: Option<NaiveDate>) -> Doc<'_> {
        Doc::new(text, reference)
    }

    #[test]
    fn finds_dates_and_skips_datelines_numbers_and_capitals() {
        let text = "TALKS ON MARCH 3\n\nPARIS, March 2 - Talks on Tuesday, March 3, 1987 and 4 June.\nIn 1.5 June and June 2-4 and Feb 30 and Sept. 9th.\n";
        let d = doc(text, None);
        let found: Vec<&str> = find_dates(&d)
            .iter()
            .map(|h| &text[h.whole.clone()])
            .collect();
        assert_eq!(found, vec!["Tuesday, March 3, 1987", "4 June", "Sept. 9th"]);
        let hits = find_dates(&d);
        assert_eq!(hits[0].year, Some(1987));
        assert_eq!(&text[hits[0].weekday.clone().unwrap_or(0..0)], "Tuesday");
        assert_eq!(
            (hits[1].month, hits[1].day, hits[1].day_first),
            (6, 4, true)
        );
        assert_eq!(&text[hits[2].day_text.clone()], "9th");
    }

    #[test]
    fn year_stays_on_the_line_and_is_no_clock_time() {
        let text = "H\n\nFriday, 25 February\n\n2000 GMT kick-off. On 3 March 2000 GMT too.\n";
        let hits = find_dates(&doc(text, None));
        assert_eq!(hits.len(), 1);
        assert_eq!(&text[hits[0].whole.clone()], "Friday, 25 February");
        assert_eq!(hits[0].year, None);
    }

    #[test]
    fn resolve_uses_nearest_year() {
        let text = "H\n\nOn December 29 and on January 5.\n";
        let d = doc(text, None);
        let hits = find_dates(&d);
        let r = NaiveDate::from_ymd_opt(2026, 1, 2);
        assert_eq!(resolve(&hits[0], r), NaiveDate::from_ymd_opt(2025, 12, 29));
        assert_eq!(resolve(&hits[1], r), NaiveDate::from_ymd_opt(2026, 1, 5));
        assert_eq!(resolve(&hits[1], None), None);
    }

    #[test]
    fn change_weekday_only_where_it_matched() {
        // 3 March 1987 was a Tuesday; 4 March 1987 was a Wednesday, so "Monday" there is skipped.
        let text = "Headline\n\nOn Tuesday, March 3, 1987 and Monday, March 4, 1987 it rained.\n";
        let d = doc(text, None);
        for seed in 0..20 {
            let mut rng = SplitMix64::new(seed);
            let p = change_weekday(&d, &mut rng).expect("one candidate");
            assert_eq!(p.replace, 13..20);
            assert_eq!(&text[p.expected[0].clone()], "Tuesday, March 3, 1987");
            assert!(WEEKDAYS.contains(&p.with.as_str()));
            assert_ne!(p.with, "Tuesday");
            let copy = check_copy(text, &p);
            let e = p.expected_in_copy();
            assert_eq!(&copy[e[0].clone()], format!("{}, March 3, 1987", p.with));
        }
        assert_eq!(
            change_weekday(
                &doc("H\n\nOn Tuesday, March 3 it rained.\n", None),
                &mut SplitMix64::new(1)
            ),
            None
        );
    }

    #[test]
    fn insert_weekday_uses_reference_year() {
        let text = "Headline\n\nThe sale closes on March 3, the company said.\n";
        let d = doc(text, NaiveDate::from_ymd_opt(1987, 2, 26));
        let p = insert_weekday(&d, &mut SplitMix64::new(7)).expect("candidate");
        assert_eq!(p.replace, 29..29);
        assert_ne!(p.with, "Tuesday, ");
        assert!(p.with.ends_with(", "));
        let copy = check_copy(text, &p);
        assert_eq!(
            &copy[p.expected_in_copy()[0].clone()],
            format!("{}March 3", p.with)
        );
        // Without a year or reference date there is nothing to contradict.
        assert_eq!(
            insert_weekday(&doc(text, None), &mut SplitMix64::new(7)),
            None
        );
    }

    #[test]
    fn impossible_date_sets_day_past_month_end() {
        let text = "Headline\n\nDue on June 3rd, not 2 March.\n";
        let p = impossible_date(&doc(text, None), &mut SplitMix64::new(3)).expect("candidate");
        assert_eq!(p.replace, 22..25);
        assert_eq!(p.with, "31st");
        let copy = check_copy(text, &p);
        assert_eq!(copy, "Headline\n\nDue on June 31st, not 2 March.\n");
        assert_eq!(&copy[p.expected_in_copy()[0].clone()], "June 31st");

        let feb = "Headline\n\nOn 12 February 2005 it snowed.\n";
        let mut seen = std::collections::BTreeSet::new();
        for seed in 0..16 {
            let p =
                impossible_date(&doc(feb, None), &mut SplitMix64::new(seed)).expect("candidate");
            assert_eq!(p.replace, 13..15);
            let copy = check_copy(feb, &p);
            assert_eq!(
                &copy[p.expected_in_copy()[0].clone()],
                format!("{} February 2005", p.with)
            );
            seen.insert(p.with);
        }
        assert_eq!(seen.into_iter().collect::<Vec<_>>(), vec!["29", "30"]);
    }
}
