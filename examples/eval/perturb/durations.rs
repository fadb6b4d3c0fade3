//! D010 perturbation: a duration in days ("two-day summit", "lasted three days") that agrees
//! with the date range in its sentence ("27-28 February") is changed by one or two days.
//!
//! The sentence must hold exactly one duration in days and one range, no "nights", legs, stops or
//! postponements, and no qualifier on the duration, as the rule requires.

use std::ops::Range;
use std::sync::OnceLock;

use chrono::Datelike;
use regex::Regex;

use super::dates::{days_in_month, month_number, MONTH};
use super::{in_quotes, number_value, sentence_at, write_number_like, Doc, Perturbation};
use crate::prng::SplitMix64;

/// Event nouns a duration may stand before.
const NOUNS: &str = "summit|visit|talks|meeting|meetings|conference|strike|festival|trip|tour|session|event|fair|show|congress|seminar|workshop|exhibition|walkout|stoppage|hearing|trial|course|retreat|mission|ceremony|celebration|celebrations|tournament|championship|auction|convention|forum|negotiations|match|voyage|journey|campaign|protest|rally|stay";

const NUM: &str = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|\d{1,2})";

fn duration_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let pattern = format!(
            r"(?i:\b(?P<d1>{NUM})-day (?:[a-z]+ ){{0,2}}?(?:{NOUNS})\b)|\b(?:lasted|lasting|ran|met for|runs|will last|last) (?:for )?(?P<d2>{NUM}) days\b"
        );
        Regex::new(&pattern).expect("static regex")
    })
}

fn range_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let dash = r"(?:-|–| to | and )";
        let ord = r"(?:st|nd|rd|th)?";
        let pattern = format!(
            r"\b(?:from (?P<fm1>{MONTH})\.? (?P<fa1>\d{{1,2}}){ord} to (?P<fm2>{MONTH})\.? (?P<fb1>\d{{1,2}}){ord}\b|from (?P<fa2>\d{{1,2}}){ord} (?P<gm1>{MONTH}) to (?P<fb2>\d{{1,2}}){ord} (?P<gm2>{MONTH})\b|(?P<a1>\d{{1,2}}){ord}{dash}(?P<b1>\d{{1,2}}){ord} (?P<m1>{MONTH})\b|(?P<m2>{MONTH})\.? (?P<a2>\d{{1,2}}){ord}{dash}(?P<b2>\d{{1,2}}){ord}\b)"
        );
        Regex::new(&pattern).expect("static regex")
    })
}

/// Words that make the rule stay silent (several legs, a rescheduled event, nights).
const SILENT: &[&str] = &[
    "night",
    " leg ",
    " legs",
    " stop ",
    " stops",
    "postpon",
    "moved",
    "reschedul",
    "delay",
    "about",
    "nearly",
    "almost",
    "some ",
    "around",
    "more than",
    "less than",
    "over ",
    "up to",
];

/// A date range found in a sentence: its bytes and the number of calendar days it spans.
pub fn range_days(text: &str, year: Option<i32>) -> Vec<(Range<usize>, i64)> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    for c in range_re().captures_iter(text) {
        let Some(whole) = c.get(0) else { continue };
        if whole.start() > 0 && matches!(bytes[whole.start() - 1], b'0'..=b'9' | b'.' | b',') {
            continue;
        }
        if matches!(
            bytes.get(whole.end()),
            Some(b'0'..=b'9' | b'%' | b'-' | b'/')
        ) {
            continue;
        }
        let num = |n: &str| c.name(n).and_then(|m| m.as_str().parse::<u32>().ok());
        let month = |n: &str| c.name(n).and_then(|m| month_number(m.as_str()));
        let (a, b, m1, m2) = if let (Some(a), Some(b)) = (num("fa1"), num("fb1")) {
            (a, b, month("fm1"), month("fm2"))
        } else if let (Some(a), Some(b)) = (num("fa2"), num("fb2")) {
            (a, b, month("gm1"), month("gm2"))
        } else if let (Some(a), Some(b)) = (num("a1"), num("b1")) {
            (a, b, month("m1"), month("m1"))
        } else if let (Some(a), Some(b)) = (num("a2"), num("b2")) {
            (a, b, month("m2"), month("m2"))
        } else {
            continue;
        };
        let (Some(m1), Some(m2)) = (m1, m2) else {
            continue;
        };
        let days = if m1 == m2 && b > a && b <= days_in_month(2001, m1) {
            i64::from(b - a + 1)
        } else if m2 == m1 % 12 + 1 && (m1 != 2 || year.is_some()) {
            let len = days_in_month(year.unwrap_or(2001), m1);
            if a > len || b > days_in_month(2001, m2) {
                continue;
            }
            i64::from(len - a + 1 + b)
        } else {
            continue;
        };
        out.push((whole.start()..whole.end(), days));
    }
    out
}

