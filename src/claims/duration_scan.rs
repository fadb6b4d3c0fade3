//! The duration scanner: the matches of the duration regex it replaced (kept as the oracle of
//! the tests, `duration_re` in `time.rs`), found without compiling a regex:
//!
//! ```text
//! \b(?:(?P<q>QUALIFIER)\s+)?
//! (?: (?P<cn>WORD)-(?P<cu>day|night|week|month|year|hour)(?:-long)?\b(?P<cold>-old|\s+old\b)?
//!   | (?P<lead>(?i:for|lasted|lasts|ran|runs|run|spanned|spans)(?:\s+for)?)\s+
//!     (?:(?P<q2>QUALIFIER)\s+)?(?P<fn>WORD)\s+(?P<fu>UNIT|UNITS)\b
//!   | (?P<on>WORD)\s+(?P<ou>days|nights|weeks)\s+of\s+(?P<onoun>[a-z]+) )
//! ```
//!
//! with `WORD` = `[0-9]{1,3}|[A-Za-z]+(?:-[A-Za-z]+)?`. Matches are leftmost-first and do not
//! overlap, as `captures_iter` gives them: at each candidate start the qualifier phrases are
//! tried in the regex's order, then none, and for each the three forms in order; the first
//! that matches wins. Every span is a byte range of the scanned text.

use std::ops::Range;

use super::scan::{anchored, boundary, number_word_ends, qualifiers_at, spaces1, word_ci, word_cs};

/// One match: the groups the duration code reads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct DurationCaps {
    /// The whole match.
    pub(super) all: Range<usize>,
    /// The qualifier before the form (`q`), if any.
    pub(super) q: Option<Range<usize>>,
    /// The form and its groups.
    pub(super) form: DurationParts,
}

/// The groups of each of the three forms.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum DurationParts {
    /// "two-day", "45-year-old": number (`cn`), unit (`cu`), "-old"/" old" (`cold`).
    Compound {
        n: Range<usize>,
        u: Range<usize>,
        old: Option<Range<usize>>,
    },
    /// "lasted about four days": lead (with its "for"), qualifier (`q2`), number (`fn`), unit
    /// (`fu`).
    Lasting {
        lead: Range<usize>,
        q2: Option<Range<usize>>,
        n: Range<usize>,
        u: Range<usize>,
    },
    /// "three days of talks": number (`on`), unit (`ou`), noun (`onoun`).
    Of {
        n: Range<usize>,
        u: Range<usize>,
        noun: Range<usize>,
    },
}

/// Every match in `t`, in order. Every match holds a unit word ([`UNIT_STEMS`], as written)
/// and nothing but ASCII letters, digits, hyphens and white space, so only the word starts
/// next to a unit word are tried ([`anchored`]).
pub(super) fn durations(t: &str) -> impl Iterator<Item = DurationCaps> + '_ {
    anchored(t, &UNIT_STEMS, duration_at, |m| m.all.end)
}

/// The unit words, one of which every match holds (`cu`, `fu` and `ou` start with one).
const UNIT_STEMS: [&str; 6] = ["day", "night", "week", "month", "year", "hour"];

/// The match starting at `i` (a word start), if any.
fn duration_at(t: &str, i: usize) -> Option<DurationCaps> {
    let with_q = qualifiers_at(t, i).map(|(end, next)| (Some(i..end), next));
    with_q.chain([(None, i)]).find_map(|(q, p)| {
        let (form, end) = compound(t, p)
            .or_else(|| lasting(t, p))
            .or_else(|| of_form(t, p))?;
        Some(DurationCaps {
            all: i..end,
            q,
            form,
        })
    })
}

const COMPOUND_UNITS: [&str; 6] = ["day", "night", "week", "month", "year", "hour"];

const LASTING_UNITS: [&str; 12] = [
    "days", "nights", "weeks", "months", "years", "hours", "day", "night", "week", "month", "year",
    "hour",
];

const LEADS: [&str; 8] = [
    "for", "lasted", "lasts", "ran", "runs", "run", "spanned", "spans",
];

/// `(?P<cn>WORD)-(?P<cu>UNIT)(?:-long)?\b(?P<cold>-old|\s+old\b)?` at `p`: the groups and
/// the end.
fn compound(t: &str, p: usize) -> Option<(DurationParts, usize)> {
    let b = t.as_bytes();
    number_word_ends(b, p).into_iter().flatten().find_map(|n| {
        let at = word_cs(b, n, "-")?;
        let u_end = COMPOUND_UNITS.iter().find_map(|u| word_cs(b, at, u))?;
        let e = word_cs(b, u_end, "-long")
            .filter(|&e| boundary(b, e))
            .or_else(|| boundary(b, u_end).then_some(u_end))?;
        let old_end = word_cs(b, e, "-old").or_else(|| {
            let o = word_cs(b, spaces1(t, e)?, "old")?;
            boundary(b, o).then_some(o)
        });
        let parts = DurationParts::Compound {
            n: p..n,
            u: at..u_end,
            old: old_end.map(|o| e..o),
        };
        Some((parts, old_end.unwrap_or(e)))
    })
}

