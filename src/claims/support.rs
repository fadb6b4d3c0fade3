//! Support: does the body say what a headline claim states? Used by `H001 headline-unsupported`.
//!
//! A headline value is *supported* when some reading of the body states it, not only when the
//! body writes the same string:
//!
//! - **numbers** ([`number`]): the same value written as digits or words ("12", "twelve", "a
//!   dozen" — the numbers extractor gives their values), the headline rounding the body's figure
//!   to the precision it writes ("20 pct" over "20.3 pct", "$1.2bn" over "$1.23 billion"), a
//!   value inside a body range, a body figure the headline's qualifier allows ("over 60" by
//!   75), a physical quantity in another unit
//!   of its dimension, and a headline total that is the sum of two to five consecutive body
//!   counts (the parts of one sentence, or daily tolls with the headline's counted verb);
//! - **places** ([`place`]): a body place lying within a reading of the headline's (Kyiv
//!   supports Ukraine, Albania supports the Balkans), the same country named by a demonym
//!   ("Dutch" and the Netherlands), and the wire dateline's place;
//! - **names** ([`name`]): the family word (surname, or an organisation's last word) anywhere in
//!   the body, so a title or a surname alone supports the full name;
//! - **weekdays** ([`weekday`]): the same weekday in the body, a body date falling on it, or
//!   "yesterday"/"today" that the reference date resolves to it (without a reference date, a
//!   relative day is taken as support when the body names no other weekday);
//! - **dates and years** ([`date`], [`year`]): the same day and month, or the same year;
//! - **ordinals** ([`ordinal`]): the same ordinal, as a word or a figure ("third", "3rd").
//!
//! Every value is also supported when its own text occurs in the body as a whole word
//! (case-insensitive, apostrophes folded): the extractors need cues the body may not give.
//! Spans are **bytes** into the article text.

use chrono::{Datelike, Weekday};

use crate::article::{Article, SegmentKind, Span};
use crate::claims::dates::DateMention;
use crate::claims::names::NameMention;
use crate::claims::numbers::{Kind, NumberMention};
use crate::claims::places::PlaceMention;
use crate::claims::relative::PeriodUnit;
use crate::claims::time::{TimeMention, TimeValue};
use crate::knowledge::gazetteer::{self, Within};
use crate::reference::ReferenceDate;
use crate::text::words;

/// What the body says about a headline value.
#[derive(Clone, Debug, PartialEq)]
pub enum Support {
    /// Some reading of the body states it.
    Supported,
    /// Nothing in the body states it; `nearby` is the body's closest statement of the same
    /// kind of value, when there is one (for the help: "the body gives 15").
    Unsupported {
        /// A body span stating a value of the same kind, about the same thing when known.
        nearby: Option<Span>,
    },
}

impl Support {
    /// True for [`Support::Supported`].
    pub fn is_supported(&self) -> bool {
        matches!(self, Support::Supported)
    }
}

/// The body of an article (dateline and paragraphs) prepared for support queries: its text
/// lower-cased with typographic apostrophes, quotes and dashes folded, once per article.
pub struct Body<'a> {
    /// The folded text of every body segment, each followed by a newline.
    folded: String,
    /// The text of each body segment as written, in order.
    segments: Vec<&'a str>,
}

/// Fold `s` for comparison: lower case, ’ and ‘ to ', en and em dashes to '-'.
pub fn fold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    s.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            '’' | '‘' | '`' => '\'',
            '–' | '—' => '-',
            c => c,
        })
        .collect()
}

impl<'a> Body<'a> {
    /// The body of `article`: its dateline and paragraphs.
    pub fn of(article: &'a Article) -> Body<'a> {
        let segments: Vec<&str> = article
            .segments
            .iter()
            .filter(|seg| matches!(seg.kind, SegmentKind::Dateline | SegmentKind::Paragraph))
            .map(|seg| article.slice(seg.span))
            .collect();
        let mut folded = String::with_capacity(segments.iter().map(|s| s.len() + 1).sum());
        for seg in &segments {
            folded.push_str(&fold(seg));
            folded.push('\n');
        }
        Body { folded, segments }
    }

    /// The years (1700–2100) the body writes, in order.
    pub fn years(&self) -> impl Iterator<Item = i32> + '_ {
        self.segments
            .iter()
            .flat_map(|seg| words::years_in(seg).map(|(_, y)| y))
    }

