//! `P004 quote-attribution-conflict`: the same quotation attributed to two different people.
//!
//! Quotations and their speakers come from `text::quotes` (via [`crate::article::Article`])
//! and are linked to persons by [`crate::claims::people`]. Two quotations are the same when
//! their words (lower case, punctuation dropped) are equal, or the shorter one's words are a
//! run of the longer one's (a headline excerpt of a body quotation), with at least six words.

use crate::claims::people::People;
use crate::diagnostic::{Diagnostic, Severity};
use crate::knowledge::lexicon::attribution;
use crate::knowledge::names::{data, edit_distance};
use crate::rules::trace::Outcome;
use crate::rules::{Context, Rule, RuleMeta};
use crate::source::Span;

static META: RuleMeta = rule_meta! {
    code: "P004",
    name: "quote-attribution-conflict",
    category: People,
    default_severity: Severity::Error,
    summary: "The same quotation is attributed to two different people",
    explanation: "\
## What it checks

Quotations of six words or more whose speaker is named next to them (`\"...,\" Smith said`, \
`said Smith`, `Smith said: \"...\"`). When the same words (ignoring case and punctuation; or a \
run of six or more words of a longer quotation, as a headline excerpt) are attributed to two \
different people, the article has put one quotation in two mouths. A surname alone counts as \
the person already named only when one person in the article has that surname.

**Left alone:** a speaker relaying someone else's words (\"quoting\", \"citing\", \"echoing\", \
\"repeated\", \"in the words of\" in either sentence); words the article says several people \
said (\"both\", \"also\", \"too\", \"agreed\"), slogans and chants, and words attributed three \
times or more (a slogan many people repeat); quotations shorter than six words; two speakers \
whose names look like two spellings of one name (that is P001's finding); two people sharing a \
surname when the quotation names only the surname.

## Why it matters

Who said what is the first thing a reader trusts a report with. The same words given to two \
people means at least one attribution is wrong.

## Example

```text
Talks stall in Geneva

\"We will not sign an agreement that abandons our farmers,\" Maria Lopez said in Geneva on Monday.

Later, \"we will not sign an agreement that abandons our farmers,\" said Peter Brandt.
```

claimlint reports P004 (error). Maria Lopez and Peter Brandt are both given the same words.

```text
Talks stall in Geneva

\"We will not sign an agreement that abandons our farmers,\" Maria Lopez said in Geneva on Monday.

Peter Brandt said, quoting Lopez: \"We will not sign an agreement that abandons our farmers.\"
```

claimlint reports nothing. Peter Brandt is quoting Maria Lopez.
",
};

/// The `quote-attribution-conflict` rule.
pub struct QuoteAttributionConflict;

/// The registered instance (see `build.rs`).
pub(crate) static RULE: &dyn Rule = &QuoteAttributionConflict;

/// Minimum words of a quotation worth comparing.
const MIN_WORDS: usize = 6;

/// One attributed quotation.
struct Said {
    quote: Span,
    person: usize,
    words: Vec<String>,
}

/// True when `short` is a run of consecutive words of `long` (or equal).
fn within(short: &[String], long: &[String]) -> bool {
    short.len() >= MIN_WORDS && long.windows(short.len()).any(|w| w == short)
}

