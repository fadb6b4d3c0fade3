//! How a segment is capitalised, measured once per segment.
//!
//! Capitals mark names in running text but not in a Title Case or all-caps headline. The
//! measures differ in strictness, and each consumer used to compute its own; they are all here,
//! computed once per segment by [`Casing::of`] and stored on the article.

use serde::Serialize;

/// The capitalisation style of a segment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum HeadlineCase {
    /// Ordinary running text: capitals mark names and sentence starts.
    Sentence,
    /// Most longer words capitalised ("Zelenskyy Seeks Support At Summit").
    Title,
    /// Letters in capitals only (wire headlines: "AT COCOA TALKS").
    AllCaps,
}

/// Capitalisation measures of one segment's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Casing {
    /// The style, from the measures below (all caps beats title case).
    pub case: HeadlineCase,
    /// Some letter is upper-case and none is lower-case.
    pub all_caps: bool,
    /// At least as many upper-case letters as lower-case ones (and at least one).
    pub capitals_majority: bool,
    /// More than half of the whitespace-separated words start with a capital.
    pub words_capitalised_majority: bool,
    /// At least three words of four or more letters, three quarters of them capitalised.
    pub title_case: bool,
    /// More than half of the name words ([`super::words::name_words`]: words starting at a
    /// letter) start with a capital, or the text is all caps: the place extractor's test.
    pub name_words_capitalised_majority: bool,
}

/// Character classes [`Casing::of`] reads, as bits of one byte.
const ALPHA: u8 = 1;
const UPPER: u8 = 2;
const LOWER: u8 = 4;
const SPACE: u8 = 8;
/// Stays inside a name word as `words::name_words` reads them: alphanumeric, `'`, `’`, `.`,
/// `-` or a combining mark.
const NAME: u8 = 16;

/// The classes of `c`, from the `char` methods (the definition; [`ASCII_CLASSES`] agrees).
fn classes(c: char) -> u8 {
    let bit = |on: bool, b: u8| if on { b } else { 0 };
    bit(c.is_alphabetic(), ALPHA)
        | bit(c.is_uppercase(), UPPER)
        | bit(c.is_lowercase(), LOWER)
        | bit(c.is_whitespace(), SPACE)
        | bit(
            c.is_alphanumeric() || matches!(c, '\'' | '’' | '.' | '-') || super::words::is_mark(c),
            NAME,
        )
}

/// [`classes`] of each ASCII byte, looked up instead of computed (most text is ASCII).
// Evaluated at compile time: an index out of bounds would fail the build, not panic.
#[allow(clippy::indexing_slicing)]
const ASCII_CLASSES: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut b = 0u8;
    while b < 128 {
        let mut k = 0;
        if b.is_ascii_alphabetic() {
            k |= ALPHA;
        }
        if b.is_ascii_uppercase() {
            k |= UPPER;
        }
        if b.is_ascii_lowercase() {
            k |= LOWER;
        }
        // `char::is_whitespace` on ASCII: space and U+0009..=U+000D (vertical tab included).
        if matches!(b, b' ' | 0x09..=0x0d) {
            k |= SPACE;
        }
        if b.is_ascii_alphanumeric() || b == b'\'' || b == b'.' || b == b'-' {
            k |= NAME;
        }
        t[b as usize] = k;
        b += 1;
    }
    t
};

