//! N013 perturbation: a measurement followed by its conversion ("10 km (6 miles)", "2 tonnes or
//! 4,400 lb") that agrees within 10% is changed in the converted value by 30% to 60%.
//!
//! Units and factors are this module's own table (length, mass, area, volume; no temperatures,
//! no currencies). Ambiguous units (miles: statute or nautical; tons: short, long or metric;
//! gallons: US or imperial) are tried under every reading, both for the check that the original
//! agrees and for the check that the changed value agrees under none.

use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

use super::{in_quotes, Doc, Perturbation};
use crate::prng::SplitMix64;

/// Unit spellings with their dimension and every factor to the dimension's base unit.
const UNITS: &[(&str, &str, &[f64])] = &[
    ("km", "length", &[1000.0]),
    ("kilometres", "length", &[1000.0]),
    ("kilometers", "length", &[1000.0]),
    ("kilometre", "length", &[1000.0]),
    ("kilometer", "length", &[1000.0]),
    ("metres", "length", &[1.0]),
    ("meters", "length", &[1.0]),
    ("metre", "length", &[1.0]),
    ("meter", "length", &[1.0]),
    ("m", "length", &[1.0]),
    ("cm", "length", &[0.01]),
    ("centimetres", "length", &[0.01]),
    ("mm", "length", &[0.001]),
    ("miles", "length", &[1609.344, 1852.0]),
    ("mile", "length", &[1609.344, 1852.0]),
    ("feet", "length", &[0.3048]),
    ("foot", "length", &[0.3048]),
    ("ft", "length", &[0.3048]),
    ("yards", "length", &[0.9144]),
    ("inches", "length", &[0.0254]),
    ("inch", "length", &[0.0254]),
    ("in", "length", &[0.0254]),
    ("kg", "mass", &[1.0]),
    ("kilograms", "mass", &[1.0]),
    ("kilos", "mass", &[1.0]),
    ("tonnes", "mass", &[1000.0]),
    ("tonne", "mass", &[1000.0]),
    ("tons", "mass", &[907.185, 1016.05, 1000.0]),
    ("ton", "mass", &[907.185, 1016.05, 1000.0]),
    ("pounds", "mass", &[0.453_592]),
    ("lb", "mass", &[0.453_592]),
    ("lbs", "mass", &[0.453_592]),
    ("ounces", "mass", &[0.028_349_5]),
    ("oz", "mass", &[0.028_349_5]),
    ("grams", "mass", &[0.001]),
    ("g", "mass", &[0.001]),
    ("hectares", "area", &[10_000.0]),
    ("acres", "area", &[4_046.86]),
    ("sq km", "area", &[1_000_000.0]),
    ("square kilometres", "area", &[1_000_000.0]),
    ("square km", "area", &[1_000_000.0]),
    ("sq miles", "area", &[2_589_988.0]),
    ("square miles", "area", &[2_589_988.0]),
    ("litres", "volume", &[1.0]),
    ("liters", "volume", &[1.0]),
    ("gallons", "volume", &[3.785_41, 4.546_09]),
    ("barrels", "volume", &[158.987]),
    ("cubic metres", "volume", &[1000.0]),
];

fn unit(name: &str) -> Option<(&'static str, &'static [f64])> {
    UNITS
        .iter()
        .find(|(n, _, _)| n.eq_ignore_ascii_case(name) && (n.len() > 1 || *n == name))
        .map(|(_, d, f)| (*d, *f))
}

fn conversion_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let mut names: Vec<&str> = UNITS.iter().map(|(n, _, _)| *n).collect();
        names.sort_by_key(|n| std::cmp::Reverse(n.len()));
        let units = format!("(?i:{})", names.join("|"));
        let num = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?";
        let pattern = format!(
            r"(?P<v1>{num})[ -]?(?P<u1>{units})\b(?P<sep> \((?:about |some |around |roughly |nearly |almost )?| or | / |/)(?P<v2>{num})[ -]?(?P<u2>{units})\b"
        );
        Regex::new(&pattern).expect("static regex")
    })
}

fn parse(v: &str) -> Option<f64> {
    v.replace(',', "").parse().ok()
}

/// Ratios second / first-converted over every reading of the two units.
fn ratios(v1: f64, u1: &[f64], v2: f64, u2: &[f64]) -> Vec<f64> {
    let mut out = Vec::new();
    for f1 in u1 {
        for f2 in u2 {
            let converted = v1 * f1 / f2;
            if converted > 0.0 {
                out.push(v2 / converted);
            }
        }
    }
    out
}

/// One measurement with its conversion: (first value, second value, ratio readings).
#[derive(Clone, Debug, PartialEq)]
pub struct Conversion {
    /// First value's bytes.
    pub first: Range<usize>,
    /// Second value's bytes.
    pub second: Range<usize>,
    /// First value.
    pub v1: f64,
    /// Second value.
    pub v2: f64,
    /// Factors of the first and second unit.
    pub f1: &'static [f64],
    /// Factors of the second unit.
    pub f2: &'static [f64],
}

