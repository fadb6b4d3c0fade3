//! `N011 list-count-mismatch`. (Being implemented.)

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, Rule, RuleMeta};

static META: RuleMeta = RuleMeta {
    code: "N011",
    name: "list-count-mismatch",
    category: "numbers",
    default_severity: Severity::Error,
    summary: "TODO",
    explanation: "TODO",
};

/// The `list-count-mismatch` rule.
pub struct ListCountMismatch;

impl Rule for ListCountMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _cx: &Context<'_>, _out: &mut Vec<Diagnostic>) {}
}
