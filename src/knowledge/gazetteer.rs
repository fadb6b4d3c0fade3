//! The embedded gazetteer: regions, countries, first- and second-level divisions, cities, towns
//! and venues.
//!
//! Data: `rules/places/` (converted once from GeoNames and curated lists by
//! `scripts/build_gazetteer.py`; GeoNames data is CC BY 4.0, see `rules/places/NOTICE.md`).
//! `build.rs` turns it into static tables and an `fst` map embedded in the binary, so a run does
//! no parsing: the map is opened in place on first use (microseconds). The second-level
//! divisions, towns and venues (over 100,000 rows) are position-independent: one name blob and
//! rows of little-endian `u32`s read in place, so the loader relocates nothing for them and
//! start-up does not grow with them.
//!
//! Depth: second-level divisions (UK counties and council areas, Irish counties, US counties,
//! French departments: `admin2.tsv`), towns and villages of 1,000 or more people
//! (`towns.tsv`, GeoNames places1000) and curated sports grounds and venues (`venues.tsv`).
//! Towns and the short forms of some divisions ("Clare" for County Clare) are [`MINOR`] names:
//! never main names, detected only after a place cue, and, as small places, trusted to clash
//! with another place only where the article names their country. They serve to place or
//! support a headline's county or country: see [`contains`].
//!
//! Names are looked up case-insensitively (Unicode lower case, `’` read as `'`). A name can have
//! several readings (Paris FR / Paris, Texas; Georgia the country / the US state); callers keep
//! all of them unless the text narrows them down.

use std::sync::{OnceLock, RwLock};

use fst::Map;

mod data {
    include!(concat!(env!("OUT_DIR"), "/gazetteer.rs"));
}

static FST_BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gazetteer.fst"));

/// Index of a place in the embedded table.
pub type PlaceId = u32;

const NONE: u32 = u32::MAX;

/// Hit flag: a main, ASCII, alias or curated English name (used to detect places).
pub const MAIN: u8 = 1;
/// Hit flag: an alternate name, used only to decide that two mentions name one place.
pub const ALT: u8 = 2;
/// Hit flag: a demonym ("Ukrainian") of a country.
pub const DEMONYM: u8 = 4;
/// Hit flag: a region adjective ("Balkan").
pub const ADJECTIVE: u8 = 8;
/// Hit flag: a one-word city name that is an ordinary English word (Nice, Reading): detect it
/// only with a place cue.
pub const COMMON_WORD: u8 = 16;
/// Hit flag: a town of the places1000 list or a short division or venue name ("Kilkee",
/// "Clare", "Lord's"): not a main name ([`is_place_name`] ignores it); the toponym extractor
/// reads it as a place only after a place cue ("in Kilkee").
pub const MINOR: u8 = 32;

/// Bits of a packed hit that hold its flags (keep in sync with `build.rs`).
const HIT_SHIFT: u32 = 6;

/// What kind of place an id is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PlaceKind {
    /// A curated grouping of countries (Balkans, EU).
    Region,
    /// A country or territory (ISO 3166-1).
    Country,
    /// A first-level division (US state, Ukrainian oblast).
    Admin1,
    /// A city of 15,000 or more people, or a town of 1,000 or more (population 0: unknown).
    City,
    /// A second-level division (Fife, County Clare, Pierce County, Gironde).
    Admin2,
    /// A sports ground or venue inside a city (Edgbaston, Croke Park).
    Venue,
}

/// One place of the gazetteer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Place {
    /// Its id.
    pub id: PlaceId,
    /// Its kind.
    pub kind: PlaceKind,
    /// Main name ("Kyiv", "Ukraine", "Georgia", "Balkans").
    pub name: &'static str,
    /// Region key, ISO 3166-1 alpha-2 code, admin1 code (`US.GA`) or GeoNames id; empty for
    /// second-level divisions, towns and venues.
    pub code: &'static str,
    /// The country it lies in (itself for a country), if any.
    pub country: Option<PlaceId>,
    /// The first-level division it lies in (itself for a division), if known.
    pub admin1: Option<PlaceId>,
    /// Population (cities only; 0 otherwise, and for towns).
    pub population: u32,
    /// The second-level division it lies in (itself for one), if known.
    pub admin2: Option<PlaceId>,
    /// The city a venue lies in (`None` for other kinds).
    pub city: Option<PlaceId>,
}

/// One reading of a looked-up name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Hit {
    /// The place.
    pub place: PlaceId,
    /// Bit set of [`MAIN`], [`ALT`], [`DEMONYM`], [`ADJECTIVE`], [`COMMON_WORD`], [`MINOR`].
    pub flags: u8,
}

fn map() -> Option<&'static Map<&'static [u8]>> {
    static MAP: OnceLock<Option<Map<&'static [u8]>>> = OnceLock::new();
    MAP.get_or_init(|| Map::new(FST_BYTES).ok()).as_ref()
}

