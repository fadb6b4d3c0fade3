//! Written calendar dates, with the weekday written next to them.
//!
//! Forms found (month names full or abbreviated, with or without a full stop, ordinal suffixes
//! allowed on the day):
//!
//! - month first: "February 28, 2024", "Feb. 28, 2024", "Feb 28", "February 28th";
//! - day first: "28 February 2024", "28 Feb", "28th of February";
//! - ISO: "2024-02-28";
//! - any of these after a weekday: "Wednesday, February 28, 2024", "Wed 28 Feb 2024",
//!   "Tuesday the 28th of February", "Tuesday (Feb 28)".
//!
//! Month and weekday names count only when capitalised ("February", "FEB"), never in lower case
//! ("may", "march", "sun"), and a month always needs a day next to it. A number over 31 or zero is
//! never a day, so "May 35" is no date. Candidates are rejected when the number reads as a
//! quantity, a decimal or a version ("March 3.1 pct", "June 31-year-old"), or when a month that is
//! also a given name follows another capitalised name ("Theresa May 31").
//!
//! Every span is a **byte** range into [`Article::text`]; matching never rewrites the text.
//! Extraction is one left-to-right pass of a hand scanner per segment
//! (`claims::date_scan`, nothing compiled at start-up) plus bounded look-around, so it
//! is linear in the article's length.
//!
//! Later extractors (relative dates such as "yesterday", durations, ages) add variants to
//! [`DateValue`] or their own mention types; rules reach calendar dates through
//! [`DateMention::calendar`].

use chrono::{NaiveDate, Weekday};

use crate::article::{Article, SegmentKind, Span};
use crate::claims::date_scan::{self, DateCaps, Group};
use crate::claims::resolve::Provenance;
use crate::claims::tense::{self, Governing};
use crate::knowledge::calendar::{month_from_name, weekday_from_name};
use crate::knowledge::lexicon;

/// A date written in the article.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct DateMention {
    /// The bytes of the whole expression: from the weekday, when one is written with the date,
    /// to the end of the date (and the closing bracket of "Tuesday (Feb 28)").
    pub span: Span,
    /// The kind of segment the mention lies in (the date line, the headline, ...).
    pub segment: SegmentKind,
    /// True when the mention lies inside a quotation (someone's statement).
    pub quoted: bool,
    /// The weekday written together with the date ("Tuesday, Feb 28"), if any. In a weekday
    /// range before a date range ("Monday to Friday, March 4-8"), the first weekday (Monday),
    /// which goes with the first day; the second pair is in [`DateMention::range_end`].
    pub weekday: Option<WeekdayMention>,
    /// The second weekday and day of "Monday to Friday, March 4-8" (Friday, March 8).
    pub range_end: Option<RangeEndWeekday>,
    /// What the expression denotes.
    pub value: DateValue,
    /// The verb governing the date and its tense ("was held on", "will be held on"), when read
    /// ([`crate::claims::tense`]).
    pub governing: Option<Governing>,
}

/// The last weekday and day of a weekday range written before a date range: "Friday" and "8"
/// in "Monday to Friday, March 4-8", "Monday" and "April 1" in "Saturday to Monday, March 30 to
/// April 1". The written weekday goes with this day, not with the first one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct RangeEndWeekday {
    /// The second weekday named.
    pub weekday: WeekdayMention,
    /// The bytes of the last day (with its month when written: "April 1").
    pub span: Span,
    /// Month number, 1–12.
    pub month: u32,
    /// Day number.
    pub day: u32,
    /// The calendar date, when the year is known (written or inferred like the first day's).
    pub date: Option<NaiveDate>,
}

impl DateMention {
    /// The calendar date, when the mention is one (every mention today).
    pub fn calendar(&self) -> Option<&CalendarDate> {
        match &self.value {
            DateValue::Calendar(c) => Some(c),
        }
    }
}

/// A weekday name written with a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct WeekdayMention {
    /// The day named.
    pub weekday: Weekday,
    /// The bytes of the name, full stop included ("Wed.").
    pub span: Span,
}

/// The meaning of a [`DateMention`]. More kinds (relative dates) will join this enum.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub enum DateValue {
    /// A day of a month, with or without a year.
    Calendar(CalendarDate),
}

