//! Synthetic articles: sentence templates written by us, filled with names, places, numbers and
//! dates drawn by the seeded PRNG, so that every generated article is consistent (the age fits
//! the birth year, the parts fit the total, ...). The harness then applies the same perturbation
//! functions as on the real corpus.
//!
//! These measure the rules on forms we wrote, not on real prose: the results are reported in a
//! separate table. Each kind has at least 20 templates.

use chrono::{Datelike, Duration, NaiveDate};

use crate::perturb::ages::age_on;
use crate::perturb::dates::{MONTH_NAMES, WEEKDAYS};
use crate::perturb::NUMBER_WORDS;
use crate::prng::SplitMix64;

/// One generated article and its date.
pub struct Synthetic {
    /// The whole text (headline, blank line, paragraphs).
    pub text: String,
    /// The article's date (passed as the reference date).
    pub reference: NaiveDate,
    /// Which template (index) was used.
    pub template: usize,
}

const GIVEN: &[&str] = &[
    "Anna", "Marek", "Lucia", "Tomas", "Grace", "Ibrahim", "Sofia", "Daniel", "Mei", "Pedro",
    "Helen", "Kofi", "Ingrid", "Rahul", "Claire", "Yusuf", "Elena", "George", "Amara", "Lars",
];
const SURNAMES: &[&str] = &[
    "Halvorsen",
    "Okafor",
    "Brennan",
    "Castell",
    "Whitmore",
    "Lindqvist",
    "Moreau",
    "Taverner",
    "Adeyemi",
    "Kowalczyk",
    "Ferreira",
    "Ashdown",
    "Nakamura",
    "Delacroix",
    "Pemberton",
    "Rinaldi",
    "Sandoval",
    "Hargreaves",
    "Mbeki",
    "Thornbury",
];
/// Towns of our own making or small real ones: none of them matters to the rules.
const TOWNS: &[&str] = &[
    "Tirana", "Valletta", "Tartu", "Bergen", "Ghent", "Porto", "Graz", "Malmo", "Cork", "Split",
    "Aarhus", "Turku", "Brno", "Kaunas", "Lille", "Salzburg", "Bologna", "Leiden", "Krakow",
];
/// Cities and their countries (for L001: statements must share a country).
const CITY_COUNTRY: &[(&str, &str)] = &[
    ("Geneva", "Switzerland"),
    ("Vienna", "Austria"),
    ("Madrid", "Spain"),
    ("Lisbon", "Portugal"),
    ("Oslo", "Norway"),
    ("Warsaw", "Poland"),
    ("Athens", "Greece"),
    ("Cairo", "Egypt"),
    ("Nairobi", "Kenya"),
    ("Tokyo", "Japan"),
    ("Seoul", "South Korea"),
    ("Bangkok", "Thailand"),
    ("Lima", "Peru"),
    ("Havana", "Cuba"),
    ("Ottawa", "Canada"),
    ("Canberra", "Australia"),
    ("Helsinki", "Finland"),
    ("Budapest", "Hungary"),
    ("Dublin", "Ireland"),
    ("Stockholm", "Sweden"),
];
const ITEMS_CAP: &[&str] = &[
    "Albania",
    "Greece",
    "Romania",
    "Bulgaria",
    "Croatia",
    "Serbia",
    "Slovenia",
    "Hungary",
    "Latvia",
    "Estonia",
    "Lithuania",
    "Malta",
    "Cyprus",
    "Iceland",
    "Belgium",
    "Chad",
    "Mali",
    "Niger",
    "Togo",
    "Benin",
];
const ITEMS_LOWER: &[&str] = &[
    "wheat", "barley", "maize", "rice", "soybeans", "cotton", "coffee", "cocoa", "oats", "rye",
];

const FILLER: &[&str] = &[
    "Officials gave no further details.",
    "The statement was issued after a long session.",
    "Analysts had expected the move.",
    "Local media carried the report.",
    "A spokesman declined to comment further.",
    "The figures were published by the ministry.",
];

