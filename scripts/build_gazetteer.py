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
    write_depth(src, dst)


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




# Countries whose second-level divisions news names (counties, council areas, departments).
ADMIN2_COUNTRIES = {"GB", "IE", "US", "FR"}

# GeoNames (2015) writes most Irish counties in Irish: their English names.
IRISH_COUNTIES = {
    "An Clar": "Clare", "Ciarrai": "Kerry", "Maigh Eo": "Mayo", "Loch Garman": "Wexford",
    "Lu": "Louth", "An Cabhan": "Cavan", "Uibh Fhaili": "Offaly", "An Mhi": "Meath",
    "An Iarmhi": "Westmeath", "An Longfort": "Longford", "Fingal County": "Fingal",
}
# Counties that GeoNames splits into several second-level divisions (the 2015 Northern Irish
# districts, the Dublin and Tipperary councils): each name reads as every division listed.
SPLIT_COUNTIES = {
    ("GB", "Antrim"): ["Antrim Borough", "Ballymena District", "Ballymoney District",
                       "Carrickfergus District", "Larne District", "Moyle District",
                       "Newtownabbey District", "Lisburn District", "City of Belfast"],
    ("GB", "Down"): ["Ards District", "Banbridge District", "Castlereagh District", "Down District",
                     "Newry and Mourne District", "North Down District", "Lisburn District",
                     "City of Belfast"],
    ("GB", "Armagh"): ["Armagh District", "Craigavon District", "Newry and Mourne District"],
    ("GB", "Londonderry"): ["City of Derry", "Coleraine District", "Limavady District",
                            "Magherafelt District"],
    ("GB", "Derry"): ["City of Derry", "Coleraine District", "Limavady District",
                      "Magherafelt District"],
    ("GB", "Tyrone"): ["Cookstown District", "Dungannon District", "Omagh District",
                       "Strabane District"],
    ("GB", "Fermanagh"): ["Fermanagh District"],
    ("IE", "Dublin"): ["Dublin City", "Fingal County", "South Dublin", "Dun Laoghaire-Rathdown"],
    ("IE", "Tipperary"): ["North Tipperary", "South Tipperary"],
}
ADMIN1_SPELLINGS = {("IE", "connaught"): "connacht"}

# Towns under 1,000 people (absent from places1000) that news names: (name, country, admin1
# name, admin2 name as in places1000).
CURATED_TOWNS = [("Kilkee", "IE", "Munster", "An Clar")]

GB_PREFIXES = ["City and Borough of ", "City and County of ", "Royal Borough of ",
               "Metropolitan Borough of ", "Borough of ", "District of ", "County of ", "City of ",
               "Sir ", "The "]
GB_SUFFIXES = [" County Borough", " county borough", " District", " Borough", " City"]
FR_PREFIXES = ["Departement de la ", "Departement de l'", "Departement des ", "Departement du ",
               "Departement d'", "Departement de "]


def admin2_names(cc, name):
    """(names detected as the division, names detected only after a place cue) of one
    second-level division as GeoNames writes it."""
    short = name
    if cc == "GB":
        for p in GB_PREFIXES:
            if short.startswith(p):
                short = short[len(p):]
        for s in GB_SUFFIXES:
            if short.endswith(s):
                short = short[: -len(s)]
    elif cc == "FR":
        for p in FR_PREFIXES:
            if short.startswith(p):
                short = short[len(p):]
                break
    elif cc == "IE":
        short = IRISH_COUNTIES.get(short, short)
        if short.startswith("County "):
            short = short[len("County "):]
    main, minor = [], []
    if cc == "IE":
        main = [name, f"County {short}", f"Co {short}"]
        minor = [short]
    elif cc == "US":
        main = [name]
    elif cc == "FR":
        main = [short] if (" " in short or "-" in short) else []
        minor = [] if main else [short]
    else:
        main = [name, short] if " " in short or short == name else [name]
        minor = [] if short in main else [short]
    return main, minor


