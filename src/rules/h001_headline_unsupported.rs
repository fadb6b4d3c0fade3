//! `H001 headline-unsupported`: a value the headline states and the body never supports.
//!
//! The values are the shared claims (numbers, places, names, dates, weekdays) of the headline;
//! whether the body supports each is decided in `claims::support`. This rule only compares and
//! reports.

use crate::article::{SegmentKind, Span};
use crate::claims::headline;
use crate::claims::support::{self, Body, Support};
use crate::claims::numbers::Kind;
use crate::claims::time::TimeValue;
use crate::diagnostic::{Diagnostic, Severity};
use crate::knowledge::calendar::{month_from_name, weekday_from_name};
use crate::knowledge::gazetteer;
use crate::knowledge::lexicon::{self, support as words_of};
use crate::rules::trace::Outcome;
use crate::rules::{Context, Rule, RuleMeta};
use crate::text::words;

static META: RuleMeta = rule_meta! {
    code: "H001",
    name: "headline-unsupported",
    category: Headline,
    default_severity: Severity::Warning,
    summary: "The headline states a value the body never supports",
    explanation: "\
## What it checks
Each number, quantity, age, ordinal (\"third quarter\"), match score (\"win 3-1\", either order
in the body), place, person or organisation name,
date, weekday and year that the headline states is looked for in the body. Support is semantic: \"twelve\" and \"a dozen\"
support \"12\"; a headline figure rounded to the precision it writes is supported (\"20 pct\"
over \"20.3 pct\", \"$1.2bn\" over \"$1.23 billion\"); a total is supported by the body's parts
(\"14 injured\" over \"three soldiers and 11 civilians\") or by daily tolls adding up to it; a
measurement by its conversion; a country by a city in it (\"Ukraine\" by \"Kyiv\"), a region by
a member country, a country by its demonym (\"Dutch\" by \"the Netherlands\") or by the wire
dateline; a full name by its surname or a title with it; a weekday by a date that falls on it
or by \"yesterday\" resolved from the reference date.

A value with no support is reported once, labelled in the headline; when the body states a value
of the same kind about the same thing, it is labelled too (\"the body gives 15\"). Where a
contradiction rule (L001, N010, D001...) already reports the same headline span, H001 stays
silent. Names are not checked in a Title Case or all-capitals headline, where capitals do not
mark names.

Some headline words look like values but are labels (`claims::headline`): a wire ticker
(\"<CH>\"), a place or number inside an organisation's name (\"FREMONT GENERAL CORP\"), the
reporting period of a results table (\"4TH QTR ENDS JAN 31 NET\", \"1986 YEAR\"), teams beside
a score (\"Hereford 2-1 Doncaster\"), a speaker's label (\"Murphy: ...\"), a place standing
for an institution (\"Brussels warns...\", \"Hollywood\"), a short acronym that a place
shares (\"PR chief\"). In an all-capitals headline a place needs more than its spelling: one
that only a cue made a place (\"TO BUY\"), or that the body writes as a lower-case word, is left
alone. A small count (ten or fewer) is reported only when the body counts the same thing
differently: \"sells two subsidiaries\" over a body that names both is the headline counting.
A span of years (\"10-year notes\", \"four-year low\") is supported by a body year that far
from the reference date (\"due 2034\").

The finding is a warning: the body may simply leave out what the headline's source said. It is a
note when the headline hedges (\"could\", \"set to\", \"reportedly\", a question) or the value
is inside a quotation (someone's claim, not the article's).

## Why it matters
A headline or standfirst written in a hurry, or drafted by a model, often states a figure, a
place or a name that the story never gives. Readers remember the headline; an editor should be
able to point to the sentence that backs each value in it.

## Example

```text
Strike shuts 40 schools in Kerala

Teachers walked out and 35 schools closed in the south of India on Monday.
```

claimlint reports H001 (warning) and H001 (warning). The body never gives 40; it gives 35 schools. Kerala is
not in the body either: the south of India is not a place the headline's Kerala can be checked
against. (Where the body's figure is a casualty count, \"15 killed\" against \"twelve people
were killed\", N010 reports the contradiction as an error and H001 stays silent.)

```text
Flood kills 12 in India

Heavy rain caused flooding in Kerala. Twelve people died, officials said.
```

claimlint reports nothing. Twelve is 12, and Kerala is in India.
",
};

/// The `headline-unsupported` rule.
pub struct HeadlineUnsupported;

/// The registered instance (see `build.rs`).
pub(crate) static RULE: &dyn Rule = &HeadlineUnsupported;

/// What kind of value a finding is about (for its message).
#[derive(Clone, Copy)]
enum What {
    Number,
    Place,
    Name,
    Date,
    Weekday,
    Year,
    Ordinal,
    Score,
}

impl What {
    fn noun(self) -> &'static str {
        match self {
            What::Number => "figure",
            What::Place => "place",
            What::Name => "name",
            What::Date => "date",
            What::Weekday => "weekday",
            What::Year => "year",
            What::Ordinal => "ordinal",
            What::Score => "score",
        }
    }
}

impl Rule for HeadlineUnsupported {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let article = cx.article;
        let Some(headline) = article.headline() else {
            return;
        };
        let body = Body::of(article);
        if body.is_empty() {
            return;
        }
        let head_text = article.slice(headline.span);
        let m = cx.mentions;
        let in_head = |k: SegmentKind| k == SegmentKind::Headline;
        // Spans already judged (one finding per value; a name inside a place is the place). A
        // wire dateline on the headline's line ("KYIV, Feb 28 (Reuters) -") says where and when
        // the story was filed, not a claim: it is taken from the start.
        let mut taken: Vec<Span> = Vec::new();
        if let Some(d) = &article.dateline {
            taken.push(d.span);
        }
        let mut found: Vec<(Span, What, bool, Option<Span>)> = Vec::new();
        // Labels that look like values (tickers, organisation names, reporting periods, teams,
        // speakers) are taken without a finding.
        let label = |span: Span, period: bool, taken: &mut Vec<Span>| {
            let why = headline::not_a_claim(article, headline.span, span, period);
            if let Some(why) = why {
                taken.push(span);
                cx.compared(&META.code, &[span], Outcome::Skipped, || {
                    format!("headline {}: {}", article.slice(span), why.describe())
                });
            }
            why.is_some()
        };
        let mut judge = |span: Span, what: What, quoted: bool, s: Support, taken: &mut Vec<Span>| {
            taken.push(span);
            let outcome = if s.is_supported() {
                Outcome::Consistent
            } else {
                Outcome::Conflict
            };
            cx.compared(&META.code, &[span], outcome, || {
                format!("headline {} {}", what.noun(), article.slice(span))
            });
            if let Support::Unsupported { nearby } = s {
                found.push((span, what, quoted, nearby));
            }
        };

        // In a Title Case or all-capitals headline, capitals do not mark names.
        let names_informative = article
            .casing_at(headline.span.start)
            .is_none_or(|c| !c.capitals_uninformative());
        let dates: Vec<_> = m.dates.iter().filter(|d| in_head(d.segment)).collect();
        for d in &dates {
            if overlaps_any(&taken, d.span) || label(d.span, true, &mut taken) {
                continue;
            }
            judge(
                d.span,
                What::Date,
                d.quoted,
                support::date(article, &body, d, &m.dates),
                &mut taken,
            );
        }
        for t in m.times.iter().filter(|t| in_head(t.segment)) {
            if let TimeValue::Weekday(w) = &t.value {
                if overlaps_any(&taken, w.weekday_span) || label(w.weekday_span, true, &mut taken) {
                    continue;
                }
                let s = support::weekday(
                    &body,
                    w.weekday,
                    article.slice(w.weekday_span),
                    &m.times,
                    &m.dates,
                    cx.reference,
                );
                judge(
                    w.weekday_span,
                    What::Weekday,
                    t.quoted || support::quoted(article, w.weekday_span),
                    s,
                    &mut taken,
                );
            }
        }
        for (r, y) in words::years_in(head_text) {
            let span = Span::new(headline.span.start + r.start, headline.span.start + r.end);
            if overlaps_any(&taken, span)
                || m.numbers.iter().any(|n| n.span.contains(span))
                || label(span, true, &mut taken)
            {
                continue;
            }
            let quoted = support::quoted(article, span);
            let s = support::year(&body, y, &m.times, &m.dates, cx.reference);
            judge(span, What::Year, quoted, s, &mut taken);
        }
        for (at, w) in words::words(head_text) {
            let lower = w.to_lowercase();
            let Some(entry) = words_of::ORDINALS
                .iter()
                .find(|e| e.split(':').next() == Some(lower.as_str()))
            else {
                continue;
            };
            let figure = entry.split(':').nth(1).unwrap_or("");
            let span = Span::new(headline.span.start + at, headline.span.start + at + w.len());
            if overlaps_any(&taken, span) || label(span, false, &mut taken) {
                continue;
            }
            let s = support::ordinal(&body, &lower, figure);
            judge(span, What::Ordinal, support::quoted(article, span), s, &mut taken);
        }
        // Scores ("Rovers win 3-1"), before their figures are read as numbers.
        let head_words: Vec<(usize, &str)> = words::words(head_text).collect();
        for (k, &(at, w)) in head_words.iter().enumerate() {
            // A match score only beside a word of winning or losing: "3-5 years" is a range,
            // "Newcastle 2-1 Bolton" a results line.
            let beside = |i: Option<usize>| {
                i.and_then(|i| head_words.get(i))
                    .is_some_and(|&(_, x)| lexicon::contains_lower(words_of::SCORE_WORDS, x))
            };
            if !headline::is_score(w) || !(beside(k.checked_sub(1)) || beside(Some(k + 1))) {
                continue;
            }
            let span = Span::new(headline.span.start + at, headline.span.start + at + w.len());
            if overlaps_any(&taken, span) {
                continue;
            }
            let s = support::score(&body, w);
            judge(span, What::Score, support::quoted(article, span), s, &mut taken);
        }
        for n in m.numbers.iter().filter(|n| in_head(n.segment)) {
            // "One" as a word is an article more than a count ("one of the...").
            if n.word && n.value == 1.0 {
                continue;
            }
            // A capitalised number word inside a sentence-case headline, before another
            // capitalised word, is part of a name ("Three Seas summit", "Big Four").
            if n.word && names_informative && in_proper_name(cx, n.number) {
                continue;
            }
            if overlaps_any(&taken, n.number) || label(n.number, true, &mut taken) {
                continue;
            }
            let s = support::number(article, &body, n, &m.numbers, cx.reference);
            // A small count ("two divisions", "three stocks") is often the headline counting
            // what the body names one by one: reported only against another count of the
            // same thing in the body.
            if matches!(s, Support::Unsupported { nearby: None })
                && matches!(n.kind, Kind::Count)
                && n.value <= 10.0
                && n.value.fract() == 0.0
            {
                cx.compared(&META.code, &[n.span], Outcome::Skipped, || {
                    format!("headline figure {}: a small count the body may list", article.slice(n.span))
                });
                taken.push(n.span);
                continue;
            }
            judge(
                n.span,
                What::Number,
                n.quoted || support::quoted(article, n.span),
                s,
                &mut taken,
            );
        }
        for p in m.places.iter().filter(|p| in_head(p.segment)) {
            if p.cue_only && !p.cue {
                continue;
            }
            let name = article.slice(p.span);
            // A place standing for an institution ("Brussels raps..."), or an acronym that a
            // place shares ("PR chief", "CAR SALES").
            if headline::metonym(name) || headline::unlisted_abbreviation(name) {
                continue;
            }
            // In capitals, a place is known by its spelling alone: one that needed a cue
            // ("TO BUY", "IN DEAL"), or one the body writes as a lower-case word, is a word.
            if !names_informative && (p.cue_only || body.has_lower_word(name)) {
                continue;
            }
            if overlaps_any(&taken, p.span) || label(p.span, true, &mut taken) {
                continue;
            }
            let quoted = support::quoted(article, p.span);
            let s = support::place(article, &body, p, &m.places);
            judge(p.span, What::Place, quoted, s, &mut taken);
        }
        if names_informative {
            for n in m.names.iter().filter(|n| in_head(n.segment)) {
                if n.place_name
                    || n.foreign
                    || n.bracketed
                    || overlaps_any(&taken, n.span)
                    || label(n.span, true, &mut taken)
                {
                    continue;
                }
                let family = article.slice(n.family);
                if !is_checkable_name(family) {
                    continue;
                }
                // One capitalised word opening a sentence is no evidence of a name.
                if n.given.is_none() && n.span == n.family && opens_sentence(cx, n.span) {
                    continue;
                }
                let s = support::name(article, &body, n);
                judge(
                    n.span,
                    What::Name,
                    n.in_quote || support::quoted(article, n.span),
                    s,
                    &mut taken,
                );
            }
        }

        for (span, what, quoted, nearby) in found {
            let severity = if hedged(cx, span) || quoted {
                Severity::Note
            } else {
                META.default_severity
            };
            let value = article.slice(span);
            let mut b = META
                .report(
                    severity,
                    format!(
                        "the headline's {} \"{value}\" is not supported by the body",
                        what.noun()
                    ),
                )
                .primary(span, format!("the body never states this {}", what.noun()));
            let help = match nearby {
                Some(near) => {
                    let given = article.slice(near);
                    b = b.secondary(near, format!("the body gives {given}"));
                    format!(
                        "the body gives {given}: make the headline match the body, or add the \
                         source of \"{value}\" to the body"
                    )
                }
                None => format!(
                    "state \"{value}\" in the body with its source, or take it out of the \
                     headline"
                ),
            };
            out.push(b.help(help).build());
        }
    }
}

/// True when the headline hedges the claim at `span`: its sentence is a question, or a hedge word
/// (`support.toml` `[headline_hedges]`) stands before it in its sentence ("Strike could cost
/// 500 jobs"; not "said on Thursday it would..."). "May" hedges only in lower case.
fn hedged(cx: &Context<'_>, span: Span) -> bool {
    let Some(h) = cx.article.headline() else {
        return false;
    };
    let sentence = cx
        .article
        .sentences
        .iter()
        .find(|s| s.start <= span.start && span.end <= s.end)
        .copied()
        .unwrap_or(h.span);
    let text = cx
        .article
        .text
        .get(sentence.start..sentence.end)
        .unwrap_or_default();
    if text.trim_end().ends_with('?') {
        return true;
    }
    let before = cx
        .article
        .text
        .get(sentence.start..span.start)
        .unwrap_or_default();
    let lower: Vec<(String, bool)> = words::words(before)
        .map(|(_, w)| (w.to_lowercase(), w.chars().next().is_some_and(char::is_uppercase)))
        .collect();
    words_of::HEADLINE_HEDGES.iter().any(|p| {
        let parts: Vec<&str> = p.split(' ').collect();
        lower.windows(parts.len()).any(|w| {
            w.iter().zip(&parts).all(|((a, _), b)| a == b)
                && !(parts == ["may"] && w.first().is_some_and(|x| x.1))
        })
    })
}

/// True when only punctuation stands between the start of a headline sentence, or a colon,
/// and `span` ("Murphy: We were beaten").
fn opens_sentence(cx: &Context<'_>, span: Span) -> bool {
    let lead = cx.article.text.get(..span.start).unwrap_or_default().trim_end();
    if lead.ends_with(':') {
        return true;
    }
    cx.article.sentences.iter().any(|s| {
        s.start <= span.start
            && s.end >= span.end
            && cx
                .article
                .text
                .get(s.start..span.start)
                .is_some_and(|t| t.chars().all(|c| !c.is_alphanumeric()))
    }) || cx.article.headline().is_some_and(|h| {
        cx.article
            .text
            .get(h.span.start..span.start)
            .is_some_and(|t| t.chars().all(|c| !c.is_alphanumeric()))
    })
}

/// True when the word at `span` is capitalised, does not open its sentence, and the next word is
/// capitalised too: a number word that is part of a name ("the Three Seas summit").
fn in_proper_name(cx: &Context<'_>, span: Span) -> bool {
    let text = &cx.article.text;
    let capitalised = |s: &str| s.chars().next().is_some_and(char::is_uppercase);
    if !capitalised(text.get(span.start..span.end).unwrap_or_default()) || opens_sentence(cx, span) {
        return false;
    }
    let rest = text.get(span.end..).unwrap_or_default();
    let next = rest.trim_start_matches([' ', '-']);
    next.len() < rest.len() && capitalised(next)
}

fn overlaps_any(taken: &[Span], s: Span) -> bool {
    taken.iter().any(|t| t.start < s.end && s.start < t.end)
}

/// A headline name worth looking for: not a month, weekday, place, demonym or stop word, and at
/// least two letters.
fn is_checkable_name(family: &str) -> bool {
    let word = words::strip_possessive(family);
    word.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && month_from_name(word).is_none()
        && weekday_from_name(word).is_none()
        && !gazetteer::is_place_name(word)
        && !lexicon::contains_lower(lexicon::support::HEADLINE_HEDGES, word)
        // A function word capitalised after a break the splitter did not see ("... Also says").
        && !crate::knowledge::names::data().is_stop_word(word)
}

/// Drop each H001 finding whose headline span a contradiction rule already labels: the
/// contradiction is the stronger, more specific finding. Called once per article after every
/// rule has run.
pub(crate) fn drop_shadowed(diagnostics: &mut Vec<Diagnostic>) {
    let others: Vec<Span> = diagnostics
        .iter()
        .filter(|d| d.code != META.code && !d.code.starts_with('S'))
        .flat_map(|d| d.labels.iter().map(|l| l.span))
        .collect();
    if others.is_empty() {
        return;
    }
    diagnostics.retain(|d| {
        d.code != META.code
            || !d
                .labels
                .iter()
                .filter(|l| l.primary)
                .any(|l| overlaps_any(&others, l.span))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> Vec<Diagnostic> {
        crate::rules::findings(text, "H001", None)
    }

    fn labels(d: &Diagnostic, text: &str) -> Vec<String> {
        d.labels
            .iter()
            .map(|l| text[l.span.start..l.span.end].to_string())
            .collect()
    }

    #[test]
    fn unsupported_number_names_the_body_figure() {
        let t = "Strike shuts 40 schools\n\nTeachers walked out and 35 schools closed on Monday.";
        let d = run(t);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].severity, Severity::Warning);
        assert_eq!(
            d[0].message,
            "the headline's figure \"40\" is not supported by the body"
        );
        assert_eq!(labels(&d[0], t), vec!["40", "35"]);
    }

    #[test]
    fn a_contradiction_shadows_the_unsupported_finding() {
        let t = "15 killed in flood\n\nTwelve people were killed when the river burst its banks.";
        assert!(run(t).is_empty());
        let n010 = crate::rules::findings(t, "N010", None);
        assert_eq!(n010.len(), 1);
        assert_eq!(labels(&n010[0], t), vec!["15 killed", "Twelve people were killed"]);
    }

    #[test]
    fn supported_values_are_silent() {
        assert!(run("12 killed in Ukraine flood\n\nTwelve people died in Kyiv.").is_empty());
        assert!(run("Dutch firm cuts 300 jobs\n\nA company in the Netherlands will cut 300 jobs.")
            .is_empty());
    }

    #[test]
    fn hedged_headline_is_a_note() {
        let d = run("Strike could cost 500 jobs\n\nThe strike began on Monday.");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].severity, Severity::Note);
    }
}
