//! Fold rules: the ordered rewrite rules of `rules/names.toml` `[[rule]]`, matched by a small
//! backtracking matcher instead of a regex engine.
//!
//! A name key is a handful of ASCII letters, and the rules are short alternations of literals
//! ("(sk|ck|tsk|zk)(yy|yi|iy|ii|ij|yj|i|y)$"). Compiling them as regexes cost about 0.6 ms of
//! every run (start-up); this matcher needs nothing compiled and is faster on such short keys.
//!
//! The pattern language is a subset of Rust `regex` syntax with the same meaning
//! (leftmost-first, non-overlapping, alternatives tried in the order written):
//!
//! - an optional `^` first and an optional `$` last (start and end of the key);
//! - between them one or more items: an ASCII letter or digit (itself), or a capturing group
//!   `(alt|alt|...)` whose alternatives are each one or more ASCII letters or digits, or one
//!   class such as `[aeiou]` or `[a-z]`.
//!
//! The replacement is literal text with `${N}` (group `N`; `${0}` is the whole match) and `$$`
//! (a dollar sign). Anything else is an error, so a rule outside the subset is caught when the
//! data is built (`build.rs` parses every rule with this module and fails the build).
//!
//! This file is self-contained (std only): `build.rs` includes it with `#[path]`.

/// One alternative of a group.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Alt {
    /// These bytes, in order.
    Literal(Vec<u8>),
    /// One byte in one of these inclusive ranges.
    Class(Vec<(u8, u8)>),
}

/// One item of a pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Item {
    /// This byte.
    Byte(u8),
    /// Capturing group number `N` (from 1): the alternatives, tried in order.
    Group(usize, Vec<Alt>),
}

/// One piece of a replacement.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Piece {
    /// These bytes.
    Literal(Vec<u8>),
    /// The text of group `N` (0 = the whole match).
    Group(usize),
}

/// A parsed rule: a pattern and its replacement. See the module docs for the syntax.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FoldRule {
    at_start: bool,
    at_end: bool,
    items: Vec<Item>,
    groups: usize,
    replace: Vec<Piece>,
    /// The bytes a match can start with (indexed by byte value).
    first: [bool; 256],
    /// The shortest and longest match, in bytes.
    min_len: usize,
    max_len: usize,
    /// ASCII bytes that every match contains, as a [`byte_set`]: a text lacking one of them
    /// cannot match ([`FoldRule::may_match`]).
    needs: u128,
}

/// The set of ASCII bytes in `text`: bit `b` for byte `b` (other bytes are left out). See
/// [`FoldRule::may_match`].
pub fn byte_set(text: &[u8]) -> u128 {
    text.iter().fold(0, |set, &b| set | byte_bit(b))
}

/// Bit `b` of a [`byte_set`]; none for a byte that is not ASCII.
fn byte_bit(b: u8) -> u128 {
    if b < 128 {
        1 << b
    } else {
        0
    }
}

/// The ASCII bytes every match of `item` contains: a byte item's byte; for a group, those
/// common to all its alternatives (a class counts only when it is one byte).
fn item_needs(item: &Item) -> u128 {
    match item {
        Item::Byte(b) => byte_bit(*b),
        Item::Group(_, alts) => alts
            .iter()
            .map(|alt| match alt {
                Alt::Literal(l) => byte_set(l),
                Alt::Class(ranges) => match ranges.as_slice() {
                    [(lo, hi)] if lo == hi => byte_bit(*lo),
                    _ => 0,
                },
            })
            .reduce(|a, b| a & b)
            .unwrap_or(0),
    }
}

/// Room for the group spans of a rule without allocating (the embedded rules have at most two
/// groups); rules with more use a `Vec`.
const INLINE_CAPS: usize = 4;

/// The shortest and longest text `alt` matches, in bytes.
fn alt_lens(alt: &Alt) -> (usize, usize) {
    match alt {
        Alt::Literal(l) => (l.len(), l.len()),
        Alt::Class(_) => (1, 1),
    }
}

/// The shortest and longest text `item` matches, in bytes.
fn item_lens(item: &Item) -> (usize, usize) {
    match item {
        Item::Byte(_) => (1, 1),
        Item::Group(_, alts) => alts
            .iter()
            .map(alt_lens)
            .fold((usize::MAX, 0), |(lo, hi), (a, b)| (lo.min(a), hi.max(b))),
    }
}

