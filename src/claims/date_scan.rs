//! The calendar-date grammar of [`crate::claims::dates`], scanned by hand instead of by a regex
//! compiled on every run (start-up).
//!
//! [`dates`] finds what this regex finds with `captures_iter` (leftmost-first, non-overlapping,
//! with the same span for every group), where `\b` is an ASCII word boundary, `\d` is `[0-9]`,
//! `\s` is Unicode white space ([`char::is_whitespace`]) and names are case-sensitive:
//!
//! ```text
//! (?:\b(?P<wd>WEEKDAY)(?P<sep>\s*,\s*|\s*\(\s*|\s+)(?:the\s+)?)?
//! (?: \b(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2})\b
//!   | \b(?P<m1>MONTH\b\.?)\s+(?P<d1>\d{1,2}(?:st|nd|rd|th)?)\b
//!     (?:\s*,\s*(?P<y1>\d{4})\b|\s+(?P<y1b>\d{4})\b)?
//!   | \b(?:(?P<d2>\d{1,2}(?:st|nd|rd|th))\s+of|(?P<d2b>\d{1,2}(?:st|nd|rd|th)?))
//!     \s+(?P<m2>MONTH\b\.?)(?:\s*,?\s*(?P<y2>\d{4})\b)? )
//! ```
//!
//! MONTH is `January` or `Jan` (and so on; `Sept` and `Sep`, `June` and `Jun`, `July` and
//! `Jul`, `May`) or the same in capitals; WEEKDAY is `Monday` (and so on) or the same in
//! capitals, or one of `Mon`, `Tue`, `Tues`, `Wed`, `Thu`, `Thur`, `Thurs`, `Fri`, `Sat`, `Sun`
//! (or in capitals) followed by `\b\.?`. [`range_end`] finds, at the start of a text, what
//!
//! ```text
//! ^(?:\s*[-–—]\s*|\s+(?:and|to|through|thru|till|until)\s+)(?:(?P<m>MONTH\b\.?)\s+)?
//! (?P<d>\d{1,2})(?:st|nd|rd|th)?\b(?:\s*,?\s*(?P<y>\d{4})\b)?
//! ```
//!
//! finds. The oracle tests compare both with those regexes.
//!
//! Why one reading is enough: every choice in these patterns is settled by the next character
//! (a name is a whole ASCII word because `\b` follows it; a run of `\s` is followed by a
//! non-space in every continuation; a day is its whole run of one or two digits), so where the
//! regex would backtrack, the scanner tests the one alternative that can succeed. Each attempt
//! reads a bounded number of words and the spaces between them, and a text is tried only at
//! word starts, so a scan is linear in the text's length.

/// One group of a match: a byte range of the scanned text, like [`regex::Match`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Group<'t> {
    text: &'t str,
    start: usize,
    end: usize,
}

impl<'t> Group<'t> {
    fn new(text: &'t str, start: usize, end: usize) -> Self {
        Group { text, start, end }
    }

    /// The first byte of the group.
    pub(crate) fn start(&self) -> usize {
        self.start
    }

    /// The byte after the group.
    pub(crate) fn end(&self) -> usize {
        self.end
    }

    /// The group's text.
    pub(crate) fn as_str(&self) -> &'t str {
        self.text.get(self.start..self.end).unwrap_or_default()
    }
}

/// One date found by [`dates`]: the whole match and its groups, named as in the module docs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct DateCaps<'t> {
    /// The whole match, weekday included.
    pub(crate) whole: Group<'t>,
    /// The weekday name (with its full stop when abbreviated: "Wed.").
    pub(crate) wd: Option<Group<'t>>,
    /// What separates the weekday from the date: spaces, a comma or an opening bracket.
    pub(crate) sep: Option<Group<'t>>,
    /// ISO year, month and day digits.
    pub(crate) iy: Option<Group<'t>>,
    pub(crate) im: Option<Group<'t>>,
    pub(crate) id: Option<Group<'t>>,
    /// Month first: the month (with its full stop), the day (with its ordinal suffix), and a
    /// year after a comma (`y1`) or after spaces only (`y1b`).
    pub(crate) m1: Option<Group<'t>>,
    pub(crate) d1: Option<Group<'t>>,
    pub(crate) y1: Option<Group<'t>>,
    pub(crate) y1b: Option<Group<'t>>,
    /// Day first: the day of "28th of" (`d2`) or of "28"/"28th" (`d2b`), the month, the year.
    pub(crate) d2: Option<Group<'t>>,
    pub(crate) d2b: Option<Group<'t>>,
    pub(crate) m2: Option<Group<'t>>,
    pub(crate) y2: Option<Group<'t>>,
}

