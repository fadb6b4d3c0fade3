//! `P001 name-variant` (formerly `N001`): one person or place spelled two ways in one article.
//!
//! Names come from [`crate::claims::names`]; each distinct spelling of a family word (case
//! ignored) is compared with every other one. Two spellings are linked when:
//!
//! - the gazetteer or the curated place list says they name one place (Kyiv / Kiev);
//! - a curated person lists both (Selenskyj / Zelensky);
//! - their folded keys are equal (Zelenskyy / Zelensky: both `zelenski`), unless their given
//!   names differ;
//! - their keys are one edit apart *and* both spellings are written with the same given name
//!   (Ronald Reagan / Ronald Regan), the rarer one only once (two spellings each used twice or
//!   more are two people: John Swinney / John Sweeney), neither a place name or demonym, and
//!   not a plural pair. A compatible initial ("R Regan") counts only with a title somewhere
//!   ("Mr Reagan").
//!
//! They are kept apart, even through other links, when both are known places that the gazetteer
//! does not identify, when they are masculine and feminine forms (Zelensky / Zelenska), or when
//! both carry given names and no given name of one is compatible with one of the other (Ronald
//! Reagan / Donald Regan). Quotations are ignored (a source's own spelling), and so is a pair the
//! article explains ("Kyiv (Kiev)", "also spelled").
//!
//! A cluster whose spellings all belong to one `[[alias]]` group of a loaded rule pack
//! ([`crate::packs::Knowledge::all_aliases`]) is not reported: the newsroom accepts them all.

use std::cell::OnceCell;
use std::rc::Rc;

use crate::fast_hash::{map_with_capacity, FastMap};

use crate::article::{Article, Span};
use crate::claims::names::{self, NameMention};
use crate::diagnostic::{Diagnostic, Severity};
use crate::knowledge::gazetteer;
use crate::knowledge::names::{
    data, edit_distance, forms_compatible, gendered_pair, given_compatible, Curated, GivenForms,
    NameData,
};
use crate::rules::trace::Outcome;
use crate::rules::{Context, Rule, RuleMeta};

static META: RuleMeta = rule_meta! {
    code: "P001",
    name: "name-variant",
    aliases: ["N001"],
    category: People,
    default_severity: Severity::Warning,
    summary: "The same person or place is spelled two different ways in one article",
    explanation: "\
## What it checks

Capitalised names in the headline and body are grouped by spelling. Two spellings are reported \
as one name when they fold to the same transliteration key (`Zelenskyy`, `Zelensky` and \
`Zelenskiy` all fold to `zelenski`: ASCII, lower case, Slavic endings, `iy`/`ii`/`y`, `w`→`v`, \
`ou`→`u`, double letters collapsed), when the gazetteer knows both as names of one place \
(`Kyiv` / `Kiev`), or when they are one letter apart and written with the same given name \
(`Ronald Reagan` / `Ronald Regan`).

Different people and places are never merged: different given names (`Bill` / `Hillary`, \
`Ronald Reagan` / `Donald Regan`), masculine and feminine forms (`Zelensky` / `Zelenska`, \
`Ivanov` / `Ivanova`), distinct known places (`Iran` / `Iraq`, `Austria` / `Australia`). \
Spellings inside quotations and variants the article explains (\"Kyiv (Kiev)\") are left alone.

## Why it matters

A name spelled two ways looks careless at best; at worst the reader wonders whether two \
different people are meant. House style picks one romanisation and uses it throughout.

## Example

```text
Zelenskyy seeks support and arms at Balkan summit

Ukrainian President Volodymyr Zelensky attended the Balkan summit. President Zelensky said he needed \
more air defence.
```

claimlint reports P001 (warning). The headline's `Zelenskyy` (used once, the primary label) and \
the body's `Zelensky` are two spellings of one name. The help lists each spelling with its \
count, most used first: `Zelensky 2×, Zelenskyy 1×`.

```text
Reagan library opens

Ronald Reagan opened the library. Ronald Regan spoke of his years in office.
```

claimlint reports P001 (warning). `Reagan` and `Regan` are one letter apart and written with \
the same given name.
",
};

/// The `name-variant` rule.
pub struct NameVariant;

/// The registered instance (see `build.rs`).
pub(crate) static RULE: &dyn Rule = &NameVariant;

impl Rule for NameVariant {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let d = data();
        let record = |a: &Spelling, b: &Spelling, outcome: Outcome, note: &str| {
            cx.compared(&META.code, &[a.first, b.first], outcome, || {
                format!("{} / {}: {note}", a.text, b.text)
            });
        };
        let trace: PairTrace<'_> = cx.trace.enabled().then_some(&record);
        for cluster in clusters_traced(cx.article, &cx.mentions.names, d, &d.curated, trace) {
            // A rule pack's `[[alias]]` declares these spellings all acceptable.
            if cx
                .knowledge
                .all_aliases(cluster.iter().map(|s| s.lower.as_str()))
            {
                continue;
            }
            out.push(diagnostic(&cluster));
        }
    }
}

