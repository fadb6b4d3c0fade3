#!/usr/bin/env python3
"""Generate an NDJSON archive of synthetic news articles for scripts/spark.sh.

Usage: spark_gen.py N > archive.ndjson

Every line is one JSON object: {"id", "headline", "date", "body"}. The text comes from the
templates below (written for this script; no corpus text). The generator is deterministic
(seeded), and about a third of the records carry a real contradiction that claimlint reports:
a summit placed in two cities (L001), a weekday that does not fit the date (D001), or a name
spelled two ways (P001).
"""

import datetime
import json
import random
import sys

CITIES = [
    ("Tirana", "Albania"), ("Skopje", "North Macedonia"), ("Podgorica", "Montenegro"),
    ("Sarajevo", "Bosnia and Herzegovina"), ("Belgrade", "Serbia"), ("Zagreb", "Croatia"),
    ("Ljubljana", "Slovenia"), ("Sofia", "Bulgaria"), ("Bucharest", "Romania"),
    ("Athens", "Greece"),
]
FAR = ["Kyiv", "Lisbon", "Oslo", "Dublin", "Helsinki"]
PEOPLE = [
    ("Arben", "Hoxha", "Hoxa"), ("Elena", "Petrova", "Petrowa"), ("Marko", "Jovanovic", "Jovanovich"),
    ("Ana", "Kovacevic", "Kovacevich"), ("Nikos", "Papadakis", "Papadakes"),
]
TOPICS = [
    ("summit", "Leaders gather for {topic} in {city}",
     "Delegates from {n} countries met for the {topic} on {weekday}, {date_text}. "
     "The {topic} in {place} closed with a joint statement on trade routes and energy links."),
    ("conference", "Energy {topic} opens in {city}",
     "Ministers opened the {topic} on {weekday}, {date_text}, with talks on power lines. "
     "The {topic} in {place} is expected to agree on {n} new projects."),
    ("forum", "Regional {topic} meets in {city} to discuss rail links",
     "The {topic} began on {weekday}, {date_text}. Officials said the {topic} in {place} "
     "would review {n} proposals for new rail links across the region."),
]


def record(i, rng):
    city, _country = CITIES[rng.randrange(len(CITIES))]
    topic, head, body = TOPICS[rng.randrange(len(TOPICS))]
    given, family, variant = PEOPLE[rng.randrange(len(PEOPLE))]
    day = datetime.date(2024, 1, 1) + datetime.timedelta(days=rng.randrange(700))
    weekday = day.strftime("%A")
    kind = i % 9
    place = city
    if kind == 0:  # two places for one event (L001)
        place = FAR[rng.randrange(len(FAR))]
    elif kind == 3:  # a weekday that does not fit the date (D001)
        weekday = (day + datetime.timedelta(days=1)).strftime("%A")
    date_text = f"{day.strftime('%B')} {day.day}, {day.year}"
    n = 3 + rng.randrange(30)
    words = dict(topic=topic, city=city, place=place, weekday=weekday, date_text=date_text, n=n)
    second = variant if kind == 6 else family  # a name spelled two ways (P001)
    text = (
        f"{city.upper()}, {day.strftime('%B')} {day.day} (Wire) - " + body.format(**words)
        + f"\n\nMinister {given} {family} said the talks were useful. "
        + f"{second} added that a follow-up meeting would be held within {n % 7 + 2} months."
    )
    return {
        "id": f"a-{i:07d}",
        "headline": head.format(**words),
        "date": day.isoformat(),
        "body": text,
    }


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000
    rng = random.Random(20240604)
    out = sys.stdout
    for i in range(n):
        out.write(json.dumps(record(i, rng), ensure_ascii=False))
        out.write("\n")


if __name__ == "__main__":
    main()
