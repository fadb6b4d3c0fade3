//! Relative dates: "yesterday", "today", "tomorrow" (with the weekday or date written after
//! them), weekdays ("on Tuesday", "last Friday, March 1") and relative periods ("earlier this
//! month", "last week, on Feb 20"). Their values are relative to the article's day; rules
//! compare them with the reference date. Spans are **bytes** into the article text.

use std::ops::Range;
use std::sync::OnceLock;

use chrono::{NaiveDate, Weekday};

use crate::article::Span;
use crate::claims::dates;
use crate::claims::time::{Seg, TimeMention, TimeValue};
use crate::fast_regex::lazy_regex;
use crate::knowledge::calendar::{month_from_name, weekday_from_name};
use crate::knowledge::lexicon;
use crate::text::alternation::PhraseSet;

/// A weekday or date written right after a relative expression ("yesterday (Monday)",
/// "last month, on Feb 3").
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct AttachedDay {
    /// Its bytes (weekday and date; brackets excluded).
    pub span: Span,
    /// The weekday written, if any.
    pub weekday: Option<Weekday>,
    /// The calendar date written, when there is one and its year is known (written or inferred).
    pub date: Option<NaiveDate>,
    /// True when the date's year is written (not inferred from the reference date).
    pub year_written: bool,
}

/// "yesterday", "today", "tomorrow", "tonight".
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct RelativeDay {
    /// Days from the article's day: -1, 0 or +1.
    pub offset: i64,
    /// The bytes of the word itself.
    pub word: Span,
    /// A weekday or date written right after it, if any.
    pub attached: Option<AttachedDay>,
}

/// The word before a weekday.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub enum WeekdayQualifier {
    /// Nothing ("Tuesday's vote") or "on" ("on Tuesday").
    On,
    /// "last Friday", "this past Friday".
    Last,
    /// "next Friday", "this coming Friday".
    Next,
    /// "this Friday".
    This,
}

/// A weekday named in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct WeekdayRef {
    /// The qualifier before it.
    pub qualifier: WeekdayQualifier,
    /// The day named.
    pub weekday: Weekday,
    /// The bytes of the weekday name.
    pub weekday_span: Span,
    /// A date written with it ("Friday, March 1"), if any.
    pub date: Option<AttachedDay>,
}

/// The unit of a relative period.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub enum PeriodUnit {
    /// "last week".
    Week,
    /// "earlier this month".
    Month,
    /// "next year".
    Year,
}

/// Which part of the period is meant.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub enum PeriodPart {
    /// The whole period ("this month").
    Whole,
    /// "earlier this month": up to the article's day.
    Earlier,
    /// "later this month": from the article's day on.
    Later,
    /// "the past week": the period ending on the article's day.
    Past,
}

/// "earlier this month", "last week", "next year".
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct RelativePeriod {
    /// The bytes of the period words themselves ("earlier this month").
    pub words: Span,
    /// Week, month or year.
    pub unit: PeriodUnit,
    /// -1 for "last", 0 for "this", +1 for "next".
    pub offset: i64,
    /// Whole, earlier or later part.
    pub part: PeriodPart,
    /// A date written right after it ("last month, on Feb 3"), if any.
    pub attached: Option<AttachedDay>,
}

const WEEKDAY_NAMES: &str = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";

/// The relative day words, matched as whole words ([`PhraseSet`]).
const RELATIVE_DAYS: &[&str] = &[
    "Yesterday",
    "yesterday",
    "Today",
    "today",
    "Tomorrow",
    "tomorrow",
    "Tonight",
    "tonight",
    "YESTERDAY",
    "TODAY",
    "TOMORROW",
];

/// The weekday names, matched as whole words.
const WEEKDAYS: &[&str] = &crate::knowledge::calendar::WEEKDAY_NAMES;

/// The qualifiers a weekday may follow (any case), one word each; "this coming" and "this
/// past" are read as one qualifier.
const WEEKDAY_QUALIFIERS: &[&str] = &["last", "next", "this", "coming", "past", "on"];

