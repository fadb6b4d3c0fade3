//! Words: the one tokenizer, phrase matching, possessives, name particles and years.
//!
//! Every consumer that needs the words of a span takes them from here, so "what is a word" is
//! decided once: a run of alphanumeric characters, with an apostrophe (`'`, `’`) or hyphen
//! inside it kept ("O’Shea", "year-old", "Zelensky's").

use std::ops::{Range, RangeInclusive};

use crate::knowledge::lexicon;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (possibly with digits, inner apostrophes and hyphens): "Kyiv", "O’Shea", "G7".
    Word,
    /// Digits, with inner `,` or `.` between digits: "1,236", "3.5", "2024".
    Number,
    /// Any other non-space character.
    Punct,
}

/// One token: its byte range in the string it came from, and its kind.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte range into the tokenised string (not the article: add the span start).
    pub range: Range<usize>,
    /// Word, number or punctuation.
    pub kind: TokenKind,
}

/// The character starting at byte `i` of `s`; `None` at the end or inside a character. An
/// ASCII byte is read as it is, without decoding (the tokenizers' fast path).
#[inline]
fn char_at(s: &str, i: usize) -> Option<char> {
    let b = *s.as_bytes().get(i)?;
    if b.is_ascii() {
        Some(char::from(b))
    } else {
        s.get(i..)?.chars().next()
    }
}

/// Tokens of `s`, in order. Whitespace is skipped. O(n).
pub fn tokens(s: &str) -> impl Iterator<Item = Token> + '_ {
    let b = s.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        // ASCII white space byte by byte (`char::is_whitespace` of an ASCII byte).
        while b
            .get(i)
            .is_some_and(|&x| x == b' ' || (b'\t'..=b'\r').contains(&x))
        {
            i += 1;
        }
        let mut c = char_at(s, i)?;
        while c.is_whitespace() {
            i += c.len_utf8();
            c = char_at(s, i)?;
        }
        let start = i;
        i += c.len_utf8();
        let mut end = i;
        let kind = if c.is_ascii_digit() {
            while let Some(n) = char_at(s, i) {
                // `n` is one byte when it is a joiner, so `i + 1` starts the next character.
                let joiner =
                    matches!(n, ',' | '.') && char_at(s, i + 1).is_some_and(|d| d.is_ascii_digit());
                if n.is_ascii_digit() || joiner {
                    i += n.len_utf8();
                    end = i;
                } else {
                    break;
                }
            }
            if char_at(s, end).is_some_and(char::is_alphabetic) {
                TokenKind::Word
            } else {
                TokenKind::Number
            }
        } else if c.is_alphanumeric() {
            TokenKind::Word
        } else {
            return Some(Token {
                range: start..end,
                kind: TokenKind::Punct,
            });
        };
        // Continue a word over letters, digits and inner apostrophes/hyphens.
        loop {
            // ASCII letters and digits byte by byte; anything else through `char_at`.
            while b.get(i).is_some_and(u8::is_ascii_alphanumeric) {
                i += 1;
                end = i;
            }
            let Some(n) = char_at(s, i) else {
                break;
            };
            let inner = matches!(n, '\'' | '’' | '-')
                && char_at(s, i + n.len_utf8()).is_some_and(char::is_alphanumeric);
            if n.is_alphanumeric() || inner {
                i += n.len_utf8();
                end = i;
            } else {
                break;
            }
        }
        let kind = if kind == TokenKind::Number
            && s.get(start..end)
                .is_some_and(|t| t.bytes().any(|b| b.is_ascii_alphabetic()))
        {
            TokenKind::Word
        } else {
            kind
        };
        Some(Token {
            range: start..end,
            kind,
        })
    })
}

