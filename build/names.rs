//! Build step: `rules/names.toml` → `OUT_DIR/names.rs`, included by `src/knowledge/names.rs`.
//!
//! Nothing of the file is parsed at run time: the word lists become sorted static slices
//! (lower-cased, membership by binary search), the curated groups static slices, and every
//! `[[rule]]` is checked with the run-time matcher (`src/knowledge/fold.rs`, included here), so
//! a rule outside its pattern language fails the build with the rule named.

use std::fmt::Write as _;
use std::path::Path;

#[path = "../src/knowledge/fold.rs"]
#[allow(dead_code)]
mod fold;

#[derive(serde::Deserialize)]
struct RawFile {
    key: RawKey,
    rule: Vec<RawRule>,
    words: RawWords,
    #[serde(default)]
    curated: RawCurated,
}

#[derive(serde::Deserialize)]
struct RawKey {
    min_len: usize,
}

#[derive(serde::Deserialize)]
struct RawRule {
    pattern: String,
    replace: String,
}

#[derive(serde::Deserialize)]
struct RawWords {
    stop: Vec<String>,
    titles: Vec<String>,
    not_given: Vec<String>,
    particles: Vec<String>,
}

#[derive(serde::Deserialize, Default)]
struct RawCurated {
    #[serde(default)]
    given_name_pairs: Vec<Vec<String>>,
    #[serde(default)]
    place_pairs: Vec<Vec<String>>,
    #[serde(default)]
    person: Vec<RawPerson>,
}

#[derive(serde::Deserialize)]
struct RawPerson {
    given: Vec<String>,
    family: Vec<String>,
}

fn lower(v: &[String]) -> Vec<String> {
    v.iter().map(|s| s.to_lowercase()).collect()
}

fn sorted_set(v: &[String]) -> Vec<String> {
    let mut v = lower(v);
    v.sort();
    v.dedup();
    v
}

fn slice(v: &[String]) -> String {
    let mut s = String::from("&[");
    for w in v {
        write!(s, "{w:?}, ").ok();
    }
    s.push(']');
    s
}

/// Generate `names.rs` into `out_dir` from the file `path`.
pub fn generate(path: &Path, out_dir: &Path) {
    println!("cargo:rerun-if-changed={}", path.display());
    println!("cargo:rerun-if-changed=src/knowledge/fold.rs");
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let raw: RawFile = toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut code = String::new();
    writeln!(
        code,
        "/// `[key] min_len`.\npub const MIN_LEN: usize = {};",
        raw.key.min_len
    )
    .ok();
    code.push_str("/// `[[rule]]`: (pattern, replacement), in order.\npub static RULES: &[(&str, &str)] = &[\n");
    for (i, r) in raw.rule.iter().enumerate() {
        if let Err(e) = fold::FoldRule::parse(&r.pattern, &r.replace) {
            panic!(
                "{}: rule {} ({:?} -> {:?}): {e}",
                path.display(),
                i + 1,
                r.pattern,
                r.replace
            );
        }
        writeln!(code, "    ({:?}, {:?}),", r.pattern, r.replace).ok();
    }
    code.push_str("];\n");
    for (name, words) in [
        ("STOP", &raw.words.stop),
        ("TITLES", &raw.words.titles),
        ("NOT_GIVEN", &raw.words.not_given),
        ("PARTICLES", &raw.words.particles),
    ] {
        writeln!(
            code,
            "/// `[words]`, lower case, sorted.\npub static {name}: &[&str] = {};",
            slice(&sorted_set(words))
        )
        .ok();
    }
    for (name, groups) in [
        ("GIVEN_GROUPS", &raw.curated.given_name_pairs),
        ("PLACE_GROUPS", &raw.curated.place_pairs),
    ] {
        write!(
            code,
            "/// `[curated]`, lower case.\npub static {name}: &[&[&str]] = &["
        )
        .ok();
        for g in groups {
            write!(code, "{}, ", slice(&lower(g))).ok();
        }
        code.push_str("];\n");
    }
    code.push_str(
        "/// `[[curated.person]]`: (given, family), lower case.\npub static PERSONS: &[(&[&str], &[&str])] = &[",
    );
    for p in &raw.curated.person {
        write!(
            code,
            "({}, {}), ",
            slice(&lower(&p.given)),
            slice(&lower(&p.family))
        )
        .ok();
    }
    code.push_str("];\n");
    std::fs::write(out_dir.join("names.rs"), code).unwrap_or_else(|e| panic!("names.rs: {e}"));
}
