//! The rule catalog as text: `claimlint rule CODE`, `claimlint rules` and its Markdown table
//! (the README's "Rules" section, checked by `tests/catalog.rs`) and JSON.

use serde::Serialize;

use crate::rules::format::number_word;
use crate::rules::{Category, RuleMeta, RuleSet};

/// The rules of `set` ordered for reading: by category (places, people, numbers, dates), then
/// code.
pub fn by_category(set: &RuleSet) -> Vec<&RuleMeta> {
    let mut metas: Vec<&RuleMeta> = set.iter().map(|r| r.meta()).collect();
    metas.sort_by(|a, b| (a.category, &a.code).cmp(&(b.category, &b.code)));
    metas
}

/// `claimlint rule CODE`: the header line, summary and explanation of the rule named by
/// `code_or_name` (a code, an alias or a name), or `None`. An alias says so first.
pub fn explain(set: &RuleSet, code_or_name: &str) -> Option<String> {
    let meta = set.find(code_or_name)?.meta();
    let mut out = String::new();
    if meta.is_alias(code_or_name) {
        out.push_str(&format!(
            "{} is a former code of this rule: it is now {} (the first letter of a code is its \
             category: `{}` for {}).\n\n",
            code_or_name.to_ascii_uppercase(),
            meta.code,
            meta.category.prefix(),
            meta.category.describe()
        ));
    }
    out.push_str(&format!(
        "{} {} ({}, default severity: {})\n\n{}\n\n{}\n",
        meta.code,
        meta.name,
        meta.category.as_str(),
        meta.default_severity.as_str(),
        meta.summary,
        meta.explanation.trim_end()
    ));
    Some(out)
}

/// `claimlint rules`: one line per rule, by category.
pub fn list(set: &RuleSet) -> String {
    let mut s = String::new();
    for m in by_category(set) {
        s.push_str(&format!(
            "{}  {:<26} {:<8} {}\n",
            m.code,
            m.name,
            m.default_severity.as_str(),
            m.summary
        ));
    }
    s
}

/// The sentence that counts the rules and states the code scheme, for the README.
pub fn scheme(set: &RuleSet) -> String {
    let prefixes: Vec<String> = Category::ALL
        .iter()
        .map(|c| format!("`{}` {}", c.prefix(), c.describe()))
        .collect();
    let mut s = format!(
        "claimlint has {} rules. The first letter of a code is its category: {}.",
        number_word(set.len()),
        prefixes.join(", ")
    );
    let aliases: Vec<String> = by_category(set)
        .iter()
        .flat_map(|m| {
            m.aliases
                .iter()
                .map(move |a| format!("{a} (now {})", m.code))
        })
        .collect();
    if !aliases.is_empty() {
        s.push_str(&format!(
            " Former codes still name their rule: {}.",
            aliases.join(", ")
        ));
    }
    s
}

/// `claimlint rules --format md`: [`scheme`], then the rules table, by category.
pub fn markdown(set: &RuleSet) -> String {
    let mut s = scheme(set);
    s.push_str("\n\n| code | name | category | default | what it finds |\n|---|---|---|---|---|\n");
    for m in by_category(set) {
        s.push_str(&format!(
            "| {} | {} | {} | {} | {} |\n",
            m.code,
            m.name,
            m.category.as_str(),
            m.default_severity.as_str(),
            m.summary.replace('|', "\\|")
        ));
    }
    s
}

/// `claimlint rules --format json`: `{"version": 1, "rules": [...]}`, every field of each
/// rule's metadata, in code order.
pub fn json(set: &RuleSet) -> String {
    #[derive(Serialize)]
    struct Catalog<'a> {
        version: u32,
        rules: Vec<&'a RuleMeta>,
    }
    let catalog = Catalog {
        version: 1,
        rules: set.iter().map(|r| r.meta()).collect(),
    };
    // Serialising strings, enums and lists cannot fail.
    serde_json::to_string_pretty(&catalog).unwrap_or_default() + "\n"
}

