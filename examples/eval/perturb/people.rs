//! People perturbations: a second office given to a titled person (P002), a second age given to
//! a person whose age is stated (P003), and a quotation repeated with another speaker (P004).
//!
//! Written with our own regexes and word lists, not claimlint's name or quotation extractors.
//! Only the forms the rules document are used: a prefix title before a full name ("President
//! Tomas Hale", an office of state: not an organisation's title such as "World Bank President",
//! and a name that ends at its surname) and a later mention of the surname alone; an apposition age after a full name
//! ("Tomas Hale, 45,") and a later mention of the surname alone in another sentence; a quotation
//! of six words or more attributed to a full name right after it (`"...," Tomas Hale said` /
//! `"...," said Tomas Hale`). The person must be the only one in the article with that surname,
//! and the sentences involved must hold no year and no quotation mark around the name.

use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

use super::{in_quotes, sentence_at, Doc, Perturbation};
use crate::prng::SplitMix64;

/// Offices of state, each written as a prefix title; a person holds one at a time.
const OFFICES: &[&str] = &[
    "President",
    "Prime Minister",
    "Chancellor",
    "Vice President",
];

/// Words right before a title that make it another office or another time.
const NOT_PLAIN: &[&str] = &[
    "former", "Former", "then", "Then", "acting", "Acting", "deputy", "Deputy", "vice", "Vice",
    "interim", "Interim", "ex", "shadow", "Shadow", "late", "outgoing", "incoming", "elect",
];

/// Words that make the title before them an organisation's ("World Bank President", "EC
/// Commission President"): not an office of state, so a second title is no contradiction the
/// rule documents (a party president may be prime minister).
const ORGANISATION_WORDS: &[&str] = &[
    "Association",
    "Bank",
    "Board",
    "Commission",
    "Committee",
    "Company",
    "Corp",
    "Council",
    "Exchange",
    "Federation",
    "Foundation",
    "Fund",
    "Group",
    "Inc",
    "League",
    "Party",
    "Union",
    "University",
];

/// True when the word before a title is an organisation's name: an acronym in capitals
/// ("CBT President") or an organisation word ("Bank President").
fn organisation_title(text: &str, title_start: usize) -> bool {
    word_before(text, title_start).is_some_and(|(_, w)| {
        ORGANISATION_WORDS.contains(&w)
            || (w.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase()))
    })
}

/// Honorifics a later mention may carry ("Mr Hale"), replaced by the new office.
const HONORIFICS: &[&str] = &["Mr", "Mrs", "Ms", "Dr"];

fn office_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"\b(?P<title>President|Prime Minister|Chancellor|Vice President) (?P<given>[A-Z][a-z]+) (?P<sur>[A-Z][a-z]{2,})\b",
        )
        .expect("static regex")
    })
}

fn year_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"\b(?:1[89]|20)\d\d\b").expect("static regex"))
}

fn age_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"\b(?P<given>[A-Z][a-z]+) (?P<sur>[A-Z][a-z]{2,}), (?P<age>[1-9]\d), ")
            .expect("static regex")
    })
}

fn quote_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r#"["“](?P<q>[A-Z][^"“”\n]{25,300}?),["”] (?:(?:said|says) (?P<g1>[A-Z][a-z]+) (?P<s1>[A-Z][a-z]{2,})\b|(?P<g2>[A-Z][a-z]+) (?P<s2>[A-Z][a-z]{2,}) (?:said|says)\b)"#,
        )
        .expect("static regex")
    })
}

/// The byte ranges where `surname` is written as a whole capitalised word.
fn uses(text: &str, surname: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = text[from..].find(surname) {
        let s = from + i;
        let e = s + surname.len();
        let before_ok = text[..s]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let after_ok = text[e..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
        if before_ok && after_ok {
            out.push(s..e);
        }
        from = e;
    }
    out
}

/// The capitalised word right before `pos` (separated by one space), if any.
fn word_before(text: &str, pos: usize) -> Option<(usize, &str)> {
    let before = text[..pos].strip_suffix(' ')?;
    let start = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic())
        .last()
        .map(|(i, _)| i)?;
    Some((start, &before[start..]))
}

/// True when every use of `surname` is bare, after an honorific or title, or after `given`:
/// no other person in the article shares it.
fn one_person(text: &str, surname: &str, given: &str) -> bool {
    uses(text, surname)
        .iter()
        .all(|u| match word_before(text, u.start) {
            Some((_, w)) if w.chars().next().is_some_and(char::is_uppercase) => {
                w == given
                    || HONORIFICS.contains(&w)
                    || OFFICES.iter().any(|o| o.ends_with(w))
                    || matches!(w, "The" | "But" | "And" | "Minister")
            }
            _ => true,
        })
}

fn clean_sentence(text: &str, at: usize) -> bool {
    let s = sentence_at(text, at);
    !year_re().is_match(&text[s]) && !in_quotes(text, at)
}

