//! Numerals: the digits and number words of a segment, read into values with their ranges and
//! shown precision, before any context says what they count.
//!
//! The lexer here is the numeral lexer of the crate, not a second word tokenizer: it keeps
//! "1,200.5" whole and splits "10km" into "10" + "km" (adjacency is kept through the spans),
//! which is what reading a quantity needs; words for every other purpose come from
//! [`crate::text::words`]. Spans are **bytes** into the article text.

use crate::article::Span;
use crate::knowledge::numbers as kn;

/// One token of a segment: a number, a word or a single other character.
#[derive(Clone, Copy, Debug, serde::Serialize)]
pub(crate) struct Tok<'a> {
    pub(crate) span: Span,
    pub(crate) text: &'a str,
    pub(crate) kind: TokKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub(crate) enum TokKind {
    Digits,
    Word,
    Other,
}

/// The token ranges of `s`, in order: what the pattern `\d+(?:,\d{3})*(?:\.\d+)?|[A-Za-z]+|\S`
/// (ASCII digits and letters, Unicode white space) finds, scanned by hand in one pass (the
/// regex cost a fifth of number extraction). Ranges are bytes into `s`.
fn token_ranges(s: &str) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    let b = s.as_bytes();
    let digits_from = move |mut j: usize| {
        while b.get(j).is_some_and(u8::is_ascii_digit) {
            j += 1;
        }
        j
    };
    let mut i = 0usize;
    std::iter::from_fn(move || {
        // Skip white space (ASCII from the byte, anything else as a char).
        loop {
            let &c = b.get(i)?;
            if c < 0x80 {
                if !(c as char).is_whitespace() {
                    break;
                }
                i += 1;
            } else {
                let ch = s.get(i..)?.chars().next()?;
                if !ch.is_whitespace() {
                    break;
                }
                i += ch.len_utf8();
            }
        }
        let start = i;
        let &c = b.get(i)?;
        if c.is_ascii_digit() {
            i = digits_from(i);
            // Thousands groups: a comma and exactly three digits, as often as they come.
            while b.get(i) == Some(&b',')
                && (1..=3).all(|k| b.get(i + k).is_some_and(u8::is_ascii_digit))
            {
                i += 4;
            }
            if b.get(i) == Some(&b'.') && b.get(i + 1).is_some_and(u8::is_ascii_digit) {
                i = digits_from(i + 1);
            }
        } else if c.is_ascii_alphabetic() {
            while b.get(i).is_some_and(u8::is_ascii_alphabetic) {
                i += 1;
            }
        } else if c < 0x80 {
            i += 1;
        } else {
            i += s.get(i..)?.chars().next()?.len_utf8();
        }
        Some(start..i)
    })
}

/// True when segment text `s` may hold a number: it has an ASCII digit, or a word (a run of
/// ASCII letters, as the tokens cut them) that is a number word or "dozen". [`scan`] finds
/// nothing in any other text, so a segment without either need not be tokenised at all.
pub(crate) fn may_hold_number(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        if c.is_ascii_digit() {
            return true;
        }
        if c.is_ascii_alphabetic() {
            let start = i;
            while b.get(i).is_some_and(u8::is_ascii_alphabetic) {
                i += 1;
            }
            let w = s.get(start..i).unwrap_or_default();
            if kn::word_value(w).is_some() || w.eq_ignore_ascii_case("dozen") {
                return true;
            }
        } else {
            i += 1;
        }
    }
    false
}

/// The numeral tokens of segment `seg` of `text`, into `out` (cleared first, so one buffer
/// serves every segment of an article). Spans are bytes into `text`.
pub(crate) fn tokens_into<'a>(text: &'a str, seg: Span, out: &mut Vec<Tok<'a>>) {
    out.clear();
    let Some(s) = text.get(seg.start..seg.end) else {
        return;
    };
    // A token takes five bytes of news text on average: reserve for a third of the bytes, so
    // the buffer is rarely regrown.
    out.reserve(s.len() / 3);
    let b = s.as_bytes();
    out.extend(token_ranges(s).map(|m| {
        let t = s.get(m.clone()).unwrap_or_default();
        // The bytes before and after the token (token ranges lie on char boundaries).
        let before = b.get(..m.start).unwrap_or_default();
        // Digits that are not a figure: an HTML character reference left in plain text
        // ("&#163;8m" is "£8m"), or a year written short after an apostrophe ("in '87").
        let reference = before.ends_with(b"&#") && b.get(m.end) == Some(&b';');
        let short_year = t.len() == 2 && short_year_mark(s, m.start);
        let kind = if reference || short_year {
            TokKind::Other
        } else if t.as_bytes().first().is_some_and(u8::is_ascii_digit) {
            TokKind::Digits
        } else if t.as_bytes().first().is_some_and(u8::is_ascii_alphabetic) {
            TokKind::Word
        } else {
            TokKind::Other
        };
        Tok {
            span: Span::new(seg.start + m.start, seg.start + m.end),
            text: t,
            kind,
        }
    }));
}