/// Name words of `s` as byte ranges, for gazetteer lookup: a letter followed by letters,
/// digits, combining marks, apostrophes, full stops and hyphens, so that "U.S.", "St.",
/// "Ukraine's" and "Ivano-Frankivsk" are one word each (trailing full stops and apostrophes
/// included: callers try the word with and without them). Unlike [`tokens`], a word starts
/// only at a letter ("3rd" gives "rd"). Hand-written rather than a regex: a Unicode letter
/// class costs milliseconds to compile on every run.
pub fn name_words(s: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let b = s.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        // ASCII bytes that are not letters, one by one.
        while b
            .get(i)
            .is_some_and(|x| x.is_ascii() && !x.is_ascii_alphabetic())
        {
            i += 1;
        }
        let start = loop {
            let c = char_at(s, i)?;
            if c.is_alphabetic() {
                break i;
            }
            i += c.len_utf8();
        };
        i = start;
        loop {
            // ASCII word bytes one by one; anything else through `char_at`.
            while b
                .get(i)
                .is_some_and(|&x| x.is_ascii_alphanumeric() || matches!(x, b'\'' | b'.' | b'-'))
            {
                i += 1;
            }
            let Some(c) = char_at(s, i) else {
                break;
            };
            if c.is_ascii() {
                // The loop above took every ASCII byte that continues a word.
                return Some(start..i);
            }
            if c.is_alphanumeric() || matches!(c, '\'' | '’' | '.' | '-') || is_mark(c) {
                i += c.len_utf8();
            } else {
                return Some(start..i);
            }
        }
        Some(start..s.len())
    })
}

/// Combining marks (decomposed accents) stay inside a name word.
pub(crate) fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF)
}

/// The words and numbers of `s` (punctuation dropped), as `(byte start, text)`.
pub fn words(s: &str) -> impl Iterator<Item = (usize, &str)> + '_ {
    tokens(s)
        .filter(|t| t.kind != TokenKind::Punct)
        .map(move |t| (t.range.start, s.get(t.range).unwrap_or_default()))
}

/// True when one of `phrases` (lower-case, words separated by single spaces, sorted as lexicon
/// lists are) occurs in `s` as whole words, ignoring case and punctuation between words ("had
/// been", "in total"). Words already in lower case are borrowed, not copied.
pub fn contains_phrase(s: &str, phrases: &[&str]) -> bool {
    let lower: Vec<std::borrow::Cow<'_, str>> = words(s).map(|(_, w)| lower_cow(w)).collect();
    pieces_contain_phrase(&lower, phrases)
}

/// `w` in lower case: borrowed when it has no upper-case letter (the usual word), else a copy.
pub fn lower_cow(w: &str) -> std::borrow::Cow<'_, str> {
    if w.is_ascii() {
        if w.bytes().any(|b| b.is_ascii_uppercase()) {
            std::borrow::Cow::Owned(w.to_ascii_lowercase())
        } else {
            std::borrow::Cow::Borrowed(w)
        }
    } else if w
        .chars()
        .any(|c| c.is_uppercase() || c.to_lowercase().next() != Some(c))
    {
        std::borrow::Cow::Owned(w.to_lowercase())
    } else {
        std::borrow::Cow::Borrowed(w)
    }
}

/// The alphanumeric runs of `s` (every other character separates them), as `(byte start,
/// text)`: the finest split, where "Monday's" is "Monday" + "s" and "12-year-old" is three
/// pieces. For lexicon lookups that must see the parts of hyphenated and possessive words.
pub fn pieces(s: &str) -> impl Iterator<Item = (usize, &str)> + '_ {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|p| !p.is_empty())
        .map(move |p| (p.as_ptr() as usize - s.as_ptr() as usize, p))
}

/// True when one of `phrases` (lower-case, words separated by single spaces) occurs in the
/// lower-cased `pieces` (of [`pieces`]) as consecutive pieces.
///
/// `phrases` must be sorted (lexicon lists are): for each piece only the phrases equal to it or
/// starting with it and a space are tried (a binary search), so the cost is
/// O(pieces × log phrases), not their product.
pub fn pieces_contain_phrase<S: AsRef<str>>(pieces: &[S], phrases: &[&str]) -> bool {
    debug_assert!(phrases.is_sorted(), "phrases must be sorted");
    pieces.iter().enumerate().any(|(i, w)| {
        let w = w.as_ref();
        let from = phrases.partition_point(|p| *p < w);
        // `w` itself, then the phrases "w ..." (a space sorts before any letter or digit).
        phrases
            .get(from..)
            .unwrap_or_default()
            .iter()
            .take_while(|p| {
                p.starts_with(w) && (p.len() == w.len() || p.as_bytes().get(w.len()) == Some(&b' '))
            })
            .any(|p| match p.strip_prefix(w) {
                Some("") => true,
                Some(rest) => rest.strip_prefix(' ').is_some_and(|rest| {
                    rest.split(' ')
                        .enumerate()
                        .all(|(k, part)| pieces.get(i + 1 + k).is_some_and(|x| x.as_ref() == part))
                }),
                None => false,
            })
    })
}

