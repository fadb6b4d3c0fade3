//! Suppressions: comments in the article that switch rules off for a range, and the front
//! matter's `claimlint: { ignore: [...] }`.
//!
//! One comment syntax for every format (Markdown, HTML and plain text, where the comment stands
//! on a line of its own):
//!
//! - `<!-- claimlint-disable L001 P001 -->` ... `<!-- claimlint-enable L001 P001 -->`: from the
//!   end of the `disable` comment to the start of the matching `enable` (or the end of the
//!   file). Without codes, every rule; an `enable` without codes ends every open range.
//! - `<!-- claimlint-disable-next-line L001 -->`: the next non-blank line after the comment's
//!   line (without codes, every rule).
//! - `<!-- claimlint-disable-file -->`: the whole file (codes optional; none means every rule).
//! - front matter `claimlint: { ignore: [N001] }` ([`Article::front_matter_ignore`]): the whole
//!   file, for those codes.
//!
//! Codes are separated by spaces or commas; a former code (`N001`) names its rule (`P001`).
//! A finding is suppressed when **any** of its labels starts inside a disabled range for its
//! code. A suppression that suppressed nothing, a code that names no rule and a
//! `<!-- claimlint-... -->` comment of no known form are reported as
//! `S001 unused-suppression` (a note), at the code as written (or at the comment when it has
//! no codes). S001 findings can themselves only be suppressed by naming `S001`.

use crate::article::Article;
use crate::diagnostic::Diagnostic;
use crate::rules::{self, RuleSet};
use crate::source::Span;

/// The code of the unused-suppression rule.
pub const UNUSED: &str = "S001";

/// What a suppression comment does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DirectiveKind {
    /// `claimlint-disable`: start a range.
    Disable,
    /// `claimlint-enable`: end ranges.
    Enable,
    /// `claimlint-disable-next-line`: the next non-blank line.
    DisableNextLine,
    /// `claimlint-disable-file`: the whole file.
    DisableFile,
    /// `claimlint-` followed by something else (a typo): reported, never applied.
    Unknown,
}

/// One `<!-- claimlint-... -->` comment as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Directive {
    /// What it does.
    pub kind: DirectiveKind,
    /// The whole comment, `<!--` to `-->` inclusive (byte offsets into the article text).
    pub span: Span,
    /// The codes as written, each with its byte span; empty means every rule.
    pub codes: Vec<(String, Span)>,
}

/// Every `<!-- claimlint-... -->` comment of `text`, in document order. A comment without its
/// closing `-->` is not a directive (it is left alone).
pub fn directives(text: &str) -> Vec<Directive> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = text.get(from..).and_then(|t| t.find("<!--")) {
        let open = from + i;
        let inner_start = open + 4;
        let Some(j) = text.get(inner_start..).and_then(|t| t.find("-->")) else {
            break;
        };
        let inner_end = inner_start + j;
        let close = inner_end + 3;
        from = close;
        let inner = text.get(inner_start..inner_end).unwrap_or_default();
        let lead = inner.len() - inner.trim_start().len();
        let body_start = inner_start + lead;
        let body = inner.trim();
        let Some(rest) = body.strip_prefix("claimlint-") else {
            continue;
        };
        // A directive stands on a line of its own; one inside a line (a script's string, a
        // sentence quoting the syntax) is text, not a directive.
        let line_start = text
            .get(..open)
            .unwrap_or_default()
            .rfind(['\n', '\r'])
            .map_or(0, |i| i + 1);
        let line_end = text
            .get(close..)
            .unwrap_or_default()
            .find(['\n', '\r'])
            .map_or(text.len(), |i| close + i);
        let (line_lead, line_tail) = (
            text.get(line_start..open).unwrap_or_default(),
            text.get(close..line_end).unwrap_or_default(),
        );
        if !line_lead.trim().is_empty() || !line_tail.trim().is_empty() {
            continue;
        }
        let word_len = rest
            .find(|c: char| c.is_whitespace() || c == ',')
            .unwrap_or(rest.len());
        let kind = match rest.get(..word_len).unwrap_or_default() {
            "disable" => DirectiveKind::Disable,
            "enable" => DirectiveKind::Enable,
            "disable-next-line" => DirectiveKind::DisableNextLine,
            "disable-file" => DirectiveKind::DisableFile,
            _ => DirectiveKind::Unknown,
        };
        let mut codes = Vec::new();
        if kind != DirectiveKind::Unknown {
            let args_start = body_start + "claimlint-".len() + word_len;
            let mut pos = args_start;
            for piece in text
                .get(args_start..inner_end)
                .unwrap_or_default()
                .split(|c: char| c.is_whitespace() || c == ',')
            {
                if !piece.is_empty() {
                    codes.push((piece.to_string(), Span::new(pos, pos + piece.len())));
                }
                pos += piece.len() + 1;
            }
        }
        out.push(Directive {
            kind,
            span: Span::new(open, close),
            codes,
        });
    }
    out
}

