//! Event-location claims: an event noun (summit, talks, ...) tied to a place by an explicit
//! location phrase: "summit in X", "the summit, which took place in X", "talks held in X",
//! "X summit" (a city or a region adjective before the noun; a country only for elections).
//!
//! A claim is kept only when it can describe the article's own event: no time-shift words
//! ("last year's", "previous", "next", "former", a year), no indefinite or quantifying
//! determiner ("a summit in X" is another summit; "several meetings"), no relocation or
//! hypothetical wording ("moved to", "originally", "would"). A definite ("the summit",
//! "Tuesday's talks", "the failed Wellington talks") or bare ("after talks in Geneva") noun is
//! taken as the same event as every other use of that noun.

use crate::article::{Article, SegmentKind, Span};
use crate::claims::frame::{self, Determiner};
use crate::claims::places::{PlaceMention, PlaceRole};
use crate::fast_regex::lazy_regex;
use crate::knowledge::gazetteer::{self, PlaceKind};
use crate::knowledge::lexicon::{self, event_incidents, events, frames};
use crate::text::alternation::{find_phrases, PhraseSet};

/// How the place is tied to the event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub enum ClaimForm {
    /// "summit in X", "summit, which took place in X", "talks held at X".
    Preposition,
    /// "X summit", "Balkan summit".
    Attributive,
}

/// One claim that an event happens at a place.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct EventClaim {
    /// Canonical event noun (one of `rules/lexicons/events.toml` `[venue]`).
    pub event: &'static str,
    /// The event noun's bytes.
    pub noun: Span,
    /// Index of the place in [`crate::claims::Mentions::places`].
    pub place: usize,
    /// How the place is tied to the event.
    pub form: ClaimForm,
    /// The segment the claim is in.
    pub segment: SegmentKind,
    /// True for the headline and the first paragraph (the lede).
    pub lede: bool,
    /// True when the place is inside a quotation.
    pub quoted: bool,
    /// A capitalised name modifying the noun ("the OPEC meeting", "the G-7 meeting"), lower
    /// case: a named event is another event than a plain "the meeting". `None` when there is
    /// none or when capitals say nothing (all-capitals or Title Case headlines).
    pub qualifier: Option<String>,
    /// True when the sentence moves the event on from this place to another, or to this one
    /// from another ("the talks, which took place in London on Monday, continued in Brussels"):
    /// the event is at both, so neither clashes with a claim that fits the other.
    pub moves: bool,
}

/// The event nouns and their other forms (`rules/lexicons/events.toml` `[venue]`,
/// `[venue_forms]`), in the order they are tried at one start: matched as whole words on
/// lower-cased text ([`find_phrases`]).
fn nouns() -> &'static [&'static str] {
    static NOUNS: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    NOUNS.get_or_init(|| {
        events::VENUE
            .iter()
            .copied()
            .chain(
                events::VENUE_FORMS
                    .iter()
                    .filter_map(|f| f.split_once('=').map(|p| p.0)),
            )
            .collect()
    })
}

/// The headline verbs that stand for an event noun (`events.toml` `[headline_verbs]`).
/// [`nouns`] indexed for searching every sentence.
fn noun_set() -> &'static PhraseSet<'static> {
    static SET: std::sync::OnceLock<PhraseSet<'static>> = std::sync::OnceLock::new();
    SET.get_or_init(|| PhraseSet::new(nouns()))
}

fn verbs() -> &'static [&'static str] {
    static VERBS: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    VERBS.get_or_init(|| {
        events::HEADLINE_VERBS
            .iter()
            .filter_map(|f| f.split_once('=').map(|p| p.0))
            .collect()
    })
}

