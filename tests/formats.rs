//! Every output format on the same two runs: the user's article (checked for real) and a
//! hand-made finding that exercises escaping (a message with `%`, a newline and a comma; a path
//! with a space and non-ASCII letters; labels after multi-byte characters, one of them outside
//! the Basic Multilingual Plane; a suggested fix). Snapshots in `tests/snapshots/`; SARIF is
//! validated against the vendored OASIS schema; rdjson round-trips through its documented shape.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use assert_cmd::Command;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use claimlint::diagnostic::{Applicability, Diagnostic, Edit, Fix, Label, Severity};
use claimlint::emit::{
    checkstyle, concise, github, gitlab, human, json, jsonl, junit, rdjson, sarif, CheckedFile,
    FileError, Run,
};
use claimlint::source::Span;
use claimlint::{input, runner, Report, Settings};

const BALKAN: &str = "fixtures/balkan-summit.txt";

/// The escaping case: path with a space and non-ASCII letters, text with multi-byte characters
/// before both labels.
const TRICKY_PATH: &str = "desk notes/Zürich über.txt";
const TRICKY_TEXT: &str = "Zelenskyy’s visit\n\nIn Zürich, 😀 50% said Kyiv.\n";

fn balkan_run() -> Run {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(root.join(BALKAN)).expect("fixture");
    let article = input::read_article(bytes).expect("reads");
    let report = claimlint::check(&article, &Settings::default());
    Run {
        files: vec![CheckedFile {
            transcoding: None,
            record_view: None,
            path: BALKAN.to_string(),
            text: article.text.clone(),
            record: None,
            report,
        }],
        errors: vec![],
    }
}

fn span_of(text: &str, needle: &str) -> Span {
    let start = text.find(needle).expect("needle");
    Span::new(start, start + needle.len())
}

fn tricky_run() -> Run {
    let text = TRICKY_TEXT;
    let kyiv = span_of(text, "Kyiv");
    let zurich = span_of(text, "Zürich");
    let d = Diagnostic {
        code: "N010".into(),
        rule: "quantity-conflict".into(),
        severity: Severity::Warning,
        message: "50% here, 40% there,\nwhich is it?".to_string(),
        help: Some("check the poll: 50%, or 40%".to_string()),
        labels: vec![
            Label {
                span: zurich,
                message: "a place, with a comma".to_string(),
                primary: false,
            },
            Label {
                span: kyiv,
                message: "Kyiv: after ’ and 😀".to_string(),
                primary: true,
            },
        ],
        fix: Some(Fix {
            message: "replace Kyiv with Kiev".to_string(),
            applicability: Applicability::Unsafe,
            edits: vec![Edit {
                span: kyiv,
                replacement: "Kiev".to_string(),
            }],
        }),
    };
    Run {
        files: vec![CheckedFile {
            transcoding: None,
            record_view: None,
            path: TRICKY_PATH.to_string(),
            text: Arc::from(text),
            record: None,
            report: Report {
                reference: None,
                diagnostics: vec![d],
            },
        }],
        errors: vec![FileError {
            path: "gone, 100%.txt".to_string(),
            message: "no such file".to_string(),
        }],
    }
}

fn opts() -> sarif::Options {
    sarif::Options {
        root: PathBuf::from("."),
        cwd: PathBuf::from("/home/desk/newsroom"),
    }
}

/// Every format's output for `run`, by name.
fn all_formats(run: &Run) -> Vec<(&'static str, String)> {
    vec![
        ("human", human::render(run, false)),
        ("concise", concise::render(run)),
        ("json", json::render(run)),
        ("jsonl", jsonl::render(run)),
        ("sarif", sarif::render(run, &opts())),
        ("github", github::render(run)),
        ("gitlab", gitlab::render(run, &opts())),
        ("rdjson", rdjson::render(run)),
        ("junit", junit::render(run)),
        ("checkstyle", checkstyle::render(run)),
    ]
}

#[test]
fn every_format_matches_its_snapshot() {
    for (case, run) in [("balkan", balkan_run()), ("tricky", tricky_run())] {
        for (format, out) in all_formats(&run) {
            insta::assert_snapshot!(format!("{case}-{format}"), out);
        }
    }
}

fn sarif_validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(include_str!("schemas/sarif-schema-2.1.0.json"))
        .expect("schema is JSON");
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("schema compiles")
}

