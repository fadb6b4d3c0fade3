//! Month and weekday names, and the year rule for dates written without a year.

use chrono::{Datelike, NaiveDate, Weekday};

/// Month number (1–12) for an English month name or abbreviation, any case, with or without a
/// trailing full stop ("Feb", "Feb.", "February", "Sept"). `None` for anything else.
pub fn month_from_name(name: &str) -> Option<u32> {
    let n = name.trim_end_matches('.').to_ascii_lowercase();
    let m = match n.as_str() {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    };
    Some(m)
}

/// Weekday for an English weekday name or abbreviation, any case ("Wed", "Wed.", "Wednesday",
/// "Tues", "Thurs"). `None` for anything else.
pub fn weekday_from_name(name: &str) -> Option<Weekday> {
    let n = name.trim_end_matches('.').to_ascii_lowercase();
    let w = match n.as_str() {
        "monday" | "mon" => Weekday::Mon,
        "tuesday" | "tue" | "tues" => Weekday::Tue,
        "wednesday" | "wed" => Weekday::Wed,
        "thursday" | "thu" | "thur" | "thurs" => Weekday::Thu,
        "friday" | "fri" => Weekday::Fri,
        "saturday" | "sat" => Weekday::Sat,
        "sunday" | "sun" => Weekday::Sun,
        _ => return None,
    };
    Some(w)
}

/// The full English weekday names, Monday first (chrono's `num_days_from_monday` order).
pub const WEEKDAY_NAMES: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// The full English name of a weekday ("Wednesday").
pub fn weekday_name(w: Weekday) -> &'static str {
    WEEKDAY_NAMES
        .get(w.num_days_from_monday() as usize)
        .copied()
        .unwrap_or_default()
}

/// The full English name of month `m` (1–12); "?" outside that range.
pub fn month_name(m: u32) -> &'static str {
    const NAMES: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    NAMES
        .get((m as usize).wrapping_sub(1))
        .copied()
        .unwrap_or("?")
}

/// The year a date written without one most plausibly has: the year that puts `month`/`day`
/// within six months of `reference` (in an article dated 2 January 2026, December 29 is 2025).
/// Returns `None` when the month/day exists in none of the candidate years (February 30).
/// February 29 takes the nearest leap year among the candidates, if any.
pub fn year_for_month_day(reference: NaiveDate, month: u32, day: u32) -> Option<i32> {
    let y = reference.year();
    [y - 1, y, y + 1]
        .into_iter()
        .filter_map(|cand| NaiveDate::from_ymd_opt(cand, month, day).map(|d| (cand, d)))
        .min_by_key(|(_, d)| (*d - reference).num_days().abs())
        .map(|(cand, _)| cand)
}

/// Days in `month` of `year` (28–31); 0 for an invalid month.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    (28..=31)
        .rev()
        .find(|&d| NaiveDate::from_ymd_opt(year, month, d).is_some())
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn year_rule_crosses_new_year() {
        let r = NaiveDate::from_ymd_opt(2026, 1, 2).unwrap();
        assert_eq!(year_for_month_day(r, 12, 29), Some(2025));
        assert_eq!(year_for_month_day(r, 3, 1), Some(2026));
        let r = NaiveDate::from_ymd_opt(2025, 12, 30).unwrap();
        assert_eq!(year_for_month_day(r, 1, 3), Some(2026));
        assert_eq!(year_for_month_day(r, 2, 30), None);
    }

    #[test]
    fn names() {
        assert_eq!(month_from_name("Sept."), Some(9));
        assert_eq!(month_from_name("Mayday"), None);
        assert_eq!(weekday_from_name("Thurs"), Some(Weekday::Thu));
        assert_eq!(days_in_month(2024, 2), 29);
        assert_eq!(days_in_month(2023, 2), 28);
        assert_eq!(month_name(13), "?");
    }
}
