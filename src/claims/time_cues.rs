//! The cheap pass in front of the time regexes and scanners: one scan over a segment's bytes
//! that tells which forms can match at all, so that a form's regex or scanner runs only where
//! it may find something. The duration cue is stated (and tested) against the duration regex,
//! the oracle that `duration_scan.rs` is tested against.
//!
//! Every cue is a necessary condition of its form: a segment without the cue holds no match. A
//! non-ASCII byte where a space or a word boundary decides counts as a possible match (`\s` in
//! the regexes is Unicode's: a no-break space is a space).

/// Which time forms a segment may hold, found by [`Cues::of`] in one pass.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Cues {
    /// "day", "tomorrow" or "tonight" in any ASCII case (relative days and weekdays).
    pub(super) days: bool,
    /// "week", "month" or "year" in any ASCII case (relative periods).
    pub(super) periods: bool,
    /// A place where the duration regex may match (see [`duration_cue_at`]).
    pub(super) durations: bool,
    /// "born" in any ASCII case.
    pub(super) born: bool,
    /// "ago" in any ASCII case.
    pub(super) ago: bool,
}

/// The last `n` bytes of a [`Cues::of`] window.
const fn mask(n: u32) -> u64 {
    u64::MAX >> (64 - 8 * n)
}

/// `word` (lower case, at most 8 bytes) as the window [`Cues::of`] holds after reading it.
const fn window(word: &[u8; 8]) -> u64 {
    u64::from_be_bytes(*word)
}

const DAY: u64 = window(b"\0\0\0\0\0day");
const AGO: u64 = window(b"\0\0\0\0\0ago");
const WEEK: u64 = window(b"\0\0\0\0week");
const YEAR: u64 = window(b"\0\0\0\0year");
const HOUR: u64 = window(b"\0\0\0\0hour");
const BORN: u64 = window(b"\0\0\0\0born");
const MONTH: u64 = window(b"\0\0\0month");
const NIGHT: u64 = window(b"\0\0\0night");
const TONIGHT: u64 = window(b"\0tonight");
const TOMORROW: u64 = window(b"tomorrow");

/// The cue words, in the order of [`CUE_WORDS`]'s automaton's pattern ids.
const CUE_WORDS: [&str; 10] = [
    "day", "ago", "week", "year", "hour", "born", "month", "night", "tonight", "tomorrow",
];

/// One automaton for every cue word, in any ASCII case (built on first use, microseconds).
fn cue_words() -> Option<&'static aho_corasick::AhoCorasick> {
    static AC: std::sync::OnceLock<Option<aho_corasick::AhoCorasick>> = std::sync::OnceLock::new();
    AC.get_or_init(|| {
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(CUE_WORDS)
            .ok()
    })
    .as_ref()
}

impl Cues {
    /// The cues of `text` (a segment), in one pass over its bytes: every occurrence of a cue
    /// word in any ASCII case, overlapping ones included ("night" in "tonight"), found by one
    /// Aho-Corasick automaton. The same as [`Cues::by_window`], which reads every byte itself
    /// (the test oracle).
    pub(super) fn of(text: &str) -> Cues {
        let Some(ac) = cue_words() else {
            return Cues::by_window(text);
        };
        let b = text.as_bytes();
        let mut c = Cues::default();
        for m in ac.find_overlapping_iter(text) {
            let (at, id) = (m.start(), m.pattern().as_usize());
            let unit: Option<&[u8]> = match id {
                0 => {
                    c.days = true;
                    Some(b"day")
                }
                1 => {
                    c.ago = true;
                    None
                }
                2 | 3 | 6 => {
                    c.periods = true;
                    CUE_WORDS.get(id).map(|w| w.as_bytes())
                }
                4 => Some(b"hour"),
                5 => {
                    c.born = true;
                    None
                }
                7 => Some(b"night"),
                _ => {
                    // "tonight", "tomorrow".
                    c.days = true;
                    None
                }
            };
            if let Some(u) = unit {
                c.durations = c.durations || duration_cue_at(b, at, u);
            }
        }
        c
    }