fn schema_errors(v: &jsonschema::Validator, doc: &Value) -> Vec<String> {
    v.iter_errors(doc)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

#[test]
fn sarif_of_every_fixture_validates_against_the_oasis_schema() {
    let v = sarif_validator();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (sources, _) = runner::expand(&[root.join("fixtures")]);
    assert!(sources.len() > 100, "fixtures went missing");
    let mut run = runner::check_sources(&sources, &Settings::default(), 2);
    run.errors.push(FileError {
        path: "missing file.txt".into(),
        message: "no such file".into(),
    });
    for (name, run) in [("fixtures", run), ("tricky", tricky_run())] {
        let doc: Value = serde_json::from_str(&sarif::render(
            &run,
            &sarif::Options {
                root: root.to_path_buf(),
                cwd: root.to_path_buf(),
            },
        ))
        .expect("SARIF is JSON");
        assert_eq!(schema_errors(&v, &doc), Vec::<String>::new(), "{name}");
    }
    // The validator does reject what the schema forbids.
    let mut bad: Value =
        serde_json::from_str(&sarif::render(&tricky_run(), &opts())).expect("JSON");
    bad["runs"][0]["results"][0]["level"] = "fatal".into();
    bad["runs"][0]["columnKind"] = "bytes".into();
    assert_eq!(
        schema_errors(&v, &bad).len(),
        2,
        "{:?}",
        schema_errors(&v, &bad)
    );
}

#[test]
fn sarif_results_carry_rules_regions_related_locations_and_fingerprints() {
    let doc: Value = serde_json::from_str(&sarif::render(&balkan_run(), &opts())).expect("JSON");
    let run = &doc["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "claimlint");
    assert_eq!(run["tool"]["driver"]["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    assert_eq!(
        run["originalUriBaseIds"]["SRCROOT"]["uri"],
        "file:///home/desk/newsroom/"
    );
    let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
    assert_eq!(rules.len(), claimlint::rules::all().len());
    let l001 = &run["results"][1];
    assert_eq!(l001["ruleId"], "L001");
    let index = l001["ruleIndex"].as_u64().expect("index") as usize;
    assert_eq!(rules[index]["id"], "L001");
    assert_eq!(rules[index]["name"], "event-location-conflict");
    assert_eq!(rules[index]["defaultConfiguration"]["level"], "error");
    assert!(rules[index]["help"]["markdown"]
        .as_str()
        .is_some_and(|m| m.contains("What it checks")));
    assert_eq!(l001["level"], "error");
    let loc = &l001["locations"][0]["physicalLocation"];
    assert_eq!(loc["artifactLocation"]["uri"], BALKAN);
    assert_eq!(loc["artifactLocation"]["uriBaseId"], "SRCROOT");
    let region = &loc["region"];
    assert_eq!(
        (
            &region["startLine"],
            &region["startColumn"],
            &region["endColumn"],
            &region["byteOffset"],
            &region["byteLength"]
        ),
        (
            &Value::from(6),
            &Value::from(192),
            &Value::from(196),
            &Value::from(284),
            &Value::from(4)
        )
    );
    let related: Vec<(&str, &str)> = l001["relatedLocations"]
        .as_array()
        .expect("related")
        .iter()
        .map(|r| {
            (
                r["physicalLocation"]["region"]["snippet"]["text"]
                    .as_str()
                    .unwrap_or(""),
                r["message"]["text"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        related,
        vec![
            ("Balkan", "a Balkan summit in the headline"),
            ("Albania", "the summit is placed in Albania in the headline"),
            ("Southeast European", "a Southeast European summit"),
        ]
    );
}

#[test]
fn sarif_fingerprints_survive_unrelated_edits() {
    let fingerprints = |text: &str| -> Vec<String> {
        let article = input::read_article(text.as_bytes().to_vec()).expect("reads");
        let run = Run {
            files: vec![CheckedFile {
                transcoding: None,
                record_view: None,
                path: "a.txt".into(),
                text: article.text.clone(),
                record: None,
                report: claimlint::check(&article, &Settings::default()),
            }],
            errors: vec![],
        };
        let doc: Value = serde_json::from_str(&sarif::render(&run, &opts())).expect("JSON");
        doc["runs"][0]["results"]
            .as_array()
            .expect("results")
            .iter()
            .map(|r| r["partialFingerprints"]["claimlint/v1"].to_string())
            .collect()
    };
    let original = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(BALKAN))
        .expect("fixture");
    let before = fingerprints(&original);
    assert_eq!(before.len(), 2);
    // A new paragraph above the body moves every line and offset.
    let edited = original.replacen(
        "\n\nUkrainian President",
        "\n\nAn unrelated paragraph, added later.\n\nUkrainian President",
        1,
    );
    assert_ne!(edited, original);
    assert_eq!(fingerprints(&edited), before);
    let unrelated = original.replace("Kyiv", "Sofia");
    assert_ne!(fingerprints(&unrelated), before);
}

#[test]
fn tricky_columns_are_in_each_formats_unit() {
    let run = tricky_run();
    // "In Zürich, 😀 50% said Kyiv.": Kyiv starts at code point 23, byte 27 of line 3.
    let doc: Value = serde_json::from_str(&sarif::render(&run, &opts())).expect("JSON");
    let region = &doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        (&region["startLine"], &region["startColumn"]),
        (&3.into(), &23.into())
    );
    assert_eq!(
        region["byteOffset"],
        TRICKY_TEXT.find("Kyiv").expect("Kyiv")
    );
    assert_eq!(
        doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "desk%20notes/Z%C3%BCrich%20%C3%BCber.txt"
    );
    let rd: Value = serde_json::from_str(&rdjson::render(&run)).expect("JSON");
    let start = &rd["diagnostics"][0]["location"]["range"]["start"];
    assert_eq!((&start["line"], &start["column"]), (&3.into(), &27.into()));
    let gh = github::render(&run);
    assert!(
        gh.starts_with(
            "::warning file=desk notes/Zürich über.txt,line=3,col=23,endLine=3,endColumn=27,title=N010::50%25 here, 40%25 there,%0Awhich is it?%0A3:4 \"Zürich\": a place, with a comma%0Ahelp: check the poll: 50%25, or 40%25\n"
        ),
        "{gh}"
    );
    assert_eq!(
        concise::render(&run),
        "desk notes/Zürich über.txt:3:23: warning[N010] 50% here, 40% there,\\nwhich is it?\n  \
         desk notes/Zürich über.txt:3:4: note: a place, with a comma\n"
    );
}

#[test]
fn xml_formats_parse_and_keep_the_exact_message() {
    let run = tricky_run();
    let cs = checkstyle::render(&run);
    let doc = roxmltree::Document::parse(&cs).expect("checkstyle is XML");
    let file = doc
        .descendants()
        .find(|n| n.has_tag_name("file"))
        .expect("file");
    assert_eq!(file.attribute("name"), Some(TRICKY_PATH));
    let err = file
        .children()
        .find(|n| n.has_tag_name("error"))
        .expect("error");
    assert_eq!(
        err.attribute("message"),
        Some("50% here, 40% there,\nwhich is it?\n3:4 \"Zürich\": a place, with a comma")
    );
    assert_eq!(
        (
            err.attribute("line"),
            err.attribute("column"),
            err.attribute("severity"),
            err.attribute("source")
        ),
        (
            Some("3"),
            Some("23"),
            Some("warning"),
            Some("claimlint.N010")
        )
    );

    let ju = junit::render(&run);
    let doc = roxmltree::Document::parse(&ju).expect("junit is XML");
    let suites: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("testsuite"))
        .collect();
    assert_eq!(suites.len(), 2);
    assert_eq!(suites[0].attribute("name"), Some(TRICKY_PATH));
    assert_eq!(suites[0].attribute("failures"), Some("1"));
    let cases: Vec<_> = suites[0]
        .children()
        .filter(|n| n.has_tag_name("testcase"))
        .collect();
    assert_eq!(cases.len(), claimlint::rules::all().len());
    let failing: Vec<_> = cases
        .iter()
        .filter(|c| c.children().any(|n| n.has_tag_name("failure")))
        .collect();
    assert_eq!(failing.len(), 1);
    assert_eq!(failing[0].attribute("name"), Some("N010 quantity-conflict"));
    let failure = failing[0]
        .children()
        .find(|n| n.has_tag_name("failure"))
        .expect("failure");
    assert_eq!(
        failure.attribute("message"),
        Some("50% here, 40% there,\nwhich is it?")
    );
    assert_eq!(
        failure.text(),
        Some(
            "desk notes/Zürich über.txt:3:23: warning[N010] 50% here, 40% there,\\nwhich is it?\n"
        )
    );
    assert_eq!(suites[1].attribute("name"), Some("gone, 100%.txt"));
    assert_eq!(suites[1].attribute("errors"), Some("1"));
}

/// reviewdog's `DiagnosticResult`, strictly: unknown fields are errors, so a field that is not
/// in the documented shape (or a misspelt one) fails the round trip.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RdResult {
    source: RdSource,
    diagnostics: Vec<RdDiagnostic>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RdSource {
    name: String,
    url: String,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RdDiagnostic {
    message: String,
    location: RdLocation,
    severity: String,
    code: RdCode,
    #[serde(skip_serializing_if = "Option::is_none")]
    suggestions: Option<Vec<RdSuggestion>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    related_locations: Option<Vec<RdRelated>>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RdCode {
    value: String,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RdLocation {
    path: String,
    range: RdRange,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RdRange {
    start: RdPosition,
    end: RdPosition,
}

#[derive(Serialize, Deserialize, PartialEq, Debug)]
#[serde(deny_unknown_fields)]
struct RdPosition {
    line: u32,
    column: u32,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RdSuggestion {
    range: RdRange,
    text: String,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RdRelated {
    message: String,
    location: RdLocation,
}

#[test]
fn rdjson_round_trips_through_the_documented_shape() {
    for run in [balkan_run(), tricky_run()] {
        let out: Value = serde_json::from_str(&rdjson::render(&run)).expect("JSON");
        let parsed: RdResult = serde_json::from_value(out.clone()).expect("documented shape");
        assert_eq!(serde_json::to_value(&parsed).expect("back"), out);
        for d in &parsed.diagnostics {
            assert!(["ERROR", "WARNING", "INFO"].contains(&d.severity.as_str()));
        }
    }
    let parsed: RdResult =
        serde_json::from_str(&rdjson::render(&tricky_run())).expect("documented shape");
    let d = &parsed.diagnostics[0];
    let s = d.suggestions.as_ref().expect("the fix is a suggestion");
    assert_eq!(s[0].text, "Kiev");
    // Exclusive end, UTF-8 bytes: "Kyiv" is 4 bytes from byte column 27.
    assert_eq!(
        s[0].range.start,
        RdPosition {
            line: 3,
            column: 27
        }
    );
    assert_eq!(
        s[0].range.end,
        RdPosition {
            line: 3,
            column: 31
        }
    );
    let related = d.related_locations.as_ref().expect("related");
    assert_eq!(related[0].message, "a place, with a comma");
    assert_eq!(
        related[0].location.range.start,
        RdPosition { line: 3, column: 4 }
    );
}

#[test]
fn gitlab_issues_have_the_required_fields_and_unique_fingerprints() {
    let v: Value = serde_json::from_str(&gitlab::render(&balkan_run(), &opts())).expect("JSON");
    let issues = v.as_array().expect("array");
    assert_eq!(issues.len(), 2);
    assert_eq!(issues[1]["check_name"], "L001");
    assert_eq!(issues[1]["severity"], "major");
    assert_eq!(issues[0]["severity"], "minor");
    assert_eq!(issues[1]["location"]["path"], BALKAN);
    assert_eq!(issues[1]["location"]["positions"]["begin"]["line"], 6);
    assert_eq!(issues[1]["location"]["positions"]["begin"]["column"], 192);
    assert_ne!(issues[0]["fingerprint"], issues[1]["fingerprint"]);
    for i in issues {
        for key in [
            "description",
            "check_name",
            "fingerprint",
            "severity",
            "location",
        ] {
            assert!(i.get(key).is_some(), "{key} missing in {i}");
        }
    }
}

fn claimlint() -> Command {
    let mut c = Command::cargo_bin("claimlint").expect("binary built");
    c.env_remove("NO_COLOR")
        .current_dir(env!("CARGO_MANIFEST_DIR"));
    c
}

#[test]
fn machine_formats_write_only_the_document_to_stdout() {
    for format in ["json", "sarif", "gitlab", "rdjson"] {
        let out = claimlint()
            .args(["check", BALKAN, "--output-format", format])
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(1), "{format}");
        serde_json::from_slice::<Value>(&out.stdout).expect("stdout is one JSON document");
        assert_eq!(
            String::from_utf8_lossy(&out.stderr),
            "1 file checked: 1 error, 1 warning, 0 notes\n"
        );
    }
    let out = claimlint()
        .args(["check", BALKAN, "--format", "jsonl", "--quiet"])
        .output()
        .expect("runs");
    assert!(out.stderr.is_empty());
    let lines: Vec<Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[1]["path"], BALKAN);
    assert_eq!(lines[1]["code"], "L001");
    let primary: Vec<&Value> = lines[1]["labels"]
        .as_array()
        .expect("labels")
        .iter()
        .filter(|l| l["primary"] == true)
        .collect();
    assert_eq!(
        (&primary[0]["start"], &primary[0]["text"]),
        (&Value::from(284), &Value::from("Kyiv"))
    );
}

#[test]
fn statistics_exit_zero_and_quiet() {
    let out = claimlint()
        .args(["check", BALKAN, "--statistics", "--exit-zero"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "1  L001  event-location-conflict\n1  P001  name-variant\n\
         1 file checked: 1 error, 1 warning, 0 notes\n"
    );
    let out = claimlint()
        .args(["check", BALKAN, "--quiet", "--color", "never"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(s.contains("L001(event-location-conflict)"), "{s}");
    assert!(!s.contains("file checked"), "{s}");
    // --exit-zero and --fail-on contradict each other: a usage error.
    let out = claimlint()
        .args(["check", BALKAN, "--exit-zero", "--fail-on", "warning"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    // Unreadable files still exit 2 with --exit-zero.
    let out = claimlint()
        .args(["check", "missing.txt", "--exit-zero"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn output_file_is_written_whole_or_not_at_all() {
    let dir = std::env::temp_dir().join(format!("claimlint-formats-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("tmp");
    let target = dir.join("report.sarif");
    std::fs::write(&target, "old").expect("write");
    let out = claimlint()
        .args(["check", BALKAN, "--format", "sarif", "--output"])
        .arg(&target)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let written: Value =
        serde_json::from_str(&std::fs::read_to_string(&target).expect("read")).expect("JSON");
    assert_eq!(
        written["runs"][0]["results"].as_array().map(Vec::len),
        Some(2)
    );
    let left: Vec<_> = std::fs::read_dir(&dir)
        .expect("dir")
        .filter_map(|e| e.ok().map(|e| e.file_name()))
        .collect();
    assert_eq!(left, vec![std::ffi::OsString::from("report.sarif")]);
    // A folder that does not exist: exit 2, nothing created.
    let missing = dir.join("no-such-dir").join("out.json");
    let out = claimlint()
        .args(["check", BALKAN, "--format", "json", "-o"])
        .arg(&missing)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot write"));
    assert!(!dir.join("no-such-dir").exists());
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn sarif_root_makes_uris_relative_to_it() {
    let out = claimlint()
        .args([
            "check",
            BALKAN,
            "--format",
            "sarif",
            "--sarif-root",
            "fixtures",
        ])
        .output()
        .expect("runs");
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let loc = &v["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"];
    assert_eq!(loc["uri"], "balkan-summit.txt");
    let base = v["runs"][0]["originalUriBaseIds"]["SRCROOT"]["uri"]
        .as_str()
        .expect("uri");
    assert!(
        base.starts_with("file:///") && base.ends_with("/fixtures/"),
        "{base}"
    );
}

#[test]
fn docs_show_the_seed_article_in_every_format_as_it_is() {
    let docs = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/formats.md"))
        .expect("docs/formats.md");
    let formats = [
        "human",
        "concise",
        "json",
        "jsonl",
        "sarif",
        "github",
        "gitlab",
        "rdjson",
        "junit",
        "checkstyle",
    ];
    for format in formats {
        let heading = format!("### `{format}`\n");
        let section = docs
            .split_once(&heading)
            .map(|(_, rest)| rest)
            .unwrap_or_else(|| panic!("docs/formats.md has no section for {format}"));
        let block = section
            .split_once("```")
            .and_then(|(_, rest)| rest.split_once('\n'))
            .and_then(|(_, rest)| rest.split_once("\n```\n"))
            .map(|(body, _)| format!("{body}\n"))
            .expect("a code block");
        if format == "sarif" {
            // Shown with the rules array cut down; the results must still be the real ones.
            let shown: Value = serde_json::from_str(&block).expect("JSON");
            let real: Value =
                serde_json::from_str(&sarif::render(&balkan_run(), &opts())).expect("JSON");
            assert_eq!(shown["runs"][0]["results"], real["runs"][0]["results"]);
            continue;
        }
        let out = claimlint()
            .args(["check", BALKAN, "--color", "never", "--format", format])
            .output()
            .expect("runs");
        assert_eq!(block, String::from_utf8_lossy(&out.stdout), "{format}");
    }
}