/// One spelling of a family word and where it is used.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Spelling {
    /// As written at its first use.
    text: String,
    /// Lower case: the identity of the spelling.
    lower: String,
    /// `text` lower-cased by `str::to_lowercase` (what the curated lists are matched with).
    text_lower: String,
    /// Length of `text` in chars.
    chars: usize,
    /// Folded comparison key.
    key: String,
    /// Uses outside quotations.
    count: usize,
    /// Span of the first use (bytes).
    first: Span,
    /// Every use (bytes), in document order.
    uses: Vec<Span>,
    /// Given names written with it (shared by the spellings of one article), deduplicated
    /// ignoring ASCII case, in order of first use.
    givens: Vec<Rc<Given>>,
    /// True when some use has no given name (a place is written bare: "Kiev", not "Carlos
    /// Brasil").
    bare: bool,
    /// True when some use follows a title or role word ("Mr Regan", "President Reagan").
    titled: bool,
    /// True when the gazetteer knows the spelling as a prominent place name (not only a small
    /// town: Bogdanovich, Russia, does not make the tennis player a place), demonym or region
    /// adjective.
    place: bool,
    /// True when the gazetteer knows the spelling as a name of a place (not only a demonym).
    toponym: bool,
    /// True when some use ends a multi-word place name or demonym ("Sri Lanka", "Saudi
    /// Arabian"): its "given name" is part of the place.
    in_place_name: bool,
}

/// A given name as written, with its [`GivenForms`] (lower case, key) worked out on its first
/// comparison and kept: most given names are never compared with another.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Given {
    /// As written.
    text: String,
    /// `GivenForms::of(text)`, once computed.
    forms: OnceCell<GivenForms>,
}

impl Given {
    /// The forms of the name.
    fn forms(&self, d: &NameData) -> &GivenForms {
        self.forms.get_or_init(|| GivenForms::of(d, &self.text))
    }
}

/// How two spellings relate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Link {
    /// Two spellings of one name.
    Same,
    /// Known to be different names: never in one cluster.
    Distinct,
    /// No evidence either way.
    Unrelated,
}

/// Distinct spellings of the family words in `mentions`, in order of first use. Left out:
/// quotations, names inside foreign-language names ("Banco do Brasil") and bracketed glosses.
///
/// A given name written with several family words is one shared [`Given`], its forms
/// computed at most once per article.
fn spellings<'a>(article: &'a Article, mentions: &[NameMention], d: &NameData) -> Vec<Spelling> {
    let mut out: Vec<Spelling> = Vec::new();
    let mut index: FastMap<&str, usize> = map_with_capacity(mentions.len());
    let mut given_names: FastMap<&str, Rc<Given>> = FastMap::default();
    let mut given_of = |text: &'a str| {
        Rc::clone(given_names.entry(text).or_insert_with(|| {
            Rc::new(Given {
                text: text.to_string(),
                forms: OnceCell::new(),
            })
        }))
    };
    for m in mentions
        .iter()
        .filter(|m| !m.in_quote && !m.foreign && !m.bracketed)
    {
        let text = article.slice(m.family);
        if text.is_empty() {
            continue;
        }
        let idx = match index.get(m.family_lower.as_str()) {
            Some(&i) => i,
            None => {
                index.insert(m.family_lower.as_str(), out.len());
                let place = gazetteer::place_name_facts(text);
                out.push(Spelling {
                    text: text.to_string(),
                    key: d.key(text),
                    text_lower: text.to_lowercase(),
                    chars: text.chars().count(),
                    lower: m.family_lower.clone(),
                    count: 0,
                    first: m.family,
                    uses: Vec::new(),
                    givens: Vec::new(),
                    titled: false,
                    bare: false,
                    place: place.prominent,
                    toponym: place.toponym,
                    in_place_name: false,
                });
                out.len() - 1
            }
        };
        let Some(s) = out.get_mut(idx) else {
            continue;
        };
        s.count += 1;
        s.uses.push(m.family);
        s.titled |= m.titled;
        s.bare |= m.given.is_none();
        s.in_place_name |= m.place_name;
        if let Some(g) = m.given.map(|g| article.slice(g)) {
            if !s.givens.iter().any(|x| x.text.eq_ignore_ascii_case(g)) {
                s.givens.push(given_of(g));
            }
        }
    }
    out
}

/// Some given name of `a` is compatible with some given name of `b`: the test of
/// [`given_compatible`] with the forms computed at most once per article.
fn share_given(d: &NameData, curated: &Curated, a: &Spelling, b: &Spelling) -> bool {
    a.givens.iter().any(|x| {
        b.givens
            .iter()
            .any(|y| x.text == y.text || forms_compatible(curated, x.forms(d), y.forms(d)))
    })
}

/// Keys close enough to be one place's spellings rather than a renaming: one edit apart, or two
/// when both keys have eight or more letters.
fn close_keys(a: &str, b: &str) -> bool {
    let limit = if a.len().min(b.len()) >= 8 { 2 } else { 1 };
    a.len().abs_diff(b.len()) <= limit && edit_distance(a, b) <= limit
}

