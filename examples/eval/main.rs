//! Evaluation harness: measured precision and recall of claimlint on real articles.
//!
//! ```text
//! cargo run --release --example eval -- --corpus ../shared/corpus --seed 1 --json /tmp/eval.json
//! ```
//!
//! 1. Every clean article under `CORPUS/bbc` and `CORPUS/reuters` is checked through the library
//!    (`claimlint::input::read_article` + `claimlint::check`; Reuters articles with the date from
//!    `manifest.tsv` as reference date). Its findings are counted per rule and severity: on
//!    edited news they are candidate false positives.
//! 2. For each article and each perturbation kind ([`perturb::KINDS`]) whose rule claimlint
//!    registers, one copy with exactly one injected contradiction is made in memory, choosing
//!    the place with a seeded PRNG. The perturbations use their own regexes and word lists, not
//!    claimlint's extractors, so recall is not circular.
//! 3. Each copy is checked: a *hit* is a finding with the expected code and a label overlapping
//!    an expected span; recall = hits / injected; precision = hits / (hits + new findings at
//!    warning or error on the copy that are not the hit), where findings already present on the
//!    original (same code and label texts) are not new.
//!
//! Prints Markdown to stdout and, with `--json PATH`, writes every finding and case. Not part of
//! the shipped CLI. See `docs/evaluation.md`.

// `vec![a..b]` is meant: a list of expected ranges that happens to hold one range.
#![allow(clippy::single_range_in_vec_init)]

mod perturb;
mod prng;
mod score;
mod summaries;
mod synth;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Instant;

use chrono::NaiveDate;
use claimlint::{check, input, Settings, Severity};
use clap::Parser;
use serde::Serialize;

use perturb::{Doc, Kind, KINDS};
use prng::SplitMix64;
use score::{score, Finding};

/// Command line.
#[derive(Parser, Debug)]
#[command(about = "Measure claimlint's precision and recall on a corpus of clean articles")]
struct Args {
    /// Folder holding `bbc/` and/or `reuters/` (with `manifest.tsv`).
    #[arg(long, default_value = "../shared/corpus")]
    corpus: PathBuf,
    /// Seed of the perturbation PRNG.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Write the full results as JSON here.
    #[arg(long)]
    json: Option<PathBuf>,
    /// Worker threads.
    #[arg(long, default_value_t = 2)]
    threads: usize,
    /// Use only the first N articles of each sub-corpus (quick runs).
    #[arg(long)]
    limit: Option<usize>,
    /// Only these perturbation kinds (comma-separated names); default all supported.
    #[arg(long, value_delimiter = ',')]
    kinds: Vec<String>,
    /// How many missed injections and extra findings to list per kind.
    #[arg(long, default_value_t = 5)]
    show: usize,
    /// Also generate this many synthetic articles per kind from our own templates
    /// (`examples/eval/synth.rs`), reported in a separate table; 0 = off.
    #[arg(long, default_value_t = 0)]
    synthetic: usize,
    /// Only the synthetic articles (skip the corpus).
    #[arg(long)]
    synthetic_only: bool,
    /// Evaluate the labelled summaries of this `summaries.jsonl` instead (summary as headline
    /// over its article; `examples/eval/summaries.rs`); skipped when the file is absent.
    #[arg(long)]
    summaries: Option<PathBuf>,
}

/// One article to evaluate.
struct Item {
    corpus: &'static str,
    /// `bbc/business-001.txt`.
    name: String,
    path: PathBuf,
    reference: Option<NaiveDate>,
}

/// The result of one perturbed copy.
#[derive(Clone, Debug, Serialize)]
struct Case {
    kind: &'static str,
    code: &'static str,
    file: String,
    /// What was changed ("Geneva → Nairobi").
    change: String,
    /// Byte range of the change in the original.
    at: (usize, usize),
    /// Copy text around the change (for review; never goes into the repository).
    context: String,
    hit: Option<Finding>,
    extra: Vec<Finding>,
}