impl Rule for QuoteAttributionConflict {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let people = &cx.mentions.people;
        let mut said: Vec<Said> = Vec::new();
        for (pi, p) in people.persons.iter().enumerate() {
            for &q in &p.quotes {
                let words: Vec<String> = crate::text::words::words(cx.article.slice(q))
                    .map(|(_, w)| w.to_lowercase())
                    .collect();
                if words.len() >= MIN_WORDS {
                    said.push(Said {
                        quote: q,
                        person: pi,
                        words,
                    });
                }
            }
        }
        if said.len() < 2 {
            return;
        }
        said.sort_by_key(|s| s.quote.start);
        let same = |a: &Said, b: &Said| {
            if a.words.len() <= b.words.len() {
                within(&a.words, &b.words)
            } else {
                within(&b.words, &a.words)
            }
        };
        for (i, a) in said.iter().enumerate() {
            for b in said.get(i + 1..).unwrap_or_default() {
                if a.person == b.person || !same(a, b) {
                    continue;
                }
                let spans = [a.quote, b.quote];
                // A slogan: the words attributed three times or more.
                let uses = said.iter().filter(|s| same(s, a)).count();
                if uses >= 3 {
                    cx.compared(&META.code, &spans, Outcome::Skipped, || {
                        "attributed three times or more: a slogan".into()
                    });
                    continue;
                }
                if cued(cx, a.quote) || cued(cx, b.quote) {
                    cx.compared(&META.code, &spans, Outcome::Skipped, || {
                        "the article says the words are relayed or shared".into()
                    });
                    continue;
                }
                if spellings_of_one_name(people, a.person, b.person) {
                    cx.compared(&META.code, &spans, Outcome::Skipped, || {
                        "the two speakers' names look like two spellings of one name".into()
                    });
                    continue;
                }
                let (Some(pa), Some(pb)) =
                    (people.persons.get(a.person), people.persons.get(b.person))
                else {
                    continue;
                };
                let na = cx.article.slice(pa.name);
                let nb = cx.article.slice(pb.name);
                cx.compared(&META.code, &spans, Outcome::Conflict, || {
                    format!("{na} / {nb}: the same words")
                });
                out.push(
                    META.report(
                        META.default_severity,
                        format!("the same quotation is attributed to {na} and to {nb}"),
                    )
                    .primary(b.quote, format!("attributed to {nb}"))
                    .secondary(a.quote, format!("attributed to {na}"))
                    .help(
                        "check who said these words; if both did, or one quotes the other, say so",
                    )
                    .build(),
                );
                return;
            }
        }
    }
}

/// True when the sentence holding the quotation (or the paragraph, for a long quotation)
/// says the words are relayed, shared or a slogan.
fn cued(cx: &Context<'_>, quote: Span) -> bool {
    let around = match (
        cx.article.sentence_at(quote.start.saturating_sub(1)),
        cx.article.sentence_at(quote.end),
    ) {
        (Some(a), Some(b)) => Span::new(a.start.min(b.start), a.end.max(b.end)),
        (Some(a), None) | (None, Some(a)) => a,
        (None, None) => quote,
    };
    // Outside the quotation only: the cue is the reporter's, not the speaker's.
    let before = cx.article.slice(Span::new(around.start, quote.start.max(around.start)));
    let after = cx.article.slice(Span::new(quote.end.min(around.end), around.end));
    [before, after].iter().any(|s| {
        crate::text::words::contains_phrase(s, attribution::QUOTE_RELAY_CUES)
            || crate::text::words::contains_phrase(s, attribution::QUOTE_SHARED_CUES)
    })
}

/// True when two persons' family names look like two spellings of one name (one key, or one
/// edit apart): P001's finding, not two speakers.
fn spellings_of_one_name(people: &People, a: usize, b: usize) -> bool {
    let d = data();
    let (Some(pa), Some(pb)) = (people.persons.get(a), people.persons.get(b)) else {
        return false;
    };
    let (ka, kb) = (d.key(&pa.family), d.key(&pb.family));
    pa.family != pb.family && (ka == kb || edit_distance(&ka, &kb) <= 1)
}

#[cfg(test)]
mod tests {
    use crate::rules::findings;

    fn msgs(t: &str) -> Vec<String> {
        findings(t, "P004", None)
            .into_iter()
            .map(|d| d.message)
            .collect()
    }

    #[test]
    fn two_speakers() {
        assert_eq!(
            msgs("Talks\n\n\"We will not sign an agreement that abandons our farmers,\" Maria Lopez said.\n\n\"We will not sign an agreement that abandons our farmers,\" said Peter Brandt.\n"),
            vec!["the same quotation is attributed to Maria Lopez and to Peter Brandt"]
        );
    }

    #[test]
    fn relayed_words() {
        assert!(msgs("Talks\n\n\"We will not sign an agreement that abandons our farmers,\" Maria Lopez said.\n\n\"We will not sign an agreement that abandons our farmers,\" said Peter Brandt, quoting her.\n").is_empty());
    }
}
