//! Emitters: one file per output format, all reading the same [`Run`].
//!
//! | format | file | for |
//! |---|---|---|
//! | `human` | [`human`] | people: miette snippets, then a summary line |
//! | `concise` | [`concise`] | grep and editors: `path:line:col: severity[CODE] message` |
//! | `json` | [`json`] | scripts: one versioned document |
//! | `jsonl` | [`jsonl`] | streams: one diagnostic per line |
//! | `sarif` | [`sarif`] | code scanning (SARIF 2.1.0) |
//! | `github` | [`github`] | GitHub Actions workflow commands |
//! | `gitlab` | [`gitlab`] | GitLab Code Quality |
//! | `rdjson` | [`rdjson`] | reviewdog Diagnostic Format |
//! | `junit` | [`junit`] | test-report viewers (JUnit XML) |
//! | `checkstyle` | [`checkstyle`] | Checkstyle XML consumers |
//!
//! Every format except `human` writes only its document; [`summary`] and [`statistics`] are for
//! the caller to print elsewhere. Positions come from [`Positions`], which knows each format's
//! column unit.

pub mod checkstyle;
pub mod claims;
pub mod concise;
pub mod github;
pub mod gitlab;
pub mod human;
pub mod json;
pub mod jsonl;
pub mod junit;
pub mod rdjson;
pub mod sarif;

use std::path::Path;

pub use crate::report::{CheckedFile, FileError, Run};

use crate::diagnostic::Diagnostic;
use crate::source::LineIndex;

/// Where to read more about claimlint: the package's `repository` when Cargo.toml names one,
/// else its crates.io page.
pub const INFORMATION_URI: &str = {
    let repo = env!("CARGO_PKG_REPOSITORY");
    if repo.is_empty() {
        "https://crates.io/crates/claimlint"
    } else {
        repo
    }
};

/// One position in a file, in every unit a format may want. Lines and columns are 1-based.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pos {
    /// Byte offset into the file (0-based, a leading byte-order mark included).
    pub offset: usize,
    /// 1-based line.
    pub line: usize,
    /// 1-based column in Unicode code points (a leading byte-order mark not counted).
    pub column: usize,
    /// 1-based column in UTF-8 bytes (a leading byte-order mark not counted).
    pub byte_column: usize,
}

/// The line index of `text`, shared with the previous call on this thread when it was for the
/// same text: the records of one NDJSON or JSON file share the file's text, so a file of many
/// records is indexed once instead of once per record (linear, not quadratic). The last text
/// is kept with its index so that it cannot be freed and its address reused.
pub(crate) fn shared_line_index(text: &std::sync::Arc<str>) -> std::sync::Arc<LineIndex> {
    use std::cell::RefCell;
    use std::sync::Arc;
    thread_local! {
        static LAST: RefCell<Option<(Arc<str>, Arc<LineIndex>)>> = const { RefCell::new(None) };
    }
    LAST.with(|last| {
        let mut last = last.borrow_mut();
        match last.as_ref() {
            Some((t, index)) if Arc::ptr_eq(t, text) => index.clone(),
            _ => {
                let index = Arc::new(LineIndex::new(text));
                *last = Some((text.clone(), index.clone()));
                index
            }
        }
    })
}

/// Byte offsets of one file turned into [`Pos`]itions.
pub struct Positions<'a> {
    text: &'a str,
    index: std::sync::Arc<LineIndex>,
    /// Disk offset → offset in `text`, for a decoded file.
    to_text: Option<&'a crate::source::OffsetMap>,
}

impl<'a> Positions<'a> {
    /// Index `text`.
    pub fn new(text: &'a str) -> Self {
        Positions {
            text,
            index: std::sync::Arc::new(LineIndex::new(text)),
            to_text: None,
        }
    }

    /// Index the text of `file`: offsets are byte offsets into the file on disk, also for a
    /// file decoded from another encoding (lines, columns and slices then come from the
    /// decoded text through [`crate::source::Transcoding::to_text`]).
    ///
    /// The records of one NDJSON or JSON file share one line index (`shared_line_index`).
    pub fn for_file(file: &'a CheckedFile) -> Self {
        let index = shared_line_index(&file.text);
        Positions {
            text: &file.text,
            index,
            to_text: file.transcoding.as_deref().map(|t| &t.to_text),
        }
    }

    /// Index `text`, with offsets mapped through `to_text` (byte offset on disk → byte offset
    /// in `text`) when it is given (a decoded file's [`crate::source::Transcoding::to_text`]).
    pub fn with_map(text: &'a str, to_text: Option<&'a crate::source::OffsetMap>) -> Self {
        Positions {
            to_text,
            ..Positions::new(text)
        }
    }

