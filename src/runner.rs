//! File-level driver: expand paths (folders walked with `.gitignore` semantics by the `ignore`
//! crate), read files, check them in parallel on a rayon pool, and hand the results back in
//! input order as soon as each file and every file before it are done.
//!
//! This is the only library module that touches the file system.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::{mpsc, Arc};

use crate::article::Article;
use crate::emit::{CheckedFile, FileError, Run};
use crate::{check, input, Settings};

/// One input to check.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Source {
    /// A file on disk.
    File(PathBuf),
    /// Standard input, shown as `<stdin>`.
    Stdin,
    /// Standard input standing for the file at this path (`--stdin-filename`): shown as that
    /// path, which also picks the input format and the configuration.
    StdinNamed(PathBuf),
}

impl Source {
    /// The name shown in output.
    pub fn display(&self) -> String {
        match self {
            Source::File(p) | Source::StdinNamed(p) => p.display().to_string(),
            Source::Stdin => "<stdin>".to_string(),
        }
    }

    /// The path that picks this source's format and configuration: the file's own path, the
    /// `--stdin-filename` for named standard input, `None` for plain standard input.
    pub fn path(&self) -> Option<&Path> {
        match self {
            Source::File(p) | Source::StdinNamed(p) => Some(p),
            Source::Stdin => None,
        }
    }
}

/// The file extensions (lower case, without the dot) that a folder walk picks up as articles.
/// A file named on the command line is read whatever its extension.
pub const ARTICLE_EXTENSIONS: &[&str] = &[
    "txt", "md", "markdown", "html", "htm", "json", "ndjson", "jsonl",
];

/// How folders are walked.
#[derive(Clone, Debug, Default)]
pub struct WalkOptions {
    /// `--glob`: gitignore-style globs; when any is given, a file found in a folder is taken only
    /// if it matches one (and still has an article extension). Matched against the path relative
    /// to the folder given on the command line.
    pub globs: Vec<String>,
    /// `--exclude`: gitignore-style globs; a file or folder matching one is skipped.
    pub excludes: Vec<String>,
}

/// What [`expand_with`] found.
#[derive(Clone, Debug, Default)]
pub struct Expanded {
    /// The sources to check, in command-line order, each folder's files sorted by path,
    /// duplicates dropped.
    pub sources: Vec<Source>,
    /// Problems that leave articles unchecked: an unreadable folder (named), a broken entry,
    /// a folder in which no article was found. Each should fail the run (exit 2).
    pub errors: Vec<FileError>,
    /// Things worth saying that leave nothing unchecked: a symbolic link that leads back into a
    /// folder already being walked (a loop) is not followed again.
    pub notes: Vec<FileError>,
}

/// Expand command-line paths with default [`WalkOptions`]: `-` is stdin; a file is always taken
/// whatever its extension; a folder contributes its files with an [`ARTICLE_EXTENSIONS`]
/// extension, recursively, sorted by path, skipping hidden entries, files ignored by
/// `.gitignore`/`.ignore` files and README/LICENSE/NOTICE files. A path that does not exist is
/// returned as a file so that reading it reports the error. Duplicates are dropped.
/// Folders in which no article was found are returned in the second list, so that a gate
/// pointed at the wrong folder can fail instead of passing on nothing. Use [`expand_with`] to
/// also learn of unreadable folders.
pub fn expand(paths: &[PathBuf]) -> (Vec<Source>, Vec<PathBuf>) {
    let mut sources = Vec::new();
    let mut empty = Vec::new();
    for p in paths {
        match expand_with(std::slice::from_ref(p), &WalkOptions::default()) {
            Ok(e) => {
                if p.is_dir() && e.sources.is_empty() {
                    empty.push(p.clone());
                }
                sources.extend(e.sources);
            }
            Err(_) => empty.push(p.clone()),
        }
    }
    let mut seen = std::collections::HashSet::new();
    sources.retain(|s| seen.insert(s.clone()));
    (sources, empty)
}

