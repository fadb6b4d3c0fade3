//! The bridge between an event noun and its place ("the summit, which was held in"), read
//! without compiling a regex: [`bridge`] accepts exactly the texts the regex it replaced
//! accepts (kept as the oracle of the tests, `bridge_re` in `events.rs`), ASCII throughout
//! (`(?-u)`: white space is `[\t\n\x0B\x0C\r ]`, `\b` an ASCII word boundary):
//!
//! ```text
//! ^\s*,?
//! (?: (?:\s+of\s+(?:the\s+)?TOK(?:\s+TOK)?)? (?:\s*(?:which|that)\b)? (?:\s+BE)? (?:\s*VERB)?
//!   | \s+of\s+(?:the\s+)?TOK(?:\s+TOK){1,9}\s*,? (?:\s*(?:which|that)\b)? (?:\s+BE_SHORT)?
//!     \s*VERB_SHORT )
//! (?:\s+(?:at|in|on|outside)\s+(?:(?:a|an|the|his|her|their|its)\s+)?SITE(?:\s+SITE){0,2})?
//! ,?\s+(?:in|at)\s+(?:the\s+)?$
//! ```
//!
//! with `TOK` = `[a-z0-9][a-z0-9&.\-']*` and `SITE` = `[a-z0-9'\-]+`. The text is read as
//! the regex engine reads it without backtracking: the set of every position each piece can
//! end at is carried from piece to piece, and the text is a bridge when its end is in the last
//! set. The work is at most the text's length times the number of positions in a set, and
//! callers pass gaps of at most a few hundred bytes.

/// Positions in the text, sorted, without repeats.
type Set = Vec<usize>;

/// A white-space byte of `(?-u)\s`.
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

/// A byte of `TOK` after its first one.
fn is_tok_byte(b: u8) -> bool {
    b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'&' | b'.' | b'-' | b'\'')
}

/// A byte of `SITE`.
fn is_site_byte(b: u8) -> bool {
    b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'\'' | b'-')
}

/// A byte of `[a-z0-9]`.
fn is_alnum_lower(b: u8) -> bool {
    b.is_ascii_lowercase() || b.is_ascii_digit()
}

/// The verbs of the first form (`VERB`), each word gap `\s+`.
const VERBS: [&str; 33] = [
    "held",
    "hosted",
    "staged",
    "convened",
    "convenes",
    "taking place",
    "took place",
    "takes place",
    "take place",
    "opened",
    "opens",
    "began",
    "begins",
    "started",
    "starts",
    "ended",
    "ends",
    "closed",
    "closes",
    "resumed",
    "resumes",
    "played",
    "fought",
    "contested",
    "happened",
    "occurred",
    "broke out",
    "continued",
    "continues",
    "kicked off",
    "kicks off",
    "got under way",
    "gets under way",
];

/// The verbs of the second form (`VERB_SHORT`).
const VERBS_SHORT: [&str; 7] = [
    "held",
    "hosted",
    "staged",
    "convened",
    "taking place",
    "took place",
    "takes place",
];

/// The auxiliaries of the first form (`BE`).
const BE: [&str; 14] = [
    "was",
    "were",
    "is",
    "are",
    "will be",
    "has been",
    "have been",
    "had been",
    "being",
    "to be",
    "is being",
    "are being",
    "was being",
    "were being",
];

/// The auxiliaries of the second form (`BE_SHORT`): the first ten of [`BE`].
const BE_SHORT: usize = 10;

/// The text being read.
struct Reader<'a> {
    t: &'a [u8],
}

