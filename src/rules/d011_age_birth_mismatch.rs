//! `D011 age-birth-mismatch`: a stated age that does not follow from the birth date or year given
//! for the same person and the article's date.

use chrono::{Datelike, NaiveDate};

use crate::claims::time::{sentence_groups, Age, AgeContext, Birth, TimeMention, TimeValue};
use crate::claims::time_frame;
use crate::diagnostic::{Diagnostic, Severity};
use crate::reference::{Anchor, ReferenceDate};
use crate::rules::trace::Outcome;
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
            let Some(group) = times.get(idx) else {
                continue;
            };
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
                || !time_frame::same_person(cx.article, am, age, bm)
                || time_frame::anchored_elsewhere(
                    cx.article,
                    sentence,
                    am.span.end.max(bm.span.end),
                    birth,
                    reference.date.year(),
                )
            {
                cx.compared("D011", &[am.span, bm.span], Outcome::Skipped, || {
                    "the age is not current, the two are not next to each other, or the sentence \
                     is anchored to another time"
                        .into()
                });
                continue;
            }
            if let Some(d) = finding(am, age, bm, birth, reference, &anchors) {
                out.push(d);
            }
        }
    }
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
