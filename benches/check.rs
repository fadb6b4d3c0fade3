//! Benchmarks (`cargo bench`): time per article in-process, a 200 KB article, and optionally a
//! folder of real articles (`CLAIMLINT_BENCH_CORPUS=../shared/corpus cargo bench`), and what
//! configuration discovery costs a file when there is no claimlint.toml. Start-up of
//! the binary is measured from the shell (see README, "Performance").
//!
//! Plain `std::time` timing with a warm-up and the median of several rounds: no extra crates.

use std::path::{Path, PathBuf};
use std::time::Instant;

use claimlint::{check, input, Settings};

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn time_check(text: &str, rounds: usize) -> f64 {
    let settings = Settings::default();
    let mut times = Vec::new();
    for _ in 0..rounds {
        let t = Instant::now();
        let a = input::read_article(text.as_bytes().to_vec()).expect("UTF-8");
        let r = check(&a, &settings);
        std::hint::black_box(r);
        times.push(t.elapsed().as_secs_f64());
    }
    median(times)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(&p, out);
        } else if p.extension().is_some_and(|x| x == "txt") {
            out.push(p);
        }
    }
}

fn main() {
    let root = env!("CARGO_MANIFEST_DIR");
    let article =
        std::fs::read_to_string(format!("{root}/fixtures/balkan-summit.txt")).expect("fixture");
    // First call pays lazy initialisation (regexes, name data, gazetteer map).
    let t = Instant::now();
    time_check(&article, 1);
    println!(
        "first check (lazy init included): {:.2} ms",
        t.elapsed().as_secs_f64() * 1e3
    );
    println!(
        "balkan-summit.txt ({} bytes): {:.3} ms per article (median of 200)",
        article.len(),
        time_check(&article, 200) * 1e3
    );

    // What a file pays for configuration at start-up when there is no claimlint.toml: a fresh
    // resolver (CLI options validated) and the walk up from the file's folder.
    let dir = std::env::temp_dir().join(format!("claimlint-bench-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let file = dir.join("a.txt");
    let _ = std::fs::write(&file, &article);
    let source = claimlint::runner::Source::File(file);
    let mut rounds = Vec::new();
    for _ in 0..200 {
        let t = Instant::now();
        let resolver = claimlint::config::resolve::Resolver::new(
            claimlint::config::resolve::CliOptions::default(),
            claimlint::rules::RuleSet::builtin(),
        )
        .expect("resolver");
        let settings = claimlint::runner::SettingsFor::settings_for(&resolver, &source);
        assert!(settings.is_ok());
        rounds.push(t.elapsed().as_secs_f64());
    }
    let _ = std::fs::remove_dir_all(&dir);
    println!(
        "configuration discovery, no claimlint.toml: {:.3} ms per file (median of 200)",
        median(rounds) * 1e3
    );

    let mut big = String::new();
    let mut fixtures = Vec::new();
    walk(Path::new(&format!("{root}/fixtures")), &mut fixtures);
    fixtures.sort();
    let bodies: Vec<String> = fixtures
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    while big.len() < 200_000 {
        for b in &bodies {
            big.push_str(b);
            big.push_str("\n\n");
        }
    }
    println!(
        "{} KB article (all fixtures repeated): {:.1} ms (median of 5)",
        big.len() / 1000,
        time_check(&big, 5) * 1e3
    );

    if let Ok(dir) = std::env::var("CLAIMLINT_BENCH_CORPUS") {
        let mut files = Vec::new();
        walk(Path::new(&dir), &mut files);
        let texts: Vec<String> = files
            .iter()
            .filter_map(|p| std::fs::read_to_string(p).ok())
            .collect();
        let bytes: usize = texts.iter().map(String::len).sum();
        let t = Instant::now();
        for text in &texts {
            time_check(text, 1);
        }
        let s = t.elapsed().as_secs_f64();
        println!(
            "{} articles ({:.1} MB) on one thread: {:.2} s, {:.0} articles/s",
            texts.len(),
            bytes as f64 / 1e6,
            s,
            texts.len() as f64 / s
        );
    }
}
