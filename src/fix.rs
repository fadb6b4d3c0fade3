//! Safe fixes: collect the edits of fixes marked [`Applicability::Safe`], apply them to a
//! text, show them as a unified diff, and write the result back atomically.
//!
//! Only house-style spellings from rule packs are safe today; places, dates and numbers are
//! never fixed automatically (either side of a conflict may be the wrong one).

use std::io::Write;
use std::path::Path;

use crate::diagnostic::{Applicability, Diagnostic, Edit};

/// The edits of every safe fix of `diagnostics`, sorted by span start (then end).
pub fn safe_edits(diagnostics: &[Diagnostic]) -> Vec<Edit> {
    let mut edits: Vec<Edit> = diagnostics
        .iter()
        .filter_map(|d| d.fix.as_ref())
        .filter(|f| f.applicability == Applicability::Safe)
        .flat_map(|f| f.edits.iter().cloned())
        .collect();
    edits.sort_by_key(|e| (e.span.start, e.span.end));
    edits
}

/// The result of [`apply`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Applied {
    /// The new text.
    pub text: String,
    /// Edits applied.
    pub applied: usize,
    /// Edits skipped: overlapping an earlier edit, out of range, off a character boundary,
    /// or changing nothing.
    pub skipped: usize,
}

/// Apply `edits` (byte spans into `text`) in order of span start; an edit that overlaps one
/// already applied, lies outside `text` or not on character boundaries, or would change
/// nothing, is skipped and counted. Bytes outside the edits are kept exactly (CRLF, BOM).
pub fn apply(text: &str, edits: &[Edit]) -> Applied {
    let mut sorted: Vec<&Edit> = edits.iter().collect();
    sorted.sort_by_key(|e| (e.span.start, e.span.end));
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    let (mut applied, mut skipped) = (0, 0);
    for e in sorted {
        let (s, t) = (e.span.start, e.span.end);
        let ok = s >= at
            && s <= t
            && text.is_char_boundary(s)
            && text.is_char_boundary(t)
            && text.get(s..t).is_some_and(|old| old != e.replacement);
        if !ok {
            skipped += 1;
            continue;
        }
        out.push_str(text.get(at..s).unwrap_or_default());
        out.push_str(&e.replacement);
        at = t;
        applied += 1;
    }
    out.push_str(text.get(at..).unwrap_or_default());
    Applied {
        text: out,
        applied,
        skipped,
    }
}

/// A unified diff of `old` → `new` with `--- a/PATH` / `+++ b/PATH` headers and `@@` hunks
/// (three lines of context; an absolute path is shown as is); empty when the texts are equal.
pub fn unified_diff(path: &str, old: &str, new: &str) -> String {
    if old == new {
        return String::new();
    }
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(&header("a", path), &header("b", path))
        .to_string()
}

/// `a/PATH` for a relative path, the path itself when it is absolute.
fn header(side: &str, path: &str) -> String {
    if path.starts_with('/') {
        path.to_string()
    } else {
        format!("{side}/{path}")
    }
}

/// Why a fixed file was not written.
#[derive(Debug)]
pub enum WriteError {
    /// The file's bytes are no longer those that were checked: it changed on disk in between.
    Changed,
    /// The file is read-only.
    ReadOnly,
    /// Any other I/O error (reading it back, creating the temporary file, renaming).
    Io(std::io::Error),
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WriteError::Changed => {
                f.write_str("the file changed since it was read; left alone (run again)")
            }
            WriteError::ReadOnly => f.write_str("the file is read-only; not fixed"),
            WriteError::Io(e) => write!(f, "cannot write the fixed file: {e}"),
        }
    }
}

impl std::error::Error for WriteError {}

/// Write `new` to `path` atomically, only if the file still holds exactly `expected` (the
/// bytes that were checked): a temporary file in the same folder, written, fsynced, given the
/// original's permissions, then renamed over it. On any error the file is left as it was.
pub fn write_if_unchanged(path: &Path, expected: &[u8], new: &[u8]) -> Result<(), WriteError> {
    write_with_hook(path, expected, new, || {})
}