/// Decide whether two spellings are one name, different names, or unrelated.
fn link(d: &NameData, curated: &Curated, a: &Spelling, b: &Spelling) -> Link {
    if a.chars < d.min_len || b.chars < d.min_len {
        return Link::Unrelated;
    }
    if curated.place_pair_lower(&a.text_lower, &b.text_lower) {
        return Link::Same;
    }
    // The gazetteer's alternate names, for spellings (Kyiv / Kiev, Kharkiv / Kharkov), not for
    // demonyms (Ukraine / Ukrainian) or renamings (Bombay / Mumbai).
    if a.toponym
        && b.toponym
        && a.bare
        && b.bare
        && close_keys(&a.key, &b.key)
        && gazetteer::same_place(&a.text, &b.text)
    {
        return Link::Same;
    }
    if a.place && b.place {
        return Link::Distinct;
    }
    // A person named like a place (Alfred Brittain / Britain).
    let person = |s: &Spelling| !s.place && !s.givens.is_empty();
    if (a.place && person(b)) || (b.place && person(a)) {
        return Link::Distinct;
    }
    if gendered_pair(&a.key, &b.key) {
        return Link::Distinct;
    }
    if !a.givens.is_empty() && !b.givens.is_empty() && !share_given(d, curated, a, b) {
        return Link::Distinct;
    }
    if let Some(p) = curated.person_with_families_lower(&a.text_lower, &b.text_lower) {
        let fits = |s: &Spelling| {
            s.givens.iter().all(|g| {
                p.given
                    .iter()
                    .any(|x| given_compatible(d, curated, &g.text, x))
            })
        };
        if fits(a) && fits(b) {
            return Link::Same;
        }
    }
    let (ka, kb) = (a.key.as_str(), b.key.as_str());
    if ka.len() < d.min_len || kb.len() < d.min_len {
        return Link::Unrelated;
    }
    if ka == kb {
        // Each spelling used three times or more is consistent usage of two names (Philips the
        // company, Phillips the person), not a slip.
        if a.count >= 3 && b.count >= 3 {
            return Link::Unrelated;
        }
        return Link::Same;
    }
    // One edit apart: only for people written with the same given name, never places, demonyms
    // or plurals (Democrat / Democrats); and only a single slip: the rarer spelling is used
    // once. Two spellings each used twice or more are two people (John Swinney, John Sweeney).
    // The given name must be written the same on both, or a title must mark one as a person
    // ("Mr Regan"): a compatible initial alone ("J Sweeney") is not enough.
    let plural = |x: &str, y: &str| x.len() + 1 == y.len() && y.ends_with('s') && y.starts_with(x);
    let same_given = a
        .givens
        .iter()
        .any(|x| b.givens.iter().any(|y| x.text.eq_ignore_ascii_case(&y.text)));
    if ka.len().min(kb.len()) >= 5
        && !a.place
        && !b.place
        && !a.in_place_name
        && !b.in_place_name
        && (a.titled || b.titled || same_given)
        && !plural(ka, kb)
        && !plural(kb, ka)
        && ka.len().abs_diff(kb.len()) <= 1
        && ka.as_bytes().first() == kb.as_bytes().first()
        && a.count.min(b.count) == 1
        && share_given(d, curated, a, b)
        && edit_distance(ka, kb) == 1
    {
        return Link::Same;
    }
    // A one-letter slip in a long, rare family name written alone (Benteke / Bentece): both
    // without given names, seven letters or more, one used once and the other at least twice,
    // neither a place, a place-name part or a word the names data lists, and not one
    // spelling plus a final letter (Kashmir / Kashmiri, Yugoslavia / Yugoslavian: a demonym).
    if a.givens.is_empty()
        && b.givens.is_empty()
        && ka.len().min(kb.len()) >= 7
        && !a.place
        && !b.place
        && !a.toponym
        && !b.toponym
        && !a.in_place_name
        && !b.in_place_name
        && !d.is_stop_word(&a.text)
        && !d.is_stop_word(&b.text)
        && !d.is_title(&a.text)
        && !d.is_title(&b.text)
        && !plural(ka, kb)
        && !plural(kb, ka)
        && ka.as_bytes().first() == kb.as_bytes().first()
        && a.count.min(b.count) == 1
        && a.count.max(b.count) >= 2
        && !ka.starts_with(kb)
        && !kb.starts_with(ka)
        && edit_distance(ka, kb) == 1
    {
        return Link::Same;
    }
    Link::Unrelated
}

/// The key itself and every text made by deleting up to `depth` of its characters, each given
/// to `emit` as the pieces that, concatenated, make it (no string is built here): two keys one
/// edit apart share one (symmetric-delete candidates), so near spellings are found without
/// comparing all pairs. Each set of deleted positions is visited once (positions in
/// increasing order); different sets can still give one text. `pieces` is scratch space.
fn deletions<'k>(
    key: &'k str,
    depth: usize,
    pieces: &mut Vec<&'k str>,
    emit: &mut impl FnMut(&[&'k str]),
) {
    pieces.push(key);
    emit(pieces);
    pieces.pop();
    if depth == 0 {
        return;
    }
    for (i, c) in key.char_indices() {
        pieces.push(key.get(..i).unwrap_or_default());
        deletions(
            key.get(i + c.len_utf8()..).unwrap_or_default(),
            depth - 1,
            pieces,
            emit,
        );
        pieces.pop();
    }
}

/// The sentences of the uses of `s`, sorted, without repeats, computed once into `cell`.
fn sentences_of<'c>(article: &Article, s: &Spelling, cell: &'c OnceCell<Vec<Span>>) -> &'c [Span] {
    cell.get_or_init(|| {
        let mut v: Vec<Span> = s
            .uses
            .iter()
            .filter_map(|u| article.sentence_at(u.start))
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    })
}

