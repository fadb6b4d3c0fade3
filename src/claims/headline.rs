//! Headline words that look like values but are not claims about the story: a ticker in angle
//! brackets, a place or number inside an organisation's name, the reporting period of a results
//! table, teams either side of a score, a speaker's label before a colon, a place named for an
//! institution. Used by `H001 headline-unsupported` before it looks for support in the body.
//!
//! Each test takes the headline's span and the value's span, both **bytes** into the article
//! text, and looks only at the headline's own words (lexicons in `rules/lexicons/support.toml`).

use crate::article::{Article, Span};
use crate::knowledge::lexicon::{self, support as words_of};
use crate::text::words;

/// Why a headline value is not a claim (shown in `--trace`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotAClaim {
    /// Inside `<...>` or a parenthesised ticker (`<CH>`, `(NVO.CO)`): a wire's company code.
    Ticker,
    /// Part of an organisation's name ("FREMONT GENERAL CORP", "Seven Oaks International Inc").
    Organisation,
    /// The reporting period of a results table ("QTR DEC 31", "1986 YEAR").
    Period,
    /// A team next to a score or "v" ("Hereford 1-1 Doncaster", "Worcester v Sale").
    Team,
    /// A speaker's label before a colon that opens the headline ("Murphy: That was...").
    Speaker,
    /// A place standing for an institution or industry ("Brussels raps...", "Hollywood").
    Metonym,
    /// The day of a date, a figure or a number word after a month ("JAN THREE", "MARCH FIVE").
    DayOfDate,
}

impl NotAClaim {
    /// A short phrase for the trace ("a ticker").
    pub fn describe(self) -> &'static str {
        match self {
            NotAClaim::Ticker => "a ticker",
            NotAClaim::Organisation => "part of an organisation's name",
            NotAClaim::Period => "a reporting period",
            NotAClaim::Team => "a team beside a score",
            NotAClaim::Speaker => "a speaker's label",
            NotAClaim::Metonym => "a place named for an institution",
            NotAClaim::DayOfDate => "the day of a date",
        }
    }
}

/// The headline's words as (byte offset into the article, word), in order.
fn headline_words(article: &Article, headline: Span) -> Vec<(usize, &str)> {
    words::words(article.slice(headline))
        .map(|(at, w)| (headline.start + at, w))
        .collect()
}

/// Is `value` (inside `headline`) a label rather than a claim? Checks every form except
/// [`NotAClaim::Metonym`], which only places can be (see [`metonym`]); a reporting period
/// ([`NotAClaim::Period`]) only when `period` is true (not for an ordinal: "fourth quarter" is
/// the claim itself).
pub fn not_a_claim(
    article: &Article,
    headline: Span,
    value: Span,
    period: bool,
) -> Option<NotAClaim> {
    let text = article.slice(headline);
    let (at, end) = (
        value.start.saturating_sub(headline.start),
        value.end.saturating_sub(headline.start),
    );
    let (before, after) = (text.get(..at)?, text.get(end..)?);
    if bracketed(before, after) {
        return Some(NotAClaim::Ticker);
    }
    let all = headline_words(article, headline);
    let first = all.iter().position(|&(s, _)| s >= value.start)?;
    let last = all
        .iter()
        .rposition(|&(s, w)| s + w.len() <= value.end)
        .unwrap_or(first);
    let word = |i: Option<usize>| i.and_then(|i| all.get(i)).map(|&(_, w)| w);
    let prev = word(first.checked_sub(1));
    let next = word(Some(last + 1));
    let is = |w: Option<&str>, list: &[&str]| w.is_some_and(|w| lexicon::contains_lower(list, w));
    // "YEAR TO DEC 31", "QTR ENDS JAN 31": look back through one period link.
    let before_link = if is(prev, words_of::PERIOD_LINKS) {
        word(first.checked_sub(2))
    } else {
        prev
    };
    let month = |w: Option<&str>| {
        w.is_some_and(|w| {
            crate::knowledge::calendar::month_from_name(w.trim_end_matches('.')).is_some()
        })
    };
    if !period {
        // Not a period label; the other forms below still apply.
    } else if is(prev, words_of::PERIOD_WORDS)
        || is(before_link, words_of::PERIOD_WORDS)
        || is(before_link, words_of::PERIOD_LENGTHS)
        // "1986 YEAR", not "23-year-old".
        || (is(next, words_of::PERIOD_WORDS)
            && !word(Some(last + 2)).is_some_and(|w| w.eq_ignore_ascii_case("old")))
        || is(next, words_of::RESULTS_WORDS)
        // "NINE MONTHS TO DEC 31", "TWO MONTHS NET".
        || (is(next, words_of::PERIOD_LENGTHS) && {
            let after = word(Some(last + 2));
            is(after, words_of::PERIOD_LINKS) || is(after, words_of::RESULTS_WORDS) || month(after)
        })
        // A fiscal year written "1986/87".
        || after
            .strip_prefix('/')
            .is_some_and(|a| a.starts_with(|c: char| c.is_ascii_digit()))
    {
        return Some(NotAClaim::Period);
    }
    let day_like = text.get(at..end).is_some_and(|day| {
        day.chars().all(char::is_alphabetic)
            || (day.len() <= 2 && day.bytes().all(|b| b.is_ascii_digit()))
    });
    if month(prev) && day_like {
        return Some(NotAClaim::DayOfDate);
    }
    if organisation(
        all.get(last + 1..).unwrap_or_default(),
        text,
        headline.start,
        end,
    ) {
        return Some(NotAClaim::Organisation);
    }
    let score = |w: Option<&str>| w.is_some_and(is_score);
    let versus = |w: Option<&str>| w.is_some_and(|w| matches!(w, "v" | "vs" | "vs."));
    if score(prev) || score(next) || versus(prev) || versus(next) {
        return Some(NotAClaim::Team);
    }
    if text
        .get(at..end)
        .is_some_and(|value| speaker_label(before, value, after))
    {
        return Some(NotAClaim::Speaker);
    }
    None
}

