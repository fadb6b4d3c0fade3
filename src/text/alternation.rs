//! Whole-word phrase search without a regex: what `(?-u)\b(p1|p2|...)\b` finds.
//!
//! Word lists such as the event nouns are searched on every sentence. As regexes they cost
//! about a third of a millisecond each to compile on every run (start-up); this scan needs
//! nothing compiled.

/// True for the bytes of an ASCII word (`(?-u:\w)`: letters, digits, `_`).
fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// The matches of the alternation `phrases` as whole words in `text`: `(start, end, index)` in
/// bytes, `index` into `phrases`, left to right, non-overlapping, and at one start the first
/// phrase in list order that fits, as the `regex` crate gives for `(?-u)\b(p1|p2|...)\b`.
///
/// Every phrase must begin and end with an ASCII letter or digit (it may hold spaces: "found
/// dead"); a phrase that does not is never matched. Every phrase is tried at every word: for a
/// list searched often, [`PhraseSet`] tries only those with the word's first byte.
pub fn find_phrases<'a>(
    text: &'a str,
    phrases: &'a [&'a str],
) -> impl Iterator<Item = (usize, usize, usize)> + 'a {
    matches(text, move |t, start, word_end| {
        phrases
            .iter()
            .enumerate()
            .find(|(_, p)| fits(p.as_bytes(), t, start, word_end))
            .map(|(i, p)| (i, p.len()))
    })
}

/// A phrase list prepared for searching every sentence: [`find_phrases`] with one
/// Aho-Corasick automaton finding where any phrase occurs (instead of reading every word), and
/// the phrases grouped by first byte so that only those with the word's first byte are tried
/// there.
#[derive(Debug)]
pub struct PhraseSet<'a> {
    phrases: &'a [&'a str],
    /// Indices into `phrases`, grouped by first byte, list order kept within a group.
    order: Vec<usize>,
    /// `order[starts[b]..starts[b + 1]]` are the phrases whose first byte is `b`.
    starts: Vec<usize>,
    /// Finds the leftmost occurrence of any phrase that can match (as bytes, no boundaries);
    /// `None` when it cannot be built, and then every word start is tried.
    occurrences: Option<aho_corasick::AhoCorasick>,
}

impl<'a> PhraseSet<'a> {
    /// Index `phrases` (same rules as [`find_phrases`]).
    pub fn new(phrases: &'a [&'a str]) -> Self {
        let first = |i: &usize| phrases.get(*i).and_then(|p| p.as_bytes().first()).copied();
        let mut order: Vec<usize> = (0..phrases.len()).filter(|i| first(i).is_some()).collect();
        // Stable: list order is kept among phrases with one first byte.
        order.sort_by_key(|i| first(i));
        let mut starts = vec![0usize; 257];
        for (b, slot) in starts.iter_mut().enumerate() {
            *slot = order.partition_point(|i| first(i).is_some_and(|f| usize::from(f) < b));
        }
        // Only phrases that can match: an empty one would occur everywhere.
        let matchable = phrases.iter().filter(|p| {
            let p = p.as_bytes();
            p.first().is_some_and(|&b| is_word(b)) && p.last().is_some_and(|&b| is_word(b))
        });
        let occurrences = aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostFirst)
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(matchable)
            .ok();
        PhraseSet {
            phrases,
            order,
            starts,
            occurrences,
        }
    }

    /// The first phrase in list order that fits at word start `start` of `t`: its index and
    /// length.
    fn first_fit(&self, t: &[u8], start: usize, word_end: usize) -> Option<(usize, usize)> {
        let b = usize::from(*t.get(start)?);
        let group = self
            .order
            .get(*self.starts.get(b)?..*self.starts.get(b + 1)?)?;
        group.iter().find_map(|&i| {
            let p = self.phrases.get(i)?;
            fits(p.as_bytes(), t, start, word_end).then_some((i, p.len()))
        })
    }

    /// The matches of [`find_phrases`]`(text, phrases)`.
    ///
    /// A match starts where some phrase occurs, so only the occurrences the automaton finds,
    /// leftmost first, are tried as word starts: the first that is one and fits is the match
    /// the word-by-word scan finds, since no phrase occurs before it.
    pub fn find(&'a self, text: &'a str) -> Box<dyn Iterator<Item = (usize, usize, usize)> + 'a> {
        let Some(ac) = &self.occurrences else {
            return Box::new(matches(text, move |t, start, word_end| {
                self.first_fit(t, start, word_end)
            }));
        };
        let t = text.as_bytes();
        let mut pos = 0;
        Box::new(std::iter::from_fn(move || {
            while pos < t.len() {
                let at = ac
                    .find(aho_corasick::Input::new(t).range(pos..t.len()))?
                    .start();
                let boundary_before = at == 0 || t.get(at - 1).is_some_and(|&b| !is_word(b));
                if boundary_before {
                    let word_end = t
                        .get(at..)
                        .and_then(|r| r.iter().position(|&b| !is_word(b)))
                        .map_or(t.len(), |n| at + n);
                    if let Some((i, len)) = self.first_fit(t, at, word_end) {
                        pos = at + len;
                        return Some((at, at + len, i));
                    }
                }
                pos = at + 1;
            }
            None
        }))
    }
}