fn pick<'a>(rng: &mut SplitMix64, items: &[&'a str]) -> &'a str {
    rng.pick(items).copied().unwrap_or("")
}

fn name(rng: &mut SplitMix64) -> String {
    format!("{} {}", pick(rng, GIVEN), pick(rng, SURNAMES))
}

/// `n` as a word up to twenty (capitalised when `cap`), else digits.
fn word(n: u64, cap: bool) -> String {
    let w = NUMBER_WORDS
        .get(n as usize)
        .map_or(n.to_string(), |w| w.to_string());
    if cap {
        let mut c = w.chars();
        c.next()
            .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
            .unwrap_or_default()
    } else {
        w
    }
}

/// A date written "March 3" (US) or "3 March" (UK), by `uk`.
fn md(d: NaiveDate, uk: bool) -> String {
    let m = MONTH_NAMES[d.month0() as usize];
    if uk {
        format!("{} {m}", d.day())
    } else {
        format!("{m} {}", d.day())
    }
}

fn weekday(d: NaiveDate) -> &'static str {
    WEEKDAYS[d.weekday().num_days_from_monday() as usize]
}

/// Replace every `{key}` of `template` by its value.
fn fill(template: &str, vars: &[(&str, String)]) -> String {
    let mut out = template.to_string();
    for (k, v) in vars {
        out = out.replace(&format!("{{{k}}}"), v);
    }
    out
}

/// The kinds that have templates.
pub const KINDS: &[&str] = &[
    "place-headline",
    "place-body",
    "list-item",
    "list-count",
    "headline-count",
    "duration-range",
    "age-birth",
    "relative-date",
    "years-ago",
    "parts-total",
    "unit-conversion",
];

const AGE_BIRTH: &[&str] = &[
    "{name}, {age}, who was born in {year}, was named chief executive of the bank.",
    "{name}, {age}, born in {year}, will lead the delegation to {town}.",
    "The new coach, {name}, {age}, born in {year}, joined from {town}.",
    "{name}, aged {age}, born in {year}, was elected to the board.",
    "The {age}-year-old {name}, born in {year}, won the title in {town}.",
    "{name}, {age}, who was born on {bdate}, takes office next week.",
    "Police named the driver as {name}, {age}, born on {bdate}.",
    "The company said {name}, {age}, who was born in {year}, would step down as chairman.",
    "Voters chose {name}, {age}, born in {year}, as mayor of {town}.",
    "Its founder, {name}, aged {age}, who was born on {bdate}, remains the largest shareholder.",
    "The winner, {name}, {age}, born in {year}, is a teacher from {town}.",
    "{name}, {age}, born on {bdate}, is the youngest member of the cabinet.",
    "The {age}-year-old {surname}, born in {year}, signed a three-year contract.",
    "The court heard that {name}, {age}, who was born in {year}, had no previous convictions.",
    "The orchestra appointed {name}, {age}, born in {year}, as its principal conductor.",
    "{name}, aged {age}, born on {bdate}, broke the national record in {town}.",
    "The party picked {name}, {age}, who was born on {bdate}, as its candidate.",
    "Shares rose after {name}, {age}, born in {year}, was confirmed as finance director.",
    "The author, {name}, {age}, born in {year}, lives in {town}.",
    "The {age}-year-old {name}, born on {bdate}, will captain the side.",
    "Rescuers found {name}, {age}, born in {year}, on the mountain near {town}.",
];