/// Expand command-line paths as [`expand`] does, applying `opts`, and report every folder or
/// entry that could not be read instead of passing over it. Symbolic links to folders are
/// followed; a link that loops back to a folder being walked is noted and not followed again.
///
/// Errors: a `--glob` or `--exclude` pattern that is not a valid glob (the message names it).
pub fn expand_with(paths: &[PathBuf], opts: &WalkOptions) -> Result<Expanded, String> {
    let mut out = Expanded::default();
    for p in paths {
        if p.as_os_str() == "-" {
            out.sources.push(Source::Stdin);
            continue;
        }
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => {
                let before = out.sources.len();
                let errors_before = out.errors.len();
                walk(p, opts, &mut out)?;
                if out.sources.len() == before && out.errors.len() == errors_before {
                    out.errors.push(FileError {
                        path: p.display().to_string(),
                        message: format!(
                            "no articles in this folder (looked for *.{})",
                            ARTICLE_EXTENSIONS.join(", *.")
                        ),
                    });
                }
                if let Some(added) = out.sources.get_mut(before..) {
                    added.sort_by(|a, b| a.path().cmp(&b.path()));
                }
            }
            _ => out.sources.push(Source::File(p.clone())),
        }
    }
    let mut seen = std::collections::HashSet::new();
    out.sources.retain(|s| seen.insert(s.clone()));
    Ok(out)
}

fn overrides(root: &Path, opts: &WalkOptions) -> Result<ignore::overrides::Override, String> {
    let mut b = ignore::overrides::OverrideBuilder::new(root);
    for g in &opts.globs {
        b.add(g)
            .map_err(|e| format!("--glob '{g}' is not a valid glob: {e}"))?;
    }
    for g in &opts.excludes {
        let pattern = match g.strip_prefix('!') {
            Some(rest) => rest.to_string(),
            None => format!("!{g}"),
        };
        b.add(&pattern)
            .map_err(|e| format!("--exclude '{g}' is not a valid glob: {e}"))?;
    }
    b.build()
        .map_err(|e| format!("invalid --glob/--exclude: {e}"))
}

fn walk(root: &Path, opts: &WalkOptions, out: &mut Expanded) -> Result<(), String> {
    let walker = ignore::WalkBuilder::new(root)
        .follow_links(true)
        .require_git(false)
        .git_global(false)
        .overrides(overrides(root, opts)?)
        .sort_by_file_path(|a, b| a.cmp(b))
        .build();
    for entry in walker {
        match entry {
            Ok(e) => {
                let is_file = e.file_type().is_some_and(|t| t.is_file());
                if is_file && e.depth() > 0 && is_article_file(&e.file_name().to_string_lossy()) {
                    out.sources.push(Source::File(e.into_path()));
                }
            }
            Err(err) => walk_error(root, err, out),
        }
    }
    Ok(())
}

/// Sort one walk error into an error (articles left unchecked) or a note (a loop), named by the
/// innermost path the error carries (else the folder walked).
fn walk_error(path: &Path, err: ignore::Error, out: &mut Expanded) {
    let entry = |path: &Path, message: String| FileError {
        path: path.display().to_string(),
        message,
    };
    match err {
        ignore::Error::WithPath { path, err } => walk_error(&path, *err, out),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            walk_error(path, *err, out)
        }
        ignore::Error::Partial(errs) => {
            for e in errs {
                walk_error(path, e, out);
            }
        }
        ignore::Error::Loop { ancestor, child } => out.notes.push(entry(
            &child,
            format!(
                "symbolic link loop: leads back to {}, which is checked once",
                ancestor.display()
            ),
        )),
        ignore::Error::Io(io) => out.errors.push(entry(path, io_message(&io, true))),
        other => out.errors.push(entry(path, other.to_string())),
    }
}

fn io_message(e: &std::io::Error, folder: bool) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound if folder => "no such file or folder (a broken link?)".into(),
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied if folder => {
            "cannot read this folder: permission denied; its articles were not checked".into()
        }
        std::io::ErrorKind::PermissionDenied => "cannot read: permission denied".into(),
        std::io::ErrorKind::IsADirectory => "is a directory".into(),
        _ if folder => format!("cannot read this folder: {e}"),
        _ => e.to_string(),
    }
}

fn is_article_file(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    let (stem, ext) = lower.rsplit_once('.').unwrap_or((&lower, ""));
    ARTICLE_EXTENSIONS.contains(&ext)
        && !matches!(stem, "readme" | "license" | "licence" | "notice")
}

fn read(source: &Source) -> Result<Vec<u8>, String> {
    match source {
        Source::Stdin | Source::StdinNamed(_) => {
            let mut buf = Vec::new();
            std::io::stdin()
                .read_to_end(&mut buf)
                .map_err(|e| format!("cannot read standard input: {e}"))?;
            Ok(buf)
        }
        Source::File(p) => std::fs::read(p).map_err(|e| io_message(&e, false)),
    }
}