impl Reader<'_> {
    /// `pred*` from every position of `s`.
    fn star(&self, s: &[usize], pred: fn(u8) -> bool) -> Set {
        let mut out = Set::new();
        for &p in s {
            out.push(p);
            let mut q = p;
            while self.t.get(q).is_some_and(|&b| pred(b)) {
                q += 1;
                out.push(q);
            }
        }
        norm(out)
    }

    /// `pred+` from every position of `s`.
    fn plus(&self, s: &[usize], pred: fn(u8) -> bool) -> Set {
        let one: Set = s
            .iter()
            .filter(|&&p| self.t.get(p).is_some_and(|&b| pred(b)))
            .map(|&p| p + 1)
            .collect();
        self.star(&one, pred)
    }

    /// `first rest*` from every position of `s`.
    fn token(&self, s: &[usize], first: fn(u8) -> bool, rest: fn(u8) -> bool) -> Set {
        let one: Set = s
            .iter()
            .filter(|&&p| self.t.get(p).is_some_and(|&b| first(b)))
            .map(|&p| p + 1)
            .collect();
        self.star(&one, rest)
    }

    /// Any of `phrases` (words separated by one space, read as `\s+`) from every position of
    /// `s`.
    fn any(&self, s: &[usize], phrases: &[&str]) -> Set {
        let mut out = Set::new();
        for ph in phrases {
            let mut cur: Set = s.to_vec();
            for (k, w) in ph.split(' ').enumerate() {
                if k > 0 {
                    cur = self.plus(&cur, is_space);
                }
                cur = cur
                    .iter()
                    .filter(|&&p| self.t.get(p..).is_some_and(|r| r.starts_with(w.as_bytes())))
                    .map(|&p| p + w.len())
                    .collect();
            }
            out.extend(cur);
        }
        norm(out)
    }

    /// The positions of `s` at an ASCII word boundary.
    fn boundary(&self, s: &[usize]) -> Set {
        let word = |i: Option<usize>| {
            i.and_then(|i| self.t.get(i))
                .is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'_')
        };
        s.iter()
            .copied()
            .filter(|&p| word(p.checked_sub(1)) != word(Some(p)))
            .collect()
    }

    /// `\s+of\s+(?:the\s+)?TOK`.
    fn of_phrase(&self, s: &[usize]) -> Set {
        let s = self.any(&self.plus(s, is_space), &["of"]);
        let s = self.plus(&s, is_space);
        let s = union(&s, &self.plus(&self.any(&s, &["the"]), is_space));
        self.token(&s, is_alnum_lower, is_tok_byte)
    }

    /// `\s+TOK` from every position of `s`.
    fn next_tok(&self, s: &[usize]) -> Set {
        self.token(&self.plus(s, is_space), is_alnum_lower, is_tok_byte)
    }

    /// `(?:\s*(?:which|that)\b)?` then `(?:\s+BE)?` with the first `be` auxiliaries.
    fn which_was(&self, s: &[usize], be: usize) -> Set {
        let which = self.boundary(&self.any(&self.star(s, is_space), &["which", "that"]));
        let s = union(s, &which);
        let aux = self.any(&self.plus(&s, is_space), BE.get(..be).unwrap_or_default());
        union(&s, &aux)
    }
}

fn norm(mut s: Set) -> Set {
    s.sort_unstable();
    s.dedup();
    s
}

fn union(a: &[usize], b: &[usize]) -> Set {
    norm(a.iter().chain(b).copied().collect())
}

/// True when `gap` ends as every bridge does, `\s+(?:in|at)\s+(?:the\s+)?$`: the cheap test
/// that turns most gaps away before the sets are built.
fn ends_in_at(gap: &str) -> bool {
    let ws = |c: char| c.is_ascii() && is_space(c as u8);
    let prep = |s: &str| {
        ["in", "at"]
            .iter()
            .any(|p| s.strip_suffix(p).is_some_and(|h| h.ends_with(ws)))
    };
    let t = gap.trim_end_matches(ws);
    if t.len() == gap.len() {
        return false;
    }
    prep(t)
        || t.strip_suffix("the").is_some_and(|h| {
            let h2 = h.trim_end_matches(ws);
            h2.len() < h.len() && prep(h2)
        })
}