/// True when `phrase` (lower-case, words separated by single spaces) occurs in the lower-cased
/// `pieces` as consecutive pieces.
pub fn pieces_contain(pieces: &[String], phrase: &str) -> bool {
    let parts: Vec<&str> = phrase.split(' ').collect();
    pieces
        .windows(parts.len())
        .any(|w| w.iter().zip(&parts).all(|(a, b)| a == b))
}

/// `word` without a possessive ending (`'s`, `’s`, or a bare apostrophe after `s`).
pub fn strip_possessive(word: &str) -> &str {
    for suffix in ["'s", "’s", "'S", "’S"] {
        if let Some(stem) = word.strip_suffix(suffix) {
            if !stem.is_empty() {
                return stem;
            }
        }
    }
    for suffix in ["s'", "s’", "S'", "S’"] {
        if word.ends_with(suffix) {
            return word.get(..word.len() - suffix.len() + 1).unwrap_or(word);
        }
    }
    word
}

/// True when `word` is a lower-case particle inside a personal name ("van", "de", "bin"), from
/// `rules/lexicons/names.toml` `[particles]`.
pub fn is_name_particle(word: &str) -> bool {
    lexicon::contains(lexicon::names::PARTICLES, word)
}

/// The years a four-digit number can be read as in news copy: 1700 to 2100. One range for the
/// whole crate.
pub const YEARS: RangeInclusive<i32> = 1700..=2100;