impl<'t> DateCaps<'t> {
    fn empty(text: &'t str, start: usize) -> Self {
        DateCaps {
            whole: Group::new(text, start, start),
            wd: None,
            sep: None,
            iy: None,
            im: None,
            id: None,
            m1: None,
            d1: None,
            y1: None,
            y1b: None,
            d2: None,
            d2b: None,
            m2: None,
            y2: None,
        }
    }
}

/// The last day of a range found by [`range_end`]: its month name when written, its digits
/// (ordinal suffix excluded) and a year written after it. Spans are bytes of the text given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct RangeEndCaps<'t> {
    /// The month name, with its full stop.
    pub(crate) m: Option<Group<'t>>,
    /// The day's digits.
    pub(crate) d: Group<'t>,
    /// A four-digit year after the day.
    pub(crate) y: Option<Group<'t>>,
}

/// The dates of `text`, left to right and non-overlapping, as the date regex of the module
/// docs gives them with `captures_iter`.
pub(crate) fn dates(text: &str) -> impl Iterator<Item = DateCaps<'_>> {
    let b = text.as_bytes();
    let mut from = 0;
    std::iter::from_fn(move || {
        while let Some(pos) = next_candidate(b, from) {
            if let Some(caps) = match_at(text, pos) {
                from = caps.whole.end;
                return Some(caps);
            }
            from = pos + 1;
        }
        None
    })
}

/// The first byte at or after `from` that can start a match: a word start (`\b` before a word
/// byte) whose byte [`starts_candidate`].
fn next_candidate(b: &[u8], from: usize) -> Option<usize> {
    if from == 0 && b.first().is_some_and(|&c| starts_candidate(c)) {
        return Some(0);
    }
    // Pairs (byte before, byte) from the pair ending at `from` (or at byte 1).
    let first = from.max(1) - 1;
    let i = b
        .get(first..)?
        .windows(2)
        .position(|w| matches!(w, [before, c] if starts_candidate(*c) && !is_word(*before)))?;
    Some(first + i + 1)
}

/// The last day of a range at the very start of `rest` (`^`: nothing before it is looked at),
/// as the range regex of the module docs reads it; `None` when it does not match.
pub(crate) fn range_end(rest: &str) -> Option<RangeEndCaps<'_>> {
    let b = rest.as_bytes();
    let w = skip_space(rest, 0);
    let mut pos = match dash_at(rest, w) {
        Some(after) => skip_space(rest, after),
        None => {
            if w == 0 {
                return None;
            }
            let word = word_end(b, w);
            let joins = matches!(
                b.get(w..word),
                Some(b"and" | b"to" | b"through" | b"thru" | b"till" | b"until")
            );
            let after = skip_space(rest, word);
            if !joins || after == word {
                return None;
            }
            after
        }
    };
    let mut m = None;
    if let Some(month_end) = month_at(b, pos) {
        let after = skip_space(rest, month_end);
        if after > month_end {
            m = Some(Group::new(rest, pos, month_end));
            pos = after;
        }
    }
    let (digits_end, day_end) = day_at(b, pos)?;
    Some(RangeEndCaps {
        m,
        d: Group::new(rest, pos, digits_end),
        y: year_after(rest, day_end, true).map(|(y, _)| y),
    })
}

/// The match starting at byte `s` (a word start), if any: with a weekday when one can come
/// first, else the date alone.
fn match_at(text: &str, s: usize) -> Option<DateCaps<'_>> {
    let b = text.as_bytes();
    if let Some(wd_end) = weekday_at(b, s) {
        if let Some(sep_end) = sep_at(text, wd_end) {
            let mut q = sep_end;
            if b.get(q..q + 3) == Some(b"the") {
                let after = skip_space(text, q + 3);
                if after > q + 3 {
                    q = after;
                }
            }
            if let Some(mut caps) = date_at(text, q) {
                caps.whole.start = s;
                caps.wd = Some(Group::new(text, s, wd_end));
                caps.sep = Some(Group::new(text, wd_end, sep_end));
                return Some(caps);
            }
        }
    }
    date_at(text, s)
}