    /// [`Cues::of`] by a window over the bytes, kept where the automaton cannot be built and as
    /// the test oracle.
    ///
    /// The pass keeps the last eight bytes read, each OR-ed with 0x20, in one `u64`: for a
    /// lower-case letter `l`, `c | 0x20 == l` exactly when `c` is `l` or its capital, so a word
    /// ending at the current byte is one masked comparison in any ASCII case.
    pub(super) fn by_window(text: &str) -> Cues {
        let b = text.as_bytes();
        let mut c = Cues::default();
        let mut w = 0u64;
        for (i, &byte) in b.iter().enumerate() {
            let low = byte | 0x20;
            w = (w << 8) | u64::from(low);
            // The first byte of a word of `n` bytes ending here.
            let start = |n: usize| (i + 1).saturating_sub(n);
            // Most bytes end no word: test them all without branching on the byte (a `match`
            // on it is an unpredictable jump per byte), then sort out the rare hits.
            let (m3, m4, m5) = (w & mask(3), w & mask(4), w & mask(5));
            let hit = (m3 == DAY)
                | (m3 == AGO)
                | (m4 == WEEK)
                | (m4 == YEAR)
                | (m4 == HOUR)
                | (m4 == BORN)
                | (m5 == MONTH)
                | (m5 == NIGHT)
                | (w == TOMORROW);
            if !hit {
                continue;
            }
            let mut unit: Option<(usize, &[u8])> = None;
            match low {
                b'y' if w & mask(3) == DAY => {
                    c.days = true;
                    unit = Some((start(3), b"day"));
                }
                b'o' if w & mask(3) == AGO => c.ago = true,
                b'k' if w & mask(4) == WEEK => {
                    c.periods = true;
                    unit = Some((start(4), b"week"));
                }
                b'r' if w & mask(4) == YEAR => {
                    c.periods = true;
                    unit = Some((start(4), b"year"));
                }
                b'r' if w & mask(4) == HOUR => unit = Some((start(4), b"hour")),
                b'n' if w & mask(4) == BORN => c.born = true,
                b'h' if w & mask(5) == MONTH => {
                    c.periods = true;
                    unit = Some((start(5), b"month"));
                }
                b't' if w & mask(5) == NIGHT => {
                    c.days = c.days || w & mask(7) == TONIGHT;
                    unit = Some((start(5), b"night"));
                }
                b'w' if w == TOMORROW => c.days = true,
                _ => {}
            }
            if let Some((at, u)) = unit {
                c.durations = c.durations || duration_cue_at(b, at, u);
            }
        }
        c
    }
}

/// True when `b` ends with `word` (lower-case ASCII) in any ASCII case.
fn ends_ci(b: &[u8], word: &[u8]) -> bool {
    b.len()
        .checked_sub(word.len())
        .and_then(|k| b.get(k..))
        .is_some_and(|t| t.eq_ignore_ascii_case(word))
}

/// A space as `\s` reads it, for ASCII bytes (U+0009–U+000D and U+0020).
fn is_space(c: u8) -> bool {
    c == b' ' || (b'\t'..=b'\r').contains(&c)
}

/// A byte of the duration regex's number word (`[0-9]{1,3}|[A-Za-z]+(?:-[A-Za-z]+)?`).
fn is_word_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'-'
}

/// `head` without its longest tail of bytes satisfying `pred`, or `None` when the byte before
/// that tail is not ASCII (it may be a Unicode space: the caller then assumes a match).
fn trim_back(head: &[u8], pred: fn(u8) -> bool) -> Option<&[u8]> {
    let n = head.iter().rev().take_while(|&&c| pred(c)).count();
    let rest = head.get(..head.len() - n)?;
    match rest.last() {
        Some(c) if !c.is_ascii() => None,
        _ => Some(rest),
    }
}

/// The last words of the words that may stand right before the number of the duration
/// regex's lasting form: its leads ("for", "lasted", "runs", ...) and the last word of each
/// qualifier ("about", "close to", "at least", ...).
const BEFORE_NUMBER: [&[u8]; 23] = [
    b"for",
    b"lasted",
    b"lasts",
    b"ran",
    b"runs",
    b"run",
    b"spanned",
    b"spans",
    b"about",
    b"around",
    b"some",
    b"roughly",
    b"approximately",
    b"nearly",
    b"almost",
    b"to",
    b"than",
    b"under",
    b"over",
    b"least",
    b"exactly",
    b"just",
    b"only",
];

/// True unless the duration regex certainly has no match whose unit word is `unit` (lower
/// case, as the regex spells units) at byte `i` of `b`. The three forms need, before the unit:
///
/// - a hyphen after an ASCII letter or digit ("two-day");
/// - or white space after a number word after white space after a lead or a qualifier ("for
///   three days", "lasted about two weeks");
/// - or white space, with "s", white space, "of" and white space after the unit ("three days
///   of talks").
pub(super) fn duration_cue_at(b: &[u8], i: usize, unit: &[u8]) -> bool {
    let (Some(head), Some(tail)) = (b.get(..i), b.get(i..)) else {
        return false;
    };
    if !tail.starts_with(unit) {
        return false;
    }
    match head.last() {
        None => false,
        Some(b'-') => head
            .len()
            .checked_sub(2)
            .and_then(|k| head.get(k))
            .is_some_and(u8::is_ascii_alphanumeric),
        Some(c) if !c.is_ascii() => true,
        Some(&c) if is_space(c) => lead_before(head) || of_after(tail, unit),
        Some(_) => false,
    }
}

