//! The two date shapes the plain reader looks for at the top of an article, scanned by hand:
//! the date line above the headline ("Wednesday, February 28, 2024") and the wire dateline
//! opening the first paragraph ("KYIV, Feb 28 (Reuters) -").
//!
//! Each scanner finds exactly what its regex (kept in the tests as the oracle) would capture;
//! as regexes they cost about half a millisecond of every run to compile (start-up).

use std::ops::Range;

use crate::source::{run_end, spaces1_end as spaces1};

/// `[A-Za-z]{3,9}\.?` at byte `i` of `s`, where what follows cannot be a letter: a whole run of
/// 3 to 9 ASCII letters and the full stop after it; the end.
fn month_word(s: &str, i: usize) -> Option<usize> {
    let b = s.as_bytes();
    let run = b
        .get(i..)?
        .iter()
        .take_while(|c| c.is_ascii_alphabetic())
        .count();
    if !(3..=9).contains(&run) {
        return None;
    }
    let end = i + run;
    Some(if b.get(end) == Some(&b'.') {
        end + 1
    } else {
        end
    })
}

/// `[0-9]{1,2}` at byte `i`, where what follows cannot be a digit: a whole run of one or two
/// digits; the end.
fn day_digits(s: &str, i: usize) -> Option<usize> {
    let run = s
        .as_bytes()
        .get(i..)?
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count();
    (1..=2).contains(&run).then_some(i + run)
}

/// `\s*` at byte `i` (Unicode white space): the end.
fn spaces(s: &str, i: usize) -> usize {
    run_end(s, i, char::is_whitespace)
}

/// The parts of a date line: byte ranges into the scanned text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct DateLineParts {
    /// The weekday word, with its full stop ("Wednesday", "Wed.").
    pub weekday: Option<Range<usize>>,
    /// The month word, with its full stop.
    pub month: Range<usize>,
    /// The day (one or two digits).
    pub day: Range<usize>,
    /// The year (four digits).
    pub year: Range<usize>,
}

/// The whole of `s` as a date line: an optional weekday word (`,` optional, then space), then
/// "month day" or "day month", `,` optional, space, and a four-digit year ending `s`. The same
/// as the regex
/// `^(?:(?P<wd>[A-Za-z]{3,9}\.?),?\s+)?(?:(?P<m1>[A-Za-z]{3,9}\.?)\s+(?P<d1>\d{1,2})|(?P<d2>\d{1,2})\s+(?P<m2>[A-Za-z]{3,9}\.?)),?\s+(?P<y>\d{4})$`.
/// Names are not checked here ("Foo 28, 2024" has the shape).
pub(crate) fn date_line(s: &str) -> Option<DateLineParts> {
    let with_weekday = month_word(s, 0).and_then(|wd_end| {
        let after = if s.as_bytes().get(wd_end) == Some(&b',') {
            wd_end + 1
        } else {
            wd_end
        };
        let start = spaces1(s, after)?;
        let mut parts = date_line_rest(s, start)?;
        parts.weekday = Some(0..wd_end);
        Some(parts)
    });
    with_weekday.or_else(|| date_line_rest(s, 0))
}

/// `(?P<m>MONTH)\s+(?P<d>DAY)|(?P<d>DAY)\s+(?P<m>MONTH)` at byte `i` ("Feb 28", "28 February";
/// the word and digits of [`month_word`] and [`day_digits`]): the month and day ranges and the
/// end. The two shapes start with a letter and a digit, so at most one applies.
fn month_day(s: &str, i: usize) -> Option<(Range<usize>, Range<usize>, usize)> {
    if let Some(m_end) = month_word(s, i) {
        let d_start = spaces1(s, m_end)?;
        let d_end = day_digits(s, d_start)?;
        Some((i..m_end, d_start..d_end, d_end))
    } else {
        let d_end = day_digits(s, i)?;
        let m_start = spaces1(s, d_end)?;
        let m_end = month_word(s, m_start)?;
        Some((m_start..m_end, i..d_end, m_end))
    }
}

/// "month day" or "day month" at byte `i`, then `,?\s+` and the year at the end of `s`.
fn date_line_rest(s: &str, i: usize) -> Option<DateLineParts> {
    let (month, day, end) = month_day(s, i)?;
    let after = if s.as_bytes().get(end) == Some(&b',') {
        end + 1
    } else {
        end
    };
    let y_start = spaces1(s, after)?;
    let year = s.get(y_start..)?;
    (year.len() == 4 && year.bytes().all(|c| c.is_ascii_digit())).then_some(DateLineParts {
        weekday: None,
        month,
        day,
        year: y_start..s.len(),
    })
}

