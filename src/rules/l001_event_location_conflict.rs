//! `L001 event-location-conflict`. (Being implemented.)

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, Rule, RuleMeta};

static META: RuleMeta = RuleMeta {
    code: "L001",
    name: "event-location-conflict",
    category: "places",
    default_severity: Severity::Error,
    summary: "TODO",
    explanation: "TODO",
};

/// The `event-location-conflict` rule.
pub struct EventLocationConflict;

impl Rule for EventLocationConflict {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _cx: &Context<'_>, _out: &mut Vec<Diagnostic>) {}
}
