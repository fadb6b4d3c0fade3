//! The frame of a number: what its sentence and clause say about *which* count it is.
//!
//! News copy is full of numbers about other things than the reported incident: a toll that rose,
//! a running total, another attack, last year's figure, a subset ("three children among the
//! 12"). [`annotate`] records, once per number, the words of its sentence and clause that say so
//! (`rules/lexicons/quantity-frames.toml`, `incidents.toml`, `incident-synonyms.toml`), and what
//! its sentence has that the headline and lede do not (a year, a frame word, an incident noun, a
//! fronted place). Comparators (N010) read these fields instead of re-reading the text.
//!
//! Words are the lower-cased pieces of [`crate::text::words::pieces`] (so "Monday's" has
//! "monday"); clauses come from [`crate::text::clauses`]; years from
//! [`crate::text::words::years_in`]. Spans are **bytes** into the article text.

use serde::Serialize;

use crate::article::Article;
use crate::knowledge::gazetteer;
use crate::knowledge::lexicon::{self, conversions, incidents, quantity_frames as qf};
use crate::source::Span;
use crate::text::{clauses, words};

use super::numbers::{Kind, NumberMention};
use crate::knowledge::numbers::Dimension;

/// Frame flags and words of one number's sentence and clause.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct QuantityFrame {
    /// Its sentence reports a changed or updated count ("rose to", "revised", "now").
    pub change: bool,
    /// Its sentence gives a running or overall total ("in total", "so far").
    pub running_total: bool,
    /// Its sentence is about another incident ("another", "separate").
    pub other_event: bool,
    /// Its sentence is about another time ("earlier", "last year", "since").
    pub time_shift: bool,
    /// Its clause makes it a subset or an addition ("among", "including", "more", "also").
    pub subset: bool,
    /// The years written in its sentence (or in the number's own span outside sentences), each
    /// once, in order of first appearance (as are the lists below).
    pub years: Vec<i32>,
    /// The years of its sentence that the headline and lede do not give.
    pub new_years: Vec<i32>,
    /// Its sentence has a frame word of its own ("every year", "across", "recalled") and the
    /// headline and lede have none.
    pub own_frame: bool,
    /// The incident nouns of its sentence ("blast", "crash"), as in the lexicon.
    pub incidents: Vec<&'static str>,
    /// Incident nouns of its sentence that the headline and lede name neither as written nor
    /// by a synonym ("explosion" for "blast").
    pub new_incidents: Vec<&'static str>,
    /// Incident nouns its sentence points back to with "the", "this" or "that".
    pub refers_to: Vec<&'static str>,
    /// Time words of its sentence ("monday", "yesterday", "week").
    pub times: Vec<&'static str>,
    /// Its sentence gives a toll over a period or a running total ("85 dead in three days of
    /// floods", "death toll", `quantity-frames.toml` `[cumulative]`): a smaller count on a day
    /// of its own may be one day's part of it.
    pub cumulative: bool,
    /// Its sentence opens with a place the headline and lede do not name ("In Austria, ...").
    pub fronted_place: bool,
    /// The words around it make it a difference rather than a reading ("rose by 5C", "5C
    /// warmer"; `conversions.toml`).
    pub difference: bool,
}

/// How a number is tied to the number before it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Link {
    /// Not tied (or the first number).
    #[default]
    None,
    /// A conversion of the previous number: only "(", "[", "or", ", or" or "/" between them
    /// ("10 km (6 miles)").
    Conversion,
    /// Written with the previous number as one measure: nothing, "and" or "," between them
    /// ("7lb 8oz", "5 feet 9 inches").
    Joined,
}

/// How the text between two numbers links them.
fn link(between: &str) -> Link {
    match between.trim() {
        "(" | "or" | "/" | ", or" | "[" => Link::Conversion,
        "" | "and" | "," => Link::Joined,
        _ => Link::None,
    }
}

/// True when the words before `m` (up to four, in its sentence) or after it (within 40 bytes)
/// make it a difference.
fn reads_as_difference(article: &Article, m: &NumberMention) -> bool {
    // The last four words before the number: a window of 120 bytes holds them (its first,
    // possibly cut, word is never among the last four of a window of five or more words).
    let mut from = m
        .sentence
        .map_or(m.span.start, |s| s.start)
        .max(m.span.start.saturating_sub(120));
    while from < m.span.start && !article.text.is_char_boundary(from) {
        from += 1;
    }
    let before = article
        .slice(Span::new(from, m.span.start))
        .to_ascii_lowercase();
    let after_end = m
        .sentence
        .map_or(m.span.end, |s| s.end)
        .min(m.span.end + 40);
    let after = article
        .slice(Span::new(m.span.end, after_end))
        .to_ascii_lowercase();
    before
        .split(|c: char| !c.is_ascii_alphabetic())
        .rev()
        .take(4)
        .any(|w| lexicon::contains(conversions::DIFFERENCE_BEFORE, w))
        || conversions::DIFFERENCE_AFTER
            .iter()
            .any(|w| after.contains(w))
}

