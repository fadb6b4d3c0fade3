//! `L001 event-location-conflict`: one event placed in two places that cannot both hold.

use crate::article::SegmentKind;
use crate::claims::events::{ClaimForm, EventClaim};
use crate::claims::places::{PlaceMention, PlaceRole};
use crate::diagnostic::{Diagnostic, Severity};
use crate::knowledge::gazetteer::{self, PlaceId, PlaceKind, Within};
use crate::rules::trace::Outcome;
use crate::rules::{Context, Rule, RuleMeta};

static META: RuleMeta = rule_meta! {
    code: "L001",
    name: "event-location-conflict",
    category: Places,
    default_severity: Severity::Error,
    summary: "One event is placed in two places that cannot both hold",
    explanation: "\
## What it checks
Explicit location claims about the same event (summit, talks, meeting, conference, election,
attack, match, race, festival, concert, trial, and incidents: crash, shooting, stabbing, murder,
fire, explosion, flood, robbery, arrest, death): \"summit in X\", \"the summit, which took place
in X\", \"talks held in X\", \"was found dead at a house in X\", \"the match at Edgbaston\",
\"X summit\" (a city, or a region adjective such as \"Balkan\"; in the headline also a country:
\"Albania summit\"). A headline verb stands for its noun (\"Leaders meet in Lisbon\" is the
meeting). Places go down to second-level divisions (Fife, County Clare), towns and curated
venues (Edgbaston is in Birmingham). Two claims conflict
when no reading of one place lies within a reading of the other (city within first-level
division within country within region; partial region members such as Romania and the Balkans
are compatible). Ambiguous names (Paris, Georgia) keep all their readings: a conflict is reported
only when none fits.

Claims about another occurrence of the event are ignored: time-shift words (\"last year's\",
\"previous\", \"next\", \"former\", a year), an indefinite article in the body (\"a summit in\"),
relocation or hypothetical wording (\"moved to\", \"originally\", \"would\"), and body nouns that
are not definite — except in the lede, where an incident is introduced with \"a\" (\"A man has died
in a crash near Kirkcaldy\") and where a headline indefinite about its event is matched by the
lede's. An event said to move on (\"took place in London on Monday, continued in Brussels\") is at
both places. The dateline (where the reporter filed from) and mentions such as \"joined by
video from Kyiv\" are not location claims. A place inside a quotation lowers the severity one
level.

## Why it matters
An article that puts one event in two places is wrong in at least one of them, and the headline
is the part readers remember.

## Example

```text
Zelenskyy seeks support at Balkan summit in Albania

The summit, which took place in Kyiv, ended with a joint declaration.
```

claimlint reports L001 (error). Kyiv is in Ukraine, not in Albania, and Ukraine is not in the \
Balkans.

```text
Match in London

England beat Brazil 2-1 on Saturday. The match was played at Wembley.
```

claimlint reports nothing. Wembley is in London: the two claims fit.
",
};

/// The `event-location-conflict` rule.
pub struct EventLocationConflict;

/// The registered instance (see `build.rs`).
pub(crate) static RULE: &dyn Rule = &EventLocationConflict;

impl Rule for EventLocationConflict {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let claims = &cx.mentions.events;
        let places = &cx.mentions.places;
        if claims.len() < 2 {
            return;
        }
        // One group per event noun and name ("the meeting" and "the OPEC meeting" differ).
        let mut events: Vec<(&str, Option<&str>)> = claims
            .iter()
            .map(|c| (c.event, c.qualifier.as_deref()))
            .collect();
        events.sort_unstable();
        events.dedup();
        for (event, qualifier) in events {
            let group = sites(
                claims
                    .iter()
                    .filter(|c| c.event == event && c.qualifier.as_deref() == qualifier),
                places,
            );
            if let Some(d) = conflict(cx, event, &group, places) {
                out.push(d);
            }
        }
    }
}

