//! Baselines: record the findings an archive has today, then report only new ones.
//!
//! A finding is identified by a [`Fingerprint`]: its rule code, the kind of segment its primary
//! label lies in, and the texts of its labels, never byte offsets, so that editing another
//! paragraph does not make an old finding new. Identical fingerprints in one file are counted:
//! a second identical finding is new.
//!
//! The file is JSON, deterministic (entries sorted; the same findings give the same bytes):
//!
//! ```json
//! {
//!   "version": 1,
//!   "findings": [
//!     { "path": "news/a.txt", "code": "L001", "segment": "headline",
//!       "texts": ["Albania", "Kyiv"], "count": 1 }
//!   ]
//! }
//! ```
//!
//! Paths are relative to the baseline file's folder, with `/` separators. No file-system
//! access here: the binary reads and writes the file (atomically).

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::article::{Article, SegmentKind};
use crate::data_error::DataFileError;
use crate::diagnostic::Diagnostic;

/// The baseline format's version.
pub const VERSION: u32 = 1;

/// What identifies a finding across edits elsewhere in its file.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Fingerprint {
    /// The rule code.
    pub code: String,
    /// The kind of segment holding the primary label, kebab-case as in JSON output
    /// (`headline`, `paragraph`, ...; `None`: outside every segment).
    pub segment: Option<String>,
    /// The text of each label, in label order.
    pub texts: Vec<String>,
}

/// The fingerprint of `d`, a finding in `article`.
pub fn fingerprint(article: &Article, d: &Diagnostic) -> Fingerprint {
    let primary = d.labels.iter().find(|l| l.primary).or(d.labels.first());
    Fingerprint {
        code: d.code.to_string(),
        segment: primary
            .and_then(|l| article.segment_kind(l.span))
            .map(segment_name),
        texts: d
            .labels
            .iter()
            .map(|l| article.slice(l.span).to_string())
            .collect(),
    }
}

fn segment_name(kind: SegmentKind) -> String {
    match kind {
        SegmentKind::DateLine => "date-line",
        SegmentKind::Headline => "headline",
        SegmentKind::Dateline => "dateline",
        SegmentKind::Paragraph => "paragraph",
    }
    .to_string()
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    path: String,
    code: String,
    segment: Option<String>,
    texts: Vec<String>,
    count: usize,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    version: u32,
    findings: Vec<Entry>,
}

/// Recorded findings: (path relative to the baseline's folder, fingerprint) to how many.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Baseline {
    counts: BTreeMap<(String, Fingerprint), usize>,
}

impl Baseline {
    /// An empty baseline.
    pub fn new() -> Self {
        Self::default()
    }

    /// Record one finding of the file at `path` (relative to the baseline's folder).
    pub fn record(&mut self, path: &str, fp: Fingerprint) {
        *self.counts.entry((path.to_string(), fp)).or_insert(0) += 1;
    }

    /// The number of distinct fingerprints.
    pub fn len(&self) -> usize {
        self.counts.len()
    }

    /// True when nothing is recorded.
    pub fn is_empty(&self) -> bool {
        self.counts.is_empty()
    }

    /// The JSON document (pretty-printed, sorted by path, code, segment, texts; ends with a
    /// newline).
    pub fn to_json(&self) -> String {
        let file = File {
            version: VERSION,
            findings: self
                .counts
                .iter()
                .map(|((path, fp), &count)| Entry {
                    path: path.clone(),
                    code: fp.code.clone(),
                    segment: fp.segment.clone(),
                    texts: fp.texts.clone(),
                    count,
                })
                .collect(),
        };
        let mut s = serde_json::to_string_pretty(&file).unwrap_or_default();
        s.push('\n');
        s
    }