/// The date (ISO, month first or day first) starting at byte `p`, which must be a word start.
fn date_at(text: &str, p: usize) -> Option<DateCaps<'_>> {
    let b = text.as_bytes();
    let first = *b.get(p)?;
    if !is_word(first) || (p > 0 && is_word(byte(b, p - 1))) {
        return None;
    }
    let mut caps = DateCaps::empty(text, p);
    if first.is_ascii_digit() {
        let run = digit_run(b, p);
        if run == 4
            && byte(b, p + 4) == b'-'
            && digit_run(b, p + 5) >= 2
            && byte(b, p + 7) == b'-'
            && digit_run(b, p + 8) >= 2
            && !is_word(byte(b, p + 10))
        {
            caps.iy = Some(Group::new(text, p, p + 4));
            caps.im = Some(Group::new(text, p + 5, p + 7));
            caps.id = Some(Group::new(text, p + 8, p + 10));
            caps.whole.end = p + 10;
            return Some(caps);
        }
        if !(1..=2).contains(&run) {
            return None;
        }
        let digits_end = p + run;
        let suffix_end = has_suffix(b, digits_end).then_some(digits_end + 2);
        // "28th of February": the suffix, spaces, "of", spaces, the month.
        if let Some(se) = suffix_end {
            let of = skip_space(text, se);
            if of > se && b.get(of..of + 2) == Some(b"of") {
                let m = skip_space(text, of + 2);
                if m > of + 2 {
                    if let Some(month_end) = month_at(b, m) {
                        caps.d2 = Some(Group::new(text, p, se));
                        return Some(day_first(caps, m, month_end));
                    }
                }
            }
        }
        // "28 February", "28th Feb": a suffix, when written, cannot be left out (a letter
        // would follow the digits where the pattern wants a space).
        let day_end = suffix_end.unwrap_or(digits_end);
        let m = skip_space(text, day_end);
        if m == day_end {
            return None;
        }
        let month_end = month_at(b, m)?;
        caps.d2b = Some(Group::new(text, p, day_end));
        return Some(day_first(caps, m, month_end));
    }
    // "February 28", "Feb. 28th, 2024".
    let month_end = month_at(b, p)?;
    let d = skip_space(text, month_end);
    if d == month_end {
        return None;
    }
    let (_, day_end) = day_at(b, d)?;
    caps.m1 = Some(Group::new(text, p, month_end));
    caps.d1 = Some(Group::new(text, d, day_end));
    caps.whole.end = day_end;
    // A year after a comma (y1), else after spaces only (y1b).
    if let Some((y, after_comma)) = year_after(text, day_end, false) {
        if after_comma {
            caps.y1 = Some(y);
        } else {
            caps.y1b = Some(y);
        }
        caps.whole.end = y.end();
    }
    Some(caps)
}

