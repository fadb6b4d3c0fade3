//! Toponyms. (Being implemented.)

use crate::article::{Article, Span};

/// A place named in the article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlaceMention {
    /// The bytes of the whole expression.
    pub span: Span,
}

/// Find the places named in `article`.
pub fn extract(_article: &Article) -> Vec<PlaceMention> {
    Vec::new()
}