/// One claim per distinct place of an event (the same place stated ten times is one site):
/// its first statement in the body if there is one, else its first statement; marked quoted
/// only when every statement of it is quoted. Keeps the work and the labels proportional to the
/// number of distinct places, not of statements.
fn sites<'a>(
    claims: impl Iterator<Item = &'a EventClaim>,
    places: &[PlaceMention],
) -> Vec<EventClaim> {
    let mut out: Vec<EventClaim> = Vec::new();
    for c in claims {
        let Some(p) = places.get(c.place) else {
            continue;
        };
        match out.iter_mut().find(|s| {
            places
                .get(s.place)
                .is_some_and(|q| q.readings == p.readings && q.role == p.role)
        }) {
            Some(site) => {
                let quoted = site.quoted && c.quoted;
                let moves = site.moves || c.moves;
                if site.segment != SegmentKind::Paragraph && c.segment == SegmentKind::Paragraph {
                    *site = c.clone();
                }
                site.quoted = quoted;
                site.moves = moves;
            }
            None => out.push(c.clone()),
        }
    }
    out
}

/// Smallest population at which a city stands for itself wherever the article is set.
const KNOWN_CITY: u32 = 150_000;

/// Whether a place's readings can be trusted to clash: a region, country or division; a city
/// of 150,000 or more or a known venue (Cannes); or a city in a country the article names
/// elsewhere. A smaller city in a
/// country the article never mentions is more likely an unlisted district or suburb sharing its
/// name (Westminster, Soho) than a contradiction.
fn trusted(
    p: &PlaceMention,
    name: &str,
    places: &[PlaceMention],
    article: &crate::article::Article,
) -> bool {
    p.readings.iter().any(|&r| {
        gazetteer::place(r).is_some_and(|pl| {
            pl.kind != PlaceKind::City
                || pl.population >= KNOWN_CITY
                || gazetteer::is_known_venue(r)
                || pl.country.is_some_and(|c| {
                    // Named by a country, division or large city elsewhere; a small namesake
                    // does not name the country (Glastonbury, Connecticut).
                    places.iter().any(|q| {
                        !article.slice(q.span).eq_ignore_ascii_case(name)
                            && q.readings.iter().any(|&x| {
                                gazetteer::place(x).is_some_and(|xp| {
                                    xp.country == Some(c)
                                        && (xp.kind != PlaceKind::City
                                            || xp.population >= KNOWN_CITY)
                                })
                            })
                    })
                })
        })
    })
}

fn fits(a: &PlaceMention, b: &PlaceMention) -> bool {
    a.readings
        .iter()
        .any(|&x| b.readings.iter().any(|&y| gazetteer::compatible(x, y)))
}

/// True when the most likely readings of both mentions are cities or divisions of one country:
/// they may be a city and its district or suburb (London / Soho, Manchester / Salford) or
/// overlapping units the gazetteer does not nest (Crimea / Sevastopol), so the clash is only a
/// warning.
///
/// Not so when the gazetteer knows both places to the second level: two second-level divisions
/// (Fife / East Dunbartonshire), a division and a city or venue whose division is known to be
/// another, or two venues (Edgbaston / Headingley) are certainly apart.
fn same_country_places(a: &PlaceMention, b: &PlaceMention) -> bool {
    let local = |k: PlaceKind| {
        matches!(
            k,
            PlaceKind::City | PlaceKind::Admin1 | PlaceKind::Admin2 | PlaceKind::Venue
        )
    };
    match (
        gazetteer::place(main_reading(a)),
        gazetteer::place(main_reading(b)),
    ) {
        (Some(x), Some(y)) => {
            local(x.kind)
                && local(y.kind)
                && x.country.is_some()
                && x.country == y.country
                && !known_apart(&x, &y)
        }
        _ => false,
    }
}

/// True when two places of one country are certainly apart at the second level (see
/// [`same_country_places`]).
fn known_apart(x: &gazetteer::Place, y: &gazetteer::Place) -> bool {
    let venue = |p: &gazetteer::Place| p.kind == PlaceKind::Venue;
    let admin2 = |p: &gazetteer::Place| p.kind == PlaceKind::Admin2;
    if venue(x) && venue(y) {
        return x.city != y.city;
    }
    if admin2(x) || admin2(y) {
        return x.admin2.is_some() && y.admin2.is_some() && x.admin2 != y.admin2;
    }
    false
}

/// True when a claim is "X summit" with a city or division as X: the place may be the topic
/// rather than the venue ("the Gaza summit" held in Cairo), so it clashes only as a warning.
fn attributive_city(c: &EventClaim, p: &PlaceMention) -> bool {
    c.form == ClaimForm::Attributive && matches!(p.role, PlaceRole::Name | PlaceRole::Demonym)
}

