//! One configuration file: TOML text in, a validated [`ConfigFile`] out (no file-system access).
//!
//! Validation happens here, with spans: unknown keys and wrong types (from the TOML
//! deserializer, `deny_unknown_fields`), duplicate keys (TOML's own error), unknown rule codes
//! and prefixes, unknown severities, formats and policies, and override globs that do not
//! parse. No key takes a regular expression (patterns live in rule packs, validated there).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Deserialize;
use toml::Spanned;

use super::{Encoding, FailOn, InputFormat, ReferencePolicy};
use crate::data_error::DataFileError;
use crate::diagnostic::Severity;
use crate::rules::RuleSet;
use crate::source::Span;

/// The article parts `[input] json-fields` may map (to the JSON field holding them).
pub const JSON_PARTS: [&str; 4] = ["body", "date", "dateline", "headline"];

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawInput {
    format: Option<Spanned<String>>,
    json_fields: Option<BTreeMap<Spanned<String>, Spanned<String>>>,
    encoding: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawFile {
    select: Option<Vec<Spanned<String>>>,
    ignore: Option<Vec<Spanned<String>>>,
    extend_select: Option<Vec<Spanned<String>>>,
    severity: Option<BTreeMap<Spanned<String>, Spanned<String>>>,
    fail_on: Option<Spanned<String>>,
    packs: Option<Vec<Spanned<String>>>,
    rule_dirs: Option<Vec<Spanned<String>>>,
    reference_date: Option<Spanned<String>>,
    input: Option<RawInput>,
    overrides: Option<Vec<Spanned<RawOverride>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawOverride {
    files: Vec<Spanned<String>>,
    select: Option<Vec<Spanned<String>>>,
    ignore: Option<Vec<Spanned<String>>>,
    extend_select: Option<Vec<Spanned<String>>>,
    severity: Option<BTreeMap<Spanned<String>, Spanned<String>>>,
    fail_on: Option<Spanned<String>>,
    reference_date: Option<Spanned<String>>,
    input: Option<RawInput>,
}

/// A rule selector as written (`L001`, `N01`, `D`, `ALL`, a rule name) and the canonical codes
/// it stands for (never empty: a selector matching nothing is an error).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Selector {
    /// As written.
    pub written: String,
    /// Where it is written (byte span into the configuration text); `None` on the command line.
    pub span: Option<Span>,
    /// The canonical codes selected, in rule-set order.
    pub codes: Vec<String>,
}

impl Selector {
    /// Resolve `written` against `rules`: a code, former code or rule name selects that rule;
    /// otherwise `ALL` selects every rule and any other text every code starting with it
    /// (case-insensitive: `N01`, `D`). `None` when nothing matches.
    pub fn resolve(written: &str, span: Option<Span>, rules: &RuleSet) -> Option<Selector> {
        let codes: Vec<String> = if let Some(r) = rules.find(written) {
            vec![r.meta().code.to_string()]
        } else if written.eq_ignore_ascii_case("ALL") {
            rules.iter().map(|r| r.meta().code.to_string()).collect()
        } else {
            let w = written.to_ascii_uppercase();
            rules
                .iter()
                .map(|r| r.meta().code.to_string())
                .filter(|c| !w.is_empty() && c.starts_with(&w))
                .collect()
        };
        (!codes.is_empty()).then(|| Selector {
            written: written.to_string(),
            span,
            codes,
        })
    }
}

/// One severity setting: rule code (canonical), severity, where it is written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SeveritySetting {
    /// The rule's canonical code.
    pub code: String,
    /// The severity its findings get.
    pub severity: Severity,
    /// The key's byte span in the configuration text.
    pub span: Span,
}

