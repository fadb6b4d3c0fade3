//! Perturbations: one injected contradiction per copy, with the rule code expected to catch it
//! and the byte spans where the finding should point.
//!
//! Everything here is written independently of claimlint's extractors and knowledge tables
//! (`claimlint::extract`, `claimlint::knowledge`): small regexes and hand-made word lists of our
//! own, so that recall is not measured against the linter's own idea of what a date, a place or a
//! name is.
//!
//! To add a kind: write a `fn(&Doc, &mut SplitMix64) -> Option<Perturbation>` in a module here
//! and add one [`Kind`] to [`KINDS`]. Kinds whose rule code claimlint does not (yet) register are
//! skipped by the harness.

pub mod dates;
pub mod names;
pub mod numbers;
pub mod places;

use std::ops::Range;
use std::sync::OnceLock;

use chrono::NaiveDate;
use regex::Regex;

use crate::prng::SplitMix64;

/// One way of injecting a contradiction.
pub struct Kind {
    /// Stable short name (`date-impossible`).
    pub name: &'static str,
    /// The rule code that should report it (`D002`).
    pub code: &'static str,
    /// One line for the report.
    pub description: &'static str,
    /// Picks one perturbation for the article (using `rng` to choose among candidates), or `None`
    /// when the article offers no place for this kind.
    pub make: fn(&Doc<'_>, &mut SplitMix64) -> Option<Perturbation>,
}

/// Every kind, in report order.
pub static KINDS: &[Kind] = &[
    Kind {
        name: "place-headline",
        code: "L001",
        description: "event relocated in the headline to a city or country elsewhere",
        make: places::relocate_headline,
    },
    Kind {
        name: "place-body",
        code: "L001",
        description: "event relocated in one body statement to a city or country elsewhere",
        make: places::relocate_body,
    },
    Kind {
        name: "name-variant",
        code: "N001",
        description: "one occurrence of a surname respelt (-sky/-skiy, -ov/-off, Ch/Tch, ...)",
        make: names::respell,
    },
    Kind {
        name: "weekday-change",
        code: "D001",
        description: "weekday written next to a date changed to a wrong one",
        make: dates::change_weekday,
    },
    Kind {
        name: "weekday-insert",
        code: "D001",
        description:
            "wrong weekday inserted before a date (\"on March 3\" → \"on Friday, March 3\")",
        make: dates::insert_weekday,
    },
    Kind {
        name: "date-impossible",
        code: "D002",
        description: "day of a date changed so the date cannot exist (June 31, February 30)",
        make: dates::impossible_date,
    },
    Kind {
        name: "list-count",
        code: "N011",
        description:
            "count announcing a closed list changed by one (\"three countries: A, B and C\")",
        make: numbers::list_count,
    },
    Kind {
        name: "headline-count",
        code: "N010",
        description: "number in the headline changed so it disagrees with the body",
        make: numbers::headline_count,
    },
];

/// One injected change: replace `replace` (bytes of the original) by `with`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Perturbation {
    /// Bytes of the original that are replaced (may be empty for an insertion).
    pub replace: Range<usize>,
    /// The new text.
    pub with: String,
    /// Where a finding should point, in original coordinates. The first range contains
    /// `replace` (the changed text, possibly with context such as the whole date); the others
    /// are disjoint from it (the other side of the contradiction).
    pub expected: Vec<Range<usize>>,
    /// Human-readable summary ("Geneva → Nairobi").
    pub summary: String,
}

impl Perturbation {
    /// The perturbed copy of `text`.
    pub fn apply(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len() + self.with.len());
        out.push_str(text.get(..self.replace.start).unwrap_or(""));
        out.push_str(&self.with);
        out.push_str(text.get(self.replace.end..).unwrap_or(""));
        out
    }

    /// Bytes of the copy that hold the new text.
    pub fn changed_in_copy(&self) -> Range<usize> {
        self.replace.start..self.replace.start + self.with.len()
    }

    /// The expected ranges in the copy's coordinates: a range containing the replaced bytes
    /// grows or shrinks with them, a range after them shifts, a range before them stays.
    pub fn expected_in_copy(&self) -> Vec<Range<usize>> {
        let Range { start, end } = self.replace.clone();
        let shift = |pos: usize| pos - end + start + self.with.len();
        self.expected
            .iter()
            .map(|r| {
                if r.start <= start && r.end >= end {
                    r.start..shift(r.end)
                } else if r.end <= start {
                    r.clone()
                } else if r.start >= end {
                    shift(r.start)..shift(r.end)
                } else {
                    // Partial overlap (not produced by the kinds here): cover the new text.
                    r.start.min(start)..shift(r.end.max(end))
                }
            })
            .collect()
    }
}

/// What the perturbation functions see of an article: its text plus a few structural facts found
/// with our own simple rules (first line = headline; a wire dateline opening the body).
pub struct Doc<'a> {
    /// The original text.
    pub text: &'a str,
    /// The article date (Reuters manifest), if known.
    pub reference: Option<NaiveDate>,
    /// The first non-blank line.
    pub headline: Range<usize>,
    /// A "CITY, Feb 26 -" dateline at the start of the first paragraph after the headline.
    pub dateline: Option<Range<usize>>,
}