const YEARS_AGO: &[&str] = &[
    "The company was founded {n} years ago, in {year}, by {name}.",
    "In {year}, {n} years ago, the plant opened in {town}.",
    "The bridge was built {n} years ago, in {year}, and needs repairs.",
    "The last such strike took place {n} years ago ({year}).",
    "{name} first won the title {n} years ago, in {year}.",
    "The treaty was signed {n} years ago, in {year}, in {town}.",
    "In {year}, {n} years ago, the bank last cut its rate this far.",
    "The festival began {about} {nr} years ago, in {year}, as a village fair.",
    "The mine closed {over} {no} years ago, in {year}.",
    "The museum reopened {n} years ago, in {year}, after a fire.",
    "The law was passed {n} years ago, in {year}, and has never been used.",
    "The team was promoted {n} years ago, in {year}, under {name}.",
    "The airline flew its first route {n} years ago, in {year}.",
    "The school moved to {town} {n} years ago, in {year}.",
    "The border was redrawn {about} {nr} years ago, in {year}.",
    "The census was last held {n} years ago, in {year}.",
    "The ship sank {n} years ago, in {year}, off {town}.",
    "The club last reached the final {n} years ago, in {year}.",
    "{name} left the party {n} years ago, in {year}.",
    "The dam was completed {over} {no} years ago, in {year}, and still supplies {town}.",
    "The records began {n} years ago, in {year}, the agency said.",
];

const DURATION: &[&str] = &[
    "The {dw}-day summit, held {a}-{b} {month} in {town}, ended with a joint statement.",
    "Talks lasted {dw} days, from {month} {a} to {month} {b}, without a deal.",
    "The {dw}-day strike ran from {a} to {b} {month} and closed the port.",
    "Ministers met for {dw} days, {month} {a}-{b}, in {town}.",
    "The {dw}-day festival, from {a} to {b} {month}, drew large crowds to {town}.",
    "The president's {dw}-day visit to {town}, {a}-{b} {month}, was his first abroad.",
    "A {dw}-day conference on {month} {a}-{b} will discuss the budget.",
    "The {dw}-day trade fair opens in {town} on {a}-{b} {month}.",
    "The hearing lasted {dw} days, from {a} to {b} {month}.",
    "The {dw}-day state visit, held {month} {a} to {b}, included talks on trade.",
    "Union leaders called a {dw}-day strike for {a}-{b} {month}.",
    "The {dw}-day meeting in {town} ({a}-{b} {month}) agreed on new quotas.",
    "A {dw}-day tour of {town}, {month} {a}-{b}, was cancelled.",
    "The {dw}-day session of parliament, from {month} {a} to {month} {b}, passed the bill.",
    "The {dw}-day workshop ran {a}-{b} {month} at the university.",
    "The {dw}-day exhibition, held {a}-{b} {month}, attracted buyers from {town}.",
    "The {dw}-day congress in {town}, {month} {a}-{b}, elected a new leader.",
    "Negotiators met for {dw} days, from {a} to {b} {month}, in {town}.",
    "The {dw}-day walkout, {a}-{b} {month}, halted production.",
    "The {dw}-day seminar will be held in {town} from {a} to {b} {month}.",
    "The {dw}-day trip to {town}, from {month} {a} to {month} {b}, was his last.",
];

const RELATIVE: &[&str] = &[
    "The ministers met yesterday ({wy}) in {town}.",
    "The bank will announce its decision tomorrow ({wt}).",
    "Shares fell sharply yesterday ({wy}) after the report.",
    "The talks resume tomorrow, {wt}, in {town}.",
    "The company reported a loss yesterday, {dy}.",
    "The vote is due tomorrow, {dt}.",
    "Parliament approved the bill last {wl}, {dl}.",
    "The minister arrives next {wn}, {dn}, for two days of talks.",
    "Police arrested {name} last {wl}, {dl}, in {town}.",
    "The strike ends next {wn} ({dn}).",
    "The court adjourned the case until next {wn}, {dn}.",
    "Prices were cut yesterday, {dy}, by {pct} percent.",
    "The board meets today ({w0}) to discuss the offer.",
    "The border reopened last {wl} ({dl}).",
    "Trading was suspended yesterday ({wy}) pending an announcement.",
    "The results will be published tomorrow ({wt}).",
    "{name} resigned last {wl}, {dl}, after a row over spending.",
    "The ship is expected in {town} next {wn}, {dn}.",
    "The agency raised its forecast yesterday, {dy}.",
    "The offer closes tomorrow, {dt}, the company said.",
    "The union rejected the offer last {wl}, {dl}.",
];

