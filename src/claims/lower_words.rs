//! Is a word also written in lower case in the article? For the name extractor
//! ([`crate::claims::names`]): "Collaborating" opening a sentence is an ordinary word when
//! "collaborating" also appears in the headline or body.
//!
//! The words that count are those of [`words_in`]. Rather than collecting every lower-case word
//! of the article (most are never asked about), each question searches the headline and body
//! for the word's bytes and reads only the words around each hit ([`LowerWords::contains`]);
//! the answers are remembered for the article. An article that asks about so many words that
//! the searches would read it more than [`SEARCH_BUDGET`] times over has its lower-case words
//! collected once instead, so the work stays linear in its length.

use crate::article::{Article, SegmentKind};
use crate::fast_hash::{FastMap, FastSet};
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
    // One searcher for every segment (building it costs more than most searches).
    let finder = memchr::memmem::Finder::new(word);
    body_segments(article).any(|seg| {
        let text = article.slice(seg.span);
        let mut from = 0;
        while let Some(at) = text.as_bytes().get(from..).and_then(|t| finder.find(t)) {
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

/// How many times the headline and body may be searched, in total bytes as a multiple of their
/// length, before [`LowerWords`] collects every lower-case word once instead: searching is
/// cheaper for the few words most articles ask about, collecting bounds an article that asks
/// about thousands (the work stays linear in the article's length).
const SEARCH_BUDGET: usize = 8;

/// The answers of [`written_lower`] for one article, each computed once.
pub struct LowerWords<'a> {
    article: &'a Article,
    known: FastMap<String, bool>,
    /// Bytes of headline and body (one search reads them all).
    body: usize,
    /// Bytes searched so far.
    searched: usize,
    /// Every lower-case word of the headline and body, once the search budget is spent.
    all: Option<FastSet<&'a str>>,
}

impl<'a> LowerWords<'a> {
    /// No answers yet for `article`.
    pub fn new(article: &'a Article) -> Self {
        let body = body_segments(article).map(|s| s.span.len()).sum();
        LowerWords {
            article,
            known: FastMap::default(),
            body,
            searched: 0,
            all: None,
        }
    }

    /// True when `word` (lower case) is written in lower case in the headline or body
    /// ([`written_lower`]).
    pub fn contains(&mut self, word: &str) -> bool {
        if let Some(all) = &self.all {
            return all.contains(word);
        }
        if let Some(&v) = self.known.get(word) {
            return v;
        }
        if self.searched > SEARCH_BUDGET.saturating_mul(self.body.max(1)) {
            let article = self.article;
            let all: FastSet<&'a str> = body_segments(article)
                .flat_map(|seg| words_in(article.slice(seg.span)))
                .collect();
            let v = all.contains(word);
            self.all = Some(all);
            return v;
        }
        self.searched += self.body;
        let v = written_lower(self.article, word);
        self.known.insert(word.to_string(), v);
        v
    }
}

/// The headline and paragraphs of `article`, the segments whose words count.
fn body_segments(article: &Article) -> impl Iterator<Item = &crate::article::Segment> + '_ {
    article
        .segments
        .iter()
        .filter(|s| matches!(s.kind, SegmentKind::Headline | SegmentKind::Paragraph))
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
            // Asked twice over: the second round is answered from memory, and once the search
            // budget is spent (18 words on a short article), from the collected set.
            let mut memo = LowerWords::new(&a);
            for w in words.iter().chain(&words) {
                assert_eq!(
                    written_lower(&a, w),
                    all.contains(w),
                    "{w:?} in {:?}",
                    a.text
                );
                assert_eq!(memo.contains(w), all.contains(w), "{w:?} in {:?}", a.text);
                hits += usize::from(all.contains(w));
            }
            assert!(memo.all.is_some());
        }
        assert!(hits > 6_000, "{hits}");
    }
}