/// The lookup key of a written name: lower case, typographic apostrophes made straight.
pub fn key(name: &str) -> String {
    name.trim().replace('’', "'").to_lowercase()
}

/// Every reading of `name` (case-insensitive), in place-id order. Empty when unknown.
pub fn lookup(name: &str) -> Vec<Hit> {
    readings(name).collect()
}

/// [`lookup`] without collecting: the readings of `name`, in place-id order.
fn readings(name: &str) -> impl Iterator<Item = Hit> {
    hits_of(with_key(name, remembered_value))
}

/// How many keys [`remembered_value`] keeps per thread before it forgets them all: about a
/// megabyte per thread at most (with the place extractor's word memo, peak RSS of the corpus
/// run grew by about 6 MB: docs/performance.md, stop 22).
const REMEMBERED_KEYS: usize = 16_384;

/// The map's value for `key`, remembered per thread across articles: walking the automaton
/// costs well over a thousand instructions per name, and the same names ("London", "Trump")
/// are looked up in article after article. The answers are those of the map, so what is
/// remembered changes no result, only its cost.
fn remembered_value(key: &[u8]) -> Option<u64> {
    thread_local! {
        static VALUES: crate::fast_hash::Memo<[u8], Option<u64>> = Default::default();
    }
    crate::fast_hash::remembered(&VALUES, key, REMEMBERED_KEYS, || {
        map().and_then(|m| m.get(key))
    })
}

/// The readings a map value (`offset << 16 | count`, a slice of `HITS`) stands for; none for
/// `None`.
fn hits_of(value: Option<u64>) -> impl Iterator<Item = Hit> {
    let packed = value
        .and_then(|v| {
            let off = (v >> 16) as usize;
            let n = (v & 0xFFFF) as usize;
            data::HITS.get(off..off + n)
        })
        .unwrap_or(&[]);
    packed.iter().map(|&p| Hit {
        place: p >> HIT_SHIFT,
        flags: (p & ((1 << HIT_SHIFT) - 1)) as u8,
    })
}

/// A walk through the gazetteer's name keys, fed text piece by piece: after text `t` has been
/// pushed it tells whether some name's key starts with the key of `t` and which readings `t`
/// names exactly. Growing a candidate name word by word ("Bosnia", " and", " Herzegovina")
/// then costs one automaton step per new byte, where [`lookup`] and [`has_prefix`] would walk
/// the whole name again for each word.
///
/// Pushed text is keyed as [`key`] keys it (each character lower-cased, `’` read as `'`),
/// except that nothing is trimmed and a capital sigma always lower-cases to `σ`: [`key`]
/// writes `ς` for one that ends a word, so callers should feed text containing `Σ` to
/// [`lookup`] instead.
#[derive(Clone, Copy)]
pub struct NamePrefix {
    fst: &'static fst::raw::Fst<&'static [u8]>,
    node: fst::raw::Node<'static>,
    /// The map output gathered along the walk so far.
    out: u64,
}

impl NamePrefix {
    /// The empty prefix, which every name has; `None` when the embedded map cannot be read.
    pub fn new() -> Option<NamePrefix> {
        let fst = map()?.as_fst();
        Some(NamePrefix {
            fst,
            node: fst.root(),
            out: 0,
        })
    }

    /// Push the characters of `text`. False as soon as no name's key starts with the text
    /// pushed so far; the walk is then left part-way and must not be used again.
    pub fn push(&mut self, text: &str) -> bool {
        text.chars().all(|c| self.push_char(c))
    }

    /// Push one character; false (and the walk unusable) when no name's key starts with the
    /// text pushed so far.
    pub fn push_char(&mut self, c: char) -> bool {
        if c.is_ascii() {
            return self.push_byte((c as u8).to_ascii_lowercase());
        }
        if c == '’' {
            return self.push_byte(b'\'');
        }
        let mut buf = [0u8; 4];
        c.to_lowercase()
            .all(|l| l.encode_utf8(&mut buf).bytes().all(|b| self.push_byte(b)))
    }

    fn push_byte(&mut self, b: u8) -> bool {
        let Some(i) = self.node.find_input(b) else {
            return false;
        };
        let t = self.node.transition(i);
        self.out += t.out.value();
        self.node = self.fst.node(t.addr);
        true
    }

    /// The readings of exactly the text pushed so far, as [`lookup`] gives them; none when it
    /// is only the start of names.
    pub fn readings(&self) -> impl Iterator<Item = Hit> {
        let value = self
            .node
            .is_final()
            .then(|| self.out + self.node.final_output().value());
        hits_of(value)
    }
}

/// True when some key of the map starts with `prefix` (lower-cased): used to stop growing a
/// candidate n-gram early.
pub fn has_prefix(prefix: &str) -> bool {
    let Some(m) = map() else { return false };
    // Walk the automaton byte by byte: a prefix exists when every byte has a transition.
    let fst = m.as_fst();
    with_key(prefix, |k| {
        let mut node = fst.root();
        for &b in k {
            match node.find_input(b) {
                Some(i) => node = fst.node(node.transition(i).addr),
                None => return false,
            }
        }
        true
    })
}