const PARTS: &[&str] = &[
    "Of the {t} victims, {a} were women and {b} men.",
    "{t} people died in the crash, of whom {a} were women and {b} children.",
    "Of the {t} passengers, {a} were killed and {b} injured.",
    "Of the {t} hostages, {a} were women and {b} children.",
    "{t} people were on board, of whom {a} were men and {b} women.",
    "Of the {t} casualties, {a} were civilians and {b} soldiers.",
    "Of the {t} people arrested, {a} were men and {b} women.",
    "{t} victims were identified, of whom {a} were men and {b} women.",
    "Of the {t} dead, {a} were children and {b} adults.",
    "Of the {t} prisoners freed, {a} were women and {b} men.",
    "Of these {t} refugees, {a} were children and {b} women.",
    "{t} passengers were on the bus, of whom {a} were children and {b} adults.",
    "Of the {t} miners, {a} were killed and {b} injured.",
    "Of the {t} people who died, {a} were civilians and {b} police.",
    "Of the {t} students hurt, {a} were girls and {b} boys.",
    "Of the {t} protesters detained, {a} were women and {b} men.",
    "Of the {t} victims named so far, {a} were civilians and {b} soldiers.",
    "{t} workers were caught in the blast, of whom {a} were killed and {b} injured.",
    "Of the {t} soldiers, {a} were killed and {b} wounded.",
    "Of the {t} crew members, {a} were men and {b} women.",
    "{t} people were evacuated, of whom {a} were children and {b} adults.",
];

/// Conversion templates: (template, first unit factor, second unit factor). `{v1}` is drawn,
/// `{v2}` is the conversion rounded to the decimals of the template (whole numbers here).
const UNITS: &[(&str, f64, f64)] = &[
    (
        "The storm moved {v1} km ({v2} miles) inland.",
        1000.0,
        1609.344,
    ),
    (
        "The town lies {v1} miles ({v2} km) north of {town}.",
        1609.344,
        1000.0,
    ),
    (
        "The ship carried {v1} tonnes ({v2} lb) of grain.",
        1000.0,
        0.453_592,
    ),
    ("The wall is {v1} feet ({v2} metres) high.", 0.3048, 1.0),
    (
        "The fire destroyed {v1} hectares ({v2} acres) of forest.",
        10_000.0,
        4_046.86,
    ),
    (
        "The pipeline will run {v1} km ({v2} miles) to {town}.",
        1000.0,
        1609.344,
    ),
    (
        "The farm covers {v1} acres ({v2} hectares).",
        4_046.86,
        10_000.0,
    ),
    (
        "The tanker spilled {v1} tonnes ({v2} lb) of oil.",
        1000.0,
        0.453_592,
    ),
    ("The tunnel is {v1} metres ({v2} feet) long.", 1.0, 0.3048),
    (
        "Rebels were {v1} km ({v2} miles) from {town}.",
        1000.0,
        1609.344,
    ),
    (
        "The crop weighed {v1} kg ({v2} lb) per plot.",
        1.0,
        0.453_592,
    ),
    (
        "The convoy travelled {v1} miles ({v2} km) overnight.",
        1609.344,
        1000.0,
    ),
    (
        "The tower rises {v1} metres ({v2} feet) above {town}.",
        1.0,
        0.3048,
    ),
    (
        "The road, {v1} km ({v2} miles) long, opened on time.",
        1000.0,
        1609.344,
    ),
    (
        "The reservoir holds {v1} litres ({v2} gallons).",
        1.0,
        3.785_41,
    ),
    (
        "The plant used {v1} gallons ({v2} litres) a day.",
        3.785_41,
        1.0,
    ),
    (
        "The quake struck {v1} km ({v2} miles) below the surface.",
        1000.0,
        1609.344,
    ),
    (
        "The catch rose to {v1} tonnes ({v2} lb) a week.",
        1000.0,
        0.453_592,
    ),
    (
        "The estate of {v1} hectares ({v2} acres) was sold.",
        10_000.0,
        4_046.86,
    ),
    (
        "The runway was extended by {v1} feet ({v2} metres).",
        0.3048,
        1.0,
    ),
    (
        "The border fence, {v1} miles ({v2} km) long, was finished.",
        1609.344,
        1000.0,
    ),
];

