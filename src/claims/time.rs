//! Time expressions other than a bare calendar date, and the one pass that finds them.
//!
//! This module holds the shared shape ([`TimeMention`], [`TimeValue`]), the driver
//! ([`extract`]), the segment cursor the concept modules share, number words and qualifiers,
//! and two concepts of its own: durations ("two-day summit", "for three weeks") and elapsed
//! years ("25 years ago, in 1990"). The other concepts live beside it and are re-exported here:
//!
//! - [`crate::claims::relative`]: relative days, weekdays and periods ("yesterday (Monday)",
//!   "last Friday, March 1", "earlier this month");
//! - [`crate::claims::age`]: ages and births ("Smith, 45,", "born on March 3, 1979");
//! - [`crate::claims::range`]: date ranges ("27–29 February", "March 31-April 2").
//!
//! Each form is one pass per headline or paragraph segment plus look-around bounded to a few
//! dozen bytes: a regex (the `regex` crate runs in linear time), or for durations and years ago
//! a hand scanner that gives the same matches without compiling one (`duration_scan.rs`,
//! `ago_scan.rs`, each of whose work per candidate word start is bounded by the words it
//! reads), so extraction is linear in the article's length. Calendar dates come in from [`crate::claims::dates`] (already resolved by
//! [`crate::claims::resolve`]), so that relative expressions can pick up a date written right
//! after them without extracting dates twice.
//!
//! Every span is a **byte** range into [`Article::text`]. Weekday and month names count only when
//! capitalised; number words ("two", "twenty-five") and digits are both read.

use std::ops::Range;

use crate::article::{Article, SegmentKind, Span};
use crate::claims::dates::DateMention;
use crate::claims::{age, range, relative};
use crate::fast_regex::lazy_regex;
use crate::knowledge::lexicon;

pub use crate::claims::age::{Age, AgeContext, AgeForm, Birth};
pub use crate::claims::range::DateRange;
pub use crate::claims::relative::{
    AttachedDay, PeriodPart, PeriodUnit, RelativeDay, RelativePeriod, WeekdayQualifier, WeekdayRef,
};

/// A time expression other than a calendar date, found once per article.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct TimeMention {
    /// The bytes of the whole expression (for a relative day, its attached weekday or date
    /// included: "yesterday (Monday)").
    pub span: Span,
    /// The kind of segment it lies in (headline or paragraph).
    pub segment: SegmentKind,
    /// True when it lies inside a quotation (anchored to the speaker's time, not the article's).
    pub quoted: bool,
    /// What it says.
    pub value: TimeValue,
}

/// The meaning of a [`TimeMention`].
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub enum TimeValue {
    /// "yesterday", "today", "tomorrow", "tonight", with an attached weekday or date if written.
    RelativeDay(RelativeDay),
    /// A weekday standing without a date of its own, or with one ("on Tuesday", "last Friday",
    /// "next Friday, February 23").
    Weekday(WeekdayRef),
    /// "earlier this month", "last week", "next year", with an attached date if written.
    Period(RelativePeriod),
    /// "two-day summit", "for three weeks", "lasted four days".
    Duration(Duration),
    /// "Smith, 45,", "aged 45", "45-year-old", "turned 45".
    Age(Age),
    /// "born in 1970", "born on March 3, 1979".
    Birth(Birth),
    /// "25 years ago", with the year written next to it ("in 1990") if any.
    YearsAgo(YearsAgo),
    /// An inclusive date range: "27–29 February", "June 3-5", "March 31-April 2".
    Range(DateRange),
}

/// A unit of time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub enum TimeUnit {
    /// Hours.
    Hour,
    /// Days.
    Day,
    /// Nights (a stay of N nights spans N or N+1 calendar days).
    Night,
    /// Weeks.
    Week,
    /// Months.
    Month,
    /// Years.
    Year,
}

