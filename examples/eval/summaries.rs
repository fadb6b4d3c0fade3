//! `--summaries PATH`: precision and recall of claimlint's headline findings on labelled
//! summaries (`../shared/corpus/summaries/summaries.jsonl`).
//!
//! Each line is one machine-written summary of a real article, labelled `consistent` or
//! `inconsistent` by people. The summary becomes the headline (line 1, its line breaks folded to
//! spaces), a blank line follows, then the article: an article whose headline may claim what its
//! body does not say. An item is **flagged** at a level when claimlint reports a finding of that
//! severity or higher with at least one label inside the headline (findings wholly in the body are
//! about the real article, not the summary).
//!
//! ## Error kinds (mechanical, documented in `docs/evaluation.md`)
//!
//! The *changed words* of an inconsistent item are:
//! - CLIFF: the words of its `annotated_spans`;
//! - SummEdits (no spans): the words of the summary that the most similar consistent summary of
//!   the same document (most shared lower-case words) does not contain.
//!
//! The changed words are classified, and an item counts in every kind they involve:
//! - **date**: a month or weekday name, a year (a four-digit number 1800–2099), or one of
//!   yesterday/today/tomorrow/weekend/decade/century;
//! - **number**: any other word holding a digit, or a number word (one..twenty, tens, hundred,
//!   thousand, million, billion, dozen, half, first..tenth, twice);
//! - **place**: a capitalised word (or run of capitalised words) that the gazetteer knows as a
//!   place name or demonym;
//! - **person**: any other capitalised word that is not the summary's first word, a month or a
//!   weekday (people and organisations alike);
//! - **other**: none of these (predicates, negation, common nouns).
//!
//! The gazetteer is the only claimlint component the classification uses (as a dictionary of
//! place names); the rules are not consulted.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use claimlint::knowledge::gazetteer;
use claimlint::{check, input, Severity};
use serde::{Deserialize, Serialize};

use crate::score::Finding;

/// One line of `summaries.jsonl` (the fields the harness reads).
#[derive(Deserialize)]
struct Item {
    id: String,
    source: String,
    summary: String,
    label: String,
    #[serde(default)]
    error_types: Vec<String>,
    #[serde(default)]
    annotated_spans: Option<Vec<String>>,
    document: String,
}

/// The error kinds, in report order.
pub const KINDS: [&str; 5] = ["place", "number", "date", "person", "other"];

/// The result for one item (written with `--json`; ids only, no corpus text).
#[derive(Clone, Debug, Serialize)]
pub struct Outcome {
    /// The item's id.
    pub id: String,
    /// `cliff` or `summedits_news`.
    pub source: String,
    /// True for an inconsistent summary.
    pub inconsistent: bool,
    /// The error kinds its changed words involve (empty for a consistent one).
    pub kinds: Vec<&'static str>,
    /// The findings with a label in the headline, at warning or above.
    pub findings: Vec<Finding>,
}

impl Outcome {
    /// Flagged at `level` or above.
    fn flagged(&self, level: Severity) -> bool {
        self.findings.iter().any(|f| f.severity >= level)
    }
}

/// Number words beyond the perturbations' 0–20 (`perturb::NUMBER_WORDS`): tens, scales and
/// the vague and ordinal words a summary uses for amounts.
const MORE_NUMBER_WORDS: &[&str] = &[
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "thousand",
    "million",
    "billion",
    "dozen",
    "dozens",
    "half",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "twice",
    "hundreds",
    "thousands",
    "millions",
];
const DATE_WORDS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "yesterday",
    "today",
    "tomorrow",
    "weekend",
    "decade",
    "century",
];

/// Words of `s`: runs of letters, digits, apostrophes and inner hyphens/dots.
fn words(s: &str) -> Vec<&str> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-' || c == '.'))
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect()
}

fn is_year(w: &str) -> bool {
    w.len() == 4
        && w.bytes().all(|b| b.is_ascii_digit())
        && w.parse::<u32>().is_ok_and(|y| (1800..=2099).contains(&y))
}

