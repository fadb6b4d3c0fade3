//! Number perturbations: a closed list whose announced count no longer matches its items (N011:
//! an item added or dropped, or the count changed), a headline count that no longer matches the
//! body (N010) and the parts of a total that add up to more than it (N012).

use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

use super::{in_quotes, number_value, sentence_at, write_number_like, Doc, Perturbation};
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

/// Items of a list "A, B and C": split on commas and a final "and"/"or"; each item a name
/// written with capitals (at most five words) or a lower-case item of at most two words, the
/// items N011 counts. `None` when it does not look like a plain list.
pub fn list_items(list: &str) -> Option<usize> {
    let list = list.trim();
    let (head, last) = list
        .rsplit_once(" and ")
        .or_else(|| list.rsplit_once(" or "))?;
    let mut items: Vec<&str> = head.split(',').map(str::trim).collect();
    items.push(last.trim());
    let ok = items.iter().all(|i| {
        let words = i.split_whitespace().count();
        let capital = i.starts_with(|c: char| c.is_uppercase());
        !i.is_empty() && words <= if capital { 5 } else { 2 }
    });
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

/// Closed lists whose count matches their items: (count bytes, list bytes, count, the list's
/// items as byte ranges, the byte where the final " and "/" or " starts).
type ListSite = (Range<usize>, Range<usize>, usize, Vec<Range<usize>>, usize);

/// Item ranges of a plain list at `offset` (see [`list_items`]) and where its final conjunction
/// starts.
pub fn list_item_ranges(list: &str, offset: usize) -> Option<(Vec<Range<usize>>, usize)> {
    let trimmed_end = list.trim_end().len();
    let list = &list[..trimmed_end];
    let conj = list.rfind(" and ").or_else(|| list.rfind(" or "))?;
    let conj_len = if list[conj..].starts_with(" and ") {
        5
    } else {
        4
    };
    let mut items = Vec::new();
    let mut start = 0;
    for part in list[..conj].split(',') {
        let lead = part.len() - part.trim_start().len();
        let r = start + lead..start + part.trim_end().len();
        items.push(offset + r.start..offset + r.end);
        start += part.len() + 1;
    }
    let last = conj + conj_len;
    items.push(offset + last..offset + list.len());
    Some((items, offset + conj))
}

fn list_sites(doc: &Doc<'_>) -> Vec<ListSite> {
    list_re()
        .captures_iter(doc.text)
        .filter_map(|c| {
            let n = c.name("n")?;
            let list = c.name("list")?;
            let count = value(n.as_str())?;
            if list_items(list.as_str())? != count || doc.in_caps_line(n.start()) {
                return None;
            }
            let (items, conj) = list_item_ranges(list.as_str(), list.start())?;
            let end = items.last()?.end;
            Some((n.start()..n.end(), list.start()..end, count, items, conj))
        })
        .collect()
}

/// Capitalised names to add to a list of names (places, companies, people alike).
const NEW_NAMES: &[&str] = &[
    "Norway", "Peru", "Kenya", "Portugal", "Chile", "Finland", "Vietnam", "Ghana", "Canada",
    "Austria", "Denmark", "Morocco",
];
/// Lower-case items to add to a list of lower-case items.
const NEW_WORDS: &[&str] = &["copper", "timber", "wool", "coal", "sugar", "rubber", "tin"];

/// N011: an item is added to a closed list ("three countries: A, B and C" → "A, B, Peru and
/// C") or, when it has three or more, a middle item is dropped ("A and C").
pub fn list_item(doc: &Doc<'_>, rng: &mut SplitMix64) -> Option<Perturbation> {
    let candidates = list_sites(doc);
    let (n, list, count, items, conj) = rng.pick(&candidates)?.clone();
    let text = doc.text;
    if count >= 3 && rng.below(2) == 0 {
        // Drop item k (1 ≤ k < count - 1) with the comma before it.
        let k = 1 + rng.below(count - 2);
        let replace = items[k - 1].end..items[k].end;
        return Some(Perturbation {
            summary: format!("{} drops {:?}", &text[n.clone()], &text[items[k].clone()]),
            replace,
            with: String::new(),
            expected: vec![list, n],
        });
    }
    let capital = items
        .iter()
        .all(|r| text[r.clone()].starts_with(|c: char| c.is_uppercase()));
    let pool: Vec<&str> = if capital { NEW_NAMES } else { NEW_WORDS }
        .iter()
        .copied()
        .filter(|w| !text.contains(w))
        .collect();
    let new = *rng.pick(&pool)?;
    let with = format!(", {new}");
    Some(Perturbation {
        summary: format!("{} adds {new:?}", &text[n.clone()]),
        replace: conj..conj,
        with,
        expected: vec![list, n],
    })
}

fn parts_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let num = r"\d{1,3}(?:,\d{3})+|\d+";
        let part = |i: u8| {
            format!(
                r"(?P<p{i}>{num}) (?:(?:were|are|was) )?(?:(?P<c{i}>women|men|children|boys|girls|adults|civilians|soldiers|troops|police|policemen|militants|rebels|foreigners|tourists|passengers|crew|students|teachers|workers|killed|dead|injured|wounded|missing|died)\b)"
            )
        };
        let pattern = format!(
            r"(?:\b[Oo]f (?:the|these|those) (?P<t1>{num}) (?P<noun1>[a-z]+)(?: [a-z]+){{0,4}}?, |\b(?P<t2>{num}) (?P<noun2>people|victims|passengers|casualties|dead|workers|students|prisoners|hostages|refugees|soldiers)(?: [a-z]+){{0,6}}?, of whom ){p1}(?: [a-z]+){{0,3}}?(?:, | and ){p2}\b",
            p1 = part(1),
            p2 = part(2)
        );
        Regex::new(&pattern).expect("static regex")
    })
}

