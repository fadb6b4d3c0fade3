//! Number perturbations: a closed list whose announced count no longer matches its items (N011)
//! and a headline count that no longer matches the body (N010).

use std::sync::OnceLock;

use regex::Regex;

use super::{Doc, Perturbation};
use crate::prng::SplitMix64;

/// Number words two to twelve, indexed by value.
const WORDS: [&str; 13] = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve",
];

fn list_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"\b(?P<n>(?i:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)|[2-9])\s+(?:[a-z]+\s+){0,2}?[a-z]+s\s*:\s*(?P<list>[^.:;!?\n]+)",
        )
        .expect("static regex")
    })
}

fn value(word: &str) -> Option<usize> {
    word.parse::<usize>()
        .ok()
        .or_else(|| WORDS.iter().position(|w| w.eq_ignore_ascii_case(word)))
}

/// `n` written like `model` (digit, lowercase word or capitalised word).
fn write_like(n: usize, model: &str) -> String {
    if model.starts_with(|c: char| c.is_ascii_digit()) {
        return n.to_string();
    }
    let w = WORDS.get(n).copied().unwrap_or("many");
    if model.starts_with(|c: char| c.is_ascii_uppercase()) {
        let mut c = w.chars();
        c.next()
            .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
            .unwrap_or_default()
    } else {
        w.to_string()
    }
}

/// Items of a list "A, B and C": split on commas and a final "and"/"or"; each item at most five
/// words. `None` when it does not look like a plain list.
pub fn list_items(list: &str) -> Option<usize> {
    let list = list.trim();
    let (head, last) = list
        .rsplit_once(" and ")
        .or_else(|| list.rsplit_once(" or "))?;
    let mut items: Vec<&str> = head.split(',').map(str::trim).collect();
    items.push(last.trim());
    let ok = items
        .iter()
        .all(|i| !i.is_empty() && i.split_whitespace().count() <= 5);
    ok.then_some(items.len())
}

/// N011: the count announcing a closed list ("three countries: A, B and C") is changed by one.
pub fn list_count(doc: &Doc<'_>, rng: &mut SplitMix64) -> Option<Perturbation> {
    let candidates: Vec<(std::ops::Range<usize>, std::ops::Range<usize>, usize)> = list_re()
        .captures_iter(doc.text)
        .filter_map(|c| {
            let n = c.name("n")?;
            let list = c.name("list")?;
            let count = value(n.as_str())?;
            (list_items(list.as_str())? == count && !doc.in_caps_line(n.start()))
                .then(|| (n.start()..n.end(), list.start()..list.end(), count))
        })
        .collect();
    let (n, list, count) = rng.pick(&candidates)?.clone();
    let new = if count > 2 && rng.below(2) == 0 {
        count - 1
    } else {
        count + 1
    };
    let old = &doc.text[n.clone()];
    let with = write_like(new, old);
    Some(Perturbation {
        summary: format!("{old} → {with} (list of {count})"),
        replace: n.clone(),
        with,
        expected: vec![n, list],
    })
}

fn count_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"\b(?P<n>[1-9]\d{0,3})\s+(?P<w>[A-Za-z]{3,})\b").expect("static regex")
    })
}

