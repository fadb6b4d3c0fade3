#!/usr/bin/env python3
"""Convert ../shared/data/gazetteer (GeoNames and curated TOML) into the compact gazetteer
committed under rules/places/. Run once, by hand, from the project root:

    python3 scripts/build_gazetteer.py ../shared/data/gazetteer rules/places

Needs Python 3.11+ (tomllib) and an English word list at /usr/share/dict/words (Debian package
`wamerican`) to mark one-word city names that are ordinary English words (Nice, Reading, Bath).
The build (build.rs) reads only rules/places/, never ../shared.

Outputs (UTF-8, sorted, deterministic):
  countries.tsv  code, name, names (|), demonyms (|), capital, regions (| ; "?" = partial)
  regions.toml   curated regional groupings (members, partial, aliases, adjectives, as_of, source)
                 and the UN M49 regions with their common English names
  admin1.tsv     code (CC.XX), name, ascii name, abbreviation, common (as for cities; 2 = a
                 compass word or generic name that is never detected on its own)
  cities.tsv     geonames id, name, ascii, country, admin1 code ("" when the city's admin1 name
                 matches no division of its country), population, feature, common (1 = one-word
                 name that is an ordinary lower-case English word), alternate names (|; only for
                 cities of 100,000+, used to decide that two mentions name one place)
"""
import sys
import tomllib
import unicodedata
from pathlib import Path

ALT_MIN_POPULATION = 100_000


# First-level division names that are only compass points or generic words: kept for
# containment, never detected as a place on their own ("South" in "South America").
NEVER_DETECT = {
    "north", "south", "east", "west", "central", "northern", "southern", "eastern", "western",
    "northeast", "northwest", "southeast", "southwest", "north east", "north west",
    "south east", "south west", "centre", "center", "capital", "coast", "islands", "lakes",
    "plateau", "plateaux", "littoral", "oriental", "maritime", "delta", "unity", "upper",
    "lower", "middle", "interior", "highlands", "lowlands", "mountains", "valley", "river",
}

# UN M49 regions and common English names for them, plus two groupings news uses often.
REGION_ALIASES = {
    "south_eastern_asia": ["Southeast Asia", "South-East Asia", "South East Asia"],
    "eastern_africa": ["East Africa"],
    "western_africa": ["West Africa"],
    "northern_africa": ["North Africa"],
    "southern_africa": [],
    "middle_africa": ["Central Africa"],
    "southern_asia": ["South Asia"],
    "eastern_asia": ["East Asia"],
    "western_asia": [],
    "central_asia": [],
    "americas": ["the Americas"],
    "latin_america_and_the_caribbean": ["Latin America"],
}
EXTRA_REGIONS = {
    "north_america": {
        "name": "North America", "kind": "geographic", "aliases": ["North America"],
        "adjectives": ["North American"],
        "members": ["AG", "AI", "AW", "BB", "BL", "BM", "BQ", "BS", "BZ", "CA", "CR", "CU", "CW",
                    "DM", "DO", "GD", "GL", "GP", "GT", "HN", "HT", "JM", "KN", "KY", "LC", "MF",
                    "MQ", "MS", "MX", "NI", "PA", "PM", "PR", "SV", "SX", "TC", "TT", "UM", "US",
                    "VC", "VG", "VI"],
        "source": "https://en.wikipedia.org/wiki/North_America (continent: UN M49 Northern "
                  "America, Central America and the Caribbean)",
    },
    "central_europe": {
        "name": "Central Europe", "kind": "geographic", "aliases": ["Central Europe"],
        "adjectives": ["Central European"],
        "members": ["AT", "CZ", "DE", "HU", "LI", "PL", "SK", "SI", "CH"],
        "partial": ["HR", "RO", "LT", "UA"],
        "source": "https://en.wikipedia.org/wiki/Central_Europe",
    },
    "horn_of_africa": {
        "name": "Horn of Africa", "kind": "geographic", "aliases": ["Horn of Africa"],
        "members": ["DJ", "ER", "ET", "SO"], "partial": ["SD", "SS", "KE"],
        "source": "https://en.wikipedia.org/wiki/Horn_of_Africa",
    },
}

# Lower-case English words that, capitalised, are almost always the place.
NOT_COMMON = {"shanghai", "wales", "muscat", "paris", "savannah", "acre"}


