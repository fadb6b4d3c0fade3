//! Build step: `rules/lexicons/*.toml` → `OUT_DIR/lexicons.rs`, included by
//! `src/knowledge/lexicon.rs`.
//!
//! Each file is one *group* (its stem becomes a Rust module); each table in it is one list:
//!
//! ```toml
//! [venue]
//! doc = "Event nouns that take a venue: 'the summit in Kyiv'."
//! words = ["conference", "summit"]
//! ```
//!
//! A list becomes `pub static VENUE: &[&str]` (sorted, deduplicated, lower-case unless the list
//! says `case = "keep"`), so membership is a binary search and nothing is parsed at run time.
//! Malformed files fail the build with the file and list named.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct List {
    doc: String,
    words: Vec<String>,
    #[serde(default)]
    case: Option<String>,
}

/// Generate `lexicons.rs` into `out_dir` from every `*.toml` in `dir`.
pub fn generate(dir: &Path, out_dir: &Path) {
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    let mut code = String::new();
    let mut index = String::from(
        "/// One list: its name and words.\npub type List = (&'static str, &'static [&'static str]);\n\
         /// Every list, for tests and `claimlint`'s own checks: `(group, [(list, words)])`.\n\
         pub static GROUPS: &[(&str, &[List])] = &[\n",
    );
    for path in files {
        println!("cargo:rerun-if-changed={}", path.display());
        let group = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_else(|| panic!("{}: bad file name", path.display()))
            .replace('-', "_");
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let lists: BTreeMap<String, List> =
            toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let doc_line = text
            .lines()
            .take_while(|l| l.starts_with('#'))
            .map(|l| l.trim_start_matches('#').trim())
            .collect::<Vec<_>>()
            .join(" ");
        writeln!(code, "/// {}", escape_doc(&doc_line)).ok();
        writeln!(
            code,
            "/// (`rules/lexicons/{}.toml`)",
            group.replace('_', "-")
        )
        .ok();
        writeln!(code, "pub mod {group} {{").ok();
        writeln!(index, "    (\"{group}\", &[").ok();
        for (name, list) in &lists {
            let keep = match list.case.as_deref() {
                None => false,
                Some("keep") => true,
                Some(other) => panic!(
                    "{}: [{name}] case = {other:?}: only \"keep\"",
                    path.display()
                ),
            };
            let mut words: Vec<String> = list
                .words
                .iter()
                .map(|w| if keep { w.clone() } else { w.to_lowercase() })
                .collect();
            words.sort();
            words.dedup();
            let ident = name.to_uppercase().replace('-', "_");
            writeln!(code, "    /// {}", escape_doc(&list.doc)).ok();
            write!(code, "    pub static {ident}: &[&str] = &[").ok();
            for w in &words {
                write!(code, "{w:?}, ").ok();
            }
            writeln!(code, "];").ok();
            writeln!(index, "        (\"{name}\", {group}::{ident}),").ok();
        }
        writeln!(code, "}}").ok();
        writeln!(index, "    ]),").ok();
    }
    index.push_str("];\n");
    code.push_str(&index);
    std::fs::write(out_dir.join("lexicons.rs"), code)
        .unwrap_or_else(|e| panic!("lexicons.rs: {e}"));
}

fn escape_doc(s: &str) -> String {
    s.replace('\n', " ")
}