    /// True when `phrase` (folded here) occurs in the body as a whole word or phrase.
    pub fn has_phrase(&self, phrase: &str) -> bool {
        let p = fold(phrase.trim());
        if p.is_empty() {
            return false;
        }
        let hay = self.folded.as_str();
        let numeric = p
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b',');
        let mut from = 0;
        while let Some(i) = hay.get(from..).and_then(|h| h.find(&p)) {
            let start = from + i;
            let end = start + p.len();
            let before = hay.get(..start).unwrap_or_default().chars().next_back();
            let after = hay.get(end..).unwrap_or_default().chars().next();
            // A figure may touch a currency sign or a scale ("£15m"), not another digit or
            // a decimal or thousands separator followed by one ("15,000", "1.15").
            let ok = if numeric {
                let digit_at = |i: usize| {
                    hay.get(i..)
                        .and_then(|r| r.chars().next())
                        .is_some_and(|c| c.is_ascii_digit())
                };
                let before_ok = match before {
                    None => true,
                    Some(c) if c.is_ascii_digit() => false,
                    Some('.' | ',') => {
                        let i = start - 1;
                        !hay.get(..i)
                            .and_then(|h| h.chars().next_back())
                            .is_some_and(|c| c.is_ascii_digit())
                    }
                    Some(_) => true,
                };
                let after_ok = match after {
                    None => true,
                    Some(c) if c.is_ascii_digit() => false,
                    Some('.' | ',') => !digit_at(end + 1),
                    Some(_) => true,
                };
                before_ok && after_ok
            } else {
                let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
                boundary(before) && boundary(after)
            };
            if ok {
                return true;
            }
            from = start + p.chars().next().map_or(1, char::len_utf8);
        }
        false
    }

    /// True when the body writes `word` in lower case as a whole word ("buy", "as"): in an
    /// all-capitals headline, such a word is the word, not a place of that name.
    pub fn has_lower_word(&self, word: &str) -> bool {
        let lower = word.to_lowercase();
        let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
        self.segments.iter().any(|seg| {
            seg.match_indices(lower.as_str()).any(|(i, m)| {
                boundary(seg.get(..i).unwrap_or_default().chars().next_back())
                    && boundary(seg.get(i + m.len()..).unwrap_or_default().chars().next())
            })
        })
    }

    /// True when the body writes the score `score` ("3-1", folded) as a whole token.
    fn has_score(&self, score: &str) -> bool {
        self.folded.match_indices(score).any(|(i, m)| {
            let before = self.folded.get(..i).unwrap_or_default().chars().next_back();
            let after = self
                .folded
                .get(i + m.len()..)
                .unwrap_or_default()
                .chars()
                .next();
            let edge = |c: Option<char>| c.is_none_or(|c| !c.is_ascii_digit() && c != '-');
            edge(before) && edge(after)
        })
    }

    /// True when the body is empty (a headline-only article).
    pub fn is_empty(&self) -> bool {
        self.folded.trim().is_empty()
    }
}

/// True when `span` lies inside a quotation: one the text layer found, or, in the headline, a
/// pair of single quotes ("'We will win 300 seats', says leader"), which headlines use for
/// quotations and the text layer leaves to apostrophes.
pub fn quoted(article: &Article, span: Span) -> bool {
    if article.quotes.iter().any(|q| q.contains(span)) {
        return true;
    }
    let Some(h) = article.headline() else {
        return false;
    };
    if !h.span.contains(span) {
        return false;
    }
    let text = article.slice(h.span);
    let (at, end) = (span.start - h.span.start, span.end - h.span.start);
    let is_mark = |c: char| c == '\'' || c == '‘' || c == '’';
    // An opening mark: at the start or after a space, before a letter or digit.
    let open = text.get(..at).and_then(|before| {
        before.char_indices().rev().find(|&(i, c)| {
            is_mark(c)
                && text
                    .get(..i)
                    .unwrap_or_default()
                    .chars()
                    .next_back()
                    .is_none_or(char::is_whitespace)
                && text
                    .get(i + c.len_utf8()..)
                    .and_then(|r| r.chars().next())
                    .is_some_and(char::is_alphanumeric)
        })
    });
    // A closing mark after the span: after a non-space, before a space, punctuation or the end.
    let close = text.get(end..).is_some_and(|after| {
        after.char_indices().any(|(i, c)| {
            let j = end + i;
            is_mark(c)
                && text
                    .get(..j)
                    .and_then(|b| b.chars().next_back())
                    .is_some_and(|p| !p.is_whitespace())
                && text
                    .get(j + c.len_utf8()..)
                    .unwrap_or_default()
                    .chars()
                    .next()
                    .is_none_or(|n| !n.is_alphanumeric())
        })
    });
    open.is_some() && close
}