/// The parts of a wire dateline: byte ranges into the scanned paragraph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct DatelineParts {
    /// The place ("KYIV", "RICHMOND, Va.").
    pub place: Range<usize>,
    /// The date ("Feb 28", "28 February").
    pub date: Range<usize>,
    /// The month word within the date.
    pub month: Range<usize>,
    /// The day digits within the date.
    pub day: Range<usize>,
    /// The end of the whole dateline, white space after the dash included.
    pub end: usize,
}

/// A character of a dateline place after its first capital: `[A-Za-z.'’\- ]`.
fn is_place_char(c: char) -> bool {
    c.is_ascii_alphabetic() || matches!(c, '.' | '\'' | '’' | '-' | ' ')
}

/// The agencies named in brackets after a dateline's date, in the order they are tried.
const AGENCIES: [&str; 5] = ["Reuters", "AP", "AFP", "UPI", "Bloomberg"];

/// A wire dateline opening `s`, the same as the regex (leftmost-first, lazy place):
/// `^(?P<place>[A-Z][A-Za-z.'’\- ]{1,40}?(?:, [A-Z][A-Za-z.'’\- ]{1,30}?)?)[,.]\s+(?P<date>(?P<m>[A-Za-z]{3,9}\.?)\s+(?P<d>\d{1,2})|(?P<d2>\d{1,2})\s+(?P<m2>[A-Za-z]{3,9}\.?))(?:\s+\((?:Reuters|AP|AFP|UPI|Bloomberg)\))?\s*[-–—]+(?:\s+|$)`.
pub(crate) fn dateline(s: &str) -> Option<DatelineParts> {
    if !s.starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    // The place is the shortest that lets the rest match: its first part grows one character
    // at a time (1 to 40 after the capital); at each length the ", Region" part (1 to 30 after
    // its capital, shortest first) is tried before going without it.
    for (n1, (j, c)) in s.char_indices().skip(1).enumerate() {
        if n1 >= 40 || !is_place_char(c) {
            break;
        }
        let first_end = j + c.len_utf8();
        if let Some(region) = s.get(first_end..).and_then(|r| r.strip_prefix(", ")) {
            if region.starts_with(|c: char| c.is_ascii_uppercase()) {
                let base = s.len() - region.len();
                for (n2, (k, c)) in region.char_indices().skip(1).enumerate() {
                    if n2 >= 30 || !is_place_char(c) {
                        break;
                    }
                    let end = base + k + c.len_utf8();
                    if let Some(parts) = dateline_rest(s, end) {
                        return Some(parts);
                    }
                }
            }
        }
        if let Some(parts) = dateline_rest(s, first_end) {
            return Some(parts);
        }
    }
    None
}

/// After a place ending at byte `place_end`: `[,.]\s+`, the date, the optional agency and the
/// dash.
fn dateline_rest(s: &str, place_end: usize) -> Option<DatelineParts> {
    if !matches!(s.as_bytes().get(place_end), Some(b',' | b'.')) {
        return None;
    }
    let d = spaces1(s, place_end + 1)?;
    let (month, day, date_end) = month_day(s, d)?;
    let agency_end = spaces1(s, date_end).and_then(|open| {
        let inner = s.get(open..)?.strip_prefix('(')?;
        AGENCIES.iter().find_map(|a| {
            inner
                .strip_prefix(a)
                .and_then(|r| r.strip_prefix(')'))
                .map(|r| s.len() - r.len())
        })
    });
    let end = agency_end
        .and_then(|a| dash_tail(s, a))
        .or_else(|| dash_tail(s, date_end))?;
    Some(DatelineParts {
        place: 0..place_end,
        date: d..date_end,
        month,
        day,
        end,
    })
}

/// `\s*[-–—]+(?:\s+|$)` at byte `i`: the end.
fn dash_tail(s: &str, i: usize) -> Option<usize> {
    let d = spaces(s, i);
    let rest = s.get(d..)?;
    let dashes = rest.trim_start_matches(['-', '–', '—']);
    if dashes.len() == rest.len() {
        return None;
    }
    let after = s.len() - dashes.len();
    if dashes.is_empty() {
        return Some(after);
    }
    spaces1(s, after)
}

#[cfg(test)]
mod tests {
    use super::*;

    const DATE_LINE_RE: &str = r"^(?:(?P<wd>[A-Za-z]{3,9}\.?),?\s+)?(?:(?P<m1>[A-Za-z]{3,9}\.?)\s+(?P<d1>\d{1,2})|(?P<d2>\d{1,2})\s+(?P<m2>[A-Za-z]{3,9}\.?)),?\s+(?P<y>\d{4})$";
    const DATELINE_RE: &str = r"^(?P<place>[A-Z][A-Za-z.'’\- ]{1,40}?(?:, [A-Z][A-Za-z.'’\- ]{1,30}?)?)[,.]\s+(?P<date>(?P<m>[A-Za-z]{3,9}\.?)\s+(?P<d>\d{1,2})|(?P<d2>\d{1,2})\s+(?P<m2>[A-Za-z]{3,9}\.?))(?:\s+\((?:Reuters|AP|AFP|UPI|Bloomberg)\))?\s*[-–—]+(?:\s+|$)";

