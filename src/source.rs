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

/// The byte after the run of characters from byte `pos` of `text` that satisfy `f` (`pos`
/// itself when none does, or when `pos` is not a char boundary of `text`).
pub fn run_end(text: &str, pos: usize, f: impl Fn(char) -> bool) -> usize {
    let rest = text.get(pos..).unwrap_or_default();
    pos + (rest.len() - rest.trim_start_matches(f).len())
}

/// `\s+` of the `regex` crate at byte `pos` (Unicode white space): the byte after it, `None`
/// when no white space starts there.
pub fn spaces1_end(text: &str, pos: usize) -> Option<usize> {
    let end = run_end(text, pos, char::is_whitespace);
    (end > pos).then_some(end)
}

/// The first byte at or after `pos` that is not ASCII whitespace (`text.len()` at the end).
pub fn skip_ws(text: &str, mut pos: usize) -> usize {
    let bytes = text.as_bytes();
    while bytes.get(pos).is_some_and(u8::is_ascii_whitespace) {
        pos += 1;
    }
    pos
}

/// The lines of `text`, each with its line ending (`\n`, `\r\n` or a lone `\r`, as old Mac
/// files have); the last line may have none.
pub fn lines_inclusive(text: &str) -> impl Iterator<Item = &str> {
    let b = text.as_bytes();
    let mut pos = 0;
    std::iter::from_fn(move || {
        if pos >= b.len() {
            return None;
        }
        let start = pos;
        pos = b
            .get(pos..)
            .and_then(|rest| memchr::memchr2(b'\n', b'\r', rest))
            .map_or(b.len(), |n| pos + n);
        if let Some(&c) = b.get(pos) {
            pos += if c == b'\r' && b.get(pos + 1) == Some(&b'\n') {
                2
            } else {
                1
            };
        }
        text.get(start..pos)
    })
}

/// Line starts of one file, for turning byte offsets into positions.
///
/// Lines end at `\n`, `\r\n` or a lone `\r`; a `\r` before `\n` belongs to the line's end,
/// so CRLF files get the same line numbers as LF files.
#[derive(Clone, Debug)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// Code points before each [`BLOCK`]-byte block of the text (`chars[k]`: code points in
    /// bytes `0..k * BLOCK`), so a column on a very long line costs at most one block's scan.
    /// Empty when no line is longer than a block.
    chars: Vec<usize>,
}

/// Bytes per block of [`LineIndex`]'s code-point counts.
const BLOCK: usize = 4096;

/// Code points that start in `bytes` (its bytes that are not UTF-8 continuation bytes).
fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

impl LineIndex {
    /// Index the line starts of `text` (O(n) bytes).
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        let b = text.as_bytes();
        let mut longest = 0;
        let mut last = 0;
        for (i, &c) in b.iter().enumerate() {
            if c == b'\n' || (c == b'\r' && b.get(i + 1) != Some(&b'\n')) {
                starts.push(i + 1);
                longest = longest.max(i + 1 - last);
                last = i + 1;
            }
        }
        longest = longest.max(b.len() - last);
        let mut chars = Vec::new();
        if longest > BLOCK {
            let mut total = 0;
            chars.push(0);
            for block in b.chunks(BLOCK) {
                total += count_chars(block);
                chars.push(total);
            }
        }
        LineIndex { starts, chars }
    }

    /// Code points in `text[..offset]` (`offset` on a character boundary).
    fn chars_before(&self, text: &str, offset: usize) -> usize {
        let b = text.as_bytes();
        if self.chars.is_empty() {
            return count_chars(b.get(..offset).unwrap_or(b));
        }
        let k = offset / BLOCK;
        self.chars.get(k).copied().unwrap_or_default()
            + count_chars(b.get(k * BLOCK..offset).unwrap_or_default())
    }

    /// 0-based number of the line holding byte `offset` (O(log lines)).
    pub fn line_number(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset).max(1) - 1
    }

    /// Byte offset where 0-based line `n` starts; past the last line, `usize::MAX` (so a
    /// range ending there is clamped by the caller to the text's end).
    pub fn start_of_line(&self, n: usize) -> usize {
        self.starts.get(n).copied().unwrap_or(usize::MAX)
    }

    /// Byte offset of the start of the line holding byte `offset` (O(log lines)).
    pub fn line_start(&self, offset: usize) -> usize {
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        self.starts.get(line - 1).copied().unwrap_or_default()
    }

    /// Byte offset of the end of the line holding byte `offset`, its line ending excluded
    /// (`text.len()` on the last line; O(log lines)).
    pub fn line_end(&self, text: &str, offset: usize) -> usize {
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let Some(&next) = self.starts.get(line) else {
            return text.len();
        };
        let b = text.as_bytes();
        let mut end = next;
        if end > 0 && b.get(end - 1) == Some(&b'\n') {
            end -= 1;
        }
        if end > 0 && b.get(end - 1) == Some(&b'\r') {
            end -= 1;
        }
        end
    }

    /// 1-based `(line, column)` of byte `offset` in `text`; the column counts code points.
    /// Offsets past the end are clamped to the end; offsets inside a character count from that
    /// character's start. A leading byte-order mark is not counted (editors do not show it).
    /// O(log lines) plus a scan of at most the line (of at most `BLOCK` bytes on long lines).
    pub fn position(&self, text: &str, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let mut start = self.starts.get(line - 1).copied().unwrap_or_default();
        if start == 0 && text.starts_with('\u{feff}') {
            start = offset.min(3);
        }
        let column = if self.chars.is_empty() || offset - start <= BLOCK {
            text.get(start..offset).unwrap_or_default().chars().count()
        } else {
            self.chars_before(text, offset) - self.chars_before(text, start)
        };
        (line, column + 1)
    }
}

