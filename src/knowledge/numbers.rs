//! Number words, scale words, qualifiers, currencies and physical units with their factors.
//!
//! Every lookup takes a word as written and matches it case-insensitively (ASCII), so headlines
//! in capitals ("TWO KILLED") read the same as body text.

/// Cardinal number words from zero to nineteen; a word's index is its value.
pub const SMALL_NUMBERS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];

/// The tens words, "twenty" to "ninety": a word's index `i` is the value `20 + 10 * i`.
pub const TENS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// `word` in ASCII lower case: borrowed when it has no upper-case letter (most words of body
/// text), so the lookups here allocate only for capitalised words.
pub(crate) fn ascii_lower(word: &str) -> std::borrow::Cow<'_, str> {
    if word.bytes().any(|b| b.is_ascii_uppercase()) {
        std::borrow::Cow::Owned(word.to_ascii_lowercase())
    } else {
        std::borrow::Cow::Borrowed(word)
    }
}

/// For each length (index) and first letter, the last letters (bit `l - 'a'`) of the number
/// words of [`SMALL_NUMBERS`] and [`TENS`]: [`word_value`]'s quick rejection. Built at compile
/// time from the lists.
// Evaluated at compile time: an index out of bounds would fail the build, not panic.
#[allow(clippy::indexing_slicing)]
const NUMBER_WORD_ENDINGS: [[u32; 26]; 10] = {
    let mut t = [[0u32; 26]; 10];
    let mut i = 0;
    while i < SMALL_NUMBERS.len() + TENS.len() {
        let w = if i < SMALL_NUMBERS.len() {
            SMALL_NUMBERS[i].as_bytes()
        } else {
            TENS[i - SMALL_NUMBERS.len()].as_bytes()
        };
        t[w.len()][(w[0] - b'a') as usize] |= 1 << (w[w.len() - 1] - b'a');
        i += 1;
    }
    t
};

/// The value of a cardinal number word ("one" … "ninety"), lower or upper case.
///
/// This runs for every word of every paragraph, so the word is lower-cased into a buffer on
/// the stack (number words are 3 to 9 letters) and compared as bytes.
pub fn word_value(word: &str) -> Option<u32> {
    let b = word.as_bytes();
    if !(3..=9).contains(&b.len()) {
        return None;
    }
    // Most words are not number words: rejected by length, first and last letter at once.
    let letter = |c: Option<&u8>| c.map(u8::to_ascii_lowercase).filter(u8::is_ascii_lowercase);
    let (Some(first), Some(last)) = (letter(b.first()), letter(b.last())) else {
        return None;
    };
    let endings = NUMBER_WORD_ENDINGS
        .get(b.len())
        .and_then(|by_first| by_first.get(usize::from(first - b'a')));
    if endings.is_none_or(|&mask| mask & (1 << (last - b'a')) == 0) {
        return None;
    }
    let mut buf = [0u8; 9];
    for (d, s) in buf.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    let w = buf.get(..b.len())?;
    if let Some(i) = SMALL_NUMBERS.iter().position(|n| n.as_bytes() == w) {
        return u32::try_from(i).ok();
    }
    TENS.iter()
        .position(|n| n.as_bytes() == w)
        .and_then(|i| u32::try_from(i).ok())
        .map(|i| 20 + 10 * i)
}

/// True for the tens words ("twenty" … "ninety") that can take a hyphenated unit ("twenty-one").
pub fn is_tens(word: &str) -> bool {
    word_value(word).is_some_and(|v| v >= 20 && v % 10 == 0)
}