    fn range(m: Option<regex::Match<'_>>) -> Option<Range<usize>> {
        m.map(|m| m.range())
    }

    fn date_line_oracle(re: &regex::Regex, s: &str) -> Option<DateLineParts> {
        let c = re.captures(s)?;
        Some(DateLineParts {
            weekday: range(c.name("wd")),
            month: range(c.name("m1").or(c.name("m2")))?,
            day: range(c.name("d1").or(c.name("d2")))?,
            year: range(c.name("y"))?,
        })
    }

    fn dateline_oracle(re: &regex::Regex, s: &str) -> Option<DatelineParts> {
        let c = re.captures(s)?;
        Some(DatelineParts {
            place: range(c.name("place"))?,
            date: range(c.name("date"))?,
            month: range(c.name("m").or(c.name("m2")))?,
            day: range(c.name("d").or(c.name("d2")))?,
            end: c.get(0)?.end(),
        })
    }

    #[test]
    fn examples() {
        let p = date_line("Wednesday, February 28, 2024").unwrap();
        assert_eq!(
            p,
            DateLineParts {
                weekday: Some(0..9),
                month: 11..19,
                day: 20..22,
                year: 24..28
            }
        );
        let p = date_line("Feb 28 2024").unwrap();
        assert_eq!((p.weekday, p.month, p.day), (None, 0..3, 4..6));
        assert_eq!(date_line("28 February 2024 x"), None);
        let d = dateline("RICHMOND, Va., March 7 (Reuters) - The").unwrap();
        assert_eq!((d.place, d.date, d.end), (0..13, 15..22, 35));
        assert_eq!(dateline("They met for two days, March 31-April 2"), None);
    }

    /// Pseudo-random strings built from date pieces: the scanners capture what the regexes do.
    #[test]
    fn agree_with_the_regexes() {
        let line_re = regex::Regex::new(&crate::fast_regex::ascii_pattern(DATE_LINE_RE)).unwrap();
        let wire_re = regex::Regex::new(&crate::fast_regex::ascii_pattern(DATELINE_RE)).unwrap();
        let pieces = [
            "KYIV",
            "NEW YORK",
            "Richmond",
            ", Va.",
            ", ",
            ",",
            ".",
            "Feb",
            "February",
            "Sept.",
            "28",
            "5",
            "123",
            " ",
            "\u{a0}",
            "  ",
            "(Reuters)",
            "(AFP)",
            "(AP)",
            "(XYZ)",
            "-",
            "–",
            "—",
            "--",
            "O’Neil",
            "O'Neil",
            "x",
            "Wednesday",
            "Wed",
            "2024",
            "abcdefghij",
            "\t",
            "é",
            "St. Louis",
            "Mo",
            "A",
        ];
        let mut rng = crate::test_text::Pieces::new(0x853c_49e6_748f_ea9b);
        let mut texts: Vec<String> = (0..30_000).map(|_| rng.text_up_to(&pieces, 9)).collect();
        // Shaped like the real thing, so that matches are common.
        let places = [
            "KYIV",
            "NEW YORK",
            "Richmond, Va.",
            "ST. LOUIS, Mo",
            "O’HARE",
            "A",
        ];
        let seps = [", ", ". ", ",\u{a0}", ",  ", " "];
        let dates = [
            "Feb 28",
            "28 February",
            "Sept. 5",
            "5 May.",
            "May 123",
            "Febru 1",
        ];
        let agencies = [" (Reuters)", " (AFP)", "", " (XYZ)", "(AP)"];
        let dashes = [" - The", " — ", "-", " -x", " --\tA", ""];
        for p in places {
            for s in seps {
                for d in dates {
                    for a in agencies {
                        for x in dashes {
                            texts.push(format!("{p}{s}{d}{a}{x}"));
                        }
                    }
                    texts.push(format!("Wednesday{s}{d}, 2024"));
                    texts.push(format!("{d}{s}2024"));
                }
            }
        }
        let mut matched = (0, 0);
        for t in &texts {
            let want = date_line_oracle(&line_re, t);
            matched.0 += usize::from(want.is_some());
            assert_eq!(date_line(t), want, "date line {t:?}");
            let want = dateline_oracle(&wire_re, t);
            matched.1 += usize::from(want.is_some());
            assert_eq!(dateline(t), want, "dateline {t:?}");
        }
        assert!(matched.0 > 50 && matched.1 > 200, "{matched:?}");
    }
}
