//! `N012 parts-exceed-total`: a total broken down into parts that add up to more than it
//! ("120 people died, of whom 50 were women and 80 men"), or shares of one breakdown that add
//! up to well over 100%. The breakdowns are claims (`claims::breakdown`); this rule adds up
//! their parts.

use crate::claims::breakdown::{Breakdown, BreakdownKind};
use crate::claims::numbers::NumberMention;
use crate::diagnostic::{Diagnostic, Severity};
use crate::knowledge::numbers::Qualifier;
use crate::rules::trace::Outcome;
use crate::rules::{format, Context, Rule, RuleMeta};

static META: RuleMeta = rule_meta! {
    code: "N012",
    name: "parts-exceed-total",
    category: Numbers,
    default_severity: Severity::Error,
    summary: "The parts of a stated total add up to more than the total",
    explanation: "\
## What it checks

A total broken down in the same sentence: \"Of the 120 victims, 50 were women and 80 men\",
\"120 people died, of whom 50 were women and 80 men\", \"A total of 120 ...: 50 ... and 80 ...\".
The parts must be counts of one kind of category (women / men / children; civilians / soldiers;
killed / injured; or the total's own noun) so that they cannot overlap; their sum must not exceed
the total. Qualifiers widen both sides (\"about 120\", \"more than 50\").

Shares of one breakdown (\"40% voted for, 35% against and 30% abstained\", \"won 45%, 40% and 20%
respectively\") must not add up to more than 100% plus rounding (half a point per share).
Percentages of change (\"rose 5%\") are never added, nor shares of different wholes: different
years (\"in 2017 and 2022 respectively\"), rounds (\"first round\", \"runoff\"), groups
(\"among women ... among men\") or clauses split by a semicolon. Outcomes that overlap (rescued
and injured) are not parts of one breakdown, and a number after \"including\" or \"among them\"
is a subset of the part before it.

With a closure word — \"of whom\", \"of which\", \"in total\", \"in all\", \"the rest\",
\"respectively\" — the breakdown is meant to be complete and the finding is an error; otherwise it
is a warning.

## Why it matters

Parts that exceed their whole cannot all be right: a figure was mistyped or updated in one place
only.

## Example

```text
Plane crash kills 120

The crash killed 120 people, of whom 50 were women and 80 men.
```

claimlint reports N012 (error). 50 + 80 = 130, more than 120: correct the total or one of the \
parts.
",
};

/// The `parts-exceed-total` rule.
pub struct PartsExceedTotal;

/// The registered instance (see `build.rs`).
pub(crate) static RULE: &dyn Rule = &PartsExceedTotal;

impl Rule for PartsExceedTotal {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        // A sentence whose parts exceed their total is not checked again for shares.
        let mut reported = Vec::new();
        for b in &cx.mentions.breakdowns {
            let d = match b.kind {
                BreakdownKind::Parts => parts_exceed(cx, b),
                BreakdownKind::Shares if !reported.contains(&b.sentence) => shares_exceed(cx, b),
                BreakdownKind::Shares => None,
            };
            if let Some(d) = d {
                reported.push(b.sentence);
                out.push(d);
            }
        }
    }
}

fn numbers<'a>(cx: &Context<'a>, b: &Breakdown) -> Vec<&'a NumberMention> {
    b.parts
        .iter()
        .filter_map(|&i| cx.mentions.numbers.get(i))
        .collect()
}

fn parts_exceed(cx: &Context<'_>, b: &Breakdown) -> Option<Diagnostic> {
    let total = cx.mentions.numbers.get(b.total?)?;
    let parts = numbers(cx, b);
    let mut spans: Vec<_> = parts.iter().map(|p| p.span).collect();
    spans.push(total.span);
    let sum_lo: f64 = parts.iter().map(|p| p.interval().0).sum();
    let (_, total_hi) = total.interval();
    if sum_lo <= total_hi {
        cx.compared(&META.code, &spans, Outcome::Consistent, || {
            format!("the parts ({sum_lo}) fit the total")
        });
        return None;
    }
    cx.compared(&META.code, &spans, Outcome::Conflict, || {
        format!("the parts ({sum_lo}) exceed the total")
    });
    let closure = b.closure;
    let severity = if closure {
        META.default_severity
    } else {
        Severity::Warning
    };
    let total_txt = cx.article.slice(total.span);
    let parts_txt: Vec<String> = parts.iter().map(|p| format::number(p.value)).collect();
    let mut d = META
        .report(
            severity,
            format!(
                "the parts add up to {} ({}), more than the total of {}",
                format::number(sum_lo),
                parts_txt.join(" + "),
                format::number(total.value)
            ),
        )
        .secondary(total.span, format!("the total: {total_txt}"));
    let last = parts.len() - 1;
    for (k, p) in parts.iter().enumerate() {
        let msg = if k == last {
            format!("parts so far: {}", format::number(sum_lo))
        } else {
            "a part".to_string()
        };
        d = d.label(p.span, msg, k == last);
    }
    Some(
        d.help(if closure {
            "the breakdown is meant to be complete: correct the total or one of the parts"
        } else {
            "check the total and the parts: if the categories overlap, say so"
        })
        .build(),
    )
}

fn shares_exceed(cx: &Context<'_>, b: &Breakdown) -> Option<Diagnostic> {
    let pcts = numbers(cx, b);
    let spans: Vec<_> = pcts.iter().map(|p| p.span).collect();
    let sum_lo: f64 = pcts.iter().map(|m| m.interval().0).sum();
    let rounding = 0.5 * pcts.len() as f64;
    if sum_lo <= 100.0 + rounding {
        cx.compared(&META.code, &spans, Outcome::Consistent, || {
            format!("the shares add up to {sum_lo}%")
        });
        return None;
    }
    if pcts
        .iter()
        .any(|m| m.qualifier != Qualifier::Exact && m.qualifier != Qualifier::About)
    {
        cx.compared(&META.code, &spans, Outcome::Skipped, || {
            "a share is a bound, not a value".to_string()
        });
        return None;
    }
    cx.compared(&META.code, &spans, Outcome::Conflict, || {
        format!("the shares add up to {sum_lo}%")
    });
    let closure = b.closure;
    let severity = if closure {
        META.default_severity
    } else {
        Severity::Warning
    };
    let parts: Vec<String> = pcts
        .iter()
        .map(|m| format!("{}%", format::number(m.value)))
        .collect();
    let mut d = META.report(
        severity,
        format!(
            "the shares add up to {}% ({}), more than 100%",
            format::number(sum_lo),
            parts.join(" + ")
        ),
    );
    let last = pcts.len() - 1;
    for (k, m) in pcts.iter().enumerate() {
        let msg = if k == last {
            format!("shares so far: {}%", format::number(sum_lo))
        } else {
            "a share".to_string()
        };
        d = d.label(m.span, msg, k == last);
    }
    Some(
        d.help(
            "shares of one whole cannot exceed 100% (beyond rounding): correct one of them, or say \
             that answers could overlap",
        )
        .build(),
    )
}

#[cfg(test)]
mod tests {

    use super::*;

    fn run(body: &str) -> Vec<Diagnostic> {
        crate::rules::findings(&format!("Headline here\n\n{body}"), "N012", None)
    }

    #[test]
    fn parts_exceed() {
        let d = run("The crash killed 120 people, of whom 50 were women and 80 men.");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].severity, Severity::Error);
        assert_eq!(
            d[0].message,
            "the parts add up to 130 (50 + 80), more than the total of 120"
        );
        let d = run("Of the 120 victims, 50 were women and 80 were men.");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].severity, Severity::Warning);
        let d = run("The parties won 45%, 40% and 20% of the vote respectively.");
        assert_eq!(d.len(), 1, "{d:?}");
    }

    #[test]
    fn values_group_thousands_as_in_n013() {
        let d = run("Of the 1,236 passengers, 800 were women and 500 men.");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(
            d[0].message,
            "the parts add up to 1,300 (800 + 500), more than the total of 1,236"
        );
        let labels: Vec<&str> = d[0].labels.iter().map(|l| l.message.as_str()).collect();
        assert_eq!(labels, vec!["the total: 1,236", "a part", "parts so far: 1,300"]);
    }

    #[test]
    fn a_total_noun_containing_age_is_not_an_age() {
        let d = run("Of the 92 hostages, 26 were women and 76 children.");
        assert_eq!(d.len(), 1);
        assert_eq!(
            d[0].message,
            "the parts add up to 102 (26 + 76), more than the total of 92"
        );
    }

    #[test]
    fn fitting_or_overlapping_parts_are_silent() {
        for t in [
            "Of the 120 victims, 50 were women and 60 men, the rest children.",
            "Of the 120 victims, 50 were women and 80 were civilians.",
            "Of the 120 victims, about 50 were women and some 80 men.",
            "About 120 people died, of whom 50 were women and 80 men.",
            "Sales rose 60% and profit 50%, the company said.",
            "The parties won 45%, 35% and 20% of the vote respectively.",
            "Of the 120 victims, 50 were aged 20 to 30.",
            "Of the 12 hostages, 5 were women and 7 children.",
            "The bank holds 40% of car loans, 50% of home loans and 20% of farm loans, it said.",
            "Advisers urge 50% stocks, 35% bonds and 15% cash versus 40% bonds and 60% stocks.",
            "Turnout was 97% and 98% voted yes.",
        ] {
            assert!(run(t).is_empty(), "{t}: {:?}", run(t));
        }
    }

    #[test]
    fn different_wholes_and_subsets_are_silent() {
        for t in [
            "The BJP won 52% and 55% of the vote in Gujarat in 2017 and 2022 respectively.",
            "In the first round, 60% voted for him; in the runoff, 58% did, with the rest abstaining.",
            "She led among women with 55% and he among men with 54%, while 6% were undecided.",
            "Support was 70% and 65% among Democrats and independents respectively.",
            "The bus carried 40 people, of whom 25 were rescued and 20 were injured.",
            "Of the 50 people on board, 40 were rescued, 10 are missing and 6 were injured.",
            "Of the 40 migrants, 28 were adults and 12 were minors, including five girls.",
            "Of the 15 dead, 10 were adults and five were children, among them seven women.",
        ] {
            assert!(run(t).is_empty(), "{t}: {:?}", run(t));
        }
    }

    #[test]
    fn votes_against_and_verb_totals() {
        let d = run("Of the members who voted, 40% voted for, 35% against and 30% abstained.");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].severity, Severity::Warning);
        let d = run("Of the 70 injured, 40 were women, 25 were men and 12 were children.");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(
            d[0].message,
            "the parts add up to 77 (40 + 25 + 12), more than the total of 70"
        );
        assert!(
            run("Of the 70 injured, 40 were women, 20 were men and 10 were children.").is_empty()
        );
        let d = run("Of the 40 people on board, 30 were rescued and 15 were killed.");
        assert_eq!(d.len(), 1, "{d:?}");
    }
}
