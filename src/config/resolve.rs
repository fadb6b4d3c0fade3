//! Configuration per checked file: discovery (nearest `claimlint.toml` walking up from the
//! file's folder, cached per folder), `[[overrides]]`, command-line flags, and the resulting
//! [`Settings`].

use std::collections::{BTreeMap, HashMap};
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex};

use chrono::NaiveDate;

use super::file::{ConfigFile, Layer, PackRef, Selector};
use super::{FailOn, InputOptions, ReferencePolicy, FILE_NAMES};
use crate::data_error::DataFileError;
use crate::diagnostic::Severity;
use crate::report::{FileError, Settings};
use crate::rules::RuleSet;
use crate::runner::{SettingsFor, Source};

/// What the command line says about configuration.
#[derive(Clone, Debug, Default)]
pub struct CliOptions {
    /// `--config FILE`: use this file for every checked file (no discovery).
    pub config: Option<PathBuf>,
    /// `--isolated`: no configuration file at all.
    pub isolated: bool,
    /// `--select` (comma-separated on the command line, split here as given).
    pub select: Option<Vec<String>>,
    /// `--extend-select`.
    pub extend_select: Vec<String>,
    /// `--ignore`.
    pub ignore: Vec<String>,
    /// `--reference-date`.
    pub reference_date: Option<NaiveDate>,
    /// `--json-fields`: replaces the configuration's `[input] json-fields` entirely.
    pub json_fields: Option<crate::input::JsonFields>,
    /// `--encoding`: wins over the configuration's `[input] encoding`.
    pub encoding: Option<super::Encoding>,
}

/// The configuration that applies to one file: which file (if any), which of its overrides
/// matched, and the command line, in the order they apply.
#[derive(Clone, Debug)]
pub struct Resolved {
    /// The configuration file used, if any.
    pub file: Option<Arc<ConfigFile>>,
    /// The settings layers in the order applied: the file's top level, the matching
    /// `[[overrides]]`, the command line.
    pub layers: Vec<Layer>,
    /// `--reference-date`.
    pub reference_date: Option<NaiveDate>,
    /// `--json-fields`, when given.
    pub json_fields: Option<crate::input::JsonFields>,
    base_rules: RuleSet,
}

/// Whether one rule runs, and which setting decided it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleState {
    /// The rule's code.
    pub code: String,
    /// True when it runs.
    pub enabled: bool,
    /// What decided: `default`, or `ORIGIN: select "N01"` with the place it is written
    /// (`claimlint.toml:3:11`).
    pub because: String,
}

impl Resolved {
    /// Every rule of the base set with whether it runs and why, in rule-set order.
    pub fn rule_states(&self) -> Vec<RuleState> {
        let mut states: Vec<RuleState> = self
            .base_rules
            .iter()
            .map(|r| RuleState {
                code: r.meta().code.to_string(),
                enabled: true,
                because: "default (every rule runs)".to_string(),
            })
            .collect();
        for layer in &self.layers {
            let at = |s: &Selector, key: &str| -> String {
                let place = match (&self.file, s.span) {
                    (Some(f), Some(span)) if layer.origin != CLI_ORIGIN => f.location(span.start),
                    _ => layer.origin.clone(),
                };
                format!("{key} \"{}\" ({place})", s.written)
            };
            if let Some(select) = &layer.select {
                for st in &mut states {
                    match select.iter().find(|s| s.codes.contains(&st.code)) {
                        Some(s) => {
                            st.enabled = true;
                            st.because = at(s, "select");
                        }
                        None => {
                            st.enabled = false;
                            st.because = format!("not in select ({})", layer.origin);
                        }
                    }
                }
            }
            for (key, list, on) in [
                ("extend-select", &layer.extend_select, true),
                ("ignore", &layer.ignore, false),
            ] {
                for s in list {
                    for st in states.iter_mut().filter(|st| s.codes.contains(&st.code)) {
                        st.enabled = on;
                        st.because = at(s, key);
                    }
                }
            }
        }
        states
    }

