//! The claim envelope: one serialisable shape for every claim an article makes.
//!
//! The typed mentions in [`super::Mentions`] are what rules compare; [`Claim`] wraps each of
//! them in the fields every claim shares (kind, span, segment, sentence, clause, quotation and
//! speaker, frame, alternatives, provenance) for `claimlint claims`, the JSON view and tests.
//! [`collect`] builds them in document order with stable ids.

use serde::Serialize;
use serde_json::{json, Value};

use crate::article::{Article, SegmentKind};
use crate::knowledge::gazetteer::{self, PlaceKind};
use crate::reference::ReferenceDate;
use crate::source::Span;
use crate::text::clauses;

use super::dates::{DateValue, Year};
use super::frame;
use super::resolve;
use super::time::TimeValue;
use super::Mentions;

/// What a claim is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ClaimKind {
    /// A toponym ("Kyiv", "Balkan").
    Place,
    /// An event placed somewhere ("summit in Albania").
    Event,
    /// A person's or place's proper name, for spelling comparison.
    Name,
    /// A calendar date, with its weekday if written.
    Date,
    /// An inclusive date range ("27–29 February").
    Range,
    /// A relative date ("yesterday", "last Friday", "earlier this month").
    RelativeDate,
    /// A duration ("two-day", "for three weeks").
    Duration,
    /// A person's age ("Smith, 45,").
    Age,
    /// A birth date or year.
    Birth,
    /// "25 years ago".
    YearsAgo,
    /// A number with what it counts or measures.
    Quantity,
    /// A stated count and the items it enumerates ("three countries: A, B and C").
    List,
    /// A total and its parts ("of the 120 victims, 50 ..."), or shares of one whole.
    Breakdown,
}

impl ClaimKind {
    /// Every kind, in declaration order.
    pub const ALL: [ClaimKind; 13] = [
        ClaimKind::Place,
        ClaimKind::Event,
        ClaimKind::Name,
        ClaimKind::Date,
        ClaimKind::Range,
        ClaimKind::RelativeDate,
        ClaimKind::Duration,
        ClaimKind::Age,
        ClaimKind::Birth,
        ClaimKind::YearsAgo,
        ClaimKind::Quantity,
        ClaimKind::List,
        ClaimKind::Breakdown,
    ];

    /// The kebab-case name used in output and `--kind` (`relative-date`).
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimKind::Place => "place",
            ClaimKind::Event => "event",
            ClaimKind::Name => "name",
            ClaimKind::Date => "date",
            ClaimKind::Range => "range",
            ClaimKind::RelativeDate => "relative-date",
            ClaimKind::Duration => "duration",
            ClaimKind::Age => "age",
            ClaimKind::Birth => "birth",
            ClaimKind::YearsAgo => "years-ago",
            ClaimKind::Quantity => "quantity",
            ClaimKind::List => "list",
            ClaimKind::Breakdown => "breakdown",
        }
    }

    /// The kind named `s` (as in [`ClaimKind::as_str`]; `number` is an alias of `quantity`,
    /// `person` of `name`, `time` of `relative-date`).
    pub fn parse(s: &str) -> Option<ClaimKind> {
        match s {
            "number" => Some(ClaimKind::Quantity),
            "person" => Some(ClaimKind::Name),
            "time" => Some(ClaimKind::RelativeDate),
            _ => ClaimKind::ALL.into_iter().find(|k| k.as_str() == s),
        }
    }
}

/// Flags of the clause a claim sits in that change what it can be compared with.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Frame {
    /// About another time ("last year's summit", "in 2019").
    pub time_shift: bool,
    /// Hedged or hypothetical ("could be held in", "is expected to").
    pub hedge: bool,
    /// A change or update of an earlier value ("rose to", "revised").
    pub change: bool,
    /// About another event than the article's ("a similar summit", "another crash").
    pub other_event: bool,
}

/// Where a resolved value came from, when it was inferred (a year-less date's year).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Provenance {
    /// The reference date used (YYYY-MM-DD).
    pub reference_date: String,
    /// Where the reference date came from (`command-line`, `front-matter`, `date-line`).
    pub source: String,
}