impl QuantityFrame {
    /// True when the number is never compared: its sentence reports a change, a total, another
    /// incident or another time, or its clause a subset.
    pub fn blocked(&self) -> bool {
        self.change || self.running_total || self.other_event || self.time_shift || self.subset
    }

    /// Like [`QuantityFrame::blocked`], for a body number held against the headline: a running
    /// or overall total ("458 people were killed in total") is what a headline states, so it
    /// is compared.
    pub fn blocked_against_headline(&self) -> bool {
        self.change || self.other_event || self.time_shift || self.subset
    }
}

/// The entry of `list` equal to `word`, with the list's static lifetime.
fn entry(list: &'static [&'static str], word: &str) -> Option<&'static str> {
    list.binary_search(&word)
        .ok()
        .and_then(|i| list.get(i).copied())
}

/// Lower-cased pieces of `s`.
fn lower_pieces(s: &str) -> Vec<String> {
    words::pieces(s).map(|(_, w)| w.to_lowercase()).collect()
}

/// True when a clause's words make its number a subset or an addition (`clause_subset`), its
/// qualifier phrases (`clause_qualifiers`: "more than 15") left out first.
fn subset_clause(clause: &str) -> bool {
    let mut pieces = lower_pieces(clause);
    let mut i = 0;
    while i < pieces.len() {
        let len = qf::CLAUSE_QUALIFIERS.iter().find_map(|p| {
            let n = p.split(' ').count();
            let hit = p
                .split(' ')
                .enumerate()
                .all(|(k, w)| pieces.get(i + k).is_some_and(|x| x == w));
            hit.then_some(n)
        });
        match len {
            Some(n) => {
                pieces.drain(i..i + n);
            }
            None => i += 1,
        }
    }
    words::pieces_contain_phrase(&pieces, qf::CLAUSE_SUBSET)
}

/// True when a noun of the same kind as `noun` (`incident-synonyms.toml`) is in `pieces`.
fn synonym_in(noun: &str, pieces: &[String]) -> bool {
    lexicon::GROUPS
        .iter()
        .filter(|(group, _)| *group == "incident_synonyms")
        .flat_map(|(_, lists)| lists.iter())
        .filter(|(_, kind)| lexicon::contains(kind, noun))
        .any(|(_, kind)| kind.iter().any(|x| words::pieces_contain(pieces, x)))
}

/// True when `sentence` opens with "In X," where X is a place of the gazetteer (at most four
/// capitalised words) that `head_lede` does not name.
fn fronted_place(sentence: &str, head_lede: &[String]) -> bool {
    let Some((place, _)) = sentence
        .strip_prefix("In ")
        .and_then(|rest| rest.split_once(','))
    else {
        return false;
    };
    let place = place.trim();
    place.chars().next().is_some_and(char::is_uppercase)
        && place.split_whitespace().count() <= 4
        && !words::pieces_contain(head_lede, &place.to_lowercase())
        && gazetteer::is_place_name(place)
}

/// The distinct items of `items`, in order of first appearance (few: lexicon words or years).
fn firsts<T: PartialEq>(items: impl Iterator<Item = T>) -> Vec<T> {
    let mut out = Vec::new();
    for i in items {
        if !out.contains(&i) {
            out.push(i);
        }
    }
    out
}

/// The fields of [`QuantityFrame`] that depend only on the number's sentence (`own_text`;
/// `in_sentence` false when the number stands outside any sentence, e.g. a dateline).
fn sentence_fields(
    own_text: &str,
    in_sentence: bool,
    head_lede: &[String],
    head_lede_frame: bool,
) -> QuantityFrame {
    let mut f = QuantityFrame::default();
    let wp = lower_pieces(own_text);
    // Each list holds a word or year once (they are read as sets), so that copying them to
    // every number of a long sentence stays cheap.
    f.years = firsts(words::years_in(own_text).map(|(_, y)| y));
    f.incidents = firsts(wp.iter().filter_map(|w| entry(incidents::NOUNS, w)));
    f.times = firsts(wp.iter().filter_map(|w| entry(qf::OWN_TIME, w)));
    f.cumulative = words::pieces_contain_phrase(&wp, qf::CUMULATIVE)
        || words::pieces_contain_phrase(&wp, qf::RUNNING_TOTAL);
    f.refers_to = firsts(wp.windows(2).filter_map(|w| match w {
        [d, noun] if matches!(d.as_str(), "the" | "this" | "that") => entry(incidents::NOUNS, noun),
        _ => None,
    }));
    if in_sentence {
        f.new_years = f
            .years
            .iter()
            .copied()
            .filter(|y| !head_lede.contains(&y.to_string()))
            .collect();
        f.own_frame = words::pieces_contain_phrase(&wp, qf::OWN_FRAME) && !head_lede_frame;
        f.new_incidents = f
            .incidents
            .iter()
            .copied()
            .filter(|n| !head_lede.iter().any(|w| w == n) && !synonym_in(n, head_lede))
            .collect();
        f.fronted_place = fronted_place(own_text, head_lede);
    }
    f
}

