//! The "years ago" scanners: the matches of the three regexes they replaced (kept as the
//! oracles of the tests in `time.rs`), found without compiling a regex. [`years_ago`] gives
//! the matches of the first, leftmost-first and non-overlapping as `captures_iter` (`NUM` as
//! [`super::NUM`]); [`year_after`] the `y` group of the second, anchored at the start of the
//! text after a match; [`year_before`] the `y` group of the leftmost match of the third in the
//! text before it:
//!
//! ```text
//! \b(?:(?P<q>QUALIFIER)\s+)?(?P<n>NUM)\s+(?P<u>years?|decades?)\s+ago\b
//! ^(?:\s*,?\s*(?:back\s+)?in\s+|\s*\(\s*(?:in\s+)?)(?:(?:early|late|mid)[- ]?)?
//!     (?:[A-Z][a-z]{2,8}\.?\s+(?:\d{1,2},?\s+)?)?(?P<y>1[5-9]\d\d|20\d\d)\b
//! \b[Ii]n\s+(?:[A-Z][a-z]{2,8}\.?\s+)?(?P<y>1[5-9]\d\d|20\d\d)\s*(?:,|[-–—])\s*$
//! ```
//!
//! Each tries the regex's alternatives in the regex's order and takes the first that matches.
//! Spans are byte ranges of the scanned text.

use std::ops::Range;

use crate::knowledge::numbers::{SMALL_NUMBERS, TENS};

use super::scan::{
    anchored, boundary, qualifiers_at, run_end, spaces1, spaces_end, word_ci, word_cs,
};

/// One "years ago" match.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct AgoCaps {
    /// The whole match.
    pub(super) all: Range<usize>,
    /// The qualifier (`q`), if any.
    pub(super) q: Option<Range<usize>>,
    /// The number (`n`).
    pub(super) n: Range<usize>,
    /// The unit, "year(s)" or "decade(s)" (`u`).
    pub(super) u: Range<usize>,
}

/// Every match in `t`, in order.
///
/// Every match ends in "ago" and holds nothing but ASCII letters, digits, hyphens and white
/// space, so only the word starts before an "ago" are tried ([`anchored`]).
pub(super) fn years_ago(t: &str) -> impl Iterator<Item = AgoCaps> + '_ {
    anchored(t, &["ago"], ago_at, |m| m.all.end)
}

/// The single number words after the tens, in the regex's order: eleven to nineteen, one to
/// ten, then "an" before "a".
fn words() -> impl Iterator<Item = &'static str> {
    let small = &SMALL_NUMBERS;
    let teens = small.get(11..).unwrap_or_default();
    let units = small.get(1..11).unwrap_or_default();
    teens.iter().chain(units).copied().chain(["an", "a"])
}

/// The ends `NUM` may take at `i`, in the regex's order: 3, 2, 1 digits; a tens word with its
/// unit ("twenty-five", "twenty five"), then alone; then each single word that matches.
fn num_ends(t: &[u8], i: usize) -> Vec<usize> {
    let digits = run_end(t, i, u8::is_ascii_digit) - i;
    let mut out: Vec<usize> = (1..=digits.min(3)).rev().map(|k| i + k).collect();
    for tens in TENS.iter().filter_map(|w| word_ci(t, i, w)) {
        if matches!(t.get(tens), Some(b'-' | b' ')) {
            out.extend(
                SMALL_NUMBERS
                    .get(1..10)
                    .unwrap_or_default()
                    .iter()
                    .filter_map(|u| word_ci(t, tens + 1, u))
                    .filter(|&e| boundary(t, e))
                    .take(1),
            );
        }
        out.push(tens);
    }
    out.extend(words().filter_map(|w| word_ci(t, i, w)));
    out
}

/// The match starting at `i` (a word start), if any.
fn ago_at(t: &str, i: usize) -> Option<AgoCaps> {
    let b = t.as_bytes();
    let with_q = qualifiers_at(t, i).map(|(end, next)| (Some(i..end), next));
    with_q.chain([(None, i)]).find_map(|(q, p)| {
        num_ends(b, p).into_iter().find_map(|n| {
            let u = spaces1(t, n)?;
            ["years", "year", "decades", "decade"].iter().find_map(|w| {
                let u_end = word_cs(b, u, w)?;
                let ago = word_cs(b, spaces1(t, u_end)?, "ago")?;
                boundary(b, ago).then(|| AgoCaps {
                    all: i..ago,
                    q: q.clone(),
                    n: p..n,
                    u: u..u_end,
                })
            })
        })
    })
}