/// How a calendar date is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub enum DateForm {
    /// "February 28, 2024", "Feb 28".
    MonthDay,
    /// "28 February 2024", "28th of Feb".
    DayMonth,
    /// "2024-02-28".
    Iso,
}

/// Where a date stands in a range written with a dash.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub enum RangeRole {
    /// The first end: "March 31" in "March 31-April 2", "June 3" in "June 3-5".
    Start,
    /// The last end: "29 February" in "27-29 February".
    End,
}

/// The year of a calendar date.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub enum Year {
    /// Written in the text.
    Written {
        /// The year ("2024").
        value: i32,
        /// Its bytes.
        span: Span,
    },
    /// Not written; taken by [`crate::claims::resolve`] as the year that puts the month and day
    /// nearest the reference date ([`crate::knowledge::calendar::year_for_month_day`]). Never
    /// produced by [`extract`], which only parses.
    Inferred {
        /// The year chosen.
        value: i32,
        /// The reference date it was chosen from, with its source (a small copy, not the
        /// whole [`crate::reference::ReferenceDate`]).
        reference: Provenance,
    },
    /// Not written, and not (or not yet) inferred: every year-less date after [`extract`]; after
    /// resolution, when there is no reference date or no candidate year has this month and day
    /// (February 30).
    Unknown,
}

impl Year {
    /// The year, written or inferred.
    pub fn value(&self) -> Option<i32> {
        match self {
            Year::Written { value, .. } | Year::Inferred { value, .. } => Some(*value),
            Year::Unknown => None,
        }
    }

    /// True when the year is written in the text.
    pub fn is_written(&self) -> bool {
        matches!(self, Year::Written { .. })
    }
}

/// A day of a month as written, with the date it resolves to.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct CalendarDate {
    /// The bytes of the date itself, weekday excluded ("February 28, 2024").
    pub span: Span,
    /// How it is written.
    pub form: DateForm,
    /// Month number, 1–12.
    pub month: u32,
    /// The bytes of the month (name with its full stop, or the ISO digits).
    pub month_span: Span,
    /// Day number, 1–31 (not necessarily valid for the month).
    pub day: u32,
    /// The bytes of the day, ordinal suffix included ("28th").
    pub day_span: Span,
    /// The year: written, inferred from the reference date, or unknown.
    pub year: Year,
    /// The calendar date, when the year is known and the day exists in that month.
    pub date: Option<NaiveDate>,
    /// Set when a dash joins this date to another day ("June 3-5", "27-29 February").
    pub range: Option<RangeRole>,
}

impl CalendarDate {
    /// True when the day exists in the month in at least one year (February 29 does, February
    /// 30 does not). Says nothing about a written year.
    pub fn exists_in_some_year(&self) -> bool {
        NaiveDate::from_ymd_opt(2000, self.month, self.day).is_some()
    }
}

/// Find the calendar dates written in `article`, in document order, unresolved.
///
/// Scans every segment, the date line above the headline included. This only parses: a date
/// without a written year has [`Year::Unknown`] and no [`CalendarDate::date`] until
/// [`crate::claims::resolve::dates`] attaches the year inferred from a reference date, so the
/// parse does not depend on the reference date.
pub fn extract(article: &Article) -> Vec<DateMention> {
    let mut out = Vec::new();
    let mut quote_idx = 0;
    for seg in &article.segments {
        let Some(text) = article.text.get(seg.span.start..seg.span.end) else {
            continue;
        };
        // Every date holds an ASCII digit, so segments without one are not scanned.
        if !text.bytes().any(|b| b.is_ascii_digit()) {
            continue;
        }
        for caps in date_scan::dates(text) {
            let Some(mut m) = mention(text, seg.span.start, &caps) else {
                continue;
            };
            m.segment = seg.kind;
            // Quotes are sorted and disjoint: advance a cursor instead of searching each time.
            while article
                .quotes
                .get(quote_idx)
                .is_some_and(|q| q.end <= m.span.start)
            {
                quote_idx += 1;
            }
            m.quoted = article
                .quotes
                .get(quote_idx)
                .is_some_and(|q| q.contains(m.span));
            m.governing = tense::governing(article, m.span);
            out.push(m);
        }
    }
    out
}

fn span_of(offset: usize, m: Group<'_>) -> Span {
    Span::new(offset + m.start(), offset + m.end())
}

