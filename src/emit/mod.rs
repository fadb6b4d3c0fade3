//! Emitters: one file per output format.

pub mod claims;
pub mod human;
pub mod json;

pub use crate::report::{CheckedFile, FileError, Run};