/// Call `f` with the bytes of [`key`]`(name)`. An ASCII name of up to 64 bytes (nearly every
/// lookup) is lower-cased into a stack buffer: no allocation.
fn with_key<T>(name: &str, f: impl FnOnce(&[u8]) -> T) -> T {
    let t = name.trim();
    if t.is_ascii() && t.len() <= 64 {
        let mut buf = [0u8; 64];
        let out = buf.get_mut(..t.len()).unwrap_or_default();
        for (o, b) in out.iter_mut().zip(t.bytes()) {
            *o = b.to_ascii_lowercase();
        }
        f(out)
    } else {
        f(key(name).as_bytes())
    }
}

/// The place with id `id`, or `None` for an unknown id.
pub fn place(id: PlaceId) -> Option<Place> {
    if id as usize >= data::PLACES.len() {
        if let Some(p) = extra_place(id) {
            return Some(p);
        }
        return added_region(id).map(|r| Place {
            id,
            kind: PlaceKind::Region,
            name: r.name,
            code: "",
            country: None,
            admin1: None,
            population: 0,
            admin2: None,
            city: None,
        });
    }
    let &(kind, name, code, country, admin1, population) = data::PLACES.get(id as usize)?;
    Some(Place {
        id,
        kind: table_kind(kind),
        name,
        code,
        country: (country != NONE).then_some(country),
        admin1: (admin1 != NONE).then_some(admin1),
        population,
        admin2: city_admin2(id),
        city: None,
    })
}

/// The kind of a main-table place from its stored code.
fn table_kind(code: u8) -> PlaceKind {
    match code {
        0 => PlaceKind::Region,
        1 => PlaceKind::Country,
        2 => PlaceKind::Admin1,
        _ => PlaceKind::City,
    }
}

/// The kind and population of the place with id `id`: [`place`]'s two fields, without
/// looking up the rest (a city's second-level division) for a place of the main table.
fn kind_and_population(id: PlaceId) -> Option<(PlaceKind, u32)> {
    match data::PLACES.get(id as usize) {
        Some(&(kind, _, _, _, _, population)) => Some((table_kind(kind), population)),
        None => place(id).map(|p| (p.kind, p.population)),
    }
}

/// Names of the extra places (second-level divisions, towns, venues), concatenated.
static EXTRA_NAMES: &str = include_str!(concat!(env!("OUT_DIR"), "/gazetteer_extra_names.txt"));
/// Extra place rows: six little-endian `u32`s each (name offset, name length << 8 | kind,
/// country, admin1, admin2, city; `u32::MAX` for none).
static EXTRA: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gazetteer_extra.bin"));
/// (city id, admin2 id) pairs, sorted, two little-endian `u32`s each.
static CITY_ADMIN2: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gazetteer_city_admin2.bin"));
const EXTRA_ROW: usize = 24;

fn le_u32(bytes: &[u8], at: usize) -> Option<u32> {
    let b: [u8; 4] = bytes.get(at..at + 4)?.try_into().ok()?;
    Some(u32::from_le_bytes(b))
}

/// Number of extra places.
fn extra_len() -> usize {
    EXTRA.len() / EXTRA_ROW
}

/// Ids below this are embedded places; added regions ([`add_region`]) come after.
fn table_len() -> usize {
    data::EXTRA_BASE as usize + extra_len()
}

fn extra_place(id: PlaceId) -> Option<Place> {
    let i = (id as usize).checked_sub(data::EXTRA_BASE as usize)?;
    if i >= extra_len() {
        return None;
    }
    let f = |k: usize| le_u32(EXTRA, i * EXTRA_ROW + 4 * k).unwrap_or(NONE);
    let off = f(0) as usize;
    let len_kind = f(1);
    let name = EXTRA_NAMES.get(off..off + (len_kind >> 8) as usize)?;
    let opt = |v: u32| (v != NONE).then_some(v);
    Some(Place {
        id,
        kind: match len_kind & 0xFF {
            4 => PlaceKind::Admin2,
            6 => PlaceKind::Venue,
            _ => PlaceKind::City,
        },
        name,
        code: "",
        country: opt(f(2)),
        admin1: opt(f(3)),
        population: 0,
        admin2: opt(f(4)),
        city: opt(f(5)),
    })
}

/// The second-level division of a city of the main table, from `city_admin2.tsv`.
fn city_admin2(id: PlaceId) -> Option<PlaceId> {
    let n = CITY_ADMIN2.len() / 8;
    let (mut lo, mut hi) = (0, n);
    while lo < hi {
        let mid = (lo + hi) / 2;
        let k = le_u32(CITY_ADMIN2, mid * 8)?;
        match k.cmp(&id) {
            std::cmp::Ordering::Less => lo = mid + 1,
            std::cmp::Ordering::Greater => hi = mid,
            std::cmp::Ordering::Equal => return le_u32(CITY_ADMIN2, mid * 8 + 4),
        }
    }
    None
}