/// [`write_if_unchanged`] with `before_check` run just before the file is read back (tests
/// use it to change the file in between).
pub fn write_with_hook(
    path: &Path,
    expected: &[u8],
    new: &[u8],
    before_check: impl FnOnce(),
) -> Result<(), WriteError> {
    let meta = std::fs::metadata(path).map_err(WriteError::Io)?;
    if meta.permissions().readonly() {
        return Err(WriteError::ReadOnly);
    }
    before_check();
    let now = std::fs::read(path).map_err(WriteError::Io)?;
    if now != expected {
        return Err(WriteError::Changed);
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map_or_else(|| "file".into(), |n| n.to_string_lossy().into_owned());
    let tmp = dir.join(format!(".{name}.claimlint-fix-{}.tmp", std::process::id()));
    let result = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&tmp)
        .and_then(|mut f| {
            f.write_all(new)?;
            f.sync_all()?;
            std::fs::set_permissions(&tmp, meta.permissions())
        })
        .and_then(|()| std::fs::rename(&tmp, path));
    result.map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        WriteError::Io(e)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Span;

    fn edit(s: usize, e: usize, r: &str) -> Edit {
        Edit {
            span: Span::new(s, e),
            replacement: r.to_string(),
        }
    }

    #[test]
    fn apply_sorts_and_skips_overlaps() {
        let text = "Kiev and Odessa";
        let a = apply(
            text,
            &[
                edit(9, 15, "Odesa"),
                edit(0, 4, "Kyiv"),
                edit(2, 6, "x"),
                edit(20, 22, "y"),
            ],
        );
        assert_eq!(a.text, "Kyiv and Odesa");
        assert_eq!((a.applied, a.skipped), (2, 2));
        let again = apply(&a.text, &[edit(0, 4, "Kyiv")]);
        assert_eq!(
            (again.text.as_str(), again.applied, again.skipped),
            ("Kyiv and Odesa", 0, 1)
        );
    }

    #[test]
    fn crlf_and_bom_are_kept() {
        let text = "\u{feff}Kiev talks\r\n\r\nIn Kiev.\r\n";
        let a = apply(text, &[edit(3, 7, "Kyiv"), edit(20, 24, "Kyiv")]);
        assert_eq!(a.text, "\u{feff}Kyiv talks\r\n\r\nIn Kyiv.\r\n");
    }

    #[test]
    fn diff_has_headers_and_hunks() {
        let d = unified_diff("a.txt", "one\nKiev\nthree\n", "one\nKyiv\nthree\n");
        assert_eq!(
            d,
            "--- a/a.txt\n+++ b/a.txt\n@@ -1,3 +1,3 @@\n one\n-Kiev\n+Kyiv\n three\n"
        );
        assert_eq!(unified_diff("a.txt", "same\n", "same\n"), "");
    }

    fn temp(name: &str, body: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("claimlint-fix-{}-{name}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        let p = dir.join("a.txt");
        let _ = std::fs::write(&p, body);
        p
    }

    #[test]
    fn writes_atomically_when_unchanged() {
        let p = temp("ok", "Kiev\n");
        assert!(write_if_unchanged(&p, b"Kiev\n", b"Kyiv\n").is_ok());
        assert_eq!(std::fs::read(&p).ok().as_deref(), Some(&b"Kyiv\n"[..]));
        let leftovers = std::fs::read_dir(p.parent().unwrap_or(Path::new(".")))
            .map(|d| d.count())
            .unwrap_or(0);
        assert_eq!(leftovers, 1, "no temporary file left behind");
    }

    #[test]
    fn a_file_changed_between_read_and_write_is_left_alone() {
        let p = temp("changed", "Kiev\n");
        let r = write_with_hook(&p, b"Kiev\n", b"Kyiv\n", || {
            let _ = std::fs::write(&p, "Kiev, edited\n");
        });
        assert!(matches!(r, Err(WriteError::Changed)), "{r:?}");
        assert_eq!(
            std::fs::read_to_string(&p).ok().as_deref(),
            Some("Kiev, edited\n")
        );
    }

    #[cfg(unix)]
    #[test]
    fn permissions_are_kept_and_read_only_is_reported() {
        use std::os::unix::fs::PermissionsExt;
        let p = temp("perms", "Kiev\n");
        let _ = std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o640));
        assert!(write_if_unchanged(&p, b"Kiev\n", b"Kyiv\n").is_ok());
        let mode = std::fs::metadata(&p)
            .map(|m| m.permissions().mode() & 0o777)
            .ok();
        assert_eq!(mode, Some(0o640));
        let _ = std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o444));
        let r = write_if_unchanged(&p, b"Kyiv\n", b"Kyiv!\n");
        assert!(matches!(r, Err(WriteError::ReadOnly)), "{r:?}");
        assert_eq!(std::fs::read_to_string(&p).ok().as_deref(), Some("Kyiv\n"));
    }
}