/// True when two sorted lists (as [`sentences_of`] gives them) have an element in common: one
/// merge, linear in their lengths (a spelling used thousands of times stays cheap).
fn share_any(a: &[Span], b: &[Span]) -> bool {
    let (mut a, mut b) = (a.iter().peekable(), b.iter().peekable());
    while let (Some(x), Some(y)) = (a.peek(), b.peek()) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => {
                a.next();
            }
            std::cmp::Ordering::Greater => {
                b.next();
            }
            std::cmp::Ordering::Equal => return true,
        }
    }
    false
}

/// How many characters [`candidate_pairs`] deletes from the key of `s`: two for a long toponym
/// (its spellings may be two edits apart: [`close_keys`]), else one.
fn deletion_depth(s: &Spelling) -> usize {
    if s.toponym && s.key.len() >= 8 {
        2
    } else {
        1
    }
}

/// How many variants [`deletions`] gives for the key of `s` (some may be equal texts).
fn variant_count(s: &Spelling) -> usize {
    let n = s.key.chars().count();
    match deletion_depth(s) {
        1 => n + 1,
        _ => 1 + n + n * n.saturating_sub(1) / 2,
    }
}

/// The longest variant [`packed`] packs.
const PACKED_LEN: usize = 12;

/// The text made of `pieces` packed into a `u64` when it is at most [`PACKED_LEN`] letters `a`
/// to `z` (keys are letters, nearly all short): five bits a letter, each 1 to 26, never 0, so
/// two packed texts are equal exactly when their codes are. `None` for any other text.
fn packed(pieces: &[&str]) -> Option<u64> {
    let mut code = 0u64;
    for (len, b) in pieces.iter().flat_map(|p| p.bytes()).enumerate() {
        if !b.is_ascii_lowercase() || len == PACKED_LEN {
            return None;
        }
        code = code << 5 | u64::from(b - b'a' + 1);
    }
    Some(code)
}

/// [`deletions`] to depth one or two, packed ([`packed`]), in the same order, for a key of at
/// most [`PACKED_LEN`] letters `a` to `z`: each variant's code is cut from the key's code with
/// shifts and masks, so no text is built or read again. False, and nothing given to `emit`, for
/// any other key or depth.
fn packed_deletions(key: &str, depth: usize, emit: &mut impl FnMut(u64)) -> bool {
    let Some(full) = packed(&[key]).filter(|_| depth <= 2) else {
        return false;
    };
    let len = key.len();
    // The code of letters `a..b` of the key (`a <= b <= len`): five bits a letter, the last
    // letter lowest.
    let part = |a: usize, b: usize| (full >> (5 * (len - b))) & ((1u64 << (5 * (b - a))) - 1);
    emit(full);
    if depth == 0 {
        return true;
    }
    for i in 0..len {
        let after = part(i + 1, len);
        emit(part(0, i) << (5 * (len - 1 - i)) | after);
        if depth == 2 {
            for j in i + 1..len {
                let kept = part(0, i) << (5 * (j - i - 1)) | part(i + 1, j);
                emit(kept << (5 * (len - 1 - j)) | part(j + 1, len));
            }
        }
    }
    true
}

