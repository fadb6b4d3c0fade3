//! `D013 elapsed-years-mismatch`: "25 years ago, in 1990" in an article dated 2024.

use chrono::Datelike;

use crate::article::Span;
use crate::claims::time::{Qualifier, TimeMention, TimeValue, YearsAgo};
use crate::claims::time_frame;
use crate::diagnostic::{Diagnostic, Severity};
use crate::reference::ReferenceDate;
use crate::rules::{Context, Rule, RuleMeta};

static META: RuleMeta = rule_meta! {
    code: "D013",
    name: "elapsed-years-mismatch",
    category: Dates,
    default_severity: Severity::Warning,
    summary: "\"N years ago\" is written next to a year that is not N years before the article's \
              date",
    explanation: "\
## What it checks

\"N years ago\" (or decades) written right next to a year: \"founded 25 years ago, in 1990\",
\"in 1990, 25 years ago,\", \"25 years ago (1990)\". The years between that year and the reference
date's year (`--reference-date`, else the date line above the headline) must match N:

- exact (\"25 years ago\"): within one year either way, because only years are compared (an event
  in December 1998 is 25 years before February 2024 by the calendar, 26 by the years);
- \"about\", \"some\", \"around\", and any count in decades: within a fifth of N (at least two years);
- \"nearly\", \"almost\", \"less than\", \"under\": at most N + 1, at least N minus a fifth (two
  years at least);
- \"more than\", \"over\", \"at least\": at least N - 1 (no upper bound: \"more than 20 years
  ago\" is true of 34 years).

Silent without a reference date, and when the sentence holds another year between the two (\"in a
2015 interview he said that 25 years ago, in 1990, ...\" is anchored to 2015). Inside a quotation
the finding is a note.

## Why it matters

The count and the year are two statements of one date, and the count is often left unchanged when
a story is reused a year or more later.

## Example

```text
Company marks anniversary

The company was founded 25 years ago, in 1990.
```

With --reference-date 2024-02-28, claimlint reports D013 (warning). 1990 was 34 years before \
2024: correct the count or the year.
",
};

/// The `elapsed-years-mismatch` rule.
pub struct ElapsedYearsMismatch;

/// The registered instance (see `build.rs`).
pub(crate) static RULE: &dyn Rule = &ElapsedYearsMismatch;

impl Rule for ElapsedYearsMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let Some(reference) = cx.reference else {
            return;
        };
        let years: Vec<i32> = {
            let mut y: Vec<i32> = reference.anchors().iter().map(|a| a.date.year()).collect();
            y.dedup();
            y
        };
        // The sorted years of the current sentence, computed once per sentence.
        let mut cached: Option<(Span, Vec<i32>)> = None;
        for m in &cx.mentions.times {
            let TimeValue::YearsAgo(ago) = &m.value else {
                continue;
            };
            let Some((year, year_span)) = ago.year else {
                continue;
            };
            if years.iter().any(|&r| fits(ago, r - year)) {
                continue;
            }
            let sentence = cx.article.sentence_at(m.span.start).unwrap_or(m.span);
            if cached.as_ref().is_none_or(|(s, _)| *s != sentence) {
                cached = Some((sentence, time_frame::years_in(cx.article, sentence)));
            }
            let Some((_, in_sentence)) = cached.as_ref() else {
                continue;
            };
            // Another year strictly between the two: the count may be anchored to that time.
            let next = in_sentence.partition_point(|&y| y <= year);
            if in_sentence
                .get(next)
                .is_some_and(|&y| y < reference.date.year() - 1)
            {
                continue;
            }
            let written = cx.article.slice(m.span);
            out.push(diagnostic(m, written, year, year_span, reference));
        }
    }
}

/// True when `elapsed` whole years fit the stated count with its qualifier.
fn fits(ago: &YearsAgo, elapsed: i32) -> bool {
    let n = i32::try_from(ago.years).unwrap_or(i32::MAX);
    let slack = (n / 5).max(2);
    let qualifier = if ago.decades && ago.qualifier == Qualifier::Exact {
        Qualifier::About
    } else {
        ago.qualifier
    };
    match qualifier {
        Qualifier::Exact => (elapsed - n).abs() <= 1,
        Qualifier::About => (elapsed - n).abs() <= slack,
        Qualifier::AtMost | Qualifier::Nearly => elapsed <= n + 1 && elapsed >= n - slack,
        Qualifier::AtLeast | Qualifier::MoreThan => elapsed >= n - 1,
    }
}

fn diagnostic(
    m: &TimeMention,
    written: &str,
    year: i32,
    year_span: Span,
    reference: &ReferenceDate,
) -> Diagnostic {
    let elapsed = reference.date.year() - year;
    META.report(
        META.severity_for(m.quoted),
        format!(
            "\"{written}\" does not fit {year}: that is {elapsed} years before {}",
            reference.date.year()
        ),
    )
    .primary(m.span, format!("written as {written}"))
    .secondary(year_span, format!("{elapsed} years before the article's year"))
    .reference_label(reference, "the article's date")
    .help(format!(
        "{}; correct the count or the year (the count may come from an older version of the story)",
        reference.explain()
    ))
    .build()
}

#[cfg(test)]
mod tests {

    use chrono::NaiveDate;

    use super::*;

    fn run(text: &str) -> Vec<Diagnostic> {
        crate::rules::findings(text, "D013", NaiveDate::from_ymd_opt(2024, 2, 28))
    }

    #[test]
    fn founded_25_years_ago_in_1990() {
        let t = "H\n\nThe firm was founded 25 years ago, in 1990, in Tirana.";
        let d = run(t);
        assert_eq!(d.len(), 1);
        assert_eq!(
            d[0].message,
            "\"25 years ago\" does not fit 1990: that is 34 years before 2024"
        );
        let l: Vec<_> = d[0]
            .labels
            .iter()
            .map(|l| (&t[l.span.start..l.span.end], l.primary))
            .collect();
        assert_eq!(l, vec![("25 years ago", true), ("1990", false)]);
        assert_eq!(
            run("H\n\nIn 1990, twenty-five years ago, it began.").len(),
            1
        );
    }

    #[test]
    fn rounding_and_slack() {
        for t in [
            "H\n\nIt was founded 25 years ago, in 1999.",
            "H\n\nIt was founded 25 years ago, in 1998.",
            "H\n\nIt was founded nearly 25 years ago, in 2001.",
            "H\n\nIt was founded more than 25 years ago, in 1990.",
            "H\n\nIt was founded about 30 years ago, in 1990.",
            "H\n\nIt was founded three decades ago, in 1990.",
            "H\n\nIn a 2015 interview he said that 25 years ago, in 1990, it began.",
        ] {
            assert!(run(t).is_empty(), "{t}");
        }
        assert_eq!(
            run("H\n\nIt was founded nearly 25 years ago, in 1990.").len(),
            1
        );
        assert_eq!(
            run("H\n\nIt was founded about 20 years ago, in 1990.").len(),
            1
        );
    }

    #[test]
    fn quoted_is_a_note() {
        let d = run("H\n\n“We started 25 years ago, in 1990,” she said.");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].severity, Severity::Note);
    }
}
