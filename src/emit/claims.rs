//! `claimlint claims`: the fact-checker's checklist — every claim an article makes, grouped by
//! segment, with its typed value, span and frame, and what each rule compared it with.
//!
//! Three formats: [`human`] (a readable list), [`json`] (one document, `"version": 1`, schema in
//! README) and [`jsonl`] (one claim per line, each with its path).

use serde::Serialize;
use serde_json::Value;

use crate::article::SegmentKind;
use crate::claims::envelope::{Claim, ClaimKind, Frame, Provenance};
use crate::report::FileError;
use crate::rules::trace::{Comparison, Outcome};
use crate::source::Span;

use super::Positions;
use crate::ClaimsReport;

/// One article's claims as read: its path (as given), text and report.
pub struct ClaimsFile {
    /// The path as given (`<stdin>` for standard input).
    pub path: String,
    /// The file text.
    pub text: std::sync::Arc<str>,
    /// Claims, comparisons and diagnostics.
    pub report: ClaimsReport,
}

/// Which claims to show: `None` shows every kind.
pub type KindFilter<'a> = Option<&'a [ClaimKind]>;

fn shown(c: &Claim, kinds: KindFilter<'_>) -> bool {
    kinds.is_none_or(|k| k.contains(&c.kind))
}

/// The section a claim is listed under: `date line`, `headline`, `dateline`, `lede` or `body`.
pub fn section(c: &Claim) -> &'static str {
    match c.segment {
        SegmentKind::DateLine => "date line",
        SegmentKind::Headline => "headline",
        SegmentKind::Dateline => "dateline",
        SegmentKind::Paragraph if c.lede => "lede",
        SegmentKind::Paragraph => "body",
    }
}

/// The comparisons that involve `c` (one of their spans overlaps the claim's span).
fn comparisons_of<'a>(c: &Claim, all: &'a [Comparison]) -> Vec<&'a Comparison> {
    all.iter()
        .filter(|cmp| cmp.spans.iter().any(|s| s.overlaps(c.span)))
        .collect()
}

fn outcome_str(o: Outcome) -> &'static str {
    match o {
        Outcome::Consistent => "consistent",
        Outcome::Conflict => "conflict",
        Outcome::Skipped => "skipped",
    }
}