fn parse_day(s: &str) -> Option<u32> {
    let digits = s.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let day: u32 = digits.parse().ok()?;
    (1..=31).contains(&day).then_some(day)
}

/// The word starting at byte `pos` of `text` (letters and `%` only), after any spaces.
fn next_word(text: &str, pos: usize) -> &str {
    let rest = text.get(pos..).unwrap_or("").trim_start();
    let end = rest
        .find(|c: char| !(c.is_alphabetic() || c == '%' || c == '-'))
        .unwrap_or(rest.len());
    rest.get(..end).unwrap_or_default()
}

/// The word ending just before byte `pos` of `text`, when one space (or none) separates them.
fn prev_word(text: &str, pos: usize) -> &str {
    let before = text.get(..pos).unwrap_or("");
    let Some(before) = before.strip_suffix(' ') else {
        return "";
    };
    let start = before.rfind(|c: char| !c.is_alphabetic()).map_or(0, |i| {
        i + before
            .get(i..)
            .and_then(|r| r.chars().next())
            .map_or(1, char::len_utf8)
    });
    before.get(start..).unwrap_or_default()
}

/// Classify what follows the day of a month-first date written without a year. `None` when the
/// number is a quantity, decimal, version or compound ("3.1", "31-year-old", "31 pct").
fn after_day(text: &str, end: usize) -> Option<Option<RangeRole>> {
    let rest = text.get(end..).unwrap_or("");
    let mut chars = rest.chars();
    let (first, second) = (chars.next(), chars.next());
    match (first, second) {
        (Some('.' | ',' | ':' | '/'), Some(c)) if c.is_ascii_digit() => None,
        (Some('%'), _) => None,
        (Some('-' | '–'), Some(c)) if c.is_ascii_digit() || c.is_uppercase() => {
            Some(Some(RangeRole::Start))
        }
        (Some('-' | '–'), _) => None,
        (Some(c), _) if c.is_alphanumeric() => None,
        _ => {
            let word = next_word(text, end).to_ascii_lowercase();
            if lexicon::contains(lexicon::calendar::QUANTITY_UNITS, &word)
                || word.starts_with("year-")
                || word.starts_with("per-")
            {
                None
            } else {
                Some(None)
            }
        }
    }
}

/// True when the number ending at byte `end` is followed by a space and a lower-case plural
/// noun or verb ("31 schools", "30 migrants drowned", "31 were"), with no comma in between.
fn count_follows(text: &str, end: usize) -> bool {
    let Some(rest) = text.get(end..).and_then(|r| r.strip_prefix(' ')) else {
        return false;
    };
    let len = rest
        .find(|c: char| !c.is_ascii_lowercase())
        .unwrap_or(rest.len());
    let word = rest.get(..len).unwrap_or_default();
    if word.len() < 2
        || rest
            .get(len..)
            .is_some_and(|r| r.starts_with(['-', '\'', '’']))
    {
        return false;
    }
    lexicon::contains(lexicon::date_words::COUNT_WORDS, word)
        || (word.len() >= 3
            && word.ends_with('s')
            && !lexicon::contains(lexicon::date_words::S_FUNCTION_WORDS, word))
        || (word.len() >= 4 && word.ends_with("ed"))
}

/// Classify what precedes the day of a day-first date. `None` when the number continues a
/// decimal, a price or a list of figures ("3.28 February", "$28 Feb").
fn before_day(text: &str, start: usize) -> Option<Option<RangeRole>> {
    let before = text.get(..start).unwrap_or("");
    let mut chars = before.chars().rev();
    match (chars.next(), chars.next()) {
        (Some('.' | ',' | ':' | '/'), Some(c)) if c.is_ascii_digit() => None,
        (Some('$' | '£' | '€' | '#'), _) => None,
        (Some('-' | '–'), Some(c)) if c.is_ascii_digit() => Some(Some(RangeRole::End)),
        (Some('-' | '–'), _) => None,
        _ => Some(None),
    }
}

/// A four-digit year that is not a clock time.
fn year_at(text: &str, offset: usize, m: Option<Group<'_>>) -> Option<(i32, Span)> {
    let m = m?;
    let value: i32 = m.as_str().parse().ok()?;
    if !(1000..=2999).contains(&value) {
        return None;
    }
    let word = next_word(text, m.end()).to_ascii_lowercase();
    if lexicon::contains(lexicon::date_words::CLOCK_ZONES, &word) {
        return None;
    }
    Some((value, span_of(offset, m)))
}