/// A map from offsets in an *analysis text* (the text the rules read: HTML with tags removed and
/// entities decoded, a JSON string unescaped, a Windows-1252 file decoded to UTF-8) to byte
/// offsets in the file on disk.
///
/// It is a sorted list of runs. A run maps analysis bytes `a..a+alen` to file bytes
/// `f..f+flen`: when the lengths are equal the bytes correspond one to one (copied text);
/// otherwise the run is *atomic* (an entity, an escape, a transcoded character): a span
/// starting inside it starts at `f` and a span ending inside it ends at `f+flen`, so a span
/// covering the `&` decoded from `&amp;` maps to the whole entity. Analysis bytes no run covers
/// (separators a reader inserted between fields) map to the start of the next run's file bytes.
/// Lookups are O(log n) binary searches.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OffsetMap {
    runs: Vec<Run>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Run {
    a: usize,
    alen: usize,
    f: usize,
    flen: usize,
}

impl OffsetMap {
    /// An empty map (every offset maps to 0 until runs are pushed).
    pub fn new() -> Self {
        OffsetMap::default()
    }

    /// Append a run: analysis bytes `a..a+alen` come from file bytes `f..f+flen`. Runs must be
    /// pushed in increasing, non-overlapping analysis order; a run out of order is ignored.
    /// Adjacent one-to-one runs are merged.
    pub fn push(&mut self, a: usize, alen: usize, f: usize, flen: usize) {
        if let Some(last) = self.runs.last_mut() {
            if a < last.a + last.alen {
                return;
            }
            if last.alen == last.flen
                && alen == flen
                && last.a + last.alen == a
                && last.f + last.flen == f
            {
                last.alen += alen;
                last.flen += flen;
                return;
            }
        }
        if alen == 0 && flen == 0 {
            return;
        }
        self.runs.push(Run { a, alen, f, flen });
    }

    /// The file offset where a span starting at analysis byte `pos` starts.
    pub fn start(&self, pos: usize) -> usize {
        let i = self.runs.partition_point(|r| r.a + r.alen <= pos);
        match self.runs.get(i) {
            Some(r) if r.a <= pos => {
                if r.alen == r.flen {
                    r.f + (pos - r.a)
                } else {
                    r.f
                }
            }
            Some(r) => r.f,
            None => self.runs.last().map_or(pos, |r| r.f + r.flen),
        }
    }

    /// The file offset where a span ending at analysis byte `pos` (exclusive) ends.
    pub fn end(&self, pos: usize) -> usize {
        let i = self.runs.partition_point(|r| r.a + r.alen < pos);
        match self.runs.get(i) {
            Some(r) if r.a < pos => {
                if r.alen == r.flen {
                    r.f + (pos - r.a)
                } else {
                    r.f + r.flen
                }
            }
            _ => match i.checked_sub(1).and_then(|j| self.runs.get(j)) {
                Some(prev) => prev.f + prev.flen,
                None => self.runs.first().map_or(pos, |r| r.f),
            },
        }
    }

    /// The reverse map (file bytes → analysis bytes): each run read the other way, sorted by
    /// file offset, so it is valid even when a reader laid out fields out of file order (a JSON
    /// record's headline after its body in the file).
    pub fn inverse(&self) -> OffsetMap {
        let mut runs: Vec<Run> = self
            .runs
            .iter()
            .map(|r| Run {
                a: r.f,
                alen: r.flen,
                f: r.a,
                flen: r.alen,
            })
            .collect();
        runs.sort_by_key(|r| (r.a, r.alen));
        let mut out = OffsetMap::new();
        for r in runs {
            out.push(r.a, r.alen, r.f, r.flen);
        }
        out
    }

    /// `span` (analysis bytes) as file bytes; never inverted (an empty span stays empty).
    pub fn span(&self, span: Span) -> Span {
        let s = self.start(span.start);
        let e = if span.is_empty() {
            s
        } else {
            self.end(span.end).max(s)
        };
        Span::new(s, e)
    }
}

