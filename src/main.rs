//! The `claimlint` binary: a thin clap front end over the library.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};

use claimlint::diagnostic::Severity;
use claimlint::emit::{self, human, json};
use claimlint::rules::{catalog, RuleSet};
use claimlint::{runner, Settings};

/// Lint news articles for internal inconsistencies: places, names and dates that contradict
/// each other across the headline, dateline and body.
#[derive(Parser, Debug)]
#[command(name = "claimlint", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Check articles (files, folders of *.txt/*.md, or - for stdin).
    Check(CheckArgs),
    /// Explain one rule (by code, e.g. L001, a former code such as N001, or name).
    Rule {
        /// Rule code, former code or kebab-case name.
        code: String,
        /// Output format: rendered for the terminal, or the Markdown source.
        #[arg(long, value_enum, default_value_t = RuleFormat::Text)]
        format: RuleFormat,
        /// Also know the rules of this pack (a shipped pack's name or a path to a .toml file).
        #[arg(long = "pack", value_name = "NAME|PATH")]
        packs: Vec<String>,
    },
    /// List every rule.
    Rules {
        /// Output format: a plain list, the README's Markdown table, or JSON.
        #[arg(long, value_enum, default_value_t = RulesFormat::Text)]
        format: RulesFormat,
        /// Also list the rules of this pack (a shipped pack's name or a path to a .toml file).
        #[arg(long = "pack", value_name = "NAME|PATH")]
        packs: Vec<String>,
    },
    /// Run the inline tests of a rule pack (exit 0: all pass, 1: failures, 2: pack error).
    TestPack {
        /// The pack: a path to a .toml file or a shipped pack's name.
        pack: String,
    },
    /// List every claim an article makes (the fact-checker's checklist), grouped by segment,
    /// with what each rule compared it with.
    Claims(ClaimsArgs),
}

#[derive(clap::Args, Debug)]
struct ClaimsArgs {
    /// Files, folders or - (stdin).
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ClaimsFormat::Human)]
    format: ClaimsFormat,
    /// Only these kinds (comma-separated): place, event, name (person), date, range,
    /// relative-date, duration, age, birth, years-ago, quantity (number).
    #[arg(long, value_delimiter = ',', value_parser = parse_kind)]
    kind: Vec<claimlint::claims::envelope::ClaimKind>,
    /// The article's date (YYYY-MM-DD); overrides any date written in the article.
    #[arg(long, value_parser = parse_date)]
    reference_date: Option<NaiveDate>,
    /// Add the rules of a rule pack (a shipped pack's name, e.g. ap-names, or a path to a
    /// .toml file); repeatable.
    #[arg(long = "pack", value_name = "NAME|PATH")]
    packs: Vec<String>,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum ClaimsFormat {
    Human,
    Json,
    Jsonl,
}