/// `(?P<y>1[5-9]\d\d|20\d\d)` at `i`: its end.
fn year_end(t: &[u8], i: usize) -> Option<usize> {
    let d = t.get(i..i.checked_add(4)?)?;
    let digits = d.iter().all(u8::is_ascii_digit);
    let ok = match d {
        [b'1', c, ..] => (b'5'..=b'9').contains(c),
        [b'2', b'0', ..] => true,
        _ => false,
    };
    (digits && ok).then_some(i + 4)
}

/// The ends `[A-Z][a-z]{2,8}\.?\s+` may take at `i`, in the regex's order.
fn month_ends(t: &str, i: usize) -> Vec<usize> {
    let b = t.as_bytes();
    if !b.get(i).is_some_and(u8::is_ascii_uppercase) {
        return Vec::new();
    }
    let lower = run_end(b, i + 1, u8::is_ascii_lowercase) - (i + 1);
    let mut out = Vec::new();
    for k in (2..=lower.min(8)).rev() {
        let w = i + 1 + k;
        let dotted = word_cs(b, w, ".");
        for e in [dotted, Some(w)].into_iter().flatten() {
            out.extend(spaces1(t, e));
        }
    }
    out
}

/// The ends `(?:\d{1,2},?\s+)?` may take at `i`, in the regex's order (the empty one last).
fn day_ends(t: &str, i: usize) -> Vec<usize> {
    let b = t.as_bytes();
    let digits = run_end(b, i, u8::is_ascii_digit) - i;
    let mut out = Vec::new();
    for k in (1..=digits.min(2)).rev() {
        let d = i + k;
        for e in [word_cs(b, d, ","), Some(d)].into_iter().flatten() {
            out.extend(spaces1(t, e));
        }
    }
    out.push(i);
    out
}

/// The year written at the start of `rest` (the text right after a "years ago" match), as
/// the regex's `y` group: its byte range in `rest`.
pub(super) fn year_after(rest: &str) -> Option<Range<usize>> {
    let b = rest.as_bytes();
    let p0 = spaces_end(rest, 0);
    // `\s*,?\s*(?:back\s+)?in\s+` (the splits of the spaces all end in the same place).
    let comma = word_cs(b, p0, ",").map_or(p0, |c| spaces_end(rest, c));
    let back = word_cs(b, comma, "back").and_then(|e| spaces1(rest, e));
    let first = [back, Some(comma)]
        .into_iter()
        .flatten()
        .filter_map(|p| spaces1(rest, word_cs(b, p, "in")?));
    // `\s*\(\s*(?:in\s+)?`.
    let paren = word_cs(b, p0, "(").map(|p| spaces_end(rest, p));
    let second = paren.into_iter().flat_map(|p| {
        let with_in = word_cs(b, p, "in").and_then(|e| spaces1(rest, e));
        [with_in, Some(p)].into_iter().flatten()
    });
    first.chain(second).find_map(|r| {
        // `(?:(?:early|late|mid)[- ]?)?`
        let mut starts = Vec::new();
        for e in ["early", "late", "mid"]
            .iter()
            .filter_map(|w| word_cs(b, r, w))
        {
            if matches!(b.get(e), Some(b'-' | b' ')) {
                starts.push(e + 1);
            }
            starts.push(e);
        }
        starts.push(r);
        starts.into_iter().find_map(|s| {
            let mut at: Vec<usize> = month_ends(rest, s)
                .into_iter()
                .flat_map(|m| day_ends(rest, m))
                .collect();
            at.push(s);
            at.into_iter().find_map(|y| {
                let e = year_end(b, y)?;
                boundary(b, e).then_some(y..e)
            })
        })
    })
}

/// The year of the leftmost "in [Month] YEAR," ending `w` (the text right before a "years
/// ago" match), as the regex's `y` group: its byte range in `w`. `w` is its own text: its
/// first byte is a word boundary whatever came before it.
pub(super) fn year_before(w: &str) -> Option<Range<usize>> {
    let b = w.as_bytes();
    (0..b.len())
        .filter(|&i| matches!(b.get(i), Some(b'I' | b'i')) && boundary(b, i))
        .find_map(|i| {
            let p = spaces1(w, word_cs(b, i + 1, "n")?)?;
            let mut at = month_ends(w, p);
            at.push(p);
            at.into_iter().find_map(|y| {
                let e = year_end(b, y)?;
                let s = spaces_end(w, e);
                let punct = [",", "-", "–", "—"].iter().find_map(|m| word_cs(b, s, m))?;
                (spaces_end(w, punct) == b.len()).then_some(y..e)
            })
        })
}