/// Classify the changed words `changed` (in summary order); `first` is the summary's first word.
fn classify(changed: &[&str], first: Option<&str>) -> Vec<&'static str> {
    let mut kinds: BTreeSet<usize> = BTreeSet::new();
    let mut i = 0;
    while i < changed.len() {
        let w = changed[i];
        let lower = w.to_lowercase();
        let capital = w.chars().next().is_some_and(char::is_uppercase);
        if DATE_WORDS.contains(&lower.as_str()) || is_year(w) {
            kinds.insert(2);
        } else if w.chars().any(|c| c.is_ascii_digit())
            || (crate::perturb::NUMBER_WORDS[1..].contains(&lower.as_str())
                || MORE_NUMBER_WORDS.contains(&lower.as_str()))
        {
            kinds.insert(1);
        } else if capital {
            // The longest run of capitalised words from here that the gazetteer knows.
            let mut end = i + 1;
            while end < changed.len() && changed[end].chars().next().is_some_and(char::is_uppercase)
            {
                end += 1;
            }
            let mut place_end = None;
            for e in (i + 1..=end).rev() {
                let name = changed[i..e].join(" ");
                if gazetteer::is_place_name(&name) {
                    place_end = Some(e);
                    break;
                }
            }
            if let Some(e) = place_end {
                kinds.insert(0);
                i = e;
                continue;
            }
            if Some(w) != first || changed.len() == 1 {
                kinds.insert(3);
            }
        }
        i += 1;
    }
    if kinds.is_empty() {
        kinds.insert(4);
    }
    kinds.into_iter().map(|k| KINDS[k]).collect()
}

/// The changed words of a SummEdits item: its words the most similar consistent sibling lacks.
fn edited_words<'a>(summary: &'a str, siblings: &[&str]) -> Vec<&'a str> {
    let mine = words(summary);
    let lower: BTreeSet<String> = mine.iter().map(|w| w.to_lowercase()).collect();
    let best = siblings
        .iter()
        .map(|s| {
            let theirs: BTreeSet<String> = words(s).iter().map(|w| w.to_lowercase()).collect();
            let shared = lower.intersection(&theirs).count();
            (shared, theirs)
        })
        .max_by_key(|(shared, _)| *shared);
    match best {
        Some((_, theirs)) => mine
            .into_iter()
            .filter(|w| !theirs.contains(&w.to_lowercase()))
            .collect(),
        None => mine,
    }
}

/// Evaluate every item of `path`; `None` (after a message) when the file is absent.
pub fn run(path: &Path) -> Result<Option<Vec<Outcome>>, String> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            println!(
                "summaries file {} not found: nothing to evaluate (skipped)",
                path.display()
            );
            return Ok(None);
        }
        Err(e) => return Err(format!("{}: {e}", path.display())),
    };
    let mut items = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let item: Item =
            serde_json::from_str(line).map_err(|e| format!("{}:{}: {e}", path.display(), n + 1))?;
        items.push(item);
    }
    // Consistent summaries per document, for the SummEdits diff.
    let mut consistent: HashMap<&str, Vec<&str>> = HashMap::new();
    for it in &items {
        if it.label == "consistent" {
            consistent
                .entry(it.document.as_str())
                .or_default()
                .push(it.summary.as_str());
        }
    }
    let mut out = Vec::new();
    for it in &items {
        let inconsistent = it.label == "inconsistent";
        let kinds = if !inconsistent {
            Vec::new()
        } else {
            let first = words(&it.summary).first().copied();
            match &it.annotated_spans {
                Some(spans) if !spans.is_empty() => {
                    let changed: Vec<&str> = spans.iter().flat_map(|s| words(s)).collect();
                    classify(&changed, first)
                }
                _ => {
                    let siblings = consistent
                        .get(it.document.as_str())
                        .cloned()
                        .unwrap_or_default();
                    let changed = edited_words(&it.summary, &siblings);
                    classify(&changed, first)
                }
            }
        };
        let _ = &it.error_types;
        let headline = it.summary.split_whitespace().collect::<Vec<_>>().join(" ");
        let article_text = format!("{headline}\n\n{}\n", it.document.trim());
        let findings = match input::read_article(article_text.into_bytes()) {
            Ok(article) => {
                let report = check(&article, &Default::default());
                let end = article
                    .headline()
                    .map(|h| h.span.end)
                    .unwrap_or(headline.len());
                report
                    .diagnostics
                    .iter()
                    .filter(|d| d.severity >= Severity::Warning)
                    .filter(|d| d.labels.iter().any(|l| l.span.start < end))
                    .map(|d| Finding::new(d, &article.text))
                    .collect()
            }
            Err(e) => return Err(format!("{}: {e}", it.id)),
        };
        out.push(Outcome {
            id: it.id.clone(),
            source: it.source.clone(),
            inconsistent,
            kinds,
            findings,
        });
    }
    Ok(Some(out))
}

