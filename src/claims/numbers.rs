//! Numbers with what they count, their qualifier and unit.
//!
//! Forms found in headlines and paragraphs:
//!
//! - digits with thousands separators and decimals: "1,200", "3.5";
//! - number words: "two", "twenty-one", "a dozen", "three hundred", "two million";
//! - scales as words or suffixes: "2 million", "$11.1bn", "£600m", "1.5m", Reuters' "mln", "bln";
//! - ranges: "10-12", "10–12", "10 to 12", "between 10 and 12";
//! - qualifiers before the number: "at least", "more than", "about", "nearly", "up to", ...
//!   ([`crate::knowledge::numbers::QUALIFIERS`]);
//! - percentages ("5%", "5 pct", "5 per cent"), money (the currency is kept, never converted:
//!   "$5", "US$5", "5 dlrs", "5 euros") and physical units ("10 km", "30C", "5 feet", "2 tonnes");
//! - hyphenated modifiers ("two-day", "12-year-old"), marked as [`NumberMention::modifier`].
//!
//! Each number records what it counts when the sentence says so ([`Counted`]): the noun after
//! it ("three countries", "12 people") and an event verb around it ("12 killed", "15 people were
//! killed", "killing 15", "the death toll of 15").
//!
//! Not numbers: years ("in 1987"), times ("10:30", "10 am", "1500 GMT"), days of dates
//! ("Feb 26", "26 February"), ordinals ("1st"), versions ("3.1.2"), fractions ("3/4"), sports
//! scores and other digit-dash-digit pairs that are not ranges ("3-1").
//!
//! Ambiguous suffixes keep both readings: "1.5m" is 1.5 million with the alternative 1.5 metres,
//! "11 pounds" is money (GBP) with the alternative 11 lb ([`NumberMention::alt`]); the unit
//! conversion rule picks the reading that fits the other side of a conversion.
//!
//! Every span is a **byte** range into [`Article::text`]. Extraction is one byte pass per segment
//! (is there a digit or a number word at all?), one tokenising pass over the segments that have
//! one, plus bounded look-around (at most a dozen tokens), so it is linear in the length of the
//! article.

//!
//! The work is split by concept: `claims/numeral.rs` reads values, ranges and precision;
//! `claims/quantity.rs` decides what a numeral counts or measures (and whether it is a quantity
//! at all); [`super::quantity_frame`] annotates each number's sentence and clause.

use crate::article::{Article, SegmentKind, Span};
use crate::knowledge::numbers::{Qualifier, Unit};

use super::numeral;
use super::quantity;
pub use super::quantity::lemma;
pub use super::quantity_frame::{Link, QuantityFrame};

/// A number written in the article.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct NumberMention {
    /// The bytes of the whole expression: qualifier, currency symbol, number, scale and unit
    /// ("at least 12", "$11.1bn", "10 km", "between 10 and 12").
    pub span: Span,
    /// The bytes of the number itself, scale and unit excluded ("11.1" in "$11.1bn"; "10–12"
    /// for a range).
    pub number: Span,
    /// The kind of segment the number is in.
    pub segment: SegmentKind,
    /// The sentence containing the number, when the article has one there.
    pub sentence: Option<Span>,
    /// The clause holding the whole expression within its sentence (or segment), when known.
    pub clause: Option<Span>,
    /// True when the number lies inside a quotation.
    pub quoted: bool,
    /// The value with its scale applied (the low end of a range). "$11.1bn" is 11.1e9.
    pub value: f64,
    /// The high end of a range ("12" in "10-12"), scale applied.
    pub high: Option<f64>,
    /// The place value of the last digit written, scale applied: 0.1 for "3.5", 1 for "100",
    /// 100,000 for "1.1 mln". Trailing zeros of an integer are not counted here.
    pub step: f64,
    /// Like `step` but counting the trailing zeros of an integer as rounding: 100 for "100",
    /// 10 for "60", 1 for "62", and five times that when the digit before the zeros is 5 or 0
    /// (50 for "450", 500 for "1,500"). Used as the tolerance of a rounded conversion.
    pub round_step: f64,
    /// The qualifier written before the number.
    pub qualifier: Qualifier,
    /// The qualifier's bytes, when written.
    pub qualifier_span: Option<Span>,
    /// True for numbers written as words ("three", "a dozen").
    pub word: bool,
    /// What the number measures.
    pub kind: Kind,
    /// A second reading of an ambiguous suffix: "1.5m" as 1.5 metres, "11 pounds" as 11 lb.
    /// The value is the number as written, without scale.
    pub alt: Option<(&'static Unit, f64)>,
    /// True for a hyphenated modifier ("two-day", "12-year-old", "10-km").
    pub modifier: bool,
    /// What the number counts, when the sentence says so.
    pub counted: Counted,
    /// The frame of its sentence and clause: change, running total, another incident or
    /// time, subset words, years and incident nouns (`claims::quantity_frame`).
    pub frame: QuantityFrame,
    /// How it is tied to the number before it (a conversion "10 km (6 miles)", one measure
    /// "7lb 8oz").
    pub link: Link,
}

