//! Lists: a stated count followed by an exhaustive marker and the items it enumerates ("three
//! countries: Albania, Greece, Romania and Bulgaria"), for N011 and `claimlint claims`.
//!
//! A list is read after a count with a counted noun and no event verb, when a colon, a dash or
//! "namely" follows the noun. Items are split on commas and "and" (an Oxford comma keeps "and"
//! inside items); a name containing "and" or "&" counts once when it is listed
//! (`rules/lexicons/lists.toml` `[and_names]`) or is a single place of the gazetteer; a city and
//! its division or country ("Portland, Oregon") are one item; ages and appositives are not
//! items. Open lists ("including", "such as", "and others") and lists that may hold a title
//! with "and" ("War and Peace") give no claim. Spans are **bytes** into the article text.

use serde::Serialize;

use crate::article::{Article, SegmentKind};
use crate::knowledge::gazetteer;
use crate::knowledge::lexicon::{self, lists};
use crate::source::Span;

use super::numbers::{Kind, NumberMention};

/// A count and the closed list that follows it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ListClaim {
    /// Index of the count in `Mentions::numbers`.
    pub count: usize,
    /// The stated count as written, number to counted noun ("three countries").
    pub stated: Span,
    /// The list, first item to last (markers excluded).
    pub span: Span,
    /// The items, as read (leading "and" and "the" dropped).
    pub items: Vec<String>,
    /// True when the count lies inside a quotation.
    pub quoted: bool,
}

/// Every list after a count in `numbers` (the article's numbers, in document order).
pub fn extract(article: &Article, numbers: &[NumberMention]) -> Vec<ListClaim> {
    numbers
        .iter()
        .enumerate()
        .filter_map(|(i, m)| list_after(article, i, m))
        .collect()
}

fn list_after(article: &Article, index: usize, m: &NumberMention) -> Option<ListClaim> {
    if m.kind != Kind::Count || m.modifier || m.counted.verb.is_some() {
        return None;
    }
    let noun = m.counted.noun_span?;
    let text = &article.text;
    let seg = article.segment_at(m.span.start)?;
    // An all-caps headline has no capitals to tell names by.
    if seg.kind == SegmentKind::Headline
        && article
            .casing_at(seg.span.start)
            .is_some_and(|c| c.all_caps)
    {
        return None;
    }
    let rest = text.get(noun.end..seg.span.end)?;
    let (marker_len, dash) = exhaustive_marker(rest)?;
    let list_start = noun.end + marker_len;
    let list_text = text.get(list_start..seg.span.end)?;
    let (items, list_len) = parse_list(list_text, dash)?;
    Some(ListClaim {
        count: index,
        stated: Span::new(m.span.start, noun.end),
        span: Span::new(list_start, list_start + list_len),
        items,
        quoted: m.quoted,
    })
}

/// The exhaustive marker right after the counted noun: ":", " — ", " – ", " - ", ", namely",
/// " namely". Returns its length in bytes (with surrounding spaces) and whether it is a dash.
fn exhaustive_marker(rest: &str) -> Option<(usize, bool)> {
    let trimmed = rest.trim_start();
    let ws = rest.len() - trimmed.len();
    for (m, dash) in [(":", false), ("—", true), ("–", true), ("--", true)] {
        if let Some(after) = trimmed.strip_prefix(m) {
            let ws2 = after.len() - after.trim_start().len();
            return Some((ws + m.len() + ws2, dash));
        }
    }
    if ws > 0 {
        if let Some(after) = trimmed.strip_prefix("- ") {
            let ws2 = after.len() - after.trim_start().len();
            return Some((ws + 2 + ws2, true));
        }
    }
    // Compare the marker's bytes only: lower-casing the rest of the segment here made a
    // single-line file quadratic.
    for m in [", namely ", "namely "] {
        if trimmed
            .as_bytes()
            .get(..m.len())
            .is_some_and(|b| b.eq_ignore_ascii_case(m.as_bytes()))
        {
            return Some((ws + m.len(), false));
        }
    }
    None
}

