//! The tense of the verb that governs a date: "was held on March 3, 2024" (past), "will be held
//! on" or "was scheduled for" (a plan).
//!
//! Recognition looks only at the date's clause ([`crate::text::clauses::clause_around`]), walking
//! back from the date over a few fillers ("in Tirana on") to the verb group. Word lists are in
//! `rules/lexicons/dates-tense.toml`. Precision first: a past form counts only with a past
//! auxiliary ("was held", "had been signed") or as a simple past of an event verb ("took
//! place", "met"); a bare participle ("the summit, held on ...") is left unread, and any modal or
//! planning word earlier in the clause ("said it was due to be held", "would", "was expected")
//! makes it a plan. Linear in the clause's length.

use serde::Serialize;

use crate::article::Article;
use crate::knowledge::lexicon::{self, dates_tense};
use crate::source::Span;
use crate::text::{clauses, words};

/// What the governing verb says about the time of the event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Tense {
    /// A completed event: "was held on", "took place on", "had been signed on".
    Past,
    /// A plan, expectation or condition: "will be held", "was scheduled for", "would".
    Planned,
}

/// The verb group governing a date, and its tense.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Governing {
    /// Past or planned.
    pub tense: Tense,
    /// The bytes of the verb group ("was held", "took place", "scheduled").
    pub verb: Span,
}

/// How many words may stand between the verb and the date ("in the Albanian capital on").
const MAX_FILLERS: usize = 5;

/// The verb governing the date at `date` (a byte span into `article.text`), when one is read.
pub fn governing(article: &Article, date: Span) -> Option<Governing> {
    let sentence = article.sentence_at(date.start)?;
    let clause = clauses::clause_around(&article.text, sentence, date);
    let head = article
        .text
        .get(clause.start..date.start.max(clause.start))?;
    let ws: Vec<(usize, String)> = words::words(head)
        .map(|(i, w)| (clause.start + i, w.to_lowercase()))
        .collect();
    let span_of = |from: usize, to: usize| {
        let (s, _) = ws.get(from)?;
        let (e, w) = ws.get(to)?;
        Some(Span::new(*s, *e + w.len()))
    };
    // Walk back from the date over fillers and capitalised words (a place).
    let mut i = ws.len();
    let mut skipped = 0;
    while i > 0 && skipped < MAX_FILLERS {
        let Some((pos, w)) = ws.get(i - 1) else {
            break;
        };
        let capitalised = article
            .text
            .get(*pos..)
            .and_then(|r| r.chars().next())
            .is_some_and(char::is_uppercase);
        if lexicon::contains(dates_tense::FILLERS, w) || (capitalised && skipped > 0) {
            i -= 1;
            skipped += 1;
        } else {
            break;
        }
    }
    let v = i.checked_sub(1)?;
    let word = ws.get(v)?.1.as_str();
    let planned_before = |upto: usize| {
        ws.iter()
            .take(upto)
            .any(|(_, w)| lexicon::contains(dates_tense::PLANS, w))
    };
    let found = if lexicon::contains(dates_tense::PLANS, word) {
        Some((Tense::Planned, v, v))
    } else if v >= 1
        && ws
            .get(v - 1)
            .is_some_and(|p| format!("{} {word}", p.1) == "took place")
    {
        Some((Tense::Past, v - 1, v))
    } else if lexicon::contains(dates_tense::SIMPLE_PAST, word) {
        Some((Tense::Past, v, v))
    } else if lexicon::contains(dates_tense::PAST_PARTICIPLES, word) && v >= 1 {
        let aux = ws.get(v - 1).map_or("", |p| p.1.as_str());
        match aux {
            "was" | "were" => Some((Tense::Past, v - 1, v)),
            "been"
                if v >= 2
                    && ws
                        .get(v - 2)
                        .is_some_and(|p| matches!(p.1.as_str(), "had" | "has" | "have")) =>
            {
                Some((Tense::Past, v - 2, v))
            }
            "be" => Some((Tense::Planned, v - 1, v)),
            _ => None,
        }
    } else {
        None
    };
    // Nothing read at the verb: a planning word earlier in the clause ("scheduled for") still
    // says the date is a plan.
    let found = found.or_else(|| {
        let p = ws
            .get(..=v)?
            .iter()
            .rposition(|(_, w)| lexicon::contains(dates_tense::PLANS, w))?;
        Some((Tense::Planned, p, p))
    });
    let (tense, from, to) = found?;
    let tense = if tense == Tense::Past && planned_before(from) {
        Tense::Planned
    } else {
        tense
    };
    Some(Governing {
        tense,
        verb: span_of(from, to)?,
    })
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::input::plain::parse;

    fn read(text: &str, date: &str) -> Option<(Tense, String)> {
        let a = parse(Arc::from(text));
        let start = text.find(date)?;
        let g = governing(&a, Span::new(start, start + date.len()))?;
        Some((g.tense, a.slice(g.verb).to_string()))
    }

    #[test]
    fn past_forms() {
        let d = "March 3, 2024";
        let t = |s: &str| read(&format!("H\n\n{s}"), d);
        assert_eq!(
            t("The summit was held on March 3, 2024 in Tirana."),
            Some((Tense::Past, "was held".into()))
        );
        assert_eq!(
            t("The summit was held in Tirana on March 3, 2024."),
            Some((Tense::Past, "was held".into()))
        );
        assert_eq!(
            t("The vote took place on March 3, 2024."),
            Some((Tense::Past, "took place".into()))
        );
        assert_eq!(
            t("The deal had been signed on March 3, 2024."),
            Some((Tense::Past, "had been signed".into()))
        );
    }

    #[test]
    fn plans_and_unread_forms() {
        let d = "March 3, 2024";
        let t = |s: &str| read(&format!("H\n\n{s}"), d).map(|(t, _)| t);
        for s in [
            "The summit will be held on March 3, 2024.",
            "The summit was due to be held on March 3, 2024.",
            "Officials said it was scheduled for March 3, 2024.",
            "The summit was expected to be held on March 3, 2024.",
            "He said the vote would have been held on March 3, 2024.",
        ] {
            assert_eq!(t(s), Some(Tense::Planned), "{s}");
        }
        for s in [
            "The summit, held on March 3, 2024, ended.",
            "Talks on March 3, 2024 ended.",
            "The summit is on March 3, 2024.",
        ] {
            assert_eq!(t(s), None, "{s}");
        }
    }
}