/// The weekday names of `text` and the qualifier right before each: `(qualifier, weekday)` byte
/// ranges, left to right. The same as the captures `q` and `wd` of
/// `(?:\b(?P<q>(?i:last|next|this\s+coming|this\s+past|this|coming|past|on))\s+)?\b(?P<wd>Monday|...|Sunday)\b`
/// (ASCII word boundaries), which was compiled on every run before.
fn weekday_matches(text: &str) -> impl Iterator<Item = (Option<Range<usize>>, Range<usize>)> + '_ {
    static SET: OnceLock<PhraseSet<'static>> = OnceLock::new();
    SET.get_or_init(|| PhraseSet::new(WEEKDAYS))
        .find(text)
        .map(move |(start, end, _)| (qualifier_before(text, start), start..end))
}

/// The ASCII word (`(?-u:\w+)`, whole) that ends right before the white space (at least one
/// character) ending at byte `end` of `text`: its start and text. Empty when a non-word character
/// comes before the white space.
fn word_before(text: &str, end: usize) -> Option<(usize, &str)> {
    let head = text.get(..end)?;
    let t = head.trim_end();
    if t.len() == head.len() {
        return None;
    }
    let run = t
        .bytes()
        .rev()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_')
        .count();
    let start = t.len() - run;
    Some((start, t.get(start..)?))
}

/// The qualifier (see [`weekday_matches`]) ending in white space at byte `pos` of `text`.
fn qualifier_before(text: &str, pos: usize) -> Option<Range<usize>> {
    let (start, word) = word_before(text, pos)?;
    let end = start + word.len();
    let is = |w: &str, q: &str| w.eq_ignore_ascii_case(q);
    if is(word, "coming") || is(word, "past") {
        if let Some((this, w)) = word_before(text, start) {
            if is(w, "this") {
                return Some(this..end);
            }
        }
    }
    WEEKDAY_QUALIFIERS
        .iter()
        .any(|q| is(word, q))
        .then_some(start..end)
}

lazy_regex!(attached_weekday_re, {
    format!(r"^(?P<sep>\s*\(\s*|\s*,\s*)(?:on\s+)?(?P<wd>{WEEKDAY_NAMES})\b")
});

/// The relative periods of `text`: `(part, qualifier, unit)` byte ranges, left to right ("later
/// this month", "last year"). The same as the captures `part`, `q` and `u` of
/// `\b(?:(?P<part>[Ee]arlier|[Ll]ater)\s+)?(?P<q>[Tt]his|[Ll]ast|[Nn]ext|[Pp]ast)\s+(?P<u>week|month|year)\b`
/// (ASCII word boundaries), which was compiled on every run before.
fn period_matches(
    text: &str,
) -> impl Iterator<Item = (Option<Range<usize>>, Range<usize>, Range<usize>)> + '_ {
    const UNITS: &[&str] = &["week", "month", "year"];
    const QUALIFIERS: &[&str] = &[
        "This", "this", "Last", "last", "Next", "next", "Past", "past",
    ];
    const PARTS: &[&str] = &["Earlier", "earlier", "Later", "later"];
    static SET: OnceLock<PhraseSet<'static>> = OnceLock::new();
    let units = SET.get_or_init(|| PhraseSet::new(UNITS));
    units.find(text).filter_map(move |(start, end, _)| {
        let (q_start, q) = word_before(text, start).filter(|(_, q)| QUALIFIERS.contains(q))?;
        let part = word_before(text, q_start)
            .filter(|(_, p)| PARTS.contains(p))
            .map(|(p_start, p)| p_start..p_start + p.len());
        Some((part, q_start..q_start + q.len(), start..end))
    })
}