lazy_regex!(
    /// What may stand between an event noun and "in/at X": an "of ..." phrase (up to two
    /// words, or up to ten when a participle follows: "the summit of leaders of the region's
    /// states, held in X"), "which was held", a site ("found dead at a house in X", "the trial
    /// at the Old Bailey in X"). Replaced by [`bridge::bridge`]; kept as the oracle of its tests.
    #[cfg(test)]
    bridge_re,
    r"(?x-u)^
            \s*,?
            (?:
                (?:\s+of\s+(?:the\s+)?[a-z0-9][a-z0-9&.\-']*(?:\s+[a-z0-9][a-z0-9&.\-']*)?)?
                (?:\s*(?:which|that)\b)?
                (?:\s+(?:was|were|is|are|will\s+be|has\s+been|have\s+been|had\s+been|being|to\s+be
                    |is\s+being|are\s+being|was\s+being|were\s+being))?
                (?:\s*(?:held|hosted|staged|convened|convenes|taking\s+place|took\s+place|takes\s+place|take\s+place
                    |opened|opens|began|begins|started|starts|ended|ends|closed|closes|resumed|resumes
                    |played|fought|contested|happened|occurred|broke\s+out
                    |continued|continues|kicked\s+off|kicks\s+off|got\s+under\s+way|gets\s+under\s+way))?
            |
                \s+of\s+(?:the\s+)?[a-z0-9][a-z0-9&.\-']*(?:\s+[a-z0-9][a-z0-9&.\-']*){1,9}\s*,?
                (?:\s*(?:which|that)\b)?
                (?:\s+(?:was|were|is|are|will\s+be|has\s+been|have\s+been|had\s+been|being|to\s+be))?
                \s*(?:held|hosted|staged|convened|taking\s+place|took\s+place|takes\s+place)
            )
            (?:\s+(?:at|in|on|outside)\s+(?:(?:a|an|the|his|her|their|its)\s+)?[a-z0-9'\-]+(?:\s+[a-z0-9'\-]+){0,2})?
            ,?\s+(?:in|at)\s+(?:the\s+)?$"
);

/// True when `gap` (lower case) joins an event noun to the place after it ([`bridge::bridge`]:
/// an "of ..." phrase, "which was held", a site, then "in"/"at"). The common gaps (" in ",
/// ", at the ") are recognised by a cheaper test first.
fn bridges(gap: &str) -> bool {
    simple_bridge(gap) || bridge::bridge(gap)
}

#[path = "event_bridge.rs"]
mod bridge;

/// Every line of every file under `fixtures/`: inputs for the oracle tests.
#[cfg(test)]
fn fixture_lines() -> Vec<String> {
    let texts = crate::test_text::fixture_texts();
    let out: Vec<String> = texts
        .iter()
        .flat_map(|t| t.lines().map(str::to_string))
        .collect();
    assert!(out.len() > 1_000, "{}", out.len());
    out
}

/// `^\s*,?\s+(?:in|at)\s+(?:the\s+)?$` (ASCII white space): a part of [`bridge::bridge`]'s language
/// (its optional phrases all empty), so true here means true there.
fn simple_bridge(gap: &str) -> bool {
    let ws = |c: char| c.is_ascii_whitespace() || c == '\u{b}';
    let g = gap.trim_start_matches(ws);
    let (t, spaced) = match g.strip_prefix(',') {
        Some(r) => {
            let t = r.trim_start_matches(ws);
            (t, t.len() < r.len())
        }
        None => (g, g.len() < gap.len()),
    };
    let Some(after) = t.strip_prefix("in").or_else(|| t.strip_prefix("at")) else {
        return false;
    };
    let rest = after.trim_start_matches(ws);
    if !spaced || rest.len() == after.len() {
        return false;
    }
    rest.is_empty()
        || rest.strip_prefix("the").is_some_and(|r| {
            let end = r.trim_start_matches(ws);
            end.is_empty() && end.len() < r.len()
        })
}

