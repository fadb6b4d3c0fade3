//! The word lists of `rules/lexicons/*.toml`, compiled in by `build.rs` (`build/lexicons.rs`).
//!
//! Each file is a group and each table a list; a list is a `&'static [&'static str]`, sorted by
//! bytes and deduplicated at build time (lower-case unless the list says `case = "keep"`), so
//! [`contains`] is a binary search and no list is parsed at run time. Words may be phrases
//! ("cut short"). The lists are our own, written for claimlint (MIT, like the code).
//!
//! Use them as `lexicon::text::ABBREVIATIONS`; the generated [`GROUPS`] index lists every list
//! for tests.

#[allow(missing_docs)]
mod generated {
    include!(concat!(env!("OUT_DIR"), "/lexicons.rs"));
}
pub use generated::*;

/// True when `word` is in `list` (a sorted lexicon list; exact, case-sensitive match: pass a
/// lower-cased word for the lower-case lists).
pub fn contains(list: &[&str], word: &str) -> bool {
    let w = word.as_bytes();
    list.binary_search_by(|probe| cmp_bytes(probe.as_bytes(), w))
        .is_ok()
}

/// `a.cmp(b)` for the short words of the lists, compared in line: the same order as `str`'s
/// `Ord`, without a call to `memcmp` per probe (a tenth of a run's time went to those calls).
#[inline]
fn cmp_bytes(a: &[u8], b: &[u8]) -> std::cmp::Ordering {
    for (x, y) in a.iter().zip(b) {
        if x != y {
            return x.cmp(y);
        }
    }
    a.len().cmp(&b.len())
}

/// True when `word`, lower-cased (ASCII only, so no allocation for ASCII words), is in `list`.
pub fn contains_lower(list: &[&str], word: &str) -> bool {
    if word.bytes().any(|b| b.is_ascii_uppercase()) {
        contains(list, &word.to_ascii_lowercase())
    } else {
        contains(list, word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    /// The source files themselves are kept normalised (as typos' dictionary test does): each
    /// list sorted, without duplicates, lower-case unless `case = "keep"`, and no word in two
    /// lists of one group. The build sorts anyway; this keeps the files reviewable.
    #[test]
    fn lexicon_files_are_sorted_unique_and_disjoint_within_a_group() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/rules/lexicons");
        let mut problems = Vec::new();
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .collect();
        files.sort();
        assert!(!files.is_empty());
        for path in files {
            let text = std::fs::read_to_string(&path).unwrap();
            let lists: BTreeMap<String, toml::Value> = toml::from_str(&text).unwrap();
            let mut owner: BTreeMap<String, String> = BTreeMap::new();
            for (name, list) in &lists {
                let keep = list.get("case").and_then(|c| c.as_str()) == Some("keep");
                let words: Vec<String> = list["words"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|w| w.as_str().unwrap().to_string())
                    .collect();
                let mut sorted = words.clone();
                sorted.sort();
                sorted.dedup();
                if sorted != words {
                    problems.push(format!(
                        "{}: [{name}] not sorted or has duplicates",
                        path.display()
                    ));
                }
                for w in &words {
                    if !keep && w.to_lowercase() != *w {
                        problems.push(format!(
                            "{}: [{name}] {w:?} is not lower-case",
                            path.display()
                        ));
                    }
                    if let Some(other) = owner.insert(w.clone(), name.clone()) {
                        if other != *name {
                            problems.push(format!(
                                "{}: {w:?} is in both [{other}] and [{name}]",
                                path.display()
                            ));
                        }
                    }
                }
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    #[test]
    fn generated_lists_are_sorted_for_binary_search() {
        for (group, lists) in GROUPS {
            for (name, words) in *lists {
                assert!(words.windows(2).all(|w| w[0] < w[1]), "{group}.{name}");
            }
        }
        assert!(contains(text::ABBREVIATIONS, "mr"));
        assert!(!contains(text::ABBREVIATIONS, "mister"));
        assert!(contains_lower(text::SPEECH_VERBS, "Said"));
    }
}