/// A multiplier written as a word or suffix after a number: "million", "mln", "m", "bn", "k",
/// "thousand", "hundred", "dozen". `attached` is true when the suffix touches the digits
/// ("1.5m", "11.1bn"); the one-letter forms count only then.
pub fn scale(word: &str, attached: bool) -> Option<f64> {
    Some(match &*ascii_lower(word) {
        "hundred" => 1e2,
        "thousand" => 1e3,
        "million" | "millions" | "mln" | "mn" => 1e6,
        "billion" | "bln" | "bn" => 1e9,
        "trillion" | "tn" | "trln" => 1e12,
        "k" if attached => 1e3,
        "m" if attached => 1e6,
        "b" if attached => 1e9,
        _ => return None,
    })
}

/// How a qualifier before a number (or an amount of time) widens what it can mean: the one
/// qualifier of the crate, used by numbers ([`QUALIFIERS`]) and by durations and "years ago"
/// (`claims::time`).
///
/// The phrases are decided once, here:
///
/// - **"over"** is [`Qualifier::MoreThan`], with "more than", "upwards of", "in excess of",
///   "above", "just over" and "well over": above the number. Comparisons read it as *the
///   number or more* (see [`Qualifier::interval`]), because "over 10" is often a rounded 10.
/// - "at least", "no fewer than", "no less than", "a minimum of" are [`Qualifier::AtLeast`]:
///   the number or more.
/// - "up to", "as many as", "at most", "no more than", "less than", "fewer than", "under",
///   "below" are [`Qualifier::AtMost`]: the number or less.
/// - "nearly", "almost", "close to", "just under" are [`Qualifier::Nearly`]: a little below.
/// - "about", "around", "some", "roughly", "approximately", "an estimated" are
///   [`Qualifier::About`].
///
/// A consumer that needs only a lower or upper bound treats `MoreThan` like `AtLeast` and
/// `Nearly` like `AtMost` (D013 does); "exactly", "just" and "only" are [`Qualifier::Exact`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub enum Qualifier {
    /// No qualifier: the number is meant exactly.
    Exact,
    /// "at least", "no fewer than": the number or more.
    AtLeast,
    /// "more than", "over", "upwards of": above the number (read as the number or more).
    MoreThan,
    /// "about", "around", "some", "an estimated", "roughly": near the number either way.
    About,
    /// "nearly", "almost", "close to", "just under": a little below the number.
    Nearly,
    /// "up to", "as many as", "at most", "less than", "fewer than", "under": the number or less.
    AtMost,
}

impl Qualifier {
    /// The closed interval of values compatible with `lo..=hi` written with this qualifier.
    /// Approximations allow 15% either way (`About`) or 15% below (`Nearly`).
    pub fn interval(self, lo: f64, hi: f64) -> (f64, f64) {
        match self {
            Qualifier::Exact => (lo, hi),
            Qualifier::AtLeast | Qualifier::MoreThan => (lo, f64::INFINITY),
            Qualifier::About => (lo * 0.85, hi * 1.15),
            Qualifier::Nearly => (lo * 0.85, hi),
            Qualifier::AtMost => (0.0, hi),
        }
    }

    /// How the qualifier reads in a message ("at least ").
    pub fn describe(self) -> &'static str {
        match self {
            Qualifier::Exact => "exactly",
            Qualifier::AtLeast => "at least",
            Qualifier::MoreThan => "more than",
            Qualifier::About => "about",
            Qualifier::Nearly => "nearly",
            Qualifier::AtMost => "at most",
        }
    }
}

