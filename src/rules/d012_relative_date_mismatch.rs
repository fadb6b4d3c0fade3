//! `D012 relative-date-mismatch`. (Being implemented.)

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, Rule, RuleMeta};

static META: RuleMeta = RuleMeta {
    code: "D012",
    name: "relative-date-mismatch",
    category: "dates",
    default_severity: Severity::Warning,
    summary: "TODO",
    explanation: "TODO",
};

/// The `relative-date-mismatch` rule.
pub struct RelativeDateMismatch;

impl Rule for RelativeDateMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _cx: &Context<'_>, _out: &mut Vec<Diagnostic>) {}
}