/// The bytes a match of `item` can start with.
fn first_bytes(item: &Item) -> [bool; 256] {
    let mut set = [false; 256];
    let mut mark = |b: u8| {
        if let Some(slot) = set.get_mut(usize::from(b)) {
            *slot = true;
        }
    };
    match item {
        Item::Byte(b) => mark(*b),
        Item::Group(_, alts) => {
            for alt in alts {
                match alt {
                    Alt::Literal(l) => {
                        if let Some(&b) = l.first() {
                            mark(b);
                        }
                    }
                    Alt::Class(ranges) => {
                        for &(lo, hi) in ranges {
                            for b in lo..=hi {
                                mark(b);
                            }
                        }
                    }
                }
            }
        }
    }
    set
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric()
}

fn parse_class(p: &[u8], mut i: usize) -> Result<(Alt, usize), String> {
    // `p[i]` is '['.
    i += 1;
    let mut ranges = Vec::new();
    loop {
        let Some(&c) = p.get(i) else {
            return Err("unclosed [".into());
        };
        if c == b']' {
            break;
        }
        if !is_word_byte(c) {
            return Err(format!("unsupported character {:?} in a class", c as char));
        }
        if p.get(i + 1) == Some(&b'-') && p.get(i + 2).is_some_and(|&e| is_word_byte(e)) {
            let e = p.get(i + 2).copied().unwrap_or(c);
            if e < c {
                return Err("reversed range in a class".into());
            }
            ranges.push((c, e));
            i += 3;
        } else {
            ranges.push((c, c));
            i += 1;
        }
    }
    if ranges.is_empty() {
        return Err("empty class".into());
    }
    Ok((Alt::Class(ranges), i + 1))
}

fn parse_group(p: &[u8], mut i: usize, number: usize) -> Result<(Item, usize), String> {
    // `p[i]` is '('.
    i += 1;
    let mut alts = Vec::new();
    loop {
        let alt = if p.get(i) == Some(&b'[') {
            let (a, next) = parse_class(p, i)?;
            i = next;
            a
        } else {
            let start = i;
            while p.get(i).is_some_and(|&c| is_word_byte(c)) {
                i += 1;
            }
            let lit = p.get(start..i).unwrap_or_default().to_vec();
            if lit.is_empty() {
                return Err("empty alternative".into());
            }
            Alt::Literal(lit)
        };
        alts.push(alt);
        match p.get(i) {
            Some(b'|') => i += 1,
            Some(b')') => return Ok((Item::Group(number, alts), i + 1)),
            Some(&c) => return Err(format!("unsupported character {:?} in a group", c as char)),
            None => return Err("unclosed (".into()),
        }
    }
}

fn parse_replace(r: &str, groups: usize) -> Result<Vec<Piece>, String> {
    let b = r.as_bytes();
    let mut out = Vec::new();
    let mut lit = Vec::new();
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        if c != b'$' {
            lit.push(c);
            i += 1;
            continue;
        }
        match b.get(i + 1) {
            Some(b'$') => {
                lit.push(b'$');
                i += 2;
            }
            Some(b'{') => {
                let close = b
                    .get(i + 2..)
                    .and_then(|rest| rest.iter().position(|&x| x == b'}'))
                    .ok_or("unclosed ${")?;
                let digits = r.get(i + 2..i + 2 + close).unwrap_or_default();
                let n: usize = digits
                    .parse()
                    .map_err(|_| format!("${{{digits}}} is not a group number"))?;
                if n > groups {
                    return Err(format!("${{{n}}}: the pattern has {groups} groups"));
                }
                if !lit.is_empty() {
                    out.push(Piece::Literal(std::mem::take(&mut lit)));
                }
                out.push(Piece::Group(n));
                i += 3 + close;
            }
            _ => return Err("a bare $ (write ${N} or $$)".into()),
        }
    }
    if !lit.is_empty() {
        out.push(Piece::Literal(lit));
    }
    Ok(out)
}

impl FoldRule {
    /// Parse `pattern` and `replace` (module docs); the error says what is unsupported.
    pub fn parse(pattern: &str, replace: &str) -> Result<FoldRule, String> {
        let mut p = pattern.as_bytes();
        let at_start = p.first() == Some(&b'^');
        if at_start {
            p = p.get(1..).unwrap_or_default();
        }
        let at_end = p.last() == Some(&b'$');
        if at_end {
            p = p.get(..p.len() - 1).unwrap_or_default();
        }
        let mut items = Vec::new();
        let mut groups = 0;
        let mut i = 0;
        while let Some(&c) = p.get(i) {
            if c == b'(' {
                groups += 1;
                let (item, next) = parse_group(p, i, groups)?;
                items.push(item);
                i = next;
            } else if is_word_byte(c) {
                items.push(Item::Byte(c));
                i += 1;
            } else {
                return Err(format!("unsupported character {:?}", c as char));
            }
        }
        if items.is_empty() {
            return Err("empty pattern".into());
        }
        let replace = parse_replace(replace, groups)?;
        let (min_len, max_len) = items
            .iter()
            .map(item_lens)
            .fold((0, 0), |(lo, hi), (a, b)| (lo + a, hi + b));
        let first = items.first().map(first_bytes).unwrap_or([false; 256]);
        let needs = items.iter().fold(0, |set, item| set | item_needs(item));
        Ok(FoldRule {
            at_start,
            at_end,
            items,
            groups,
            replace,
            first,
            min_len,
            max_len,
            needs,
        })
    }