/// The format of `source`: `forced` (`--input-format`) when given, else from its path's
/// extension ([`input::Format::from_path`]; for standard input the `--stdin-filename`); plain
/// standard input is plain text.
pub fn format_of(source: &Source, forced: Option<input::Format>) -> input::Format {
    if let Some(f) = forced {
        return f;
    }
    match source.path() {
        Some(p) => input::Format::from_path(p),
        None => input::Format::Plain,
    }
}

/// Read and parse one source into its articles (one per file, or one per JSON / NDJSON
/// record), in file order. A whole-file failure (missing, unreadable, not UTF-8, binary, bad
/// front matter, JSON that does not parse) is the outer error; a bad record is an error in its
/// slot (its message names the record) and the other records are still returned.
pub fn read_source_records(
    source: &Source,
    options: &input::InputOptions,
) -> Result<Vec<Result<input::Record, FileError>>, FileError> {
    read_source_records_as(source, None, options)
}

/// [`read_source_records`] in the format `forced` when given (`--input-format`).
pub fn read_source_records_as(
    source: &Source,
    forced: Option<input::Format>,
    options: &input::InputOptions,
) -> Result<Vec<Result<input::Record, FileError>>, FileError> {
    let path = source.display();
    let bytes = read(source).map_err(|message| FileError {
        path: path.clone(),
        message,
    })?;
    let format = format_of(source, forced.or(options.format));
    let records = input::read_records(bytes, format, options).map_err(|e| FileError {
        path: path.clone(),
        message: e.to_string(),
    })?;
    if records.is_empty() {
        // An empty export must not pass a gate as "0 files checked".
        return Err(FileError {
            path,
            message: format!("no {format} records in this file"),
        });
    }
    Ok(records
        .into_iter()
        .map(|r| {
            r.map_err(|e| FileError {
                path: path.clone(),
                message: e.to_string(),
            })
        })
        .collect())
}

/// Read and parse one source into an article (its first record). Errors name the file:
/// missing, unreadable, not UTF-8, UTF-16 or binary, or a bad first record.
pub fn read_source(source: &Source) -> Result<Article, FileError> {
    let path = source.display();
    let mut records = read_source_records(source, &input::InputOptions::default())?;
    if records.is_empty() {
        return Err(FileError {
            path,
            message: "holds no article".to_string(),
        });
    }
    records.swap_remove(0).map(|r| r.article)
}

/// How sources are read, beyond what their paths and [`Settings::input`] say.
#[derive(Clone, Copy, Debug, Default)]
pub struct ReadOptions {
    /// `--input-format`: read every source in this format instead of the one its extension
    /// picks.
    pub format: Option<input::Format>,
    /// `--file-budget`: the longest the check of one file may take (wall-clock time; `None`:
    /// no limit). A file that takes longer is reported as not checked (a [`FileError`] naming
    /// it and the budget) and the other files are still checked; see [`BUDGET_MIN_BYTES`].
    pub budget: Option<std::time::Duration>,
}

/// Files (or records) smaller than this many bytes are checked without a budget: every check
/// is at most quadratic in the text, so a file this small finishes in well under a second,
/// and the watchdog thread a budgeted check needs would cost more than the check itself.
pub const BUDGET_MIN_BYTES: usize = 64 * 1024;

/// The message of a file whose check panicked (a claimlint bug; the panic's own message is on
/// standard error).
pub const INTERNAL_ERROR: &str = "not checked: claimlint failed on this file (an internal error: \
     please report it with the file); the other files were checked";

/// The message of a file whose check ran past `budget` ([`ReadOptions::budget`]).
pub fn budget_message(budget: std::time::Duration) -> String {
    format!(
        "not checked: checking it took longer than the budget of {} s per file \
         (--file-budget); the other files were checked",
        budget.as_secs_f64()
    )
}

