//! `D010 duration-range-mismatch`: "a two-day summit" held on a date range of another length.

use crate::article::Span;
use crate::claims::time::{
    sentence_groups, DateRange, Duration, Qualifier, TimeMention, TimeUnit, TimeValue,
};
use crate::claims::time_frame;
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::trace::Outcome;
use crate::rules::{Context, Rule, RuleMeta};

static META: RuleMeta = rule_meta! {
    code: "D010",
    name: "duration-range-mismatch",
    category: Dates,
    default_severity: Severity::Warning,
    summary: "A duration in days (\"two-day summit\") disagrees with the date range given for it \
              (\"27–29 February\" is three days)",
    explanation: "\
## What it checks

A duration in days and a date range in the same sentence: \"the two-day summit, 27–29 February\",
\"talks lasted four days, from March 3 to March 5\", \"three days of talks on June 3-5\", \"the
strike ran from 11 to 15 June\", \"the visit, held August 11 to 16, ...\". A range counts both ends
(27–29 February is three days). With the month written once and \"to\", the first day must follow
\"from\" (\"from 10 to 12 January\"), or the last day must end the clause or come before a place
(\"August 11 to 16, ...\", \"March 3 to 5 in Oslo\"), not before a count or unit. The duration must be exact (no \"about\",
\"nearly\"), stand before an event noun (summit, visit, talks, strike, festival, ...) or after a
verb of lasting (lasted, ran, met for). A stay of N *nights* may span N or N+1 calendar days.

Silent when the sentence has more than one duration in days or more than one range (multi-leg
trips, a duration of something else), when it speaks of legs, stops, postponements or
rescheduling (\"moved from 3 to 5 March\"), or when the range's length depends on an unknown year
(\"Feb 27 to March 1\" with no year and no reference date). Inside a quotation the finding is a
note.

## Why it matters

The length and the dates are two statements of one fact. A mismatch means a day was added or
dropped in one of them, and readers plan travel and coverage on both.

## Example

```text
Summit ends in Tirana

The two-day summit, held 27–29 February in Tirana, ended with a statement.
```

claimlint reports D010 (warning). 27–29 February spans three days: correct the duration or the \
dates.
",
};

/// The `duration-range-mismatch` rule.
pub struct DurationRangeMismatch;

/// The registered instance (see `build.rs`).
pub(crate) static RULE: &dyn Rule = &DurationRangeMismatch;

impl Rule for DurationRangeMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let times = &cx.mentions.times;
        for (sentence, idx) in sentence_groups(cx.article, times) {
            let Some(group) = times.get(idx) else {
                continue;
            };
            let day_durations: Vec<(&TimeMention, &Duration)> = group
                .iter()
                .filter_map(|m| match &m.value {
                    TimeValue::Duration(d) if matches!(d.unit, TimeUnit::Day | TimeUnit::Night) => {
                        Some((m, d))
                    }
                    _ => None,
                })
                .collect();
            let ranges: Vec<(&TimeMention, &DateRange)> = group
                .iter()
                .filter_map(|m| match &m.value {
                    TimeValue::Range(r) => Some((m, r)),
                    _ => None,
                })
                .collect();
            let ([(dm, dur)], [(rm, range)]) = (day_durations.as_slice(), ranges.as_slice()) else {
                continue;
            };
            let Some(days) = range.days else { continue };
            // "met for two days on June 3 and 4, and again on June 10-12": a date nearer the
            // duration than the range (or between them) is the one it measures.
            if other_date_nearer(cx, sentence, dm.span, rm.span) {
                continue;
            }
            if dur.qualifier != Qualifier::Exact || !time_frame::measures_event(cx.article, dm, dur)
            {
                continue;
            }
            if time_frame::schedule_change(cx.article, sentence) {
                cx.compared("D010", &[dm.span, rm.span], Outcome::Skipped, || {
                    "the sentence speaks of legs or a change of dates".into()
                });
                continue;
            }
            let n = i64::from(dur.amount);
            let fits = match dur.unit {
                TimeUnit::Night => n == days || n + 1 == days,
                _ => n == days,
            };
            if fits {
                cx.compared("D010", &[dm.span, rm.span], Outcome::Consistent, || {
                    format!("{n} {:?} fit a range of {days} days", dur.unit)
                });
                continue;
            }
            cx.compared("D010", &[dm.span, rm.span], Outcome::Conflict, || {
                format!("{n} {:?} against a range of {days} days", dur.unit)
            });
            out.push(diagnostic(cx, dm, dur, rm, days));
        }
    }
}

/// True when a calendar date of `sentence` outside the range `range` lies between the duration
/// `dur` and the range, or nearer the duration than the range does.
fn other_date_nearer(cx: &Context<'_>, sentence: Span, dur: Span, range: Span) -> bool {
    let gap = |s: Span| {
        if s.end <= dur.start {
            dur.start - s.end
        } else {
            s.start.saturating_sub(dur.end)
        }
    };
    let range_gap = gap(range);
    let dates = &cx.mentions.dates;
    let lo = dates.partition_point(|d| d.span.start < sentence.start);
    dates
        .get(lo..)
        .unwrap_or_default()
        .iter()
        .take_while(|d| d.span.start < sentence.end)
        .filter_map(|d| d.calendar())
        .filter(|c| !range.overlaps(c.span) && !dur.overlaps(c.span))
        .any(|c| gap(c.span) <= range_gap)
}

fn diagnostic(
    cx: &Context<'_>,
    dm: &TimeMention,
    dur: &Duration,
    rm: &TimeMention,
    days: i64,
) -> Diagnostic {
    let unit = match (dur.unit == TimeUnit::Night, dur.amount == 1) {
        (true, true) => "night",
        (true, false) => "nights",
        (false, true) => "day",
        (false, false) => "days",
    };
    let range_text = cx.article.slice(rm.span);
    let help = if dur.unit == TimeUnit::Night {
        format!(
            "{days} calendar days hold {} or {days} nights; correct the duration or the dates",
            days - 1
        )
    } else {
        "correct the duration or the dates; a range counts both its first and last day".to_string()
    };
    META.report(
        META.severity_for(dm.quoted || rm.quoted),
        format!(
            "a duration of {} {unit} does not fit the range {range_text}, which spans {days} days \
             (both ends included)",
            dur.amount
        ),
    )
    .primary(dm.span, format!("{} {unit}", dur.amount))
    .secondary(
        rm.span,
        format!("{days} days, from the first to the last day inclusive"),
    )
    .help(help)
    .build()
}

#[cfg(test)]
mod tests {

    use chrono::NaiveDate;

    use super::*;

    fn run(text: &str) -> Vec<Diagnostic> {
        crate::rules::findings(text, "D010", NaiveDate::from_ymd_opt(2024, 2, 20))
    }

    #[test]
    fn two_day_summit_over_three_days() {
        let t = "H\n\nThe two-day summit, held 27–29 February in Tirana, ended.";
        let d = run(t);
        assert_eq!(d.len(), 1);
        assert_eq!(
            d[0].message,
            "a duration of 2 days does not fit the range 27–29 February, which spans 3 days (both ends included)"
        );
        let l: Vec<_> = d[0]
            .labels
            .iter()
            .map(|l| (&t[l.span.start..l.span.end], l.primary))
            .collect();
        assert_eq!(l, vec![("two-day", true), ("27–29 February", false)]);
    }

    #[test]
    fn other_forms() {
        assert_eq!(
            run("H\n\nTalks lasted four days, from March 3 to March 5.").len(),
            1
        );
        assert_eq!(run("H\n\nThe three-day festival runs June 3-6.").len(), 1);
        assert_eq!(
            run("H\n\nThey met for two days, March 31-April 2.").len(),
            1
        );
    }

    #[test]
    fn month_written_once_with_to() {
        for t in [
            "H\n\nThe two-day festival, from 10 to 12 January, drew crowds.",
            "H\n\nThe four-day strike ran from 11 to 16 June and closed the port.",
            "H\n\nNegotiators met for four days, from 2 to 4 January, in Split.",
            "H\n\nThe five-day state visit, held August 11 to 16, included talks.",
            "H\n\nThe hearing lasted two days, between 3 and 5 May.",
        ] {
            assert_eq!(run(t).len(), 1, "{t}");
        }
        for t in [
            "H\n\nThe three-day festival, from 10 to 12 January, drew crowds.",
            "H\n\nThe six-day state visit, held August 11 to 16, included talks.",
            // A change of dates, and a single day followed by a figure.
            "H\n\nThe two-day summit was postponed from 10 to 12 January.",
            "H\n\nDuring the two-day fair, prices rose from 3 on June 12 to 16.",
        ] {
            assert!(run(t).is_empty(), "{t}");
        }
    }

    #[test]
    fn consistent_and_traps_are_silent() {
        for t in [
            "H\n\nThe three-day summit, held 27–29 February in Tirana, ended.",
            // Nights: 27–29 February holds two or three nights.
            "H\n\nA two-night stay, 27–29 February, was booked.",
            // Multi-leg.
            "H\n\nThe two-day visit to Paris, 3-4 May, and Berlin, 5-7 May, ends.",
            "H\n\nThe two-day tour's first leg runs 3-5 May.",
            // A duration of something else.
            "H\n\nA 10-day ceasefire was agreed at the summit on 27–29 February.",
            "H\n\nThe summit on 27–29 February was delayed for two days.",
            // Rounding.
            "H\n\nThe nearly two-day summit ran 27–29 February.",
            // A change of dates.
            "H\n\nThe two-day summit was moved from February 27 to March 1.",
        ] {
            assert!(run(t).is_empty(), "{t}");
        }
    }

    #[test]
    fn quoted_is_a_note() {
        let d = run("H\n\nHe said: “the two-day summit, 27–29 February, went well.”");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].severity, Severity::Note);
    }

    #[test]
    fn duration_goes_with_the_nearest_date() {
        let t = "H\n\nDelegates met for two days on June 3 and 4, and again on June 10-12.";
        assert!(run(t).is_empty());
        let t = "H\n\nDelegates met for two days on June 3 and 4, then on June 10-12.";
        assert!(run(t).is_empty());
        // A date farther away than the range does not stop the check.
        let d = run("H\n\nThe two-day summit on June 3-5 was announced on May 20.");
        assert_eq!(d.len(), 1);
    }

    #[test]
    fn one_day_is_singular() {
        let d = run("H\n\nThe one-day summit, held 27–29 February in Tirana, ended.");
        assert_eq!(
            d[0].message,
            "a duration of 1 day does not fit the range 27–29 February, which spans 3 days (both ends included)"
        );
        assert_eq!(d[0].labels[0].message, "1 day");
    }
}