    /// False when no text whose [`byte_set`] is `set` can contain a match (it lacks a byte
    /// every match contains), so [`FoldRule::replace_all`] would give `None`. True promises
    /// nothing.
    pub fn may_match(&self, set: u128) -> bool {
        self.needs & !set == 0
    }

    /// Match the items from `item` on at byte `pos` of `text`, recording group spans in `caps`;
    /// the end of the match, alternatives tried in order (leftmost-first).
    fn match_from(
        &self,
        text: &[u8],
        item: usize,
        pos: usize,
        caps: &mut [(usize, usize)],
    ) -> Option<usize> {
        let Some(it) = self.items.get(item) else {
            return (!self.at_end || pos == text.len()).then_some(pos);
        };
        match it {
            Item::Byte(b) => {
                if text.get(pos) == Some(b) {
                    self.match_from(text, item + 1, pos + 1, caps)
                } else {
                    None
                }
            }
            Item::Group(number, alts) => {
                for alt in alts {
                    let end = match alt {
                        // Compared byte by byte: the literals are two to five bytes.
                        Alt::Literal(l) => text
                            .get(pos..pos + l.len())
                            .is_some_and(|here| here.iter().zip(l).all(|(a, b)| a == b))
                            .then_some(pos + l.len()),
                        Alt::Class(ranges) => text
                            .get(pos)
                            .is_some_and(|&c| ranges.iter().any(|&(lo, hi)| lo <= c && c <= hi))
                            .then_some(pos + 1),
                    };
                    let Some(end) = end else { continue };
                    if let Some(slot) = caps.get_mut(*number) {
                        *slot = (pos, end);
                    }
                    if let Some(done) = self.match_from(text, item + 1, end, caps) {
                        return Some(done);
                    }
                }
                None
            }
        }
    }

