//! Time expressions other than a bare calendar date: relative days ("yesterday", "on Tuesday",
//! "last Friday, March 1"), relative periods ("earlier this month", "last week"), durations
//! ("two-day summit", "for three weeks"), ages ("Smith, 45,", "aged 45", "45-year-old"), birth
//! dates and years ("born in 1970", "born on March 3, 1979"), elapsed years ("25 years ago, in
//! 1990") and date ranges ("27–29 February", "March 31-April 2").
//!
//! Each form is one regex pass per headline or paragraph segment (the `regex` crate runs in
//! linear time) plus look-around bounded to a few dozen bytes, so extraction is linear in the
//! article's length. Calendar dates come from [`crate::claims::dates`], run once more here so
//! that relative expressions can pick up a date written right after them.
//!
//! Every span is a **byte** range into [`Article::text`]. Weekday and month names count only when
//! capitalised; number words ("two", "twenty-five") and digits are both read.

use std::ops::Range;

use chrono::{NaiveDate, Weekday};

use crate::article::{Article, SegmentKind, Span};
use crate::claims::dates::{self, DateMention, RangeRole};
use crate::fast_regex::lazy_regex;
use crate::knowledge::calendar::{month_from_name, weekday_from_name};

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

/// How an age is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub enum AgeForm {
    /// "Smith, 45,".
    Apposition,
    /// "aged 45", "age 45".
    Aged,
    /// "45-year-old", "45 years old".
    YearOld,
    /// "turned 45", "turns 45".
    Turned,
    /// "(born 12 January 1979) is 45": the age stated after a bracketed birth date.
    Stated,
}

/// When an age holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub enum AgeContext {
    /// Now, at the article's date.
    Current,
    /// At a past event: "was 30 when", "at the age of 30", "died aged 80", "then 30".
    Past,
    /// Not real: "would have turned 50".
    Hypothetical,
}

/// A person's age.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Age {
    /// Years.
    pub years: u32,
    /// The bytes of the number.
    pub years_span: Span,
    /// How it is written.
    pub form: AgeForm,
    /// The name it is attached to ("Smith" in "Smith, 45,"), for the apposition form.
    pub person: Option<Span>,
    /// When the age holds.
    pub context: AgeContext,
}

/// A birth date or year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Birth {
    /// The bytes of the word "born".
    pub born: Span,
    /// The year of birth.
    pub year: i32,
    /// The full date of birth, when written.
    pub date: Option<NaiveDate>,
    /// The bytes of the date or year.
    pub value_span: Span,
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

/// An inclusive date range.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct DateRange {
    /// The bytes of the first day ("27" in "27–29 February").
    pub start: Span,
    /// The bytes of the last date ("29 February").
    pub end: Span,
    /// Calendar days covered, both ends included; `None` when it depends on an unknown year.
    pub days: Option<i64>,
    /// True when written with "from ... to" (which also reads as a change: "moved from 3 to 5").
    pub from_to: bool,
}

// ---------------------------------------------------------------------------------------------
// Number words

/// Regex fragment for a cardinal: digits (1–3) or an English number word up to ninety-nine, any
/// case, plus "a"/"an" for one.
const NUM: &str = r"(?:\d{1,3}|(?i:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\x20](?:one|two|three|four|five|six|seven|eight|nine)\b)?|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|one|two|three|four|five|six|seven|eight|nine|ten|an|a))";

