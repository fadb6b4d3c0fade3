//! `N013 unit-conversion-mismatch`: a physical quantity followed by its conversion into another
//! unit ("10 km (4 miles)") where the two do not agree.

use crate::article::Span;
use crate::claims::numbers::{Kind, Link, NumberMention};
use crate::diagnostic::{Diagnostic, Severity};
use crate::knowledge::numbers::{convert, Dimension, Qualifier, Unit};
use crate::rules::trace::Outcome;
use crate::rules::{format, Context, Rule, RuleMeta};

static META: RuleMeta = rule_meta! {
    code: "N013",
    name: "unit-conversion-mismatch",
    category: Numbers,
    default_severity: Severity::Error,
    summary: "A measurement and its conversion into another unit do not agree",
    explanation: "\
## What it checks

A physical quantity immediately followed by the same quantity in another unit, in brackets or
after \"or\" / a slash: \"10 km (6 miles)\", \"30C (86F)\", \"5 feet (1.5m)\", \"2 tonnes or
4,400 lb\". The first value is converted with the unit factor and compared with the second.

The tolerance comes from the precision shown: the first value may be anywhere within half of its
last written digit, and the second within half of its rounding (\"60 miles\" is rounded to tens,
\"450 miles\" to fifties, \"1.6 km\" to tenths), plus 2% (5% when either side is qualified with \"about\", \"nearly\"...).
So \"1 mile (1.6 km)\", \"100 km (62 miles)\" and \"5 feet (1.5m)\" pass. Miles may be statute or
nautical, tons short, long or metric, gallons US or imperial: any reading that fits passes.
Temperatures pass as either a reading (30C = 86F) or a difference (a rise of 5C = 9F).

Trailing zeros count as rounding only up to a quarter of the value, so \"10 miles (10 km)\"
is flagged. Negative temperatures keep their sign (\"minus 5C (23F)\", \"−5°C\"), and compound
measures are added up before converting (\"7lb 8oz (3.4kg)\", \"5 feet 9 inches (1.75 metres)\").

Currency conversions are never checked: exchange rates move.

## Why it matters

A conversion that does not match its source tells the reader two different things; one of them
is wrong, usually because the conversion was done with the wrong factor or the source was edited
afterwards.

## Example

```text
Storm hits coast

The storm moved 10 km (4 miles) inland.
```

claimlint reports N013 (error). 10 km is about 6.2 miles: correct the conversion or the \
original value.
",
};

/// The `unit-conversion-mismatch` rule.
pub struct UnitConversionMismatch;

/// The registered instance (see `build.rs`).
pub(crate) static RULE: &dyn Rule = &UnitConversionMismatch;

impl Rule for UnitConversionMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let nums = &cx.mentions.numbers;
        for (i, pair) in nums.windows(2).enumerate() {
            let [a, b] = pair else {
                continue;
            };
            if b.link != Link::Conversion {
                continue;
            }
            // "7lb 8oz (3.4kg)", "5 feet 9 inches (1.75 metres)": the converted value is the
            // sum of the parts.
            let compound = i
                .checked_sub(1)
                .and_then(|p| nums.get(p))
                .and_then(|p| compound(p, a));
            let a = compound.as_ref().unwrap_or(a);
            if let Some(d) = finding(cx, a, b) {
                cx.compared(&META.code, &[a.span, b.span], Outcome::Conflict, || {
                    d.message.clone()
                });
                out.push(d);
            } else {
                cx.compared(&META.code, &[a.span, b.span], Outcome::Consistent, || {
                    "the conversion fits, or the two are not one physical quantity".to_string()
                });
            }
        }
    }
}

/// `big` and `small` written together as one measure in two units ("7lb 8oz", "5 feet 9
/// inches", "1m 80cm"): the sum, in `small`'s unit, with `small`'s precision and span from
/// `big`'s start. `None` when they are not such a pair.
fn compound(big: &NumberMention, small: &NumberMention) -> Option<NumberMention> {
    let (Kind::Physical(ub), Kind::Physical(us)) = (&big.kind, &small.kind) else {
        return None;
    };
    if ub.dimension != us.dimension
        || ub.dimension == Dimension::Temperature
        || std::ptr::eq(*ub, *us)
        || big.high.is_some()
        || small.high.is_some()
        || small.link != Link::Joined
    {
        return None;
    }
    let in_small = convert(big.value, ub, us, false);
    let &v = in_small.first()?;
    // The bigger unit comes first: "8oz 7lb" is not a compound.
    if v < small.value {
        return None;
    }
    let mut m = small.clone();
    m.value = v + small.value;
    m.span = Span::new(big.span.start, small.span.end);
    m.number = Span::new(big.number.start, small.number.end);
    m.qualifier = big.qualifier;
    Some(m)
}

/// The physical reading of a mention that fits `dim`: its unit, or its alternative reading
/// ("1.5m" as metres, "11 pounds" as lb). Returns the unit and the value in that unit.
fn physical(m: &NumberMention, dim: Option<Dimension>) -> Option<(&'static Unit, f64)> {
    match &m.kind {
        Kind::Physical(u) if dim.is_none_or(|d| u.dimension == d) => Some((u, m.value)),
        _ => m.alt.filter(|(u, _)| dim.is_some_and(|d| u.dimension == d)),
    }
}

/// The scale that turns `m.value` into the unit's value (1 unless it was read with a scale,
/// which only an alternative reading has).
fn unscaled_step(m: &NumberMention, value_in_unit: f64, step: f64) -> f64 {
    if m.value != 0.0 && (m.value - value_in_unit).abs() > f64::EPSILON {
        step * value_in_unit / m.value
    } else {
        step
    }
}

fn finding(cx: &Context<'_>, a: &NumberMention, b: &NumberMention) -> Option<Diagnostic> {
    if matches!(a.kind, Kind::Money(_) | Kind::Percent)
        && matches!(b.kind, Kind::Money(_) | Kind::Percent)
    {
        return None;
    }
    // At least one side must be a plain physical unit; the other may be an ambiguous reading.
    let (ua, va, ub, vb) = match (&a.kind, &b.kind) {
        (Kind::Physical(_), _) => {
            let (ua, va) = physical(a, None)?;
            let (ub, vb) = physical(b, Some(ua.dimension))?;
            (ua, va, ub, vb)
        }
        (_, Kind::Physical(_)) => {
            let (ub, vb) = physical(b, None)?;
            let (ua, va) = physical(a, Some(ub.dimension))?;
            (ua, va, ub, vb)
        }
        _ => return None,
    };
    if std::ptr::eq(ua, ub) || ua.name == ub.name {
        return None;
    }
    let step_a = unscaled_step(a, va, a.step);
    // Trailing zeros read as rounding, but not beyond a quarter of the value: "10 km" may be
    // 10 exactly, and 16 km is not "10 km" rounded.
    let round_b = unscaled_step(b, vb, b.round_step.min((0.25 * b.value.abs()).max(b.step)));
    let approx = a.qualifier != Qualifier::Exact || b.qualifier != Qualifier::Exact;
    let rel = if approx { 0.05 } else { 0.02 };
    let difference = ua.dimension == Dimension::Temperature && a.frame.difference;
    let check = |x: f64, y: f64| -> Option<f64> {
        // Returns the best converted value when nothing fits.
        let mut best: Option<f64> = None;
        for delta in [false, true] {
            if delta && (ua.dimension != Dimension::Temperature || !difference) {
                continue;
            }
            let lo = convert(x - step_a / 2.0, ua, ub, delta);
            let hi = convert(x + step_a / 2.0, ua, ub, delta);
            let mid = convert(x, ua, ub, delta);
            for ((l, h), m) in lo.iter().zip(&hi).zip(&mid) {
                let (l, h) = if l <= h { (*l, *h) } else { (*h, *l) };
                let slack = rel * m.abs().max(y.abs());
                let (yl, yh) = (y - round_b / 2.0 - slack, y + round_b / 2.0 + slack);
                if h >= yl && l <= yh {
                    return None;
                }
                if !delta && best.is_none() {
                    best = Some(*m);
                }
            }
        }
        best
    };
    let expected = check(va, vb)?;
    if let (Some(ha), Some(hb)) = (a.high, b.high) {
        let ha = ha * va / a.value.max(f64::MIN_POSITIVE);
        let hb = hb * vb / b.value.max(f64::MIN_POSITIVE);
        let _ = check(ha, hb)?;
    }
    let sa = cx.article.slice(a.span).trim();
    let sb = cx.article.slice(b.span).trim();
    let exp = format!("{} {}", format::approx(expected), ub.name);
    Some(
        META.report(
            META.severity_for(a.quoted && b.quoted),
            format!("{sa} is about {exp}, not {sb}"),
        )
        .secondary(a.span, format!("{sa} converts to about {exp}"))
        .primary(b.span, format!("the conversion says {sb}"))
        .help(format!(
            "correct the conversion (about {exp}) or the original value"
        ))
        .build(),
    )
}

#[cfg(test)]
mod tests {

    use super::*;

    fn run(body: &str) -> Vec<Diagnostic> {
        crate::rules::findings(&format!("H\n\n{body}"), "N013", None)
    }

    #[test]
    fn wrong_conversions() {
        let d = run("The storm moved 10 km (4 miles) inland.");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].message, "10 km is about 6.2 miles, not 4 miles");
        assert_eq!(d[0].severity, Severity::Error);
        let d = run("It was 30C (50F) at noon.");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(run("The wall is 5 feet (3m) tall.").len(), 1);
        assert_eq!(run("It weighs 10 kg (50 lb).").len(), 1);
    }

    #[test]
    fn right_conversions_pass() {
        for t in [
            "A walk of 1 mile (1.6 km).",
            "It is 100 km (62 miles) away.",
            "The wall is 5 feet (1.5m) tall.",
            "It was 30C (86F) at noon.",
            "Temperatures rose by 5C (9F).",
            "The ship was 12 miles (22 km) off the coast.",
            "About 1,000 km (600 miles) long.",
            "It weighs 2 tonnes (4,400 lb).",
            "It weighs 11 pounds (5 kg).",
            "Profit was $5m (£3m).",
            "Some 60 miles (100 km) away.",
            "It is 10 km or 6 miles long.",
        ] {
            assert!(run(t).is_empty(), "{t}: {:?}", run(t));
        }
    }

    #[test]
    fn signs_and_compound_measures() {
        for t in [
            "Temperatures fell to minus 5C (23F) overnight.",
            "Temperatures fell to \u{2212}5°C (23°F) overnight.",
            "The baby weighed 7lb 8oz (3.4kg).",
            "He was 5 feet 9 inches (1.75 metres) tall.",
            "A 10-mile (16-km) stretch was closed.",
            "It fell 3 m (10 feet).",
        ] {
            assert!(run(t).is_empty(), "{t}: {:?}", run(t));
        }
        let d = run("It was minus 5C (41F).");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].message, "minus 5C is about 23 °F, not 41F");
        let d = run("The baby weighed 7lb 8oz (5kg).");
        assert_eq!(d[0].message, "7lb 8oz is about 3.4 kg, not 5kg");
    }

    #[test]
    fn trailing_zero_is_not_always_rounding() {
        for t in [
            "A 10-mile (10-km) stretch was closed.",
            "It ran 10 miles (10 km).",
            "The wall was 3 feet (3 m) high.",
        ] {
            assert_eq!(run(t).len(), 1, "{t}: {:?}", run(t));
        }
        assert!(run("Some 20 miles (30 km) away.").is_empty());
    }

    #[test]
    fn a_figure_ending_in_fifty_is_rounded_to_fifties() {
        // 700 km is 435 miles: "450" is that rounded to fifties.
        assert!(run("The pipeline runs 700 kilometers (450 miles).").is_empty());
        // 225 km is 140 miles: "135" is rounded to units, so it is still wrong.
        let d = run("The road runs 225 km (135 miles) north.");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].message, "225 km is about 140 miles, not 135 miles");
        // 700 km is not 550 miles at any rounding.
        assert_eq!(run("The pipeline runs 700 kilometers (550 miles).").len(), 1);
    }
}