/// The lasting form before a unit: `head` ends with spaces, a number word, spaces, and a
/// lead or qualifier.
fn lead_before(head: &[u8]) -> bool {
    let Some(h) = trim_back(head, is_space) else {
        return true;
    };
    let Some(w) = trim_back(h, is_word_byte) else {
        return true;
    };
    if w.len() == h.len() {
        return false;
    }
    let Some(s) = trim_back(w, is_space) else {
        return true;
    };
    s.len() < w.len() && BEFORE_NUMBER.iter().any(|l| ends_ci(s, l))
}

/// The "of" form after a unit: `unit` is "day", "night" or "week" and `tail` (starting at the
/// unit) goes on with "s", spaces, "of" and a space.
fn of_after(tail: &[u8], unit: &[u8]) -> bool {
    if !(unit == b"day" || unit == b"night" || unit == b"week") {
        return false;
    }
    let Some(after) = tail.get(unit.len()..).and_then(|t| t.strip_prefix(b"s")) else {
        return false;
    };
    let n = after.iter().take_while(|&&c| is_space(c)).count();
    let Some(rest) = after.get(n..) else {
        return false;
    };
    match rest.first() {
        Some(c) if !c.is_ascii() => true,
        Some(_) if n > 0 && rest.starts_with(b"of") => match rest.get(2) {
            Some(c) if !c.is_ascii() => true,
            Some(&c) => is_space(c),
            None => false,
        },
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The cues agree with the substring guards they replace, and wherever the duration regex
    /// matches, the duration cue is set (it may also be set where nothing matches).
    #[test]
    fn cues_never_hide_a_match() {
        let pieces = [
            "for",
            "For",
            " ",
            "  ",
            "\u{a0}",
            "\n",
            "-",
            "day",
            "days",
            "Day",
            "night",
            "nights",
            "week",
            "weeks",
            "month",
            "months",
            "year",
            "years",
            "hour",
            "hours",
            "-long",
            "old",
            "of",
            " of ",
            "talks",
            "two",
            "twenty-five",
            "45",
            "a",
            "about",
            "close to",
            "at least",
            "lasted",
            "runs",
            "ran",
            "spans",
            "Tuesday",
            "today",
            "tomorrow",
            "TONIGHT",
            "born",
            "Born",
            "ago",
            "AGO",
            "the",
            ",",
            ".",
            "É",
            "’",
            "x",
        ];
        let matched = std::cell::Cell::new(0usize);
        crate::test_text::agree(
            0x51c3_0e2b_9d47_a8f1,
            &pieces,
            (10, 150_000),
            |t| {
                let low = t.to_ascii_lowercase();
                let has = |w: &str| low.contains(w);
                let dur = super::super::duration_re().is_match(t);
                matched.set(matched.get() + usize::from(dur));
                vec![
                    has("day") || has("tomorrow") || has("tonight"),
                    has("week") || has("month") || has("year"),
                    dur,
                    has("born"),
                    has("ago"),
                ]
            },
            |t| {
                let c = Cues::of(t);
                let dur = super::super::duration_re().is_match(t);
                vec![c.days, c.periods, dur && c.durations, c.born, c.ago]
            },
        );
        assert!(matched.get() > 500, "{}", matched.get());
    }

    /// The automaton finds what the window finds, on generated texts of cue words in every
    /// case, near-misses and the fixtures.
    #[test]
    fn automaton_agrees_with_window() {
        let pieces = [
            "day", "DAY", "Days", "ago", "aGo", "week", "year", "YEARS", "hour", "born", "month",
            "night", "Tonight", "tomorrow", "TOMORROW", "to", "morrow", "ni", "ght", "-", " ",
            "for", "two", "of", "s", "lasted", "about", "É", "\u{a0}", "x", "1",
        ];
        let mut texts = crate::test_text::fixture_texts();
        let mut rng = crate::test_text::Pieces::new(0x7f4a_7c15_9e37_79b9);
        for _ in 0..60_000 {
            texts.push(rng.text(&pieces, 10));
        }
        let mut durations = 0;
        for t in &texts {
            assert_eq!(Cues::of(t), Cues::by_window(t), "{t:?}");
            durations += usize::from(Cues::of(t).durations);
        }
        assert!(durations > 1_000, "{durations}");
    }

    #[test]
    fn duration_cue_is_tight() {
        for t in [
            "Last year the company said on Tuesday that it would grow.",
            "The day after, the year ended.",
            "the (-day",
        ] {
            assert!(!Cues::of(t).durations, "{t}");
        }
        for t in [
            "a two-day summit",
            "for three weeks",
            "lasted about two days",
            "three days of talks",
            "some 20\u{a0}years",
        ] {
            assert!(Cues::of(t).durations, "{t}");
        }
    }
}
