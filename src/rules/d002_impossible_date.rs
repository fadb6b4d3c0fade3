//! `D002 impossible-date`: a calendar date that does not exist ("February 30", "June 31").

use crate::claims::dates::{DateMention, Year};
use crate::diagnostic::{Diagnostic, Severity};
use crate::knowledge::calendar::{days_in_month, month_name};
use crate::rules::{Context, Rule, RuleMeta};

static META: RuleMeta = rule_meta! {
    code: "D002",
    name: "impossible-date",
    category: Dates,
    default_severity: Severity::Error,
    summary: "A written date does not exist in the calendar (February 30, June 31)",
    explanation: "\
## What it checks

Dates written with a month name or in ISO form whose day is past the end of the month:
\"February 30, 2024\", \"29 February 2023\", \"2024-04-31\", \"June 31\". With a written year the
check uses that year's calendar; without one, a date is flagged only when it exists in no year
(\"31 April\"), so \"February 29\" alone passes. Numbers that are not days are left alone: a day
is 1 to 31 and must stand next to a capitalised month name (\"May 35\", \"Windows 3.1\", \"in
March 31 pct\", scores and ratios are not dates), and a day the month never has followed by a
plural noun or a verb is a count after an introductory month (\"In June 31 schools closed\"). Inside
a quotation the finding is a warning.

## Why it matters

An impossible date is certainly a typo or a fabrication, and the reader cannot tell which day
was meant: the event may be on the 30th of the previous month or the 1st of the next.

## Example

```text
Treaty signed in Vienna

The treaty was signed in Vienna on February 30, 2024.
```

claimlint reports D002 (error). February 2024 has 29 days: check the source for the intended date.
",
};

/// The `impossible-date` rule.
pub struct ImpossibleDate;

/// The registered instance (see `build.rs`).
pub(crate) static RULE: &dyn Rule = &ImpossibleDate;

impl Rule for ImpossibleDate {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for m in &cx.mentions.dates {
            if let Some(d) = finding(m) {
                out.push(d);
            }
        }
    }
}

fn finding(m: &DateMention) -> Option<Diagnostic> {
    let c = m.calendar()?;
    let name = month_name(c.month);
    let (message, label_text) = match &c.year {
        Year::Written { value, .. } => {
            let days = days_in_month(*value, c.month);
            if c.day <= days {
                return None;
            }
            (
                format!(
                    "{name} {} does not exist: {name} {value} has {days} days",
                    c.day
                ),
                format!("{name} {value} has only {days} days"),
            )
        }
        // Without a written year, only a day that exists in no year is impossible.
        Year::Inferred { .. } | Year::Unknown => {
            if c.exists_in_some_year() {
                return None;
            }
            let days = days_in_month(2000, c.month);
            let most = if c.month == 2 { "at most " } else { "" };
            (
                format!(
                    "{name} {} does not exist: {name} has {most}{days} days",
                    c.day
                ),
                format!("{name} has only {days} days"),
            )
        }
    };
    let mut help = String::from(
        "check the source for the intended date: a digit or the month is probably mistyped",
    );
    if m.quoted {
        help.push_str("; this is inside a quotation, so the speaker may have misspoken");
    }
    Some(
        META.report(META.severity_for(m.quoted), message)
            .primary(c.span, label_text)
            .help(help)
            .build(),
    )
}

#[cfg(test)]
mod tests {

    use super::*;

    fn run(text: &str) -> Vec<Diagnostic> {
        crate::rules::findings(text, "D002", None)
    }

    #[test]
    fn month_day_year() {
        let d = run("H\n\nIt was signed on February 30, 2024 in Rome.");
        assert_eq!(d.len(), 1);
        assert_eq!(
            d[0].message,
            "February 30 does not exist: February 2024 has 29 days"
        );
        assert_eq!(d[0].labels.len(), 1);
        assert_eq!(
            (d[0].labels[0].span.start, d[0].labels[0].span.end),
            (20, 37)
        );
        assert_eq!(d[0].labels[0].message, "February 2024 has only 29 days");
    }

    #[test]
    fn leap_years() {
        let d = run("H\n\nIt was signed on 29 February 2023.");
        assert_eq!(
            d[0].message,
            "February 29 does not exist: February 2023 has 28 days"
        );
        assert!(run("H\n\nIt was signed on 29 February 2024.").is_empty());
        assert!(run("H\n\nIt was signed on February 29.").is_empty());
    }

    #[test]
    fn without_year() {
        let d = run("H\n\nThe deadline is June 31.");
        assert_eq!(d[0].message, "June 31 does not exist: June has 30 days");
        let d = run("H\n\nThe deadline is 31 April.");
        assert_eq!(d[0].message, "April 31 does not exist: April has 30 days");
        let d = run("H\n\nThe deadline is Feb. 30.");
        assert_eq!(
            d[0].message,
            "February 30 does not exist: February has at most 29 days"
        );
    }

    #[test]
    fn iso() {
        let d = run("H\n\nFiled 2023-04-31.");
        assert_eq!(
            d[0].message,
            "April 31 does not exist: April 2023 has 30 days"
        );
    }

    #[test]
    fn traps() {
        for t in [
            "H\n\nWindows 3.1 and a 30-31 vote; May 35 was a name.",
            "H\n\nFrom March 31-April 2 the talks ran.",
            "H\n\nIn June 31-year-old Smith won; in February 30 pct was sold.",
            "H\n\nTheresa May 31 said no.",
        ] {
            assert!(run(t).is_empty(), "{t}");
        }
    }

    #[test]
    fn quoted_is_a_warning() {
        let d = run("H\n\nShe said “see you on June 31” and left.");
        assert_eq!(d[0].severity, Severity::Warning);
    }

    #[test]
    fn month_then_count_is_not_a_date() {
        for t in [
            "H\n\nIn June 31 schools closed because of the heat.",
            "H\n\nIn February 30 migrants drowned off the coast.",
            "H\n\nBy September 31 flights had been cancelled.",
            "H\n\nIn November 31 cases were reported.",
            "H\n\nIn April 31 people died.",
        ] {
            assert!(run(t).is_empty(), "{t}");
        }
        // Slips followed by other words are still found.
        for t in [
            "H\n\nEarnings for the year ending September 31 could double.",
            "H\n\nSales in the year to September 31 after a rise.",
            "H\n\nProfit in the year ended November 31 1986 fell.",
            "H\n\nThe deadline is June 31, schools said.",
        ] {
            assert_eq!(run(t).len(), 1, "{t}");
        }
    }
}