/// The settings one table gives (the file's top level or one `[[overrides]]` entry, or the
/// command line): every field `None`/empty when not set there.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Layer {
    /// Where these settings come from, for `claimlint config` (`claimlint.toml`,
    /// `claimlint.toml [[overrides]] #1`, `command line`).
    pub origin: String,
    /// `select`: replaces the selection.
    pub select: Option<Vec<Selector>>,
    /// `extend-select`: added to the selection.
    pub extend_select: Vec<Selector>,
    /// `ignore`: removed from the selection (after `select` and `extend-select`).
    pub ignore: Vec<Selector>,
    /// `[severity]`, sorted by code.
    pub severity: Vec<SeveritySetting>,
    /// `fail-on`.
    pub fail_on: Option<FailOn>,
    /// `reference-date`.
    pub reference_policy: Option<ReferencePolicy>,
    /// `[input] format`.
    pub input_format: Option<InputFormat>,
    /// `[input] json-fields`.
    pub json_fields: Option<BTreeMap<String, String>>,
    /// `[input] encoding`.
    pub encoding: Option<Encoding>,
}

/// An entry of `packs`: a pack name (`ap-style`) or a path (it contains `/` or ends in
/// `.toml`), resolved against the configuration file's folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PackRef {
    /// A built-in or installed pack, by name.
    Name(String),
    /// A pack file.
    Path(PathBuf),
}

/// One `[[overrides]]` entry: settings for the files its globs match.
#[derive(Clone, Debug)]
pub struct Override {
    /// The globs as written (relative to the configuration file's folder, `/`-separated;
    /// `*` does not cross a `/`, `**` does).
    pub files: Vec<String>,
    /// The compiled globs.
    pub globs: globset::GlobSet,
    /// The settings.
    pub layer: Layer,
}

/// A parsed and validated configuration file.
#[derive(Clone, Debug)]
pub struct ConfigFile {
    /// The file's path, as found or given.
    pub path: PathBuf,
    /// Its text (for error snippets and provenance).
    pub text: Arc<str>,
    /// The top-level settings.
    pub base: Layer,
    /// `packs`, in the order written.
    pub packs: Vec<PackRef>,
    /// `rule-dirs`, resolved against the file's folder.
    pub rule_dirs: Vec<PathBuf>,
    /// `[[overrides]]`, in the order written (later entries win).
    pub overrides: Vec<Override>,
    /// The rules codes in this file were checked against: the base set given to
    /// [`ConfigFile::parse`] (built-in rules, `--pack` rules and this file's `packs` and
    /// `rule-dirs`, loaded by `config::resolve::load`).
    pub rules: RuleSet,
}

struct Cx<'a> {
    path: &'a str,
    text: &'a Arc<str>,
    rules: &'a RuleSet,
}

