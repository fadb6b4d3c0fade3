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
use crate::knowledge::lexicon::{self, events};
use crate::text::casing::Casing;

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
}

lazy_regex!(
    /// The event nouns (`rules/lexicons/events.toml` `[venue]`) as whole words, matched on
    /// lower-cased text.
    noun_re,
    format!(r"(?-u)\b({})\b", events::VENUE.join("|"))
);

lazy_regex!(
    /// What may stand between an event noun and "in/at X".
    bridge_re,
    r"(?x-u)^
            \s*,?
            (?:\s+of\s+(?:the\s+)?[a-z0-9][a-z0-9&.\-]*(?:\s+[a-z0-9][a-z0-9&.\-]*)?)?
            (?:\s*(?:which|that)\b)?
            (?:\s+(?:was|were|is|are|will\s+be|has\s+been|have\s+been|had\s+been|being|to\s+be
                |is\s+being|are\s+being|was\s+being|were\s+being))?
            (?:\s*(?:held|hosted|staged|convened|convenes|taking\s+place|took\s+place|takes\s+place|take\s+place
                |opened|opens|began|begins|started|starts|ended|ends|closed|closes|resumed|resumes
                |played|fought|contested
                |continued|continues|kicked\s+off|kicks\s+off|got\s+under\s+way|gets\s+under\s+way))?
            ,?\s+(?:in|at)\s+(?:the\s+)?$"
);

/// Find event-location claims. `places` must be the article's place mentions in document
/// order (from [`crate::claims::places::extract`]).
pub fn extract(article: &Article, places: &[PlaceMention]) -> Vec<EventClaim> {
    let lede = article.lede().map(|s| s.span);
    let mut out = Vec::new();
    for &sent in &article.sentences {
        let Some(seg) = article.segment_at(sent.start) else {
            continue;
        };
        if !matches!(seg.kind, SegmentKind::Headline | SegmentKind::Paragraph) {
            continue;
        }
        let text = article.slice(sent);
        let lower = text.to_lowercase();
        if lower.len() != text.len() {
            // Lower-casing changed byte lengths (rare scripts): offsets would not line up.
            continue;
        }
        if frame::hedged(text) {
            continue;
        }
        let in_lede = seg.kind == SegmentKind::Headline || lede == Some(seg.span);
        // Places are in document order: the sentence's are one contiguous run.
        let lo = places.partition_point(|p| p.span.start < sent.start);
        let hi = places.partition_point(|p| p.span.start < sent.end);
        let sent_places: Vec<usize> = (lo..hi)
            .filter(|&i| sent.contains(places[i].span))
            .collect();
        // Matched on the lower-cased copy (same byte offsets, checked above): a case-insensitive
        // regex would cost milliseconds to compile on every run.
        for m in noun_re().find_iter(&lower) {
            let noun = Span::new(sent.start + m.start(), sent.start + m.end());
            let event = canonical(m.as_str());
            // Attributive: a place right before the noun.
            let attributive = sent_places.iter().copied().find(|&i| {
                let p = &places[i];
                article.text.get(p.span.end..noun.start) == Some(" ") && attributive_ok(p, event)
            });
            let head = attributive.map_or(noun.start, |i| places[i].span.start);
            let before = &lower[..head - sent.start];
            let qualifier = named_qualifier(
                &text[..head - sent.start],
                seg.kind,
                article.casing_at(seg.span.start),
            );
            let pre = frame::last_words(before, frame::WORDS_BEFORE);
            if frame::shifted_before(&pre) {
                continue;
            }
            // A news or press conference is where people speak, not the event reported.
            if event == "conference" && matches!(pre.first().copied(), Some("news" | "press")) {
                continue;
            }
            match frame::determiner(&pre) {
                Determiner::Indefinite => continue,
                Determiner::Definite => {}
                // A bare noun ("after talks in Geneva") is the same event noun: kept.
                Determiner::Other => {}
            }
            let mut push = |place: usize, form: ClaimForm| {
                let p = &places[place];
                if frame::shifted_after(lower.get(p.span.end - sent.start..).unwrap_or("")) {
                    return;
                }
                out.push(EventClaim {
                    event,
                    noun,
                    place,
                    form,
                    segment: seg.kind,
                    lede: in_lede,
                    quoted: article.in_quote(p.span),
                    qualifier: qualifier.clone(),
                });
            };
            // Prepositional: the bridge ends exactly where a place starts.
            let prepositional = sent_places.iter().copied().find(|&i| {
                let p = &places[i];
                p.span.start > noun.end
                    && p.role == PlaceRole::Name
                    && article
                        .text
                        .get(noun.end..p.span.start)
                        .is_some_and(|gap| bridge_re().is_match(&gap.to_lowercase()))
            });
            // "Gaza talks in Doha": with a venue after the noun, a place named before it is the
            // topic (a region adjective still places the event: "Balkan summit in Albania").
            if let Some(i) = attributive {
                if prepositional.is_none() || places[i].role == PlaceRole::Adjective {
                    push(i, ClaimForm::Attributive);
                }
            }
            if let Some(i) = prepositional {
                push(i, ClaimForm::Preposition);
            }
        }
    }
    out
}

/// The capitalised word right before the noun phrase head (`before` is the sentence text up to
/// it), lower-cased, when it names something ("OPEC", "G-7", "Development"). Capitals in an
/// all-capitals or Title Case headline say nothing.
fn named_qualifier(before: &str, kind: SegmentKind, casing: Option<Casing>) -> Option<String> {
    if kind == SegmentKind::Headline && casing.is_some_and(|c| c.words_capitalised_majority) {
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
    events::VENUE
        .iter()
        .copied()
        .find(|&e| e == n)
        .unwrap_or("event")
}

/// "X summit": a region adjective or a city names the place; a country only for elections;
/// demonyms never ("Iranian attack" is not a place).
fn attributive_ok(p: &PlaceMention, event: &str) -> bool {
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
