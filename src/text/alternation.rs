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

/// A phrase list with, for each first byte, the phrases that start with it: [`find_phrases`]
/// for a list searched on every sentence, where trying every phrase at every word is the cost.
#[derive(Debug)]
pub struct PhraseSet<'a> {
    phrases: &'a [&'a str],
    /// Indices into `phrases`, grouped by first byte, list order kept within a group.
    order: Vec<usize>,
    /// `order[starts[b]..starts[b + 1]]` are the phrases whose first byte is `b`.
    starts: Vec<usize>,
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
        PhraseSet {
            phrases,
            order,
            starts,
        }
    }

    /// The matches of [`find_phrases`]`(text, phrases)`.
    pub fn find(&'a self, text: &'a str) -> impl Iterator<Item = (usize, usize, usize)> + 'a {
        matches(text, move |t, start, word_end| {
            let b = usize::from(*t.get(start)?);
            let group = self
                .order
                .get(*self.starts.get(b)?..*self.starts.get(b + 1)?)?;
            group.iter().find_map(|&i| {
                let p = self.phrases.get(i)?;
                fits(p.as_bytes(), t, start, word_end).then_some((i, p.len()))
            })
        })
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