/// N010: a number in the headline that the body repeats with the same following word
/// ("12 killed" / "12 killed") is changed in the headline.
pub fn headline_count(doc: &Doc<'_>, rng: &mut SplitMix64) -> Option<Perturbation> {
    let text = doc.text;
    let bytes = text.as_bytes();
    let plain = |s: usize, e: usize| {
        let before = s.checked_sub(1).and_then(|i| bytes.get(i)).copied();
        let after = bytes.get(e).copied();
        !matches!(before, Some(b'.' | b',' | b'$' | b'-' | b'/'))
            && !matches!(after, Some(b'.' | b',' | b'%' | b'-' | b'/'))
    };
    let body_start = doc.headline.end;
    let mut candidates = Vec::new();
    for c in count_re().captures_iter(text.get(doc.headline.clone())?) {
        let (Some(n), Some(w)) = (c.name("n"), c.name("w")) else {
            continue;
        };
        let (s, e) = (doc.headline.start + n.start(), doc.headline.start + n.end());
        let value: usize = n.as_str().parse().ok()?;
        // A counted noun in lowercase, not a name ("50 Cent", "BBC 6 Music", "Band Aid 20").
        let prev_capital = doc.text[doc.headline.start..s]
            .split_whitespace()
            .next_back()
            .is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()));
        let noun_lower = w.as_str().chars().all(|c| c.is_ascii_lowercase());
        if !plain(s, e) || (1900..=2099).contains(&value) || prev_capital || !noun_lower {
            continue;
        }
        let body = count_re()
            .captures_iter(text.get(body_start..)?)
            .filter_map(|b| Some((b.name("n")?, b.name("w")?)))
            .find(|(bn, bw)| {
                bn.as_str() == n.as_str()
                    && bw.as_str().eq_ignore_ascii_case(w.as_str())
                    && plain(body_start + bn.start(), body_start + bn.end())
            })
            .map(|(bn, _)| body_start + bn.start()..body_start + bn.end());
        if let Some(b) = body {
            candidates.push((s..e, b, value));
        }
    }
    let (h, b, value) = rng.pick(&candidates)?.clone();
    let new = if value < 10 {
        value + 1 + rng.below(3)
    } else {
        value + value / 4 + 1
    };
    Some(Perturbation {
        summary: format!("headline {value} → {new}"),
        replace: h.clone(),
        with: new.to_string(),
        expected: vec![h, b],
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::perturb::testutil::check_copy;

    #[test]
    fn list_items_counts() {
        assert_eq!(list_items("Albania, Greece and Romania"), Some(3));
        assert_eq!(list_items("Albania and Greece"), Some(2));
        assert_eq!(list_items("Albania, Greece"), None);
        assert_eq!(
            list_items("a very long first item of many words, b and c"),
            None
        );
    }

    #[test]
    fn list_count_changes_the_number_by_one() {
        let text = "Headline\n\nIt visited three countries: Albania, Greece and Romania.\n";
        let mut seen = std::collections::BTreeSet::new();
        for seed in 0..16 {
            let p = list_count(&Doc::new(text, None), &mut SplitMix64::new(seed)).expect("case");
            assert_eq!(&text[p.replace.clone()], "three");
            assert_eq!(&text[p.expected[1].clone()], "Albania, Greece and Romania");
            let copy = check_copy(text, &p);
            assert_eq!(&copy[p.expected_in_copy()[0].clone()], p.with);
            seen.insert(p.with);
        }
        assert_eq!(seen.into_iter().collect::<Vec<_>>(), vec!["four", "two"]);
        let wrong = "Headline\n\nIt visited four countries: Albania, Greece and Romania.\n";
        assert_eq!(
            list_count(&Doc::new(wrong, None), &mut SplitMix64::new(1)),
            None
        );
    }

    #[test]
    fn headline_count_changes_the_headline() {
        let text = "Storm leaves 12 dead in Kent\n\nA storm left 12 dead and 30% without power.\n";
        let p = headline_count(&Doc::new(text, None), &mut SplitMix64::new(1)).expect("case");
        assert_eq!(p.replace, 13..15);
        assert_eq!(p.with, "16");
        assert_eq!(&text[p.expected[1].clone()], "12");
        let copy = check_copy(text, &p);
        assert_eq!(
            copy,
            "Storm leaves 16 dead in Kent\n\nA storm left 12 dead and 30% without power.\n"
        );
        let name = "Rapper 50 Cent tops chart\n\nRapper 50 Cent has a hit.\n";
        assert_eq!(
            headline_count(&Doc::new(name, None), &mut SplitMix64::new(1)),
            None
        );
        let none = "Storm leaves 12 dead\n\nA storm left 14 dead.\n";
        assert_eq!(
            headline_count(&Doc::new(none, None), &mut SplitMix64::new(1)),
            None
        );
    }
}