/// The weekday or date written right after byte `pos` of the segment: "(Monday)", ", Monday",
/// ", February 26", " (Feb 26)", and for periods also " on Feb 3". Rejected when it starts a
/// list ("yesterday, Monday and Tuesday") or is a possessive ("Monday's").
fn attached_after(s: &Seg<'_>, pos: usize, allow_on: bool) -> Option<AttachedDay> {
    let rest = s.text.get(pos..)?;
    let sep_len = {
        let t = rest.trim_start();
        let ws = rest.len() - t.len();
        if let Some(t2) = t.strip_prefix('(').or_else(|| t.strip_prefix(',')) {
            let t3 = t2.trim_start();
            let mut n = ws + 1 + (t2.len() - t3.len());
            if let Some(t4) = t3.strip_prefix("on ") {
                n += 3 + (t4.len() - t4.trim_start().len());
            }
            n
        } else if allow_on && ws > 0 && t.starts_with("on ") {
            let t4 = t.get(3..).unwrap_or_default();
            ws + 3 + (t4.len() - t4.trim_start().len())
        } else {
            return None;
        }
    };
    let bracket = rest.trim_start().starts_with('(');
    let start = pos + sep_len;
    let (span_end, weekday, date, year_written) = if let Some(d) = s.date_at(start) {
        let c = d.calendar()?;
        (
            d.span.end - s.offset,
            d.weekday.map(|w| w.weekday),
            c.date,
            c.year.is_written(),
        )
    } else {
        let c = attached_weekday_re().captures(s.text.get(pos..)?)?;
        let wd = c.name("wd")?;
        if pos + wd.start() != start {
            return None;
        }
        (pos + wd.end(), weekday_from_name(wd.as_str()), None, false)
    };
    let after = s.text.get(span_end..).unwrap_or("");
    if bracket && !after.trim_start().starts_with(')') {
        return None;
    }
    if starts_list(after) {
        return None;
    }
    Some(AttachedDay {
        span: s.span(start, span_end),
        weekday,
        date,
        year_written,
    })
}

/// True when `after` continues a list or possessive of days ("'s", " and Tuesday", ", Tuesday",
/// "-Tuesday", " to March 2").
fn starts_list(after: &str) -> bool {
    if after.starts_with("'s") || after.starts_with("’s") {
        return true;
    }
    let t = after.trim_start_matches([' ', ',']);
    let t = t
        .strip_prefix("and ")
        .or_else(|| t.strip_prefix("or "))
        .or_else(|| t.strip_prefix("to "))
        .or_else(|| t.strip_prefix("through "))
        .or_else(|| t.strip_prefix('-'))
        .or_else(|| t.strip_prefix('–'))
        .unwrap_or(if after.trim_start().starts_with(',') {
            t
        } else {
            ""
        })
        .trim_start();
    let word: String = t.chars().take_while(|c| c.is_alphanumeric()).collect();
    weekday_from_name(&word).is_some()
        || month_from_name(&word).is_some()
        || word.chars().next().is_some_and(|c| c.is_ascii_digit())
}

/// Push the relative days of segment `s` onto `out`.
pub(crate) fn relative_days(s: &Seg<'_>, out: &mut Vec<TimeMention>) {
    static SET: OnceLock<PhraseSet<'static>> = OnceLock::new();
    for (w_start, w_end, i) in SET
        .get_or_init(|| PhraseSet::new(RELATIVE_DAYS))
        .find(s.text)
    {
        let Some(word) = RELATIVE_DAYS.get(i) else {
            continue;
        };
        let mut offset = match word.to_ascii_lowercase().as_str() {
            "yesterday" => -1,
            "tomorrow" => 1,
            _ => 0,
        };
        // "the day before yesterday" is two days back, "the day after tomorrow" two ahead;
        // "the day after yesterday" and the like are left alone.
        let mut start = w_start;
        if let Some(shift) = day_before_after(s.text, w_start) {
            let (len, delta) = shift;
            match (offset, delta) {
                (-1, -1) | (1, 1) => offset += delta,
                _ => continue,
            }
            start -= len;
        }
        let attached = attached_after(s, w_end, false);
        let end = attached.map_or(w_end, |a| a.span.end - s.offset);
        s.push(
            out,
            start,
            end,
            TimeValue::RelativeDay(RelativeDay {
                offset,
                word: s.span(start, w_end),
                attached,
            }),
        );
    }
}

