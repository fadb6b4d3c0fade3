//! Toponyms: place names found in the headline, dateline and paragraphs, resolved against the
//! embedded gazetteer.
//!
//! Candidates are capitalised word sequences (any word sequence in an all-capitals segment such
//! as a wire headline), matched longest-first against the gazetteer's `fst` map. A one-word name
//! that is an ordinary English word (Nice, Reading) needs a place cue: a preceding
//! in/at/from/near/outside, a following `, <division or country>`, or standing in the dateline.
//! "Paris, Texas" keeps only the readings of Paris inside Texas.
//!
//! Towns of the gazetteer and short division names (its [`MINOR`] names: "Kilkee", "Clare")
//! are places only after a narrower cue (`places.toml` `[minor_cues]`: "in Kilkee", "near
//! Ballymoney") or before a qualifier ("Kilkee, County Clare"). A month name ("March", the
//! Cambridgeshire town) is a place only before a qualifier.

use crate::article::{Article, SegmentKind, Span};
use crate::knowledge::calendar::{month_from_name, weekday_from_name};
use crate::knowledge::gazetteer::{
    self, PlaceId, PlaceKind, ADJECTIVE, COMMON_WORD, DEMONYM, MAIN, MINOR,
};
use crate::knowledge::lexicon::{self, places};
use crate::packs::Knowledge;
use crate::text::words;

/// How a place is named.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub enum PlaceRole {
    /// By name ("Kyiv", "the Balkans").
    Name,
    /// By a country demonym ("Ukrainian").
    Demonym,
    /// By a region adjective ("Balkan", "Southeast European").
    Adjective,
}

/// One toponym in the article.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct PlaceMention {
    /// The name's bytes (without a possessive 's).
    pub span: Span,
    /// Every reading still possible here, in id order (several for Paris, Georgia).
    pub readings: Vec<PlaceId>,
    /// Name, demonym or region adjective.
    pub role: PlaceRole,
    /// True when a place cue stands next to it (preposition, qualifier, dateline).
    pub cue: bool,
    /// True when only the cue makes it a place (a common word such as "Nice", or a small city
    /// written in capitals): a preposition that governs a following noun ("at COCOA talks")
    /// does not make it one.
    pub cue_only: bool,
    /// The segment it is in.
    pub segment: SegmentKind,
}

struct Word {
    span: Span,
    upper: bool,
}

/// Find the toponyms of `article`, in document order, not overlapping.
pub fn extract(article: &Article) -> Vec<PlaceMention> {
    extract_with(article, &crate::packs::knowledge::EMPTY)
}

