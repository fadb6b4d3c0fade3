//! Breakdowns: a total and its parts in one sentence ("Of the 120 victims, 50 were women and
//! 80 men", "120 people died, of whom ..."), and percentages that are shares of one whole
//! ("40% voted for, 35% against and 30% abstained"), for N012 and `claimlint claims`.
//!
//! A parts breakdown needs a total introduced by "of the" or followed by "of whom" / a colon,
//! and parts that are counts of one exclusive set of categories (`rules/lexicons/
//! breakdown-parts.toml`: sexes and ages, combatants, outcomes) or of the total's own noun; a
//! part after "including" or "among them" is a subset and ends the parts. A share list needs a
//! share marker (`shares.toml`), no word of change or rate (`breakdowns.toml` `[not_shares]`),
//! close percentages and one whole (not different years, rounds, groups or clauses). Whether
//! the parts fit the total is the rule's business. Spans are **bytes** into the article text.

use serde::Serialize;

use crate::article::Article;
use crate::knowledge::lexicon::{self, breakdown_parts, breakdowns, shares};
use crate::source::Span;
use crate::text::words;

use super::numbers::{lemma, Kind, NumberMention};

/// What a breakdown divides.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum BreakdownKind {
    /// A total and counts that are parts of it.
    Parts,
    /// Percentages that are shares of one whole (100%).
    Shares,
}

/// A total (or 100%) broken into parts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Breakdown {
    /// Parts of a total, or shares of one whole.
    pub kind: BreakdownKind,
    /// The sentence holding it.
    pub sentence: Span,
    /// Index of the total in `Mentions::numbers` (`None` for shares: the whole is 100%).
    pub total: Option<usize>,
    /// Indices of the parts in `Mentions::numbers`, in order.
    pub parts: Vec<usize>,
    /// True when a closure word says the breakdown is complete ("of whom", "in total", "the
    /// rest", "respectively").
    pub closure: bool,
}

/// Every breakdown of the article, sentence by sentence: a parts breakdown first, then a share
/// list, when the sentence has them. `numbers` are the article's numbers in document order.
pub fn extract(article: &Article, numbers: &[NumberMention]) -> Vec<Breakdown> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(first) = numbers.get(i) {
        let Some(sentence) = first.sentence else {
            i += 1;
            continue;
        };
        let mut j = i;
        while numbers.get(j).is_some_and(|n| n.sentence == Some(sentence)) {
            j += 1;
        }
        let group = numbers.get(i..j).unwrap_or_default();
        out.extend(parts(article, sentence, i, group));
        out.extend(shares(article, sentence, i, group));
        i = j;
    }
    out
}

/// The text of `span`, lower case.
fn lower(article: &Article, span: Span) -> String {
    article.slice(span).to_lowercase()
}

/// A sentence lower-cased once, so that the lower case of any stretch of it is a slice, not a
/// new copy: lower-casing from each number to the sentence's end made one long sentence
/// quadratic.
struct LowerSentence<'a> {
    article: &'a Article,
    sentence: Span,
    /// The sentence in lower case.
    text: String,
    /// Byte offset in `text` of each byte offset of the sentence (empty: the same offsets,
    /// an ASCII sentence).
    offsets: Vec<usize>,
    /// The sentence holds a capital sigma, whose lower case depends on the letters around it:
    /// stretches are lower-cased on their own, as [`lower`] does.
    sigma: bool,
}

