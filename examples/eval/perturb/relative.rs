//! D012 perturbation: a relative date written with its own weekday or date ("yesterday
//! (Monday)", "tomorrow, March 3", "last Friday, March 1") that agrees with the article's date is
//! shifted so that it no longer can.
//!
//! The article date is the reference date; a wire dateline within one day of it is a second
//! anchor (the rule's time-zone slack), and the shifted day must be wrong from both anchors by at
//! least two days. "last/next/this WEEKDAY, DATE" keeps its weekday (the date moves by whole
//! weeks), so D001 has nothing to say and the rule under test is the only one that can.

use std::ops::Range;
use std::sync::OnceLock;

use chrono::{Datelike, Duration, NaiveDate};
use regex::Regex;

use super::dates::{month_number, write_month, MONTH, WEEKDAYS};
use super::{in_quotes, sentence_at, Doc, Perturbation};
use crate::prng::SplitMix64;

const WEEKDAY: &str = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";

fn relative_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let date = format!(
            r"(?:(?P<m1>{MONTH})(?P<dot1>\.?) (?P<d1>\d{{1,2}})|(?P<d2>\d{{1,2}}) (?P<m2>{MONTH})(?P<dot2>\.?))\b"
        );
        let pattern = format!(
            r"\b(?P<rel>[Yy]esterday|[Tt]oday|[Tt]omorrow|(?P<which>[Ll]ast|[Nn]ext|[Tt]his) (?P<wd>{WEEKDAY}))(?:, | \()(?:on )?(?:(?P<wd2>{WEEKDAY})\b|{date})"
        );
        Regex::new(&pattern).expect("static regex")
    })
}

fn any_date_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(&format!(
            r"\b(?:{WEEKDAY})\b|\b(?:{MONTH})\.? \d{{1,2}}\b|\b\d{{1,2}} (?:{MONTH})\b|\b(?:yesterday|today|tomorrow)\b"
        ))
        .expect("static regex")
    })
}

/// The anchors of `doc`: its reference date and, when within one day of it, the dateline's day.
pub fn anchors(doc: &Doc<'_>) -> Vec<NaiveDate> {
    let Some(r) = doc.reference else {
        return Vec::new();
    };
    let mut out = vec![r];
    let dateline = doc.dateline.as_ref().and_then(|d| doc.text.get(d.clone()));
    if let Some(line) = dateline {
        let re = Regex::new(&format!(r"(?P<m>{MONTH})\.?\s+(?P<d>\d{{1,2}})")).ok();
        let caps = re.as_ref().and_then(|re| re.captures(line));
        if let Some(c) = caps {
            let m = c.name("m").and_then(|m| month_number(m.as_str()));
            let d = c.name("d").and_then(|d| d.as_str().parse::<u32>().ok());
            if let (Some(m), Some(d)) = (m, d) {
                let day = (r.year() - 1..=r.year() + 1)
                    .filter_map(|y| NaiveDate::from_ymd_opt(y, m, d))
                    .find(|x| (*x - r).num_days().abs() == 1);
                out.extend(day);
            }
        }
    }
    out
}

/// Which relative expression and what it allows, as days from an anchor (inclusive).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Window {
    /// yesterday / today / tomorrow: exactly this offset.
    Exact(i64),
    /// last / next / this WEEKDAY: a range of offsets.
    Between(i64, i64),
}

impl Window {
    fn allows(self, offset: i64) -> bool {
        match self {
            Window::Exact(o) => offset == o,
            Window::Between(a, b) => (a..=b).contains(&offset),
        }
    }

    /// Days from the nearest allowed offset (0 when allowed).
    fn distance(self, offset: i64) -> i64 {
        match self {
            Window::Exact(o) => (offset - o).abs(),
            Window::Between(a, b) => (a - offset).max(offset - b).max(0),
        }
    }
}

/// One relative date with its explicit weekday or date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Relative {
    /// The relative words ("yesterday", "last Friday").
    pub rel: Range<usize>,
    /// The explicit weekday or date.
    pub explicit: Range<usize>,
    /// The day-of-month digits when a date is written.
    pub day: Option<Range<usize>>,
    /// The date (resolved) or `None` for a bare weekday.
    pub date: Option<NaiveDate>,
    /// The weekday index (0 = Monday) of the explicit part.
    pub weekday: usize,
    /// Window allowed around each anchor.
    pub window: Window,
    /// Day first ("3 March").
    pub day_first: bool,
    /// The month as written ("Feb.", "March").
    pub month_text: String,
}

