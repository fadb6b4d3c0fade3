//! Perturbations of an age against a birth year (D011) and of "N years ago" against a year
//! (D013). Both need the article's date (the Reuters manifest date; BBC files have none).
//!
//! Only statements that are consistent in the original and that the rules claim to read are
//! used: the age and the birth right next to each other ("Smith, 45, born in 1979"; "aged 45,
//! born on March 3, 1979"; "the 45-year-old Smith, born in 1979"), and "N years ago" right next
//! to its year ("25 years ago, in 1999"; "in 1999, 25 years ago"; "25 years ago (1999)"), in a
//! sentence with no other year, outside quotations, not about a death or a past age.

use std::ops::Range;
use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate};
use regex::Regex;

use super::dates::{month_number, MONTH};
use super::{in_quotes, number_value, sentence_at, Doc, Perturbation};
use crate::prng::SplitMix64;

fn birth_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let birth = format!(
            r"born(?: in| on)?[ \t]+(?:(?P<m1>{MONTH})\.?[ \t]+(?P<d1>\d{{1,2}}),[ \t]+|(?P<d2>\d{{1,2}})[ \t]+(?P<m2>{MONTH})[ \t]+)?(?P<y>(?:19|20)\d\d)\b"
        );
        let pattern = format!(
            r"(?:, (?P<a1>\d{{1,3}}),|\baged (?P<a2>\d{{1,3}}),|\b[Tt]he (?P<a3>\d{{1,3}})-year-old(?: [A-Z][a-z]+){{0,2}},) (?:who was )?{birth}"
        );
        Regex::new(&pattern).expect("static regex")
    })
}

fn year_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"\b(?:1[89]|20)\d\d\b").expect("static regex"))
}

/// Words that make an age belong to a past moment or a death (left alone by the rule).
const PAST_AGE: &[&str] = &[
    "died",
    "death",
    "dead",
    "killed",
    "was buried",
    "when he",
    "when she",
    "at the age",
    "then ",
    "would have",
    "late ",
];

/// A sentence around `at` that holds exactly the years in `allowed` and none of `PAST_AGE`.
fn clean_sentence(text: &str, at: &Range<usize>, allowed: usize) -> bool {
    let s = sentence_at(text, at.start);
    let sentence = &text[s];
    let lower = sentence.to_lowercase();
    year_re().find_iter(sentence).count() == allowed
        && !PAST_AGE.iter().any(|w| lower.contains(w))
        && !in_quotes(text, at.start)
}

/// One age-and-birth statement found in an article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AgeBirth {
    /// The age digits.
    pub age: Range<usize>,
    /// The birth year digits.
    pub year: Range<usize>,
    /// The whole match.
    pub whole: Range<usize>,
    /// Age value.
    pub age_value: i32,
    /// Birth date when the month and day are written, else `None`.
    pub birth_date: Option<NaiveDate>,
    /// Birth year.
    pub birth_year: i32,
}

/// The age someone born on `birth` has on `on`.
pub fn age_on(birth: NaiveDate, on: NaiveDate) -> i32 {
    let mut age = on.year() - birth.year();
    if (on.month(), on.day()) < (birth.month(), birth.day()) {
        age -= 1;
    }
    age
}

/// Age-and-birth statements of `doc` that agree with its date.
pub fn age_births(doc: &Doc<'_>) -> Vec<AgeBirth> {
    let Some(reference) = doc.reference else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for c in birth_re().captures_iter(doc.text) {
        let (Some(whole), Some(y)) = (c.get(0), c.name("y")) else {
            continue;
        };
        let Some(age) = c.name("a1").or(c.name("a2")).or(c.name("a3")) else {
            continue;
        };
        let (Ok(age_value), Ok(birth_year)) = (age.as_str().parse::<i32>(), y.as_str().parse())
        else {
            continue;
        };
        let birth_date = match (c.name("m1").or(c.name("m2")), c.name("d1").or(c.name("d2"))) {
            (Some(m), Some(d)) => {
                let Some(date) = month_number(m.as_str())
                    .and_then(|m| NaiveDate::from_ymd_opt(birth_year, m, d.as_str().parse().ok()?))
                else {
                    continue;
                };
                Some(date)
            }
            _ => None,
        };
        let consistent = match birth_date {
            Some(b) => age_on(b, reference) == age_value,
            None => {
                let d = reference.year() - birth_year;
                age_value == d || age_value == d - 1
            }
        };
        let whole = whole.start()..whole.end();
        if !consistent || !clean_sentence(doc.text, &whole, 1) || doc.in_dateline(&whole) {
            continue;
        }
        out.push(AgeBirth {
            age: age.start()..age.end(),
            year: y.start()..y.end(),
            whole,
            age_value,
            birth_date,
            birth_year,
        });
    }
    out
}