impl NumberMention {
    /// The closed interval of values this mention allows, given its qualifier and range.
    pub fn interval(&self) -> (f64, f64) {
        self.qualifier
            .interval(self.value, self.high.unwrap_or(self.value))
    }

    /// True when the mention is one exact value (no qualifier, no range).
    pub fn is_exact(&self) -> bool {
        self.qualifier == Qualifier::Exact && self.high.is_none()
    }
}

/// What a number measures.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub enum Kind {
    /// A plain count or amount.
    Count,
    /// A percentage ("5%", "5 pct", "5 per cent").
    Percent,
    /// Money in a currency (code such as "USD", "GBP", or a plain name such as "francs").
    Money(&'static str),
    /// A physical quantity.
    Physical(&'static Unit),
}

/// What a number counts: a noun after it and/or an event verb around it.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Counted {
    /// The counted noun, lower case and singular ("country" for "countries").
    pub noun: Option<String>,
    /// The noun's bytes as written (the last word of the noun phrase).
    pub noun_span: Option<Span>,
    /// The event verb, canonical ("killed", "injured", "missing", "arrested", ...).
    pub verb: Option<&'static str>,
    /// The verb's bytes as written.
    pub verb_span: Option<Span>,
}

/// Find the numbers written in the headline and paragraphs of `article`, in document order.
pub fn extract(article: &Article) -> Vec<NumberMention> {
    let mut out = Vec::new();
    // One token buffer for the article; a segment without a digit or a number word is not
    // tokenised (a fifth of the paragraph text of news copy has neither).
    let mut toks = Vec::new();
    for seg in &article.segments {
        if !matches!(seg.kind, SegmentKind::Headline | SegmentKind::Paragraph) {
            continue;
        }
        let Some(seg_text) = article.text.get(seg.span.start..seg.span.end) else {
            continue;
        };
        if !numeral::may_hold_number(seg_text) {
            continue;
        }
        numeral::tokens_into(&article.text, seg.span, &mut toks);
        let mut i = 0;
        while i < toks.len() {
            match numeral::scan(&toks, i) {
                Some((core, next)) => {
                    if let Some(m) = quantity::build(article, seg.kind, &toks, core) {
                        out.push(m);
                    }
                    i = next.max(i + 1);
                }
                None => i += 1,
            }
        }
    }
    super::quantity_frame::annotate(article, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::input::plain::parse;
    use crate::knowledge::numbers as kn;

    fn nums(t: &str) -> Vec<NumberMention> {
        let a = parse(Arc::from(format!("Headline\n\n{t}")));
        extract(&a)
    }

    fn one(t: &str) -> NumberMention {
        let v = nums(t);
        assert_eq!(v.len(), 1, "{t}: {v:#?}");
        v.into_iter().next().unwrap()
    }

    fn text_of(t: &str, m: &NumberMention) -> String {
        let full = format!("Headline\n\n{t}");
        full[m.span.start..m.span.end].to_string()
    }

    #[test]
    fn digits_separators_decimals() {
        let m = one("They hired 1,200 workers.");
        assert_eq!(m.value, 1200.0);
        assert_eq!(m.counted.noun.as_deref(), Some("worker"));
        let m = one("It grew 3.5 times.");
        assert_eq!(m.value, 3.5);
        assert_eq!(m.step, 0.1);
    }

    #[test]
    fn scales_and_money() {
        let t = "Sales rose to $11.1bn last year.";
        let m = one(t);
        assert_eq!(m.value, 11.1e9);
        assert_eq!(m.kind, Kind::Money("USD"));
        assert_eq!(text_of(t, &m), "$11.1bn");
        let m = one("Profit was £600m.");
        assert_eq!(m.kind, Kind::Money("GBP"));
        assert_eq!(m.value, 600e6);
        let t = "It earned 1.5 mln U.S. dlrs.";
        let m = one(t);
        assert_eq!(m.kind, Kind::Money("USD"));
        assert_eq!(m.value, 1.5e6);
        assert_eq!(text_of(t, &m), "1.5 mln U.S. dlrs");
        let m = one("About 2 million people live there.");
        assert_eq!(m.value, 2e6);
        assert_eq!(m.qualifier, Qualifier::About);
        assert_eq!(m.counted.noun.as_deref(), Some("people"));
        let m = one("Some 1.5m people voted.");
        assert_eq!(m.value, 1.5e6);
        assert!(m.alt.is_some());
        let m = one("The deal is worth US$5 billion.");
        assert_eq!(m.kind, Kind::Money("USD"));
        assert_eq!(m.value, 5e9);
    }

    #[test]
    fn number_words() {
        let m = one("Leaders of three countries met.");
        assert_eq!((m.value, m.word), (3.0, true));
        assert_eq!(m.counted.noun.as_deref(), Some("country"));
        let m = one("Twenty-one people were hurt.");
        assert_eq!(m.value, 21.0);
        assert_eq!(m.counted.verb, Some("injured"));
        let m = one("He bought a dozen eggs.");
        assert_eq!(m.value, 12.0);
        let m = one("It took two hundred workers.");
        assert_eq!(m.value, 200.0);
    }

    #[test]
    fn modifiers() {
        let m = one("A two-day summit.");
        assert!(m.modifier);
        assert_eq!(m.counted.noun.as_deref(), Some("day"));
        let m = one("A 12-year-old boy.");
        assert!(m.modifier);
        assert_eq!(m.counted.noun.as_deref(), Some("year-old"));
    }

    #[test]
    fn ranges() {
        let m = one("Between 10 and 12 people died.");
        assert_eq!((m.value, m.high), (10.0, Some(12.0)));
        assert_eq!(m.counted.verb, Some("killed"));
        let m = one("It will cost 10-12 dlrs.");
        assert_eq!((m.value, m.high), (10.0, Some(12.0)));
        let m = one("We expect 10 to 12 guests.");
        assert_eq!(m.high, Some(12.0));
        let m = one("Some 10–12 boats sank.");
        assert_eq!(m.high, Some(12.0));
        assert!(nums("They won 3-1 on Sunday.").is_empty());
    }

    #[test]
    fn qualifiers() {
        for (t, q) in [
            ("At least 10 people died.", Qualifier::AtLeast),
            ("More than 10 people died.", Qualifier::MoreThan),
            ("Nearly 10 people died.", Qualifier::Nearly),
            ("Up to 10 people died.", Qualifier::AtMost),
            ("An estimated 10 people died.", Qualifier::About),
            ("Almost 10 people died.", Qualifier::Nearly),
        ] {
            let m = one(t);
            assert_eq!(m.qualifier, q, "{t}");
            assert_eq!(m.span.start, 10, "{t}");
        }
    }

    #[test]
    fn percentages() {
        assert_eq!(one("It rose 5%.").kind, Kind::Percent);
        assert_eq!(one("It owns 55 pct of it.").kind, Kind::Percent);
        assert_eq!(one("It rose 5 per cent.").kind, Kind::Percent);
    }

    #[test]
    fn physical_units() {
        let m = one("It is 10 km away.");
        assert_eq!(m.kind, Kind::Physical(&kn::KM));
        assert_eq!(one("It was 30C.").kind, Kind::Physical(&kn::CELSIUS));
        assert_eq!(one("It was 86 °F.").kind, Kind::Physical(&kn::FAHRENHEIT));
        assert_eq!(one("A 5 feet wall.").kind, Kind::Physical(&kn::FOOT));
        assert_eq!(one("It weighs 11 lb.").kind, Kind::Physical(&kn::POUND));
        assert_eq!(one("It cost 11 pounds.").kind, Kind::Money("GBP"));
        assert_eq!(one("It cost 11 pounds.").alt.map(|a| a.0.name), Some("lb"));
        assert_eq!(one("Some 2 tonnes fell.").kind, Kind::Physical(&kn::TONNE));
        assert_eq!(one("It is 5 sq km.").kind, Kind::Physical(&kn::SQKM));
    }

    #[test]
    fn not_numbers() {
        for t in [
            "In 1987 it grew.",
            "On Feb 26 it grew.",
            "On 26 February it grew.",
            "At 10:30 it began.",
            "At 1500 GMT it began.",
            "At 10 am it began.",
            "Version 3.1.2 shipped.",
            "He came 1st in it.",
            "Half is 1/2 of it.",
            "They won 3-1.",
            "A Boeing 747 landed.",
        ] {
            assert!(nums(t).is_empty(), "{t}: {:?}", nums(t));
        }
    }

    #[test]
    fn counted_and_verbs() {
        let m = one("Police said 12 killed.");
        assert_eq!(m.counted.verb, Some("killed"));
        let m = one("Police said 15 people were killed.");
        assert_eq!(m.counted.verb, Some("killed"));
        assert_eq!(m.counted.noun.as_deref(), Some("people"));
        let m = one("The blast, killing 15, shook it.");
        assert_eq!(m.counted.verb, Some("killed"));
        let m = one("The death toll rose to 15.");
        assert_eq!(m.counted.verb, Some("killed"));
        let m = one("It cut 500 jobs.");
        assert_eq!(m.counted.noun.as_deref(), Some("job"));
        assert_eq!(m.counted.verb, None);
    }

    #[test]
    fn headline_in_capitals() {
        let a = parse(Arc::from("TWELVE KILLED IN BLAST\n\nBody."));
        let v = extract(&a);
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].counted.verb, Some("killed"));
    }

    #[test]
    fn minus_temperatures_and_bare_metres() {
        let m = one("It fell to minus 5C.");
        assert_eq!(m.value, -5.0);
        let m = one("It fell to \u{2212}5°C.");
        assert_eq!(m.value, -5.0);
        let m = one("It is 3 m.");
        assert_eq!(m.kind, Kind::Count);
        assert_eq!(m.alt.map(|a| a.0.name), Some("m"));
        let m = one("Police arrested 25 people.");
        assert_eq!(m.counted.verb, Some("arrested"));
        let m = one("Quake kills 15.");
        assert_eq!(m.counted.verb, Some("killed"));
    }
}