/// True when `gap`, the text between a claimed place and another place, ends by moving the event
/// on there ("the talks, which took place in London on Monday, continued in Brussels"): the same
/// as `(?-u)\b(?:continued|continues|resumed|resumes|carried\s+on|went\s+on|moved\s+on)(?:\s+on\s+[a-z]+)?\s+(?:in|at|to)\s+(?:the\s+)?$`
/// (ASCII white space and word boundaries), read from the end.
fn moves_on(gap: &str) -> bool {
    let is_word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    // `\s+` (ASCII) at the end of `s`: `s` without it, `None` without white space.
    fn spaces1(s: &str) -> Option<&str> {
        let t = s.trim_end_matches(|c: char| c.is_ascii_whitespace() || c == '\u{b}');
        (t.len() < s.len()).then_some(t)
    }
    // The verb at the very end of `s`, with a word boundary before it.
    let verb_at_end = |s: &str| -> bool {
        let bounded = |rest: &str| !rest.bytes().next_back().is_some_and(is_word);
        let single = ["continued", "continues", "resumed", "resumes"]
            .iter()
            .any(|v| s.strip_suffix(v).is_some_and(bounded));
        single
            || s.strip_suffix("on").and_then(spaces1).is_some_and(|head| {
                ["carried", "went", "moved"]
                    .iter()
                    .any(|v| head.strip_suffix(v).is_some_and(bounded))
            })
    };
    let Some(t1) = spaces1(gap) else {
        return false;
    };
    let before_the = t1.strip_suffix("the").and_then(spaces1);
    [Some(t1), before_the].into_iter().flatten().any(|t2| {
        ["in", "at", "to"].iter().any(|prep| {
            let Some(t3) = t2.strip_suffix(prep).and_then(spaces1) else {
                return false;
            };
            if verb_at_end(t3) {
                return true;
            }
            // "continued on tuesday in": the verb, then "on" and a lower-case word.
            let word = t3.bytes().rev().take_while(u8::is_ascii_lowercase).count();
            word > 0
                && t3
                    .get(..t3.len() - word)
                    .and_then(spaces1)
                    .and_then(|r| r.strip_suffix("on"))
                    .and_then(spaces1)
                    .is_some_and(verb_at_end)
        })
    })
}

/// Longest text between an event noun and its place that [`bridge::bridge`] is tried on, and
/// between two places of a moving event: longer gaps are not one phrase. Keeps the work per
/// noun constant on a long single-line article.
const MAX_GAP: usize = 240;

/// The tail of `s` holding at least its last [`frame::WORDS_BEFORE`] words in normal text: the
/// last 160 bytes, widened to a char boundary and cut after a space so no word is split.
/// Bounds the words scanned per noun (the whole sentence before it would be quadratic).
fn tail(s: &str) -> &str {
    if s.len() <= 160 {
        return s;
    }
    let mut at = s.len() - 160;
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    let rest = s.get(at..).unwrap_or_default();
    match rest.find(char::is_whitespace) {
        Some(i) => rest.get(i..).unwrap_or_default(),
        None => rest,
    }
}

/// True when a possessive time word a little further back than [`frame::WORDS_BEFORE`] is
/// shifted ("last Sunday's world best 10K race"): the words before the possessive are read as
/// before the noun.
fn shifted_possessive(before: &str) -> bool {
    let pre = frame::last_words(before, frame::WORDS_BEFORE + 2);
    pre.iter()
        .position(|w| w.ends_with("'s") || w.ends_with("’s"))
        .is_some_and(|k| frame::shifted_before(pre.get(k + 1..).unwrap_or_default()))
}

/// One matched event word: its span (bytes of the sentence), canonical noun, whether it is a
/// headline verb.
struct Trigger {
    start: usize,
    end: usize,
    event: &'static str,
    verb: bool,
}