    /// Parse a baseline file's `text` (`path` names it in errors). Errors: not JSON of this
    /// shape (with line and column), or another version.
    pub fn parse(path: &str, text: &str) -> Result<Baseline, DataFileError> {
        let shared: Arc<str> = Arc::from(text);
        let file: File = serde_json::from_str(text).map_err(|e| {
            let offset = offset_of(text, e.line(), e.column());
            DataFileError::at(
                path,
                Arc::clone(&shared),
                crate::source::Span::new(offset, offset),
                format!("not a claimlint baseline: {e}"),
            )
        })?;
        if file.version != VERSION {
            return Err(DataFileError::whole_file(
                path,
                format!(
                    "baseline version {} is not supported (this claimlint writes version {VERSION})",
                    file.version
                ),
            )
            .with_help("write it again with --write-baseline"));
        }
        let mut b = Baseline::new();
        for e in file.findings {
            let key = (
                e.path,
                Fingerprint {
                    code: e.code,
                    segment: e.segment,
                    texts: e.texts,
                },
            );
            *b.counts.entry(key).or_insert(0) += e.count;
        }
        Ok(b)
    }

    /// Keep the findings of the file at `path` that the baseline does not hold: for each
    /// fingerprint recorded `n` times, its first `n` findings (in order) are dropped.
    pub fn filter(&self, path: &str, findings: Vec<(Fingerprint, Diagnostic)>) -> Vec<Diagnostic> {
        let mut left: BTreeMap<&Fingerprint, usize> = BTreeMap::new();
        let mut out = Vec::new();
        for (fp, d) in &findings {
            let seen = left.entry(fp).or_insert(0);
            let allowed = self
                .counts
                .get(&(path.to_string(), fp.clone()))
                .copied()
                .unwrap_or(0);
            if *seen < allowed {
                *seen += 1;
            } else {
                out.push(d.clone());
            }
        }
        out
    }
}

