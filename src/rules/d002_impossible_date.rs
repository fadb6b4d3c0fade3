//! `D002 impossible-date`. (Being implemented.)

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, Rule, RuleMeta};

static META: RuleMeta = RuleMeta {
    code: "D002",
    name: "impossible-date",
    category: "dates",
    default_severity: Severity::Error,
    summary: "TODO",
    explanation: "TODO",
};

/// The `impossible-date` rule.
pub struct ImpossibleDate;

impl Rule for ImpossibleDate {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _cx: &Context<'_>, _out: &mut Vec<Diagnostic>) {}
}