/// A one-line reading of a claim's typed value ("Kyiv (city, Ukraine)", "2024-02-28").
pub fn summary(c: &Claim) -> String {
    let v = &c.value;
    let s = |k: &str| v.get(k).and_then(Value::as_str);
    match c.kind {
        ClaimKind::Place => {
            let p = &v["place"];
            let name = p.get("name").and_then(Value::as_str).unwrap_or("?");
            let kind = p.get("kind").and_then(Value::as_str).unwrap_or("?");
            let mut out = match p.get("country").and_then(Value::as_str) {
                Some(country) if country != name => format!("{name} ({kind}, {country})"),
                _ => format!("{name} ({kind})"),
            };
            if !c.alternatives.is_empty() {
                out.push_str(&format!(" or {} other readings", c.alternatives.len()));
            }
            out
        }
        ClaimKind::Event => format!(
            "{} in {}",
            s("event").unwrap_or("?"),
            s("place").unwrap_or("?")
        ),
        ClaimKind::Name => {
            let mut out = match s("given") {
                Some(g) => format!("{g} {}", s("family").unwrap_or("?")),
                None => s("family").unwrap_or("?").to_string(),
            };
            if let Some(p) = v.get("person") {
                out.push_str(&person_summary(p, &out));
            }
            out
        }
        ClaimKind::Date => {
            let date = s("date")
                .map(str::to_string)
                .unwrap_or_else(|| format!("month {} day {} (year unknown)", v["month"], v["day"]));
            match s("weekday") {
                Some(w) => format!("{date}, written with {w}"),
                None => date,
            }
        }
        ClaimKind::Quantity => {
            let low = v
                .get("value")
                .and_then(Value::as_f64)
                .map_or("?".into(), number);
            let mut out = match v.get("high").and_then(Value::as_f64) {
                Some(h) => format!("{low}–{}", number(h)),
                None => low,
            };
            match &v["kind"] {
                Value::String(k) if k == "Percent" => out.push('%'),
                Value::Object(o) => {
                    if let Some(Value::String(c)) = o.get("Money") {
                        out.push_str(&format!(" {c}"));
                    }
                    if let Some(u) = o
                        .get("Physical")
                        .and_then(|p| p.get("name"))
                        .and_then(Value::as_str)
                    {
                        out.push_str(&format!(" {u}"));
                    }
                }
                _ => {}
            }
            if let Some(n) = s("noun") {
                out.push(' ');
                out.push_str(n);
            }
            if let Some(verb) = s("verb") {
                out.push_str(&format!(" ({verb})"));
            }
            if let Some(q) = s("qualifier").filter(|q| *q != "Exact") {
                out.push_str(&format!(" [{q}]"));
            }
            out
        }
        ClaimKind::List => {
            let items: Vec<&str> = v["items"]
                .as_array()
                .map(|a| a.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default();
            format!(
                "{} stated, {} listed: {}",
                v.get("count")
                    .and_then(Value::as_f64)
                    .map_or("?".into(), number),
                items.len(),
                items.join(", ")
            )
        }
        ClaimKind::Breakdown => {
            let parts: Vec<String> = v["parts"]
                .as_array()
                .map(|a| a.iter().filter_map(Value::as_f64).map(number).collect())
                .unwrap_or_default();
            let total = v
                .get("total")
                .and_then(Value::as_f64)
                .map_or("?".into(), number);
            format!(
                "{} of {total}: {}",
                v["kind"].as_str().unwrap_or("parts"),
                parts.join(" + ")
            )
        }
        _ => tagged(v),
    }
}

/// A number as written in a checklist: whole numbers without a decimal point, thousands
/// grouped ("1,236"; "2.5").
/// The people part of a name's summary: " = Volodymyr Zelensky" on a later mention; on the
/// first full one " — President (Ukrainian); age 45; born 1979; 2 quotations".
fn person_summary(p: &Value, written: &str) -> String {
    let name = p.get("name").and_then(Value::as_str).unwrap_or("?");
    let Some(roles) = p.get("roles").and_then(Value::as_array) else {
        return if name == written {
            String::new()
        } else {
            format!(" = {name}")
        };
    };
    let mut parts: Vec<String> = roles
        .iter()
        .map(|r| {
            let title = r.get("title").and_then(Value::as_str).unwrap_or("?");
            let mut t = match r.get("modifier").and_then(Value::as_str) {
                Some(m) => format!("{m} {title}"),
                None => title.to_string(),
            };
            if let Some(q) = r.get("qualifier").and_then(Value::as_str) {
                t.push_str(&format!(" ({q})"));
            }
            if r.get("quoted").and_then(Value::as_bool) == Some(true) {
                t.push_str(" [quoted]");
            }
            t
        })
        .collect();
    let list = |k: &str| -> Vec<String> {
        p.get(k)
            .and_then(Value::as_array)
            .map(|a| a.iter().map(|x| x.to_string()).collect())
            .unwrap_or_default()
    };
    let ages = list("ages");
    if !ages.is_empty() {
        parts.push(format!("age {}", ages.join(", ")));
    }
    let births = list("births");
    if !births.is_empty() {
        parts.push(format!("born {}", births.join(", ")));
    }
    match p
        .get("quotes")
        .and_then(Value::as_array)
        .map_or(0, Vec::len)
    {
        0 => {}
        1 => parts.push("1 quotation".into()),
        n => parts.push(format!("{n} quotations")),
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!(" — {}", parts.join("; "))
    }
}

fn number(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        let digits = format!("{}", x.abs() as u64);
        let mut out = String::new();
        for (i, ch) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(ch);
        }
        if x < 0.0 {
            out.insert(0, '-');
        }
        out
    } else {
        format!("{x}")
    }
}

/// `{"Duration": {...}}` → `Duration amount=2 unit=Day ...`: the variant and its scalar
/// fields (spans and nested objects left out), for kinds without a dedicated summary.
fn tagged(v: &Value) -> String {
    let (tag, inner) = match v.as_object() {
        Some(o) if o.len() == 1 => match o.iter().next() {
            Some((k, inner)) => (k.as_str(), inner),
            None => return compact(v),
        },
        _ => return compact(v),
    };
    let Some(fields) = inner.as_object() else {
        return format!("{tag} {}", compact(inner));
    };
    let mut parts = vec![tag.to_string()];
    for (k, val) in fields {
        match val {
            Value::Number(n) if k.contains("year") => parts.push(format!("{k}={n}")),
            Value::Number(n) => {
                parts.push(format!("{k}={}", n.as_f64().map_or(n.to_string(), number)))
            }
            Value::String(s) => parts.push(format!("{k}={s}")),
            Value::Bool(true) => parts.push(k.clone()),
            _ => {}
        }
    }
    parts.join(" ")
}