/// `check(article, settings)` on a thread of its own, given up after `budget`: `None` when
/// the budget ran out (the thread is left to finish in the background and its result is
/// dropped; the process exit ends it) or the check could not be started or panicked.
fn check_within(
    article: Arc<Article>,
    settings: Arc<Settings>,
    budget: std::time::Duration,
) -> Option<crate::Report> {
    let (tx, rx) = mpsc::sync_channel(1);
    let spawned = std::thread::Builder::new()
        .name("claimlint-budget".into())
        .spawn(move || {
            let checked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                check(&article, &settings)
            }));
            if let Ok(report) = checked {
                let _ = tx.send(report);
            }
        });
    if spawned.is_err() {
        return None;
    }
    rx.recv_timeout(budget).ok()
}

/// Everything one source produced, in order: one entry per article it holds (a multi-article
/// file gives one per record, a bad record an error in its slot), or one error when the file
/// itself could not be read.
pub type SourceResult = Vec<Result<CheckedFile, FileError>>;

/// Where the settings for each checked file come from: one [`Settings`] for every file, or a
/// project configuration resolved per file (nearest `claimlint.toml`, `[[overrides]]` globs).
pub trait SettingsFor: Sync {
    /// The settings that apply to `source`; an error (naming the file) when its configuration
    /// cannot be loaded.
    fn settings_for(&self, source: &Source) -> Result<std::sync::Arc<Settings>, FileError>;
}

impl SettingsFor for Settings {
    fn settings_for(&self, _: &Source) -> Result<std::sync::Arc<Settings>, FileError> {
        Ok(std::sync::Arc::new(self.clone()))
    }
}

/// An article checked in place or shared with a budget thread.
enum ArticleRef {
    Owned(Box<Article>),
    Shared(Arc<Article>),
}

impl ArticleRef {
    fn get(&self) -> &Article {
        match self {
            ArticleRef::Owned(a) => a,
            ArticleRef::Shared(a) => a,
        }
    }
}

/// Where the records of a multi-article file (NDJSON, a JSON array) are checked.
#[derive(Clone, Copy)]
enum Records {
    /// One after another in the calling thread.
    InTurn,
    /// In parallel on the current rayon pool (the caller is one of its workers).
    OnCurrentPool,
    /// In parallel on a pool built for this file only if it holds several records, of this many
    /// threads (`None`: the available cores). A run on one article then starts no threads.
    OnOwnPool(Option<usize>),
}

/// [`check_source`] with a panic anywhere in reading or checking (a claimlint bug) turned into
/// an error for this source, so the run goes on with the other files and never waits on a
/// result that will not come.
fn check_one(
    source: &Source,
    opts: &ReadOptions,
    settings: &dyn SettingsFor,
    records: Records,
) -> SourceResult {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        check_source(source, opts, settings, records)
    }))
    .unwrap_or_else(|_| {
        vec![Err(FileError {
            path: source.display(),
            message: INTERNAL_ERROR.to_string(),
        })]
    })
}

/// The number of worker threads `threads` asks for: at least 1; `None` is the available cores.
fn thread_count(threads: Option<usize>) -> usize {
    threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1)
}

/// Read `source` and check each of its records (see [`Records`] for where).
fn check_source(
    source: &Source,
    opts: &ReadOptions,
    settings: &dyn SettingsFor,
    on: Records,
) -> SourceResult {
    let path = source.display();
    let settings = match settings.settings_for(source) {
        Ok(s) => s,
        Err(e) => return vec![Err(e)],
    };
    let records = match read_source_records_as(source, opts.format, &settings.input) {
        Ok(r) => r,
        Err(e) => return vec![Err(e)],
    };
    let check_record = |r: Result<input::Record, FileError>| {
        let rec = r?;
        let big = rec.article.text.len() >= BUDGET_MIN_BYTES;
        let (report, article) = match opts.budget {
            Some(budget) if big => {
                let article = Arc::new(rec.article);
                let Some(report) =
                    check_within(Arc::clone(&article), Arc::clone(&settings), budget)
                else {
                    return Err(FileError {
                        path: match &rec.name {
                            Some(n) => format!("{path}:{n}"),
                            None => path.clone(),
                        },
                        message: budget_message(budget),
                    });
                };
                (report, ArticleRef::Shared(article))
            }
            _ => (
                check(&rec.article, &settings),
                ArticleRef::Owned(Box::new(rec.article)),
            ),
        };
        let article = article.get();
        Ok(CheckedFile {
            path: path.clone(),
            text: article.file_text(),
            record: rec.name,
            report,
            transcoding: article.transcoding.clone(),
            record_view: crate::report::RecordView::of(article),
        })
    };
    use rayon::prelude::*;
    match on {
        Records::OnCurrentPool if records.len() > 1 => {
            records.into_par_iter().map(check_record).collect()
        }
        Records::OnOwnPool(threads) if records.len() > 1 => {
            let pool = match thread_count(threads) {
                1 => None,
                n => rayon::ThreadPoolBuilder::new()
                    .num_threads(n)
                    .thread_name(|i| format!("claimlint-{i}"))
                    .build()
                    .ok(),
            };
            match pool {
                Some(pool) => pool.install(|| records.into_par_iter().map(check_record).collect()),
                None => records.into_iter().map(check_record).collect(),
            }
        }
        _ => records.into_iter().map(check_record).collect(),
    }
}