fn is_body(kind: SegmentKind) -> bool {
    matches!(kind, SegmentKind::Dateline | SegmentKind::Paragraph)
}

/// The tolerance of a headline number: half the place value of its last digit, or 5% when it
/// is a round figure of 100 or more ("300", "1,000"); small counts are meant exactly.
fn tolerance(m: &NumberMention) -> f64 {
    let half = m.step / 2.0;
    if m.round_step > m.step && m.value.abs() >= 100.0 {
        half.max(m.value.abs() * 0.05)
    } else {
        half
    }
}

/// The values of `m` (low and high end as written, scale applied) in its dimension's base
/// unit, for every reading of its unit (one pair for a count, percent or money).
fn base_values(m: &NumberMention) -> Vec<(f64, f64)> {
    let (lo, hi) = (m.value, m.high.unwrap_or(m.value));
    match &m.kind {
        Kind::Physical(u) => u
            .factors
            .iter()
            .map(|f| (lo * f + u.offset, hi * f + u.offset))
            .collect(),
        _ => vec![(lo, hi)],
    }
}

/// True when `a` and `b` measure the same kind of thing: counts with counts, percentages with
/// percentages, physical quantities of one dimension, money with money (a headline's "DLRS"
/// or "francs" may be the body's "Taiwan dlrs" or "Swiss francs") or with an amount of a
/// million or more written without its currency ("a total of 7.4 billion").
fn same_dimension(a: &NumberMention, b: &NumberMention) -> bool {
    match (&a.kind, &b.kind) {
        (Kind::Physical(x), Kind::Physical(y)) => x.dimension == y.dimension,
        (Kind::Money(_), Kind::Money(_))
        | (Kind::Count, Kind::Count)
        | (Kind::Percent, Kind::Percent) => true,
        (Kind::Money(_), Kind::Count) => b.value.abs() >= 1e6,
        (Kind::Count, Kind::Money(_)) => a.value.abs() >= 1e6,
        _ => false,
    }
}

fn same_unit(a: &NumberMention, b: &NumberMention) -> bool {
    match (&a.kind, &b.kind) {
        (Kind::Physical(x), Kind::Physical(y)) => std::ptr::eq(*x, *y) || x.name == y.name,
        _ => true,
    }
}

/// Does the body number `b` state the headline's value `h`? The written values are compared,
/// the headline's within its rounding tolerance, and a body figure for the same counted noun
/// or verb inside the interval the headline's qualifier allows supports it ("over 60 killed" by
/// "75 were killed", not by 50, nor by 75 of something else); a body range holds the value when it lies between its ends; a
/// physical quantity in another unit of its dimension agrees within 10% (a conversion is
/// rounded by the writer).
fn states(h: &NumberMention, b: &NumberMention) -> bool {
    if !same_dimension(h, b) {
        return false;
    }
    let tol = tolerance(h);
    if same_unit(h, b) {
        let (hlo, hhi) = (h.value, h.high.unwrap_or(h.value));
        let (blo, bhi) = (b.value, b.high.unwrap_or(b.value));
        if blo <= hhi + tol + 1e-9 && bhi >= hlo - tol - 1e-9 {
            return true;
        }
        // A headline bound or approximation that the body's figure for the same counted
        // thing satisfies: "at least 10 killed" over "12 people were killed", "about 100
        // homes" over "97 homes". (Any figure at all would satisfy most bounds.)
        let same_thing = (h.counted.noun.is_some() && h.counted.noun == b.counted.noun)
            || (h.counted.verb.is_some() && h.counted.verb == b.counted.verb);
        let (ilo, ihi) = h.qualifier.interval(hlo, hhi);
        return same_thing && blo >= ilo - tol - 1e-9 && bhi <= ihi + tol + 1e-9;
    }
    base_values(h).iter().any(|&(lo, hi)| {
        base_values(b).iter().any(|&(blo, bhi)| {
            let slack = lo.abs() * 0.1;
            blo <= hi + slack && bhi >= lo - slack
        })
    })
}

