//! `N010 quantity-conflict`. (Being implemented.)

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, Rule, RuleMeta};

static META: RuleMeta = RuleMeta {
    code: "N010",
    name: "quantity-conflict",
    category: "numbers",
    default_severity: Severity::Error,
    summary: "TODO",
    explanation: "TODO",
};

/// The `quantity-conflict` rule.
pub struct QuantityConflict;

impl Rule for QuantityConflict {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _cx: &Context<'_>, _out: &mut Vec<Diagnostic>) {}
}
