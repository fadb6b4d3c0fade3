//! Running a pack's inline `[[rule.test]]` cases (`claimlint test-pack`, `tests/packs.rs`).

use std::sync::Arc;

use crate::rules::RuleSet;
use crate::source::LineIndex;

use super::Pack;

/// One failed test case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failure {
    /// The rule's code.
    pub code: String,
    /// 1-based index of the case among the rule's tests.
    pub case: usize,
    /// 1-based line of the case's `text` in the pack file.
    pub line: usize,
    /// What was expected: `CODE "spanned text"` per finding, or the fixed text.
    pub expected: Vec<String>,
    /// What the rule found, in the same form.
    pub got: Vec<String>,
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let list = |v: &[String]| {
            if v.is_empty() {
                "nothing".to_string()
            } else {
                v.join(", ")
            }
        };
        write!(
            f,
            "line {}: rule {} test {}: expected {}, got {}",
            self.line,
            self.code,
            self.case,
            list(&self.expected),
            list(&self.got)
        )
    }
}

/// The outcome of a pack's tests: how many cases ran, and the failures in file order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    /// Cases run.
    pub cases: usize,
    /// Cases that failed.
    pub failures: Vec<Failure>,
}

/// Run every inline test case of `pack`: each rule alone on the case's text (read as a plain
/// article), comparing the findings' codes and primary-label texts in document order with the
/// expected ones, and, when the case gives `fixed`, the text after the safe fixes.
pub fn run(pack: &Pack) -> Outcome {
    let lines = LineIndex::new(&pack.text);
    let mut outcome = Outcome::default();
    for rule in &pack.rules {
        let set = RuleSet::empty().with(super::ArcRule(rule.clone()));
        let Ok(set) = set else { continue };
        for (i, case) in rule.tests().iter().enumerate() {
            outcome.cases += 1;
            let article = crate::input::plain::parse(Arc::from(case.text.as_str()));
            let report = crate::check_with(&article, &crate::Settings::default(), &set);
            let got: Vec<String> = report
                .diagnostics
                .iter()
                .map(|d| {
                    let span = d.labels.iter().find(|l| l.primary).map(|l| l.span);
                    let text = span.map_or("", |s| article.slice(s));
                    format!("{} {text:?}", d.code)
                })
                .collect();
            let expected: Vec<String> = case
                .expect
                .iter()
                .map(|(c, t)| format!("{c} {t:?}"))
                .collect();
            let line = lines.position(&pack.text, case.span.start).0;
            if got != expected {
                outcome.failures.push(Failure {
                    code: rule.meta_ref().code.to_string(),
                    case: i + 1,
                    line,
                    expected,
                    got,
                });
                continue;
            }
            if let Some(want) = &case.fixed {
                let edits = crate::fix::safe_edits(&report.diagnostics);
                let fixed = crate::fix::apply(&case.text, &edits).text;
                if &fixed != want {
                    outcome.failures.push(Failure {
                        code: rule.meta_ref().code.to_string(),
                        case: i + 1,
                        line,
                        expected: vec![format!("fixed text {want:?}")],
                        got: vec![format!("fixed text {fixed:?}")],
                    });
                }
            }
        }
    }
    outcome
}