    /// The rules to run: the base rule set narrowed by `select`, `extend-select` and `ignore`.
    ///
    /// The base set is the built-in rules, the `--pack` rules and the rules of the
    /// configuration file's `packs` and `rule-dirs` (loaded with the file by [`load`]);
    /// selection applies to all of them.
    pub fn rule_set(&self) -> RuleSet {
        let on: Vec<String> = self
            .rule_states()
            .into_iter()
            .filter(|s| s.enabled)
            .map(|s| s.code)
            .collect();
        let mut set = self.base_rules.clone();
        set.retain(|r| on.iter().any(|c| *c == r.meta().code));
        set
    }

    /// `packs` of the configuration file (empty without one).
    pub fn packs(&self) -> &[PackRef] {
        self.file.as_ref().map_or(&[], |f| &f.packs)
    }

    /// `rule-dirs` of the configuration file, resolved against its folder.
    pub fn rule_dirs(&self) -> &[PathBuf] {
        self.file.as_ref().map_or(&[], |f| &f.rule_dirs)
    }

    fn last<T: Clone>(&self, get: impl Fn(&Layer) -> Option<T>) -> Option<(T, String)> {
        self.layers
            .iter()
            .rev()
            .find_map(|l| get(l).map(|v| (v, l.origin.clone())))
    }

    /// The settings: rules, severities (later layers win, per rule), fail-on, reference-date
    /// policy and input options.
    pub fn settings(&self) -> Settings {
        let mut severity = BTreeMap::new();
        for l in &self.layers {
            for s in &l.severity {
                severity.insert(s.code.clone(), s.severity);
            }
        }
        Settings {
            reference_date: self.reference_date,
            rules: self.rule_set(),
            severity,
            reference_policy: self
                .last(|l| l.reference_policy)
                .map_or(ReferencePolicy::Article, |v| v.0),
            fail_on: self.last(|l| l.fail_on).map_or(FailOn::Error, |v| v.0),
            input: self.reader_options(),
        }
    }

    /// The `[input]` table as configured (for `claimlint config`).
    pub fn input_config(&self) -> InputOptions {
        InputOptions {
            format: self
                .last(|l| l.input_format)
                .map(|v| v.0)
                .unwrap_or_default(),
            json_fields: self
                .last(|l| l.json_fields.clone())
                .map(|v| v.0)
                .unwrap_or_default(),
            encoding: self.last(|l| l.encoding).map(|v| v.0).unwrap_or_default(),
        }
    }

    /// What the readers get: the configured format (`auto`: from the file name), encoding
    /// (`utf-8`: refuse other encodings; `--encoding` wins) and JSON field
    /// names (`--json-fields` wins over the file's `json-fields`, which replace the defaults
    /// part by part).
    pub fn reader_options(&self) -> crate::input::InputOptions {
        let config = self.input_config();
        let mut json_fields = crate::input::JsonFields::default();
        for (part, field) in &config.json_fields {
            // Parts and field names were validated when the file was read.
            let _ = json_fields.parse_overrides(&format!("{part}={field}"));
        }
        if let Some(cli) = &self.json_fields {
            json_fields = cli.clone();
        }
        crate::input::InputOptions {
            json_fields,
            format: config.input_format(),
            utf8_only: config.encoding == super::Encoding::Utf8,
        }
    }