/// How a duration is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub enum DurationForm {
    /// A compound modifier before a noun: "two-day summit", "48-hour strike".
    Compound,
    /// After "for": "for three weeks".
    For,
    /// After a verb of lasting: "lasted four days", "ran three days", "runs for five days".
    Lasted,
    /// "three days of talks".
    Of,
}

/// A rounding or bounding word before a number: the one qualifier of the crate (see
/// [`crate::knowledge::numbers::Qualifier`] for what each phrase means).
pub use crate::knowledge::numbers::Qualifier;

/// A length of time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Duration {
    /// How many units.
    pub amount: u32,
    /// The unit.
    pub unit: TimeUnit,
    /// How it is written.
    pub form: DurationForm,
    /// A rounding word before the number, if any.
    pub qualifier: Qualifier,
    /// The words it measures: up to two lower-case words after a compound ("summit" in
    /// "two-day summit", "state visit" in "two-day state visit"), or the noun after "of" in
    /// "three days of talks".
    pub noun: Option<Span>,
}

/// "25 years ago".
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct YearsAgo {
    /// The number of years (decades are multiplied out: "three decades" is 30).
    pub years: u32,
    /// True when written in decades (which is itself a rounding).
    pub decades: bool,
    /// A rounding word before the number, if any.
    pub qualifier: Qualifier,
    /// A year written right next to it ("25 years ago, in 1990"; "in 1990, 25 years ago") and
    /// its bytes.
    pub year: Option<(i32, Span)>,
}

// ---------------------------------------------------------------------------------------------
// Number words

/// Regex fragment for a cardinal: digits (1–3) or an English number word up to ninety-nine, any
/// case, plus "a"/"an" for one.
pub(crate) const NUM: &str = r"(?:\d{1,3}|(?i:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\x20](?:one|two|three|four|five|six|seven|eight|nine)\b)?|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|one|two|three|four|five|six|seven|eight|nine|ten|an|a))";

/// The value of a number written as digits or words ("45", "forty-five", "a"). `None` for
/// anything else.
pub(crate) fn number_value(s: &str) -> Option<u32> {
    if s.bytes().all(|b| b.is_ascii_digit()) {
        return s.parse().ok();
    }
    let lower = s.to_ascii_lowercase();
    if lower == "a" || lower == "an" {
        return Some(1);
    }
    let mut total = 0u32;
    for part in lower.split(['-', ' ']) {
        total += crate::knowledge::numbers::word_value(part)?;
    }
    Some(total)
}

#[cfg(test)]
const QUALIFIERS: &str = r"(?i:about|around|some|roughly|approximately|nearly|almost|close\s+to|less\s+than|under|just\s+under|more\s+than|over|at\s+least|just\s+over|well\s+over|exactly|just|only)";

fn qualifier(s: Option<&str>) -> Qualifier {
    let Some(s) = s else {
        return Qualifier::Exact;
    };
    let q = s
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_ascii_lowercase();
    // "exactly", "just", "only" are not in the table: exact.
    crate::knowledge::numbers::qualifier_of(&q).unwrap_or(Qualifier::Exact)
}

fn unit_of(s: &str) -> Option<TimeUnit> {
    let s = s.to_ascii_lowercase();
    let s = s.strip_suffix('s').unwrap_or(&s);
    Some(match s {
        "hour" => TimeUnit::Hour,
        "day" => TimeUnit::Day,
        "night" => TimeUnit::Night,
        "week" => TimeUnit::Week,
        "month" => TimeUnit::Month,
        "year" => TimeUnit::Year,
        _ => return None,
    })
}

// ---------------------------------------------------------------------------------------------
// The regexes the scanners replaced (`duration_scan`, `ago_scan`): the oracles of their tests.

/// A numeral or a (hyphenated) word standing for a number in [`duration_re`]; the word is
/// checked with `number_value` after matching. Much cheaper to compile than spelling out every
/// number word, and the same matches once checked.
#[cfg(test)]
const WORD: &str = r"(?:[0-9]{1,3}|[A-Za-z]+(?:-[A-Za-z]+)?)";

