//! Numbers with what they count, their qualifier and unit. (Being implemented.)

use crate::article::{Article, Span};

/// A number written in the article.
#[derive(Clone, Debug, PartialEq)]
pub struct NumberMention {
    /// The bytes of the whole expression.
    pub span: Span,
}

/// Find the numbers written in `article`.
pub fn extract(_article: &Article) -> Vec<NumberMention> {
    Vec::new()
}