impl Cx<'_> {
    fn err(&self, span: std::ops::Range<usize>, message: impl Into<String>) -> DataFileError {
        DataFileError::at(
            self.path,
            Arc::clone(self.text),
            Span::new(span.start, span.end),
            message,
        )
    }

    fn selectors(
        &self,
        list: Option<Vec<Spanned<String>>>,
    ) -> Result<Option<Vec<Selector>>, DataFileError> {
        let Some(list) = list else { return Ok(None) };
        let mut out = Vec::new();
        for s in list {
            let span = s.span();
            let written = s.into_inner();
            match Selector::resolve(&written, Some(Span::new(span.start, span.end)), self.rules) {
                Some(sel) => out.push(sel),
                None => {
                    return Err(self
                        .err(span, format!("unknown rule code or prefix `{written}`"))
                        .with_help("see `claimlint rules` for the codes"))
                }
            }
        }
        Ok(Some(out))
    }

    fn choice<T: Copy>(
        &self,
        value: Option<Spanned<String>>,
        what: &str,
        options: &[(T, &str)],
    ) -> Result<Option<T>, DataFileError> {
        let Some(v) = value else { return Ok(None) };
        let span = v.span();
        let s = v.into_inner();
        match options.iter().find(|(_, name)| *name == s) {
            Some((t, _)) => Ok(Some(*t)),
            None => {
                let names: Vec<String> = options.iter().map(|(_, n)| format!("`{n}`")).collect();
                Err(self
                    .err(span, format!("`{s}` is not a valid {what}"))
                    .with_help(format!("one of {}", names.join(", "))))
            }
        }
    }

    fn severity(
        &self,
        table: Option<BTreeMap<Spanned<String>, Spanned<String>>>,
    ) -> Result<Vec<SeveritySetting>, DataFileError> {
        let mut out = Vec::new();
        for (k, v) in table.unwrap_or_default() {
            let kspan = k.span();
            let code = k.into_inner();
            let Some(rule) = self.rules.find(&code) else {
                return Err(self
                    .err(kspan, format!("unknown rule code `{code}`"))
                    .with_help("`[severity]` takes one rule code per key; see `claimlint rules`"));
            };
            let severity = self
                .choice(
                    Some(v),
                    "severity",
                    &[
                        (Severity::Error, "error"),
                        (Severity::Warning, "warning"),
                        (Severity::Note, "note"),
                    ],
                )?
                .unwrap_or(Severity::Warning);
            out.push(SeveritySetting {
                code: rule.meta().code.to_string(),
                severity,
                span: Span::new(kspan.start, kspan.end),
            });
        }
        // One rule named twice (a code and its former code): an error at the later key.
        out.sort_by_key(|s| s.span.start);
        for (i, s) in out.iter().enumerate() {
            if let Some(first) = out
                .get(..i)
                .unwrap_or_default()
                .iter()
                .find(|f| f.code == s.code)
            {
                let (line, col) =
                    crate::source::LineIndex::new(self.text).position(self.text, first.span.start);
                return Err(self
                    .err(
                        s.span.start..s.span.end,
                        format!(
                            "rule {} is already given a severity at {line}:{col}",
                            s.code
                        ),
                    )
                    .with_help("a former code names the same rule; keep one of the two keys"));
            }
        }
        out.sort_by(|a, b| a.code.cmp(&b.code));
        Ok(out)
    }

    #[allow(clippy::too_many_arguments)]
    fn layer(
        &self,
        origin: String,
        select: Option<Vec<Spanned<String>>>,
        extend_select: Option<Vec<Spanned<String>>>,
        ignore: Option<Vec<Spanned<String>>>,
        severity: Option<BTreeMap<Spanned<String>, Spanned<String>>>,
        fail_on: Option<Spanned<String>>,
        reference_date: Option<Spanned<String>>,
        input: Option<RawInput>,
    ) -> Result<Layer, DataFileError> {
        let input = input.unwrap_or_default();
        let json_fields = match input.json_fields {
            None => None,
            Some(t) => {
                let mut m = BTreeMap::new();
                for (k, v) in t {
                    if !JSON_PARTS.contains(&k.get_ref().as_str()) {
                        return Err(self
                            .err(k.span(), format!("unknown article part `{}`", k.get_ref()))
                            .with_help(format!("one of {}", JSON_PARTS.join(", "))));
                    }
                    if v.get_ref().is_empty() {
                        return Err(self.err(v.span(), "the JSON field name is empty"));
                    }
                    m.insert(k.into_inner(), v.into_inner());
                }
                Some(m)
            }
        };
        Ok(Layer {
            origin,
            select: self.selectors(select)?,
            extend_select: self.selectors(extend_select)?.unwrap_or_default(),
            ignore: self.selectors(ignore)?.unwrap_or_default(),
            severity: self.severity(severity)?,
            fail_on: self.choice(
                fail_on,
                "fail-on value",
                &[
                    (FailOn::Error, "error"),
                    (FailOn::Warning, "warning"),
                    (FailOn::Note, "note"),
                    (FailOn::Never, "never"),
                ],
            )?,
            reference_policy: self.choice(
                reference_date,
                "reference-date policy",
                &[
                    (ReferencePolicy::Article, "article"),
                    (ReferencePolicy::None, "none"),
                ],
            )?,
            input_format: self.choice(input.format, "input format", &InputFormat::ALL)?,
            json_fields,
            encoding: self.choice(
                input.encoding,
                "encoding",
                &[(Encoding::Auto, "auto"), (Encoding::Utf8, "utf-8")],
            )?,
        })
    }
}

