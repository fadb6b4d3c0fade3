//! The embedded gazetteer. (Being implemented: API may grow, these signatures stay.)

/// True when two written place names are known names of one place (Kiev / Kyiv), by the
/// gazetteer's main, ASCII, curated and alternate names. Case-insensitive. False when either is
/// unknown or they name different places.
pub fn same_place(a: &str, b: &str) -> bool {
    let _ = (a, b);
    false
}

/// True when `name` (case-insensitive) is a known place name of any kind (country, region,
/// first-level division or city).
pub fn is_place_name(name: &str) -> bool {
    let _ = name;
    false
}