/// The pairs `(i, j)`, `i < j`, that [`link`] could call one name: equal keys, keys within
/// one edit (two for long toponyms), and curated spellings. Sorted and deduplicated; near-linear
/// in the number of spellings.
fn candidate_pairs(sp: &[Spelling], listed: &[bool]) -> Vec<(usize, usize)> {
    use std::hash::BuildHasher;
    // Every deletion variant of every key, `(code, i)` for a variant of spelling `i`'s key that
    // packs into a `u64` (nearly all: see `packed`), else `(hash, start, end, i)`: bytes
    // `start..end` of `arena`, written once into that one buffer, with their hash so that
    // sorting compares texts only when their hashes are equal. A packed variant never equals
    // one in the arena (it is shorter, or made of letters `a`-`z` only).
    let mut short: Vec<(u64, usize)> = Vec::with_capacity(sp.iter().map(variant_count).sum());
    let mut arena = String::new();
    let mut variants: Vec<(u64, usize, usize, usize)> = Vec::new();
    let hasher = foldhash::fast::FixedState::default();
    let mut pieces = Vec::with_capacity(3);
    for (i, s) in sp.iter().enumerate() {
        let depth = deletion_depth(s);
        if packed_deletions(&s.key, depth, &mut |code| short.push((code, i))) {
            continue;
        }
        deletions(&s.key, depth, &mut pieces, &mut |v| {
            if let Some(code) = packed(v) {
                short.push((code, i));
                return;
            }
            let start = arena.len();
            for piece in v {
                arena.push_str(piece);
            }
            let end = arena.len();
            let hash = hasher.hash_one(arena.get(start..end).unwrap_or_default());
            variants.push((hash, start, end, i));
        });
    }
    let mut pairs = Vec::new();
    short.sort_unstable();
    short.dedup();
    // Runs of one variant: every two spellings in a run are candidates.
    for run in short.chunk_by(|x, y| x.0 == y.0) {
        for (x, &(_, i)) in run.iter().enumerate() {
            for &(_, j) in run.get(x + 1..).unwrap_or_default() {
                pairs.push((i.min(j), i.max(j)));
            }
        }
    }
    let text = |&(_, s, e, _): &(u64, usize, usize, usize)| arena.get(s..e).unwrap_or_default();
    let same = |x: &(u64, usize, usize, usize), y: &(u64, usize, usize, usize)| {
        x.0 == y.0 && text(x) == text(y)
    };
    variants.sort_unstable_by(|x, y| {
        x.0.cmp(&y.0)
            .then_with(|| text(x).cmp(text(y)))
            .then(x.3.cmp(&y.3))
    });
    variants.dedup_by(|x, y| x.3 == y.3 && same(x, y));
    // Runs of one variant text: every two spellings in a run are candidates.
    for run in variants.chunk_by(|x, y| same(x, y)) {
        for (x, &(_, _, _, i)) in run.iter().enumerate() {
            for &(_, _, _, j) in run.get(x + 1..).unwrap_or_default() {
                pairs.push((i.min(j), i.max(j)));
            }
        }
    }
    let listed_ids: Vec<usize> = (0..sp.len())
        .filter(|&i| listed.get(i) == Some(&true))
        .collect();
    for (x, &i) in listed_ids.iter().enumerate() {
        for &j in listed_ids.get(x + 1..).unwrap_or_default() {
            pairs.push((i, j));
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// True when some use of one spelling of the cluster is introduced as an alternative to another
/// ("Kyiv (Kiev)", "Kyiv, also spelled Kiev"): the cues are read in `claims::names`
/// (`names::alternative_cue`, `names::gloss_after`). Bracketed glosses count here although they are not
/// counted as spellings.
fn explained(article: &Article, cluster: &[Spelling], mentions: &[NameMention]) -> bool {
    let lower: Vec<&str> = cluster.iter().map(|s| s.lower.as_str()).collect();
    let uses: Vec<&NameMention> = mentions
        .iter()
        .filter(|m| {
            cluster.iter().any(|s| s.uses.contains(&m.family))
                || (m.bracketed && lower.contains(&m.family_lower.as_str()))
        })
        .collect();
    uses.iter().any(|u| {
        names::alternative_cue(article, u.family)
            || names::gloss_after(article, u.family)
                .is_some_and(|end| uses.iter().any(|o| o.family.end == end && o.family != u.family))
    })
}

/// Group the spellings in `mentions` into clusters of two or more spellings of one name, each
/// in order of first use; clusters in order of their first use. `curated` is a parameter so
/// that tests can prove the curated lists only add recall.
#[cfg(test)]
fn clusters(
    article: &Article,
    mentions: &[NameMention],
    d: &NameData,
    curated: &Curated,
) -> Vec<Vec<Spelling>> {
    clusters_traced(article, mentions, d, curated, None)
}

/// A callback told each pairwise decision (two spellings, outcome, why), for the claims view.
type PairTrace<'t> = Option<&'t dyn Fn(&Spelling, &Spelling, Outcome, &str)>;

/// [`clusters`], telling `trace` (when given) how each pair of near spellings was decided:
/// a conflict when both end in one reported cluster, consistent when they are different or
/// unrelated names, skipped when they share a sentence, are explained, or joining them would
/// merge known-different names.
fn clusters_traced(
    article: &Article,
    mentions: &[NameMention],
    d: &NameData,
    curated: &Curated,
    trace: PairTrace<'_>,
) -> Vec<Vec<Spelling>> {
    let sp = spellings(article, mentions, d);
    let n = sp.len();
    let listed: Vec<bool> = sp
        .iter()
        .map(|s| {
            curated.place_groups.iter().any(|g| g.contains(&s.lower))
                || curated.persons.iter().any(|p| p.family.contains(&s.lower))
        })
        .collect();
    // Cheap filter before `link`: equal or near keys with the same first letter, two known
    // places, or two curated spellings. Everything else is unrelated.
    let near = |i: usize, j: usize| {
        let (Some(a), Some(b)) = (sp.get(i), sp.get(j)) else {
            return false;
        };
        a.key.as_bytes().first() == b.key.as_bytes().first()
            && a.key.len().abs_diff(b.key.len()) <= 1
    };
    // Only near spellings are worth showing in the claims view: "Balkan / Kyiv" is no
    // comparison an editor needs to see.
    let trace_near = |i: usize, j: usize| trace.filter(|_| near(i, j));
    let may_link = |i: usize, j: usize| {
        let (Some(a), Some(b)) = (sp.get(i), sp.get(j)) else {
            return false;
        };
        near(i, j)
            || (a.toponym && b.toponym)
            || (listed.get(i) == Some(&true) && listed.get(j) == Some(&true))
    };
    // Two spellings in one sentence, neither dominant ("Smith met Smyth"), are two names; a
    // spelling used far more often than the other is still the name with a slip beside it.
    // The sentences of each spelling's uses, worked out only for spellings that meet another
    // in some candidate pair (most meet none).
    let sentences: Vec<OnceCell<Vec<Span>>> = sp.iter().map(|_| OnceCell::new()).collect();
    let share_sentence = |i: usize, j: usize| {
        let (Some(a), Some(b), Some(ci), Some(cj)) =
            (sp.get(i), sp.get(j), sentences.get(i), sentences.get(j))
        else {
            return false;
        };
        let (lo, hi) = (a.count.min(b.count), a.count.max(b.count));
        lo * 2 >= hi && share_any(sentences_of(article, a, ci), sentences_of(article, b, cj))
    };
    let mut edges = Vec::new();
    // Every pair when the claims view wants each near comparison explained; else only the
    // candidates (the same edges, near-linear time).
    let pairs: Vec<(usize, usize)> = if trace.is_some() {
        (0..n).flat_map(|i| (i + 1..n).map(move |j| (i, j))).collect()
    } else {
        candidate_pairs(&sp, &listed)
    };
    {
        for (i, j) in pairs {
            if !may_link(i, j) {
                continue;
            }
            let (Some(a), Some(b)) = (sp.get(i), sp.get(j)) else {
                continue;
            };
            if share_sentence(i, j) {
                if let Some(t) = trace_near(i, j) {
                    t(
                        a,
                        b,
                        Outcome::Skipped,
                        "both in one sentence: two names",
                    );
                }
                continue;
            }
            match link(d, curated, a, b) {
                Link::Same => edges.push((i, j)),
                Link::Distinct => {
                    if let Some(t) = trace_near(i, j) {
                        t(
                            a,
                            b,
                            Outcome::Consistent,
                            "known to be different names",
                        );
                    }
                }
                Link::Unrelated => {
                    if let Some(t) = trace_near(i, j) {
                        t(
                            a,
                            b,
                            Outcome::Consistent,
                            "no evidence of one name",
                        );
                    }
                }
            }
        }
    }
    let same_pairs = edges.clone();
    // Union by cluster id, refusing any merge that would join a Distinct pair.
    let mut id: Vec<usize> = (0..n).collect();
    // The members of each cluster root, sorted; empty (no allocation) for a root that is still
    // alone, which is read as `[root]`.
    let mut members_of: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (i, j) in edges {
        let (Some(&ci), Some(&cj)) = (id.get(i), id.get(j)) else {
            continue;
        };
        if ci == cj {
            continue;
        }
        let (Some(mi), Some(mj)) = (members_of.get(ci), members_of.get(cj)) else {
            continue;
        };
        let (alone_i, alone_j) = ([ci], [cj]);
        let mi: &[usize] = if mi.is_empty() { &alone_i } else { mi };
        let mj: &[usize] = if mj.is_empty() { &alone_j } else { mj };
        let clash = mi.iter().any(|&x| {
            mj.iter().any(|&y| {
                sp.get(x)
                    .zip(sp.get(y))
                    .is_some_and(|(a, b)| link(d, curated, a, b) == Link::Distinct)
            })
        });
        if !clash {
            let mut moved = members_of.get_mut(cj).map(std::mem::take).unwrap_or_default();
            if moved.is_empty() {
                moved.push(cj);
            }
            for &v in &moved {
                if let Some(slot) = id.get_mut(v) {
                    *slot = ci;
                }
            }
            if let Some(m) = members_of.get_mut(ci) {
                if m.is_empty() {
                    m.push(ci);
                }
                m.extend(moved);
                m.sort_unstable();
            }
        }
    }
    let mut out = Vec::new();
    for (root, ids) in members_of.iter().enumerate() {
        if ids.len() < 2 || id.get(root) != Some(&root) {
            continue;
        }
        let members: Vec<Spelling> = ids.iter().filter_map(|&x| sp.get(x).cloned()).collect();
        if members.len() >= 2 && !explained(article, &members, mentions) {
            out.push(members);
        }
    }
    if let Some(t) = trace {
        let reported = |x: &Spelling| {
            out.iter()
                .position(|c| c.iter().any(|s| s.lower == x.lower))
        };
        for (i, j) in same_pairs {
            let (Some(a), Some(b)) = (sp.get(i), sp.get(j)) else {
                continue;
            };
            match (reported(a), reported(b)) {
                (Some(x), Some(y)) if x == y => {
                    t(a, b, Outcome::Conflict, "two spellings of one name")
                }
                _ if id.get(i) == id.get(j) => {
                    t(a, b, Outcome::Skipped, "the article explains the variant")
                }
                _ => t(
                    a,
                    b,
                    Outcome::Skipped,
                    "joining them would merge names known to be different",
                ),
            }
        }
    }
    out.sort_by_key(|c| c.first().map(|s| s.first.start));
    out
}

/// The warning for one cluster: a label on the first use of each spelling, the primary on the
/// spelling used least (the later one on a tie).
fn diagnostic(cluster: &[Spelling]) -> Diagnostic {
    // Most used first; ties in order of first use.
    let mut by_count: Vec<&Spelling> = cluster.iter().collect();
    by_count.sort_by_key(|s| (std::cmp::Reverse(s.count), s.first.start));
    let primary = by_count.last().map_or(Span::new(0, 0), |s| s.first);
    let mut named: Vec<&Spelling> = by_count.clone();
    named.rotate_right(1);
    let quoted: Vec<String> = named.iter().map(|s| format!("\"{}\"", s.text)).collect();
    let message = match quoted.as_slice() {
        [a, b] => format!("{a} and {b} look like two spellings of one name"),
        [init @ .., last] => format!(
            "{} and {last} look like {} spellings of one name",
            init.join(", "),
            quoted.len()
        ),
        [] => String::new(),
    };
    let counts: Vec<String> = by_count
        .iter()
        .map(|s| format!("{} {}×", s.text, s.count))
        .collect();
    let mut diag = META
        .report(META.default_severity, message)
        .help(format!("use one spelling throughout ({})", counts.join(", ")));
    for s in cluster {
        diag = diag.label(
            s.first,
            format!("spelled \"{}\" here ({}×)", s.text, s.count),
            s.first == primary,
        );
    }
    diag.build()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::names::extract;
    use crate::input::read_article;

    /// Clusters as (spelling, count) lists.
    fn run(text: &str, curated: &Curated) -> Vec<Vec<(String, usize)>> {
        let a = read_article(text.as_bytes().to_vec()).expect("text");
        let m = extract(&a);
        clusters(&a, &m, data(), curated)
            .into_iter()
            .map(|c| c.into_iter().map(|s| (s.text, s.count)).collect())
            .collect()
    }

    /// The packed variants are the packed texts of `deletions`, and packing is one-to-one.
    #[test]
    fn packed_variants_agree_with_deletions() {
        let mut pieces = Vec::new();
        let keys = ["", "a", "zelenski", "abcdefghijkl", "abcdefghijklm", "kiv", "aba", "Ab", "é"];
        for (key, depth) in keys.iter().flat_map(|k| (0..=2).map(move |d| (*k, d))) {
            let mut want: Vec<u64> = Vec::new();
            let mut texts: Vec<String> = Vec::new();
            deletions(key, depth, &mut pieces, &mut |v| {
                texts.push(v.concat());
                want.extend(packed(v));
            });
            let mut got = Vec::new();
            let fast = packed_deletions(key, depth, &mut |c| got.push(c));
            if fast {
                assert_eq!(got, want, "{key}");
                assert_eq!(want.len(), texts.len(), "{key}");
            } else {
                assert!(got.is_empty(), "{key}");
            }
            assert_eq!(fast, packed(&[key]).is_some(), "{key}");
            // Equal codes for equal texts only.
            for (x, tx) in texts.iter().enumerate() {
                for (y, ty) in texts.iter().enumerate() {
                    let (cx, cy) = (packed(&[tx.as_str()]), packed(&[ty.as_str()]));
                    if cx.is_some() && cy.is_some() {
                        assert_eq!(cx == cy, tx == ty, "{key} {x} {y}");
                    }
                }
            }
        }
        assert_eq!(packed(&["ab", "c"]), packed(&["abc"]));
        assert_ne!(packed(&["a"]), packed(&["aa"]));
        assert_eq!(packed(&["abcdefghijklm"]), None);
    }

    fn none() -> Curated {
        Curated::default()
    }

    fn pairs(v: &[(&str, usize)]) -> Vec<(String, usize)> {
        v.iter().map(|(s, n)| (s.to_string(), *n)).collect()
    }

    const BALKAN: &str = include_str!("../../fixtures/balkan-summit.txt");

    #[test]
    fn curated_pairs_only_add_recall() {
        let want = vec![pairs(&[("Zelenskyy", 1), ("Zelensky", 7)])];
        assert_eq!(run(BALKAN, &none()), want);
        assert_eq!(run(BALKAN, &data().curated), want);
    }

    #[test]
    fn clustering_decisions_are_recorded() {
        let t = "Zelensky visits\n\nZelensky arrived. Zelenskyy spoke. Zelenska, his wife, left.\n";
        let a = read_article(t.as_bytes().to_vec()).expect("text");
        let report = crate::claims(&a, &crate::Settings::default());
        let got: Vec<(&str, Outcome)> = report
            .comparisons
            .iter()
            .filter(|c| c.rule == "P001")
            .map(|c| (c.note.as_str(), c.outcome))
            .collect();
        assert_eq!(
            got,
            vec![
                (
                    "Zelensky / Zelenskyy: two spellings of one name",
                    Outcome::Conflict
                ),
                (
                    "Zelensky / Zelenska: known to be different names",
                    Outcome::Consistent
                ),
                (
                    "Zelenskyy / Zelenska: known to be different names",
                    Outcome::Consistent
                ),
            ]
        );
    }

    #[test]
    fn balkan_diagnostic_shape() {
        let a = read_article(BALKAN.as_bytes().to_vec()).expect("text");
        let m = extract(&a);
        let c = clusters(&a, &m, data(), &none());
        let diag = diagnostic(&c[0]).normalise();
        assert_eq!(
            diag.message,
            "\"Zelenskyy\" and \"Zelensky\" look like two spellings of one name"
        );
        assert_eq!(
            diag.help.as_deref(),
            Some("use one spelling throughout (Zelensky 7×, Zelenskyy 1×)")
        );
        let labels: Vec<(&str, &str, bool)> = diag
            .labels
            .iter()
            .map(|l| (a.slice(l.span), l.message.as_str(), l.primary))
            .collect();
        assert_eq!(
            labels,
            vec![
                ("Zelenskyy", "spelled \"Zelenskyy\" here (1×)", true),
                ("Zelensky", "spelled \"Zelensky\" here (7×)", false),
            ]
        );
    }

    #[test]
    fn gendered_forms_are_different_people() {
        let t = "Zelensky and Zelenska visit\n\nVolodymyr Zelensky and his wife Olena Zelenska arrived. Zelenska spoke first, then Zelenskyy.\n";
        assert_eq!(
            run(t, &none()),
            vec![pairs(&[("Zelensky", 2), ("Zelenskyy", 1)])]
        );
    }

    #[test]
    fn given_name_gate() {
        // Different given names: never merged, even one letter apart.
        let t = "Talks at the White House\n\nPresident Ronald Reagan met Donald Regan. Later Reagan and Regan spoke again.\n";
        assert_eq!(run(t, &none()), Vec::<Vec<(String, usize)>>::new());
        // Same given name and one letter apart: a variant.
        let t = "Talks at the White House\n\nPresident Ronald Reagan spoke. Ronald Regan left. Reagan said no.\n";
        assert_eq!(run(t, &none()), vec![pairs(&[("Reagan", 2), ("Regan", 1)])]);
        // No title needed when the given name is written the same: the documented example.
        let t = "Reagan in Berlin\n\nRonald Reagan arrived on Monday. Ronald Regan spoke later.\n";
        assert_eq!(run(t, &none()), vec![pairs(&[("Reagan", 2), ("Regan", 1)])]);
        // A "given name" that is part of a place name: Sri Lanka, Sri Lankan.
        let t = "Tea exports\n\nSri Lanka sold more tea. Sri Lankan growers were pleased.\n";
        assert_eq!(run(t, &none()), Vec::<Vec<(String, usize)>>::new());
        // Both spellings used twice or more: two people, title or not.
        let t = "Debate on Friday\n\nJohn Swinney spoke first. Later, John Sweeney asked questions. Mr Swinney answered. Mr Sweeney was not satisfied.\n";
        assert_eq!(run(t, &none()), Vec::<Vec<(String, usize)>>::new());
        // One letter apart without given names: not enough.
        let t = "Talks in Vienna\n\nEnvoys from Iran and Iraq met. Austria and Australia sent observers. Niger, Nigeria, Mali and Malawi too. Ukraine and Ukrainian envoys. Mumbai, then Bombay.\n";
        assert_eq!(run(t, &none()), Vec::<Vec<(String, usize)>>::new());
        // Equal keys but different given names: two people.
        let t = "Rivals meet\n\nBill Philips met Hillary Phillips on Monday.\n";
        assert_eq!(run(t, &none()), Vec::<Vec<(String, usize)>>::new());
    }

    #[test]
    fn foreign_names_and_people_named_like_places() {
        let t = "Bank strike\n\nBrazil said the Banco do Brasil would close. Carlos Brasil, an adviser, agreed.\n";
        assert_eq!(run(t, &none()), Vec::<Vec<(String, usize)>>::new());
        let t = "Banks merge\n\nAlfred Brittain said Britain should act. Brittain left.\n";
        assert_eq!(run(t, &none()), Vec::<Vec<(String, usize)>>::new());
        // A real slip in a place name is still found.
        let t = "Debt talks\n\nThe Philippines asked banks to wait. The Phillipines said more.\n";
        assert_eq!(
            run(t, &none()),
            vec![pairs(&[("Philippines", 1), ("Phillipines", 1)])]
        );
    }

    #[test]
    fn quotes_and_explanations_are_left_alone() {
        let t =
            "Zelensky visits\n\nZelensky arrived. A placard read \"Welcome Zelenskyy\" outside.\n";
        assert_eq!(run(t, &none()), Vec::<Vec<(String, usize)>>::new());
        let t = "Zelensky visits\n\nZelensky (also spelled Zelenskyy) arrived.\n";
        assert_eq!(run(t, &none()), Vec::<Vec<(String, usize)>>::new());
        let t =
            "Strikes hit Kyiv\n\nStrikes hit Kyiv (Kiev) overnight. Kiev residents sheltered.\n";
        assert_eq!(run(t, &data().curated), Vec::<Vec<(String, usize)>>::new());
    }

    #[test]
    fn places_by_gazetteer_and_curated_list() {
        let t = "Strikes hit Kyiv\n\nStrikes hit Kiev overnight, officials in Kiev said.\n";
        assert_eq!(run(t, &none()), vec![pairs(&[("Kyiv", 1), ("Kiev", 2)])]);
        assert_eq!(
            run(t, &data().curated),
            vec![pairs(&[("Kyiv", 1), ("Kiev", 2)])]
        );
    }

    #[test]
    fn possessives_are_one_spelling() {
        let t = "Zelensky's plan\n\nZelensky’s aides and Zelensky met. The Clintons' home and Clinton's book.\n";
        assert_eq!(run(t, &none()), Vec::<Vec<(String, usize)>>::new());
    }

    #[test]
    fn three_spellings_message() {
        let t = "Zelenskiy visits\n\nZelensky arrived. Zelensky spoke. Zelenskyy left.\n";
        let a = read_article(t.as_bytes().to_vec()).expect("text");
        let c = clusters(&a, &extract(&a), data(), &none());
        let diag = diagnostic(&c[0]).normalise();
        assert_eq!(
            diag.message,
            "\"Zelenskyy\", \"Zelensky\" and \"Zelenskiy\" look like 3 spellings of one name"
        );
        assert_eq!(
            diag.help.as_deref(),
            Some("use one spelling throughout (Zelensky 2×, Zelenskiy 1×, Zelenskyy 1×)")
        );
        assert_eq!(diag.labels.iter().filter(|l| l.primary).count(), 1);
        assert_eq!(a.slice(diag.labels[2].span), "Zelenskyy");
        assert!(diag.labels[2].primary);
    }
}
