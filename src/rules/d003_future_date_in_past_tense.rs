//! `D003 future-date-in-past-tense`: "was held on March 3, 2024" in an article dated February
//! 28, 2024. The tense is read in [`crate::claims::tense`]; this rule only compares.

use chrono::Duration;

use crate::claims::tense::Tense;
use crate::claims::time_frame;
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::trace::Outcome;
use crate::rules::{format, Context, Rule, RuleMeta};

static META: RuleMeta = rule_meta! {
    code: "D003",
    name: "future-date-in-past-tense",
    category: Dates,
    default_severity: Severity::Error,
    summary: "A date after the article's date is told in the past tense (\"was held on March 3, \
              2024\" in an article of February 28, 2024)",
    explanation: "\
## What it checks

A date with a written year, governed by a past-tense event verb (\"was held on\", \"took place
on\", \"had been signed on\", \"met on\"), that lies more than one day after the article's
reference date (`--reference-date`, else the front matter or the date line; the wire dateline's
day counts too). One day of slack covers time zones and a story dated the day before.

**Left alone:** plans and conditions (\"will be held\", \"was scheduled for\", \"was due to be
held\", \"was expected\", \"would\"; a planning word anywhere earlier in the clause counts), a
bare participle (\"the summit, held on ...\"), dates without a written year (the year inferred
from the reference date could be last year's), update and correction paragraphs (written later),
and articles without a reference date. Inside a quotation the finding is a warning.

## Why it matters

An event told as past cannot lie in the article's future: either the date is wrong (often a
digit or the year) or the story was dated too early. Both mislead readers about what has
happened.

## Example

```text
Wednesday, February 28, 2024

Leaders meet in Tirana

The summit was held on March 3, 2024 in Tirana.
```

claimlint reports D003 (error). March 3, 2024 is after the article's date, so the summit cannot
have been held yet: correct the date, or write \"will be held\".

```text
Wednesday, February 28, 2024

Leaders to meet in Tirana

The summit will be held on March 3, 2024 in Tirana.
```

claimlint reports nothing. A plan for a later date is told in the future tense.
",
};

/// The `future-date-in-past-tense` rule.
pub struct FutureDateInPastTense;

/// The registered instance (see `build.rs`).
pub(crate) static RULE: &dyn Rule = &FutureDateInPastTense;

impl Rule for FutureDateInPastTense {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let Some(reference) = cx.reference else {
            return;
        };
        let Some(latest) = reference.anchors().iter().map(|a| a.date).max() else {
            return;
        };
        let cutoff = time_frame::update_cutoff(cx.article);
        for m in &cx.mentions.dates {
            let (Some(g), Some(c)) = (m.governing, m.calendar()) else {
                continue;
            };
            if g.tense != Tense::Past {
                continue;
            }
            let spans = [g.verb, c.span];
            let Some(date) = c.date.filter(|_| c.year.is_written()) else {
                cx.compared(&META.code, &spans, Outcome::Skipped, || {
                    "no year written: the inferred year could be last year's".into()
                });
                continue;
            };
            if m.span.start >= cutoff {
                cx.compared(&META.code, &spans, Outcome::Skipped, || {
                    "in an update paragraph, written after the article's date".into()
                });
                continue;
            }
            let ahead = (date - latest).num_days();
            if date <= latest + Duration::days(1) {
                cx.compared(&META.code, &spans, Outcome::Consistent, || {
                    format!("past tense, {ahead} days from the article's date (slack 1)")
                });
                continue;
            }
            cx.compared(&META.code, &spans, Outcome::Conflict, || {
                format!("past tense, {ahead} days after the article's date")
            });
            let ahead = (date - reference.date).num_days();
            let verb = cx.article.slice(g.verb);
            let d = META
                .report(
                    META.severity_for(m.quoted),
                    format!(
                        "\"{verb}\" tells as past an event dated {}, {ahead} days after the \
                         article's date {}",
                        format::date(date),
                        format::date(reference.date),
                    ),
                )
                .primary(c.span, format!("{ahead} days after the article's date"))
                .secondary(g.verb, "past tense")
                .reference_label(reference, "the article's date")
                .help(format!(
                    "{}; correct the date, or write the event in the future tense (\"will be \
                     held\") if it is still to come",
                    reference.explain()
                ))
                .build();
            out.push(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    fn run(text: &str, reference: Option<NaiveDate>) -> Vec<Diagnostic> {
        crate::rules::findings(text, "D003", reference)
    }

    fn feb28() -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(2024, 2, 28)
    }

    #[test]
    fn past_tense_after_the_article_date() {
        let t = "H\n\nThe summit was held on March 3, 2024 in Tirana.";
        let d = run(t, feb28());
        assert_eq!(d.len(), 1);
        assert_eq!(
            d[0].message,
            "\"was held\" tells as past an event dated March 3, 2024, 4 days after the article's \
             date February 28, 2024"
        );
        assert_eq!(d[0].severity, Severity::Error);
        let l: Vec<_> = d[0]
            .labels
            .iter()
            .map(|l| (&t[l.span.start..l.span.end], l.primary))
            .collect();
        assert_eq!(l, vec![("was held", false), ("March 3, 2024", true)]);
    }

    #[test]
    fn plans_slack_and_no_reference_are_silent() {
        for t in [
            "H\n\nThe summit will be held on March 3, 2024 in Tirana.",
            "H\n\nOfficials said it was scheduled for March 3, 2024.",
            "H\n\nThe vote was due to be held on March 3, 2024.",
            "H\n\nThe vote was expected to be held on March 3, 2024.",
            "H\n\nThe vote would be held on March 3, 2024.",
            "H\n\nThe summit was held on February 29, 2024.",
            "H\n\nThe summit was held on February 20, 2024.",
            "H\n\nThe summit was held on March 3 in Tirana.",
        ] {
            assert!(run(t, feb28()).is_empty(), "{t}");
        }
        assert!(run("H\n\nThe summit was held on March 3, 2024.", None).is_empty());
    }

    #[test]
    fn quoted_is_a_warning() {
        let d = run(
            "H\n\n“The summit was held on March 3, 2024,” he said.",
            feb28(),
        );
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].severity, Severity::Warning);
    }
}
