//! `D012 relative-date-mismatch`: a relative date ("yesterday", "last Friday", "earlier this
//! month") written next to a weekday or date that it cannot be, given the article's date.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use crate::article::Span;
use crate::claims::time::{
    AttachedDay, PeriodPart, PeriodUnit, TimeMention, TimeValue, WeekdayQualifier,
};
use crate::claims::time_frame::{self, SentenceFrame};
use crate::diagnostic::{Diagnostic, Severity};
use crate::knowledge::calendar::{month_name, weekday_name};
use crate::reference::{Anchor, ReferenceDate};
use crate::rules::trace::Outcome;
use crate::rules::{format, Context, Rule, RuleMeta};

static META: RuleMeta = rule_meta! {
    code: "D012",
    name: "relative-date-mismatch",
    category: Dates,
    default_severity: Severity::Warning,
    summary: "A relative date (yesterday, last Friday, earlier this month) is written with a \
              weekday or date it cannot be, given the article's date",
    explanation: "\
## What it checks

Relative dates that come with their own weekday or date, read against the article's reference
date (`--reference-date`, else the date line above the headline):

- \"yesterday (Monday)\", \"today, Wednesday\", \"tomorrow, March 3\": the day before, of or after
  the reference date;
- \"last Friday, March 1\": a date 1 to 14 days before; \"next Friday, February 23\": 1 to 14 days
  after; \"this Friday (March 1)\": within 7 days either way;
- \"earlier this month, on March 28\", \"last week (Feb 20)\", \"next month, on April 2\": the
  right week, month or year (\"earlier\" up to the reference day, \"later\" from it). A year period
  (\"last year, on March 3\") is checked only when the date's year is written.
- Weeks are calendar weeks running Monday to Sunday: \"last week\" is the Monday-to-Sunday week
  before the reference date's, so from Friday, March 8, 2024, \"last week, on March 6\" is wrong
  (March 6 is in the same week). A week may also start on Sunday (\"last week\" written on a
  Sunday may mean the seven days up to Saturday), and both readings are widened by one day at
  each end (±1 day); a date fitting any of them passes. \"The past week\" is the seven days up to
  the reference date.

**Time zones.** A wire dateline (\"KYIV, Feb 27 (Reuters) -\") gives the reporter's local day,
which may be one day off the reference date (the wire's timestamp). When the dateline's day lies
within one day of the reference date, an expression that fits *either* day passes. That is the
only slack: without a second day in the article, \"yesterday\" is exactly one day before the
reference date. A weekday written with its own date (\"Friday, March 1\") is never given slack;
when the two disagree, D001 reports it and this rule stays silent.

**Left alone:** quotations (a speaker's \"yesterday\" is anchored to when they spoke);
reported speech with another day or date in the sentence (\"said on Monday that ... tomorrow\"
may be anchored to Monday); anything from an update or correction paragraph on, and sentences that mention an
update (they are written later than the reference date).

## Why it matters

The relative word and the explicit day are two statements of one date. When they disagree, one
is wrong, and readers cannot tell which: often the story was written a day earlier than it was
dated, or a date was copied from an earlier version.

## Example

```text
Wednesday, February 28, 2024

Ministers meet in Tirana

The ministers met yesterday (Monday) in Tirana.
```

claimlint reports D012 (warning). Yesterday, from Wednesday February 28, was Tuesday: correct \
the weekday, or write \"on Monday\".
",
};

/// The `relative-date-mismatch` rule.
pub struct RelativeDateMismatch;

/// The registered instance (see `build.rs`).
pub(crate) static RULE: &dyn Rule = &RelativeDateMismatch;

impl Rule for RelativeDateMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let Some(reference) = cx.reference else {
            return;
        };
        let anchors = reference.anchors();
        let cutoff = time_frame::update_cutoff(cx.article);
        let times = &cx.mentions.times;
        // Facts about the current sentence, computed once per sentence so that a huge sentence
        // with many mentions stays linear.
        let mut info: Option<SentenceFrame> = None;
        for m in times {
            if m.quoted || m.span.start >= cutoff {
                continue;
            }
            let Some(problem) = problem(m, &anchors) else {
                continue;
            };
            let sentence = cx.article.sentence_at(m.span.start).unwrap_or(m.span);
            if info.as_ref().is_none_or(|i| i.span != sentence) {
                info = Some(SentenceFrame::new(
                    cx.article,
                    &cx.mentions.times,
                    &cx.mentions.dates,
                    sentence,
                ));
            }
            let Some(i) = info.as_ref() else { continue };
            if i.update || (i.speech && i.has_other(m.span)) {
                cx.compared("D012", &[m.span], Outcome::Skipped, || {
                    if i.update {
                        "the sentence mentions an update (written after the article's date)".into()
                    } else {
                        "reported speech with another day in the sentence: may be anchored to when it was said".into()
                    }
                });
                continue;
            }
            cx.compared(
                "D012",
                &[problem.relative, problem.attached.span],
                Outcome::Conflict,
                || {
                    format!(
                        "written as {}, expected {}",
                        problem.written, problem.expected
                    )
                },
            );
            out.push(diagnostic(problem, reference));
        }
    }
}

/// What is wrong with one mention.
struct Problem {
    /// The relative words ("yesterday", "last Friday", "earlier this month").
    relative: Span,
    /// The weekday or date written with them.
    attached: AttachedDay,
    /// What was written, for the message ("Monday", "March 1, 2024").
    written: String,
    /// What the relative words mean from the reference date ("Tuesday", "a date 1 to 14 days
    /// before").
    expected: String,
}

fn problem(m: &TimeMention, anchors: &[Anchor]) -> Option<Problem> {
    match &m.value {
        TimeValue::RelativeDay(r) => {
            let a = r.attached?;
            let fits = |an: &Anchor| {
                let exp = an.date + Duration::days(r.offset);
                match (a.date, a.weekday) {
                    (Some(d), _) => d == exp,
                    (None, Some(w)) => w == exp.weekday(),
                    (None, None) => true,
                }
            };
            if anchors.iter().any(fits) {
                return None;
            }
            let exp = anchors.first()?.date + Duration::days(r.offset);
            let (written, expected) = match a.date {
                Some(d) => (format::long_date(d), format::long_date(exp)),
                None => (
                    weekday_name(a.weekday?).to_string(),
                    weekday_name(exp.weekday()).to_string(),
                ),
            };
            Some(Problem {
                relative: r.word,
                attached: a,
                written,
                expected,
            })
        }
        TimeValue::Weekday(w) => {
            let a = w.date?;
            let d = a.date?;
            // A weekday that does not match its own date is D001's finding.
            if d.weekday() != w.weekday || w.qualifier == WeekdayQualifier::On {
                return None;
            }
            let (lo, hi) = match w.qualifier {
                WeekdayQualifier::Last => (-14, -1),
                WeekdayQualifier::Next => (1, 14),
                WeekdayQualifier::This => (-7, 7),
                WeekdayQualifier::On => return None,
            };
            if anchors.iter().any(|an| {
                let diff = (d - an.date).num_days();
                (lo..=hi).contains(&diff)
            }) {
                return None;
            }
            let expected = nearest(anchors.first()?.date, w.weekday, w.qualifier);
            Some(Problem {
                relative: Span::new(m.span.start, w.weekday_span.end),
                attached: a,
                written: format::long_date(d),
                expected: format::long_date(expected),
            })
        }
        TimeValue::Period(p) => {
            let a = p.attached?;
            let d = a.date?;
            if p.unit == PeriodUnit::Year && !a.year_written {
                return None;
            }
            if anchors
                .iter()
                .any(|an| period_fits(p.unit, p.offset, p.part, an.date, d))
            {
                return None;
            }
            Some(Problem {
                relative: p.words,
                attached: a,
                written: format::long_date(d),
                expected: period_phrase(p.unit, p.offset, p.part, anchors.first()?.date),
            })
        }
        _ => None,
    }
}

/// The date a qualified weekday most plausibly names from `from`: the latest such weekday
/// before it ("last"), the first after it ("next"), or the one within three days ("this").
fn nearest(from: NaiveDate, weekday: Weekday, q: WeekdayQualifier) -> NaiveDate {
    let days: Vec<i64> = match q {
        WeekdayQualifier::Last => (1..=7).map(|d| -d).collect(),
        WeekdayQualifier::Next => (1..=7).collect(),
        _ => (-3..=3).collect(),
    };
    days.into_iter()
        .map(|d| from + Duration::days(d))
        .find(|d| d.weekday() == weekday)
        .unwrap_or(from)
}

fn month_index(d: NaiveDate) -> i64 {
    i64::from(d.year()) * 12 + i64::from(d.month0())
}

/// True when `d` lies in the period from `reference` (with the part's bound).
fn period_fits(
    unit: PeriodUnit,
    offset: i64,
    part: PeriodPart,
    reference: NaiveDate,
    d: NaiveDate,
) -> bool {
    let diff = (d - reference).num_days();
    let in_period = match (unit, part) {
        (PeriodUnit::Week, PeriodPart::Past) => (-7..=0).contains(&diff),
        (PeriodUnit::Month, PeriodPart::Past) => (-31..=0).contains(&diff),
        (PeriodUnit::Year, PeriodPart::Past) => (-366..=0).contains(&diff),
        (PeriodUnit::Week, _) => week_fits(reference, offset, d),
        (PeriodUnit::Month, _) => month_index(d) - month_index(reference) == offset,
        (PeriodUnit::Year, _) => i64::from(d.year()) - i64::from(reference.year()) == offset,
    };
    in_period
        && match part {
            PeriodPart::Earlier => diff <= 0,
            PeriodPart::Later => diff >= 0,
            _ => true,
        }
}

/// The calendar week `offset` weeks from the one holding `reference` (Monday to Sunday), as
/// its first and last day.
fn calendar_week(reference: NaiveDate, offset: i64) -> (NaiveDate, NaiveDate) {
    let monday = reference - Duration::days(i64::from(reference.weekday().num_days_from_monday()))
        + Duration::days(7 * offset);
    (monday, monday + Duration::days(6))
}

/// True when `d` lies in the calendar week `offset` weeks from the reference's ("last week" is
/// -1). Weeks run Monday to Sunday; weeks that start on Sunday are accepted too (on a Sunday,
/// "last week" may mean the seven days up to Saturday), and either reading is widened by one
/// day at each end for a late-night event or a slipped time zone.
fn week_fits(reference: NaiveDate, offset: i64, d: NaiveDate) -> bool {
    let sunday_based = reference + Duration::days(1);
    [calendar_week(reference, offset), {
        let (a, b) = calendar_week(sunday_based, offset);
        (a - Duration::days(1), b - Duration::days(1))
    }]
    .iter()
    .any(|(a, b)| *a - Duration::days(1) <= d && d <= *b + Duration::days(1))
}

fn period_phrase(unit: PeriodUnit, offset: i64, part: PeriodPart, reference: NaiveDate) -> String {
    let bound = match part {
        PeriodPart::Earlier => " up to the article's date",
        PeriodPart::Later => " after the article's date",
        _ => "",
    };
    match (unit, part) {
        (PeriodUnit::Week, PeriodPart::Past) => "a date in the 7 days before".to_string(),
        (PeriodUnit::Month, PeriodPart::Past) => "a date in the 31 days before".to_string(),
        (PeriodUnit::Year, PeriodPart::Past) => "a date in the year before".to_string(),
        (PeriodUnit::Week, _) => {
            let (a, b) = calendar_week(reference, offset);
            let which = match offset {
                -1 => "the previous week",
                1 => "the next week",
                _ => "the same week",
            };
            format!(
                "a date in {which}, {} to {}{bound}",
                format::long_day(a),
                format::long_date(b)
            )
        }
        (PeriodUnit::Month, _) => {
            let idx = month_index(reference) + offset;
            let (y, m) = (idx.div_euclid(12), idx.rem_euclid(12) + 1);
            format!("a date in {} {y}{bound}", month_name(m as u32))
        }
        (PeriodUnit::Year, _) => {
            format!("a date in {}{bound}", i64::from(reference.year()) + offset)
        }
    }
}


fn diagnostic(p: Problem, reference: &ReferenceDate) -> Diagnostic {
    let mut d = META
        .report(
            META.default_severity,
            format!(
                "this relative date cannot be {}: from {} it is {}",
                p.written,
                format::long_date(reference.date),
                p.expected
            ),
        )
        .primary(p.attached.span, format!("written as {}", p.written))
        .secondary(
            p.relative,
            format!("from the article's date this is {}", p.expected),
        )
        .reference_label(reference, "the article's date");
    if let Some(dl) = reference.dateline.filter(|dl| dl.date != reference.date) {
        d = d.secondary(dl.span, "the dateline's day, also accepted (time zones)");
    }
    d.help(format!(
        "{}; correct the weekday or date, or the relative word (the text may have been written \
         on another day than it is dated)",
        reference.explain()
    ))
    .build()
}

#[cfg(test)]
mod tests {

    use super::*;

    fn run(text: &str, reference: Option<NaiveDate>) -> Vec<Diagnostic> {
        crate::rules::findings(text, "D012", reference)
    }

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn spans(text: &str, d: &Diagnostic) -> Vec<(String, bool)> {
        d.labels
            .iter()
            .map(|l| (text[l.span.start..l.span.end].to_string(), l.primary))
            .collect()
    }

    #[test]
    fn yesterday_with_wrong_weekday() {
        let t =
            "Wednesday, February 28, 2024\n\nH\n\nThe ministers met yesterday (Monday) in Tirana.";
        let d = run(t, None);
        assert_eq!(d.len(), 1);
        assert_eq!(
            d[0].message,
            "this relative date cannot be Monday: from Wednesday, February 28, 2024 it is Tuesday"
        );
        assert_eq!(d[0].severity, Severity::Warning);
        assert_eq!(
            spans(t, &d[0]),
            vec![
                ("Wednesday, February 28, 2024".to_string(), false),
                ("yesterday".to_string(), false),
                ("Monday".to_string(), true),
            ]
        );
        assert!(d[0]
            .help
            .as_deref()
            .unwrap()
            .contains("the article's date line"));
        // The right weekday is silent.
        assert!(run(&t.replace("Monday", "Tuesday"), None).is_empty());
    }

    #[test]
    fn dateline_gives_one_day_of_slack() {
        let t = "H\n\nTIRANA, Feb 27 (Reuters) - The ministers met yesterday (Monday) in Tirana.";
        assert!(run(t, Some(ymd(2024, 2, 28))).is_empty());
        // Two days off is still wrong.
        let t = "H\n\nTIRANA, Feb 27 (Reuters) - The ministers met yesterday (Sunday) in Tirana.";
        let d = run(t, Some(ymd(2024, 2, 28)));
        assert_eq!(d.len(), 1);
        assert!(d[0]
            .help
            .as_deref()
            .unwrap()
            .contains("2024-02-27 was also accepted"));
    }

    #[test]
    fn last_and_next_weekday_with_date() {
        let d = run(
            "H\n\nShe spoke last Friday, March 1, in Rome.",
            Some(ymd(2024, 2, 28)),
        );
        assert_eq!(d.len(), 1);
        assert!(
            d[0].message.contains("Friday, February 23, 2024"),
            "{}",
            d[0].message
        );
        let d = run(
            "H\n\nThey meet next Friday, February 23.",
            Some(ymd(2024, 2, 28)),
        );
        assert_eq!(d.len(), 1);
        assert!(
            d[0].message.contains("Friday, March 1, 2024"),
            "{}",
            d[0].message
        );
        assert!(run(
            "H\n\nThey meet next Friday, March 1.",
            Some(ymd(2024, 2, 28))
        )
        .is_empty());
        assert!(run(
            "H\n\nShe spoke last Friday, Feb. 23.",
            Some(ymd(2024, 2, 28))
        )
        .is_empty());
    }

    #[test]
    fn periods() {
        let d = run(
            "H\n\nEarlier this month, on March 28, prices fell.",
            Some(ymd(2024, 3, 5)),
        );
        assert_eq!(d.len(), 1);
        assert!(run(
            "H\n\nEarlier this month, on March 2, prices fell.",
            Some(ymd(2024, 3, 5))
        )
        .is_empty());
        // A year-less date in a year period is not checked (its year is a guess).
        assert!(run(
            "H\n\nLast year, on March 3, prices fell.",
            Some(ymd(2024, 3, 5))
        )
        .is_empty());
    }

    #[test]
    fn traps_are_silent() {
        let r = Some(ymd(2024, 2, 28));
        // Quotes are anchored to the speaker's time.
        assert!(run("H\n\n“We met yesterday (Monday),” he said last week.", r).is_empty());
        // Reported speech with another day in the sentence.
        assert!(run(
            "H\n\nHe said on Sunday that talks ended yesterday (Saturday).",
            r
        )
        .is_empty());
        // Without reporting, the other day does not re-anchor it.
        assert_eq!(
            run(
                "H\n\nTalks were held on Sunday and yesterday (Saturday).",
                r
            )
            .len(),
            1
        );
        // Updates after publication.
        assert!(run(
            "H\n\nBody.\n\nUpdate: The talks resumed today (Thursday).",
            r
        )
        .is_empty());
        // No reference date.
        assert!(run("H\n\nThe ministers met yesterday (Monday).", None).is_empty());
        // Lists of days are not an attached weekday.
        assert!(run("H\n\nThey met yesterday, Monday and Sunday.", r).is_empty());
    }

    #[test]
    fn day_before_yesterday_and_after_tomorrow() {
        let r = Some(ymd(2024, 3, 8));
        assert!(run(
            "H\n\nThe Senate voted the day before yesterday (Wednesday).",
            r
        )
        .is_empty());
        assert!(run("H\n\nThe Senate votes the day after tomorrow, Sunday.", r).is_empty());
        let d = run(
            "H\n\nThe Senate voted the day before yesterday (Thursday).",
            r,
        );
        assert_eq!(d.len(), 1);
        assert!(
            d[0].message.ends_with("it is Wednesday"),
            "{}",
            d[0].message
        );
        assert!(d[0]
            .labels
            .iter()
            .any(|l| l.message == "from the article's date this is Wednesday"));
    }

    #[test]
    fn last_week_is_the_previous_calendar_week() {
        // Friday, March 8, 2024: last week ran Monday, February 26 to Sunday, March 3.
        let r = Some(ymd(2024, 3, 8));
        let d = run(
            "H\n\nThe ministers met last week, on March 6, in Tirana.",
            r,
        );
        assert_eq!(d.len(), 1);
        assert!(
            d[0].message.ends_with(
                "a date in the previous week, Monday, February 26 to Sunday, March 3, 2024"
            ),
            "{}",
            d[0].message
        );
        for t in [
            "H\n\nThey met last week, on February 26.",
            "H\n\nThey met last week, on March 3.",
            // One day of slack at either end.
            "H\n\nThey met last week, on March 4.",
            "H\n\nThey met last week, on February 25.",
            "H\n\nThey meet next week, on March 12.",
            "H\n\nThey met this week, on March 5.",
        ] {
            assert!(run(t, r).is_empty(), "{t}");
        }
        assert_eq!(run("H\n\nThey met last week, on February 22.", r).len(), 1);
        // Written on a Sunday, last week may be the Sunday-to-Saturday week before.
        assert!(run(
            "H\n\nThey met last week, on March 6.",
            Some(ymd(2024, 3, 10))
        )
        .is_empty());
    }
}
