//! Rule packs: house-style rules written as data (TOML), evaluated by generic code.
//!
//! A pack is a TOML file with a `[pack]` header and `[[rule]]` tables; each rule has a
//! `kind` (`preferred-spelling`, `consistent-term`, `defined-before-use`, `pattern`) and
//! inline `[[rule.test]]` cases. Shipped packs (`rules/packs/*.toml`) are embedded and opted
//! into by name ([`load`] with `"ap-names"`); user packs are read from a path ([`load_file`])
//! or from every `*.toml` of a folder ([`load_dir`], the configuration's `rule-dirs`).
//! The format is documented in `docs/packs.md`.
//!
//! Every error in a pack is a [`DataFileError`] whose span is the byte range of the
//! offending key or value in the pack file. A pack can never run code: patterns are compiled
//! by the `regex` crate (linear time, size-limited).
//!
//! **Codes.** Built-in rules are one capital letter and three digits (`L001`, `P001`, and the
//! reserved `H001`); a pack rule's code is two to four capital letters and three digits
//! (`UA001`, `AP001`, `NYT012`), so the two can never collide. A pack code equal to a built-in
//! code or alias, or to a code of another loaded pack, is still rejected ([`add_to`]).

mod kinds;
pub mod knowledge;
pub mod testing;

use std::path::Path;
use std::sync::Arc;

use serde::Deserialize;
use toml::Spanned;

use crate::data_error::DataFileError;
use crate::diagnostic::Severity;
use crate::rules::{Category, RuleMeta, RuleSet, RuleSetError};
use crate::source::Span;

pub use kinds::PackRule;
pub use knowledge::{AddedPlace, AddedRegion, Knowledge};

/// The shipped packs, `(name, TOML text)`, in name order.
pub const EMBEDDED: &[(&str, &str)] = &[
    (
        "ap-names",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/rules/packs/ap-names.toml"
        )),
    ),
    (
        "ukraine-places",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/rules/packs/ukraine-places.toml"
        )),
    ),
];

/// A parsed and validated rule pack.
#[derive(Clone, Debug)]
pub struct Pack {
    /// The pack's name from its `[pack]` header (`ap-names`).
    pub name: String,
    /// One line saying what the pack is for.
    pub summary: String,
    /// Where it came from: a path as given, or `<embedded>/NAME.toml` for a shipped pack.
    pub path: String,
    /// The pack file's text (spans of errors and tests point into it).
    pub text: Arc<str>,
    /// Its rules, in file order.
    pub rules: Vec<Arc<PackRule>>,
    /// Its knowledge additions (`[[place]]`, `[[alias]]`); empty for a rules-only pack.
    pub knowledge: Knowledge,
}

/// One inline test case of a pack rule (`[[rule.test]]`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TestCase {
    /// The article text to check (a first line without a blank line after it is the headline).
    pub text: String,
    /// Byte span of the case's `text` value in the pack file (for line numbers in reports).
    pub span: Span,
    /// Expected findings in document order: `(code, text of the primary label)`. Empty when
    /// the case is `clean = true`.
    pub expect: Vec<(String, String)>,
    /// The text after applying every safe fix, when the case says (`fixed = "..."`).
    pub fixed: Option<String>,
}

/// The shipped pack called `name` (see [`EMBEDDED`]), or an error listing the known names.
pub fn load(name: &str) -> Result<Pack, DataFileError> {
    match EMBEDDED.iter().find(|(n, _)| *n == name) {
        Some((n, text)) => parse(&format!("<embedded>/{n}.toml"), text),
        None => {
            let names: Vec<&str> = EMBEDDED.iter().map(|(n, _)| *n).collect();
            Err(
                DataFileError::whole_file(name, format!("no shipped rule pack named '{name}'"))
                    .with_help(format!(
                        "shipped packs: {}; a user pack is given by its path (ending in .toml)",
                        names.join(", ")
                    )),
            )
        }
    }
}