/// Find event-location claims. `places` must be the article's place mentions in document
/// order (from [`crate::claims::places::extract`]).
///
/// Beyond the definite and bare nouns, an indefinite noun in the headline or lede is the
/// article's own event when the headline names that event too and either the noun is an
/// incident (`incidents.toml`: "A man has died in a crash near Kirkcaldy" under "Man dies in
/// crash in Fife") or the headline is indefinite about it as well. A headline verb of
/// `[headline_verbs]` ("Leaders meet in Lisbon") is a claim about its noun ("meeting").
pub fn extract(article: &Article, places: &[PlaceMention]) -> Vec<EventClaim> {
    let lede = article.lede().map(|s| s.span);
    let mut out = Vec::new();
    // Indefinite claims of the headline and lede, kept or dropped once the headline is known.
    let mut pending: Vec<EventClaim> = Vec::new();
    let mut headline_events: Vec<(&'static str, bool)> = Vec::new();
    for &sent in &article.sentences {
        let Some(seg) = article.segment_at(sent.start) else {
            continue;
        };
        if !matches!(seg.kind, SegmentKind::Headline | SegmentKind::Paragraph) {
            continue;
        }
        let headline = seg.kind == SegmentKind::Headline;
        // Places are in document order: the sentence's are one contiguous run.
        let lo = places.partition_point(|p| p.span.start < sent.start);
        let hi = places.partition_point(|p| p.span.start < sent.end);
        // (index in `places`, mention) of the sentence's places.
        let sent_places: Vec<(usize, &PlaceMention)> = (lo..)
            .zip(places.get(lo..hi).unwrap_or_default())
            .filter(|&(_, p)| sent.contains(p.span))
            .collect();
        // Every claim needs a place of its sentence; only the headline's event nouns are
        // wanted without one (they decide the lede's indefinite claims).
        if sent_places.is_empty() && !headline {
            continue;
        }
        let text = article.slice(sent);
        let lower = text.to_lowercase();
        if lower.len() != text.len() {
            // Lower-casing changed byte lengths (rare scripts): offsets would not line up.
            continue;
        }
        let in_lede = headline || lede == Some(seg.span);
        // Matched on the lower-cased copy (same byte offsets, checked above).
        let nouns = nouns();
        let mut triggers: Vec<Trigger> = noun_set()
            .find(&lower)
            .filter_map(|(start, end, i)| {
                Some(Trigger {
                    start,
                    end,
                    event: canonical(nouns.get(i)?),
                    verb: false,
                })
            })
            .collect();
        if headline {
            let verbs = verbs();
            triggers.extend(find_phrases(&lower, verbs).filter_map(|(start, end, i)| {
                Some(Trigger {
                    start,
                    end,
                    event: verb_event(verbs.get(i)?)?,
                    verb: true,
                })
            }));
            triggers.sort_by_key(|t| t.start);
        }
        // The hedge test reads every word: only for a sentence with an event noun.
        if triggers.is_empty() || frame::hedged(text) {
            continue;
        }
        for t in triggers {
            let noun = Span::new(sent.start + t.start, sent.start + t.end);
            let event = t.event;
            // Attributive: a place right before the noun (the one ending one space before it).
            let k =
                sent_places.partition_point(|&(_, p)| p.span.end < noun.start.saturating_sub(1));
            let attributive = sent_places.get(k).copied().filter(|&(_, p)| {
                !t.verb
                    && article.text.get(p.span.end..noun.start) == Some(" ")
                    && attributive_ok(p, event, headline)
            });
            let head = attributive.map_or(noun.start, |(_, p)| p.span.start);
            let before = tail(lower.get(..head - sent.start).unwrap_or_default());
            let capitals_uninformative = seg.kind == SegmentKind::Headline
                && article
                    .casing_at(seg.span.start)
                    .is_some_and(|c| c.words_capitalised_majority);
            let qualifier = named_qualifier(
                tail(text.get(..head - sent.start).unwrap_or_default()),
                capitals_uninformative,
            );
            let pre = frame::last_words(before, frame::WORDS_BEFORE);
            if headline {
                let indefinite = frame::determiner(&pre) == Determiner::Indefinite;
                headline_events.push((event, indefinite));
            }
            // In a headline, "after"/"before" an incident ("Man arrested after stabbing in
            // Leeds") names the story's own incident as a cause, not another occurrence; a
            // time-shift word further back ("after last year's stabbing") still moves it.
            let headline_cause = headline
                && lexicon::contains(event_incidents::INTRODUCED, event)
                && pre
                    .first()
                    .is_some_and(|w| lexicon::contains_lower(frames::TEMPORAL, w))
                && !frame::shifted_before(pre.get(1..).unwrap_or_default());
            if !headline_cause && (frame::shifted_before(&pre) || shifted_possessive(before)) {
                continue;
            }
            // A news or press conference is where people speak, not the event reported.
            if event == "conference" && matches!(pre.first().copied(), Some("news" | "press")) {
                continue;
            }
            let indefinite = !t.verb && frame::determiner(&pre) == Determiner::Indefinite;
            if indefinite && !in_lede {
                continue;
            }
            let mut found: Vec<EventClaim> = Vec::new();
            let mut push = |(place, p): (usize, &PlaceMention), form: ClaimForm, moves: bool| {
                if frame::shifted_after(lower.get(p.span.end - sent.start..).unwrap_or("")) {
                    return;
                }
                found.push(EventClaim {
                    event,
                    noun,
                    place,
                    form,
                    segment: seg.kind,
                    lede: in_lede,
                    quoted: article.in_quote(p.span),
                    qualifier: qualifier.clone(),
                    moves,
                });
            };
            // Prepositional: the bridge ends exactly where a place starts.
            let after = sent_places.partition_point(|&(_, p)| p.span.start <= noun.end);
            let prepositional = sent_places
                .get(after..)
                .unwrap_or_default()
                .iter()
                .copied()
                .take_while(|&(_, p)| p.span.start - noun.end <= MAX_GAP)
                .find(|&(_, p)| {
                    p.role == PlaceRole::Name
                        && lower
                            .get(noun.end - sent.start..p.span.start - sent.start)
                            .is_some_and(bridges)
                });
            // "Gaza talks in Doha": with a venue after the noun, a place named before it is the
            // topic (a region adjective still places the event: "Balkan summit in Albania").
            if let Some(a) = attributive {
                if prepositional.is_none() || a.1.role == PlaceRole::Adjective {
                    push(a, ClaimForm::Attributive, false);
                }
            }
            if let Some(i) = prepositional {
                // "..., continued in Brussels on Tuesday": the event moves on to a second place.
                let p = i.1;
                let next = sent_places
                    .iter()
                    .copied()
                    .filter(|&(_, q)| q.span.start > p.span.end)
                    .take_while(|&(_, q)| q.span.start - p.span.end <= MAX_GAP)
                    .find(|&(_, q)| {
                        q.role == PlaceRole::Name
                            && lower
                                .get(p.span.end - sent.start..q.span.start - sent.start)
                                .is_some_and(|gap| !gap.contains(['.', ';']) && moves_on(gap))
                    });
                push(i, ClaimForm::Preposition, next.is_some());
                if let Some(j) = next {
                    push(j, ClaimForm::Preposition, true);
                }
            }
            if indefinite {
                pending.extend(found);
            } else {
                out.extend(found);
            }
        }
    }
    // An indefinite claim of the headline or lede is the article's own event when the headline
    // names it and either it is an incident or the headline is indefinite about it too.
    for c in pending {
        let keep = headline_events.iter().any(|&(e, indefinite)| {
            e == c.event
                && (lexicon::contains(event_incidents::INTRODUCED, c.event)
                    || indefinite
                    || c.segment == SegmentKind::Headline)
        });
        if keep {
            out.push(c);
        }
    }
    out.sort_by_key(|c| (c.noun.start, places.get(c.place).map(|p| p.span.start)));
    out
}

/// The capitalised word right before the noun phrase head (`before` is the sentence text up to
/// it), lower-cased, when it names something ("OPEC", "G-7", "Development"). Capitals say
/// nothing in a headline whose words are mostly capitalised (`capitals_uninformative`).
fn named_qualifier(before: &str, capitals_uninformative: bool) -> Option<String> {
    if capitals_uninformative {
        return None;
    }
    let last = frame::last_words(before, 2);
    let w = *last.first()?;
    let is_first = last.len() == 1;
    let named = w.chars().next().is_some_and(char::is_uppercase)
        && !lexicon::contains(events::NOT_QUALIFIERS, &w.to_lowercase())
        && !(is_first && w.chars().skip(1).all(char::is_lowercase));
    named.then(|| w.to_lowercase())
}

/// True for a place name that is a saint's name (San Fermín, São João, St Patrick), which before
/// an event noun names the feast, not the town.
fn is_saint_name(p: &PlaceMention) -> bool {
    p.readings.iter().any(|&r| {
        gazetteer::place(r).is_some_and(|pl| {
            [
                "San ", "Santa ", "Santo ", "São ", "Sao ", "Saint ", "St ", "St. ", "Sankt ",
            ]
            .iter()
            .any(|prefix| pl.name.starts_with(prefix))
        })
    })
}

fn canonical(noun: &str) -> &'static str {
    let n = noun.to_ascii_lowercase();
    let n = events::VENUE_FORMS
        .iter()
        .filter_map(|f| f.split_once('='))
        .find(|&(form, _)| form == n)
        .map_or(n.as_str(), |(_, c)| c);
    events::VENUE
        .iter()
        .copied()
        .find(|&e| e == n)
        .unwrap_or("event")
}

