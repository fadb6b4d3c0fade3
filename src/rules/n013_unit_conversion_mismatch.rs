//! `N013 unit-conversion-mismatch`. (Being implemented.)

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, Rule, RuleMeta};

static META: RuleMeta = RuleMeta {
    code: "N013",
    name: "unit-conversion-mismatch",
    category: "numbers",
    default_severity: Severity::Error,
    summary: "TODO",
    explanation: "TODO",
};

/// The `unit-conversion-mismatch` rule.
pub struct UnitConversionMismatch;

impl Rule for UnitConversionMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _cx: &Context<'_>, _out: &mut Vec<Diagnostic>) {}
}