/// One disabled range for one rule (or every rule).
#[derive(Clone, Debug, PartialEq, Eq)]
struct Entry {
    /// The rule's code, `None` for every rule.
    code: Option<String>,
    /// Where to report it when unused: the code as written, or the comment.
    at: Span,
    /// The bytes it covers.
    range: Span,
    /// Whether its rule ran (a suppression of a rule not selected is not reported).
    reportable: bool,
    used: bool,
}

/// The bytes of the file that belong to `article`: the whole file, or for one record of a
/// JSON or NDJSON file, the record's own extent (so a record sees only its own directives, and
/// a file of many records is scanned once in all, not once per record).
fn scope(article: &Article, file_text: &str) -> Span {
    use crate::input::Format;
    match article.format {
        Format::Json | Format::Ndjson => article.file_span(Span::new(0, article.text.len())),
        _ => Span::new(0, file_text.len()),
    }
}

/// The disabled ranges of `article` and the S001 findings for codes and comments that can
/// never apply (unknown codes, unknown directives).
fn entries(article: &Article, rules: &RuleSet) -> (Vec<Entry>, Vec<(Span, String)>) {
    let file_text = article.file_text();
    let scope = scope(article, &file_text);
    let text: &str = file_text.get(scope.start..scope.end).unwrap_or("");
    let base = scope.start;
    let shift = |s: Span| Span::new(s.start + base, s.end + base);
    let end = text.len();
    let mut out: Vec<Entry> = Vec::new();
    let mut bad = Vec::new();
    // Open `disable` ranges: index into `out`, end not yet known.
    let mut open: Vec<usize> = Vec::new();
    let resolve = |code: &str, span: Span, bad: &mut Vec<(Span, String)>| {
        if let Some(r) = rules.find(code) {
            Some((r.meta().code.to_string(), true))
        } else if let Some(r) = rules::find(code) {
            Some((r.meta().code.to_string(), false))
        } else {
            bad.push((
                span,
                format!("`{code}` is not a rule code: this suppression suppresses nothing"),
            ));
            None
        }
    };
    for mut d in directives(text) {
        d.span = shift(d.span);
        for (_, s) in &mut d.codes {
            *s = shift(*s);
        }
        let range = match d.kind {
            DirectiveKind::Unknown => {
                bad.push((
                    d.span,
                    "not a claimlint directive (disable, enable, disable-next-line or \
                     disable-file): it suppresses nothing"
                        .to_string(),
                ));
                continue;
            }
            DirectiveKind::Enable => {
                let codes: Vec<String> = d
                    .codes
                    .iter()
                    .filter_map(|(c, s)| resolve(c, *s, &mut bad).map(|(c, _)| c))
                    .collect();
                open.retain(|&i| {
                    let Some(e) = out.get_mut(i) else {
                        return false;
                    };
                    let closes =
                        d.codes.is_empty() || e.code.as_ref().is_some_and(|c| codes.contains(c));
                    if closes {
                        e.range.end = d.span.start;
                    }
                    !closes
                });
                continue;
            }
            DirectiveKind::Disable => Span::new(d.span.end, base + end),
            DirectiveKind::DisableFile => Span::new(base, base + end),
            DirectiveKind::DisableNextLine => shift(next_line(text, d.span.end - base)),
        };
        let is_range = d.kind == DirectiveKind::Disable;
        if d.codes.is_empty() {
            out.push(Entry {
                code: None,
                at: d.span,
                range,
                reportable: true,
                used: false,
            });
            if is_range {
                open.push(out.len() - 1);
            }
        }
        for (c, s) in &d.codes {
            if let Some((code, reportable)) = resolve(c, *s, &mut bad) {
                out.push(Entry {
                    code: Some(code),
                    at: *s,
                    range,
                    reportable,
                    used: false,
                });
                if is_range {
                    open.push(out.len() - 1);
                }
            }
        }
    }
    for (c, s) in &article.front_matter_ignore {
        if let Some((code, reportable)) = resolve(c, *s, &mut bad) {
            out.push(Entry {
                code: Some(code),
                at: *s,
                range: Span::new(base, base + end),
                reportable,
                used: false,
            });
        }
    }
    (out, bad)
}