/// Build a mention from one match of [`date_scan::dates`] inside a segment whose text is `text`
/// and which starts at byte `offset`. `None` when the match is not a date after all.
fn mention(text: &str, offset: usize, caps: &DateCaps<'_>) -> Option<DateMention> {
    let mut range = None;
    let (form, month, month_m, day, day_m, year) = if let Some(iy) = caps.iy {
        let im = caps.im?;
        let id = caps.id?;
        let month: u32 = im.as_str().parse().ok()?;
        let day = parse_day(id.as_str())?;
        if !(1..=12).contains(&month) {
            return None;
        }
        // "2024-02-28-1" or "1987-02-26.5" are identifiers, not dates.
        if let (Some('-' | '.' | '/'), Some(c)) = {
            let mut ch = text.get(id.end()..).unwrap_or_default().chars();
            (ch.next(), ch.next())
        } {
            if c.is_ascii_digit() {
                return None;
            }
        }
        let year = year_at(text, offset, Some(iy))?;
        (DateForm::Iso, month, im, day, id, Some(year))
    } else if let (Some(mm), Some(dm)) = (caps.m1, caps.d1) {
        let month = month_from_name(mm.as_str())?;
        let day = parse_day(dm.as_str())?;
        let year = year_at(text, offset, caps.y1.or(caps.y1b));
        if year.is_none() {
            range = after_day(text, dm.end())?;
        }
        if name_month_is_a_name(text, mm) {
            return None;
        }
        // "In June 31 schools closed": a day the month never has, then a plural noun or a
        // verb, is a count after an introductory month ("In June", "By September"), not a
        // date. "the September 31 attacks" and "on February 30 suspended" stay dates.
        let introductory = matches!(
            prev_word(text, mm.start()).to_ascii_lowercase().as_str(),
            "in" | "by" | "during" | "through" | "throughout" | "since" | "until" | "till"
        );
        if year.is_none()
            && introductory
            && NaiveDate::from_ymd_opt(2000, month, day).is_none()
            && count_follows(text, dm.end())
        {
            return None;
        }
        (DateForm::MonthDay, month, mm, day, dm, year)
    } else {
        let mm = caps.m2?;
        let dm = caps.d2.or(caps.d2b)?;
        let month = month_from_name(mm.as_str())?;
        let day = parse_day(dm.as_str())?;
        range = before_day(text, dm.start())?;
        let year = year_at(text, offset, caps.y2);
        (DateForm::DayMonth, month, mm, day, dm, year)
    };

    // A full stop belongs to an abbreviation ("Feb."), not to a full name ("February.").
    let month_span = {
        let name = month_m.as_str();
        let bare = name.trim_end_matches('.');
        let full = bare.len() >= 5
            || ["may", "june", "july"].contains(&bare.to_ascii_lowercase().as_str());
        let end = if full {
            month_m.start() + bare.len()
        } else {
            month_m.end()
        };
        Span::new(offset + month_m.start(), offset + end)
    };

    // The date proper: from the first to the last of month, day and year.
    let mut date_start = month_m.start().min(day_m.start());
    if form == DateForm::Iso {
        date_start = caps.iy.map_or(date_start, |m| m.start());
    }
    let mut date_end = (month_span.end - offset).max(day_m.end());
    if let Some((_, ys)) = year {
        date_end = date_end.max(ys.end - offset);
    }
    let date_span = Span::new(offset + date_start, offset + date_end);

    let (mut year, mut date) = match year {
        Some((value, span)) => (
            Year::Written { value, span },
            NaiveDate::from_ymd_opt(value, month, day),
        ),
        None => (Year::Unknown, None),
    };

    let mut span = date_span;
    let mut weekday = weekday_of(text, offset, caps, date_end, &mut span);
    let mut range_end = None;
    if let Some(w2) = weekday {
        match weekday_range(text, offset, w2.span.start - offset) {
            WeekdayRange::No => {}
            WeekdayRange::Skip => {
                weekday = None;
                span = date_span;
            }
            WeekdayRange::From(w1) => {
                // "Monday to Friday, March 4-8": Monday goes with March 4, Friday with March 8.
                // Without a readable last day, neither weekday is paired.
                match last_day(text, offset, date_end, month, day, &year) {
                    Some((end_span, m2, d2, end_date, first_year)) => {
                        // "Monday to Friday, March 4-8, 2019": the year written at the end is
                        // the first day's too.
                        if let (Some((value, yspan)), false) = (first_year, year.is_written()) {
                            year = Year::Written { value, span: yspan };
                            date = NaiveDate::from_ymd_opt(value, month, day);
                        }
                        weekday = Some(w1);
                        span.start = w1.span.start;
                        range_end = Some(RangeEndWeekday {
                            weekday: w2,
                            span: end_span,
                            month: m2,
                            day: d2,
                            date: end_date,
                        });
                    }
                    None => {
                        weekday = None;
                        span = date_span;
                    }
                }
            }
        }
    }

    Some(DateMention {
        span,
        segment: SegmentKind::Paragraph,
        quoted: false,
        weekday,
        range_end,
        governing: None,
        value: DateValue::Calendar(CalendarDate {
            span: date_span,
            form,
            month,
            month_span,
            day,
            day_span: span_of(offset, day_m),
            year,
            date,
            range,
        }),
    })
}