lazy_regex!(
    #[cfg(test)]
    duration_re,
    {
        format!(
            r"(?x)
            \b(?:(?P<q>{QUALIFIERS})\s+)?
            (?:
                (?P<cn>{WORD})-(?P<cu>day|night|week|month|year|hour)(?:-long)?\b(?P<cold>-old|\s+old\b)?
              | (?P<lead>(?i:for|lasted|lasts|ran|runs|run|spanned|spans)(?:\s+for)?)\s+
                (?:(?P<q2>{QUALIFIERS})\s+)?(?P<fn>{WORD})\s+(?P<fu>days|nights|weeks|months|years|hours|day|night|week|month|year|hour)\b
              | (?P<on>{WORD})\s+(?P<ou>days|nights|weeks)\s+of\s+(?P<onoun>[a-z]+)
            )"
        )
    }
);

lazy_regex!(
    #[cfg(test)]
    ago_re,
    { format!(r"\b(?:(?P<q>{QUALIFIERS})\s+)?(?P<n>{NUM})\s+(?P<u>years?|decades?)\s+ago\b") }
);

lazy_regex!(
    #[cfg(test)]
    year_after_re,
    {
        r"^(?:\s*,?\s*(?:back\s+)?in\s+|\s*\(\s*(?:in\s+)?)(?:(?:early|late|mid)[- ]?)?(?:[A-Z][a-z]{2,8}\.?\s+(?:\d{1,2},?\s+)?)?(?P<y>1[5-9]\d\d|20\d\d)\b"
    }
);

lazy_regex!(
    #[cfg(test)]
    year_before_re,
    { r"\b[Ii]n\s+(?:[A-Z][a-z]{2,8}\.?\s+)?(?P<y>1[5-9]\d\d|20\d\d)\s*(?:,|[-–—])\s*$" }
);

// ---------------------------------------------------------------------------------------------
// Extraction

/// Find the time expressions in `article`, sorted by start byte (then end).
///
/// Scans the headline and paragraphs (not the date line or the wire dateline). Dates attached to
/// relative expressions come from `all_dates`, the output of [`crate::claims::dates::extract`]
/// (sorted by start) after [`crate::claims::resolve::dates`], so that dates are extracted once.
/// Attached dates and range lengths therefore follow the resolved years.
/// Never fails; text with no time expressions gives an empty list.
pub fn extract(article: &Article, all_dates: &[DateMention]) -> Vec<TimeMention> {
    let mut out = Vec::new();
    for seg in &article.segments {
        if !matches!(seg.kind, SegmentKind::Headline | SegmentKind::Paragraph) {
            continue;
        }
        let Some(text) = article.text.get(seg.span.start..seg.span.end) else {
            continue;
        };
        let lo = all_dates.partition_point(|d| d.span.start < seg.span.start);
        let hi = all_dates.partition_point(|d| d.span.start < seg.span.end);
        let seg_dates = all_dates.get(lo..hi).unwrap_or_default();
        let s = Seg {
            text,
            offset: seg.span.start,
            dates: seg_dates,
        };
        let before = out.len();
        // One cheap pass tells which forms may match: a form's regex is compiled and run (or
        // its scanner run) only when the segment holds its cue (start-up of a one-article run
        // matters).
        let cues = cues::Cues::of(text);
        if cues.days {
            relative::relative_days(&s, &mut out);
            relative::weekdays(&s, &mut out);
        }
        if cues.periods {
            relative::periods(&s, &mut out);
        }
        if cues.durations {
            durations(&s, &mut out);
        }
        let low = text.to_ascii_lowercase();
        age::ages(&s, &low, &mut out);
        if cues.born {
            age::births(&s, &mut out);
        }
        if cues.ago {
            years_ago(&s, &mut out);
        }
        range::ranges(&s, &mut out);
        for m in out.iter_mut().skip(before) {
            m.segment = seg.kind;
        }
    }
    out.sort_by_key(|m| (m.span.start, m.span.end));
    let mut qi = 0;
    for m in &mut out {
        while article
            .quotes
            .get(qi)
            .is_some_and(|q| q.end <= m.span.start)
        {
            qi += 1;
        }
        m.quoted = article.quotes.get(qi).is_some_and(|q| q.contains(m.span));
    }
    out
}

