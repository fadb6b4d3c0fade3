//! Clauses: the stretch of a sentence between clause breaks.

use crate::knowledge::lexicon;
use crate::source::Span;

/// Punctuation that breaks a clause; conjunctions come from `rules/lexicons/text.toml`
/// `[clause_conjunctions]` and break only as whole words.
const BREAK_MARKS: [&str; 8] = [",", ";", ":", " — ", " – ", " - ", "(", ")"];

/// Clause breaks in `s`, as byte ranges, unsorted.
fn breaks(s: &str) -> Vec<(usize, usize)> {
    let mut v = Vec::new();
    for sep in BREAK_MARKS {
        v.extend(s.match_indices(sep).map(|(i, m)| (i, i + m.len())));
    }
    for (i, w) in super::words::words(s) {
        if w.len() + 2 <= MAX_BREAK
            && lexicon::contains_lower(lexicon::text::CLAUSE_CONJUNCTIONS, w)
            && s.get(..i).is_some_and(|b| b.ends_with(' '))
            && s.get(i + w.len()..).is_some_and(|a| a.starts_with(' '))
        {
            v.push((i - 1, i + w.len() + 1));
        }
    }
    v
}

/// The clause of `inner` within `sentence` (both byte spans into `text`): the text between the
/// nearest clause breaks around it (commas, semicolons, colons, dashes, brackets, and the
/// conjunctions "and", "but", "while", "when", "whereas"). `sentence` itself when `inner` is
/// not inside it.
pub fn clause_around(text: &str, sentence: Span, inner: Span) -> Span {
    clause_in(sentence, &sentence_breaks(text, sentence), inner)
}

/// The clause breaks of `sentence` (byte ranges relative to its start), sorted: compute them
/// once per sentence and pass them to [`clause_in`] for each span in it.
pub fn sentence_breaks(text: &str, sentence: Span) -> Vec<(usize, usize)> {
    let mut bs = text
        .get(sentence.start..sentence.end)
        .map(breaks)
        .unwrap_or_default();
    bs.sort_unstable();
    bs
}

/// The longest clause break [`breaks`] gives, in bytes: conjunctions longer than this are not
/// breaks. Lets [`clause_in`] stop its backward scan early (see there).
const MAX_BREAK: usize = 64;

/// [`clause_around`] with the sentence's breaks already computed by [`sentence_breaks`].
///
/// `breaks` sorted by start (as [`sentence_breaks`] gives them): two binary searches and a
/// backward scan over the breaks within `MAX_BREAK` bytes, so a sentence with many breaks and
/// many spans (a single-line file) stays linear overall.
pub fn clause_in(sentence: Span, breaks: &[(usize, usize)], inner: Span) -> Span {
    if !sentence.contains(inner) {
        return sentence;
    }
    let rel_start = inner.start - sentence.start;
    let rel_end = inner.end - sentence.start;
    // The last break ending at or before the span: every candidate starts before `rel_start`;
    // one starting at `b` ends by `b + MAX_BREAK`, so once `b + MAX_BREAK <= lo` none earlier
    // can end later.
    let before = breaks.partition_point(|(b, _)| *b < rel_start);
    let mut lo = 0;
    for &(b, e) in breaks.get(..before).unwrap_or_default().iter().rev() {
        if b + MAX_BREAK <= lo {
            break;
        }
        if e <= rel_start {
            lo = lo.max(e);
        }
    }
    let after = breaks.partition_point(|(b, _)| *b < rel_end);
    let hi = breaks.get(after).map_or(sentence.len(), |(b, _)| *b);
    Span::new(sentence.start + lo, sentence.start + hi.max(lo))
}

/// Every clause of `sentence` in order (byte spans into `text`), trimmed of spaces; empty ones
/// dropped.
pub fn clauses(text: &str, sentence: Span) -> Vec<Span> {
    let Some(s) = text.get(sentence.start..sentence.end) else {
        return vec![sentence];
    };
    let mut bs = breaks(s);
    bs.sort_unstable();
    let mut out = Vec::new();
    let mut pos = 0;
    for (b, e) in bs.into_iter().chain([(s.len(), s.len())]) {
        if b >= pos {
            let part = s.get(pos..b).unwrap_or_default();
            let lead = part.len() - part.trim_start().len();
            let t = part.trim();
            if !t.is_empty() {
                let st = sentence.start + pos + lead;
                out.push(Span::new(st, st + t.len()));
            }
            pos = e.max(pos);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clause_of_a_number() {
        let t = "Police said 12 people died, and 40 were hurt when the roof fell.";
        let s = Span::new(0, t.len());
        let at = |w: &str| {
            let i = t.find(w).unwrap();
            Span::new(i, i + w.len())
        };
        let c = clause_around(t, s, at("40"));
        assert_eq!(&t[c.start..c.end], "40 were hurt");
        let c = clause_around(t, s, at("12"));
        assert_eq!(clause_in(s, &sentence_breaks(t, s), at("12")), c);
        assert_eq!(&t[c.start..c.end], "Police said 12 people died");
        let all: Vec<&str> = clauses(t, s).iter().map(|c| &t[c.start..c.end]).collect();
        assert_eq!(
            all,
            vec![
                "Police said 12 people died",
                "40 were hurt",
                "the roof fell."
            ]
        );
    }
}
