//! [`Spanned`]: every mention type has a span, so claims can be queried by the span they lie in
//! (a sentence, a clause, a segment) with one binary search.

use crate::source::Span;

use super::dates::DateMention;
use super::events::EventClaim;
use super::names::NameMention;
use super::numbers::NumberMention;
use super::places::PlaceMention;
use super::time::TimeMention;

/// A mention with a byte span in the article.
pub trait Spanned {
    /// Its bytes in the original file.
    fn span(&self) -> Span;
}

macro_rules! spanned {
    ($($t:ty => $f:ident),* $(,)?) => {
        $(impl Spanned for $t {
            fn span(&self) -> Span {
                self.$f
            }
        })*
    };
}

spanned!(
    PlaceMention => span,
    EventClaim => noun,
    DateMention => span,
    NameMention => span,
    NumberMention => span,
    TimeMention => span,
);

/// The items of `items` (in document order: sorted by span start) that lie entirely inside
/// `within`. O(log n + k).
pub fn within<T: Spanned>(items: &[T], within: Span) -> impl Iterator<Item = &T> {
    let from = items.partition_point(|m| m.span().start < within.start);
    items
        .get(from..)
        .unwrap_or_default()
        .iter()
        .take_while(move |m| m.span().start < within.end)
        .filter(move |m| within.contains(m.span()))
}

#[cfg(test)]
mod tests {
    use super::*;

    struct M(Span);
    impl Spanned for M {
        fn span(&self) -> Span {
            self.0
        }
    }

    #[test]
    fn within_a_span() {
        let v = [
            M(Span::new(0, 3)),
            M(Span::new(5, 9)),
            M(Span::new(8, 12)),
            M(Span::new(20, 22)),
        ];
        let got: Vec<Span> = within(&v, Span::new(4, 12)).map(|m| m.0).collect();
        assert_eq!(got, vec![Span::new(5, 9), Span::new(8, 12)]);
        assert_eq!(within(&v, Span::new(30, 40)).count(), 0);
    }
}