/// One claim of the article, in the shared envelope.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Claim {
    /// Stable id: kind and byte span (`place@284-288`); unchanged by edits elsewhere that keep
    /// the offset.
    pub id: String,
    /// What it is about.
    pub kind: ClaimKind,
    /// Its bytes in the original file.
    pub span: Span,
    /// The spanned text.
    pub text: String,
    /// The segment it is in.
    pub segment: SegmentKind,
    /// True when it is in the lede (the first body paragraph).
    pub lede: bool,
    /// The sentence holding it, if any (the dateline and date line have none).
    pub sentence: Option<Span>,
    /// The clause holding it within the sentence.
    pub clause: Option<Span>,
    /// True inside a quotation (someone's statement, not the article's).
    pub quoted: bool,
    /// The quotation's attributed speaker, when known.
    pub speaker: Option<String>,
    /// The clause's frame flags.
    pub frame: Frame,
    /// The typed value (shape per kind; see README "claims JSON").
    pub value: Value,
    /// Other readings (Paris FR / Paris TX; "1.5m" as metres or millions).
    pub alternatives: Vec<Value>,
    /// For an inferred value, which reference date it came from.
    pub provenance: Option<Provenance>,
}

struct Builder<'a> {
    article: &'a Article,
    out: Vec<Claim>,
}

impl Builder<'_> {
    fn push(
        &mut self,
        kind: ClaimKind,
        span: Span,
        value: Value,
        alternatives: Vec<Value>,
    ) -> Option<&mut Claim> {
        let a = self.article;
        let sentence = a.sentence_at(span.start);
        let clause = sentence.map(|s| clauses::clause_around(&a.text, s, span));
        let segment = a.segment_at(span.start);
        let lede = match (segment, a.lede()) {
            (Some(s), Some(l)) => s.span == l.span,
            _ => false,
        };
        self.out.push(Claim {
            id: format!("{}@{}-{}", kind.as_str(), span.start, span.end),
            kind,
            span,
            text: a.slice(span).to_string(),
            segment: segment.map_or(SegmentKind::Paragraph, |s| s.kind),
            lede,
            sentence,
            clause,
            quoted: a.in_quote(span),
            speaker: a.speaker_of(span).map(|s| a.slice(s).to_string()),
            frame: Frame::default(),
            value,
            alternatives,
            provenance: None,
        });
        self.out.last_mut()
    }
}

fn place_value(id: u32) -> Value {
    match gazetteer::place(id) {
        Some(p) => {
            let country = p.country.and_then(gazetteer::place).map(|c| c.name);
            json!({
                "name": p.name,
                "kind": match p.kind {
                    PlaceKind::Region => "region",
                    PlaceKind::Country => "country",
                    PlaceKind::Admin1 => "division",
                    PlaceKind::Admin2 => "second-level division",
                    PlaceKind::City => "city",
                    PlaceKind::Venue => "venue",
                },
                "country": country,
                "population": (p.population > 0).then_some(p.population),
            })
        }
        None => json!({ "id": id }),
    }
}

/// The envelope's provenance for a value resolved against `p` (from [`super::resolve`]).
fn provenance_of(p: &resolve::Provenance) -> Provenance {
    Provenance {
        reference_date: p.date.format("%Y-%m-%d").to_string(),
        source: serde_json::to_value(p.source)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default(),
    }
}

/// An inferred year's provenance, as [`super::resolve::dates`] attached it.
fn provenance(year: &Year) -> Option<Provenance> {
    match year {
        Year::Inferred { reference, .. } => Some(provenance_of(reference)),
        _ => None,
    }
}