/// The result for one article.
#[derive(Debug, Default)]
struct ItemResult {
    clean: Vec<Finding>,
    cases: Vec<Case>,
    error: Option<String>,
}

/// Files of one sub-corpus, sorted, with reference dates from its manifest when there is one.
fn load(root: &Path, corpus: &'static str, limit: Option<usize>) -> Result<Vec<Item>, String> {
    let dir = root.join(corpus);
    let entries = std::fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut names: Vec<String> = entries
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt") && !n.starts_with('.'))
        .collect();
    names.sort();
    if let Some(n) = limit {
        names.truncate(n);
    }
    let mut dates: HashMap<String, NaiveDate> = HashMap::new();
    if let Ok(manifest) = std::fs::read_to_string(dir.join("manifest.tsv")) {
        for line in manifest.lines().skip(1) {
            let mut cols = line.split('\t');
            if let (Some(f), Some(d)) = (cols.next(), cols.next()) {
                if let Ok(d) = NaiveDate::parse_from_str(d, "%Y-%m-%d") {
                    dates.insert(f.to_string(), d);
                }
            }
        }
    }
    Ok(names
        .into_iter()
        .map(|n| Item {
            corpus,
            reference: dates.get(&n).copied(),
            path: dir.join(&n),
            name: format!("{corpus}/{n}"),
        })
        .collect())
}

/// Up to `radius` bytes of `text` on each side of `at`, on char boundaries, on one line.
fn context(text: &str, at: (usize, usize), radius: usize) -> String {
    let mut s = at.0.saturating_sub(radius);
    while !text.is_char_boundary(s) {
        s -= 1;
    }
    let mut e = (at.1 + radius).min(text.len());
    while !text.is_char_boundary(e) {
        e += 1;
    }
    text[s..e].replace(['\n', '\r'], " ")
}

/// Check one article and its perturbed copies.
fn evaluate(item: &Item, kinds: &[&Kind], seed: u64) -> ItemResult {
    match std::fs::read(&item.path) {
        Ok(bytes) => evaluate_bytes(&item.name, bytes, item.reference, kinds, seed),
        Err(e) => ItemResult {
            error: Some(e.to_string()),
            ..ItemResult::default()
        },
    }
}

/// Check the article `bytes` (named `name`, dated `reference`) and its perturbed copies.
fn evaluate_bytes(
    name: &str,
    bytes: Vec<u8>,
    reference: Option<NaiveDate>,
    kinds: &[&Kind],
    seed: u64,
) -> ItemResult {
    let article = match input::read_article(bytes) {
        Ok(a) => a,
        Err(e) => {
            return ItemResult {
                error: Some(e.to_string()),
                ..ItemResult::default()
            }
        }
    };
    let settings = Settings {
        reference_date: reference,
        ..Default::default()
    };
    let report = check(&article, &settings);
    let text: &str = &article.text;
    let clean: Vec<Finding> = report
        .diagnostics
        .iter()
        .map(|d| Finding::new(d, text))
        .collect();
    let doc = Doc::new(text, reference);
    let mut cases = Vec::new();
    for kind in kinds {
        let mut rng = SplitMix64::for_case(seed, name, kind.name);
        let Some(p) = (kind.make)(&doc, &mut rng) else {
            continue;
        };
        let copy = p.apply(text);
        let Ok(copy_article) = input::read_article(copy.into_bytes()) else {
            continue;
        };
        let copy_report = check(&copy_article, &settings);
        let expected = p.expected_in_copy();
        let outcome = score(
            &clean,
            &copy_article.text,
            &copy_report.diagnostics,
            kind.code,
            &expected,
        );
        let changed = p.changed_in_copy();
        cases.push(Case {
            kind: kind.name,
            code: kind.code,
            file: name.to_string(),
            change: p.summary.clone(),
            at: (p.replace.start, p.replace.end),
            context: context(&copy_article.text, (changed.start, changed.end), 70),
            hit: outcome.hit,
            extra: outcome.extra,
        });
    }
    ItemResult {
        clean,
        cases,
        error: None,
    }
}