/// [`extract`], also finding the places `knowledge` adds: a capitalised word sequence the
/// gazetteer does not know that is an added place's name becomes a mention whose one reading
/// is the added place's container (its division or country). Added places are trusted: they
/// need no place cue.
pub fn extract_with(article: &Article, knowledge: &Knowledge) -> Vec<PlaceMention> {
    let mut out = Vec::new();
    // One word buffer for the article, sized for its longest segment once it has grown.
    let mut words: Vec<Word> = Vec::new();
    for seg in &article.segments {
        if seg.kind == SegmentKind::DateLine {
            continue;
        }
        let text = article.slice(seg.span);
        let all_caps = article.all_caps_at(seg.span.start);
        words.clear();
        // A word takes six bytes of news text on average.
        words.reserve(text.len() / 6);
        words.extend(words::name_words(text).map(|r| {
            Word {
                span: Span::new(seg.span.start + r.start, seg.span.start + r.end),
                upper: all_caps
                    || text
                        .get(r)
                        .and_then(|w| w.chars().next())
                        .is_some_and(char::is_uppercase),
            }
        }));
        // In a Title Case headline (most words capitalised) capitals do not mark names.
        let title_case = all_caps
            || (seg.kind == SegmentKind::Headline
                && article
                    .casing_at(seg.span.start)
                    .is_some_and(|c| c.name_words_capitalised_majority));
        let mut i = 0;
        while let Some(word) = words.get(i) {
            if !word.upper {
                i += 1;
                continue;
            }
            let found = longest_match(article, &words, i)
                .or_else(|| added_match(article, &words, i, knowledge));
            match found {
                Some((end, _, _)) if !title_case && continues_name(article, &words, end) => {
                    // "South America" (unknown to the gazetteer as a whole), "Paris
                    // Saint-Germain", "Washington Post": part of a longer name, not a place.
                    let mut k = end;
                    while continues_name(article, &words, k) {
                        k += 1;
                    }
                    i = k;
                }
                Some((end, span, hits)) => {
                    let qualified = followed_by_qualifier(article, span);
                    if !qualified && month_from_name(article.slice(span)).is_some() {
                        // "March 7", "in March": the month, not the town.
                        i = end;
                        continue;
                    }
                    let cue = seg.kind == SegmentKind::Dateline
                        || preceded_by(article, &words, i, places::CUES)
                        || qualified;
                    let minor_cue =
                        qualified || preceded_by(article, &words, i, lexicon::minor_places::CUES);
                    let caps = all_caps || !article.slice(span).chars().any(char::is_lowercase);
                    if let Some(m) = mention(span, hits, cue, minor_cue, seg.kind, caps) {
                        out.push(m);
                    }
                    i = end;
                }
                None => i += 1,
            }
        }
    }
    narrow_qualified(article, &mut out);
    narrow_by_sentence(article, &mut out);
    out
}

/// True when word `k` exists, is capitalised and follows word `k - 1` after a single space: it
/// continues a proper name. Weekday and month names ("in Paris Monday") do not.
fn continues_name(article: &Article, words: &[Word], k: usize) -> bool {
    let (Some(prev), Some(next)) = (k.checked_sub(1).and_then(|p| words.get(p)), words.get(k))
    else {
        return false;
    };
    let word = article.slice(next.span);
    next.upper
        && article.text.get(prev.span.end..next.span.start) == Some(" ")
        && !prev.span.is_empty()
        && !article.slice(prev.span).ends_with('.')
        && weekday_from_name(word).is_none()
        && month_from_name(word).is_none()
}

/// A gazetteer match: (next word index, span, hits).
type Match = (usize, Span, Vec<gazetteer::Hit>);

/// True for the readings that make a word sequence a name candidate.
fn names_place(hits: impl IntoIterator<Item = gazetteer::Hit>) -> bool {
    hits.into_iter()
        .any(|h| h.flags & (MAIN | DEMONYM | ADJECTIVE | MINOR) != 0)
}

/// True when word `j` (not the first) extends the sequence of word `j - 1`: after a single
/// space or hyphen, and capitalised or a link word ("and", "of").
fn continues_sequence(text: &str, words: &[Word], j: usize) -> bool {
    let (Some(prev), Some(word)) = (j.checked_sub(1).and_then(|p| words.get(p)), words.get(j))
    else {
        return false;
    };
    let gap = text.get(prev.span.end..word.span.start).unwrap_or_default();
    if gap != " " && gap != "-" {
        return false;
    }
    let w = text.get(word.span.start..word.span.end).unwrap_or_default();
    word.upper || lexicon::contains(places::LINKS, w)
}