fn dateline_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^[A-Z][A-Z.'\- ]+(?:, [A-Za-z.' ]+)?,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s*(?:\([A-Za-z]+\)\s*)?-")
            .expect("static regex")
    })
}

impl<'a> Doc<'a> {
    /// Find the headline and dateline of `text`.
    pub fn new(text: &'a str, reference: Option<NaiveDate>) -> Self {
        let mut pos = 0;
        let mut headline = 0..0;
        let mut after = text.len();
        for line in text.split_inclusive('\n') {
            let trimmed = line.trim();
            if !trimmed.is_empty() {
                let lead = line.len() - line.trim_start().len();
                headline = pos + lead..pos + lead + trimmed.len();
                after = pos + line.len();
                break;
            }
            pos += line.len();
        }
        let rest = text.get(after..).unwrap_or("");
        let skip = rest.len() - rest.trim_start().len();
        let body = after + skip;
        let dateline = dateline_re()
            .find(text.get(body..).unwrap_or(""))
            .map(|m| body + m.start()..body + m.end());
        Doc {
            text,
            reference,
            headline,
            dateline,
        }
    }

    /// True when `r` lies within the headline.
    pub fn in_headline(&self, r: &Range<usize>) -> bool {
        self.headline.start <= r.start && r.end <= self.headline.end
    }

    /// True when `r` overlaps the dateline.
    pub fn in_dateline(&self, r: &Range<usize>) -> bool {
        self.dateline
            .as_ref()
            .is_some_and(|d| r.start < d.end && d.start < r.end)
    }

    /// The line containing byte `pos` is written without lowercase letters (a capitals headline).
    pub fn in_caps_line(&self, pos: usize) -> bool {
        let start = self.text[..pos.min(self.text.len())]
            .rfind('\n')
            .map_or(0, |i| i + 1);
        let end = self.text[pos.min(self.text.len())..]
            .find('\n')
            .map_or(self.text.len(), |i| pos + i);
        let line = &self.text[start..end];
        line.chars().any(|c| c.is_ascii_uppercase()) && !line.chars().any(|c| c.is_lowercase())
    }
}

/// `word` written in the case pattern of `model`: all capitals when `model` is, else as given.
pub fn match_case(word: &str, model: &str) -> String {
    if model.chars().any(|c| c.is_alphabetic()) && !model.chars().any(|c| c.is_lowercase()) {
        word.to_uppercase()
    } else {
        word.to_string()
    }
}

#[cfg(test)]
pub mod testutil {
    //! Checks shared by the perturbation tests.

    use super::Perturbation;

    /// Assert that the copy equals the original outside the change, that the change is exactly
    /// `with`, and that the first expected range of the copy covers the changed bytes. Returns
    /// the copy.
    pub fn check_copy(original: &str, p: &Perturbation) -> String {
        let copy = p.apply(original);
        let changed = p.changed_in_copy();
        assert_eq!(&copy[..p.replace.start], &original[..p.replace.start]);
        assert_eq!(&copy[changed.end..], &original[p.replace.end..]);
        assert_eq!(&copy[changed.clone()], p.with);
        let expected = p.expected_in_copy();
        assert!(expected[0].start <= changed.start && changed.end <= expected[0].end);
        assert!(expected[0].start < expected[0].end);
        copy
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn apply_and_map_replacement() {
        let text = "Talks in Geneva. The talks in Geneva ended.";
        let p = Perturbation {
            replace: 9..15,
            with: "Nairobi".into(),
            expected: vec![9..15, 30..36],
            summary: String::new(),
        };
        let copy = testutil::check_copy(text, &p);
        assert_eq!(copy, "Talks in Nairobi. The talks in Geneva ended.");
        assert_eq!(p.expected_in_copy(), vec![9..16, 31..37]);
        assert_eq!(&copy[31..37], "Geneva");
    }

    #[test]
    fn apply_and_map_insertion_inside_wider_range() {
        let text = "on March 3 it rained";
        let p = Perturbation {
            replace: 3..3,
            with: "Friday, ".into(),
            expected: vec![3..10],
            summary: String::new(),
        };
        let copy = testutil::check_copy(text, &p);
        assert_eq!(copy, "on Friday, March 3 it rained");
        assert_eq!(p.expected_in_copy(), vec![3..18]);
    }

    #[test]
    fn doc_finds_headline_and_dateline() {
        let text = "\nOIL PRICES FALL\n\nHOUSTON, Feb 26 - Prices fell.\n";
        let d = Doc::new(text, None);
        assert_eq!(&text[d.headline.clone()], "OIL PRICES FALL");
        assert_eq!(
            &text[d.dateline.clone().unwrap_or(0..0)],
            "HOUSTON, Feb 26 -"
        );
        assert!(d.in_caps_line(3));
        assert!(!d.in_caps_line(30));
        let bbc = Doc::new("Title here\n\nBody, March 3 - no.\n", None);
        assert_eq!(bbc.dateline, None);
    }

    #[test]
    fn match_case_follows_capitals() {
        assert_eq!(match_case("Nairobi", "GENEVA"), "NAIROBI");
        assert_eq!(match_case("Nairobi", "Geneva"), "Nairobi");
    }
}