/// The byte offset of 1-based `line` and byte `column` (as serde_json counts them), clamped to
/// the text and moved back to a char boundary.
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let mut at = (start + column.saturating_sub(1)).min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// `path` relative to folder `base`, both absolute and normalised (no `.`/`..`), written with
/// `/` (`../other/a.txt` when `path` is outside `base`).
pub fn relative_to(base: &Path, path: &Path) -> String {
    let b: Vec<Component> = base.components().collect();
    let p: Vec<Component> = path.components().collect();
    let common = b.iter().zip(&p).take_while(|(x, y)| x == y).count();
    let mut out = PathBuf::new();
    for _ in common..b.len() {
        out.push("..");
    }
    for c in p.get(common..).unwrap_or_default() {
        out.push(c.as_os_str());
    }
    out.to_string_lossy().replace('\\', "/")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Settings;

    fn findings(text: &str) -> (Article, Vec<Diagnostic>) {
        let article = crate::input::plain::parse(Arc::from(text));
        let d = crate::check(&article, &Settings::default()).diagnostics;
        (article, d)
    }

    fn baseline_of(path: &str, text: &str) -> Baseline {
        let (a, ds) = findings(text);
        let mut b = Baseline::new();
        for d in &ds {
            b.record(path, fingerprint(&a, d));
        }
        b
    }

    fn new_findings(b: &Baseline, path: &str, text: &str) -> Vec<Diagnostic> {
        let (a, ds) = findings(text);
        let fps = ds.into_iter().map(|d| (fingerprint(&a, &d), d)).collect();
        b.filter(path, fps)
    }

    const ARTICLE: &str = include_str!("../fixtures/balkan-summit.txt");

    #[test]
    fn round_trip_survives_unrelated_edits_and_reports_only_new() {
        let (_, ds) = findings(ARTICLE);
        let codes: Vec<&str> = ds.iter().map(|d| d.code.as_ref()).collect();
        assert_eq!(codes, vec!["P001", "L001"]);
        let b = baseline_of("news/a.txt", ARTICLE);
        let json = b.to_json();
        let parsed = Baseline::parse("baseline.json", &json).expect("parses");
        assert_eq!(parsed, b);
        // Same article: nothing new.
        assert!(new_findings(&parsed, "news/a.txt", ARTICLE).is_empty());
        // An unrelated paragraph edited (offsets of nothing before it change, but add one
        // before the finding too): still nothing new.
        // An unrelated paragraph edited (every later offset moves): nothing new.
        let edited = ARTICLE.replace(
            "The concept of joint arms production involves",
            "The concept of joint arms production, experts say, involves",
        );
        assert_ne!(edited, ARTICLE);
        assert!(new_findings(&parsed, "news/a.txt", &edited).is_empty());
        // A new contradiction: only it is reported.
        let worse = edited.replace(
            "This approach also fosters",
            "The pact was signed on February 30, 2024. This approach also fosters",
        );
        let new = new_findings(&parsed, "news/a.txt", &worse);
        let codes: Vec<&str> = new.iter().map(|d| d.code.as_ref()).collect();
        assert_eq!(codes, vec!["D002"]);
        // Another file's baseline does not cover this one.
        assert_eq!(
            new_findings(&parsed, "news/b.txt", ARTICLE).len(),
            findings(ARTICLE).1.len()
        );
        // Rewriting gives the same bytes.
        assert_eq!(baseline_of("news/a.txt", &edited).to_json(), json);
    }

    #[test]
    fn json_is_sorted_and_versioned() {
        let mut b = Baseline::new();
        let fp = |code: &str, t: &str| Fingerprint {
            code: code.into(),
            segment: Some("paragraph".into()),
            texts: vec![t.into()],
        };
        b.record("b.txt", fp("L001", "Kyiv"));
        b.record("a.txt", fp("P001", "Regan"));
        b.record("a.txt", fp("P001", "Regan"));
        assert_eq!(
            b.to_json(),
            "{\n  \"version\": 1,\n  \"findings\": [\n    {\n      \"path\": \"a.txt\",\n      \
             \"code\": \"P001\",\n      \"segment\": \"paragraph\",\n      \"texts\": [\n        \
             \"Regan\"\n      ],\n      \"count\": 2\n    },\n    {\n      \"path\": \"b.txt\",\n      \
             \"code\": \"L001\",\n      \"segment\": \"paragraph\",\n      \"texts\": [\n        \
             \"Kyiv\"\n      ],\n      \"count\": 1\n    }\n  ]\n}\n"
        );
    }

    #[test]
    fn a_second_identical_finding_is_new() {
        let fp = Fingerprint {
            code: "P001".into(),
            segment: None,
            texts: vec!["Regan".into()],
        };
        let mut b = Baseline::new();
        b.record("a.txt", fp.clone());
        let d = |m: &str| Diagnostic {
            code: "P001".into(),
            rule: "name-variant".into(),
            severity: crate::Severity::Warning,
            message: m.into(),
            help: None,
            labels: vec![],
            fix: None,
        };
        let out = b.filter("a.txt", vec![(fp.clone(), d("first")), (fp, d("second"))]);
        let msgs: Vec<&str> = out.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(msgs, vec!["second"]);
    }

    #[test]
    fn bad_files_are_errors_with_places() {
        let e = Baseline::parse("b.json", "{\n  \"version\": 1,\n  \"findings\": 3\n}")
            .expect_err("wrong shape");
        assert_eq!(e.line_column(), Some((3, 15)));
        assert!(
            e.message
                .starts_with("not a claimlint baseline: invalid type: integer `3`"),
            "{}",
            e.message
        );
        let e =
            Baseline::parse("b.json", "{\"version\": 9, \"findings\": []}").expect_err("version");
        assert_eq!(
            e.to_string(),
            "b.json: baseline version 9 is not supported (this claimlint writes version 1) \
             (write it again with --write-baseline)"
        );
    }

    #[test]
    fn relative_paths() {
        assert_eq!(
            relative_to(Path::new("/w/p"), Path::new("/w/p/news/a.txt")),
            "news/a.txt"
        );
        assert_eq!(
            relative_to(Path::new("/w/p/ci"), Path::new("/w/p/news/a.txt")),
            "../news/a.txt"
        );
    }
}
