//! `S001 unused-suppression`: a suppression comment (or front-matter `ignore`) that suppressed
//! nothing. Computed by [`crate::suppress`] after every other rule has run; this file gives the
//! rule its place in the registry (so it is listed, documented and can be ignored).

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, Rule, RuleMeta};

static META: RuleMeta = rule_meta! {
    code: "S001",
    name: "unused-suppression",
    category: Suppressions,
    default_severity: Severity::Note,
    summary: "A suppression comment suppressed nothing (or names no rule)",
    explanation: "\
## What it checks

Every suppression: `<!-- claimlint-disable CODES -->` ... `<!-- claimlint-enable CODES -->`,
`<!-- claimlint-disable-next-line CODES -->`, `<!-- claimlint-disable-file -->` and the front
matter's `claimlint: { ignore: [CODES] }`. A code that suppressed no finding of its rule in its
range is reported at the code as written; a suppression without codes (all rules) that
suppressed nothing is reported at the comment. A code that names no rule, and a
`<!-- claimlint-... -->` comment that is not one of the forms above, are reported too: they can
never suppress anything. S001 runs after every other rule; a suppression of a rule that is not
selected in this run is not reported.

## Why it matters

A suppression outlives the sentence it was written for: once the copy is corrected it silently
hides the next real inconsistency in its range. Reporting unused ones keeps them honest.

## Example

```text
Leaders meet in Tirana

<!-- claimlint-disable-next-line L001 -->
Leaders met in Tirana on Tuesday.
```

claimlint reports S001 (note). Nothing in the next line contradicts a place: remove the comment.
",
};

/// The `unused-suppression` rule (its findings come from [`crate::suppress::apply`]).
pub struct UnusedSuppression;

/// The registered instance (see `build.rs`).
pub(crate) static RULE: &dyn Rule = &UnusedSuppression;

impl Rule for UnusedSuppression {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    /// Nothing here: suppressions are matched against the other rules' findings once they are
    /// all known, in [`crate::suppress::apply`].
    fn check(&self, _: &Context<'_>, _: &mut Vec<Diagnostic>) {}
}