/// Qualifier phrases (lower case, words separated by one space) that may stand right before a
/// number, longest first within each meaning.
pub const QUALIFIERS: &[(&str, Qualifier)] = &[
    ("at least", Qualifier::AtLeast),
    ("no fewer than", Qualifier::AtLeast),
    ("no less than", Qualifier::AtLeast),
    ("a minimum of", Qualifier::AtLeast),
    ("more than", Qualifier::MoreThan),
    ("over", Qualifier::MoreThan),
    ("upwards of", Qualifier::MoreThan),
    ("in excess of", Qualifier::MoreThan),
    ("just over", Qualifier::MoreThan),
    ("well over", Qualifier::MoreThan),
    ("above", Qualifier::MoreThan),
    ("an estimated", Qualifier::About),
    ("estimated", Qualifier::About),
    ("about", Qualifier::About),
    ("around", Qualifier::About),
    ("some", Qualifier::About),
    ("roughly", Qualifier::About),
    ("approximately", Qualifier::About),
    ("approx", Qualifier::About),
    ("an approximate", Qualifier::About),
    ("nearly", Qualifier::Nearly),
    ("almost", Qualifier::Nearly),
    ("close to", Qualifier::Nearly),
    ("just under", Qualifier::Nearly),
    ("up to", Qualifier::AtMost),
    ("as many as", Qualifier::AtMost),
    ("as much as", Qualifier::AtMost),
    ("at most", Qualifier::AtMost),
    ("no more than", Qualifier::AtMost),
    ("less than", Qualifier::AtMost),
    ("fewer than", Qualifier::AtMost),
    ("under", Qualifier::AtMost),
    ("below", Qualifier::AtMost),
];

/// The qualifier a phrase stands for (lower case, words separated by one space: "more than"),
/// from [`QUALIFIERS`]; `None` when the phrase is not a qualifier there.
pub fn qualifier_of(phrase: &str) -> Option<Qualifier> {
    QUALIFIERS
        .iter()
        .find(|(p, _)| *p == phrase)
        .map(|&(_, q)| q)
}

/// The currency named by a symbol before a number ("$", "US$", "£", "€", "¥") or a word after
/// it ("dlrs", "dollars", "euros", "yen"). Returns an ISO-like code or a plain name; `None` when
/// not a currency. "pounds" is not handled here (it may be a weight).
pub fn currency(word: &str) -> Option<&'static str> {
    Some(match &*ascii_lower(word) {
        "$" | "dlrs" | "dlr" | "dollars" | "dollar" => "USD",
        "us$" => "USD",
        "a$" => "AUD",
        "c$" => "CAD",
        "hk$" => "HKD",
        "nz$" => "NZD",
        "s$" => "SGD",
        "£" | "stg" | "sterling" => "GBP",
        "€" | "euros" | "euro" => "EUR",
        "¥" | "yen" => "JPY",
        "francs" | "franc" => "francs",
        "marks" => "marks",
        "lire" | "lira" => "lire",
        "rupees" | "rupee" => "rupees",
        "yuan" | "renminbi" => "yuan",
        "roubles" | "rubles" => "roubles",
        "pesos" => "pesos",
        "guilders" => "guilders",
        "crowns" => "crowns",
        "cents" | "cts" => "cents",
        _ => return None,
    })
}

/// The physical quantity a unit measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub enum Dimension {
    /// Metres.
    Length,
    /// Kilograms.
    Mass,
    /// Kelvin-like: converted with an offset.
    Temperature,
    /// Metres per second.
    Speed,
    /// Square metres.
    Area,
    /// Litres.
    Volume,
}

/// A physical unit: its name and how to turn a value into the dimension's base unit.
#[derive(Debug, PartialEq, serde::Serialize)]
pub struct Unit {
    /// Short name used in messages ("km", "miles", "°C").
    pub name: &'static str,
    /// What it measures.
    pub dimension: Dimension,
    /// The accepted factors to the base unit: more than one where a name is ambiguous
    /// ("miles": statute or nautical; "tons": short, long or metric; "gallons": US or imperial).
    pub factors: &'static [f64],
    /// Added after the factor (temperatures only: °F → °C is (v − 32) × 5/9).
    pub offset: f64,
}

macro_rules! unit {
    ($id:ident, $name:expr, $dim:ident, [$($f:expr),+], $off:expr) => {
        /// A unit constant.
        pub static $id: Unit = Unit {
            name: $name,
            dimension: Dimension::$dim,
            factors: &[$($f),+],
            offset: $off,
        };
    };
}