/// P002: "President Tomas Hale ... Hale said" → "... Prime Minister Hale said".
pub fn second_office(doc: &Doc<'_>, rng: &mut SplitMix64) -> Option<Perturbation> {
    let text = doc.text;
    let mut cands = Vec::new();
    for c in office_re().captures_iter(text) {
        let (Some(t), Some(g), Some(s)) = (c.name("title"), c.name("given"), c.name("sur")) else {
            continue;
        };
        if doc.in_caps_line(t.start())
            || word_before(text, t.start()).is_some_and(|(_, w)| NOT_PLAIN.contains(&w))
            || text[..t.start()].ends_with('-')
            || organisation_title(text, t.start())
            // A full name ends at its surname ("Leon Febres Cordero" is not "Leon Febres").
            || text[s.end()..].starts_with(' ')
                && text[s.end() + 1..].starts_with(|c: char| c.is_uppercase())
            || !clean_sentence(text, t.start())
            || !one_person(text, s.as_str(), g.as_str())
        {
            continue;
        }
        let first_sentence = sentence_at(text, t.start());
        for u in uses(text, s.as_str()) {
            if u.start <= s.start() || first_sentence.contains(&u.start) {
                continue;
            }
            if doc.in_headline(&u) || doc.in_caps_line(u.start) || !clean_sentence(text, u.start) {
                continue;
            }
            // A bare mention, or one after an honorific: replace the honorific.
            let (at, prev) = match word_before(text, u.start) {
                Some((i, w)) if HONORIFICS.contains(&w) => (i, true),
                Some((_, w)) if w.chars().next().is_some_and(char::is_uppercase) => continue,
                _ => (u.start, false),
            };
            let others: Vec<&'static str> = OFFICES
                .iter()
                .copied()
                .filter(|o| *o != t.as_str())
                .collect();
            cands.push((t.range(), at, prev, u.clone(), others));
        }
    }
    let (title, at, prev, u, others) = rng.pick(&cands)?.clone();
    let new = *rng.pick(&others)?;
    let replace = if prev { at..u.start } else { at..at };
    let with = format!("{new} ");
    Some(Perturbation {
        summary: format!("\"{}\" also called \"{new}\"", &text[title.clone()]),
        expected: vec![title, replace.clone()],
        replace,
        with,
    })
}

/// P003: "Tomas Hale, 45, ... Hale said" → "... Hale, 48, said".
pub fn second_age(doc: &Doc<'_>, rng: &mut SplitMix64) -> Option<Perturbation> {
    let text = doc.text;
    let mut cands = Vec::new();
    for c in age_re().captures_iter(text) {
        let (Some(g), Some(s), Some(a)) = (c.name("given"), c.name("sur"), c.name("age")) else {
            continue;
        };
        let sentence = &text[sentence_at(text, a.start())];
        let lower = sentence.to_lowercase();
        if doc.in_headline(&a.range())
            || doc.in_caps_line(a.start())
            || !clean_sentence(text, a.start())
            || [
                "died", "death", "killed", "when ", "then ", "would", "late ",
            ]
            .iter()
            .any(|w| lower.contains(w))
            || !one_person(text, s.as_str(), g.as_str())
            || matches!(g.as_str(), "The" | "In" | "On" | "At" | "But" | "And")
        {
            continue;
        }
        let Ok(age) = a.as_str().parse::<u32>() else {
            continue;
        };
        let first_sentence = sentence_at(text, a.start());
        for u in uses(text, s.as_str()) {
            if u.start <= s.start()
                || first_sentence.contains(&u.start)
                || doc.in_headline(&u)
                || doc.in_caps_line(u.start)
                || !clean_sentence(text, u.start)
            {
                continue;
            }
            // Bare mention followed by a space and a lower-case verb ("Hale said").
            let after = &text[u.end..];
            if !after.starts_with(' ')
                || !after[1..].chars().next().is_some_and(char::is_lowercase)
                || word_before(text, u.start).is_some_and(|(_, w)| {
                    w.chars().next().is_some_and(char::is_uppercase) && !HONORIFICS.contains(&w)
                })
            {
                continue;
            }
            cands.push((a.range(), age, u.end));
        }
    }
    let (age_span, age, at) = rng.pick(&cands)?.clone();
    let shift = 2 + rng.below(4) as u32;
    let new = if rng.below(2) == 0 || age < 20 {
        age + shift
    } else {
        age - shift
    };
    let with = format!(", {new},");
    Some(Perturbation {
        summary: format!("age {age} also given as {new}"),
        expected: vec![age_span, at..at],
        replace: at..at,
        with,
    })
}

/// P004: a quotation attributed to one person repeated at the end, attributed to another.
pub fn second_speaker(doc: &Doc<'_>, rng: &mut SplitMix64) -> Option<Perturbation> {
    let text = doc.text;
    let mut cands = Vec::new();
    for c in quote_re().captures_iter(text) {
        let Some(q) = c.name("q") else { continue };
        let (g, s) = match (c.name("g1"), c.name("s1"), c.name("g2"), c.name("s2")) {
            (Some(g), Some(s), _, _) | (_, _, Some(g), Some(s)) => (g, s),
            _ => continue,
        };
        let words = q.as_str().split_whitespace().count();
        let sentence = &text[sentence_at(text, q.start())];
        let lower = sentence.to_lowercase();
        if words < 8
            || doc.in_headline(&q.range())
            || doc.in_caps_line(q.start())
            || text.matches(q.as_str()).count() > 1
            || [
                "quoting", "citing", "echo", "repeat", "both", "also", "too", "agreed", "slogan",
                "chant",
            ]
            .iter()
            .any(|w| lower.contains(w))
            || !one_person(text, s.as_str(), g.as_str())
        {
            continue;
        }
        cands.push((q.range(), s.as_str().to_string()));
    }
    let (q, surname) = rng.pick(&cands)?.clone();
    let other = ["Alex Morgan", "Jamie Ortega", "Robin Castell"]
        .into_iter()
        .find(|n| !text.contains(n.rsplit(' ').next().unwrap_or(n)) && !n.ends_with(&surname))?;
    let trimmed = text.trim_end();
    let at = trimmed.len();
    let with = format!("\n\n\"{}\" said {other}.", &text[q.clone()]);
    let new_quote = at + 3..at + 3 + q.len();
    Some(Perturbation {
        summary: format!("quotation also attributed to {other}"),
        expected: vec![q, new_quote],
        replace: at..at,
        with,
    })
}