/// Conversions of `doc` that agree within 10% under some reading.
pub fn conversions(doc: &Doc<'_>) -> Vec<Conversion> {
    let text = doc.text;
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    for c in conversion_re().captures_iter(text) {
        let (Some(v1), Some(u1), Some(v2), Some(u2)) =
            (c.name("v1"), c.name("u1"), c.name("v2"), c.name("u2"))
        else {
            continue;
        };
        if v1.start() > 0 && matches!(bytes[v1.start() - 1], b'0'..=b'9' | b'.' | b'$' | b'-') {
            continue;
        }
        if in_quotes(text, v1.start()) {
            continue;
        }
        let (Some((d1, f1)), Some((d2, f2))) = (unit(u1.as_str()), unit(u2.as_str())) else {
            continue;
        };
        let (Some(a), Some(b)) = (parse(v1.as_str()), parse(v2.as_str())) else {
            continue;
        };
        if d1 != d2 || std::ptr::eq(f1, f2) || a == 0.0 || b == 0.0 {
            continue;
        }
        if !ratios(a, f1, b, f2).iter().any(|r| (0.9..=1.1).contains(r)) {
            continue;
        }
        out.push(Conversion {
            first: v1.start()..v1.end(),
            second: v2.start()..v2.end(),
            v1: a,
            v2: b,
            f1,
            f2,
        });
    }
    out
}

/// `x` written with the decimals and thousands separators of `model`.
pub fn write_like(x: f64, model: &str) -> String {
    let decimals = model.split_once('.').map_or(0, |(_, d)| d.len());
    let s = format!("{x:.decimals$}");
    if !model.contains(',') {
        return s;
    }
    let (int, frac) = s.split_once('.').map_or((s.as_str(), ""), |(i, f)| (i, f));
    let mut out = String::new();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && matches!((int.len() - i) % 3, 0) {
            out.push(',');
        }
        out.push(ch);
    }
    if !frac.is_empty() {
        out.push('.');
        out.push_str(frac);
    }
    out
}

/// N013: the converted value is multiplied by 1.4–1.6 or 0.5–0.6 (rounded as written); the
/// change is kept only when under every reading the new value is 30% or more off.
pub fn change_conversion(doc: &Doc<'_>, rng: &mut SplitMix64) -> Option<Perturbation> {
    let candidates = conversions(doc);
    let hit = rng.pick(&candidates)?.clone();
    let factors = [1.4, 1.5, 1.6, 0.5, 0.55, 0.6];
    let start = rng.below(factors.len());
    let old = &doc.text[hit.second.clone()];
    for k in 0..factors.len() {
        let f = factors[(start + k) % factors.len()];
        let with = write_like(hit.v2 * f, old);
        let Some(new) = parse(&with) else { continue };
        let off = ratios(hit.v1, hit.f1, new, hit.f2)
            .iter()
            .all(|r| !(0.7..=1.3).contains(r));
        if off && with != old {
            return Some(Perturbation {
                summary: format!("{} ({old} → {with})", &doc.text[hit.first.clone()]),
                replace: hit.second.clone(),
                with,
                expected: vec![hit.second, hit.first],
            });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::perturb::testutil::check_copy;

    #[test]
    fn finds_agreeing_conversions() {
        let text = "H\n\nThe storm moved 10 km (6 miles) inland, carried 2 tonnes or 4,400 lb, \
rose 5 feet (1.5m), ran 60 miles (96 KM), fell 10 km (4 miles) and cost $5 (3 pounds).\n";
        let found: Vec<(&str, &str)> = conversions(&Doc::new(text, None))
            .iter()
            .map(|c| (&text[c.first.clone()], &text[c.second.clone()]))
            .collect();
        assert_eq!(
            found,
            vec![("10", "6"), ("2", "4,400"), ("5", "1.5"), ("60", "96")]
        );
    }

    #[test]
    fn write_like_keeps_format() {
        assert_eq!(write_like(6600.4, "4,400"), "6,600");
        assert_eq!(write_like(2.25, "1.5"), "2.2");
        assert_eq!(write_like(9.0, "6"), "9");
        assert_eq!(write_like(1234.56, "1,000.5"), "1,234.6");
    }

    #[test]
    fn changes_the_converted_value_by_thirty_percent_or_more() {
        let text = "H\n\nThe storm moved 100 km (62 miles) inland.\n";
        let d = Doc::new(text, None);
        let mut seen = std::collections::BTreeSet::new();
        for seed in 0..30 {
            let p = change_conversion(&d, &mut SplitMix64::new(seed)).expect("candidate");
            assert_eq!(&text[p.replace.clone()], "62");
            assert_eq!(&text[p.expected[1].clone()], "100");
            let copy = check_copy(text, &p);
            assert_eq!(&copy[p.expected_in_copy()[1].clone()], "100");
            seen.insert(p.with);
        }
        // 62 × 1.4, 1.5, 1.6 = 87, 93, 99; × 0.5, 0.55 = 31, 34 (0.6 → 37, and 100 km is 54
        // nautical miles, so 37/54 = 0.69 is also off).
        assert_eq!(
            seen.into_iter().collect::<Vec<_>>(),
            vec!["31", "34", "37", "87", "93", "99"]
        );
    }
}
