//! Ages ("Smith, 45,", "aged 45", "45-year-old", "turned 45") with when they hold (now, at a
//! past event, hypothetically), and births ("born in 1970", "born on March 3, 1979"): the
//! person claims that D011 compares. Spans are **bytes** into the article text.

use chrono::NaiveDate;

use crate::article::Span;
use crate::claims::dates;
use crate::claims::time::{number_value, Seg, TimeMention, TimeValue, NUM};
use crate::fast_regex::lazy_regex;
use crate::knowledge::calendar::{month_from_name, weekday_from_name};
use crate::knowledge::lexicon;

/// How an age is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub enum AgeForm {
    /// "Smith, 45,".
    Apposition,
    /// "aged 45", "age 45".
    Aged,
    /// "45-year-old", "45 years old".
    YearOld,
    /// "turned 45", "turns 45".
    Turned,
    /// "(born 12 January 1979) is 45": the age stated after a bracketed birth date.
    Stated,
}

/// When an age holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub enum AgeContext {
    /// Now, at the article's date.
    Current,
    /// At a past event: "was 30 when", "at the age of 30", "died aged 80", "then 30".
    Past,
    /// Not real: "would have turned 50".
    Hypothetical,
}

/// A person's age.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Age {
    /// Years.
    pub years: u32,
    /// The bytes of the number.
    pub years_span: Span,
    /// How it is written.
    pub form: AgeForm,
    /// The name it is attached to ("Smith" in "Smith, 45,"), for the apposition form.
    pub person: Option<Span>,
    /// When the age holds.
    pub context: AgeContext,
}

/// A birth date or year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Birth {
    /// The bytes of the word "born".
    pub born: Span,
    /// The year of birth.
    pub year: i32,
    /// The full date of birth, when written.
    pub date: Option<NaiveDate>,
    /// The bytes of the date or year.
    pub value_span: Span,
}

