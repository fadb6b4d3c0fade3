//! `P002 title-role-conflict`: one person given two offices that cannot both be held at once.
//!
//! People and their roles come from [`crate::claims::people`]. Two roles of one person clash
//! when both are current (no "former", "then", "acting", "-elect"...), outside quotations, in
//! sentences that name no year, and
//! - both are offices of state (`head-*` in `rules/lexicons/titles.toml`) of different kinds
//!   ("President Zelensky" / "Prime Minister Zelensky") and neither names an organisation, or
//!   of one kind with qualifiers naming different countries ("Ukrainian President" / "Russian
//!   President");
//! - both are a company's executive offices (`officer-*`) of different kinds ("chief
//!   executive" / "chief financial officer") and no two organisations are named.
//!
//! Roles that can be co-held (`office-*`: party leader, minister, chairman) never clash. Only
//! persons named at least once with a given name are compared: "President Kim" and "Prime
//! Minister Kim" alone may well be two Kims.

use crate::claims::people::{Person, Role, RoleGroup};
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::trace::Outcome;
use crate::rules::{Context, Rule, RuleMeta};

static META: RuleMeta = rule_meta! {
    code: "P002",
    name: "title-role-conflict",
    category: People,
    default_severity: Severity::Error,
    summary: "One person is given two offices that cannot both be held at the article's time",
    explanation: "\
## What it checks

The titles and roles attached to each person (\"President Volodymyr Zelensky\", \"Zelensky, the \
Ukrainian president,\", \"Ukraine's president, Volodymyr Zelensky\", \"Jane Roe, chief executive \
of Acme,\"). A surname alone (\"President Zelensky\") counts as the person already named only \
when one person in the article has that surname. Two roles of one person are reported when they \
cannot both hold now:

- two different offices of state or government: president, prime minister, chancellor, vice \
  president, deputy prime minister, king, queen (`head-*` lists of \
  `rules/lexicons/titles.toml`);
- one office with qualifiers naming two different countries (\"Ukrainian President\" / \"Russian \
  President\");
- two different executive offices of one company: chief executive, chief financial officer, \
  chief operating officer (`officer-*` lists).

**Left alone:** roles one person can co-hold (party leader, minister of one or two portfolios, \
chairman, commander-in-chief); a role marked \"former\", \"then\", \"ex-\", \"acting\", \
\"interim\", \"outgoing\" or \"-elect\"; titles inside quotations; titles in a sentence that \
names a year (another time); titles qualified by two different organisations; a surname shared \
by two people (the Bidens) or written only without a given name (\"President Kim\", \"Prime \
Minister Kim\"); \"the president\" with no name.

## Why it matters

A head of state called \"President\" in the lede and \"Prime Minister\" three paragraphs down is \
a factual error either way: one of the titles is wrong.

## Example

```text
Leaders meet in Tirana

President Tomas Hale arrived in Tirana on Wednesday for talks.

Prime Minister Hale told reporters that the two sides had agreed on a new trade route.
```

claimlint reports P002 (error). Tomas Hale is given two offices of state.

```text
Johnson returns

Former prime minister Boris Johnson met President Joe Biden. Mr Johnson said little.
```

claimlint reports nothing. \"former\" marks an office no longer held, and the titles belong to \
two people.
",
};

/// The `title-role-conflict` rule.
pub struct TitleRoleConflict;

/// The registered instance (see `build.rs`).
pub(crate) static RULE: &dyn Rule = &TitleRoleConflict;

/// Why two roles of one person cannot both hold, or `None` when they can.
fn clash(a: &Role, b: &Role) -> Option<&'static str> {
    if a.group != b.group || a.group == RoleGroup::Office {
        return None;
    }
    let orgs_differ = match (&a.organisation, &b.organisation) {
        (Some(x), Some(y)) => x != y,
        _ => false,
    };
    match a.group {
        RoleGroup::Head => {
            if a.organisation.is_some() || b.organisation.is_some() {
                return None;
            }
            let countries_differ = !a.countries.is_empty()
                && !b.countries.is_empty()
                && !a.countries.iter().any(|c| b.countries.contains(c));
            if a.role != b.role {
                Some("two different offices of state")
            } else if countries_differ {
                Some("one office of two different countries")
            } else {
                None
            }
        }
        RoleGroup::Officer => {
            (a.role != b.role && !orgs_differ).then_some("two different executive offices")
        }
        RoleGroup::Office => None,
    }
}

/// True when the role is worth comparing: current, outside quotations, in a sentence that
/// names no year.
fn comparable(cx: &Context<'_>, r: &Role) -> bool {
    if r.modifier.is_some() || r.quoted {
        return false;
    }
    let sentence = cx.article.sentence_at(r.span.start).unwrap_or(r.span);
    crate::text::words::years_in(cx.article.slice(sentence))
        .next()
        .is_none()
}

impl Rule for TitleRoleConflict {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for person in &cx.mentions.people.persons {
            if person.roles.len() < 2 {
                continue;
            }
            check_person(cx, person, out);
        }
    }
}