fn pct(a: usize, b: usize) -> String {
    if b == 0 {
        "–".to_string()
    } else {
        format!("{:.3}", a as f64 / b as f64)
    }
}

/// Print the Markdown tables for `outcomes`, and up to `show` flagged and missed ids.
pub fn print(outcomes: &[Outcome], show: usize) {
    let levels = [("warning", Severity::Warning), ("error", Severity::Error)];
    println!("## Summaries as headlines\n");
    println!("| source | items | inconsistent | flagged (w) | precision (w) | recall (w) | flagged (e) | precision (e) | recall (e) | false-flag rate (w) | false-flag rate (e) |");
    println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    let mut sources: Vec<&str> = outcomes.iter().map(|o| o.source.as_str()).collect();
    sources.sort_unstable();
    sources.dedup();
    sources.push("all");
    for s in &sources {
        let of: Vec<&Outcome> = outcomes
            .iter()
            .filter(|o| *s == "all" || o.source == *s)
            .collect();
        let bad = of.iter().filter(|o| o.inconsistent).count();
        let good = of.len() - bad;
        let mut row = format!("| {s} | {} | {bad} |", of.len());
        let mut ff = String::new();
        for (_, level) in levels {
            let flagged = of.iter().filter(|o| o.flagged(level)).count();
            let tp = of
                .iter()
                .filter(|o| o.flagged(level) && o.inconsistent)
                .count();
            let fp = flagged - tp;
            row += &format!(" {flagged} | {} | {} |", pct(tp, flagged), pct(tp, bad));
            ff += &format!(" {} |", pct(fp, good));
        }
        println!("{row}{ff}");
    }
    println!("\nRecall per error kind (an item counts in every kind its changed words involve; `p/n/d` = place, number or date):\n");
    println!("| source | kind | inconsistent | recall (w) | recall (e) |");
    println!("|---|---|---:|---:|---:|");
    for s in &sources {
        let mut kinds: Vec<&str> = KINDS.to_vec();
        kinds.push("p/n/d");
        for k in kinds {
            let of: Vec<&Outcome> = outcomes
                .iter()
                .filter(|o| (*s == "all" || o.source == *s) && o.inconsistent)
                .filter(|o| {
                    if k == "p/n/d" {
                        o.kinds
                            .iter()
                            .any(|x| ["place", "number", "date"].contains(x))
                    } else {
                        o.kinds.contains(&k)
                    }
                })
                .collect();
            let w = of.iter().filter(|o| o.flagged(Severity::Warning)).count();
            let e = of.iter().filter(|o| o.flagged(Severity::Error)).count();
            println!(
                "| {s} | {k} | {} | {} | {} |",
                of.len(),
                pct(w, of.len()),
                pct(e, of.len())
            );
        }
    }
    // Per rule: flagged items and how many of them are inconsistent.
    let mut rules: BTreeMap<(&str, Severity), (usize, usize)> = BTreeMap::new();
    for o in outcomes {
        let mut seen: BTreeSet<(&str, Severity)> = BTreeSet::new();
        for f in &o.findings {
            seen.insert((f.code, f.severity));
        }
        for key in seen {
            let e = rules.entry(key).or_default();
            e.0 += 1;
            if o.inconsistent {
                e.1 += 1;
            }
        }
    }
    println!("\n| rule | severity | items flagged | of them inconsistent | precision |");
    println!("|---|---|---:|---:|---:|");
    for ((code, sev), (n, tp)) in &rules {
        println!("| {code} | {sev:?} | {n} | {tp} | {} |", pct(*tp, *n));
    }
    if show > 0 {
        println!("\nFlagged consistent (false flags), first {show}:");
        for o in outcomes
            .iter()
            .filter(|o| !o.inconsistent && o.flagged(Severity::Warning))
            .take(show)
        {
            let codes: Vec<String> = o
                .findings
                .iter()
                .map(|f| format!("{} {:?} {:?}", f.code, f.severity, f.labels))
                .collect();
            println!("- {} {}", o.id, codes.join("; "));
        }
        println!("\nMissed inconsistent with a place, number or date, first {show}:");
        for o in outcomes
            .iter()
            .filter(|o| o.inconsistent && !o.flagged(Severity::Warning))
            .filter(|o| {
                o.kinds
                    .iter()
                    .any(|x| ["place", "number", "date"].contains(x))
            })
            .take(show)
        {
            println!("- {} {:?}", o.id, o.kinds);
        }
    }
}
