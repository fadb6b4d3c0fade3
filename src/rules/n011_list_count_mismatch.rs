//! `N011 list-count-mismatch`: "three countries: Albania, Greece, Romania and Bulgaria" — a
//! stated count followed by a closed list with a different number of items.

use crate::article::{SegmentKind, Span};
use crate::claims::numbers::{Kind, NumberMention};
use crate::diagnostic::{Diagnostic, Severity};
use crate::knowledge::gazetteer;
use crate::rules::{format, Context, Rule, RuleMeta};

static META: RuleMeta = rule_meta! {
    code: "N011",
    name: "list-count-mismatch",
    category: Numbers,
    default_severity: Severity::Error,
    summary: "A stated count is followed by a closed list with a different number of items",
    explanation: "\
## What it checks

A count with a plural noun (\"three countries\", \"4 companies\") followed directly by an
exhaustive marker — a colon, a dash, or \"namely\" — and a list of names. The items are counted
(commas, \"and\", \"or\"), and a name that itself contains \"and\" or \"&\" (\"Bosnia and
Herzegovina\", \"Trinidad and Tobago\", \"Johnson & Johnson\", any single place the gazetteer
knows, but not two places such as \"Australia and New Zealand\") counts once. A city followed by
its state or country (\"Portland, Oregon\", \"Washington, D.C.\") is one item; ages (\"John
Smith, 45,\") and appositives (\"Rishi Sunak, the chancellor,\") are not items. When an item
joined by \"and\" could be one title or two names (\"War and Peace\"), the list is not checked.

Lists introduced by \"including\", \"such as\", \"among them\" or \"like\" are open and never
checked, nor are lists ending in \"and others\" or \"etc\". Only short items are counted: names
written with capitals, or lower-case items of at most two words; anything that reads like a
clause stops the check.

## Why it matters

A count that disagrees with its own list is a visible slip: a name was added or dropped after
the number was written, and the reader cannot tell which is right.

## Example

```text
Pact signed in Tirana

Leaders of three countries: Albania, Greece, Romania and Bulgaria signed the pact.
```

claimlint reports N011 (error). Four countries are listed: correct the count or the list.
",
};

/// The `list-count-mismatch` rule.
pub struct ListCountMismatch;

/// The registered instance (see `build.rs`).
pub(crate) static RULE: &dyn Rule = &ListCountMismatch;

impl Rule for ListCountMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for m in &cx.mentions.numbers {
            if let Some(d) = finding(cx, m) {
                out.push(d);
            }
        }
    }
}

/// Multiword names containing "and" that the gazetteer may not know as one name.
const AND_NAMES: &[&str] = &[
    "bosnia and herzegovina",
    "trinidad and tobago",
    "antigua and barbuda",
    "saint kitts and nevis",
    "st kitts and nevis",
    "sao tome and principe",
    "são tomé and príncipe",
    "saint vincent and the grenadines",
    "turks and caicos",
    "heard and mcdonald islands",
    "wallis and futuna",
    "svalbard and jan mayen",
    "procter and gamble",
    "johnson and johnson",
    "marks and spencer",
    "ernst and young",
    "rolls and royce",
];

/// Words after the marker that open a non-exhaustive list.
const OPEN: &[&str] = &[
    "including",
    "such",
    "among",
    "like",
    "notably",
    "mainly",
    "mostly",
    "especially",
    "chiefly",
    "e.g",
    "for",
];

fn finding(cx: &Context<'_>, m: &NumberMention) -> Option<Diagnostic> {
    if m.kind != Kind::Count || m.modifier || m.high.is_some() || !m.is_exact() {
        return None;
    }
    let n = m.value;
    if !(2.0..=20.0).contains(&n) || n.fract() != 0.0 {
        return None;
    }
    let noun = m.counted.noun_span?;
    if m.counted.verb.is_some() {
        return None;
    }
    let text = &cx.article.text;
    let seg = cx.article.segment_at(m.span.start)?;
    if seg.kind == SegmentKind::Headline
        && !cx.article.slice(seg.span).chars().any(|c| c.is_lowercase())
    {
        return None;
    }
    let rest = text.get(noun.end..seg.span.end)?;
    let (marker_len, dash) = exhaustive_marker(rest)?;
    let list_start = noun.end + marker_len;
    let list_text = text.get(list_start..seg.span.end)?;
    let (items, list_len) = parse_list(list_text, dash)?;
    let count = items.len();
    if count < 2 || count as f64 == n {
        return None;
    }
    let list_span = Span::new(list_start, list_start + list_len);
    let stated = cx.article.slice(Span::new(m.span.start, noun.end));
    let are = if count == 1 { "is" } else { "are" };
    let items = if count == 1 { "item" } else { "items" };
    let listed = format::number_word(count);
    Some(
        META.report(
            META.severity_for(m.quoted),
            format!("\"{stated}\" but {listed} {are} listed"),
        )
        .primary(
            Span::new(m.span.start, noun.end),
            format!("the count says {}", format::number(n)),
        )
        .secondary(list_span, format!("{listed} {items} listed"))
        .help(format!(
            "make the count match the list: change it to {listed} or add or remove a name"
        ))
        .build(),
    )
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
    let lower = trimmed.to_ascii_lowercase();
    for m in [", namely ", "namely "] {
        if lower.starts_with(m) {
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
                let next = s[i + c.len_utf8()..].chars().next();
                let prev_word: String = s[..i]
                    .chars()
                    .rev()
                    .take_while(|c| c.is_alphabetic())
                    .collect();
                // "St. Kitts", "U.S." initials and "LLC. and" continue the list
                let after = s[i + c.len_utf8()..].trim_start().chars().next();
                let abbrev = ["llc", "inc", "corp", "ltd", "co", "plc", "bros", "st"].contains(
                    &prev_word
                        .to_lowercase()
                        .chars()
                        .rev()
                        .collect::<String>()
                        .as_str(),
                );
                let after_digit = s[..i].ends_with(|c: char| c.is_ascii_digit());
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
            '-' if depth == 0 && dash && s[..i].ends_with(' ') && s[i + 1..].starts_with(' ') => {
                end = i;
                break;
            }
            _ => {}
        }
    }
    let list = &s[..end];
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
    if OPEN.contains(&first.trim_end_matches(',')) {
        return None;
    }
    for tail in [
        "and others",
        "among others",
        "etc",
        "and more",
        "et al",
        "and other",
        "or other",
    ] {
        if lower.contains(tail) {
            return None;
        }
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
        while k + 1 < parts.len() {
            if city_in(parts[k], parts[k + 1]) {
                let start = parts[k].as_ptr() as usize - flat.as_ptr() as usize;
                let next = parts[k + 1];
                let end = next.as_ptr() as usize - flat.as_ptr() as usize + next.len();
                parts[k] = &flat[start..end];
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
        && parts[1..]
            .iter()
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
                .take_while(|w| namey_word(w) || **w == "&" || CONNECTORS.contains(w))
                .count();
            words.truncate(keep);
            while words.last().is_some_and(|w| CONNECTORS.contains(w)) {
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
            && items[k..]
                .iter()
                .all(|it| it.split_whitespace().next().is_some_and(|w| !namey_word(w)))
        {
            items.truncate(k);
        }
    }
    // "..., Romania and Bulgaria met on Monday": the last name ends where lower-case words begin.
    let n_items = items.len();
    if n_items >= 2 && items[..n_items - 1].iter().all(|it| is_name(it)) {
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
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('>') {
            Some(close) => {
                let inner = &after[..close];
                let ticker = !inner.contains(' ')
                    && (inner.contains('.') || !inner.chars().any(|c| c.is_lowercase()));
                if !ticker {
                    out.push_str(inner);
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
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
    AND_NAMES.contains(&l.as_str())
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

/// Small words allowed inside a name ("Bank of Alexandria", "Bosnia and Herzegovina").
const CONNECTORS: &[&str] = &[
    "of", "the", "de", "da", "del", "van", "von", "al", "and", "la", "le", "du", "bin", "el",
];

/// A short name: 1 to 5 words, each capitalised or a digit, or a small connector.
fn is_name(item: &str) -> bool {
    let words: Vec<&str> = item.split_whitespace().collect();
    if words.is_empty() || words.len() > 5 {
        return false;
    }
    let first_ok = namey_word(words[0]);
    first_ok
        && words.iter().all(|w| {
            namey_word(w)
                || w.chars().next().is_some_and(|c| !c.is_alphanumeric())
                || matches!(
                    *w,
                    "of" | "the"
                        | "de"
                        | "da"
                        | "del"
                        | "van"
                        | "von"
                        | "al"
                        | "and"
                        | "la"
                        | "le"
                        | "du"
                        | "bin"
                        | "el"
                )
        })
}

#[cfg(test)]
mod tests {

    use super::*;

    fn run(body: &str) -> Vec<Diagnostic> {
        crate::rules::findings(&format!("Headline here\n\n{body}"), "N011", None)
    }

    #[test]
    fn count_differs_from_list() {
        let d = run("Leaders of three countries: Albania, Greece, Romania and Bulgaria met.");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].message, "\"three countries\" but four are listed");
        let l: Vec<_> = d[0]
            .labels
            .iter()
            .map(|l| (l.span.start, l.span.end, l.primary))
            .collect();
        assert_eq!(l, vec![(26, 41, true), (43, 80, false)]);
        assert_eq!(run("Two firms - Ford, GM and Fiat - bid.").len(), 1);
        assert_eq!(
            run("Four nations, namely Chile, Peru and Bolivia, signed.").len(),
            1
        );
    }

    #[test]
    fn open_lists_and_and_names_are_silent() {
        for t in [
            "Leaders of three countries: Albania, Greece and Romania met.",
            "Countries such as Bulgaria, Greece, and Romania attended.",
            "Three countries, including Albania, Greece and Romania, met.",
            "Two countries: Bosnia and Herzegovina and Serbia met.",
            "Three countries: Trinidad and Tobago, Jamaica and Cuba met.",
            "Three countries: Albania, Greece, Romania and others met.",
            "Two reasons: the economy was weak and rates were high and falling.",
            "Three countries: among them Albania, Greece, Romania and Chile.",
            "The five members - Chile, Peru, Bolivia, Ecuador and the Andean Bank - met.",
            "It sells in three markets--farm tools, garden tools, and heating and cooling units.",
            "One of the three big lenders - Alpha Bank or Beta Bank - will be sold.",
            "Three firms - Acme LLC. and Acme Inc and Zeta Ltd - were sued.",
            "Three agencies - Smith & Jones, Brown's and Green - rate it.",
            "The six members - Chile, Peru, Bolivia, Ecuador, the U.S. and the Andean Bank - met.",
            "Four stocks -- Alpha AB <ALFA.S> (AL), Beta AB <BETA.S>, Gamma AB <GAM.S> and \
             Delta AB <DLT.S>. Each trades daily.",
            "Three carriers - Alpha Air AG <ALA.F>, Beta Lines Spa <BL.MI> and <Gamma Airways> - \
             were fined.",
        ] {
            assert!(run(t).is_empty(), "{t}: {:?}", run(t));
        }
    }

    #[test]
    fn pairs_appositives_ages_and_brands_count_right() {
        for t in [
            "The group has three members: Canada, Australia and New Zealand.",
            "The tour visits three cities: Portland, Oregon, Austin, Texas, and Boston.",
            "The storms hit two cities: Washington, D.C., and Baltimore.",
            "Two ministers - Rishi Sunak, the chancellor, and Priti Patel, the home secretary - quit.",
            "Police charged three people: John Smith, 45, Mary Jones, 38, and Peter Brown, 52.",
            "Three airlines: British Airways, Virgin Atlantic, and easyJet cancelled flights.",
            "The state sued three drugmakers: Pfizer, Johnson & Johnson and Merck.",
            "It names three novels: War and Peace, Anna Karenina and Crime and Punishment.",
            "Two clubs: Manchester United and Brighton & Hove Albion.",
        ] {
            assert!(run(t).is_empty(), "{t}: {:?}", run(t));
        }
    }

    #[test]
    fn pairs_and_brands_still_counted() {
        for (t, msg) in [
            (
                "Two cities: Portland, Oregon, Austin, Texas, and Boston hosted it.",
                "\"Two cities\" but three are listed",
            ),
            (
                "Two airlines: British Airways, Virgin Atlantic, and easyJet cancelled flights.",
                "\"Two airlines\" but three are listed",
            ),
            (
                "Two drugmakers: Pfizer, Johnson & Johnson and Merck were sued.",
                "\"Two drugmakers\" but three are listed",
            ),
            (
                "Two countries: Canada, Australia and New Zealand met.",
                "\"Two countries\" but three are listed",
            ),
        ] {
            let d = run(t);
            assert_eq!(d.len(), 1, "{t}: {d:?}");
            assert_eq!(d[0].message, msg);
        }
        // The list label covers the whole list.
        let t = "Two drugmakers: Pfizer, Johnson & Johnson and Merck were sued.";
        let d = run(t);
        let full = format!("Headline here\n\n{t}");
        let l = &d[0].labels[1];
        assert_eq!(
            &full[l.span.start..l.span.end],
            "Pfizer, Johnson & Johnson and Merck"
        );
    }
}
