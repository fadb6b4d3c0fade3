//! `N001 name-variant`. (Being implemented.)

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, Rule, RuleMeta};

static META: RuleMeta = RuleMeta {
    code: "N001",
    name: "name-variant",
    category: "names",
    default_severity: Severity::Warning,
    summary: "TODO",
    explanation: "TODO",
};

/// The `name-variant` rule.
pub struct NameVariant;

impl Rule for NameVariant {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _cx: &Context<'_>, _out: &mut Vec<Diagnostic>) {}
}
