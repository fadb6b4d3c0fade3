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

/// A per-thread memo of a pure function: keys (owned as `Box<K>`) to answers, for the lookups
/// that depend on a word alone and recur from article to article (gazetteer values, the place
/// extractor's first-word walks, name keys). Declare one with `thread_local!` and ask it with
/// [`remembered`].
pub type Memo<K, V> = std::cell::RefCell<FastMap<Box<K>, V>>;

/// The answer for `key` from `memo`, or `work()` remembered there. When the memo holds `cap`
/// keys it forgets them all first (memory stays bounded; a few hundred kilobytes to a few
/// megabytes per thread at the caps used). Re-entered while borrowed, it just works the answer
/// out. What is remembered must depend on `key` alone: it then changes no result, only cost.
pub fn remembered<K, V>(
    memo: &'static std::thread::LocalKey<Memo<K, V>>,
    key: &K,
    cap: usize,
    work: impl FnOnce() -> V,
) -> V
where
    K: ?Sized + Eq + std::hash::Hash,
    Box<K>: for<'a> From<&'a K>,
    V: Clone,
{
    memo.with(|cell| {
        let Ok(mut map) = cell.try_borrow_mut() else {
            return work();
        };
        if let Some(v) = map.get(key) {
            return v.clone();
        }
        let v = work();
        if map.len() >= cap {
            map.clear();
        }
        map.insert(Box::from(key), v.clone());
        v
    })
}
