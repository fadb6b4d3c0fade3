//! Byte-level pieces shared by the hand scanners of the time forms ([`super::duration_scan`],
//! [`super::ago_scan`]), each the exact meaning of a piece of the regexes they replaced as
//! [`crate::fast_regex::compile`] built them: `\b` is an ASCII word boundary, `(?i:` ASCII case
//! folding, and `\s` Unicode white space (`char::is_whitespace`, the same set as the regex
//! crate's `\s`: see the tests).
//!
//! Positions are byte offsets into the scanned text; every function returns `None` (or no
//! position) where the piece does not match, and never panics on any input.

/// A byte of `\w` in ASCII: letter, digit or underscore.
pub(super) fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// `\b` (ASCII) at byte `i` of `t`: a word byte on exactly one side (the text's ends count as
/// non-word).
pub(super) fn boundary(t: &[u8], i: usize) -> bool {
    let before = i
        .checked_sub(1)
        .and_then(|k| t.get(k))
        .is_some_and(|&b| is_word(b));
    let after = t.get(i).is_some_and(|&b| is_word(b));
    before != after
}

/// The end of the longest run of white space (`\s`, Unicode) starting at `i`; `i` itself when
/// there is none.
pub(super) fn spaces_end(t: &str, i: usize) -> usize {
    let b = t.as_bytes();
    let mut p = i;
    while let Some(&c) = b.get(p) {
        if c == b' ' || (b'\t'..=b'\r').contains(&c) {
            p += 1;
        } else if c.is_ascii() {
            break;
        } else {
            match t.get(p..).and_then(|r| r.chars().next()) {
                Some(ch) if ch.is_whitespace() => p += ch.len_utf8(),
                _ => break,
            }
        }
    }
    p
}

/// `\s+` at `i`: the end of the longest run (the only one a scanner needs: every piece after a
/// `\s+` in these regexes starts with a byte that is not white space), or `None` when `i` does
/// not start with white space.
pub(super) fn spaces1(t: &str, i: usize) -> Option<usize> {
    let e = spaces_end(t, i);
    (e > i).then_some(e)
}

/// The end of `word` (lower-case ASCII) at byte `i` of `t` in any ASCII case.
pub(super) fn word_ci(t: &[u8], i: usize, word: &str) -> Option<usize> {
    let end = i.checked_add(word.len())?;
    t.get(i..end)
        .is_some_and(|s| s.eq_ignore_ascii_case(word.as_bytes()))
        .then_some(end)
}

/// The end of `word` at byte `i` of `t`, byte for byte (case-sensitive).
pub(super) fn word_cs(t: &[u8], i: usize, word: &str) -> Option<usize> {
    t.get(i..)
        .is_some_and(|s| s.starts_with(word.as_bytes()))
        .then(|| i + word.len())
}

/// The end of the longest run of bytes satisfying `pred` from `i` (`i` when there is none).
pub(super) fn run_end(t: &[u8], i: usize, pred: fn(&u8) -> bool) -> usize {
    i + t
        .get(i..)
        .map_or(0, |s| s.iter().take_while(|c| pred(c)).count())
}

/// The end of a phrase (words separated by one space, any ASCII case) at `i`, its words
/// separated by `\s+` in the text.
pub(super) fn phrase_ci(t: &str, i: usize, phrase: &str) -> Option<usize> {
    let mut p = i;
    for (k, w) in phrase.split(' ').enumerate() {
        if k > 0 {
            p = spaces1(t, p)?;
        }
        p = word_ci(t.as_bytes(), p, w)?;
    }
    Some(p)
}

/// The rounding words of the regexes, in the regex's alternation order (that order decides
/// which one a match takes: "just under" before "just"). Each word gap is `\s+`.
const QUALIFIERS: [&str; 19] = [
    "about",
    "around",
    "some",
    "roughly",
    "approximately",
    "nearly",
    "almost",
    "close to",
    "less than",
    "under",
    "just under",
    "more than",
    "over",
    "at least",
    "just over",
    "well over",
    "exactly",
    "just",
    "only",
];

/// The ends of every qualifier phrase matching at `i` (any ASCII case), in the order the
/// regex tries them, each followed by the end of the `\s+` that must come after it: the
/// positions where the words after an optional qualifier may start.
pub(super) fn qualifiers_at(t: &str, i: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
    let first = t.as_bytes().get(i).map(u8::to_ascii_lowercase);
    QUALIFIERS
        .iter()
        .filter(move |q| q.as_bytes().first().copied() == first)
        .filter_map(move |q| {
            let end = phrase_ci(t, i, q)?;
            Some((end, spaces1(t, end)?))
        })
}

/// `[0-9]{1,3}|[A-Za-z]+(?:-[A-Za-z]+)?` at `i` (the number word of the duration regex), as
/// the ends the regex may try, in its order. Only the longest runs are given: in every use
/// the word is followed by a hyphen or white space, which a shorter run (followed by another
/// letter or digit) cannot be.
pub(super) fn number_word_ends(t: &[u8], i: usize) -> [Option<usize>; 2] {
    let digits = run_end(t, i, u8::is_ascii_digit);
    if digits > i {
        return [(digits - i <= 3).then_some(digits), None];
    }
    let letters = run_end(t, i, u8::is_ascii_alphabetic);
    if letters == i {
        return [None, None];
    }
    let hyphenated = (t.get(letters) == Some(&b'-'))
        .then(|| run_end(t, letters + 1, u8::is_ascii_alphabetic))
        .filter(|&e| e > letters + 1);
    [hyphenated, Some(letters)]
}