fn parse_kind(s: &str) -> Result<claimlint::claims::envelope::ClaimKind, String> {
    claimlint::claims::envelope::ClaimKind::parse(s.trim()).ok_or_else(|| {
        let names: Vec<&str> = claimlint::claims::envelope::ClaimKind::ALL
            .iter()
            .map(|k| k.as_str())
            .collect();
        format!("'{s}' is not a claim kind (one of: {})", names.join(", "))
    })
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum RuleFormat {
    Text,
    Md,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum RulesFormat {
    Text,
    Md,
    Json,
}

#[derive(clap::Args, Debug)]
struct CheckArgs {
    /// Files, folders or - (stdin).
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Output format (ruff's spelling `--output-format` works too).
    #[arg(long, visible_alias = "output-format", value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Write the output to FILE instead of standard output (atomically: a temporary file in the
    /// same folder, renamed into place).
    #[arg(long, short = 'o', value_name = "FILE")]
    output: Option<PathBuf>,
    /// Print the number of findings per rule (instead of the findings in human and concise
    /// output; to standard error next to a machine format's document).
    #[arg(long)]
    statistics: bool,
    /// Always exit 0 when every file was read (same as `--fail-on never`).
    #[arg(long, conflicts_with = "fail_on")]
    exit_zero: bool,
    /// Print no summary line.
    #[arg(long, short = 'q')]
    quiet: bool,
    /// Folder that SARIF and GitLab paths are relative to (default: the current directory).
    #[arg(long, value_name = "DIR")]
    sarif_root: Option<PathBuf>,
    /// The article's date (YYYY-MM-DD); overrides any date written in the article.
    #[arg(long, value_parser = parse_date)]
    reference_date: Option<NaiveDate>,
    /// Exit 1 when a finding at or above this severity exists.
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    fail_on: FailOn,
    /// Colour in human output.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
    /// Worker threads (default: available cores).
    #[arg(long)]
    threads: Option<usize>,
    /// Add the rules of a rule pack (a shipped pack's name, e.g. ap-names, or a path to a
    /// .toml file); repeatable.
    #[arg(long = "pack", value_name = "NAME|PATH")]
    packs: Vec<String>,
    /// Apply the safe fixes (house-style spellings from packs) to the files, atomically, then
    /// report what is left.
    #[arg(long, conflicts_with = "diff")]
    fix: bool,
    /// Print the safe fixes as a unified diff and write nothing (exit 1 when there is one).
    #[arg(long)]
    diff: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    /// miette diagnostics with source snippets, then a summary line.
    Human,
    /// One line per finding: `path:line:col: severity[CODE] message`.
    Concise,
    /// One JSON document (versioned).
    Json,
    /// JSON Lines: one diagnostic per line, with its path.
    Jsonl,
    /// SARIF 2.1.0 for code scanning.
    Sarif,
    /// GitHub Actions workflow commands (annotations).
    Github,
    /// GitLab Code Quality report.
    Gitlab,
    /// reviewdog Diagnostic Format (rdjson).
    Rdjson,
    /// JUnit XML: one testsuite per file, one testcase per rule.
    Junit,
    /// Checkstyle XML.
    Checkstyle,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum FailOn {
    Error,
    Warning,
    Note,
    Never,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum Color {
    Auto,
    Always,
    Never,
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    let shape = s.len() == 10
        && s.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    shape
        .then(|| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
        .flatten()
        .ok_or_else(|| format!("'{s}' is not a valid date in YYYY-MM-DD form"))
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match cli.command {
        Command::Check(args) => run_check(args),
        Command::Claims(args) => run_claims(args),
        Command::Rule {
            code,
            format,
            packs,
        } => {
            let Some(set) = rule_set(&packs) else {
                return ExitCode::from(2);
            };
            match catalog::explain(&set, &code) {
                Some(page) => write_stdout(&match format {
                    RuleFormat::Md => page,
                    RuleFormat::Text => catalog::render_terminal(&page, terminal_width()),
                }),
                None => {
                    eprintln!("claimlint: no rule named '{code}' (see `claimlint rules`)");
                    ExitCode::from(2)
                }
            }
        }
        Command::Rules { format, packs } => {
            let Some(set) = rule_set(&packs) else {
                return ExitCode::from(2);
            };
            write_stdout(&match format {
                RulesFormat::Text => catalog::list(&set),
                RulesFormat::Md => catalog::markdown(&set),
                RulesFormat::Json => catalog::json(&set),
            })
        }
        Command::TestPack { pack } => run_test_pack(&pack),
    }
}

/// The built-in rules plus those of `packs`; `None` (after printing the error) when a pack
/// cannot be loaded.
fn rule_set(packs: &[String]) -> Option<RuleSet> {
    match claimlint::packs::rule_set_with(packs) {
        Ok((set, _)) => Some(set),
        Err(e) => {
            eprint!("{}", human::render_data_error(&e));
            None
        }
    }
}

/// The terminal's width from `COLUMNS`, else 80; at least 40.
fn terminal_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .unwrap_or(80)
        .max(40)
}

/// `claimlint test-pack PACK`: 0 when every case passes, 1 on failures, 2 when the pack is bad.
fn run_test_pack(spec: &str) -> ExitCode {
    let pack = match claimlint::packs::resolve(spec) {
        Ok(p) => p,
        Err(e) => {
            eprint!("{}", human::render_data_error(&e));
            return ExitCode::from(2);
        }
    };
    let outcome = claimlint::packs::testing::run(&pack);
    let mut out = String::new();
    for f in &outcome.failures {
        out.push_str(&format!("{}:{f}\n", pack.path));
    }
    out.push_str(&format!(
        "{}: {} of {} test cases passed\n",
        pack.path,
        outcome.cases - outcome.failures.len(),
        outcome.cases
    ));
    let write = write_stdout(&out);
    if write != ExitCode::SUCCESS {
        write
    } else if outcome.failures.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// Write to stdout; a closed pipe ends quietly.
fn write_stdout(s: &str) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match out.write_all(s.as_bytes()).and_then(|_| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("claimlint: cannot write output: {e}");
            ExitCode::from(2)
        }
    }
}

/// Write `s` to `path` through a temporary file in the same folder, renamed into place, so that
/// `path` holds either its old content or the whole new document, never a part.
fn write_atomically(path: &std::path::Path, s: &str) -> ExitCode {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map_or_else(|| "output".into(), |n| n.to_string_lossy().into_owned());
    let tmp = dir.join(format!(".{name}.claimlint-{}.tmp", std::process::id()));
    let result = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&tmp)
        .and_then(|mut f| {
            f.write_all(s.as_bytes())?;
            f.sync_all()
        })
        .and_then(|()| std::fs::rename(&tmp, path));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            eprintln!("claimlint: cannot write {}: {e}", path.display());
            ExitCode::from(2)
        }
    }
}

/// `claimlint claims`: exit 0 when every file was read, 2 otherwise (claims are not findings).
fn run_claims(args: ClaimsArgs) -> ExitCode {
    use claimlint::emit::claims::{self as view, ClaimsFile};
    let Some(rules) = rule_set(&args.packs) else {
        return ExitCode::from(2);
    };
    let settings = Settings {
        reference_date: args.reference_date,
        rules,
    };
    let (sources, empty) = runner::expand(&args.paths);
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for source in &sources {
        match runner::read_source(source) {
            Ok(article) => files.push(ClaimsFile {
                path: source.display(),
                text: article.text.clone(),
                report: claimlint::claims(&article, &settings),
            }),
            Err(e) => errors.push(e),
        }
    }
    for dir in empty {
        errors.push(claimlint::emit::FileError {
            path: dir.display().to_string(),
            message: "no *.txt or *.md articles in this folder".to_string(),
        });
    }
    for e in &errors {
        eprintln!("claimlint: {}: {}", e.path, e.message);
    }
    let kinds = (!args.kind.is_empty()).then_some(args.kind.as_slice());
    let rendered = match args.format {
        ClaimsFormat::Human => view::human(&files, kinds),
        ClaimsFormat::Json => view::json(&files, &errors, kinds),
        ClaimsFormat::Jsonl => view::jsonl(&files, kinds),
    };
    let write = write_stdout(&rendered);
    if write != ExitCode::SUCCESS || !errors.is_empty() {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}

fn run_check(args: CheckArgs) -> ExitCode {
    let Some(rules) = rule_set(&args.packs) else {
        return ExitCode::from(2);
    };
    let settings = Settings {
        reference_date: args.reference_date,
        rules,
    };
    let (sources, empty) = runner::expand(&args.paths);
    let threads = args.threads.unwrap_or_else(|| {
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
    });
    let mut run = runner::check_sources(&sources, &settings, threads);
    if args.diff {
        return print_diffs(&run);
    }
    let mut fix_failed = false;
    if args.fix {
        let (written, failed) = apply_fixes(&run);
        fix_failed = failed;
        if written > 0 {
            run = runner::check_sources(&sources, &settings, threads);
        }
    }
    for dir in empty {
        run.errors.push(claimlint::emit::FileError {
            path: dir.display().to_string(),
            message: "no *.txt or *.md articles in this folder".to_string(),
        });
    }
    for e in &run.errors {
        eprintln!("claimlint: {}: {}", e.path, e.message);
    }
    let human = matches!(args.format, Format::Human | Format::Concise);
    let stats = args.statistics.then(|| emit::statistics(&run));
    let rendered = match (args.format, &stats) {
        (Format::Human | Format::Concise, Some(table)) => table.clone(),
        (Format::Human, None) => {
            let color = match args.color {
                Color::Always => true,
                Color::Never => false,
                Color::Auto => {
                    args.output.is_none()
                        && std::io::stdout().is_terminal()
                        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                }
            };
            human::render_findings(&run, color)
        }
        (Format::Concise, None) => emit::concise::render(&run),
        (Format::Json, _) => json::render(&run),
        (Format::Jsonl, _) => emit::jsonl::render(&run),
        (Format::Sarif, _) => {
            emit::sarif::render(&run, &emit::sarif::options_for(args.sarif_root.as_deref()))
        }
        (Format::Github, _) => emit::github::render(&run),
        (Format::Gitlab, _) => {
            emit::gitlab::render(&run, &emit::sarif::options_for(args.sarif_root.as_deref()))
        }
        (Format::Rdjson, _) => emit::rdjson::render(&run),
        (Format::Junit, _) => emit::junit::render(&run),
        (Format::Checkstyle, _) => emit::checkstyle::render(&run),
    };
    // Human formats end with the summary on stdout; machine formats keep stdout for the
    // document and put the summary (and a statistics table) on stderr.
    let mut rendered = rendered;
    if !args.quiet && args.format == Format::Human {
        rendered.push_str(&emit::summary(&run));
    }
    if !human {
        if let Some(table) = &stats {
            eprint!("{table}");
        }
    }
    if !args.quiet && (!human || args.format == Format::Concise) {
        eprint!("{}", emit::summary(&run));
    }
    let write = match &args.output {
        Some(path) => write_atomically(path, &rendered),
        None => write_stdout(&rendered),
    };
    if write != ExitCode::SUCCESS || !run.errors.is_empty() || fix_failed {
        return ExitCode::from(2);
    }
    if args.exit_zero {
        return ExitCode::SUCCESS;
    }
    let threshold = match args.fail_on {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Note => Some(Severity::Note),
        FailOn::Never => None,
    };
    match threshold {
        Some(t) if run.has_finding_at(t) => ExitCode::from(1),
        _ => ExitCode::SUCCESS,
    }
}

/// True for files `--fix` may rewrite: plain text and Markdown (other readers map spans
/// through markup, and are not fixed yet).
fn fixable(path: &str) -> bool {
    let ext = std::path::Path::new(path)
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    matches!(ext.as_deref(), Some("txt" | "md" | "markdown" | "text"))
}

/// The fixed text of `file`, when its safe fixes change it and it may be fixed (a note on
/// stderr otherwise).
fn fixed_text(file: &claimlint::report::CheckedFile) -> Option<String> {
    let edits = claimlint::fix::safe_edits(&file.report.diagnostics);
    if edits.is_empty() {
        return None;
    }
    if file.path == "<stdin>" || !fixable(&file.path) {
        eprintln!(
            "claimlint: {}: not fixed (fixes are applied to .txt and .md files only)",
            file.path
        );
        return None;
    }
    let applied = claimlint::fix::apply(&file.text, &edits);
    (applied.text != *file.text).then_some(applied.text)
}

/// `--diff`: a unified diff per file with safe fixes; exit 1 when there is one.
fn print_diffs(run: &claimlint::report::Run) -> ExitCode {
    let mut out = String::new();
    for f in &run.files {
        if let Some(new) = fixed_text(f) {
            out.push_str(&claimlint::fix::unified_diff(&f.path, &f.text, &new));
        }
    }
    for e in &run.errors {
        eprintln!("claimlint: {}: {}", e.path, e.message);
    }
    let changed = !out.is_empty();
    let write = write_stdout(&out);
    if write != ExitCode::SUCCESS || !run.errors.is_empty() {
        ExitCode::from(2)
    } else if changed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// `--fix`: write each file's safe fixes; returns (files written, some file could not be).
fn apply_fixes(run: &claimlint::report::Run) -> (usize, bool) {
    let (mut written, mut failed) = (0, false);
    for f in &run.files {
        let Some(new) = fixed_text(f) else { continue };
        let n = claimlint::fix::apply(&f.text, &claimlint::fix::safe_edits(&f.report.diagnostics))
            .applied;
        match claimlint::fix::write_if_unchanged(
            std::path::Path::new(&f.path),
            f.text.as_bytes(),
            new.as_bytes(),
        ) {
            Ok(()) => {
                written += 1;
                eprintln!(
                    "claimlint: {}: fixed {n} finding{}",
                    f.path,
                    if n == 1 { "" } else { "s" }
                );
            }
            Err(e) => {
                failed = true;
                eprintln!("claimlint: {}: {e}", f.path);
            }
        }
    }
    (written, failed)
}
