//! `D001 weekday-date-mismatch`. (Being implemented.)

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, Rule, RuleMeta};

static META: RuleMeta = RuleMeta {
    code: "D001",
    name: "weekday-date-mismatch",
    category: "dates",
    default_severity: Severity::Error,
    summary: "TODO",
    explanation: "TODO",
};

/// The `weekday-date-mismatch` rule.
pub struct WeekdayDateMismatch;

impl Rule for WeekdayDateMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _cx: &Context<'_>, _out: &mut Vec<Diagnostic>) {}
}