/// Compact JSON of a value, for kinds without a dedicated summary.
fn compact(v: &Value) -> String {
    serde_json::to_string(v).unwrap_or_default()
}

fn flags(c: &Claim) -> String {
    let Frame {
        time_shift,
        hedge,
        change,
        other_event,
    } = c.frame;
    let mut v = Vec::new();
    if c.quoted {
        v.push("quoted".to_string());
    }
    if let Some(s) = &c.speaker {
        v.push(format!("said by {s}"));
    }
    for (on, name) in [
        (time_shift, "other time"),
        (hedge, "hedged"),
        (change, "change"),
        (other_event, "other event"),
    ] {
        if on {
            v.push(name.to_string());
        }
    }
    if let Some(Provenance {
        reference_date,
        source,
    }) = &c.provenance
    {
        v.push(format!("year from {reference_date} ({source})"));
    }
    if v.is_empty() {
        String::new()
    } else {
        format!("  [{}]", v.join("; "))
    }
}

/// The human checklist: per file, claims grouped by section in document order, each with its
/// `line:column` (1-based, code points), kind, text, reading and flags, then the comparisons
/// that involved it.
pub fn human(files: &[ClaimsFile], kinds: KindFilter<'_>) -> String {
    let mut out = String::new();
    for f in files {
        let at = positions(f);
        let pos = |s: Span| {
            let p = at.at(s.start);
            format!("{}:{}", p.line, p.column)
        };
        out.push_str(&f.path);
        match &f.report.reference {
            Some(r) => out.push_str(&format!(
                "  (reference date {} from the {})\n",
                r.date.format("%Y-%m-%d"),
                match r.source {
                    crate::ReferenceSource::CommandLine => "command line",
                    crate::ReferenceSource::FrontMatter => "front matter",
                    crate::ReferenceSource::DateLine => "date line",
                    crate::ReferenceSource::DateField => "record's date field",
                    crate::ReferenceSource::PageDate => "page's date",
                    crate::ReferenceSource::Dateline => "dateline",
                }
            )),
            None => out.push_str("  (no reference date)\n"),
        }
        let mut current = "";
        let mut any = false;
        for c in f.report.claims.iter().filter(|c| shown(c, kinds)) {
            any = true;
            let sec = section(c);
            if sec != current {
                out.push_str(&format!("\n  {sec}\n"));
                current = sec;
            }
            out.push_str(&format!(
                "    {:<8} {:<13} {:?} → {}{}\n",
                pos(c.span),
                c.kind.as_str(),
                c.text,
                summary(c),
                flags(c)
            ));
            for cmp in comparisons_of(c, &f.report.comparisons) {
                let others: Vec<String> = cmp
                    .spans
                    .iter()
                    .filter(|s| !s.overlaps(c.span))
                    .map(|s| format!("{:?} at {}", slice(&f.text, *s), pos(*s)))
                    .collect();
                let with = if others.is_empty() {
                    String::new()
                } else {
                    format!(" with {}", others.join(", "))
                };
                out.push_str(&format!(
                    "             {} compared{with}: {} — {}\n",
                    cmp.rule,
                    outcome_str(cmp.outcome),
                    cmp.note
                ));
            }
        }
        if !any {
            out.push_str("\n  no claims\n");
        }
        let n = f.report.claims.iter().filter(|c| shown(c, kinds)).count();
        out.push_str(&format!(
            "\n  {n} claim{}, {} comparison{}, {} finding{}\n\n",
            if n == 1 { "" } else { "s" },
            f.report.comparisons.len(),
            if f.report.comparisons.len() == 1 {
                ""
            } else {
                "s"
            },
            f.report.diagnostics.len(),
            if f.report.diagnostics.len() == 1 {
                ""
            } else {
                "s"
            },
        ));
    }
    out
}

fn slice(text: &str, s: Span) -> &str {
    text.get(s.start..s.end).unwrap_or("")
}

#[derive(Serialize)]
struct Doc<'a> {
    version: u32,
    files: Vec<FileOut<'a>>,
    errors: &'a [FileError],
}

#[derive(Serialize)]
struct FileOut<'a> {
    path: &'a str,
    reference_date: Option<super::json::RefOut>,
    claims: Vec<ClaimOut<'a>>,
    comparisons: Vec<CmpOut<'a>>,
}