/// Relative dates of `doc` that agree with one of its anchors.
pub fn relatives(doc: &Doc<'_>) -> Vec<Relative> {
    let anchors = anchors(doc);
    let Some(&reference) = anchors.first() else {
        return Vec::new();
    };
    let text = doc.text;
    let mut out = Vec::new();
    for c in relative_re().captures_iter(text) {
        let (Some(whole), Some(rel)) = (c.get(0), c.name("rel")) else {
            continue;
        };
        if in_quotes(text, whole.start()) || doc.in_caps_line(whole.start()) {
            continue;
        }
        let s = sentence_at(text, whole.start());
        let sentence = &text[s.clone()];
        // Another weekday, date or relative day in the sentence may anchor it elsewhere.
        let others = any_date_re()
            .find_iter(sentence)
            .filter(|m| s.start + m.end() <= whole.start() || s.start + m.start() >= whole.end())
            .count();
        let lower = sentence.to_lowercase();
        if others > 0 || lower.contains("update") || lower.contains("correct") {
            continue;
        }
        let rel_word = rel.as_str().to_lowercase();
        let window = match (
            c.name("which").map(|w| w.as_str().to_lowercase()),
            rel_word.as_str(),
        ) {
            (Some(w), _) if w == "last" => Window::Between(-14, -1),
            (Some(w), _) if w == "next" => Window::Between(1, 14),
            (Some(_), _) => Window::Between(-7, 7),
            (None, "yesterday") => Window::Exact(-1),
            (None, "today") => Window::Exact(0),
            (None, _) => Window::Exact(1),
        };
        let named = c.name("wd").map(|w| w.as_str());
        if let Some(wd2) = c.name("wd2") {
            // "yesterday (Monday)": a bare weekday; only with yesterday/today/tomorrow.
            let Window::Exact(o) = window else { continue };
            let idx = WEEKDAYS
                .iter()
                .position(|w| *w == wd2.as_str())
                .unwrap_or(0);
            let fits = anchors
                .iter()
                .any(|a| (*a + Duration::days(o)).weekday().num_days_from_monday() as usize == idx);
            if fits {
                out.push(Relative {
                    rel: rel.start()..rel.end(),
                    explicit: wd2.start()..wd2.end(),
                    day: None,
                    date: None,
                    weekday: idx,
                    window,
                    day_first: false,
                    month_text: String::new(),
                });
            }
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
        let Ok(day) = d.as_str().parse::<u32>() else {
            continue;
        };
        let Some(date) = (reference.year() - 1..=reference.year() + 1)
            .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
            .min_by_key(|x| (*x - reference).num_days().abs())
        else {
            continue;
        };
        let idx = date.weekday().num_days_from_monday() as usize;
        if named.is_some_and(|n| n != WEEKDAYS[idx]) {
            continue;
        }
        if !anchors
            .iter()
            .any(|a| window.allows((date - *a).num_days()))
        {
            continue;
        }
        let dot = c.name("dot1").or(c.name("dot2")).map_or("", |x| x.as_str());
        let explicit = if day_first {
            d.start()..m.end() + dot.len()
        } else {
            m.start()..d.end()
        };
        out.push(Relative {
            rel: rel.start()..rel.end(),
            explicit,
            day: Some(d.start()..d.end()),
            date: Some(date),
            weekday: idx,
            window,
            day_first,
            month_text: format!("{}{dot}", m.as_str()),
        });
    }
    out
}

/// D012: shift the explicit weekday or date so that it is at least two days outside what the
/// relative words allow from every anchor. A bare weekday is replaced by another weekday; a
/// date after yesterday/today/tomorrow moves by 2–5 days; a date after last/next/this WEEKDAY
/// moves by whole weeks (its weekday stays right).
pub fn shift_relative(doc: &Doc<'_>, rng: &mut SplitMix64) -> Option<Perturbation> {
    let candidates = relatives(doc);
    let hit = rng.pick(&candidates)?.clone();
    let anchors = anchors(doc);
    let far = |date: NaiveDate| {
        anchors
            .iter()
            .all(|a| hit.window.distance((date - *a).num_days()) >= 2)
    };
    let old = doc.text[hit.explicit.clone()].to_string();
    let Some(date) = hit.date else {
        // A bare weekday: every anchor's expected weekday is at least two days away (mod 7).
        let Window::Exact(o) = hit.window else {
            return None;
        };
        let expected: Vec<i64> = anchors
            .iter()
            .map(|a| i64::from((*a + Duration::days(o)).weekday().num_days_from_monday()))
            .collect();
        let options: Vec<&str> = (0..7i64)
            .filter(|w| {
                expected.iter().all(|e| {
                    let d = (w - e).rem_euclid(7);
                    d.min(7 - d) >= 2
                })
            })
            .map(|w| WEEKDAYS[w as usize])
            .collect();
        let new = *rng.pick(&options)?;
        return Some(Perturbation {
            summary: format!("{} ({old}) → {new}", &doc.text[hit.rel.clone()]),
            replace: hit.explicit.clone(),
            with: new.to_string(),
            expected: vec![hit.explicit, hit.rel],
        });
    };
    let options: Vec<i64> = match hit.window {
        Window::Exact(_) => [-5, -4, -3, -2, 2, 3, 4, 5].to_vec(),
        Window::Between(..) => [-28, -21, -14, -7, 7, 14, 21, 28].to_vec(),
    };
    let options: Vec<i64> = options
        .into_iter()
        .filter(|s| far(date + Duration::days(*s)))
        .collect();
    // The smallest shifts that work, in either direction.
    let best = options.iter().map(|s| s.abs()).min()?;
    let options: Vec<i64> = options
        .into_iter()
        .filter(|s| s.abs() <= best + 7)
        .collect();
    let shift = *rng.pick(&options)?;
    let new = date + Duration::days(shift);
    let month = write_month(new.month(), &hit.month_text);
    let with = if hit.day_first {
        format!("{} {month}", new.day())
    } else {
        format!("{month} {}", new.day())
    };
    Some(Perturbation {
        summary: format!("{} {old} → {with}", &doc.text[hit.rel.clone()]),
        replace: hit.explicit.clone(),
        with,
        expected: vec![hit.explicit, hit.rel],
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
    fn anchors_include_a_dateline_one_day_off() {
        let text = "HEADLINE\n\nKYIV, Feb 27 - Talks ended.\n";
        assert_eq!(
            anchors(&Doc::new(text, date(2024, 2, 28))),
            vec![
                date(2024, 2, 28).unwrap_or_default(),
                date(2024, 2, 27).unwrap_or_default()
            ]
        );
        assert_eq!(anchors(&Doc::new(text, date(2024, 3, 28))).len(), 1);
    }

    #[test]
    fn finds_agreeing_relatives_only() {
        // 28 February 2024 was a Wednesday.
        let text = "H\n\nThe ministers met yesterday (Tuesday) in Tirana. They meet tomorrow, \
29 February. He left last Friday, Feb. 23. She came yesterday (Monday). The bank said on Monday \
that it would pay tomorrow, Feb 29.\n";
        let d = Doc::new(text, date(2024, 2, 28));
        let found: Vec<(&str, &str)> = relatives(&d)
            .iter()
            .map(|r| (&text[r.rel.clone()], &text[r.explicit.clone()]))
            .collect();
        assert_eq!(
            found,
            vec![
                ("yesterday", "Tuesday"),
                ("tomorrow", "29 February"),
                ("last Friday", "Feb. 23")
            ]
        );
    }

    #[test]
    fn weekday_moves_two_or_more_days() {
        let text = "H\n\nThe ministers met yesterday (Tuesday) in Tirana.\n";
        let d = Doc::new(text, date(2024, 2, 28));
        let mut seen = std::collections::BTreeSet::new();
        for seed in 0..30 {
            let p = shift_relative(&d, &mut SplitMix64::new(seed)).expect("candidate");
            assert_eq!(&text[p.replace.clone()], "Tuesday");
            assert_eq!(&text[p.expected[1].clone()], "yesterday");
            check_copy(text, &p);
            seen.insert(p.with);
        }
        assert_eq!(
            seen.into_iter().collect::<Vec<_>>(),
            vec!["Friday", "Saturday", "Sunday", "Thursday"]
        );
    }

    #[test]
    fn dates_move_out_of_their_window() {
        let text = "H\n\nThey meet tomorrow, 29 February, and he left last Friday, Feb. 23.\n";
        // Two relatives in one sentence: each has another date beside it, so neither is used.
        assert!(relatives(&Doc::new(text, date(2024, 2, 28))).is_empty());
        let text = "H\n\nThey meet tomorrow, 29 February.\n";
        let d = Doc::new(text, date(2024, 2, 28));
        for seed in 0..20 {
            let p = shift_relative(&d, &mut SplitMix64::new(seed)).expect("candidate");
            assert_eq!(&text[p.replace.clone()], "29 February");
            let copy = check_copy(text, &p);
            let day: i64 = p
                .with
                .split(' ')
                .next()
                .and_then(|x| x.parse().ok())
                .unwrap_or(0);
            assert!(
                p.with.ends_with("February") || p.with.ends_with("March"),
                "{copy}"
            );
            if p.with.ends_with("February") {
                assert!((day - 29).abs() >= 2);
            }
        }
        let text = "H\n\nHe left last Friday, Feb. 23.\n";
        let d = Doc::new(text, date(2024, 2, 28));
        for seed in 0..20 {
            let p = shift_relative(&d, &mut SplitMix64::new(seed)).expect("candidate");
            // Feb 23 is 5 days back; out of 1..=14 by two days: Feb 9 or earlier, or Mar 1 on.
            assert!(
                ["Feb. 9", "Feb. 2", "Mar. 1", "Mar. 8"].contains(&p.with.as_str()),
                "{}",
                p.with
            );
            check_copy(text, &p);
        }
    }
}