/// The most likely reading, for messages: a country, else a region, else the most populous
/// city, else a division (Manchester is the English city, not the Jamaican parish).
fn main_reading(p: &PlaceMention) -> PlaceId {
    p.readings
        .iter()
        .copied()
        .max_by_key(|&r| {
            gazetteer::place(r).map_or((0, 0), |pl| {
                (
                    match pl.kind {
                        PlaceKind::Country => 3,
                        PlaceKind::Region => 2,
                        PlaceKind::City | PlaceKind::Venue => 1,
                        PlaceKind::Admin1 | PlaceKind::Admin2 => 0,
                    },
                    pl.population,
                )
            })
        })
        .unwrap_or(u32::MAX)
}

fn conflict(
    cx: &Context<'_>,
    event: &str,
    group: &[EventClaim],
    places: &[PlaceMention],
) -> Option<Diagnostic> {
    let place_at = |i: usize| group.get(i).and_then(|c| places.get(c.place));
    let trust: Vec<bool> = group
        .iter()
        .map(|c| {
            places
                .get(c.place)
                .is_some_and(|p| trusted(p, cx.article.slice(p.span), places, cx.article))
        })
        .collect();
    // An event that moves on between places ("in London on Monday, continued in Brussels")
    // is at each of them: a claim that fits one of its places does not clash with the others.
    let fits_moving = |i: usize| {
        let Some(target) = place_at(i) else {
            return false;
        };
        group
            .iter()
            .any(|m| m.moves && places.get(m.place).is_some_and(|q| fits(q, target)))
    };
    let clash = |i: usize, j: usize| {
        let (Some(ci), Some(cj), Some(pi), Some(pj)) =
            (group.get(i), group.get(j), place_at(i), place_at(j))
        else {
            return false;
        };
        i != j
            && trust.get(i) == Some(&true)
            && trust.get(j) == Some(&true)
            && !fits(pi, pj)
            && !((ci.moves && fits_moving(j)) || (cj.moves && fits_moving(i)))
    };
    record(cx, event, group, places, &trust);
    // Sites that clash with at least one other site of the same event.
    let clashing: Vec<usize> = (0..group.len())
        .filter(|&i| (0..group.len()).any(|j| clash(i, j)))
        .collect();
    if clashing.is_empty() {
        return None;
    }
    // Primary: the first clashing claim in the body (a place name), else the first clashing one.
    let primary = clashing
        .iter()
        .copied()
        .find(|&i| {
            group
                .get(i)
                .is_some_and(|c| c.segment == SegmentKind::Paragraph)
                && place_at(i).is_some_and(|p| p.role == PlaceRole::Name)
        })
        .or(clashing.first().copied())?;
    let c_primary = group.get(primary)?;
    let p = place_at(primary)?;
    let p_name = cx.article.slice(p.span);
    let p_main = main_reading(p);
    let others: Vec<usize> = clashing
        .iter()
        .copied()
        .filter(|&i| clash(primary, i))
        .collect();

    // Place reasons first ("Kyiv is in Ukraine, not in Albania"), then region reasons merged
    // per subject ("Ukraine is not in the Balkans or Southeast Europe").
    let mut reasons: Vec<String> = Vec::new();
    let mut regions: Vec<(String, Vec<String>)> = Vec::new();
    let mut other_names = Vec::new();
    for &i in &others {
        let Some(o) = place_at(i) else {
            continue;
        };
        let o_name = cx.article.slice(o.span);
        match reason(p_name, p, o_name, o) {
            Reason::Text(t) => reasons.push(t),
            Reason::NotInRegion(subject, region) => {
                match regions.iter_mut().find(|(s, _)| *s == subject) {
                    Some((_, list)) => list.push(region),
                    None => regions.push((subject, vec![region])),
                }
            }
        }
        if o.role == PlaceRole::Name {
            other_names.push(o_name.to_string());
        }
    }
    dedup_keep_order(&mut reasons);
    for (subject, mut list) in regions {
        dedup_keep_order(&mut list);
        reasons.push(format!("{subject} is not in {}", list.join(" or ")));
    }
    dedup_keep_order(&mut other_names);
    let the_event = format!("the {event}");
    let message = if other_names.is_empty() {
        format!(
            "{the_event} {} placed in {} but also described as {}: {}",
            is_are(event),
            gazetteer::describe(p_main),
            others
                .iter()
                .filter_map(|&i| place_at(i))
                .map(|o| format!("a {} {event}", cx.article.slice(o.span)))
                .collect::<Vec<_>>()
                .join(" and "),
            reasons.join("; ")
        )
    } else {
        format!(
            "{the_event} {} placed both in {p_name} and in {}: {}",
            is_are(event),
            join_and(&other_names),
            reasons.join("; ")
        )
    };
    let quoted = group
        .iter()
        .enumerate()
        .any(|(i, c)| (i == primary || others.contains(&i)) && c.quoted);
    // Two places of one country may be a city and its suburb or district; a city before the
    // noun may be the topic: either makes the clash a warning.
    let neighbours = others
        .iter()
        .all(|&i| place_at(i).is_some_and(|o| same_country_places(p, o)));
    let topical = others.iter().all(|&i| {
        attributive_city(c_primary, p)
            || group
                .get(i)
                .zip(place_at(i))
                .is_some_and(|(c, o)| attributive_city(c, o))
    });
    let events = if event.ends_with('s') {
        event.to_string()
    } else {
        format!("{event}s")
    };
    let help = if topical && !neighbours {
        format!(
            "a place before \"{event}\" may be its topic rather than its venue; if it is the \
             venue, one of the two places is wrong"
        )
    } else if neighbours {
        format!(
            "these are two places in one country: if one is a district or suburb of the other, \
             say so; otherwise correct the {event}'s place"
        )
    } else {
        format!(
            "one event cannot be in both places: check which is right and correct the other; if \
             these are different {events}, make that explicit (\"last year's {event} in ...\")"
        )
    };
    let mut d = META
        .report(META.severity_for(quoted || neighbours || topical), message)
        .help(help)
        .primary(
            p.span,
            format!(
                "{the_event} {} placed in {} here",
                is_are(event),
                gazetteer::describe(p_main)
            ),
        );
    for &i in &others {
        let (Some(c), Some(o)) = (group.get(i), place_at(i)) else {
            continue;
        };
        let where_ = match c.segment {
            SegmentKind::Headline => " in the headline",
            _ => "",
        };
        let msg = match (c.form, o.role) {
            (ClaimForm::Attributive, PlaceRole::Adjective) => {
                format!("a {} {event}{where_}", cx.article.slice(o.span))
            }
            _ => format!(
                "{the_event} {} placed in {}{where_}",
                is_are(event),
                gazetteer::describe(main_reading(o))
            ),
        };
        d = d.secondary(o.span, msg);
    }
    Some(d.build())
}