/// A total broken into two parts that fit it: (total bytes, part bytes ×2, total, parts ×2).
type PartsSite = (Range<usize>, [Range<usize>; 2], u64, [u64; 2]);

/// Breakdowns of `doc` whose parts do not exceed their total, with no qualifier in the sentence.
pub fn parts_sites(doc: &Doc<'_>) -> Vec<PartsSite> {
    let text = doc.text;
    let mut out = Vec::new();
    for c in parts_re().captures_iter(text) {
        let Some(t) = c.name("t1").or(c.name("t2")) else {
            continue;
        };
        let (Some(p1), Some(p2)) = (c.name("p1"), c.name("p2")) else {
            continue;
        };
        let (Some(total), Some(a), Some(b)) = (
            number_value(t.as_str()),
            number_value(p1.as_str()),
            number_value(p2.as_str()),
        ) else {
            continue;
        };
        let (c1, c2) = (
            c.name("c1").map_or("", |m| m.as_str()),
            c.name("c2").map_or("", |m| m.as_str()),
        );
        let s = sentence_at(text, t.start());
        let lower = text[s].to_lowercase();
        let qualified = [
            "about",
            "nearly",
            "more than",
            "some ",
            "around",
            "at least",
            "almost",
            "over ",
        ]
        .iter()
        .any(|q| lower.contains(q));
        if c1 == c2 || a + b > total || qualified || in_quotes(text, t.start()) {
            continue;
        }
        if (1900..=2099).contains(&total) || doc.in_caps_line(t.start()) {
            continue;
        }
        out.push((
            t.start()..t.end(),
            [p1.start()..p1.end(), p2.start()..p2.end()],
            total,
            [a, b],
        ));
    }
    out
}

