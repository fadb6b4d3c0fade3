//! `N012 parts-exceed-total`: a total broken down into parts that add up to more than it
//! ("120 people died, of whom 50 were women and 80 men"), or shares of one breakdown that add
//! up to well over 100%.

use crate::article::Span;
use crate::claims::numbers::{Kind, NumberMention};
use crate::diagnostic::{Diagnostic, Severity};
use crate::knowledge::numbers::Qualifier;
use crate::rules::{format, Context, Rule, RuleMeta};

static META: RuleMeta = rule_meta! {
    code: "N012",
    name: "parts-exceed-total",
    category: Numbers,
    default_severity: Severity::Error,
    summary: "The parts of a stated total add up to more than the total",
    explanation: "\
## What it checks

A total broken down in the same sentence: \"Of the 120 victims, 50 were women and 80 men\",
\"120 people died, of whom 50 were women and 80 men\", \"A total of 120 ...: 50 ... and 80 ...\".
The parts must be counts of one kind of category (women / men / children; civilians / soldiers;
killed / injured; or the total's own noun) so that they cannot overlap; their sum must not exceed
the total. Qualifiers widen both sides (\"about 120\", \"more than 50\").

Shares of one breakdown (\"40% voted for, 35% against and 30% abstained\", \"won 45%, 40% and 20%
respectively\") must not add up to more than 100% plus rounding (half a point per share).
Percentages of change (\"rose 5%\") are never added, nor shares of different wholes: different
years (\"in 2017 and 2022 respectively\"), rounds (\"first round\", \"runoff\"), groups
(\"among women ... among men\") or clauses split by a semicolon. Outcomes that overlap (rescued
and injured) are not parts of one breakdown, and a number after \"including\" or \"among them\"
is a subset of the part before it.

With a closure word — \"of whom\", \"of which\", \"in total\", \"in all\", \"the rest\",
\"respectively\" — the breakdown is meant to be complete and the finding is an error; otherwise it
is a warning.

## Why it matters

Parts that exceed their whole cannot all be right: a figure was mistyped or updated in one place
only.

## Example

```text
Plane crash kills 120

The crash killed 120 people, of whom 50 were women and 80 men.
```

claimlint reports N012 (error). 50 + 80 = 130, more than 120: correct the total or one of the \
parts.
",
};

/// The `parts-exceed-total` rule.
pub struct PartsExceedTotal;

/// The registered instance (see `build.rs`).
pub(crate) static RULE: &dyn Rule = &PartsExceedTotal;

impl Rule for PartsExceedTotal {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let nums = &cx.mentions.numbers;
        let mut i = 0;
        while i < nums.len() {
            let Some(sentence) = nums[i].sentence else {
                i += 1;
                continue;
            };
            let mut j = i;
            while j < nums.len() && nums[j].sentence == Some(sentence) {
                j += 1;
            }
            let group = &nums[i..j];
            if let Some(d) = breakdown(cx, sentence, group).or_else(|| shares(cx, sentence, group))
            {
                out.push(d);
            }
            i = j;
        }
    }
}

/// Exclusive category sets: parts must all come from one of them.
const DIMENSIONS: &[&[&str]] = &[
    &[
        "man", "woman", "child", "boy", "girl", "adult", "minor", "infant", "baby", "teenager",
        "male", "female",
    ],
    &[
        "civilian",
        "soldier",
        "militant",
        "police",
        "policeman",
        "officer",
        "troop",
        "rebel",
        "fighter",
        "attacker",
        "gunman",
        "insurgent",
    ],
    // Outcomes: a rescued person or a survivor may also be injured, so rescued / survivor and
    // injured / unharmed are never added together.
    &["killed", "injured", "missing", "unharmed"],
    &["killed", "rescued", "survivor", "missing"],
];

/// Closure words that make a breakdown complete.
const CLOSURE: &[&str] = &[
    "of whom",
    "of which",
    "in total",
    "in all",
    "a total of",
    "the rest",
    "the remaining",
    "the remainder",
    "respectively",
];

fn lower_slice(cx: &Context<'_>, span: Span) -> String {
    cx.article.slice(span).to_lowercase()
}

/// The category of a part: its counted noun, its event verb, or the word after "were"/"are"
/// ("50 were women").
fn category(cx: &Context<'_>, m: &NumberMention) -> Option<String> {
    if let Some(v) = m.counted.verb {
        return Some(v.to_string());
    }
    if let Some(n) = &m.counted.noun {
        return Some(n.clone());
    }
    let end = m.sentence.map_or(m.span.end, |s| s.end);
    let after = lower_slice(cx, Span::new(m.span.end, end));
    let mut w = after
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty());
    match w.next() {
        Some("were" | "are" | "was" | "is") => w.next().map(crate::claims::numbers::lemma),
        _ => None,
    }
}

/// True when one exclusive set holds every category.
fn one_dimension(cats: &[&str]) -> bool {
    DIMENSIONS
        .iter()
        .any(|d| cats.iter().all(|c| d.contains(c)))
}

/// Words before a part that make it a subset of the part before it ("12 were minors,
/// including five girls").
const SUBSET: &[&str] = &[
    "including",
    "among them",
    "among whom",
    "of them",
    "of whom",
];

fn breakdown(cx: &Context<'_>, sentence: Span, group: &[NumberMention]) -> Option<Diagnostic> {
    if group.len() < 3 {
        return None;
    }
    let text = lower_slice(cx, sentence);
    // Find the total and where the parts begin.
    for (ti, total) in group.iter().enumerate() {
        if total.kind != Kind::Count || total.modifier || total.quoted {
            continue;
        }
        let before = lower_slice(cx, Span::new(sentence.start, total.span.start));
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
        let between = lower_slice(cx, Span::new(total.span.end, next_start));
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
        let mut parts = &group[ti + 1..];
        // A number after "including" or "among them" is a subset, not one more part.
        for k in 1..parts.len() {
            let gap = lower_slice(cx, Span::new(parts[k - 1].span.end, parts[k].span.start));
            if SUBSET.iter().any(|w| gap.contains(w)) {
                parts = &parts[..k];
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
            let after = lower_slice(
                cx,
                Span::new(p.span.end, (p.span.end + 12).min(sentence.end)),
            );
            if after.trim_start().starts_with("of") {
                return None;
            }
            let pre = lower_slice(
                cx,
                Span::new(
                    p.span.start.saturating_sub(6).max(sentence.start),
                    p.span.start,
                ),
            );
            // "50 were aged 20": an age, not a part (whole words: "hostages, 26" is a part).
            if pre
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| w == "aged" || w == "age")
            {
                return None;
            }
            let cat = category(cx, p)?;
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
        let sum_lo: f64 = parts.iter().map(|p| p.interval().0).sum();
        let (_, total_hi) = total.interval();
        if sum_lo <= total_hi {
            return None;
        }
        let closure = CLOSURE.iter().any(|c| text.contains(c)) || of_whom;
        let severity = if closure {
            META.default_severity
        } else {
            Severity::Warning
        };
        let total_txt = cx.article.slice(total.span);
        let parts_txt: Vec<String> = parts.iter().map(|p| format::number(p.value)).collect();
        let mut d = META
            .report(
                severity,
                format!(
                    "the parts add up to {} ({}), more than the total of {}",
                    format::number(sum_lo),
                    parts_txt.join(" + "),
                    format::number(total.value)
                ),
            )
            .secondary(total.span, format!("the total: {total_txt}"));
        let last = parts.len() - 1;
        for (k, p) in parts.iter().enumerate() {
            let msg = if k == last {
                format!("parts so far: {}", format::number(sum_lo))
            } else {
                "a part".to_string()
            };
            d = d.label(p.span, msg, k == last);
        }
        return Some(
            d.help(if closure {
                "the breakdown is meant to be complete: correct the total or one of the parts"
            } else {
                "check the total and the parts: if the categories overlap, say so"
            })
            .build(),
        );
    }
    None
}

/// Words that make percentages changes or rates rather than shares of one whole.
const CHANGE: &[&str] = &[
    "rose",
    "rise",
    "risen",
    "rising",
    "fell",
    "fall",
    "fallen",
    "falling",
    "up",
    "down",
    "increase",
    "increased",
    "decrease",
    "decreased",
    "grew",
    "growth",
    "jumped",
    "dropped",
    "declined",
    "gained",
    "lost",
    "from",
    "to",
    "by",
    "compared",
    "against",
    "rate",
    "rates",
    "interest",
    "yield",
    "inflation",
    "margin",
    "tax",
    "discount",
    "premium",
    "higher",
    "lower",
    "climbed",
    "slipped",
    "plunged",
    "surged",
    "cut",
    "raised",
    "annual",
    "annualised",
    "versus",
    "vs",
    "previously",
    "previous",
    "last",
    "each",
    "both",
    "stake",
    "own",
    "owns",
    "owned",
    "turnout",
    "participation",
];

/// Words that mark shares of one whole.
const SHARE: &[&str] = &[
    "respectively",
    "of the vote",
    "of the votes",
    "voted",
    "undecided",
    "the rest",
    "remaining",
];

fn shares(cx: &Context<'_>, sentence: Span, group: &[NumberMention]) -> Option<Diagnostic> {
    let pcts: Vec<&NumberMention> = group.iter().filter(|m| m.kind == Kind::Percent).collect();
    if pcts.len() < 2 || pcts.iter().any(|m| m.modifier) {
        return None;
    }
    let text = lower_slice(cx, sentence);
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    // "35% against" in a vote is a share; "against" elsewhere compares.
    let against_share = pcts.iter().any(|m| {
        let after = lower_slice(
            cx,
            Span::new(m.span.end, (m.span.end + 9).min(sentence.end)),
        );
        after.trim_start().starts_with("against")
    });
    if words
        .iter()
        .any(|w| CHANGE.contains(w) && !(against_share && *w == "against"))
    {
        return None;
    }
    if different_wholes(cx, &text, &words, &pcts) {
        return None;
    }
    if !SHARE.iter().any(|s| text.contains(s)) {
        return None;
    }
    // The percentages must follow one another closely (one list).
    for w in pcts.windows(2) {
        let gap = cx.article.slice(Span::new(w[0].span.end, w[1].span.start));
        if gap.split_whitespace().count() > 6 {
            return None;
        }
    }
    // "38% of loans, 50% of mortgages": shares of different wholes.
    let ofs: Vec<String> = pcts
        .iter()
        .map(|m| {
            let after = lower_slice(
                cx,
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
    let sum_lo: f64 = pcts.iter().map(|m| m.interval().0).sum();
    let rounding = 0.5 * pcts.len() as f64;
    if sum_lo <= 100.0 + rounding {
        return None;
    }
    if pcts
        .iter()
        .any(|m| m.qualifier != Qualifier::Exact && m.qualifier != Qualifier::About)
    {
        return None;
    }
    let closure = ["respectively", "the rest", "remaining"]
        .iter()
        .any(|c| text.contains(c));
    let severity = if closure {
        META.default_severity
    } else {
        Severity::Warning
    };
    let parts: Vec<String> = pcts
        .iter()
        .map(|m| format!("{}%", format::number(m.value)))
        .collect();
    let mut d = META.report(
        severity,
        format!(
            "the shares add up to {}% ({}), more than 100%",
            format::number(sum_lo),
            parts.join(" + ")
        ),
    );
    let last = pcts.len() - 1;
    for (k, m) in pcts.iter().enumerate() {
        let msg = if k == last {
            format!("shares so far: {}%", format::number(sum_lo))
        } else {
            "a share".to_string()
        };
        d = d.label(m.span, msg, k == last);
    }
    Some(
        d.help(
            "shares of one whole cannot exceed 100% (beyond rounding): correct one of them, or \
             say that answers could overlap",
        )
        .build(),
    )
}

/// True when the percentages are shares of different wholes: of different years ("in 2017 and
/// 2022 respectively"), rounds ("in the first round ...; in the runoff"), groups ("among women
/// ... among men", "among Democrats and independents respectively"), or clauses split by a
/// semicolon.
fn different_wholes(cx: &Context<'_>, text: &str, words: &[&str], pcts: &[&NumberMention]) -> bool {
    let mut years: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| {
            w.len() == 4
                && w.bytes().all(|c| c.is_ascii_digit())
                && w.parse::<u32>().is_ok_and(|y| (1900..=2100).contains(&y))
        })
        .collect();
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
    pcts.windows(2).any(|w| {
        cx.article
            .slice(Span::new(w[0].span.end, w[1].span.start))
            .contains(';')
    })
}


#[cfg(test)]
mod tests {

    use super::*;

    fn run(body: &str) -> Vec<Diagnostic> {
        crate::rules::findings(&format!("Headline here\n\n{body}"), "N012", None)
    }

    #[test]
    fn parts_exceed() {
        let d = run("The crash killed 120 people, of whom 50 were women and 80 men.");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].severity, Severity::Error);
        assert_eq!(
            d[0].message,
            "the parts add up to 130 (50 + 80), more than the total of 120"
        );
        let d = run("Of the 120 victims, 50 were women and 80 were men.");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].severity, Severity::Warning);
        let d = run("The parties won 45%, 40% and 20% of the vote respectively.");
        assert_eq!(d.len(), 1, "{d:?}");
    }

    #[test]
    fn values_group_thousands_as_in_n013() {
        let d = run("Of the 1,236 passengers, 800 were women and 500 men.");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(
            d[0].message,
            "the parts add up to 1,300 (800 + 500), more than the total of 1,236"
        );
        let labels: Vec<&str> = d[0].labels.iter().map(|l| l.message.as_str()).collect();
        assert_eq!(labels, vec!["the total: 1,236", "a part", "parts so far: 1,300"]);
    }

    #[test]
    fn a_total_noun_containing_age_is_not_an_age() {
        let d = run("Of the 92 hostages, 26 were women and 76 children.");
        assert_eq!(d.len(), 1);
        assert_eq!(
            d[0].message,
            "the parts add up to 102 (26 + 76), more than the total of 92"
        );
    }

    #[test]
    fn fitting_or_overlapping_parts_are_silent() {
        for t in [
            "Of the 120 victims, 50 were women and 60 men, the rest children.",
            "Of the 120 victims, 50 were women and 80 were civilians.",
            "Of the 120 victims, about 50 were women and some 80 men.",
            "About 120 people died, of whom 50 were women and 80 men.",
            "Sales rose 60% and profit 50%, the company said.",
            "The parties won 45%, 35% and 20% of the vote respectively.",
            "Of the 120 victims, 50 were aged 20 to 30.",
            "Of the 12 hostages, 5 were women and 7 children.",
            "The bank holds 40% of car loans, 50% of home loans and 20% of farm loans, it said.",
            "Advisers urge 50% stocks, 35% bonds and 15% cash versus 40% bonds and 60% stocks.",
            "Turnout was 97% and 98% voted yes.",
        ] {
            assert!(run(t).is_empty(), "{t}: {:?}", run(t));
        }
    }

    #[test]
    fn different_wholes_and_subsets_are_silent() {
        for t in [
            "The BJP won 52% and 55% of the vote in Gujarat in 2017 and 2022 respectively.",
            "In the first round, 60% voted for him; in the runoff, 58% did, with the rest abstaining.",
            "She led among women with 55% and he among men with 54%, while 6% were undecided.",
            "Support was 70% and 65% among Democrats and independents respectively.",
            "The bus carried 40 people, of whom 25 were rescued and 20 were injured.",
            "Of the 50 people on board, 40 were rescued, 10 are missing and 6 were injured.",
            "Of the 40 migrants, 28 were adults and 12 were minors, including five girls.",
            "Of the 15 dead, 10 were adults and five were children, among them seven women.",
        ] {
            assert!(run(t).is_empty(), "{t}: {:?}", run(t));
        }
    }

    #[test]
    fn votes_against_and_verb_totals() {
        let d = run("Of the members who voted, 40% voted for, 35% against and 30% abstained.");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].severity, Severity::Warning);
        let d = run("Of the 70 injured, 40 were women, 25 were men and 12 were children.");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(
            d[0].message,
            "the parts add up to 77 (40 + 25 + 12), more than the total of 70"
        );
        assert!(
            run("Of the 70 injured, 40 were women, 20 were men and 10 were children.").is_empty()
        );
        let d = run("Of the 40 people on board, 30 were rescued and 15 were killed.");
        assert_eq!(d.len(), 1, "{d:?}");
    }
}