/// Longest gazetteer name starting at word `i`: (next word index, span, hits).
///
/// Up to six words, each after a single space or hyphen; a lower-case word only as a link
/// ("Bosnia and Herzegovina"). A capitalised word's sequence is tried as written, without a
/// trailing full stop, then without a possessive ([`candidates`]). One walk of the
/// gazetteer's automaton ([`gazetteer::NamePrefix`]) serves every word: it stops where no
/// name starts with the sequence. The result is that of [`longest_match_by_lookup`], which
/// looks every candidate up afresh (and still serves text with a capital sigma, which the
/// walk cannot key).
fn longest_match(article: &Article, words: &[Word], i: usize) -> Option<Match> {
    let text = &article.text;
    let start = words.get(i)?.span.start;
    let window_end = words.get(i..)?.iter().take(6).next_back()?.span.end;
    if text.get(start..window_end)?.contains('Σ') {
        return longest_match_by_lookup(article, words, i);
    }
    let mut walk = gazetteer::NamePrefix::new()?;
    let mut best = None;
    let mut from = start;
    for (j, word) in words.iter().enumerate().take(i + 6).skip(i) {
        if j > i && !continues_sequence(text, words, j) {
            break;
        }
        let (Some(raw), Some(part)) = (
            text.get(start..word.span.end),
            text.get(from..word.span.end),
        ) else {
            break;
        };
        from = word.span.end;
        if !word.upper {
            if !walk.push(part) {
                break;
            }
            continue;
        }
        let step = if j == i {
            first_word_walk(raw)
        } else {
            walk_word(walk, raw, part)
        };
        if let Some((len, w)) = step.found {
            best = Some((j + 1, Span::new(start, start + len), w.readings().collect()));
        }
        // Fell short: the sequence without its trailing stops and apostrophes may still
        // start a name, but every longer sequence holds this one whole, and none does.
        match step.next {
            Some(next) => walk = next,
            None => break,
        }
    }
    best
}

/// What walking one more word of a candidate sequence found ([`walk_word`]).
#[derive(Clone, Copy)]
struct WordWalk {
    /// The first of [`candidates`] of the sequence so far that ends in this word and names a
    /// place: its length in bytes and the walk there.
    found: Option<(usize, gazetteer::NamePrefix)>,
    /// The walk after the whole word, when some name's key starts with the sequence so far.
    next: Option<gazetteer::NamePrefix>,
}

/// Push `part` (the last word of `raw`, with the gap before it) onto `walk`. The candidates
/// are `raw` shortened at its end, inside this word: the word's characters are walked, keeping
/// the walk where a candidate ends.
fn walk_word(mut walk: gazetteer::NamePrefix, raw: &str, part: &str) -> WordWalk {
    let mut ends = [None; 3];
    for (slot, cand) in ends.iter_mut().zip(candidates(raw)) {
        *slot = Some((cand.len(), None));
    }
    let before = raw.len() - part.len();
    let mut reached = before;
    for (k, c) in part.char_indices() {
        if !walk.push_char(c) {
            break;
        }
        reached = before + k + c.len_utf8();
        for (len, at) in ends.iter_mut().flatten() {
            if *len == reached {
                *at = Some(walk);
            }
        }
    }
    let found = ends
        .iter()
        .flatten()
        .find_map(|&(len, at)| at.filter(|w| names_place(w.readings())).map(|w| (len, w)));
    WordWalk {
        found,
        next: (reached == raw.len()).then_some(walk),
    }
}

/// How many first words [`first_word_walk`] keeps per thread before it forgets them all (a
/// few hundred bytes each, so a few megabytes per thread at most).
const REMEMBERED_WORDS: usize = 8_192;

/// [`walk_word`] from the empty prefix for the first word of a sequence, remembered per thread
/// across articles: most capitalised words ("The", "Mr", "London") recur from article to
/// article, and walking the automaton costs a few hundred instructions per byte. The answer
/// depends on the word alone, so remembering it changes no result.
fn first_word_walk(word: &str) -> WordWalk {
    thread_local! {
        static WALKS: crate::fast_hash::Memo<str, WordWalk> = Default::default();
    }
    crate::fast_hash::remembered(
        &WALKS,
        word,
        REMEMBERED_WORDS,
        || match gazetteer::NamePrefix::new() {
            Some(root) => walk_word(root, word, word),
            None => WordWalk {
                found: None,
                next: None,
            },
        },
    )
}

