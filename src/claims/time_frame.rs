//! Frames of time claims: what about a sentence or an article makes a date, age or duration
//! speak of another time, another schedule or someone's words, so that rules compare only
//! claims made for the article's own day.
//!
//! Each function reads the article once over a span ([`Article`], byte [`Span`]s) with the
//! shared tokenizer ([`crate::text::words`]) and the lists of `rules/lexicons/dates-frames.toml`,
//! `durations.toml` and `ages.toml`; none needs a rule's context, so the claims view can show
//! the same flags the rules act on.

use crate::article::Article;
use crate::claims::age::{Age, AgeForm, Birth};
use crate::claims::dates::DateMention;
use crate::claims::time::{Duration, DurationForm};
use crate::claims::time::{TimeMention, TimeValue};
use crate::knowledge::calendar::{month_from_name, weekday_from_name};
use crate::knowledge::lexicon::{self, age_heads, ages, date_ranges, dates_frames, durations};
use crate::source::Span;
use crate::text::words;

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
        while bytes.get(i).is_some_and(|b| !b.is_ascii_alphabetic()) {
            i += 1;
        }
        if i >= bytes.len() {
            return None;
        }
        let start = i;
        while bytes.get(i).is_some_and(u8::is_ascii_alphabetic) {
            i += 1;
        }
        Some((
            start,
            s.get(start..i).unwrap_or_default().to_ascii_lowercase(),
        ))
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
        let mut items: Vec<Span> = times
            .get(lo..)
            .unwrap_or_default()
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
            dates
                .get(dlo..)
                .unwrap_or_default()
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
        let overlapping = self
            .items
            .get(..hi)
            .unwrap_or_default()
            .iter()
            .rev()
            .take(8)
            .filter(|s| s.overlaps(me))
            .count();
        self.items.len() > overlapping
    }
}

// ---------------------------------------------------------------------------------------------
// Durations (D010)

/// True when the duration `d` (of mention `m`) gives the length of an event (D010): a compound
/// before a lasting-event noun (`durations.toml` `[event_nouns]`), "N days of talks", a verb of
/// lasting, or "for N days" right after such a verb (`date-ranges.toml` `[lasting_verbs]`).
pub fn measures_event(article: &Article, m: &TimeMention, d: &Duration) -> bool {
    match d.form {
        DurationForm::Compound | DurationForm::Of => d.noun.is_some_and(|n| {
            article
                .slice(n)
                .split(' ')
                .any(|w| lexicon::contains_lower(durations::EVENT_NOUNS, w))
        }),
        DurationForm::Lasted => true,
        DurationForm::For => {
            let before = article.text.get(..m.span.start).unwrap_or("");
            let word = before
                .trim_end()
                .rsplit(|c: char| !c.is_ascii_alphabetic())
                .next()
                .unwrap_or("")
                .to_ascii_lowercase();
            lexicon::contains(date_ranges::LASTING_VERBS, &word)
        }
    }
}

/// True when `sentence` speaks of several legs or a change of dates (`durations.toml`
/// `[schedule_change]`: whole words, or two-word phrases such as "cut short").
pub fn schedule_change(article: &Article, sentence: Span) -> bool {
    let runs: Vec<String> = letter_runs(article.slice(sentence))
        .map(|(_, w)| w)
        .collect();
    runs.iter()
        .any(|w| lexicon::contains(durations::SCHEDULE_CHANGE, w))
        || runs
            .iter()
            .zip(runs.iter().skip(1))
            .any(|(a, b)| lexicon::contains(durations::SCHEDULE_CHANGE, &format!("{a} {b}")))
}

// ---------------------------------------------------------------------------------------------
// Ages and births (D011)

/// True when the age `am` and the birth `bm` are of one person (D011): only punctuation,
/// `ages.toml` `[gap_words]` and (birth first) the person's name stand between them.
pub fn same_person(article: &Article, am: &TimeMention, age: &Age, bm: &TimeMention) -> bool {
    let (gap, birth_first) = if am.span.end <= bm.span.start {
        (Span::new(am.span.end, bm.span.start), false)
    } else if bm.span.end <= am.span.start {
        // "Born in 1979, Smith, 45, ...": the gap holds the name.
        let start = age
            .person
            .map_or(am.span.start, |p| p.start.min(am.span.start));
        (Span::new(bm.span.end, start), true)
    } else {
        return false;
    };
    let mut text = article.slice(gap);
    // "The 38-year-old striker, born on ...": the noun the age describes, then a comma or
    // bracket.
    if !birth_first && age.form == AgeForm::YearOld {
        text = skip_head_noun(text);
    }
    let mut names = 0;
    let mut last_was_name = false;
    for word in text.split(|c: char| c.is_whitespace() || matches!(c, ',' | '(' | ')' | '–' | '—'))
    {
        if word.is_empty() {
            continue;
        }
        if lexicon::contains_lower(ages::GAP_WORDS, word) {
            last_was_name = false;
            continue;
        }
        let cap = word.chars().next().is_some_and(char::is_uppercase)
            && month_from_name(word).is_none()
            && weekday_from_name(word).is_none();
        // Birth first: one run of capitalised words (the name: "John Smith") before the age.
        if birth_first && cap && (names == 0 || last_was_name) {
            if !last_was_name {
                names += 1;
            }
            last_was_name = true;
            continue;
        }
        return false;
    }
    true
}

