//! Perturbations: one injected contradiction per copy, with the rule code expected to catch it
//! and the byte spans where the finding should point.
//!
//! Everything here is written independently of claimlint's extractors and knowledge tables
//! (`claimlint::claims`, `claimlint::knowledge`): small regexes and hand-made word lists of our
//! own, so that recall is not measured against the linter's own idea of what a date, a place or a
//! name is.
//!
//! To add a kind: write a `fn(&Doc, &mut SplitMix64) -> Option<Perturbation>` in a module here
//! and add one [`Kind`] to [`KINDS`]. Kinds whose rule code claimlint does not (yet) register are
//! skipped by the harness.

pub mod ages;
pub mod dates;
pub mod durations;
pub mod names;
pub mod numbers;
pub mod people;
pub mod places;
pub mod relative;
pub mod units;

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
        code: "P001",
        description: "one occurrence of a surname respelt (-sky/-skiy, -ov/-off, Ch/Tch, ...)",
        make: names::respell,
    },
    Kind {
        name: "title-office",
        code: "P002",
        description: "a titled person (\"President X Y\") given another office at a later mention",
        make: people::second_office,
    },
    Kind {
        name: "age-second",
        code: "P003",
        description:
            "a person with a stated age (\"X Y, 45,\") given another age at a later mention",
        make: people::second_age,
    },
    Kind {
        name: "quote-speaker",
        code: "P004",
        description: "an attributed quotation repeated at the end with another speaker",
        make: people::second_speaker,
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
        name: "list-item",
        code: "N011",
        description: "item added to or dropped from a closed list whose count matched it",
        make: numbers::list_item,
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
    Kind {
        name: "duration-range",
        code: "D010",
        description: "duration in days changed by 1–2 against the date range in its sentence",
        make: durations::change_duration,
    },
    Kind {
        name: "age-birth",
        code: "D011",
        description: "birth year next to a stated age shifted by 2–5 years",
        make: ages::shift_birth_year,
    },
    Kind {
        name: "relative-date",
        code: "D012",
        description: "weekday or date attached to yesterday/tomorrow/last Friday shifted 2+ days",
        make: relative::shift_relative,
    },
    Kind {
        name: "years-ago",
        code: "D013",
        description: "year next to \"N years ago\" moved 3+ years out of the count's range",
        make: ages::shift_years_ago,
    },
    Kind {
        name: "parts-total",
        code: "N012",
        description: "one part of a stated total raised so the parts exceed the total",
        make: numbers::parts_exceed,
    },
    Kind {
        name: "unit-conversion",
        code: "N013",
        description: "converted value of a measurement changed by 30% or more",
        make: units::change_conversion,
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

/// Words before a full stop that do not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "St", "Sen", "Rep", "Gov", "Gen", "Col", "Lt", "Sgt", "Prof", "Inc",
    "Corp", "Co", "Ltd", "No", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept",
    "Oct", "Nov", "Dec", "vs", "Mt", "Ft", "Jr", "Sr",
];

/// The sentence around byte `pos`: from after the previous sentence end ("." "!" "?" followed by
/// a space and a capital, a digit or a quotation mark; never after an abbreviation or a single
/// capital) or line break, to the next one. Our own splitter, deliberately simple.
pub fn sentence_at(text: &str, pos: usize) -> Range<usize> {
    let bytes = text.as_bytes();
    let is_end = |i: usize| -> bool {
        // `i` is the index of a candidate terminator.
        let Some(&b) = bytes.get(i) else { return false };
        if b == b'\n' {
            return true;
        }
        if !matches!(b, b'.' | b'!' | b'?') {
            return false;
        }
        let next_ok = bytes.get(i + 1) == Some(&b' ')
            && bytes
                .get(i + 2)
                .is_some_and(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || *c == b'"');
        if !next_ok {
            return false;
        }
        if b != b'.' {
            return true;
        }
        let word_start = text[..i]
            .rfind(|c: char| !c.is_ascii_alphabetic())
            .map_or(0, |k| k + 1);
        let word = &text[word_start..i];
        !(ABBREVIATIONS.contains(&word)
            || (word.len() == 1 && word.chars().all(|c| c.is_ascii_uppercase())))
    };
    let pos = pos.min(text.len());
    let mut start = pos;
    while start > 0 && !is_end(start - 1) {
        start -= 1;
    }
    let mut end = pos;
    while end < text.len() && !is_end(end) {
        end += 1;
    }
    if end < text.len() && bytes[end] != b'\n' {
        end += 1;
    }
    while start < end && bytes[start].is_ascii_whitespace() {
        start += 1;
    }
    start..end
}

/// True when byte `pos` lies inside a quotation: an odd number of straight or curly double
/// quotation marks precedes it in its paragraph.
pub fn in_quotes(text: &str, pos: usize) -> bool {
    let para_start = text[..pos].rfind("\n").map_or(0, |i| i + 1);
    text[para_start..pos]
        .chars()
        .filter(|c| matches!(c, '"' | '\u{201c}' | '\u{201d}'))
        .count()
        % 2
        == 1
}

/// Number words, indexed by value.
pub const NUMBER_WORDS: [&str; 21] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
];