impl ConfigFile {
    /// Parse and validate `text`, the content of the configuration file at `path`; rule codes
    /// are checked against `rules`. Relative `packs` paths and `rule-dirs` are resolved against
    /// `path`'s folder.
    ///
    /// Errors: TOML syntax, duplicate keys, unknown keys, wrong types, unknown rule codes or
    /// prefixes, unknown values of `fail-on`, `reference-date`, `[severity]`, `[input]`, and
    /// override globs that do not parse, each with the byte span of the offending text.
    pub fn parse(
        path: &Path,
        text: Arc<str>,
        rules: &RuleSet,
    ) -> Result<ConfigFile, DataFileError> {
        let shown = path.display().to_string();
        let cx = Cx {
            path: &shown,
            text: &text,
            rules,
        };
        let raw: RawFile = toml::from_str(&text).map_err(|e| {
            let message = e.message().trim_end().to_string();
            match e.span() {
                Some(span) => cx.err(span, message),
                None => DataFileError::whole_file(&shown, message),
            }
        })?;
        let base = cx.layer(
            shown.clone(),
            raw.select,
            raw.extend_select,
            raw.ignore,
            raw.severity,
            raw.fail_on,
            raw.reference_date,
            raw.input,
        )?;
        let dir = path.parent().unwrap_or(Path::new(""));
        let packs = raw
            .packs
            .unwrap_or_default()
            .into_iter()
            .map(|p| {
                let p = p.into_inner();
                if p.contains('/') || p.contains('\\') || p.ends_with(".toml") {
                    PackRef::Path(dir.join(p))
                } else {
                    PackRef::Name(p)
                }
            })
            .collect();
        let rule_dirs = raw
            .rule_dirs
            .unwrap_or_default()
            .into_iter()
            .map(|p| dir.join(p.into_inner()))
            .collect();
        let mut overrides = Vec::new();
        for (i, o) in raw.overrides.unwrap_or_default().into_iter().enumerate() {
            let o_span = o.span();
            let o = o.into_inner();
            if o.files.is_empty() {
                return Err(cx.err(o_span, "`files` is empty: this override applies to nothing"));
            }
            let mut builder = globset::GlobSetBuilder::new();
            let mut files = Vec::new();
            for g in o.files {
                let glob = globset::GlobBuilder::new(g.get_ref())
                    .literal_separator(true)
                    .build()
                    .map_err(|e| {
                        cx.err(
                            g.span(),
                            format!("invalid glob `{}`: {}", g.get_ref(), e.kind()),
                        )
                    })?;
                builder.add(glob);
                files.push(g.into_inner());
            }
            let globs = builder
                .build()
                .map_err(|e| cx.err(o_span.clone(), format!("invalid globs: {e}")))?;
            let layer = cx.layer(
                format!("{shown} [[overrides]] #{} ({})", i + 1, files.join(", ")),
                o.select,
                o.extend_select,
                o.ignore,
                o.severity,
                o.fail_on,
                o.reference_date,
                o.input,
            )?;
            overrides.push(Override {
                files,
                globs,
                layer,
            });
        }
        Ok(ConfigFile {
            path: path.to_path_buf(),
            text,
            base,
            packs,
            rule_dirs,
            overrides,
            rules: rules.clone(),
        })
    }

    /// `path:line:column` of byte `offset` of this file.
    pub fn location(&self, offset: usize) -> String {
        let (line, col) = crate::source::LineIndex::new(&self.text).position(&self.text, offset);
        format!("{}:{line}:{col}", self.path.display())
    }
}

