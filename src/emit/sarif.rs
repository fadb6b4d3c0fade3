//! `--format sarif`: one SARIF 2.1.0 log with one run, for code-scanning dashboards.
//!
//! - `tool.driver`: name, version, `informationUri` and every rule of the registry (`id`,
//!   `name`, `shortDescription` from the summary, `fullDescription` and `help` from the
//!   explanation, `defaultConfiguration.level`, the category as a tag).
//! - Each result: `ruleId`, `ruleIndex`, `level`, `message` (the diagnostic's message; the help
//!   in `markdown` after it), the primary label in `locations` (its message as the location's
//!   message) and every other label in `relatedLocations` with its message, the rule's
//!   suggested [`Fix`](crate::diagnostic::Fix) in `fixes`, and `partialFingerprints`.
//! - Regions: `startLine`, `startColumn`, `endLine`, `endColumn` (exclusive) in **Unicode code
//!   points** (`columnKind: "unicodeCodePoints"`; a leading byte-order mark is not counted),
//!   plus `byteOffset`/`byteLength` into the file as it is on disk and the spanned `snippet`.
//! - Artifact URIs are relative to the root (`--sarif-root`, default the current directory)
//!   with `uriBaseId: "SRCROOT"`, which `originalUriBaseIds` maps to the root's `file:` URI; a
//!   file outside the root gets an absolute `file:` URI.
//! - `partialFingerprints["claimlint/v1"]` hashes the rule code, the message and the spanned
//!   texts of the labels (no offsets, no line numbers), then `:N` for the N-th identical finding
//!   in the file: it stays put when unrelated text above is edited.
//! - Files that could not be read are `toolExecutionNotifications` of the invocation, which is
//!   then not `executionSuccessful`.

use std::path::{Path, PathBuf};

use serde_json::{json, Value};

use crate::diagnostic::{Diagnostic, Severity};
use crate::emit::{Positions, Run};

/// Where artifact URIs are relative to.
#[derive(Clone, Debug)]
pub struct Options {
    /// `--sarif-root`: the folder URIs are relative to (relative to `cwd` unless absolute).
    pub root: PathBuf,
    /// The current directory: input paths and a relative root are taken relative to it.
    pub cwd: PathBuf,
}

/// The level SARIF uses for `s`.
pub fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    }
}

