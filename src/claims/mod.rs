//! Extractors: find typed mentions in an article once, for all rules.

pub mod age;
pub mod breakdown;
mod date_scan;
pub mod dates;
pub mod envelope;
pub mod events;
pub mod frame;
pub mod headline;
pub mod list;
mod lower_words;
pub mod names;
pub mod numbers;
mod numeral;
pub mod people;
pub mod places;
mod quantity;
pub mod quantity_frame;
pub mod range;
pub mod relative;
pub mod resolve;
pub mod spanned;
pub mod support;
pub mod tense;
pub mod time;
pub mod time_frame;

use crate::article::Article;
use crate::reference::ReferenceDate;

/// Everything extracted from one article, in document order per kind.
#[derive(Debug, Default, serde::Serialize)]
pub struct Mentions {
    /// Toponyms resolved against the gazetteer.
    pub places: Vec<places::PlaceMention>,
    /// Event-location claims ("summit in Kyiv"), pointing into `places`.
    pub events: Vec<events::EventClaim>,
    /// Written dates (with or without weekday and year).
    pub dates: Vec<dates::DateMention>,
    /// Capitalised person and place names, for spelling comparison.
    pub names: Vec<names::NameMention>,
    /// Numbers with their counted noun, qualifier and unit.
    pub numbers: Vec<numbers::NumberMention>,
    /// Counts followed by the list they enumerate, pointing into `numbers`.
    pub lists: Vec<list::ListClaim>,
    /// Totals with their parts, and shares of one whole, pointing into `numbers`.
    pub breakdowns: Vec<breakdown::Breakdown>,
    /// Relative dates, durations, ages and birth dates.
    pub times: Vec<time::TimeMention>,
    /// Persons built on `names`, with their roles, ages (into `times`) and quotations.
    pub people: people::People,
}

impl Mentions {
    /// Run every extractor on `article`, with no pack knowledge.
    pub fn extract(article: &Article, reference: Option<&ReferenceDate>) -> Self {
        Self::extract_with(article, reference, &crate::packs::knowledge::EMPTY)
    }

    /// Run every extractor on `article`; place extraction also knows the places `knowledge`
    /// adds ([`places::extract_with`]).
    pub fn extract_with(
        article: &Article,
        reference: Option<&ReferenceDate>,
        knowledge: &crate::packs::Knowledge,
    ) -> Self {
        let places = places::extract_with(article, knowledge);
        let events = events::extract(article, &places);
        let mut dates = dates::extract(article);
        resolve::dates(&mut dates, reference);
        let times = time::extract(article, &dates);
        let numbers = numbers::extract(article);
        let lists = list::extract(article, &numbers);
        let breakdowns = breakdown::extract(article, &numbers);
        let names = names::extract(article);
        let people = people::extract(article, &names, &times);
        Mentions {
            places,
            events,
            dates,
            names,
            numbers,
            lists,
            breakdowns,
            times,
            people,
        }
    }
}
