//! `P003 age-conflict`: one person given two ages, or an age in one sentence that the birth
//! date or year in another sentence contradicts.
//!
//! Ages and births come from `claims::age` (via [`crate::claims::time`]) and are linked to a
//! person by [`crate::claims::people`]: "Smith, 45,", "Smith, aged 45,", "the 45-year-old
//! Smith"; "Smith was born in 1979", "Smith (born 1979)", "Smith, born in 1979,". Only current
//! ages count ("was 30 when", "at the age of", "then 30", "would have turned" are other times),
//! outside quotations, and not "turned 45" (a birthday in the story is a time shift). Two ages
//! in sentences that name a year are not compared (another time). D011 checks an age and a
//! birth in one sentence; this rule checks them across sentences and paragraphs.

use chrono::{Datelike, NaiveDate};

use crate::claims::people::Person;
use crate::claims::time::{Age, AgeForm, Birth, TimeMention, TimeValue};
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::trace::Outcome;
use crate::rules::{Context, Rule, RuleMeta};

static META: RuleMeta = rule_meta! {
    code: "P003",
    name: "age-conflict",
    category: People,
    default_severity: Severity::Error,
    summary: "One person is given two different ages, or an age their birth date contradicts",
    explanation: "\
## What it checks

Ages attached to a person (\"Smith, 45,\", \"Smith, aged 45,\", \"the 45-year-old Smith\") and \
births (\"Smith was born in 1979\", \"Smith (born 1979)\", \"Smith, born on 3 March 1979,\"), \
where \"Smith\" is the same person throughout (a surname alone counts as the person already \
named only when one person in the article has that surname).

- Two different current ages for one person: an **error**.
- A current age in one sentence and a birth in another (D011 checks them within one \
  sentence), read against the reference date (`--reference-date`, else the date line): with a \
  full birth date a mismatch is an **error**; with a birth year only (one year of slack) a \
  **warning**.

**Left alone:** ages at another time (\"was 30 when\", \"at the age of 30\", \"then 30\", \"died \
aged 80\"), \"turned 45\" (a birthday), hypothetical ages, ages in quotations, ages in a sentence \
that names a year, two people sharing a surname (the Bidens), and an age with no name next to it.

## Why it matters

A person has one age at a time. Two ages in one article usually mean one was copied from an \
older story.

## Example

```text
Keeper signs new deal

Goalkeeper Tomas Berg, 45, signed a one-year contract on Tuesday. The club said the \
47-year-old Berg would also coach the youth team.
```

claimlint reports P003 (error). Tomas Berg is 45 in one sentence and 47 in another.

```text
Keeper signs new deal

Goalkeeper Tomas Berg, 45, signed a one-year contract on Tuesday. Berg was 30 when he first \
played for the club.
```

claimlint reports nothing. \"was 30 when\" is his age at another time.
",
};

/// The `age-conflict` rule.
pub struct AgeConflict;

/// The registered instance (see `build.rs`).
pub(crate) static RULE: &dyn Rule = &AgeConflict;

impl Rule for AgeConflict {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for person in &cx.mentions.people.persons {
            if person.ages.is_empty() {
                continue;
            }
            ages(cx, person, out);
            births(cx, person, out);
        }
    }
}

fn age_of<'a>(cx: &Context<'a>, i: usize) -> Option<(&'a TimeMention, &'a Age)> {
    let t = cx.mentions.times.get(i)?;
    match &t.value {
        TimeValue::Age(a) if a.form != AgeForm::Turned => Some((t, a)),
        _ => None,
    }
}

fn birth_of<'a>(cx: &Context<'a>, i: usize) -> Option<(&'a TimeMention, &'a Birth)> {
    let t = cx.mentions.times.get(i)?;
    match &t.value {
        TimeValue::Birth(b) => Some((t, b)),
        _ => None,
    }
}

/// True when the sentence holding `pos` names a year (the age may be at another time).
fn dated(cx: &Context<'_>, pos: usize) -> bool {
    let s = cx.article.sentence_at(pos).unwrap_or(crate::source::Span::new(pos, pos));
    crate::text::words::years_in(cx.article.slice(s))
        .next()
        .is_some()
}