/// True when the place `name` (its text) is one a headline names for an institution or an
/// industry (`[metonyms]`).
pub fn metonym(name: &str) -> bool {
    lexicon::contains_lower(words_of::METONYMS, name.trim())
}

/// True when a short all-capitals `name` ("PR", "CAR") is not one of the place abbreviations
/// headlines use (`[place_abbreviations]`: "US", "UK", "EU"...): an acronym first.
pub fn unlisted_abbreviation(name: &str) -> bool {
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    letters <= 3
        && name.chars().all(|c| !c.is_lowercase())
        && !lexicon::contains_lower(words_of::PLACE_ABBREVIATIONS, name)
}

/// True when the value sits inside `<...>`, or inside parentheses holding one word with no
/// lower-case letter and a dot ("(NVO.CO)").
fn bracketed(before: &str, after: &str) -> bool {
    let open = |o: char, c: char| {
        before
            .rfind(o)
            .is_some_and(|i| before.get(i..).is_some_and(|b| !b.contains(c)) && after.contains(c))
    };
    if open('<', '>') || open('[', ']') {
        return true;
    }
    match (before.rfind('('), after.find(')')) {
        (Some(i), Some(j)) => {
            let inside = format!(
                "{}{}",
                before.get(i + 1..).unwrap_or_default(),
                after.get(..j).unwrap_or_default()
            );
            !inside.contains(')')
                && !inside.contains(char::is_whitespace)
                && !inside.contains(char::is_lowercase)
                && inside.contains('.')
        }
        _ => false,
    }
}

/// True when the capitalised words right after the value end in an organisation suffix
/// (`[organisation_suffixes]`, at most four words on) or run into a ticker `<...>`.
fn organisation(rest: &[(usize, &str)], text: &str, base: usize, value_end: usize) -> bool {
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let mut from = value_end;
    for &(at, w) in rest.iter().take(5) {
        let at = at.saturating_sub(base);
        let between = text.get(from..at).unwrap_or("");
        // A ticker right after the run: "SEVEN OAKS INTERNATIONAL INC <QPON>".
        if between.trim_end().ends_with('<') {
            return true;
        }
        // The run ends at punctuation ("... on Saturday. Manchester United Ltd").
        if between.contains(['.', ',', ';', ':', '!', '?', '(', ')']) || !capitalised(w) {
            return false;
        }
        if lexicon::contains_lower(words_of::ORGANISATION_SUFFIXES, w) {
            return true;
        }
        from = at + w.len();
    }
    false
}

/// True for a score written as figures with a dash ("1-1", "3–2").
pub fn is_score(w: &str) -> bool {
    let mut parts = w.split(['-', '–']);
    let (Some(a), Some(b), None) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    let figures = |s: &str| !s.is_empty() && s.len() <= 3 && s.bytes().all(|b| b.is_ascii_digit());
    figures(a) && figures(b)
}