#[cfg(test)]
mod tests {
    use super::super::scan::{agree_on, from_slots, spaced, SEPS};
    use super::*;
    use crate::claims::time::{ago_re, year_after_re, year_before_re};

    type Groups = Vec<Option<Range<usize>>>;

    fn ago_oracle(t: &str) -> Vec<Groups> {
        ago_re()
            .captures_iter(t)
            .map(|c| {
                ["q", "n", "u"]
                    .iter()
                    .map(|g| c.name(g).map(|m| m.range()))
                    .chain([c.get(0).map(|m| m.range())])
                    .collect()
            })
            .collect()
    }

    fn ago_scan(t: &str) -> Vec<Groups> {
        years_ago(t)
            .map(|m| vec![m.q, Some(m.n), Some(m.u), Some(m.all)])
            .collect()
    }

    fn after_oracle(t: &str) -> Vec<Range<usize>> {
        let y = year_after_re().captures(t).and_then(|c| c.name("y"));
        y.map(|m| m.range()).into_iter().collect()
    }

    fn before_oracle(t: &str) -> Vec<Range<usize>> {
        let y = year_before_re().captures(t).and_then(|c| c.name("y"));
        y.map(|m| m.range()).into_iter().collect()
    }

    const AGO_PIECES: [&str; 60] = [
        " ",
        " ",
        " ",
        "  ",
        "\t",
        "\n",
        "\u{a0}",
        "-",
        "ago",
        "ago",
        "Ago",
        "agox",
        "year",
        "years",
        "decade",
        "decades",
        "Years",
        "twenty",
        "Twenty",
        "NINETY",
        "one",
        "One",
        "five",
        "seven",
        "seventeen",
        "Eleven",
        "ten",
        "a",
        "an",
        "A",
        "1",
        "25",
        "345",
        "2024",
        "about",
        "some",
        "just",
        "under",
        "over",
        "close",
        "to",
        "at",
        "least",
        "well",
        "nearly",
        "x",
        "_",
        "é",
        "’",
        ",",
        ".",
        "s",
        "0",
        "in",
        "(",
        "1990",
        "March",
        "early",
        "back",
        "y",
    ];

    /// The "years ago" scanner gives the regex's matches and groups on generated texts:
    /// pieces glued at random, and words with separators between them.
    #[test]
    fn years_ago_agrees_with_the_regex() {
        let mut total = crate::test_text::agree(
            0x6a09_e667_f3bc_c909,
            &AGO_PIECES,
            (8, 20_000),
            ago_oracle,
            ago_scan,
        );
        let mut rng = crate::test_text::Pieces::new(0xbb67_ae85_84ca_a73b);
        let texts = (0..40_000).map(|k| spaced(&mut rng, &AGO_PIECES, &SEPS, 3 + k % 6));
        total += agree_on(texts, ago_oracle, ago_scan);
        let slots: &[&[&str]] = &[
            &["", "x", "In 1990, ", "_", "é", "(in 2001) "],
            &[
                "about",
                "Some",
                "close to",
                "just under",
                "just",
                "over",
                "",
                "",
                "somex",
            ],
            SEP,
            &[
                "25",
                "1",
                "1234",
                "twenty",
                "Twenty-Five",
                "thirty one",
                "seventeen",
                "seven",
            ],
            &["", "", "", "-one", " nine", "teen", "x"],
            SEP,
            &["years", "year", "decades", "decade", "Years", "yearsx"],
            SEP,
            &["ago", "ago", "ago", "Ago", "agox", "ago_"],
            &["", " ", ", in 1990", " (1990)", ".", "é"],
        ];
        let texts = (0..40_000).map(|_| from_slots(&mut rng, slots));
        total += agree_on(texts, ago_oracle, ago_scan);
        assert!(total > 5_000, "{total}");
    }

