//! People: the persons an article names, built on the name mentions ([`crate::claims::names`]),
//! with the titles and roles, ages, births and quotations attached to each (`P002`, `P003`,
//! `P004`, and the people section of `claimlint claims`). Spans are **bytes** into the article
//! text.
//!
//! **Coreference.** A mention with a given name ("Volodymyr Zelensky") is one person with every
//! other mention of that family name whose given name is compatible
//! ([`crate::knowledge::names::given_compatible`]: equal, an initial, one key). A mention of the
//! family name alone ("Zelensky", "Mr Zelensky", "President Zelensky") is taken to be that
//! person only when exactly one person with that family name is named with a given name in the
//! article; with two or more (Joe Biden and Hunter Biden) it stays ambiguous and is linked to
//! no one ([`People::ambiguous`]). Family names with no given name anywhere make one person
//! ("Smith" throughout), unless the name is a prominent place. Family names are compared by
//! [`crate::knowledge::names::fold_marks`] identity (`O'Shea` = `O’Shea`), not by spelling key:
//! two spellings are `P001`'s business.
//!
//! **Roles.** A title from `rules/lexicons/titles.toml` attaches to a name mention when it is
//! written as
//! - a prefix: "President Zelensky", "Ukrainian President Volodymyr Zelensky", "former prime
//!   minister Boris Johnson", "then-President Trump", "President-elect Biden";
//! - an apposition after the name: "Zelensky, the Ukrainian president,", "Smith, chief
//!   executive of Acme,", "Jones, a former minister.";
//! - an apposition opening the sentence before the name: "Ukraine's president, Volodymyr
//!   Zelensky, said".
//!
//! A word right before the title that makes it another office ("deputy", "vice-", "shadow",
//! `[modifier-role-changer]`) drops the title; "former", "then", "acting", "interim", "-elect"
//! (`[modifier-not-current]`) are kept as the role's [`Role::modifier`]. The word before the
//! title (or after "of") is its qualifier: a country or demonym the gazetteer knows
//! ([`Role::countries`]), else an organisation ([`Role::organisation`]).

use crate::fast_hash::FastMap;
use std::sync::OnceLock;

use crate::article::{Article, SegmentKind, Span};
use crate::claims::names::NameMention;
use crate::claims::time::{AgeContext, AgeForm, TimeMention, TimeValue};
use crate::knowledge::calendar::{month_from_name, weekday_from_name};
use crate::knowledge::gazetteer::{self, PlaceId, PlaceKind};
use crate::knowledge::lexicon;
use crate::knowledge::names::{data, fold_marks, GivenForms, GivenIndex};

/// Which offices exclude each other (from the list name's prefix in `titles.toml`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RoleGroup {
    /// An office of state or government (`head-*`): one at a time per country.
    Head,
    /// A company's executive office (`officer-*`): one at a time per company.
    Officer,
    /// A role that can be co-held with any other (`office-*`).
    Office,
}

/// A title or role attached to one name mention.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Role {
    /// The bytes of the title words ("prime minister", "President-elect").
    pub span: Span,
    /// The role: the `titles.toml` list name without its prefix ("prime-minister").
    pub role: &'static str,
    /// Which offices it excludes.
    pub group: RoleGroup,
    /// "former", "then", "acting", "interim", "elect"...: the role is not simply held now.
    pub modifier: Option<String>,
    /// The bytes of the qualifier ("Ukrainian", "Ukraine's", "Acme"), if written.
    pub qualifier: Option<Span>,
    /// The countries the qualifier can name (gazetteer ids; empty when none or not a country).
    pub countries: Vec<PlaceId>,
    /// A qualifier that is not a country, folded lower case ("acme").
    pub organisation: Option<String>,
    /// The name mention the role is attached to.
    pub mention: Span,
    /// True when the title lies inside a quotation.
    pub quoted: bool,
}

/// One person of the article.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Person {
    /// The fullest name written for them (the first mention with a given name, else the
    /// first mention).
    pub name: Span,
    /// The family name, folded ([`fold_marks`]).
    pub family: String,
    /// True when some mention gives a given name ("Volodymyr Zelensky"); false for a person
    /// only ever named by family name ("Mr Smith").
    pub given: bool,
    /// Every name mention linked to them (bytes of each name), in document order.
    pub mentions: Vec<Span>,
    /// Titles and roles attached to their mentions, in document order.
    pub roles: Vec<Role>,
    /// Indices into [`crate::claims::Mentions::times`] of the ages attached to them.
    pub ages: Vec<usize>,
    /// Indices into [`crate::claims::Mentions::times`] of the births attached to them.
    pub births: Vec<usize>,
    /// Quotations (marks excluded) attributed to them.
    pub quotes: Vec<Span>,
}