/// `gap` without the words naming the person the age describes, when a comma or bracket follows
/// them: one or two lower-case nouns ("striker", "former striker") or a name ("Anna Moreau",
/// "Whitmore"); `gap` itself otherwise.
fn skip_head_noun(gap: &str) -> &str {
    let Some(cut) = gap.find([',', '(']) else {
        return gap;
    };
    let words: Vec<&str> = gap
        .get(..cut)
        .unwrap_or_default()
        .split_whitespace()
        .collect();
    let is_noun = |w: &&&str| {
        w.chars().all(|c| c.is_ascii_lowercase() || c == '-')
            && !lexicon::contains(age_heads::HEAD_NOUN_STOPS, w)
    };
    let nouns = words.iter().take_while(is_noun).count();
    let names = words
        .iter()
        .skip(nouns)
        .take_while(|w| is_name_word(w))
        .count();
    // Nouns before a name could be a verb and its object ("The 45-year-old beat Anna Moreau,
    // born in 1990"): either nouns or a name, not both.
    let fits = !words.is_empty()
        && nouns <= 2
        && names <= 4
        && (nouns == 0 || names == 0)
        && nouns + names == words.len();
    if fits {
        gap.get(cut..).unwrap_or(gap)
    } else {
        gap
    }
}

/// A word of a person's name: capitalised letters (with inner hyphens, apostrophes or a
/// full stop for an initial), not a month, weekday or possessive ("Smith's").
fn is_name_word(w: &str) -> bool {
    let mut chars = w.chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
        && !w.ends_with("'s")
        && !w.ends_with("’s")
        && !lexicon::contains(ages::NAME_FUNCTION_WORDS, w)
        && month_from_name(w.trim_end_matches('.')).is_none()
        && weekday_from_name(w.trim_end_matches('.')).is_none()
}

/// True when `sentence` speaks of a death or another time (`ages.toml` `[anchor_words]`, a
/// "would" before the pair ending at byte `pair_end`, or a past year other than the birth year
/// more than a year before `reference_year`): the age may hold then, not at the article's date.
pub fn anchored_elsewhere(
    article: &Article,
    sentence: Span,
    pair_end: usize,
    birth: &Birth,
    reference_year: i32,
) -> bool {
    let text = article.slice(sentence);
    let lower = text.to_ascii_lowercase();
    if lower
        .split(|c: char| !c.is_ascii_alphabetic())
        .any(|w| lexicon::contains(ages::ANCHOR_WORDS, w))
    {
        return true;
    }
    // "would" after both the age and the birth, not in "would have": the predicate of the
    // person ("Smith, 55, born in 1969, would step down"), which leaves the age current.
    let pair_end = pair_end - sentence.start;
    let mut words = lower
        .char_indices()
        .filter(|&(i, c)| {
            c.is_ascii_alphabetic()
                && (i == 0
                    || !lower
                        .as_bytes()
                        .get(i - 1)
                        .is_some_and(u8::is_ascii_alphabetic))
        })
        .map(|(i, _)| {
            let len = lower
                .get(i..)
                .unwrap_or_default()
                .find(|c: char| !c.is_ascii_alphabetic())
                .unwrap_or(lower.len() - i);
            (i, lower.get(i..i + len).unwrap_or_default())
        })
        .peekable();
    while let Some((i, w)) = words.next() {
        if w == "would"
            && (i < pair_end
                || words
                    .peek()
                    .is_some_and(|&(_, next)| matches!(next, "have" | "ve" | "be" | "turn")))
        {
            return true;
        }
    }
    // Another year at least two years before the reference date.
    words::years_in(text).any(|(_, y)| y != birth.year && y < reference_year - 1)
}

// ---------------------------------------------------------------------------------------------
// Other years (D001, D013)

/// True when `sentence` puts itself in an earlier year than the article's (`dates-frames.toml`
/// `[earlier_year]`, matched as substrings, any case: "last year", "in previous years").
pub fn mentions_earlier_year(article: &Article, sentence: Span) -> bool {
    let lower = article.slice(sentence).to_ascii_lowercase();
    dates_frames::EARLIER_YEAR.iter().any(|p| lower.contains(p))
}

/// The years written in `sentence` ([`crate::text::words::years_in`], the crate's one year
/// detector), sorted.
pub fn years_in(article: &Article, sentence: Span) -> Vec<i32> {
    let mut out: Vec<i32> = words::years_in(article.slice(sentence))
        .map(|(_, y)| y)
        .collect();
    out.sort_unstable();
    out
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
