//! Written dates. (Being implemented.)

use crate::article::{Article, Span};
use crate::reference::ReferenceDate;

/// A date written in the article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateMention {
    /// The bytes of the whole expression.
    pub span: Span,
}

/// Find the dates written in `article`.
pub fn extract(_article: &Article, _reference: Option<&ReferenceDate>) -> Vec<DateMention> {
    Vec::new()
}
