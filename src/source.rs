//! The leaf of the crate: [`Span`] (byte offsets into the original file) and [`LineIndex`]
//! (byte offset -> 1-based line and column in Unicode code points).
//!
//! Everything else (document, claims, diagnostics, emitters) builds on these two types; this
//! module imports nothing from the crate.

use serde::Serialize;

/// A half-open byte range `start..end` into the original file text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    /// First byte (inclusive).
    pub start: usize,
    /// One past the last byte (exclusive).
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes).
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// Length in bytes.
    pub const fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// True when the span covers no bytes.
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// True when `other` lies entirely within `self`.
    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the spans share at least one byte.
    pub const fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// The first byte at or after `pos` that is not ASCII whitespace (`text.len()` at the end).
pub fn skip_ws(text: &str, mut pos: usize) -> usize {
    let bytes = text.as_bytes();
    while pos < bytes.len() && bytes[pos].is_ascii_whitespace() {
        pos += 1;
    }
    pos
}

/// Line starts of one file, for turning byte offsets into positions.
///
/// Lines end at `\n`; a `\r` before it belongs to the line's end, so CRLF files get the same
/// line numbers as LF files.
#[derive(Clone, Debug)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Index the line starts of `text` (O(n) bytes).
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    /// 1-based `(line, column)` of byte `offset` in `text`; the column counts code points.
    /// Offsets past the end are clamped to the end; offsets inside a character count from that
    /// character's start. A leading byte-order mark is not counted (editors do not show it).
    pub fn position(&self, text: &str, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let mut start = self.starts[line - 1];
        if start == 0 && text.starts_with('\u{feff}') {
            start = offset.min(3);
        }
        let column = text[start..offset].chars().count() + 1;
        (line, column)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_code_points_and_crlf_lines() {
        let text = "Kyiv\r\nZelenskyy’s Kyiv\n";
        let idx = LineIndex::new(text);
        assert_eq!(idx.position(text, 0), (1, 1));
        let k = text.rfind("Kyiv").unwrap();
        // "Zelenskyy’s " is 12 code points, 14 bytes.
        assert_eq!(idx.position(text, k), (2, 13));
        assert_eq!(idx.position(text, text.len() + 5), (3, 1));
        let bom = "\u{feff}Kyiv";
        assert_eq!(LineIndex::new(bom).position(bom, 3), (1, 1));
        assert_eq!(LineIndex::new(bom).position(bom, 4), (1, 2));
    }
}
