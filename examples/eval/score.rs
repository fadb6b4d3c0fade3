//! Scoring one perturbed copy against its original.

use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;

use claimlint::{Diagnostic, Severity};
use serde::Serialize;

/// A finding reduced to what survives the shift of spans between original and copy.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Finding {
    /// Rule code.
    pub code: &'static str,
    /// Severity.
    pub severity: Severity,
    /// The diagnostic message.
    pub message: String,
    /// The text under each label, in label order.
    pub labels: Vec<String>,
}

/// A diagnostic's code as `&'static str`: built-in rules borrow theirs; a code owned by a rule
/// added at run time (the harness scores none) reads `"?"`.
fn static_code(code: Cow<'static, str>) -> &'static str {
    match code {
        Cow::Borrowed(c) => c,
        Cow::Owned(_) => "?",
    }
}

impl Finding {
    /// `d` with its label texts sliced from `text`.
    pub fn new(d: &Diagnostic, text: &str) -> Self {
        Finding {
            code: static_code(d.code.clone()),
            severity: d.severity,
            message: d.message.clone(),
            labels: d
                .labels
                .iter()
                .map(|l| text.get(l.span.start..l.span.end).unwrap_or("").to_string())
                .collect(),
        }
    }

    /// The identity used to recognise a finding of the original on a copy: code and sorted label
    /// texts.
    pub fn key(&self) -> (&'static str, Vec<String>) {
        let mut labels = self.labels.clone();
        labels.sort();
        (self.code, labels)
    }
}

/// The outcome for one copy.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Outcome {
    /// The finding that caught the injection, if any.
    pub hit: Option<Finding>,
    /// New findings at warning or error that are not the hit (false positives of the copy).
    pub extra: Vec<Finding>,
}

/// Score the diagnostics `copy` of the perturbed `copy_text` against the findings `original` of
/// the original: the hit is the first new finding with `code` whose label overlaps one of
/// `expected` (copy coordinates); every other new finding at warning or error is extra. A
/// finding is "new" unless the original had one with the same code and label texts (counted as
/// a multiset).
pub fn score(
    original: &[Finding],
    copy_text: &str,
    copy: &[Diagnostic],
    code: &str,
    expected: &[Range<usize>],
) -> Outcome {
    let mut old: HashMap<(&'static str, Vec<String>), usize> = HashMap::new();
    for f in original {
        *old.entry(f.key()).or_default() += 1;
    }
    let mut out = Outcome::default();
    for d in copy {
        let f = Finding::new(d, copy_text);
        if let Some(n) = old.get_mut(&f.key()).filter(|n| **n > 0) {
            *n -= 1;
            continue;
        }
        let overlaps = d.labels.iter().any(|l| {
            expected
                .iter()
                .any(|e| l.span.start < e.end && e.start < l.span.end)
        });
        if out.hit.is_none() && d.code == code && overlaps {
            out.hit = Some(f);
        } else if d.severity >= Severity::Warning {
            out.extra.push(f);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use claimlint::{Label, Span};

    fn diag(code: &'static str, severity: Severity, spans: &[(usize, usize)]) -> Diagnostic {
        Diagnostic {
            code: code.into(),
            rule: "test".into(),
            severity,
            message: "m".into(),
            help: None,
            fix: None,
            labels: spans
                .iter()
                .enumerate()
                .map(|(i, &(s, e))| Label {
                    span: Span::new(s, e),
                    message: String::new(),
                    primary: i == 0,
                })
                .collect(),
        }
    }

    #[test]
    fn hit_extra_and_preexisting() {
        // Original: "Talks in Geneva; Paris 30 June." with a D002-like finding on "Paris".
        let original_text = "Talks in Geneva; Paris 30 June.";
        let original = vec![Finding::new(
            &diag("X001", Severity::Error, &[(17, 22)]),
            original_text,
        )];
        // Copy: Geneva → Nairobi shifts "Paris" by one byte.
        let copy_text = "Talks in Nairobi; Paris 30 June.";
        let copy = vec![
            diag("L001", Severity::Error, &[(9, 16)]),
            diag("X001", Severity::Error, &[(18, 23)]),
            diag("L001", Severity::Warning, &[(0, 5)]),
            diag("P001", Severity::Note, &[(18, 23)]),
            diag("D001", Severity::Warning, &[(24, 26)]),
        ];
        let o = score(&original, copy_text, &copy, "L001", &[9..16]);
        assert_eq!(
            o.hit.as_ref().map(|h| h.labels.clone()),
            Some(vec!["Nairobi".to_string()])
        );
        let extra: Vec<(&str, Vec<String>)> =
            o.extra.iter().map(|f| (f.code, f.labels.clone())).collect();
        assert_eq!(
            extra,
            vec![
                ("L001", vec!["Talks".to_string()]),
                ("D001", vec!["30".to_string()])
            ]
        );
    }

    #[test]
    fn wrong_code_or_place_is_no_hit() {
        let text = "abcdefghij";
        let copy = vec![
            diag("P001", Severity::Error, &[(2, 4)]),
            diag("L001", Severity::Error, &[(5, 7)]),
        ];
        let o = score(&[], text, &copy, "L001", &[2..4]);
        assert_eq!(o.hit, None);
        assert_eq!(o.extra.len(), 2);
        // Touching ranges do not overlap.
        let o = score(&[], text, &copy[1..], "L001", &[7..9]);
        assert_eq!(o.hit, None);
        let o = score(&[], text, &copy[1..], "L001", &[6..9]);
        assert!(o.hit.is_some());
    }
}
