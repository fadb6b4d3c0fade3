//! [`DataFileError`]: an error in a data file the user wrote (a `claimlint.toml`, a rule pack),
//! pointing at the bytes that are wrong so that the CLI can show a snippet with line and column.

use std::fmt;
use std::sync::Arc;

use crate::source::{LineIndex, Span};

/// An error in a user's data file (configuration or rule pack).
///
/// `span` is a byte range into `text` (the file as read); `None` when the error is about the
/// file as a whole (unreadable, empty). [`fmt::Display`] gives one line,
/// `path:line:column: message`; the human renderer (`emit::human::render_data_error`) shows a
/// snippet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataFileError {
    /// The file's path as given or found.
    pub path: String,
    /// The file's text (empty when it could not be read).
    pub text: Arc<str>,
    /// The offending bytes, when the error has a place.
    pub span: Option<Span>,
    /// What is wrong, one sentence ("unknown key `selct`").
    pub message: String,
    /// What to do about it ("did you mean `select`?").
    pub help: Option<String>,
}

impl DataFileError {
    /// An error about the whole file (no span).
    pub fn whole_file(path: impl Into<String>, message: impl Into<String>) -> Self {
        DataFileError {
            path: path.into(),
            text: Arc::from(""),
            span: None,
            message: message.into(),
            help: None,
        }
    }

    /// An error at `span` of `text`.
    pub fn at(
        path: impl Into<String>,
        text: Arc<str>,
        span: Span,
        message: impl Into<String>,
    ) -> Self {
        DataFileError {
            path: path.into(),
            text,
            span: Some(span),
            message: message.into(),
            help: None,
        }
    }

    /// The same error with a help line.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// 1-based line and column (in code points) of the span's start, when there is a span.
    pub fn line_column(&self) -> Option<(usize, usize)> {
        let span = self.span?;
        Some(LineIndex::new(&self.text).position(&self.text, span.start))
    }
}

impl fmt::Display for DataFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line_column() {
            Some((line, col)) => write!(f, "{}:{line}:{col}: {}", self.path, self.message)?,
            None => write!(f, "{}: {}", self.path, self.message)?,
        }
        if let Some(h) = &self.help {
            write!(f, " ({h})")?;
        }
        Ok(())
    }
}

impl std::error::Error for DataFileError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_gives_line_and_column() {
        let text: Arc<str> = Arc::from("a = 1\nselct = [\"L001\"]\n");
        let e = DataFileError::at(
            "claimlint.toml",
            text,
            Span::new(6, 11),
            "unknown key `selct`",
        )
        .with_help("did you mean `select`?");
        assert_eq!(e.line_column(), Some((2, 1)));
        assert_eq!(
            e.to_string(),
            "claimlint.toml:2:1: unknown key `selct` (did you mean `select`?)"
        );
        let w = DataFileError::whole_file("x.toml", "cannot read: no such file");
        assert_eq!(w.to_string(), "x.toml: cannot read: no such file");
    }
}
