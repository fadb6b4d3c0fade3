//! `D011 age-birth-mismatch`: a stated age that does not follow from the birth date or year given
//! for the same person and the article's date.

use chrono::{Datelike, NaiveDate};

use crate::article::Span;
use crate::claims::time::{
    sentence_groups, Age, AgeContext, AgeForm, Birth, TimeMention, TimeValue,
};
use crate::diagnostic::{Diagnostic, Severity};
use crate::knowledge::calendar::{month_from_name, weekday_from_name};
use crate::reference::{Anchor, ReferenceDate};
use crate::rules::{format, Context, Rule, RuleMeta};

static META: RuleMeta = rule_meta! {
    code: "D011",
    name: "age-birth-mismatch",
    category: Dates,
    default_severity: Severity::Error,
    summary: "A stated age does not follow from the birth date or year given for the same person",
    explanation: "\
## What it checks

An age (\"Smith, 45,\", \"aged 45\", \"the 45-year-old\", \"turned 45\") and a birth date or year
(\"born in 1979\", \"born on March 3, 1979\") in the same sentence, next to each other with nothing
but \"who was\", brackets, commas or the person's name between them (\"the 45-year-old Anna
Moreau, born in 1979\"), read against the reference date (`--reference-date`, else the date line
above the headline). A \"would\" after both (\"Smith, 45, born in 1979, would step down\") leaves
the age current; \"would have\", \"would be\" or a \"would\" before them does not.

- With a full birth date the age is exact: someone born on March 3, 1979 is 44 on February 28,
  2024 and 45 from March 3. A mismatch is an **error**.
- With a birth year only, the birthday may not have come yet: someone born in 1979 is 44 or 45 in
  2024 (one year of slack). A mismatch is a **warning**.
- When a wire dateline is one day off the reference date (time zones), an age that fits either
  day passes.

**Left alone:** ages at a past event (\"was 30 when\", \"at the age of 30\", \"died aged 80\",
\"then 30\"), hypothetical ages (\"would have turned 50\"), sentences about a death, sentences with
another year in the past (\"In 2010, Smith, 31, born in 1979, ...\" is anchored to 2010), sentences
with more than one age or birth, and an age and birth with another word between them (\"Smith, 45,
and Jones, born in 1970\"; \"Smith, 45, whose father was born in 1940\"). Inside a quotation the
severity drops one level.

## Why it matters

Age and birth date are two statements of one fact; one of them is wrong. Ages are often updated
from an earlier story while the birth date is not, or the reverse.

## Example

```text
Smith turns to politics

John Smith, 45, who was born on March 3, 1970, said he would run.
```

With --reference-date 2024-02-28, claimlint reports D011 (error). On February 28, 2024, someone \
born on March 3, 1970 is 53: correct the age or the birth date.
",
};

/// The `age-birth-mismatch` rule.
pub struct AgeBirthMismatch;

/// The registered instance (see `build.rs`).
pub(crate) static RULE: &dyn Rule = &AgeBirthMismatch;

impl Rule for AgeBirthMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let Some(reference) = cx.reference else {
            return;
        };
        let anchors = reference.anchors();
        let times = &cx.mentions.times;
        for (sentence, idx) in sentence_groups(cx.article, times) {
            let group = &times[idx];
            let ages: Vec<(&TimeMention, &Age)> = group
                .iter()
                .filter_map(|m| match &m.value {
                    TimeValue::Age(a) => Some((m, a)),
                    _ => None,
                })
                .collect();
            let births: Vec<(&TimeMention, &Birth)> = group
                .iter()
                .filter_map(|m| match &m.value {
                    TimeValue::Birth(b) => Some((m, b)),
                    _ => None,
                })
                .collect();
            let ([(am, age)], [(bm, birth)]) = (ages.as_slice(), births.as_slice()) else {
                continue;
            };
            if age.context != AgeContext::Current
                || !adjacent(cx, am, age, bm)
                || sentence_is_anchored_elsewhere(
                    cx,
                    sentence,
                    am.span.end.max(bm.span.end),
                    birth,
                    reference,
                )
            {
                continue;
            }
            if let Some(d) = finding(am, age, bm, birth, reference, &anchors) {
                out.push(d);
            }
        }
    }
}

/// Words that may stand between an age and a birth of the same person.
const GAP_WORDS: &[&str] = &["who", "was", "is", "the", "a", "an"];

/// True when only punctuation, [`GAP_WORDS`] and (birth first) the person's name stand between
/// the age and the birth.
fn adjacent(cx: &Context<'_>, am: &TimeMention, age: &Age, bm: &TimeMention) -> bool {
    let (gap, birth_first) = if am.span.end <= bm.span.start {
        (Span::new(am.span.end, bm.span.start), false)
    } else if bm.span.end <= am.span.start {
        // "Born in 1979, Smith, 45, ...": the gap holds the name.
        let start = age
            .person
            .map_or(am.span.start, |p| p.start.min(am.span.start));
        (Span::new(bm.span.end, start), true)
    } else {
        return false;
    };
    let mut text = cx.article.slice(gap);
    // "The 38-year-old striker, born on ...": the noun the age describes, then a comma or
    // bracket.
    if !birth_first && age.form == AgeForm::YearOld {
        text = skip_head_noun(text);
    }
    let mut names = 0;
    let mut last_was_name = false;
    for word in text.split(|c: char| c.is_whitespace() || matches!(c, ',' | '(' | ')' | '–' | '—'))
    {
        if word.is_empty() {
            continue;
        }
        if GAP_WORDS.contains(&word.to_ascii_lowercase().as_str()) {
            last_was_name = false;
            continue;
        }
        let cap = word.chars().next().is_some_and(char::is_uppercase)
            && month_from_name(word).is_none()
            && weekday_from_name(word).is_none();
        // Birth first: one run of capitalised words (the name: "John Smith") before the age.
        if birth_first && cap && (names == 0 || last_was_name) {
            if !last_was_name {
                names += 1;
            }
            last_was_name = true;
            continue;
        }
        return false;
    }
    true
}

/// Lower-case words that cannot be the noun after "38-year-old".
const NOT_HEAD_NOUNS: &[&str] = &[
    "and",
    "or",
    "but",
    "whose",
    "who",
    "whom",
    "with",
    "of",
    "and",
    "in",
    "at",
    "on",
    "for",
    "to",
    "from",
    "by",
    "his",
    "her",
    "their",
    "whose",
    "said",
    "says",
    "was",
    "is",
    "has",
    "had",
    "father",
    "mother",
    "son",
    "daughter",
    "wife",
    "husband",
    "brother",
    "sister",
    "parents",
    "children",
    "grandfather",
    "grandmother",
    "partner",
    "friend",
];

/// `gap` without the words naming the person the age describes, when a comma or bracket follows
/// them: one or two lower-case nouns ("striker", "former striker") or a name ("Anna Moreau",
/// "Whitmore"); `gap` itself otherwise.
fn skip_head_noun(gap: &str) -> &str {
    let Some(cut) = gap.find([',', '(']) else {
        return gap;
    };
    let words: Vec<&str> = gap[..cut].split_whitespace().collect();
    let is_noun = |w: &&&str| {
        w.chars().all(|c| c.is_ascii_lowercase() || c == '-') && !NOT_HEAD_NOUNS.contains(w)
    };
    let nouns = words.iter().take_while(is_noun).count();
    let names = words[nouns..]
        .iter()
        .take_while(|w| is_name_word(w))
        .count();
    // Nouns before a name could be a verb and its object ("The 45-year-old beat Anna Moreau,
    // born in 1990"): either nouns or a name, not both.
    let fits = !words.is_empty()
        && nouns <= 2
        && names <= 4
        && (nouns == 0 || names == 0)
        && nouns + names == words.len();
    if fits {
        &gap[cut..]
    } else {
        gap
    }
}

/// A word of a person's name: capitalised letters (with inner hyphens, apostrophes or a
/// full stop for an initial), not a month, weekday or possessive ("Smith's").
fn is_name_word(w: &str) -> bool {
    let mut chars = w.chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
        && !w.ends_with("'s")
        && !w.ends_with("’s")
        && !matches!(
            w,
            "The" | "A" | "An" | "And" | "But" | "Or" | "In" | "On" | "At"
        )
        && month_from_name(w.trim_end_matches('.')).is_none()
        && weekday_from_name(w.trim_end_matches('.')).is_none()
}

/// Words that anchor ages to another time: deaths, anniversaries, hypotheticals.
const ANCHOR_WORDS: &[&str] = &[
    "died",
    "dies",
    "death",
    "dead",
    "killed",
    "late",
    "obituary",
    "posthumously",
    "anniversary",
    "then",
    "when",
    "former",
];

/// True when the sentence speaks of a death or another time (a past year other than the birth
/// year): the age may hold at that time, not at the article's date.
fn sentence_is_anchored_elsewhere(
    cx: &Context<'_>,
    sentence: Span,
    pair_end: usize,
    birth: &Birth,
    reference: &ReferenceDate,
) -> bool {
    let text = cx.article.slice(sentence);
    let lower = text.to_ascii_lowercase();
    if lower
        .split(|c: char| !c.is_ascii_alphabetic())
        .any(|w| ANCHOR_WORDS.contains(&w))
    {
        return true;
    }
    // "would" after both the age and the birth, not in "would have": the predicate of the
    // person ("Smith, 55, born in 1969, would step down"), which leaves the age current.
    let pair_end = pair_end - sentence.start;
    let mut words = lower
        .char_indices()
        .filter(|&(i, c)| {
            c.is_ascii_alphabetic() && (i == 0 || !lower.as_bytes()[i - 1].is_ascii_alphabetic())
        })
        .map(|(i, _)| {
            let len = lower[i..]
                .find(|c: char| !c.is_ascii_alphabetic())
                .unwrap_or(lower.len() - i);
            (i, &lower[i..i + len])
        })
        .peekable();
    while let Some((i, w)) = words.next() {
        if w == "would"
            && (i < pair_end
                || words
                    .peek()
                    .is_some_and(|&(_, next)| matches!(next, "have" | "ve" | "be" | "turn")))
        {
            return true;
        }
    }
    // Another four-digit year at least two years before the reference date.
    let bytes = text.as_bytes();
    let mut i = 0;
    while i + 4 <= bytes.len() {
        let boundary_before = i == 0 || !bytes[i - 1].is_ascii_alphanumeric();
        let boundary_after = i + 4 == bytes.len() || !bytes[i + 4].is_ascii_alphanumeric();
        if boundary_before && boundary_after && bytes[i..i + 4].iter().all(u8::is_ascii_digit) {
            let y: i32 = text[i..i + 4].parse().unwrap_or(0);
            if (1500..=2099).contains(&y) && y != birth.year && y < reference.date.year() - 1 {
                return true;
            }
            i += 4;
        } else {
            i += 1;
        }
    }
    false
}

/// Whole years from `born` to `on`.
fn age_on(born: NaiveDate, on: NaiveDate) -> i32 {
    let mut years = on.year() - born.year();
    if (on.month(), on.day()) < (born.month(), born.day()) {
        years -= 1;
    }
    years
}

fn finding(
    am: &TimeMention,
    age: &Age,
    bm: &TimeMention,
    birth: &Birth,
    reference: &ReferenceDate,
    anchors: &[Anchor],
) -> Option<Diagnostic> {
    let stated = i32::try_from(age.years).ok()?;
    let first = anchors.first()?;
    let (exact, expected_text, fits) = match birth.date {
        Some(born) => {
            let fits = anchors.iter().any(|a| age_on(born, a.date) == stated);
            let expected = age_on(born, first.date);
            (
                true,
                format!(
                    "someone born on {} is {expected} on {}",
                    format::date(born),
                    format::date(first.date)
                ),
                fits,
            )
        }
        None => {
            let fits = anchors.iter().any(|a| {
                let diff = a.date.year() - birth.year;
                stated == diff || stated == diff - 1
            });
            let diff = first.date.year() - birth.year;
            (
                false,
                format!(
                    "someone born in {} is {} or {diff} in {}",
                    birth.year,
                    diff - 1,
                    first.date.year()
                ),
                fits,
            )
        }
    };
    if fits {
        return None;
    }
    let base = if exact {
        META.default_severity
    } else {
        Severity::Warning
    };
    let severity = if am.quoted || bm.quoted {
        base.downgrade()
    } else {
        base
    };
    let birth_label = if exact {
        "exact birth date"
    } else {
        "birth year only (one year of slack)"
    };
    Some(
        META.report(
            severity,
            format!("the stated age {stated} does not fit the birth date: {expected_text}"),
        )
        .primary(age.years_span, format!("age {stated}"))
        .secondary(birth.value_span, birth_label)
        .reference_label(reference, "the article's date")
        .help(format!(
            "ages are computed at the {}; correct the age or the birth date (if the age is at a \
             past event, say when)",
            reference.explain()
        ))
        .build(),
    )
}

#[cfg(test)]
mod tests {

    use super::*;

    fn run(text: &str) -> Vec<Diagnostic> {
        crate::rules::findings(text, "D011", NaiveDate::from_ymd_opt(2024, 2, 28))
    }

    #[test]
    fn exact_date_is_an_error() {
        let t = "H\n\nJohn Smith, 45, who was born on March 3, 1970, spoke.";
        let d = run(t);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].severity, Severity::Error);
        assert_eq!(
            d[0].message,
            "the stated age 45 does not fit the birth date: someone born on March 3, 1970 is 53 on February 28, 2024"
        );
        let l: Vec<_> = d[0]
            .labels
            .iter()
            .map(|l| (&t[l.span.start..l.span.end], l.primary))
            .collect();
        assert_eq!(l, vec![("45", true), ("March 3, 1970", false)]);
        // Birthday not yet reached: 44 is right, 45 is not.
        assert!(run("H\n\nJohn Smith, 44, who was born on March 3, 1979, spoke.").is_empty());
        assert_eq!(
            run("H\n\nJohn Smith, 45, who was born on March 3, 1979, spoke.").len(),
            1
        );
    }

    #[test]
    fn year_only_is_a_warning_with_slack() {
        let d = run("H\n\nSmith, 45, born in 1970, spoke.");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].severity, Severity::Warning);
        assert!(run("H\n\nSmith, 45, born in 1979, spoke.").is_empty());
        assert!(run("H\n\nSmith, 44, born in 1979, spoke.").is_empty());
        assert_eq!(run("H\n\nBorn in 1970, John Smith, 45, spoke.").len(), 1);
        assert_eq!(run("H\n\nThe 45-year-old, born in 1970, spoke.").len(), 1);
    }

    #[test]
    fn traps_are_silent() {
        for t in [
            "H\n\nSmith was 30 when he left; he was born in 1970.",
            "H\n\nSmith, who would have turned 50 on Tuesday, was born in 1970.",
            "H\n\nSmith, 45, and Jones, born in 1970, spoke.",
            "H\n\nSmith, 45, whose father was born in 1940, spoke.",
            "H\n\nIn 2010, Smith, 31, born in 1979, won.",
            "H\n\nSmith, who died aged 45, was born in 1960.",
            "H\n\nSmith, 45, born in 1970, and Jones, 50, born in 1974, spoke.",
        ] {
            assert!(run(t).is_empty(), "{t}");
        }
    }

    #[test]
    fn name_after_year_old_and_a_later_would() {
        for t in [
            "H\n\nThe 45-year-old Anna Moreau, born in 1970, won the title.",
            "H\n\nThe 38-year-old Whitmore, born in 1972, signed a contract.",
            "H\n\nThe 28-year-old Sofia Lindqvist, born on October 26, 1975, will lead.",
            "H\n\nThe company said Pedro Hargreaves, 55, who was born in 1931, would step down.",
            "H\n\nThe court heard that Tomas Castell, 53, who was born in 1963, had no record.",
        ] {
            assert_eq!(run(t).len(), 1, "{t}");
        }
        for t in [
            "H\n\nThe 44-year-old Anna Moreau, born in 1979, won the title.",
            "H\n\nThe company said Pedro Hargreaves, 55, who was born in 1969, would step down.",
            // Someone else's birth, a possessive, a second person.
            "H\n\nThe 45-year-old Anna Moreau's father, born in 1950, came.",
            "H\n\nThe 45-year-old and her uncle Karl, born in 1949, signed.",
            "H\n\nThe 45-year-old told Anna Moreau, born in 1950, to leave.",
            "H\n\nThe 45-year-old beat Anna Moreau, born in 1990, in the final.",
            // "would" before the pair, or "would have": another time.
            "H\n\nThe 45-year-old Anna Moreau, born in 1970, would have been the oldest.",
            "H\n\nHe would say Smith, 45, born in 1970, was wrong.",
        ] {
            assert!(run(t).is_empty(), "{t}");
        }
    }

    #[test]
    fn head_noun_now_and_bracketed_birth() {
        let d = run("H\n\nThe 38-year-old striker, born on February 2, 1985, signed on Wednesday.");
        assert_eq!(d.len(), 1);
        assert!(
            d[0].message.contains("is 39 on February 28, 2024"),
            "{}",
            d[0].message
        );
        assert!(run("H\n\nThe 39-year-old striker, born on February 2, 1985, signed.").is_empty());
        let d = run("H\n\nSmith, now 40, was born in 1979 in Leeds.");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].severity, Severity::Warning);
        let d = run("H\n\nJane Smith (born 12 January 1979) is 40.");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].severity, Severity::Error);
        for t in [
            "H\n\nJane Smith (born 12 January 1979) is 45.",
            "H\n\nJane Smith (born 12 January 1979) is 40 percent sure.",
            "H\n\nThe 38-year-old striker's mother, born in 1950, came.",
            "H\n\nThe 38-year-old striker and his father, born in 1950, came.",
        ] {
            assert!(run(t).is_empty(), "{t}");
        }
    }
}
