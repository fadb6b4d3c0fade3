//! The generic evaluators behind the pack rule kinds.

use std::collections::HashMap;

use regex::{Regex, RegexBuilder};

use crate::article::SegmentKind;
use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix};
use crate::rules::{Context, Rule, RuleMeta};
use crate::source::Span;

use super::TestCase;

/// Largest compiled size of a pack regex (bytes); keeps patterns small and matching linear.
const REGEX_SIZE_LIMIT: usize = 1 << 20;

/// A rule read from a pack: its metadata, its kind's compiled matcher and its test cases.
#[derive(Debug)]
pub struct PackRule {
    pub(super) meta: RuleMeta,
    pub(super) help: Option<String>,
    pub(super) pack: String,
    pub(super) kind: Kind,
    pub(super) tests: Vec<TestCase>,
    pub(super) code_span: Span,
    pub(super) name_span: Span,
}

impl PackRule {
    /// The rule's metadata (owned code, name, summary, explanation).
    pub fn meta_ref(&self) -> &RuleMeta {
        &self.meta
    }
    /// The name of the pack the rule came from.
    pub fn pack(&self) -> &str {
        &self.pack
    }
    /// The rule's inline test cases, in file order.
    pub fn tests(&self) -> &[TestCase] {
        &self.tests
    }
    /// Byte span of the rule's `code` value in its pack file.
    pub fn code_span(&self) -> Span {
        self.code_span
    }
}

/// One kind's compiled matcher.
#[derive(Debug)]
pub(super) enum Kind {
    /// House form ← variants. `regex` matches any variant, whole word, any case; `lookup`
    /// maps a lower-cased variant to the index of its house form in `preferred`.
    Spelling {
        regex: Regex,
        lookup: HashMap<String, usize>,
        preferred: Vec<Spelling>,
    },
    /// Sets of forms of which one article should use only one; one regex per form.
    Consistent { sets: Vec<Vec<(String, Regex)>> },
    /// `(short, full, short regex, full regex)`.
    Defined {
        terms: Vec<(String, String, Regex, Regex)>,
    },
    /// A house ban.
    Pattern { regex: Regex, message: String },
}

/// One `[[rule.spelling]]`: the house form, its variants, and the neighbours that mean a
/// variant is something else ("Odessa, Texas"; "chicken Kiev"), lower-cased.
#[derive(Debug)]
pub(super) struct Spelling {
    pub(super) preferred: String,
    pub(super) variants: Vec<String>,
    pub(super) not_before: Vec<String>,
    pub(super) not_after: Vec<String>,
}

impl Spelling {
    /// True when the text right after `span` starts with a `not-before` phrase, or the text
    /// right before it ends with a `not-after` word (case-insensitive; whitespace between
    /// the variant and a phrase of letters is skipped).
    fn excluded(&self, text: &str, span: Span) -> bool {
        let after: String = text
            .get(span.end..)
            .unwrap_or_default()
            .chars()
            .take(40)
            .collect::<String>()
            .to_lowercase();
        let before_start = text
            .get(..span.start)
            .unwrap_or_default()
            .char_indices()
            .rev()
            .nth(39)
            .map_or(0, |(i, _)| i);
        let before = text
            .get(before_start..span.start)
            .unwrap_or_default()
            .to_lowercase();
        let word_end = |rest: &str| !rest.starts_with(|c: char| c.is_alphanumeric());
        self.not_before.iter().any(|p| {
            let a = if p.starts_with(|c: char| c.is_alphanumeric()) {
                after.trim_start()
            } else {
                after.as_str()
            };
            a.strip_prefix(p.as_str()).is_some_and(word_end)
        }) || self.not_after.iter().any(|w| {
            before
                .trim_end()
                .strip_suffix(w.as_str())
                .is_some_and(|rest| !rest.ends_with(|c: char| c.is_alphanumeric()))
        })
    }
}