/// The text `claimlint init` writes: every key, commented out, with its default (it parses to
/// the defaults as is, and with every `# key = ...` line uncommented).
pub const TEMPLATE: &str = r#"# claimlint configuration. claimlint uses the nearest claimlint.toml (or .claimlint.toml)
# found by walking up from each checked file; `--config FILE` picks one, `--isolated` ignores
# them all. Command-line flags override this file. Every key is shown with its default.

# Rules to run: codes (L001), former codes (N001), prefixes (N01, D) or ALL.
# select = ["ALL"]
# Rules added to `select`.
# extend-select = []
# Rules left out (applied after select and extend-select).
# ignore = []

# Exit 1 when a finding at or above this severity exists: error | warning | note | never.
# (`--fail-on` and `--exit-zero` override it.)
# fail-on = "error"

# Where the reference date for date rules comes from: "article" (a date written in the article,
# or --reference-date) or "none" (only --reference-date).
# reference-date = "article"

# Rule packs (names, or paths relative to this file) and folders of pack files.
# packs = []
# rule-dirs = []

# Severity of every finding of a rule: error | warning | note.
# [severity]
# P001 = "warning"

# How files are read.
# [input]
# format: auto | plain | markdown | html | json | ndjson
# format = "auto"
# JSON article parts (headline, body, date, dateline) to the fields holding them.
# json-fields = { headline = "headline", body = "body" }
# encoding: auto | utf-8
# encoding = "auto"

