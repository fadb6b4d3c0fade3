//! L001 perturbation: move an event whose place the article states twice.
//!
//! An event statement is an event noun with a place from this module's own small list, either
//! "NOUN [was held] in PLACE" (up to three words between) or "PLACE NOUN" ("Geneva talks"). When
//! two statements with the same event noun name places in the same country (the same city, or a
//! city and its country), one of them is changed to a city (or country) of another country that
//! the article never mentions.

use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

use super::{match_case, Doc, Perturbation};
use crate::prng::SplitMix64;

/// Well-known cities with the ISO code of their country. Deliberately unambiguous names only.
const CITIES: &[(&str, &str)] = &[
    ("London", "GB"),
    ("Edinburgh", "GB"),
    ("Manchester", "GB"),
    ("Glasgow", "GB"),
    ("Birmingham", "GB"),
    ("Liverpool", "GB"),
    ("Cardiff", "GB"),
    ("Belfast", "GB"),
    ("Dublin", "IE"),
    ("Paris", "FR"),
    ("Lyon", "FR"),
    ("Marseille", "FR"),
    ("Brussels", "BE"),
    ("Amsterdam", "NL"),
    ("Rotterdam", "NL"),
    ("The Hague", "NL"),
    ("Luxembourg", "LU"),
    ("Berlin", "DE"),
    ("Bonn", "DE"),
    ("Frankfurt", "DE"),
    ("Munich", "DE"),
    ("Hamburg", "DE"),
    ("Vienna", "AT"),
    ("Geneva", "CH"),
    ("Zurich", "CH"),
    ("Berne", "CH"),
    ("Davos", "CH"),
    ("Rome", "IT"),
    ("Milan", "IT"),
    ("Turin", "IT"),
    ("Madrid", "ES"),
    ("Barcelona", "ES"),
    ("Lisbon", "PT"),
    ("Athens", "GR"),
    ("Stockholm", "SE"),
    ("Oslo", "NO"),
    ("Copenhagen", "DK"),
    ("Helsinki", "FI"),
    ("Reykjavik", "IS"),
    ("Warsaw", "PL"),
    ("Prague", "CZ"),
    ("Budapest", "HU"),
    ("Bucharest", "RO"),
    ("Sofia", "BG"),
    ("Belgrade", "RS"),
    ("Moscow", "RU"),
    ("Kiev", "UA"),
    ("Kyiv", "UA"),
    ("Istanbul", "TR"),
    ("Ankara", "TR"),
    ("Cairo", "EG"),
    ("Riyadh", "SA"),
    ("Tehran", "IR"),
    ("Baghdad", "IQ"),
    ("Jerusalem", "IL"),
    ("Tel Aviv", "IL"),
    ("Beirut", "LB"),
    ("Damascus", "SY"),
    ("Nairobi", "KE"),
    ("Lagos", "NG"),
    ("Johannesburg", "ZA"),
    ("Cape Town", "ZA"),
    ("Pretoria", "ZA"),
    ("Harare", "ZW"),
    ("New Delhi", "IN"),
    ("Delhi", "IN"),
    ("Mumbai", "IN"),
    ("Bombay", "IN"),
    ("Karachi", "PK"),
    ("Islamabad", "PK"),
    ("Beijing", "CN"),
    ("Peking", "CN"),
    ("Shanghai", "CN"),
    ("Hong Kong", "HK"),
    ("Tokyo", "JP"),
    ("Osaka", "JP"),
    ("Seoul", "KR"),
    ("Taipei", "TW"),
    ("Manila", "PH"),
    ("Jakarta", "ID"),
    ("Bangkok", "TH"),
    ("Hanoi", "VN"),
    ("Kuala Lumpur", "MY"),
    ("Singapore", "SG"),
    ("Sydney", "AU"),
    ("Melbourne", "AU"),
    ("Canberra", "AU"),
    ("Wellington", "NZ"),
    ("Auckland", "NZ"),
    ("Washington", "US"),
    ("New York", "US"),
    ("Chicago", "US"),
    ("Los Angeles", "US"),
    ("San Francisco", "US"),
    ("Boston", "US"),
    ("Houston", "US"),
    ("Dallas", "US"),
    ("Detroit", "US"),
    ("Philadelphia", "US"),
    ("Pittsburgh", "US"),
    ("Atlanta", "US"),
    ("Miami", "US"),
    ("Seattle", "US"),
    ("Denver", "US"),
    ("Indianapolis", "US"),
    ("Toronto", "CA"),
    ("Montreal", "CA"),
    ("Ottawa", "CA"),
    ("Vancouver", "CA"),
    ("Mexico City", "MX"),
    ("Havana", "CU"),
    ("Caracas", "VE"),
    ("Bogota", "CO"),
    ("Lima", "PE"),
    ("Buenos Aires", "AR"),
    ("Rio de Janeiro", "BR"),
    ("Sao Paulo", "BR"),
    ("Brasilia", "BR"),
    ("Punta del Este", "UY"),
    ("Montevideo", "UY"),
    ("Quito", "EC"),
];