#[derive(Serialize)]
struct Pos {
    start: usize,
    end: usize,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
}

#[derive(Serialize)]
struct ClaimOut<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    path: Option<&'a str>,
    id: &'a str,
    kind: ClaimKind,
    section: &'static str,
    text: &'a str,
    #[serde(flatten)]
    pos: Pos,
    sentence: Option<Span>,
    clause: Option<Span>,
    quoted: bool,
    speaker: Option<&'a str>,
    frame: Frame,
    value: &'a Value,
    summary: String,
    alternatives: &'a [Value],
    provenance: Option<&'a Provenance>,
    comparisons: Vec<usize>,
}

#[derive(Serialize)]
struct CmpOut<'a> {
    rule: &'a str,
    outcome: Outcome,
    note: &'a str,
    claims: Vec<String>,
    spans: &'a [Span],
}

/// Positions of `f`'s spans (byte offsets into the file on disk, also when it was decoded).
fn positions(f: &ClaimsFile) -> Positions<'_> {
    Positions::with_map(&f.text, f.report.transcoding.as_deref().map(|t| &t.to_text))
}

fn pos(at: &Positions<'_>, s: Span) -> Pos {
    let (a, b) = (at.at(s.start), at.at(s.end));
    Pos {
        start: s.start,
        end: s.end,
        line: a.line,
        column: a.column,
        end_line: b.line,
        end_column: b.column,
    }
}

fn file_out<'a>(f: &'a ClaimsFile, kinds: KindFilter<'_>, with_path: bool) -> FileOut<'a> {
    let at = positions(f);
    let all = &f.report.comparisons;
    let claims: Vec<ClaimOut<'a>> = f
        .report
        .claims
        .iter()
        .filter(|c| shown(c, kinds))
        .map(|c| ClaimOut {
            path: with_path.then_some(f.path.as_str()),
            id: &c.id,
            kind: c.kind,
            section: section(c),
            text: &c.text,
            pos: pos(&at, c.span),
            sentence: c.sentence,
            clause: c.clause,
            quoted: c.quoted,
            speaker: c.speaker.as_deref(),
            frame: c.frame,
            value: &c.value,
            summary: summary(c),
            alternatives: &c.alternatives,
            provenance: c.provenance.as_ref(),
            comparisons: all
                .iter()
                .enumerate()
                .filter(|(_, cmp)| cmp.spans.iter().any(|s| s.overlaps(c.span)))
                .map(|(i, _)| i)
                .collect(),
        })
        .collect();
    let comparisons = all
        .iter()
        .map(|cmp| CmpOut {
            rule: &cmp.rule,
            outcome: cmp.outcome,
            note: &cmp.note,
            claims: f
                .report
                .claims
                .iter()
                .filter(|c| cmp.spans.iter().any(|s| s.overlaps(c.span)))
                .map(|c| c.id.clone())
                .collect(),
            spans: &cmp.spans,
        })
        .collect();
    FileOut {
        path: &f.path,
        reference_date: super::json::reference(&f.report.reference),
        claims,
        comparisons,
    }
}

/// One JSON document: `{"version": 1, "files": [{path, reference_date, claims, comparisons}],
/// "errors": [...]}`; each claim lists the indexes of the comparisons that involved it.
pub fn json(files: &[ClaimsFile], errors: &[FileError], kinds: KindFilter<'_>) -> String {
    let doc = Doc {
        version: 1,
        files: files.iter().map(|f| file_out(f, kinds, false)).collect(),
        errors,
    };
    let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
    s.push('\n');
    s
}

/// One claim per line, each with its `path`; comparisons are inlined per claim as
/// `{"rule", "outcome", "note", "claims"}`.
pub fn jsonl(files: &[ClaimsFile], kinds: KindFilter<'_>) -> String {
    let mut out = String::new();
    for f in files {
        let fo = file_out(f, kinds, true);
        for c in &fo.claims {
            let mut v = serde_json::to_value(c).unwrap_or(Value::Null);
            let cmps: Vec<Value> = c
                .comparisons
                .iter()
                .filter_map(|&i| fo.comparisons.get(i))
                .filter_map(|cmp| serde_json::to_value(cmp).ok())
                .collect();
            if let Some(obj) = v.as_object_mut() {
                obj.insert("comparisons".into(), Value::Array(cmps));
            }
            out.push_str(&serde_json::to_string(&v).unwrap_or_default());
            out.push('\n');
        }
    }
    out
}
