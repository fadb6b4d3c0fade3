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
/// dead"); a phrase that does not is never matched.
pub fn find_phrases<'a>(
    text: &'a str,
    phrases: &'a [&'a str],
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
                let from = t.get(start..).unwrap_or_default();
                let word_len = word_end - start;
                let after_word = t.get(word_end);
                let hit = phrases.iter().enumerate().find(|(_, p)| {
                    let p = p.as_bytes();
                    // A fit ends with the word or goes on with the byte after it: a cheap test
                    // before comparing.
                    (p.len() == word_len || (p.len() > word_len && p.get(word_len) == after_word))
                        && from.starts_with(p)
                        && p.first().is_some_and(|&b| is_word(b))
                        && p.last().is_some_and(|&b| is_word(b))
                        && t.get(start + p.len()).is_none_or(|&b| !is_word(b))
                });
                if let Some((i, p)) = hit {
                    pos = start + p.len();
                    return Some((start, start + p.len(), i));
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
    }
}