/// N012: one part is raised so that the parts exceed the total by 10% of it (at least 2).
pub fn parts_exceed(doc: &Doc<'_>, rng: &mut SplitMix64) -> Option<Perturbation> {
    let candidates = parts_sites(doc);
    let (t, parts, total, values) = rng.pick(&candidates)?.clone();
    let k = rng.below(2);
    let other = values[1 - k];
    let new = total - other + (total / 10).max(2) + rng.below(3) as u64;
    let old = &doc.text[parts[k].clone()];
    let with = write_number_like(new, old);
    Some(Perturbation {
        summary: format!("total {total}: part {old} → {with}"),
        replace: parts[k].clone(),
        with,
        expected: vec![parts[k].clone(), t],
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
        assert_eq!(list_items("low grain prices and high cattle prices"), None);
        assert_eq!(list_items("wheat, spring barley and rye"), Some(3));
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
    fn list_item_ranges_and_sites() {
        let list = "Albania, Greece and North Macedonia";
        let (items, conj) = list_item_ranges(list, 10).expect("list");
        let got: Vec<&str> = items
            .iter()
            .map(|r| &list[r.start - 10..r.end - 10])
            .collect();
        assert_eq!(got, vec!["Albania", "Greece", "North Macedonia"]);
        assert_eq!(conj, 10 + 15);
    }

    #[test]
    fn list_item_adds_or_drops_one_item() {
        let text = "Headline\n\nIt visited three countries: Albania, Greece and Romania.\n";
        let mut seen = std::collections::BTreeSet::new();
        for seed in 0..24 {
            let p = list_item(&Doc::new(text, None), &mut SplitMix64::new(seed)).expect("case");
            assert_eq!(&text[p.expected[0].clone()], "Albania, Greece and Romania");
            assert_eq!(&text[p.expected[1].clone()], "three");
            let copy = check_copy(text, &p);
            let e = p.expected_in_copy();
            assert_eq!(&copy[e[1].clone()], "three");
            let listed = copy[e[0].clone()].to_string();
            if p.with.is_empty() {
                assert_eq!(listed, "Albania and Romania");
            } else {
                let conj = text.find(" and").unwrap_or(0);
                assert_eq!(p.replace, conj..conj);
                assert_eq!(listed, format!("Albania, Greece{} and Romania", p.with));
                assert!(NEW_NAMES.contains(&&p.with[2..]));
            }
            seen.insert(p.with.is_empty());
        }
        assert_eq!(seen.len(), 2);
        // Two items: only an addition; lower-case items get a lower-case word.
        let two = "Headline\n\nIt sells two goods: wheat and barley.\n";
        for seed in 0..8 {
            let p = list_item(&Doc::new(two, None), &mut SplitMix64::new(seed)).expect("case");
            assert!(NEW_WORDS.contains(&&p.with[2..]));
            check_copy(two, &p);
        }
    }

    #[test]
    fn parts_exceed_raises_one_part() {
        let text = "Headline\n\nOf the 120 victims, 50 were women and 60 men.\n";
        let d = Doc::new(text, None);
        let sites = parts_sites(&d);
        assert_eq!(sites.len(), 1);
        assert_eq!(sites[0].2, 120);
        assert_eq!(sites[0].3, [50, 60]);
        for seed in 0..16 {
            let p = parts_exceed(&d, &mut SplitMix64::new(seed)).expect("case");
            let old: u64 = text[p.replace.clone()].parse().unwrap_or(0);
            let new: u64 = p.with.parse().unwrap_or(0);
            let other = 110 - old;
            assert!(new + other >= 120 + 12 && new + other <= 120 + 14, "{new}");
            assert_eq!(&text[p.expected[1].clone()], "120");
            check_copy(text, &p);
        }
        let whom = "Headline\n\n120 people died, of whom 50 were women and 70 men.\n";
        assert_eq!(parts_sites(&Doc::new(whom, None)).len(), 1);
        let over = "Headline\n\nOf the 120 victims, 50 were women and 80 men.\n";
        assert!(parts_sites(&Doc::new(over, None)).is_empty());
        let about = "Headline\n\nOf the about 120 victims, 50 were women and 60 men.\n";
        assert!(parts_sites(&Doc::new(about, None)).is_empty());
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