/// A pack from a `--pack` or `packs = [...]` entry: a path when it ends in `.toml` or contains
/// a path separator, otherwise the name of a shipped pack.
pub fn resolve(spec: &str) -> Result<Pack, DataFileError> {
    if spec.ends_with(".toml") || spec.contains('/') || spec.contains('\\') {
        load_file(Path::new(spec))
    } else {
        load(spec)
    }
}

/// Read and parse the pack at `path`. Errors: unreadable or non-UTF-8 file (no span), and
/// every error of [`parse`].
pub fn load_file(path: &Path) -> Result<Pack, DataFileError> {
    let shown = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| {
        let why = match e.kind() {
            std::io::ErrorKind::NotFound => "no such file".to_string(),
            _ => e.to_string(),
        };
        DataFileError::whole_file(&shown, format!("cannot read rule pack: {why}"))
    })?;
    let text = String::from_utf8(bytes)
        .map_err(|_| DataFileError::whole_file(&shown, "cannot read rule pack: not valid UTF-8"))?;
    parse(&shown, &text)
}

/// Every `*.toml` pack in `dir` (not recursive), sorted by file name. The first bad pack
/// ends the load with its error.
pub fn load_dir(dir: &Path) -> Result<Vec<Pack>, DataFileError> {
    let shown = dir.display().to_string();
    let entries = std::fs::read_dir(dir)
        .map_err(|e| DataFileError::whole_file(&shown, format!("cannot read rule folder: {e}")))?;
    let mut paths: Vec<std::path::PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml") && p.is_file())
        .collect();
    paths.sort();
    paths.iter().map(|p| load_file(p)).collect()
}

/// Add every rule of `pack` to `set`, and its knowledge additions to the set's
/// [`RuleSet::knowledge`]. A code, alias or name already in the set (a built-in
/// rule or a rule of an earlier pack, or an earlier rule of this pack) is an error naming
/// both rules, at the pack rule's `code` (or `name`); the knowledge is then not added.
pub fn add_to(set: &mut RuleSet, pack: &Pack) -> Result<(), DataFileError> {
    add_rules(set, pack)?;
    set.add_knowledge(&pack.knowledge);
    Ok(())
}

fn add_rules(set: &mut RuleSet, pack: &Pack) -> Result<(), DataFileError> {
    for rule in &pack.rules {
        let meta = rule.meta_ref();
        let (span, message) = match set.add(ArcRule(rule.clone())) {
            Ok(()) => continue,
            Err(RuleSetError::DuplicateCode { code, existing }) => (
                rule.code_span,
                format!(
                    "rule {} ({}) clashes with {}: code {code} is already taken",
                    meta.code,
                    meta.name,
                    describe_existing(set, &existing)
                ),
            ),
            Err(RuleSetError::DuplicateName { name, existing }) => (
                rule.name_span,
                format!(
                    "rule {} ({}) clashes with {}: name {name} is already taken",
                    meta.code,
                    meta.name,
                    describe_existing(set, &existing)
                ),
            ),
        };
        return Err(
            DataFileError::at(&pack.path, pack.text.clone(), span, message).with_help(
                "pack codes are two to four capital letters and three digits (UA001); choose \
                 an unused code and name",
            ),
        );
    }
    Ok(())
}

fn describe_existing(set: &RuleSet, code: &str) -> String {
    let builtin = crate::rules::find(code).is_some_and(|r| r.meta().code == code);
    match set.find(code) {
        Some(r) if builtin => format!("built-in rule {} ({})", r.meta().code, r.meta().name),
        Some(r) => format!(
            "rule {} ({}) of an earlier pack",
            r.meta().code,
            r.meta().name
        ),
        None => format!("rule {code}"),
    }
}

/// A rule set: the built-in rules plus the rules of every pack named in `specs` (see
/// [`resolve`]), in order.
pub fn rule_set_with(specs: &[String]) -> Result<(RuleSet, Vec<Pack>), DataFileError> {
    let mut set = RuleSet::builtin();
    let mut packs = Vec::new();
    for spec in specs {
        let pack = resolve(spec)?;
        if let Some(first) = packs.iter().find(|p: &&Pack| p.name == pack.name) {
            if first.path == pack.path {
                continue; // the same pack named twice
            }
            return Err(DataFileError::whole_file(
                &pack.path,
                format!(
                    "this pack is named '{}', like the pack {} given before it: pack names must \
                     be unique",
                    pack.name, first.path
                ),
            )
            .with_help("rename one of them in its [pack] table"));
        }
        add_to(&mut set, &pack)?;
        packs.push(pack);
    }
    Ok((set, packs))
}