impl<'a> LowerSentence<'a> {
    fn new(article: &'a Article, sentence: Span) -> LowerSentence<'a> {
        let raw = article.slice(sentence);
        let sigma = raw.contains('Σ');
        let mut offsets = Vec::new();
        let text = if raw.is_ascii() || sigma {
            raw.to_lowercase()
        } else {
            // Without a capital sigma, `str::to_lowercase` lower-cases char by char.
            let mut text = String::with_capacity(raw.len());
            offsets.resize(raw.len() + 1, 0);
            for (i, c) in raw.char_indices() {
                if let Some(o) = offsets.get_mut(i) {
                    *o = text.len();
                }
                text.extend(c.to_lowercase());
            }
            if let Some(o) = offsets.last_mut() {
                *o = text.len();
            }
            text
        };
        LowerSentence {
            article,
            sentence,
            text,
            offsets,
            sigma,
        }
    }

    /// The lower case of `span`, as [`lower`] gives it.
    fn get(&self, span: Span) -> std::borrow::Cow<'_, str> {
        let raw = &self.article.text;
        let inside = span.start >= self.sentence.start
            && span.end <= self.sentence.end
            && span.start <= span.end;
        if self.sigma || !inside {
            return lower(self.article, span).into();
        }
        if !raw.is_char_boundary(span.start) || !raw.is_char_boundary(span.end) {
            return "".into();
        }
        let (a, b) = (
            span.start - self.sentence.start,
            span.end - self.sentence.start,
        );
        let (a, b) = if self.offsets.is_empty() {
            (a, b)
        } else {
            match (self.offsets.get(a), self.offsets.get(b)) {
                (Some(&a), Some(&b)) => (a, b),
                _ => return lower(self.article, span).into(),
            }
        };
        self.text.get(a..b).unwrap_or_default().into()
    }
}

/// True when one exclusive set of `breakdown-parts.toml` holds every category: sexes and ages,
/// combatants, or outcomes with injuries or with rescues.
fn one_dimension(cats: &[&str]) -> bool {
    let sets: [&[&[&str]]; 4] = [
        &[breakdown_parts::PEOPLE],
        &[breakdown_parts::COMBATANTS],
        &[breakdown_parts::OUTCOMES, breakdown_parts::INJURY_OUTCOMES],
        &[breakdown_parts::OUTCOMES, breakdown_parts::RESCUE_OUTCOMES],
    ];
    sets.iter().any(|set| {
        cats.iter()
            .all(|c| set.iter().any(|list| lexicon::contains(list, c)))
    })
}

/// The category of a part: its counted noun, its event verb, or the word after "were"/"are"
/// ("50 were women").
fn category(lowered: &LowerSentence, m: &NumberMention) -> Option<String> {
    if let Some(v) = m.counted.verb {
        return Some(v.to_string());
    }
    if let Some(n) = &m.counted.noun {
        return Some(n.clone());
    }
    let end = m.sentence.map_or(m.span.end, |s| s.end);
    let after = lowered.get(Span::new(m.span.end, end));
    let mut w = words::pieces(&after)
        .map(|(_, w)| w)
        .filter(|w| w.chars().all(char::is_alphabetic));
    match w.next() {
        Some("were" | "are" | "was" | "is") => w.next().map(lemma),
        _ => None,
    }
}