/// Four-digit numbers in [`YEARS`] standing alone in `s` (not part of a longer number, a
/// decimal or a thousands group such as "1,900"): `(byte range, year)`, in order.
pub fn years_in(s: &str) -> impl Iterator<Item = (Range<usize>, i32)> + '_ {
    tokens(s).filter_map(move |t| {
        if t.kind != TokenKind::Number || t.range.len() != 4 {
            return None;
        }
        let y: i32 = s.get(t.range.clone())?.parse().ok()?;
        YEARS.contains(&y).then_some((t.range, y))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tokenizer as it was, over `char_indices`: the oracle of [`tokens`].
    fn tokens_by_chars(s: &str) -> impl Iterator<Item = Token> + '_ {
        let mut it = s.char_indices().peekable();
        std::iter::from_fn(move || {
            while let Some(&(_, c)) = it.peek() {
                if c.is_whitespace() {
                    it.next();
                } else {
                    break;
                }
            }
            let (start, c) = it.next()?;
            let mut end = start + c.len_utf8();
            let kind = if c.is_ascii_digit() {
                while let Some(&(i, n)) = it.peek() {
                    let joiner = matches!(n, ',' | '.')
                        && s.get(i + 1..)
                            .and_then(|r| r.chars().next())
                            .is_some_and(|d| d.is_ascii_digit());
                    if n.is_ascii_digit() || joiner {
                        it.next();
                        end = i + n.len_utf8();
                    } else {
                        break;
                    }
                }
                if s.get(end..)
                    .and_then(|r| r.chars().next())
                    .is_some_and(char::is_alphabetic)
                {
                    TokenKind::Word
                } else {
                    TokenKind::Number
                }
            } else if c.is_alphanumeric() {
                TokenKind::Word
            } else {
                return Some(Token {
                    range: start..end,
                    kind: TokenKind::Punct,
                });
            };
            // Continue a word over letters, digits and inner apostrophes/hyphens.
            while let Some(&(i, n)) = it.peek() {
                let inner = matches!(n, '\'' | '’' | '-')
                    && s.get(i + n.len_utf8()..)
                        .and_then(|r| r.chars().next())
                        .is_some_and(char::is_alphanumeric);
                if n.is_alphanumeric() || inner {
                    it.next();
                    end = i + n.len_utf8();
                } else {
                    break;
                }
            }
            let kind = if kind == TokenKind::Number
                && s.get(start..end)
                    .is_some_and(|t| t.bytes().any(|b| b.is_ascii_alphabetic()))
            {
                TokenKind::Word
            } else {
                kind
            };
            Some(Token {
                range: start..end,
                kind,
            })
        })
    }

    /// The name-word reader as it was, over `char_indices`: the oracle of [`name_words`].
    fn name_words_by_chars(s: &str) -> impl Iterator<Item = Range<usize>> + '_ {
        let mut chars = s.char_indices().peekable();
        std::iter::from_fn(move || {
            let (start, _) = chars.find(|&(_, c)| c.is_alphabetic())?;
            let mut end = s.len();
            while let Some(&(i, c)) = chars.peek() {
                if c.is_alphanumeric() || matches!(c, '\'' | '’' | '.' | '-') || is_mark(c) {
                    chars.next();
                } else {
                    end = i;
                    break;
                }
            }
            Some(start..end)
        })
    }

    #[test]
    fn fast_paths_agree_with_the_char_readers() {
        // Pieces that exercise every branch: digits with joiners, inner apostrophes and
        // hyphens, trailing stops, combining marks, non-ASCII letters and digits, whitespace.
        let pieces = [
            "a", "Z", "7", "1,2", "3.5", ",", ".", "'", "’", "-", " ", "\n", "\u{a0}", "é",
            "e\u{301}", "Ω", "٣", "—", "Kyiv", "O’Shea", "U.S.", "year-old", "3rd", "G7", "(", "%",
            "\u{2003}", "ß", "İ",
        ];
        let mut texts: Vec<String> = crate::test_text::fixture_texts();
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..40_000 {
            let mut t = String::new();
            for _ in 0..(seed % 12) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                t.push_str(pieces[(seed % pieces.len() as u64) as usize]);
            }
            texts.push(t);
        }
        for t in &texts {
            assert_eq!(
                tokens(t).collect::<Vec<_>>(),
                tokens_by_chars(t).collect::<Vec<_>>(),
                "{t:?}"
            );
            assert_eq!(
                name_words(t).collect::<Vec<_>>(),
                name_words_by_chars(t).collect::<Vec<_>>(),
                "{t:?}"
            );
        }
    }

    #[test]
    fn one_tokenizer() {
        let s = "O’Shea's 1,236 acres (3.5%) in 2024—Kyiv's G7 3rd";
        let w: Vec<&str> = words(s).map(|(_, w)| w).collect();
        assert_eq!(
            w,
            vec![
                "O’Shea's",
                "1,236",
                "acres",
                "3.5",
                "in",
                "2024",
                "Kyiv's",
                "G7",
                "3rd"
            ]
        );
        let kinds: Vec<TokenKind> = tokens("12 killed.").map(|t| t.kind).collect();
        assert_eq!(
            kinds,
            vec![TokenKind::Number, TokenKind::Word, TokenKind::Punct]
        );
    }

    #[test]
    fn pieces_split_hyphens_and_apostrophes() {
        let s = "Monday's 12-year-old (1,200)";
        let p: Vec<(usize, &str)> = pieces(s).collect();
        assert_eq!(
            p,
            vec![
                (0, "Monday"),
                (7, "s"),
                (9, "12"),
                (12, "year"),
                (17, "old"),
                (22, "1"),
                (24, "200")
            ]
        );
        let lower: Vec<String> = pieces("The toll ROSE to 15")
            .map(|(_, w)| w.to_lowercase())
            .collect();
        assert!(pieces_contain_phrase(&lower, &["rose to"]));
        assert!(!pieces_contain_phrase(&lower, &["rose to 16"]));
    }

    #[test]
    fn phrases_possessives_and_years() {
        assert!(contains_phrase("It had, been said", &["had been"]));
        assert!(!contains_phrase("It hadbeen said", &["had been"]));
        assert_eq!(strip_possessive("Zelensky’s"), "Zelensky");
        assert_eq!(strip_possessive("Davies'"), "Davies");
        let s = "U.S. and Ivano-Frankivsk, Ukraine's 3rd";
        let w: Vec<&str> = name_words(s).map(|r| &s[r]).collect();
        assert_eq!(w, vec!["U.S.", "and", "Ivano-Frankivsk", "Ukraine's", "rd"]);
        let y: Vec<i32> = years_in("In 1987, 1,900 people; 19870 and 2024.")
            .map(|(_, y)| y)
            .collect();
        assert_eq!(y, vec![1987, 2024]);
    }
}