/// True when an apostrophe (`'`, `’`) ends `s` before byte `at`, with nothing or white space
/// before it ("in '87").
fn short_year_mark(s: &str, at: usize) -> bool {
    s.get(..at)
        .and_then(|before| before.strip_suffix(['\'', '’']))
        .is_some_and(|b| b.is_empty() || b.ends_with(char::is_whitespace))
}

/// A number read at some token index, before context is applied.
#[derive(Clone, Copy, Debug, serde::Serialize)]
pub(crate) struct Core {
    /// First and last token of the number (range included).
    pub(crate) first: usize,
    pub(crate) last: usize,
    pub(crate) value: f64,
    pub(crate) high: Option<f64>,
    pub(crate) decimals: u32,
    pub(crate) zeros: u32,
    pub(crate) word: bool,
    /// True when a range was read ("10-12", "between 10 and 12").
    pub(crate) range_between: bool,
}

/// True when `b` starts where `a` ends (no space between).
pub(crate) fn adjacent(a: &Tok<'_>, b: &Tok<'_>) -> bool {
    a.span.end == b.span.start
}

/// The token in ASCII lower case (borrowed when it is already).
pub(crate) fn lower<'a>(t: &Tok<'a>) -> std::borrow::Cow<'a, str> {
    kn::ascii_lower(t.text)
}

/// True when `t` is one of `words` (ASCII case-insensitive).
pub(crate) fn is(t: Option<&Tok<'_>>, words: &[&str]) -> bool {
    t.is_some_and(|t| words.iter().any(|w| t.text.eq_ignore_ascii_case(w)))
}

/// Parse digits ("1,200.5") into value, decimals and trailing zeros of the integer part.
pub(crate) fn parse_digits(s: &str) -> Option<(f64, u32, u32)> {
    let clean: String = s.chars().filter(|c| *c != ',').collect();
    let value: f64 = clean.parse().ok()?;
    let (int, dec) = match clean.split_once('.') {
        Some((i, d)) => (i, d.len()),
        None => (clean.as_str(), 0),
    };
    let zeros = if dec == 0 && value != 0.0 {
        int.len() - int.trim_end_matches('0').len()
    } else {
        0
    };
    Some((value, u32::try_from(dec).ok()?, u32::try_from(zeros).ok()?))
}