/// The weekday written before the date, when the match has one and it is really attached: a
/// bracket after the weekday must close right after the date ("Tuesday (Feb 28)"). Widens
/// `span` to cover the weekday (and the closing bracket).
fn weekday_of(
    text: &str,
    offset: usize,
    caps: &DateCaps<'_>,
    date_end: usize,
    span: &mut Span,
) -> Option<WeekdayMention> {
    let wd = caps.wd?;
    let weekday = weekday_from_name(wd.as_str())?;
    // "The Sun 28 February": an abbreviation after "the" names a newspaper or a test, not a day.
    let abbreviated = wd.as_str().trim_end_matches('.').len() <= 5;
    if abbreviated && prev_word(text, wd.start()).eq_ignore_ascii_case("the") {
        return None;
    }
    let sep = caps.sep.map_or("", |s| s.as_str());
    let mut end = offset + date_end;
    if sep.contains('(') {
        let rest = text.get(date_end..).unwrap_or("");
        let trimmed = rest.trim_start();
        if !trimmed.starts_with(')') {
            return None;
        }
        end = offset + date_end + (rest.len() - trimmed.len()) + 1;
    }
    *span = Span::new(offset + wd.start(), end);
    Some(WeekdayMention {
        weekday,
        span: span_of(offset, wd),
    })
}

/// What stands before the weekday of a weekday-and-date expression.
enum WeekdayRange {
    /// Nothing that makes it a range.
    No,
    /// A list or alternative ("Monday, Tuesday and Wednesday, March 4-6", "Monday or Tuesday,
    /// March 4"): no weekday can be paired with the date.
    Skip,
    /// The first weekday of "Monday to Friday", "Tuesday and Wednesday", "Saturday-Sunday".
    From(WeekdayMention),
}

/// The byte where the run of ASCII letters ending `s` starts (`s.len()` when `s` does not end
/// in one).
pub(crate) fn alpha_tail_start(s: &str) -> usize {
    s.len() - s.bytes().rev().take_while(u8::is_ascii_alphabetic).count()
}

/// Whether the weekday starting at byte `wd_start` of `text` ends a weekday range or list.
fn weekday_range(text: &str, offset: usize, wd_start: usize) -> WeekdayRange {
    let before = text.get(..wd_start).unwrap_or("").trim_end();
    let mut alternative = false;
    let rest = if let Some(r) = before.strip_suffix(['-', '–', '—']) {
        r.trim_end()
    } else {
        let start = alpha_tail_start(before);
        let word = before.get(start..).unwrap_or_default().to_ascii_lowercase();
        if !matches!(
            word.as_str(),
            "to" | "and" | "through" | "thru" | "till" | "until" | "or"
        ) || !before
            .get(..start)
            .is_some_and(|b| b.ends_with(char::is_whitespace))
        {
            return WeekdayRange::No;
        }
        alternative = word == "or";
        before.get(..start).unwrap_or_default().trim_end()
    };
    let bare = rest.strip_suffix('.').unwrap_or(rest);
    let start = alpha_tail_start(bare);
    let name = bare.get(start..).unwrap_or_default();
    let Some(weekday) = weekday_from_name(name).filter(|_| name.starts_with(char::is_uppercase))
    else {
        return WeekdayRange::No;
    };
    // "Monday, Tuesday and Wednesday": a list, whose first day is not the range's start.
    let earlier = bare.get(..start).unwrap_or_default().trim_end();
    let listed = earlier.strip_suffix(',').is_some_and(|e| {
        let e = e.trim_end();
        let e = e.strip_suffix('.').unwrap_or(e);
        let w = alpha_tail_start(e);
        e.get(w..).and_then(weekday_from_name).is_some()
    });
    if alternative || listed {
        return WeekdayRange::Skip;
    }
    WeekdayRange::From(WeekdayMention {
        weekday,
        span: Span::new(offset + start, offset + rest.len()),
    })
}