impl Person {
    /// A person first named by `m`, with no mentions, roles, ages, births or quotations yet.
    fn first_named(m: &NameMention) -> Person {
        Person {
            name: m.span,
            family: m.family_lower.clone(),
            given: m.given.is_some(),
            mentions: Vec::new(),
            roles: Vec::new(),
            ages: Vec::new(),
            births: Vec::new(),
            quotes: Vec::new(),
        }
    }
}

/// The people of one article.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct People {
    /// Persons in order of first mention.
    pub persons: Vec<Person>,
    /// Family-name-only mentions left unlinked because two or more persons share the family
    /// name (bytes of each name).
    pub ambiguous: Vec<Span>,
}

impl People {
    /// The index of the person one of whose name mentions lies within `span` (a speaker span
    /// such as "President Zelensky"), if any.
    pub fn person_in(&self, span: Span) -> Option<usize> {
        self.persons
            .iter()
            .position(|p| p.mentions.iter().any(|m| span.contains(*m)))
    }
}

/// One spelling of a role in `titles.toml`: (spelling, role, group).
type Spelling = (&'static str, &'static str, RoleGroup);

/// Every role spelling, longest first (so "prime minister" is tried before "minister").
fn spellings() -> &'static [Spelling] {
    static S: OnceLock<Vec<Spelling>> = OnceLock::new();
    S.get_or_init(|| {
        let mut v: Vec<Spelling> = Vec::new();
        for entry in lexicon::GROUPS
            .iter()
            .filter(|(g, _)| *g == "titles")
            .flat_map(|(_, lists)| lists.iter())
        {
            let (name, words): (&'static str, &'static [&'static str]) = *entry;
            let (group, role) = if let Some(r) = name.strip_prefix("head-") {
                (RoleGroup::Head, r)
            } else if let Some(r) = name.strip_prefix("officer-") {
                (RoleGroup::Officer, r)
            } else if let Some(r) = name.strip_prefix("office-") {
                (RoleGroup::Office, r)
            } else {
                continue;
            };
            for &w in words {
                v.push((w, role, group));
            }
        }
        v.sort_by_key(|(w, _, _)| std::cmp::Reverse(w.len()));
        v
    })
}

fn list(name: &str) -> &'static [&'static str] {
    lexicon::GROUPS
        .iter()
        .filter(|(g, _)| *g == "titles")
        .flat_map(|(_, lists)| lists.iter())
        .find(|(n, _)| *n == name)
        .map_or(&[][..], |&(_, w)| w)
}

fn not_current(w: &str) -> bool {
    static L: OnceLock<&'static [&'static str]> = OnceLock::new();
    lexicon::contains_lower(L.get_or_init(|| list("modifier-not-current")), w)
}

fn role_changer(w: &str) -> bool {
    static L: OnceLock<&'static [&'static str]> = OnceLock::new();
    lexicon::contains_lower(L.get_or_init(|| list("modifier-role-changer")), w)
}

/// True when the bytes `text` equal `spelling` once ASCII-lower-cased (what comparing
/// `text.to_ascii_lowercase()` with it would say, without building the lowered copy). Compared
/// from the end, where [`role_at_end`]'s candidates differ soonest.
fn lowers_to(text: &[u8], spelling: &[u8]) -> bool {
    text.len() == spelling.len()
        && text
            .iter()
            .rev()
            .zip(spelling.iter().rev())
            .all(|(t, s)| t.to_ascii_lowercase() == *s)
}

/// The role spelling `text` ends with (ASCII case ignored), at a word start: (byte where it
/// starts, spelling).
fn role_at_end(text: &str) -> Option<(usize, Spelling)> {
    let bytes = text.as_bytes();
    spellings().iter().find_map(|&sp| {
        let start = text.len().checked_sub(sp.0.len())?;
        (bytes
            .get(start..)
            .is_some_and(|t| lowers_to(t, sp.0.as_bytes()))
            && text
                .get(..start)
                .is_some_and(|b| b.chars().next_back().is_none_or(|c| !c.is_alphanumeric())))
        .then_some((start, sp))
    })
}

