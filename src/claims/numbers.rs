//! Numbers with what they count, their qualifier and unit.
//!
//! Forms found in headlines and paragraphs:
//!
//! - digits with thousands separators and decimals: "1,200", "3.5";
//! - number words: "two", "twenty-one", "a dozen", "three hundred", "two million";
//! - scales as words or suffixes: "2 million", "$11.1bn", "£600m", "1.5m", Reuters' "mln", "bln";
//! - ranges: "10-12", "10–12", "10 to 12", "between 10 and 12";
//! - qualifiers before the number: "at least", "more than", "about", "nearly", "up to", ...
//!   ([`QUALIFIERS`]);
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
//! Every span is a **byte** range into [`Article::text`]. Extraction is one tokenising regex pass
//! per segment plus bounded look-around (at most a dozen tokens), so it is linear in the length
//! of the article.

use crate::article::{Article, SegmentKind, Span};
use crate::fast_regex::lazy_regex;
use crate::knowledge::numbers::{self as kn, Qualifier, Unit, QUALIFIERS};

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
    /// 10 for "60", 1 for "62". Used as the tolerance of a rounded conversion.
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

/// One token of a segment: a number, a word or a single other character.
#[derive(Clone, Copy, Debug, serde::Serialize)]
struct Tok<'a> {
    span: Span,
    text: &'a str,
    kind: TokKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
enum TokKind {
    Digits,
    Word,
    Other,
}

lazy_regex!(token_re, r"\d+(?:,\d{3})*(?:\.\d+)?|[A-Za-z]+|\S");

fn tokens(text: &str, seg: Span) -> Vec<Tok<'_>> {
    let s = &text[seg.start..seg.end];
    token_re()
        .find_iter(s)
        .map(|m| {
            let t = m.as_str();
            let kind = if t.as_bytes()[0].is_ascii_digit() {
                TokKind::Digits
            } else if t.as_bytes()[0].is_ascii_alphabetic() {
                TokKind::Word
            } else {
                TokKind::Other
            };
            Tok {
                span: Span::new(seg.start + m.start(), seg.start + m.end()),
                text: t,
                kind,
            }
        })
        .collect()
}

/// Find the numbers written in the headline and paragraphs of `article`, in document order.
pub fn extract(article: &Article) -> Vec<NumberMention> {
    let mut out = Vec::new();
    for seg in &article.segments {
        if !matches!(seg.kind, SegmentKind::Headline | SegmentKind::Paragraph) {
            continue;
        }
        if article.text.get(seg.span.start..seg.span.end).is_none() {
            continue;
        }
        let toks = tokens(&article.text, seg.span);
        let mut i = 0;
        while i < toks.len() {
            match scan(&toks, i) {
                Some((core, next)) => {
                    if let Some(m) = build(article, seg.kind, &toks, core) {
                        out.push(m);
                    }
                    i = next.max(i + 1);
                }
                None => i += 1,
            }
        }
    }
    out
}

/// A number read at some token index, before context is applied.
#[derive(Clone, Copy, Debug, serde::Serialize)]
struct Core {
    /// First and last token of the number (range included).
    first: usize,
    last: usize,
    value: f64,
    high: Option<f64>,
    decimals: u32,
    zeros: u32,
    word: bool,
    /// True when a range was read ("10-12", "between 10 and 12").
    range_between: bool,
}

fn adjacent(a: &Tok<'_>, b: &Tok<'_>) -> bool {
    a.span.end == b.span.start
}

fn lower(t: &Tok<'_>) -> String {
    t.text.to_ascii_lowercase()
}

fn is(t: Option<&Tok<'_>>, words: &[&str]) -> bool {
    t.is_some_and(|t| words.iter().any(|w| t.text.eq_ignore_ascii_case(w)))
}