/// D011: the birth year of a consistent age-and-birth statement is shifted by 2 to 5 years (a
/// birth year alone allows one year of slack), never into the future.
pub fn shift_birth_year(doc: &Doc<'_>, rng: &mut SplitMix64) -> Option<Perturbation> {
    let candidates = age_births(doc);
    let hit = rng.pick(&candidates)?.clone();
    let reference = doc.reference?;
    let by = 2 + rng.below(4) as i32;
    let later = hit.birth_year + by;
    let new = if rng.below(2) == 0 && later < reference.year() - 1 {
        later
    } else {
        hit.birth_year - by
    };
    Some(Perturbation {
        summary: format!("age {} born {} → {new}", hit.age_value, hit.birth_year),
        replace: hit.year.clone(),
        with: new.to_string(),
        expected: vec![hit.year, hit.age],
    })
}

fn ago_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let n = r"(?P<q>(?i:about|some|around|nearly|almost|more than|over|at least|less than|under) )?(?P<n>\d{1,3}|(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)) (?P<u>years?|decades?) ago";
        let pattern = format!(
            r"\b(?:{n}(?:,? in (?P<y1>(?:1[89]|20)\d\d)\b| \((?P<y2>(?:1[89]|20)\d\d)\))|[Ii]n (?P<y3>(?:1[89]|20)\d\d), {n2}\b)",
            n2 = n
                .replace("?P<q>", "?P<q2>")
                .replace("?P<n>", "?P<n2>")
                .replace("?P<u>", "?P<u2>")
        );
        Regex::new(&pattern).expect("static regex")
    })
}

/// How an "N years ago" count may be read: the bounds of the elapsed years it allows.
pub fn ago_bounds(n: i32, qualifier: &str, decades: bool) -> (i32, i32) {
    let fifth = (n / 5).max(2);
    match qualifier.trim().to_lowercase().as_str() {
        "" if !decades => (n - 1, n + 1),
        "" | "about" | "some" | "around" => (n - fifth, n + fifth),
        "nearly" | "almost" | "less than" | "under" => (n - fifth, n + 1),
        _ => (n - 1, i32::MAX),
    }
}

/// One "N years ago" next to its year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YearsAgo {
    /// The year digits.
    pub year: Range<usize>,
    /// The "N years ago" words (with any qualifier).
    pub ago: Range<usize>,
    /// The written year.
    pub year_value: i32,
    /// Elapsed years it allows.
    pub bounds: (i32, i32),
}

/// "N years ago" statements of `doc` that agree with its date.
pub fn years_agos(doc: &Doc<'_>) -> Vec<YearsAgo> {
    let Some(reference) = doc.reference else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for c in ago_re().captures_iter(doc.text) {
        let Some(whole) = c.get(0) else { continue };
        let Some(y) = c.name("y1").or(c.name("y2")).or(c.name("y3")) else {
            continue;
        };
        let Some(n) = c.name("n").or(c.name("n2")) else {
            continue;
        };
        let q = c.name("q").or(c.name("q2")).map_or("", |m| m.as_str());
        let unit = c.name("u").or(c.name("u2")).map_or("", |m| m.as_str());
        let decades = unit.starts_with("decade");
        let Some(count) = number_value(n.as_str()) else {
            continue;
        };
        let years = count as i32 * if decades { 10 } else { 1 };
        let Ok(year_value) = y.as_str().parse::<i32>() else {
            continue;
        };
        let bounds = ago_bounds(years, q, decades);
        let elapsed = reference.year() - year_value;
        let r = whole.start()..whole.end();
        if elapsed < bounds.0 || elapsed > bounds.1 || !clean_sentence(doc.text, &r, 1) {
            continue;
        }
        let ago_start = c
            .name("q")
            .or(c.name("q2"))
            .map_or(n.start(), |m| m.start());
        let ago_end = c.name("u").or(c.name("u2")).map_or(n.end(), |m| m.end()) + " ago".len();
        out.push(YearsAgo {
            year: y.start()..y.end(),
            ago: ago_start..ago_end,
            year_value,
            bounds,
        });
    }
    out
}