    /// What `claimlint config FILE` prints: the configuration file and overrides used, then
    /// every setting with where it came from.
    pub fn explain(&self, shown: &str) -> String {
        use std::fmt::Write;
        let mut out = String::new();
        let input = self.input_config();
        let _ = writeln!(out, "file: {shown}");
        match &self.file {
            Some(f) => {
                let _ = writeln!(out, "configuration: {}", f.path.display());
            }
            None => {
                let _ = writeln!(out, "configuration: none");
            }
        }
        for l in self.layers.iter().skip(usize::from(self.file.is_some())) {
            if l.origin != CLI_ORIGIN {
                let _ = writeln!(out, "override: {}", l.origin);
            }
        }
        let _ = writeln!(out, "\nrules:");
        for s in self.rule_states() {
            let _ = writeln!(
                out,
                "  {} {:<3} {}",
                s.code,
                if s.enabled { "on" } else { "off" },
                s.because
            );
        }
        let settings = self.settings();
        let from = |o: Option<String>| o.unwrap_or_else(|| "default".to_string());
        let _ = writeln!(out, "\nseverity:");
        if settings.severity.is_empty() {
            let _ = writeln!(out, "  (each rule's default)");
        }
        for (code, sev) in &settings.severity {
            let origin = self
                .layers
                .iter()
                .rev()
                .find(|l| l.severity.iter().any(|s| &s.code == code))
                .map(|l| l.origin.clone());
            let _ = writeln!(out, "  {code} = {} ({})", sev.as_str(), from(origin));
        }
        let _ = writeln!(out);
        let fail = self.last(|l| l.fail_on);
        let _ = writeln!(
            out,
            "fail-on = {} ({})",
            settings.fail_on.as_str(),
            from(fail.map(|v| v.1))
        );
        let policy = self.last(|l| l.reference_policy);
        let _ = writeln!(
            out,
            "reference-date = {} ({})",
            settings.reference_policy.as_str(),
            from(policy.map(|v| v.1))
        );
        if let Some(d) = self.reference_date {
            let _ = writeln!(out, "--reference-date = {d}");
        }
        let _ = writeln!(
            out,
            "input.format = {} ({})",
            input.format.as_str(),
            from(self.last(|l| l.input_format).map(|v| v.1))
        );
        let fields: Vec<String> = input
            .json_fields
            .iter()
            .map(|(k, v)| format!("{k} = \"{v}\""))
            .collect();
        let fields = if fields.is_empty() {
            "{}".to_string()
        } else {
            format!("{{ {} }}", fields.join(", "))
        };
        let _ = writeln!(
            out,
            "input.json-fields = {fields} ({})",
            from(self.last(|l| l.json_fields.clone()).map(|v| v.1))
        );
        let _ = writeln!(
            out,
            "input.encoding = {} ({})",
            input.encoding.as_str(),
            from(self.last(|l| l.encoding).map(|v| v.1))
        );
        let packs: Vec<String> = self
            .packs()
            .iter()
            .map(|p| match p {
                PackRef::Name(n) => n.clone(),
                PackRef::Path(p) => p.display().to_string(),
            })
            .collect();
        let _ = writeln!(out, "packs = [{}]", packs.join(", "));
        let dirs: Vec<String> = self
            .rule_dirs()
            .iter()
            .map(|p| p.display().to_string())
            .collect();
        let _ = writeln!(out, "rule-dirs = [{}]", dirs.join(", "));
        out
    }
}

/// The nearest configuration of a folder (cached), or why it could not be loaded.
type Found = Result<Option<Arc<ConfigFile>>, DataFileError>;

/// Settings are shared by files with the same configuration file and matching overrides.
type SettingsKey = (Option<PathBuf>, Vec<usize>);

/// The origin of the command-line layer.
pub const CLI_ORIGIN: &str = "command line";

/// Finds and caches configuration files and gives each checked file its [`Settings`].
///
/// Discovery costs a few `stat`s per folder, once per folder per run; settings are cached per
/// (configuration file, matching overrides).
pub struct Resolver {
    cli: Layer,
    reference_date: Option<NaiveDate>,
    json_fields: Option<crate::input::JsonFields>,
    base_rules: RuleSet,
    isolated: bool,
    explicit: Option<Arc<ConfigFile>>,
    cwd: PathBuf,
    dirs: Mutex<HashMap<PathBuf, Found>>,
    settings: Mutex<HashMap<SettingsKey, Arc<Settings>>>,
    errors: Mutex<Vec<DataFileError>>,
}

fn cli_selectors(
    flag: &str,
    list: &[String],
    rules: &RuleSet,
) -> Result<Vec<Selector>, DataFileError> {
    list.iter()
        .map(|w| w.trim())
        .filter(|w| !w.is_empty())
        .map(|w| {
            Selector::resolve(w, None, rules).ok_or_else(|| {
                DataFileError::whole_file(flag, format!("unknown rule code or prefix `{w}`"))
                    .with_help("see `claimlint rules` for the codes")
            })
        })
        .collect()
}

