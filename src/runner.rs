//! File-level driver: expand paths, read files, check them in parallel, keep input order.
//!
//! This is the only library module that touches the file system.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

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
}

impl Source {
    /// The name shown in output.
    pub fn display(&self) -> String {
        match self {
            Source::File(p) => p.display().to_string(),
            Source::Stdin => "<stdin>".to_string(),
        }
    }
}

/// Expand command-line paths: `-` is stdin; a file is always taken whatever its extension; a
/// folder contributes its `*.txt` and `*.md` files, recursively, sorted by path, skipping hidden
/// entries and README/LICENSE/NOTICE files. A path that does not exist is returned as a file so
/// that reading it reports the error. Duplicates are dropped.
/// Folders in which no article was found are returned in the second list, so that a gate
/// pointed at the wrong folder can fail instead of passing on nothing.
pub fn expand(paths: &[PathBuf]) -> (Vec<Source>, Vec<PathBuf>) {
    let mut out = Vec::new();
    let mut empty = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            out.push(Source::Stdin);
        } else if p.is_dir() {
            let mut found = Vec::new();
            walk(p, &mut found);
            if found.is_empty() {
                empty.push(p.clone());
            }
            found.sort();
            out.extend(found.into_iter().map(Source::File));
        } else {
            out.push(Source::File(p.clone()));
        }
    }
    let mut seen = std::collections::HashSet::new();
    out.retain(|s| seen.insert(s.clone()));
    (out, empty)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name();
        let name = name.to_string_lossy();
        if name.starts_with('.') {
            continue;
        }
        let path = e.path();
        let Ok(ft) = e.file_type() else { continue };
        if ft.is_dir() {
            walk(&path, out);
        } else if is_article_file(&name) {
            out.push(path);
        }
    }
}

fn is_article_file(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    let (stem, ext) = lower.rsplit_once('.').unwrap_or((&lower, ""));
    matches!(ext, "txt" | "md") && !matches!(stem, "readme" | "license" | "licence" | "notice")
}

fn read(source: &Source) -> Result<Vec<u8>, String> {
    match source {
        Source::Stdin => {
            let mut buf = Vec::new();
            std::io::stdin()
                .read_to_end(&mut buf)
                .map_err(|e| format!("cannot read standard input: {e}"))?;
            Ok(buf)
        }
        Source::File(p) => std::fs::read(p).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => "no such file".to_string(),
            std::io::ErrorKind::IsADirectory => "is a directory".to_string(),
            _ => e.to_string(),
        }),
    }
}

/// The format of `source`: from its extension ([`input::Format::from_path`]); standard input
/// is plain text.
pub fn format_of(source: &Source) -> input::Format {
    match source {
        Source::File(p) => input::Format::from_path(p),
        Source::Stdin => input::Format::Plain,
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
    let path = source.display();
    let bytes = read(source).map_err(|message| FileError {
        path: path.clone(),
        message,
    })?;
    let records = input::read_records(
        bytes,
        options.format.unwrap_or_else(|| format_of(source)),
        options,
    )
    .map_err(|e| FileError {
        path: path.clone(),
        message: e.to_string(),
    })?;
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

fn check_one(source: &Source, settings: &dyn SettingsFor) -> Vec<Result<CheckedFile, FileError>> {
    let path = source.display();
    let settings = match settings.settings_for(source) {
        Ok(s) => s,
        Err(e) => return vec![Err(e)],
    };
    let records = match read_source_records(source, &settings.input) {
        Ok(r) => r,
        Err(e) => return vec![Err(e)],
    };
    records
        .into_iter()
        .map(|r| {
            r.map(|rec| CheckedFile {
                path: path.clone(),
                text: rec.article.file_text(),
                record: rec.name,
                report: check(&rec.article, &settings),
                transcoding: rec.article.transcoding.clone(),
            })
        })
        .collect()
}

/// Check every source with up to `threads` worker threads (at least 1), each with the settings
/// `settings` gives for it. Results keep input
/// order; unreadable files go to [`Run::errors`] and the rest are still checked.
pub fn check_sources(sources: &[Source], settings: &dyn SettingsFor, threads: usize) -> Run {
    type Slot = Mutex<Option<Vec<Result<CheckedFile, FileError>>>>;
    let results: Vec<Slot> = sources.iter().map(|_| Mutex::new(None)).collect();
    let next = AtomicUsize::new(0);
    let threads = threads.clamp(1, sources.len().max(1));
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(src) = sources.get(i) else { break };
                let r = check_one(src, settings);
                if let Ok(mut slot) = results[i].lock() {
                    *slot = Some(r);
                }
            });
        }
    });
    let mut run = Run::default();
    for slot in results {
        for r in slot.into_inner().ok().flatten().unwrap_or_default() {
            match r {
                Ok(f) => run.files.push(f),
                Err(e) => run.errors.push(e),
            }
        }
    }
    run
}