    const YEAR_PIECES: [&str; 42] = [
        " ",
        " ",
        " ",
        "  ",
        "\t",
        "\u{a0}",
        ",",
        ",",
        "(",
        ")",
        "in",
        "in",
        "In",
        "IN",
        "back",
        "early",
        "late",
        "mid",
        "-",
        "–",
        "—",
        "March",
        "Sept",
        "Sept.",
        "Septembers",
        "Ma",
        "1",
        "15",
        "3,",
        "1990",
        "1990",
        "2024",
        "1499",
        "2101",
        "19901",
        "x",
        "é",
        "_",
        ".",
        "begin",
        "s",
        "0",
    ];

    const SEP: &[&str] = &[" ", " ", " ", " ", "", "  ", "\t", "\u{a0}", ","];

    /// The year scanners give the regexes' `y` group on texts that follow their grammar,
    /// with wrong or missing pieces.
    #[test]
    fn years_next_to_it_agree_with_the_regexes() {
        let after: &[&[&str]] = &[
            &["", "", " ", "  ", "\u{a0}"],
            &[",", ",", "(", "", "", "x", ")"],
            SEP,
            &["back", "", "", "", "bak"],
            SEP,
            &["in", "in", "in", "In", ""],
            SEP,
            &["early", "late", "mid", "", "", "", "", "Mid"],
            &["-", " ", "", "", "", "--"],
            &[
                "March",
                "Sept.",
                "Sept",
                "",
                "",
                "",
                "Ma",
                "Septembers",
                "march",
                "É",
            ],
            SEP,
            &["15", "3,", "1", "", "", "", "123"],
            SEP,
            &[
                "1990", "2024", "1600", "1550", "1499", "2101", "19901", "199",
            ],
            &[" ", "", ",", ".", "x", "-", "_", "é"],
        ];
        let before: &[&[&str]] = &[
            &["", "x", "begin", "Berlin", "to", "1990 in"],
            SEP,
            &["in", "in", "In", "IN", "", "xin"],
            SEP,
            &[
                "March",
                "Sept.",
                "Sept",
                "Ma",
                "Septembers",
                "",
                "",
                "march",
            ],
            SEP,
            &["1990", "2024", "1499", "2101", "19901", "1550", "1600"],
            SEP,
            &[",", "-", "–", "—", "", ".", ", in 2001,"],
            &[" ", "", "", "  ", "x", "\u{a0}", "\n"],
        ];
        let wrap = |f: fn(&str) -> Option<Range<usize>>| move |t: &str| f(t).into_iter().collect();
        let mut rng = crate::test_text::Pieces::new(0x3c6e_f372_fe94_f82b);
        let texts = (0..60_000).map(|_| from_slots(&mut rng, after));
        let found_after = agree_on(texts, after_oracle, wrap(year_after));
        let texts = (0..60_000).map(|_| from_slots(&mut rng, before));
        let found_before = agree_on(texts, before_oracle, wrap(year_before));
        let texts = (0..20_000).map(|k| spaced(&mut rng, &YEAR_PIECES, SEP, 2 + k % 6));
        let found = agree_on(texts, after_oracle, wrap(year_after));
        let texts = (0..20_000).map(|k| spaced(&mut rng, &YEAR_PIECES, SEP, 2 + k % 6));
        let found = found + agree_on(texts, before_oracle, wrap(year_before));
        assert!(
            found_after > 600 && found_before > 5_000 && found > 50,
            "{found_after} {found_before} {found}"
        );
    }

    /// The same on every fixture, whole and line by line (for the years, every 40 bytes
    /// before and every text after each "ago").
    #[test]
    fn agree_with_the_regexes_on_the_fixtures() {
        let mut total = 0;
        for text in super::super::scan::fixture_texts() {
            let want = ago_oracle(&text);
            assert_eq!(ago_scan(&text), want);
            total += want.len();
            for (i, _) in text.match_indices(" ago") {
                let rest = text.get(i + 4..).unwrap_or_default();
                assert_eq!(
                    year_after(rest).into_iter().collect::<Vec<_>>(),
                    after_oracle(rest)
                );
                let mut s = i.saturating_sub(30);
                while !text.is_char_boundary(s) {
                    s -= 1;
                }
                let w = text.get(s..i).unwrap_or_default();
                assert_eq!(
                    year_before(w).into_iter().collect::<Vec<_>>(),
                    before_oracle(w)
                );
            }
        }
        assert!(total > 5, "{total}");
    }
}