/// The role spelling `text` starts with (ASCII case ignored), ending at a word end: (byte
/// length, spelling).
fn role_at_start(text: &str) -> Option<(usize, Spelling)> {
    let bytes = text.as_bytes();
    spellings().iter().find_map(|&sp| {
        let len = sp.0.len();
        (bytes
            .get(..len)
            .is_some_and(|t| lowers_to(t, sp.0.as_bytes()))
            && text.get(len..).is_some_and(|r| {
                r.chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric() && c != '-')
            }))
        .then_some((len, sp))
    })
}

/// The countries a qualifier word can name: a country, or a demonym / adjective of one.
fn countries_of(word: &str) -> Vec<PlaceId> {
    let mut v: Vec<PlaceId> = gazetteer::lookup(word)
        .iter()
        .filter_map(|h| gazetteer::place(h.place))
        .filter(|p| p.kind == PlaceKind::Country)
        .map(|p| p.id)
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// The last word of `s` (letters, apostrophes, dots): (byte start, word).
fn last_word(s: &str) -> Option<(usize, &str)> {
    let t = s.trim_end();
    let start = t
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric() || matches!(c, '\'' | '’' | '.'))
        .last()
        .map(|(i, _)| i)?;
    Some((start, t.get(start..)?))
}

/// `word` without a possessive ending.
fn bare(word: &str) -> &str {
    crate::text::words::strip_possessive(word)
}

/// Modifier and qualifier written before a title that starts at `title_start` (absolute), in
/// the text `before` (which ends right before the title and starts at absolute `base`).
/// `None` when a word makes it another role.
struct Before {
    modifier: Option<String>,
    qualifier: Option<Span>,
}

fn read_before(before: &str, base: usize) -> Option<Before> {
    let d = data();
    let mut out = Before {
        modifier: None,
        qualifier: None,
    };
    // "ex-president", "then-President", "vice-president" (already a spelling), "co-chief".
    if let Some(h) = before.strip_suffix('-') {
        let (_, w) = last_word(h)?;
        if not_current(w) {
            out.modifier = Some(w.to_lowercase());
        } else {
            return None;
        }
        return Some(out);
    }
    if before.ends_with(|c: char| !c.is_whitespace()) && !before.is_empty() {
        return None;
    }
    let mut rest = before;
    for _ in 0..2 {
        let Some((s, w)) = last_word(rest) else { break };
        let lw = w.to_lowercase();
        if role_changer(&lw) {
            return None;
        }
        if not_current(&lw) {
            out.modifier.get_or_insert(lw);
        } else if out.qualifier.is_none()
            && out.modifier.is_none()
            && w.chars().next().is_some_and(char::is_uppercase)
            && !d.is_stop_word(bare(w))
            && !d.is_title(bare(w))
        {
            let b = bare(w);
            out.qualifier = Some(Span::new(base + s, base + s + b.len()));
        } else {
            break;
        }
        rest = rest.get(..s).unwrap_or_default();
    }
    Some(out)
}