def ascii_fold(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def clean(s: str) -> str:
    return s.replace("\t", " ").replace("|", " ").strip()


def main(src: Path, dst: Path) -> None:
    dst.mkdir(parents=True, exist_ok=True)
    words = set()
    dict_path = Path("/usr/share/dict/words")
    if dict_path.exists():
        words = {w.strip() for w in dict_path.read_text(encoding="utf-8", errors="replace").splitlines()}
    else:
        sys.exit("need /usr/share/dict/words (apt-get install wamerican)")

    countries = tomllib.loads((src / "countries.toml").read_text(encoding="utf-8"))
    regions = tomllib.loads((src / "regions.toml").read_text(encoding="utf-8"))
    admin1 = tomllib.loads((src / "admin1.toml").read_text(encoding="utf-8"))
    cities = tomllib.loads((src / "cities15000.toml").read_text(encoding="utf-8"))["city"]

    # Countries.
    rows = []
    for code in sorted(countries):
        c = countries[code]
        names = [c["name"]] + c.get("aliases", []) + c.get("local_names", [])
        names += [n for n in c.get("former_names", []) if "Soviet" not in n and "Empire" not in n]
        if c.get("official_name") and "(" not in c["official_name"]:
            names.append(c["official_name"])
        seen, uniq = set(), []
        for n in names:
            n = clean(n)
            if n.lower().startswith("the "):
                n = n[4:]
            if n and n.lower() not in seen:
                seen.add(n.lower())
                uniq.append(n)
        dem = []
        for d in c.get("demonyms", []) + c.get("demonym_nouns", []):
            d = clean(d)
            if d and d not in dem:
                dem.append(d)
        rows.append("\t".join([code, clean(c["name"]), "|".join(uniq), "|".join(dem),
                               clean(c.get("capital", "")), "|".join(c.get("regions", []))]))
    (dst / "countries.tsv").write_text(
        "# code\tname\tnames\tdemonyms\tcapital\tregions\n" + "\n".join(rows) + "\n", encoding="utf-8")

    # Regions: curated groupings only, copied as TOML (facts; sources kept).
    out = ["# Curated regional groupings (members = wholly in; partial = partly / definitions disagree).",
           "# From ../shared/data/gazetteer/regions.toml; see NOTICE.md. Re-check as_of.", ""]
    curated = dict(regions.get("region", {}))
    # "European" is the continent's adjective ("a European summit" in London or Oslo), not the
    # EU's; the EU keeps "EU" and its names.
    if "eu" in curated:
        curated["eu"] = dict(curated["eu"])
        curated["eu"]["adjectives"] = [a for a in curated["eu"].get("adjectives", []) if a != "European"]
    curated.update(EXTRA_REGIONS)
    # UN M49 regions. Subregion boundaries are fuzzy in news usage ("Eastern Europe" often takes
    # in the Baltic states), so the rest of the subregion's continent counts as partial members:
    # only a place on another continent conflicts. Transcontinental countries are partial
    # members of both continents.
    m49 = regions.get("un_m49", {})
    continents = {k: set(m49[k]["members"]) for k in ("africa", "americas", "asia", "europe", "oceania") if k in m49}
    transcontinental = {"europe": ["TR", "KZ", "GE", "AZ", "AM", "CY"], "asia": ["RU", "EG"]}
    for key, r in m49.items():
        r = dict(r)
        r["aliases"] = [r["name"]] + REGION_ALIASES.get(key, [])
        if key == "europe":
            r["adjectives"] = ["European"]
        members = set(r["members"])
        if key in continents:
            r["partial"] = sorted(set(transcontinental.get(key, [])) - members)
        else:
            home = [c for c, ms in continents.items() if members <= ms]
            r["partial"] = sorted(continents[home[0]] - members) if home else []
        r["source"] = "UN M49 (via the countries gem, MIT)"
        curated["un_" + key] = r
    for key in sorted(curated):
        r = curated[key]
        out.append(f"[region.{key}]")
        for field in ("name", "kind", "aliases", "adjectives", "members", "partial", "as_of", "source"):
            if field in r:
                v = r[field]
                if isinstance(v, list):
                    out.append(f"{field} = [" + ", ".join('"%s"' % x for x in v) + "]")
                else:
                    out.append(f'{field} = "{v}"')
        out.append("")
    (dst / "regions.toml").write_text("\n".join(out), encoding="utf-8")

    # Admin1.
    rows = []
    by_country_name = {}
    flat = {f"{cc}.{sub}": v for cc, subs in admin1.items() for sub, v in subs.items()}
    for key in sorted(flat):
        a = flat[key]
        name = clean(a["name"])
        asc = clean(a.get("ascii", ascii_fold(name)))
        common = int(" " not in asc and asc.lower() in words and asc.lower() != asc
                     and asc.lower() not in NOT_COMMON)
        if asc.lower() in NEVER_DETECT:
            common = 2
        rows.append("\t".join([key, name, asc, clean(a.get("abbr", "")), str(common)]))
        cc = key.split(".")[0]
        for n in {name, asc, ascii_fold(name)}:
            by_country_name.setdefault((cc, n.lower()), key)
    (dst / "admin1.tsv").write_text("# code\tname\tascii\tabbr\tcommon\n" + "\n".join(rows) + "\n", encoding="utf-8")

    # Cities.
    main_names = set()
    for c in cities:
        main_names.add(c["name"].lower())
        main_names.add(c.get("ascii", c["name"]).lower())
    for code, c in countries.items():
        main_names.add(c["name"].lower())
    rows = []
    unmatched = 0
    for c in sorted(cities, key=lambda c: c["id"]):
        a1name = c.get("admin1", "")
        a1 = by_country_name.get((c["country"], a1name.lower())) or by_country_name.get(
            (c["country"], ascii_fold(a1name).lower()), "")
        if a1name and not a1:
            unmatched += 1
        name = clean(c["name"])
        asc = clean(c.get("ascii", name))
        common = int(c.get("feature") != "PPLC" and " " not in asc and "-" not in asc and asc.lower() in words and asc.lower() != asc
                     and asc.lower() not in NOT_COMMON)
        alts = []
        if c.get("population", 0) >= ALT_MIN_POPULATION:
            seen = {name.lower(), asc.lower()}
            for alt in c.get("alt", []):
                alt = clean(alt)
                low = alt.lower()
                # Drop alternates that are another place's main name (Tirana lists "Trnava").
                if not alt or low in seen or low in main_names:
                    continue
                seen.add(low)
                alts.append(alt)
        rows.append("\t".join([str(c["id"]), name, asc, c["country"], a1, str(c.get("population", 0)),
                               c.get("feature", ""), str(common), "|".join(alts)]))
    (dst / "cities.tsv").write_text(
        "# id\tname\tascii\tcountry\tadmin1\tpopulation\tfeature\tcommon\talt\n" + "\n".join(rows) + "\n",
        encoding="utf-8")
    print(f"{len(countries)} countries, {len(flat)} admin1, {len(cities)} cities "
          f"({unmatched} with an admin1 name that matches no division)", file=sys.stderr)
    write_within(src, dst)


# Second-level divisions that are one city: every place of the division is a district of it.
ADMIN2_CITIES = {("GB", "Greater London"): "London"}

# Districts, boroughs and venues of a city that the second-level data does not give (hand-curated
# facts): (place, country, city).
WITHIN_CURATED = [
    ("Brooklyn", "US", "New York City"), ("Manhattan", "US", "New York City"),
    ("Queens", "US", "New York City"), ("Staten Island", "US", "New York City"),
    ("The Bronx", "US", "New York City"), ("Wimbledon", "GB", "London"),
]


def write_within(src: Path, dst: Path) -> None:
    """within.tsv: places (cities of the gazetteer) that lie inside a bigger city, from GeoNames
    second-level divisions (places1000.csv) and WITHIN_CURATED. Can be run on its own:
    python3 -c 'import sys; sys.path.insert(0, "scripts"); import build_gazetteer as b; from pathlib import Path; b.write_within(Path("../shared/data/gazetteer"), Path("rules/places"))'
    """
    import csv
    known = set()
    for line in (dst / "cities.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        f = line.split("\t")
        known.add((f[1], f[3]))
    rows = set()
    with open(src / "places1000.csv", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            city = ADMIN2_CITIES.get((r["cc"], r["admin2"]))
            if city and r["name"] != city and (r["name"], r["cc"]) in known:
                rows.add((r["name"], r["cc"], city, "geonames-admin2"))
    for name, cc, city in WITHIN_CURATED:
        rows.add((name, cc, city, "curated"))
    out = ["# place\tcountry\tcity\tsource: a city of the gazetteer inside a bigger one (a district,",
           "# borough or venue), from GeoNames second-level divisions (places1000.csv; CC BY 4.0) and",
           "# hand-curated facts. Written by scripts/build_gazetteer.py (write_within)."]
    out += ["\t".join(r) for r in sorted(rows)]
    (dst / "within.tsv").write_text("\n".join(out) + "\n", encoding="utf-8")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(Path(sys.argv[1]), Path(sys.argv[2]))
