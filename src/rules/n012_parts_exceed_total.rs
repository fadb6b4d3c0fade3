//! `N012 parts-exceed-total`. (Being implemented.)

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, Rule, RuleMeta};

static META: RuleMeta = RuleMeta {
    code: "N012",
    name: "parts-exceed-total",
    category: "numbers",
    default_severity: Severity::Error,
    summary: "TODO",
    explanation: "TODO",
};

/// The `parts-exceed-total` rule.
pub struct PartsExceedTotal;

impl Rule for PartsExceedTotal {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _cx: &Context<'_>, _out: &mut Vec<Diagnostic>) {}
}