/// Parse digits ("1,200.5") into value, decimals and trailing zeros of the integer part.
fn parse_digits(s: &str) -> Option<(f64, u32, u32)> {
    let clean: String = s.chars().filter(|c| *c != ',').collect();
    let value: f64 = clean.parse().ok()?;
    let (int, dec) = match clean.split_once('.') {
        Some((i, d)) => (i, d.len()),
        None => (clean.as_str(), 0),
    };
    let zeros = if dec == 0 && value != 0.0 {
        int.len() - int.trim_end_matches('0').len()
    } else {
        0
    };
    Some((value, u32::try_from(dec).ok()?, u32::try_from(zeros).ok()?))
}

/// A number written in words starting at `i`: "three", "twenty-one", "a dozen", "two hundred".
/// Returns the value and the last token used.
fn parse_words(toks: &[Tok<'_>], i: usize) -> Option<(f64, usize)> {
    let t = toks.get(i)?;
    if t.kind != TokKind::Word {
        return None;
    }
    if t.text.eq_ignore_ascii_case("a") || t.text.eq_ignore_ascii_case("one") {
        if is(toks.get(i + 1), &["dozen"]) {
            return Some((12.0, i + 1));
        }
        if t.text.eq_ignore_ascii_case("a") {
            return None;
        }
    }
    if t.text.eq_ignore_ascii_case("dozen") {
        return None;
    }
    let mut v = f64::from(kn::word_value(t.text)?);
    let mut last = i;
    if kn::is_tens(t.text) {
        if let (Some(h), Some(u)) = (toks.get(i + 1), toks.get(i + 2)) {
            if h.text == "-" && adjacent(t, h) && adjacent(h, u) {
                if let Some(uv) = kn::word_value(u.text).filter(|v| (1..10).contains(v)) {
                    v += f64::from(uv);
                    last = i + 2;
                }
            }
        }
    }
    if is(toks.get(last + 1), &["hundred"]) {
        v *= 100.0;
        last += 1;
    }
    Some((v, last))
}

/// Read a number (with a range) at `i`. Returns the core and the index to continue from.
fn scan(toks: &[Tok<'_>], i: usize) -> Option<(Core, usize)> {
    let t = toks.get(i)?;
    // "between 10 and 12"
    if t.text.eq_ignore_ascii_case("between") {
        let (a, a_last, ad, az, aw) = number_at(toks, i + 1)?;
        if !is(toks.get(a_last + 1), &["and"]) {
            return None;
        }
        let (b, b_last, _, _, _) = number_at(toks, a_last + 2)?;
        if b <= a {
            return None;
        }
        let core = Core {
            first: i + 1,
            last: b_last,
            value: a,
            high: Some(b),
            decimals: ad,
            zeros: az,
            word: aw,
            range_between: true,
        };
        return Some((core, b_last + 1));
    }
    let (v, last, decimals, zeros, word) = number_at(toks, i)?;
    let mut core = Core {
        first: i,
        last,
        value: v,
        high: None,
        decimals,
        zeros,
        word,
        range_between: false,
    };
    // ranges "10-12", "10–12", "10 to 12"
    if let Some(sep) = toks.get(last + 1) {
        let dash = matches!(sep.text, "-" | "–" | "—");
        let to = sep.text.eq_ignore_ascii_case("to");
        if dash || to {
            if let Some((b, b_last, _, _, bw)) = number_at(toks, last + 2) {
                let tight = !dash
                    || (adjacent(&toks[last], sep)
                        && toks.get(last + 2).is_some_and(|n| adjacent(sep, n)))
                    || sep.text != "-";
                if bw == word && tight {
                    if b > v {
                        core.last = b_last;
                        core.high = Some(b);
                        return Some((core, b_last + 1));
                    }
                    if dash && !word {
                        // "3-1", "2-2": a score or some other pair, not a quantity.
                        return None;
                    }
                }
            }
        }
    }
    Some((core, last + 1))
}

/// A single number (digits or words) at `i`: (value, last token, decimals, zeros, word).
fn number_at(toks: &[Tok<'_>], i: usize) -> Option<(f64, usize, u32, u32, bool)> {
    let t = toks.get(i)?;
    match t.kind {
        TokKind::Digits => {
            let (v, d, z) = parse_digits(t.text)?;
            Some((v, i, d, z, false))
        }
        TokKind::Word => {
            let (v, last) = parse_words(toks, i)?;
            Some((v, last, 0, 0, true))
        }
        TokKind::Other => None,
    }
}

const MONTHS: &[&str] = &[
    "jan",
    "january",
    "feb",
    "february",
    "mar",
    "march",
    "apr",
    "april",
    "may",
    "jun",
    "june",
    "jul",
    "july",
    "aug",
    "august",
    "sep",
    "sept",
    "september",
    "oct",
    "october",
    "nov",
    "november",
    "dec",
    "december",
];

fn is_month(t: &Tok<'_>) -> bool {
    t.text
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_uppercase())
        && MONTHS.iter().any(|m| t.text.eq_ignore_ascii_case(m))
}

const TIME_WORDS: &[&str] = &[
    "am", "pm", "gmt", "est", "edt", "cst", "cdt", "pst", "pdt", "bst", "cet", "utc", "hrs",
    "hours", "o", "local",
];

/// Words that end a counted-noun phrase: function words and common verbs.
const STOP: &[&str] = &[
    "a",
    "an",
    "the",
    "of",
    "to",
    "in",
    "on",
    "at",
    "and",
    "or",
    "but",
    "for",
    "per",
    "from",
    "by",
    "with",
    "as",
    "than",
    "into",
    "over",
    "under",
    "after",
    "before",
    "since",
    "during",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "will",
    "would",
    "could",
    "should",
    "may",
    "might",
    "can",
    "said",
    "says",
    "say",
    "that",
    "which",
    "who",
    "whom",
    "this",
    "these",
    "those",
    "it",
    "its",
    "their",
    "his",
    "her",
    "they",
    "he",
    "she",
    "we",
    "you",
    "i",
    "not",
    "no",
    "vs",
    "versus",
    "against",
    "while",
    "when",
    "where",
    "if",
    "up",
    "down",
    "off",
    "out",
    "about",
    "around",
    "last",
    "next",
    "year",
    "years",
    "month",
    "months",
    "week",
    "weeks",
    "day",
    "days",
    "earlier",
    "later",
    "ago",
    "each",
    "more",
    "less",
    "also",
    "all",
    "only",
    "just",
    "so",
    "there",
    "then",
    "between",
    "among",
    "including",
    "like",
    "such",
    "both",
    "either",
    "other",
    "others",
    "of",
    "whom",
    "respectively",
    "times",
];

/// Event verbs (as written) and their canonical form.
const EVENT_VERBS: &[(&str, &str)] = &[
    ("killed", "killed"),
    ("dead", "killed"),
    ("died", "killed"),
    ("die", "killed"),
    ("killing", "killed"),
    ("kills", "killed"),
    ("kill", "killed"),
    ("deaths", "killed"),
    ("death", "killed"),
    ("fatalities", "killed"),
    ("injured", "injured"),
    ("injures", "injured"),
    ("injure", "injured"),
    ("wounded", "injured"),
    ("wounds", "injured"),
    ("hurt", "injured"),
    ("injuring", "injured"),
    ("wounding", "injured"),
    ("injuries", "injured"),
    ("missing", "missing"),
    ("arrested", "arrested"),
    ("arresting", "arrested"),
    ("arrests", "arrested"),
    ("arrest", "arrested"),
    ("detained", "arrested"),
    ("detaining", "arrested"),
    ("detains", "arrested"),
    ("detain", "arrested"),
    ("evacuated", "evacuated"),
    ("evacuating", "evacuated"),
    ("evacuates", "evacuated"),
    ("evacuate", "evacuated"),
    ("rescued", "rescued"),
    ("rescuing", "rescued"),
    ("rescues", "rescued"),
    ("rescue", "rescued"),
    ("displaced", "displaced"),
    ("hospitalised", "hospitalised"),
    ("hospitalized", "hospitalised"),
];

/// Event verbs that may stand right before the number they count: "killed 12 people", "Quake
/// kills 15", "Police arrested 25 people".
const VERBS_BEFORE: &[&str] = &[
    "killed",
    "kills",
    "kill",
    "injured",
    "injures",
    "injure",
    "wounded",
    "wounds",
    "arrested",
    "arrests",
    "arrest",
    "detained",
    "detains",
    "detain",
    "evacuated",
    "evacuates",
    "evacuate",
    "rescued",
    "rescues",
    "rescue",
    "hospitalised",
    "hospitalized",
];

fn event_verb(word: &str) -> Option<&'static str> {
    EVENT_VERBS
        .iter()
        .find(|(w, _)| w.eq_ignore_ascii_case(word))
        .map(|(_, c)| *c)
}

/// True for a word that reads as a plural noun ("countries", "people", "men").
fn looks_plural(l: &str) -> bool {
    matches!(
        l,
        "people" | "men" | "women" | "children" | "police" | "dead" | "staff" | "personnel"
    ) || (l.len() > 3
        && l.ends_with('s')
        && !l.ends_with("ss")
        && !l.ends_with("us")
        && !l.ends_with("is"))
}

/// Singular lower-case form of a counted noun ("countries" → "country", "people" stays).
pub fn lemma(word: &str) -> String {
    let w = word.to_lowercase();
    if let Some(stem) = w.strip_suffix("ies") {
        if stem.len() > 1 {
            return format!("{stem}y");
        }
    }
    for suf in ["ches", "shes", "sses", "xes"] {
        if let Some(stem) = w.strip_suffix(suf) {
            return format!("{stem}{}", &suf[..suf.len() - 2]);
        }
    }
    match w.as_str() {
        "men" => return "man".into(),
        "women" => return "woman".into(),
        "children" => return "child".into(),
        "people" | "police" | "news" | "series" | "species" => return w,
        _ => {}
    }
    if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") {
        return w[..w.len() - 1].to_string();
    }
    w
}

