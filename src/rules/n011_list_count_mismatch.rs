//! `N011 list-count-mismatch`: "three countries: Albania, Greece, Romania and Bulgaria" — a
//! stated count followed by a closed list with a different number of items. The lists are
//! claims (`claims::list`); this rule compares their count with their items.

use crate::claims::list::ListClaim;
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::trace::Outcome;
use crate::rules::{format, Context, Rule, RuleMeta};

static META: RuleMeta = rule_meta! {
    code: "N011",
    name: "list-count-mismatch",
    category: Numbers,
    default_severity: Severity::Error,
    summary: "A stated count is followed by a closed list with a different number of items",
    explanation: "\
## What it checks

A count with a plural noun (\"three countries\", \"4 companies\") followed directly by an
exhaustive marker — a colon, a dash, or \"namely\" — and a list of names. The items are counted
(commas, \"and\", \"or\"), and a name that itself contains \"and\" or \"&\" (\"Bosnia and
Herzegovina\", \"Trinidad and Tobago\", \"Johnson & Johnson\", any single place the gazetteer
knows, but not two places such as \"Australia and New Zealand\") counts once. A city followed by
its state or country (\"Portland, Oregon\", \"Washington, D.C.\") is one item; ages (\"John
Smith, 45,\") and appositives (\"Rishi Sunak, the chancellor,\") are not items. When an item
joined by \"and\" could be one title or two names (\"War and Peace\"), the list is not checked.

Lists introduced by \"including\", \"such as\", \"among them\" or \"like\" are open and never
checked, nor are lists ending in \"and others\" or \"etc\". Only short items are counted: names
written with capitals, or lower-case items of at most two words; anything that reads like a
clause stops the check.

## Why it matters

A count that disagrees with its own list is a visible slip: a name was added or dropped after
the number was written, and the reader cannot tell which is right.

## Example

```text
Pact signed in Tirana

Leaders of three countries: Albania, Greece, Romania and Bulgaria signed the pact in Tirana.
```

claimlint reports N011 (error). Four countries are listed: correct the count or the list.
",
};

/// The `list-count-mismatch` rule.
pub struct ListCountMismatch;

/// The registered instance (see `build.rs`).
pub(crate) static RULE: &dyn Rule = &ListCountMismatch;

impl Rule for ListCountMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for list in &cx.mentions.lists {
            if let Some(d) = finding(cx, list) {
                out.push(d);
            }
        }
    }
}

fn finding(cx: &Context<'_>, list: &ListClaim) -> Option<Diagnostic> {
    let m = cx.mentions.numbers.get(list.count)?;
    let n = m.value;
    let count = list.items.len();
    let spans = [list.stated, list.span];
    if m.high.is_some() || !m.is_exact() || !(2.0..=20.0).contains(&n) || n.fract() != 0.0 {
        cx.compared(&META.code, &spans, Outcome::Skipped, || {
            "the count is qualified, a range or not a small whole number".to_string()
        });
        return None;
    }
    if count < 2 || count as f64 == n {
        cx.compared(&META.code, &spans, Outcome::Consistent, || {
            format!("{count} items listed")
        });
        return None;
    }
    cx.compared(&META.code, &spans, Outcome::Conflict, || {
        format!("the count says {n}, {count} items listed")
    });
    let stated = cx.article.slice(list.stated);
    let are = if count == 1 { "is" } else { "are" };
    let items = if count == 1 { "item" } else { "items" };
    let listed = format::number_word(count);
    Some(
        META.report(
            META.severity_for(list.quoted),
            format!("\"{stated}\" but {listed} {are} listed"),
        )
        .primary(list.stated, format!("the count says {}", format::number(n)))
        .secondary(list.span, format!("{listed} {items} listed"))
        .help(format!(
            "make the count match the list: change it to {listed} or add or remove a name"
        ))
        .build(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(body: &str) -> Vec<Diagnostic> {
        crate::rules::findings(&format!("Headline here\n\n{body}"), "N011", None)
    }

    #[test]
    fn count_differs_from_list() {
        let d = run("Leaders of three countries: Albania, Greece, Romania and Bulgaria met.");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].message, "\"three countries\" but four are listed");
        let l: Vec<_> = d[0]
            .labels
            .iter()
            .map(|l| (l.span.start, l.span.end, l.primary))
            .collect();
        assert_eq!(l, vec![(26, 41, true), (43, 80, false)]);
        assert!(run("Leaders of three countries: Albania, Greece and Romania met.").is_empty());
        assert!(run("About three countries: Albania, Greece, Romania and Chile met.").is_empty());
    }
}