/// Roles of one name mention `m` (see the module docs).
fn roles_of(article: &Article, m: &NameMention, seg: Span) -> Vec<Role> {
    let text: &str = &article.text;
    let mut out = Vec::new();
    let make = |span: Span, sp: Spelling, b: &Before, org_after: Option<Span>| {
        let qual = b.qualifier.or(org_after);
        let (countries, organisation) = match qual {
            Some(q) => {
                let w = article.slice(q);
                let c = countries_of(w);
                if c.is_empty() {
                    (c, Some(fold_marks(w)))
                } else {
                    (c, None)
                }
            }
            None => (Vec::new(), None),
        };
        Role {
            span,
            role: sp.1,
            group: sp.2,
            modifier: b.modifier.clone(),
            qualifier: qual,
            countries,
            organisation,
            mention: m.span,
            quoted: article.in_quote(span),
        }
    };
    // Prefix: "... President Volodymyr Zelensky". A qualifier or modifier never comes from an
    // earlier sentence ("... Sri Lanka and Indonesia. Chancellor Gordon Brown").
    let sentence_start = article
        .sentence_at(m.span.start)
        .map_or(seg.start, |x| x.start);
    let mut from = m
        .span
        .start
        .saturating_sub(80)
        .max(seg.start)
        .max(sentence_start.min(m.span.start));
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = text.get(from..m.span.start).unwrap_or("");
    if before.ends_with(' ') {
        let t = before.trim_end();
        let (t, elect) = match t
            .strip_suffix("-elect")
            .or_else(|| t.strip_suffix("-Elect"))
        {
            Some(x) => (x, true),
            None => (t, false),
        };
        if let Some((s, sp)) = role_at_end(t) {
            if let Some(mut b) = t.get(..s).and_then(|p| read_before(p, from)) {
                if elect {
                    b.modifier.get_or_insert_with(|| "elect".to_string());
                }
                let end = from + t.len() + if elect { 6 } else { 0 };
                out.push(make(Span::new(from + s, end), sp, &b, None));
            }
        }
        // Apposition opening the sentence: "Ukraine's president, Volodymyr Zelensky".
        else if let Some(t2) = t.strip_suffix(',') {
            if let Some((s, sp)) = role_at_end(t2) {
                let sentence_start = article
                    .sentence_at(m.span.start)
                    .map_or(seg.start, |x| x.start)
                    .max(from);
                let head = text.get(sentence_start..from + s).unwrap_or("");
                // Only "The", a possessive or demonym qualifier, a modifier before the title.
                let words: Vec<&str> = head.split_whitespace().collect();
                let ok = words.len() <= 3
                    && words.iter().all(|w| {
                        let lw = w.to_lowercase();
                        lw == "the"
                            || not_current(&lw)
                            || w.chars().next().is_some_and(char::is_uppercase)
                    });
                if ok && sentence_start <= from + s {
                    if let Some(b) = t2.get(..s).and_then(|p| read_before(p, from)) {
                        out.push(make(
                            Span::new(from + s, from + s + sp.0.len()),
                            sp,
                            &b,
                            None,
                        ));
                    }
                }
            }
        }
    }
    // Apposition after: "Zelensky, the Ukrainian president, said".
    let after_start = m.span.end;
    let mut to = (after_start + 100).min(seg.end);
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    let after = text.get(after_start..to).unwrap_or("");
    if let Some(rest) = after.strip_prefix(", ") {
        let base = after_start + 2;
        let mut i = 0usize;
        let mut b = Before {
            modifier: None,
            qualifier: None,
        };
        // Up to: article, modifier, qualifier.
        for _ in 0..3 {
            let r = rest.get(i..).unwrap_or_default();
            let w: &str = r
                .split(|c: char| c.is_whitespace() || c == '-')
                .next()
                .unwrap_or("");
            if w.is_empty() {
                break;
            }
            let lw = w.to_lowercase();
            if role_at_start(r).is_some() {
                break;
            }
            if matches!(lw.as_str(), "the" | "a" | "an") && i == 0 {
            } else if not_current(&lw) {
                b.modifier.get_or_insert(lw);
            } else if role_changer(&lw) {
                return out;
            } else if b.qualifier.is_none()
                && w.chars().next().is_some_and(char::is_uppercase)
                && !w.ends_with(',')
            {
                let bw = bare(w);
                b.qualifier = Some(Span::new(base + i, base + i + bw.len()));
            } else {
                break;
            }
            i += w.len();
            i += r
                .get(w.len()..)
                .unwrap_or_default()
                .chars()
                .next()
                .filter(|c| c.is_whitespace() || *c == '-')
                .map_or(0, char::len_utf8);
        }
        let r = rest.get(i.min(rest.len())..).unwrap_or_default();
        if let Some((len, sp)) = role_at_start(r) {
            let tail = r.get(len..).unwrap_or_default();
            let org_after = tail
                .strip_prefix(" of ")
                .map(|t| {
                    let skip = if t.starts_with("the ") { 4 } else { 0 };
                    (skip, t.get(skip..).unwrap_or_default())
                })
                .and_then(|(skip, t)| {
                    let w = t
                        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
                        .next()
                        .unwrap_or("");
                    let w = bare(w);
                    w.chars().next().is_some_and(char::is_uppercase).then(|| {
                        let s = base + i + len + 4 + skip;
                        Span::new(s, s + w.len())
                    })
                });
            let follows_ok = tail.is_empty()
                || tail.starts_with([',', '.', ';', ')', ':'])
                || tail.starts_with(" of ")
                || tail.starts_with(" and ")
                || tail.starts_with(" said")
                || tail.starts_with(" says");
            let title_start = base + i;
            if follows_ok && !tail.starts_with("'s") && !tail.starts_with("’s") {
                out.push(make(
                    Span::new(title_start, title_start + len),
                    sp,
                    &b,
                    org_after,
                ));
            }
        }
    }
    out
}

