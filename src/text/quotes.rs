//! Quotations and their speakers.

use crate::knowledge::lexicon;
use crate::source::Span;

/// Quotation spans inside `seg`, marks excluded. Curly quotes pair “ with ”; straight double
/// quotes pair in order. An unclosed quotation runs to the end of the segment (a quote that
/// continues into the next paragraph).
pub fn find(text: &str, seg: Span) -> Vec<Span> {
    let Some(s) = text.get(seg.start..seg.end) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None;
    // Only `"` and characters led by 0xC2 (« ») or 0xE2 (“ ” ‘ ’) can open or close a
    // quotation; those bytes never occur inside another character, so the scan skips the rest
    // and decodes the characters around a candidate only when it needs them.
    let bytes = s.as_bytes();
    let mut i = 0;
    while let Some(rel) = bytes
        .get(i..)
        .and_then(|r| memchr::memchr3(b'"', 0xC2, 0xE2, r))
    {
        let at = i + rel;
        let Some(c) = s.get(at..).and_then(|r| r.chars().next()) else {
            break;
        };
        let end = at + c.len_utf8();
        i = end;
        let after_space = || {
            s.get(..at)
                .and_then(|r| r.chars().next_back())
                .is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | '—' | '–'))
        };
        let word_follows = || {
            s.get(end..)
                .and_then(|r| r.chars().next())
                .is_some_and(char::is_alphanumeric)
        };
        match (open, c) {
            (None, '“' | '"' | '«') => open = Some((end, c)),
            // ‘ opens only at a word start; ’ closes only at a word end (not "Zelensky’s").
            (None, '‘') if after_space() => open = Some((end, c)),
            (Some((st, '“')), '”') | (Some((st, '"')), '"') | (Some((st, '«')), '»') => {
                if at > st {
                    out.push(Span::new(seg.start + st, seg.start + at));
                }
                open = None;
            }
            (Some((st, '‘')), '’') if !word_follows() => {
                if at > st {
                    out.push(Span::new(seg.start + st, seg.start + at));
                }
                open = None;
            }
            _ => {}
        }
    }
    if let Some((st, _)) = open {
        if st < s.len() {
            out.push(Span::new(seg.start + st, seg.end));
        }
    }
    out
}

/// The speaker a quotation is attributed to, when the text says so right next to it:
/// `"...," Smith said` / `"...," said Smith` / `Smith said: "..."`. `quote` excludes the marks;
/// `segment` is the segment holding it. Returns the span of the speaker's name (bytes), or
/// `None` when no speech verb from `rules/lexicons/text.toml` `[speech_verbs]` is adjacent.
/// Pronouns ("he said") are not speakers.
pub fn speaker(text: &str, quote: Span, segment: Span) -> Option<Span> {
    let close = text
        .get(quote.end..)
        .and_then(|r| r.chars().next())
        .map_or(0, char::len_utf8);
    let after_start = (quote.end + close).min(segment.end);
    let after_end = segment.end.min(after_start + 120);
    let after = text
        .get(after_start..after_end)
        .or_else(|| text.get(after_start..segment.end))?;
    if let Some((first, second)) = super::attribution::after_quote(after) {
        let word = |r: &std::ops::Range<usize>| after.get(r.clone()).unwrap_or_default();
        let (verb, name) = if lexicon::contains(lexicon::text::SPEECH_VERBS, word(&first)) {
            (first, second)
        } else {
            (second, first)
        };
        if lexicon::contains(lexicon::text::SPEECH_VERBS, word(&verb)) && !is_pronoun(word(&name)) {
            return Some(Span::new(after_start + name.start, after_start + name.end));
        }
    }
    // `Smith said: "..."` — the attribution before the opening mark.
    let open_len = text
        .get(..quote.start)
        .and_then(|r| r.chars().next_back())
        .map_or(1, char::len_utf8);
    let open = quote.start.checked_sub(open_len)?;
    let mut from = open.saturating_sub(120).max(segment.start);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let mut to = open;
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    let before = text.get(from..to)?;
    let (name, verb) = super::attribution::before_quote(before)?;
    let word = |r: &std::ops::Range<usize>| before.get(r.clone()).unwrap_or_default();
    (lexicon::contains(lexicon::text::SPEECH_VERBS, word(&verb)) && !is_pronoun(word(&name)))
        .then(|| Span::new(from + name.start, from + name.end))
}

fn is_pronoun(w: &str) -> bool {
    matches!(
        w,
        "He" | "She" | "They" | "It" | "We" | "I" | "You" | "This" | "That"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn speaker_of(t: &str) -> Option<&str> {
        let seg = Span::new(0, t.len());
        let q = find(t, seg)[0];
        speaker(t, q, seg).map(|s| &t[s.start..s.end])
    }

    #[test]
    fn speakers_after_and_before_the_quotation() {
        assert_eq!(
            speaker_of("\"We will rebuild,\" Volodymyr Zelensky said."),
            Some("Volodymyr Zelensky")
        );
        assert_eq!(speaker_of("“We will rebuild,” said Smith."), Some("Smith"));
        assert_eq!(speaker_of("Smith told reporters: “We will rebuild.”"), None);
        assert_eq!(speaker_of("Smith said: “We will rebuild.”"), Some("Smith"));
        assert_eq!(speaker_of("\"We will rebuild,\" he said."), None);
        assert_eq!(speaker_of("\"We will rebuild,\" the Rivers Said."), None);
    }

    #[test]
    fn quotation_spans_exclude_marks() {
        let t = "He said “a ‘b’ c” and \"d\".";
        let q = find(t, Span::new(0, t.len()));
        let texts: Vec<&str> = q.iter().map(|s| &t[s.start..s.end]).collect();
        assert_eq!(texts, vec!["a ‘b’ c", "d"]);
    }
}
