//! What each rule compared, for `claimlint claims`: "why is this silent?" gets an answer.
//!
//! Rules record a [`Comparison`] for each pair (or group) of claims they weighed, with the
//! outcome. Recording is off during a normal `check` (a [`Trace`] that is not enabled drops
//! everything without formatting), and on for the claims view.

use std::cell::RefCell;

use serde::Serialize;

use crate::source::Span;

/// How a comparison ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    /// The claims agree (or one reading of each fits).
    Consistent,
    /// The claims clash: a diagnostic was reported.
    Conflict,
    /// The claims were looked at and set aside (another time, a hedge, too vague...).
    Skipped,
}

/// One comparison a rule made.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Comparison {
    /// The rule's code.
    pub rule: String,
    /// The spans of the claims compared (bytes), in document order.
    pub spans: Vec<Span>,
    /// How it ended.
    pub outcome: Outcome,
    /// One line saying why ("Kyiv is in Ukraine, not in Albania"; "the body value is
    /// approximate").
    pub note: String,
}

/// A per-article log of comparisons; cheap no-op when disabled.
#[derive(Debug, Default)]
pub struct Trace {
    enabled: bool,
    log: RefCell<Vec<Comparison>>,
}

impl Trace {
    /// A trace that records (`enabled`) or drops everything.
    pub fn new(enabled: bool) -> Self {
        Trace {
            enabled,
            log: RefCell::new(Vec::new()),
        }
    }

    /// True when comparisons are being recorded.
    pub fn enabled(&self) -> bool {
        self.enabled
    }

    /// Record that `rule` compared the claims at `spans` with `outcome`; `note` is only called
    /// when recording.
    pub fn record(
        &self,
        rule: &str,
        spans: &[Span],
        outcome: Outcome,
        note: impl FnOnce() -> String,
    ) {
        if !self.enabled {
            return;
        }
        let mut spans = spans.to_vec();
        spans.sort();
        spans.dedup();
        self.log.borrow_mut().push(Comparison {
            rule: rule.to_string(),
            spans,
            outcome,
            note: note(),
        });
    }

    /// The recorded comparisons, sorted by first span, then rule.
    pub fn into_comparisons(self) -> Vec<Comparison> {
        let mut v = self.log.into_inner();
        v.sort_by(|a, b| (&a.spans, &a.rule).cmp(&(&b.spans, &b.rule)));
        v.dedup();
        v
    }
}