/// Every claim of `article`, in document order (by span start, then kind), from `mentions`.
pub fn collect(
    article: &Article,
    mentions: &Mentions,
    reference: Option<&ReferenceDate>,
) -> Vec<Claim> {
    let mut b = Builder {
        article,
        out: Vec::new(),
    };
    for p in &mentions.places {
        let mut readings = p.readings.iter().map(|&r| place_value(r));
        let first = readings.next().unwrap_or(Value::Null);
        let value = json!({ "place": first, "role": p.role, "cue": p.cue });
        if let Some(c) = b.push(ClaimKind::Place, p.span, value, readings.collect()) {
            c.frame = frame::of(article, p.span);
        }
    }
    for e in &mentions.events {
        let Some(place) = mentions.places.get(e.place) else {
            continue;
        };
        let value = json!({
            "event": e.event,
            "place": article.slice(place.span),
            "place_span": place.span,
            "form": e.form,
            "qualifier": e.qualifier,
        });
        let span = Span::new(
            e.noun.start.min(place.span.start),
            e.noun.end.max(place.span.end),
        );
        let Some(c) = b.push(ClaimKind::Event, span, value, Vec::new()) else {
            continue;
        };
        // Quoted and spoken as its place is ("the summit in 'Kyiv'" is the speaker's claim).
        c.quoted = e.quoted;
        c.speaker = article
            .speaker_of(place.span)
            .map(|s| article.slice(s).to_string());
        c.frame = frame::of(article, e.noun);
    }
    for n in &mentions.names {
        let mut value = json!({
            "family": article.slice(n.family),
            "given": n.given.map(|g| article.slice(g)),
            "titled": n.titled,
        });
        if let Some(p) = mentions
            .people
            .persons
            .iter()
            .find(|p| p.mentions.contains(&n.span))
        {
            if let Some(obj) = value.as_object_mut() {
                let person = super::people::describe(article, p, &mentions.times, n.span == p.name);
                obj.insert("person".into(), person);
            }
        }
        b.push(ClaimKind::Name, n.span, value, Vec::new());
    }
    for d in &mentions.dates {
        let DateValue::Calendar(c) = &d.value;
        let value = json!({
            "month": c.month,
            "day": c.day,
            "year": c.year,
            "date": c.date.map(|d| d.format("%Y-%m-%d").to_string()),
            "weekday": d.weekday.map(|w| format!("{:?}", w.weekday)),
            "form": c.form,
        });
        let prov = provenance(&c.year);
        if let Some(c) = b.push(ClaimKind::Date, d.span, value, Vec::new()) {
            c.provenance = prov;
        }
    }
    for t in &mentions.times {
        let kind = match &t.value {
            TimeValue::RelativeDay(_) | TimeValue::Weekday(_) | TimeValue::Period(_) => {
                ClaimKind::RelativeDate
            }
            TimeValue::Duration(_) => ClaimKind::Duration,
            TimeValue::Age(_) => ClaimKind::Age,
            TimeValue::Birth(_) => ClaimKind::Birth,
            TimeValue::YearsAgo(_) => ClaimKind::YearsAgo,
            TimeValue::Range(_) => ClaimKind::Range,
        };
        let value = serde_json::to_value(&t.value).unwrap_or(Value::Null);
        // A relative date means a day only against the reference date: that is its provenance.
        let prov = (kind == ClaimKind::RelativeDate)
            .then(|| reference.map(|r| provenance_of(&resolve::Provenance::of(r))))
            .flatten();
        if let Some(c) = b.push(kind, t.span, value, Vec::new()) {
            c.provenance = prov;
        }
    }
    for n in &mentions.numbers {
        let value = json!({
            "value": n.value,
            "high": n.high,
            "qualifier": n.qualifier,
            "kind": n.kind,
            "noun": n.counted.noun,
            "verb": n.counted.verb,
        });
        let alts = n
            .alt
            .map(|(u, v)| vec![json!({ "unit": u.name, "value": v })])
            .unwrap_or_default();
        if let Some(c) = b.push(ClaimKind::Quantity, n.span, value, alts) {
            c.frame = super::quantity_frame::sentence_frame(article, n);
        }
    }
    for l in &mentions.lists {
        let value = json!({
            "count": mentions.numbers.get(l.count).map(|n| n.value),
            "stated": article.slice(l.stated),
            "items": l.items,
        });
        let span = Span::new(l.stated.start, l.span.end);
        b.push(ClaimKind::List, span, value, Vec::new());
    }
    for d in &mentions.breakdowns {
        let total = d.total.and_then(|t| mentions.numbers.get(t));
        let parts: Vec<&super::numbers::NumberMention> = d
            .parts
            .iter()
            .filter_map(|&p| mentions.numbers.get(p))
            .collect();
        let (Some(first), Some(last)) = (parts.first(), parts.last()) else {
            continue;
        };
        let start = total.map_or(first.span.start, |t| t.span.start.min(first.span.start));
        let value = json!({
            "kind": d.kind,
            "total": total.map(|t| t.value),
            "parts": parts.iter().map(|p| p.value).collect::<Vec<f64>>(),
            "closure": d.closure,
        });
        b.push(
            ClaimKind::Breakdown,
            Span::new(start, last.span.end),
            value,
            Vec::new(),
        );
    }
    let mut out = b.out;
    // A capitalised word that is already a place, date or weekday claim is not also listed as a
    // name: the name list exists for spelling comparison (N001), the checklist shows the
    // stronger reading.
    let typed: Vec<Span> = out
        .iter()
        .filter(|c| !matches!(c.kind, ClaimKind::Name | ClaimKind::Quantity))
        .map(|c| c.span)
        .collect();
    out.retain(|c| c.kind != ClaimKind::Name || !typed.iter().any(|s| s.overlaps(c.span)));
    // A number that is the whole of an age, duration or years-ago claim ("31-year-old",
    // "two-day") is shown once, as that claim.
    let timed: Vec<Span> = out
        .iter()
        .filter(|c| {
            matches!(
                c.kind,
                ClaimKind::Age | ClaimKind::Duration | ClaimKind::YearsAgo
            )
        })
        .map(|c| c.span)
        .collect();
    out.retain(|c| c.kind != ClaimKind::Quantity || !timed.iter().any(|s| s.contains(c.span)));
    out.sort_by_key(|c| (c.span.start, c.kind, c.span.end));
    out.dedup_by(|a, b| a.id == b.id);
    out
}