/// An `Arc<PackRule>` as a [`crate::rules::Rule`] (so a pack's rules are shared, not copied).
struct ArcRule(Arc<PackRule>);

impl crate::rules::Rule for ArcRule {
    fn meta(&self) -> &RuleMeta {
        self.0.meta_ref()
    }
    fn check(&self, cx: &crate::rules::Context<'_>, out: &mut Vec<crate::diagnostic::Diagnostic>) {
        crate::rules::Rule::check(self.0.as_ref(), cx, out)
    }
}

// ---------------------------------------------------------------------------------------
// The file format, as serde reads it.

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPack {
    pack: RawHeader,
    #[serde(default)]
    rule: Vec<RawRule>,
    #[serde(default)]
    place: Vec<RawPlace>,
    #[serde(default)]
    region: Vec<RawRegion>,
    #[serde(default)]
    alias: Vec<RawAlias>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRegion {
    name: Spanned<String>,
    #[serde(default)]
    adjectives: Vec<String>,
    members: Spanned<Vec<Spanned<String>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPlace {
    name: Spanned<String>,
    country: Spanned<String>,
    division: Option<Spanned<String>>,
    region: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAlias {
    forms: Spanned<Vec<Spanned<String>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHeader {
    name: Spanned<String>,
    summary: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    code: Spanned<String>,
    name: Spanned<String>,
    kind: Spanned<String>,
    severity: Spanned<String>,
    category: Spanned<String>,
    summary: String,
    explanation: String,
    help: Option<String>,
    spelling: Option<Spanned<Vec<RawSpelling>>>,
    choice: Option<Spanned<Vec<RawChoice>>>,
    term: Option<Spanned<Vec<RawTerm>>>,
    regex: Option<Spanned<String>>,
    message: Option<Spanned<String>>,
    #[serde(default)]
    test: Vec<RawTest>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSpelling {
    preferred: Spanned<String>,
    variants: Vec<Spanned<String>>,
    #[serde(default, rename = "not-before")]
    not_before: Vec<String>,
    #[serde(default, rename = "not-after")]
    not_after: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawChoice {
    forms: Spanned<Vec<Spanned<String>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTerm {
    short: Spanned<String>,
    full: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTest {
    text: Spanned<String>,
    #[serde(default)]
    expect: Vec<RawExpect>,
    clean: Option<Spanned<bool>>,
    fixed: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawExpect {
    code: Option<String>,
    text: String,
}

/// The kinds a pack rule may have, as written in `kind = "..."`.
pub const KINDS: [&str; 4] = [
    "preferred-spelling",
    "consistent-term",
    "defined-before-use",
    "pattern",
];

/// True for a pack rule code: two to four ASCII capital letters, then three digits.
pub fn is_pack_code(code: &str) -> bool {
    let letters = code.bytes().take_while(u8::is_ascii_uppercase).count();
    (2..=4).contains(&letters)
        && code.len() == letters + 3
        && code
            .get(letters..)
            .is_some_and(|d| d.bytes().all(|b| b.is_ascii_digit()))
}

/// True for a kebab-case name: lower-case ASCII letters and digits in `-`-separated words,
/// starting with a letter.
pub fn is_kebab(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_lowercase())
        && name.split('-').all(|w| {
            !w.is_empty()
                && w.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

fn span_of<T>(s: &Spanned<T>) -> Span {
    let r = s.span();
    Span::new(r.start, r.end)
}

/// Parse and validate a pack's text; `path` names it in errors. Every error is a
/// [`DataFileError`] at the offending bytes: TOML syntax, an unknown key, a wrong type, a
/// missing key, a bad code (not [`is_pack_code`]), a name that is not kebab-case, an unknown
/// kind, severity or category, a key the kind does not use, a bad or empty regex, an empty
/// spelling, a test case that expects nothing and is not `clean = true`.
pub fn parse(path: &str, text: &str) -> Result<Pack, DataFileError> {
    let shared: Arc<str> = Arc::from(text);
    let err = |span: Span, msg: String| DataFileError::at(path, shared.clone(), span, msg);
    let raw: RawPack = toml::from_str(text).map_err(|e| {
        let span = e
            .span()
            .map_or(Span::new(0, 0), |r| Span::new(r.start, r.end));
        let message = e.message().trim().to_string();
        DataFileError::at(path, shared.clone(), span, message)
    })?;
    let name = raw.pack.name.get_ref().clone();
    if !is_kebab(&name) {
        return Err(err(
            span_of(&raw.pack.name),
            format!("pack name '{name}' is not kebab-case"),
        )
        .with_help("use lower-case words joined by '-', e.g. house-style"));
    }
    let mut rules = Vec::new();
    let mut seen: Vec<(String, String)> = Vec::new();
    for r in raw.rule {
        let code = r.code.get_ref().clone();
        if let Some(b) = crate::rules::find(&code) {
            return Err(err(
                span_of(&r.code),
                format!(
                    "code {code} is taken by built-in rule {} ({})",
                    b.meta().code,
                    b.meta().name
                ),
            )
            .with_help(
                "pack codes are two to four capital letters and three digits (UA001, AP001)",
            ));
        }
        if !is_pack_code(&code) {
            return Err(err(
                span_of(&r.code),
                format!("'{code}' is not a pack rule code"),
            )
            .with_help(
                "pack codes are two to four capital letters and three digits (UA001, AP001); \
                     one letter and three digits (L001) are reserved for built-in rules",
            ));
        }
        if seen.iter().any(|(c, _)| *c == code) {
            return Err(err(
                span_of(&r.code),
                format!("rule code {code} is used twice in this pack"),
            ));
        }
        let rname = r.name.get_ref().clone();
        if !is_kebab(&rname) {
            return Err(err(
                span_of(&r.name),
                format!("rule name '{rname}' is not kebab-case"),
            )
            .with_help("use lower-case words joined by '-', e.g. house-spelling"));
        }
        if let Some((c, _)) = seen.iter().find(|(_, n)| *n == rname) {
            return Err(err(
                span_of(&r.name),
                format!("rule name {rname} is already used by rule {c} of this pack"),
            ));
        }
        seen.push((code.clone(), rname.clone()));
        let severity = match r.severity.get_ref().as_str() {
            "error" => Severity::Error,
            "warning" => Severity::Warning,
            "note" => Severity::Note,
            other => {
                return Err(
                    err(span_of(&r.severity), format!("unknown severity '{other}'"))
                        .with_help("one of: error, warning, note"),
                )
            }
        };
        let category = match Category::ALL
            .iter()
            .find(|c| c.as_str() == r.category.get_ref())
        {
            Some(c) => *c,
            None => {
                return Err(err(
                    span_of(&r.category),
                    format!("unknown category '{}'", r.category.get_ref()),
                )
                .with_help("one of: places, people, numbers, dates"))
            }
        };
        let kind_name = r.kind.get_ref().as_str();
        if !KINDS.contains(&kind_name) {
            return Err(
                err(span_of(&r.kind), format!("unknown rule kind '{kind_name}'"))
                    .with_help(format!("one of: {}", KINDS.join(", "))),
            );
        }
        // Keys that belong to another kind.
        let extra: [(&str, Option<Span>); 5] = [
            ("spelling", r.spelling.as_ref().map(span_of)),
            ("choice", r.choice.as_ref().map(span_of)),
            ("term", r.term.as_ref().map(span_of)),
            ("regex", r.regex.as_ref().map(span_of)),
            ("message", r.message.as_ref().map(span_of)),
        ];
        let wanted: &[&str] = match kind_name {
            "preferred-spelling" => &["spelling"],
            "consistent-term" => &["choice"],
            "defined-before-use" => &["term"],
            _ => &["regex", "message"],
        };
        for (key, span) in &extra {
            match (wanted.contains(key), span) {
                (false, Some(s)) => {
                    return Err(
                        err(*s, format!("key `{key}` is not used by kind {kind_name}"))
                            .with_help(format!("kind {kind_name} reads: {}", wanted.join(", "))),
                    )
                }
                (true, None) => {
                    return Err(err(
                        span_of(&r.kind),
                        format!("kind {kind_name} needs the key `{key}`"),
                    ))
                }
                _ => {}
            }
        }
        let kind = match kind_name {
            "preferred-spelling" => {
                let mut entries = Vec::new();
                for s in r.spelling.map(Spanned::into_inner).unwrap_or_default() {
                    let preferred = s.preferred.get_ref().trim().to_string();
                    if preferred.is_empty() {
                        return Err(err(
                            span_of(&s.preferred),
                            "empty preferred spelling".into(),
                        ));
                    }
                    if s.variants.is_empty() {
                        return Err(err(
                            span_of(&s.preferred),
                            format!("'{preferred}' has no variants"),
                        ));
                    }
                    let mut variants = Vec::new();
                    for v in &s.variants {
                        let t = v.get_ref().trim();
                        if t.is_empty() || t.to_lowercase() == preferred.to_lowercase() {
                            return Err(err(
                                span_of(v),
                                format!("variant '{t}' is empty or the preferred form itself"),
                            ));
                        }
                        variants.push(t.to_string());
                    }
                    let lower = |v: Vec<String>| -> Vec<String> {
                        v.iter()
                            .map(|w| w.to_lowercase())
                            .filter(|w| !w.trim().is_empty())
                            .collect()
                    };
                    entries.push(kinds::Spelling {
                        preferred,
                        variants,
                        not_before: lower(s.not_before),
                        not_after: lower(s.not_after),
                    });
                }
                kinds::Kind::spelling(entries)
            }
            "consistent-term" => {
                let mut sets = Vec::new();
                for c in r.choice.map(Spanned::into_inner).unwrap_or_default() {
                    let forms: Vec<String> = c
                        .forms
                        .get_ref()
                        .iter()
                        .map(|f| f.get_ref().trim().to_string())
                        .collect();
                    if forms.len() < 2 || forms.iter().any(String::is_empty) {
                        return Err(err(
                            span_of(&c.forms),
                            "a choice needs two or more non-empty forms".into(),
                        ));
                    }
                    sets.push(forms);
                }
                kinds::Kind::consistent(sets)
            }
            "defined-before-use" => {
                let mut terms = Vec::new();
                for t in r.term.map(Spanned::into_inner).unwrap_or_default() {
                    let short = t.short.get_ref().trim().to_string();
                    let full = t.full.get_ref().trim().to_string();
                    if short.is_empty() {
                        return Err(err(span_of(&t.short), "empty short form".into()));
                    }
                    if full.is_empty() || full == short {
                        return Err(err(
                            span_of(&t.full),
                            "the full form must be non-empty and differ from the short form".into(),
                        ));
                    }
                    terms.push((short, full));
                }
                kinds::Kind::defined(terms)
            }
            _ => {
                let (Some(re), Some(message)) = (r.regex, r.message) else {
                    return Err(err(
                        span_of(&r.kind),
                        "kind pattern needs `regex` and `message`".into(),
                    ));
                };
                let compiled = kinds::compile_pattern(re.get_ref())
                    .map_err(|why| err(span_of(&re), format!("bad regex: {why}")))?;
                Ok(kinds::Kind::Pattern {
                    regex: compiled,
                    message: message.into_inner(),
                })
            }
        }
        .map_err(|why| err(span_of(&r.kind), why))?;
        let mut tests = Vec::new();
        for t in r.test {
            let clean = t.clean.as_ref().is_some_and(|c| *c.get_ref());
            if clean != t.expect.is_empty() {
                return Err(err(
                    span_of(&t.text),
                    "a test case needs either `expect = [...]` or `clean = true`".into(),
                ));
            }
            tests.push(TestCase {
                text: t.text.get_ref().clone(),
                span: span_of(&t.text),
                expect: t
                    .expect
                    .into_iter()
                    .map(|e| (e.code.unwrap_or_else(|| code.clone()), e.text))
                    .collect(),
                fixed: t.fixed,
            });
        }
        rules.push(Arc::new(PackRule {
            meta: RuleMeta {
                code: code.into(),
                name: rname.into(),
                aliases: std::borrow::Cow::Owned(Vec::new()),
                category,
                default_severity: severity,
                summary: r.summary.into(),
                explanation: r.explanation.into(),
            },
            help: r.help,
            pack: name.clone(),
            kind,
            tests,
            code_span: span_of(&r.code),
            name_span: span_of(&r.name),
        }));
    }
    let mut knowledge = Knowledge::default();
    // Regions first: a place may lie in one of this pack's regions.
    for r in raw.region {
        knowledge.add_region(added_region(&r).map_err(|(span, msg, help)| {
            DataFileError::at(path, shared.clone(), span, msg).with_help(help)
        })?);
    }
    for p in raw.place {
        let place = added_place(&p, &knowledge).map_err(|(span, msg, help)| {
            DataFileError::at(path, shared.clone(), span, msg).with_help(help)
        })?;
        knowledge.add_place(place);
    }
    for a in raw.alias {
        knowledge.add_alias(&alias_forms(&a).map_err(|(span, msg, help)| {
            DataFileError::at(path, shared.clone(), span, msg).with_help(help)
        })?);
    }
    Ok(Pack {
        name,
        summary: raw.pack.summary,
        path: path.to_string(),
        text: shared,
        rules,
        knowledge,
    })
}

/// An error in a knowledge entry: span, message, help.
type EntryError = (Span, String, String);

/// Validate a `[[place]]` and resolve its container: its division, else its region (one of
/// `regions`, this pack's own), else its country.
fn added_place(p: &RawPlace, regions: &Knowledge) -> Result<AddedPlace, EntryError> {
    use crate::knowledge::gazetteer::{self, Within};
    let name = p.name.get_ref().trim();
    if !name.starts_with(char::is_uppercase) {
        return Err((
            span_of(&p.name),
            format!("place name '{name}' does not start with a capital letter"),
            "places are found as capitalised words: write the name as it appears in copy".into(),
        ));
    }
    if gazetteer::is_place_name(name) {
        return Err((
            span_of(&p.name),
            format!("place '{name}' is already in the gazetteer"),
            "an added place is used only for names the gazetteer does not know; remove this \
             entry"
                .into(),
        ));
    }
    let written = p.country.get_ref().trim();
    let Some(country) = gazetteer::country(written) else {
        return Err((
            span_of(&p.country),
            format!("unknown country '{written}'"),
            "give an ISO 3166-1 alpha-2 code (UA) or a country's English name (Ukraine)".into(),
        ));
    };
    let within = match (&p.division, &p.region) {
        (Some(_), Some(r)) => {
            return Err((
                span_of(r),
                "give either `division` or `region`, not both".into(),
                "a place reads as one container: its division or the pack's region it lies in"
                    .into(),
            ))
        }
        (None, None) => country,
        (None, Some(r)) => {
            let written = r.get_ref().trim();
            let Some(region) = regions.region(written, false) else {
                return Err((
                    span_of(r),
                    format!("unknown region '{written}'"),
                    "name a region defined by a [[region]] table in this pack".into(),
                ));
            };
            // The region must narrow the country down: one spanning several countries (Three
            // Seas) would read wider than the country and hide conflicts.
            if !region
                .members
                .iter()
                .all(|&m| gazetteer::within(m, country) == Within::Yes)
            {
                return Err((
                    span_of(r),
                    format!(
                        "region '{}' does not lie within {}",
                        region.name,
                        gazetteer::with_article(&gazetteer::describe(country))
                    ),
                    "a place's region must lie within its country (every member there); leave \
                     `region` out to place it by its country"
                        .into(),
                ));
            }
            region.id
        }
        (Some(d), None) => {
            let div = d.get_ref().trim();
            gazetteer::division(div, country).ok_or_else(|| {
                (
                    span_of(d),
                    format!(
                        "{} has no first-level division named '{div}'",
                        gazetteer::describe(country)
                    ),
                    "give the division's English name as the gazetteer has it (Lviv, \
                     Texas), or leave `division` out"
                        .into(),
                )
            })?
        }
    };
    Ok(AddedPlace {
        name: name.to_string(),
        key: gazetteer::key(name),
        within,
    })
}

/// Validate a `[[region]]`, resolve its members in the gazetteer and register it
/// ([`crate::knowledge::gazetteer::add_region`]).
fn added_region(r: &RawRegion) -> Result<knowledge::AddedRegion, EntryError> {
    use crate::knowledge::gazetteer::{self, PlaceKind, MAIN};
    let name = r.name.get_ref().trim();
    if !name.starts_with(char::is_uppercase) {
        return Err((
            span_of(&r.name),
            format!("region name '{name}' does not start with a capital letter"),
            "regions are found as capitalised words: write the name as it appears in copy".into(),
        ));
    }
    if gazetteer::is_place_name(name) {
        return Err((
            span_of(&r.name),
            format!("'{name}' is already in the gazetteer"),
            "an added region is used only for names the gazetteer does not know; remove this \
             entry"
                .into(),
        ));
    }
    if r.members.get_ref().is_empty() {
        return Err((
            span_of(&r.members),
            format!("region '{name}' has no members"),
            "list its countries (ISO code or name), divisions or cities: members = [\"PL\", \
             \"Czech Republic\"]"
                .into(),
        ));
    }
    let mut members = Vec::new();
    for m in r.members.get_ref() {
        let written = m.get_ref().trim();
        // A country by code or name, else the most populous city or a division of that name.
        let id = gazetteer::country(written).or_else(|| {
            gazetteer::lookup(written)
                .iter()
                .filter(|h| h.flags & MAIN != 0)
                .filter_map(|h| gazetteer::place(h.place))
                .filter(|p| matches!(p.kind, PlaceKind::City | PlaceKind::Admin1))
                .max_by_key(|p| {
                    (
                        p.kind == PlaceKind::City,
                        p.population,
                        std::cmp::Reverse(p.id),
                    )
                })
                .map(|p| p.id)
        });
        let Some(id) = id else {
            return Err((
                span_of(m),
                format!("unknown region member '{written}'"),
                "give a country (ISO 3166-1 alpha-2 code or English name), or a division or \
                 city the gazetteer knows"
                    .into(),
            ));
        };
        members.push(id);
    }
    Ok(knowledge::AddedRegion {
        name: name.to_string(),
        key: gazetteer::key(name),
        adjectives: r.adjectives.iter().map(|a| gazetteer::key(a)).collect(),
        id: gazetteer::add_region(name, &members),
        members,
    })
}

/// Validate an `[[alias]]`: two or more distinct one-word forms.
fn alias_forms(a: &RawAlias) -> Result<Vec<String>, EntryError> {
    let help = "an alias lists two or more spellings of one name, one word each:                 forms = [\"Zelensky\", \"Zelenskyy\"]";
    let forms = a.forms.get_ref();
    if forms.len() < 2 {
        let msg = if forms.is_empty() {
            "empty forms".to_string()
        } else {
            "an alias needs at least two forms".to_string()
        };
        return Err((span_of(&a.forms), msg, help.into()));
    }
    let mut out: Vec<String> = Vec::new();
    for f in forms {
        let form = f.get_ref().trim();
        if form.is_empty() || form.contains(char::is_whitespace) {
            return Err((
                span_of(f),
                format!("alias form '{form}' is not one word"),
                help.into(),
            ));
        }
        if out.iter().any(|o| o.to_lowercase() == form.to_lowercase()) {
            return Err((
                span_of(f),
                format!("alias form '{form}' is listed twice"),
                help.into(),
            ));
        }
        out.push(form.to_string());
    }
    Ok(out)
}