def write_depth(src: Path, dst: Path) -> None:
    """admin2.tsv, towns.tsv and city_admin2.tsv from places1000.csv (GeoNames cities1000 with
    division names; CC BY 4.0). Can be run on its own like write_within:
    python3 -c 'import sys; sys.path.insert(0, "scripts"); import build_gazetteer as b; from pathlib import Path; b.write_depth(Path("../shared/data/gazetteer"), Path("rules/places"))'
    """
    import csv
    words = {w.strip() for w in Path("/usr/share/dict/words").read_text(encoding="utf-8", errors="replace").splitlines()}
    # Admin1 codes by (country, folded lower-case name).
    a1 = {}
    taken = set()  # lower-case names the gazetteer already detects
    for line in (dst / "admin1.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        f = line.split("\t")
        cc = f[0].split(".")[0]
        for n in (f[1], f[2]):
            a1.setdefault((cc, ascii_fold(n).lower()), f[0])
            taken.add(n.lower())
    cities = {}
    for line in (dst / "cities.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        f = line.split("\t")
        taken.add(f[1].lower())
        taken.add(f[2].lower())
        cities.setdefault((f[2].lower(), f[3], f[4]), f[0])
    for line in (dst / "countries.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        f = line.split("\t")
        taken.update(n.lower() for n in f[2].split("|") + f[3].split("|") if n)

    def admin1_code(cc, name):
        k = ascii_fold(name).lower()
        k = ADMIN1_SPELLINGS.get((cc, k), k)
        return a1.get((cc, k), "")

    with open(src / "places1000.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    rows += [dict(name=n, cc=cc, admin1=x1, admin2=x2) for n, cc, x1, x2 in CURATED_TOWNS]

    # Second-level divisions, numbered in sorted order.
    keys = sorted({(r["cc"], admin1_code(r["cc"], r["admin1"]), r["admin2"]) for r in rows
                   if r["cc"] in ADMIN2_COUNTRIES and r["admin2"]})
    index = {k: i for i, k in enumerate(keys)}
    out = ["# index\tcountry\tadmin1\tname (English display name)\tnames detected (|)\tnames detected after a "
           "place cue only (|)",
           "# Second-level divisions (counties, council areas, departments) from GeoNames",
           "# places1000 (CC BY 4.0) with curated English names; scripts/build_gazetteer.py."]
    by_name = {}
    for i, (cc, code, name) in enumerate(keys):
        main, minor = admin2_names(cc, name)
        short = (minor or main)[-1]
        # A short name the gazetteer already detects (Bolton the city) also reads as the division.
        main += [m for m in minor if m.lower() in taken]
        minor = [m for m in minor if m.lower() not in taken]
        for (scc, county), parts in SPLIT_COUNTIES.items():
            if scc == cc and name in parts:
                main += [f"County {county}", f"Co {county}"]
                minor.append(county)
        # A one-word name that is an ordinary English word needs a cue ("Reading", "Down").
        for m in list(main):
            if " " not in m and "-" not in m and m.lower() in words and m != name:
                main.remove(m)
                minor.append(m)
        by_name[(cc, name)] = i
        dedup = lambda xs: list(dict.fromkeys(x for x in xs if x))
        display = {"IE": f"County {short}", "FR": short}.get(cc, name)
        out.append("\t".join([str(i), cc, code, display, "|".join(dedup(main)), "|".join(dedup(minor))]))
    (dst / "admin2.tsv").write_text("\n".join(out) + "\n", encoding="utf-8")

    # Towns: places the gazetteer does not name yet; cities: their second-level division.
    towns = set()
    city_admin2 = {}
    for r in rows:
        cc = r["cc"]
        code = admin1_code(cc, r["admin1"])
        a2 = index.get((cc, code, r["admin2"]), "")
        name = clean(r["name"])
        low = name.lower()
        city = cities.get((low, cc, code))
        if city:
            if a2 != "":
                city_admin2.setdefault(city, a2)
            continue
        if (len(name) < 4 or low in taken or low in words or name.lower() == name
                or not name[0].isupper()):
            continue
        towns.add((name, cc, code, str(a2)))
    out = ["# name\tcountry\tadmin1\tadmin2 index: towns and villages of 1,000+ people from GeoNames",
           "# places1000 (CC BY 4.0) whose names the gazetteer does not already detect (not an",
           "# ordinary English word); detected only after a place cue. scripts/build_gazetteer.py."]
    out += ["\t".join(t) for t in sorted(towns)]
    (dst / "towns.tsv").write_text("\n".join(out) + "\n", encoding="utf-8")
    out = ["# geonames id\tadmin2 index: the second-level division of a city of cities.tsv"]
    out += [f"{c}\t{a}" for c, a in sorted(city_admin2.items(), key=lambda x: int(x[0]))]
    (dst / "city_admin2.tsv").write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"{len(keys)} admin2, {len(towns)} towns, {len(city_admin2)} cities with admin2",
          file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(Path(sys.argv[1]), Path(sys.argv[2]))