/// When "day before " or "day after " (any case, the "the" before it included) ends at byte
/// `pos` of `text`: its length and the shift it adds, -1 for "before" and +1 for "after".
pub(crate) fn day_before_after(text: &str, pos: usize) -> Option<(usize, i64)> {
    let before = text.get(..pos)?;
    let trimmed = before.trim_end();
    if trimmed.len() == before.len() {
        return None;
    }
    let start = dates::alpha_tail_start(trimmed);
    let delta = match trimmed.get(start..)?.to_ascii_lowercase().as_str() {
        "before" => -1,
        "after" => 1,
        _ => return None,
    };
    let head = trimmed.get(..start)?.trim_end();
    if head.len() == start || !head.to_ascii_lowercase().ends_with("day") {
        return None;
    }
    let day_start = head.len() - 3;
    if head
        .get(..day_start)?
        .ends_with(|c: char| c.is_alphanumeric())
    {
        return None;
    }
    let mut from = day_start;
    let lead = head.get(..day_start)?.trim_end();
    if lead.to_ascii_lowercase().ends_with("the")
        && lead
            .get(..lead.len() - 3)
            .is_some_and(|l| !l.ends_with(|c: char| c.is_alphanumeric()))
    {
        from = lead.len() - 3;
    }
    Some((pos - from, delta))
}

/// Capitalised words that make the weekday after them part of a name ("Good Friday"), from
/// `rules/lexicons/calendar.toml` `[holiday_words]`.
fn is_holiday_word(w: &str) -> bool {
    lexicon::contains(lexicon::calendar::HOLIDAY_WORDS, w)
}

/// Push the weekdays of segment `s` onto `out`.
pub(crate) fn weekdays(s: &Seg<'_>, out: &mut Vec<TimeMention>) {
    for (q, wd) in weekday_matches(s.text) {
        let Some(wd_text) = s.text.get(wd.clone()) else {
            continue;
        };
        let Some(weekday) = weekday_from_name(wd_text) else {
            continue;
        };
        let q_range = q;
        let q = q_range.clone().and_then(|q| s.text.get(q));
        if q.is_none() && is_holiday_word(s.word_before(wd.start)) {
            continue;
        }
        // "Friday week" (a week from Friday) and "Friday fortnight" are not that Friday.
        let after = s.text.get(wd.end..).unwrap_or("");
        if after.starts_with(" week") || after.starts_with(" fortnight") {
            continue;
        }
        let qualifier = match q.map(|q| {
            q.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_ascii_lowercase()
        }) {
            Some(q) if q == "last" || q == "this past" || q == "past" => WeekdayQualifier::Last,
            Some(q) if q == "next" || q == "this coming" || q == "coming" => WeekdayQualifier::Next,
            Some(q) if q == "this" => WeekdayQualifier::This,
            _ => WeekdayQualifier::On,
        };
        let date = s.date_at(wd.start).and_then(|d| {
            let cal = d.calendar()?;
            Some(AttachedDay {
                span: cal.span,
                weekday: d.weekday.map(|w| w.weekday),
                date: cal.date,
                year_written: cal.year.is_written(),
            })
        });
        let start = q_range.map_or(wd.start, |q| q.start);
        let end = date.map_or(wd.end, |d| d.span.end - s.offset);
        s.push(
            out,
            start,
            end,
            TimeValue::Weekday(WeekdayRef {
                qualifier,
                weekday,
                weekday_span: s.span(wd.start, wd.end),
                date,
            }),
        );
    }
}

/// Push the periods of segment `s` onto `out`.
pub(crate) fn periods(s: &Seg<'_>, out: &mut Vec<TimeMention>) {
    for (part_range, q_range, u_range) in period_matches(s.text) {
        let all = part_range.as_ref().map_or(q_range.start, |p| p.start)..u_range.end;
        let (Some(q), Some(u)) = (s.text.get(q_range.clone()), s.text.get(u_range)) else {
            continue;
        };
        let part_word = part_range.and_then(|p| s.text.get(p));
        let unit = match u {
            "week" => PeriodUnit::Week,
            "month" => PeriodUnit::Month,
            _ => PeriodUnit::Year,
        };
        let the_before = s.word_before(q_range.start).eq_ignore_ascii_case("the");
        let (offset, past) = match q.to_ascii_lowercase().as_str() {
            // "in the last month" is the past month, not the previous calendar month.
            "last" if the_before => (0, true),
            "last" => (-1, false),
            "next" => (1, false),
            "past" => (0, true),
            _ => (0, false),
        };
        let part = if past {
            // "the past week": the period ending today; "earlier the past week" is no phrase.
            if part_word.is_some() {
                continue;
            }
            PeriodPart::Past
        } else {
            match part_word.map(str::to_ascii_lowercase) {
                Some(p) if p == "earlier" => PeriodPart::Earlier,
                Some(_) => PeriodPart::Later,
                None => PeriodPart::Whole,
            }
        };
        // "last year's" and "next week's" are fine; "this year-end" is not a period.
        if s.text.get(all.end..).is_some_and(|r| r.starts_with('-')) {
            continue;
        }
        let attached = attached_after(s, all.end, true).filter(|a| a.date.is_some());
        let end = attached.map_or(all.end, |a| a.span.end - s.offset);
        s.push(
            out,
            all.start,
            end,
            TimeValue::Period(RelativePeriod {
                words: s.span(all.start, all.end),
                unit,
                offset,
                part,
                attached,
            }),
        );
    }
}