    /// `text` with every non-overlapping match replaced, left to right, as `regex`'s
    /// `replace_all` would; `None` when nothing matches.
    pub fn replace_all(&self, text: &str) -> Option<String> {
        let t = text.as_bytes();
        let mut inline = [(0usize, 0usize); INLINE_CAPS];
        let mut spilled = Vec::new();
        let caps: &mut [(usize, usize)] = if self.groups < INLINE_CAPS {
            inline.get_mut(..=self.groups).unwrap_or_default()
        } else {
            spilled.resize(self.groups + 1, (0, 0));
            &mut spilled
        };
        let mut out: Option<Vec<u8>> = None;
        let mut last = 0;
        // A match is `min_len..=max_len` bytes long, so it starts no later than `len - min_len`
        // and, when anchored at the end, no earlier than `len - max_len`: positions outside
        // that window cannot match and are skipped (the result is the same).
        let latest = t.len().checked_sub(self.min_len)?;
        let mut pos = if self.at_end {
            t.len().saturating_sub(self.max_len)
        } else {
            0
        };
        while pos <= latest {
            if self.at_start && pos > 0 {
                break;
            }
            let starts = t
                .get(pos)
                .is_some_and(|&b| self.first.get(usize::from(b)) == Some(&true));
            let found = if starts {
                self.match_from(t, 0, pos, caps)
            } else {
                None
            };
            let Some(end) = found else {
                pos += 1;
                continue;
            };
            if let Some(slot) = caps.first_mut() {
                *slot = (pos, end);
            }
            let o = out.get_or_insert_with(|| Vec::with_capacity(t.len() + 8));
            o.extend_from_slice(t.get(last..pos).unwrap_or_default());
            for piece in &self.replace {
                match piece {
                    Piece::Literal(l) => o.extend_from_slice(l),
                    Piece::Group(n) => {
                        if let Some(&(s, e)) = caps.get(*n) {
                            o.extend_from_slice(t.get(s..e).unwrap_or_default());
                        }
                    }
                }
            }
            last = end;
            // Every item consumes at least one byte, so a match is never empty.
            pos = end.max(pos + 1);
        }
        let mut o = out?;
        o.extend_from_slice(t.get(last..).unwrap_or_default());
        // Only ASCII was matched or inserted, and the cuts are at ASCII bytes: still UTF-8.
        String::from_utf8(o).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The rules of `rules/names.toml`, as the build embeds them.
    fn embedded_rules() -> Vec<(&'static str, &'static str)> {
        crate::knowledge::names::embedded_rules().to_vec()
    }

    #[test]
    fn parses_the_subset_and_rejects_the_rest() {
        assert!(FoldRule::parse("(sk|ck)(yy|[a-z])$", "sky").is_ok());
        assert!(FoldRule::parse("^(ye|je)", "e").is_ok());
        assert!(FoldRule::parse("j([aeiou])", "zh${1}").is_ok());
        for (p, r, why) in [
            ("a+", "b", "unsupported character '+'"),
            ("(a|)", "b", "empty alternative"),
            ("(ab", "b", "unclosed ("),
            ("", "b", "empty pattern"),
            ("^$", "b", "empty pattern"),
            ("[ab]", "b", "unsupported character '['"),
            ("(a)", "$1", "a bare $ (write ${N} or $$)"),
            ("(a)", "${2}", "${2}: the pattern has 1 groups"),
            ("(a|b.)", "x", "unsupported character '.' in a group"),
        ] {
            assert_eq!(FoldRule::parse(p, r).err().as_deref(), Some(why), "{p}");
        }
    }

    #[test]
    fn needed_bytes() {
        let r = FoldRule::parse("(sk|ck|tsk|zk)(yy|[a-z])$", "sky").unwrap();
        assert!(r.may_match(byte_set(b"k")));
        assert!(!r.may_match(byte_set(b"zelensyy")));
        let r = FoldRule::parse("j([aeiou])", "zh${1}").unwrap();
        assert!(r.may_match(byte_set(b"j")) && !r.may_match(byte_set(b"aeiou")));
        let r = FoldRule::parse("([a-z])y", "${1}i").unwrap();
        assert!(r.may_match(byte_set(b"y")) && !r.may_match(byte_set(b"abc")));
        assert_eq!(byte_set("é".as_bytes()), 0);
    }

    #[test]
    fn replaces_like_regex() {
        let r = FoldRule::parse("(o|e)ff$", "${1}v").unwrap();
        assert_eq!(r.replace_all("smirnoff").as_deref(), Some("smirnov"));
        assert_eq!(r.replace_all("offa"), None);
        let r = FoldRule::parse("([a-z])y", "${1}i").unwrap();
        assert_eq!(r.replace_all("yyyy").as_deref(), Some("yiyi"));
        let r = FoldRule::parse("^(ye|je)", "e").unwrap();
        assert_eq!(r.replace_all("yeyelena").as_deref(), Some("eyelena"));
        let r = FoldRule::parse("a", "$$").unwrap();
        assert_eq!(r.replace_all("banana").as_deref(), Some("b$n$n$"));
    }

    /// Every embedded rule gives what the `regex` crate gives, on every string of up to four
    /// letters over the letters the rules use and on longer pseudo-random strings.
    #[test]
    fn embedded_rules_agree_with_regex() {
        let rules: Vec<(FoldRule, regex::Regex, &str)> = embedded_rules()
            .into_iter()
            .map(|(p, r)| {
                (
                    FoldRule::parse(p, r).unwrap(),
                    regex::Regex::new(p).unwrap(),
                    r,
                )
            })
            .collect();
        assert_eq!(rules.len(), 14);
        let alphabet = b"acefhijkostuvwxyz";
        let mut inputs: Vec<String> = vec![String::new()];
        let mut frontier = inputs.clone();
        for _ in 0..4 {
            let mut next = Vec::new();
            for s in &frontier {
                for &c in alphabet {
                    next.push(format!("{s}{}", c as char));
                }
            }
            inputs.extend(next.iter().cloned());
            frontier = next;
        }
        let mut rng = crate::test_text::Pieces::new(0x9e37_79b9_7f4a_7c15);
        for _ in 0..20_000 {
            let len = 5 + rng.below(9);
            let s: String = (0..len)
                .map(|_| alphabet[rng.below(alphabet.len())] as char)
                .collect();
            inputs.push(s);
        }
        inputs.extend(
            [
                "zelenskyy",
                "ivanovitch",
                "yelena",
                "netanyahou",
                "smirnoff",
            ]
            .map(String::from),
        );
        for (fold, re, replace) in &rules {
            for s in &inputs {
                let want = re
                    .is_match(s)
                    .then(|| re.replace_all(s, *replace).into_owned());
                assert_eq!(fold.replace_all(s), want, "{} on {s:?}", re.as_str());
                // The quick test never rules out a text that matches.
                assert!(
                    fold.may_match(byte_set(s.as_bytes())) || want.is_none(),
                    "{} on {s:?}",
                    re.as_str()
                );
            }
        }
    }
}
