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
//!
//! Place ids are indexes into `PLACES`: regions first, then countries, admin1 divisions, cities.

#[path = "build/lexicons.rs"]
mod lexicons;

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::Path;

const KIND_REGION: u8 = 0;
const KIND_COUNTRY: u8 = 1;
const KIND_ADMIN1: u8 = 2;
const KIND_CITY: u8 = 3;

// Hit flags (keep in sync with src/knowledge/gazetteer.rs).
const F_MAIN: u32 = 1;
const F_ALT: u32 = 2;
const F_DEMONYM: u32 = 4;
const F_ADJECTIVE: u32 = 8;
const F_COMMON: u32 = 16;

struct Place {
    kind: u8,
    name: String,
    code: String,
    country: u32,
    admin1: u32,
    population: u32,
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
    write_rule_registry();
    let dir = Path::new("rules/places");
    for f in [
        "countries.tsv",
        "regions.toml",
        "admin1.tsv",
        "cities.tsv",
        "curated.toml",
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
        let packed = (id << 5) | flags;
        if !v.iter().any(|&p| p >> 5 == id && p & 31 == flags) {
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
        });
        for n in row[2].split('|').filter(|s| !s.is_empty()) {
            add(&mut names, n, id, F_MAIN);
        }
        for n in row[3].split('|').filter(|s| !s.is_empty()) {
            add(&mut names, n, id, F_DEMONYM);
        }
    }

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

    // A country name that is also a small city (Albania, Colombia) reads as the country only.
    for hits in names.values_mut() {
        let has_country = hits
            .iter()
            .any(|&p| p & F_MAIN != 0 && places[(p >> 5) as usize].kind == KIND_COUNTRY);
        if has_country {
            hits.retain(|&p| {
                let pl = &places[(p >> 5) as usize];
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
                    .map(|&p| p >> 5)
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
                            p & F_MAIN != 0 && places[(p >> 5) as usize].kind == KIND_CITY
                        })
                        .map(|&p| p >> 5)
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
        places.len()
    )
    .ok();
    for p in &places {
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
    std::fs::write(out.join("gazetteer.rs"), rs).expect("write gazetteer.rs");
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