/// The last day of a date range whose first day (`month`, `day`, `year`) ends at byte `end` of
/// `text`: "-8", " and 6", " to April 1", "-8, 2024". Its span, month, day and date (`None`
/// without a year), and the first day's year when a year is written after the last day. `None`
/// when there is no such day, or it is not 1 to 13 days after the first.
#[allow(clippy::type_complexity)]
fn last_day(
    text: &str,
    offset: usize,
    end: usize,
    month: u32,
    day: u32,
    year: &Year,
) -> Option<(Span, u32, u32, Option<NaiveDate>, Option<(i32, Span)>)> {
    let rest = text.get(end..)?;
    let caps = date_scan::range_end(rest)?;
    let dm = caps.d;
    // "March 4-8.5", "March 5 and 6%", "March 5 and 6th-graders".
    let mut after = rest.get(dm.end()..).unwrap_or_default().chars();
    match (after.next(), after.next()) {
        (Some('.' | ',' | '%' | '/'), Some(c)) if c.is_ascii_digit() => return None,
        (Some('%' | '-'), _) => return None,
        _ => {}
    }
    let d2 = parse_day(dm.as_str())?;
    let m2 = match caps.m {
        Some(m) => month_from_name(m.as_str())?,
        None => month,
    };
    let start = caps.m.map_or(dm.start(), |m| m.start());
    let span = Span::new(offset + end + start, offset + end + dm.end());
    let written = year_at(text.get(end..)?, offset + end, caps.y);
    let first_year = written.map(|(y, ys)| (if m2 < month { y - 1 } else { y }, ys));
    let y1 = first_year.map(|(y, _)| y).or(year.value());
    let Some(y1) = y1 else {
        // No year written: the parse does not guess one. The range must be 1 to 13 days long
        // in a common or a leap year (the count differs only across February 29).
        let ok = [2003, 2004]
            .into_iter()
            .any(|y| end_date(y, month, day, m2, d2).is_some());
        return ok.then_some((span, m2, d2, None, None));
    };
    let last = end_date(y1, month, day, m2, d2)?;
    Some((span, m2, d2, Some(last), first_year))
}

/// The last day (`m2`/`d2`) of a weekday range whose first day is `month`/`day` of year `y1`,
/// when both exist and the last day is 1 to 13 days after the first (in the next year when its
/// month comes earlier: "December 30 to January 2").
pub(crate) fn end_date(y1: i32, month: u32, day: u32, m2: u32, d2: u32) -> Option<NaiveDate> {
    let first = NaiveDate::from_ymd_opt(y1, month, day)?;
    let y2 = if m2 < month { y1 + 1 } else { y1 };
    let last = NaiveDate::from_ymd_opt(y2, m2, d2)?;
    (1..=13)
        .contains(&(last - first).num_days())
        .then_some(last)
}

/// True when a month that is also a given name ("May", "April") follows a capitalised word that
/// is not a preposition or weekday, so it reads as a name ("Theresa May 31").
fn name_month_is_a_name(text: &str, month: Group<'_>) -> bool {
    let name = month.as_str().trim_end_matches('.').to_ascii_lowercase();
    if !lexicon::contains(lexicon::calendar::NAME_MONTHS, &name) {
        return false;
    }
    let prev = prev_word(text, month.start());
    let capitalised = prev.chars().next().is_some_and(char::is_uppercase);
    capitalised
        && !lexicon::contains_lower(lexicon::calendar::MONTH_LEADS, prev)
        && weekday_from_name(prev).is_none()
}

#[cfg(test)]
#[path = "dates_tests.rs"]
mod tests;