const LISTS: &[&str] = &[
    "Ministers from {cw} countries: {list} signed the accord.",
    "The group named {cw} candidates: {list}.",
    "{Cw} nations: {list} have joined the pact.",
    "The ban covers {cw} crops: {lower}.",
    "Only {cw} teams remain: {list}.",
    "The fund invests in {cw} markets: {list}.",
    "The report names {cw} countries: {list}.",
    "The country exports {cw} commodities: {lower}.",
    "Observers came from {cw} states: {list}.",
    "Tariffs rise on {cw} goods: {lower}.",
    "The airline will drop {cw} routes: {list}.",
    "Talks involved {cw} governments: {list}.",
    "The survey covered {cw} crops: {lower}.",
    "The bank has offices in {cw} capitals: {list}.",
    "The quota applies to {cw} grains: {lower}.",
    "Envoys of {cw} countries: {list} walked out.",
    "Prices fell for {cw} products: {lower}.",
    "The tour visits {cw} countries: {list}.",
    "The treaty was ratified by {cw} states: {list}.",
    "Aid went to {cw} neighbouring countries: {list}.",
    "The embargo hit {cw} exports: {lower}.",
];

/// Headline and body for N010: (headline, body sentence); both use `{n}` before the same noun.
const HEADLINE_COUNTS: &[(&str, &str)] = &[
    (
        "Blast kills {n} miners in {town}",
        "An explosion killed {n} miners at a pit near {town}, officials said.",
    ),
    (
        "Police arrest {n} protesters in {town}",
        "Police arrested {n} protesters after clashes in {town}.",
    ),
    (
        "Bus crash kills {n} tourists near {town}",
        "A bus crash near {town} killed {n} tourists, police said.",
    ),
    (
        "Floods: {n} families evacuated in {town}",
        "Officials evacuated {n} families from their homes as floods hit {town}.",
    ),
    (
        "Fire kills {n} people in {town} factory",
        "A fire at a factory in {town} killed {n} people, the fire service said.",
    ),
    (
        "Storm leaves {n} fishermen missing",
        "A storm off {town} left {n} fishermen missing, the coastguard said.",
    ),
    (
        "Troops rescue {n} hostages in {town}",
        "Troops rescued {n} hostages held in {town}, the army said.",
    ),
    (
        "Train collision injures {n} passengers",
        "A collision near {town} injured {n} passengers, rail officials said.",
    ),
    (
        "Quake kills {n} villagers in mountains",
        "The earthquake killed {n} villagers in the mountains above {town}.",
    ),
    (
        "Ferry sinking leaves {n} passengers missing",
        "The sinking of a ferry off {town} left {n} passengers missing.",
    ),
    (
        "Landslide kills {n} workers near {town}",
        "A landslide killed {n} workers on a road near {town}.",
    ),
    (
        "Police arrest {n} suspects after raids",
        "Police arrested {n} suspects in raids across {town}.",
    ),
    (
        "Mine collapse leaves {n} miners missing",
        "The collapse of a mine near {town} left {n} miners missing.",
    ),
    (
        "Heatwave kills {n} people in {town}",
        "The heatwave killed {n} people in {town}, health officials said.",
    ),
    (
        "Avalanche kills {n} skiers near {town}",
        "An avalanche killed {n} skiers on slopes near {town}.",
    ),
    (
        "Riot police injure {n} students",
        "Riot police injured {n} students during a march in {town}.",
    ),
    (
        "Gunmen kill {n} soldiers in ambush",
        "Gunmen killed {n} soldiers in an ambush outside {town}.",
    ),
    (
        "Crash kills {n} people on motorway",
        "A crash on the motorway near {town} killed {n} people.",
    ),
    (
        "Authorities evacuate {n} residents in {town}",
        "Authorities evacuated {n} residents as the river rose in {town}.",
    ),
    (
        "Boat capsizes, {n} migrants missing",
        "A boat capsized off {town} and {n} migrants were missing, officials said.",
    ),
    (
        "Explosion injures {n} workers at plant",
        "An explosion at a chemical plant in {town} injured {n} workers.",
    ),
];