/// Does the body support the headline number `head`? `numbers` is every number of the
/// article, in document order; `reference` is the article's date, when known (a span of years
/// is checked against the body's years from it).
pub fn number(
    article: &Article,
    body: &Body,
    head: &NumberMention,
    numbers: &[NumberMention],
    reference: Option<&ReferenceDate>,
) -> Support {
    let written = article.slice(head.number);
    if body.has_phrase(article.slice(head.span)) {
        return Support::Supported;
    }
    // The figure alone stands for the value only when it is a plain count written as it is
    // ("12"), not an amount with a scale or a unit ("$4bn" is not supported by "4%").
    let plain = matches!(head.kind, Kind::Count)
        && written
            .replace(',', "")
            .parse::<f64>()
            .is_ok_and(|v| (v - head.value).abs() < 1e-9);
    if plain && body.has_phrase(written) {
        return Support::Supported;
    }
    let in_body: Vec<&NumberMention> = numbers.iter().filter(|m| is_body(m.segment)).collect();
    if in_body.iter().any(|b| states(head, b)) {
        return Support::Supported;
    }
    // A total: two to five consecutive body counts (or sums of one currency) within one
    // sentence, or with the headline's counted verb anywhere (daily tolls adding up to a
    // cumulative one).
    // Money adds up too ("250 mln dlrs of notes ... and 250 mln dlrs of debentures" under
    // "500 MLN DLR DEBT OFFER").
    let summable = |b: &NumberMention| {
        matches!(
            (&head.kind, &b.kind),
            (Kind::Count, Kind::Count) | (Kind::Money(_), Kind::Money(_))
        )
    };
    if matches!(head.kind, Kind::Count | Kind::Money(_)) && head.high.is_none() {
        let counts: Vec<&NumberMention> = in_body
            .iter()
            .copied()
            .filter(|b| summable(b) && b.high.is_none() && !b.modifier)
            .collect();
        let tol = tolerance(head) + 1e-9;
        for (i, first) in counts.iter().enumerate() {
            let mut sum = first.value;
            for (j, part) in counts.iter().enumerate().take(i + 5).skip(i + 1) {
                let same_sentence = part.sentence.is_some() && part.sentence == first.sentence;
                // The parts share the headline's counted verb; when the headline has none
                // ("Heatwave deaths reach 85"), one verb of the first part, which a later part
                // may elide ("and 30 more on Wednesday").
                let verb = head.counted.verb.or(first.counted.verb);
                let same_verb = verb.is_some()
                    && counts
                        .get(i..=j)
                        .unwrap_or_default()
                        .iter()
                        .enumerate()
                        .all(|(k, c)| {
                            c.counted.verb == verb
                                || (k > 0
                                    && head.counted.verb.is_none()
                                    && c.counted.verb.is_none())
                        });
                if !same_sentence && !same_verb {
                    break;
                }
                sum += part.value;
                if (sum - head.value).abs() <= tol {
                    return Support::Supported;
                }
            }
        }
    }
    // A span of years ("10-year notes", "four-year low", "in 25 years") is supported by a
    // body year that far from the reference date's ("due 1997", "lowest since 1983").
    if let Some(rd) = reference {
        let after = article.text.get(head.number.end..).unwrap_or("");
        let years = ["-year", " year"].iter().any(|u| {
            after
                .get(..u.len())
                .is_some_and(|a| a.eq_ignore_ascii_case(u))
        });
        if years && matches!(head.kind, Kind::Count) {
            let (now, n) = (rd.date.year(), head.value.round() as i32);
            if body
                .years()
                .any(|y| (y - (now + n)).abs() <= 1 || (y - (now - n)).abs() <= 1)
            {
                return Support::Supported;
            }
        }
    }
    // What the body gives about the same counted thing.
    let nearby = in_body
        .iter()
        .find(|b| {
            (head.counted.noun.is_some() && b.counted.noun == head.counted.noun)
                || (head.counted.verb.is_some() && b.counted.verb == head.counted.verb)
        })
        .map(|b| b.span);
    Support::Unsupported { nearby }
}

