//! `claimlint claims`: formats, kind filter, exit codes.

use assert_cmd::Command;
use serde_json::Value;

fn run(args: &[&str]) -> std::process::Output {
    Command::cargo_bin("claimlint")
        .expect("binary built")
        .args(args)
        .output()
        .expect("runs")
}

const BALKAN: &str = "fixtures/balkan-summit.txt";

#[test]
fn human_checklist_groups_by_segment() {
    let out = run(&["claims", BALKAN]);
    assert_eq!(out.status.code(), Some(0));
    let s = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(s.starts_with(
        "fixtures/balkan-summit.txt  (reference date 2024-02-28 from the date line)\n\n  date line\n    1:1      date          \"Wednesday, February 28, 2024\" → 2024-02-28, written with Wed\n\n  headline\n"
    ), "{s}");
    assert!(
        s.contains("    3:54     place         \"Albania\" → Albania (country)\n"),
        "{s}"
    );
    assert!(
        s.contains("    6:192    place         \"Kyiv\" → Kyiv (city, Ukraine)\n"),
        "{s}"
    );
    let lede = s.find("\n  lede\n").expect("lede section");
    let body = s.find("\n  body\n").expect("body section");
    assert!(lede < body);
}

#[test]
fn jsonl_with_kind_filter() {
    let out = run(&[
        "claims",
        BALKAN,
        "--format",
        "jsonl",
        "--kind",
        "place,duration",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .expect("UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect();
    assert!(lines.len() > 10);
    for l in &lines {
        assert_eq!(l["path"], BALKAN);
        assert!(l["kind"] == "place" || l["kind"] == "duration", "{l}");
    }
    let albania = lines
        .iter()
        .find(|l| l["text"] == "Albania")
        .expect("Albania");
    assert_eq!(albania["line"], 3);
    assert_eq!(albania["column"], 54);
    assert_eq!(albania["section"], "headline");
    assert_eq!(albania["value"]["place"]["kind"], "country");
}

#[test]
fn json_document_is_versioned_and_bad_kind_is_a_usage_error() {
    let out = run(&["claims", BALKAN, "--format", "json", "--kind", "date"]);
    assert_eq!(out.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["version"], 1);
    let claims = v["files"][0]["claims"].as_array().expect("claims");
    assert_eq!(claims.len(), 1);
    assert_eq!(claims[0]["value"]["date"], "2024-02-28");
    assert_eq!(claims[0]["id"], "date@0-28");
    let bad = run(&["claims", BALKAN, "--kind", "planet"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("'planet' is not a claim kind"));
    let missing = run(&["claims", "no-such-file.txt"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no-such-file.txt: no such file"));
}