/// The country (or territory) named `name_or_code`: an ISO 3166-1 alpha-2 code (`UA`,
/// case-insensitive) or a main name of a country ("Ukraine"). `None` when neither.
pub fn country(name_or_code: &str) -> Option<PlaceId> {
    let code = name_or_code.trim();
    if code.len() == 2 && code.bytes().all(|b| b.is_ascii_alphabetic()) {
        let upper = code.to_ascii_uppercase();
        return (0..data::PLACES.len() as PlaceId)
            .filter_map(place)
            .find(|p| p.kind == PlaceKind::Country && p.code == upper)
            .map(|p| p.id);
    }
    lookup(code)
        .iter()
        .filter(|h| h.flags & MAIN != 0)
        .filter_map(|h| place(h.place))
        .find(|p| p.kind == PlaceKind::Country)
        .map(|p| p.id)
}

/// The first-level division of `country` named `name`, case-insensitive: a main name
/// ("Texas", "Lviv"), else an alternate name ("Kyiv" for the oblast the gazetteer calls
/// "Kiev"), also with a trailing " Oblast", " Region", " Province" or " State" dropped
/// ("Kyiv Oblast"). `None` when the country has no division of that name.
pub fn division(name: &str, country: PlaceId) -> Option<PlaceId> {
    let find = |n: &str, flags: u8| {
        lookup(n)
            .iter()
            .filter(|h| h.flags & flags != 0)
            .filter_map(|h| place(h.place))
            .find(|p| p.kind == PlaceKind::Admin1 && p.country == Some(country))
            .map(|p| p.id)
    };
    let name = name.trim();
    let lower = name.to_lowercase();
    let short = [" oblast", " region", " province", " state"]
        .iter()
        .find_map(|s| {
            lower
                .strip_suffix(s)
                .and_then(|_| name.get(..name.len().checked_sub(s.len())?))
        });
    find(name, MAIN)
        .or_else(|| short.and_then(|s| find(s, MAIN)))
        .or_else(|| find(name, ALT))
        .or_else(|| short.and_then(|s| find(s, ALT)))
}

/// The sovereign state of a dependent territory (Hong Kong → China, Greenland → Denmark), from
/// `rules/places/territories.toml`; `None` for any other place.
pub fn sovereign(country: PlaceId) -> Option<PlaceId> {
    data::SOVEREIGN
        .iter()
        .find(|&&(t, _)| t == country)
        .map(|&(_, s)| s)
}

/// True for a smaller city that news names as an event venue (Cannes, Venice, Davos-like
/// places: `known` in `rules/places/curated.toml`).
pub fn is_known_venue(id: PlaceId) -> bool {
    data::KNOWN.binary_search(&id).is_ok()
}

/// `rules/places/within.tsv`: cities of the gazetteer that are districts, boroughs or venues
/// of a bigger city (Wembley in London, Brooklyn in New York City).
const WITHIN_TSV: &str = include_str!("../../rules/places/within.tsv");

/// The city readings of `name` in the country with ISO code `country`, most populous first.
fn cities_named(name: &str, country: &str) -> Vec<Place> {
    let mut v: Vec<Place> = lookup(name)
        .iter()
        .filter(|h| h.flags & MAIN != 0)
        .filter_map(|h| place(h.place))
        .filter(|p| {
            p.kind == PlaceKind::City
                && p.country.and_then(place).is_some_and(|c| c.code == country)
        })
        .collect();
    v.sort_by_key(|p| (std::cmp::Reverse(p.population), p.id));
    v
}

/// `(district, city)` id pairs from `within.tsv`, sorted; parsed once, on first use (a few
/// dozen lines). A row whose names the gazetteer does not know is skipped (a test checks that
/// none is).
fn districts() -> &'static [(PlaceId, PlaceId)] {
    static PAIRS: OnceLock<Vec<(PlaceId, PlaceId)>> = OnceLock::new();
    PAIRS.get_or_init(|| {
        let mut v = Vec::new();
        for line in WITHIN_TSV.lines().filter(|l| !l.starts_with('#')) {
            let mut f = line.split('\t');
            let (Some(name), Some(country), Some(city)) = (f.next(), f.next(), f.next()) else {
                continue;
            };
            let Some(outer) = cities_named(city, country).first().map(|p| p.id) else {
                continue;
            };
            v.extend(
                cities_named(name, country)
                    .iter()
                    .filter(|p| p.id != outer)
                    .map(|p| (p.id, outer)),
            );
        }
        v.sort_unstable();
        v.dedup();
        v
    })
}

/// The city that `district` lies in, when `rules/places/within.tsv` says it is a district,
/// borough or venue of one (Wembley → London).
pub fn city_of(district: PlaceId) -> Option<PlaceId> {
    let d = districts();
    let i = d.partition_point(|&(x, _)| x < district);
    d.get(i).filter(|&&(x, _)| x == district).map(|&(_, c)| c)
}

