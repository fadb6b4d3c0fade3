//! Hash maps and sets for the per-article hot paths.
//!
//! The standard library's SipHash resists collision attacks but costs several times more per
//! short key than needed for the few thousand words of one article. These aliases use
//! `foldhash`'s fast hasher (already in the dependency tree through `hashbrown`), seeded per
//! process like the standard `RandomState`, so iteration order is no more predictable than before:
//! code must not depend on it (output order comes from spans and sorting, never from a map).

/// A `HashMap` with `foldhash`'s fast, per-process-seeded hasher.
pub type FastMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;

/// A `HashSet` with `foldhash`'s fast, per-process-seeded hasher.
pub type FastSet<T> = std::collections::HashSet<T, foldhash::fast::RandomState>;

/// An empty [`FastMap`] with room for `n` entries without reallocating.
pub fn map_with_capacity<K, V>(n: usize) -> FastMap<K, V> {
    FastMap::with_capacity_and_hasher(n, foldhash::fast::RandomState::default())
}

/// An empty [`FastSet`] with room for `n` entries without reallocating.
pub fn set_with_capacity<T>(n: usize) -> FastSet<T> {
    FastSet::with_capacity_and_hasher(n, foldhash::fast::RandomState::default())
}