/// Count the items of a list starting at the beginning of `s`. The list ends at a sentence end,
/// ";", ")" or, after a dash marker, at the closing dash. Returns the items and the list's byte
/// length, or `None` when the text does not read as a closed list of short items.
fn parse_list(s: &str, dash: bool) -> Option<(Vec<String>, usize)> {
    // Find the end.
    let mut end = s.len();
    let mut depth = 0i32;
    for (i, c) in s.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                if depth == 0 {
                    end = i;
                    break;
                }
                depth -= 1;
            }
            ';' | '\n' | '"' | '“' | '”' | ':' if depth == 0 => {
                end = i;
                break;
            }
            '.' | '!' | '?' if depth == 0 => {
                let next = s.get(i + c.len_utf8()..).unwrap_or_default().chars().next();
                let prev_word: String = s
                    .get(..i)
                    .unwrap_or_default()
                    .chars()
                    .rev()
                    .take_while(|c| c.is_alphabetic())
                    .collect();
                // "St. Kitts", "U.S." initials and "LLC. and" continue the list
                let after = s
                    .get(i + c.len_utf8()..)
                    .unwrap_or_default()
                    .trim_start()
                    .chars()
                    .next();
                let abbrev = lexicon::contains(
                    lists::ABBREVIATIONS,
                    &prev_word.to_lowercase().chars().rev().collect::<String>(),
                );
                let after_digit = s
                    .get(..i)
                    .is_some_and(|b| b.ends_with(|c: char| c.is_ascii_digit()));
                if next.is_none_or(|n| n.is_whitespace())
                    && (prev_word.chars().count() > 2 || after_digit)
                    && !(abbrev && after.is_some_and(|a| a.is_lowercase()))
                {
                    end = i;
                    break;
                }
            }
            '—' | '–' if depth == 0 && dash => {
                end = i;
                break;
            }
            '-' if depth == 0
                && dash
                && s.get(..i).is_some_and(|b| b.ends_with(' '))
                && s.get(i + 1..).is_some_and(|a| a.starts_with(' ')) =>
            {
                end = i;
                break;
            }
            _ => {}
        }
    }
    let list = s.get(..end).unwrap_or_default();
    let trimmed_len = list.trim_end().trim_end_matches(',').trim_end().len();
    // Drop parentheticals.
    let mut flat = String::new();
    let mut depth = 0;
    for c in list.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            _ if depth == 0 => flat.push(c),
            _ => {}
        }
    }
    let flat = strip_tickers(&flat);
    let lower = flat.to_lowercase();
    let first = lower.split_whitespace().next()?;
    if lexicon::contains(lists::OPEN_MARKERS, first.trim_end_matches(',')) {
        return None;
    }
    // Substrings, as written ("etc." and "etc" alike).
    if lists::OPEN_TAILS.iter().any(|tail| lower.contains(tail)) {
        return None;
    }
    // Lists of alternatives ("Bank A or Bank B") name candidates, not the counted set.
    if lower.split_whitespace().any(|w| w == "or" || w == "nor") {
        return None;
    }
    // Split on commas. With an Oxford comma (", and Z") "and" inside an item belongs to the
    // item ("information and electronic systems"); otherwise the last item splits on "and".
    let mut parts: Vec<&str> = flat
        .split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    // "Chile, Peru and Bolivia, signed the pact": after names, a lower-case part is the
    // sentence going on.
    let starts_upper = |p: &str| {
        p.strip_prefix("the ")
            .unwrap_or(p)
            .split_whitespace()
            .next()
            .is_some_and(namey_word)
    };
    if parts.first().is_some_and(|p| starts_upper(p)) {
        // In a list of names, ages ("John Smith, 45,") and appositives ("Rishi Sunak, the
        // chancellor, and ...") between commas are not items.
        let appositive = |p: &str| {
            p.trim_end_matches('.').chars().all(|c| c.is_ascii_digit())
                || ["the ", "a ", "an "].iter().any(|a| {
                    p.strip_prefix(a).is_some_and(|r| {
                        r.split_whitespace().next().is_some_and(|w| !namey_word(w))
                    })
                })
        };
        parts.retain(|p| !appositive(p));
        // "Portland, Oregon", "Washington, D.C.": a city and the division or country it lies
        // in are one item.
        let mut k = 0;
        while let (Some(&part), Some(&next)) = (parts.get(k), parts.get(k + 1)) {
            if city_in(part, next) {
                let start = part.as_ptr() as usize - flat.as_ptr() as usize;
                let end = next.as_ptr() as usize - flat.as_ptr() as usize + next.len();
                if let (Some(slot), Some(joined)) = (parts.get_mut(k), flat.get(start..end)) {
                    *slot = joined;
                }
                parts.remove(k + 1);
            }
            k += 1;
        }
        while parts.len() > 1
            && parts
                .last()
                .is_some_and(|p| !starts_upper(p) && !p.starts_with("and "))
        {
            parts.pop();
        }
    }
    let oxford = parts.len() > 1
        && parts
            .iter()
            .skip(1)
            .any(|p| p.to_lowercase().starts_with("and "));
    let mut items: Vec<String> = Vec::new();
    for (pi, part) in parts.iter().enumerate() {
        let last_part = pi + 1 == parts.len();
        if oxford || !last_part {
            // "War and Peace, ...": an item joined by "and" that is not one known name may be
            // one title or two items; do not guess.
            let body = part
                .strip_prefix("and ")
                .or_else(|| part.strip_prefix("And "))
                .unwrap_or(part);
            if body.split_whitespace().any(|w| w == "and") && !is_and_name(body) {
                return None;
            }
            items.push((*part).to_string());
            continue;
        }
        let mut words: Vec<&str> = part.split_whitespace().collect();
        // A list of names ends where lower-case words begin ("... and Tobago qualified").
        if words
            .first()
            .and_then(|w| w.chars().next())
            .is_some_and(char::is_uppercase)
        {
            let keep = words
                .iter()
                .take_while(|w| {
                    namey_word(w) || **w == "&" || lexicon::contains(lists::NAME_CONNECTORS, w)
                })
                .count();
            words.truncate(keep);
            while words
                .last()
                .is_some_and(|w| lexicon::contains(lists::NAME_CONNECTORS, w))
            {
                words.pop();
            }
        }
        let mut cur: Vec<&str> = Vec::new();
        let mut pieces: Vec<String> = Vec::new();
        for (k, w) in words.iter().enumerate() {
            if w.eq_ignore_ascii_case("and") && k > 0 {
                pieces.push(cur.join(" "));
                cur.clear();
                continue;
            }
            cur.push(w);
        }
        pieces.push(cur.join(" "));
        let mut merged: Vec<String> = Vec::new();
        let mut unresolved = 0;
        for p in pieces {
            let p = p.trim().to_string();
            if p.is_empty() {
                continue;
            }
            if let Some(last) = merged.last_mut() {
                let joined = format!("{last} and {p}");
                if is_and_name(&joined) {
                    *last = joined;
                    continue;
                }
                unresolved += 1;
            }
            merged.push(p);
        }
        // "Anna Karenina and Crime and Punishment": two "and"s, one of them inside a title
        // or not: do not guess.
        if unresolved > 1 {
            return None;
        }
        items.extend(merged);
    }
    // An item of several names joined by "and" that is one name ("Bosnia and Herzegovina")
    // stays one; with an Oxford comma nothing is split inside items anyway.
    // Leading "and" of an Oxford comma ("and Bulgaria") and "the" ("the UAE").
    for it in &mut items {
        for pre in ["and ", "And "] {
            if let Some(r) = it.strip_prefix(pre) {
                *it = r.to_string();
            }
        }
        if let Some(r) = it.strip_prefix("the ") {
            *it = r.to_string();
        }
    }
    if items.is_empty() {
        return None;
    }
    // "Chile, Peru and Bolivia, signed ...": after two or more names, lower-case items are the
    // sentence going on, not list items.
    if let Some(k) = items.iter().position(|it| !is_name(it)) {
        if k >= 2
            && items
                .iter()
                .skip(k)
                .all(|it| it.split_whitespace().next().is_some_and(|w| !namey_word(w)))
        {
            items.truncate(k);
        }
    }
    // "..., Romania and Bulgaria met on Monday": the last name ends where lower-case words begin.
    let n_items = items.len();
    if n_items >= 2 && items.iter().take(n_items - 1).all(|it| is_name(it)) {
        if let Some(last) = items.last_mut() {
            let keep: Vec<&str> = last
                .split_whitespace()
                .take_while(|w| namey_word(w) || *w == "&")
                .collect();
            if !keep.is_empty() {
                *last = keep.join(" ");
            }
        }
    }
    // Every item must be a short name (capitalised words, small connectors allowed) or, for a
    // list of lower-case items, at most two words each.
    let capitalised = items.iter().all(|it| is_name(it));
    let short = items.iter().all(|it| {
        let n = it.split_whitespace().count();
        (1..=2).contains(&n)
            && it
                .chars()
                .all(|c| c.is_alphabetic() || c == ' ' || c == '-')
    });
    if !(capitalised || short) {
        return None;
    }
    // The list's span ends with its last item (its last word, should spacing differ).
    let len = items
        .last()
        .and_then(|it| {
            list.rfind(it.as_str()).map(|p| p + it.len()).or_else(|| {
                let w = it.split_whitespace().last()?;
                list.rfind(w).map(|p| p + w.len())
            })
        })
        .unwrap_or(trimmed_len);
    Some((items, len))
}