/// The next non-blank line after the line holding byte `pos`, without its line break; an empty
/// span at the end of the text when there is none.
fn next_line(text: &str, pos: usize) -> Span {
    let mut start = match text.get(pos..).and_then(|t| t.find('\n')) {
        Some(i) => pos + i + 1,
        None => return Span::new(text.len(), text.len()),
    };
    while start < text.len() {
        let line_end = text
            .get(start..)
            .unwrap_or_default()
            .find('\n')
            .map_or(text.len(), |i| start + i);
        let line = text
            .get(start..line_end)
            .unwrap_or_default()
            .trim_end_matches('\r');
        if !line.trim().is_empty() {
            return Span::new(start, start + line.len());
        }
        start = line_end + 1;
    }
    Span::new(text.len(), text.len())
}

fn covers(entry: &Entry, d: &Diagnostic) -> bool {
    entry.code.as_deref().is_none_or(|c| c == d.code) && starts_within(entry.range, d)
}

fn starts_within(range: Span, d: &Diagnostic) -> bool {
    d.labels
        .iter()
        .any(|l| range.start <= l.span.start && l.span.start < range.end)
}

/// Drop the findings of `diagnostics` (spans in bytes of the file, [`Article::file_text`]) that a
/// suppression written in the file covers and add an S001
/// note for each suppression that covered none (when S001 is in `rules`). The result is in no
/// particular order; the caller sorts.
pub fn apply(article: &Article, diagnostics: Vec<Diagnostic>, rules: &RuleSet) -> Vec<Diagnostic> {
    let file_text = article.file_text();
    let scope = scope(article, &file_text);
    let in_scope = file_text.get(scope.start..scope.end).unwrap_or("");
    if !in_scope.contains("<!--") && article.front_matter_ignore.is_empty() {
        return diagnostics;
    }
    let (mut entries, bad) = entries(article, rules);
    let mut kept: Vec<Diagnostic> = Vec::with_capacity(diagnostics.len());
    for d in diagnostics {
        let mut suppressed = false;
        for e in entries.iter_mut().filter(|e| covers(e, &d)) {
            e.used = true;
            suppressed = true;
        }
        if !suppressed {
            kept.push(d);
        }
    }
    let Some(s001) = rules.find(UNUSED) else {
        return kept;
    };
    let meta = s001.meta();
    let mut unused: Vec<Diagnostic> = bad
        .into_iter()
        .map(|(span, message)| {
            meta.report(meta.default_severity, message)
                .primary(span, "suppresses nothing")
                .help("correct it or remove it")
                .build()
        })
        .collect();
    for e in entries.iter().filter(|e| !e.used && e.reportable) {
        let message = match &e.code {
            Some(c) => format!("unused suppression: no {c} finding in its range"),
            None => "unused suppression: no finding in its range".to_string(),
        };
        unused.push(
            meta.report(meta.default_severity, message)
                .primary(e.at, "suppresses nothing")
                .help("remove the suppression (the copy it was written for has changed)")
                .build(),
        );
    }
    // S001 findings are suppressed only by suppressions naming S001.
    for d in unused {
        let by_name = entries
            .iter()
            .any(|e| e.code.as_deref() == Some(UNUSED) && starts_within(e.range, &d));
        if !by_name {
            kept.push(d);
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::diagnostic::{Label, Severity};

    fn diag(code: &'static str, spans: &[(usize, usize)]) -> Diagnostic {
        Diagnostic {
            code: code.into(),
            rule: "test".into(),
            severity: Severity::Warning,
            message: format!("{code} finding"),
            help: None,
            labels: spans
                .iter()
                .enumerate()
                .map(|(i, &(s, e))| Label {
                    span: Span::new(s, e),
                    message: String::new(),
                    primary: i == 0,
                })
                .collect(),
            fix: None,
        }
    }

    fn article(text: &str) -> Article {
        crate::input::plain::parse(Arc::from(text))
    }

    fn at(text: &str, needle: &str) -> (usize, usize) {
        let s = text.find(needle).expect("needle in text");
        (s, s + needle.len())
    }

    fn codes_and_spans(ds: &[Diagnostic]) -> Vec<(String, usize, usize)> {
        let mut v: Vec<_> = ds
            .iter()
            .map(|d| {
                (
                    d.code.to_string(),
                    d.labels[0].span.start,
                    d.labels[0].span.end,
                )
            })
            .collect();
        v.sort();
        v
    }

    #[test]
    fn parses_each_form_with_code_spans() {
        let t = "a\n  <!-- claimlint-disable L001, P001 -->\nb\n<!--claimlint-enable-->\n\
                 <!-- claimlint-disable-next-line N001 -->\n<!-- claimlint-disable-file -->\n\
                 <!-- not ours -->\n<!-- claimlint-disabel L001 -->\n\
                 x <!-- claimlint-disable-file --> inside a line is text";
        let ds = directives(t);
        let kinds: Vec<DirectiveKind> = ds.iter().map(|d| d.kind).collect();
        assert_eq!(
            kinds,
            vec![
                DirectiveKind::Disable,
                DirectiveKind::Enable,
                DirectiveKind::DisableNextLine,
                DirectiveKind::DisableFile,
                DirectiveKind::Unknown
            ]
        );
        assert_eq!(ds[0].span, Span::new(4, 41));
        let l = at(t, "L001");
        let p = at(t, "P001");
        assert_eq!(
            ds[0].codes,
            vec![
                ("L001".to_string(), Span::new(l.0, l.1)),
                ("P001".to_string(), Span::new(p.0, p.1))
            ]
        );
        assert!(ds[1].codes.is_empty() && ds[3].codes.is_empty());
        assert_eq!(ds[2].codes[0].0, "N001");
    }

    #[test]
    fn disable_enable_range_suppresses_inside_only() {
        let t = "Head\n\nfirst Kyiv\n\n<!-- claimlint-disable L001 -->\n\nsecond Kyiv\n\n\
                 <!-- claimlint-enable L001 -->\n\nthird Kyiv\n";
        let a = article(t);
        let first = t.find("Kyiv").expect("first");
        let second = t[first + 1..].find("Kyiv").expect("second") + first + 1;
        let third = t.rfind("Kyiv").expect("third");
        let ds = vec![
            diag("L001", &[(first, first + 4)]),
            diag("L001", &[(second, second + 4)]),
            diag("L001", &[(third, third + 4)]),
            // Another rule in the range is not suppressed.
            diag("D002", &[(second, second + 4)]),
        ];
        let out = apply(&a, ds, &RuleSet::builtin());
        assert_eq!(
            codes_and_spans(&out),
            vec![
                ("D002".to_string(), second, second + 4),
                ("L001".to_string(), first, first + 4),
                ("L001".to_string(), third, third + 4),
            ]
        );
    }

    #[test]
    fn disable_without_enable_runs_to_end_of_file() {
        let t = "Head\n\n<!-- claimlint-disable -->\n\nKyiv and 2024\n";
        let a = article(t);
        let k = at(t, "Kyiv");
        let out = apply(
            &a,
            vec![diag("L001", &[k]), diag("D002", &[at(t, "2024")])],
            &RuleSet::builtin(),
        );
        assert!(out.is_empty(), "{out:?}");
    }

    #[test]
    fn next_line_covers_the_next_non_blank_line_and_no_further() {
        let t = "Head\n\n<!-- claimlint-disable-next-line N001 -->\r\n\r\nMr Regan spoke.\r\nMr Regan again.\n";
        let a = article(t);
        let first = at(t, "Regan");
        let second = t.rfind("Regan").expect("second");
        // N001 is P001's former code.
        let out = apply(
            &a,
            vec![
                diag("P001", &[first]),
                diag("P001", &[(second, second + 5)]),
            ],
            &RuleSet::builtin(),
        );
        assert_eq!(
            codes_and_spans(&out),
            vec![("P001".to_string(), second, second + 5)]
        );
        assert_eq!(
            next_line(t, t.find("-->").expect("end") + 3),
            Span::new(first.0 - 3, t.find("spoke.").expect("s") + 6)
        );
    }

    #[test]
    fn any_label_in_range_suppresses() {
        let t = "Head Albania\n\n<!-- claimlint-disable-next-line L001 -->\nKyiv.\n\nLater.\n";
        let a = article(t);
        let out = apply(
            &a,
            vec![diag("L001", &[at(t, "Albania"), at(t, "Kyiv")])],
            &RuleSet::builtin(),
        );
        assert!(out.is_empty(), "{out:?}");
    }

    #[test]
    fn disable_file_and_front_matter_cover_everything() {
        let t = "Head\n\nKyiv 2024\n\n<!-- claimlint-disable-file L001 -->\n";
        let a = article(t);
        let out = apply(
            &a,
            vec![diag("L001", &[at(t, "Kyiv")])],
            &RuleSet::builtin(),
        );
        assert!(out.is_empty());

        let t = "---\nclaimlint: { ignore: [N001] }\n---\nHead\n\nMr Regan.\n";
        let mut a = article(t);
        let code = at(t, "N001");
        a.front_matter_ignore = vec![("N001".to_string(), Span::new(code.0, code.1))];
        let out = apply(
            &a,
            vec![diag("P001", &[at(t, "Regan")])],
            &RuleSet::builtin(),
        );
        assert!(out.is_empty());
        // Unused front-matter code: S001 at the code as written.
        let out = apply(&a, vec![], &RuleSet::builtin());
        assert_eq!(
            codes_and_spans(&out),
            vec![("S001".to_string(), code.0, code.1)]
        );
        assert_eq!(
            out[0].message,
            "unused suppression: no P001 finding in its range"
        );
        assert_eq!(out[0].severity, Severity::Note);
    }

    #[test]
    fn unused_unknown_and_misspelt_are_s001_with_spans() {
        let t = "Head\n\n<!-- claimlint-disable-next-line L001 X999 -->\nText.\n\n\
                 <!-- claimlint-disable-nextline L001 -->\n<!-- claimlint-disable-file -->\n";
        let a = article(t);
        let out = apply(&a, vec![], &RuleSet::builtin());
        let l = at(t, "L001");
        let x = at(t, "X999");
        let typo = at(t, "<!-- claimlint-disable-nextline L001 -->");
        let file = at(t, "<!-- claimlint-disable-file -->");
        assert_eq!(
            codes_and_spans(&out),
            vec![
                ("S001".to_string(), l.0, l.1),
                ("S001".to_string(), x.0, x.1),
                ("S001".to_string(), typo.0, typo.1),
                ("S001".to_string(), file.0, file.1),
            ]
        );
        let msgs: Vec<&str> = out.iter().map(|d| d.message.as_str()).collect();
        assert!(msgs.contains(&"`X999` is not a rule code: this suppression suppresses nothing"));
        assert!(msgs.contains(&"unused suppression: no finding in its range"));
    }

    #[test]
    fn s001_is_not_reported_when_ignored_or_the_rule_is_not_selected() {
        let t = "Head\n\n<!-- claimlint-disable-next-line L001 -->\nText.\n";
        let a = article(t);
        let mut set = RuleSet::builtin();
        set.retain(|r| r.meta().code != "S001");
        assert!(apply(&a, vec![], &set).is_empty());
        let mut set = RuleSet::builtin();
        set.retain(|r| r.meta().code != "L001");
        assert!(apply(&a, vec![], &set).is_empty());
        // Suppressed by name.
        let t = "<!-- claimlint-disable-file S001 -->\nHead\n\n<!-- claimlint-disable L001 -->\n";
        let out = apply(&article(t), vec![], &RuleSet::builtin());
        assert!(out.is_empty(), "{out:?}");
    }
}