/// Compile a pack's `regex` value (size-limited, linear-time engine).
pub(super) fn compile_pattern(re: &str) -> Result<Regex, String> {
    if re.is_empty() {
        return Err("the pattern is empty".to_string());
    }
    let regex = RegexBuilder::new(re)
        .size_limit(REGEX_SIZE_LIMIT)
        .build()
        .map_err(|e| {
            let text = e.to_string();
            let last = text.lines().last().unwrap_or("invalid").trim();
            last.strip_prefix("error: ").unwrap_or(last).to_string()
        })?;
    if regex.is_match("") {
        return Err("the pattern matches the empty string".to_string());
    }
    Ok(regex)
}

/// How a variant is looked up: lower case, runs of whitespace as one space.
fn lookup_key(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// `\b(?:a|b)\b` over the escaped phrases (longest first), spaces matching any whitespace.
fn words_regex(phrases: &[&str], case_insensitive: bool) -> Result<Regex, String> {
    let mut sorted: Vec<&str> = phrases.to_vec();
    sorted.sort_by_key(|p| std::cmp::Reverse(p.len()));
    let alts: Vec<String> = sorted
        .iter()
        .map(|p| {
            p.split_whitespace()
                .map(regex::escape)
                .collect::<Vec<_>>()
                .join(r"\s+")
        })
        .collect();
    RegexBuilder::new(&format!(r"\b(?:{})\b", alts.join("|")))
        .case_insensitive(case_insensitive)
        .size_limit(REGEX_SIZE_LIMIT)
        .build()
        .map_err(|e| format!("cannot compile the word list: {e}"))
}

impl Kind {
    pub(super) fn spelling(entries: Vec<Spelling>) -> Result<Kind, String> {
        let mut lookup = HashMap::new();
        let mut all = Vec::new();
        for (i, e) in entries.iter().enumerate() {
            let p = &e.preferred;
            for v in &e.variants {
                if let Some(j) = lookup.insert(lookup_key(v), i) {
                    if j != i {
                        return Err(format!(
                            "variant '{v}' is listed for both '{}' and '{p}'",
                            entries.get(j).map_or("", |e| e.preferred.as_str())
                        ));
                    }
                }
                all.push(v.as_str());
            }
        }
        if all.is_empty() {
            return Err("a preferred-spelling rule needs at least one [[rule.spelling]]".into());
        }
        Ok(Kind::Spelling {
            regex: words_regex(&all, true)?,
            lookup,
            preferred: entries,
        })
    }

    pub(super) fn consistent(sets: Vec<Vec<String>>) -> Result<Kind, String> {
        if sets.is_empty() {
            return Err("a consistent-term rule needs at least one [[rule.choice]]".into());
        }
        let mut out = Vec::new();
        for set in sets {
            let mut forms = Vec::new();
            for f in set {
                let re = words_regex(&[&f], true)?;
                forms.push((f, re));
            }
            out.push(forms);
        }
        Ok(Kind::Consistent { sets: out })
    }

    pub(super) fn defined(terms: Vec<(String, String)>) -> Result<Kind, String> {
        if terms.is_empty() {
            return Err("a defined-before-use rule needs at least one [[rule.term]]".into());
        }
        let mut out = Vec::new();
        for (short, full) in terms {
            let s = words_regex(&[&short], false)?;
            let f = words_regex(&[&full], true)?;
            out.push((short, full, s, f));
        }
        Ok(Kind::Defined { terms: out })
    }
}

/// Matches of `re` in the article's segments (never in front matter or page chrome), as
/// article byte spans, with the kind of segment they are in.
fn matches<'a>(
    cx: &'a Context<'_>,
    re: &'a Regex,
) -> impl Iterator<Item = (Span, SegmentKind)> + 'a {
    cx.article.segments.iter().flat_map(move |seg| {
        let text = cx.article.slice(seg.span);
        re.find_iter(text)
            .filter(|m| !m.is_empty())
            .map(move |m| {
                (
                    Span::new(seg.span.start + m.start(), seg.span.start + m.end()),
                    seg.kind,
                )
            })
            .collect::<Vec<_>>()
    })
}