/// Remove wire-service ticker codes ("<VOLV.S>") and unwrap bracketed names
/// ("<Olympic Airways>" becomes "Olympic Airways").
fn strip_tickers(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(open) = rest.find('<') {
        out.push_str(rest.get(..open).unwrap_or_default());
        let after = rest.get(open + 1..).unwrap_or_default();
        match after.find('>') {
            Some(close) => {
                let inner = after.get(..close).unwrap_or_default();
                let ticker = !inner.contains(' ')
                    && (inner.contains('.') || !inner.chars().any(|c| c.is_lowercase()));
                if !ticker {
                    out.push_str(inner);
                }
                rest = after.get(close + 1..).unwrap_or_default();
            }
            None => {
                out.push_str(rest.get(open..).unwrap_or_default());
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// True when `s`, joined by "and", is one name: a listed one or a single place of the gazetteer
/// (a country, division or city, not a grouping such as "Australia and New Zealand").
fn is_and_name(s: &str) -> bool {
    let l = s.to_lowercase().replace(" & ", " and ");
    lexicon::contains(lists::AND_NAMES, &l)
        || gazetteer::lookup(s).iter().any(|h| {
            h.flags & (gazetteer::MAIN | gazetteer::ALT) != 0
                && gazetteer::place(h.place).is_some_and(|p| p.kind != gazetteer::PlaceKind::Region)
        })
}

/// A word that reads as (part of) a name: capitalised, a digit, or a brand with a capital
/// inside ("easyJet", "eBay").
fn namey_word(w: &str) -> bool {
    let mut cs = w.chars();
    match cs.next() {
        Some(c) if c.is_uppercase() || c.is_ascii_digit() => true,
        Some(c) if c.is_lowercase() => cs.any(char::is_uppercase),
        _ => false,
    }
}

/// True when `outer` is the division or country that city `city` lies in ("Portland" /
/// "Oregon", "Paris" / "France", "Washington" / "D.C."). A name that is also a country
/// ("Luxembourg") is never such a city.
fn city_in(city: &str, outer: &str) -> bool {
    let city = city.trim();
    let outer = outer.trim();
    if outer.starts_with("and ") || outer.starts_with("the ") {
        return false;
    }
    if city == "Washington" && matches!(outer, "D.C." | "DC" | "D.C") {
        return true;
    }
    let main = gazetteer::MAIN | gazetteer::ALT;
    let kind = |id| gazetteer::place(id).map(|p| p.kind);
    let outers: Vec<gazetteer::PlaceId> = gazetteer::lookup(outer)
        .iter()
        .filter(|h| h.flags & main != 0)
        .filter(|h| {
            matches!(
                kind(h.place),
                Some(gazetteer::PlaceKind::Admin1 | gazetteer::PlaceKind::Country)
            )
        })
        .map(|h| h.place)
        .collect();
    if outers.is_empty() {
        return false;
    }
    let hits = gazetteer::lookup(city);
    if hits
        .iter()
        .any(|h| h.flags & main != 0 && kind(h.place) == Some(gazetteer::PlaceKind::Country))
    {
        return false;
    }
    hits.iter().any(|h| {
        h.flags & main != 0
            && kind(h.place) == Some(gazetteer::PlaceKind::City)
            && outers
                .iter()
                .any(|&o| gazetteer::within(h.place, o) == gazetteer::Within::Yes)
    })
}

/// A short name: 1 to 5 words, each capitalised or a digit, or a small connector.
fn is_name(item: &str) -> bool {
    let words: Vec<&str> = item.split_whitespace().collect();
    if words.is_empty() || words.len() > 5 {
        return false;
    }
    let first_ok = words.first().is_some_and(|w| namey_word(w));
    first_ok
        && words.iter().all(|w| {
            namey_word(w)
                || w.chars().next().is_some_and(|c| !c.is_alphanumeric())
                || lexicon::contains(lists::NAME_CONNECTORS, w)
        })
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::claims::numbers;
    use crate::input::plain::parse;

    /// (stated count, items) of every list in a body paragraph.
    fn lists(body: &str) -> Vec<(f64, Vec<String>)> {
        let a = parse(Arc::from(format!("Headline here\n\n{body}")));
        let nums = numbers::extract(&a);
        extract(&a, &nums)
            .into_iter()
            .map(|l| (nums[l.count].value, l.items))
            .collect()
    }

    fn counts(body: &str) -> Vec<(f64, usize)> {
        lists(body)
            .into_iter()
            .map(|(n, items)| (n, items.len()))
            .collect()
    }

    #[test]
    fn items_and_spans() {
        let t = "Leaders of three countries: Albania, Greece, Romania and Bulgaria met.";
        let a = parse(Arc::from(format!("Headline here\n\n{t}")));
        let nums = numbers::extract(&a);
        let l = extract(&a, &nums);
        assert_eq!(l.len(), 1);
        assert_eq!(a.slice(l[0].stated), "three countries");
        assert_eq!(a.slice(l[0].span), "Albania, Greece, Romania and Bulgaria");
        assert_eq!(l[0].items, vec!["Albania", "Greece", "Romania", "Bulgaria"]);
        assert_eq!(
            counts("Two firms - Ford, GM and Fiat - bid."),
            vec![(2.0, 3)]
        );
        assert_eq!(
            counts("Four nations, namely Chile, Peru and Bolivia, signed."),
            vec![(4.0, 3)]
        );
        assert_eq!(
            lists("Two drugmakers: Pfizer, Johnson & Johnson and Merck were sued.")[0].1,
            vec!["Pfizer", "Johnson & Johnson", "Merck"]
        );
    }

    #[test]
    fn open_or_ambiguous_lists_give_no_claim() {
        for t in [
            "Countries such as Bulgaria, Greece, and Romania attended.",
            "Three countries, including Albania, Greece and Romania, met.",
            "Three countries: Albania, Greece, Romania and others met.",
            "Two reasons: the economy was weak and rates were high and falling.",
            "Three countries: among them Albania, Greece, Romania and Chile.",
            "It sells in three markets--farm tools, garden tools, and heating and cooling units.",
            "One of the three big lenders - Alpha Bank or Beta Bank - will be sold.",
            "It names three novels: War and Peace, Anna Karenina and Crime and Punishment.",
        ] {
            assert!(lists(t).is_empty(), "{t}: {:?}", lists(t));
        }
    }

    #[test]
    fn names_with_and_pairs_appositives_and_ages_count_once() {
        for (t, n) in [
            ("Two countries: Bosnia and Herzegovina and Serbia met.", 2),
            ("Three countries: Trinidad and Tobago, Jamaica and Cuba met.", 3),
            ("The group has three members: Canada, Australia and New Zealand.", 3),
            ("The tour visits three cities: Portland, Oregon, Austin, Texas, and Boston.", 3),
            ("The storms hit two cities: Washington, D.C., and Baltimore.", 2),
            (
                "Two ministers - Rishi Sunak, the chancellor, and Priti Patel, the home secretary - quit.",
                2,
            ),
            (
                "Police charged three people: John Smith, 45, Mary Jones, 38, and Peter Brown, 52.",
                3,
            ),
            ("Three airlines: British Airways, Virgin Atlantic, and easyJet cancelled flights.", 3),
            ("The state sued three drugmakers: Pfizer, Johnson & Johnson and Merck.", 3),
            ("Two clubs: Manchester United and Brighton & Hove Albion.", 2),
            ("Three firms - Acme LLC. and Acme Inc and Zeta Ltd - were sued.", 3),
        ] {
            let c = counts(t);
            assert!(c.iter().all(|&(_, k)| k == n), "{t}: {c:?}");
        }
    }

    #[test]
    fn lists_breakdowns_and_quantity_frames_in_the_envelope() {
        use crate::claims::envelope::{collect, ClaimKind};
        let t = "Twelve killed in fire\n\nThe toll rose to 15. Of the 15 dead, 8 were women and \
                 9 men. Three countries: Albania, Greece and Chile sent help.";
        let a = parse(Arc::from(t));
        let m = crate::claims::Mentions::extract(&a, None);
        let claims = collect(&a, &m, None);
        let list = claims.iter().find(|c| c.kind == ClaimKind::List).unwrap();
        assert_eq!(list.text, "Three countries: Albania, Greece and Chile");
        assert_eq!(
            list.value["items"],
            serde_json::json!(["Albania", "Greece", "Chile"])
        );
        let b = claims
            .iter()
            .find(|c| c.kind == ClaimKind::Breakdown)
            .unwrap();
        assert_eq!(b.text, "15 dead, 8 were women and 9");
        assert_eq!(b.value["parts"], serde_json::json!([8.0, 9.0]));
        let rose = claims
            .iter()
            .find(|c| c.kind == ClaimKind::Quantity && c.text == "15")
            .unwrap();
        assert!(rose.frame.change);
        assert_eq!(ClaimKind::parse("breakdown"), Some(ClaimKind::Breakdown));
    }
}