fn parts(
    article: &Article,
    sentence: Span,
    base: usize,
    group: &[NumberMention],
) -> Option<Breakdown> {
    if group.len() < 3 {
        return None;
    }
    let lowered = LowerSentence::new(article, sentence);
    let text = lowered.get(sentence);
    // Find the total and where the parts begin.
    for (ti, total) in group.iter().enumerate() {
        if total.kind != Kind::Count || total.modifier || total.quoted {
            continue;
        }
        let before = lowered.get(Span::new(sentence.start, total.span.start));
        let before_t = before.trim_end();
        let of_the = ["of the", "of those", "of these", "of its", "of their", "of"]
            .iter()
            .any(|p| {
                before_t.strip_suffix(p).is_some_and(|b| {
                    let b = b.trim_end();
                    b.is_empty() || b.ends_with(',') || b.ends_with(';')
                })
            });
        let next_start = group.get(ti + 1).map(|n| n.span.start)?;
        let between = lowered.get(Span::new(total.span.end, next_start));
        let of_whom = [
            ", of whom",
            ", of which",
            " of whom",
            " of which",
            ":",
            " — of whom",
        ]
        .iter()
        .any(|m| between.contains(m));
        if !of_the && !of_whom {
            continue;
        }
        // "Of the 70 injured": the event verb names the total.
        if of_the && total.counted.noun.is_none() && total.counted.verb.is_none() {
            continue;
        }
        let mut parts = group.get(ti + 1..).unwrap_or_default();
        // A number after "including" or "among them" is a subset, not one more part.
        for (k, pair) in parts.windows(2).enumerate() {
            let [a, b] = pair else { continue };
            let gap = lowered.get(Span::new(a.span.end, b.span.start));
            if breakdown_parts::SUBSET.iter().any(|w| gap.contains(w)) {
                parts = parts.get(..=k).unwrap_or_default();
                break;
            }
        }
        if parts.len() < 2 {
            return None;
        }
        // Every part: a count, not a modifier, not itself a breakdown ("20 of them").
        let mut cats = Vec::new();
        for p in parts {
            if p.kind != Kind::Count || p.modifier {
                return None;
            }
            let after = lowered.get(Span::new(p.span.end, (p.span.end + 12).min(sentence.end)));
            if after.trim_start().starts_with("of") {
                return None;
            }
            let pre = lowered.get(Span::new(
                p.span.start.saturating_sub(6).max(sentence.start),
                p.span.start,
            ));
            // "50 were aged 20": an age, not a part (whole words: "hostages, 26" is a part).
            if words::pieces(&pre).any(|(_, w)| w == "aged" || w == "age") {
                return None;
            }
            let cat = category(&lowered, p)?;
            let same = total.counted.noun.as_deref() == Some(cat.as_str())
                || (total.counted.noun.is_none() && total.counted.verb == Some(cat.as_str()));
            cats.push((cat, same));
        }
        let names: Vec<&str> = cats.iter().map(|(c, _)| c.as_str()).collect();
        let one_dim = one_dimension(&names);
        let all_same = cats.iter().all(|(_, s)| *s);
        if !(one_dim || all_same) {
            return None;
        }
        // Parts must be distinct categories ("50 women and 30 women" is two statements).
        let mut seen: Vec<&str> = cats.iter().map(|(c, _)| c.as_str()).collect();
        seen.sort_unstable();
        seen.dedup();
        if !all_same && seen.len() != cats.len() {
            return None;
        }
        let closure = breakdowns::CLOSURE.iter().any(|c| text.contains(c)) || of_whom;
        // `parts` is a prefix of the numbers after the total.
        let first = base + ti + 1;
        return Some(Breakdown {
            kind: BreakdownKind::Parts,
            sentence,
            total: Some(base + ti),
            parts: (first..first + parts.len()).collect(),
            closure,
        });
    }
    None
}

fn shares(
    article: &Article,
    sentence: Span,
    base: usize,
    group: &[NumberMention],
) -> Option<Breakdown> {
    let pcts: Vec<&NumberMention> = group.iter().filter(|m| m.kind == Kind::Percent).collect();
    if pcts.len() < 2 || pcts.iter().any(|m| m.modifier) {
        return None;
    }
    let text = lower(article, sentence);
    let words: Vec<&str> = words::pieces(&text).map(|(_, w)| w).collect();
    // "35% against" in a vote is a share; "against" elsewhere compares.
    let against_share = pcts.iter().any(|m| {
        let after = lower(
            article,
            Span::new(m.span.end, (m.span.end + 9).min(sentence.end)),
        );
        after.trim_start().starts_with("against")
    });
    if words.iter().any(|w| {
        lexicon::contains(breakdowns::NOT_SHARES, w) && !(against_share && *w == "against")
    }) {
        return None;
    }
    if different_wholes(article, &text, &words, &pcts) {
        return None;
    }
    if !shares::MARKERS.iter().any(|s| text.contains(s)) {
        return None;
    }
    // The percentages must follow one another closely (one list).
    for (a, b) in pcts.iter().zip(pcts.iter().skip(1)) {
        let gap = article.slice(Span::new(a.span.end, b.span.start));
        if gap.split_whitespace().count() > 6 {
            return None;
        }
    }
    // "38% of loans, 50% of mortgages": shares of different wholes.
    let ofs: Vec<String> = pcts
        .iter()
        .map(|m| {
            let after = lower(
                article,
                Span::new(m.span.end, (m.span.end + 30).min(sentence.end)),
            );
            let mut w = after.split_whitespace();
            match w.next() {
                Some("of") => w.take(2).collect::<Vec<_>>().join(" "),
                _ => String::new(),
            }
        })
        .collect();
    let mut wholes: Vec<&String> = ofs.iter().filter(|o| !o.is_empty()).collect();
    wholes.dedup();
    if wholes.len() > 1 {
        return None;
    }
    let closure = ["respectively", "the rest", "remaining"]
        .iter()
        .any(|c| text.contains(c));
    let parts = group
        .iter()
        .enumerate()
        .filter(|(_, m)| m.kind == Kind::Percent)
        .map(|(k, _)| base + k)
        .collect();
    Some(Breakdown {
        kind: BreakdownKind::Shares,
        sentence,
        total: None,
        parts,
        closure,
    })
}