impl Casing {
    /// Measure `text` (one segment). O(n) in chars.
    pub fn of(text: &str) -> Casing {
        // One pass, no allocation: letters by case; whitespace-separated words and whether
        // they start with a capital; alphabetic runs of four or more letters and whether they
        // start with a capital.
        let (mut up, mut low) = (0usize, 0usize);
        let (mut words, mut capitalised) = (0usize, 0usize);
        let (mut long, mut long_caps) = (0usize, 0usize);
        let mut in_word = false;
        let mut run_len = 0usize;
        let mut run_cap = false;
        let (mut name_words, mut name_caps, mut in_name) = (0usize, 0usize, false);
        let bytes = text.as_bytes();
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            // ASCII classes are looked up from the byte; anything else is decoded as a char.
            let k = match ASCII_CLASSES.get(usize::from(b)) {
                Some(&k) => {
                    i += 1;
                    k
                }
                None => match text.get(i..).and_then(|r| r.chars().next()) {
                    Some(c) => {
                        i += c.len_utf8();
                        classes(c)
                    }
                    None => break,
                },
            };
            let alpha = k & ALPHA != 0;
            let upper = k & UPPER != 0;
            // Name words as `words::name_words` reads them.
            if in_name && k & NAME == 0 {
                in_name = false;
            }
            if !in_name && alpha {
                in_name = true;
                name_words += 1;
                name_caps += usize::from(upper);
            }
            up += usize::from(upper);
            low += usize::from(!upper && k & LOWER != 0);
            if k & SPACE != 0 {
                in_word = false;
            } else if !in_word {
                in_word = true;
                words += 1;
                capitalised += usize::from(upper);
            }
            if alpha {
                if run_len == 0 {
                    run_cap = upper;
                }
                run_len += 1;
            } else {
                if run_len >= 4 {
                    long += 1;
                    long_caps += usize::from(run_cap);
                }
                run_len = 0;
            }
        }
        if run_len >= 4 {
            long += 1;
            long_caps += usize::from(run_cap);
        }
        let all_caps = up > 0 && low == 0;
        let title_case = long >= 3 && long_caps * 4 >= long * 3;
        Casing {
            case: if all_caps {
                HeadlineCase::AllCaps
            } else if title_case {
                HeadlineCase::Title
            } else {
                HeadlineCase::Sentence
            },
            all_caps,
            capitals_majority: up > 0 && up >= low,
            words_capitalised_majority: capitalised * 2 > words,
            title_case,
            name_words_capitalised_majority: all_caps || name_caps * 2 > name_words,
        }
    }

    /// True when capitals do not mark names here (title case or all caps).
    pub fn capitals_uninformative(&self) -> bool {
        self.case != HeadlineCase::Sentence
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_styles() {
        assert_eq!(
            Casing::of("Summit in Albania focuses on migration").case,
            HeadlineCase::Sentence
        );
        assert_eq!(
            Casing::of("Zelenskyy Seeks Support At Balkan Summit").case,
            HeadlineCase::Title
        );
        let caps = Casing::of("AT COCOA TALKS, 3 DEAD");
        assert_eq!(caps.case, HeadlineCase::AllCaps);
        assert!(caps.capitals_majority && caps.all_caps);
        assert!(Casing::of("U.S. Envoy In Kyiv — 3 dead").name_words_capitalised_majority);
        assert!(!Casing::of("U.S. envoy in Kyiv").name_words_capitalised_majority);
        let c = Casing::of("Smith says no");
        assert!(!c.capitals_majority && !c.words_capitalised_majority && !c.title_case);
    }

    /// The measures as first written: `char` methods and branches, one char at a time.
    fn reference(text: &str) -> Casing {
        let (mut up, mut low, mut words, mut capitalised) = (0usize, 0usize, 0usize, 0usize);
        let (mut long, mut long_caps, mut name_words, mut name_caps) = (0, 0, 0, 0);
        let (mut in_word, mut in_name, mut run_len, mut run_cap) = (false, false, 0, false);
        for c in text.chars() {
            if in_name
                && !(c.is_alphanumeric()
                    || matches!(c, '\'' | '’' | '.' | '-')
                    || crate::text::words::is_mark(c))
            {
                in_name = false;
            }
            if !in_name && c.is_alphabetic() {
                in_name = true;
                name_words += 1;
                name_caps += usize::from(c.is_uppercase());
            }
            if c.is_uppercase() {
                up += 1;
            } else if c.is_lowercase() {
                low += 1;
            }
            if c.is_whitespace() {
                in_word = false;
            } else if !in_word {
                in_word = true;
                words += 1;
                capitalised += usize::from(c.is_uppercase());
            }
            if c.is_alphabetic() {
                if run_len == 0 {
                    run_cap = c.is_uppercase();
                }
                run_len += 1;
            } else {
                if run_len >= 4 {
                    long += 1;
                    long_caps += usize::from(run_cap);
                }
                run_len = 0;
            }
        }
        if run_len >= 4 {
            long += 1;
            long_caps += usize::from(run_cap);
        }
        let all_caps = up > 0 && low == 0;
        let title_case = long >= 3 && long_caps * 4 >= long * 3;
        Casing {
            case: if all_caps {
                HeadlineCase::AllCaps
            } else if title_case {
                HeadlineCase::Title
            } else {
                HeadlineCase::Sentence
            },
            all_caps,
            capitals_majority: up > 0 && up >= low,
            words_capitalised_majority: capitalised * 2 > words,
            title_case,
            name_words_capitalised_majority: all_caps || name_caps * 2 > name_words,
        }
    }

    #[test]
    fn agrees_with_the_reference_on_generated_text() {
        let alphabet: Vec<char> = "aAbBzZ0 .-'’,\t\n\u{b}\u{a0}\u{301}éÉßǅ—“”1"
            .chars()
            .collect();
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for len in 0..40 {
            for _ in 0..400 {
                let text: String = (0..len)
                    .map(|_| {
                        seed ^= seed << 13;
                        seed ^= seed >> 7;
                        seed ^= seed << 17;
                        alphabet[(seed % alphabet.len() as u64) as usize]
                    })
                    .collect();
                assert_eq!(Casing::of(&text), reference(&text), "{text:?}");
            }
        }
    }

    #[test]
    fn ascii_table_agrees_with_char_methods() {
        for b in 0u8..128 {
            assert_eq!(
                ASCII_CLASSES[usize::from(b)],
                classes(char::from(b)),
                "byte {b}"
            );
        }
    }
}
