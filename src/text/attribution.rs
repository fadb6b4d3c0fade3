//! The attribution next to a quotation, scanned by hand: a speech verb and a capitalised name of
//! one to four words, right after the closing mark (`," said Mr Smith` / `," Smith said`) or
//! right before the opening one (`Smith said: "`).
//!
//! Each scanner finds exactly what its regex (kept in the tests as the oracle) would capture. As
//! regexes, with Unicode word classes, they cost about 3 ms of every run that reads a quotation
//! to compile (start-up).
//!
//! A name here is `(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]*`: up to three words that may hold a
//! full stop ("J.", "St."), then a last word that may not, each opening with an ASCII capital;
//! `\w` is Unicode (letters, marks, digits, connector punctuation), as in the `regex` crate.

use std::ops::Range;

use crate::source::{run_end as run, spaces1_end as spaces1};

/// `[\w'’.-]`: a character of a name word before the last.
fn inner_word_char(c: char) -> bool {
    matches!(c, '\'' | '’' | '.' | '-') || regex_syntax::is_word_character(c)
}

/// `[\w'’-]`: a character of a name's last word.
fn last_word_char(c: char) -> bool {
    matches!(c, '\'' | '’' | '-') || regex_syntax::is_word_character(c)
}

/// `[a-z]+` at `i`: the end, `None` without a lower-case ASCII letter.
fn lower_word(s: &str, i: usize) -> Option<usize> {
    let end = run(s, i, |c| c.is_ascii_lowercase());
    (end > i).then_some(end)
}

fn upper_at(s: &str, i: usize) -> bool {
    s.as_bytes().get(i).is_some_and(u8::is_ascii_uppercase)
}

/// The ends of the names starting at byte `q`, in the order the regex tries them (most words
/// first): up to four, none when `q` holds no capital.
fn name_ends(s: &str, q: usize) -> Vec<usize> {
    // Word starts: `q`, then after each earlier word and its white space (at most three).
    let mut starts = vec![q];
    let mut at = q;
    while starts.len() <= 3 && upper_at(s, at) {
        let word_end = run(s, at + 1, inner_word_char);
        let Some(next) = spaces1(s, word_end) else {
            break;
        };
        starts.push(next);
        at = next;
    }
    starts
        .iter()
        .rev()
        .filter(|&&st| upper_at(s, st))
        .map(|&st| run(s, st + 1, last_word_char))
        .collect()
}

/// The attribution right after a closing quotation mark, as `(first, second)` byte ranges of
/// `s`: (verb, name) for `said Mr Smith`, (name, verb) for `Smith said`. The same as the
/// regex
/// `^[,.!?]?\s*[”’"]?\s*[,—–-]?\s*(?:(?P<verb1>[a-z]+)\s+(?P<name1>NAME)|(?P<name2>NAME)\s+(?P<verb2>[a-z]+))`.
/// Whether the lower-case word is a speech verb is for the caller to decide.
pub fn after_quote(s: &str) -> Option<(Range<usize>, Range<usize>)> {
    let start = prefix_end(s)?;
    if s.as_bytes().get(start).is_some_and(u8::is_ascii_lowercase) {
        let verb_end = lower_word(s, start)?;
        let name_start = spaces1(s, verb_end)?;
        let name_end = *name_ends(s, name_start).first()?;
        return Some((start..verb_end, name_start..name_end));
    }
    name_ends(s, start).into_iter().find_map(|name_end| {
        let verb_start = spaces1(s, name_end)?;
        let verb_end = lower_word(s, verb_start)?;
        Some((start..name_end, verb_start..verb_end))
    })
}

/// Where the attribution can start after `^[,.!?]?\s*[”’"]?\s*[,—–-]?\s*`: the one reachable
/// position holding an ASCII letter (the marks and spaces before it are not letters).
fn prefix_end(s: &str) -> Option<usize> {
    let one = |set: &[char], ps: &mut Vec<usize>| {
        let extra: Vec<usize> = ps
            .iter()
            .filter_map(|&p| {
                let c = s.get(p..)?.chars().next()?;
                set.contains(&c).then(|| p + c.len_utf8())
            })
            .collect();
        ps.extend(extra);
    };
    let spaces = |ps: &mut Vec<usize>| {
        for p in ps.iter_mut() {
            *p = run(s, *p, char::is_whitespace);
        }
    };
    // A space run may be entered at several of its positions; only its end can reach a letter,
    // so each set keeps the ends.
    let mut ps = vec![0];
    one(&[',', '.', '!', '?'], &mut ps);
    spaces(&mut ps);
    one(&['”', '’', '"'], &mut ps);
    spaces(&mut ps);
    one(&[',', '—', '–', '-'], &mut ps);
    spaces(&mut ps);
    ps.into_iter()
        .find(|&p| s.as_bytes().get(p).is_some_and(u8::is_ascii_alphabetic))
}

