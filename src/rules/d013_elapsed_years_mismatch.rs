//! `D013 elapsed-years-mismatch`. (Being implemented.)

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, Rule, RuleMeta};

static META: RuleMeta = RuleMeta {
    code: "D013",
    name: "elapsed-years-mismatch",
    category: "dates",
    default_severity: Severity::Warning,
    summary: "TODO",
    explanation: "TODO",
};

/// The `elapsed-years-mismatch` rule.
pub struct ElapsedYearsMismatch;

impl Rule for ElapsedYearsMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _cx: &Context<'_>, _out: &mut Vec<Diagnostic>) {}
}