/// Finish a day-first date whose month runs from `m` to `month_end`.
fn day_first(mut caps: DateCaps<'_>, m: usize, month_end: usize) -> DateCaps<'_> {
    let text = caps.whole.text;
    caps.m2 = Some(Group::new(text, m, month_end));
    caps.whole.end = month_end;
    if let Some((y, _)) = year_after(text, month_end, true) {
        caps.y2 = Some(y);
        caps.whole.end = y.end();
    }
    caps
}

/// A four-digit year after byte `pos`, and whether a comma stands before it: what
/// `\s*,?\s*(\d{4})\b` reads when `spaces_optional`, else `\s*,\s*(\d{4})\b|\s+(\d{4})\b`.
fn year_after(text: &str, pos: usize, spaces_optional: bool) -> Option<(Group<'_>, bool)> {
    let b = text.as_bytes();
    let w = skip_space(text, pos);
    let comma = byte(b, w) == b',';
    let y = if comma {
        skip_space(text, w + 1)
    } else if spaces_optional || w > pos {
        w
    } else {
        return None;
    };
    (digit_run(b, y) == 4 && !is_word(byte(b, y + 4))).then(|| (Group::new(text, y, y + 4), comma))
}

/// The day at byte `p`, `\d{1,2}(?:st|nd|rd|th)?\b`: where its digits end and where it ends.
fn day_at(b: &[u8], p: usize) -> Option<(usize, usize)> {
    let digits_end = p + digit_run(b, p).min(2);
    if digits_end == p {
        return None;
    }
    // With two digits the one-digit readings cannot end at a boundary (a digit follows).
    if has_suffix(b, digits_end) && !is_word(byte(b, digits_end + 2)) {
        Some((digits_end, digits_end + 2))
    } else if !is_word(byte(b, digits_end)) {
        Some((digits_end, digits_end))
    } else {
        None
    }
}

/// True when an ordinal suffix (st, nd, rd, th) starts at byte `p`.
fn has_suffix(b: &[u8], p: usize) -> bool {
    matches!(b.get(p..p + 2), Some(b"st" | b"nd" | b"rd" | b"th"))
}

/// The end of a month name (`MONTH\b\.?`) at byte `p`, full stop included.
fn month_at(b: &[u8], p: usize) -> Option<usize> {
    let end = word_end(b, p);
    let word = b.get(p..end)?;
    is_month(word).then(|| with_stop(b, end))
}

/// The end of a weekday name at byte `p` (a word start), full stop included after an
/// abbreviation (a full name takes none: "Monday." is followed by no separator).
fn weekday_at(b: &[u8], p: usize) -> Option<usize> {
    let end = word_end(b, p);
    match b.get(p..end)? {
        b"Monday" | b"Tuesday" | b"Wednesday" | b"Thursday" | b"Friday" | b"Saturday"
        | b"Sunday" | b"MONDAY" | b"TUESDAY" | b"WEDNESDAY" | b"THURSDAY" | b"FRIDAY"
        | b"SATURDAY" | b"SUNDAY" => Some(end),
        b"Mon" | b"Tue" | b"Tues" | b"Wed" | b"Thu" | b"Thur" | b"Thurs" | b"Fri" | b"Sat"
        | b"Sun" | b"MON" | b"TUE" | b"TUES" | b"WED" | b"THU" | b"THUR" | b"THURS" | b"FRI"
        | b"SAT" | b"SUN" => Some(with_stop(b, end)),
        _ => None,
    }
}

/// True for a month name or abbreviation the pattern accepts.
fn is_month(word: &[u8]) -> bool {
    matches!(
        word,
        b"Jan"
            | b"January"
            | b"Feb"
            | b"February"
            | b"Mar"
            | b"March"
            | b"Apr"
            | b"April"
            | b"May"
            | b"Jun"
            | b"June"
            | b"Jul"
            | b"July"
            | b"Aug"
            | b"August"
            | b"Sep"
            | b"Sept"
            | b"September"
            | b"Oct"
            | b"October"
            | b"Nov"
            | b"November"
            | b"Dec"
            | b"December"
            | b"JAN"
            | b"JANUARY"
            | b"FEB"
            | b"FEBRUARY"
            | b"MAR"
            | b"MARCH"
            | b"APR"
            | b"APRIL"
            | b"MAY"
            | b"JUN"
            | b"JUNE"
            | b"JUL"
            | b"JULY"
            | b"AUG"
            | b"AUGUST"
            | b"SEP"
            | b"SEPT"
            | b"SEPTEMBER"
            | b"OCT"
            | b"OCTOBER"
            | b"NOV"
            | b"NOVEMBER"
            | b"DEC"
            | b"DECEMBER"
    )
}

/// True for the first byte of a word that can start a match: a digit, or the capital a
/// weekday or month name begins with.
fn starts_candidate(c: u8) -> bool {
    c.is_ascii_digit()
        || matches!(
            c,
            b'M' | b'T' | b'W' | b'F' | b'S' | b'J' | b'A' | b'O' | b'N' | b'D'
        )
}

/// The separator after a weekday ending at byte `p`: `\s*,\s*`, `\s*\(\s*` or `\s+`; where
/// it ends.
fn sep_at(text: &str, p: usize) -> Option<usize> {
    let w = skip_space(text, p);
    match text.as_bytes().get(w) {
        Some(b',' | b'(') => Some(skip_space(text, w + 1)),
        _ => (w > p).then_some(w),
    }
}

/// The byte after a hyphen, en dash or em dash at byte `p`.
fn dash_at(text: &str, p: usize) -> Option<usize> {
    let rest = text.get(p..)?;
    ["-", "–", "—"]
        .iter()
        .find(|d| rest.starts_with(*d))
        .map(|d| p + d.len())
}

/// Byte `p` plus one when a full stop stands there.
fn with_stop(b: &[u8], p: usize) -> usize {
    if byte(b, p) == b'.' {
        p + 1
    } else {
        p
    }
}

/// The end of the run of white space (`\s`, Unicode's) starting at byte `pos`.
fn skip_space(text: &str, mut pos: usize) -> usize {
    let b = text.as_bytes();
    while let Some(&c) = b.get(pos) {
        if c.is_ascii() {
            // Tab, line feed, vertical tab, form feed, carriage return and space.
            if matches!(c, b' ' | b'\t'..=b'\r') {
                pos += 1;
                continue;
            }
            break;
        }
        match text.get(pos..).and_then(|r| r.chars().next()) {
            Some(ch) if ch.is_whitespace() => pos += ch.len_utf8(),
            _ => break,
        }
    }
    pos
}

/// The number of ASCII digits from byte `p` on.
fn digit_run(b: &[u8], p: usize) -> usize {
    b.get(p..)
        .map_or(0, |r| r.iter().take_while(|c| c.is_ascii_digit()).count())
}

/// The end of the run of ASCII word bytes starting at byte `p`.
fn word_end(b: &[u8], p: usize) -> usize {
    p + b
        .get(p..)
        .map_or(0, |r| r.iter().take_while(|&&c| is_word(c)).count())
}

/// The byte at `i`, or 0 (a non-word, non-space byte) past the end.
fn byte(b: &[u8], i: usize) -> u8 {
    b.get(i).copied().unwrap_or(0)
}

/// True for the bytes of an ASCII word (`(?-u:\w)`: letters, digits, `_`).
fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fast_regex::lazy_regex;

    // The regexes the scanner replaced, kept as its oracle: the patterns exactly as they were
    // in `dates.rs`, compiled the same way.
    const MONTHS: &str = "Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|JAN(?:UARY)?|FEB(?:RUARY)?|MAR(?:CH)?|APR(?:IL)?|MAY|JUNE?|JULY?|AUG(?:UST)?|SEP(?:T(?:EMBER)?)?|OCT(?:OBER)?|NOV(?:EMBER)?|DEC(?:EMBER)?";

    const WEEKDAYS: &str = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY|(?:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun|MON|TUES?|WED|THU(?:RS?)?|FRI|SAT|SUN)\\b\\.?";

    lazy_regex!(
        date_re,
        format!(
            r"(?x)
            (?:\b(?P<wd>{WEEKDAYS})(?P<sep>\s*,\s*|\s*\(\s*|\s+)(?:the\s+)?)?
            (?:
                \b(?P<iy>\d{{4}})-(?P<im>\d{{2}})-(?P<id>\d{{2}})\b
              | \b(?P<m1>(?:{MONTHS})\b\.?)\s+(?P<d1>\d{{1,2}}(?:st|nd|rd|th)?)\b
                (?:\s*,\s*(?P<y1>\d{{4}})\b|\s+(?P<y1b>\d{{4}})\b)?
              | \b(?:(?P<d2>\d{{1,2}}(?:st|nd|rd|th))\s+of|(?P<d2b>\d{{1,2}}(?:st|nd|rd|th)?))
                \s+(?P<m2>(?:{MONTHS})\b\.?)
                (?:\s*,?\s*(?P<y2>\d{{4}})\b)?
            )"
        )
    );

    lazy_regex!(
        range_end_re,
        format!(
            r"^(?:\s*[-–—]\s*|\s+(?:and|to|through|thru|till|until)\s+)(?:(?P<m>(?:{MONTHS})\b\.?)\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:\s*,?\s*(?P<y>\d{{4}})\b)?"
        )
    );

    type Spans = Vec<Option<(usize, usize)>>;

    const DATE_GROUPS: [&str; 14] = [
        "", "wd", "sep", "iy", "im", "id", "m1", "d1", "y1", "y1b", "d2", "d2b", "m2", "y2",
    ];

    fn span(g: Option<Group<'_>>) -> Option<(usize, usize)> {
        g.map(|g| (g.start(), g.end()))
    }

    /// Every match of the regex, every group's span (the whole match first).
    fn oracle_dates(text: &str) -> Vec<Spans> {
        date_re()
            .captures_iter(text)
            .map(|c| {
                DATE_GROUPS
                    .iter()
                    .map(|&n| {
                        let m = if n.is_empty() { c.get(0) } else { c.name(n) };
                        m.map(|m| (m.start(), m.end()))
                    })
                    .collect()
            })
            .collect()
    }

    fn scan_dates(text: &str) -> Vec<Spans> {
        dates(text)
            .map(|c| {
                vec![
                    span(Some(c.whole)),
                    span(c.wd),
                    span(c.sep),
                    span(c.iy),
                    span(c.im),
                    span(c.id),
                    span(c.m1),
                    span(c.d1),
                    span(c.y1),
                    span(c.y1b),
                    span(c.d2),
                    span(c.d2b),
                    span(c.m2),
                    span(c.y2),
                ]
            })
            .collect()
    }

    fn oracle_range_end(rest: &str) -> Option<Spans> {
        let c = range_end_re().captures(rest)?;
        Some(
            ["m", "d", "y"]
                .iter()
                .map(|&n| c.name(n).map(|m| (m.start(), m.end())))
                .collect(),
        )
    }

    fn scan_range_end(rest: &str) -> Option<Spans> {
        range_end(rest).map(|c| vec![span(c.m), span(Some(c.d)), span(c.y)])
    }

    /// Compare both scanners with their regexes on `text` (the range end at every character
    /// boundary); the number of date matches and of range ends found.
    fn compare(text: &str, seen: &mut [usize; 14]) -> (usize, usize) {
        let want = oracle_dates(text);
        assert_eq!(scan_dates(text), want, "{text:?}");
        for m in &want {
            for (n, g) in seen.iter_mut().zip(m) {
                *n += usize::from(g.is_some());
            }
        }
        let mut ends = 0;
        for (i, _) in text.char_indices() {
            let rest = text.get(i..).unwrap_or_default();
            let want = oracle_range_end(rest);
            assert_eq!(scan_range_end(rest), want, "{rest:?}");
            ends += usize::from(want.is_some());
        }
        (want.len(), ends)
    }

    /// Words of the grammar (names, days, years) and words that nearly are one, in kinds
    /// picked with equal chance so that dates form often.
    const WORDS: [&[&str]; 4] = [
        &[
            "January",
            "Jan",
            "Jan.",
            "February",
            "Feb",
            "Feb.",
            "March",
            "Mar",
            "April",
            "Apr.",
            "May",
            "MAY",
            "June",
            "Jun",
            "July",
            "Jul.",
            "August",
            "Aug",
            "September",
            "Sept",
            "Sept.",
            "Sep",
            "October",
            "Oct.",
            "November",
            "Nov",
            "December",
            "Dec.",
            "DEC",
            "FEB.",
            "SEPT",
            "JUNE",
            "Monday",
            "Tuesday",
            "Tues",
            "Tue.",
            "Wed",
            "Wed.",
            "Thursday",
            "Thu",
            "Thur.",
            "Thurs",
            "Friday",
            "Fri",
            "Sat.",
            "Sunday",
            "Sun",
            "MONDAY",
            "THURS.",
            "TUE",
        ],
        &[
            "1", "3", "7", "9", "12", "28", "30", "31", "0", "05", "123", "3rd", "21st", "28th",
            "2nd", "1th",
        ],
        &["2024", "1999", "20245", "0000"],
        &[
            "may",
            "march",
            "Mayday",
            "monday",
            "Mondays",
            "Monday.",
            "2024-02-28",
            "2024-2-28",
            "1987-02-26-",
            "3rdly",
            "the",
            "of",
            "é",
            "٣",
            "x",
            "Theresa",
            "Mon_",
        ],
    ];

    /// What stands between words: every kind of space, marks, joining words, and nothing.
    const GAPS: &[&str] = &[
        " ",
        " ",
        " ",
        " ",
        " ",
        "  ",
        "\t",
        "\n",
        "\u{b}",
        "\u{a0}",
        "\u{2003}",
        "\u{3000}",
        "\u{85}",
        "\u{200b}",
        "",
        "",
        ",",
        ", ",
        " , ",
        ",\u{a0}",
        "(",
        " (",
        " ( ",
        ")",
        ".",
        ". ",
        "-",
        " - ",
        "–",
        "—",
        " – ",
        " of ",
        " of",
        "of ",
        " the ",
        " the",
        " then ",
        " to ",
        " and ",
        " through ",
        " thru ",
        " till ",
        " until ",
        " or ",
        "to",
        "st",
        "nd",
        "rd",
        "th",
        "th ",
        "st ",
        "é",
        "٣",
        "_",
        "x",
    ];

    /// A text of up to `max` words, each followed by a gap.
    fn generated(rng: &mut crate::test_text::Pieces, max: usize) -> String {
        let n = 1 + rng.below(max);
        (0..n)
            .flat_map(|_| {
                let kind = WORDS[rng.below(WORDS.len())];
                let w = kind[rng.below(kind.len())];
                // Half the gaps a plain space, comma or "of", the joints of most dates.
                let gap = if rng.below(2) == 0 {
                    [" ", ", ", " ", ", ", " of "][rng.below(5)]
                } else {
                    GAPS[rng.below(GAPS.len())]
                };
                [w, gap]
            })
            .collect()
    }

    #[test]
    fn unicode_space_is_regex_space() {
        let hir = regex_syntax::Parser::new().parse(r"\s").unwrap();
        let regex_syntax::hir::HirKind::Class(regex_syntax::hir::Class::Unicode(class)) =
            hir.kind()
        else {
            panic!("{hir:?}");
        };
        for c in (0..=0x10_ffff).filter_map(char::from_u32) {
            let in_class = class
                .ranges()
                .iter()
                .any(|r| r.start() <= c && c <= r.end());
            assert_eq!(c.is_whitespace(), in_class, "{c:?}");
            let mut buf = [0; 4];
            let s: &str = c.encode_utf8(&mut buf);
            assert_eq!(skip_space(s, 0) == s.len(), in_class, "{c:?}");
        }
    }

    #[test]
    fn agrees_with_the_regexes_on_generated_text() {
        let mut rng = crate::test_text::Pieces::new(0x9e37_79b9_7f4a_7c15);
        let mut seen = [0; 14];
        let (mut matches, mut ends) = (0, 0);
        for _ in 0..40_000 {
            let text = generated(&mut rng, 8);
            let (m, e) = compare(&text, &mut seen);
            matches += m;
            ends += e;
        }
        // Every group was exercised, and so was the range end with and without its groups.
        assert!(matches > 2_000, "{matches}");
        assert!(ends > 1_000, "{ends}");
        for (name, n) in DATE_GROUPS.iter().zip(seen) {
            assert!(n > 50, "group {name:?}: {seen:?}");
        }
    }

    #[test]
    fn agrees_with_the_regexes_on_the_fixtures() {
        let (mut read, mut matches) = (0, 0);
        let mut seen = [0; 14];
        for text in crate::test_text::fixture_texts() {
            read += 1;
            matches += compare(&text, &mut seen).0;
        }
        assert!(read > 100 && matches > 100, "{read} files, {matches} dates");
    }

    #[test]
    fn reads_the_documented_forms() {
        let text = "Tuesday (Feb. 28th, 2024) and Wed, the 1st of March 2024, 2024-03-02.";
        let got: Vec<&str> = dates(text).map(|c| c.whole.as_str()).collect();
        assert_eq!(
            got,
            [
                "Tuesday (Feb. 28th, 2024",
                "Wed, the 1st of March 2024",
                "2024-03-02"
            ]
        );
        let end = range_end(" to April 1, 2025.").unwrap();
        assert_eq!(
            (
                end.m.map(|m| m.as_str()),
                end.d.as_str(),
                end.y.map(|y| y.as_str())
            ),
            (Some("April"), "1", Some("2025"))
        );
        assert_eq!(range_end("-8th").map(|e| e.d.as_str()), Some("8"));
        assert!(range_end("-8x").is_none() && range_end(" 8").is_none());
    }
}