/// [`longest_match`] by looking each candidate up in the gazetteer from scratch.
fn longest_match_by_lookup(article: &Article, words: &[Word], i: usize) -> Option<Match> {
    let text = &article.text;
    let mut best = None;
    let start = words.get(i)?.span.start;
    for (j, word) in words.iter().enumerate().take(i + 6).skip(i) {
        if j > i && !continues_sequence(text, words, j) {
            break;
        }
        let Some(raw) = text.get(start..word.span.end) else {
            break;
        };
        if !word.upper {
            if !gazetteer::has_prefix(raw) {
                break;
            }
            continue;
        }
        for cand in candidates(raw) {
            let hits = gazetteer::lookup(cand);
            if names_place(hits.iter().copied()) {
                best = Some((j + 1, Span::new(start, start + cand.len()), hits));
                break;
            }
        }
        if !gazetteer::has_prefix(raw.trim_end_matches(['.', '\'', '’'])) {
            break;
        }
    }
    best
}

/// Longest added place (see [`Knowledge::place`]) starting at word `i`, as [`longest_match`]
/// gives it: its one hit is the place's container, a main name with no cue needed.
fn added_match(
    article: &Article,
    words: &[Word],
    i: usize,
    knowledge: &Knowledge,
) -> Option<(usize, Span, Vec<gazetteer::Hit>)> {
    if knowledge.places().is_empty() && knowledge.regions().is_empty() {
        return None;
    }
    let text = &article.text;
    let start = words.get(i)?.span.start;
    let mut best = None;
    for (j, word) in words.iter().enumerate().take(i + 6).skip(i) {
        if j > i {
            let Some(prev) = words.get(j - 1) else { break };
            let gap = text.get(prev.span.end..word.span.start).unwrap_or_default();
            if gap != " " && gap != "-" {
                break;
            }
        }
        let Some(raw) = text.get(start..word.span.end) else {
            break;
        };
        if word.upper {
            if let Some((cand, hit)) = candidates(raw).find_map(|c| {
                added_hit(knowledge, c, || before_event_noun(article, words, j + 1)).map(|h| (c, h))
            }) {
                best = Some((j + 1, Span::new(start, start + cand.len()), vec![hit]));
            }
        }
        if !knowledge.has_place_prefix(raw.trim_end_matches(['.', '\'', '’'])) {
            break;
        }
    }
    best
}

/// The hit of an added name: a place reads as its container (a main name); a region's name
/// as the region (a main name) and its adjective form as the region's adjective. A form that
/// is both a region's name and its adjective ("Three Seas") is the adjective just before an
/// event noun ("a Three Seas summit", `before_noun()`), else the name ("in the Three Seas").
fn added_hit(
    knowledge: &Knowledge,
    cand: &str,
    before_noun: impl Fn() -> bool,
) -> Option<gazetteer::Hit> {
    let hit = |place, flags| Some(gazetteer::Hit { place, flags });
    if let Some(p) = knowledge.place(cand) {
        return hit(p.within, MAIN);
    }
    match (knowledge.region(cand, false), knowledge.region(cand, true)) {
        (Some(_), Some(a)) if before_noun() => hit(a.id, ADJECTIVE),
        (Some(r), _) => hit(r.id, MAIN),
        (None, Some(a)) => hit(a.id, ADJECTIVE),
        (None, None) => None,
    }
}

/// True when word `k` follows word `k - 1` after one space and is an event noun ("summit").
fn before_event_noun(article: &Article, words: &[Word], k: usize) -> bool {
    let (Some(prev), Some(next)) = (k.checked_sub(1).and_then(|p| words.get(p)), words.get(k))
    else {
        return false;
    };
    article.text.get(prev.span.end..next.span.start) == Some(" ")
        && lexicon::contains(
            lexicon::events::VENUE,
            &article.slice(next.span).to_lowercase(),
        )
}

/// The raw word sequence, then without a trailing full stop, then without a possessive
/// ([`words::strip_possessive`], or any bare final apostrophe).
fn candidates(raw: &str) -> impl Iterator<Item = &str> {
    let no_dot = raw.strip_suffix('.');
    let stripped = words::strip_possessive(raw);
    let no_poss = Some(stripped)
        .filter(|s| s.len() < raw.len())
        .or_else(|| raw.strip_suffix(['\'', '’']));
    std::iter::once(raw).chain(no_dot).chain(no_poss)
}