/// A rule page (Markdown, as [`explain`] gives it) rendered for a terminal `width` columns
/// wide (in chars): `#` headings become capitalised lines, `**`/`__` emphasis markers are
/// dropped, paragraphs and list items are re-wrapped (list items with a hanging indent), and
/// fenced code blocks are indented by four spaces and not wrapped.
pub fn render_terminal(markdown: &str, width: usize) -> String {
    let width = width.max(20);
    let mut out = String::new();
    let mut para: Vec<String> = Vec::new();
    let mut bullet = false;
    let mut in_code = false;
    let flush = |para: &mut Vec<String>, bullet: &mut bool, out: &mut String| {
        if para.is_empty() {
            return;
        }
        let text = para.join(" ");
        let (first, rest) = if *bullet { ("  - ", "    ") } else { ("", "") };
        wrap_into(out, &text, width, first, rest);
        para.clear();
        *bullet = false;
    };
    for line in markdown.lines() {
        if line.trim_start().starts_with("```") {
            flush(&mut para, &mut bullet, &mut out);
            in_code = !in_code;
            continue;
        }
        if in_code {
            out.push_str("    ");
            out.push_str(line);
            out.push('\n');
            continue;
        }
        let t = line.trim();
        if t.is_empty() {
            flush(&mut para, &mut bullet, &mut out);
            if !out.ends_with("\n\n") && !out.is_empty() {
                out.push('\n');
            }
            continue;
        }
        if let Some(h) = t.strip_prefix('#') {
            flush(&mut para, &mut bullet, &mut out);
            out.push_str(&strip_emphasis(h.trim_start_matches('#').trim()).to_uppercase());
            out.push('\n');
            continue;
        }
        if let Some(item) = t.strip_prefix("- ").or_else(|| t.strip_prefix("* ")) {
            flush(&mut para, &mut bullet, &mut out);
            bullet = true;
            para.push(strip_emphasis(item));
            continue;
        }
        para.push(strip_emphasis(t));
    }
    flush(&mut para, &mut bullet, &mut out);
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

fn strip_emphasis(s: &str) -> String {
    s.replace("**", "").replace("__", "")
}

/// Greedy word wrap of `text` into `out`: the first line starts with `first`, later ones
/// with `rest`; a word longer than the width gets a line of its own.
fn wrap_into(out: &mut String, text: &str, width: usize, first: &str, rest: &str) {
    let mut line = String::from(first);
    let mut len = first.chars().count();
    let mut empty = true;
    for word in text.split_whitespace() {
        let w = word.chars().count();
        if !empty && len + 1 + w > width {
            out.push_str(&line);
            out.push('\n');
            line = String::from(rest);
            len = rest.chars().count();
            empty = true;
        }
        if !empty {
            line.push(' ');
            len += 1;
        }
        line.push_str(word);
        len += w;
        empty = false;
    }
    out.push_str(&line);
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_rendering_wraps_and_drops_markdown_marks() {
        let md = "L001 x (places)\n\n## What it checks\n\nA **long** sentence that goes on and on.\n\n- an item that wraps too\n\n```text\nkeep   this line as it is\n```\n";
        let r = render_terminal(md, 20);
        assert_eq!(
            r,
            "L001 x (places)\n\nWHAT IT CHECKS\n\nA long sentence that\ngoes on and on.\n\n  - an item that\n    wraps too\n\n    keep   this line as it is\n"
        );
        let page = explain(&RuleSet::builtin(), "L001").unwrap_or_default();
        let r = render_terminal(&page, 60);
        assert!(!r.contains("## ") && !r.contains("**"), "{r}");
        assert!(
            r.lines()
                .all(|l| l.chars().count() <= 60 || l.starts_with("    ")),
            "{r}"
        );
    }

    #[test]
    fn alias_explains_itself_and_the_rule() {
        let set = RuleSet::builtin();
        let page = explain(&set, "n001").unwrap_or_default();
        assert!(
            page.starts_with(
                "N001 is a former code of this rule: it is now P001 (the first letter of a code \
                 is its category: `P` for people and other proper names).\n\nP001 name-variant \
                 (people, default severity: warning)\n\n"
            ),
            "{page}"
        );
        let direct = explain(&set, "P001").unwrap_or_default();
        assert!(direct.starts_with("P001 name-variant (people, default severity: warning)\n\n"));
        assert!(page.ends_with(&direct));
        assert_eq!(explain(&set, "name-variant"), Some(direct));
        assert_eq!(explain(&set, "X999"), None);
    }

    #[test]
    fn markdown_counts_the_rules_and_lists_each_once() {
        let set = RuleSet::builtin();
        let md = markdown(&set);
        let rows: Vec<&str> = md
            .lines()
            .filter(|l| l.starts_with("| ") && !l.starts_with("| code"))
            .collect();
        assert_eq!(rows.len(), set.len());
        assert!(rows[0].starts_with("| L001 | event-location-conflict | places | error | "));
        assert!(md.starts_with(&format!("claimlint has {} rules.", number_word(set.len()))));
        assert!(md.contains(" Former codes still name their rule: N001 (now P001)."));
    }

    #[test]
    fn json_is_versioned_with_kebab_case_categories() {
        let v: serde_json::Value =
            serde_json::from_str(&json(&RuleSet::builtin())).unwrap_or_default();
        assert_eq!(v["version"], 1);
        let p001 = v["rules"]
            .as_array()
            .and_then(|r| r.iter().find(|r| r["code"] == "P001"))
            .cloned()
            .unwrap_or_default();
        assert_eq!(p001["name"], "name-variant");
        assert_eq!(p001["category"], "people");
        assert_eq!(p001["default_severity"], "warning");
        assert_eq!(p001["aliases"], serde_json::json!(["N001"]));
    }
}
