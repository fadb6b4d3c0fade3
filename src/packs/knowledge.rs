//! Knowledge additions of rule packs: places the embedded gazetteer does not know (a
//! newsroom's suburbs) and name aliases (a newsroom's own transliteration pairs).
//!
//! A pack's `[[place]]` tables add places, each resolved when the pack is parsed to an existing
//! gazetteer entry that contains it: its first-level division when `division` is given, else
//! its country. Place extraction ([`crate::claims::places`]) consults the additions only for a
//! capitalised word sequence the gazetteer does not know, and a mention of an added place reads
//! as its container, so L001 compares it like any place in that division or country (its
//! messages name the container: "Ukraine", "Lviv Oblast (Ukraine)"). An added place is trusted
//! (the newsroom declared it): unlike a small gazetteer city it needs no place cue.
//!
//! A pack's `[[region]]` tables add regions: a name, optional adjective forms and members
//! (gazetteer countries, divisions or cities). Each is registered with
//! [`gazetteer::add_region`] when the pack is parsed, so its id works with the gazetteer's
//! `within`, `compatible` and `describe` like a built-in region's: "a Three Seas summit" over a
//! body placing the summit in Kyiv is an L001 conflict ("Ukraine is not in the Three Seas"), a
//! member place is not. A `[[place]]` may name one of its pack's regions (lying within the
//! place's country) as its container instead of a division.
//!
//! A pack's `[[alias]]` tables list spellings that are all acceptable: P001 stays silent for a
//! cluster whose spellings all belong to one alias group, and still reports a cluster with any
//! other spelling in it.

use crate::knowledge::gazetteer::{self, PlaceId};

/// An added place: its name and the gazetteer place that contains it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AddedPlace {
    /// The name as written in the pack ("Hillbrook").
    pub name: String,
    /// Its lookup key ([`gazetteer::key`]: lower case, straight apostrophes).
    pub key: String,
    /// The place it lies in: its division when the pack gives one, else its region (an added
    /// region's id, when the pack gives one), else its country.
    pub within: PlaceId,
}

/// An added region: its name, adjective forms and gazetteer id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AddedRegion {
    /// The name as written in the pack ("Three Seas").
    pub name: String,
    /// Lookup key of the name ([`gazetteer::key`]).
    pub key: String,
    /// Lookup keys of the adjective forms ("three seas", "greater mancunian"), possibly empty.
    pub adjectives: Vec<String>,
    /// Its member places (gazetteer countries, divisions or cities), in the pack's order.
    pub members: Vec<PlaceId>,
    /// Its id from [`gazetteer::add_region`] (outside the embedded table's range).
    pub id: PlaceId,
}

/// Everything the loaded packs add to the embedded knowledge. Empty by default.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Knowledge {
    places: Vec<AddedPlace>,
    regions: Vec<AddedRegion>,
    /// Alias groups, each a list of lower-case single-word spellings.
    aliases: Vec<Vec<String>>,
}

/// The empty knowledge (no packs).
pub static EMPTY: Knowledge = Knowledge {
    places: Vec::new(),
    regions: Vec::new(),
    aliases: Vec::new(),
};

impl Knowledge {
    /// True when nothing is added.
    pub fn is_empty(&self) -> bool {
        self.places.is_empty() && self.regions.is_empty() && self.aliases.is_empty()
    }

    /// The added places, in the order they were added.
    pub fn places(&self) -> &[AddedPlace] {
        &self.places
    }

    /// The added regions, in the order they were added.
    pub fn regions(&self) -> &[AddedRegion] {
        &self.regions
    }

    /// Add a region (a second region with the same name key is ignored: the first pack wins).
    pub fn add_region(&mut self, region: AddedRegion) {
        if !self.regions.iter().any(|r| r.key == region.key) {
            self.regions.push(region);
        }
    }

    /// The added region whose name (`adjective == false`) or adjective form
    /// (`adjective == true`) is `name`, case-insensitive; the first such region.
    pub fn region(&self, name: &str, adjective: bool) -> Option<&AddedRegion> {
        let k = gazetteer::key(name);
        self.regions.iter().find(|r| {
            if adjective {
                r.adjectives.contains(&k)
            } else {
                r.key == k
            }
        })
    }