/// Check every source with up to `threads` worker threads (at least 1; `None`: the available
/// cores), each with the settings `settings` gives for it, calling `sink` once per source **in
/// input order** as soon as that source and every one before it are done. At most a few chunks
/// (of up to 16 consecutive sources) per thread are held waiting for an earlier one (a bounded
/// reorder window), so memory does not grow with the number of files. The order of `sink`
/// calls, and so the output, is the same for any `threads`. One source is checked in the
/// calling thread (its records, if several, on a pool of `threads`), so a run on one article
/// starts no threads.
pub fn check_sources_streaming(
    sources: &[Source],
    opts: &ReadOptions,
    settings: &dyn SettingsFor,
    threads: Option<usize>,
    sink: &mut dyn FnMut(&Source, SourceResult),
) {
    if let [one] = sources {
        sink(
            one,
            check_one(one, opts, settings, Records::OnOwnPool(threads)),
        );
        return;
    }
    let threads = thread_count(threads);
    if threads == 1 {
        // One thread: check in the calling thread, with no pool and no hand-off per file
        // (a wake-up and a context switch per file were a tenth of a one-thread run).
        for s in sources {
            sink(s, check_one(s, opts, settings, Records::InTurn));
        }
        return;
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("claimlint-{i}"))
        .build();
    let Ok(pool) = pool else {
        // No threads to be had: check in the calling thread, same order.
        for s in sources {
            sink(s, check_one(s, opts, settings, Records::InTurn));
        }
        return;
    };
    // Sources go to the workers in chunks of consecutive files, one message back per chunk:
    // a hand-off (a wake-up of this thread) per file cost a sixth of the CPU of a run of small
    // files. Chunks stay small enough that every thread gets many of them.
    let chunk = (sources.len() / (threads * 64)).clamp(1, 16);
    let chunks: Vec<&[Source]> = sources.chunks(chunk).collect();
    let window = threads * 8;
    let (tx, rx) = mpsc::channel::<(usize, Vec<SourceResult>)>();
    pool.in_place_scope(|scope| {
        let mut next = 0;
        let mut emitted = 0;
        let mut waiting: BTreeMap<usize, Vec<SourceResult>> = BTreeMap::new();
        while emitted < chunks.len() {
            while next < emitted + window {
                let Some(&part) = chunks.get(next) else {
                    break;
                };
                let (i, tx) = (next, tx.clone());
                scope.spawn(move |_| {
                    let results = part
                        .iter()
                        .map(|src| check_one(src, opts, settings, Records::OnCurrentPool))
                        .collect();
                    let _ = tx.send((i, results));
                });
                next += 1;
            }
            let Ok((i, r)) = rx.recv() else { break };
            waiting.insert(i, r);
            while let Some(results) = waiting.remove(&emitted) {
                let Some(&part) = chunks.get(emitted) else {
                    break;
                };
                for (src, r) in part.iter().zip(results) {
                    sink(src, r);
                }
                emitted += 1;
            }
        }
    });
}

/// Check every source with up to `threads` worker threads (at least 1), each with the settings
/// `settings` gives for it. Results keep input order; unreadable files go to [`Run::errors`]
/// and the rest are still checked. Holds every article's text: for large inputs use
/// [`check_sources_streaming`].
pub fn check_sources(sources: &[Source], settings: &dyn SettingsFor, threads: usize) -> Run {
    let mut run = Run::default();
    check_sources_streaming(
        sources,
        &ReadOptions::default(),
        settings,
        Some(threads),
        &mut |_, results| {
            for r in results {
                match r {
                    Ok(f) => run.files.push(f),
                    Err(e) => run.errors.push(e),
                }
            }
        },
    );
    run
}