/// `(?P<lead>LEAD(?:\s+for)?)\s+(?:(?P<q2>QUALIFIER)\s+)?(?P<fn>WORD)\s+(?P<fu>UNITS)\b` at
/// `p`.
fn lasting(t: &str, p: usize) -> Option<(DurationParts, usize)> {
    let b = t.as_bytes();
    let leads = LEADS.iter().filter_map(|l| word_ci(b, p, l));
    let lead_ends = leads.flat_map(|le| {
        // The "for" after the lead is outside the regex's `(?i:...)`: lower case only.
        let with_for = spaces1(t, le).and_then(|s| word_cs(b, s, "for"));
        [with_for, Some(le)].into_iter().flatten()
    });
    lead_ends
        .filter_map(|lead| Some((lead, spaces1(t, lead)?)))
        .find_map(|(lead, after)| {
            let with_q = qualifiers_at(t, after).map(|(end, next)| (Some(after..end), next));
            with_q.chain([(None, after)]).find_map(|(q2, at)| {
                number_word_ends(b, at).into_iter().flatten().find_map(|n| {
                    let u = spaces1(t, n)?;
                    let u_end = LASTING_UNITS
                        .iter()
                        .filter_map(|w| word_cs(b, u, w))
                        .find(|&e| boundary(b, e))?;
                    let parts = DurationParts::Lasting {
                        lead: p..lead,
                        q2: q2.clone(),
                        n: at..n,
                        u: u..u_end,
                    };
                    Some((parts, u_end))
                })
            })
        })
}

/// `(?P<on>WORD)\s+(?P<ou>days|nights|weeks)\s+of\s+(?P<onoun>[a-z]+)` at `p`.
fn of_form(t: &str, p: usize) -> Option<(DurationParts, usize)> {
    let b = t.as_bytes();
    number_word_ends(b, p).into_iter().flatten().find_map(|n| {
        let u = spaces1(t, n)?;
        let u_end = ["days", "nights", "weeks"]
            .iter()
            .find_map(|w| word_cs(b, u, w))?;
        let of = word_cs(b, spaces1(t, u_end)?, "of")?;
        let noun = spaces1(t, of)?;
        let noun_end = super::scan::run_end(b, noun, u8::is_ascii_lowercase);
        (noun_end > noun).then(|| {
            let parts = DurationParts::Of {
                n: p..n,
                u: u..u_end,
                noun: noun..noun_end,
            };
            (parts, noun_end)
        })
    })
}

#[cfg(test)]
mod tests {
    use super::super::scan::{agree_on, from_slots, spaced, SEPS};
    use super::*;

    type Groups = Vec<Option<Range<usize>>>;

    /// The group names in the order [`groups`] lists them.
    const NAMES: [&str; 11] = [
        "q", "cn", "cu", "cold", "lead", "q2", "fn", "fu", "on", "ou", "onoun",
    ];

    /// The whole match, then every named group, of one scanner match.
    fn groups(m: &DurationCaps) -> Groups {
        let mut g: Groups = vec![Some(m.all.clone()), m.q.clone()];
        g.resize(NAMES.len() + 1, None);
        let mut set = |name: &str, r: Option<Range<usize>>| {
            let k = NAMES.iter().position(|&n| n == name).unwrap_or(0);
            g[k + 1] = r;
        };
        match &m.form {
            DurationParts::Compound { n, u, old } => {
                set("cn", Some(n.clone()));
                set("cu", Some(u.clone()));
                set("cold", old.clone());
            }
            DurationParts::Lasting { lead, q2, n, u } => {
                set("lead", Some(lead.clone()));
                set("q2", q2.clone());
                set("fn", Some(n.clone()));
                set("fu", Some(u.clone()));
            }
            DurationParts::Of { n, u, noun } => {
                set("on", Some(n.clone()));
                set("ou", Some(u.clone()));
                set("onoun", Some(noun.clone()));
            }
        }
        g
    }

    fn oracle(t: &str) -> Vec<Groups> {
        super::super::duration_re()
            .captures_iter(t)
            .map(|c| {
                let mut g = vec![c.get(0).map(|m| m.range())];
                g.extend(NAMES.iter().map(|n| c.name(n).map(|m| m.range())));
                g
            })
            .collect()
    }

