//! Frames: is a claim about the article's own event, at the article's time, for certain?
//!
//! A claim's sentence may move it to another time ("last year's summit in Vilnius", "in Madrid
//! last year"), to another occurrence of the event ("a summit in Rome", "another meeting"), or
//! make it hypothetical or remote ("was originally planned for Paris", "joined by video"). The
//! word lists are data (`rules/lexicons/frames.toml`, `places.toml` `[time_after]`); the
//! functions here read them over the one tokenizer ([`crate::text::words`]).
//!
//! [`of`] gives the [`Frame`] flags for any span of an article (used by the claim envelope for
//! places and events); the smaller functions are the parts, for extractors that already hold
//! the words around their head (event claims).

use crate::article::Article;
use crate::knowledge::calendar::month_from_name;
use crate::knowledge::lexicon::{self, frames, places};
use crate::source::Span;
use crate::text::words;

use super::envelope::Frame;

/// How many words before a head are searched for time-shift words and a determiner.
pub const WORDS_BEFORE: usize = 4;

/// How many words after a place are searched for time-shift words.
pub const WORDS_AFTER: usize = 5;

/// The determiner found before a noun.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Determiner {
    /// "the", "this", "today's", a possessive ("Tuesday's talks").
    Definite,
    /// "a", "several", "two": another occurrence of the event.
    Indefinite,
    /// None found before a phrase break (a bare noun: "after talks in Geneva").
    Other,
}

/// True when `sentence` holds a hedge, relocation or remote-attendance word or phrase
/// (`frames.toml` `[hedges]`) as whole words, any case.
pub fn hedged(sentence: &str) -> bool {
    words::contains_phrase(sentence, frames::HEDGES)
}

/// `w` without surrounding punctuation other than apostrophes ("year's" stays whole).
fn trim_word(w: &str) -> &str {
    w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
}

/// True when `w` (a whole token) reads as a year ([`words::YEARS`]).
fn is_year(w: &str) -> bool {
    words::years_in(w).next().is_some()
}

/// True when the words before a head (`pre`, closest first, at most [`WORDS_BEFORE`] used)
/// move it to another occurrence or time: a time-shift word or temporal preposition
/// (`[time_shift_before]`, `[temporal]`, any case) among them, or a year among the closest two
/// ("the 2019 summit").
pub fn shifted_before(pre: &[&str]) -> bool {
    pre.iter().take(WORDS_BEFORE).any(|w| {
        let w = trim_word(w);
        lexicon::contains_lower(frames::TIME_SHIFT_BEFORE, w)
            || lexicon::contains_lower(frames::TEMPORAL, w)
    }) || pre.iter().take(2).any(|w| is_year(w))
}

/// The determiner of a noun phrase from the words before its head (`pre`, closest first); up
/// to two modifiers may stand between ("the failed Wellington talks" is definite).
pub fn determiner(pre: &[&str]) -> Determiner {
    for w in pre.iter().take(3) {
        let w = trim_word(w);
        if lexicon::contains_lower(frames::DEFINITE, w) || w.ends_with("'s") || w.ends_with("’s")
        {
            return Determiner::Definite;
        }
        if lexicon::contains_lower(frames::INDEFINITE, w) {
            return Determiner::Indefinite;
        }
        if lexicon::contains_lower(frames::PHRASE_BREAK, w) || w.is_empty() {
            return Determiner::Other;
        }
    }
    Determiner::Other
}

/// True when the first [`WORDS_AFTER`] words of `after` (the text following a place) move the
/// claim to another time: a `[time_after]` word ("in Madrid last year", "two years ago"), or
/// "in" before a year or a month name other than "may" ("in Vilnius in 2023", "in June").
pub fn shifted_after(after: &str) -> bool {
    let ws: Vec<&str> = words::words(after)
        .map(|(_, w)| w)
        .take(WORDS_AFTER)
        .collect();
    ws.iter().enumerate().any(|(i, w)| {
        lexicon::contains_lower(places::TIME_AFTER, w)
            || (w.eq_ignore_ascii_case("in")
                && ws.get(i + 1).is_some_and(|n| {
                    is_year(n) || (month_from_name(n).is_some() && !n.eq_ignore_ascii_case("may"))
                }))
    })
}

/// The words of `s` from the end backwards (closest to the end first), at most `n`.
pub fn last_words(s: &str, n: usize) -> Vec<&str> {
    let mut v: Vec<&str> = words::words(s).map(|(_, w)| w).collect();
    v.reverse();
    v.truncate(n);
    v
}