/// Fill in `clause` and `frame` of every number in `numbers` (all of `article`).
pub fn annotate(article: &Article, numbers: &mut [NumberMention]) {
    // The words of the headline and lede (and whether they have a frame word), read only when
    // a first number needs its sentence fields: most articles have no compared number.
    let mut head_lede: Option<(Vec<String>, bool)> = None;
    let text = &article.text;
    // Numbers come in document order, so those of one sentence are consecutive: the sentence's
    // blocker flags, clause breaks and words are computed once per sentence, not per number.
    type ScopeCache = Option<(Span, [bool; 4], Vec<(usize, usize)>)>;
    let mut scope_cache: ScopeCache = None;
    let mut own_cache: Option<((Span, bool), QuantityFrame)> = None;
    for m in numbers.iter_mut() {
        let mut f = QuantityFrame::default();
        // A difference matters only for temperatures (N013: "rose by 5C (9F)").
        if matches!(&m.kind, Kind::Physical(u) if u.dimension == Dimension::Temperature) {
            f.difference = reads_as_difference(article, m);
        }
        // The clause and sentence details below are what N010 weighs, and it weighs only counts
        // of an event ("12 killed"); other numbers get their sentence flags only when the claims
        // view asks ([`sentence_frame`]), so a plain check does not pay for them.
        if !compared(m) {
            m.frame = f;
            continue;
        }
        // Blockers: the sentence (or segment) and the number's clause in it.
        let scope = scope_of(article, m);
        if scope_cache.as_ref().is_none_or(|(s, _, _)| *s != scope) {
            scope_cache = Some((
                scope,
                scope_flags(article, scope),
                clauses::sentence_breaks(text, scope),
            ));
        }
        let Some((_, flags, breaks)) = &scope_cache else {
            continue;
        };
        [f.change, f.running_total, f.other_event, f.time_shift] = *flags;
        let clause = clauses::clause_in(scope, breaks, m.span);
        m.clause = Some(clause);
        f.subset = subset_clause(article.slice(clause));
        // Words of the sentence (or the number's own span).
        let own = m.sentence.unwrap_or(m.span);
        // The sentence-level fields are the same for every number of the sentence.
        let key = (own, m.sentence.is_some());
        if own_cache.as_ref().is_none_or(|(k, _)| *k != key) {
            let (hl, hl_frame) = head_lede.get_or_insert_with(|| head_and_lede_words(article));
            own_cache = Some((
                key,
                sentence_fields(article.slice(own), m.sentence.is_some(), hl, *hl_frame),
            ));
        }
        if let Some((_, s)) = &own_cache {
            f.years = s.years.clone();
            f.new_years = s.new_years.clone();
            f.own_frame = s.own_frame;
            f.incidents = s.incidents.clone();
            f.new_incidents = s.new_incidents.clone();
            f.refers_to = s.refers_to.clone();
            f.times = s.times.clone();
            f.cumulative = s.cumulative;
            f.fronted_place = s.fronted_place;
        }
        m.frame = f;
    }
    for i in 1..numbers.len() {
        let Some([prev, cur]) = numbers.get_mut(i - 1..=i) else {
            continue;
        };
        let (a, b) = (prev.span, cur.span);
        if b.start >= a.end {
            cur.link = link(article.slice(Span::new(a.end, b.start)));
        }
    }
}

/// The lower-cased pieces of the headline and lede, and whether they have a frame word of
/// their own (`quantity-frames.toml` `own_frame`).
fn head_and_lede_words(article: &Article) -> (Vec<String>, bool) {
    let mut head_lede = Vec::new();
    for seg in [article.headline(), article.lede()].into_iter().flatten() {
        head_lede.extend(lower_pieces(article.slice(seg.span)));
    }
    let frame = words::pieces_contain_phrase(&head_lede, qf::OWN_FRAME);
    (head_lede, frame)
}