/// True when the percentages are shares of different wholes: of different years ("in 2017 and
/// 2022 respectively"), rounds ("in the first round ...; in the runoff"), groups ("among women
/// ... among men", "among Democrats and independents respectively"), or clauses split by a
/// semicolon.
fn different_wholes(
    article: &Article,
    text: &str,
    words: &[&str],
    pcts: &[&NumberMention],
) -> bool {
    let mut years: Vec<i32> = words::years_in(text).map(|(_, y)| y).collect();
    years.sort_unstable();
    years.dedup();
    if years.len() >= 2 {
        return true;
    }
    if ["round", "rounds", "runoff", "run-off"]
        .iter()
        .any(|r| words.contains(r))
    {
        return true;
    }
    let among = words.iter().filter(|w| **w == "among").count();
    if among >= 2 || (among == 1 && text.contains("respectively")) {
        return true;
    }
    pcts.iter().zip(pcts.iter().skip(1)).any(|(a, b)| {
        article
            .slice(Span::new(a.span.end, b.span.start))
            .contains(';')
    })
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::claims::numbers;
    use crate::input::plain::parse;

    /// (kind, total value, part values, closure) of every breakdown in a body paragraph.
    fn breakdowns(body: &str) -> Vec<(BreakdownKind, Option<f64>, Vec<f64>, bool)> {
        let a = parse(Arc::from(format!("Headline here\n\n{body}")));
        let nums = numbers::extract(&a);
        extract(&a, &nums)
            .into_iter()
            .map(|b| {
                let parts = b.parts.iter().map(|&i| nums[i].value).collect();
                (b.kind, b.total.map(|t| nums[t].value), parts, b.closure)
            })
            .collect()
    }

    #[test]
    fn totals_parts_and_shares() {
        assert_eq!(
            breakdowns("The crash killed 120 people, of whom 50 were women and 80 men."),
            vec![(BreakdownKind::Parts, Some(120.0), vec![50.0, 80.0], true)]
        );
        assert_eq!(
            breakdowns("Of the 120 victims, 50 were women and 60 men."),
            vec![(BreakdownKind::Parts, Some(120.0), vec![50.0, 60.0], false)]
        );
        assert_eq!(
            breakdowns("The parties won 45%, 40% and 20% of the vote respectively."),
            vec![(BreakdownKind::Shares, None, vec![45.0, 40.0, 20.0], true)]
        );
        assert_eq!(
            breakdowns(
                "Of the 40 migrants, 28 were adults and 12 were minors, including five girls."
            ),
            vec![(BreakdownKind::Parts, Some(40.0), vec![28.0, 12.0], false)]
        );
    }

    #[test]
    fn not_breakdowns() {
        for t in [
            "Of the 120 victims, 50 were women and 80 were civilians.",
            "Sales rose 60% and profit 50%, the company said.",
            "The BJP won 52% and 55% of the vote in Gujarat in 2017 and 2022 respectively.",
            "The bus carried 40 people, of whom 25 were rescued and 20 were injured.",
            "Of the 120 victims, 50 were aged 20 to 30.",
        ] {
            assert!(breakdowns(t).is_empty(), "{t}: {:?}", breakdowns(t));
        }
    }
}