    /// The alias groups (lower-case spellings), in the order they were added.
    pub fn aliases(&self) -> &[Vec<String>] {
        &self.aliases
    }

    /// Add a place (a second place with the same key is ignored: the first pack wins).
    pub fn add_place(&mut self, place: AddedPlace) {
        if !self.places.iter().any(|p| p.key == place.key) {
            self.places.push(place);
        }
    }

    /// Add an alias group of spellings (lower-cased here); a group equal to one already
    /// added is ignored.
    pub fn add_alias(&mut self, forms: &[String]) {
        let group: Vec<String> = forms.iter().map(|f| f.to_lowercase()).collect();
        if !self.aliases.contains(&group) {
            self.aliases.push(group);
        }
    }

    /// Everything `other` adds, after what is here (duplicates dropped).
    pub fn extend(&mut self, other: &Knowledge) {
        for p in &other.places {
            self.add_place(p.clone());
        }
        for r in &other.regions {
            self.add_region(r.clone());
        }
        for a in &other.aliases {
            self.add_alias(a);
        }
    }

    /// The added place named `name` (case-insensitive, `’` read as `'`), if any.
    pub fn place(&self, name: &str) -> Option<&AddedPlace> {
        let k = gazetteer::key(name);
        self.places.iter().find(|p| p.key == k)
    }

    /// True when some added place's or region's name or adjective key starts with `prefix`
    /// (case-insensitive): used to stop growing a candidate word sequence early.
    pub fn has_place_prefix(&self, prefix: &str) -> bool {
        let k = gazetteer::key(prefix);
        self.places.iter().any(|p| p.key.starts_with(&k))
            || self
                .regions
                .iter()
                .any(|r| r.key.starts_with(&k) || r.adjectives.iter().any(|a| a.starts_with(&k)))
    }

    /// True when every one of `spellings` (compared case-insensitively) belongs to one alias
    /// group. False for an empty list.
    pub fn all_aliases<'s>(&self, spellings: impl IntoIterator<Item = &'s str> + Clone) -> bool {
        self.aliases.iter().any(|group| {
            let mut any = false;
            let all = spellings.clone().into_iter().all(|s| {
                any = true;
                let s = s.to_lowercase();
                group.contains(&s)
            });
            any && all
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extend_drops_duplicates_and_aliases_match_whole_groups() {
        let mut a = Knowledge::default();
        a.add_alias(&["Zelensky".into(), "Zelenskyy".into()]);
        let mut b = Knowledge::default();
        b.add_alias(&["zelensky".into(), "zelenskyy".into()]);
        b.add_place(AddedPlace {
            name: "Hillbrook".into(),
            key: "hillbrook".into(),
            within: 7,
        });
        a.extend(&b);
        a.extend(&b);
        assert_eq!(a.aliases().len(), 1);
        assert_eq!(a.places().len(), 1);
        assert_eq!(a.place("HILLBROOK").map(|p| p.within), Some(7));
        assert!(a.has_place_prefix("Hill") && !a.has_place_prefix("Hz"));
        assert!(a.all_aliases(["Zelensky", "ZELENSKYY"]));
        assert!(!a.all_aliases(["Zelensky", "Zelenskiy"]));
        assert!(!a.all_aliases(std::iter::empty::<&str>()));
        assert!(EMPTY.is_empty() && !a.is_empty());
    }

    #[test]
    fn regions_are_found_by_name_or_adjective_and_first_pack_wins() {
        let region = |name: &str, id| AddedRegion {
            name: name.into(),
            key: gazetteer::key(name),
            adjectives: vec!["seaside".into()],
            members: vec![1],
            id,
        };
        let mut k = Knowledge::default();
        k.add_region(region("Three Seas", 900_001));
        k.add_region(region("THREE SEAS", 900_002));
        assert_eq!(k.regions().len(), 1);
        assert_eq!(k.region("three seas", false).map(|r| r.id), Some(900_001));
        assert_eq!(k.region("Three Seas", true), None);
        assert_eq!(k.region("Seaside", true).map(|r| r.id), Some(900_001));
        assert_eq!(k.region("Seaside", false), None);
        assert!(k.has_place_prefix("Three") && k.has_place_prefix("Sea"));
        assert!(!k.has_place_prefix("Four") && !k.is_empty());
    }
}
