//! [`RuleSet`]: the rules one run applies: the built-in rules, plus any added at run time
//! (rules defined in data files). Codes, aliases and names are unique across the set.

use std::fmt;
use std::sync::Arc;

use crate::rules::{all, Rule, RuleMeta};

/// An ordered set of rules with unique codes and names.
#[derive(Clone)]
pub struct RuleSet {
    rules: Vec<Entry>,
    /// What rule packs add to the embedded knowledge (places, name aliases); travels with the
    /// rules the packs brought, so every run using this set sees it.
    knowledge: Arc<crate::packs::Knowledge>,
}

/// A built-in rule (static) or one added at run time (owned).
#[derive(Clone)]
enum Entry {
    Builtin(&'static dyn Rule),
    Added(Arc<dyn Rule>),
}

impl Entry {
    fn rule(&self) -> &dyn Rule {
        match self {
            Entry::Builtin(r) => *r,
            Entry::Added(r) => r.as_ref(),
        }
    }
}

/// Why a rule could not join a [`RuleSet`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RuleSetError {
    /// The new rule's code (or one of its aliases) already names a rule of the set.
    DuplicateCode {
        /// The clashing code.
        code: String,
        /// The code of the rule already in the set.
        existing: String,
    },
    /// The new rule's kebab-case name is already used by a rule of the set.
    DuplicateName {
        /// The clashing name.
        name: String,
        /// The code of the rule already in the set.
        existing: String,
    },
}

impl fmt::Display for RuleSetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RuleSetError::DuplicateCode { code, existing } => {
                write!(f, "rule code {code} is already used by rule {existing}")
            }
            RuleSetError::DuplicateName { name, existing } => {
                write!(f, "rule name {name} is already used by rule {existing}")
            }
        }
    }
}

impl std::error::Error for RuleSetError {}

impl Default for RuleSet {
    /// The built-in rules.
    fn default() -> Self {
        RuleSet::builtin()
    }
}

impl fmt::Debug for RuleSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list()
            .entries(self.iter().map(|r| r.meta().code.as_ref()))
            .finish()
    }
}

impl RuleSet {
    /// No rules.
    pub fn empty() -> Self {
        RuleSet {
            rules: Vec::new(),
            knowledge: Arc::default(),
        }
    }

    /// Every built-in rule, in code order.
    pub fn builtin() -> Self {
        RuleSet {
            rules: all().iter().map(|&r| Entry::Builtin(r)).collect(),
            knowledge: Arc::default(),
        }
    }

    /// The knowledge additions of the packs added to this set ([`crate::packs::add_to`]);
    /// empty for the built-in rules.
    pub fn knowledge(&self) -> &crate::packs::Knowledge {
        &self.knowledge
    }

    /// Add knowledge (a pack's places and aliases) after what the set has; duplicates are
    /// dropped ([`crate::packs::Knowledge::extend`]).
    pub fn add_knowledge(&mut self, more: &crate::packs::Knowledge) {
        if !more.is_empty() {
            Arc::make_mut(&mut self.knowledge).extend(more);
        }
    }

    /// Add a rule at the end; an error when its code, an alias or its name is already taken.
    pub fn add(&mut self, rule: impl Rule + 'static) -> Result<(), RuleSetError> {
        self.admit(rule.meta())?;
        self.rules.push(Entry::Added(Arc::new(rule)));
        Ok(())
    }

    /// The set with `rule` added (see [`add`](Self::add)).
    pub fn with(mut self, rule: impl Rule + 'static) -> Result<Self, RuleSetError> {
        self.add(rule)?;
        Ok(self)
    }

    fn admit(&self, new: &RuleMeta) -> Result<(), RuleSetError> {
        for code in std::iter::once(&new.code).chain(new.aliases.iter()) {
            if let Some(old) = self.iter().find(|r| {
                let m = r.meta();
                m.code.eq_ignore_ascii_case(code) || m.is_alias(code)
            }) {
                return Err(RuleSetError::DuplicateCode {
                    code: code.to_string(),
                    existing: old.meta().code.to_string(),
                });
            }
        }
        if let Some(old) = self.iter().find(|r| r.meta().name == new.name) {
            return Err(RuleSetError::DuplicateName {
                name: new.name.to_string(),
                existing: old.meta().code.to_string(),
            });
        }
        Ok(())
    }

