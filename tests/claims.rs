//! The claims corpus: every article under `fixtures/claims/` (and the user's article) is read
//! into claims and the JSON view compared with a reviewed snapshot, so extractor regressions
//! show here before rule fixtures move. `neg-*` articles also assert what must *not* be read as
//! a claim. Update with `INSTA_UPDATE=always cargo test --test claims`, then read the diff.

use std::path::Path;
use std::sync::Arc;

use claimlint::claims::envelope::{Claim, ClaimKind};
use claimlint::emit::claims::{json, ClaimsFile};
use claimlint::{claims, input, Settings};

fn read(path: &Path) -> ClaimsFile {
    let bytes = std::fs::read(path).expect("fixture readable");
    let article = input::read_article(bytes).expect("fixture is UTF-8 text");
    let rel = path
        .strip_prefix(env!("CARGO_MANIFEST_DIR"))
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/");
    ClaimsFile {
        path: rel,
        text: Arc::clone(&article.text),
        report: claims(&article, &Settings::default()),
    }
}

fn texts(claims: &[Claim], kind: ClaimKind) -> Vec<&str> {
    claims
        .iter()
        .filter(|c| c.kind == kind)
        .map(|c| c.text.as_str())
        .collect()
}

#[test]
fn claims_corpus_matches_snapshots() {
    insta::glob!("../fixtures/claims", "*.txt", |path| {
        let f = read(path);
        let value: serde_json::Value =
            serde_json::from_str(&json(&[f], &[], None)).expect("valid JSON");
        insta::assert_json_snapshot!(value["files"][0]);
    });
}

#[test]
fn negative_corpus_is_not_read_as_quantities_or_dates() {
    let f = read(&Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/claims/neg-not-claims.txt"));
    let c = &f.report.claims;
    // Model numbers and scores are not quantities; "June 31 schools" is a count of schools,
    // not an impossible date.
    assert_eq!(texts(c, ClaimKind::Quantity), Vec::<&str>::new(), "{c:#?}");
    assert_eq!(texts(c, ClaimKind::Date), Vec::<&str>::new());
    assert_eq!(texts(c, ClaimKind::Range), Vec::<&str>::new());
    // "A 31-year-old" is an age, and only an age.
    assert_eq!(texts(c, ClaimKind::Age), vec!["31-year-old"]);
    assert_eq!(texts(c, ClaimKind::Duration), Vec::<&str>::new());
}

#[test]
fn user_article_claims() {
    let f = read(&Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/balkan-summit.txt"));
    let c = &f.report.claims;
    assert_eq!(
        texts(c, ClaimKind::Event),
        vec![
            "Balkan summit",
            "summit in Albania",
            "summit, which took place in Kyiv",
            "Southeast European summit"
        ]
    );
    let places = texts(c, ClaimKind::Place);
    for p in ["Balkan", "Albania", "Southeast European", "Kyiv"] {
        assert!(places.contains(&p), "{p} missing from {places:?}");
    }
    let names = texts(c, ClaimKind::Name);
    assert!(names.contains(&"Zelenskyy") && names.contains(&"Volodymyr Zelensky"));
    assert_eq!(
        texts(c, ClaimKind::Date),
        vec!["Wednesday, February 28, 2024"]
    );
    assert_eq!(texts(c, ClaimKind::Duration), vec!["two-day", "two-day"]);
    let kyiv = c.iter().find(|c| c.text == "Kyiv").expect("Kyiv claim");
    assert_eq!((kyiv.span.start, kyiv.span.end), (284, 288));
    assert_eq!(kyiv.value["place"]["name"], "Kyiv");
    assert_eq!(kyiv.value["place"]["country"], "Ukraine");
    assert_eq!(f.report.diagnostics.len(), 2);
    // L001 compared the headline's Albania with the body's Kyiv, and says why they clash.
    let albania = c
        .iter()
        .find(|c| c.text == "Albania")
        .expect("Albania claim");
    let l001: Vec<_> = f
        .report
        .comparisons
        .iter()
        .filter(|cmp| cmp.rule == "L001")
        .filter(|cmp| cmp.spans.contains(&albania.span) && cmp.spans.contains(&kyiv.span))
        .collect();
    assert_eq!(l001.len(), 1, "{:#?}", f.report.comparisons);
    assert_eq!(l001[0].outcome, claimlint::rules::trace::Outcome::Conflict);
    assert_eq!(
        l001[0].note,
        "the summit: Kyiv is in Ukraine, not in Albania"
    );
}

#[test]
fn user_article_claims_json_snapshot() {
    let f = read(&Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/balkan-summit.txt"));
    let value: serde_json::Value =
        serde_json::from_str(&json(&[f], &[], None)).expect("valid JSON");
    insta::assert_json_snapshot!("balkan-summit-claims", value);
}