/// Evaluate every item over `threads` workers, keeping input order.
fn run_all(items: &[Item], kinds: &[&Kind], seed: u64, threads: usize) -> Vec<ItemResult> {
    let slots: Vec<Mutex<Option<ItemResult>>> = items.iter().map(|_| Mutex::new(None)).collect();
    let next = AtomicUsize::new(0);
    std::thread::scope(|s| {
        for _ in 0..threads.clamp(1, items.len().max(1)) {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(item) = items.get(i) else { break };
                let r = evaluate(item, kinds, seed);
                if let Ok(mut slot) = slots[i].lock() {
                    *slot = Some(r);
                }
            });
        }
    });
    slots
        .into_iter()
        .map(|m| m.into_inner().ok().flatten().unwrap_or_default())
        .collect()
}

/// Per-kind scores.
#[derive(Clone, Debug, Default, Serialize)]
struct KindScore {
    kind: &'static str,
    code: &'static str,
    description: &'static str,
    injected: usize,
    hits: usize,
    hits_at_error: usize,
    extra: usize,
    recall: Option<f64>,
    precision: Option<f64>,
}

/// Counts per rule and severity for one sub-corpus.
#[derive(Clone, Debug, Default, Serialize)]
struct RuleCounts {
    corpus: String,
    code: &'static str,
    articles: usize,
    errors: usize,
    warnings: usize,
    notes: usize,
}

impl RuleCounts {
    fn per_1000(&self, n: usize) -> f64 {
        if self.articles == 0 {
            0.0
        } else {
            n as f64 * 1000.0 / self.articles as f64
        }
    }
}

/// A clean-article finding with its file.
#[derive(Clone, Debug, Serialize)]
struct CleanFinding {
    file: String,
    #[serde(flatten)]
    finding: Finding,
}

/// Per-kind scores on synthetic articles.
#[derive(Clone, Debug, Default, Serialize)]
struct SynthScore {
    #[serde(flatten)]
    score: KindScore,
    /// Synthetic articles generated for the kind.
    articles: usize,
    /// Findings at warning or error on the clean synthetic articles.
    clean_findings: usize,
}

/// The synthetic part of `--json`.
#[derive(Serialize)]
struct SynthOut<'a> {
    kinds: &'a [SynthScore],
    clean_findings: &'a [CleanFinding],
    cases: &'a [Case],
}

/// Everything written with `--json`.
#[derive(Serialize)]
struct JsonOut<'a> {
    seed: u64,
    corpus: String,
    articles: BTreeMap<&'static str, usize>,
    unreadable: Vec<(String, String)>,
    kinds: &'a [KindScore],
    rules: &'a [RuleCounts],
    clean_findings: &'a [CleanFinding],
    cases: &'a [Case],
    synthetic: Option<SynthOut<'a>>,
}

/// Scores of `cases` for `k`.
fn kind_score(k: &Kind, cases: &[Case]) -> KindScore {
    let mine: Vec<&Case> = cases.iter().filter(|c| c.kind == k.name).collect();
    let hits = mine.iter().filter(|c| c.hit.is_some()).count();
    let hits_at_error = mine
        .iter()
        .filter(|c| {
            c.hit
                .as_ref()
                .is_some_and(|h| h.severity == Severity::Error)
        })
        .count();
    let extra = mine.iter().map(|c| c.extra.len()).sum();
    KindScore {
        kind: k.name,
        code: k.code,
        description: k.description,
        injected: mine.len(),
        hits,
        hits_at_error,
        extra,
        recall: ratio(hits, mine.len()),
        precision: ratio(hits, hits + extra),
    }
}