/// Read and parse the configuration file at `path`: its `packs` and `rule-dirs` are loaded
/// first and their rules added to `rules`, so that the file's codes are checked against the
/// built-in rules and every pack rule it brings. Errors: an unreadable file, every error of
/// [`ConfigFile::parse`], a pack that cannot be found or loaded (at its entry in this file, or
/// in the pack file itself), and a pack code clashing with a rule already in the set.
pub fn load(path: &Path, rules: &RuleSet) -> Result<ConfigFile, DataFileError> {
    let bytes = std::fs::read(path).map_err(|e| {
        DataFileError::whole_file(path.display().to_string(), format!("cannot read: {e}"))
    })?;
    let text: Arc<str> =
        Arc::from(String::from_utf8(bytes).map_err(|_| {
            DataFileError::whole_file(path.display().to_string(), "not UTF-8 text")
        })?);
    let rules = with_packs(path, &text, rules)?;
    ConfigFile::parse(path, text, &rules)
}

/// `rules` plus the rules of the `packs` and `rule-dirs` that the configuration `text` (at
/// `path`) names. A pack whose rules are all in the set already (named on the command line
/// too) is not added twice. Syntax errors are left to [`ConfigFile::parse`].
fn with_packs(path: &Path, text: &Arc<str>, rules: &RuleSet) -> Result<RuleSet, DataFileError> {
    #[derive(serde::Deserialize)]
    #[serde(rename_all = "kebab-case")]
    struct PacksOnly {
        packs: Option<Vec<toml::Spanned<String>>>,
        rule_dirs: Option<Vec<toml::Spanned<String>>>,
    }
    let Ok(only) = toml::from_str::<PacksOnly>(text) else {
        return Ok(rules.clone());
    };
    let shown = path.display().to_string();
    let dir = path.parent().unwrap_or(Path::new(""));
    let at = |e: DataFileError, span: std::ops::Range<usize>| {
        if e.span.is_some() {
            e
        } else {
            let help = e.help.clone();
            let err = DataFileError::at(
                &shown,
                text.clone(),
                crate::source::Span::new(span.start, span.end),
                e.message,
            );
            match help {
                Some(h) => err.with_help(h),
                None => err,
            }
        }
    };
    let mut loaded = Vec::new();
    for p in only.packs.unwrap_or_default() {
        let span = p.span();
        let spec = p.into_inner();
        let pack = if spec.contains('/') || spec.contains('\\') || spec.ends_with(".toml") {
            crate::packs::load_file(&dir.join(&spec))
        } else {
            crate::packs::load(&spec)
        };
        loaded.push(pack.map_err(|e| at(e, span))?);
    }
    for d in only.rule_dirs.unwrap_or_default() {
        let span = d.span();
        let packs = crate::packs::load_dir(&dir.join(d.get_ref())).map_err(|e| at(e, span))?;
        loaded.extend(packs);
    }
    let mut set = rules.clone();
    for pack in &loaded {
        let present = !pack.rules.is_empty()
            && pack
                .rules
                .iter()
                .all(|r| set.find(&r.meta_ref().code).is_some());
        if !present {
            crate::packs::add_to(&mut set, pack)?;
        }
    }
    Ok(set)
}

/// `path` made absolute against `cwd`, with `.` and `..` removed lexically (no file-system
/// access).
pub fn absolute(cwd: &Path, path: &Path) -> PathBuf {
    normalise(cwd, path)
}

/// `path` made absolute against `cwd`, with `.` and `..` removed lexically.
fn normalise(cwd: &Path, path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        cwd.join(path)
    };
    for c in joined.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