/// A number written in words starting at `i`: "three", "twenty-one", "a dozen", "two hundred".
/// Returns the value and the last token used.
pub(crate) fn parse_words(toks: &[Tok<'_>], i: usize) -> Option<(f64, usize)> {
    let t = toks.get(i)?;
    if t.kind != TokKind::Word {
        return None;
    }
    if t.text.eq_ignore_ascii_case("a") || t.text.eq_ignore_ascii_case("one") {
        if is(toks.get(i + 1), &["dozen"]) {
            return Some((12.0, i + 1));
        }
        if t.text.eq_ignore_ascii_case("a") {
            return None;
        }
    }
    if t.text.eq_ignore_ascii_case("dozen") {
        return None;
    }
    let mut v = f64::from(kn::word_value(t.text)?);
    let mut last = i;
    if kn::is_tens(t.text) {
        if let (Some(h), Some(u)) = (toks.get(i + 1), toks.get(i + 2)) {
            if h.text == "-" && adjacent(t, h) && adjacent(h, u) {
                if let Some(uv) = kn::word_value(u.text).filter(|v| (1..10).contains(v)) {
                    v += f64::from(uv);
                    last = i + 2;
                }
            }
        }
    }
    if is(toks.get(last + 1), &["hundred"]) {
        v *= 100.0;
        last += 1;
    }
    Some((v, last))
}

/// Read a number (with a range) at `i`. Returns the core and the index to continue from.
pub(crate) fn scan(toks: &[Tok<'_>], i: usize) -> Option<(Core, usize)> {
    let t = toks.get(i)?;
    // "between 10 and 12"
    if t.text.eq_ignore_ascii_case("between") {
        let (a, a_last, ad, az, aw) = number_at(toks, i + 1)?;
        if !is(toks.get(a_last + 1), &["and"]) {
            return None;
        }
        let (b, b_last, _, _, _) = number_at(toks, a_last + 2)?;
        if b <= a {
            return None;
        }
        let core = Core {
            first: i + 1,
            last: b_last,
            value: a,
            high: Some(b),
            decimals: ad,
            zeros: az,
            word: aw,
            range_between: true,
        };
        return Some((core, b_last + 1));
    }
    let (v, last, decimals, zeros, word) = number_at(toks, i)?;
    let mut core = Core {
        first: i,
        last,
        value: v,
        high: None,
        decimals,
        zeros,
        word,
        range_between: false,
    };
    // ranges "10-12", "10–12", "10 to 12"
    if let Some(sep) = toks.get(last + 1) {
        let dash = matches!(sep.text, "-" | "–" | "—");
        let to = sep.text.eq_ignore_ascii_case("to");
        if dash || to {
            if let Some((b, b_last, _, _, bw)) = number_at(toks, last + 2) {
                let tight = !dash
                    || (toks.get(last).is_some_and(|l| adjacent(l, sep))
                        && toks.get(last + 2).is_some_and(|n| adjacent(sep, n)))
                    || sep.text != "-";
                if bw == word && tight {
                    if b > v {
                        core.last = b_last;
                        core.high = Some(b);
                        return Some((core, b_last + 1));
                    }
                    if dash && !word {
                        // "3-1", "2-2": a score or some other pair, not a quantity.
                        return None;
                    }
                }
            }
        }
    }
    Some((core, last + 1))
}

/// A single number (digits or words) at `i`: (value, last token, decimals, zeros, word).
pub(crate) fn number_at(toks: &[Tok<'_>], i: usize) -> Option<(f64, usize, u32, u32, bool)> {
    let t = toks.get(i)?;
    match t.kind {
        TokKind::Digits => {
            let (v, d, z) = parse_digits(t.text)?;
            Some((v, i, d, z, false))
        }
        TokKind::Word => {
            let (v, last) = parse_words(toks, i)?;
            Some((v, last, 0, 0, true))
        }
        TokKind::Other => None,
    }
}

#[cfg(test)]
mod token_tests {
    use super::{may_hold_number, scan, token_ranges, tokens_into};
    use crate::article::Span;

    /// The pre-check says "no number" only where scanning every token finds none: checked on
    /// generated texts of number words, near-misses, digits and other words.
    #[test]
    fn may_hold_number_never_misses_a_scanned_number() {
        let pieces = [
            "a",
            "dozen",
            "Dozen",
            "between",
            "and",
            "to",
            "one",
            "TWENTY",
            "-",
            "five",
            "fives",
            "ten",
            "tenth",
            "often",
            "x",
            "7",
            "seventeen",
            "hundred",
            "\u{e9}",
            " ",
            "'",
            ",",
            "&#",
            ";",
            "ninety",
            "Nine",
            "stone",
            "\u{2013}",
        ];
        let mut seed = 0x9e37_79b9_u32;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            seed
        };
        for _ in 0..20_000 {
            let n = 1 + next() % 8;
            let mut s = String::new();
            for _ in 0..n {
                s.push_str(pieces[(next() as usize) % pieces.len()]);
                if next() % 2 == 0 {
                    s.push(' ');
                }
            }
            let mut toks = Vec::new();
            tokens_into(&s, Span::new(0, s.len()), &mut toks);
            let found = (0..toks.len()).any(|i| scan(&toks, i).is_some());
            if found {
                assert!(may_hold_number(&s), "{s:?}");
            }
        }
    }

    /// The hand scanner finds exactly what the regex it replaces finds.
    #[test]
    fn scanner_matches_the_regex() {
        let re = regex::Regex::new(r"[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?|[A-Za-z]+|\S").unwrap();
        let samples = [
            "They hired 1,200 workers; 3.5 times, 1,2345 and 12,34 or 7. or 1,000,000.25.",
            "£8m\u{a0}in '87 — 10km/h, ½ “quoted” 2024-02-28 x,y 1.2.3 ,999 9,",
            "  \t\nÉlysée 1\u{2009}000 naïve 5,000th 0.5% ¾ 𝟙 ١٢٣ end",
            "",
            "   ",
        ];
        for s in samples {
            let want: Vec<_> = re.find_iter(s).map(|m| m.range()).collect();
            let got: Vec<_> = token_ranges(s).collect();
            assert_eq!(got, want, "{s:?}");
        }
    }
}