/// Does the body support the headline place `head`? `places` is every place mention of the
/// article.
pub fn place(
    article: &Article,
    body: &Body,
    head: &PlaceMention,
    places: &[PlaceMention],
) -> Support {
    if body.has_phrase(article.slice(head.span)) {
        return Support::Supported;
    }
    let fits = |readings: &[gazetteer::PlaceId]| {
        readings.iter().any(|&b| {
            head.readings
                .iter()
                .any(|&h| gazetteer::within(b, h) != Within::No)
        })
    };
    let body_places: Vec<&PlaceMention> = places.iter().filter(|p| is_body(p.segment)).collect();
    if body_places.iter().any(|p| fits(&p.readings)) {
        return Support::Supported;
    }
    // The dateline's place is not a mention (where the reporter filed from) but it is where the
    // story is.
    if let Some(d) = &article.dateline {
        let readings: Vec<gazetteer::PlaceId> = gazetteer::lookup(article.slice(d.place))
            .into_iter()
            .map(|h| h.place)
            .collect();
        if fits(&readings) {
            return Support::Supported;
        }
    }
    let kind = head
        .readings
        .first()
        .and_then(|&r| gazetteer::place(r))
        .map(|p| p.kind);
    let nearby = body_places
        .iter()
        .find(|p| {
            p.readings
                .first()
                .and_then(|&r| gazetteer::place(r))
                .map(|p| p.kind)
                == kind
        })
        .map(|p| p.span);
    Support::Unsupported { nearby }
}

/// Does the body support the headline name `head`: its family word, or the whole name, written
/// anywhere in the body?
pub fn name(article: &Article, body: &Body, head: &NameMention) -> Support {
    if body.has_phrase(article.slice(head.family)) || body.has_phrase(article.slice(head.span)) {
        return Support::Supported;
    }
    // A possessive or plural of the family word ("Smiths", "Smith's") is written.
    let family = article.slice(head.family);
    if body.has_phrase(&format!("{family}s")) || body.has_phrase(&format!("{family}'s")) {
        return Support::Supported;
    }
    Support::Unsupported { nearby: None }
}

/// Does the body support the headline weekday `weekday` (bytes `span`)?
pub fn weekday(
    body: &Body,
    weekday: Weekday,
    span_text: &str,
    times: &[TimeMention],
    dates: &[DateMention],
    reference: Option<&ReferenceDate>,
) -> Support {
    if body.has_phrase(span_text) {
        return Support::Supported;
    }
    let mut nearby = None;
    let mut relative = false;
    for t in times.iter().filter(|t| is_body(t.segment)) {
        match &t.value {
            TimeValue::Weekday(w) => {
                if w.weekday == weekday {
                    return Support::Supported;
                }
                nearby.get_or_insert(w.weekday_span);
            }
            TimeValue::RelativeDay(r) => match reference {
                Some(rd) => {
                    let day = rd.date + chrono::Duration::days(r.offset);
                    if day.weekday() == weekday {
                        return Support::Supported;
                    }
                }
                None => relative = true,
            },
            _ => {}
        }
    }
    for d in dates.iter().filter(|d| is_body(d.segment)) {
        if d.weekday.is_some_and(|w| w.weekday == weekday)
            || d.calendar()
                .and_then(|c| c.date)
                .is_some_and(|n| n.weekday() == weekday)
        {
            return Support::Supported;
        }
    }
    // "Yesterday" with no reference date to resolve it may be any day, unless the body names
    // the weekday it means elsewhere.
    if relative && nearby.is_none() {
        return Support::Supported;
    }
    Support::Unsupported { nearby }
}

