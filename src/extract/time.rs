//! Relative dates, durations and ages. (Being implemented.)

use crate::article::{Article, Span};
use crate::reference::ReferenceDate;

/// A time expression other than a calendar date: relative date, duration, age, birth date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimeMention {
    /// The bytes of the whole expression.
    pub span: Span,
}

/// Find the time expressions in `article`.
pub fn extract(_article: &Article, _reference: Option<&ReferenceDate>) -> Vec<TimeMention> {
    Vec::new()
}