/// `preferred` written in the case of `written`: all capitals stay all capitals, all lower
/// case stays lower case, anything else takes the house form as it is.
pub(crate) fn keep_case(written: &str, preferred: &str) -> String {
    let letters: Vec<char> = written.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() > 1 && letters.iter().all(|c| c.is_uppercase()) {
        preferred.to_uppercase()
    } else if !letters.is_empty() && letters.iter().all(|c| c.is_lowercase()) {
        preferred.to_lowercase()
    } else {
        preferred.to_string()
    }
}

/// Words before a variant that explain it rather than use it ("formerly Kiev").
const EXPLAINING: [&str; 5] = ["formerly", "spelled", "spelt", "known as", "once"];

/// True when the variant at `span` is explained next to the house form: "Kyiv (Kiev)",
/// "Kiev (Kyiv)", "formerly Kiev", "also spelled Kiev".
fn explained(text: &str, span: Span, preferred: &str) -> bool {
    let before = text.get(..span.start).unwrap_or_default().trim_end();
    let after = text.get(span.end..).unwrap_or_default().trim_start();
    let lower_pref = preferred.to_lowercase();
    if let Some(b) = before.strip_suffix('(') {
        let b = b.trim_end().to_lowercase();
        if b.ends_with(&lower_pref) {
            return true;
        }
    }
    if let Some(a) = after.strip_prefix('(') {
        if a.trim_start().to_lowercase().starts_with(&lower_pref) {
            return true;
        }
    }
    let tail: String = before
        .chars()
        .rev()
        .take(12)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect::<String>()
        .to_lowercase();
    EXPLAINING.iter().any(|w| {
        tail.strip_suffix(w)
            .is_some_and(|rest| rest.is_empty() || rest.ends_with(|c: char| !c.is_alphanumeric()))
    })
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        "time"
    } else {
        "times"
    }
}