fn ages(cx: &Context<'_>, person: &Person, out: &mut Vec<Diagnostic>) {
    let name = cx.article.slice(person.name);
    let list: Vec<(&TimeMention, &Age)> =
        person.ages.iter().filter_map(|&i| age_of(cx, i)).collect();
    let Some(&(first_t, first)) = list.first() else {
        return;
    };
    for &(t, a) in list.get(1..).unwrap_or_default() {
        if a.years == first.years {
            cx.compared(
                &META.code,
                &[first.years_span, a.years_span],
                Outcome::Consistent,
                || format!("{name}: {} both times", a.years),
            );
            continue;
        }
        if dated(cx, first_t.span.start) || dated(cx, t.span.start) {
            cx.compared(
                &META.code,
                &[first.years_span, a.years_span],
                Outcome::Skipped,
                || format!("{name}: a sentence names a year (another time)"),
            );
            continue;
        }
        cx.compared(
            &META.code,
            &[first.years_span, a.years_span],
            Outcome::Conflict,
            || format!("{name}: {} / {}", first.years, a.years),
        );
        out.push(
            META.report(
                META.default_severity,
                format!("{name} is {} here but {} earlier", a.years, first.years),
            )
            .primary(a.years_span, format!("age {}", a.years))
            .secondary(first.years_span, format!("age {}", first.years))
            .help("a person has one age at a time: correct one of them, or say when the other held")
            .build(),
        );
        return;
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

fn births(cx: &Context<'_>, person: &Person, out: &mut Vec<Diagnostic>) {
    let Some(reference) = cx.reference else {
        return;
    };
    let anchors = reference.anchors();
    let Some(anchor) = anchors.first() else {
        return;
    };
    let name = cx.article.slice(person.name);
    for &bi in &person.births {
        let Some((bt, birth)) = birth_of(cx, bi) else {
            continue;
        };
        for &ai in &person.ages {
            let Some((at, age)) = age_of(cx, ai) else {
                continue;
            };
            // One sentence: D011's comparison.
            if cx.article.sentence_at(at.span.start) == cx.article.sentence_at(bt.span.start) {
                continue;
            }
            let Ok(stated) = i32::try_from(age.years) else {
                continue;
            };
            let dated_age = {
                let s = cx
                    .article
                    .sentence_at(at.span.start)
                    .unwrap_or(at.span);
                crate::text::words::years_in(cx.article.slice(s))
                    .any(|(_, y)| y != birth.year)
            };
            if dated_age {
                cx.compared(
                    &META.code,
                    &[age.years_span, birth.value_span],
                    Outcome::Skipped,
                    || format!("{name}: the age's sentence names another year"),
                );
                continue;
            }
            let (exact, fits, expected) = match birth.date {
                Some(b) => (
                    true,
                    anchors.iter().any(|x| age_on(b, x.date) == stated),
                    format!("{}", age_on(b, anchor.date)),
                ),
                None => {
                    let diff = anchor.date.year() - birth.year;
                    (
                        false,
                        anchors.iter().any(|x| {
                            let d = x.date.year() - birth.year;
                            stated == d || stated == d - 1
                        }),
                        format!("{} or {diff}", diff - 1),
                    )
                }
            };
            if fits {
                cx.compared(
                    &META.code,
                    &[age.years_span, birth.value_span],
                    Outcome::Consistent,
                    || format!("{name}: age {stated} fits the birth"),
                );
                continue;
            }
            cx.compared(
                &META.code,
                &[age.years_span, birth.value_span],
                Outcome::Conflict,
                || format!("{name}: age {stated}, expected {expected}"),
            );
            let severity = if exact {
                META.default_severity
            } else {
                Severity::Warning
            };
            out.push(
                META.report(
                    severity,
                    format!(
                        "{name} is {stated} here, but someone born {} is {expected} on {}",
                        cx.article.slice(birth.value_span),
                        crate::rules::format::date(anchor.date)
                    ),
                )
                .primary(age.years_span, format!("age {stated}"))
                .secondary(
                    birth.value_span,
                    if exact {
                        "exact birth date"
                    } else {
                        "birth year only (one year of slack)"
                    },
                )
                .reference_label(reference, "the article's date")
                .help("correct the age or the birth date (if the age is at a past event, say when)")
                .build(),
            );
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::findings;

    fn msgs(t: &str) -> Vec<String> {
        findings(t, "P003", chrono::NaiveDate::from_ymd_opt(2024, 2, 28))
            .into_iter()
            .map(|d| d.message)
            .collect()
    }

    #[test]
    fn two_ages() {
        assert_eq!(
            msgs("Deal\n\nTomas Berg, 45, signed. The 47-year-old Berg will coach.\n"),
            vec!["Tomas Berg is 47 here but 45 earlier"]
        );
        assert!(msgs("Deal\n\nTomas Berg, 45, signed. Berg was 30 when he joined.\n").is_empty());
    }

    #[test]
    fn age_and_birth_across_sentences() {
        assert_eq!(
            msgs("Deal\n\nTomas Berg, 45, signed.\n\nBerg was born in 1970 in Oslo.\n"),
            vec!["Tomas Berg is 45 here, but someone born 1970 is 53 or 54 on February 28, 2024"]
        );
        assert!(msgs("Deal\n\nTomas Berg, 45, signed.\n\nBerg was born in 1979 in Oslo.\n").is_empty());
    }
}