/// A region added at run time (a rule pack's `[[region]]`): a name and member places.
#[derive(Debug, PartialEq, Eq)]
struct AddedRegion {
    name: &'static str,
    members: Vec<PlaceId>,
}

/// The regions added at run time, interned: id `data::PLACES.len() + index`. Append-only, so an
/// id stays valid for the life of the process; a region is only ever read through an id that
/// the knowledge of a loaded pack handed out.
fn added_regions() -> &'static RwLock<Vec<&'static AddedRegion>> {
    static ADDED: OnceLock<RwLock<Vec<&'static AddedRegion>>> = OnceLock::new();
    ADDED.get_or_init(|| RwLock::new(Vec::new()))
}

fn added_region(id: PlaceId) -> Option<&'static AddedRegion> {
    let i = (id as usize).checked_sub(table_len())?;
    let list = added_regions().read().unwrap_or_else(|e| e.into_inner());
    list.get(i).copied()
}

/// Register a region outside the embedded table (a rule pack's `[[region]]`) and return its
/// id, which [`place`] (kind [`PlaceKind::Region`], no country), [`within`], [`compatible`] and
/// [`describe`] then treat like a built-in region's: a place lies within it when it lies within
/// one of `members` (ids of gazetteer countries, divisions or cities; added region ids in
/// `members` are ignored). Registering the same name and members again returns the same id.
/// Ids are never reused; each distinct region costs its name and member list for the life of
/// the process.
pub fn add_region(name: &str, members: &[PlaceId]) -> PlaceId {
    let base = table_len();
    let mut members: Vec<PlaceId> = members
        .iter()
        .copied()
        .filter(|&m| (m as usize) < base)
        .collect();
    members.sort_unstable();
    members.dedup();
    let mut list = added_regions().write().unwrap_or_else(|e| e.into_inner());
    if let Some(i) = list
        .iter()
        .position(|r| r.name == name && r.members == members)
    {
        return (base + i) as PlaceId;
    }
    let region: &'static AddedRegion = Box::leak(Box::new(AddedRegion {
        name: Box::leak(name.to_string().into_boxed_str()),
        members,
    }));
    list.push(region);
    (base + list.len() - 1) as PlaceId
}

/// How far a place lies within another.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Within {
    /// Certainly inside (or the same place).
    Yes,
    /// Inside only for some definitions (a partial region member: Romania and the Balkans).
    Partly,
    /// Not inside.
    No,
}

/// Is `inner` within `outer`? Venue ⊂ city ⊂ admin2 ⊂ admin1 ⊂ country ⊂ region, and a
/// district ⊂ its city ([`city_of`]: Wembley ⊂ London). A place whose division is unknown is
/// within its country only.
pub fn within(inner: PlaceId, outer: PlaceId) -> Within {
    if inner == outer {
        return Within::Yes;
    }
    if let Some(r) = added_region(outer) {
        return if r.members.iter().any(|&m| within(inner, m) == Within::Yes) {
            Within::Yes
        } else {
            Within::No
        };
    }
    if added_region(inner).is_some() {
        return Within::No;
    }
    let (Some(i), Some(o)) = (place(inner), place(outer)) else {
        return Within::No;
    };
    match o.kind {
        PlaceKind::Region => {
            let Some(c) = i.country.and_then(place) else {
                return Within::No;
            };
            let Some(&(_, members, partial)) = data::REGIONS.iter().find(|r| r.0 == outer) else {
                return Within::No;
            };
            if members.contains(&c.code) {
                Within::Yes
            } else if partial.contains(&c.code) {
                Within::Partly
            } else {
                Within::No
            }
        }
        PlaceKind::Country => {
            // A country's `country` is itself: a territory lies within its sovereign.
            let country = i.country;
            let in_country = country == Some(outer) || country.and_then(sovereign) == Some(outer);
            if i.kind != PlaceKind::Region && in_country {
                Within::Yes
            } else {
                Within::No
            }
        }
        PlaceKind::Admin1 => {
            let below = matches!(
                i.kind,
                PlaceKind::City | PlaceKind::Admin2 | PlaceKind::Venue
            );
            if below && i.admin1 == Some(outer) {
                Within::Yes
            } else {
                Within::No
            }
        }
        PlaceKind::Admin2 => {
            let below = matches!(i.kind, PlaceKind::City | PlaceKind::Venue);
            if below && i.admin2 == Some(outer) {
                Within::Yes
            } else {
                Within::No
            }
        }
        PlaceKind::City => {
            let in_city = match i.kind {
                PlaceKind::City => city_of(inner) == Some(outer),
                PlaceKind::Venue => {
                    i.city == Some(outer) || i.city.and_then(city_of) == Some(outer)
                }
                _ => false,
            };
            if in_city {
                Within::Yes
            } else {
                Within::No
            }
        }
        PlaceKind::Venue => Within::No,
    }
}

