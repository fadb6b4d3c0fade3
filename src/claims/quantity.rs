//! Quantities: what a numeral counts or measures — currency, scale, percent, unit, counted
//! noun and event verb — and the filters that say a numeral is not a quantity at all (years,
//! times, dates, versions, names with numbers).
//!
//! The word lists are data: `rules/lexicons/quantities.toml` (noun-phrase stops, clock-time
//! suffixes, verbs before a number, general nouns), `incident-verbs.toml` (casualty verbs, one
//! list per canonical verb), `incidents.toml` (`[verb_links]`) and `numeral-context.toml` (words
//! that make a number part of a name or a label). Spans are **bytes** into the article text.

use crate::article::{Article, SegmentKind, Span};
use crate::knowledge::calendar;
use crate::knowledge::lexicon::{self, incidents, numeral_context, quantities};
use crate::knowledge::numbers::{self as kn, Qualifier, Unit, QUALIFIERS};

use super::numbers::{Counted, Kind, NumberMention};
use super::numeral::{adjacent, is, lower, Core, Tok, TokKind};

/// True when `t` is a capitalised month name or abbreviation ("Feb", "March").
fn is_month(t: &Tok<'_>) -> bool {
    t.text
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_uppercase())
        && calendar::month_from_name(t.text).is_some()
}

/// The canonical event verb of `word` ("died" → "killed"): the name of the
/// `rules/lexicons/incident-verbs.toml` list holding it, any case.
fn event_verb(word: &str) -> Option<&'static str> {
    // The group is looked up once; the word is lower-cased once, not once per list.
    static LISTS: std::sync::OnceLock<&'static [lexicon::List]> = std::sync::OnceLock::new();
    let lists = LISTS.get_or_init(|| {
        lexicon::GROUPS
            .iter()
            .find(|(group, _)| *group == "incident_verbs")
            .map_or(&[][..], |(_, lists)| *lists)
    });
    let w = kn::ascii_lower(word);
    lists
        .iter()
        .find(|(_, words)| lexicon::contains(words, &w))
        .map(|(name, _)| *name)
}

/// True when `t` is in `list` (a lower-case lexicon list), ignoring ASCII case.
fn is_in(t: Option<&Tok<'_>>, list: &[&str]) -> bool {
    t.is_some_and(|t| lexicon::contains_lower(list, t.text))
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
            return format!("{stem}{}", suf.get(..suf.len() - 2).unwrap_or_default());
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
        return w.get(..w.len() - 1).unwrap_or_default().to_string();
    }
    w
}

