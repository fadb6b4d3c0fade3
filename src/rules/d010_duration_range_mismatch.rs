//! `D010 duration-range-mismatch`. (Being implemented.)

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, Rule, RuleMeta};

static META: RuleMeta = RuleMeta {
    code: "D010",
    name: "duration-range-mismatch",
    category: "dates",
    default_severity: Severity::Warning,
    summary: "TODO",
    explanation: "TODO",
};

/// The `duration-range-mismatch` rule.
pub struct DurationRangeMismatch;

impl Rule for DurationRangeMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _cx: &Context<'_>, _out: &mut Vec<Diagnostic>) {}
}