/// Does `outer` contain `inner` for certain (or are they the same place)? The containment
/// query for rules that support or place a headline's place by the body's (a headline's
/// "Fife" by the body's "Kirkcaldy", "County Clare" by "Kilkee", "Birmingham" by
/// "Edgbaston", "Ukraine" by "Kyiv"): [`within`]`(inner, outer) == Within::Yes`. Partial
/// region members do not count.
pub fn contains(outer: PlaceId, inner: PlaceId) -> bool {
    within(inner, outer) == Within::Yes
}

/// [`contains`] over written names: true when some main or minor reading of `outer` contains
/// some main or minor reading of `inner` ("County Antrim" contains "Ballymena"). Case-
/// insensitive; false when either name is unknown.
pub fn contains_name(outer: &str, inner: &str) -> bool {
    let readings = |n: &str| -> Vec<PlaceId> {
        lookup(n)
            .iter()
            .filter(|h| h.flags & (MAIN | MINOR) != 0)
            .map(|h| h.place)
            .collect()
    };
    let inner = readings(inner);
    readings(outer)
        .iter()
        .any(|&o| inner.iter().any(|&i| contains(o, i)))
}

/// Can one event be at both places? True when one lies within the other (fully or partly), when
/// they are two regions sharing a member, or when they are a city and a division of the same
/// name in the same country (Lviv / Lviv oblast).
pub fn compatible(a: PlaceId, b: PlaceId) -> bool {
    if within(a, b) != Within::No || within(b, a) != Within::No {
        return true;
    }
    // An added region can hold an event wherever one of its members can (a region of English
    // cities and the United Kingdom, a Central European region and the EU).
    for (r, other) in [(a, b), (b, a)] {
        if let Some(region) = added_region(r) {
            return region.members.iter().any(|&m| compatible(m, other));
        }
    }
    // Two regions that share a member (the Nordic countries and Scandinavia, the Balkans and
    // Southeast Europe) can both describe one event.
    let members = |r: PlaceId| {
        data::REGIONS
            .iter()
            .find(|x| x.0 == r)
            .map(|&(_, m, p)| m.iter().chain(p.iter()).copied().collect::<Vec<&str>>())
    };
    if let (Some(ma), Some(mb)) = (members(a), members(b)) {
        return ma.iter().any(|c| mb.contains(c));
    }
    match (place(a), place(b)) {
        (Some(x), Some(y)) => {
            x.country.is_some()
                && x.country == y.country
                && x.kind != y.kind
                && (x.name.starts_with(y.name) || y.name.starts_with(x.name))
        }
        _ => false,
    }
}

/// True when two written place names are known names of one place (Kiev / Kyiv), by the
/// gazetteer's main, ASCII, curated and alternate names. Case-insensitive. False when either is
/// unknown, when they are the same string, or when either also names a different place that
/// the other does not (Georgia / Gruziya stays false only if no reading is shared).
pub fn same_place(a: &str, b: &str) -> bool {
    if key(a) == key(b) {
        return false;
    }
    let ha = lookup(a);
    let hb = lookup(b);
    let main_a: Vec<PlaceId> = ha
        .iter()
        .filter(|h| h.flags & MAIN != 0)
        .map(|h| h.place)
        .collect();
    let main_b: Vec<PlaceId> = hb
        .iter()
        .filter(|h| h.flags & MAIN != 0)
        .map(|h| h.place)
        .collect();
    // Two distinct main names of different places are different places (Iran / Iraq).
    if !main_a.is_empty() && !main_b.is_empty() {
        return main_a.iter().any(|p| main_b.contains(p));
    }
    let all_a: Vec<PlaceId> = ha.iter().map(|h| h.place).collect();
    let all_b: Vec<PlaceId> = hb.iter().map(|h| h.place).collect();
    (main_a.iter().any(|p| all_b.contains(p))) || (main_b.iter().any(|p| all_a.contains(p)))
}

/// True when `name` (case-insensitive) is a main, ASCII, alias or curated name of a place of any
/// kind, or a demonym or region adjective.
pub fn is_place_name(name: &str) -> bool {
    readings(name).any(|h| h.flags & (MAIN | DEMONYM | ADJECTIVE) != 0)
}

/// A country name as it reads in running text: "the United States", "the Netherlands",
/// "the Czech Republic", but "Ukraine".
pub fn with_article(name: &str) -> String {
    const PLURAL: &[&str] = &[
        "Netherlands",
        "Philippines",
        "Bahamas",
        "Maldives",
        "Comoros",
        "Seychelles",
        "Gambia",
    ];
    let needs = name.starts_with("United ")
        || name.ends_with(" Republic")
        || name.ends_with(" Islands")
        || name.contains(" of ")
        || PLURAL.contains(&name);
    if needs {
        format!("the {name}")
    } else {
        name.to_string()
    }
}