/// `s` percent-encoded for a URI path: everything but unreserved characters and `/`, so spaces
/// and non-ASCII letters are safe.
pub(crate) fn uri_path(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn file_uri(abs: &str) -> String {
    let abs = if abs.starts_with('/') {
        abs.to_string()
    } else {
        format!("/{abs}")
    };
    format!("file://{}", uri_path(&abs))
}

/// The artifact location of `path` (no `index`).
fn artifact_location(path: &str, opts: &Options) -> Value {
    if path == "<stdin>" {
        return json!({ "uri": uri_path(path) });
    }
    match crate::emit::relative_to(path, &opts.root, &opts.cwd) {
        Some(rel) => json!({ "uri": uri_path(&rel), "uriBaseId": "SRCROOT" }),
        None => json!({ "uri": file_uri(&crate::emit::absolute(path, &opts.cwd)) }),
    }
}

fn region(pos: &Positions<'_>, start: usize, end: usize) -> Value {
    let (s, e) = (pos.at(start), pos.at(end));
    json!({
        "startLine": s.line,
        "startColumn": s.column,
        "endLine": e.line,
        "endColumn": e.column,
        "byteOffset": s.offset,
        "byteLength": e.offset.saturating_sub(s.offset),
        "snippet": { "text": pos.slice(s.offset, e.offset) },
    })
}

fn rules() -> (Vec<Value>, Vec<String>) {
    let mut ids = Vec::new();
    let rules = crate::rules::all()
        .iter()
        .map(|r| {
            let m = r.meta();
            let explanation: &str = &m.explanation;
            let explanation = explanation.trim();
            ids.push(m.code.to_string());
            json!({
                "id": m.code.to_string(),
                "name": m.name.to_string(),
                "shortDescription": { "text": m.summary.to_string() },
                "fullDescription": { "text": explanation, "markdown": explanation },
                "help": { "text": explanation, "markdown": explanation },
                "defaultConfiguration": { "level": level(m.default_severity) },
                "properties": { "tags": [m.category.to_string()] },
            })
        })
        .collect();
    (rules, ids)
}

fn result(
    d: &Diagnostic,
    pos: &Positions<'_>,
    loc: &Value,
    rule_ids: &[String],
    fingerprint: &str,
) -> Value {
    let with_region = |start: usize, end: usize| json!({ "artifactLocation": loc, "region": region(pos, start, end) });
    let code = crate::emit::code(d);
    let mut message = json!({ "text": d.message });
    if let Some(h) = &d.help {
        crate::emit::set(
            &mut message,
            "markdown",
            json!(format!("{}\n\nhelp: {h}", d.message)),
        );
    }
    let mut r = json!({
        "ruleId": code,
        "level": level(d.severity),
        "message": message,
        "locations": d.labels.iter().filter(|l| l.primary).map(|l| json!({
            "physicalLocation": with_region(l.span.start, l.span.end),
            "message": { "text": l.message },
        })).collect::<Vec<_>>(),
        "partialFingerprints": { "claimlint/v1": fingerprint },
    });
    if let Some(i) = rule_ids.iter().position(|id| id == code) {
        crate::emit::set(&mut r, "ruleIndex", json!(i));
    }
    let related: Vec<Value> = d
        .labels
        .iter()
        .filter(|l| !l.primary)
        .enumerate()
        .map(|(i, l)| {
            json!({
                "id": i + 1,
                "physicalLocation": with_region(l.span.start, l.span.end),
                "message": { "text": l.message },
            })
        })
        .collect();
    if !related.is_empty() {
        crate::emit::set(&mut r, "relatedLocations", json!(related));
    }
    if let Some(fix) = &d.fix {
        let fixes = json!([{
            "description": { "text": fix.message },
            "artifactChanges": [{
                "artifactLocation": loc,
                "replacements": fix.edits.iter().map(|e| json!({
                    "deletedRegion": {
                        "byteOffset": e.span.start,
                        "byteLength": e.span.len(),
                    },
                    "insertedContent": { "text": e.replacement },
                })).collect::<Vec<_>>(),
            }],
            "properties": { "applicability": fix.applicability },
        }]);
        crate::emit::set(&mut r, "fixes", fixes);
    }
    r
}

/// Render `run` as a pretty-printed SARIF 2.1.0 log (with a trailing newline).
pub fn render(run: &Run, opts: &Options) -> String {
    let (rules, rule_ids) = rules();
    let mut artifacts = Vec::new();
    let mut results = Vec::new();
    let mut seen: Vec<(&str, usize)> = Vec::new();
    for f in &run.files {
        let mut loc = artifact_location(&f.path, opts);
        // The records of one JSON / NDJSON file share its artifact.
        if let Some(&(_, i)) = seen.iter().find(|(p, _)| *p == f.path) {
            crate::emit::set(&mut loc, "index", json!(i));
            let pos = Positions::for_file(f);
            let prints = crate::emit::fingerprints(f);
            for (d, print) in f.report.diagnostics.iter().zip(&prints) {
                let mut r = result(d, &pos, &loc, &rule_ids, print);
                crate::emit::set(&mut r, "properties", json!({ "record": f.record }));
                results.push(r);
            }
            continue;
        }
        seen.push((&f.path, artifacts.len()));
        crate::emit::set(&mut loc, "index", json!(artifacts.len()));
        artifacts.push(json!({
            "location": artifact_location(&f.path, opts),
            "length": f.text.len(),
            "mimeType": mime_type(&f.path),
            "encoding": "UTF-8",
        }));
        let pos = Positions::for_file(f);
        let prints = crate::emit::fingerprints(f);
        for (d, print) in f.report.diagnostics.iter().zip(&prints) {
            let mut r = result(d, &pos, &loc, &rule_ids, print);
            if let Some(rec) = &f.record {
                crate::emit::set(&mut r, "properties", json!({ "record": rec }));
            }
            results.push(r);
        }
    }
    let notifications: Vec<Value> = run
        .errors
        .iter()
        .map(|e| {
            json!({
                "level": "error",
                "message": { "text": format!("{}: {}", e.path, e.message) },
                "locations": [{ "physicalLocation": { "artifactLocation": artifact_location(&e.path, opts) } }],
            })
        })
        .collect();
    let root = crate::emit::absolute(&opts.root.to_string_lossy(), &opts.cwd);
    let mut root_uri = file_uri(&root);
    if !root_uri.ends_with('/') {
        root_uri.push('/');
    }
    let doc = json!({
        "$schema": "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "claimlint",
                "version": env!("CARGO_PKG_VERSION"),
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "informationUri": crate::emit::INFORMATION_URI,
                "rules": rules,
            }},
            "invocations": [{
                "executionSuccessful": run.errors.is_empty(),
                "toolExecutionNotifications": notifications,
            }],
            "originalUriBaseIds": { "SRCROOT": { "uri": root_uri } },
            "artifacts": artifacts,
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    let mut s = serde_json::to_string_pretty(&doc).unwrap_or_else(|e| {
        json!({ "version": "2.1.0", "runs": [], "error": e.to_string() }).to_string()
    });
    s.push('\n');
    s
}

/// The artifact's MIME type from its extension.
fn mime_type(path: &str) -> &'static str {
    match crate::input::Format::from_path(Path::new(path)) {
        crate::input::Format::Markdown => "text/markdown",
        crate::input::Format::Html => "text/html",
        crate::input::Format::Json => "application/json",
        crate::input::Format::Ndjson => "application/x-ndjson",
        crate::input::Format::Plain => "text/plain",
    }
}

/// The default [`Options`]: URIs relative to the current directory.
pub fn options_for(root: Option<&Path>) -> Options {
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("/"));
    Options {
        root: root.map_or_else(|| cwd.clone(), Path::to_path_buf),
        cwd,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_encode_spaces_and_non_ascii() {
        assert_eq!(uri_path("a b/Zürich%.txt"), "a%20b/Z%C3%BCrich%25.txt");
        assert_eq!(file_uri("/w/x y"), "file:///w/x%20y");
    }
}