    /// The position of byte `offset` (clamped to the text, moved back to a character start).
    pub fn at(&self, offset: usize) -> Pos {
        match self.to_text {
            Some(map) => Pos {
                offset,
                ..self.at_text(map.start(offset))
            },
            None => self.at_text(offset),
        }
    }

    /// The position of byte `offset` of the (decoded) text.
    fn at_text(&self, offset: usize) -> Pos {
        let text = self.text;
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let (line, column) = self.index.position(text, offset);
        let mut start = self.index.line_start(offset);
        if start == 0 && text.starts_with('\u{feff}') {
            start = offset.min(3);
        }
        Pos {
            offset,
            line,
            column,
            byte_column: offset - start + 1,
        }
    }

    /// The text of `start..end`, or `""` when that is not a valid range of the text.
    pub fn slice(&self, start: usize, end: usize) -> &'a str {
        let (start, end) = match self.to_text {
            Some(m) => {
                let s = m.span(crate::source::Span::new(start, end));
                (s.start, s.end)
            }
            None => (start, end),
        };
        self.text.get(start..end).unwrap_or("")
    }
}

/// `message` prefixed by `[record] ` for a record of a JSON or NDJSON file (the formats that
/// name only the file show the record this way); unchanged otherwise.
pub(crate) fn with_record(f: &CheckedFile, message: &str) -> String {
    match &f.record {
        Some(r) => format!("[{r}] {message}"),
        None => message.to_string(),
    }
}

/// The summary line: `N files checked: E errors, W warnings, N notes[; U files could not be
/// read]`, with a trailing newline.
pub fn summary(run: &Run) -> String {
    let (e, w, n) = run.counts();
    let checked = run.files.len();
    let unreadable = if run.errors.is_empty() {
        String::new()
    } else {
        format!(
            "; {} file{} could not be read",
            run.errors.len(),
            plural(run.errors.len())
        )
    };
    format!(
        "{checked} file{} checked: {e} error{}, {w} warning{}, {n} note{}{unreadable}\n",
        plural(checked),
        plural(e),
        plural(w),
        plural(n),
    )
}

/// `--statistics`: one line per rule that fired, `count  CODE  name`, most frequent first (ties
/// in code order). Empty when nothing fired.
pub fn statistics(run: &Run) -> String {
    let mut counts: Vec<(String, String, usize)> = Vec::new();
    for d in run.files.iter().flat_map(|f| &f.report.diagnostics) {
        let code = code(d);
        match counts.iter_mut().find(|(c, _, _)| c == code) {
            Some(entry) => entry.2 += 1,
            None => counts.push((code.to_string(), rule(d).to_string(), 1)),
        }
    }
    counts.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.0.cmp(&b.0)));
    let width = counts
        .iter()
        .map(|c| c.2.to_string().len())
        .max()
        .unwrap_or(1);
    let mut out = String::new();
    for (code, name, n) in &counts {
        out.push_str(&format!("{n:>width$}  {code}  {name}\n"));
    }
    out
}

/// `"s"` unless `n` is 1.
pub(crate) fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// The rule code of `d` as `&str` (the one place that knows how [`Diagnostic::code`] is stored).
pub(crate) fn code(d: &Diagnostic) -> &str {
    &d.code
}

/// The rule name of `d` as `&str`.
pub(crate) fn rule(d: &Diagnostic) -> &str {
    &d.rule
}

/// The primary label of `d` (the first label if, against the invariant, none is primary).
pub(crate) fn primary(d: &Diagnostic) -> Option<&crate::diagnostic::Label> {
    d.labels.iter().find(|l| l.primary).or(d.labels.first())
}

/// `path` as a `/`-separated path relative to `root`, both taken relative to `cwd` when they are
/// not absolute and normalised lexically (`.` and `..` resolved, no file-system access). `None`
/// when `path` is not below `root`.
pub(crate) fn relative_to(path: &str, root: &Path, cwd: &Path) -> Option<String> {
    let abs = crate::config::resolve::absolute(cwd, Path::new(path));
    let root = crate::config::resolve::absolute(cwd, root);
    let rel = abs.strip_prefix(&root).ok()?;
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.is_empty() {
        return None;
    }
    Some(parts.join("/"))
}

/// `path` joined to `cwd` and normalised lexically, as a `/`-separated string.
pub(crate) fn absolute(path: &str, cwd: &Path) -> String {
    crate::config::resolve::absolute(cwd, Path::new(path))
        .to_string_lossy()
        .replace('\\', "/")
}