fn mention(
    span: Span,
    hits: Vec<gazetteer::Hit>,
    cue: bool,
    minor_cue: bool,
    segment: SegmentKind,
    all_caps: bool,
) -> Option<PlaceMention> {
    // In all-capitals text (wire headlines, acronyms) capitalisation says nothing: a city that is not
    // large, or whose name is as short as an acronym (ICO, COCOA TALKS), needs a cue too.
    let short = span.len() <= 3;
    let needs_cue = |h: &gazetteer::Hit| {
        h.flags & COMMON_WORD != 0
            || (all_caps
                && gazetteer::place(h.place).is_some_and(|p| {
                    p.kind == PlaceKind::City && (p.population < 100_000 || short)
                }))
    };
    let usable = |h: &gazetteer::Hit| {
        (h.flags & MAIN != 0 && (cue || !needs_cue(h))) || (h.flags & MINOR != 0 && minor_cue)
    };
    let cue_only = !hits.iter().any(|h| h.flags & MAIN != 0 && !needs_cue(h));
    let mut readings: Vec<PlaceId> = hits.iter().filter(|h| usable(h)).map(|h| h.place).collect();
    // A region adjective wins over minor namesakes ("Balkan" the Turkmen province).
    let adjective = hits.iter().any(|h| h.flags & ADJECTIVE != 0)
        && !readings.iter().any(|&r| {
            gazetteer::place(r)
                .is_some_and(|p| matches!(p.kind, PlaceKind::Country | PlaceKind::Region))
        });
    // So does a country's demonym ("German" is Germany's before it is a parish of the Isle of
    // Man): a name reading survives only when it is itself a country or region.
    let demonym = hits.iter().any(|h| h.flags & DEMONYM != 0)
        && !readings.iter().any(|&r| {
            gazetteer::place(r)
                .is_some_and(|p| matches!(p.kind, PlaceKind::Country | PlaceKind::Region))
        });
    if adjective || demonym {
        readings.clear();
    }
    let role = if !readings.is_empty() {
        PlaceRole::Name
    } else if hits.iter().any(|h| h.flags & ADJECTIVE != 0) {
        readings = hits
            .iter()
            .filter(|h| h.flags & ADJECTIVE != 0)
            .map(|h| h.place)
            .collect();
        PlaceRole::Adjective
    } else if hits.iter().any(|h| h.flags & DEMONYM != 0) {
        readings = hits
            .iter()
            .filter(|h| h.flags & DEMONYM != 0)
            .map(|h| h.place)
            .collect();
        PlaceRole::Demonym
    } else {
        return None;
    };
    readings.sort_unstable();
    readings.dedup();
    Some(PlaceMention {
        span,
        readings,
        role,
        cue,
        cue_only: cue_only && role == PlaceRole::Name,
        segment,
    })
}

/// True when word `i` follows a word of `cues` (one "the" may stand between).
fn preceded_by(article: &Article, words: &[Word], i: usize, cues: &[&str]) -> bool {
    let mut k = i;
    // skip one "the"
    while k > 0 {
        k -= 1;
        let (Some(word), Some(next)) = (words.get(k), words.get(k + 1)) else {
            return false;
        };
        let w = article.slice(word.span);
        if w.eq_ignore_ascii_case("the") {
            continue;
        }
        let gap_blank = article
            .text
            .get(word.span.end..next.span.start)
            .is_some_and(|g| g.trim().is_empty());
        return gap_blank && lexicon::contains(cues, words::lower_cow(w).as_ref());
    }
    false
}