    fn scan(t: &str) -> Vec<Groups> {
        durations(t).map(|m| groups(&m)).collect()
    }

    /// Pieces of the grammar and around it: qualifiers, number words in any case, digits,
    /// hyphens, "-long", "-old", units, leads, "of", nouns, spaces of every kind, glued word
    /// characters and Unicode letters.
    const PIECES: [&str; 78] = [
        " ",
        " ",
        " ",
        " ",
        "  ",
        "\t",
        "\n",
        "\u{a0}",
        "\u{2009}",
        "-",
        "-",
        "day",
        "days",
        "night",
        "nights",
        "week",
        "weeks",
        "month",
        "months",
        "year",
        "years",
        "hour",
        "hours",
        "Day",
        "-long",
        "-old",
        " old",
        "old",
        "of",
        "for",
        "For",
        "FOR",
        "lasted",
        "lasts",
        "ran",
        "runs",
        "run",
        "spanned",
        "spans",
        "about",
        "About",
        "close",
        "to",
        "less",
        "than",
        "just",
        "under",
        "over",
        "at least",
        "well",
        "only",
        "some",
        "two",
        "Three",
        "TWENTY",
        "twenty-five",
        "a",
        "An",
        "1",
        "12",
        "345",
        "2024",
        "talks",
        "summit",
        "x",
        "_",
        "é",
        "É",
        "’",
        ",",
        ".",
        "s",
        "0",
        "one",
        "nearly",
        "exactly",
        "more",
        "-day",
    ];

    /// The scanner gives the regex's matches, every group span included, on generated texts:
    /// pieces glued at random, and words with separators between them.
    #[test]
    fn agrees_with_the_regex_on_generated_texts() {
        let mut total = 0;
        for (seed, n, runs) in [
            (0x9e37_79b9_7f4a_7c15, 6, 30_000),
            (0x2545_f491_4f6c_dd1d, 12, 10_000),
        ] {
            total += crate::test_text::agree(seed, &PIECES, (n, runs), oracle, scan);
        }
        let mut rng = crate::test_text::Pieces::new(0xd1b5_4a32_d192_ed03);
        let texts = (0..40_000).map(|k| spaced(&mut rng, &PIECES, &SEPS, 3 + k % 8));
        total += agree_on(texts, oracle, scan);
        let sep: &[&str] = &[" ", " ", " ", "", "  ", "\t", "\u{a0}", ","];
        let slots: &[&[&str]] = &[
            &["", "", "x", "_", "é", "(", "once"],
            &[
                "about",
                "Some",
                "close to",
                "just under",
                "just",
                "at least",
                "",
                "",
                "",
            ],
            sep,
            &[
                "for", "lasted", "Runs", "run", "spans", "", "", "", "", "ranx",
            ],
            &["", "", " for", "  for", " For"],
            sep,
            &["nearly", "more than", "", "", "", ""],
            sep,
            &[
                "25",
                "1",
                "1234",
                "two",
                "Twenty-Five",
                "a",
                "An",
                "for",
                "x-y",
                "days",
            ],
            &["-", "-", " ", " ", "", "\u{a0}", "--"],
            &[
                "day", "days", "night", "weeks", "month", "years", "hour", "Day", "dayx",
            ],
            &["", "", "", "-long", "-old", " old", "-longer", "s", " old_"],
            sep,
            &["", "", "of", "of", "Of", "summit", "state visit"],
            sep,
            &["talks", "the", "", "T", "é", "visit"],
        ];
        let texts = (0..40_000).map(|_| from_slots(&mut rng, slots));
        total += agree_on(texts, oracle, scan);
        assert!(total > 12_000, "{total}");
    }

    /// The same on every fixture, whole and line by line.
    #[test]
    fn agrees_with_the_regex_on_the_fixtures() {
        let mut total = 0;
        for text in super::super::scan::fixture_texts() {
            let want = oracle(&text);
            assert_eq!(scan(&text), want);
            total += want.len();
        }
        assert!(total > 20, "{total}");
    }

    #[test]
    fn forms_and_priorities() {
        let t = "about two-day-long summit; just under 3 weeks; lasted for days; x4-day; Five days of talks";
        let got: Vec<&str> = durations(t).map(|m| &t[m.all]).collect();
        assert_eq!(
            got,
            vec![
                "about two-day-long",
                "lasted for days",
                "Five days of talks"
            ]
        );
        assert_eq!(scan(t), oracle(t));
    }
}
