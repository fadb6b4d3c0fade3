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
    },
    /// List every rule.
    Rules {
        /// Output format: a plain list, the README's Markdown table, or JSON.
        #[arg(long, value_enum, default_value_t = RulesFormat::Text)]
        format: RulesFormat,
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
    /// JSON / NDJSON field names, as PART=FIELD pairs (parts: headline, dek, date, dateline,
    /// byline, body, id), e.g. `headline=title,body=content`.
    #[arg(long, value_name = "PART=FIELD,...", value_parser = parse_json_fields)]
    json_fields: Option<claimlint::input::JsonFields>,
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
    /// JSON / NDJSON field names, as PART=FIELD pairs (parts: headline, dek, date, dateline,
    /// byline, body, id), e.g. `headline=title,body=content`.
    #[arg(long, value_name = "PART=FIELD,...", value_parser = parse_json_fields)]
    json_fields: Option<claimlint::input::JsonFields>,
    /// Exit 1 when a finding at or above this severity exists.
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    fail_on: FailOn,
    /// Colour in human output.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
    /// Worker threads (default: available cores). Output is the same for any number.
    #[arg(long)]
    threads: Option<usize>,
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
#[allow(dead_code)] // the atomic one-shot write, for callers that have the whole document
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
    let mut settings = Settings {
        reference_date: args.reference_date,
        ..Default::default()
    };
    if let Some(fields) = args.json_fields.clone() {
        settings.input.json_fields = fields;
    }
    let (sources, mut errors) = match expand_inputs(&args.paths, &args.input) {
        Ok(found) => found,
        Err(code) => return code,
    };
    let mut files = Vec::new();
    for source in &sources {
        match runner::read_source_records_as(source, args.input.input_format, &settings.input) {
            Ok(records) => {
                for r in records {
                    match r {
                        Ok(rec) => files.push(ClaimsFile {
                            path: match &rec.name {
                                Some(n) => format!("{}:{n}", source.display()),
                                None => source.display(),
                            },
                            text: rec.article.file_text(),
                            report: claimlint::claims(&rec.article, &settings),
                        }),
                        Err(e) => errors.push(e),
                    }
                }
            }
            Err(e) => errors.push(e),
        }
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
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let name = path
            .file_name()
            .map_or_else(|| "output".into(), |n| n.to_string_lossy().into_owned());
        let tmp = dir.join(format!(".{name}.claimlint-{}.tmp", std::process::id()));
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
    let mut settings = Settings {
        reference_date: args.reference_date,
        ..Default::default()
    };
    if let Some(fields) = args.json_fields.clone() {
        settings.input.json_fields = fields;
    }
    let (sources, expand_errors) = match expand_inputs(&args.paths, &args.input) {
        Ok(found) => found,
        Err(code) => return code,
    };
    let threads = args.threads.unwrap_or_else(|| {
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
    });
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
    let streaming = !args.statistics
        && matches!(
            args.format,
            Format::Human | Format::Concise | Format::Jsonl | Format::Github
        );
    let keep_all_texts = args.format == Format::Sarif;
    let mut out = match Out::open(args.output.as_deref()) {
        Ok(o) => o,
        Err(code) => return code,
    };
    let mut failed: Option<std::io::Error> = None;
    let mut run = emit::Run::default();
    for e in expand_errors {
        eprintln!("claimlint: {}: {}", e.path, e.message);
        run.errors.push(e);
    }
    let read = runner::ReadOptions {
        format: args.input.input_format,
    };
    runner::check_sources_streaming(&sources, &read, &settings, threads, &mut |_, results| {
        let mut piece = emit::Run::default();
        for r in results {
            match r {
                Ok(f) => piece.files.push(f),
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
    if write != ExitCode::SUCCESS || !run.errors.is_empty() {
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