/// A file that was not UTF-8 on disk (Windows-1252, UTF-16) and was decoded to UTF-8 text.
///
/// The decoded text is what the readers parse and what emitters show; every reported span is
/// nonetheless a byte offset into the file on disk: [`Transcoding::to_disk`] maps decoded byte
/// offsets to disk byte offsets (one atomic run per character whose width differs), and
/// [`Transcoding::to_text`] maps disk byte offsets back to decoded ones (for lines, columns and
/// snippets).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Transcoding {
    /// The encoding's name as shown to users: `Windows-1252`, `UTF-16LE` or `UTF-16BE`.
    pub encoding: &'static str,
    /// Decoded (UTF-8) byte offset → byte offset in the file on disk.
    pub to_disk: OffsetMap,
    /// Byte offset in the file on disk → decoded (UTF-8) byte offset.
    pub to_text: OffsetMap,
}

impl Transcoding {
    /// The note shown on stderr for `path`, e.g.
    /// `claimlint: note: a.txt: read as Windows-1252 (not valid UTF-8)`.
    pub fn note(&self, path: &str) -> String {
        let why = if self.encoding.starts_with("UTF-16") {
            "byte-order mark"
        } else {
            "not valid UTF-8"
        };
        format!("claimlint: note: {path}: read as {} ({why})", self.encoding)
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
        let cr = "Albania\rKyiv\r\nx";
        assert_eq!(LineIndex::new(cr).position(cr, 8), (2, 1));
        assert_eq!(LineIndex::new(cr).position(cr, 14), (3, 1));
        let lines: Vec<&str> = lines_inclusive(cr).collect();
        assert_eq!(lines, vec!["Albania\r", "Kyiv\r\n", "x"]);
        let cr_index = LineIndex::new(cr);
        assert_eq!(
            (cr_index.line_start(10), cr_index.line_end(cr, 10)),
            (8, 12)
        );
        assert_eq!((cr_index.line_start(2), cr_index.line_end(cr, 2)), (0, 7));
        assert_eq!(
            (cr_index.line_start(14), cr_index.line_end(cr, 14)),
            (14, 15)
        );
        let bom = "\u{feff}Kyiv";
        assert_eq!(LineIndex::new(bom).position(bom, 3), (1, 1));
        assert_eq!(LineIndex::new(bom).position(bom, 4), (1, 2));
    }

    #[test]
    fn columns_on_long_lines_match_a_plain_count() {
        // Lines longer than a block use the block counts; non-ASCII text on both sides of
        // block edges, a BOM and a second long line.
        let line = "é Kyiv ğ 🙂 summit ".repeat(900);
        let text = format!("\u{feff}{line}\n{line}\r\nend");
        let idx = LineIndex::new(&text);
        assert!(!idx.chars.is_empty());
        let second = text.find('\n').map_or(0, |i| i + 1);
        for offset in (0..text.len())
            .step_by(997)
            .chain([text.len(), second, second + 5000])
        {
            let mut o = offset;
            while !text.is_char_boundary(o) {
                o -= 1;
            }
            let third = text.len() - 3;
            let (line_no, start) = if o >= third {
                (3, third)
            } else if o >= second {
                (2, second)
            } else {
                (1, 3.min(o))
            };
            let want = (line_no, text[start..o].chars().count() + 1);
            assert_eq!(idx.position(&text, offset), want, "offset {offset}");
        }
    }

    #[test]
    fn offset_map_runs_and_atomic_entities() {
        // File `<p>AT&amp;T met</p>`: analysis "AT&T met".
        let mut m = OffsetMap::new();
        m.push(0, 2, 3, 2); // "AT"
        m.push(2, 1, 5, 5); // "&" from "&amp;"
        m.push(3, 5, 10, 5); // "T met"
        assert_eq!(m.span(Span::new(0, 4)), Span::new(3, 11));
        assert_eq!(m.span(Span::new(2, 3)), Span::new(5, 10));
        assert_eq!(m.span(Span::new(5, 8)), Span::new(12, 15));
        assert_eq!(m.span(Span::new(3, 3)), Span::new(10, 10));
        // Inserted separator bytes (8..10) and a later run.
        m.push(10, 4, 30, 4);
        assert_eq!(m.start(9), 30);
        assert_eq!(m.end(9), 15);
        assert_eq!(m.span(Span::new(10, 14)), Span::new(30, 34));
        assert_eq!(m.start(99), 34);
        // The reverse map: file bytes back to analysis bytes, the entity still atomic.
        let inv = m.inverse();
        assert_eq!(inv.span(Span::new(3, 11)), Span::new(0, 4));
        assert_eq!(inv.span(Span::new(6, 8)), Span::new(2, 3));
        assert_eq!(inv.span(Span::new(30, 34)), Span::new(10, 14));
        // Runs pushed out of file order are sorted.
        let mut o = OffsetMap::new();
        o.push(0, 5, 100, 5);
        o.push(7, 3, 10, 3);
        let inv = o.inverse();
        assert_eq!(inv.span(Span::new(10, 13)), Span::new(7, 10));
        assert_eq!(inv.span(Span::new(101, 103)), Span::new(1, 3));
    }
}