/// Build a mention from a core number and its context; `None` when it is not a quantity.
fn build(
    article: &Article,
    kind_seg: SegmentKind,
    toks: &[Tok<'_>],
    c: Core,
) -> Option<NumberMention> {
    let first = toks.get(c.first)?;
    let last = toks.get(c.last)?;
    let prev = c.first.checked_sub(1).and_then(|p| toks.get(p));
    let prev2 = c.first.checked_sub(2).and_then(|p| toks.get(p));
    let next = toks.get(c.last + 1);
    let next2 = toks.get(c.last + 2);

    if !c.word {
        // Decimals glued to other digits or letters: versions, codes, times, fractions.
        if let Some(p) = prev {
            if adjacent(p, first)
                && (p.kind != TokKind::Other || matches!(p.text, "." | "/" | ":" | "-"))
            {
                return None;
            }
        }
        if let Some(n) = next {
            if adjacent(last, n) {
                if matches!(n.text, "/" | ":") {
                    return None;
                }
                if n.text == "."
                    && next2.is_some_and(|m| adjacent(n, m) && m.kind == TokKind::Digits)
                {
                    return None;
                }
                if n.kind == TokKind::Word
                    && matches!(
                        lower(n).as_str(),
                        "st" | "nd" | "rd" | "th" | "s" | "am" | "pm"
                    )
                {
                    return None;
                }
                if n.kind == TokKind::Digits {
                    return None;
                }
            }
        }
        // Dates: "Feb 26", "March 3", "26 February".
        if prev.is_some_and(is_month) || next.is_some_and(is_month) {
            return None;
        }
        if prev.is_some_and(|p| p.text == ".") && prev2.is_some_and(is_month) {
            return None;
        }
        // Times: "10 am", "1500 GMT", "10 p.m.", "10 o'clock".
        if next.is_some_and(|n| TIME_WORDS.iter().any(|w| n.text.eq_ignore_ascii_case(w))) {
            return None;
        }
        if next
            .is_some_and(|n| n.text.eq_ignore_ascii_case("a") || n.text.eq_ignore_ascii_case("p"))
            && next2.is_some_and(|n| n.text == ".")
        {
            return None;
        }
    }

    let number = Span::new(first.span.start, last.span.end);
    let mut start = number.start;
    let mut end = number.end;
    let mut j = c.last + 1;

    // Currency symbol before: "$5", "US$5", "£600m", "A$ 5".
    let mut kind = Kind::Count;
    let mut k = c.first;
    if let Some(p) = prev {
        if let Some(cur) = kn::currency(p.text).filter(|_| p.kind == TokKind::Other) {
            let mut code = cur;
            let mut s = p.span.start;
            if let Some(pp) = prev2 {
                if pp.kind == TokKind::Word && adjacent(pp, p) {
                    if let Some(c2) = kn::currency(&format!("{}{}", pp.text, p.text)) {
                        code = c2;
                        s = pp.span.start;
                    }
                }
            }
            kind = Kind::Money(code);
            start = s;
            k = if s == p.span.start {
                c.first - 1
            } else {
                c.first - 2
            };
        }
    }

    // Scale: "2 million", "11.1bn", "1.5m", "600 mln".
    let mut scale = 1.0;
    let mut alt: Option<(&'static Unit, f64)> = None;
    if let Some(n) = toks.get(j) {
        let attached = adjacent(last, n) && !c.word;
        if n.kind == TokKind::Word {
            if let Some(s) = kn::scale(n.text, attached) {
                let bare_m = n.text.eq_ignore_ascii_case("m");
                let hundred_after_digits = n.text.eq_ignore_ascii_case("hundred") && !c.word;
                if !hundred_after_digits {
                    if bare_m && kind == Kind::Count {
                        alt = Some((&kn::METRE, c.value));
                    }
                    scale = s;
                    end = n.span.end;
                    j += 1;
                    // "2 million" then "million" again is not expected; "1.5 billion
                    // dollars" continues below.
                }
            } else if n.text.eq_ignore_ascii_case("thousand") {
                scale = 1e3;
                end = n.span.end;
                j += 1;
            } else if n.text == "m"
                && !attached
                && !c.word
                && kind == Kind::Count
                && toks
                    .get(j + 1)
                    .is_none_or(|x| matches!(x.text, ")" | "]" | "," | "." | ";"))
            {
                // "3 m)": metres only as a second reading (the conversion rule decides).
                alt = Some((&kn::METRE, c.value));
                end = n.span.end;
                j += 1;
            }
        }
    }

    // Hyphenated modifier: "two-day", "12-year-old", "10-km".
    let mut modifier = false;
    let mut counted = Counted::default();
    if let (Some(h), Some(w)) = (toks.get(j), toks.get(j + 1)) {
        if h.text == "-" && adjacent(&toks[j - 1], h) && adjacent(h, w) && w.kind == TokKind::Word {
            modifier = true;
            let mut wl = lower(w);
            let mut wend = w.span.end;
            if wl == "year" && is(toks.get(j + 2), &["-"]) && is(toks.get(j + 3), &["old"]) {
                wl = "year-old".into();
                wend = toks[j + 3].span.end;
            }
            if let Some(u) = kn::unit(&wl, false) {
                kind = Kind::Physical(u);
            } else {
                counted.noun = Some(lemma(&wl));
                counted.noun_span = Some(Span::new(w.span.start, wend));
            }
            end = wend;
            j = toks.partition_point(|t| t.span.end <= wend);
        }
    }

    if !modifier {
        // Percent.
        if let Some(n) = toks.get(j) {
            let l = lower(n);
            if n.text == "%" || l == "pct" || l == "percent" {
                kind = Kind::Percent;
                end = n.span.end;
                j += 1;
            } else if l == "per" && is(toks.get(j + 1), &["cent"]) {
                kind = Kind::Percent;
                end = toks[j + 1].span.end;
                j += 2;
            }
        }
        // Currency or unit after: "5 dlrs", "mln U.S. dlrs", "10 km", "30C", "5 feet".
        if kind == Kind::Count {
            let mut jj = j;
            // "U.S." / "Canadian" / "Australian" before "dlrs"
            if is(toks.get(jj), &["U"])
                && is(toks.get(jj + 1), &["."])
                && is(toks.get(jj + 2), &["S"])
            {
                jj += 3;
                if is(toks.get(jj), &["."]) {
                    jj += 1;
                }
            } else if is(
                toks.get(jj),
                &["Canadian", "Australian", "U", "US", "Hong", "New"],
            ) {
                jj += 1;
                if is(toks.get(jj), &["Kong", "Zealand"]) {
                    jj += 1;
                }
            }
            if let Some(n) = toks.get(jj) {
                let attached = adjacent(&toks[jj - 1], n);
                if let Some(cur) = kn::currency(n.text).filter(|_| n.kind == TokKind::Word) {
                    kind = Kind::Money(cur);
                    end = n.span.end;
                    j = jj + 1;
                } else if jj == j {
                    let lw = lower(n);
                    let degree = n.text == "°";
                    if degree {
                        if let Some(u2) = toks.get(jj + 1).filter(|u2| adjacent(n, u2)) {
                            if let Some(u) = kn::unit(&format!("°{}", u2.text), false) {
                                kind = Kind::Physical(u);
                                end = u2.span.end;
                                j = jj + 2;
                            }
                        }
                    } else if lw == "pounds" || lw == "pound" {
                        if is(toks.get(jj + 1), &["sterling"]) {
                            kind = Kind::Money("GBP");
                            end = toks[jj + 1].span.end;
                            j = jj + 2;
                        } else {
                            kind = Kind::Money("GBP");
                            alt = Some((&kn::POUND, c.value * scale));
                            end = n.span.end;
                            j = jj + 1;
                        }
                    } else if matches!(lw.as_str(), "sq" | "square")
                        && is(
                            toks.get(jj + 1),
                            &["km", "kilometres", "kilometers", "miles", "mile"],
                        )
                    {
                        let u2 = lower(&toks[jj + 1]);
                        kind = Kind::Physical(if u2.starts_with('k') {
                            &kn::SQKM
                        } else {
                            &kn::SQMILE
                        });
                        end = toks[jj + 1].span.end;
                        j = jj + 2;
                    } else if lw == "nautical" && is(toks.get(jj + 1), &["miles", "mile"]) {
                        kind = Kind::Physical(&kn::NMILE);
                        end = toks[jj + 1].span.end;
                        j = jj + 2;
                    } else if lw == "km"
                        && is(toks.get(jj + 1), &["/"])
                        && is(toks.get(jj + 2), &["h"])
                    {
                        kind = Kind::Physical(&kn::KMH);
                        end = toks[jj + 2].span.end;
                        j = jj + 3;
                    } else if n.kind == TokKind::Word && scale == 1.0 {
                        if let Some(u) = kn::unit(n.text, attached && !c.word) {
                            // "C"/"F" only right after digits and not before another letter
                            // word that makes it a name ("30 C-130").
                            kind = Kind::Physical(u);
                            end = n.span.end;
                            j = jj + 1;
                        } else if attached && !c.word && lw == "m" {
                            kind = Kind::Physical(&kn::METRE);
                            end = n.span.end;
                            j = jj + 1;
                        }
                    }
                }
            }
        }
    }

    // A negative temperature: "minus 5C", "−5°C" (Unicode minus). An ASCII hyphen stays
    // ambiguous ("the 2-5C range") and is left alone.
    let mut value = c.value;
    if matches!(kind, Kind::Physical(u) if u.dimension == kn::Dimension::Temperature)
        && c.high.is_none()
    {
        if let Some(p) = prev {
            let unicode = p.text == "−" && adjacent(p, first);
            if unicode || p.text.eq_ignore_ascii_case("minus") {
                value = -value;
                start = p.span.start;
            }
        }
    }

    // Years: a four-digit integer from 1000 to 2100 with nothing attached is a year, not a count.
    if !c.word
        && kind == Kind::Count
        && scale == 1.0
        && c.decimals == 0
        && c.high.is_none()
        && first.text.len() == 4
        && (1000.0..=2100.0).contains(&c.value)
    {
        return None;
    }
    // Names with numbers: "Boeing 747", "Apollo 11", "Group of 20", "No. 2", "Article 5".
    if !c.word && kind == Kind::Count && !modifier {
        if let Some(p) = toks.get(k.wrapping_sub(1)).filter(|_| k > 0) {
            let cap = p.kind == TokKind::Word
                && p.text
                    .chars()
                    .next()
                    .is_some_and(|ch| ch.is_ascii_uppercase())
                && p.text.chars().skip(1).any(|ch| ch.is_ascii_lowercase());
            let sentence_start = toks
                .get(k.wrapping_sub(2))
                .filter(|_| k > 1)
                .is_none_or(|pp| matches!(pp.text, "." | "\"" | "“" | ":"));
            if (cap
                && !sentence_start
                && !is(
                    Some(p),
                    &[
                        "The", "About", "Some", "Over", "Nearly", "Almost", "Around", "Only",
                        "All", "Another", "Of", "And", "With", "Up", "At", "Under", "More",
                    ],
                ))
                || is(
                    Some(p),
                    &[
                        "no", "number", "article", "section", "chapter", "flight", "route", "page",
                        "room", "version", "level", "phase", "grade", "size",
                    ],
                )
            {
                return None;
            }
        }
    }

    // Qualifier before (possibly before the currency symbol).
    let (qualifier, qualifier_span) = if c.range_between {
        start = toks[c.first - 1].span.start;
        (Qualifier::Exact, None)
    } else {
        match qualifier_before(toks, k) {
            Some((q, qs)) => {
                start = qs.start;
                (q, Some(qs))
            }
            None => (Qualifier::Exact, None),
        }
    };

    // Counted noun and event verb.
    if !modifier && matches!(kind, Kind::Count) {
        counted_after(toks, j, &mut counted);
    }
    if counted.verb.is_none() && !modifier && matches!(kind, Kind::Count) {
        // verb before: "killing 15", "killed at least 12 people", "a death toll of 15".
        let qk = qualifier_span
            .map(|qs| toks.partition_point(|t| t.span.start < qs.start))
            .unwrap_or(k);
        if let Some(p) = qk.checked_sub(1).and_then(|p| toks.get(p)) {
            if let Some(v) = event_verb(p.text).filter(|_| {
                p.text.to_ascii_lowercase().ends_with("ing") || is(Some(p), VERBS_BEFORE)
            }) {
                counted.verb = Some(v);
                counted.verb_span = Some(p.span);
            } else if is(Some(p), &["of", "at", "to"]) {
                // "death toll of 15", "toll stood at 15", "toll rose to 15"
                let lo = qk.saturating_sub(5);
                for t in toks[lo..qk].iter().rev() {
                    if t.text.eq_ignore_ascii_case("toll") {
                        counted.verb = Some("killed");
                        counted.verb_span = Some(t.span);
                        break;
                    }
                    if t.kind == TokKind::Other {
                        break;
                    }
                }
            }
        }
    }

    let exp = 10f64.powi(-(c.decimals as i32));
    let step = exp * scale;
    let round_step = if c.decimals == 0 {
        10f64.powi(c.zeros.min(6) as i32) * scale
    } else {
        step
    };
    let span = Span::new(start, end);
    Some(NumberMention {
        span,
        number,
        segment: kind_seg,
        sentence: article.sentence_at(number.start),
        quoted: article.in_quote(number),
        value: value * scale,
        high: c.high.map(|h| h * scale),
        step,
        round_step,
        qualifier,
        qualifier_span,
        word: c.word,
        kind,
        alt,
        modifier,
        counted,
    })
}

/// A qualifier phrase ending right before token `k`.
fn qualifier_before(toks: &[Tok<'_>], k: usize) -> Option<(Qualifier, Span)> {
    for &(phrase, q) in QUALIFIERS {
        let words: Vec<&str> = phrase.split(' ').collect();
        let n = words.len();
        if k < n {
            continue;
        }
        let cand = &toks[k - n..k];
        if cand
            .iter()
            .zip(&words)
            .all(|(t, w)| t.kind == TokKind::Word && t.text.eq_ignore_ascii_case(w))
        {
            return Some((q, Span::new(cand[0].span.start, cand[n - 1].span.end)));
        }
    }
    None
}

/// The counted noun and event verb after the number (from token `j`).
fn counted_after(toks: &[Tok<'_>], j: usize, counted: &mut Counted) {
    let mut i = j;
    let mut noun: Option<&Tok<'_>> = None;
    let mut first_word: Option<&Tok<'_>> = None;
    let mut saw_lower = false;
    // A verb right after the number: "12 killed", "15 dead".
    if let Some(t) = toks.get(i) {
        if let Some(v) = event_verb(t.text) {
            counted.verb = Some(v);
            counted.verb_span = Some(t.span);
            return;
        }
    }
    while let Some(t) = toks.get(i) {
        if i >= j + 3 || t.kind != TokKind::Word {
            break;
        }
        let l = lower(t);
        if STOP.contains(&l.as_str()) {
            break;
        }
        let cap = t
            .text
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_uppercase())
            && t.text.chars().any(|c| c.is_ascii_lowercase());
        if cap && saw_lower {
            break;
        }
        saw_lower |= !cap;
        if event_verb(t.text).is_some() && noun.is_some() {
            break;
        }
        if first_word.is_none() {
            first_word = Some(t);
        }
        i += 1;
        if looks_plural(&l) {
            noun = Some(t);
            break;
        }
        // hyphenated words continue the phrase: "well-known"
        if is(toks.get(i), &["-"]) {
            i += 1;
        }
    }
    if noun.is_none() {
        noun = first_word;
        if let Some(f) = first_word {
            i = toks.partition_point(|t| t.span.end <= f.span.end);
        }
    }
    if let Some(n) = noun {
        let l = lower(n);
        if let Some(v) = event_verb(&l)
            .filter(|_| matches!(l.as_str(), "dead" | "deaths" | "fatalities" | "injuries"))
        {
            counted.verb = Some(v);
            counted.verb_span = Some(n.span);
            return;
        }
        counted.noun = Some(lemma(n.text));
        counted.noun_span = Some(n.span);
    }
    // Event verb after the noun, within a few words: "people were killed", "have died".
    let lo = i;
    for t in toks.iter().skip(lo).take(4) {
        if t.kind != TokKind::Word {
            break;
        }
        if let Some(v) = event_verb(t.text) {
            counted.verb = Some(v);
            counted.verb_span = Some(t.span);
            return;
        }
        if !is(
            Some(t),
            &[
                "were",
                "was",
                "have",
                "has",
                "had",
                "been",
                "are",
                "is",
                "reported",
                "confirmed",
                "feared",
                "believed",
                "later",
                "also",
                "all",
                "now",
                "being",
                "left",
                "people",
            ],
        ) {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::input::plain::parse;

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