/// One duration next to a range it agrees with: (duration bytes, range bytes, days).
pub fn duration_ranges(doc: &Doc<'_>) -> Vec<(Range<usize>, Range<usize>, u64)> {
    let text = doc.text;
    let mut out = Vec::new();
    for c in duration_re().captures_iter(text) {
        let Some(d) = c.name("d1").or(c.name("d2")) else {
            continue;
        };
        let Some(days) = number_value(d.as_str()) else {
            continue;
        };
        if doc.in_caps_line(d.start()) || in_quotes(text, d.start()) {
            continue;
        }
        let s = sentence_at(text, d.start());
        let sentence = &text[s.clone()];
        let lower = sentence.to_lowercase();
        if SILENT.iter().any(|w| lower.contains(w))
            || duration_re().find_iter(sentence).count() != 1
            || lower.matches(" days").count() + lower.matches("-day").count() != 1
        {
            continue;
        }
        let year = doc.reference.map(|r| r.year());
        let ranges = range_days(sentence, year);
        let [(r, n)] = ranges.as_slice() else {
            continue;
        };
        if *n as u64 != days {
            continue;
        }
        out.push((d.start()..d.end(), s.start + r.start..s.start + r.end, days));
    }
    out
}

/// D010: the duration is changed by one or two days (never to zero).
pub fn change_duration(doc: &Doc<'_>, rng: &mut SplitMix64) -> Option<Perturbation> {
    let candidates = duration_ranges(doc);
    let (d, r, days) = rng.pick(&candidates)?.clone();
    let by = 1 + rng.below(2) as u64;
    let new = if days > by && rng.below(2) == 0 {
        days - by
    } else {
        days + by
    };
    let old = &doc.text[d.clone()];
    let with = write_number_like(new, old);
    Some(Perturbation {
        summary: format!("{old}-day → {with}-day ({} days)", days),
        replace: d.clone(),
        with,
        expected: vec![d, r],
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::perturb::testutil::check_copy;
    use chrono::NaiveDate;

    #[test]
    fn range_forms_and_lengths() {
        let t = "held 27-28 February, March 3 to 5, from 30 June to 2 July, Feb 27-March 1, 3.5-4 March";
        let found: Vec<(&str, i64)> = range_days(t, None)
            .into_iter()
            .map(|(r, n)| (&t[r], n))
            .collect();
        assert_eq!(
            found,
            vec![
                ("27-28 February", 2),
                ("March 3 to 5", 3),
                ("from 30 June to 2 July", 3)
            ]
        );
        let leap = "from Feb 28 to March 1";
        assert_eq!(range_days(leap, None), vec![]);
        assert_eq!(range_days(leap, Some(2024)), vec![(0..leap.len(), 3)]);
    }

    #[test]
    fn finds_only_agreeing_single_duration_sentences() {
        let text = "H\n\nThe two-day summit, held 27-28 February in Tirana, ended. A three-day \
visit on June 3-4 was odd. Talks lasted four days, from March 3 to March 6. The two-night stay \
on 3-4 May was short.\n";
        let d = Doc::new(text, NaiveDate::from_ymd_opt(2024, 3, 10));
        let found: Vec<(&str, &str, u64)> = duration_ranges(&d)
            .into_iter()
            .map(|(a, b, n)| (&text[a], &text[b], n))
            .collect();
        assert_eq!(
            found,
            vec![
                ("two", "27-28 February", 2),
                ("four", "from March 3 to March 6", 4)
            ]
        );
    }

    #[test]
    fn changes_duration_by_one_or_two() {
        let text = "H\n\nThe Two-day summit, held 27-28 February in Tirana, ended.\n";
        let d = Doc::new(text, None);
        let mut seen = std::collections::BTreeSet::new();
        for seed in 0..20 {
            let p = change_duration(&d, &mut SplitMix64::new(seed)).expect("candidate");
            assert_eq!(&text[p.replace.clone()], "Two");
            assert_eq!(&text[p.expected[1].clone()], "27-28 February");
            let copy = check_copy(text, &p);
            assert_eq!(&copy[p.expected_in_copy()[1].clone()], "27-28 February");
            seen.insert(p.with);
        }
        assert_eq!(
            seen.into_iter().collect::<Vec<_>>(),
            vec!["Four", "One", "Three"]
        );
    }
}