fn check_person(cx: &Context<'_>, person: &Person, out: &mut Vec<Diagnostic>) {
    let name = cx.article.slice(person.name);
    let roles: Vec<&Role> = person.roles.iter().collect();
    // One finding per person: the first clashing pair.
    for (i, a) in roles.iter().enumerate() {
        for b in roles.get(i + 1..).unwrap_or_default() {
            let Some(why) = clash(a, b) else { continue };
            if !person.given {
                cx.compared(&META.code, &[a.span, b.span], Outcome::Skipped, || {
                    format!("{name}: never named with a given name (may be two people)")
                });
                continue;
            }
            if !comparable(cx, a) || !comparable(cx, b) {
                cx.compared(&META.code, &[a.span, b.span], Outcome::Skipped, || {
                    format!("{name}: a former, quoted or dated title")
                });
                continue;
            }
            let ta = describe(cx, a);
            let tb = describe(cx, b);
            cx.compared(&META.code, &[a.span, b.span], Outcome::Conflict, || {
                format!("{name}: {ta} / {tb}: {why}")
            });
            out.push(
                META.report(
                    META.default_severity,
                    format!("{name} is called both \"{ta}\" and \"{tb}\": {why}"),
                )
                .primary(b.span, format!("\"{tb}\" here"))
                .secondary(a.span, format!("\"{ta}\" here"))
                .help(
                    "one person holds one of these offices at a time: correct one title, or \
                     mark the other as former (\"former\", \"then-\")",
                )
                .build(),
            );
            return;
        }
    }
    if cx.trace.enabled() && roles.len() >= 2 {
        cx.compared(
            &META.code,
            &roles.iter().map(|r| r.span).collect::<Vec<_>>(),
            Outcome::Consistent,
            || format!("{name}: roles that can be held together"),
        );
    }
}

/// The title as written with its qualifier ("Ukrainian president").
fn describe(cx: &Context<'_>, r: &Role) -> String {
    let title = cx.article.slice(r.span);
    match r.qualifier {
        Some(q) if q.end <= r.span.start => format!("{} {title}", cx.article.slice(q)),
        Some(q) => format!("{title} of {}", cx.article.slice(q)),
        None => title.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::findings;

    fn codes(t: &str) -> Vec<String> {
        findings(t, "P002", None)
            .into_iter()
            .map(|d| d.message)
            .collect()
    }

    #[test]
    fn president_and_prime_minister() {
        assert_eq!(
            codes("Talks\n\nPresident Tomas Hale arrived.\n\nPrime Minister Hale spoke.\n"),
            vec!["Tomas Hale is called both \"President\" and \"Prime Minister\": two different offices of state"]
        );
    }

    #[test]
    fn two_countries_and_co_held_roles() {
        assert_eq!(codes("Talks\n\nUkrainian President Volodymyr Zelensky arrived. Later the Russian President Zelensky spoke.\n").len(), 1);
        assert!(codes("Talks\n\nPrime Minister Keir Starmer arrived. Labour leader Starmer spoke.\n").is_empty());
        assert!(codes("Talks\n\nPresident Joe Biden arrived. Former vice-president Biden spoke.\n").is_empty());
    }
}