/// Record every pairwise decision of one event's sites for the claims view: consistent when
/// some readings nest, a conflict when none do, skipped when a place is too small to be trusted
/// (a possible unlisted district).
fn record(
    cx: &Context<'_>,
    event: &str,
    group: &[EventClaim],
    places: &[PlaceMention],
    trust: &[bool],
) {
    if !cx.trace.enabled() {
        return;
    }
    let place_at = |i: usize| group.get(i).and_then(|c| places.get(c.place));
    let name = |i: usize| place_at(i).map_or("", |p| cx.article.slice(p.span));
    for i in 0..group.len() {
        for j in i + 1..group.len() {
            let (Some(a), Some(b)) = (place_at(i), place_at(j)) else {
                continue;
            };
            let spans = [a.span, b.span];
            let (ti, tj) = (trust.get(i) == Some(&true), trust.get(j) == Some(&true));
            let (outcome, note) = if !(ti && tj) {
                let small = if ti { name(j) } else { name(i) };
                (
                    Outcome::Skipped,
                    format!(
                        "{small} is a small city in a country the article does not name (maybe \
                         an unlisted district)"
                    ),
                )
            } else if fits(a, b) {
                (
                    Outcome::Consistent,
                    format!("the {event}: {} and {} can both hold", name(i), name(j)),
                )
            } else {
                // The later claim as the subject: usually the body's, as in the diagnostic.
                let text = match reason(name(j), b, name(i), a) {
                    Reason::Text(t) => t,
                    Reason::NotInRegion(subject, region) => format!("{subject} is not in {region}"),
                };
                (Outcome::Conflict, format!("the {event}: {text}"))
            };
            cx.compared(&META.code, &spans, outcome, || note);
        }
    }
}

