//! Sentences: one splitter for the whole crate.

use crate::knowledge::lexicon;
use crate::source::{skip_ws, Span};

/// Sentence spans inside `seg` (bytes). A sentence ends at `.`, `!` or `?` (plus closing quotes
/// or brackets) followed by whitespace and an upper-case letter, digit or opening quote, unless
/// the word before the stop is a known abbreviation or a single letter (an initial).
pub fn split(text: &str, seg: Span) -> Vec<Span> {
    let mut out = Vec::new();
    split_into(text, seg, &mut out);
    out
}

/// [`split`], appending the spans to `out` (one vector for all of an article's segments).
pub fn split_into(text: &str, seg: Span, out: &mut Vec<Span>) {
    let s = text.get(seg.start..seg.end).unwrap_or_default();
    let bytes = s.as_bytes();
    let mut word_buf = String::new();
    let mut start = 0;
    let mut i = 0;
    // From stop to stop: only `.`, `!` and `?` can end a sentence.
    while let Some(off) = bytes
        .get(i..)
        .and_then(|r| memchr::memchr3(b'.', b'!', b'?', r))
    {
        i += off;
        let Some(&b) = bytes.get(i) else { break };
        let mut j = i + 1;
        // closing quotes/brackets
        while j < bytes.len() {
            let rest = s.get(j..).unwrap_or_default();
            if rest.starts_with('"') || rest.starts_with('\'') || rest.starts_with(')') {
                j += 1;
            } else if rest.starts_with('”') || rest.starts_with('’') {
                j += 3;
            } else {
                break;
            }
        }
        if bytes.get(j).is_some_and(u8::is_ascii_whitespace) {
            let k = skip_ws(s, j);
            let next = s.get(k..).and_then(|r| r.chars().next());
            let starts_new = next.is_some_and(|c| {
                c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '‘' | '(')
            });
            // The abbreviation test matters only where a sentence would end here.
            let mut abbrev = || {
                // The byte after the separator, whose width may be more than one byte (a
                // no-break space is two).
                let word_start = s
                    .get(..i)
                    .unwrap_or_default()
                    .char_indices()
                    .rev()
                    .find(|&(_, c)| c.is_whitespace() || c == '(' || c == '"')
                    .map_or(0, |(p, c)| p + c.len_utf8());
                let word = s.get(word_start..i).unwrap_or_default();
                word_buf.clear();
                word_buf.push_str(word);
                word_buf.make_ascii_lowercase();
                lexicon::contains(lexicon::text::ABBREVIATIONS, &word_buf)
                    || (word.chars().count() == 1 && word.chars().all(|c| c.is_alphabetic()))
            };
            if starts_new && k < bytes.len() && !(b == b'.' && abbrev()) {
                out.push(Span::new(seg.start + start, seg.start + j));
                start = k;
                i = k;
                continue;
            }
        }
        i = j.max(i + 1);
    }
    if start < s.len() {
        let tail = s.get(start..).unwrap_or_default().trim_end();
        if !tail.is_empty() {
            out.push(Span::new(seg.start + start, seg.start + start + tail.len()));
        }
    }
}