/// True when `gap` (the lower-cased text between an event noun and a place) is a bridge: the
/// regex described in the module docs matches it whole.
pub(super) fn bridge(gap: &str) -> bool {
    if !ends_in_at(gap) {
        return false;
    }
    let r = Reader { t: gap.as_bytes() };
    let start = r.star(&[0], is_space);
    let start = union(&start, &r.any(&start, &[","]));
    // The first form: every part optional.
    let of = r.of_phrase(&start);
    let s = union(&start, &union(&of, &r.next_tok(&of)));
    let s = r.which_was(&s, BE.len());
    let first = union(&s, &r.any(&r.star(&s, is_space), &VERBS));
    // The second form: an "of" phrase of two to ten words, then a verb.
    let mut words = r.of_phrase(&start);
    let mut long = Set::new();
    for _ in 0..9 {
        words = r.next_tok(&words);
        long = union(&long, &words);
    }
    let s = r.star(&long, is_space);
    let s = union(&s, &r.any(&s, &[","]));
    let s = r.which_was(&s, BE_SHORT);
    let second = r.any(&r.star(&s, is_space), &VERBS_SHORT);
    // The site, then ", in the".
    let s = union(&first, &second);
    let at = r.plus(
        &r.any(&r.plus(&s, is_space), &["at", "in", "on", "outside"]),
        is_space,
    );
    let owner = ["a", "an", "the", "his", "her", "their", "its"];
    let at = union(&at, &r.plus(&r.any(&at, &owner), is_space));
    let mut site = r.token(&at, is_site_byte, is_site_byte);
    let mut sites = site.clone();
    for _ in 0..2 {
        site = r.token(&r.plus(&site, is_space), is_site_byte, is_site_byte);
        sites = union(&sites, &site);
    }
    let s = union(&s, &sites);
    let s = union(&s, &r.any(&s, &[","]));
    let s = r.plus(&r.any(&r.plus(&s, is_space), &["in", "at"]), is_space);
    let s = union(&s, &r.plus(&r.any(&s, &["the"]), is_space));
    s.binary_search(&gap.len()).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn oracle(gap: &str) -> bool {
        super::super::bridge_re().is_match(gap)
    }

    const SEP: &[&str] = &[
        " ", " ", " ", " ", "", "  ", "\t", "\n", "\u{b}", "\u{a0}", ",",
    ];

    /// A gap built by the regex's grammar (every optional part present or not, two to ten
    /// words of an "of" phrase, spaces of every kind), then in a third of the cases changed at
    /// one random place (a piece inserted, or a byte removed).
    fn grammar_gap(rng: &mut crate::test_text::Pieces) -> String {
        let sp = |rng: &mut crate::test_text::Pieces| SEP[rng.below(SEP.len() - 1)];
        let pick =
            |rng: &mut crate::test_text::Pieces, o: &[&str]| o[rng.below(o.len())].to_string();
        let toks = [
            "leaders", "g-7", "region's", "the", "x&y.", "states", "eu", "a", "7",
        ];
        let mut g = pick(rng, &["", " ", ",", " ,", "  ,", "\t"]);
        let of_phrase = |rng: &mut crate::test_text::Pieces, g: &mut String, n: usize| {
            g.push_str(sp(rng));
            g.push_str("of");
            g.push_str(sp(rng));
            if rng.below(2) == 0 {
                g.push_str("the");
                g.push_str(sp(rng));
            }
            for k in 0..n {
                if k > 0 {
                    g.push_str(sp(rng));
                }
                g.push_str(&pick(rng, &toks));
            }
        };
        let long = rng.below(3) == 0;
        if long {
            let n = 2 + rng.below(10);
            of_phrase(rng, &mut g, n);
            g.push_str(&pick(rng, &["", "", ",", " ,"]));
        } else if rng.below(2) == 0 {
            let n = 1 + rng.below(2);
            of_phrase(rng, &mut g, n);
        }
        if rng.below(2) == 0 {
            g.push_str(&pick(rng, &["", " ", "\t"]));
            g.push_str(&pick(rng, &["which", "that"]));
        }
        if rng.below(2) == 0 {
            g.push_str(sp(rng));
            g.push_str(&pick(rng, &BE).replace(' ', sp(rng)));
        }
        if long || rng.below(2) == 0 {
            g.push_str(&pick(rng, &["", " ", "\n"]));
            let verbs: &[&str] = if long { &VERBS_SHORT } else { &VERBS };
            g.push_str(&pick(rng, verbs).replace(' ', sp(rng)));
        }
        if rng.below(3) == 0 {
            g.push_str(sp(rng));
            g.push_str(&pick(rng, &["at", "in", "on", "outside"]));
            g.push_str(sp(rng));
            if rng.below(2) == 0 {
                g.push_str(&pick(
                    rng,
                    &["a", "an", "the", "his", "her", "their", "its"],
                ));
                g.push_str(sp(rng));
            }
            for k in 0..1 + rng.below(3) {
                if k > 0 {
                    g.push_str(sp(rng));
                }
                g.push_str(&pick(
                    rng,
                    &["house", "old", "bailey", "o'hare", "x-y", "7"],
                ));
            }
        }
        g.push_str(&pick(rng, &["", "", ","]));
        g.push_str(sp(rng));
        g.push_str(&pick(rng, &["in", "at"]));
        g.push_str(sp(rng));
        if rng.below(2) == 0 {
            g.push_str("the");
            g.push_str(sp(rng));
        }
        if rng.below(3) == 0 {
            let at = rng.below(g.len() + 1);
            if g.is_char_boundary(at) {
                if rng.below(2) == 0 {
                    let piece = pick(
                        rng,
                        &["x", " ", ",", "_", "é", "the", "of", "in", "\u{a0}", "A"],
                    );
                    g.insert_str(at, &piece);
                } else if at < g.len() && g.is_char_boundary(at + 1) {
                    g.remove(at);
                }
            }
        }
        g
    }

    /// [`bridge`] says what the regex says, on gaps built by its grammar and changed at random,
    /// and on words joined at random.
    #[test]
    fn agrees_with_the_regex_on_generated_gaps() {
        let mut rng = crate::test_text::Pieces::new(0x243f_6a88_85a3_08d3);
        let (mut yes, mut no) = (0, 0);
        for _ in 0..100_000 {
            let gap = grammar_gap(&mut rng);
            let want = oracle(&gap);
            assert_eq!(bridge(&gap), want, "{gap:?}");
            if want {
                yes += 1;
            } else {
                no += 1;
            }
        }
        let words = [
            " ", " ", "  ", "\t", ",", "of", "the", "which", "that", "was", "is", "being", "held",
            "took", "place", "at", "in", "on", "outside", "a", "his", "x", "g-7", "é", "\u{a0}",
        ];
        for _ in 0..40_000 {
            let gap = rng.text_up_to(&words, 12);
            let want = oracle(&gap);
            assert_eq!(bridge(&gap), want, "{gap:?}");
            yes += usize::from(want);
        }
        assert!(yes > 10_000 && no > 10_000, "{yes} {no}");
    }

    /// The same on the fixtures: every lower-cased stretch of a line, from a word end up to
    /// 120 bytes back, that ends after " in ", " at " or " the ".
    #[test]
    fn agrees_with_the_regex_on_the_fixtures() {
        let mut n = 0;
        for text in super::super::fixture_lines() {
            let low = text.to_lowercase();
            let ends = ["in ", "at ", "the "]
                .iter()
                .flat_map(|w| low.match_indices(w).map(|(i, _)| i + w.len()));
            for end in ends.collect::<Vec<_>>() {
                let starts = (end.saturating_sub(120)..end).filter(|&s| {
                    s > 0
                        && low
                            .as_bytes()
                            .get(s - 1)
                            .is_some_and(|b| b.is_ascii_alphanumeric())
                        && low.is_char_boundary(s)
                });
                for s in starts {
                    let gap = low.get(s..end).unwrap_or_default();
                    assert_eq!(bridge(gap), oracle(gap), "{gap:?}");
                    n += usize::from(oracle(gap));
                }
            }
        }
        assert!(n > 100, "{n}");
    }
}