/// Generate `n` synthetic articles per kind that has templates, check them and their perturbed
/// copies. Returns the scores, the clean findings at warning or error, and the cases.
fn run_synthetic(
    kinds: &[&Kind],
    n: usize,
    seed: u64,
) -> (Vec<SynthScore>, Vec<CleanFinding>, Vec<Case>) {
    let mut scores = Vec::new();
    let mut clean = Vec::new();
    let mut cases = Vec::new();
    for kind in kinds.iter().filter(|k| synth::KINDS.contains(&k.name)) {
        let mut mine = Vec::new();
        let mut clean_count = 0;
        let mut articles = 0;
        for i in 0..n {
            let mut rng = SplitMix64::for_case(seed, &format!("synthetic/{i}"), kind.name);
            let Some(s) = synth::generate(kind.name, &mut rng) else {
                continue;
            };
            articles += 1;
            let name = format!("synthetic/{}/{i:04}-t{:02}", kind.name, s.template);
            let r = evaluate_bytes(&name, s.text.into_bytes(), Some(s.reference), &[kind], seed);
            for f in r.clean {
                if f.severity >= Severity::Warning {
                    clean_count += 1;
                    clean.push(CleanFinding {
                        file: name.clone(),
                        finding: f,
                    });
                }
            }
            mine.extend(r.cases);
        }
        scores.push(SynthScore {
            score: kind_score(kind, &mine),
            articles,
            clean_findings: clean_count,
        });
        cases.extend(mine);
    }
    (scores, clean, cases)
}

fn ratio(a: usize, b: usize) -> Option<f64> {
    (b > 0).then(|| a as f64 / b as f64)
}

fn fmt_ratio(r: Option<f64>) -> String {
    r.map_or("–".to_string(), |r| format!("{r:.2}"))
}

