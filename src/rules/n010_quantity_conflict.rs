//! `N010 quantity-conflict`: the headline (or the lede) and the body give different numbers for
//! the same counted thing ("12 killed" / "15 people were killed").

use crate::article::{SegmentKind, Span};
use crate::claims::numbers::{Kind, NumberMention};
use crate::diagnostic::{Diagnostic, Severity};
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
  \"last year\", \"in total\", \"so far\") is never compared; words such as \"more\", \"also\",
  \"including\" and \"among\" block only in the number's own clause;
- a body sentence with a frame of its own is about another event: a year the headline and lede
  do not give (\"In 2019, a similar avalanche killed 12\"), a season, weekend, yearly or general
  figure (\"this winter\", \"every year\", \"across the Alps\", \"similar\"), a place it opens
  with that the headline and lede do not name (\"In Austria, 8 people were killed\"), or, against
  the lede, an event noun of its own (\"recalled a 2022 bombing that killed 53\").

Error when both numbers are exact, warning when either is qualified; one level lower when either
is inside a quotation.

## Why it matters

The headline and lede are what most readers take away; a different figure in the body means one
of them is wrong or out of date.

## Example

```text
Twelve killed in factory fire

At least 15 people were killed when a fire swept through a textile factory on Monday.
```

claimlint reports N010 (warning). The headline says 12, the body at least 15 (approximate, so \
a warning). Correct one of them or say that the toll rose.
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
        let first_para = cx
            .article
            .segments
            .iter()
            .find(|s| s.kind == SegmentKind::Paragraph)
            .map(|s| s.span);
        let in_lede = |m: &NumberMention| first_para.is_some_and(|p| p.contains(m.span));
        let claims: Vec<&NumberMention> = keyed
            .iter()
            .copied()
            .filter(|m| m.segment == SegmentKind::Headline || in_lede(m))
            .collect();
        let mut reported: Vec<Span> = Vec::new();
        for h in claims {
            if blocked(cx, h) {
                continue;
            }
            let headline = h.segment == SegmentKind::Headline;
            let support: Vec<&NumberMention> = keyed
                .iter()
                .copied()
                .filter(|b| {
                    b.segment == SegmentKind::Paragraph
                        && b.span.start > h.span.end
                        && (headline || !in_lede(b))
                        && same_count(h, b)
                        && !other_frame(cx, h, b)
                })
                .collect();
            if support.iter().any(|b| compatible(h, b)) {
                continue;
            }
            if support.iter().any(|b| blocked(cx, b)) {
                continue;
            }
            // For the lede against later paragraphs, both must be exact, and the later sentence
            // must point back at the lede's event ("the blast") without a time of its own:
            // wire copy often goes on to other incidents.
            let Some(b) = support
                .iter()
                .copied()
                .find(|b| headline || (h.is_exact() && b.is_exact() && refers_back(cx, h, b)))
            else {
                continue;
            };
            if reported.contains(&b.span) {
                continue;
            }
            reported.push(b.span);
            out.push(diagnostic(cx, h, b, headline));
        }
    }
}

/// Nouns that name people in general: a count of them is the count of the event verb.
const GENERAL: &[&str] = &["people", "person", "victim", "dead", "persons", "civilian"];

/// True when the two mentions count the same thing: same event verb and the same noun, or
/// nouns that both mean "people in general" (or none).
fn same_count(a: &NumberMention, b: &NumberMention) -> bool {
    if a.counted.verb != b.counted.verb {
        return false;
    }
    let general = |n: &Option<String>| n.as_deref().is_none_or(|n| GENERAL.contains(&n));
    match (&a.counted.noun, &b.counted.noun) {
        (Some(x), Some(y)) if x == y => true,
        (x, y) => general(x) && general(y),
    }
}

/// True when both values can be true at once, given their qualifiers.
fn compatible(a: &NumberMention, b: &NumberMention) -> bool {
    let (al, ah) = a.interval();
    let (bl, bh) = b.interval();
    al <= bh && bl <= ah
}

/// Words anywhere in a sentence that mark a change over time, another event or another time
/// frame: such a number is never compared.
const BLOCKERS: &[&str] = &[
    "rose to",
    "risen to",
    "rising to",
    "rises to",
    "climbed to",
    "climbs to",
    "increased to",
    "increases to",
    "jumped to",
    "updated",
    "update",
    "revised",
    "now",
    "raising",
    "bringing",
    "brought",
    "brings",
    "another",
    "separate",
    "earlier",
    "previous",
    "last year",
    "last month",
    "last week",
    "in total",
    "so far",
    "this year",
    "since",
    "total",
    "initially",
    "at first",
];

/// Words that block only inside the number's own clause: "12 more people", "also killed",
/// "among them", "including 3 children". In another clause ("... and more than 20 cars were
/// damaged", "a dog was also injured") they say nothing about the number.
const CLAUSE_BLOCKERS: &[&str] = &[
    "among",
    "including",
    "of them",
    "of whom",
    "other",
    "also",
    "more",
    "further",
    "first",
    "later",
    "had been",
    "were still",
];

fn has_phrase(text: &str, phrases: &[&str]) -> bool {
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let joined = format!(" {} ", words.join(" "));
    phrases.iter().any(|b| joined.contains(&format!(" {b} ")))
}

/// The clause of `m` within its sentence: the text between the nearest clause breaks (commas,
/// semicolons, colons, dashes, brackets, "and", "but", "while", "when", "whereas") around it.
fn clause(cx: &Context<'_>, m: &NumberMention, sentence: Span) -> Span {
    let text = cx.article.slice(sentence).to_lowercase();
    if text.len() != sentence.len() {
        return sentence;
    }
    let rel_start = m.span.start.saturating_sub(sentence.start);
    let rel_end = m.span.end.saturating_sub(sentence.start).min(text.len());
    let breaks = |t: &str| -> Vec<(usize, usize)> {
        let mut v = Vec::new();
        for sep in [
            ",",
            ";",
            ":",
            " — ",
            " – ",
            " - ",
            "(",
            ")",
            " and ",
            " but ",
            " while ",
            " when ",
            " whereas ",
        ] {
            v.extend(t.match_indices(sep).map(|(i, s)| (i, i + s.len())));
        }
        v
    };
    let bs = breaks(&text);
    let lo = bs
        .iter()
        .filter(|(_, e)| *e <= rel_start)
        .map(|(_, e)| *e)
        .max()
        .unwrap_or(0);
    let hi = bs
        .iter()
        .filter(|(b, _)| *b >= rel_end)
        .map(|(b, _)| *b)
        .min()
        .unwrap_or(text.len());
    Span::new(sentence.start + lo, sentence.start + hi)
}

/// True when the sentence of `m` contains a blocker word, or its clause a clause blocker.
fn blocked(cx: &Context<'_>, m: &NumberMention) -> bool {
    let span = m
        .sentence
        .or_else(|| cx.article.segment_at(m.span.start).map(|s| s.span))
        .unwrap_or(m.span);
    let text = cx.article.slice(span).to_lowercase();
    if has_phrase(&text, BLOCKERS) {
        return true;
    }
    let c = clause(cx, m, span);
    has_phrase(&cx.article.slice(c).to_lowercase(), CLAUSE_BLOCKERS)
}

/// Words that give a body sentence a frame of its own — another time, a season, a recurring or
/// general figure, a comparison or a wider area — so that its number is about something else
/// than the headline's event.
const FRAME_WORDS: &[&str] = &[
    "similar",
    "every year",
    "each year",
    "a year",
    "per year",
    "annually",
    "annual",
    "on average",
    "average",
    "typically",
    "usually",
    "this winter",
    "this summer",
    "this spring",
    "this autumn",
    "this season",
    "last winter",
    "last summer",
    "weekend",
    "across",
    "nationwide",
    "worldwide",
    "recalled",
    "recalls",
    "compared",
];

/// True when `b`'s sentence sets a frame that `h`'s sentence (and the headline) does not: a
/// written year, a frame word, an event noun of its own, or a place it opens with ("In
/// Austria, ...") that the headline and lede do not name.
fn other_frame(cx: &Context<'_>, h: &NumberMention, b: &NumberMention) -> bool {
    let Some(bs) = b.sentence else {
        return false;
    };
    let wb = sentence_words(cx, b);
    let wh = sentence_words(cx, h);
    let head_lede = head_and_lede(cx);
    let known = |w: &str| wh.iter().any(|x| x == w) || head_lede.contains(&format!(" {w} "));
    let year = |w: &String| {
        w.len() == 4
            && w.bytes().all(|c| c.is_ascii_digit())
            && w.parse::<u32>().is_ok_and(|y| (1900..=2100).contains(&y))
    };
    if wb.iter().any(|w| year(w) && !known(w)) {
        return true;
    }
    let text = cx.article.slice(bs).to_lowercase();
    if has_phrase(&text, FRAME_WORDS) && !has_phrase(&head_lede, FRAME_WORDS) {
        return true;
    }
    // An event noun the claim's sentence does not have ("recalled a 2022 bombing").
    if wb
        .iter()
        .any(|w| EVENT_NOUNS.contains(&w.as_str()) && !known(w) && !synonym_known(w, &head_lede))
        && h.segment != SegmentKind::Headline
    {
        return true;
    }
    // "In Austria, 8 people were killed": a fronted place the headline and lede do not name.
    let raw = cx.article.slice(bs);
    if let Some(rest) = raw.strip_prefix("In ") {
        if let Some((place, _)) = rest.split_once(',') {
            let place = place.trim();
            let capital = place.chars().next().is_some_and(char::is_uppercase);
            if capital
                && place.split_whitespace().count() <= 4
                && !head_lede.contains(&format!(" {} ", place.to_lowercase()))
                && crate::knowledge::gazetteer::is_place_name(place)
            {
                return true;
            }
        }
    }
    false
}

/// Event nouns that name one kind of event.
fn synonym_known(w: &str, text: &str) -> bool {
    const GROUPS: &[&[&str]] = &[
        &["blast", "bomb", "bombing", "explosion"],
        &["earthquake", "quake"],
        &["flood", "floods"],
        &["clash", "clashes", "fighting"],
        &["riot", "riots"],
        &["strike", "strikes", "air raid", "raid"],
    ];
    GROUPS
        .iter()
        .filter(|g| g.contains(&w))
        .any(|g| g.iter().any(|x| text.contains(&format!(" {x} "))))
}

/// The headline and the first paragraph, lower case, words separated by single spaces, with a
/// space at each end.
fn head_and_lede(cx: &Context<'_>) -> String {
    let mut out = String::from(" ");
    let head = cx.article.headline().map(|s| s.span);
    let lede = cx
        .article
        .segments
        .iter()
        .find(|s| s.kind == SegmentKind::Paragraph)
        .map(|s| s.span);
    for span in [head, lede].into_iter().flatten() {
        for w in cx
            .article
            .slice(span)
            .to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            out.push_str(w);
            out.push(' ');
        }
    }
    out
}

/// Event nouns a later sentence can point back to with "the".
const EVENT_NOUNS: &[&str] = &[
    "attack",
    "blast",
    "bomb",
    "bombing",
    "explosion",
    "fire",
    "crash",
    "collision",
    "accident",
    "earthquake",
    "quake",
    "flood",
    "floods",
    "storm",
    "shooting",
    "raid",
    "ambush",
    "clash",
    "clashes",
    "riot",
    "riots",
    "stampede",
    "derailment",
    "landslide",
    "avalanche",
    "collapse",
    "disaster",
    "incident",
    "fighting",
    "assault",
    "strike",
    "strikes",
    "air raid",
];

/// Time words that give a sentence its own time frame.
const OWN_TIME: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "yesterday",
    "today",
    "tonight",
    "overnight",
    "week",
    "month",
    "year",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

fn sentence_words(cx: &Context<'_>, m: &NumberMention) -> Vec<String> {
    let span = m.sentence.unwrap_or(m.span);
    cx.article
        .slice(span)
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// True when `b`'s sentence names, with "the", an event noun of `a`'s sentence and has no time
/// word that `a`'s sentence lacks.
fn refers_back(cx: &Context<'_>, a: &NumberMention, b: &NumberMention) -> bool {
    let wa = sentence_words(cx, a);
    let wb = sentence_words(cx, b);
    let shared = wb.windows(2).any(|w| {
        (w[0] == "the" || w[0] == "this" || w[0] == "that")
            && EVENT_NOUNS.contains(&w[1].as_str())
            && wa.contains(&w[1])
    });
    let own_time = wb
        .iter()
        .any(|w| OWN_TIME.contains(&w.as_str()) && !wa.contains(w));
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

fn diagnostic(
    cx: &Context<'_>,
    h: &NumberMention,
    b: &NumberMention,
    headline: bool,
) -> Diagnostic {
    let exact = h.is_exact() && b.is_exact();
    let mut severity = if exact {
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
        let d = run("12 killed in factory fire\n\nAt least 15 people were killed in the fire.");
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
        assert_eq!(d[0].severity, Severity::Warning);
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