/// The canonical noun of a headline verb (`[headline_verbs]`: "meet" → "meeting").
fn verb_event(verb: &str) -> Option<&'static str> {
    let (_, noun) = events::HEADLINE_VERBS
        .iter()
        .filter_map(|f| f.split_once('='))
        .find(|&(v, _)| v == verb)?;
    events::VENUE.iter().copied().find(|&e| e == noun)
}

/// "X summit": a region adjective or a city names the place; a country only for elections,
/// and, in the headline, for a summit ("Zelenskyy at Albania summit", "Albanian summit");
/// demonyms otherwise never ("Iranian attack" is not a place).
fn attributive_ok(p: &PlaceMention, event: &str, headline: bool) -> bool {
    let country = || {
        p.readings
            .iter()
            .any(|&r| gazetteer::place(r).is_some_and(|pl| pl.kind == PlaceKind::Country))
    };
    if headline && event == "summit" && !p.cue_only && country() {
        return matches!(p.role, PlaceRole::Name | PlaceRole::Demonym);
    }
    match p.role {
        PlaceRole::Adjective => matches!(event, "summit" | "talks" | "meeting" | "conference"),
        PlaceRole::Demonym => false,
        PlaceRole::Name if p.cue_only => false,
        // "the San Fermín festival", "the São João festival": a saint, not a town.
        PlaceRole::Name if is_saint_name(p) => false,
        PlaceRole::Name => {
            let kinds: Vec<PlaceKind> = p
                .readings
                .iter()
                .filter_map(|&r| gazetteer::place(r).map(|pl| pl.kind))
                .collect();
            if event == "election" {
                // "the Georgia election": a country or division (or a city) holds it.
                !kinds.contains(&PlaceKind::Region)
            } else {
                // "the Oslo talks": a city (Oslo is also a county), never a country ("Vietnam
                // talks" are talks with Vietnam); attacks and trials name their target.
                event != "attack"
                    && event != "trial"
                    && kinds.contains(&PlaceKind::City)
                    && !kinds.contains(&PlaceKind::Country)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::places;
    use crate::input::plain::parse;
    use std::sync::Arc;

    fn claims(t: &str) -> Vec<(String, String, ClaimForm)> {
        let a = parse(Arc::from(t));
        let p = places::extract(&a);
        extract(&a, &p)
            .into_iter()
            .map(|c| {
                (
                    c.event.to_string(),
                    a.slice(p[c.place].span).to_string(),
                    c.form,
                )
            })
            .collect()
    }

    #[test]
    fn explicit_forms_are_claims() {
        let got = claims("Zelenskyy at Balkan summit in Albania\n\nThe summit, which took place in Kyiv, ended. Talks were held in Geneva.\n");
        assert_eq!(
            got,
            vec![
                ("summit".into(), "Balkan".into(), ClaimForm::Attributive),
                ("summit".into(), "Albania".into(), ClaimForm::Preposition),
                ("summit".into(), "Kyiv".into(), ClaimForm::Preposition),
                ("talks".into(), "Geneva".into(), ClaimForm::Preposition),
            ]
        );
    }

    #[test]
    fn words_containing_shift_words_do_not_cancel_claims() {
        let got =
            claims("Summit opens in Lisbon\n\nThe summit, held in Madrid, lasted two days.\n");
        let places: Vec<&str> = got.iter().map(|c| c.1.as_str()).collect();
        assert_eq!(places, vec!["Lisbon", "Madrid"]);
        let got = claims("Talks\n\nThe Lisbon summit ended. The talks resumed in Oslo.\n");
        let places: Vec<&str> = got.iter().map(|c| c.1.as_str()).collect();
        assert_eq!(places, vec!["Lisbon", "Oslo"]);
    }

    #[test]
    fn organisation_between_noun_and_place() {
        let got = claims("Talks\n\nThe meeting of the WSIS in Geneva agreed a fund.\n");
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].1, "Geneva");
    }

    #[test]
    fn topic_before_the_noun_and_saints() {
        let got = claims("Gaza talks in Doha\n\nThe San Fermín festival opened. The trial, which is being held in Leeds, resumed.\n");
        let places: Vec<(&str, &str)> = got.iter().map(|c| (c.0.as_str(), c.1.as_str())).collect();
        assert_eq!(places, vec![("talks", "Doha"), ("trial", "Leeds")]);
    }

    #[test]
    fn named_events_carry_their_qualifier() {
        let t = "Officials prepare for Lagos meeting\n\nThe Lagos meeting will draft proposals for the OPEC meeting in Vienna.\n";
        let a = parse(Arc::from(t));
        let p = places::extract(&a);
        let q: Vec<Option<String>> = extract(&a, &p).into_iter().map(|c| c.qualifier).collect();
        assert_eq!(q, vec![None, None, Some("opec".to_string())]);
    }

    #[test]
    fn time_shift_indefinite_and_hedges_are_not_claims() {
        let t = "Leaders meet\n\nThey met on Monday.\n\nSince the summit in Chisinau, ties grew. It came a year after the Chisinau summit. The summit in Rome in June was calm. Zelensky watched the summit in Kyiv. Last year's summit in Vilnius was tense. He attended a summit in Rome. The summit was originally planned for Paris but moved to Rome. The summit in Madrid last year was calm.\n";
        assert_eq!(claims(t), vec![]);
    }
}

#[cfg(test)]
mod bridge_tests {
    use super::*;

    /// The short cut never says yes where the regex says no, and takes the common gaps.
    #[test]
    fn simple_bridges_are_bridges() {
        let pieces = [
            " ", "  ", "\t", ",", "in", "at", "the", "of", "held", "x", "\u{a0}", "inside",
        ];
        let mut rng = crate::test_text::Pieces::new(0x5851_f42d_4c95_7f2d);
        let mut simple = 0;
        for _ in 0..40_000 {
            let gap = rng.text_up_to(&pieces, 6);
            if simple_bridge(&gap) {
                simple += 1;
                assert!(bridge_re().is_match(&gap), "{gap:?}");
            }
        }
        assert!(simple > 100, "{simple}");
        for gap in [" in ", ", in ", " at the ", " ,  in\tthe  "] {
            assert!(simple_bridge(gap) && bridge_re().is_match(gap), "{gap:?}");
        }
        for gap in ["in ", " in", " in thex ", ", which was held in ", ",in "] {
            assert!(!simple_bridge(gap), "{gap:?}");
        }
        assert!(bridges(", which was held in "));
    }
}

#[cfg(test)]
mod moves_on_tests {
    use super::*;

    /// `moves_on` says what the regex it replaces says, on pseudo-random gaps.
    #[test]
    fn agrees_with_the_regex() {
        let re = crate::fast_regex::compile(
            r"(?x-u)\b(?:continued|continues|resumed|resumes|carried\s+on|went\s+on|moved\s+on)
        (?:\s+on\s+[a-z]+)?\s+(?:in|at|to)\s+(?:the\s+)?$",
        )
        .unwrap();
        let pieces = [
            "continued",
            "resumes",
            "carried",
            "went",
            "moved",
            "on",
            "in",
            "at",
            "to",
            "the",
            "tuesday",
            "Monday",
            "x",
            "_",
            " ",
            "  ",
            "\t",
            "\n",
            "\u{b}",
            "\u{a0}",
            ",",
            "é",
            "bathe",
            "xcontinued",
        ];
        let mut rng = crate::test_text::Pieces::new(0x3c6e_f372_fe94_f82b);
        let mut hits = 0;
        for _ in 0..40_000 {
            // Every other piece a space, so that words stay apart often.
            let gap: String = (0..8)
                .map(|i| {
                    let p = pieces[rng.below(pieces.len())];
                    if i % 2 == 1 {
                        format!("{p} ")
                    } else {
                        p.to_string()
                    }
                })
                .collect();
            let want = re.is_match(&gap);
            hits += usize::from(want);
            assert_eq!(moves_on(&gap), want, "{gap:?}");
        }
        for gap in [
            ", continued in ",
            " and went on  on tuesday to the ",
            " carried\ton at ",
            ", continued in",
            " discontinued in ",
        ] {
            assert_eq!(moves_on(gap), re.is_match(gap), "{gap:?}");
        }
        assert!(moves_on(", continued in ") && !moves_on(" discontinued in "));
        assert!(hits > 50, "{hits}");
    }
}
