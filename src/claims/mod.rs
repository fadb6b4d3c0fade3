//! Extractors: find typed mentions in an article once, for all rules.

pub mod dates;
pub mod envelope;
pub mod events;
pub mod frame;
pub mod names;
pub mod numbers;
pub mod places;
pub mod time;

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
    /// Relative dates, durations, ages and birth dates.
    pub times: Vec<time::TimeMention>,
}

impl Mentions {
    /// Run every extractor on `article`.
    pub fn extract(article: &Article, reference: Option<&ReferenceDate>) -> Self {
        let places = places::extract(article);
        let events = events::extract(article, &places);
        let dates = dates::extract(article, reference);
        let times = time::extract(article, &dates);
        Mentions {
            places,
            events,
            dates,
            names: names::extract(article),
            numbers: numbers::extract(article),
            times,
        }
    }
}