/// True when the value is in the headline's opening phrase of at most three words that a colon
/// ends ("Murphy: That was a bruising battle").
fn speaker_label(before: &str, value: &str, after: &str) -> bool {
    let Some(colon) = after.find(':') else {
        return false;
    };
    let label = format!("{before}{value}{}", after.get(..colon).unwrap_or_default());
    !label.contains(['.', '!', '?', ',']) && words::words(&label).count() <= 3
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, value: &str) -> Option<NotAClaim> {
        let a = crate::input::plain::parse(std::sync::Arc::from(text));
        let h = a.headline().expect("headline").span;
        let at = text.find(value).expect("value in text");
        not_a_claim(&a, h, Span::new(at, at + value.len()), true)
    }

    #[test]
    fn labels_in_headlines_are_not_claims() {
        let body = "\n\nBody text.";
        let t = |h: &str| format!("{h}{body}");
        assert_eq!(
            check(&t("PRODUCTS <CH> APPROVES SPLIT"), "CH"),
            Some(NotAClaim::Ticker)
        );
        assert_eq!(
            check(&t("NOVO INDUSTRI A/S (NVO.CO) YEAR"), "NVO"),
            Some(NotAClaim::Ticker)
        );
        assert_eq!(
            check(&t("FREMONT GENERAL CORP <FRMI> 4TH QTR NET"), "FREMONT"),
            Some(NotAClaim::Organisation)
        );
        assert_eq!(
            check(&t("SEVEN OAKS INTERNATIONAL INC <QPON> IN PAYOUT"), "SEVEN"),
            Some(NotAClaim::Organisation)
        );
        assert_eq!(
            check(&t("ACME CORP 4TH QTR DEC 31 NET"), "DEC 31"),
            Some(NotAClaim::Period)
        );
        assert_eq!(
            check(&t("HILLSDOWN HOLDINGS 1986 YEAR"), "1986"),
            Some(NotAClaim::Period)
        );
        assert_eq!(
            check(&t("Hereford 1-1 Doncaster"), "Doncaster"),
            Some(NotAClaim::Team)
        );
        assert_eq!(
            check(&t("Worcester v Sale (Fri)"), "Worcester"),
            Some(NotAClaim::Team)
        );
        assert_eq!(
            check(&t("Murphy: That was a battle"), "Murphy"),
            Some(NotAClaim::Speaker)
        );
        assert_eq!(
            check(&t("SIME DARBY SIX MONTHS TO DECEMBER 31"), "SIX"),
            Some(NotAClaim::Period)
        );
        assert_eq!(
            check(&t("ANGLO AMERICAN YEAR TO DEC 31"), "DEC 31"),
            Some(NotAClaim::Period)
        );
        assert_eq!(
            check(&t("CRA LTD 1986 NET"), "1986"),
            Some(NotAClaim::Period)
        );
        assert_eq!(
            check(&t("DIVIDEND TO RISE IN 1986/87"), "1986"),
            Some(NotAClaim::Period)
        );
        assert_eq!(
            check(&t("NOVAR CORP 4TH QTR JAN THREE"), "THREE"),
            Some(NotAClaim::DayOfDate)
        );
    }

    #[test]
    fn claims_in_headlines_stay_claims() {
        let body = "\n\nBody text.";
        let t = |h: &str| format!("{h}{body}");
        assert_eq!(check(&t("Flood kills 15 in Kerala"), "Kerala"), None);
        assert_eq!(check(&t("Talks end in Geneva on Tuesday"), "Geneva"), None);
        assert_eq!(check(&t("Chinese exports rise 25% in 2004"), "2004"), None);
        assert_eq!(
            check(&t("India buys three cargoes (report)"), "three"),
            None
        );
        assert_eq!(
            check(&t("House votes to block aid for six months"), "six"),
            None
        );
        assert_eq!(
            check(&t("The 23 year old won in December 2021"), "23"),
            None
        );
        assert_eq!(
            check(&t("The 23 year old won in December 2021"), "2021"),
            None
        );
        assert_eq!(
            check(
                &t("They won on Saturday. Manchester United Ltd lost"),
                "Saturday"
            ),
            None
        );
        assert_eq!(
            check(
                &t("Leaders meet in Lisbon: talks to last two days"),
                "Lisbon"
            ),
            None
        );
    }

    #[test]
    fn metonyms_and_abbreviations() {
        assert!(metonym("Brussels"));
        assert!(metonym("Wall Street"));
        assert!(!metonym("Kyiv"));
        assert!(unlisted_abbreviation("PR"));
        assert!(unlisted_abbreviation("CAR"));
        assert!(!unlisted_abbreviation("US"));
        assert!(!unlisted_abbreviation("U.S."));
        assert!(!unlisted_abbreviation("Rome"));
    }
}