/// True when `, ` and a division or country follow the name ("Paris, Texas", "Kilkee, County
/// Clare"): the qualifier's first one to three words.
fn followed_by_qualifier(article: &Article, span: Span) -> bool {
    let rest = article.text.get(span.end..).unwrap_or("");
    let Some(rest) = rest.strip_prefix(", ") else {
        return false;
    };
    let mut ends = Vec::new();
    for r in words::name_words(rest).take(3) {
        let gap_ok = ends
            .last()
            .is_none_or(|&e: &usize| rest.get(e..r.start) == Some(" "));
        if (ends.is_empty() && r.start != 0) || !gap_ok {
            break;
        }
        ends.push(r.end);
    }
    ends.iter().any(|&e| {
        let Some(name) = rest.get(..e) else {
            return false;
        };
        gazetteer::lookup(name.trim_end_matches('.'))
            .iter()
            .filter(|h| h.flags & MAIN != 0)
            .filter_map(|h| gazetteer::place(h.place))
            .any(|p| {
                matches!(
                    p.kind,
                    PlaceKind::Admin1 | PlaceKind::Admin2 | PlaceKind::Country
                )
            })
    })
}

/// "Paris, Texas": keep the readings of a name that lie within the place named right after it.
fn narrow_qualified(article: &Article, mentions: &mut [PlaceMention]) {
    for k in 0..mentions.len().saturating_sub(1) {
        let Some([a, b]) = mentions.get_mut(k..k + 2) else {
            continue;
        };
        if article.text.get(a.span.end..b.span.start) != Some(", ") || b.role != PlaceRole::Name {
            continue;
        }
        let keep: Vec<PlaceId> = a
            .readings
            .iter()
            .copied()
            .filter(|&r| {
                b.readings
                    .iter()
                    .any(|&q| r != q && gazetteer::within(r, q) == gazetteer::Within::Yes)
            })
            .collect();
        if !keep.is_empty() {
            a.readings = keep;
        }
    }
}