/// Runs of consecutive mentions in `times` (sorted by start) that start in the same sentence,
/// as index ranges, each with that sentence's span (or the mention's own span when it lies in
/// no sentence). Linear in the number of mentions (one binary search each).
pub fn sentence_groups(article: &Article, times: &[TimeMention]) -> Vec<(Span, Range<usize>)> {
    let mut out: Vec<(Span, Range<usize>)> = Vec::new();
    for (i, m) in times.iter().enumerate() {
        let sentence = article.sentence_at(m.span.start).unwrap_or(m.span);
        match out.last_mut() {
            Some((s, r)) if *s == sentence => r.end = i + 1,
            _ => out.push((sentence, i..i + 1)),
        }
    }
    out
}

/// One segment being scanned: its text, its byte offset in the article and its dates.
pub(crate) struct Seg<'a> {
    /// The segment's text.
    pub(crate) text: &'a str,
    /// Its first byte in the article.
    pub(crate) offset: usize,
    /// The dates inside it, sorted by start.
    pub(crate) dates: &'a [DateMention],
}

impl Seg<'_> {
    pub(crate) fn span(&self, start: usize, end: usize) -> Span {
        Span::new(self.offset + start, self.offset + end)
    }

    pub(crate) fn push(
        &self,
        out: &mut Vec<TimeMention>,
        start: usize,
        end: usize,
        value: TimeValue,
    ) {
        out.push(TimeMention {
            span: self.span(start, end),
            segment: SegmentKind::Paragraph,
            quoted: false,
            value,
        });
    }

    /// The date mention starting at segment byte `pos`, if any.
    pub(crate) fn date_at(&self, pos: usize) -> Option<&DateMention> {
        let abs = self.offset + pos;
        let i = self.dates.partition_point(|d| d.span.start < abs);
        self.dates.get(i).filter(|d| d.span.start == abs)
    }

    /// The word before byte `pos` (letters, apostrophes and hyphens), skipping spaces.
    pub(crate) fn word_before(&self, pos: usize) -> &str {
        let before = self.text.get(..pos).unwrap_or("").trim_end();
        let start = before
            .char_indices()
            .rev()
            .find(|(_, c)| !(c.is_alphabetic() || *c == '\'' || *c == '’' || *c == '-'))
            .map_or(0, |(i, c)| i + c.len_utf8());
        before.get(start..).unwrap_or_default()
    }

    /// Up to `n` bytes before `pos`, cut at a char boundary.
    pub(crate) fn window_before(&self, pos: usize, n: usize) -> &str {
        let mut start = pos.saturating_sub(n);
        while start > 0 && !self.text.is_char_boundary(start) {
            start -= 1;
        }
        self.text.get(start..pos).unwrap_or("")
    }

    /// Up to `n` bytes from `pos`, cut at a char boundary.
    pub(crate) fn window_after(&self, pos: usize, n: usize) -> &str {
        let mut end = (pos + n).min(self.text.len());
        while end < self.text.len() && !self.text.is_char_boundary(end) {
            end += 1;
        }
        self.text.get(pos..end).unwrap_or("")
    }
}