impl Resolver {
    /// A resolver for this command line, checking rule codes against `base_rules` (the
    /// built-in rules). Errors: a `--select`/`--ignore`/`--extend-select` code that names no
    /// rule, and a `--config` file that cannot be read or is invalid.
    pub fn new(cli: CliOptions, base_rules: RuleSet) -> Result<Resolver, DataFileError> {
        let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
        // Command-line codes may name rules of any shipped pack, which a configuration file
        // may load (`--ignore AP001` with `packs = ["ap-names"]`).
        let mut known = base_rules.clone();
        let any = cli.select.is_some() || !cli.extend_select.is_empty() || !cli.ignore.is_empty();
        for (name, _) in crate::packs::EMBEDDED.iter().filter(|_| any) {
            if let Ok(pack) = crate::packs::load(name) {
                let present = pack
                    .rules
                    .iter()
                    .all(|r| known.find(&r.meta_ref().code).is_some());
                if !present {
                    let _ = crate::packs::add_to(&mut known, &pack);
                }
            }
        }
        let select = match &cli.select {
            Some(s) => Some(cli_selectors("--select", s, &known)?),
            None => None,
        };
        let layer = Layer {
            origin: CLI_ORIGIN.to_string(),
            select,
            extend_select: cli_selectors("--extend-select", &cli.extend_select, &known)?,
            ignore: cli_selectors("--ignore", &cli.ignore, &known)?,
            encoding: cli.encoding,
            ..Default::default()
        };
        let explicit = match (&cli.config, cli.isolated) {
            (Some(p), false) => Some(Arc::new(load(p, &base_rules)?)),
            _ => None,
        };
        Ok(Resolver {
            cli: layer,
            reference_date: cli.reference_date,
            json_fields: cli.json_fields.clone(),
            base_rules,
            isolated: cli.isolated,
            explicit,
            cwd,
            dirs: Mutex::new(HashMap::new()),
            settings: Mutex::new(HashMap::new()),
            errors: Mutex::new(Vec::new()),
        })
    }

    /// The nearest configuration file for a file in folder `dir` (absolute, normalised):
    /// `dir` itself, then each parent.
    fn nearest(&self, dir: &Path) -> Found {
        let mut visited = Vec::new();
        let mut found: Found = Ok(None);
        let mut cur = Some(dir);
        while let Some(d) = cur {
            if let Some(hit) = self.dirs.lock().ok().and_then(|m| m.get(d).cloned()) {
                found = hit;
                break;
            }
            visited.push(d.to_path_buf());
            if let Some(path) = FILE_NAMES.iter().map(|n| d.join(n)).find(|p| p.is_file()) {
                let shown = path
                    .strip_prefix(&self.cwd)
                    .map_or_else(|_| path.clone(), Path::to_path_buf);
                found = load(&shown, &self.base_rules).map(|c| {
                    Some(Arc::new(ConfigFile {
                        path: shown.clone(),
                        ..c
                    }))
                });
                break;
            }
            cur = d.parent();
        }
        if let Ok(mut m) = self.dirs.lock() {
            for v in visited {
                m.insert(v, found.clone());
            }
        }
        found
    }

    /// The normalised path of `source` and the configuration file that governs it (none when
    /// isolated). Errors: the nearest configuration file is invalid.
    fn file_for(
        &self,
        source: &Source,
    ) -> Result<(PathBuf, Option<Arc<ConfigFile>>), DataFileError> {
        Ok(match source {
            Source::File(p) | Source::StdinNamed(p) => {
                let abs = normalise(&self.cwd, p);
                let dir = abs
                    .parent()
                    .map_or_else(|| self.cwd.clone(), Path::to_path_buf);
                let file = if self.isolated {
                    None
                } else if self.explicit.is_some() {
                    self.explicit.clone()
                } else {
                    self.nearest(&dir)?
                };
                (abs, file)
            }
            Source::Stdin => {
                let file = if self.isolated {
                    None
                } else if self.explicit.is_some() {
                    self.explicit.clone()
                } else {
                    self.nearest(&self.cwd.clone())?
                };
                (self.cwd.join("<stdin>"), file)
            }
        })
    }

