//! CLI behaviour: exit codes, formats, per-file errors, stdin, folders, colour.

use assert_cmd::Command;
use serde_json::Value;

fn claimlint() -> Command {
    let mut c = Command::cargo_bin("claimlint").expect("binary built");
    c.env_remove("NO_COLOR").env("CLICOLOR_FORCE", "0");
    c
}

/// Run claimlint with `args` and `stdin` as standard input.
fn run_stdin(args: &[&str], stdin: impl Into<Vec<u8>>) -> std::process::Output {
    claimlint()
        .args(args)
        .write_stdin(stdin)
        .output()
        .expect("runs")
}

/// Run claimlint with `args`.
fn run(args: &[&str]) -> std::process::Output {
    claimlint().args(args).output().expect("runs")
}

fn json(out: &[u8]) -> Value {
    serde_json::from_slice(out).expect("stdout is JSON")
}

const BALKAN: &str = "fixtures/balkan-summit.txt";

#[test]
fn balkan_article_exits_1_with_one_l001_and_one_p001() {
    let out = run(&["check", BALKAN, "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let v = json(&out.stdout);
    assert_eq!(v["version"], 1);
    let file = &v["files"][0];
    assert_eq!(file["path"], BALKAN);
    assert_eq!(file["reference_date"]["date"], "2024-02-28");
    assert_eq!(file["reference_date"]["source"], "date-line");
    let diags = file["diagnostics"].as_array().expect("array");
    let codes: Vec<&str> = diags.iter().filter_map(|d| d["code"].as_str()).collect();
    assert_eq!(codes, vec!["P001", "L001"]);

    let l001 = &diags[1];
    assert_eq!(l001["severity"], "error");
    assert_eq!(l001["rule"], "event-location-conflict");
    assert_eq!(
        l001["message"],
        "the summit is placed both in Kyiv and in Albania: Kyiv is in Ukraine, not in Albania; \
         Ukraine is not in the Balkans or Southeast Europe"
    );
    // Columns count code points: line 24 has a curly apostrophe (3 bytes) before the label.
    let labels: Vec<(&str, bool, u64, u64)> = l001["labels"]
        .as_array()
        .expect("labels")
        .iter()
        .map(|l| {
            (
                l["text"].as_str().unwrap_or(""),
                l["primary"].as_bool().unwrap_or(false),
                l["line"].as_u64().unwrap_or(0),
                l["column"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    assert_eq!(
        labels,
        vec![
            ("Balkan", false, 3, 37),
            ("Albania", false, 3, 54),
            ("Kyiv", true, 6, 192),
            ("Southeast European", false, 24, 79),
        ]
    );

    let p001 = &diags[0];
    assert_eq!(p001["severity"], "warning");
    assert_eq!(
        p001["help"],
        "use one spelling throughout (Zelensky 7×, Zelenskyy 1×)"
    );
    assert_eq!(v["summary"]["errors"], 1);
    assert_eq!(v["summary"]["warnings"], 1);
}

#[test]
fn human_output_labels_both_sides_and_summarises() {
    let out = run(&["check", BALKAN, "--color", "never"]);
    assert_eq!(out.status.code(), Some(1));
    let s = String::from_utf8(out.stdout).expect("utf-8");
    assert!(s.contains("L001(event-location-conflict)"), "{s}");
    assert!(
        s.contains("the summit is placed in Albania in the headline"),
        "{s}"
    );
    assert!(
        s.contains("the summit is placed in Kyiv (Ukraine) here"),
        "{s}"
    );
    assert!(s.contains("[fixtures/balkan-summit.txt:6:192]"), "{s}");
    // Header columns count code points, as in JSON (two curly apostrophes before it).
    assert!(s.contains("[fixtures/balkan-summit.txt:24:79]"), "{s}");
    assert!(!s.contains('\u{1b}'), "no ANSI escapes with --color never");
    assert!(
        s.ends_with("1 file checked: 1 error, 1 warning, 0 notes\n"),
        "{s}"
    );
}

#[test]
fn color_always_emits_ansi_and_no_color_env_is_honoured_in_auto() {
    let out = run(&["check", BALKAN, "--color", "always"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains('\u{1b}'));
    let out = claimlint()
        .env("NO_COLOR", "1")
        .args(["check", BALKAN])
        .output()
        .expect("runs");
    assert!(!String::from_utf8_lossy(&out.stdout).contains('\u{1b}'));
}

#[test]
fn fail_on_thresholds() {
    let code = |fail_on: &str, stdin: &str| {
        run_stdin(
            &["check", "-", "--fail-on", fail_on, "--format", "json"],
            stdin,
        )
        .status
        .code()
    };
    let balkan = std::fs::read_to_string(BALKAN).expect("fixture");
    assert_eq!(code("never", &balkan), Some(0));
    assert_eq!(code("error", &balkan), Some(1));
    // Only a warning (P001): passes at error, fails at warning and note.
    let warning_only = "Zelenskyy visits troops\n\nPresident Volodymyr Zelensky met soldiers on \
                        Monday. Zelensky later spoke to reporters.\n";
    assert_eq!(code("error", warning_only), Some(0));
    assert_eq!(code("warning", warning_only), Some(1));
    assert_eq!(code("note", warning_only), Some(1));
    assert_eq!(code("note", "Calm day\n\nNothing happened.\n"), Some(0));
}

#[test]
fn clean_stdin_exits_0_and_lists_the_file() {
    let out = run_stdin(
        &["check", "-", "--format", "json"],
        "Talks resume\n\nDiplomats met in Geneva on Monday.\n",
    );
    assert_eq!(out.status.code(), Some(0));
    let v = json(&out.stdout);
    assert_eq!(v["files"][0]["path"], "<stdin>");
    assert_eq!(v["files"][0]["diagnostics"], Value::Array(vec![]));
    assert_eq!(v["files"][0]["reference_date"], Value::Null);
}

#[test]
fn reference_date_flag_wins_and_is_reported() {
    let out = run_stdin(
        &[
            "check",
            "-",
            "--format",
            "json",
            "--reference-date",
            "2024-03-01",
        ],
        "Wednesday, February 28, 2024\n\nHeadline\n\nBody.\n",
    );
    let v = json(&out.stdout);
    assert_eq!(v["files"][0]["reference_date"]["date"], "2024-03-01");
    assert_eq!(v["files"][0]["reference_date"]["source"], "command-line");
}

#[test]
fn bad_files_get_one_line_errors_and_others_are_still_checked() {
    let dir = std::env::temp_dir().join(format!("claimlint-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("tmp");
    let latin1 = dir.join("latin1.txt");
    std::fs::write(&latin1, b"Caf\xe9 summit\n\nText.\n").expect("write");
    let binary = dir.join("image.txt");
    std::fs::write(&binary, b"\x89PNG\r\n\x1a\n\0\0\0").expect("write");
    let missing = dir.join("missing.txt");
    let out = claimlint()
        .arg("check")
        .arg(&latin1)
        .arg(&binary)
        .arg(&missing)
        .arg(BALKAN)
        // Without it the Latin-1 file would be read as Windows-1252 (tests/inputs.rs).
        .args(["--format", "json", "--encoding", "utf-8"])
        .output()
        .expect("runs");
    // 2 wins over 1.
    assert_eq!(out.status.code(), Some(2));
    let v = json(&out.stdout);
    assert_eq!(v["files"].as_array().map(Vec::len), Some(1));
    assert_eq!(v["files"][0]["path"], BALKAN);
    let errors = v["errors"].as_array().expect("errors");
    let messages: Vec<&str> = errors
        .iter()
        .filter_map(|e| e["message"].as_str())
        .collect();
    assert_eq!(
        messages,
        vec![
            "not valid UTF-8 (first bad byte at offset 3)",
            "looks like a binary file (NUL byte at offset 8)",
            "no such file",
        ]
    );
    assert_eq!(v["summary"]["unreadable"], 3);
    let stderr = String::from_utf8_lossy(&out.stderr);
    // One line per unreadable file, then the summary (machine formats keep stdout for the document).
    assert_eq!(stderr.lines().count(), 4, "{stderr}");
    assert!(
        stderr
            .ends_with("1 file checked: 1 error, 1 warning, 0 notes; 3 files could not be read\n"),
        "{stderr}"
    );
    assert!(stderr.contains("missing.txt: no such file"), "{stderr}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn folders_take_txt_and_md_and_skip_hidden_and_readme() {
    let dir = std::env::temp_dir().join(format!("claimlint-dir-{}", std::process::id()));
    let sub = dir.join("sub");
    std::fs::create_dir_all(&sub).expect("tmp");
    std::fs::create_dir_all(dir.join(".git")).expect("tmp");
    for (name, body) in [
        ("b.txt", "B\n\nText.\n"),
        ("sub/a.md", "A\n\nText.\n"),
        ("README.md", "Readme\n"),
        ("notes.csv", "a,b\n"),
        (".hidden.txt", "H\n"),
        (".git/x.txt", "X\n"),
    ] {
        std::fs::write(dir.join(name), body).expect("write");
    }
    let out = claimlint()
        .arg("check")
        .arg(&dir)
        .args(["--format", "json"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let v = json(&out.stdout);
    let paths: Vec<String> = v["files"]
        .as_array()
        .expect("files")
        .iter()
        .filter_map(|f| f["path"].as_str())
        .map(|p| {
            p.replace('\\', "/")
                .rsplit('/')
                .next()
                .unwrap_or("")
                .to_string()
        })
        .collect();
    assert_eq!(paths, vec!["b.txt", "a.md"]);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn usage_errors_exit_2() {
    let out = claimlint().args(["check"]).output().expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let out = run(&["check", BALKAN, "--reference-date", "2024-02-30"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a valid date"));
    let out = claimlint().args(["rule", "X999"]).output().expect("runs");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn rule_explains_itself() {
    let out = claimlint()
        .args(["rule", "L001", "--format", "md"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(s.starts_with("L001 event-location-conflict (places, default severity: error)"));
    assert!(
        s.contains("## What it checks") && s.contains("## Example"),
        "{s}"
    );
    let out = claimlint().args(["rule", "L001"]).output().expect("runs");
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(s.starts_with("L001 event-location-conflict (places, default severity: error)"));
    assert!(
        s.contains("\nWHAT IT CHECKS\n") && !s.contains("## "),
        "{s}"
    );
    let out = claimlint().args(["rules"]).output().expect("runs");
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(
        s.lines().any(|l| l.starts_with("P001  name-variant")),
        "{s}"
    );
}

#[test]
fn former_code_explains_the_renamed_rule() {
    let out = run(&["rule", "N001"]);
    assert_eq!(out.status.code(), Some(0));
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(
        s.starts_with("N001 is a former code of this rule: it is now P001 "),
        "{s}"
    );
    assert!(s.contains("\n\nP001 name-variant (people, default severity: warning)\n\n"));
    let out = run(&["rule", "N999"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn rules_as_json_list_every_rule_with_its_metadata() {
    let out = run(&["rules", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let v = json(&out.stdout);
    assert_eq!(v["version"], 1);
    let rules = v["rules"].as_array().expect("rules");
    assert_eq!(rules.len(), claimlint::rules::all().len());
    assert_eq!(rules[0]["code"], "D001");
    assert_eq!(rules[0]["category"], "dates");
    assert_eq!(rules[0]["default_severity"], "error");
    assert!(rules
        .iter()
        .any(|r| r["code"] == "L001" && r["name"] == "event-location-conflict"));
}

#[test]
fn crlf_and_bom_keep_exact_spans() {
    let text = "\u{feff}Summit in Vienna\r\n\r\nThe summit, held in Geneva, ended.\r\n";
    let out = run_stdin(&["check", "-", "--format", "json"], text);
    let v = json(&out.stdout);
    let labels = v["files"][0]["diagnostics"][0]["labels"]
        .as_array()
        .expect("labels")
        .clone();
    for l in &labels {
        let (s, e) = (
            l["start"].as_u64().unwrap_or(0) as usize,
            l["end"].as_u64().unwrap_or(0) as usize,
        );
        assert_eq!(&text[s..e], l["text"].as_str().unwrap_or("?"));
    }
    assert_eq!(labels[0]["text"], "Vienna");
    assert_eq!(
        (labels[0]["line"].as_u64(), labels[0]["column"].as_u64()),
        (Some(1), Some(11))
    );
    assert_eq!(labels[1]["text"], "Geneva");
    assert_eq!(
        (labels[1]["line"].as_u64(), labels[1]["column"].as_u64()),
        (Some(3), Some(21))
    );
}

#[test]
fn very_long_lines_render_without_snippets_instead_of_panicking() {
    // miette cannot render a line past 65,535 columns; such findings are printed plainly.
    let filler = "word ".repeat(15_000);
    let text = format!("Summit in Vienna\n\n{filler}The summit, held in Geneva, ended.\n");
    let out = run_stdin(&["check", "-", "--color", "never"], text);
    assert_eq!(out.status.code(), Some(1));
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(
        s.contains(
            "  --> <stdin>:3:75021 \"Geneva\": the summit is placed in Geneva (Switzerland) here"
        ),
        "{s}"
    );
    assert!(s.contains("      <stdin>:1:11 \"Vienna\": the summit is placed in Vienna (Austria) in the headline"), "{s}");
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn loose_dates_empty_folders_and_utf16_are_errors() {
    let out = run(&["check", BALKAN, "--reference-date", "2024-2-3"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("'2024-2-3' is not a valid date"));

    let dir = std::env::temp_dir().join(format!("claimlint-empty-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("tmp");
    std::fs::write(dir.join("notes.csv"), "a,b\n").expect("write");
    let utf16 = dir.join("utf16.dat");
    std::fs::write(&utf16, [0xFF, 0xFE, b'H', 0, b'i', 0]).expect("write");
    let out = claimlint()
        .arg("check")
        .arg(&dir)
        .arg(&utf16)
        // Without it the UTF-16 file would be decoded (tests/inputs.rs).
        .args(["--format", "json", "--encoding", "utf-8"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let v = json(&out.stdout);
    let messages: Vec<&str> = v["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .filter_map(|e| e["message"].as_str())
        .collect();
    assert_eq!(
        messages,
        vec![
            "no articles in this folder (looked for *.txt, *.md, *.markdown, *.html, *.htm, *.json, *.ndjson, *.jsonl)",
            "UTF-16 text is not supported: save it as UTF-8",
        ]
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn markdown_front_matter_gives_the_reference_date() {
    let text = "---\ntitle: Talks\ndate: 2024-02-28\n---\n\n# Talks resume on Tuesday, February 28\n\nDiplomats met again.\n";
    let out = run_stdin(&["check", "-", "--format", "json"], text);
    assert_eq!(out.status.code(), Some(1));
    let v = json(&out.stdout);
    assert_eq!(v["files"][0]["reference_date"]["source"], "front-matter");
    assert_eq!(v["files"][0]["diagnostics"][0]["code"], "D001");
    // The front matter's date is labelled like a date line's: it is where the year came from.
    let labels: Vec<(u64, &str, bool, &str)> = v["files"][0]["diagnostics"][0]["labels"]
        .as_array()
        .expect("labels")
        .iter()
        .map(|l| {
            (
                l["line"].as_u64().unwrap_or(0),
                l["text"].as_str().unwrap_or(""),
                l["primary"].as_bool().unwrap_or(false),
                l["message"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        labels,
        vec![
            (3, "2024-02-28", false, "the reference date"),
            (6, "Tuesday", true, "written as Tuesday"),
            (6, "February 28", false, "this date fell on a Wednesday"),
        ]
    );
}
