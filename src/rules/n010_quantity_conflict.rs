//! `N010 quantity-conflict`: the headline (or the lede) and the body give different numbers for
//! the same counted thing ("12 killed" / "15 people were killed").

use crate::article::{SegmentKind, Span};
use crate::claims::numbers::{Kind, NumberMention};
use crate::diagnostic::{Diagnostic, Severity};
use crate::knowledge::lexicon::{self, quantities};
use crate::knowledge::numbers::Qualifier;
use crate::rules::trace::Outcome;
use crate::rules::{format, Context, Rule, RuleMeta};

static META: RuleMeta = rule_meta! {
    code: "N010",
    name: "quantity-conflict",
    category: Numbers,
    default_severity: Severity::Error,
    summary: "The headline or lede and the body give different numbers for the same count",
    explanation: "\
## What it checks

Numbers tied to an event verb — killed, injured, missing, arrested, evacuated, rescued,
displaced, hospitalised (\"12 killed\", \"15 people were killed\", \"killing 15\", \"a death toll
of 15\") — are compared between the headline and the body, and between the first paragraph (the
lede) and later paragraphs. Two numbers conflict when their qualifiers cannot both be true:
\"at least 10\" fits 12, \"about 100\" fits 110, but \"12 killed\" and \"15 people were killed\"
do not.

The check is deliberately narrow, because news copy is full of numbers about different things:

- it stays silent when any body number for the same count agrees with the headline;
- counts of different groups never meet: \"3 children among the 12 killed\" (a subset), \"two
  policemen were killed\" against \"12 people were killed\";
- a sentence that reports a change (\"rose to\", \"climbed to\", \"updated\", \"increased to\",
  \"now\", \"revised\") or another event or time frame (\"another\", \"separate\", \"earlier\",
  \"last year\") is never compared; a running total (\"in total\", \"so far\") is compared
  with the headline, which states totals, but not with the lede; words such as \"more\",
  \"also\", \"including\" and \"among\" block only in the number's own clause (\"more than
  15\" is a qualifier, not an addition);
- a count that is one part of a breakdown (\"three soldiers and 11 civilians were injured\") is
  compared only as the sum of the parts, and is silent when the sum fits;
- a headline toll over a period or a running total (\"85 dead in three days of floods\",
  \"death toll\") is not held against a smaller body count on a day of its own (\"seven
  died on Monday\"): that day may be one part of it;
- a body sentence with a frame of its own is about another event: a year the headline and lede
  do not give (\"In 2019, a similar avalanche killed 12\"), a season, weekend, yearly or general
  figure (\"this winter\", \"every year\", \"across the Alps\", \"similar\"), a place it opens
  with that the headline and lede do not name (\"In Austria, 8 people were killed\"), or, against
  the lede, an event noun of its own (\"recalled a 2022 bombing that killed 53\").

Error when no reading reconciles the two: both exact, or bounded by \"at least\", \"more than\"
or \"up to\" and still apart; warning when either is an approximation (\"about\", \"nearly\"),
whose edge is not exact; one level lower when either is inside a quotation.

## Why it matters

The headline and lede are what most readers take away; a different figure in the body means one
of them is wrong or out of date.

## Example

```text
Twelve killed in factory fire

At least 15 people were killed when a fire swept through a textile factory on Monday.
```

claimlint reports N010 (error). The headline says 12, the body at least 15: no reading makes \
both true. Correct one of them or say that the toll rose.
",
};

/// The `quantity-conflict` rule.
pub struct QuantityConflict;

/// The registered instance (see `build.rs`).
pub(crate) static RULE: &dyn Rule = &QuantityConflict;

impl Rule for QuantityConflict {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let keyed: Vec<&NumberMention> = cx
            .mentions
            .numbers
            .iter()
            .filter(|m| m.kind == Kind::Count && !m.modifier && m.counted.verb.is_some())
            .collect();
        let lede = cx.article.lede().map(|s| s.span);
        let in_lede = |m: &NumberMention| lede.is_some_and(|p| p.contains(m.span));
        let claims: Vec<&NumberMention> = keyed
            .iter()
            .copied()
            .filter(|m| m.segment == SegmentKind::Headline || in_lede(m))
            .collect();
        let mut reported: Vec<Span> = Vec::new();
        for h in claims {
            if h.frame.blocked() {
                cx.compared(&META.code, &[h.span], Outcome::Skipped, || {
                    "its sentence reports a change, a total, another incident or time, or a subset"
                        .to_string()
                });
                continue;
            }
            let headline = h.segment == SegmentKind::Headline;
            // Support comes after `h`, and after the lede for a lede claim: the counts before
            // that point are skipped by a binary search (`keyed` is in document order), not
            // read one by one for every claim (a lede of thousands of counts was quadratic).
            let after = match lede {
                Some(p) if !headline => p.end.max(h.span.end),
                _ => h.span.end,
            };
            let from = keyed.partition_point(|b| b.span.start <= after);
            let support: Vec<&NumberMention> = keyed
                .get(from..)
                .unwrap_or_default()
                .iter()
                .copied()
                .filter(|b| {
                    b.segment == SegmentKind::Paragraph
                        && b.span.start > h.span.end
                        && (headline || !in_lede(b))
                        && same_count(h, b)
                })
                .filter(|b| {
                    let other = other_frame(h, b);
                    if other {
                        cx.compared(&META.code, &[h.span, b.span], Outcome::Skipped, || {
                            "the body sentence has a frame of its own (year, place, incident)"
                                .to_string()
                        });
                    }
                    !other
                })
                .collect();
            if let Some(b) = support.iter().find(|b| compatible(h, b)) {
                cx.compared(&META.code, &[h.span, b.span], Outcome::Consistent, || {
                    "the two counts can both be true".to_string()
                });
                continue;
            }
            // A body count that is one part of a breakdown ("three soldiers and 11 civilians
            // were injured") is compared only as the sum of its parts.
            let parts: Vec<(Span, f64)> = support
                .iter()
                .filter_map(|b| breakdown_sum(cx, b).map(|sum| (b.span, sum)))
                .collect();
            if let Some((b, _)) = parts.iter().find(|(_, sum)| {
                let (l, hi) = h.interval();
                (l..=hi).contains(sum)
            }) {
                cx.compared(&META.code, &[h.span, *b], Outcome::Consistent, || {
                    "the body's parts add up to the headline's count".to_string()
                });
                continue;
            }
            let support: Vec<&NumberMention> = support
                .into_iter()
                .filter(|b| !parts.iter().any(|(p, _)| *p == b.span))
                .collect();
            // A headline toll over a period ("85 dead in three days of floods") against a
            // smaller count on a day of its own: that day may be one part of the toll.
            let support: Vec<&NumberMention> = support
                .into_iter()
                .filter(|b| {
                    let part = headline
                        && h.frame.cumulative
                        && b.value < h.value
                        && b.frame.times.iter().any(|t| !h.frame.times.contains(t));
                    if part {
                        cx.compared(&META.code, &[h.span, b.span], Outcome::Skipped, || {
                            "a smaller count on a day of its own may be part of the headline's toll"
                                .to_string()
                        });
                    }
                    !part
                })
                .collect();
            let blocked = |b: &NumberMention| {
                if headline {
                    b.frame.blocked_against_headline()
                } else {
                    b.frame.blocked()
                }
            };
            if let Some(b) = support.iter().find(|b| blocked(b)) {
                cx.compared(&META.code, &[h.span, b.span], Outcome::Skipped, || {
                    "the body count changed, is a total, a subset or about another incident"
                        .to_string()
                });
                continue;
            }
            // For the lede against later paragraphs, both must be exact, and the later sentence
            // must point back at the lede's event ("the blast") without a time of its own:
            // wire copy often goes on to other incidents.
            let Some(b) = support
                .iter()
                .copied()
                .find(|b| headline || (h.is_exact() && b.is_exact() && refers_back(h, b)))
            else {
                continue;
            };
            if reported.contains(&b.span) {
                continue;
            }
            reported.push(b.span);
            cx.compared(&META.code, &[h.span, b.span], Outcome::Conflict, || {
                "different counts for the same event".to_string()
            });
            out.push(diagnostic(cx, h, b, headline));
        }
    }
}

/// True when the two mentions count the same thing: same event verb and the same noun, or
/// nouns that both mean "people in general" (`quantities.toml` `[general_nouns]`) or none.
fn same_count(a: &NumberMention, b: &NumberMention) -> bool {
    if a.counted.verb != b.counted.verb {
        return false;
    }
    let general = |n: &Option<String>| {
        n.as_deref()
            .is_none_or(|n| lexicon::contains(quantities::GENERAL_NOUNS, n))
    };
    match (&a.counted.noun, &b.counted.noun) {
        (Some(x), Some(y)) if x == y => true,
        (x, y) => general(x) && general(y),
    }
}

/// When `b` is the last of two or more counts joined by "and" or commas in one sentence
/// ("three soldiers and 11 civilians were injured"), the sum of those counts; `None` when it
/// stands alone. Parts before `b` must each have a counted noun and no verb of their own
/// ("three soldiers"), so "12 of the 15" and "between 10 and 15" are not read as parts.
fn breakdown_sum(cx: &Context<'_>, b: &NumberMention) -> Option<f64> {
    if !b.is_exact() || b.counted.noun.is_none() {
        return None;
    }
    let numbers = &cx.mentions.numbers;
    let at = numbers.iter().position(|m| m.span == b.span)?;
    let mut sum = b.value;
    let mut start = b.span.start;
    let mut parts = 1;
    for m in numbers.get(..at).unwrap_or_default().iter().rev() {
        let Some(noun) = m.counted.noun_span else {
            break;
        };
        let joined = matches!(
            cx.article.slice(Span::new(noun.end.min(start), start)).trim(),
            "and" | "," | ", and"
        );
        if m.kind != Kind::Count
            || !m.is_exact()
            || m.counted.verb.is_some()
            || m.sentence != b.sentence
            || noun.end > start
            || !joined
        {
            break;
        }
        sum += m.value;
        start = m.span.start;
        parts += 1;
    }
    (parts > 1).then_some(sum)
}

/// True when both values can be true at once, given their qualifiers.
fn compatible(a: &NumberMention, b: &NumberMention) -> bool {
    let (al, ah) = a.interval();
    let (bl, bh) = b.interval();
    al <= bh && bl <= ah
}

/// True when `b`'s sentence sets a frame that `h`'s sentence (and the headline and lede) does
/// not: a year, a frame word, an incident noun of its own (against the lede only), or a
/// fronted place.
fn other_frame(h: &NumberMention, b: &NumberMention) -> bool {
    let (fh, fb) = (&h.frame, &b.frame);
    fb.new_years.iter().any(|y| !fh.years.contains(y))
        || fb.own_frame
        || (h.segment != SegmentKind::Headline
            && fb.new_incidents.iter().any(|n| !fh.incidents.contains(n)))
        || fb.fronted_place
}

/// True when `b`'s sentence names, with "the", an incident noun of `a`'s sentence and has no
/// time word that `a`'s sentence lacks.
fn refers_back(a: &NumberMention, b: &NumberMention) -> bool {
    let shared = b
        .frame
        .refers_to
        .iter()
        .any(|n| a.frame.incidents.contains(n));
    let own_time = b.frame.times.iter().any(|t| !a.frame.times.contains(t));
    shared && !own_time
}

/// The phrase to quote for a mention: from its start to the verb or noun, whichever ends later
/// (within 60 bytes).
fn phrase(cx: &Context<'_>, m: &NumberMention) -> Span {
    let mut end = m.span.end;
    for s in [m.counted.noun_span, m.counted.verb_span]
        .into_iter()
        .flatten()
    {
        if s.start >= m.span.end && s.end <= m.span.end + 60 {
            end = end.max(s.end);
        }
    }
    let _ = cx;
    Span::new(m.span.start, end)
}

/// True for a qualifier with an exact edge: none, "at least", "more than", "at most".
fn hard_bound(q: Qualifier) -> bool {
    matches!(
        q,
        Qualifier::Exact | Qualifier::AtLeast | Qualifier::MoreThan | Qualifier::AtMost
    )
}

fn diagnostic(
    cx: &Context<'_>,
    h: &NumberMention,
    b: &NumberMention,
    headline: bool,
) -> Diagnostic {
    // Severity follows provability (docs/DESIGN.md): exact values and hard bounds ("at least",
    // "more than", "up to") that do not overlap cannot both be true; an approximation ("about",
    // "nearly") has no exact edge, so the two may still be consistent.
    let provable = hard_bound(h.qualifier) && hard_bound(b.qualifier);
    let mut severity = if provable {
        META.default_severity
    } else {
        Severity::Warning
    };
    if h.quoted || b.quoted {
        severity = severity.downgrade();
    }
    let hp = phrase(cx, h);
    let bp = phrase(cx, b);
    let (where_h, where_b) = if headline {
        ("the headline", "the body")
    } else {
        ("the first paragraph", "a later paragraph")
    };
    let ht = quoted_phrase(cx, h, hp);
    let bt = quoted_phrase(cx, b, bp);
    META.report(
        severity,
        format!("{where_h} says \"{ht}\" but {where_b} says \"{bt}\""),
    )
    .secondary(hp, format!("{where_h}: {}", describe(h)))
    .primary(bp, format!("{where_b}: {}", describe(b)))
    .help("make the numbers agree, or say that the count changed (\"rose to\", \"updated\")")
    .build()
}

/// The phrase as quoted in the message: the text, with the counted event added when its verb
/// stands before the number ("killed 12 people" reads "12 people killed").
fn quoted_phrase(cx: &Context<'_>, m: &NumberMention, span: Span) -> String {
    let text = cx.article.slice(span);
    match (m.counted.verb, m.counted.verb_span) {
        (Some(v), Some(vs)) if vs.end <= m.span.start => format!("{text} {v}"),
        _ => text.to_string(),
    }
}

fn describe(m: &NumberMention) -> String {
    let v = format::number;
    let core = match m.high {
        Some(hi) => format!("{}-{}", v(m.value), v(hi)),
        None => v(m.value),
    };
    if m.is_exact() || m.high.is_some() {
        core
    } else {
        format!("{} {core}", m.qualifier.describe())
    }
}

#[cfg(test)]
mod tests {

    use super::*;

    fn run(text: &str) -> Vec<Diagnostic> {
        crate::rules::findings(text, "N010", None)
    }

    #[test]
    fn labels_group_thousands() {
        let d = run("Fire kills 1,200\n\nThe fire killed 1,500 people across the region.\n");
        assert_eq!(d.len(), 1, "{d:?}");
        let labels: Vec<&str> = d[0].labels.iter().map(|l| l.message.as_str()).collect();
        assert_eq!(labels, vec!["the headline: 1,200", "the body: 1,500"]);
    }

    #[test]
    fn headline_and_body_conflict() {
        let d = run("12 killed in factory fire\n\nPolice said 15 people were killed in the fire.");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].severity, Severity::Error);
        assert_eq!(
            d[0].message,
            "the headline says \"12 killed\" but the body says \"15 people were killed\""
        );
        // "At least 15" has an exact edge: nothing is both 12 and 15 or more.
        let d = run("12 killed in factory fire\n\nAt least 15 people were killed in the fire.");
        assert_eq!(d[0].severity, Severity::Error);
        // "About 30" has none: a warning.
        let d = run("12 killed in factory fire\n\nAbout 30 people were killed in the fire.");
        assert_eq!(d[0].severity, Severity::Warning);
    }

    #[test]
    fn lede_and_later_paragraph_conflict() {
        let d = run(
            "Blast in city\n\nA bomb blast killed 12 people in the city centre.\n\n\
                     Police said the blast killed 15 people and wounded dozens.",
        );
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(
            d[0].message
                .starts_with("the first paragraph says \"12 people killed\""),
            "{}",
            d[0].message
        );
    }

    #[test]
    fn compatible_or_changed_is_silent() {
        for t in [
            "At least 10 killed in fire\n\nPolice said 12 people were killed in the fire.",
            "12 killed in fire\n\nThe death toll rose to 15 on Tuesday.",
            "12 killed in fire\n\nThree children were among the 12 killed.",
            "12 killed in fire\n\nTwelve people were killed. Two policemen were killed too.",
            "12 killed in fire\n\nA blast killed 12 people. In a separate attack, 3 people were killed.",
            "Rebels attack convoy\n\nRebels killed 18 soldiers in the north, the army said.\n\n\
             On Tuesday, 19 soldiers were killed in the south.",
            "Raids hit village\n\nJets killed 22 people in a raid on a village.\n\n\
             The raid came after 51 people were reported killed yesterday.",
        ] {
            assert!(run(t).is_empty(), "{t}: {:?}", run(t));
        }
    }

    #[test]
    fn other_events_and_frames_are_silent() {
        for t in [
            "Three killed in Swiss avalanche\n\nAn avalanche killed three skiers on Wednesday.\n\n\
             In 2019, a similar avalanche killed 12 people in the same valley.",
            "Three killed in Swiss avalanche\n\nAn avalanche killed three skiers on Wednesday.\n\n\
             In Austria, 8 people were killed.",
            "Three killed in Swiss avalanche\n\nAn avalanche killed three skiers on Wednesday.\n\n\
             Avalanches kill 20 people across the Alps every year.",
            "Three killed in Swiss avalanche\n\nAn avalanche killed three skiers on Wednesday.\n\n\
             Over the weekend, 5 people were killed in the Alps.",
            "Blast hits Kabul\n\nA suicide attack killed 12 people at a mosque on Friday.\n\n\
             The attack recalled a 2022 bombing at a school that killed 53 people.",
        ] {
            assert!(run(t).is_empty(), "{t}: {:?}", run(t));
        }
    }

    #[test]
    fn verb_before_number_and_clause_blockers() {
        let d = run("Gunmen kill 18 soldiers in ambush\n\nGunmen killed 28 soldiers in an ambush on Monday.");
        assert_eq!(d.len(), 1, "base-form verb before the number");
        let d = run("Quake kills 15 in Peru\n\nAn earthquake killed 22 people in Peru on Friday.");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(
            d[0].message,
            "the headline says \"15 killed\" but the body says \"22 people killed\""
        );
        let d = run("At least 30 arrested in Paris\n\nPolice arrested 25 people on Friday.");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].severity, Severity::Error, "a hard bound is provable");
        let d = run(
            "Five injured in bus crash\n\nPolice said seven people were injured and more \
                     than 20 cars were damaged.",
        );
        assert_eq!(d.len(), 1, "{d:?}");
        let d =
            run("Two dead in crash\n\nThree people died in the crash, and a dog was also hurt.");
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(run("Two dead in crash\n\nThree more people died in the crash.").is_empty());
    }
}