/// The matches, in order and not overlapping, of a scanner whose every match holds one of
/// `stems` (ASCII, as written) and nothing but ASCII letters, digits, hyphens and white space:
/// `at(t, i)` is the match starting at word start `i` (leftmost-first), `end` its end.
///
/// Only the word starts of the run of such characters that ends at the next stem are tried:
/// a match starting before that run would hold a character outside the class, and one holding
/// a later stem only, none of the stem's run (the run ends where that character stands). So the
/// text between stems is not tried word by word, and each byte is read a bounded number of
/// times.
pub(super) fn anchored<'t, M: 't>(
    t: &'t str,
    stems: &'t [&'t str],
    at: impl Fn(&str, usize) -> Option<M> + 't,
    end: impl Fn(&M) -> usize + 't,
) -> impl Iterator<Item = M> + 't {
    let b = t.as_bytes();
    let mut from = 0;
    std::iter::from_fn(move || loop {
        let u = next_stem(b, from, stems)?;
        let m = word_starts(b, run_start(t, from, u))
            .take_while(|&i| i <= u)
            .find_map(|i| at(t, i));
        match m {
            Some(m) => {
                from = end(&m);
                return Some(m);
            }
            None => from = u + 1,
        }
    })
}

/// The first byte at or after `from` where one of `stems` starts.
fn next_stem(b: &[u8], from: usize, stems: &[&str]) -> Option<usize> {
    let rest = b.get(from..)?;
    rest.iter().enumerate().find_map(|(k, &c)| {
        let s = rest.get(k..)?;
        stems
            .iter()
            .any(|w| w.as_bytes().first() == Some(&c) && s.starts_with(w.as_bytes()))
            .then_some(from + k)
    })
}

/// The start (not before `from`) of the run of ASCII letters, digits, hyphens and white space
/// that ends at byte `u`.
fn run_start(t: &str, from: usize, u: usize) -> usize {
    let Some(before) = t.get(from..u) else {
        return u;
    };
    let mut start = u;
    for (k, c) in before.char_indices().rev() {
        if !(c.is_ascii_alphanumeric() || c == '-' || c.is_whitespace()) {
            break;
        }
        start = from + k;
    }
    start
}

/// The candidate starts of a match of a regex beginning `\b` then an ASCII letter or digit:
/// every byte from `from` on that is such a character with no word byte before it.
pub(super) fn word_starts(t: &[u8], from: usize) -> impl Iterator<Item = usize> + '_ {
    (from..t.len()).filter(move |&i| {
        t.get(i).is_some_and(u8::is_ascii_alphanumeric)
            && !i
                .checked_sub(1)
                .and_then(|k| t.get(k))
                .is_some_and(|&b| is_word(b))
    })
}

/// The text of every file under `fixtures/`, whole, then each of its lines: inputs for the
/// oracle tests of the scanners.
#[cfg(test)]
pub(super) fn fixture_texts() -> Vec<String> {
    let mut out = Vec::new();
    for text in crate::test_text::fixture_texts() {
        out.extend(text.lines().map(str::to_string));
        out.push(text);
    }
    assert!(out.len() > 300, "{}", out.len());
    out
}

/// `n` words picked at random from `words`, each followed by a separator picked from `seps`:
/// texts whose words stay apart often enough to form phrases.
#[cfg(test)]
pub(super) fn spaced(
    rng: &mut crate::test_text::Pieces,
    words: &[&str],
    seps: &[&str],
    n: usize,
) -> String {
    let mut out = String::new();
    for _ in 0..n {
        out.push_str(words[rng.below(words.len())]);
        out.push_str(seps[rng.below(seps.len())]);
    }
    out
}

/// One option picked at random from each slot, joined: texts that follow a grammar's order,
/// with wrong or missing pieces among the options.
#[cfg(test)]
pub(super) fn from_slots(rng: &mut crate::test_text::Pieces, slots: &[&[&str]]) -> String {
    slots.iter().map(|o| o[rng.below(o.len())]).collect()
}

/// Assert that `scan` and `oracle` give the same items on every text; the number of items.
#[cfg(test)]
pub(super) fn agree_on<T: PartialEq + std::fmt::Debug>(
    texts: impl Iterator<Item = String>,
    oracle: impl Fn(&str) -> Vec<T>,
    scan: impl Fn(&str) -> Vec<T>,
) -> usize {
    let mut found = 0;
    for text in texts {
        let want = oracle(&text);
        assert_eq!(scan(&text), want, "{text:?}");
        found += want.len();
    }
    found
}

/// Separators for [`spaced`]: mostly one space, and every other kind of gap.
#[cfg(test)]
pub(super) const SEPS: [&str; 12] = [
    " ", " ", " ", " ", " ", "", "  ", "\t", "\n", "\u{a0}", "\u{2009}", "-",
];

#[cfg(test)]
mod tests {
    use super::*;

    /// `char::is_whitespace` is the regex crate's `\s`, for every char.
    #[test]
    fn unicode_spaces_are_the_regex_spaces() {
        let re = regex::Regex::new(r"^\s$").unwrap();
        let mut buf = [0u8; 4];
        let mut n = 0;
        for c in (0..=0x10_ffff).filter_map(char::from_u32) {
            let s: &str = c.encode_utf8(&mut buf);
            assert_eq!(re.is_match(s), c.is_whitespace(), "{:?}", c);
            assert_eq!(spaces1(s, 0).is_some(), c.is_whitespace(), "{:?}", c);
            n += usize::from(c.is_whitespace());
        }
        assert_eq!(n, 25);
    }

    #[test]
    fn qualifiers_in_regex_order() {
        let t = "Just  under two";
        let got: Vec<(usize, usize)> = qualifiers_at(t, 0).collect();
        assert_eq!(got, vec![(11, 12), (4, 6)]);
        assert_eq!(qualifiers_at("someone", 0).count(), 0);
    }
}