unit!(KM, "km", Length, [1000.0], 0.0);
unit!(METRE, "m", Length, [1.0], 0.0);
unit!(CM, "cm", Length, [0.01], 0.0);
unit!(MM, "mm", Length, [0.001], 0.0);
unit!(MILE, "miles", Length, [1609.344, 1852.0], 0.0);
unit!(NMILE, "nautical miles", Length, [1852.0], 0.0);
unit!(FOOT, "ft", Length, [0.3048], 0.0);
unit!(INCH, "in", Length, [0.0254], 0.0);
unit!(YARD, "yards", Length, [0.9144], 0.0);
unit!(KG, "kg", Mass, [1.0], 0.0);
unit!(GRAM, "g", Mass, [0.001], 0.0);
unit!(POUND, "lb", Mass, [0.453_592_37], 0.0);
unit!(OUNCE, "oz", Mass, [0.028_349_523], 0.0);
unit!(TONNE, "tonnes", Mass, [1000.0], 0.0);
unit!(TON, "tons", Mass, [907.184_74, 1_016.046_9, 1000.0], 0.0);
unit!(CELSIUS, "°C", Temperature, [1.0], 0.0);
unit!(
    FAHRENHEIT,
    "°F",
    Temperature,
    [0.555_555_555_6],
    -17.777_777_78
);
unit!(KMH, "km/h", Speed, [0.277_777_78], 0.0);
unit!(MPH, "mph", Speed, [0.447_04], 0.0);
unit!(KNOT, "knots", Speed, [0.514_444], 0.0);
unit!(SQKM, "sq km", Area, [1e6], 0.0);
unit!(SQMILE, "sq miles", Area, [2_589_988.110], 0.0);
unit!(HECTARE, "hectares", Area, [1e4], 0.0);
unit!(ACRE, "acres", Area, [4_046.856_422_4], 0.0);
unit!(LITRE, "litres", Volume, [1.0], 0.0);
unit!(GALLON, "gallons", Volume, [3.785_411_784, 4.546_09], 0.0);

/// A unit written as one word after a number ("km", "kilometres", "miles", "kg", "°C").
/// `attached` is true when it touches the digits ("10km", "30C"); single letters ("C", "F",
/// "m") count only then, and "m" is never returned here (it may mean million: see the
/// extractor). "pounds" is a weight here; callers decide between weight and money.
pub fn unit(word: &str, attached: bool) -> Option<&'static Unit> {
    Some(match &*ascii_lower(word) {
        "km" | "kms" | "kilometres" | "kilometers" | "kilometre" | "kilometer" => &KM,
        "metres" | "meters" | "metre" | "meter" => &METRE,
        "cm" | "centimetres" | "centimeters" => &CM,
        "mm" | "millimetres" | "millimeters" => &MM,
        "miles" | "mile" | "mi" => &MILE,
        "feet" | "ft" | "foot" => &FOOT,
        "inches" | "inch" => &INCH,
        "yards" | "yard" | "yds" => &YARD,
        "kg" | "kgs" | "kilos" | "kilograms" | "kilogrammes" | "kilogram" => &KG,
        "grams" | "grammes" => &GRAM,
        "lb" | "lbs" | "pounds" | "pound" => &POUND,
        "ounces" | "oz" => &OUNCE,
        "tonnes" | "tonne" => &TONNE,
        "tons" | "ton" => &TON,
        "°c" | "celsius" | "centigrade" => &CELSIUS,
        "°f" | "fahrenheit" => &FAHRENHEIT,
        "c" if attached => &CELSIUS,
        "f" if attached => &FAHRENHEIT,
        "kph" | "km/h" | "kmh" => &KMH,
        "mph" => &MPH,
        "knots" => &KNOT,
        "hectares" | "hectare" | "ha" => &HECTARE,
        "acres" | "acre" => &ACRE,
        "litres" | "liters" | "litre" | "liter" => &LITRE,
        "gallons" | "gallon" => &GALLON,
        _ => return None,
    })
}

