//! Frames of time claims: what about a sentence or an article makes a date, age or duration
//! speak of another time, another schedule or someone's words, so that rules compare only
//! claims made for the article's own day.
//!
//! Each function reads the article once over a span ([`Article`], byte [`Span`]s) with the
//! shared tokenizer ([`crate::text::words`]) and the lists of `rules/lexicons/dates-frames.toml`,
//! `durations.toml` and `ages.toml`; none needs a rule's context, so the claims view can show
//! the same flags the rules act on.

use crate::article::Article;
use crate::claims::dates::DateMention;
use crate::claims::time::{TimeMention, TimeValue};
use crate::knowledge::lexicon::{self, dates_frames};
use crate::source::Span;

/// The first byte of the first paragraph written after publication: one opening with an
/// update, correction or editor's note marker (`[update_markers]`, within its first 40
/// characters, any case). `usize::MAX` when there is none.
pub fn update_cutoff(article: &Article) -> usize {
    article
        .segments
        .iter()
        .find(|s| {
            let t = article.slice(s.span);
            let head: String = t.chars().take(40).collect::<String>().to_lowercase();
            dates_frames::UPDATE_MARKERS
                .iter()
                .any(|m| head.starts_with(m))
        })
        .map_or(usize::MAX, |s| s.span.start)
}

/// The runs of ASCII letters in `s`, lower-cased, with their byte starts: "then-president's"
/// gives "then", "president", "s". The word split of the time frames (finer than
/// [`crate::text::words::words`], which keeps hyphenated compounds whole).
pub fn letter_runs(s: &str) -> impl Iterator<Item = (usize, String)> + '_ {
    let bytes = s.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() && !bytes[i].is_ascii_alphabetic() {
            i += 1;
        }
        if i >= bytes.len() {
            return None;
        }
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_alphabetic() {
            i += 1;
        }
        Some((start, s[start..i].to_ascii_lowercase()))
    })
}

/// True when one of the letter runs of `span` is in `list` (a lower-case lexicon list).
pub fn has_word(article: &Article, span: Span, list: &[&str]) -> bool {
    letter_runs(article.slice(span)).any(|(_, w)| lexicon::contains(list, &w))
}

/// What a sentence says about the time its relative dates are anchored to (D012).
pub struct SentenceFrame {
    /// The sentence.
    pub span: Span,
    /// It mentions an update (written after the reference date): a letter run containing
    /// "update".
    pub update: bool,
    /// It reports speech (`[reported_speech]`: "said", "according", "statement"...).
    pub speech: bool,
    /// Spans of its day-level time expressions and dates, sorted by start.
    items: Vec<Span>,
}

impl SentenceFrame {
    /// The frame of `span`, from the article's `times` and `dates` (both sorted by start).
    pub fn new(
        article: &Article,
        times: &[TimeMention],
        dates: &[DateMention],
        span: Span,
    ) -> Self {
        let mut speech = false;
        let mut update = false;
        for (_, w) in letter_runs(article.slice(span)) {
            speech |= lexicon::contains(dates_frames::REPORTED_SPEECH, &w);
            update |= w.contains("update");
        }
        let lo = times.partition_point(|t| t.span.start < span.start);
        let mut items: Vec<Span> = times[lo..]
            .iter()
            .take_while(|t| t.span.start < span.end)
            .filter(|t| {
                matches!(
                    t.value,
                    TimeValue::RelativeDay(_) | TimeValue::Weekday(_) | TimeValue::Period(_)
                )
            })
            .map(|t| t.span)
            .collect();
        let dlo = dates.partition_point(|d| d.span.start < span.start);
        items.extend(
            dates[dlo..]
                .iter()
                .take_while(|d| d.span.start < span.end)
                .map(|d| d.span),
        );
        items.sort_by_key(|s| (s.start, s.end));
        SentenceFrame {
            span,
            update,
            speech,
            items,
        }
    }

    /// True when an item not overlapping `me` exists: "said on Monday that ... tomorrow" may
    /// be anchored to Monday. Items overlapping `me` (its own attached weekday or date) are few
    /// and adjacent in start order, so this looks at a handful of them.
    pub fn has_other(&self, me: Span) -> bool {
        let hi = self.items.partition_point(|s| s.start < me.end);
        let overlapping = self.items[..hi]
            .iter()
            .rev()
            .take(8)
            .filter(|s| s.overlaps(me))
            .count();
        self.items.len() > overlapping
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::input::plain::parse;

    #[test]
    fn letter_runs_split_compounds() {
        let got: Vec<String> = letter_runs("The then-president's 45-year-old")
            .map(|(_, w)| w)
            .collect();
        assert_eq!(got, ["the", "then", "president", "s", "year", "old"]);
    }

    #[test]
    fn update_paragraph_cuts() {
        let t = "H\n\nTalks began yesterday.\n\nUPDATE: talks ended.";
        let a = parse(Arc::from(t));
        assert_eq!(update_cutoff(&a), t.find("UPDATE").unwrap());
        let a = parse(Arc::from("H\n\nTalks began yesterday."));
        assert_eq!(update_cutoff(&a), usize::MAX);
    }
}