/// Build the people of `article` from its name mentions and the ages and births in `times`.
pub fn extract(article: &Article, names: &[NameMention], times: &[TimeMention]) -> People {
    let d = data();
    let curated = &d.curated;
    let text: &str = &article.text;
    let candidates: Vec<&NameMention> = names
        .iter()
        .filter(|m| !m.foreign && !m.bracketed && !m.place_name)
        .collect();
    let mut persons: Vec<Person> = Vec::new();
    // The given names met under each family word, indexed by the forms that make two of them
    // one person: the first compatible one is found in a few lookups.
    let mut givens = GivenIndex::default();
    let mut by_family: FastMap<&str, Vec<usize>> = FastMap::default();
    // Which person each candidate belongs to.
    let mut owner: Vec<Option<usize>> = vec![None; candidates.len()];
    // The person each (family, given name as written) went to: the same spelling always goes
    // to the same person (persons made later cannot come first), so its forms are computed once.
    let mut answered: FastMap<(&str, &str), usize> = FastMap::default();
    // Pass 1: mentions with a given name.
    for (m, own) in candidates.iter().zip(&mut owner) {
        let Some(g) = m.given else { continue };
        let given = article.slice(g);
        let fam = m.family_lower.as_str();
        let p = match answered.get(&(fam, given)) {
            Some(&p) => p,
            None => {
                let forms = GivenForms::of(d, given);
                let mut made = false;
                let p = givens.first_or_insert(curated, fam, &forms, || {
                    made = true;
                    persons.len()
                });
                if made {
                    persons.push(Person::first_named(m));
                    by_family.entry(fam).or_default().push(p);
                }
                answered.insert((fam, given), p);
                p
            }
        };
        *own = Some(p);
    }
    // Pass 2: family name alone.
    let mut ambiguous = Vec::new();
    // Whether a word is no surname of its own (a prominent place, a stop word, a month or a
    // weekday), by spelling: a place named ten times is looked up once.
    let mut not_a_name: FastMap<&str, bool> = FastMap::default();
    for (m, own) in candidates.iter().zip(&mut owner) {
        if m.given.is_some() {
            continue;
        }
        let fam = m.family_lower.as_str();
        match by_family.get(fam).map(Vec::as_slice) {
            Some([p]) => *own = Some(*p),
            Some([]) | None => {
                let word = article.slice(m.family);
                // A capitalised word opening its sentence or segment (a one-word headline
                // "Talks") is no evidence of a name: it does not start a person of its own.
                let opens = article
                    .sentence_at(m.span.start)
                    .map_or(m.span.start, |s| s.start)
                    == m.span.start
                    || article
                        .segment_at(m.span.start)
                        .is_some_and(|seg| seg.span.start == m.span.start);
                if opens
                    || *not_a_name.entry(word).or_insert_with(|| {
                        gazetteer::is_prominent_place_name(word)
                            || d.is_stop_word(word)
                            || month_from_name(word).is_some()
                            || weekday_from_name(word).is_some()
                    })
                {
                    continue;
                }
                persons.push(Person::first_named(m));
                // A surname-only person: the later given-less mentions join it, and it stays
                // alone (a given-named person would have been found in pass 1).
                by_family.insert(fam, vec![persons.len() - 1]);
                *own = Some(persons.len() - 1);
            }
            Some(_) => ambiguous.push(m.span),
        }
    }
    for (m, own) in candidates.iter().zip(&owner) {
        let Some(person) = own.and_then(|p| persons.get_mut(p)) else {
            continue;
        };
        person.mentions.push(m.span);
        if let Some(seg) = article.segment_at(m.span.start) {
            if matches!(seg.kind, SegmentKind::Headline | SegmentKind::Paragraph) {
                let roles = roles_of(article, m, seg.span);
                person.roles.extend(roles);
            }
        }
    }
    // Which person owns the name mention ending at byte `end`.
    let mut ends: Vec<(usize, usize, usize)> = candidates
        .iter()
        .zip(&owner)
        .filter_map(|(m, own)| own.map(|p| (m.span.end, m.span.start, p)))
        .collect();
    ends.sort_unstable();
    let owner_ending = |end: usize| {
        ends.binary_search_by_key(&end, |e| e.0)
            .ok()
            .and_then(|i| ends.get(i))
            .map(|e| e.2)
    };
    let starts: Vec<(usize, usize)> = {
        let mut v: Vec<(usize, usize)> = ends.iter().map(|e| (e.1, e.2)).collect();
        v.sort_unstable();
        v
    };
    for (ti, t) in times.iter().enumerate() {
        match &t.value {
            TimeValue::Age(a) => {
                if a.context != AgeContext::Current || t.quoted {
                    continue;
                }
                let p = match a.form {
                    AgeForm::Apposition => a.person.and_then(|s| owner_ending(s.end)),
                    AgeForm::YearOld => {
                        // "the 47-year-old Smith", "the 47-year-old former minister Smith".
                        let i = starts.partition_point(|s| s.0 < t.span.end);
                        starts.get(i).and_then(|&(s, p)| {
                            let gap = text.get(t.span.end..s)?;
                            (gap.len() <= 40
                                && gap.split_whitespace().count() <= 3
                                && gap.starts_with(' ')
                                && gap
                                    .chars()
                                    .all(|c| c.is_alphabetic() || c == ' ' || c == '-'))
                            .then_some(p)
                        })
                    }
                    AgeForm::Aged => {
                        // "Smith, aged 45,".
                        let before = text.get(..t.span.start).unwrap_or("").trim_end();
                        ["aged", "Aged", "age", "Age"]
                            .iter()
                            .find_map(|w| before.strip_suffix(w))
                            .and_then(|b| b.strip_suffix(", "))
                            .and_then(|b| owner_ending(b.len()))
                    }
                    _ => None,
                };
                if let Some(person) = p.and_then(|p| persons.get_mut(p)) {
                    person.ages.push(ti);
                }
            }
            TimeValue::Birth(b) => {
                if t.quoted {
                    continue;
                }
                // "Smith was born in", "Smith (born 1937)", "Smith, born in 1937,", "Smith, who
                // was born in".
                let before = text.get(..b.born.start).unwrap_or("");
                let b2 = before.trim_end();
                let b2 = b2
                    .strip_suffix("who was")
                    .or_else(|| b2.strip_suffix("was"))
                    .unwrap_or(b2)
                    .trim_end();
                let b2 = b2
                    .strip_suffix(',')
                    .or_else(|| b2.strip_suffix('('))
                    .unwrap_or(b2)
                    .trim_end();
                if b2.len() + 16 < before.len() {
                    continue;
                }
                if let Some(person) = owner_ending(b2.len()).and_then(|p| persons.get_mut(p)) {
                    person.births.push(ti);
                }
            }
            _ => {}
        }
    }
    // Quotations and their speakers.
    for &q in &article.quotes {
        let Some(sp) = article.speaker_of(q) else {
            continue;
        };
        let p = starts
            .iter()
            .find(|&&(s, _)| s >= sp.start && s < sp.end)
            .map(|&(_, p)| p);
        if let Some(person) = p.and_then(|p| persons.get_mut(p)) {
            person.quotes.push(q);
        }
    }
    People { persons, ambiguous }
}

