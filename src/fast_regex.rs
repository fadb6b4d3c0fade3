//! Regexes that are cheap to compile.
//!
//! Every run of the binary compiles its regexes once, so compile time is start-up time. In the
//! `regex` crate, Unicode-aware `\b` and `\d` and Unicode case folding in `(?i:...)` groups cost
//! milliseconds to compile; the ASCII versions cost microseconds and match the same things in
//! news copy (month names, weekday names, numerals). [`compile`] rewrites a pattern that way:
//!
//! - `\b` → `(?-u:\b)` (a word boundary between ASCII word and non-word characters),
//! - `\d` → `[0-9]`,
//! - `(?i:` → `(?i-u:` (ASCII case folding inside the group, which must then be ASCII).
//!
//! `\s`, `\p{..}` and literals keep their Unicode meaning (a no-break space is still a space).

use regex::Regex;

/// The rewritten pattern (see the module docs). Escaped backslashes (`\\b`) are left alone;
/// `\b` and `\d` inside a character class are not rewritten.
pub fn ascii_pattern(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut chars = pattern.chars().peekable();
    let mut class_depth = 0usize;
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('b') if class_depth == 0 => out.push_str("(?-u:\\b)"),
                Some('d') if class_depth == 0 => out.push_str("[0-9]"),
                Some(n) => {
                    out.push('\\');
                    out.push(n);
                }
                None => out.push('\\'),
            },
            '[' => {
                class_depth += 1;
                out.push(c);
            }
            ']' if class_depth > 0 => {
                class_depth -= 1;
                out.push(c);
            }
            '(' if class_depth == 0 && pattern_follows(&mut chars, "?i:") => {
                out.push_str("(?i-u:");
            }
            _ => out.push(c),
        }
    }
    out
}

/// Consume `s` from `chars` if it comes next.
fn pattern_follows(chars: &mut std::iter::Peekable<std::str::Chars<'_>>, s: &str) -> bool {
    let ahead: String = chars.clone().take(s.chars().count()).collect();
    if ahead == s {
        for _ in 0..s.chars().count() {
            chars.next();
        }
        true
    } else {
        false
    }
}

/// Compile `pattern` after [`ascii_pattern`]. Errors as [`Regex::new`].
pub fn compile(pattern: &str) -> Result<Regex, regex::Error> {
    Regex::new(&ascii_pattern(pattern))
}

/// `fn $name() -> &'static Regex`: the pattern (any expression giving a `&str` or `String`)
/// compiled once with [`compile`] on first use. A static pattern that fails to compile is a
/// programming error caught by the tests, hence the `expect`.
macro_rules! lazy_regex {
    ($(#[$meta:meta])* $name:ident, $pattern:expr) => {
        $(#[$meta])*
        fn $name() -> &'static regex::Regex {
            static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
            // The pattern is a literal of this crate (or built from embedded word lists), not
            // input: every one is compiled by the tests that exercise its module.
            #[allow(clippy::expect_used)]
            RE.get_or_init(|| crate::fast_regex::compile(&$pattern).expect("static regex"))
        }
    };
}
pub(crate) use lazy_regex;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rewrites_only_outside_classes() {
        assert_eq!(
            ascii_pattern(r"\bMay\s+\d{1,2}[\d,]\\b(?i:last|next)"),
            r"(?-u:\b)May\s+[0-9]{1,2}[\d,]\\b(?i-u:last|next)"
        );
        let re = compile(r"\b(?i:feb)\s+\d\d\b").unwrap();
        assert_eq!(
            re.find("on FEB\u{a0}28.").map(|m| m.as_str()),
            Some("FEB\u{a0}28")
        );
    }
}
