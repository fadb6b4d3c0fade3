//! How rules write numbers and dates in messages, so that every rule writes them alike:
//! thousands grouped with commas ("1,236"), dates in full ("Wednesday, February 28, 2024").

use chrono::NaiveDate;

/// A value as the article would write it: whole numbers without decimals, others with at most
/// two (trailing zeros dropped); thousands grouped: "1,236", "2.5", "-12,345.75".
pub fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        group_thousands(&format!("{v:.0}"))
    } else {
        group_thousands(trim_zeros(&format!("{v:.2}")))
    }
}

/// A computed value (a conversion), rounded to what is worth saying: whole numbers from 100 up,
/// one decimal from 1, two below; thousands grouped: "1,263", "6.2", "0.62".
pub fn approx(v: f64) -> String {
    let s = if v.abs() >= 100.0 {
        format!("{v:.0}")
    } else if v.abs() >= 1.0 {
        format!("{v:.1}")
    } else {
        format!("{v:.2}")
    };
    group_thousands(trim_zeros(&s))
}

/// Drop trailing zeros after a decimal point, and the point itself when nothing is left.
fn trim_zeros(s: &str) -> &str {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.')
    } else {
        s
    }
}

/// "1263" → "1,263"; decimals and signs kept ("-12345.5" → "-12,345.5").
pub fn group_thousands(s: &str) -> String {
    let (sign, rest) = s.strip_prefix('-').map_or(("", s), |r| ("-", r));
    let (int, frac) = rest
        .split_once('.')
        .map_or((rest, None), |(i, f)| (i, Some(f)));
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

/// A count in words up to twenty ("three"), in digits above ("21").
pub fn number_word(n: usize) -> String {
    match crate::knowledge::numbers::SMALL_NUMBERS.get(n) {
        Some(w) => (*w).to_string(),
        None if n == 20 => "twenty".to_string(),
        None => n.to_string(),
    }
}

/// "Wednesday, February 28, 2024".
pub fn long_date(d: NaiveDate) -> String {
    d.format("%A, %B %-d, %Y").to_string()
}

/// "Wednesday, February 28" (the year said elsewhere).
pub fn long_day(d: NaiveDate) -> String {
    d.format("%A, %B %-d").to_string()
}

/// "February 28, 2024".
pub fn date(d: NaiveDate) -> String {
    d.format("%B %-d, %Y").to_string()
}

/// "2024-02-28".
pub fn iso_date(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_group_thousands_and_keep_needed_decimals() {
        assert_eq!(number(1236.0), "1,236");
        assert_eq!(number(120.0), "120");
        assert_eq!(number(2.5), "2.5");
        assert_eq!(number(0.126), "0.13");
        assert_eq!(number(-12345.75), "-12,345.75");
        assert_eq!(number(1_000_000.0), "1,000,000");
        assert_eq!(number(999.0), "999");
    }

    #[test]
    fn approximations_round_by_size() {
        assert_eq!(approx(1263.4), "1,263");
        assert_eq!(approx(-12345.0), "-12,345");
        assert_eq!(approx(6.2137), "6.2");
        assert_eq!(approx(50.0), "50");
        assert_eq!(approx(0.621), "0.62");
        assert_eq!(approx(96.56), "96.6");
        assert_eq!(approx(0.234), "0.23");
    }

    #[test]
    fn number_words_up_to_twenty() {
        assert_eq!(number_word(3), "three");
        assert_eq!(number_word(12), "twelve");
        assert_eq!(number_word(20), "twenty");
        assert_eq!(number_word(21), "21");
    }

    #[test]
    fn dates() {
        let d = NaiveDate::from_ymd_opt(2024, 2, 28).unwrap_or_default();
        assert_eq!(long_date(d), "Wednesday, February 28, 2024");
        assert_eq!(long_day(d), "Wednesday, February 28");
        assert_eq!(date(d), "February 28, 2024");
        assert_eq!(iso_date(d), "2024-02-28");
    }
}