/// Countries with their ISO code.
const COUNTRIES: &[(&str, &str)] = &[
    ("Britain", "GB"),
    ("England", "GB"),
    ("Scotland", "GB"),
    ("Wales", "GB"),
    ("Ireland", "IE"),
    ("France", "FR"),
    ("Belgium", "BE"),
    ("the Netherlands", "NL"),
    ("Holland", "NL"),
    ("Germany", "DE"),
    ("West Germany", "DE"),
    ("Austria", "AT"),
    ("Switzerland", "CH"),
    ("Italy", "IT"),
    ("Spain", "ES"),
    ("Portugal", "PT"),
    ("Greece", "GR"),
    ("Sweden", "SE"),
    ("Norway", "NO"),
    ("Denmark", "DK"),
    ("Finland", "FI"),
    ("Iceland", "IS"),
    ("Poland", "PL"),
    ("Hungary", "HU"),
    ("Romania", "RO"),
    ("Bulgaria", "BG"),
    ("Russia", "RU"),
    ("the Soviet Union", "RU"),
    ("Ukraine", "UA"),
    ("Turkey", "TR"),
    ("Egypt", "EG"),
    ("Saudi Arabia", "SA"),
    ("Iran", "IR"),
    ("Iraq", "IQ"),
    ("Israel", "IL"),
    ("Lebanon", "LB"),
    ("Syria", "SY"),
    ("Kenya", "KE"),
    ("Nigeria", "NG"),
    ("South Africa", "ZA"),
    ("Zimbabwe", "ZW"),
    ("India", "IN"),
    ("Pakistan", "PK"),
    ("China", "CN"),
    ("Japan", "JP"),
    ("South Korea", "KR"),
    ("Taiwan", "TW"),
    ("the Philippines", "PH"),
    ("Indonesia", "ID"),
    ("Thailand", "TH"),
    ("Vietnam", "VN"),
    ("Malaysia", "MY"),
    ("Australia", "AU"),
    ("New Zealand", "NZ"),
    ("the United States", "US"),
    ("Canada", "CA"),
    ("Mexico", "MX"),
    ("Cuba", "CU"),
    ("Venezuela", "VE"),
    ("Colombia", "CO"),
    ("Peru", "PE"),
    ("Argentina", "AR"),
    ("Brazil", "BR"),
    ("Uruguay", "UY"),
    ("Ecuador", "EC"),
];

/// Replacement places: capitals far from most stories.
const POOL_CITIES: &[&str] = &[
    "Nairobi",
    "Lima",
    "Canberra",
    "Hanoi",
    "Oslo",
    "Lisbon",
    "Reykjavik",
    "Jakarta",
    "Havana",
    "Helsinki",
    "Bucharest",
    "Quito",
    "Manila",
    "Wellington",
    "Ankara",
];
const POOL_COUNTRIES: &[&str] = &[
    "Kenya",
    "Peru",
    "Australia",
    "Vietnam",
    "Norway",
    "Portugal",
    "Iceland",
    "Indonesia",
    "Cuba",
    "Finland",
    "Romania",
    "Ecuador",
    "New Zealand",
    "Turkey",
];

/// Event nouns and the family they belong to (statements are compared within a family).
/// Event nouns and the family they belong to (statements are compared within a family): the
/// events L001 documents (summit, talks, meeting, conference, election, attack, match, festival,
/// trial), so that every injection is one the rule claims to catch.
const EVENTS: &[(&str, &str)] = &[
    ("summit", "summit"),
    ("talks", "talks"),
    ("meeting", "meeting"),
    ("conference", "conference"),
    ("election", "election"),
    ("elections", "election"),
    ("attack", "attack"),
    ("match", "match"),
    ("festival", "festival"),
    ("trial", "trial"),
];

/// A place from our lists: its country code and whether it is a city.
fn lookup(name: &str) -> Option<(&'static str, bool)> {
    let eq = |a: &str| a.eq_ignore_ascii_case(name);
    CITIES
        .iter()
        .find(|(c, _)| eq(c))
        .map(|(_, cc)| (*cc, true))
        .or_else(|| {
            COUNTRIES
                .iter()
                .find(|(c, _)| eq(c))
                .map(|(_, cc)| (*cc, false))
        })
}