/// True for the numbers N010 compares (counts of an event: "12 killed"), whose frame is filled in
/// whole by [`annotate`].
pub fn compared(m: &NumberMention) -> bool {
    m.kind == Kind::Count && !m.modifier && m.counted.verb.is_some()
}

/// The sentence (or segment) a number's blockers are read in.
fn scope_of(article: &Article, m: &NumberMention) -> Span {
    m.sentence
        .or_else(|| article.segment_at(m.span.start).map(|s| s.span))
        .unwrap_or(m.span)
}

/// `[change, running_total, other_event, time_shift]` of a sentence.
fn scope_flags(article: &Article, scope: Span) -> [bool; 4] {
    let sp = lower_pieces(article.slice(scope));
    [
        words::pieces_contain_phrase(&sp, qf::CHANGE),
        words::pieces_contain_phrase(&sp, qf::RUNNING_TOTAL),
        words::pieces_contain_phrase(&sp, qf::OTHER_EVENT),
        words::pieces_contain_phrase(&sp, qf::TIME_SHIFT),
    ]
}

/// The envelope frame of any number: [`envelope_frame`] for the compared ones, the sentence's
/// flags for the others (computed here, on demand, for the claims view).
pub fn sentence_frame(article: &Article, m: &NumberMention) -> super::envelope::Frame {
    if compared(m) {
        return envelope_frame(&m.frame);
    }
    let [change, running_total, other_event, time_shift] =
        scope_flags(article, scope_of(article, m));
    super::envelope::Frame {
        time_shift,
        hedge: false,
        change: change || running_total,
        other_event,
    }
}

/// The envelope's frame flags for a compared number: another time (a shift word, a new year or
/// a frame of its own), a change (an update or a running total) or another event (another
/// incident, a new incident noun, a fronted place).
pub fn envelope_frame(f: &QuantityFrame) -> super::envelope::Frame {
    super::envelope::Frame {
        time_shift: f.time_shift || !f.new_years.is_empty() || f.own_frame,
        hedge: false,
        change: f.change || f.running_total,
        other_event: f.other_event || !f.new_incidents.is_empty() || f.fronted_place,
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::claims::numbers::extract;
    use crate::input::plain::parse;

    fn frames(t: &str) -> Vec<(String, QuantityFrame)> {
        let a = parse(Arc::from(t));
        extract(&a)
            .into_iter()
            .map(|m| (a.slice(m.span).to_string(), m.frame))
            .collect()
    }

    #[test]
    fn blockers_and_clause_subsets() {
        let f = frames("12 killed in fire\n\nThe death toll rose to 15 on Tuesday.");
        assert!(!f[0].1.blocked());
        // "the death toll ... 15" counts the dead, so N010 compares it and its frame is full;
        // the claims view's on-demand frame agrees.
        let a = parse(Arc::from(
            "12 killed in fire\n\nThe death toll rose to 15 on Tuesday.",
        ));
        let nums = extract(&a);
        assert!(compared(&nums[1]), "{nums:#?}");
        assert!(f[1].1.change && f[1].1.blocked(), "{f:#?}");
        assert!(sentence_frame(&a, &nums[1]).change);
        assert!(!sentence_frame(&a, &nums[0]).change);
        let f = frames("H\n\nSeven people were killed and 20 were also injured.");
        assert!(!f[0].1.subset, "'also' is in another clause");
        assert!(f[1].1.subset, "{f:#?}");
        // "more than 20" qualifies its number: not an addition.
        let f = frames("H\n\nSeven people were killed and more than 20 were injured.");
        assert!(!f[1].1.subset, "{f:#?}");
        let f = frames("H\n\nMore than 15 people were killed, and 3 more died later.");
        assert!(!f[0].1.subset, "{f:#?}");
    }

    #[test]
    fn other_frames_against_headline_and_lede() {
        let f = frames(
            "Three killed in Swiss avalanche\n\nAn avalanche killed three skiers on Wednesday.\n\n\
             In 2019, a similar avalanche killed 12 people.\n\nIn Austria, 8 people were killed.\n\n\
             The attack recalled a 2022 bombing that killed 53.",
        );
        let by = |s: &str| {
            f.iter()
                .find(|(t, _)| t == s)
                .map(|(_, f)| f.clone())
                .unwrap()
        };
        let twelve = by("12");
        assert_eq!(twelve.new_years, vec![2019]);
        assert!(twelve.own_frame, "'similar'");
        assert!(by("8").fronted_place);
        let f53 = by("53");
        assert_eq!(f53.new_incidents, vec!["attack", "bombing"]);
        assert_eq!(f53.refers_to, vec!["attack"]);
        assert!(by("three").new_years.is_empty());
        assert_eq!(by("three").times, vec!["wednesday"]);
    }
}