fn durations(s: &Seg<'_>, out: &mut Vec<TimeMention>) {
    use duration_scan::DurationParts as P;
    let text = |r: &Range<usize>| s.text.get(r.clone()).unwrap_or_default();
    for c in duration_scan::durations(s.text) {
        let all = c.all;
        let q2 = match &c.form {
            P::Lasting { q2, .. } => q2.as_ref(),
            _ => None,
        };
        let q = qualifier(c.q.as_ref().or(q2).map(text));
        let (n, u, form, noun) = match c.form {
            P::Compound { n, u, old } => {
                // "45-year-old" is an age; "once-a-day" is a rate.
                let n = text(&n);
                if old.is_some() || n.len() <= 2 && n.starts_with(['a', 'A']) {
                    continue;
                }
                // The noun after the compound: the next lower-case word ("two-day summit"),
                // skipping one more modifier ("two-day state visit").
                let rest = s.text.get(all.end..).unwrap_or_default();
                let noun = next_lower_words(rest, 2).map(|(a, b)| s.span(all.end + a, all.end + b));
                (n, text(&u), DurationForm::Compound, noun)
            }
            P::Lasting { lead, n, u, .. } => {
                let form = if text(&lead).eq_ignore_ascii_case("for") {
                    DurationForm::For
                } else {
                    DurationForm::Lasted
                };
                (text(&n), text(&u), form, None)
            }
            P::Of { n, u, noun } => (
                text(&n),
                text(&u),
                DurationForm::Of,
                Some(s.span(noun.start, noun.end)),
            ),
        };
        let (Some(amount), Some(unit)) = (number_value(n), unit_of(u)) else {
            continue;
        };
        if amount == 0 {
            continue;
        }
        // "a day" in "once a day" or "two a day" is a rate, not a duration; the compound and
        // lasted forms are safe, "for a day" is fine.
        s.push(
            out,
            all.start,
            all.end,
            TimeValue::Duration(Duration {
                amount,
                unit,
                form,
                qualifier: q,
                noun,
            }),
        );
    }
}

/// The byte range (within `rest`) of the next `max` lower-case words, when `rest` starts with a
/// space followed by such words ("state visit"), stopping at function words. `None` when the
/// next word is not lower-case.
fn next_lower_words(rest: &str, max: usize) -> Option<(usize, usize)> {
    let mut pos = 0;
    let mut found: Option<(usize, usize)> = None;
    for _ in 0..max {
        let Some(t) = rest.get(pos..).and_then(|r| r.strip_prefix(' ')) else {
            break;
        };
        let len = t
            .find(|c: char| !(c.is_ascii_lowercase() || c == '-'))
            .unwrap_or(t.len());
        if len == 0
            || t.get(..len)
                .is_none_or(|w| lexicon::contains(lexicon::durations::NOUN_STOPS, w))
        {
            break;
        }
        let start = pos + 1;
        found = Some((found.map_or(start, |f| f.0), start + len));
        pos = start + len;
    }
    found
}

fn years_ago(s: &Seg<'_>, out: &mut Vec<TimeMention>) {
    let text = |r: &Range<usize>| s.text.get(r.clone()).unwrap_or_default();
    for c in ago_scan::years_ago(s.text) {
        let all = c.all.clone();
        let Some(amount) = number_value(text(&c.n)) else {
            continue;
        };
        let decades = text(&c.u).starts_with("decade");
        let years = if decades { amount * 10 } else { amount };
        let q = qualifier(c.q.as_ref().map(text));
        let after = ago_scan::year_after(s.text.get(all.end..).unwrap_or_default())
            .map(|y| (all.end + y.start, all.end + y.end));
        let before = || {
            let w = s.window_before(all.start, 30);
            let base = all.start - w.len();
            ago_scan::year_before(w).map(|y| (base + y.start, base + y.end))
        };
        let year = after
            .or_else(before)
            .and_then(|(a, b)| Some((s.text.get(a..b)?.parse::<i32>().ok()?, s.span(a, b))));
        s.push(
            out,
            all.start,
            all.end,
            TimeValue::YearsAgo(YearsAgo {
                years,
                decades,
                qualifier: q,
                year,
            }),
        );
    }
}

#[path = "time_scan.rs"]
mod scan;

#[path = "duration_scan.rs"]
mod duration_scan;

#[path = "ago_scan.rs"]
mod ago_scan;

#[path = "time_cues.rs"]
mod cues;

#[cfg(test)]
#[path = "time_tests.rs"]
mod tests;
