//! Capitalised names. (Being implemented.)

use crate::article::{Article, Span};

/// A name written in the article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NameMention {
    /// The bytes of the whole expression.
    pub span: Span,
}

/// Find the names written in `article`.
pub fn extract(_article: &Article) -> Vec<NameMention> {
    Vec::new()
}
