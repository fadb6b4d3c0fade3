//! The `claimlint` binary: a thin clap front end over the library.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};

use claimlint::baseline::{self, Baseline};
use claimlint::config::resolve;
use claimlint::diagnostic::Severity;
use claimlint::emit::{self, human, json};
use claimlint::rules::{catalog, RuleSet};
use claimlint::runner;

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
    },
    /// List every rule.
    Rules {
        /// Output format: a plain list, the README's Markdown table, or JSON.
        #[arg(long, value_enum, default_value_t = RulesFormat::Text)]
        format: RulesFormat,
    },
    /// Write a commented claimlint.toml listing every key with its default (never overwrites).
    Init {
        /// Folder to write it in.
        #[arg(default_value = ".")]
        dir: PathBuf,
    },
    /// Print the settings that apply to FILE and where each comes from (configuration file,
    /// overrides, command line): the answer to "why didn't this rule fire?".
    Config {
        /// The article whose settings to show (it need not exist).
        path: PathBuf,
        #[command(flatten)]
        config: ConfigArgs,
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
    /// Use this configuration file (its `reference-date` policy and `[input]`; every rule is
    /// still shown) instead of the nearest claimlint.toml.
    #[arg(long, value_name = "FILE", conflicts_with = "isolated")]
    config: Option<PathBuf>,
    /// Ignore every configuration file.
    #[arg(long)]
    isolated: bool,
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

/// Configuration flags shared by `check` and `config`.
#[derive(clap::Args, Debug, Clone, Default)]
struct ConfigArgs {
    /// Use this configuration file for every checked file (no discovery of claimlint.toml).
    #[arg(long, value_name = "FILE", conflicts_with = "isolated")]
    config: Option<PathBuf>,
    /// Ignore every configuration file (built-in defaults and command-line flags only).
    #[arg(long)]
    isolated: bool,
    /// Run only these rules (comma-separated codes or prefixes: L001,N01,D), replacing the
    /// configuration's selection.
    #[arg(long, value_delimiter = ',', value_name = "CODES")]
    select: Option<Vec<String>>,
    /// Run these rules too (comma-separated codes or prefixes).
    #[arg(long, value_delimiter = ',', value_name = "CODES")]
    extend_select: Vec<String>,
    /// Do not run these rules (comma-separated codes or prefixes).
    #[arg(long, value_delimiter = ',', value_name = "CODES")]
    ignore: Vec<String>,
}

impl ConfigArgs {
    fn options(&self, reference_date: Option<NaiveDate>) -> resolve::CliOptions {
        resolve::CliOptions {
            config: self.config.clone(),
            isolated: self.isolated,
            select: self.select.clone(),
            extend_select: self.extend_select.clone(),
            ignore: self.ignore.clone(),
            reference_date,
        }
    }
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
    /// Exit 1 when a finding at or above this severity exists (default: the configuration's
    /// `fail-on`, else error).
    #[arg(long, value_enum)]
    fail_on: Option<FailOn>,
    #[command(flatten)]
    config: ConfigArgs,
    /// Record the current findings in FILE (JSON, written atomically) and exit 0 when every
    /// file was read; later runs with `--baseline FILE` report only new findings.
    #[arg(long, value_name = "FILE")]
    write_baseline: Option<PathBuf>,
    /// Report only findings that FILE (written by `--write-baseline`) does not hold.
    #[arg(long, value_name = "FILE", conflicts_with = "write_baseline")]
    baseline: Option<PathBuf>,
    /// Colour in human output.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
    /// Worker threads (default: available cores).
    #[arg(long)]
    threads: Option<usize>,
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
        Command::Init { dir } => run_init(&dir),
        Command::Config { path, config } => {
            let resolver = match resolve::Resolver::new(config.options(None), RuleSet::builtin()) {
                Ok(r) => r,
                Err(e) => return data_error(&e),
            };
            let source = if path.as_os_str() == "-" {
                runner::Source::Stdin
            } else {
                runner::Source::File(path.clone())
            };
            match resolver.resolve(&source) {
                Ok(r) => write_stdout(&r.explain(&source.display())),
                Err(e) => data_error(&e),
            }
        }
        Command::Rule { code } => match catalog::explain(&RuleSet::builtin(), &code) {
            Some(page) => write_stdout(&page),
            None => {
                eprintln!("claimlint: no rule named '{code}' (see `claimlint rules`)");
                ExitCode::from(2)
            }
        },
        Command::Rules { format } => {
            let set = RuleSet::builtin();
            write_stdout(&match format {
                RulesFormat::Text => catalog::list(&set),
                RulesFormat::Md => catalog::markdown(&set),
                RulesFormat::Json => catalog::json(&set),
            })
        }
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
    let options = resolve::CliOptions {
        config: args.config.clone(),
        isolated: args.isolated,
        reference_date: args.reference_date,
        ..Default::default()
    };
    let resolver = match resolve::Resolver::new(options, RuleSet::builtin()) {
        Ok(r) => r,
        Err(e) => return data_error(&e),
    };
    let (sources, empty) = runner::expand(&args.paths);
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for source in &sources {
        let settings = match runner::SettingsFor::settings_for(&resolver, source) {
            Ok(s) => s,
            Err(e) => {
                errors.push(e);
                continue;
            }
        };
        match runner::read_source(source) {
            Ok(article) => files.push(ClaimsFile {
                path: source.display(),
                text: article.text.clone(),
                report: claimlint::claims(&article, &settings),
            }),
            Err(e) => errors.push(e),
        }
    }
    for e in resolver.errors() {
        eprint!("{}", human::render_data_error(&e));
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

/// Print a data-file error with its snippet; exit 2.
fn data_error(e: &claimlint::data_error::DataFileError) -> ExitCode {
    eprint!("{}", human::render_data_error(e));
    ExitCode::from(2)
}

/// `claimlint init [DIR]`: write DIR/claimlint.toml from the template, never over a file.
fn run_init(dir: &std::path::Path) -> ExitCode {
    for name in claimlint::config::FILE_NAMES {
        let existing = dir.join(name);
        if existing.exists() {
            eprintln!(
                "claimlint: {} already exists; not overwriting it (edit it, or remove it first)",
                existing.display()
            );
            return ExitCode::from(2);
        }
    }
    let path = dir.join(claimlint::config::FILE_NAMES[0]);
    // Written to a temporary file, then linked into place: the link fails if the file appeared
    // in the meantime, so an existing file is never replaced.
    let tmp = dir.join(format!(".claimlint.toml.init-{}.tmp", std::process::id()));
    let result = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&tmp)
        .and_then(|mut f| {
            f.write_all(claimlint::config::file::TEMPLATE.as_bytes())?;
            f.sync_all()
        })
        .and_then(|()| std::fs::hard_link(&tmp, &path));
    let _ = std::fs::remove_file(&tmp);
    match result {
        Ok(()) => {
            eprintln!("claimlint: wrote {}", path.display());
            ExitCode::SUCCESS
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            eprintln!(
                "claimlint: {} already exists; not overwriting it",
                path.display()
            );
            ExitCode::from(2)
        }
        Err(e) => {
            eprintln!("claimlint: cannot write {}: {e}", path.display());
            ExitCode::from(2)
        }
    }
}

/// The folder of `path` (absolute, normalised), for baseline-relative paths.
fn folder_of(cwd: &std::path::Path, path: &std::path::Path) -> PathBuf {
    let abs = resolve::absolute(cwd, path);
    abs.parent()
        .map_or(abs.clone(), std::path::Path::to_path_buf)
}

/// Each checked file's findings with their baseline fingerprints, and the file's path relative
/// to `base_dir`. The article is read again from the checked text to find segment kinds.
fn fingerprinted(
    run: &claimlint::emit::Run,
    cwd: &std::path::Path,
    base_dir: &std::path::Path,
) -> Vec<(String, Vec<(baseline::Fingerprint, claimlint::Diagnostic)>)> {
    run.files
        .iter()
        .map(|f| {
            let rel = if f.path == "<stdin>" {
                f.path.clone()
            } else {
                baseline::relative_to(
                    base_dir,
                    &resolve::absolute(cwd, std::path::Path::new(&f.path)),
                )
            };
            let article = claimlint::input::read_article(f.text.as_bytes().to_vec());
            let fps = f
                .report
                .diagnostics
                .iter()
                .map(|d| {
                    let fp = match &article {
                        Ok(a) => baseline::fingerprint(a, d),
                        Err(_) => baseline::Fingerprint {
                            code: d.code.to_string(),
                            segment: None,
                            texts: vec![],
                        },
                    };
                    (fp, d.clone())
                })
                .collect();
            (rel, fps)
        })
        .collect()
}

fn run_check(args: CheckArgs) -> ExitCode {
    let resolver = match resolve::Resolver::new(
        args.config.options(args.reference_date),
        RuleSet::builtin(),
    ) {
        Ok(r) => r,
        Err(e) => return data_error(&e),
    };
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let old_baseline = match &args.baseline {
        None => None,
        Some(p) => match std::fs::read_to_string(p) {
            Ok(text) => match Baseline::parse(&p.display().to_string(), &text) {
                Ok(b) => Some(b),
                Err(e) => return data_error(&e),
            },
            Err(e) => {
                eprintln!("claimlint: cannot read baseline {}: {e}", p.display());
                return ExitCode::from(2);
            }
        },
    };
    let (sources, empty) = runner::expand(&args.paths);
    let threads = args.threads.unwrap_or_else(|| {
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
    });
    let mut run = runner::check_sources(&sources, &resolver, threads);
    for e in resolver.errors() {
        eprint!("{}", human::render_data_error(&e));
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
    if let Some(path) = &args.write_baseline {
        let base_dir = folder_of(&cwd, path);
        let mut b = Baseline::new();
        let mut n = 0;
        for (rel, fps) in fingerprinted(&run, &cwd, &base_dir) {
            for (fp, _) in fps {
                b.record(&rel, fp);
                n += 1;
            }
        }
        let written = write_atomically(path, &b.to_json());
        if written != ExitCode::SUCCESS {
            return written;
        }
        if !args.quiet {
            eprintln!(
                "claimlint: wrote {} ({n} finding{} in {} file{})",
                path.display(),
                if n == 1 { "" } else { "s" },
                run.files.len(),
                if run.files.len() == 1 { "" } else { "s" }
            );
        }
        return if run.errors.is_empty() {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(2)
        };
    }
    if let (Some(b), Some(path)) = (&old_baseline, &args.baseline) {
        let base_dir = folder_of(&cwd, path);
        let kept: Vec<Vec<claimlint::Diagnostic>> = fingerprinted(&run, &cwd, &base_dir)
            .into_iter()
            .map(|(rel, fps)| b.filter(&rel, fps))
            .collect();
        for (f, diagnostics) in run.files.iter_mut().zip(kept) {
            f.report.diagnostics = diagnostics;
        }
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
    if write != ExitCode::SUCCESS || !run.errors.is_empty() {
        return ExitCode::from(2);
    }
    if args.exit_zero {
        return ExitCode::SUCCESS;
    }
    let failed = match args.fail_on {
        // The command line decides for every file.
        Some(fail_on) => {
            let threshold = match fail_on {
                FailOn::Error => Some(Severity::Error),
                FailOn::Warning => Some(Severity::Warning),
                FailOn::Note => Some(Severity::Note),
                FailOn::Never => None,
            };
            threshold.is_some_and(|t| run.has_finding_at(t))
        }
        // Each file's configuration decides for it.
        None => run.files.iter().any(|f| {
            resolver
                .fail_on_for(&f.path)
                .is_some_and(|t| f.report.diagnostics.iter().any(|d| d.severity >= t))
        }),
    };
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