/// The attribution ending right before an opening quotation mark, as (name, verb) byte ranges
/// of `s`: `Smith said:`, `Mr Smith told reporters,`. The same as the regex
/// `(?P<name>NAME)\s+(?P<verb>[a-z]+)\s*[:,]\s*$` (leftmost start).
pub fn before_quote(s: &str) -> Option<(Range<usize>, Range<usize>)> {
    s.bytes()
        .enumerate()
        .filter(|(_, b)| b.is_ascii_uppercase())
        .find_map(|(p, _)| {
            name_ends(s, p).into_iter().find_map(|name_end| {
                let verb_start = spaces1(s, name_end)?;
                let verb_end = lower_word(s, verb_start)?;
                let mark = run(s, verb_end, char::is_whitespace);
                if !matches!(s.as_bytes().get(mark), Some(b':' | b',')) {
                    return None;
                }
                (run(s, mark + 1, char::is_whitespace) == s.len())
                    .then_some((p..name_end, verb_start..verb_end))
            })
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    const AFTER_RE: &str = r"^[,.!?]?\s*[”’\x22]?\s*[,—–-]?\s*(?:(?P<verb1>[a-z]+)\s+(?P<name1>(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]*)|(?P<name2>(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]*)\s+(?P<verb2>[a-z]+))";
    const BEFORE_RE: &str =
        r"(?P<name>(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]*)\s+(?P<verb>[a-z]+)\s*[:,]\s*$";

    fn after_oracle(re: &regex::Regex, s: &str) -> Option<(Range<usize>, Range<usize>)> {
        let c = re.captures(s)?;
        match (
            c.name("verb1"),
            c.name("name1"),
            c.name("name2"),
            c.name("verb2"),
        ) {
            (Some(v), Some(n), _, _) => Some((v.range(), n.range())),
            (_, _, Some(n), Some(v)) => Some((n.range(), v.range())),
            _ => None,
        }
    }

    fn before_oracle(re: &regex::Regex, s: &str) -> Option<(Range<usize>, Range<usize>)> {
        let c = re.captures(s)?;
        Some((c.name("name")?.range(), c.name("verb")?.range()))
    }

    #[test]
    fn examples() {
        let s = ",\" said Volodymyr Zelensky.";
        assert_eq!(after_quote(s), Some((3..7, 8..26)));
        let s = "’ Mr J. Smith told reporters";
        assert_eq!(after_quote(s), Some((4..15, 16..20)));
        let s = "The president, Mr Smith said: ";
        assert_eq!(before_quote(s), Some((15..23, 24..28)));
        assert_eq!(before_quote("Smith said. "), None);
    }

    /// Pseudo-random texts from name and verb pieces, marks, spaces and non-ASCII letters: the
    /// scanners capture what the regexes do.
    #[test]
    fn agree_with_the_regexes() {
        let after_re = crate::fast_regex::compile(AFTER_RE).unwrap();
        let before_re = crate::fast_regex::compile(BEFORE_RE).unwrap();
        let pieces = [
            "said",
            "told",
            "x",
            "Smith",
            "Mr",
            "J.",
            "St.",
            "O’Neil",
            "Jean-Luc",
            "Zoë",
            "Ål",
            "É",
            "ab_c",
            "A1",
            " ",
            "  ",
            "\n",
            "\u{a0}",
            ",",
            ".",
            ":",
            "!",
            "?",
            "\"",
            "”",
            "’",
            "'",
            "—",
            "-",
            "–",
            "reporters",
            "Dr.",
            "McDonald",
            "é",
            "\u{301}",
            "9",
        ];
        let mut rng = crate::test_text::Pieces::new(0x9e6c_63d0_676a_9a99);
        let (mut after_hits, mut before_hits) = (0, 0);
        let mut agree = |t: &str| {
            let want = after_oracle(&after_re, t);
            after_hits += usize::from(want.is_some());
            assert_eq!(after_quote(t), want, "after {t:?}");
            let want = before_oracle(&before_re, t);
            before_hits += usize::from(want.is_some());
            assert_eq!(before_quote(t), want, "before {t:?}");
        };
        for _ in 0..40_000 {
            agree(&rng.text_up_to(&pieces, 10));
        }
        // Shaped like attributions, so that matches are common.
        let names = [
            "Smith",
            "Mr Smith",
            "Dr. J. O’Neil",
            "A B C D E",
            "Zoë Ål-Bé",
            "J.",
        ];
        let verbs = ["said", "told", "x"];
        let marks = [",\" ", ".” ", " - ", "", "?’, ", ", "];
        let ends = [": ", ",", " :\n", ".", ": x"];
        for n in names {
            for v in verbs {
                for m in marks {
                    for e in ends {
                        for t in [
                            format!("{m}{v} {n}{e}"),
                            format!("{m}{n} {v}{e}"),
                            format!("The {n}  {v}{e}"),
                        ] {
                            agree(&t);
                        }
                    }
                }
            }
        }
        assert!(
            after_hits > 500 && before_hits > 200,
            "{after_hits} {before_hits}"
        );
    }
}