/// D013: the year next to "N years ago" is moved so that the elapsed years leave the range the
/// count allows by at least two years (three or more years of change), never past the article's
/// year.
pub fn shift_years_ago(doc: &Doc<'_>, rng: &mut SplitMix64) -> Option<Perturbation> {
    let candidates = years_agos(doc);
    let hit = rng.pick(&candidates)?.clone();
    let reference = doc.reference?.year();
    let elapsed = reference - hit.year_value;
    let margin = 2 + rng.below(3) as i32;
    // Move the year earlier (more years elapsed) or later (fewer).
    let earlier = hit.year_value - (hit.bounds.1.saturating_sub(elapsed) + margin);
    let later = hit.year_value + (elapsed - hit.bounds.0) + margin;
    let can_earlier = hit.bounds.1 != i32::MAX;
    let can_later = later <= reference && later - hit.year_value >= 3;
    let new = match (can_earlier, can_later) {
        (true, true) if rng.below(2) == 0 => later,
        (true, _) => earlier,
        (false, true) => later,
        (false, false) => return None,
    };
    if (new - hit.year_value).abs() < 3 {
        return None;
    }
    Some(Perturbation {
        summary: format!("{}, {} → {new}", &doc.text[hit.ago.clone()], hit.year_value),
        replace: hit.year.clone(),
        with: new.to_string(),
        expected: vec![hit.year, hit.ago],
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::perturb::testutil::check_copy;

    fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn finds_consistent_age_births_only() {
        let text = "H\n\nJohn Smith, 45, born in 1979, spoke. Ann Lee, aged 30, who was born on \
March 3, 1994, left. The 50-year-old Tom Hardy, born in 1960, came. Bob Ray, 40, died; he was \
born in 1984.\n";
        let d = Doc::new(text, date(2024, 2, 28));
        let found: Vec<(i32, i32, bool)> = age_births(&d)
            .iter()
            .map(|a| (a.age_value, a.birth_year, a.birth_date.is_some()))
            .collect();
        // Ann Lee is 29 on 28 February 2024 (born 3 March 1994): inconsistent, skipped. Tom
        // Hardy would be 63 or 64. Bob Ray's sentence is about a death and has a gap anyway.
        assert_eq!(found, vec![(45, 1979, false)]);
        assert!(age_births(&Doc::new(text, None)).is_empty());
    }

    #[test]
    fn age_on_counts_birthdays() {
        let b = NaiveDate::from_ymd_opt(1979, 3, 3).unwrap_or_default();
        assert_eq!(age_on(b, date(2024, 2, 28).unwrap_or_default()), 44);
        assert_eq!(age_on(b, date(2024, 3, 3).unwrap_or_default()), 45);
    }

    #[test]
    fn shifts_birth_year_by_two_to_five() {
        let text = "H\n\nThe chief, Ann Lee, aged 44, who was born on March 3, 1979, left.\n";
        let d = Doc::new(text, date(2024, 2, 28));
        for seed in 0..20 {
            let p = shift_birth_year(&d, &mut SplitMix64::new(seed)).expect("candidate");
            assert_eq!(&text[p.replace.clone()], "1979");
            assert_eq!(&text[p.expected[1].clone()], "44");
            let new: i32 = p.with.parse().unwrap_or(0);
            assert!((2..=5).contains(&(new - 1979).abs()), "{new}");
            assert!(new < 2023);
            let copy = check_copy(text, &p);
            assert_eq!(&copy[p.expected_in_copy()[0].clone()], p.with);
            assert_eq!(&copy[p.expected_in_copy()[1].clone()], "44");
        }
    }

    #[test]
    fn finds_years_ago_forms_and_bounds() {
        let text = "H\n\nIt was founded 25 years ago, in 1999. Thirty years ago (1994) it began. In 1994, about 30 years ago, it \
began. Nearly two decades ago (2005) it moved. He said in 2010 that 25 years ago, in 1999, \
it was.\n";
        let d = Doc::new(text, date(2024, 5, 1));
        let found: Vec<(&str, i32, (i32, i32))> = years_agos(&d)
            .iter()
            .map(|y| (&text[y.ago.clone()], y.year_value, y.bounds))
            .collect();
        assert_eq!(
            found,
            vec![
                ("25 years ago", 1999, (24, 26)),
                ("Thirty years ago", 1994, (29, 31)),
                ("about 30 years ago", 1994, (24, 36)),
                ("Nearly two decades ago", 2005, (16, 21)),
            ]
        );
        assert_eq!(ago_bounds(20, "more than", false), (19, i32::MAX));
        assert_eq!(ago_bounds(20, "nearly", true), (16, 21));
    }

    #[test]
    fn shifts_year_out_of_range() {
        let text = "H\n\nThe plant opened 25 years ago, in 1999, and grew.\n";
        let d = Doc::new(text, date(2024, 5, 1));
        let mut seen = std::collections::BTreeSet::new();
        for seed in 0..20 {
            let p = shift_years_ago(&d, &mut SplitMix64::new(seed)).expect("candidate");
            assert_eq!(&text[p.replace.clone()], "1999");
            assert_eq!(&text[p.expected[1].clone()], "25 years ago");
            let new: i32 = p.with.parse().unwrap_or(0);
            let elapsed = 2024 - new;
            assert!(!(23..=27).contains(&elapsed), "{new}");
            assert!((new - 1999).abs() >= 3);
            check_copy(text, &p);
            seen.insert(new > 1999);
        }
        assert_eq!(seen.len(), 2);
        let over = "H\n\nIt opened more than 20 years ago, in 1999.\n";
        let p = shift_years_ago(&Doc::new(over, date(2024, 5, 1)), &mut SplitMix64::new(1))
            .expect("candidate");
        assert!(p.with.parse::<i32>().unwrap_or(0) >= 2005);
    }
}