/// Like [`is_place_name`], but a name whose only readings are small cities (under 100,000
/// people and not a known venue) does not count: "Bogdanovich" names a Russian town of 30,000
/// but, in news copy, far more often a person.
pub fn is_prominent_place_name(name: &str) -> bool {
    readings(name).any(prominent_reading)
}

/// What one lookup of a name says about it as a place: [`is_prominent_place_name`] and whether
/// some reading is a [`MAIN`] or [`ALT`] name of a place (a toponym, not only a demonym),
/// answered from one walk of the map instead of two.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PlaceNameFacts {
    /// [`is_prominent_place_name`] of the name.
    pub prominent: bool,
    /// Some reading has [`MAIN`] or [`ALT`]: `lookup(name).iter().any(|h| h.flags & (MAIN |
    /// ALT) != 0)`.
    pub toponym: bool,
}

/// [`PlaceNameFacts`] of `name` (case-insensitive), from one lookup.
pub fn place_name_facts(name: &str) -> PlaceNameFacts {
    let mut facts = PlaceNameFacts::default();
    for h in readings(name) {
        facts.toponym |= h.flags & (MAIN | ALT) != 0;
        facts.prominent = facts.prominent || prominent_reading(h);
        if facts.prominent && facts.toponym {
            break;
        }
    }
    facts
}

/// True when one reading makes its name a prominent place name ([`is_prominent_place_name`]).
fn prominent_reading(h: Hit) -> bool {
    h.flags & (DEMONYM | ADJECTIVE) != 0
        || (h.flags & MAIN != 0
            && kind_and_population(h.place).is_some_and(|(kind, population)| {
                kind != PlaceKind::City || population >= 100_000 || is_known_venue(h.place)
            }))
}