/// Build a mention from a core number and its context; `None` when it is not a quantity.
pub(crate) fn build(
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
                    && matches!(&*lower(n), "st" | "nd" | "rd" | "th" | "s" | "am" | "pm")
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
        if is_in(next, quantities::TIME_SUFFIXES) {
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
        let after_prev = j
            .checked_sub(1)
            .and_then(|p| toks.get(p))
            .is_some_and(|p| adjacent(p, h));
        if h.text == "-" && after_prev && adjacent(h, w) && w.kind == TokKind::Word {
            modifier = true;
            let mut wl = lower(w);
            let mut wend = w.span.end;
            if wl == "year" && is(toks.get(j + 2), &["-"]) && is(toks.get(j + 3), &["old"]) {
                wl = "year-old".into();
                wend = toks.get(j + 3).map_or(wend, |t| t.span.end);
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
                end = toks.get(j + 1).map_or(end, |t| t.span.end);
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
                let attached = jj
                    .checked_sub(1)
                    .and_then(|p| toks.get(p))
                    .is_some_and(|p| adjacent(p, n));
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
                            end = toks.get(jj + 1).map_or(end, |t| t.span.end);
                            j = jj + 2;
                        } else {
                            kind = Kind::Money("GBP");
                            alt = Some((&kn::POUND, c.value * scale));
                            end = n.span.end;
                            j = jj + 1;
                        }
                    } else if matches!(&*lw, "sq" | "square")
                        && is(
                            toks.get(jj + 1),
                            &["km", "kilometres", "kilometers", "miles", "mile"],
                        )
                    {
                        let u2 = toks.get(jj + 1).map(lower).unwrap_or_default();
                        kind = Kind::Physical(if u2.starts_with('k') {
                            &kn::SQKM
                        } else {
                            &kn::SQMILE
                        });
                        end = toks.get(jj + 1).map_or(end, |t| t.span.end);
                        j = jj + 2;
                    } else if lw == "nautical" && is(toks.get(jj + 1), &["miles", "mile"]) {
                        kind = Kind::Physical(&kn::NMILE);
                        end = toks.get(jj + 1).map_or(end, |t| t.span.end);
                        j = jj + 2;
                    } else if lw == "km"
                        && is(toks.get(jj + 1), &["/"])
                        && is(toks.get(jj + 2), &["h"])
                    {
                        kind = Kind::Physical(&kn::KMH);
                        end = toks.get(jj + 2).map_or(end, |t| t.span.end);
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
            if (cap && !sentence_start && !is_in(Some(p), numeral_context::CAPITALISED_NOT_NAMES))
                || is_in(Some(p), numeral_context::LABELS)
            {
                return None;
            }
        }
    }

    // Qualifier before (possibly before the currency symbol).
    let (qualifier, qualifier_span) = if c.range_between {
        start = c
            .first
            .checked_sub(1)
            .and_then(|p| toks.get(p))
            .map_or(start, |t| t.span.start);
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
                p.text.to_ascii_lowercase().ends_with("ing")
                    || is_in(Some(p), quantities::VERBS_BEFORE_NUMBER)
            }) {
                counted.verb = Some(v);
                counted.verb_span = Some(p.span);
            } else if is(Some(p), &["of", "at", "to"]) {
                // "death toll of 15", "toll stood at 15", "toll rose to 15"
                let lo = qk.saturating_sub(5);
                for t in toks.get(lo..qk).unwrap_or_default().iter().rev() {
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
        // A figure ending in 50, 500... reads as rounded to fifties, five hundreds: "450
        // miles" for 435.
        let tens = 10f64.powi(c.zeros.min(6) as i32);
        let fives = c.zeros > 0 && (c.value / tens).round() % 5.0 == 0.0;
        tens * if fives { 5.0 } else { 1.0 } * scale
    } else {
        step
    };
    let span = Span::new(start, end);
    Some(NumberMention {
        span,
        number,
        segment: kind_seg,
        sentence: article.sentence_at(number.start),
        clause: None,
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
        frame: Default::default(),
        link: Default::default(),
    })
}

/// A qualifier phrase ending right before token `k`: the first of [`QUALIFIERS`] whose words
/// are the words before it.
fn qualifier_before(toks: &[Tok<'_>], k: usize) -> Option<(Qualifier, Span)> {
    // Compared word by word from the end (no list per phrase: this runs for every number); a
    // phrase whose last word is not the token before is passed over at once.
    let before = toks.get(..k)?;
    let last = before.last().filter(|t| t.kind == TokKind::Word)?;
    let l = last.text.as_bytes();
    for &(phrase, q) in QUALIFIERS {
        // The phrase ends with the last token's letters, after a space or as its whole.
        let p = phrase.as_bytes();
        let Some(cut) = p.len().checked_sub(l.len()) else {
            continue;
        };
        if !(p
            .get(cut..)
            .is_some_and(|tail| tail.eq_ignore_ascii_case(l))
            && (cut == 0 || p.get(cut - 1) == Some(&b' ')))
        {
            continue;
        }
        let mut words = phrase.rsplit(' ');
        words.next();
        let n = phrase.bytes().filter(|&b| b == b' ').count() + 1;
        if k < n {
            continue;
        }
        let Some(first) = toks.get(k - n) else {
            continue;
        };
        if words
            .zip(before.iter().rev().skip(1))
            .all(|(w, t)| t.kind == TokKind::Word && t.text.eq_ignore_ascii_case(w))
        {
            return Some((q, Span::new(first.span.start, last.span.end)));
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
        if lexicon::contains(quantities::NOUN_STOPS, &l) {
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
        if let Some(v) =
            event_verb(&l).filter(|_| matches!(&*l, "dead" | "deaths" | "fatalities" | "injuries"))
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
        if !is_in(Some(t), incidents::VERB_LINKS) {
            break;
        }
    }
}