/// A text shared by checked files whose text is no longer needed (see [`CheckedFile::text`]).
pub fn empty_text() -> Arc<str> {
    static EMPTY: std::sync::OnceLock<Arc<str>> = std::sync::OnceLock::new();
    EMPTY.get_or_init(|| Arc::from("")).clone()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("claimlint-runner-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        dir
    }

    #[test]
    fn the_sink_sees_sources_in_input_order_for_any_thread_count() {
        let dir = temp("order");
        let mut sources = Vec::new();
        for i in 0..40 {
            // Long and short articles mixed, so that workers finish out of order; every fifth
            // path is missing (an error in its place).
            let p = dir.join(format!("{i:02}.txt"));
            if i % 5 != 4 {
                let para = "The summit in Tirana opened on Monday with talks on trade.\n";
                std::fs::write(&p, para.repeat(1 + (40 - i) * 20)).expect("write");
            }
            sources.push(Source::File(p));
        }
        for threads in [1, 2, 7] {
            let mut seen = Vec::new();
            check_sources_streaming(
                &sources,
                &ReadOptions::default(),
                &Settings::default(),
                Some(threads),
                &mut |s, results| {
                    assert_eq!(results.len(), 1);
                    let ok = results[0].is_ok();
                    seen.push((s.display(), ok));
                },
            );
            let want: Vec<(String, bool)> = sources
                .iter()
                .enumerate()
                .map(|(i, s)| (s.display(), i % 5 != 4))
                .collect();
            assert_eq!(seen, want, "threads = {threads}");
        }
        let run = check_sources(&sources, &Settings::default(), 3);
        assert_eq!(run.files.len(), 32);
        assert_eq!(run.errors.len(), 8);
        assert_eq!(run.errors[0].path, dir.join("04.txt").display().to_string());
        assert_eq!(run.errors[0].message, "no such file");
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn article_extensions_and_skipped_names() {
        for name in [
            "a.txt",
            "b.MD",
            "c.markdown",
            "d.html",
            "e.HTM",
            "f.json",
            "g.ndjson",
            "h.jsonl",
        ] {
            assert!(is_article_file(name), "{name}");
        }
        for name in [
            "README.md",
            "license.txt",
            "NOTICE.markdown",
            "x.csv",
            "noext",
            "y.tsv",
        ] {
            assert!(!is_article_file(name), "{name}");
        }
    }

    #[test]
    fn bad_globs_are_errors_naming_them() {
        let dir = temp("globs");
        let opts = WalkOptions {
            globs: vec![],
            excludes: vec!["a/[".into()],
        };
        let err = expand_with(std::slice::from_ref(&dir), &opts).expect_err("bad glob");
        assert!(
            err.starts_with("--exclude 'a/[' is not a valid glob"),
            "{err}"
        );
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn one_multi_record_file_gives_its_records_in_order_for_any_thread_count() {
        let dir = temp("records");
        let p = dir.join("wire.ndjson");
        let mut lines = String::new();
        for i in 0..9 {
            let body = "The summit in Tirana opened on Monday. ".repeat(1 + (9 - i) * 30);
            lines.push_str(&format!(
                "{{\"id\":\"r{i}\",\"headline\":\"Summit {i}\",\"body\":\"{body}\"}}\n"
            ));
        }
        std::fs::write(&p, lines).expect("write");
        let sources = [Source::File(p)];
        let mut want: Option<Vec<Option<String>>> = None;
        for threads in [None, Some(1), Some(2), Some(5)] {
            let mut seen = Vec::new();
            check_sources_streaming(
                &sources,
                &ReadOptions::default(),
                &Settings::default(),
                threads,
                &mut |_, results| {
                    for r in results {
                        seen.push(r.expect("record checked").record);
                    }
                },
            );
            assert_eq!(seen.len(), 9, "threads = {threads:?}");
            assert_eq!(
                seen[0].as_deref(),
                Some("id \"r0\""),
                "threads = {threads:?}"
            );
            assert_eq!(
                seen[8].as_deref(),
                Some("id \"r8\""),
                "threads = {threads:?}"
            );
            match &want {
                None => want = Some(seen),
                Some(w) => assert_eq!(&seen, w, "threads = {threads:?}"),
            }
        }
        std::fs::remove_dir_all(&dir).ok();
    }
}
