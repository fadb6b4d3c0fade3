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

/// mimalloc as the global allocator: the extractors make many small, short-lived allocations
/// (about one per four bytes of article text), which glibc malloc served at about 12% of a
/// corpus run's instructions. The library itself does not choose an allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
    #[arg(required_unless_present = "stdin_filename")]
    paths: Vec<PathBuf>,
    #[command(flatten)]
    input: InputArgs,
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
    /// Add the rules of a rule pack (a shipped pack's name, e.g. ap-names, or a path to a
    /// .toml file); repeatable.
    #[arg(long = "pack", value_name = "NAME|PATH")]
    packs: Vec<String>,
    /// JSON / NDJSON field names, as PART=FIELD pairs (parts: headline, dek, date, dateline,
    /// byline, body, id), e.g. `headline=title,body=content`.
    #[arg(long, value_name = "PART=FIELD,...", value_parser = parse_json_fields)]
    json_fields: Option<claimlint::input::JsonFields>,
    /// Text encoding: auto (UTF-8; UTF-16 with a byte-order mark and other files read as
    /// Windows-1252, with a note) or utf-8 (refuse files that are not UTF-8). Wins over the
    /// configuration's `[input] encoding`.
    #[arg(long, value_enum, value_name = "ENCODING")]
    encoding: Option<EncodingArg>,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum EncodingArg {
    Auto,
    #[value(name = "utf-8", alias = "utf8")]
    Utf8,
}

impl From<EncodingArg> for claimlint::config::Encoding {
    fn from(e: EncodingArg) -> Self {
        match e {
            EncodingArg::Auto => claimlint::config::Encoding::Auto,
            EncodingArg::Utf8 => claimlint::config::Encoding::Utf8,
        }
    }
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
            json_fields: None,
            encoding: None,
        }
    }
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
    #[arg(required_unless_present = "stdin_filename")]
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
    /// JSON / NDJSON field names, as PART=FIELD pairs (parts: headline, dek, date, dateline,
    /// byline, body, id), e.g. `headline=title,body=content`.
    #[arg(long, value_name = "PART=FIELD,...", value_parser = parse_json_fields)]
    json_fields: Option<claimlint::input::JsonFields>,
    /// Text encoding: auto (UTF-8; UTF-16 with a byte-order mark and other files read as
    /// Windows-1252, with a note) or utf-8 (refuse files that are not UTF-8). Wins over the
    /// configuration's `[input] encoding`.
    #[arg(long, value_enum, value_name = "ENCODING")]
    encoding: Option<EncodingArg>,
    /// Colour in human output.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
    /// Worker threads (default: available cores). Output is the same for any number.
    #[arg(long)]
    threads: Option<usize>,
    /// The longest the check of one file may take, in seconds (0: no limit). A file of 64 KB
    /// or more that takes longer is reported as not checked (exit 2) and the others are checked.
    #[arg(long, value_name = "SECONDS", default_value_t = 30.0)]
    file_budget: f64,
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
    #[command(flatten)]
    input: InputArgs,
}

