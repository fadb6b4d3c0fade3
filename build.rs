//! Build script: turns the gazetteer under `rules/places/` into data that needs no work per run,
//! and gathers the rule files of `src/rules/` into the registry.
//!
//! Outputs in `OUT_DIR`:
//! - `rules.rs`: a `#[path]` module line per rule file `src/rules/<code>_<name>.rs` and
//!   `BUILTIN`, the array of each module's `RULE` in file-name (code) order, included by
//!   `src/rules/mod.rs` (see [`write_rule_registry`]);
//! - `gazetteer.fst`: an `fst::Map` from a lower-cased place name to `offset << 16 | count`, a
//!   slice of `HITS`;
//! - `gazetteer.rs`: static tables `PLACES`, `HITS`, `REGIONS` included by
//!   `src/knowledge/gazetteer.rs`.
//!
//! - `lexicons.rs`: the word lists of `rules/lexicons/*.toml` (see `build/lexicons.rs`).
//! - `names.rs`: the name folding data of `rules/names.toml` (see `build/names.rs`).
//!
//! Place ids are indexes into `PLACES`: regions first, then countries, admin1 divisions, cities.

#[path = "build/lexicons.rs"]
mod lexicons;
#[path = "build/names.rs"]
mod names;

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::Path;

const KIND_REGION: u8 = 0;
const KIND_COUNTRY: u8 = 1;
const KIND_ADMIN1: u8 = 2;
const KIND_CITY: u8 = 3;
const KIND_ADMIN2: u8 = 4;
const KIND_TOWN: u8 = 5;
const KIND_VENUE: u8 = 6;

// Hit flags (keep in sync with src/knowledge/gazetteer.rs).
const F_MAIN: u32 = 1;
const F_ALT: u32 = 2;
const F_DEMONYM: u32 = 4;
const F_ADJECTIVE: u32 = 8;
const F_COMMON: u32 = 16;
const F_MINOR: u32 = 32;
/// Bits of a packed hit taken by the flags: `id << HIT_SHIFT | flags`.
const HIT_SHIFT: u32 = 6;
const HIT_MASK: u32 = (1 << HIT_SHIFT) - 1;

struct Place {
    kind: u8,
    name: String,
    code: String,
    country: u32,
    admin1: u32,
    population: u32,
    /// Second-level division (admin2, towns, venues, cities of `city_admin2.tsv`) or `u32::MAX`.
    admin2: u32,
    /// The city a venue lies in, or `u32::MAX`.
    city: u32,
}

#[derive(serde::Deserialize)]
struct RegionsFile {
    region: BTreeMap<String, Region>,
}

#[derive(serde::Deserialize)]
struct Region {
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    adjectives: Vec<String>,
    #[serde(default)]
    members: Vec<String>,
    #[serde(default)]
    partial: Vec<String>,
}

#[derive(serde::Deserialize)]
struct Curated {
    alias: Vec<Alias>,
    #[serde(default)]
    known: Vec<String>,
}

#[derive(serde::Deserialize)]
struct Territories {
    territory: Vec<[String; 2]>,
}

#[derive(serde::Deserialize)]
struct Alias {
    name: String,
    of: String,
}

fn key(s: &str) -> String {
    s.replace('’', "'").to_lowercase()
}

fn tsv(path: &Path) -> Vec<Vec<String>> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect()
}