/// FNV-1a, 64 bits: a hash that is the same on every platform and Rust version (std's hasher
/// promises neither), for fingerprints that must not change between runs.
pub(crate) fn fnv1a(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for b in part.bytes().chain(std::iter::once(0x1f)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// A fingerprint of `d` that survives unrelated edits: the rule code, the spanned texts of its
/// labels (whitespace collapsed) and its message, but no offsets or line numbers.
pub(crate) fn fingerprint(text: &str, d: &Diagnostic) -> u64 {
    let mut parts: Vec<String> = vec![code(d).to_string(), d.message.clone()];
    let mut labels: Vec<&crate::diagnostic::Label> = d.labels.iter().collect();
    labels.sort_by_key(|l| !l.primary);
    for l in labels {
        let spanned = text.get(l.span.start..l.span.end).unwrap_or("");
        parts.push(spanned.split_whitespace().collect::<Vec<_>>().join(" "));
    }
    let refs: Vec<&str> = parts.iter().map(String::as_str).collect();
    fnv1a(&refs)
}

/// Fingerprints for every diagnostic of a file: [`fingerprint`] in hex, then `:N` counting
/// identical ones in document order (as GitHub's `primaryLocationLineHash` does), so two equal
/// findings in one file stay distinct.
pub(crate) fn fingerprints(f: &CheckedFile) -> Vec<String> {
    let mut seen: Vec<u64> = Vec::new();
    f.report
        .diagnostics
        .iter()
        .map(|d| {
            // The records of one JSON / NDJSON file share its path: the record keeps their
            // fingerprints apart.
            let h = match &f.record {
                Some(r) => fingerprint(&f.text, d) ^ fnv1a(&["record", r]),
                None => fingerprint(&f.text, d),
            };
            let n = seen.iter().filter(|&&x| x == h).count() + 1;
            seen.push(h);
            format!("{h:016x}:{n}")
        })
        .collect()
}

/// Escape `s` for XML text and attribute values: `& < > " '`, line breaks and tabs as character
/// references (so attribute values keep them), and characters XML 1.0 forbids as U+FFFD.
pub(crate) fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// Escape `s` for XML element text: as [`xml_escape`], but line breaks and tabs stay as they are.
pub(crate) fn xml_text(s: &str) -> String {
    xml_escape(s)
        .replace("&#10;", "\n")
        .replace("&#13;", "\r")
        .replace("&#9;", "\t")
}

/// Set `key` of the JSON object `v` to `value` (`v[key] = value` without the panic of
/// `Value`'s `IndexMut` on a value that is not an object: such a `v` is left unchanged).
pub(crate) fn set(v: &mut serde_json::Value, key: &str, value: serde_json::Value) {
    if let Some(o) = v.as_object_mut() {
        o.insert(key.to_string(), value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_give_code_point_and_byte_columns() {
        let text = "\u{feff}ab\nZelenskyy’s Kyiv 😀x";
        let p = Positions::new(text);
        let k = text.find("Kyiv").unwrap_or(0);
        assert_eq!(
            p.at(k),
            Pos {
                offset: k,
                line: 2,
                column: 13,
                byte_column: 15
            }
        );
        let x = text.rfind('x').unwrap_or(0);
        assert_eq!((p.at(x).column, p.at(x).byte_column), (19, 24));
        assert_eq!(
            (p.at(3).line, p.at(3).column, p.at(3).byte_column),
            (1, 1, 1)
        );
    }

    #[test]
    fn relative_paths_are_lexical_and_slash_separated() {
        let cwd = Path::new("/w/proj");
        assert_eq!(
            relative_to("./fixtures/../fixtures/a b.txt", Path::new("."), cwd).as_deref(),
            Some("fixtures/a b.txt")
        );
        assert_eq!(
            relative_to("x.txt", Path::new("/w"), cwd).as_deref(),
            Some("proj/x.txt")
        );
        assert_eq!(relative_to("/etc/x.txt", Path::new("."), cwd), None);
        assert_eq!(absolute("../y.txt", cwd), "/w/y.txt");
    }

    #[test]
    fn xml_escapes_markup_breaks_and_forbidden_characters() {
        assert_eq!(
            xml_escape("a<b>&\"c'\n\u{1}"),
            "a&lt;b&gt;&amp;&quot;c&apos;&#10;\u{fffd}"
        );
    }

    #[test]
    fn fnv_is_fixed() {
        assert_eq!(fnv1a(&[]), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(&["a"]), fnv1a(&["a"]));
        assert_ne!(fnv1a(&["ab", "c"]), fnv1a(&["a", "bc"]));
    }
}