/// The frame of the claim at `span` (bytes of `article`), read from its sentence: `hedge` when
/// the sentence is hedged ([`hedged`]); `time_shift` when the words before it
/// ([`shifted_before`]) or after it ([`shifted_after`]) move it to another time;
/// `other_event` when an indefinite determiner governs it ("a summit in Rome"). `change` is
/// left to the numbers extractor. All false outside a sentence (dateline, date line).
pub fn of(article: &Article, span: Span) -> Frame {
    let Some(sentence) = article.sentence_at(span.start) else {
        return Frame::default();
    };
    let text = &article.text;
    let before = text.get(sentence.start..span.start).unwrap_or("");
    let after = text
        .get(span.end.min(sentence.end)..sentence.end)
        .unwrap_or("");
    let pre = last_words(before, WORDS_BEFORE);
    Frame {
        time_shift: shifted_before(&pre) || shifted_after(after),
        hedge: hedged(article.slice(sentence)),
        change: false,
        other_event: determiner(&pre) == Determiner::Indefinite,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::plain::parse;
    use std::sync::Arc;

    fn frame_of(t: &str, word: &str) -> Frame {
        let a = parse(Arc::from(t));
        let i = t.rfind(word).unwrap_or(0);
        of(&a, Span::new(i, i + word.len()))
    }

    #[test]
    fn parts() {
        assert!(hedged("The summit was originally planned for Paris."));
        assert!(hedged("He joined BY VIDEO from Kyiv."));
        assert!(!hedged("The summit was held in Paris."));
        assert!(shifted_before(&["summit", "year's", "last"]));
        assert!(shifted_before(&["the", "since"]));
        assert!(shifted_before(&["2019", "the"]));
        assert!(!shifted_before(&["the"]));
        assert_eq!(determiner(&["a"]), Determiner::Indefinite);
        assert_eq!(determiner(&["failed", "the"]), Determiner::Definite);
        assert_eq!(determiner(&["Tuesday's"]), Determiner::Definite);
        assert_eq!(determiner(&["after"]), Determiner::Other);
        assert!(shifted_after(" last year, officials said"));
        assert!(shifted_after(" in 2023."));
        assert!(shifted_after(" in June."));
        assert!(!shifted_after(" in May, officials said"));
        assert!(!shifted_after(" on Monday, and leaders met in Rome"));
        assert_eq!(
            last_words("Since the summit in", 3),
            vec!["in", "summit", "the"]
        );
    }

    #[test]
    fn frames_of_spans() {
        let t = "Leaders meet\n\nLast year's summit in Vilnius was tense. A summit in Rome ended. The summit in Kyiv would end. The summit in Oslo ended.\n";
        let f = frame_of(t, "Vilnius");
        assert!(f.time_shift && !f.hedge && !f.other_event);
        let f = frame_of(t, "summit in Rome");
        assert!(f.other_event && !f.time_shift);
        let f = frame_of(t, "Kyiv");
        assert!(f.hedge && !f.time_shift);
        assert_eq!(frame_of(t, "Oslo"), Frame::default());
    }

    #[test]
    fn place_and_event_claims_carry_frames_and_quotes() {
        use crate::claims::envelope::{collect, ClaimKind};
        let t = "Summit in Albania\n\nLast year's summit in Vilnius was tense. \"The summit in Kyiv went well,\" Smith said.\n";
        let a = parse(Arc::from(t));
        let m = crate::claims::Mentions::extract(&a, None);
        let claims = collect(&a, &m, None);
        let place = |name: &str| {
            claims
                .iter()
                .find(|c| c.kind == ClaimKind::Place && c.text == name)
                .cloned()
        };
        let vilnius = place("Vilnius").expect("Vilnius");
        assert!(vilnius.frame.time_shift && !vilnius.quoted);
        let kyiv = place("Kyiv").expect("Kyiv");
        assert!(kyiv.quoted && !kyiv.frame.time_shift);
        assert_eq!(kyiv.speaker.as_deref(), Some("Smith"));
        let events: Vec<(&str, bool)> = claims
            .iter()
            .filter(|c| c.kind == ClaimKind::Event)
            .map(|c| (c.text.as_str(), c.quoted))
            .collect();
        assert_eq!(
            events,
            vec![("Summit in Albania", false), ("summit in Kyiv", true)]
        );
    }
}
