//! The query side of [`Context`]: rules reach claims through these instead of indexing vectors or
//! slicing raw text.

use crate::article::Segment;
use crate::claims::events::EventClaim;
use crate::claims::spanned::{within, Spanned};
use crate::source::Span;

use super::Context;

impl<'a> Context<'a> {
    /// The headline segment, if any.
    pub fn headline(&self) -> Option<&'a Segment> {
        self.article.headline()
    }

    /// The lede (first body paragraph), if any.
    pub fn lede(&self) -> Option<&'a Segment> {
        self.article.lede()
    }

    /// The sentence holding byte `pos`, if any.
    pub fn sentence_of(&self, pos: usize) -> Option<Span> {
        self.article.sentence_at(pos)
    }

    /// The mentions of `items` (one of `self.mentions`' vectors) that lie inside `span` — a
    /// sentence, clause or segment. O(log n + k).
    pub fn claims_in<T: Spanned>(&self, items: &'a [T], span: Span) -> impl Iterator<Item = &'a T> {
        within(items, span)
    }

    /// True when two event claims are about the same event: the same canonical event noun and
    /// neither about another occurrence (claims about another occurrence are dropped at
    /// extraction, so the noun decides).
    pub fn same_event(&self, a: &EventClaim, b: &EventClaim) -> bool {
        a.event == b.event
    }
}