/// The value of a number written as digits or words ("45", "forty-five", "a"). `None` for
/// anything else.
fn number_value(s: &str) -> Option<u32> {
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
// Regexes (static patterns; `expect` cannot be reached by input)

const WEEKDAY_NAMES: &str = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";

lazy_regex!(relative_day_re, {
    r"\b(?P<w>[Yy]esterday|[Tt]oday|[Tt]omorrow|[Tt]onight|YESTERDAY|TODAY|TOMORROW)\b"
});

lazy_regex!(weekday_re, {
    format!(
        r"(?:\b(?P<q>(?i:last|next|this\s+coming|this\s+past|this|coming|past|on))\s+)?\b(?P<wd>{WEEKDAY_NAMES})\b"
    )
});

lazy_regex!(attached_weekday_re, {
    format!(r"^(?P<sep>\s*\(\s*|\s*,\s*)(?:on\s+)?(?P<wd>{WEEKDAY_NAMES})\b")
});

lazy_regex!(period_re, {
    r"\b(?:(?P<part>[Ee]arlier|[Ll]ater)\s+)?(?P<q>[Tt]his|[Ll]ast|[Nn]ext|[Pp]ast)\s+(?P<u>week|month|year)\b"
});

/// A numeral or a (hyphenated) word standing for a number in [`duration_re`]; the word is
/// checked with `number_value` after matching. Much cheaper to compile than spelling out every
/// number word, and the same matches once checked.
const WORD: &str = r"(?:[0-9]{1,3}|[A-Za-z]+(?:-[A-Za-z]+)?)";

lazy_regex!(duration_re, {
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
});

lazy_regex!(age_re, {
    format!(
        r"(?x)
              \b(?P<name>[A-Z][A-Za-z\u{{C0}}-\u{{24F}}'’.-]*[A-Za-z\u{{C0}}-\u{{24F}}.]),\ (?:now\ )?(?P<an>\d{{1,3}}),
            | \b(?P<aged>[Aa]ged?|[Tt]urn(?:ed|s)?)\ (?P<gn>\d{{1,3}})\b
            | \b(?P<yn>{NUM})[-\ ]years?[-\ ]old\b
            | \(\s*born\ [^()]{{4,40}}\)\ is\ (?P<isn>\d{{1,3}})(?:\ years\ old)?(?:[.,;]|$)
            "
    )
});

lazy_regex!(born_re, r"\b[Bb]orn\b");

lazy_regex!(year_re, r"\b(?P<y>1[5-9]\d\d|20\d\d)\b");

lazy_regex!(ago_re, {
    format!(r"\b(?:(?P<q>{QUALIFIERS})\s+)?(?P<n>{NUM})\s+(?P<u>years?|decades?)\s+ago\b")
});

lazy_regex!(year_after_re, {
    r"^(?:\s*,?\s*(?:back\s+)?in\s+|\s*\(\s*(?:in\s+)?)(?:(?:early|late|mid)[- ]?)?(?:[A-Z][a-z]{2,8}\.?\s+(?:\d{1,2},?\s+)?)?(?P<y>1[5-9]\d\d|20\d\d)\b"
});

lazy_regex!(range_year_re, r"^\s*,\s*(?P<y>1[5-9]\d\d|20\d\d)\b");

lazy_regex!(
    /// The first day and joiner before the last day of "from 10 to 12 January", "between 3 and 5
    /// May" (the month written once, after the last day).
    range_first_day_re,
    {
        r"\b(?P<lead>[Ff]rom|[Bb]etween)\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s+(?P<j>to|until|till|through|and)\s+$"
    }
);

lazy_regex!(
    /// The joiner and last day after the first date of "August 11 to 16" (the month written once,
    /// before the first day).
    range_last_day_re,
    {
        r"^\s+(?P<j>to|until|till|through|thru|and)\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?\b"
    }
);

lazy_regex!(year_before_re, {
    r"\b[Ii]n\s+(?:[A-Z][a-z]{2,8}\.?\s+)?(?P<y>1[5-9]\d\d|20\d\d)\s*(?:,|[-–—])\s*$"
});

// ---------------------------------------------------------------------------------------------
// Extraction

/// Find the time expressions in `article`, sorted by start byte (then end).
///
/// Scans the headline and paragraphs (not the date line or the wire dateline). Dates attached to
/// relative expressions come from `all_dates`, the output of [`dates::extract`] (sorted by
/// start; year-less dates already carry the reference year), so that dates are extracted once.
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
        let seg_dates = &all_dates[lo..hi];
        let s = Seg {
            text,
            offset: seg.span.start,
            dates: seg_dates,
        };
        let before = out.len();
        // Cheap substring guards: a form's regex is compiled and run only when the segment
        // holds the word every match of it contains (start-up of a one-article run matters).
        let low = text.to_ascii_lowercase();
        let has = |w: &str| low.contains(w);
        let units = has("day") || has("night") || has("week") || has("month") || has("year");
        if has("day") || has("tomorrow") || has("tonight") {
            relative_days(&s, &mut out);
            weekdays(&s, &mut out);
        }
        if has("week") || has("month") || has("year") {
            periods(&s, &mut out);
        }
        if units || has("hour") {
            durations(&s, &mut out);
        }
        if low.bytes().any(|b| b.is_ascii_digit()) || has("year") {
            ages(&s, &mut out);
        }
        if has("born") {
            births(&s, &mut out);
        }
        if has("ago") {
            years_ago(&s, &mut out);
        }
        ranges(&s, &mut out);
        for m in &mut out[before..] {
            m.segment = seg.kind;
        }
    }
    out.sort_by_key(|m| (m.span.start, m.span.end));
    let mut qi = 0;
    for m in &mut out {
        while qi < article.quotes.len() && article.quotes[qi].end <= m.span.start {
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
struct Seg<'a> {
    text: &'a str,
    offset: usize,
    dates: &'a [DateMention],
}

impl Seg<'_> {
    fn span(&self, start: usize, end: usize) -> Span {
        Span::new(self.offset + start, self.offset + end)
    }

    fn push(&self, out: &mut Vec<TimeMention>, start: usize, end: usize, value: TimeValue) {
        out.push(TimeMention {
            span: self.span(start, end),
            segment: SegmentKind::Paragraph,
            quoted: false,
            value,
        });
    }

    /// The date mention starting at segment byte `pos`, if any.
    fn date_at(&self, pos: usize) -> Option<&DateMention> {
        let abs = self.offset + pos;
        let i = self.dates.partition_point(|d| d.span.start < abs);
        self.dates.get(i).filter(|d| d.span.start == abs)
    }

    /// The word before byte `pos` (letters, apostrophes and hyphens), skipping spaces.
    fn word_before(&self, pos: usize) -> &str {
        let before = self.text.get(..pos).unwrap_or("").trim_end();
        let start = before
            .char_indices()
            .rev()
            .find(|(_, c)| !(c.is_alphabetic() || *c == '\'' || *c == '’' || *c == '-'))
            .map_or(0, |(i, c)| i + c.len_utf8());
        &before[start..]
    }

    /// Up to `n` bytes before `pos`, cut at a char boundary.
    fn window_before(&self, pos: usize, n: usize) -> &str {
        let mut start = pos.saturating_sub(n);
        while start > 0 && !self.text.is_char_boundary(start) {
            start -= 1;
        }
        self.text.get(start..pos).unwrap_or("")
    }

    /// Up to `n` bytes from `pos`, cut at a char boundary.
    fn window_after(&self, pos: usize, n: usize) -> &str {
        let mut end = (pos + n).min(self.text.len());
        while end < self.text.len() && !self.text.is_char_boundary(end) {
            end += 1;
        }
        self.text.get(pos..end).unwrap_or("")
    }
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
            let t4 = &t[3..];
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

fn relative_days(s: &Seg<'_>, out: &mut Vec<TimeMention>) {
    for c in relative_day_re().captures_iter(s.text) {
        let Some(w) = c.name("w") else { continue };
        let mut offset = match w.as_str().to_ascii_lowercase().as_str() {
            "yesterday" => -1,
            "tomorrow" => 1,
            _ => 0,
        };
        // "the day before yesterday" is two days back, "the day after tomorrow" two ahead;
        // "the day after yesterday" and the like are left alone.
        let mut start = w.start();
        if let Some(shift) = day_before_after(s.text, w.start()) {
            let (len, delta) = shift;
            match (offset, delta) {
                (-1, -1) | (1, 1) => offset += delta,
                _ => continue,
            }
            start -= len;
        }
        let attached = attached_after(s, w.end(), false);
        let end = attached.map_or(w.end(), |a| a.span.end - s.offset);
        s.push(
            out,
            start,
            end,
            TimeValue::RelativeDay(RelativeDay {
                offset,
                word: s.span(start, w.end()),
                attached,
            }),
        );
    }
}

/// When "day before " or "day after " (any case, the "the" before it included) ends at byte
/// `pos` of `text`: its length and the shift it adds, -1 for "before" and +1 for "after".
fn day_before_after(text: &str, pos: usize) -> Option<(usize, i64)> {
    let before = text.get(..pos)?;
    let trimmed = before.trim_end();
    if trimmed.len() == before.len() {
        return None;
    }
    let start = dates::alpha_tail_start(trimmed);
    let delta = match trimmed[start..].to_ascii_lowercase().as_str() {
        "before" => -1,
        "after" => 1,
        _ => return None,
    };
    let head = trimmed[..start].trim_end();
    if head.len() == trimmed[..start].len() || !head.to_ascii_lowercase().ends_with("day") {
        return None;
    }
    let day_start = head.len() - 3;
    if head[..day_start].ends_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    let mut from = day_start;
    let lead = head[..day_start].trim_end();
    if lead.to_ascii_lowercase().ends_with("the")
        && !lead[..lead.len() - 3].ends_with(|c: char| c.is_alphanumeric())
    {
        from = lead.len() - 3;
    }
    Some((pos - from, delta))
}

/// Capitalised words that make the weekday after them part of a name ("Good Friday").
fn is_holiday_word(w: &str) -> bool {
    matches!(
        w,
        "Good"
            | "Black"
            | "Ash"
            | "Palm"
            | "Easter"
            | "Holy"
            | "Maundy"
            | "Super"
            | "Bloody"
            | "Cyber"
            | "Whit"
            | "Shrove"
            | "Low"
            | "Mothering"
            | "Giving"
    )
}

fn weekdays(s: &Seg<'_>, out: &mut Vec<TimeMention>) {
    for c in weekday_re().captures_iter(s.text) {
        let Some(wd) = c.name("wd") else { continue };
        let Some(weekday) = weekday_from_name(wd.as_str()) else {
            continue;
        };
        let q = c.name("q");
        if q.is_none() && is_holiday_word(s.word_before(wd.start())) {
            continue;
        }
        // "Friday week" (a week from Friday) and "Friday fortnight" are not that Friday.
        let after = s.text.get(wd.end()..).unwrap_or("");
        if after.starts_with(" week") || after.starts_with(" fortnight") {
            continue;
        }
        let qualifier = match q.map(|q| {
            q.as_str()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_ascii_lowercase()
        }) {
            Some(q) if q == "last" || q == "this past" || q == "past" => WeekdayQualifier::Last,
            Some(q) if q == "next" || q == "this coming" || q == "coming" => WeekdayQualifier::Next,
            Some(q) if q == "this" => WeekdayQualifier::This,
            _ => WeekdayQualifier::On,
        };
        let date = s.date_at(wd.start()).and_then(|d| {
            let cal = d.calendar()?;
            Some(AttachedDay {
                span: cal.span,
                weekday: d.weekday.map(|w| w.weekday),
                date: cal.date,
                year_written: cal.year.is_written(),
            })
        });
        let start = q.map_or(wd.start(), |q| q.start());
        let end = date.map_or(wd.end(), |d| d.span.end - s.offset);
        s.push(
            out,
            start,
            end,
            TimeValue::Weekday(WeekdayRef {
                qualifier,
                weekday,
                weekday_span: s.span(wd.start(), wd.end()),
                date,
            }),
        );
    }
}

fn periods(s: &Seg<'_>, out: &mut Vec<TimeMention>) {
    for c in period_re().captures_iter(s.text) {
        let (Some(q), Some(u), Some(all)) = (c.name("q"), c.name("u"), c.get(0)) else {
            continue;
        };
        let unit = match u.as_str() {
            "week" => PeriodUnit::Week,
            "month" => PeriodUnit::Month,
            _ => PeriodUnit::Year,
        };
        let the_before = s.word_before(q.start()).eq_ignore_ascii_case("the");
        let (offset, past) = match q.as_str().to_ascii_lowercase().as_str() {
            // "in the last month" is the past month, not the previous calendar month.
            "last" if the_before => (0, true),
            "last" => (-1, false),
            "next" => (1, false),
            "past" => (0, true),
            _ => (0, false),
        };
        let part = if past {
            // "the past week": the period ending today; "earlier the past week" is no phrase.
            if c.name("part").is_some() {
                continue;
            }
            PeriodPart::Past
        } else {
            match c.name("part").map(|p| p.as_str().to_ascii_lowercase()) {
                Some(p) if p == "earlier" => PeriodPart::Earlier,
                Some(_) => PeriodPart::Later,
                None => PeriodPart::Whole,
            }
        };
        // "last year's" and "next week's" are fine; "this year-end" is not a period.
        if s.text.get(all.end()..).is_some_and(|r| r.starts_with('-')) {
            continue;
        }
        let attached = attached_after(s, all.end(), true).filter(|a| a.date.is_some());
        let end = attached.map_or(all.end(), |a| a.span.end - s.offset);
        s.push(
            out,
            all.start(),
            end,
            TimeValue::Period(RelativePeriod {
                words: s.span(all.start(), all.end()),
                unit,
                offset,
                part,
                attached,
            }),
        );
    }
}

fn durations(s: &Seg<'_>, out: &mut Vec<TimeMention>) {
    for c in duration_re().captures_iter(s.text) {
        let Some(all) = c.get(0) else { continue };
        let q = qualifier(c.name("q").or(c.name("q2")).map(|m| m.as_str()));
        let (n, u, form, noun) = if let (Some(n), Some(u)) = (c.name("cn"), c.name("cu")) {
            // "45-year-old" is an age; "once-a-day" is a rate.
            if c.name("cold").is_some()
                || n.as_str().len() <= 2 && n.as_str().starts_with(['a', 'A'])
            {
                continue;
            }
            // The noun after the compound: the next lower-case word ("two-day summit"),
            // skipping one more modifier ("two-day state visit").
            let rest = &s.text[all.end()..];
            let noun = next_lower_words(rest, 2).map(|(a, b)| s.span(all.end() + a, all.end() + b));
            (n, u, DurationForm::Compound, noun)
        } else if let (Some(n), Some(u), Some(lead)) = (c.name("fn"), c.name("fu"), c.name("lead"))
        {
            let form = if lead.as_str().eq_ignore_ascii_case("for") {
                DurationForm::For
            } else {
                DurationForm::Lasted
            };
            (n, u, form, None)
        } else if let (Some(n), Some(u), Some(noun)) = (c.name("on"), c.name("ou"), c.name("onoun"))
        {
            (
                n,
                u,
                DurationForm::Of,
                Some(s.span(noun.start(), noun.end())),
            )
        } else {
            continue;
        };
        let (Some(amount), Some(unit)) = (number_value(n.as_str()), unit_of(u.as_str())) else {
            continue;
        };
        if amount == 0 {
            continue;
        }
        // "a day" in "once a day" or "two a day" is a rate, not a duration; the compound and
        // lasted forms are safe, "for a day" is fine.
        s.push(
            out,
            all.start(),
            all.end(),
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
        let r = &rest[pos..];
        let Some(t) = r.strip_prefix(' ') else { break };
        let len = t
            .find(|c: char| !(c.is_ascii_lowercase() || c == '-'))
            .unwrap_or(t.len());
        if len == 0 || NOT_NOUNS.contains(&&t[..len]) {
            break;
        }
        let start = pos + 1;
        found = Some((found.map_or(start, |f| f.0), start + len));
        pos = start + len;
    }
    found
}

/// Lower-case words that end a noun phrase rather than head it.
const NOT_NOUNS: &[&str] = &[
    "of", "in", "on", "at", "for", "with", "to", "and", "or", "the", "a", "an", "which", "that",
    "was", "is", "will", "would", "has", "had", "be", "been", "from", "by", "ended", "began",
    "starts", "started", "ends", "opened", "opens", "closed", "closes",
];

/// Words that cannot be the name in "Name, 45,".
fn not_a_name(w: &str) -> bool {
    month_from_name(w).is_some()
        || weekday_from_name(w).is_some()
        || matches!(
            w,
            "In" | "The"
                | "On"
                | "At"
                | "By"
                | "Of"
                | "And"
                | "But"
                | "Page"
                | "Chapter"
                | "No"
                | "Section"
                | "Article"
                | "Room"
                | "Route"
                | "Highway"
                | "Flight"
        )
}

fn age_context(s: &Seg<'_>, start: usize, end: usize) -> AgeContext {
    let before = s.window_before(start, 40).to_ascii_lowercase();
    let after = s.window_after(end, 40).to_ascii_lowercase();
    if before.contains("would have") || before.contains("would be") || before.contains("would turn")
    {
        return AgeContext::Hypothetical;
    }
    let prev = s.word_before(start).to_ascii_lowercase();
    let before = before.trim_end();
    let past_before = [
        " was",
        " were",
        " then",
        "then-",
        " at",
        " died",
        " dies",
        " killed",
        " when",
        "at the age of",
        "at age",
        " as a",
        " as an",
        " late",
        "died aged",
        "dies aged",
        "killed aged",
        "died, aged",
        "death, aged",
        "death aged",
    ];
    let b = format!(" {before}");
    let past_after = [
        " when",
        " at the time",
        " then",
        " in 1",
        " in 20",
        " at his death",
        " at her death",
        " died",
        " was killed",
    ];
    if matches!(
        prev.as_str(),
        "was" | "were" | "then" | "at" | "died" | "age" | "of"
    ) || past_before.iter().any(|p| b.ends_with(p))
        || past_after.iter().any(|p| {
            after
                .trim_start_matches([',', ' '])
                .starts_with(p.trim_start())
        })
    {
        return AgeContext::Past;
    }
    AgeContext::Current
}

fn ages(s: &Seg<'_>, out: &mut Vec<TimeMention>) {
    for c in age_re().captures_iter(s.text) {
        let (n, form, person) = if let (Some(name), Some(n)) = (c.name("name"), c.name("an")) {
            let bare = name.as_str().trim_end_matches('.');
            if not_a_name(bare) || bare.len() < 2 {
                continue;
            }
            (
                n,
                AgeForm::Apposition,
                Some(s.span(name.start(), name.end())),
            )
        } else if let (Some(kw), Some(n)) = (c.name("aged"), c.name("gn")) {
            let form = if kw.as_str().to_ascii_lowercase().starts_with("turn") {
                AgeForm::Turned
            } else {
                AgeForm::Aged
            };
            (n, form, None)
        } else if let Some(n) = c.name("yn") {
            (n, AgeForm::YearOld, None)
        } else if let Some(n) = c.name("isn") {
            // "Jane Smith (born 12 January 1979) is 40.": the age after the bracket.
            (n, AgeForm::Stated, None)
        } else {
            continue;
        };
        let Some(years) = number_value(n.as_str()) else {
            continue;
        };
        if !(1..=120).contains(&years) {
            continue;
        }
        // A number glued to a decimal or list ("Smith, 4.5," / "1, 2,") is no age.
        let mut next = s.text[n.end()..].chars();
        let (c1, c2) = (next.next(), next.next());
        if c1 == Some('%') || (c1 == Some('.') && c2.is_some_and(|c| c.is_ascii_digit())) {
            continue;
        }
        let Some(all) = c.get(0) else { continue };
        let context = age_context(s, n.start(), all.end());
        s.push(
            out,
            n.start(),
            n.end().max(if form == AgeForm::YearOld {
                all.end()
            } else {
                n.end()
            }),
            TimeValue::Age(Age {
                years,
                years_span: s.span(n.start(), n.end()),
                form,
                person,
                context,
            }),
        );
    }
}

fn births(s: &Seg<'_>, out: &mut Vec<TimeMention>) {
    for m in born_re().find_iter(s.text) {
        // "Sheffield-born", "born-again", "first-born" are no birth dates.
        let prev = s.text[..m.start()].chars().next_back();
        let next = s.text[m.end()..].chars().next();
        if prev == Some('-') || next == Some('-') {
            continue;
        }
        // The clause after "born": up to 60 bytes, stopping at a sentence or clause break.
        let window = s.window_after(m.end(), 60);
        let stop = window
            .find([';', '.', ':', '!', '?', ')'])
            .map(|i| {
                // keep "Feb." / "St." inside the window when a digit follows later
                if window[i..].starts_with('.')
                    && window[..i].ends_with(|c: char| c.is_alphabetic())
                {
                    let w = window[..i]
                        .rsplit(|c: char| !c.is_alphabetic())
                        .next()
                        .unwrap_or("");
                    if month_from_name(w).is_some() {
                        return window.len();
                    }
                }
                i
            })
            .unwrap_or(window.len());
        let mut stop = stop;
        for cut in [" and ", " but ", " while ", " whose ", " who ", " when "] {
            if let Some(i) = window[..stop].find(cut) {
                stop = stop.min(i);
            }
        }
        let clause_end = m.end() + stop;
        // A written date with a year first ("born on March 3, 1979").
        let lo = s
            .dates
            .partition_point(|d| d.span.start < s.offset + m.end());
        let date = s.dates[lo..]
            .iter()
            .take_while(|d| d.span.start < s.offset + clause_end)
            .find_map(|d| {
                let c = d.calendar()?;
                let y = match c.year {
                    dates::Year::Written { value, .. } => value,
                    _ => return None,
                };
                Some((y, c.date, c.span))
            });
        let found = date.or_else(|| {
            let clause = &s.text[m.end()..clause_end];
            let y = year_re().captures(clause)?;
            let ym = y.name("y")?;
            let value: i32 = ym.as_str().parse().ok()?;
            Some((
                value,
                None,
                s.span(m.end() + ym.start(), m.end() + ym.end()),
            ))
        });
        let Some((year, date, value_span)) = found else {
            continue;
        };
        s.push(
            out,
            m.start(),
            value_span.end - s.offset,
            TimeValue::Birth(Birth {
                born: s.span(m.start(), m.end()),
                year,
                date,
                value_span,
            }),
        );
    }
}

fn years_ago(s: &Seg<'_>, out: &mut Vec<TimeMention>) {
    for c in ago_re().captures_iter(s.text) {
        let (Some(n), Some(u), Some(all)) = (c.name("n"), c.name("u"), c.get(0)) else {
            continue;
        };
        let Some(amount) = number_value(n.as_str()) else {
            continue;
        };
        let decades = u.as_str().starts_with("decade");
        let years = if decades { amount * 10 } else { amount };
        let q = qualifier(c.name("q").map(|m| m.as_str()));
        let after = year_after_re()
            .captures(&s.text[all.end()..])
            .and_then(|y| y.name("y"))
            .map(|y| (y.as_str(), all.end() + y.start(), all.end() + y.end()));
        let before = || {
            let w = s.window_before(all.start(), 30);
            let base = all.start() - w.len();
            year_before_re()
                .captures(w)
                .and_then(|y| y.name("y"))
                .map(|y| (y.as_str(), base + y.start(), base + y.end()))
        };
        let year = after
            .or_else(before)
            .and_then(|(y, a, b)| Some((y.parse::<i32>().ok()?, s.span(a, b))));
        s.push(
            out,
            all.start(),
            all.end(),
            TimeValue::YearsAgo(YearsAgo {
                years,
                decades,
                qualifier: q,
                year,
            }),
        );
    }
}

/// The inclusive number of days from `(m1, d1)` to `(m2, d2)`, the end in `year2` (the start in
/// the same year, or the one before when its month comes later). When `year2` is unknown, the
/// count in a common and a leap year, if they agree.
fn range_days(m1: u32, d1: u32, m2: u32, d2: u32, year2: Option<i32>) -> Option<i64> {
    let count = |y2: i32| -> Option<i64> {
        let y1 = if (m1, d1) > (m2, d2) { y2 - 1 } else { y2 };
        let a = NaiveDate::from_ymd_opt(y1, m1, d1)?;
        let b = NaiveDate::from_ymd_opt(y2, m2, d2)?;
        let n = (b - a).num_days() + 1;
        (2..=400).contains(&n).then_some(n)
    };
    match year2 {
        Some(y) => count(y),
        None => {
            let (a, b) = (count(2001)?, count(2004)?);
            (a == b).then_some(a)
        }
    }
}

fn ranges(s: &Seg<'_>, out: &mut Vec<TimeMention>) {
    for (i, d) in s.dates.iter().enumerate() {
        let Some(c) = d.calendar() else { continue };
        let local_start = c.span.start - s.offset;
        let local_end = c.span.end - s.offset;
        match c.range {
            // "27-29 February": the first day is a bare number before the dash.
            Some(RangeRole::End) => {
                let before =
                    s.text[..c.day_span.start - s.offset].trim_end_matches([' ', '-', '–']);
                // After the last character that is not an ASCII letter or digit (which may be
                // several bytes long: "3é0", "Zelensky’s30").
                let digits_start = before
                    .char_indices()
                    .rev()
                    .find(|(_, ch)| !ch.is_ascii_alphanumeric())
                    .map_or(0, |(p, ch)| p + ch.len_utf8());
                let first = &before[digits_start..];
                let Some(d1) = first
                    .trim_end_matches(|ch: char| ch.is_ascii_alphabetic())
                    .parse::<u32>()
                    .ok()
                else {
                    continue;
                };
                if d1 >= c.day {
                    continue;
                }
                let days = range_days(c.month, d1, c.month, c.day, c.year.value());
                s.push(
                    out,
                    digits_start,
                    local_end,
                    TimeValue::Range(DateRange {
                        start: s.span(digits_start, digits_start + first.len()),
                        end: c.span,
                        days,
                        from_to: false,
                    }),
                );
            }
            Some(RangeRole::Start) => {
                let dash_len = s.text[local_end..].chars().next().map_or(1, char::len_utf8);
                let next_start = local_end + dash_len;
                let after = s.text.get(next_start..).unwrap_or("");
                if let Some(e) = s
                    .dates
                    .get(i + 1)
                    .filter(|e| e.span.start == s.offset + next_start)
                {
                    let Some(ec) = e.calendar() else { continue };
                    let year = ec.year.value().or(c.year.value());
                    let days = range_days(c.month, c.day, ec.month, ec.day, year);
                    s.push(
                        out,
                        local_start,
                        ec.span.end - s.offset,
                        TimeValue::Range(DateRange {
                            start: c.span,
                            end: ec.span,
                            days,
                            from_to: false,
                        }),
                    );
                } else {
                    // "June 3-5", "June 3-5, 2024".
                    let len = after
                        .find(|ch: char| !ch.is_ascii_digit())
                        .unwrap_or(after.len());
                    let Ok(d2) = after[..len].parse::<u32>() else {
                        continue;
                    };
                    if d2 <= c.day || after[len..].starts_with(|ch: char| ch.is_alphanumeric()) {
                        continue;
                    }
                    let tail = &after[len..];
                    let written_year = range_year_re()
                        .captures(tail)
                        .and_then(|y| y.name("y")?.as_str().parse::<i32>().ok());
                    let year = written_year.or(c.year.value());
                    let days = range_days(c.month, c.day, c.month, d2, year);
                    let end = next_start + len;
                    s.push(
                        out,
                        local_start,
                        end,
                        TimeValue::Range(DateRange {
                            start: c.span,
                            end: s.span(next_start, end),
                            days,
                            from_to: false,
                        }),
                    );
                }
            }
            None => {
                // "from 10 to 12 January", "held August 11 to 16": the month written once.
                if let Some(r) = month_once_range(s, i, c) {
                    out.push(r);
                    continue;
                }
                // "from February 27 to March 1", "between 27 February and 1 March".
                let w = s.word_before(local_start);
                let lead = w.to_ascii_lowercase();
                if lead != "from" && lead != "between" {
                    continue;
                }
                let rest = &s.text[local_end..];
                let joiner = if lead == "from" {
                    ["to", "until", "through", "till"]
                        .iter()
                        .find(|j| rest.starts_with(&format!(" {j} ")))
                } else {
                    ["and"].iter().find(|j| rest.starts_with(&format!(" {j} ")))
                };
                let Some(j) = joiner else { continue };
                let next_start = local_end + j.len() + 2;
                let Some(e) = s
                    .dates
                    .get(i + 1)
                    .filter(|e| e.span.start == s.offset + next_start)
                else {
                    continue;
                };
                let Some(ec) = e.calendar() else { continue };
                let year = ec.year.value().or(c.year.value());
                let days = range_days(c.month, c.day, ec.month, ec.day, year);
                s.push(
                    out,
                    local_start,
                    ec.span.end - s.offset,
                    TimeValue::Range(DateRange {
                        start: c.span,
                        end: ec.span,
                        days,
                        from_to: true,
                    }),
                );
            }
        }
    }
}

/// Words before a month-first date that make it a single day, not the start of "August 11 to
/// 16" ("rose from 5 on August 11 to 16").
const SINGLE_DAY_LEADS: &[&str] = &[
    "on", "by", "since", "before", "after", "until", "till", "to", "and", "or", "than",
];

/// Words that may follow the last day of "August 11 to 16" (besides punctuation): a place or a
/// new clause, not a count ("to 16 people") or a unit ("to 16 pct").
const RANGE_FOLLOWERS: &[&str] = &["in", "at", "and", "with", "when", "as", "for", "while"];

/// A range whose month is written once, around the calendar date `c` (the `i`-th date of the
/// segment): "from 10 to 12 January", "between 3 and 5 May" (day-first, the first day after
/// "from"/"between"), or "August 11 to 16", "from March 3 to 5" (month-first, the last day a
/// bare number ending the clause or followed by a place).
fn month_once_range(s: &Seg<'_>, i: usize, c: &dates::CalendarDate) -> Option<TimeMention> {
    let local_start = c.span.start - s.offset;
    let local_end = c.span.end - s.offset;
    match c.form {
        dates::DateForm::DayMonth => {
            let day_start = c.day_span.start - s.offset;
            let before = s.window_before(day_start, 40);
            let caps = range_first_day_re().captures(before)?;
            let between = caps["lead"].eq_ignore_ascii_case("between");
            if between != (&caps["j"] == "and") {
                return None;
            }
            let d1m = caps.name("d1")?;
            let d1: u32 = d1m.as_str().parse().ok()?;
            if d1 == 0 || d1 >= c.day {
                return None;
            }
            let start = day_start - before.len() + d1m.start();
            let days = range_days(c.month, d1, c.month, c.day, c.year.value());
            Some(TimeMention {
                span: s.span(start, local_end),
                segment: SegmentKind::Paragraph,
                quoted: false,
                value: TimeValue::Range(DateRange {
                    start: s.span(start, day_start - before.len() + d1m.end()),
                    end: c.span,
                    days,
                    from_to: true,
                }),
            })
        }
        dates::DateForm::MonthDay if !c.year.is_written() => {
            let lead = s.word_before(local_start).to_ascii_lowercase();
            if SINGLE_DAY_LEADS.contains(&lead.as_str()) {
                return None;
            }
            let after = &s.text[local_end..];
            let caps = range_last_day_re().captures(after)?;
            if (lead == "between") != (&caps["j"] == "and") {
                return None;
            }
            let d2m = caps.name("d2")?;
            let d2: u32 = d2m.as_str().parse().ok()?;
            if d2 <= c.day || d2 > 31 {
                return None;
            }
            // "August 11 to 16 September" is two dates; the next date must not start here.
            let d2_start = local_end + d2m.start();
            if s.dates
                .get(i + 1)
                .is_some_and(|e| e.span.start <= s.offset + d2_start + 2)
            {
                return None;
            }
            let end = local_end + caps.get(0)?.end();
            let tail = &s.text[end..];
            let mut chars = tail.chars();
            let ok = match (chars.next(), chars.next()) {
                (None, _) => true,
                (Some('.' | ','), Some(ch)) if ch.is_ascii_digit() => false,
                (Some(',' | '.' | ';' | ':' | ')' | '!' | '?' | '—' | '–'), _) => true,
                (Some(' '), _) => {
                    let word = tail[1..]
                        .split(|ch: char| !ch.is_ascii_alphabetic())
                        .next()
                        .unwrap_or("");
                    RANGE_FOLLOWERS.contains(&word)
                }
                _ => false,
            };
            if !ok {
                return None;
            }
            // "August 11 to 16, 2024": the year written after the last day.
            let year = range_year_re()
                .captures(tail)
                .and_then(|y| y.name("y")?.as_str().parse::<i32>().ok())
                .or(c.year.value());
            let days = range_days(c.month, c.day, c.month, d2, year);
            Some(TimeMention {
                span: s.span(local_start, end),
                segment: SegmentKind::Paragraph,
                quoted: false,
                value: TimeValue::Range(DateRange {
                    start: c.span,
                    end: s.span(d2_start, end),
                    days,
                    from_to: lead == "from",
                }),
            })
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::input::plain::parse;
    use crate::reference::{ReferenceDate, ReferenceSource};

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn times(text: &str, reference: Option<NaiveDate>) -> (Article, Vec<TimeMention>) {
        let a = parse(Arc::from(text));
        let r = reference.map(|date| ReferenceDate {
            date,
            source: ReferenceSource::CommandLine,
            span: None,
            dateline: None,
        });
        let d = dates::extract(&a, r.as_ref());
        let t = extract(&a, &d);
        (a, t)
    }

    fn only<T>(
        text: &str,
        reference: Option<NaiveDate>,
        pick: impl Fn(&TimeValue) -> Option<T>,
    ) -> (Article, Vec<(Span, T)>) {
        let (a, t) = times(text, reference);
        let v = t
            .iter()
            .filter_map(|m| pick(&m.value).map(|x| (m.span, x)))
            .collect();
        (a, v)
    }

    #[test]
    fn number_words() {
        assert_eq!(number_value("45"), Some(45));
        assert_eq!(number_value("twenty-five"), Some(25));
        assert_eq!(number_value("Thirty"), Some(30));
        assert_eq!(number_value("an"), Some(1));
        assert_eq!(number_value("lots"), None);
    }

    #[test]
    fn relative_day_with_weekday() {
        let (a, v) = only(
            "H\n\nTalks ended yesterday (Monday) in Rome.",
            None,
            |v| match v {
                TimeValue::RelativeDay(r) => Some(*r),
                _ => None,
            },
        );
        assert_eq!(v.len(), 1);
        let (span, r) = v[0];
        assert_eq!(a.slice(span), "yesterday (Monday");
        assert_eq!(a.slice(r.word), "yesterday");
        assert_eq!(r.offset, -1);
        let at = r.attached.unwrap();
        assert_eq!(at.weekday, Some(Weekday::Mon));
        assert_eq!(a.slice(at.span), "Monday");
        // A list is not an attached weekday.
        let (_, v) = only(
            "H\n\nThey met yesterday, Monday and Tuesday.",
            None,
            |v| match v {
                TimeValue::RelativeDay(r) => Some(*r),
                _ => None,
            },
        );
        assert_eq!(v[0].1.attached, None);
    }

    #[test]
    fn relative_day_with_date() {
        let (a, v) = only(
            "H\n\nTomorrow, March 3, the vote is held. Today it rains.",
            Some(ymd(2024, 3, 1)),
            |v| match v {
                TimeValue::RelativeDay(r) => Some(*r),
                _ => None,
            },
        );
        assert_eq!(v.len(), 2);
        let at = v[0].1.attached.unwrap();
        assert_eq!(at.date, Some(ymd(2024, 3, 3)));
        assert_eq!(a.slice(at.span), "March 3");
        assert_eq!(v[0].1.offset, 1);
        assert_eq!(v[1].1.offset, 0);
        assert_eq!(v[1].1.attached, None);
    }

    #[test]
    fn weekday_alone_and_qualified() {
        let (a, v) = only(
            "H\n\nOn Tuesday he left; last Friday, March 1 he spoke; next Friday (Feb 23) too. Good Friday and Friday week are not.",
            Some(ymd(2024, 2, 28)),
            |v| match v {
                TimeValue::Weekday(w) => Some(*w),
                _ => None,
            },
        );
        let got: Vec<_> = v
            .iter()
            .map(|(s, w)| (a.slice(*s), w.qualifier, w.date.and_then(|d| d.date)))
            .collect();
        assert_eq!(
            got,
            vec![
                ("On Tuesday", WeekdayQualifier::On, None),
                (
                    "last Friday, March 1",
                    WeekdayQualifier::Last,
                    Some(ymd(2024, 3, 1))
                ),
                (
                    "next Friday (Feb 23",
                    WeekdayQualifier::Next,
                    Some(ymd(2024, 2, 23))
                ),
            ]
        );
    }

    #[test]
    fn periods_with_and_without_dates() {
        let (a, v) = only(
            "H\n\nEarlier this month, on March 28, it fell. Last week it rose; the past year too.",
            Some(ymd(2024, 3, 5)),
            |v| match v {
                TimeValue::Period(p) => Some(*p),
                _ => None,
            },
        );
        assert_eq!(v.len(), 3);
        assert_eq!(a.slice(v[0].0), "Earlier this month, on March 28");
        assert_eq!(v[0].1.part, PeriodPart::Earlier);
        assert_eq!(v[0].1.unit, PeriodUnit::Month);
        assert_eq!(v[0].1.attached.unwrap().date, Some(ymd(2024, 3, 28)));
        assert_eq!((v[1].1.unit, v[1].1.offset), (PeriodUnit::Week, -1));
        assert_eq!(v[2].1.part, PeriodPart::Past);
    }

    #[test]
    fn durations() {
        let (a, v) = only(
            "H\n\nThe two-day state visit, a once-a-day pill and a 48-hour strike; talks ran for three weeks; it lasted four days; after five days of talks. The 45-year-old left.",
            None,
            |v| match v {
                TimeValue::Duration(d) => Some(*d),
                _ => None,
            },
        );
        let got: Vec<_> = v
            .iter()
            .map(|(s, d)| {
                (
                    a.slice(*s),
                    d.amount,
                    d.unit,
                    d.form,
                    d.noun.map(|n| a.slice(n)),
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                (
                    "two-day",
                    2,
                    TimeUnit::Day,
                    DurationForm::Compound,
                    Some("state visit")
                ),
                (
                    "48-hour",
                    48,
                    TimeUnit::Hour,
                    DurationForm::Compound,
                    Some("strike")
                ),
                (
                    "ran for three weeks",
                    3,
                    TimeUnit::Week,
                    DurationForm::Lasted,
                    None
                ),
                (
                    "lasted four days",
                    4,
                    TimeUnit::Day,
                    DurationForm::Lasted,
                    None
                ),
                (
                    "five days of talks",
                    5,
                    TimeUnit::Day,
                    DurationForm::Of,
                    Some("talks")
                ),
            ]
        );
        let (_, v) = only(
            "H\n\nHe stayed for nearly three nights.",
            None,
            |v| match v {
                TimeValue::Duration(d) => Some(*d),
                _ => None,
            },
        );
        assert_eq!(v[0].1.form, DurationForm::For);
        assert_eq!(v[0].1.qualifier, Qualifier::Nearly);
        assert_eq!(v[0].1.unit, TimeUnit::Night);
    }

    fn age_list(text: &str) -> Vec<(String, u32, AgeForm, AgeContext, Option<String>)> {
        let (a, v) = only(text, None, |v| match v {
            TimeValue::Age(x) => Some(*x),
            _ => None,
        });
        v.iter()
            .map(|(s, x)| {
                (
                    a.slice(*s).to_string(),
                    x.years,
                    x.form,
                    x.context,
                    x.person.map(|p| a.slice(p).to_string()),
                )
            })
            .collect()
    }

    #[test]
    fn age_apposition() {
        let v =
            age_list("H\n\nJohn Smith, 45, said so. In March, 45, no. In Cordoba, 15 and 120 mm.");
        assert_eq!(
            v,
            vec![(
                "45".to_string(),
                45,
                AgeForm::Apposition,
                AgeContext::Current,
                Some("Smith".to_string())
            )]
        );
    }

    #[test]
    fn age_aged_and_year_old() {
        let v = age_list("H\n\nThe forty-five-year-old, aged 45, left. She died aged 80.");
        assert_eq!(v.len(), 3);
        assert_eq!((v[0].1, v[0].2), (45, AgeForm::YearOld));
        assert_eq!(v[0].0, "forty-five-year-old");
        assert_eq!(
            (v[1].1, v[1].2, v[1].3),
            (45, AgeForm::Aged, AgeContext::Current)
        );
        assert_eq!((v[2].1, v[2].3), (80, AgeContext::Past));
    }

    #[test]
    fn age_past_and_hypothetical() {
        let v = age_list("H\n\nHe was a 30-year-old when he won. She would have turned 50 today.");
        assert_eq!(v[0].3, AgeContext::Past);
        assert_eq!(
            (v[1].2, v[1].3),
            (AgeForm::Turned, AgeContext::Hypothetical)
        );
    }

    #[test]
    fn birth_year_and_date() {
        let (a, v) = only(
            "H\n\nSmith, born in 1970, and Jones, born on March 3, 1979, met. She was born in London in 1910. A Sheffield-born man.",
            None,
            |v| match v {
                TimeValue::Birth(b) => Some(*b),
                _ => None,
            },
        );
        let got: Vec<_> = v
            .iter()
            .map(|(s, b)| (a.slice(*s), b.year, b.date, a.slice(b.value_span)))
            .collect();
        assert_eq!(
            got,
            vec![
                ("born in 1970", 1970, None, "1970"),
                (
                    "born on March 3, 1979",
                    1979,
                    Some(ymd(1979, 3, 3)),
                    "March 3, 1979"
                ),
                ("born in London in 1910", 1910, None, "1910"),
            ]
        );
    }

    #[test]
    fn years_ago_with_year() {
        let (a, v) = only(
            "H\n\nIt was founded 25 years ago, in 1990. In 1956, nearly thirty years ago, it began. A decade ago.",
            None,
            |v| match v {
                TimeValue::YearsAgo(y) => Some(*y),
                _ => None,
            },
        );
        assert_eq!(v.len(), 3);
        assert_eq!(a.slice(v[0].0), "25 years ago");
        assert_eq!(v[0].1.year.map(|y| y.0), Some(1990));
        assert_eq!(v[1].1.qualifier, Qualifier::Nearly);
        assert_eq!(v[1].1.year.map(|y| a.slice(y.1)), Some("1956"));
        assert_eq!(
            (v[2].1.years, v[2].1.decades, v[2].1.year),
            (10, true, None)
        );
    }

    #[test]
    fn date_ranges() {
        let (a, v) = only(
            "H\n\nOn 27–29 February and June 3-5 and March 31-April 2, and from Feb 27 to March 1.",
            Some(ymd(2024, 2, 1)),
            |v| match v {
                TimeValue::Range(r) => Some(*r),
                _ => None,
            },
        );
        let got: Vec<_> = v
            .iter()
            .map(|(s, r)| (a.slice(*s), a.slice(r.start), a.slice(r.end), r.days))
            .collect();
        assert_eq!(
            got,
            vec![
                ("27–29 February", "27", "29 February", Some(3)),
                ("June 3-5", "June 3", "5", Some(3)),
                ("March 31-April 2", "March 31", "April 2", Some(3)),
                ("Feb 27 to March 1", "Feb 27", "March 1", Some(4)),
            ]
        );
        // Without a year, a range across the end of February is unknown.
        let (_, v) = only("H\n\nFrom Feb 27 to March 1.", None, |v| match v {
            TimeValue::Range(r) => Some(*r),
            _ => None,
        });
        assert_eq!(v[0].1.days, None);
    }

    #[test]
    fn date_ranges_with_the_month_written_once() {
        let ranges = |text: &str| {
            let (a, v) = only(text, Some(ymd(2024, 2, 1)), |v| match v {
                TimeValue::Range(r) => Some(*r),
                _ => None,
            });
            v.iter()
                .map(|(s, r)| {
                    (
                        a.slice(*s).to_string(),
                        a.slice(r.start).to_string(),
                        a.slice(r.end).to_string(),
                        r.days,
                    )
                })
                .collect::<Vec<_>>()
        };
        let one = |s: &str, a: &str, b: &str, n: i64| {
            vec![(s.to_string(), a.to_string(), b.to_string(), Some(n))]
        };
        assert_eq!(
            ranges("H\n\nThe fair ran from 10 to 12 January."),
            one("10 to 12 January", "10", "12 January", 3)
        );
        assert_eq!(
            ranges("H\n\nIt is held between 3 and 7 May in Riga."),
            one("3 and 7 May", "3", "7 May", 5)
        );
        assert_eq!(
            ranges("H\n\nThe visit, held August 11 to 16, ended."),
            one("August 11 to 16", "August 11", "16", 6)
        );
        assert_eq!(
            ranges("H\n\nTalks ran from March 3 to 5 in Oslo."),
            one("March 3 to 5", "March 3", "5", 3)
        );
        assert_eq!(
            ranges("H\n\nTalks ran from March 3 to 5, 2023."),
            one("March 3 to 5", "March 3", "5", 3)
        );
        for t in [
            // No "from"/"between" before the first day, or the wrong joiner.
            "H\n\nThe fair ran 10 to 12 January.",
            "H\n\nThe fair ran from 10 and 12 January.",
            "H\n\nThe fair ran between 10 to 12 January.",
            "H\n\nThe fair moved from 14 to 12 January.",
            // A single day, then a count, a unit or another date.
            "H\n\nPrices rose from 3 on June 12 to 16.",
            "H\n\nStaff grew on March 3 to 16 people.",
            "H\n\nThe index rose March 3 to 16 pct.",
            "H\n\nThe index rose March 3 to 16.5.",
            "H\n\nThey stayed August 11 to 16 September.",
            "H\n\nThey stayed August 16 to 11.",
        ] {
            assert!(ranges(t).is_empty(), "{t}");
        }
    }

    #[test]
    fn quoted_flag() {
        let (_, t) = times("H\n\nHe said “we met yesterday (Monday)” to them.", None);
        assert!(t.iter().all(|m| m.quoted));
        assert!(!t.is_empty());
    }

    #[test]
    fn day_before_yesterday_shifts_two_days() {
        let (a, v) = only(
            "H\n\nThey voted the day before yesterday (Wednesday); the day after tomorrow, Sunday, too. The Day After Tomorrow is a film; the day after yesterday is not checked.",
            None,
            |v| match v {
                TimeValue::RelativeDay(r) => Some(*r),
                _ => None,
            },
        );
        let got: Vec<_> = v.iter().map(|(_, r)| (a.slice(r.word), r.offset)).collect();
        assert!(day_before_after("é\u{feff} yesterday", 6).is_none());
        assert_eq!(
            got,
            vec![
                ("the day before yesterday", -2),
                ("the day after tomorrow", 2),
                ("The Day After Tomorrow", 2),
            ]
        );
    }

    #[test]
    fn ages_after_now_and_after_a_bracketed_birth() {
        let v = age_list(
            "H\n\nSmith, now 40, was born in 1979. Jane Smith (born 12 January 1979) is 45.",
        );
        let got: Vec<_> = v.iter().map(|x| (x.1, x.2)).collect();
        assert_eq!(got, vec![(40, AgeForm::Apposition), (45, AgeForm::Stated)]);
        assert!(age_list("H\n\nJane Smith (born 12 January 1979) is 45 percent sure.").is_empty());
    }
}