/// Human description of a place for messages: "Kyiv (Ukraine)", "Georgia (United States)",
/// "Albania", "the Balkans".
pub fn describe(id: PlaceId) -> String {
    let Some(p) = place(id) else {
        return String::from("?");
    };
    match p.kind {
        PlaceKind::Region => p.name.to_string(),
        PlaceKind::Country => p.name.to_string(),
        PlaceKind::Admin1 | PlaceKind::Admin2 => {
            let country = p.country.and_then(place).map(|c| c.name).unwrap_or("?");
            format!("{} ({country})", p.name)
        }
        PlaceKind::Venue => {
            let country = p.country.and_then(place).map(|c| c.name).unwrap_or("?");
            match p.city.and_then(place) {
                Some(c) => format!("{} ({}, {country})", p.name, c.name),
                None => format!("{} ({country})", p.name),
            }
        }
        PlaceKind::City => {
            let country = p.country.and_then(place).map(|c| c.name).unwrap_or("?");
            // Name the division when several cities share the name (Paris, Texas).
            let namesakes = lookup(p.name)
                .iter()
                .filter(|h| h.flags & MAIN != 0)
                .filter_map(|h| place(h.place))
                .filter(|q| q.kind == PlaceKind::City)
                .count();
            match p.admin1.and_then(place) {
                Some(a) if namesakes > 1 && a.name != p.name => {
                    format!("{} ({}, {country})", p.name, a.name)
                }
                _ => format!("{} ({country})", p.name),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(name: &str, kind: PlaceKind) -> PlaceId {
        lookup(name)
            .into_iter()
            .filter(|h| h.flags & MAIN != 0)
            .filter_map(|h| place(h.place))
            .filter(|p| p.kind == kind)
            .max_by_key(|p| p.population)
            .map(|p| p.id)
            .unwrap()
    }

    #[test]
    fn kyiv_is_in_ukraine_not_albania_nor_the_balkans() {
        let kyiv = first("Kyiv", PlaceKind::City);
        let ua = first("Ukraine", PlaceKind::Country);
        let al = first("albania", PlaceKind::Country);
        let balkans = first("Balkans", PlaceKind::Region);
        assert_eq!(within(kyiv, ua), Within::Yes);
        assert_eq!(within(kyiv, al), Within::No);
        assert_eq!(within(kyiv, balkans), Within::No);
        assert!(!compatible(kyiv, al));
        assert_eq!(describe(kyiv), "Kyiv (Ukraine)");
        assert_eq!(with_article("United States"), "the United States");
        assert_eq!(with_article("Ukraine"), "Ukraine");
        // Albania, the small Colombian city, is not a reading.
        assert!(lookup("Albania")
            .iter()
            .all(|h| place(h.place).unwrap().kind != PlaceKind::City));
    }

    #[test]
    fn partial_members_and_nesting() {
        let ro = first("Romania", PlaceKind::Country);
        let balkans = first("Balkans", PlaceKind::Region);
        assert_eq!(within(ro, balkans), Within::Partly);
        let tirana = first("Tirana", PlaceKind::City);
        assert_eq!(within(tirana, balkans), Within::Yes);
        let paris_tx = lookup("Paris")
            .into_iter()
            .filter_map(|h| place(h.place))
            .find(|p| p.country.and_then(place).map(|c| c.code) == Some("US"))
            .unwrap();
        let texas = first("Texas", PlaceKind::Admin1);
        assert_eq!(within(paris_tx.id, texas), Within::Yes);
        let georgia: Vec<PlaceKind> = lookup("Georgia")
            .iter()
            .filter(|h| h.flags & MAIN != 0)
            .filter_map(|h| place(h.place))
            .map(|p| p.kind)
            .collect();
        assert!(georgia.contains(&PlaceKind::Country) && georgia.contains(&PlaceKind::Admin1));
    }

    #[test]
    fn same_place_uses_curated_and_alternate_names() {
        assert!(same_place("Kiev", "Kyiv"));
        assert!(same_place("kyiv", "KIEV"));
        assert!(!same_place("Iran", "Iraq"));
        assert!(!same_place("Austria", "Australia"));
        assert!(!same_place("Slovenia", "Slovakia"));
        assert!(!same_place("Kyiv", "Kyiv"));
        assert!(is_place_name("Ukrainian"));
        assert!(is_place_name("Bogdanovich") && !is_prominent_place_name("Bogdanovich"));
        assert!(is_prominent_place_name("Kyiv") && is_prominent_place_name("Texas"));
        assert!(!is_place_name("Zelensky"));
    }

    /// `place_name_facts` answers what `is_prominent_place_name` and `lookup` answer.
    #[test]
    fn place_name_facts_agree_with_the_two_lookups() {
        for name in [
            "Kyiv",
            "Kiev",
            "Texas",
            "Bogdanovich",
            "Ukrainian",
            "Balkan",
            "Zelensky",
            "Paris",
            "Georgia",
            "Nice",
            "Kilkee",
            "Clare",
            "Edgbaston",
            "",
            "  Kyiv ",
            "K\u{fc}ln",
            "Москва",
        ] {
            let want = PlaceNameFacts {
                prominent: is_prominent_place_name(name),
                toponym: lookup(name).iter().any(|h| h.flags & (MAIN | ALT) != 0),
            };
            assert_eq!(place_name_facts(name), want, "{name:?}");
        }
    }

    #[test]
    fn territories_lie_within_their_sovereign() {
        let hk = first("Hong Kong", PlaceKind::Country);
        let cn = first("China", PlaceKind::Country);
        let gl = first("Greenland", PlaceKind::Country);
        let dk = first("Denmark", PlaceKind::Country);
        assert_eq!(within(hk, cn), Within::Yes);
        assert_eq!(within(gl, dk), Within::Yes);
        assert_eq!(within(dk, gl), Within::No);
        let san_juan = lookup("San Juan")
            .into_iter()
            .filter_map(|h| place(h.place))
            .find(|p| p.country.and_then(place).map(|c| c.code) == Some("PR"))
            .unwrap();
        let us = first("United States", PlaceKind::Country);
        assert_eq!(within(san_juan.id, us), Within::Yes);
        assert!(compatible(hk, cn));
        let nordic = first("Nordic countries", PlaceKind::Region);
        let scandinavia = first("Scandinavia", PlaceKind::Region);
        let baltic = first("Baltic states", PlaceKind::Region);
        assert!(compatible(nordic, scandinavia));
        assert!(!compatible(scandinavia, baltic));
    }

    #[test]
    fn districts_lie_within_their_city() {
        let london = first("London", PlaceKind::City);
        let wembley = first("Wembley", PlaceKind::City);
        let nyc = first("New York City", PlaceKind::City);
        let brooklyn = first("Brooklyn", PlaceKind::City);
        assert_eq!(city_of(wembley), Some(london));
        assert_eq!(within(wembley, london), Within::Yes);
        assert_eq!(within(london, wembley), Within::No);
        assert!(compatible(london, wembley));
        assert_eq!(within(brooklyn, nyc), Within::Yes);
        assert_eq!(within(brooklyn, london), Within::No);
        // A district of London is within England and the United Kingdom as before.
        let gb = first("United Kingdom", PlaceKind::Country);
        assert_eq!(within(wembley, gb), Within::Yes);
        // London, Ontario is not the city Wembley lies in.
        assert_eq!(city_of(london), None);
    }

    #[test]
    fn every_within_row_names_known_cities() {
        for line in WITHIN_TSV.lines().filter(|l| !l.starts_with('#')) {
            let f: Vec<&str> = line.split('\t').collect();
            assert_eq!(f.len(), 4, "{line}");
            assert!(
                !cities_named(f[0], f[1]).is_empty(),
                "{line}: place unknown"
            );
            assert!(!cities_named(f[2], f[1]).is_empty(), "{line}: city unknown");
        }
    }

    #[test]
    fn common_words_are_flagged() {
        assert!(lookup("Nice").iter().any(|h| h.flags & COMMON_WORD != 0));
        assert!(lookup("Kyiv").iter().all(|h| h.flags & COMMON_WORD == 0));
        assert!(has_prefix("bosnia and"));
        assert!(!has_prefix("zzqx"));
    }
}