impl Rule for PackRule {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let text: &str = &cx.article.text;
        let sev = self.meta.default_severity;
        let pack_note = |h: String| match &self.help {
            Some(extra) => format!("{h}; {extra}"),
            None => h,
        };
        match &self.kind {
            Kind::Spelling {
                regex,
                lookup,
                preferred,
            } => {
                for (span, _) in matches(cx, regex) {
                    let Some(written) = text.get(span.start..span.end) else {
                        continue;
                    };
                    let Some(&i) = lookup.get(&lookup_key(written)) else {
                        continue;
                    };
                    let Some(entry) = preferred.get(i) else {
                        continue;
                    };
                    let house = &entry.preferred;
                    if cx.article.in_quote(span)
                        || explained(text, span, house)
                        || entry.excluded(text, span)
                    {
                        continue;
                    }
                    let fixed = keep_case(written, house);
                    out.push(
                        self.meta
                            .report(sev, format!("house style spells {written} as {fixed}"))
                            .primary(span, format!("written as {written}"))
                            .help(pack_note(format!(
                                "write {fixed} (rule pack {})",
                                self.pack
                            )))
                            .fix(Fix {
                                message: format!("replace {written} with {fixed}"),
                                applicability: Applicability::Safe,
                                edits: vec![Edit {
                                    span,
                                    replacement: fixed.clone(),
                                }],
                            })
                            .build(),
                    );
                }
            }
            Kind::Consistent { sets } => {
                for set in sets {
                    // (form, first span, count), for forms the article uses.
                    let used: Vec<(&str, Span, usize)> = set
                        .iter()
                        .filter_map(|(form, re)| {
                            let spans: Vec<Span> = matches(cx, re)
                                .map(|(s, _)| s)
                                .filter(|s| !cx.article.in_quote(*s))
                                .collect();
                            spans.first().map(|f| (form.as_str(), *f, spans.len()))
                        })
                        .collect();
                    if used.len() < 2 {
                        continue;
                    }
                    // Primary: the first use of the rarest form (ties: the later first use).
                    let Some(odd) = used
                        .iter()
                        .min_by_key(|u| (u.2, std::cmp::Reverse(u.1.start)))
                    else {
                        continue;
                    };
                    let names: Vec<String> = used.iter().map(|u| u.0.to_string()).collect();
                    let counts: Vec<String> = used
                        .iter()
                        .map(|u| format!("{} {} {}", u.0, u.2, plural(u.2)))
                        .collect();
                    let mut b = self.meta.report(
                        sev,
                        format!(
                            "the article writes both {}; house style allows one, not both",
                            names.join(" and ")
                        ),
                    );
                    for u in &used {
                        let msg = format!("{} ({} {})", u.0, u.2, plural(u.2));
                        b = b.label(u.1, msg, u.1 == odd.1);
                    }
                    out.push(
                        b.help(pack_note(format!(
                            "{}; use one form throughout",
                            counts.join(", ")
                        )))
                        .build(),
                    );
                }
            }
            Kind::Defined { terms } => {
                for (short, full, sre, fre) in terms {
                    let fulls: Vec<Span> = matches(cx, fre).map(|(s, _)| s).collect();
                    let first_short = matches(cx, sre).find(|(s, kind)| {
                        *kind != SegmentKind::Headline
                            && !fulls.iter().any(|f| f.start <= s.start && s.end <= f.end)
                    });
                    let Some((at, _)) = first_short else {
                        continue;
                    };
                    let defined = fulls
                        .iter()
                        .find(|f| cx.article.segment_kind(**f) != Some(SegmentKind::Headline));
                    match defined {
                        Some(f) if f.start < at.start => {}
                        Some(f) => out.push(
                            self.meta
                                .report(
                                    sev,
                                    format!("{short} is used before its full form, {full}"),
                                )
                                .primary(at, format!("{short} first used here"))
                                .secondary(*f, "the full form comes only here")
                                .help(pack_note(format!(
                                    "write {full} ({short}) at the first use"
                                )))
                                .build(),
                        ),
                        None => out.push(
                            self.meta
                                .report(
                                    sev,
                                    format!("{short} is used without its full form, {full}"),
                                )
                                .primary(at, format!("{short} first used here"))
                                .help(pack_note(format!(
                                    "write {full} ({short}) at the first use"
                                )))
                                .build(),
                        ),
                    }
                }
            }
            Kind::Pattern { regex, message } => {
                for (span, _) in matches(cx, regex) {
                    if cx.article.in_quote(span) {
                        continue;
                    }
                    let mut b = self.meta.report(sev, message.clone()).primary(
                        span,
                        format!(
                            "{} here",
                            text.get(span.start..span.end).unwrap_or_default()
                        ),
                    );
                    if let Some(h) = &self.help {
                        b = b.help(h.clone());
                    }
                    out.push(b.build());
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keep_case_follows_the_written_form() {
        assert_eq!(keep_case("KIEV", "Kyiv"), "KYIV");
        assert_eq!(keep_case("Kiev", "Kyiv"), "Kyiv");
        assert_eq!(keep_case("kiev", "Kyiv"), "kyiv");
        assert_eq!(keep_case("ZELENSKY", "Zelenskyy"), "ZELENSKYY");
    }

    #[test]
    fn explained_variants() {
        let t = "in Kyiv (Kiev) and Kiev (Kyiv), formerly Kiev, but Kiev alone";
        let at = |n: usize| {
            let s = t.match_indices("Kiev").nth(n).map_or(0, |(i, _)| i);
            Span::new(s, s + 4)
        };
        assert!(explained(t, at(0), "Kyiv"));
        assert!(explained(t, at(1), "Kyiv"));
        assert!(explained(t, at(2), "Kyiv"));
        assert!(!explained(t, at(3), "Kyiv"));
    }
}