fn main() {
    // Start-up: link the claimlint binary as a position-dependent executable on Linux, so the
    // loader has no relocations to apply to the embedded tables (~100,000 pointers; about
    // 1.5 ms of every run). See docs/performance.md.
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("linux") {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
    lexicons::generate(
        Path::new("rules/lexicons"),
        Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")),
    );
    names::generate(
        Path::new("rules/names.toml"),
        Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")),
    );
    write_rule_registry();
    let dir = Path::new("rules/places");
    for f in [
        "countries.tsv",
        "regions.toml",
        "admin1.tsv",
        "cities.tsv",
        "curated.toml",
        "territories.toml",
        "admin2.tsv",
        "towns.tsv",
        "city_admin2.tsv",
        "venues.tsv",
    ] {
        println!("cargo:rerun-if-changed=rules/places/{f}");
    }
    println!("cargo:rerun-if-changed=build.rs");

    let mut places: Vec<Place> = Vec::new();
    let mut names: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    let add = |names: &mut BTreeMap<String, Vec<u32>>, name: &str, id: u32, flags: u32| {
        let k = key(name.trim());
        if k.chars().count() < 2 {
            return;
        }
        let v = names.entry(k).or_default();
        let packed = (id << HIT_SHIFT) | flags;
        if !v
            .iter()
            .any(|&p| p >> HIT_SHIFT == id && p & HIT_MASK == flags)
        {
            v.push(packed);
        }
    };

    // Regions.
    let regions: RegionsFile =
        toml::from_str(&std::fs::read_to_string(dir.join("regions.toml")).expect("regions.toml"))
            .expect("regions.toml parses");
    let mut region_rows = String::new();
    for (k, r) in &regions.region {
        let id = places.len() as u32;
        places.push(Place {
            kind: KIND_REGION,
            name: r.name.clone(),
            code: k.clone(),
            country: u32::MAX,
            admin1: u32::MAX,
            population: 0,
            admin2: u32::MAX,
            city: u32::MAX,
        });
        for a in r.aliases.iter().chain(std::iter::once(&r.name)) {
            let a = a.strip_prefix("the ").unwrap_or(a);
            add(&mut names, a, id, F_MAIN);
        }
        for a in &r.adjectives {
            add(&mut names, a, id, F_ADJECTIVE);
        }
        writeln!(
            region_rows,
            "    ({id}, &{:?}, &{:?}),",
            r.members, r.partial
        )
        .ok();
    }

    // Countries.
    let mut country_id: HashMap<String, u32> = HashMap::new();
    for row in tsv(&dir.join("countries.tsv")) {
        let id = places.len() as u32;
        country_id.insert(row[0].clone(), id);
        places.push(Place {
            kind: KIND_COUNTRY,
            name: row[1].clone(),
            code: row[0].clone(),
            country: id,
            admin1: u32::MAX,
            population: 0,
            admin2: u32::MAX,
            city: u32::MAX,
        });
        for n in row[2].split('|').filter(|s| !s.is_empty()) {
            add(&mut names, n, id, F_MAIN);
        }
        for n in row[3].split('|').filter(|s| !s.is_empty()) {
            add(&mut names, n, id, F_DEMONYM);
        }
    }

    let mut city_id: HashMap<String, u32> = HashMap::new();
    // Admin1.
    let mut admin1_id: HashMap<String, u32> = HashMap::new();
    for row in tsv(&dir.join("admin1.tsv")) {
        let id = places.len() as u32;
        let cc = row[0].split('.').next().unwrap_or("");
        let country = country_id.get(cc).copied().unwrap_or(u32::MAX);
        admin1_id.insert(row[0].clone(), id);
        places.push(Place {
            kind: KIND_ADMIN1,
            name: row[1].clone(),
            code: row[0].clone(),
            country,
            admin1: id,
            population: 0,
            admin2: u32::MAX,
            city: u32::MAX,
        });
        // common: 1 = an ordinary word (needs a cue), 2 = a compass or generic word that is
        // never a place on its own ("South", "Central").
        let common = match row.get(4).map(String::as_str) {
            Some("2") => continue,
            Some("1") => F_COMMON,
            _ => 0,
        };
        add(&mut names, &row[1], id, F_MAIN | common);
        add(&mut names, &row[2], id, F_MAIN | common);
    }

    // Cities.
    for row in tsv(&dir.join("cities.tsv")) {
        let id = places.len() as u32;
        city_id.insert(row[0].clone(), id);
        let country = country_id.get(&row[3]).copied().unwrap_or(u32::MAX);
        let admin1 = admin1_id.get(&row[4]).copied().unwrap_or(u32::MAX);
        let population: u32 = row[5].parse().unwrap_or(0);
        places.push(Place {
            kind: KIND_CITY,
            name: row[1].clone(),
            code: row[0].clone(),
            country,
            admin1,
            population,
            admin2: u32::MAX,
            city: u32::MAX,
        });
        let common = if row[7] == "1" { F_COMMON } else { 0 };
        add(&mut names, &row[1], id, F_MAIN | common);
        add(&mut names, &row[2], id, F_MAIN | common);
        for alt in row.get(8).map(|s| s.split('|')).into_iter().flatten() {
            if !alt.is_empty() {
                add(&mut names, alt, id, F_ALT);
            }
        }
    }

    let core_len = places.len();
    add_depth(dir, &mut places, &mut names, &admin1_id, &country_id, &add);

    // A country name that is also a small city (Albania, Colombia) reads as the country only.
    for hits in names.values_mut() {
        let has_country = hits
            .iter()
            .any(|&p| p & F_MAIN != 0 && places[(p >> HIT_SHIFT) as usize].kind == KIND_COUNTRY);
        if has_country {
            hits.retain(|&p| {
                let pl = &places[(p >> HIT_SHIFT) as usize];
                !(pl.kind == KIND_CITY && p & F_MAIN != 0 && pl.population < 1_000_000)
            });
        }
    }

    // Curated aliases take every main reading of their target.
    let curated: Curated =
        toml::from_str(&std::fs::read_to_string(dir.join("curated.toml")).expect("curated.toml"))
            .expect("curated.toml parses");
    for a in &curated.alias {
        let targets: Vec<u32> = names
            .get(&key(&a.of))
            .map(|v| {
                v.iter()
                    .filter(|&&p| p & F_MAIN != 0)
                    .map(|&p| p >> HIT_SHIFT)
                    .collect()
            })
            .unwrap_or_default();
        assert!(
            !targets.is_empty(),
            "curated alias target {:?} not found",
            a.of
        );
        for t in targets {
            add(&mut names, &a.name, t, F_MAIN);
        }
    }

    // Known smaller venues: the most populous city reading of each name.
    let mut known: Vec<u32> = curated
        .known
        .iter()
        .map(|n| {
            names
                .get(&key(n))
                .and_then(|hits| {
                    hits.iter()
                        .filter(|&&p| {
                            p & F_MAIN != 0 && places[(p >> HIT_SHIFT) as usize].kind == KIND_CITY
                        })
                        .map(|&p| p >> HIT_SHIFT)
                        .max_by_key(|&id| places[id as usize].population)
                })
                .unwrap_or_else(|| panic!("curated.toml: known venue {n:?} is not a city"))
        })
        .collect();
    known.sort_unstable();
    known.dedup();

    // Territories: country id -> sovereign country id.
    let territories: Territories = toml::from_str(
        &std::fs::read_to_string(dir.join("territories.toml")).expect("territories.toml"),
    )
    .expect("territories.toml parses");
    let mut sovereign_rows = String::new();
    for [t, s] in &territories.territory {
        let (Some(t), Some(s)) = (country_id.get(t), country_id.get(s)) else {
            panic!("territories.toml: unknown code in {t}/{s}");
        };
        writeln!(sovereign_rows, "    ({t}, {s}),").ok();
    }

    // Flatten hits; build the fst.
    let out = std::env::var("OUT_DIR").expect("OUT_DIR");
    let out = Path::new(&out);
    let mut hits: Vec<u32> = Vec::new();
    let mut builder = fst::MapBuilder::memory();
    for (k, mut v) in names {
        v.sort_unstable();
        let off = hits.len() as u64;
        let n = v.len() as u64;
        hits.extend(v);
        builder
            .insert(k.as_bytes(), (off << 16) | n.min(0xFFFF))
            .expect("sorted keys");
    }
    let bytes = builder.into_inner().expect("fst");
    std::fs::write(out.join("gazetteer.fst"), bytes).expect("write fst");

    let mut rs = String::new();
    writeln!(
        rs,
        "/// (kind, name, code, country id, admin1 id, population)"
    )
    .ok();
    writeln!(
        rs,
        "pub(crate) static PLACES: [(u8, &str, &str, u32, u32, u32); {}] = [",
        core_len
    )
    .ok();
    for p in &places[..core_len] {
        writeln!(
            rs,
            "    ({}, {:?}, {:?}, {}, {}, {}),",
            p.kind, p.name, p.code, p.country, p.admin1, p.population
        )
        .ok();
    }
    writeln!(rs, "];").ok();
    writeln!(
        rs,
        "pub(crate) static HITS: [u32; {}] = {:?};",
        hits.len(),
        hits
    )
    .ok();
    writeln!(
        rs,
        "/// (place id, member country codes, partial member codes)"
    )
    .ok();
    writeln!(
        rs,
        "pub(crate) static REGIONS: [(u32, &[&str], &[&str]); {}] = [\n{region_rows}];",
        regions.region.len()
    )
    .ok();
    writeln!(rs, "/// Place ids of known smaller venues (sorted)").ok();
    writeln!(
        rs,
        "pub(crate) static KNOWN: [u32; {}] = {:?};",
        known.len(),
        known
    )
    .ok();
    writeln!(rs, "/// (territory country id, sovereign country id)").ok();
    writeln!(
        rs,
        "pub(crate) static SOVEREIGN: [(u32, u32); {}] = [\n{sovereign_rows}];",
        territories.territory.len()
    )
    .ok();
    // Second-level divisions, towns and venues: position-independent tables (a name blob and
    // little-endian u32 rows), so that the loader relocates nothing for them.
    let mut blob = String::new();
    let mut rows: Vec<u8> = Vec::new();
    for p in &places[core_len..] {
        let fields = [
            blob.len() as u32,
            ((p.name.len() as u32) << 8) | u32::from(p.kind),
            p.country,
            p.admin1,
            p.admin2,
            p.city,
        ];
        blob.push_str(&p.name);
        for f in fields {
            rows.extend_from_slice(&f.to_le_bytes());
        }
    }
    std::fs::write(out.join("gazetteer_extra_names.txt"), &blob).expect("write names");
    std::fs::write(out.join("gazetteer_extra.bin"), &rows).expect("write extra");
    let mut pairs: Vec<(u32, u32)> = places[..core_len]
        .iter()
        .enumerate()
        .filter(|(_, p)| p.admin2 != u32::MAX)
        .map(|(i, p)| (i as u32, p.admin2))
        .collect();
    pairs.sort_unstable();
    let pair_bytes: Vec<u8> = pairs
        .iter()
        .flat_map(|&(a, b)| a.to_le_bytes().into_iter().chain(b.to_le_bytes()))
        .collect();
    std::fs::write(out.join("gazetteer_city_admin2.bin"), pair_bytes).expect("write pairs");
    writeln!(
        rs,
        "/// Index of the first place of the extra tables (`gazetteer_extra.bin`)\n\
         pub(crate) const EXTRA_BASE: u32 = {core_len};"
    )
    .ok();
    std::fs::write(out.join("gazetteer.rs"), rs).expect("write gazetteer.rs");
}

/// Adds one name of a place (`names`, name, place id, flags) to the name map.
type AddName = dyn Fn(&mut BTreeMap<String, Vec<u32>>, &str, u32, u32);

/// Second-level divisions (`admin2.tsv`), the second-level division of cities
/// (`city_admin2.tsv`), towns (`towns.tsv`) and venues (`venues.tsv`): appended to `places`
/// (kinds admin2, town, venue) with their names. Towns and the short names of divisions that
/// need a place cue get `F_MINOR`, never `F_MAIN`: they do not count as main names anywhere.
fn add_depth(
    dir: &Path,
    places: &mut Vec<Place>,
    names: &mut BTreeMap<String, Vec<u32>>,
    admin1_id: &HashMap<String, u32>,
    country_id: &HashMap<String, u32>,
    add: &AddName,
) {
    let none = u32::MAX;
    let mut admin2_id: HashMap<String, u32> = HashMap::new();
    for row in tsv(&dir.join("admin2.tsv")) {
        let id = places.len() as u32;
        admin2_id.insert(row[0].clone(), id);
        places.push(Place {
            kind: KIND_ADMIN2,
            name: row[3].clone(),
            code: String::new(),
            country: country_id.get(&row[1]).copied().unwrap_or(none),
            admin1: admin1_id.get(&row[2]).copied().unwrap_or(none),
            population: 0,
            admin2: id,
            city: none,
        });
        for n in row[4].split('|').filter(|s| !s.is_empty()) {
            add(names, n, id, F_MAIN);
        }
        for n in row.get(5).map(|s| s.split('|')).into_iter().flatten() {
            if !n.is_empty() {
                add(names, n, id, F_MINOR);
            }
        }
    }
    // Cities' second-level divisions, by GeoNames id.
    let by_geonames: HashMap<&str, usize> = places
        .iter()
        .enumerate()
        .filter(|(_, p)| p.kind == KIND_CITY)
        .map(|(i, p)| (p.code.as_str(), i))
        .collect();
    let mut city_admin2 = Vec::new();
    for row in tsv(&dir.join("city_admin2.tsv")) {
        if let (Some(&c), Some(&a)) = (by_geonames.get(row[0].as_str()), admin2_id.get(&row[1])) {
            city_admin2.push((c, a));
        }
    }
    for (c, a) in city_admin2 {
        places[c].admin2 = a;
    }
    for row in tsv(&dir.join("towns.tsv")) {
        let id = places.len() as u32;
        places.push(Place {
            kind: KIND_TOWN,
            name: row[0].clone(),
            code: String::new(),
            country: country_id.get(&row[1]).copied().unwrap_or(none),
            admin1: admin1_id.get(&row[2]).copied().unwrap_or(none),
            population: 0,
            admin2: row
                .get(3)
                .and_then(|a| admin2_id.get(a))
                .copied()
                .unwrap_or(none),
            city: none,
        });
        add(names, &row[0], id, F_MINOR);
    }
    // Venues: name, other names (|), country, city, cue (1 = detected only after a place cue).
    for row in tsv(&dir.join("venues.tsv")) {
        let id = places.len() as u32;
        let country = *country_id
            .get(&row[2])
            .unwrap_or_else(|| panic!("venues.tsv: unknown country {:?}", row[2]));
        let city = names
            .get(&key(&row[3]))
            .and_then(|hits| {
                hits.iter()
                    .map(|&p| (p >> HIT_SHIFT) as usize)
                    .filter(|&i| places[i].kind == KIND_CITY && places[i].country == country)
                    .max_by_key(|&i| places[i].population)
            })
            .unwrap_or_else(|| panic!("venues.tsv: {:?} is not a city of {}", row[3], row[2]));
        let (admin1, admin2) = (places[city].admin1, places[city].admin2);
        places.push(Place {
            kind: KIND_VENUE,
            name: row[0].clone(),
            code: String::new(),
            country,
            admin1,
            population: 0,
            admin2,
            city: city as u32,
        });
        let flags = if row.get(4).map(String::as_str) == Some("1") {
            F_MINOR
        } else {
            F_MAIN
        };
        add(names, &row[0], id, flags);
        for n in row[1].split('|').filter(|s| !s.is_empty()) {
            add(names, n, id, flags);
        }
    }
}

/// True for a rule file name: a lower-case letter, three digits, `_`, then a kebab-case name
/// written with underscores (`d001_weekday_date_mismatch.rs`).
fn is_rule_file(name: &str) -> bool {
    let Some(stem) = name.strip_suffix(".rs") else {
        return false;
    };
    let b = stem.as_bytes();
    b.len() > 5
        && b[0].is_ascii_lowercase()
        && b[1..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'_'
        && b[5..]
            .iter()
            .all(|&c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'_')
}

/// Write `OUT_DIR/rules.rs`: one module per rule file and the `BUILTIN` array of their `RULE`s.
/// Adding a rule is adding its file: nothing in `src/rules/mod.rs` lists the rules by hand.
fn write_rule_registry() {
    println!("cargo:rerun-if-changed=src/rules");
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR");
    let dir = Path::new(&manifest).join("src/rules");
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| is_rule_file(n))
        .collect();
    files.sort();
    let mut rs = String::from("// Generated by build.rs from the files in src/rules/.\n\n");
    let mut array = String::new();
    for f in &files {
        let path = dir.join(f);
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert!(
            text.contains("static RULE: &dyn Rule"),
            "{}: a rule file must register its rule: `pub(crate) static RULE: &dyn Rule = &TheRule;`",
            path.display()
        );
        let module = f.trim_end_matches(".rs");
        writeln!(
            rs,
            "#[path = {:?}]\nmod {module};",
            path.display().to_string()
        )
        .ok();
        writeln!(array, "    {module}::RULE,").ok();
    }
    writeln!(
        rs,
        "\n/// Every built-in rule, in code order (one per rule file).\nstatic BUILTIN: &[&dyn Rule] = &[\n{array}];"
    )
    .ok();
    let out = std::env::var("OUT_DIR").expect("OUT_DIR");
    std::fs::write(Path::new(&out).join("rules.rs"), rs).expect("write rules.rs");
}
