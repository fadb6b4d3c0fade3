//! Embedded knowledge: calendar names, the gazetteer and name folding.

pub mod calendar;
pub mod fold;
pub mod gazetteer;
pub mod lexicon;
pub mod names;
pub mod numbers;