/// The person as the claims view shows them (JSON): their name, and on their first full
/// mention (`full`) their roles, ages, births and quotations.
pub fn describe(
    article: &Article,
    p: &Person,
    times: &[TimeMention],
    full: bool,
) -> serde_json::Value {
    let mut v = serde_json::Map::new();
    v.insert("name".into(), article.slice(p.name).into());
    if !full {
        return v.into();
    }
    v.insert("mentions".into(), p.mentions.len().into());
    let roles = p
        .roles
        .iter()
        .map(|r| {
            serde_json::json!({
                "title": article.slice(r.span),
                "role": r.role,
                "group": r.group,
                "qualifier": r.qualifier.map(|q| article.slice(q)),
                "modifier": r.modifier,
                "quoted": r.quoted,
            })
        })
        .collect();
    v.insert("roles".into(), roles);
    let ages = p
        .ages
        .iter()
        .filter_map(|&i| match times.get(i).map(|t| &t.value) {
            Some(TimeValue::Age(a)) => Some(a.years),
            _ => None,
        })
        .collect();
    v.insert("ages".into(), ages);
    let births = p
        .births
        .iter()
        .filter_map(|&i| match times.get(i).map(|t| &t.value) {
            Some(TimeValue::Birth(b)) => Some(b.year),
            _ => None,
        })
        .collect();
    v.insert("births".into(), births);
    let quotes = p.quotes.iter().map(|q| article.slice(*q)).collect();
    v.insert("quotes".into(), quotes);
    v.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn people(t: &str) -> (Article, People) {
        let a = crate::input::plain::parse(std::sync::Arc::from(t));
        let p = crate::claims::Mentions::extract(&a, None).people;
        (a, p)
    }

    /// Each person as (name, mentions as written).
    fn groups(t: &str) -> Vec<(String, Vec<String>)> {
        let (a, p) = people(t);
        p.persons
            .iter()
            .map(|x| {
                (
                    a.slice(x.name).to_string(),
                    x.mentions.iter().map(|m| a.slice(*m).to_string()).collect(),
                )
            })
            .collect()
    }

    fn roles(t: &str) -> Vec<(String, &'static str, Option<String>, Option<String>)> {
        let (a, p) = people(t);
        p.persons
            .iter()
            .flat_map(|x| x.roles.iter())
            .map(|r| {
                (
                    a.slice(r.span).to_string(),
                    r.role,
                    r.modifier.clone(),
                    r.qualifier.map(|q| a.slice(q).to_string()),
                )
            })
            .collect()
    }

    #[test]
    fn a_surname_alone_is_the_one_person_named_with_it() {
        let g = groups("Talks\n\nVolodymyr Zelensky arrived. Later Mr Zelensky spoke and President Zelensky left.\n");
        assert_eq!(
            g,
            vec![(
                "Volodymyr Zelensky".to_string(),
                vec![
                    "Volodymyr Zelensky".into(),
                    "Zelensky".into(),
                    "Zelensky".into()
                ]
            )]
        );
    }

    #[test]
    fn a_surname_shared_by_two_people_stays_ambiguous() {
        let (a, p) = people(
            "Bidens\n\nJoe Biden and Hunter Biden arrived. Later Biden spoke to reporters.\n",
        );
        assert_eq!(p.persons.len(), 2);
        assert_eq!(
            p.ambiguous.iter().map(|s| a.slice(*s)).collect::<Vec<_>>(),
            vec!["Biden"]
        );
        assert!(p.persons.iter().all(|x| x.mentions.len() == 1));
    }

    #[test]
    fn compatible_given_names_are_one_person() {
        let g = groups("Visit\n\nJohn Smith arrived. J. Smith signed. Jane Smith-Jones left.\n");
        // The initial is not read as a given name; the surname joins the one Smith named in
        // full (Smith-Jones is another family name).
        assert_eq!(g[0].1, vec!["John Smith".to_string(), "Smith".into()]);
        let g = groups("Visit\n\nJohn Smith arrived. Jane Smith signed. Smith left.\n");
        assert_eq!(g.len(), 2);
        assert!(g.iter().all(|x| x.1.len() == 1));
    }

    #[test]
    fn surname_only_people_and_apostrophes() {
        let g = groups("Visit\n\nMr O'Shea arrived. Later O’Shea spoke.\n");
        assert_eq!(
            g,
            vec![("O'Shea".to_string(), vec!["O'Shea".into(), "O’Shea".into()])]
        );
        // A prominent place is no person.
        assert!(groups("Visit\n\nThe envoy arrived in Paris.\n").is_empty());
    }

    #[test]
    fn roles_prefix_apposition_and_modifiers() {
        assert_eq!(
            roles("Talks\n\nUkrainian President Volodymyr Zelensky arrived.\n"),
            vec![(
                "President".into(),
                "president",
                None,
                Some("Ukrainian".into())
            )]
        );
        assert_eq!(
            roles("Talks\n\nFormer prime minister Boris Johnson arrived.\n"),
            vec![(
                "prime minister".into(),
                "prime-minister",
                Some("former".into()),
                None
            )]
        );
        assert_eq!(
            roles("Talks\n\nThey met then-President Donald Trump.\n"),
            vec![("President".into(), "president", Some("then".into()), None)]
        );
        // A qualifier never comes from the sentence before ("Trump." is not Biden's).
        assert_eq!(
            roles("Talks\n\nThey met then-President Donald Trump. President-elect Joe Biden waited.\n"),
            vec![
                ("President".into(), "president", Some("then".into()), None),
                ("President-elect".into(), "president", Some("elect".into()), None)
            ]
        );
        assert_eq!(
            roles("Talks\n\nAid went to Sri Lanka and Indonesia. Chancellor Gordon Brown backed it.\n"),
            vec![("Chancellor".into(), "chancellor", None, None)]
        );
        assert_eq!(
            roles("Talks\n\nPresident-elect Joe Biden waited.\n"),
            vec![(
                "President-elect".into(),
                "president",
                Some("elect".into()),
                None
            )]
        );
        assert_eq!(
            roles("Talks\n\nVolodymyr Zelensky, the Ukrainian president, arrived.\n"),
            vec![(
                "president".into(),
                "president",
                None,
                Some("Ukrainian".into())
            )]
        );
        assert_eq!(
            roles("Talks\n\nJane Roe, chief executive of Acme, said so.\n"),
            vec![(
                "chief executive".into(),
                "chief-executive",
                None,
                Some("Acme".into())
            )]
        );
        assert_eq!(
            roles("Talks\n\nUkraine's president, Volodymyr Zelensky, arrived.\n"),
            vec![(
                "president".into(),
                "president",
                None,
                Some("Ukraine".into())
            )]
        );
        // Another office: deputy, shadow, vice-.
        assert!(roles("Talks\n\nDeputy Prime Minister John Smith and Shadow Chancellor Ann Lee met Vice-Chancellor Tom Dee.\n")
            .iter()
            .all(|r| r.1 == "deputy-prime-minister"));
        // Someone else's spokesman.
        assert!(roles("Talks\n\nJohn Smith, the president's spokesman, spoke.\n").is_empty());
    }

    /// The lowered-copy role matchers this module used before [`lowers_to`]: the oracle.
    fn role_at_end_lowered(text: &str) -> Option<(usize, Spelling)> {
        let lower = text.to_ascii_lowercase();
        spellings().iter().find_map(|&sp| {
            let start = lower.len().checked_sub(sp.0.len())?;
            lower
                .strip_suffix(sp.0)
                .is_some_and(|b| b.chars().next_back().is_none_or(|c| !c.is_alphanumeric()))
                .then_some((start, sp))
        })
    }

    fn role_at_start_lowered(text: &str) -> Option<(usize, Spelling)> {
        let lower = text.to_ascii_lowercase();
        spellings().iter().find_map(|&sp| {
            lower
                .strip_prefix(sp.0)
                .is_some_and(|r| {
                    r.chars()
                        .next()
                        .is_none_or(|c| !c.is_alphanumeric() && c != '-')
                })
                .then_some((sp.0.len(), sp))
        })
    }

    #[test]
    fn role_matchers_agree_with_lowering_the_text() {
        let pieces = [
            "",
            " ",
            "-",
            ",",
            "a",
            "X",
            "é",
            "É",
            "’",
            "ß",
            "the ",
            "Former ",
            "President",
            "PRESIDENT",
            "president",
            "Prime Minister",
            "prime minister",
            "PM",
            "pm",
            "vice",
            "Vice-President",
            "chief executive",
            "Chief Executive Officer",
            "CEO",
            "ceo",
            "commander-in-chief",
            "secretary of state",
            "minister",
            "Minister",
            "elect",
            "leader",
            "Party Leader",
            "chair",
            "chairwoman",
            "queen",
            "King",
            "s",
            "1",
        ];
        let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
        for _ in 0..20_000 {
            let mut t = String::new();
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let n = (seed % 5) as usize;
            for k in 0..n {
                let i = ((seed >> (8 * k + 3)) as usize) % pieces.len();
                t.push_str(pieces.get(i).copied().unwrap_or_default());
            }
            assert_eq!(role_at_end(&t), role_at_end_lowered(&t), "{t:?}");
            assert_eq!(role_at_start(&t), role_at_start_lowered(&t), "{t:?}");
        }
    }

    #[test]
    fn ages_births_and_quotes_attach_to_the_person() {
        let (a, p) = people(
            "Talks\n\nJohn Smith, 45, arrived. The 47-year-old Smith was born in 1979.\n\n\"We will win this fight together,\" Smith said.\n",
        );
        assert_eq!(p.persons.len(), 1);
        let x = &p.persons[0];
        assert_eq!(x.ages.len(), 2);
        assert_eq!(x.births.len(), 1);
        assert_eq!(
            x.quotes.iter().map(|q| a.slice(*q)).collect::<Vec<_>>(),
            vec!["We will win this fight together,"]
        );
    }
}