/// How inputs are found and read (shared by `check` and `claims`).
#[derive(clap::Args, Debug)]
struct InputArgs {
    /// Read standard input as if it were the file at PATH: the name shown in output, and the
    /// path that picks the input format and configuration. With no other path, reads stdin.
    #[arg(long, value_name = "PATH")]
    stdin_filename: Option<PathBuf>,
    /// Read every input in this format (plain, markdown, html, json, ndjson) instead of the one
    /// its extension (or `--stdin-filename`) picks.
    #[arg(long, value_name = "FORMAT", value_parser = parse_input_format)]
    input_format: Option<claimlint::input::Format>,
    /// In folders, check only files matching this gitignore-style glob (repeatable), e.g.
    /// `--glob 'news/**'`. Files named on the command line are always checked.
    #[arg(long, value_name = "GLOB")]
    glob: Vec<String>,
    /// In folders, skip files and folders matching this gitignore-style glob (repeatable), e.g.
    /// `--exclude drafts/`.
    #[arg(long, value_name = "GLOB")]
    exclude: Vec<String>,
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

fn parse_json_fields(s: &str) -> Result<claimlint::input::JsonFields, String> {
    let mut fields = claimlint::input::JsonFields::default();
    fields.parse_overrides(s)?;
    Ok(fields)
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
                    // A shipped pack's rule: say which pack to load.
                    let pack = claimlint::packs::EMBEDDED.iter().find_map(|(name, _)| {
                        let p = claimlint::packs::load(name).ok()?;
                        p.rules
                            .iter()
                            .any(|r| {
                                r.meta_ref().code.eq_ignore_ascii_case(&code)
                                    || r.meta_ref().name == code
                            })
                            .then_some(*name)
                    });
                    match pack {
                        Some(p) => eprintln!(
                            "claimlint: no rule named '{code}' is loaded; it is a rule of the \
                             shipped pack {p}: `claimlint rule {code} --pack {p}`"
                        ),
                        None => {
                            eprintln!("claimlint: no rule named '{code}' (see `claimlint rules`)")
                        }
                    }
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

/// A temporary file name next to `path` (same folder, so a rename onto `path` is atomic).
fn temp_path(path: &std::path::Path) -> PathBuf {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map_or_else(|| "output".into(), |n| n.to_string_lossy().into_owned());
    dir.join(format!(".{name}.claimlint-{}.tmp", std::process::id()))
}

/// Write `s` to `path` through a temporary file in the same folder, renamed into place, so that
/// `path` holds either its old content or the whole new document, never a part.
fn write_atomically(path: &std::path::Path, s: &str) -> ExitCode {
    match Out::open(Some(path)) {
        Ok(mut out) => {
            let failed = out.write(s).err();
            out.finish(failed)
        }
        Err(code) => code,
    }
}

/// `claimlint claims`: exit 0 when every file was read, 2 otherwise (claims are not findings).
fn run_claims(args: ClaimsArgs) -> ExitCode {
    use claimlint::emit::claims::{self as view, ClaimsFile};
    let Some(rules) = rule_set(&args.packs) else {
        return ExitCode::from(2);
    };
    let options = resolve::CliOptions {
        config: args.config.clone(),
        isolated: args.isolated,
        reference_date: args.reference_date,
        json_fields: args.json_fields.clone(),
        encoding: args.encoding.map(Into::into),
        ..Default::default()
    };
    let resolver = match resolve::Resolver::new(options, rules) {
        Ok(r) => r,
        Err(e) => return data_error(&e),
    };
    let (sources, mut errors) = match expand_inputs(&args.paths, &args.input) {
        Ok(found) => found,
        Err(code) => return code,
    };
    let mut files = Vec::new();
    for source in &sources {
        let settings = match runner::SettingsFor::settings_for(&resolver, source) {
            Ok(s) => s,
            Err(e) => {
                errors.push(e);
                continue;
            }
        };
        match runner::read_source_records_as(source, args.input.input_format, &settings.input) {
            Ok(records) => {
                let mut noted = false;
                for r in records {
                    match r {
                        Ok(rec) => files.push(ClaimsFile {
                            path: match &rec.name {
                                Some(n) => format!("{}:{n}", source.display()),
                                None => source.display(),
                            },
                            text: rec.article.file_text(),
                            report: {
                                if let (Some(t), false) = (&rec.article.transcoding, noted) {
                                    eprintln!("{}", t.note(&source.display()));
                                    noted = true;
                                }
                                claimlint::claims(&rec.article, &settings)
                            },
                        }),
                        Err(e) => errors.push(e),
                    }
                }
            }
            Err(e) => errors.push(e),
        }
    }
    for e in resolver.errors() {
        eprint!("{}", human::render_data_error(&e));
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
                    // A decoded file's spans are offsets on disk; `f.text` is the decoded text.
                    let mut shown = d.clone();
                    shown
                        .labels
                        .iter_mut()
                        .for_each(|l| l.span = f.text_span(l.span));
                    let fp = match &article {
                        Ok(a) => baseline::fingerprint(a, &shown),
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

fn parse_input_format(s: &str) -> Result<claimlint::input::Format, String> {
    s.parse()
}

/// Expand the command line's paths (`--stdin-filename` names standard input, or stands for it
/// when no path is given). Notes are printed here; errors (folders that could not be read,
/// folders without articles) are returned for the caller to report, and fail the run.
fn expand_inputs(
    paths: &[PathBuf],
    input: &InputArgs,
) -> Result<(Vec<runner::Source>, Vec<claimlint::emit::FileError>), ExitCode> {
    let walk = runner::WalkOptions {
        globs: input.glob.clone(),
        excludes: input.exclude.clone(),
    };
    let stdin_only = [PathBuf::from("-")];
    let paths = if paths.is_empty() {
        &stdin_only[..]
    } else {
        paths
    };
    let found = match runner::expand_with(paths, &walk) {
        Ok(found) => found,
        Err(message) => {
            eprintln!("claimlint: {message}");
            return Err(ExitCode::from(2));
        }
    };
    for n in &found.notes {
        eprintln!("claimlint: note: {}: {}", n.path, n.message);
    }
    let sources = found
        .sources
        .into_iter()
        .map(|s| match (&s, &input.stdin_filename) {
            (runner::Source::Stdin, Some(name)) => runner::Source::StdinNamed(name.clone()),
            _ => s,
        })
        .collect();
    Ok((sources, found.errors))
}

/// Where `check` writes: standard output, or a temporary file renamed onto `--output` at the
/// end (so the file holds its old content or the whole new output, never a part).
enum Out {
    Stdout(std::io::Stdout),
    File {
        tmp: PathBuf,
        path: PathBuf,
        file: std::io::BufWriter<std::fs::File>,
    },
}

impl Out {
    fn open(path: Option<&std::path::Path>) -> Result<Out, ExitCode> {
        let Some(path) = path else {
            return Ok(Out::Stdout(std::io::stdout()));
        };
        let tmp = temp_path(path);
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)
        {
            Ok(f) => Ok(Out::File {
                tmp,
                path: path.to_path_buf(),
                file: std::io::BufWriter::new(f),
            }),
            Err(e) => {
                eprintln!("claimlint: cannot write {}: {e}", path.display());
                Err(ExitCode::from(2))
            }
        }
    }

    fn write(&mut self, s: &str) -> std::io::Result<()> {
        match self {
            Out::Stdout(o) => {
                let mut o = o.lock();
                o.write_all(s.as_bytes())?;
                o.flush()
            }
            Out::File { file, .. } => file.write_all(s.as_bytes()),
        }
    }

    /// Finish: rename the temporary file into place (or remove it when `failed`).
    fn finish(self, failed: Option<std::io::Error>) -> ExitCode {
        match self {
            Out::Stdout(_) => match failed {
                None => ExitCode::SUCCESS,
                Some(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
                Some(e) => {
                    eprintln!("claimlint: cannot write output: {e}");
                    ExitCode::from(2)
                }
            },
            Out::File { tmp, path, file } => {
                let result = match failed {
                    Some(e) => Err(e),
                    None => file
                        .into_inner()
                        .map_err(|e| e.into_error())
                        .and_then(|f| f.sync_all())
                        .and_then(|()| std::fs::rename(&tmp, &path)),
                };
                match result {
                    Ok(()) => ExitCode::SUCCESS,
                    Err(e) => {
                        let _ = std::fs::remove_file(&tmp);
                        eprintln!("claimlint: cannot write {}: {e}", path.display());
                        ExitCode::from(2)
                    }
                }
            }
        }
    }
}

fn run_check(args: CheckArgs) -> ExitCode {
    let Some(rules) = rule_set(&args.packs) else {
        return ExitCode::from(2);
    };
    let options = resolve::CliOptions {
        json_fields: args.json_fields.clone(),
        encoding: args.encoding.map(Into::into),
        ..args.config.options(args.reference_date)
    };
    let resolver = match resolve::Resolver::new(options, rules) {
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
    let (sources, expand_errors) = match expand_inputs(&args.paths, &args.input) {
        Ok(found) => found,
        Err(code) => return code,
    };
    // `None`: the available cores, counted only when there is more than one file to check.
    let threads = args.threads;
    let read = runner::ReadOptions {
        format: args.input.input_format,
        budget: (args.file_budget > 0.0)
            .then(|| std::time::Duration::try_from_secs_f64(args.file_budget).ok())
            .flatten(),
    };
    let human = matches!(args.format, Format::Human | Format::Concise);
    let color = match args.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => {
            args.output.is_none()
                && std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    };
    // Line-oriented formats are printed file by file, in input order, as soon as each file and
    // every one before it are checked; the run keeps only findings (for the summary and exit
    // code), not texts. Document formats keep what their document needs: the text of files
    // with findings (SARIF also records every file's length, so it keeps every text).
    // `--fix`, `--diff` and the baseline need every file's text and findings before anything
    // is printed: they check the whole run first (and `--fix` checks again after writing).
    let whole = args.fix || args.diff || args.write_baseline.is_some() || old_baseline.is_some();
    let streaming = !whole
        && !args.statistics
        && matches!(
            args.format,
            Format::Human | Format::Concise | Format::Jsonl | Format::Github
        );
    let keep_all_texts = whole || args.format == Format::Sarif;
    let mut run = emit::Run::default();
    for e in expand_errors {
        eprintln!("claimlint: {}: {}", e.path, e.message);
        run.errors.push(e);
    }
    if let Some(out) = args
        .output
        .as_deref()
        .and_then(|o| std::fs::canonicalize(o).ok())
    {
        let checked = sources.iter().any(|s| match s {
            runner::Source::File(p) => std::fs::canonicalize(p).is_ok_and(|p| p == out),
            _ => false,
        });
        if checked {
            eprintln!(
                "claimlint: --output {} is one of the files being checked; not overwriting it",
                out.display()
            );
            return ExitCode::from(2);
        }
    }
    let mut fix_failed = false;
    if args.fix
        && sources
            .iter()
            .any(|s| matches!(s, runner::Source::Stdin | runner::Source::StdinNamed(_)))
    {
        eprintln!("claimlint: --fix rewrites files and cannot rewrite standard input (use --diff)");
        return ExitCode::from(2);
    }
    if whole {
        let collect = || {
            let mut run = emit::Run::default();
            runner::check_sources_streaming(&sources, &read, &resolver, threads, &mut |_, rs| {
                for r in rs {
                    match r {
                        Ok(f) => run.files.push(f),
                        Err(e) => run.errors.push(e),
                    }
                }
            });
            run
        };
        let mut checked = collect();
        let mut noted: Option<&str> = None;
        for f in &checked.files {
            if let Some(t) = f.transcoding.as_ref().filter(|_| noted != Some(&f.path)) {
                eprintln!("{}", t.note(&f.path));
                noted = Some(&f.path);
            }
        }
        if args.diff {
            for e in resolver.errors() {
                eprint!("{}", human::render_data_error(&e));
            }
            checked.errors.splice(0..0, run.errors);
            return print_diffs(&checked);
        }
        if args.fix {
            let (written, failed) = apply_fixes(&checked);
            fix_failed = failed;
            if written > 0 {
                checked = collect();
            }
        }
        for e in &checked.errors {
            eprintln!("claimlint: {}: {}", e.path, e.message);
        }
        run.files = checked.files;
        run.errors.extend(checked.errors);
        for e in resolver.errors() {
            eprint!("{}", human::render_data_error(&e));
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
    }
    let mut out = match Out::open(args.output.as_deref()) {
        Ok(o) => o,
        Err(code) => return code,
    };
    let mut failed: Option<std::io::Error> = None;
    let sources: &[runner::Source] = if whole { &[] } else { &sources };
    runner::check_sources_streaming(sources, &read, &resolver, threads, &mut |_, results| {
        let mut piece = emit::Run::default();
        let mut noted = false;
        for r in results {
            match r {
                Ok(f) => {
                    // One note per file on disk, before its findings (records share it).
                    if let Some(t) = f.transcoding.as_ref().filter(|_| !noted) {
                        eprintln!("{}", t.note(&f.path));
                        noted = true;
                    }
                    piece.files.push(f)
                }
                Err(e) => {
                    eprintln!("claimlint: {}: {}", e.path, e.message);
                    piece.errors.push(e);
                }
            }
        }
        if streaming && failed.is_none() {
            let text = match args.format {
                Format::Human => human::render_findings(&piece, color),
                Format::Concise => emit::concise::render(&piece),
                Format::Jsonl => emit::jsonl::render(&piece),
                _ => emit::github::render(&piece),
            };
            if !text.is_empty() {
                failed = out.write(&text).err();
            }
        }
        for mut f in piece.files {
            if streaming || (!keep_all_texts && f.report.diagnostics.is_empty()) {
                f.text = runner::empty_text();
            }
            run.files.push(f);
        }
        run.errors.extend(piece.errors);
    });
    if !whole {
        for e in resolver.errors() {
            eprint!("{}", human::render_data_error(&e));
        }
    }
    let stats = args.statistics.then(|| emit::statistics(&run));
    let mut rendered = match (args.format, &stats) {
        _ if streaming => String::new(),
        (Format::Human | Format::Concise, Some(table)) => table.clone(),
        (Format::Human, None) => human::render_findings(&run, color),
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
    if failed.is_none() && !rendered.is_empty() {
        failed = out.write(&rendered).err();
    }
    let write = out.finish(failed);
    if write != ExitCode::SUCCESS || !run.errors.is_empty() || fix_failed {
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
    if let Some(t) = &file.transcoding {
        eprintln!(
            "claimlint: {}: not fixed (read as {}; fixes are written to UTF-8 files only)",
            file.path, t.encoding
        );
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
