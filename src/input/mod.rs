//! Input readers: bytes of a file → [`Article`].

pub mod plain;

use std::fmt;
use std::sync::Arc;

use crate::article::Article;

/// Why a file could not be read as an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputError {
    /// The bytes are not valid UTF-8; `offset` is the first bad byte.
    NotUtf8 {
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
    /// The bytes look binary (a NUL byte at `offset`).
    Binary {
        /// Byte offset of the first NUL byte.
        offset: usize,
    },
    /// UTF-16 text (a UTF-16 byte-order mark): claimlint reads UTF-8 only.
    Utf16,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::NotUtf8 { offset } => {
                write!(f, "not valid UTF-8 (first bad byte at offset {offset})")
            }
            InputError::Binary { offset } => {
                write!(f, "looks like a binary file (NUL byte at offset {offset})")
            }
            InputError::Utf16 => write!(f, "UTF-16 text is not supported: save it as UTF-8"),
        }
    }
}

impl std::error::Error for InputError {}

/// Decode `bytes` as a UTF-8 text article and parse its structure.
///
/// A leading UTF-8 BOM is kept in the text (spans stay byte offsets into the file) but skipped by
/// the parser. Errors: [`InputError::Utf16`] for a UTF-16 byte-order mark, [`InputError::Binary`]
/// for a NUL byte, [`InputError::NotUtf8`] for invalid UTF-8.
pub fn read_article(bytes: Vec<u8>) -> Result<Article, InputError> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(InputError::Utf16);
    }
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(InputError::Binary { offset });
    }
    let text = String::from_utf8(bytes).map_err(|e| InputError::NotUtf8 {
        offset: e.utf8_error().valid_up_to(),
    })?;
    Ok(plain::parse(Arc::from(text)))
}