/// L001: (headline, body) each naming the event and its place; `{city}`/`{country}` agree.
const PLACES: &[(&str, &str)] = &[
    ("Talks in {city} end without deal", "The talks in {city} ended on Monday. Delegates said the talks in {country} would resume."),
    ("Summit in {city} opens", "Leaders gathered for the summit in {city}. The summit in {country} is the first in a decade."),
    ("Conference in {city} backs plan", "The conference in {city} backed the plan. Officials at the conference in {country} said more work was needed."),
    ("{city} talks stall", "The {city} talks stalled over money. Envoys left the talks in {city} early."),
    ("Meeting in {city} agrees cuts", "The meeting in {city} agreed output cuts. Ministers at the meeting in {city} were relieved."),
    ("Festival in {city} draws record crowds", "The festival in {city} drew record crowds. Organisers of the festival in {country} were pleased."),
    ("Trial in {city} opens", "The trial in {city} opened with a statement. Lawyers said the trial in {country} could last months."),
    ("Election in {country} goes to second round", "The election in {country} goes to a second round. Turnout in the election in {country} was low."),
    ("{city} summit ends", "The {city} summit ended with a communique. Leaders at the summit in {city} agreed to meet again."),
    ("Match in {city} goes ahead", "The match in {city} will go ahead. Fans travelling to the match in {city} were warned of delays."),
    ("{city} conference closes", "The {city} conference closed on Friday. Delegates left the conference in {country} without a text."),
    ("Attack in {city} condemned", "The attack in {city} was condemned. The attack in {city} killed three people."),
    ("Meeting in {country} ends", "The meeting in {country} ended late. The meeting held in {city} was the third this year."),
    ("{city} festival opens", "The {city} festival opened with a concert. Tickets for the festival in {city} sold out."),
    ("Summit in {country} agrees aid", "The summit in {country} agreed new aid. The summit held in {city} was chaired by the host."),
    ("Trial in {country} adjourned", "The trial in {country} was adjourned. Judges at the trial in {city} gave no reason."),
    ("{city} meeting backs plan", "The {city} meeting backed the plan. Ministers at the meeting in {country} signed it."),
    ("Talks in {country} make progress", "The talks in {country} made progress. Negotiators at the talks held in {city} were upbeat."),
    ("Conference at {city} opens", "The conference at {city} opened on Monday. The conference in {country} runs for a week."),
    ("{city} talks resume", "The {city} talks resumed after a pause. Both sides said the talks in {country} were useful."),
    ("Festival in {country} cancelled", "The festival in {country} was cancelled. Organisers of the festival in {city} blamed the weather."),
];