    /// The configuration that applies to `source` (standard input: as a file in the current
    /// folder; `--stdin-filename PATH`: as the file PATH). Errors: the nearest configuration file is invalid.
    pub fn resolve(&self, source: &Source) -> Result<Resolved, DataFileError> {
        let (abs, file) = self.file_for(source)?;
        let (layers, _) = self.layers_for(file.as_deref(), &abs);
        let base_rules = file
            .as_ref()
            .map_or_else(|| self.base_rules.clone(), |f| f.rules.clone());
        Ok(Resolved {
            file,
            layers,
            reference_date: self.reference_date,
            json_fields: self.json_fields.clone(),
            base_rules,
        })
    }

    /// The indexes of `file`'s overrides whose globs match `abs` (the layers
    /// [`Resolver::layers_for`] adds), without cloning any layer.
    fn matched_overrides(&self, file: Option<&ConfigFile>, abs: &Path) -> Vec<usize> {
        let Some(f) = file else {
            return Vec::new();
        };
        if f.overrides.is_empty() {
            return Vec::new();
        }
        let dir = normalise(&self.cwd, f.path.parent().unwrap_or(Path::new("")));
        let rel = abs.strip_prefix(&dir).unwrap_or(abs);
        let rel = rel.to_string_lossy().replace('\\', "/");
        (0..f.overrides.len())
            .filter(|&i| f.overrides.get(i).is_some_and(|o| o.globs.is_match(&rel)))
            .collect()
    }

    fn layers_for(&self, file: Option<&ConfigFile>, abs: &Path) -> (Vec<Layer>, Vec<usize>) {
        let matched = self.matched_overrides(file, abs);
        let mut layers = Vec::new();
        if let Some(f) = file {
            layers.push(f.base.clone());
            layers.extend(
                matched
                    .iter()
                    .filter_map(|&i| f.overrides.get(i))
                    .map(|o| o.layer.clone()),
            );
        }
        layers.push(self.cli.clone());
        (layers, matched)
    }

    /// Every configuration error met so far, one per file, in the order met.
    pub fn errors(&self) -> Vec<DataFileError> {
        self.errors.lock().map(|e| e.clone()).unwrap_or_default()
    }

    fn settings_of(&self, source: &Source) -> Result<Arc<Settings>, DataFileError> {
        // The settings depend only on the configuration file and which of its overrides match,
        // so the layers are built (and cloned) only for a combination not seen before.
        let (abs, file) = self.file_for(source)?;
        let matched = self.matched_overrides(file.as_deref(), &abs);
        let key = (file.as_ref().map(|f| f.path.clone()), matched);
        if let Some(s) = self.settings.lock().ok().and_then(|m| m.get(&key).cloned()) {
            return Ok(s);
        }
        let s = Arc::new(self.resolve(source)?.settings());
        if let Ok(mut m) = self.settings.lock() {
            m.insert(key, Arc::clone(&s));
        }
        Ok(s)
    }

    /// The exit-code threshold for the file shown as `path` in a run (`None`: never fails).
    pub fn fail_on_for(&self, path: &str) -> Option<Severity> {
        let source = if path == "<stdin>" {
            Source::Stdin
        } else {
            Source::File(PathBuf::from(path))
        };
        self.settings_of(&source)
            .map_or(Some(Severity::Error), |s| s.fail_on.threshold())
    }
}

impl SettingsFor for Resolver {
    fn settings_for(&self, source: &Source) -> Result<Arc<Settings>, FileError> {
        self.settings_of(source).map_err(|e| {
            if let Ok(mut errors) = self.errors.lock() {
                if !errors.iter().any(|x| x.path == e.path) {
                    errors.push(e.clone());
                }
            }
            FileError {
                path: source.display(),
                message: format!("invalid configuration: {e}"),
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalise_removes_dots() {
        assert_eq!(
            normalise(Path::new("/w/p"), Path::new("a/../b/./c.txt")),
            PathBuf::from("/w/p/b/c.txt")
        );
        assert_eq!(
            normalise(Path::new("/w"), Path::new("/x/y.md")),
            PathBuf::from("/x/y.md")
        );
    }
}