fn alternation(items: impl Iterator<Item = &'static str>) -> String {
    let mut v: Vec<&str> = items.collect();
    v.sort_by_key(|s| std::cmp::Reverse(s.len()));
    v.iter()
        .map(|s| regex::escape(s))
        .collect::<Vec<_>>()
        .join("|")
}

fn regexes() -> &'static (Regex, Regex) {
    static RE: OnceLock<(Regex, Regex)> = OnceLock::new();
    RE.get_or_init(|| {
        let place = alternation(CITIES.iter().chain(COUNTRIES).map(|(n, _)| *n));
        let event = alternation(EVENTS.iter().map(|(n, _)| *n));
        let noun_in = Regex::new(&format!(
            r"(?i)\b(?P<ev>{event})(?:\s+[a-z][a-z'\-]*){{0,3}}?\s+(?:in|at)\s+(?P<pl>{place})\b"
        ))
        .expect("static regex");
        let place_noun = Regex::new(&format!(r"(?i)\b(?P<pl>{place})\s+(?P<ev>{event})\b"))
            .expect("static regex");
        (noun_in, place_noun)
    })
}

/// One "event at place" statement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Statement {
    /// The event family ("talks").
    pub family: &'static str,
    /// The place name's bytes.
    pub place: Range<usize>,
    /// The place's country code.
    pub country: &'static str,
    /// True for a city, false for a country.
    pub city: bool,
}

/// Event statements of `doc`, in document order, outside the dateline. A place must be written
/// as in our list or in capitals; the words between noun and place must be lowercase.
pub fn statements(doc: &Doc<'_>) -> Vec<Statement> {
    let (noun_in, place_noun) = regexes();
    let mut out: Vec<Statement> = Vec::new();
    for re in [noun_in, place_noun] {
        for c in re.captures_iter(doc.text) {
            let (Some(ev), Some(pl)) = (c.name("ev"), c.name("pl")) else {
                continue;
            };
            let r = pl.start()..pl.end();
            if doc.in_dateline(&r) {
                continue;
            }
            let Some((country, city)) = lookup(pl.as_str()) else {
                continue;
            };
            let canonical = CITIES
                .iter()
                .chain(COUNTRIES)
                .find(|(n, _)| n.eq_ignore_ascii_case(pl.as_str()))
                .map_or("", |(n, _)| *n);
            let caps = doc.in_caps_line(r.start);
            let written_ok = pl.as_str() == canonical
                || (caps && pl.as_str() == canonical.to_uppercase())
                // "the United States" may start a sentence or a headline.
                || pl.as_str().strip_prefix("The ") == canonical.strip_prefix("the ");
            if !written_ok {
                continue;
            }
            // Event nouns are lowercase in prose ("Geneva Talks Group" is a name), except as the
            // first word of a headline ("Talks in Geneva end").
            let first_word = ev.start() == doc.headline.start;
            let ev_ok = caps || first_word || ev.as_str().chars().all(|ch| ch.is_lowercase());
            let between = &doc.text[ev.end().min(pl.start())..ev.start().max(pl.end())];
            if !ev_ok || (!caps && between.contains(['.', ',', ';', '\n'])) {
                continue;
            }
            let family = EVENTS
                .iter()
                .find(|(n, _)| n.eq_ignore_ascii_case(ev.as_str()))
                .map_or("", |(_, f)| *f);
            out.push(Statement {
                family,
                place: r,
                country,
                city,
            });
        }
    }
    out.sort_by_key(|s| s.place.start);
    out.dedup_by(|b, a| a.place == b.place);
    out
}

/// Pairs (changed, other) of statements of one family naming places in one country, where the
/// changed one is in the headline (`headline == true`) or in the body.
fn pairs(doc: &Doc<'_>, headline: bool) -> Vec<(Statement, Statement)> {
    let st = statements(doc);
    let mut out = Vec::new();
    for a in &st {
        if doc.in_headline(&a.place) != headline {
            continue;
        }
        for b in &st {
            if a.place != b.place && a.family == b.family && a.country == b.country {
                out.push((a.clone(), b.clone()));
            }
        }
    }
    out
}