/// Why two claimed places clash.
enum Reason {
    /// A full sentence fragment.
    Text(String),
    /// (subject, region phrase): "Ukraine" is not in "the Balkans".
    NotInRegion(String, String),
}

/// Why `p` cannot lie within or contain `o`, in words.
fn reason(p_name: &str, p: &PlaceMention, o_name: &str, o: &PlaceMention) -> Reason {
    let pr = main_reading(p);
    let or = main_reading(o);
    let (Some(pp), Some(op)) = (gazetteer::place(pr), gazetteer::place(or)) else {
        return Reason::Text(format!("{p_name} and {o_name} are different places"));
    };
    let p_country = pp.country.and_then(gazetteer::place);
    let ambiguous = if countries(p) > 1 || countries(o) > 1 {
        " (no reading of either name fits the other)"
    } else {
        ""
    };
    let text = match (op.kind, p_country) {
        (PlaceKind::Region, Some(c)) => {
            let member = gazetteer::within(c.id, or) != Within::No;
            let subject = if pp.kind == PlaceKind::Country || member {
                pp.name
            } else {
                c.name
            };
            return Reason::NotInRegion(
                gazetteer::with_article(subject),
                format!("{}{ambiguous}", region_phrase(op.name)),
            );
        }
        (PlaceKind::Country, Some(c)) if pp.kind != PlaceKind::Country => {
            format!(
                "{p_name} is in {}, not in {}",
                gazetteer::with_article(c.name),
                gazetteer::with_article(op.name)
            )
        }
        _ => format!(
            "{} and {} are different places",
            gazetteer::describe(pr),
            gazetteer::describe(or)
        ),
    };
    Reason::Text(format!("{text}{ambiguous}"))
}

/// In how many countries the readings of a mention lie.
fn countries(p: &PlaceMention) -> usize {
    let mut c: Vec<Option<PlaceId>> = p
        .readings
        .iter()
        .map(|&r| gazetteer::place(r).and_then(|pl| pl.country))
        .collect();
    c.sort_unstable();
    c.dedup();
    c.len()
}

fn region_phrase(name: &str) -> String {
    if name.ends_with('s')
        || name.starts_with("Middle")
        || name.starts_with("Caucasus")
        || name.starts_with("Horn")
        || name.contains("Union")
    {
        format!("the {name}")
    } else {
        name.to_string()
    }
}

fn is_are(event: &str) -> &'static str {
    if event == "talks" {
        "are"
    } else {
        "is"
    }
}

fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [a] => a.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

fn dedup_keep_order(v: &mut Vec<String>) {
    let mut seen = std::collections::HashSet::new();
    v.retain(|s| seen.insert(s.clone()));
}

#[cfg(test)]
mod tests {
    use crate::rules::trace::Outcome;

    const BALKAN: &str = include_str!("../../fixtures/balkan-summit.txt");

    /// The claims view shows which places L001 weighed against each other, and how it ended.
    #[test]
    fn comparisons_are_recorded_for_the_claims_view() {
        let a = crate::input::plain::parse(std::sync::Arc::from(BALKAN));
        let report = crate::claims(&a, &crate::Settings::default());
        let l001: Vec<(Vec<&str>, Outcome)> = report
            .comparisons
            .iter()
            .filter(|c| c.rule == "L001")
            .map(|c| (c.spans.iter().map(|s| a.slice(*s)).collect(), c.outcome))
            .collect();
        assert!(
            l001.contains(&(vec!["Albania", "Kyiv"], Outcome::Conflict)),
            "{l001:?}"
        );
        let notes: Vec<&str> = report
            .comparisons
            .iter()
            .filter(|c| c.rule == "L001")
            .map(|c| c.note.as_str())
            .collect();
        assert!(
            notes.contains(&"the summit: Kyiv is in Ukraine, not in Albania"),
            "{notes:?}"
        );
        assert!(
            notes.contains(&"the summit: Ukraine is not in the Balkans"),
            "{notes:?}"
        );
        // Nothing is recorded during a plain check.
        assert_eq!(
            crate::check(&a, &crate::Settings::default())
                .diagnostics
                .len(),
            2
        );
    }
}
