//! P001 (formerly N001) perturbation: one occurrence of a person's surname respelt with a transliteration
//! variant.
//!
//! A surname candidate is a capitalised word written at least twice in mixed-case text, at least
//! once right after an honorific or title ("Mr Boesky", "President Gorbachev") or a capitalised
//! given name ("Mikhail Khodorkovsky"). The variant must not already occur in the article.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use regex::Regex;

use super::{Doc, Perturbation};
use crate::prng::SplitMix64;

/// Words before a surname that mark it as a person's name.
const TITLES: &[&str] = &[
    "Mr",
    "Mrs",
    "Ms",
    "Miss",
    "Dr",
    "Prof",
    "Professor",
    "Sir",
    "Lord",
    "Lady",
    "President",
    "Premier",
    "Minister",
    "Chancellor",
    "Senator",
    "Sen",
    "Governor",
    "Gov",
    "Rep",
    "Judge",
    "Justice",
    "Chairman",
    "Secretary",
    "Ambassador",
    "Coach",
    "Captain",
];

/// Capitalised words that are not given names, so "General Electric" is no person.
const NOT_GIVEN: &[&str] = &[
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "Of",
    "For",
    "And",
    "But",
    "New",
    "General",
    "National",
    "American",
    "British",
    "Soviet",
    "Russian",
    "Pacific",
    "Atlantic",
    "United",
    "Royal",
    "First",
    "West",
    "East",
    "North",
    "South",
    "Central",
    "Western",
    "Eastern",
    "Northern",
    "Southern",
    "International",
    "Federal",
    "State",
    "City",
    "Group",
    "Bank",
    "Corp",
    "Inc",
    "Co",
    "Ltd",
];

fn word_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"\b[A-Z][a-z]+\b").expect("static regex"))
}

/// The transliteration variant of `word`, if one of our patterns applies: -sky ↔ -skiy,
/// -skyy → -sky, -ov → -off, -ev → -eff, -vic → -vich, initial Ch → Tch, initial Tch → Ch.
pub fn variant(word: &str) -> Option<String> {
    if word.len() < 5 {
        return None;
    }
    let stem = |suffix: &str| &word[..word.len() - suffix.len()];
    let v = if word.ends_with("skyy") {
        format!("{}sky", stem("skyy"))
    } else if word.ends_with("skiy") {
        format!("{}sky", stem("skiy"))
    } else if word.ends_with("sky") {
        format!("{}skiy", stem("sky"))
    } else if word.ends_with("ov") {
        format!("{}off", stem("ov"))
    } else if word.ends_with("ev") {
        format!("{}eff", stem("ev"))
    } else if word.ends_with("vic") {
        format!("{}vich", stem("vic"))
    } else if let Some(rest) = word.strip_prefix("Tch") {
        format!("Ch{rest}")
    } else if let Some(rest) = word.strip_prefix("Ch") {
        // Only Slavic-looking names: "Chernenko", "Chubais", not "Charles" or "Charter".
        let slavic = ["enko", "in", "uk", "yk", "ais", "ik"];
        if !rest.starts_with(['a', 'e', 'i', 'o', 'u']) || !slavic.iter().any(|e| rest.ends_with(e))
        {
            return None;
        }
        format!("Tch{rest}")
    } else {
        return None;
    };
    Some(v)
}

/// The word before byte `pos` on the same line (skipping one space and a full stop), if any.
fn previous_word(text: &str, pos: usize) -> Option<&str> {
    let before = text.get(..pos)?.strip_suffix(' ')?;
    let before = before.strip_suffix('.').unwrap_or(before);
    let start = before
        .rfind(|c: char| !c.is_ascii_alphabetic())
        .map_or(0, |i| i + 1);
    let w = &before[start..];
    (!w.is_empty()).then_some(w)
}

/// True when the word at `pos` (of length `len`) ends a name: it follows a title or a capitalised
/// given name and is not followed by another capitalised word ("Chancellor Gerhard Schroeder").
fn looks_like_person(text: &str, pos: usize, len: usize) -> bool {
    let next_capital = text
        .get(pos + len..)
        .and_then(|rest| rest.strip_prefix(' '))
        .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_uppercase()));
    if next_capital {
        return false;
    }
    let Some(prev) = previous_word(text, pos) else {
        return false;
    };
    if TITLES.contains(&prev) {
        return true;
    }
    prev.len() >= 2
        && prev.starts_with(|c: char| c.is_ascii_uppercase())
        && prev[1..].chars().all(|c| c.is_ascii_lowercase())
        && !NOT_GIVEN.contains(&prev)
}