/// True when phrase `p` matches at word start `start` of `t` (the word ends at `word_end`) and
/// ends at a word boundary.
fn fits(p: &[u8], t: &[u8], start: usize, word_end: usize) -> bool {
    let word_len = word_end - start;
    let from = t.get(start..).unwrap_or_default();
    // A fit ends with the word or goes on with the byte after it: a cheap test before
    // comparing.
    (p.len() == word_len || (p.len() > word_len && p.get(word_len) == t.get(word_end)))
        && from.starts_with(p)
        && p.first().is_some_and(|&b| is_word(b))
        && p.last().is_some_and(|&b| is_word(b))
        && t.get(start + p.len()).is_none_or(|&b| !is_word(b))
}

/// The whole-word matches in `text` of `first_fit(bytes, word start, word end)`, which gives
/// the (index, byte length) of the first phrase that fits at a word start.
fn matches<'a>(
    text: &'a str,
    mut first_fit: impl FnMut(&[u8], usize, usize) -> Option<(usize, usize)> + 'a,
) -> impl Iterator<Item = (usize, usize, usize)> + 'a {
    let t = text.as_bytes();
    let mut pos = 0;
    std::iter::from_fn(move || {
        while pos < t.len() {
            // The start of the next ASCII word at or after `pos`.
            let rest = t.get(pos..)?;
            let skip = rest.iter().position(|&b| is_word(b))?;
            let start = pos + skip;
            let word_end = t
                .get(start..)
                .and_then(|r| r.iter().position(|&b| !is_word(b)))
                .map_or(t.len(), |n| start + n);
            // A word start is a boundary only after a non-word byte (or the text start), which
            // holds here: `start` is the first word byte after `pos`, and `pos` is 0 or the end
            // of a word or of a match.
            let boundary_before = start == 0 || t.get(start - 1).is_some_and(|&b| !is_word(b));
            if boundary_before {
                if let Some((i, len)) = first_fit(t, start, word_end) {
                    pos = start + len;
                    return Some((start, start + len, i));
                }
            }
            pos = word_end;
        }
        None
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn via_regex(text: &str, phrases: &[&str]) -> Vec<(usize, usize, usize)> {
        let re = regex::Regex::new(&format!(r"(?-u)\b({})\b", phrases.join("|"))).unwrap();
        re.find_iter(text)
            .map(|m| {
                let i = phrases.iter().position(|p| *p == m.as_str()).unwrap();
                (m.start(), m.end(), i)
            })
            .collect()
    }

    #[test]
    fn finds_whole_words_in_list_order() {
        let phrases = ["flood", "flooding", "found dead", "talks", "met"];
        let text = "Flooding: the flooding, floods and talks_x; met-up found dead.";
        let got: Vec<_> = find_phrases(text, &phrases).collect();
        assert_eq!(got, vec![(14, 22, 1), (44, 47, 4), (51, 61, 2)]);
        assert_eq!(got, via_regex(text, &phrases));
    }

    /// Same matches as the regex on pseudo-random texts built from phrase pieces, joiners and
    /// non-ASCII letters.
    #[test]
    fn agrees_with_regex() {
        let phrases = [
            "fire",
            "fires",
            "found dead",
            "shot dead",
            "met",
            "summit",
            "a1",
        ];
        let pieces = [
            "fire", "fires", "firearm", "found", "dead", "shot", "met", "meta", "summit", "a1",
            "é", "_", " ", "  ", "-", ",", "9", "x", "\u{a0}", "summité",
        ];
        let found = crate::test_text::agree(
            0x2545_f491_4f6c_dd1d,
            &pieces,
            (12, 5_000),
            |text| via_regex(text, &phrases),
            |text| find_phrases(text, &phrases).collect(),
        );
        assert!(found > 1_000, "{found}");
        let set = PhraseSet::new(&phrases);
        let found = crate::test_text::agree(
            0x2545_f491_4f6c_dd1d,
            &pieces,
            (12, 5_000),
            |text| via_regex(text, &phrases),
            |text| set.find(text).collect(),
        );
        assert!(found > 1_000, "{found}");
    }
}