/// Convert `value` in `from` to `to`, once per accepted pair of factors. Empty when the units
/// measure different things. `delta` converts a difference (no temperature offset).
pub fn convert(value: f64, from: &Unit, to: &Unit, delta: bool) -> Vec<f64> {
    if from.dimension != to.dimension {
        return Vec::new();
    }
    let mut out = Vec::new();
    for &f in from.factors {
        for &t in to.factors {
            let base = value * f + if delta { 0.0 } else { from.offset };
            out.push((base - if delta { 0.0 } else { to.offset }) / t);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_scales() {
        assert_eq!(word_value("Twenty"), Some(20));
        assert_eq!(word_value("NINE"), Some(9));
        assert_eq!(word_value("hundred"), None);
        assert_eq!(scale("mln", false), Some(1e6));
        assert_eq!(scale("m", false), None);
        assert_eq!(scale("m", true), Some(1e6));
    }

    /// The stack lookup agrees with the plain case-insensitive search of the two tables it
    /// replaces, on every number word in three casings, on words one letter off and on others.
    #[test]
    fn word_value_matches_the_table_search() {
        let old = |word: &str| -> Option<u32> {
            if let Some(i) = SMALL_NUMBERS
                .iter()
                .position(|w| w.eq_ignore_ascii_case(word))
            {
                return u32::try_from(i).ok();
            }
            TENS.iter()
                .position(|w| w.eq_ignore_ascii_case(word))
                .and_then(|i| u32::try_from(i).ok())
                .map(|i| 20 + 10 * i)
        };
        let mut words: Vec<String> = [
            "",
            "a",
            "an",
            "hundred",
            "dozen",
            "seventeens",
            "é",
            "twentyone",
        ]
        .iter()
        .map(|w| w.to_string())
        .collect();
        for w in SMALL_NUMBERS.iter().chain(TENS.iter()) {
            words.push(w.to_string());
            words.push(w.to_uppercase());
            let mut cap = w.to_string();
            if let Some(c) = cap.get_mut(..1) {
                c.make_ascii_uppercase();
            }
            words.push(cap);
            words.push(format!("{w}s"));
            words.push(w.get(1..).unwrap_or_default().to_string());
            words.push(format!(
                "{}\u{e9}",
                w.get(..w.len() - 1).unwrap_or_default()
            ));
        }
        for w in &words {
            assert_eq!(word_value(w), old(w), "{w:?}");
        }
    }

    #[test]
    fn one_decision_for_each_qualifier_phrase() {
        assert_eq!(qualifier_of("over"), Some(Qualifier::MoreThan));
        assert_eq!(qualifier_of("more than"), Some(Qualifier::MoreThan));
        assert_eq!(qualifier_of("at least"), Some(Qualifier::AtLeast));
        assert_eq!(qualifier_of("no fewer than"), Some(Qualifier::AtLeast));
        assert_eq!(qualifier_of("up to"), Some(Qualifier::AtMost));
        assert_eq!(qualifier_of("nearly"), Some(Qualifier::Nearly));
        assert_eq!(qualifier_of("exactly"), None);
        assert_eq!(
            Qualifier::MoreThan.interval(10.0, 10.0),
            (10.0, f64::INFINITY)
        );
    }

    #[test]
    fn conversions() {
        let c = convert(30.0, &CELSIUS, &FAHRENHEIT, false);
        assert!((c[0] - 86.0).abs() < 1e-6, "{c:?}");
        let m = convert(1.0, &MILE, &KM, false);
        assert!((m[0] - 1.609_344).abs() < 1e-9);
        assert!((m[1] - 1.852).abs() < 1e-9);
        let d = convert(5.0, &CELSIUS, &FAHRENHEIT, true);
        assert!((d[0] - 9.0).abs() < 1e-6);
        assert!(convert(1.0, &KM, &KG, false).is_empty());
    }
}
