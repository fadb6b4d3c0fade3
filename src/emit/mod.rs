//! Emitters: one file per output format.

pub mod human;
pub mod json;

use std::sync::Arc;

use crate::diagnostic::Severity;
use crate::Report;

/// One article that was read and checked.
#[derive(Clone, Debug)]
pub struct CheckedFile {
    /// The path as given (`<stdin>` for standard input).
    pub path: String,
    /// The file text, shared with the renderer.
    pub text: Arc<str>,
    /// Its findings and reference date.
    pub report: Report,
}

/// A file that could not be read or decoded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileError {
    /// The path as given.
    pub path: String,
    /// One line saying what went wrong.
    pub message: String,
}

/// Everything one `claimlint check` run produced, in input order.
#[derive(Clone, Debug, Default)]
pub struct Run {
    /// Checked files.
    pub files: Vec<CheckedFile>,
    /// Files that could not be checked.
    pub errors: Vec<FileError>,
}

impl Run {
    /// Count of diagnostics at each severity: `(errors, warnings, notes)`.
    pub fn counts(&self) -> (usize, usize, usize) {
        let mut c = (0, 0, 0);
        for d in self.files.iter().flat_map(|f| &f.report.diagnostics) {
            match d.severity {
                Severity::Error => c.0 += 1,
                Severity::Warning => c.1 += 1,
                Severity::Note => c.2 += 1,
            }
        }
        c
    }

    /// True when some diagnostic is at or above `threshold`.
    pub fn has_finding_at(&self, threshold: Severity) -> bool {
        self.files
            .iter()
            .flat_map(|f| &f.report.diagnostics)
            .any(|d| d.severity >= threshold)
    }
}