    /// The rules, in order.
    pub fn iter(&self) -> impl Iterator<Item = &dyn Rule> + '_ {
        self.rules.iter().map(Entry::rule)
    }

    /// The number of rules.
    pub fn len(&self) -> usize {
        self.rules.len()
    }

    /// True when the set has no rules.
    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    /// Keep only the rules for which `keep` is true (order unchanged): how configuration
    /// (`select`, `ignore`) narrows a set.
    pub fn retain(&mut self, mut keep: impl FnMut(&dyn Rule) -> bool) {
        self.rules.retain(|e| keep(e.rule()));
    }

    /// The rule with this code or alias (case-insensitive) or kebab-case name.
    pub fn find(&self, code_or_name: &str) -> Option<&dyn Rule> {
        self.iter().find(|r| r.meta().is_named(code_or_name))
    }
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use super::*;
    use crate::diagnostic::{Diagnostic, Severity};
    use crate::rules::{Category, Context};

    /// A rule defined at run time, as a data file would define one.
    struct Owned(RuleMeta);

    impl Rule for Owned {
        fn meta(&self) -> &RuleMeta {
            &self.0
        }
        fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
            if let Some(h) = cx.article.headline() {
                out.push(
                    self.0
                        .report(self.0.default_severity, "a headline")
                        .primary(h.span, "here")
                        .build(),
                );
            }
        }
    }

    fn owned(code: &str, name: &str, aliases: &[&str]) -> Owned {
        Owned(RuleMeta {
            code: Cow::Owned(code.to_string()),
            name: Cow::Owned(name.to_string()),
            aliases: aliases.iter().map(|a| Cow::Owned(a.to_string())).collect(),
            category: Category::People,
            default_severity: Severity::Note,
            summary: Cow::Owned("A house-style rule".to_string()),
            explanation: Cow::Owned(String::new()),
        })
    }

    #[test]
    fn builtin_set_is_every_rule_in_code_order() {
        let set = RuleSet::builtin();
        let codes: Vec<&str> = set.iter().map(|r| r.meta().code.as_ref()).collect();
        let mut sorted = codes.clone();
        sorted.sort_unstable();
        assert_eq!(codes, sorted);
        assert_eq!(set.len(), all().len());
        assert!(codes.contains(&"L001") && codes.contains(&"D001"));
    }

    #[test]
    fn added_rule_is_found_and_runs() {
        let set = RuleSet::builtin()
            .with(owned("P900", "house-style-test", &["X900"]))
            .expect("new code and name");
        assert_eq!(set.len(), all().len() + 1);
        assert_eq!(
            set.find("p900").map(|r| r.meta().name.to_string()),
            Some("house-style-test".to_string())
        );
        assert_eq!(
            set.find("X900").map(|r| r.meta().code.as_ref()),
            Some("P900")
        );
        assert!(set.find("house-style-test").is_some());

        let article = crate::input::plain::parse(std::sync::Arc::from("A headline\n\nBody.\n"));
        let only = RuleSet::empty()
            .with(owned("P900", "house-style-test", &[]))
            .expect("empty set");
        let report = crate::check_with(&article, &crate::Settings::default(), &only);
        let found: Vec<(&str, &str, Severity)> = report
            .diagnostics
            .iter()
            .map(|d| (d.code.as_ref(), d.rule.as_ref(), d.severity))
            .collect();
        assert_eq!(found, vec![("P900", "house-style-test", Severity::Note)]);
    }

    #[test]
    fn duplicate_code_alias_or_name_is_an_error() {
        let set = RuleSet::builtin();
        assert_eq!(
            set.clone().with(owned("l001", "another-name", &[])).err(),
            Some(RuleSetError::DuplicateCode {
                code: "l001".to_string(),
                existing: "L001".to_string()
            })
        );
        assert_eq!(
            set.clone()
                .with(owned("P901", "event-location-conflict", &[]))
                .err(),
            Some(RuleSetError::DuplicateName {
                name: "event-location-conflict".to_string(),
                existing: "L001".to_string()
            })
        );
        let mut set = set;
        set.add(owned("P902", "first", &["Q902"])).expect("new");
        let err = set.add(owned("Q902", "second", &[])).err();
        assert_eq!(
            err,
            Some(RuleSetError::DuplicateCode {
                code: "Q902".to_string(),
                existing: "P902".to_string()
            })
        );
        assert_eq!(
            err.map(|e| e.to_string()).as_deref(),
            Some("rule code Q902 is already used by rule P902")
        );
        let err = set.add(owned("P903", "third", &["p902"])).err();
        assert!(
            matches!(err, Some(RuleSetError::DuplicateCode { .. })),
            "{err:?}"
        );
        assert_eq!(set.len(), all().len() + 1);
    }
}
