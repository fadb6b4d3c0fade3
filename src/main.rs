//! The `claimlint` binary: a thin clap front end over the library.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};

use claimlint::diagnostic::Severity;
use claimlint::emit::{human, json};
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
    },
    /// List every rule.
    Rules {
        /// Output format: a plain list, the README's Markdown table, or JSON.
        #[arg(long, value_enum, default_value_t = RulesFormat::Text)]
        format: RulesFormat,
    },
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
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
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
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum Format {
    Human,
    Json,
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

fn run_check(args: CheckArgs) -> ExitCode {
    let settings = Settings {
        reference_date: args.reference_date,
    };
    let (sources, empty) = runner::expand(&args.paths);
    let threads = args.threads.unwrap_or_else(|| {
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
    });
    let mut run = runner::check_sources(&sources, &settings, threads);
    for dir in empty {
        run.errors.push(claimlint::emit::FileError {
            path: dir.display().to_string(),
            message: "no *.txt or *.md articles in this folder".to_string(),
        });
    }
    for e in &run.errors {
        eprintln!("claimlint: {}: {}", e.path, e.message);
    }
    let rendered = match args.format {
        Format::Json => json::render(&run),
        Format::Human => {
            let color = match args.color {
                Color::Always => true,
                Color::Never => false,
                Color::Auto => {
                    std::io::stdout().is_terminal()
                        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                }
            };
            human::render(&run, color)
        }
    };
    let write = write_stdout(&rendered);
    if write != ExitCode::SUCCESS || !run.errors.is_empty() {
        return ExitCode::from(2);
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