/// Draw one article for `kind`, or `None` when the kind has no templates.
pub fn generate(kind: &str, rng: &mut SplitMix64) -> Option<Synthetic> {
    let reference =
        NaiveDate::from_ymd_opt(1990, 1, 1)? + Duration::days(rng.below(35 * 365) as i64);
    let town = pick(rng, TOWNS).to_string();
    let person = name(rng);
    let mut vars: Vec<(&str, String)> = vec![
        ("town", town.clone()),
        ("name", person.clone()),
        (
            "surname",
            person.split(' ').nth(1).unwrap_or("").to_string(),
        ),
    ];
    let (template, headline, sentence) = match kind {
        "age-birth" => {
            let t = rng.below(AGE_BIRTH.len());
            let age = 25 + rng.below(50) as i32;
            let year = reference.year() - age - rng.below(2) as i32;
            let birth = NaiveDate::from_ymd_opt(reference.year() - age - 1, 1, 1)?
                + Duration::days(rng.below(730) as i64);
            let exact = age_on(birth, reference);
            let tpl = AGE_BIRTH[t];
            if tpl.contains("{bdate}") {
                let uk = rng.below(2) == 0;
                let bdate = if uk {
                    format!("{} {}", md(birth, true), birth.year())
                } else {
                    format!("{}, {}", md(birth, false), birth.year())
                };
                vars.push(("age", exact.to_string()));
                vars.push(("bdate", bdate));
            } else {
                vars.push(("age", age.to_string()));
                vars.push(("year", year.to_string()));
            }
            (t, format!("{} takes new post", person), fill(tpl, &vars))
        }
        "years-ago" => {
            let t = rng.below(YEARS_AGO.len());
            let n = 3 + rng.below(45) as i32;
            let nr = 10 * (2 + rng.below(4) as i32);
            let no = 10 + rng.below(30) as i32;
            let tpl = YEARS_AGO[t];
            let year = if tpl.contains("{nr}") {
                reference.year() - nr - rng.below(3) as i32 + 1
            } else if tpl.contains("{no}") {
                reference.year() - no - 1 - rng.below(4) as i32
            } else {
                reference.year() - n
            };
            vars.push(("n", n.to_string()));
            vars.push(("nr", nr.to_string()));
            vars.push(("no", no.to_string()));
            vars.push(("about", pick(rng, &["about", "some", "around"]).to_string()));
            vars.push(("over", pick(rng, &["more than", "over"]).to_string()));
            vars.push(("year", year.to_string()));
            (t, format!("{town} marks anniversary"), fill(tpl, &vars))
        }
        "duration-range" => {
            let t = rng.below(DURATION.len());
            let d = 2 + rng.below(5) as u32;
            let month = 1 + rng.below(12) as u32;
            let a = 1 + rng.below(20) as u32;
            vars.push(("dw", word(u64::from(d), false)));
            vars.push(("a", a.to_string()));
            vars.push(("b", (a + d - 1).to_string()));
            vars.push(("month", MONTH_NAMES[month as usize - 1].to_string()));
            (
                t,
                format!("Leaders meet in {town}"),
                fill(DURATION[t], &vars),
            )
        }
        "relative-date" => {
            let t = rng.below(RELATIVE.len());
            let uk = rng.below(2) == 0;
            let y = reference - Duration::days(1);
            let tm = reference + Duration::days(1);
            let last = reference - Duration::days(2 + rng.below(5) as i64);
            let next = reference + Duration::days(2 + rng.below(5) as i64);
            vars.push(("wy", weekday(y).to_string()));
            vars.push(("wt", weekday(tm).to_string()));
            vars.push(("w0", weekday(reference).to_string()));
            vars.push(("dy", md(y, uk)));
            vars.push(("dt", md(tm, uk)));
            vars.push(("wl", weekday(last).to_string()));
            vars.push(("dl", md(last, uk)));
            vars.push(("wn", weekday(next).to_string()));
            vars.push(("dn", md(next, uk)));
            vars.push(("pct", (2 + rng.below(9)).to_string()));
            (t, format!("Markets watch {town}"), fill(RELATIVE[t], &vars))
        }
        "parts-total" => {
            let t = rng.below(PARTS.len());
            let total = 12 + rng.below(300) as u64;
            let a = 1 + rng.below(total as usize / 2) as u64;
            let rest = total - a;
            let b = rest - rng.below(rest as usize / 4 + 1) as u64;
            vars.push(("t", total.to_string()));
            vars.push(("a", a.to_string()));
            vars.push(("b", b.max(1).to_string()));
            (t, format!("Toll rises in {town}"), fill(PARTS[t], &vars))
        }
        "unit-conversion" => {
            let t = rng.below(UNITS.len());
            let (tpl, f1, f2) = UNITS[t];
            let v1 = 5 + rng.below(400) as u64;
            let v2 = (v1 as f64 * f1 / f2).round() as u64;
            vars.push(("v1", v1.to_string()));
            vars.push(("v2", v2.max(1).to_string()));
            (t, format!("Work starts near {town}"), fill(tpl, &vars))
        }
        "list-item" | "list-count" => {
            let t = rng.below(LISTS.len());
            let n = 2 + rng.below(4);
            let tpl = LISTS[t];
            let pool = if tpl.contains("{lower}") {
                ITEMS_LOWER
            } else {
                ITEMS_CAP
            };
            let mut items: Vec<&str> = Vec::new();
            while items.len() < n {
                let w = pick(rng, pool);
                if !items.contains(&w) {
                    items.push(w);
                }
            }
            let list = format!("{} and {}", items[..n - 1].join(", "), items[n - 1]);
            vars.push(("cw", word(n as u64, false)));
            vars.push(("Cw", word(n as u64, true)));
            vars.push(("list", list.clone()));
            vars.push(("lower", list));
            (t, format!("Deal agreed in {town}"), fill(tpl, &vars))
        }
        "headline-count" => {
            let t = rng.below(HEADLINE_COUNTS.len());
            let n = 3 + rng.below(60);
            vars.push(("n", n.to_string()));
            let (h, b) = HEADLINE_COUNTS[t];
            (t, fill(h, &vars), fill(b, &vars))
        }
        "place-headline" | "place-body" => {
            let t = rng.below(PLACES.len());
            let (city, country) = *rng.pick(CITY_COUNTRY)?;
            vars.push(("city", city.to_string()));
            vars.push(("country", country.to_string()));
            let (h, b) = PLACES[t];
            (t, fill(h, &vars), fill(b, &vars))
        }
        _ => return None,
    };
    let filler1 = pick(rng, FILLER);
    let filler2 = pick(rng, FILLER);
    let dateline = format!(
        "{}, {} {} -",
        town.to_uppercase(),
        &MONTH_NAMES[reference.month0() as usize][..3],
        reference.day()
    );
    let text = format!("{headline}\n\n{dateline} {filler1}\n\n{sentence} {filler2}\n");
    Some(Synthetic {
        text,
        reference,
        template,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::perturb::{Doc, KINDS as PERTURB_KINDS};

    #[test]
    fn every_kind_has_twenty_templates() {
        for list in [
            AGE_BIRTH.len(),
            YEARS_AGO.len(),
            DURATION.len(),
            RELATIVE.len(),
            PARTS.len(),
            UNITS.len(),
            LISTS.len(),
            HEADLINE_COUNTS.len(),
            PLACES.len(),
        ] {
            assert!(list >= 20, "{list}");
        }
    }

    #[test]
    fn generation_is_deterministic_and_fills_every_slot() {
        for kind in KINDS {
            for i in 0..50 {
                let a = generate(kind, &mut SplitMix64::for_case(1, &i.to_string(), kind));
                let b = generate(kind, &mut SplitMix64::for_case(1, &i.to_string(), kind));
                let (Some(a), Some(b)) = (a, b) else {
                    panic!("{kind} generates nothing");
                };
                assert_eq!(a.text, b.text);
                assert!(!a.text.contains('{'), "{}", a.text);
            }
        }
    }

    #[test]
    fn most_generated_articles_offer_a_perturbation() {
        // Every template is written in a form the perturbation finds: at least 90% of draws.
        for kind in KINDS {
            let make = PERTURB_KINDS
                .iter()
                .find(|k| k.name == *kind)
                .map(|k| k.make);
            let Some(make) = make else {
                panic!("no perturbation kind {kind}");
            };
            let mut found = 0;
            for i in 0..200 {
                let mut rng = SplitMix64::for_case(7, &i.to_string(), kind);
                let Some(s) = generate(kind, &mut rng) else {
                    continue;
                };
                let doc = Doc::new(&s.text, Some(s.reference));
                if make(&doc, &mut rng).is_some() {
                    found += 1;
                }
            }
            assert!(found >= 180, "{kind}: {found} of 200");
        }
    }
}
