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

impl Casing {
    /// Measure `text` (one segment). O(n) in chars.
    pub fn of(text: &str) -> Casing {
        let up = text.chars().filter(|c| c.is_uppercase()).count();
        let low = text.chars().filter(|c| c.is_lowercase()).count();
        let all_caps = up > 0 && low == 0;
        let words: Vec<&str> = text.split_whitespace().collect();
        let capitalised = words
            .iter()
            .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
            .count();
        let long: Vec<&str> = text
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| w.chars().count() >= 4)
            .collect();
        let long_caps = long
            .iter()
            .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
            .count();
        let title_case = long.len() >= 3 && long_caps * 4 >= long.len() * 3;
        let mut name_words = 0;
        let mut name_caps = 0;
        for r in super::words::name_words(text) {
            name_words += 1;
            if all_caps || text[r].chars().next().is_some_and(char::is_uppercase) {
                name_caps += 1;
            }
        }
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
            words_capitalised_majority: capitalised * 2 > words.len(),
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
}