/// P001: respell one mixed-case occurrence of a surname that occurs at least twice.
pub fn respell(doc: &Doc<'_>, rng: &mut SplitMix64) -> Option<Perturbation> {
    let text = doc.text;
    let mut words: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for m in word_re().find_iter(text) {
        if doc.in_caps_line(m.start()) {
            continue;
        }
        words.entry(m.as_str()).or_default().push(m.start());
    }
    let candidates: Vec<(&str, String, Vec<usize>)> = words
        .iter()
        .filter(|(_, at)| at.len() >= 2)
        .filter_map(|(w, at)| {
            let v = variant(w)?;
            if TITLES.contains(w)
                || NOT_GIVEN.contains(w)
                || text.contains(v.as_str())
                || !at.iter().any(|&p| looks_like_person(text, p, w.len()))
            {
                return None;
            }
            Some((*w, v, at.clone()))
        })
        .collect();
    let (word, v, at) = rng.pick(&candidates)?.clone();
    let pos = *rng.pick(&at)?;
    Some(Perturbation {
        summary: format!("{word} → {v}"),
        replace: pos..pos + word.len(),
        with: v,
        expected: vec![pos..pos + word.len()],
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::perturb::testutil::check_copy;

    #[test]
    fn variants() {
        assert_eq!(variant("Zelensky").as_deref(), Some("Zelenskiy"));
        assert_eq!(variant("Zelenskiy").as_deref(), Some("Zelensky"));
        assert_eq!(variant("Zelenskyy").as_deref(), Some("Zelensky"));
        assert_eq!(variant("Karpov").as_deref(), Some("Karpoff"));
        assert_eq!(variant("Gorbachev").as_deref(), Some("Gorbacheff"));
        assert_eq!(variant("Milosevic").as_deref(), Some("Milosevich"));
        assert_eq!(variant("Chernenko").as_deref(), Some("Tchernenko"));
        assert_eq!(variant("Chubais").as_deref(), Some("Tchubais"));
        assert_eq!(variant("Charles"), None);
        assert_eq!(variant("Chancellor"), None);
        assert_eq!(variant("Tchaikovsky").as_deref(), Some("Tchaikovskiy"));
        assert_eq!(variant("Christie"), None);
        assert_eq!(variant("Smith"), None);
        assert_eq!(variant("Kiev"), None);
    }

    #[test]
    fn respells_one_occurrence_of_a_repeated_surname() {
        let text = "Headline\n\nMikhail Gorbachev spoke. Later Gorbachev left. Karpov won.\n";
        let d = Doc::new(text, None);
        let mut positions = std::collections::BTreeSet::new();
        for seed in 0..16 {
            let p = respell(&d, &mut SplitMix64::new(seed)).expect("candidate");
            assert_eq!(p.with, "Gorbacheff");
            assert_eq!(&text[p.replace.clone()], "Gorbachev");
            assert_eq!(p.expected, vec![p.replace.clone()]);
            let copy = check_copy(text, &p);
            assert_eq!(&copy[p.expected_in_copy()[0].clone()], "Gorbacheff");
            assert_eq!(copy.matches("Gorbachev").count(), 1);
            positions.insert(p.replace.start);
        }
        assert_eq!(positions.into_iter().collect::<Vec<_>>(), vec![18, 41]);
    }

    #[test]
    fn needs_a_person_context_and_no_existing_variant() {
        let once = "Headline\n\nThe Kharkov plant and the Kharkov office.\n";
        assert_eq!(
            respell(&Doc::new(once, None), &mut SplitMix64::new(1)),
            None
        );
        let both = "Headline\n\nMr Karpov and Karpov and Karpoff.\n";
        assert_eq!(
            respell(&Doc::new(both, None), &mut SplitMix64::new(1)),
            None
        );
        let not_last = "Headline\n\nMr Karpov Smith met Karpov Smith.\n";
        assert_eq!(
            respell(&Doc::new(not_last, None), &mut SplitMix64::new(1)),
            None
        );
        let titled = "Headline\n\nMr Karpov met Karpov.\n";
        assert!(respell(&Doc::new(titled, None), &mut SplitMix64::new(1)).is_some());
    }
}