# Settings for some files only: globs relative to this file's folder (`*` stays within a
# folder, `**` crosses folders). Later entries win. Keys: select, extend-select, ignore,
# [severity], fail-on, reference-date, [input].
# [[overrides]]
# files = ["opinion/**"]
# ignore = ["P001"]
"#;

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<ConfigFile, DataFileError> {
        ConfigFile::parse(
            Path::new("proj/claimlint.toml"),
            Arc::from(text),
            &RuleSet::builtin(),
        )
    }

    fn err(text: &str) -> (String, Option<(usize, usize)>, Option<String>) {
        match parse(text) {
            Ok(_) => panic!("expected an error for {text:?}"),
            Err(e) => (e.message.clone(), e.line_column(), e.help.clone()),
        }
    }

    #[test]
    fn every_key_parses() {
        let c = parse(
            r#"select = ["L", "N01"]
extend-select = ["D002"]
ignore = ["N001"]
fail-on = "warning"
reference-date = "none"
packs = ["ap-style", "packs/house.toml"]
rule-dirs = ["rules"]

[severity]
L001 = "note"
N001 = "error"

[input]
format = "markdown"
json-fields = { headline = "title", body = "content" }
encoding = "utf-8"

[[overrides]]
files = ["opinion/**", "*.md"]
ignore = ["P001"]
fail-on = "never"
reference-date = "article"
[overrides.severity]
D001 = "warning"
[overrides.input]
format = "html"
"#,
        )
        .expect("valid");
        let b = &c.base;
        let sel: Vec<&Vec<String>> = b
            .select
            .as_ref()
            .expect("select")
            .iter()
            .map(|s| &s.codes)
            .collect();
        assert_eq!(
            sel,
            vec![
                &vec!["L001".to_string()],
                &vec![
                    "N010".to_string(),
                    "N011".into(),
                    "N012".into(),
                    "N013".into()
                ]
            ]
        );
        assert_eq!(
            b.select.as_ref().expect("select")[0].span,
            Some(Span::new(10, 13))
        );
        assert_eq!(b.extend_select[0].codes, vec!["D002"]);
        assert_eq!(b.ignore[0].codes, vec!["P001"]);
        assert_eq!(b.fail_on, Some(FailOn::Warning));
        assert_eq!(b.reference_policy, Some(ReferencePolicy::None));
        assert_eq!(
            c.packs,
            vec![
                PackRef::Name("ap-style".into()),
                PackRef::Path(PathBuf::from("proj/packs/house.toml"))
            ]
        );
        assert_eq!(c.rule_dirs, vec![PathBuf::from("proj/rules")]);
        let sev: Vec<(&str, Severity)> = b
            .severity
            .iter()
            .map(|s| (s.code.as_str(), s.severity))
            .collect();
        assert_eq!(
            sev,
            vec![("L001", Severity::Note), ("P001", Severity::Error)]
        );
        assert_eq!(b.input_format, Some(InputFormat::Markdown));
        assert_eq!(b.encoding, Some(Encoding::Utf8));
        let jf = b.json_fields.as_ref().expect("json-fields");
        assert_eq!(jf.get("headline").map(String::as_str), Some("title"));
        assert_eq!(jf.get("body").map(String::as_str), Some("content"));
        assert_eq!(c.overrides.len(), 1);
        let o = &c.overrides[0];
        assert_eq!(o.files, vec!["opinion/**", "*.md"]);
        assert!(o.globs.is_match("opinion/a/b.md") && o.globs.is_match("x.md"));
        assert!(!o.globs.is_match("news/x.md") && !o.globs.is_match("news/x.txt"));
        assert_eq!(o.layer.ignore[0].codes, vec!["P001"]);
        assert_eq!(o.layer.fail_on, Some(FailOn::Never));
        assert_eq!(o.layer.reference_policy, Some(ReferencePolicy::Article));
        assert_eq!(o.layer.severity[0].code, "D001");
        assert_eq!(o.layer.input_format, Some(InputFormat::Html));
        assert_eq!(
            o.layer.origin,
            "proj/claimlint.toml [[overrides]] #1 (opinion/**, *.md)"
        );
    }

    #[test]
    fn empty_file_is_all_defaults() {
        let c = parse("").expect("valid");
        assert_eq!(
            c.base,
            Layer {
                origin: "proj/claimlint.toml".into(),
                ..Default::default()
            }
        );
        assert!(c.packs.is_empty() && c.overrides.is_empty());
    }

    #[test]
    fn unknown_key_has_line_and_column() {
        let (m, lc, _) = err("fail-on = \"error\"\nselct = [\"L001\"]\n");
        assert!(m.starts_with("unknown field `selct`"), "{m}");
        assert_eq!(lc, Some((2, 1)));
        let (m, lc, _) = err("[input]\nformats = \"html\"\n");
        assert!(m.starts_with("unknown field `formats`"), "{m}");
        assert_eq!(lc, Some((2, 1)));
    }

    #[test]
    fn wrong_type_has_line_and_column() {
        let (m, lc, _) = err("\nselect = \"L001\"\n");
        assert!(
            m.contains("invalid type: string \"L001\", expected a sequence"),
            "{m}"
        );
        assert_eq!(lc, Some((2, 10)));
        let (m, lc, _) = err("fail-on = 1\n");
        assert!(
            m.contains("invalid type: integer `1`, expected a string"),
            "{m}"
        );
        assert_eq!(lc, Some((1, 11)));
    }

    #[test]
    fn unknown_code_has_line_and_column() {
        let (m, lc, h) = err("ignore = [\"L001\", \"X123\"]\n");
        assert_eq!(m, "unknown rule code or prefix `X123`");
        assert_eq!(lc, Some((1, 19)));
        assert_eq!(h.as_deref(), Some("see `claimlint rules` for the codes"));
        let (m, lc, _) = err("[severity]\nL001 = \"warning\"\nQ9 = \"note\"\n");
        assert_eq!(m, "unknown rule code `Q9`");
        assert_eq!(lc, Some((3, 1)));
        let (m, lc, _) = err("[[overrides]]\nfiles = [\"a/**\"]\nselect = [\"N09\"]\n");
        assert_eq!(m, "unknown rule code or prefix `N09`");
        assert_eq!(lc, Some((3, 11)));
    }

    #[test]
    fn duplicate_code_is_tomls_duplicate_key_with_line_and_column() {
        let (m, lc, _) = err("[severity]\nL001 = \"note\"\nL001 = \"error\"\n");
        assert!(m.contains("duplicate key `L001`"), "{m}");
        assert_eq!(lc, Some((3, 1)));
        // A code and its former code: the same rule twice.
        let (m, lc, h) = err("[severity]\nP001 = \"note\"\nN001 = \"error\"\n");
        assert_eq!(m, "rule P001 is already given a severity at 2:1");
        assert_eq!(lc, Some((3, 1)));
        assert_eq!(
            h.as_deref(),
            Some("a former code names the same rule; keep one of the two keys")
        );
        // The same code twice in a list is not an error.
        let c = parse("select = [\"L001\", \"L001\"]\n").expect("valid");
        assert_eq!(c.base.select.map(|s| s.len()), Some(2));
    }

    #[test]
    fn bad_values_and_globs_have_line_and_column() {
        let (m, lc, h) = err("fail-on = \"warnings\"\n");
        assert_eq!(m, "`warnings` is not a valid fail-on value");
        assert_eq!(lc, Some((1, 11)));
        assert_eq!(
            h.as_deref(),
            Some("one of `error`, `warning`, `note`, `never`")
        );
        let (m, lc, _) = err("\n\nreference-date = \"today\"\n");
        assert_eq!(m, "`today` is not a valid reference-date policy");
        assert_eq!(lc, Some((3, 18)));
        let (m, lc, _) = err("[severity]\nL001 = \"fatal\"\n");
        assert_eq!(m, "`fatal` is not a valid severity");
        assert_eq!(lc, Some((2, 8)));
        let (m, lc, _) = err("[input]\nformat = \"docx\"\n");
        assert_eq!(m, "`docx` is not a valid input format");
        assert_eq!(lc, Some((2, 10)));
        let (m, lc, _) = err("[input]\nencoding = \"latin-1\"\n");
        assert_eq!(m, "`latin-1` is not a valid encoding");
        assert_eq!(lc, Some((2, 12)));
        let (m, lc, _) = err("[input]\njson-fields = { title = \"t\" }\n");
        assert_eq!(m, "unknown article part `title`");
        assert_eq!(lc, Some((2, 17)));
        let (m, lc, _) = err("[[overrides]]\nfiles = [\"ok/**\", \"bad/[a\"]\n");
        assert!(m.starts_with("invalid glob `bad/[a`"), "{m}");
        assert_eq!(lc, Some((2, 19)));
        let (m, lc, _) = err("[[overrides]]\nfiles = [\"a\"]\npacks = []\n");
        assert!(m.starts_with("unknown field `packs`"), "{m}");
        assert_eq!(lc, Some((3, 1)));
        let (m, lc, _) = err("select = [\"L001\"\n");
        assert!(!m.is_empty());
        assert_eq!(lc, Some((2, 1)));
    }

    #[test]
    fn template_parses_commented_and_uncommented() {
        let c = parse(TEMPLATE).expect("template as is");
        assert!(c.base.select.is_none() && c.overrides.is_empty());
        let uncommented: String = TEMPLATE
            .lines()
            .map(|l| match l.strip_prefix("# ") {
                Some(rest)
                    if (rest.starts_with('[') && rest.ends_with(']') && !rest.contains(' '))
                        || rest.split_once(" = ").is_some_and(|(k, _)| {
                            k.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
                        }) =>
                {
                    rest.to_string()
                }
                _ => l.to_string(),
            })
            .collect::<Vec<_>>()
            .join("\n");
        let c = parse(&uncommented).expect("template uncommented");
        assert_eq!(
            c.base.select.as_ref().map(|s| s[0].codes.len()),
            Some(RuleSet::builtin().len())
        );
        assert_eq!(c.base.fail_on, Some(FailOn::Error));
        assert_eq!(c.base.reference_policy, Some(ReferencePolicy::Article));
        assert_eq!(c.base.input_format, Some(InputFormat::Auto));
        assert_eq!(c.base.encoding, Some(Encoding::Auto));
        assert_eq!(c.overrides[0].files, vec!["opinion/**"]);
    }
}
