//! `D011 age-birth-mismatch`. (Being implemented.)

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, Rule, RuleMeta};

static META: RuleMeta = RuleMeta {
    code: "D011",
    name: "age-birth-mismatch",
    category: "dates",
    default_severity: Severity::Error,
    summary: "TODO",
    explanation: "TODO",
};

/// The `age-birth-mismatch` rule.
pub struct AgeBirthMismatch;

impl Rule for AgeBirthMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _cx: &Context<'_>, _out: &mut Vec<Diagnostic>) {}
}
