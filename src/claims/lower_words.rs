//! Is a word also written in lower case in the article? For the name extractor
//! ([`crate::claims::names`]): "Collaborating" opening a sentence is an ordinary word when
//! "collaborating" also appears in the headline or body.
//!
//! The words that count are those of [`words_in`]. Rather than collecting every lower-case word
//! of the article (most are never asked about), each question searches the headline and body
//! for the word's bytes and reads only the words around each hit ([`LowerWords::contains`]);
//! the answers are remembered for the article.

use crate::article::{Article, SegmentKind};
use crate::text::words;

/// The lower-case words of `text` (one segment, or a part of one that starts and ends between
/// tokens): of each word or number token, the runs of letters and apostrophes that start with
/// a lower-case letter ("well-known" gives "well" and "known"), possessive removed
/// ([`words::strip_possessive`]). A token right after an apostrophe ("'tis") gives none.
pub fn words_in(text: &str) -> impl Iterator<Item = &str> + '_ {
    words::words(text)
        .filter(move |&(i, _)| !text.get(..i).is_some_and(|b| b.ends_with(['\'', '’'])))
        .flat_map(|(_, token)| {
            token
                .split(|c: char| !(c.is_alphabetic() || c == '\'' || c == '’'))
                .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
                .map(words::strip_possessive)
        })
}

/// A character that can be part of a token of [`words::tokens`] other than punctuation
/// (letters, digits, inner apostrophes and hyphens, a number's inner `,` and `.`): a token
/// never spans a character outside this set.
fn token_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '\'' | '’' | '-' | ',' | '.')
}

/// The byte range around `start..end` in `text` that reaches out to the nearest character
/// outside [`token_char`] on each side (or the ends of `text`). Tokenising the range gives
/// exactly the tokens of `text` that lie in it: it begins where no token of `text` is under way.
fn region(text: &str, start: usize, end: usize) -> (usize, usize) {
    let r = text.get(..start).map_or(start, |b| {
        b.char_indices()
            .rev()
            .take_while(|&(_, c)| token_char(c))
            .last()
            .map_or(start, |(i, _)| i)
    });
    let e = text.get(end..).map_or(end, |a| {
        end + a.find(|c: char| !token_char(c)).unwrap_or(a.len())
    });
    (r, e)
}

/// True when `word` is one of the [`words_in`] some headline or paragraph of `article`.
pub fn written_lower(article: &Article, word: &str) -> bool {
    if word.is_empty() {
        return false;
    }
    article
        .segments
        .iter()
        .filter(|s| matches!(s.kind, SegmentKind::Headline | SegmentKind::Paragraph))
        .any(|seg| {
            let text = article.slice(seg.span);
            let mut from = 0;
            while let Some(at) = text.get(from..).and_then(|t| t.find(word)) {
                let (r, e) = region(text, from + at, from + at + word.len());
                if text
                    .get(r..e)
                    .is_some_and(|t| words_in(t).any(|w| w == word))
                {
                    return true;
                }
                // Every other hit that starts before `e` lies in the region just read.
                from = e;
            }
            false
        })
}

/// The answers of [`written_lower`] for one article, each computed once.
pub struct LowerWords<'a> {
    article: &'a Article,
    known: Vec<(String, bool)>,
}

impl<'a> LowerWords<'a> {
    /// No answers yet for `article`.
    pub fn new(article: &'a Article) -> Self {
        LowerWords {
            article,
            known: Vec::new(),
        }
    }

    /// True when `word` (lower case) is written in lower case in the headline or body
    /// ([`written_lower`]).
    pub fn contains(&mut self, word: &str) -> bool {
        if let Some(&(_, v)) = self.known.iter().find(|(k, _)| k == word) {
            return v;
        }
        let v = written_lower(self.article, word);
        self.known.push((word.to_string(), v));
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::read_article;

    /// Searching for each word agrees with collecting every lower-case word of the article, on
    /// pseudo-random articles of words, apostrophes, hyphens, digits and marks.
    #[test]
    fn searching_agrees_with_collecting() {
        let pieces = [
            "talks", "Talks", "TALKS", "tis", "s", "o", "well", "known", "ab", "aba", "b", "é",
            "Émile", "émile", "İ", "i\u{307}", "1", "12", ",", ".", "'", "’", "-", "'s", "’s",
            "s'", " ", " ", "\n\n", "<", "(", "x",
        ];
        let words = [
            "talks",
            "tis",
            "s",
            "o",
            "well",
            "known",
            "ab",
            "aba",
            "b",
            "é",
            "émile",
            "i\u{307}",
            "ab'",
            "aba's",
            "s'",
            "o's",
            "well-known",
            "",
        ];
        let mut rng = crate::test_text::Pieces::new(0x9e37_79b9_7f4a_7c15);
        let mut hits = 0;
        for _ in 0..4_000 {
            let body = rng.text(&pieces, 24);
            let a = read_article(format!("H {}\n\n{body}\n", rng.text(&pieces, 4)).into_bytes())
                .expect("text");
            let all: std::collections::HashSet<&str> = a
                .segments
                .iter()
                .filter(|s| matches!(s.kind, SegmentKind::Headline | SegmentKind::Paragraph))
                .flat_map(|s| words_in(a.slice(s.span)))
                .collect();
            for w in words {
                assert_eq!(
                    written_lower(&a, w),
                    all.contains(w),
                    "{w:?} in {:?}",
                    a.text
                );
                hits += usize::from(all.contains(w));
            }
        }
        assert!(hits > 3_000, "{hits}");
    }
}