/// A name whose readings lie in several countries keeps only those within a country or
/// first-level division named in the same sentence ("held in Paris, in the US state of
/// Texas"), when some but not all readings are. Wider context is not used: an article about a
/// Texas company may still mean Paris, France.
fn narrow_by_sentence(article: &Article, mentions: &mut [PlaceMention]) {
    let containers: Vec<(Span, Vec<PlaceId>)> = mentions
        .iter()
        .filter(|m| m.role == PlaceRole::Name)
        .filter(|m| {
            m.readings.iter().all(|&r| {
                gazetteer::place(r)
                    .is_some_and(|p| matches!(p.kind, PlaceKind::Country | PlaceKind::Admin1))
            })
        })
        .map(|m| (m.span, m.readings.clone()))
        .collect();
    for m in mentions.iter_mut() {
        if m.role != PlaceRole::Name || m.readings.len() < 2 {
            continue;
        }
        let Some(sentence) = article.sentence_at(m.span.start) else {
            continue;
        };
        let keep: Vec<PlaceId> = m
            .readings
            .iter()
            .copied()
            .filter(|&r| {
                containers.iter().any(|(span, cs)| {
                    *span != m.span
                        && sentence.contains(*span)
                        && cs
                            .iter()
                            .any(|&c| c != r && gazetteer::within(r, c) == gazetteer::Within::Yes)
                })
            })
            .collect();
        if !keep.is_empty() && keep.len() < m.readings.len() {
            m.readings = keep;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::plain::parse;
    use std::sync::Arc;

    fn found(t: &str) -> Vec<(String, PlaceRole, bool, usize)> {
        let a = parse(Arc::from(t));
        extract(&a)
            .into_iter()
            .map(|m| (a.slice(m.span).to_string(), m.role, m.cue, m.readings.len()))
            .collect()
    }

    /// Every word's [`longest_match`] against [`longest_match_by_lookup`], with words
    /// capitalised as written, or all marked capitalised (`all_upper`).
    fn every_match(text: &str, all_upper: bool, by_lookup: bool) -> Vec<(usize, Match)> {
        let a = parse(Arc::from(text));
        let words: Vec<Word> = words::name_words(&a.text)
            .map(|r| Word {
                upper: all_upper
                    || a.text
                        .get(r.clone())
                        .and_then(|w| w.chars().next())
                        .is_some_and(char::is_uppercase),
                span: Span::new(r.start, r.end),
            })
            .collect();
        (0..words.len())
            .filter_map(|i| {
                let m = if by_lookup {
                    longest_match_by_lookup(&a, &words, i)
                } else {
                    longest_match(&a, &words, i)
                };
                Some((i, m?))
            })
            .collect()
    }

    #[test]
    fn walked_matches_equal_looked_up_ones() {
        const PIECES: &[&str] = &[
            "Bosnia",
            "and",
            "Herzegovina",
            "BOSNIA",
            "AND",
            "Paris",
            "paris",
            "Texas",
            "New",
            "York",
            "City",
            "U.S.",
            "US",
            "St.",
            "St",
            "Louis",
            "Ukraine's",
            "Ukraine’s",
            "Kyiv’",
            "Kyiv'",
            "Wales'",
            "Nice",
            "Reading",
            "Balkan",
            "Southeast",
            "European",
            "Saint-Germain",
            "Ivano",
            "Frankivsk",
            "São",
            "Paulo",
            "SÃO",
            "Zürich",
            "İstanbul",
            "ΣΑΜΟΣ",
            "Σάμος",
            "Guinea-Bissau",
            "Isle",
            "of",
            "Man",
            "Man.",
            "the",
            "Hague",
            "Lord's",
            "Kilkee",
            "County",
            "Clare",
            "x",
            "Q",
            "Mr",
            "Smith",
            "ST.",
            "LOUIS'S",
            " ",
            " ",
            " ",
            " ",
            " ",
            " ",
            " ",
            " ",
            " ",
            " ",
            " ",
            " ",
            " ",
            " ",
            " ",
            " ",
            " ",
            " ",
            " ",
            " ",
            "-",
            ", ",
            ". ",
            "\n\n",
            "'",
            "’",
            ".",
        ];
        for all_upper in [false, true] {
            let found = crate::test_text::agree(
                7 + all_upper as u64,
                PIECES,
                (24, 4000),
                |t| every_match(t, all_upper, true),
                |t| every_match(t, all_upper, false),
            );
            assert!(found > 2_000, "{found} matches");
        }
        let got = every_match("Talks in Bosnia and Herzegovina's capital", false, false);
        assert!(got.iter().any(|(i, m)| *i == 2 && m.0 == 5));
    }

    #[test]
    fn names_adjectives_and_cues() {
        let got = found("Balkan summit in Albania\n\nThe summit, which took place in Kyiv, met Ukraine's needs.\n");
        assert_eq!(
            got.iter()
                .map(|g| (g.0.as_str(), g.1, g.2))
                .collect::<Vec<_>>(),
            vec![
                ("Balkan", PlaceRole::Adjective, false),
                ("Albania", PlaceRole::Name, true),
                ("Kyiv", PlaceRole::Name, true),
                ("Ukraine", PlaceRole::Name, false),
            ]
        );
    }

    #[test]
    fn common_words_need_a_cue_and_qualifiers_narrow() {
        let got =
            found("Nice work\n\nMobile phones sold well in Nice. He lives in Paris, Texas.\n");
        let names: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(names, vec!["Nice", "Paris", "Texas"]);
        assert_eq!(got[1].3, 1, "Paris narrowed to the one in Texas");
        let got =
            found("Festival\n\nIt was held in Paris, in the US state of Texas. Paris is nice.\n");
        assert_eq!(got[0].0, "Paris");
        assert_eq!(got[0].3, 1, "narrowed by Texas in the same sentence");
        assert!(got[3].3 > 1, "not narrowed in the next sentence");
        let got = found(
            "Talks\n\nThe summit in South America and Paris Saint-Germain, in Paris Monday.\n",
        );
        let names: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(names, vec!["South America", "Paris"]);
        let got = found("SUMMIT IN BOSNIA AND HERZEGOVINA\n\nText.\n");
        assert_eq!(got[0].0, "BOSNIA AND HERZEGOVINA");
    }
}