/// Tens written as words, thirty to ninety.
const TENS: [&str; 7] = [
    "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// The value of a digit string ("1,200" too), a number word up to twenty or a round ten.
pub fn number_value(word: &str) -> Option<u64> {
    let digits: String = word.chars().filter(|c| *c != ',').collect();
    digits
        .parse::<u64>()
        .ok()
        .or_else(|| {
            NUMBER_WORDS
                .iter()
                .position(|w| w.eq_ignore_ascii_case(word))
                .map(|v| v as u64)
        })
        .or_else(|| {
            TENS.iter()
                .position(|w| w.eq_ignore_ascii_case(word))
                .map(|v| 30 + 10 * v as u64)
        })
}

/// `n` written like `model`: digits when the model is digits (with thousands commas when the
/// model has them), else a number word in the model's case (digits beyond twenty).
pub fn write_number_like(n: u64, model: &str) -> String {
    if model.starts_with(|c: char| c.is_ascii_digit()) || n as usize >= NUMBER_WORDS.len() {
        let plain = n.to_string();
        if !model.contains(',') {
            return plain;
        }
        let mut out = String::new();
        for (i, c) in plain.chars().enumerate() {
            if i > 0 && matches!((plain.len() - i) % 3, 0) {
                out.push(',');
            }
            out.push(c);
        }
        return out;
    }
    let w = NUMBER_WORDS[n as usize];
    if model.chars().all(|c| c.is_ascii_uppercase()) && model.len() > 1 {
        w.to_uppercase()
    } else if model.starts_with(|c: char| c.is_ascii_uppercase()) {
        let mut c = w.chars();
        c.next()
            .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
            .unwrap_or_default()
    } else {
        w.to_string()
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
    fn sentences_quotes_and_numbers() {
        let text = "Headline\n\nMr. Smith met Dr. Jones on Feb. 3. They left. \"Go\" he said.\n";
        let at = text.find("Jones").unwrap_or(0);
        assert_eq!(
            &text[sentence_at(text, at)],
            "Mr. Smith met Dr. Jones on Feb. 3."
        );
        let at = text.find("left").unwrap_or(0);
        assert_eq!(&text[sentence_at(text, at)], "They left.");
        assert_eq!(&text[sentence_at(text, 2)], "Headline");
        let go = text.find("Go").unwrap_or(0);
        assert!(in_quotes(text, go));
        assert!(!in_quotes(text, text.find("said").unwrap_or(0)));
        assert_eq!(number_value("1,200"), Some(1200));
        assert_eq!(number_value("Twelve"), Some(12));
        assert_eq!(number_value("dozens"), None);
        assert_eq!(number_value("Forty"), Some(40));
        assert_eq!(write_number_like(3, "Two"), "Three");
        assert_eq!(write_number_like(3, "two"), "three");
        assert_eq!(write_number_like(1300, "1,200"), "1,300");
        assert_eq!(write_number_like(1300, "1200"), "1300");
        assert_eq!(write_number_like(25, "twenty"), "25");
    }

    #[test]
    fn match_case_follows_capitals() {
        assert_eq!(match_case("Nairobi", "GENEVA"), "NAIROBI");
        assert_eq!(match_case("Nairobi", "Geneva"), "Nairobi");
    }
}