fn mentioned(text: &str, name: &str) -> bool {
    let lower = text.to_lowercase();
    let n = name.to_lowercase();
    lower.match_indices(&n).any(|(i, _)| {
        let before = lower[..i].chars().next_back();
        let after = lower[i + n.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

fn relocate(doc: &Doc<'_>, rng: &mut SplitMix64, headline: bool) -> Option<Perturbation> {
    let candidates = pairs(doc, headline);
    let (changed, other) = rng.pick(&candidates)?.clone();
    // Countries the article names anywhere (by a city or country of our lists) are excluded.
    let named: Vec<&str> = CITIES
        .iter()
        .chain(COUNTRIES)
        .filter(|(n, _)| mentioned(doc.text, n))
        .map(|(_, cc)| *cc)
        .collect();
    let pool: Vec<&str> = if changed.city {
        POOL_CITIES
    } else {
        POOL_COUNTRIES
    }
    .iter()
    .copied()
    .filter(|p| lookup(p).is_some_and(|(cc, _)| cc != changed.country && !named.contains(&cc)))
    .collect();
    let new = *rng.pick(&pool)?;
    let old = &doc.text[changed.place.clone()];
    let with = match_case(new, old);
    Some(Perturbation {
        summary: format!("{old} → {with}"),
        replace: changed.place.clone(),
        with,
        expected: vec![changed.place, other.place],
    })
}

/// L001: relocate the event in the headline.
pub fn relocate_headline(doc: &Doc<'_>, rng: &mut SplitMix64) -> Option<Perturbation> {
    relocate(doc, rng, true)
}

/// L001: relocate the event in one body statement.
pub fn relocate_body(doc: &Doc<'_>, rng: &mut SplitMix64) -> Option<Perturbation> {
    relocate(doc, rng, false)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::perturb::testutil::check_copy;

    const TEXT: &str = "Arms talks in Geneva stall\n\nGENEVA, March 3 - The Geneva talks, held at \
the Palais, broke up. A meeting in Paris is next. The talks were held in Switzerland.\n";

    #[test]
    fn finds_event_statements_outside_the_dateline() {
        let d = Doc::new(TEXT, None);
        let st: Vec<(&str, &str)> = statements(&d)
            .iter()
            .map(|s| (s.family, &TEXT[s.place.clone()]))
            .collect();
        assert_eq!(
            st,
            vec![
                ("talks", "Geneva"),
                ("talks", "Geneva"),
                ("meeting", "Paris"),
                ("talks", "Switzerland"),
            ]
        );
    }

    #[test]
    fn relocates_headline_statement() {
        let d = Doc::new(TEXT, None);
        for seed in 0..16 {
            let p = relocate_headline(&d, &mut SplitMix64::new(seed)).expect("candidate");
            assert_eq!(p.replace, 14..20);
            assert!(POOL_CITIES.contains(&p.with.as_str()));
            // France and Switzerland are named in the article; the new city is elsewhere.
            assert!(!["CH", "FR"].contains(&lookup(&p.with).map_or("", |(cc, _)| cc)));
            let copy = check_copy(TEXT, &p);
            let e = p.expected_in_copy();
            assert_eq!(&copy[e[0].clone()], p.with);
            assert!(["Geneva", "Switzerland"].contains(&&copy[e[1].clone()]));
        }
    }

    #[test]
    fn relocates_body_statement_as_country_or_city() {
        let d = Doc::new(TEXT, None);
        let mut changed = std::collections::BTreeSet::new();
        for seed in 0..32 {
            let p = relocate_body(&d, &mut SplitMix64::new(seed)).expect("candidate");
            let old = &TEXT[p.replace.clone()];
            changed.insert(old);
            let pool = if old == "Switzerland" {
                POOL_COUNTRIES
            } else {
                POOL_CITIES
            };
            assert!(pool.contains(&p.with.as_str()));
            check_copy(TEXT, &p);
        }
        assert_eq!(
            changed.into_iter().collect::<Vec<_>>(),
            vec!["Geneva", "Switzerland"]
        );
    }

    #[test]
    fn capitals_headline_gets_capitals() {
        let text = "SUMMIT IN PARIS ENDS\n\nLeaders said the summit in Paris was useful.\n";
        let p = relocate_headline(&Doc::new(text, None), &mut SplitMix64::new(5)).expect("case");
        assert_eq!(&text[p.replace.clone()], "PARIS");
        assert_eq!(p.with, p.with.to_uppercase());
        check_copy(text, &p);
    }

    #[test]
    fn headline_may_start_with_the_event_noun() {
        let text =
            "Talks in Geneva end\n\nThe talks in Geneva ended. The Geneva Talks Group met.\n";
        let st = statements(&Doc::new(text, None));
        assert_eq!(st.len(), 2);
        assert_eq!(st[0].place, 9..15);
    }

    #[test]
    fn single_statement_is_not_enough() {
        let text = "Summit ends\n\nThe summit in Paris ended.\n";
        assert_eq!(
            relocate_body(&Doc::new(text, None), &mut SplitMix64::new(1)),
            None
        );
        assert_eq!(
            relocate_headline(&Doc::new(text, None), &mut SplitMix64::new(1)),
            None
        );
    }
}