#[cfg(test)]
mod period_tests {
    use super::*;

    /// The part, qualifier and unit ranges agree with the regex they replace.
    #[test]
    fn period_matches_agree_with_the_regex() {
        let re = crate::fast_regex::compile(
            r"\b(?:(?P<part>[Ee]arlier|[Ll]ater)\s+)?(?P<q>[Tt]his|[Ll]ast|[Nn]ext|[Pp]ast)\s+(?P<u>week|month|year)\b",
        )
        .unwrap();
        let pieces = [
            "earlier",
            "Later",
            "LATER",
            "this",
            "This",
            "THIS",
            "last",
            "next",
            "past",
            "week",
            "weeks",
            "month",
            "year",
            "years",
            " ",
            "  ",
            "\n",
            "\u{a0}",
            "-",
            "é",
            "_",
            "x",
            "this year",
            "later this",
        ];
        let found = crate::test_text::agree(
            0x1f83_d9ab_fb41_bd6b,
            &pieces,
            (10, 20_000),
            |text| {
                re.captures_iter(text)
                    .map(|c| {
                        (
                            c.name("part").map(|m| m.range()),
                            c.name("q").unwrap().range(),
                            c.name("u").unwrap().range(),
                        )
                    })
                    .collect()
            },
            |text| period_matches(text).collect(),
        );
        assert!(found > 500, "{found}");
    }
}

#[cfg(test)]
mod weekday_tests {
    use super::*;

    /// The qualifier and weekday ranges agree with the regex they replace, on pseudo-random
    /// texts built from qualifiers, weekdays, joiners and non-ASCII letters.
    #[test]
    fn weekday_matches_agree_with_the_regex() {
        let re = crate::fast_regex::compile(&format!(
            r"(?:\b(?P<q>(?i:last|next|this\s+coming|this\s+past|this|coming|past|on))\s+)?\b(?P<wd>{WEEKDAY_NAMES})\b"
        ))
        .unwrap();
        let pieces = [
            "last",
            "LAST",
            "Next",
            "this",
            "This",
            "coming",
            "past",
            "on",
            "On",
            "upon",
            "x",
            "Monday",
            "Friday",
            "Fridays",
            "monday",
            " ",
            "  ",
            "\n",
            "\u{a0}",
            "é",
            "_",
            ",",
            "Sunday",
            "this past",
            "thiscoming",
        ];
        let found = crate::test_text::agree(
            0x6c07_8965_2f3a_9d11,
            &pieces,
            (10, 20_000),
            |text| {
                re.captures_iter(text)
                    .map(|c| {
                        (
                            c.name("q").map(|m| m.range()),
                            c.name("wd").unwrap().range(),
                        )
                    })
                    .collect()
            },
            |text| weekday_matches(text).collect(),
        );
        assert!(found > 1_000, "{found}");
        let t = "He left this  coming Monday, not on Friday or last\u{a0}Sunday.";
        let got: Vec<_> = weekday_matches(t)
            .map(|(q, wd)| (q.and_then(|q| t.get(q)), &t[wd]))
            .collect();
        assert_eq!(
            got,
            vec![
                (Some("this  coming"), "Monday"),
                (Some("on"), "Friday"),
                (Some("last"), "Sunday")
            ]
        );
    }
}