fn main() -> ExitCode {
    let args = Args::parse();
    if let Some(path) = &args.summaries {
        return match summaries::run(path) {
            Ok(None) => ExitCode::SUCCESS,
            Ok(Some(outcomes)) => {
                summaries::print(&outcomes, args.show);
                if let Some(json) = &args.json {
                    let written = serde_json::to_string_pretty(&outcomes)
                        .map_err(|e| e.to_string())
                        .and_then(|s| std::fs::write(json, s).map_err(|e| e.to_string()));
                    if let Err(e) = written {
                        eprintln!("{}: {e}", json.display());
                        return ExitCode::from(2);
                    }
                }
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("{e}");
                ExitCode::from(2)
            }
        };
    }
    if !args.corpus.is_dir() {
        println!(
            "corpus folder {} not found: nothing to evaluate (skipped)",
            args.corpus.display()
        );
        return ExitCode::SUCCESS;
    }
    let unknown: Vec<&String> = args
        .kinds
        .iter()
        .filter(|k| !KINDS.iter().any(|kind| kind.name == k.as_str()))
        .collect();
    if !unknown.is_empty() {
        let names: Vec<&str> = KINDS.iter().map(|k| k.name).collect();
        eprintln!("unknown kind(s) {unknown:?}; known: {}", names.join(", "));
        return ExitCode::from(2);
    }
    let mut kinds: Vec<&Kind> = Vec::new();
    for k in KINDS {
        if !args.kinds.is_empty() && !args.kinds.iter().any(|n| n == k.name) {
            continue;
        }
        if claimlint::rules::find(k.code).is_none() {
            eprintln!("skipping kind {}: claimlint has no rule {}", k.name, k.code);
            continue;
        }
        kinds.push(k);
    }

    let mut items = Vec::new();
    let mut articles: BTreeMap<&'static str, usize> = BTreeMap::new();
    let corpora: &[&'static str] = if args.synthetic_only {
        &[]
    } else {
        &["bbc", "reuters"]
    };
    for &corpus in corpora {
        match load(&args.corpus, corpus, args.limit) {
            Ok(v) => {
                articles.insert(corpus, v.len());
                items.extend(v);
            }
            Err(e) => println!("skipping {corpus}: {e}"),
        }
    }
    let started = Instant::now();
    let results = run_all(&items, &kinds, args.seed, args.threads);
    eprintln!(
        "evaluated {} articles in {:.1} s",
        items.len(),
        started.elapsed().as_secs_f64()
    );

    // Aggregate.
    let mut unreadable = Vec::new();
    let mut clean_findings = Vec::new();
    let mut cases = Vec::new();
    let mut rule_counts: BTreeMap<(&'static str, String), RuleCounts> = BTreeMap::new();
    let codes: Vec<&'static str> = claimlint::rules::all()
        .iter()
        .map(|r| {
            let meta: &'static claimlint::rules::RuleMeta = r.meta();
            meta.code.as_ref()
        })
        .collect();
    for corpus in articles.keys() {
        for code in &codes {
            rule_counts.insert(
                (code, corpus.to_string()),
                RuleCounts {
                    corpus: corpus.to_string(),
                    code,
                    articles: articles.get(corpus).copied().unwrap_or(0),
                    ..RuleCounts::default()
                },
            );
        }
    }
    for (item, r) in items.iter().zip(results) {
        if let Some(e) = r.error {
            unreadable.push((item.name.clone(), e));
        }
        for f in r.clean {
            if let Some(c) = rule_counts.get_mut(&(f.code, item.corpus.to_string())) {
                match f.severity {
                    Severity::Error => c.errors += 1,
                    Severity::Warning => c.warnings += 1,
                    Severity::Note => c.notes += 1,
                }
            }
            clean_findings.push(CleanFinding {
                file: item.name.clone(),
                finding: f,
            });
        }
        cases.extend(r.cases);
    }
    let rules: Vec<RuleCounts> = rule_counts.into_values().collect();
    let kind_scores: Vec<KindScore> = kinds.iter().map(|k| kind_score(k, &cases)).collect();

    print_markdown(
        &args,
        &articles,
        &unreadable,
        &kind_scores,
        &rules,
        &clean_findings,
        &cases,
    );

    let synthetic = (args.synthetic > 0).then(|| run_synthetic(&kinds, args.synthetic, args.seed));
    if let Some((scores, clean, synth_cases)) = &synthetic {
        print_synthetic(&args, scores, clean, synth_cases);
    }

    if let Some(path) = &args.json {
        let out = JsonOut {
            seed: args.seed,
            corpus: args.corpus.display().to_string(),
            articles,
            unreadable,
            kinds: &kind_scores,
            rules: &rules,
            clean_findings: &clean_findings,
            cases: &cases,
            synthetic: synthetic.as_ref().map(|(kinds, clean, cases)| SynthOut {
                kinds,
                clean_findings: clean,
                cases,
            }),
        };
        let written = serde_json::to_string_pretty(&out)
            .map_err(|e| e.to_string())
            .and_then(|s| std::fs::write(path, s).map_err(|e| e.to_string()));
        if let Err(e) = written {
            eprintln!("cannot write {}: {e}", path.display());
            return ExitCode::from(2);
        }
        eprintln!("wrote {}", path.display());
    }
    ExitCode::SUCCESS
}

fn print_markdown(
    args: &Args,
    articles: &BTreeMap<&'static str, usize>,
    unreadable: &[(String, String)],
    kinds: &[KindScore],
    rules: &[RuleCounts],
    clean: &[CleanFinding],
    cases: &[Case],
) {
    let total: usize = articles.values().sum();
    println!("# claimlint evaluation\n");
    let per: Vec<String> = articles.iter().map(|(c, n)| format!("{c} {n}")).collect();
    println!(
        "Corpus `{}` ({}; {} unreadable), seed {}.\n",
        args.corpus.display(),
        per.join(", "),
        unreadable.len(),
        args.seed
    );
    println!("## Injected contradictions\n");
    println!(
        "| kind | rule | injected | hits | recall | hits at error | extra findings | precision |"
    );
    println!("|---|---|---:|---:|---:|---:|---:|---:|");
    for k in kinds {
        println!(
            "| {} | {} | {} | {} | {} | {} | {} | {} |",
            k.kind,
            k.code,
            k.injected,
            k.hits,
            fmt_ratio(k.recall),
            k.hits_at_error,
            k.extra,
            fmt_ratio(k.precision)
        );
    }
    println!("\n## Findings on clean articles\n");
    println!("| rule | corpus | articles | errors | warnings | notes | errors / 1k | warnings / 1k | notes / 1k |");
    println!("|---|---|---:|---:|---:|---:|---:|---:|---:|");
    let mut all: BTreeMap<&str, (usize, usize, usize)> = BTreeMap::new();
    for r in rules {
        let e = all.entry(r.code).or_default();
        e.0 += r.errors;
        e.1 += r.warnings;
        e.2 += r.notes;
        println!(
            "| {} | {} | {} | {} | {} | {} | {:.1} | {:.1} | {:.1} |",
            r.code,
            r.corpus,
            r.articles,
            r.errors,
            r.warnings,
            r.notes,
            r.per_1000(r.errors),
            r.per_1000(r.warnings),
            r.per_1000(r.notes)
        );
    }
    let k = |n: usize| {
        if total == 0 {
            0.0
        } else {
            n as f64 * 1000.0 / total as f64
        }
    };
    for (code, (e, w, n)) in &all {
        println!(
            "| {code} | all | {total} | {e} | {w} | {n} | {:.1} | {:.1} | {:.1} |",
            k(*e),
            k(*w),
            k(*n)
        );
    }
    println!("\n## Error-level findings on clean articles\n");
    let errors: Vec<&CleanFinding> = clean
        .iter()
        .filter(|f| f.finding.severity == Severity::Error)
        .collect();
    if errors.is_empty() {
        println!("None.");
    }
    for f in errors {
        println!(
            "- `{}` {}: {:?} — {}",
            f.file, f.finding.code, f.finding.labels, f.finding.message
        );
    }
    for k in kinds {
        let missed: Vec<&Case> = cases
            .iter()
            .filter(|c| c.kind == k.kind && c.hit.is_none())
            .take(args.show)
            .collect();
        let extra: Vec<(&Case, &Finding)> = cases
            .iter()
            .filter(|c| c.kind == k.kind)
            .flat_map(|c| c.extra.iter().map(move |f| (c, f)))
            .take(args.show)
            .collect();
        if missed.is_empty() && extra.is_empty() {
            continue;
        }
        println!("\n### {} ({})\n", k.kind, k.code);
        for c in missed {
            println!("- missed `{}`: {} — …{}…", c.file, c.change, c.context);
        }
        for (c, f) in extra {
            println!(
                "- extra `{}` ({}): {} {} {:?} — {}",
                c.file,
                c.change,
                f.code,
                f.severity.as_str(),
                f.labels,
                f.message
            );
        }
    }
}

fn print_synthetic(args: &Args, scores: &[SynthScore], clean: &[CleanFinding], cases: &[Case]) {
    println!("\n# Synthetic articles (templates written by us, not real prose)\n");
    println!(
        "{} articles per kind from `examples/eval/synth.rs`, seed {}. These measure the rules on \
         sentence forms we wrote; they are no estimate of recall on real news.\n",
        args.synthetic, args.seed
    );
    println!("| kind | rule | articles | injected | hits | recall | hits at error | extra findings | precision | clean findings (warning+) |");
    println!("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    for s in scores {
        let k = &s.score;
        println!(
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            k.kind,
            k.code,
            s.articles,
            k.injected,
            k.hits,
            fmt_ratio(k.recall),
            k.hits_at_error,
            k.extra,
            fmt_ratio(k.precision),
            s.clean_findings
        );
    }
    for f in clean.iter().take(args.show * 4) {
        println!(
            "- clean `{}` {} {} {:?} — {}",
            f.file,
            f.finding.code,
            f.finding.severity.as_str(),
            f.finding.labels,
            f.finding.message
        );
    }
    for s in scores {
        let missed: Vec<&Case> = cases
            .iter()
            .filter(|c| c.kind == s.score.kind && c.hit.is_none())
            .take(args.show)
            .collect();
        if missed.is_empty() {
            continue;
        }
        println!("\n### synthetic {} ({})\n", s.score.kind, s.score.code);
        for c in missed {
            println!("- missed `{}`: {} — …{}…", c.file, c.change, c.context);
        }
    }
}