lazy_regex!(age_re, {
    format!(
        r"(?x)
              \b(?P<name>[A-Z][A-Za-z\u{{C0}}-\u{{24F}}'’.-]*[A-Za-z\u{{C0}}-\u{{24F}}.]),\ (?:now\ )?(?P<an>\d{{1,3}}),
            | \b(?P<aged>[Aa]ged?|[Tt]urn(?:ed|s)?)\ (?P<gn>\d{{1,3}})\b
            | \b(?P<yn>{NUM})[-\ ]years?[-\ ]old\b
            | \(\s*born\ [^()]{{4,40}}\)\ is\ (?P<isn>\d{{1,3}})(?:\ years\ old)?(?:[.,;]|$)
            "
    )
});

lazy_regex!(born_re, r"\b[Bb]orn\b");

lazy_regex!(year_re, r"\b(?P<y>1[5-9]\d\d|20\d\d)\b");

/// Words that cannot be the name in "Name, 45,": months, weekdays and
/// `rules/lexicons/calendar.toml` `[not_age_names]`.
fn not_a_name(w: &str) -> bool {
    month_from_name(w).is_some()
        || weekday_from_name(w).is_some()
        || lexicon::contains(lexicon::calendar::NOT_AGE_NAMES, w)
}

fn age_context(s: &Seg<'_>, start: usize, end: usize) -> AgeContext {
    let before = s.window_before(start, 40).to_ascii_lowercase();
    let after = s.window_after(end, 40).to_ascii_lowercase();
    if before.contains("would have") || before.contains("would be") || before.contains("would turn")
    {
        return AgeContext::Hypothetical;
    }
    let prev = s.word_before(start).to_ascii_lowercase();
    let before = before.trim_end();
    let past_before = [
        " was",
        " were",
        " then",
        "then-",
        " at",
        " died",
        " dies",
        " killed",
        " when",
        "at the age of",
        "at age",
        " as a",
        " as an",
        " late",
        "died aged",
        "dies aged",
        "killed aged",
        "died, aged",
        "death, aged",
        "death aged",
    ];
    let b = format!(" {before}");
    let past_after = [
        " when",
        " at the time",
        " then",
        " in 1",
        " in 20",
        " at his death",
        " at her death",
        " died",
        " was killed",
    ];
    if matches!(
        prev.as_str(),
        "was" | "were" | "then" | "at" | "died" | "age" | "of"
    ) || past_before.iter().any(|p| b.ends_with(p))
        || past_after.iter().any(|p| {
            after
                .trim_start_matches([',', ' '])
                .starts_with(p.trim_start())
        })
    {
        return AgeContext::Past;
    }
    AgeContext::Current
}

/// True unless `text` certainly holds no match of [`age_re`]; `low` is `text` in ASCII lower
/// case (same byte offsets). A necessary condition, much cheaper than the regex: every
/// alternative but "N-year-old" has a space then a digit ("Smith, 45,", "Smith, now 45,",
/// "aged 45", "turned 45", "(born ...) is 45"), preceded by one of those words, and
/// "N-year-old" needs "year" and "old". A non-ASCII character after the space counts as a
/// possible digit (`\d` is Unicode's).
fn may_hold_age(low: &str) -> bool {
    if low.contains("year") && low.contains("old") {
        return true;
    }
    let b = low.as_bytes();
    let cues: [&[u8]; 7] = [b",", b", now", b"age", b"aged", b"turn", b"turns", b") is"];
    b.windows(2).enumerate().any(|(i, w)| {
        let [space, next] = w else { return false };
        *space == b' '
            && (next.is_ascii_digit() || !next.is_ascii())
            && b.get(..i).is_some_and(|head| {
                cues.iter().any(|c| head.ends_with(c)) || head.ends_with(b"turned")
            })
    })
}

/// Push the ages of segment `s` onto `out`. `low` is `s.text` in ASCII lower case.
pub(crate) fn ages(s: &Seg<'_>, low: &str, out: &mut Vec<TimeMention>) {
    if !may_hold_age(low) {
        return;
    }
    for c in age_re().captures_iter(s.text) {
        let (n, form, person) = if let (Some(name), Some(n)) = (c.name("name"), c.name("an")) {
            let bare = name.as_str().trim_end_matches('.');
            if not_a_name(bare) || bare.len() < 2 {
                continue;
            }
            (
                n,
                AgeForm::Apposition,
                Some(s.span(name.start(), name.end())),
            )
        } else if let (Some(kw), Some(n)) = (c.name("aged"), c.name("gn")) {
            let form = if kw.as_str().to_ascii_lowercase().starts_with("turn") {
                AgeForm::Turned
            } else {
                AgeForm::Aged
            };
            (n, form, None)
        } else if let Some(n) = c.name("yn") {
            (n, AgeForm::YearOld, None)
        } else if let Some(n) = c.name("isn") {
            // "Jane Smith (born 12 January 1979) is 40.": the age after the bracket.
            (n, AgeForm::Stated, None)
        } else {
            continue;
        };
        let Some(years) = number_value(n.as_str()) else {
            continue;
        };
        if !(1..=120).contains(&years) {
            continue;
        }
        // A number glued to a decimal or list ("Smith, 4.5," / "1, 2,") is no age.
        let mut next = s.text.get(n.end()..).unwrap_or_default().chars();
        let (c1, c2) = (next.next(), next.next());
        if c1 == Some('%') || (c1 == Some('.') && c2.is_some_and(|c| c.is_ascii_digit())) {
            continue;
        }
        let Some(all) = c.get(0) else { continue };
        let context = age_context(s, n.start(), all.end());
        s.push(
            out,
            n.start(),
            n.end().max(if form == AgeForm::YearOld {
                all.end()
            } else {
                n.end()
            }),
            TimeValue::Age(Age {
                years,
                years_span: s.span(n.start(), n.end()),
                form,
                person,
                context,
            }),
        );
    }
}

/// Push the births of segment `s` onto `out`.
pub(crate) fn births(s: &Seg<'_>, out: &mut Vec<TimeMention>) {
    for m in born_re().find_iter(s.text) {
        // "Sheffield-born", "born-again", "first-born" are no birth dates.
        let prev = s
            .text
            .get(..m.start())
            .unwrap_or_default()
            .chars()
            .next_back();
        let next = s.text.get(m.end()..).unwrap_or_default().chars().next();
        if prev == Some('-') || next == Some('-') {
            continue;
        }
        // The clause after "born": up to 60 bytes, stopping at a sentence or clause break.
        let window = s.window_after(m.end(), 60);
        let stop = window
            .find([';', '.', ':', '!', '?', ')'])
            .map(|i| {
                // keep "Feb." / "St." inside the window when a digit follows later
                if window.get(i..).is_some_and(|r| r.starts_with('.'))
                    && window
                        .get(..i)
                        .is_some_and(|b| b.ends_with(|c: char| c.is_alphabetic()))
                {
                    let w = window
                        .get(..i)
                        .unwrap_or_default()
                        .rsplit(|c: char| !c.is_alphabetic())
                        .next()
                        .unwrap_or("");
                    if month_from_name(w).is_some() {
                        return window.len();
                    }
                }
                i
            })
            .unwrap_or(window.len());
        let mut stop = stop;
        for cut in [" and ", " but ", " while ", " whose ", " who ", " when "] {
            if let Some(i) = window.get(..stop).and_then(|w| w.find(cut)) {
                stop = stop.min(i);
            }
        }
        let clause_end = m.end() + stop;
        // A written date with a year first ("born on March 3, 1979").
        let lo = s
            .dates
            .partition_point(|d| d.span.start < s.offset + m.end());
        let date = s
            .dates
            .get(lo..)
            .unwrap_or_default()
            .iter()
            .take_while(|d| d.span.start < s.offset + clause_end)
            .find_map(|d| {
                let c = d.calendar()?;
                let y = match c.year {
                    dates::Year::Written { value, .. } => value,
                    _ => return None,
                };
                Some((y, c.date, c.span))
            });
        let found = date.or_else(|| {
            let clause = s.text.get(m.end()..clause_end)?;
            let y = year_re().captures(clause)?;
            let ym = y.name("y")?;
            let value: i32 = ym.as_str().parse().ok()?;
            Some((
                value,
                None,
                s.span(m.end() + ym.start(), m.end() + ym.end()),
            ))
        });
        let Some((year, date, value_span)) = found else {
            continue;
        };
        s.push(
            out,
            m.start(),
            value_span.end - s.offset,
            TimeValue::Birth(Birth {
                born: s.span(m.start(), m.end()),
                year,
                date,
                value_span,
            }),
        );
    }
}

#[cfg(test)]
mod gate_tests {
    use super::*;

    /// Wherever the age regex matches, the gate lets the segment through (it may also let
    /// through segments with no age: it is only a necessary condition).
    #[test]
    fn gate_never_hides_an_age() {
        let pieces = [
            "Smith",
            "Mary",
            ",",
            ", ",
            " ",
            "now ",
            "45",
            "4",
            "120",
            "٤٥",
            "aged ",
            "Age ",
            "turned ",
            "Turns ",
            "turn ",
            "year",
            "years",
            "-",
            "old",
            " old",
            "(born ",
            ")",
            " is ",
            "in 1990",
            ".",
            "forty-five",
            "three",
            "the",
            "É",
        ];
        let found = crate::test_text::agree(
            0x2545_f491_4f6c_dd1d,
            &pieces,
            (8, 60_000),
            |t| Vec::from_iter(age_re().is_match(t).then_some(true)),
            |t| {
                Vec::from_iter(
                    age_re()
                        .is_match(t)
                        .then(|| may_hold_age(&t.to_ascii_lowercase())),
                )
            },
        );
        assert!(found > 1_500, "{found}");
    }

    #[test]
    fn gate_rejects_plain_numbers() {
        for t in [
            "On Tuesday 5 people were hurt, police said.",
            "The 12 men and 30 women (4 children)",
            "It rose 4.5% in 2023.",
        ] {
            assert!(!may_hold_age(&t.to_ascii_lowercase()), "{t}");
        }
        for t in [
            "Jane Smith, 45, said",
            "aged 9",
            "a 45-year-old man",
            "He turned 30.",
        ] {
            assert!(may_hold_age(&t.to_ascii_lowercase()), "{t}");
        }
    }
}