/// Does the body support the headline date `head`: the same month and day (and year, when both
/// write one)?
pub fn date(article: &Article, body: &Body, head: &DateMention, dates: &[DateMention]) -> Support {
    if body.has_phrase(article.slice(head.span)) {
        return Support::Supported;
    }
    let Some(h) = head.calendar() else {
        return Support::Supported;
    };
    let mut nearby = None;
    for d in dates.iter().filter(|d| is_body(d.segment)) {
        let Some(b) = d.calendar() else { continue };
        let years_fit = match (h.year.value(), b.year.value()) {
            (Some(x), Some(y)) if h.year.is_written() && b.year.is_written() => x == y,
            _ => true,
        };
        if b.month == h.month && b.day == h.day && years_fit {
            return Support::Supported;
        }
        nearby.get_or_insert(d.span);
    }
    Support::Unsupported { nearby }
}

/// Does the body support the headline ordinal `word` ("third"), given its figure form `figure`
/// ("3rd"): either written in the body?
pub fn ordinal(body: &Body, word: &str, figure: &str) -> Support {
    if body.has_phrase(word) || body.has_phrase(figure) {
        Support::Supported
    } else {
        Support::Unsupported { nearby: None }
    }
}

/// Does the body support the headline score `score` ("3-1")? The same score in the body, in
/// either order ("won 3-1" over "a 1-3 defeat" for the other side), with either dash.
pub fn score(body: &Body, score: &str) -> Support {
    let folded = fold(score);
    let mut parts = folded.split('-');
    let (Some(a), Some(b)) = (parts.next(), parts.next()) else {
        return Support::Supported;
    };
    if body.has_score(&format!("{a}-{b}")) || body.has_score(&format!("{b}-{a}")) {
        return Support::Supported;
    }
    Support::Unsupported { nearby: None }
}

/// Does the body support the headline year `year`: written in the body, the year of a body
/// date, or "last/this/next year" that the reference date resolves to it?
pub fn year(
    body: &Body,
    year: i32,
    times: &[TimeMention],
    dates: &[DateMention],
    reference: Option<&ReferenceDate>,
) -> Support {
    if body.has_phrase(&year.to_string()) {
        return Support::Supported;
    }
    if dates
        .iter()
        .filter(|d| is_body(d.segment))
        .any(|d| d.calendar().and_then(|c| c.year.value()) == Some(year))
    {
        return Support::Supported;
    }
    // "Last year", "this year", "next year" resolved from the reference date.
    if let Some(rd) = reference {
        let resolved = times
            .iter()
            .filter(|t| is_body(t.segment))
            .any(|t| match &t.value {
                TimeValue::Period(p) => {
                    p.unit == PeriodUnit::Year && rd.date.year() + p.offset as i32 == year
                }
                _ => false,
            });
        if resolved {
            return Support::Supported;
        }
    }
    Support::Unsupported { nearby: None }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(text: &str) -> Article {
        crate::input::read_article(text.as_bytes().to_vec()).expect("utf-8")
    }

    #[test]
    fn phrases_match_whole_words_with_folded_apostrophes() {
        let a = article("Head\n\nO’Shea said 120 people came, not 12.");
        let b = Body::of(&a);
        assert!(b.has_phrase("o'shea"));
        assert!(b.has_phrase("12"));
        assert!(b.has_phrase("120"));
        assert!(!b.has_phrase("20"));
        assert!(!b.has_phrase("Shea said 1"));
        assert!(!b.has_phrase("Head"));
    }

    #[test]
    fn numbers_are_supported_by_rounding_words_and_sums() {
        let check = |text: &str| {
            let a = article(text);
            let m = crate::claims::Mentions::extract(&a, None);
            let body = Body::of(&a);
            let h = m
                .numbers
                .iter()
                .find(|n| n.segment == SegmentKind::Headline)
                .expect("a headline number");
            number(&a, &body, h, &m.numbers, None).is_supported()
        };
        assert!(check(
            "Profit rises 20 pct\n\nProfit rose 20.3 pct in the year."
        ));
        assert!(check(
            "Deal worth $1.2bn\n\nThe deal is worth $1.23 billion."
        ));
        assert!(check("12 hurt in crash\n\nTwelve people were hurt."));
        assert!(check(
            "14 injured in attack\n\nThree soldiers and 11 civilians were injured."
        ));
        assert!(!check("15 hurt in crash\n\nTwelve people were hurt."));
        assert!(!check(
            "Profit rises 22 pct\n\nProfit rose 20.3 pct in the year."
        ));
    }
}
