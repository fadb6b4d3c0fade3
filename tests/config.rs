//! Configuration, suppressions and baselines through the binary: discovery from a nested
//! folder, overrides by glob, command line over file, `--isolated`, `--config`, errors with
//! their snippet, `claimlint init`, `claimlint config`, and the baseline round trip.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

const ARTICLE: &str = include_str!("../fixtures/balkan-summit.txt");

/// A fresh folder under the system temp dir, removed first if left over.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("claimlint-config-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

fn write(dir: &Path, rel: &str, text: &str) {
    let p = dir.join(rel);
    if let Some(parent) = p.parent() {
        std::fs::create_dir_all(parent).expect("mkdir");
    }
    std::fs::write(p, text).expect("write");
}

fn claimlint(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::cargo_bin("claimlint")
        .expect("binary")
        .current_dir(dir)
        .args(args)
        .output()
        .expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// `path:line:col: severity[CODE]` heads of concise output, in order.
fn heads(stdout: &str) -> Vec<String> {
    stdout
        .lines()
        .filter(|l| !l.starts_with(' ') && l.contains('['))
        .map(|l| {
            let end = l.find(']').map_or(l.len(), |i| i + 1);
            l[..end].to_string()
        })
        .collect()
}

#[test]
fn nearest_config_from_a_nested_folder_wins() {
    let d = scratch("nested");
    write(&d, "claimlint.toml", "ignore = [\"L001\"]\n");
    write(&d, "desk/deep/er/a.txt", ARTICLE);
    write(&d, "other/.claimlint.toml", "ignore = [\"P001\"]\n");
    write(&d, "other/b.txt", ARTICLE);
    let (code, out, _) = claimlint(&d, &["check", "--format", "concise", "-q", "desk", "other"]);
    assert_eq!(
        heads(&out),
        vec![
            "desk/deep/er/a.txt:3:1: warning[P001]",
            // With L001 ignored, nothing contradicts the headline's "Albania": H001 says the
            // body never supports it.
            "desk/deep/er/a.txt:3:54: warning[H001]",
            "other/b.txt:6:192: error[L001]",
        ]
    );
    assert_eq!(code, 1);
}

#[test]
fn override_by_glob_and_severity() {
    let d = scratch("override");
    write(
        &d,
        "claimlint.toml",
        "[severity]\nP001 = \"note\"\n\n[[overrides]]\nfiles = [\"opinion/**\"]\nignore = [\"L\"]\n[overrides.severity]\nP001 = \"error\"\n",
    );
    write(&d, "news/a.txt", ARTICLE);
    write(&d, "opinion/col/b.txt", ARTICLE);
    let (code, out, _) = claimlint(&d, &["check", "--format", "concise", "-q", "."]);
    assert_eq!(
        heads(&out),
        vec![
            "./news/a.txt:3:1: note[P001]",
            "./news/a.txt:6:192: error[L001]",
            "./opinion/col/b.txt:3:1: error[P001]",
            "./opinion/col/b.txt:3:54: warning[H001]",
        ]
    );
    assert_eq!(code, 1);
}

#[test]
fn command_line_over_file_and_isolated_and_explicit_config() {
    let d = scratch("cli");
    write(
        &d,
        "claimlint.toml",
        "select = [\"L001\"]\nfail-on = \"never\"\n",
    );
    write(&d, "a.txt", ARTICLE);
    write(
        &d,
        "ci/strict.toml",
        "select = [\"P\"]\nfail-on = \"warning\"\n",
    );
    // The file: only L001, and never fail.
    let (code, out, _) = claimlint(&d, &["check", "--format", "concise", "-q", "a.txt"]);
    assert_eq!(heads(&out), vec!["a.txt:6:192: error[L001]"]);
    assert_eq!(code, 0);
    // The command line replaces the selection and the threshold.
    let (code, out, _) = claimlint(
        &d,
        &[
            "check",
            "--format",
            "concise",
            "-q",
            "--select",
            "P001,D",
            "--fail-on",
            "warning",
            "a.txt",
        ],
    );
    assert_eq!(heads(&out), vec!["a.txt:3:1: warning[P001]"]);
    assert_eq!(code, 1);
    let (_, out, _) = claimlint(
        &d,
        &[
            "check",
            "--format",
            "concise",
            "-q",
            "--extend-select",
            "N001",
            "a.txt",
        ],
    );
    assert_eq!(
        heads(&out),
        vec!["a.txt:3:1: warning[P001]", "a.txt:6:192: error[L001]"]
    );
    let (_, out, _) = claimlint(
        &d,
        &[
            "check", "--format", "concise", "-q", "--ignore", "L", "a.txt",
        ],
    );
    assert_eq!(heads(&out), Vec::<String>::new());
    // --isolated: every rule, default threshold.
    let (code, out, _) = claimlint(
        &d,
        &["check", "--format", "concise", "-q", "--isolated", "a.txt"],
    );
    assert_eq!(
        heads(&out),
        vec!["a.txt:3:1: warning[P001]", "a.txt:6:192: error[L001]"]
    );
    assert_eq!(code, 1);
    // --config: that file instead of the nearest.
    let (code, out, _) = claimlint(
        &d,
        &[
            "check",
            "--format",
            "concise",
            "-q",
            "--config",
            "ci/strict.toml",
            "a.txt",
        ],
    );
    assert_eq!(heads(&out), vec!["a.txt:3:1: warning[P001]"]);
    assert_eq!(code, 1);
    // --exit-zero over the file's fail-on.
    let (code, _, _) = claimlint(
        &d,
        &[
            "check",
            "-q",
            "--config",
            "ci/strict.toml",
            "--exit-zero",
            "a.txt",
        ],
    );
    assert_eq!(code, 0);
    // An unknown code on the command line.
    let (code, _, err) = claimlint(&d, &["check", "--select", "Q1", "a.txt"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("--select: unknown rule code or prefix `Q1`"),
        "{err}"
    );
}

#[test]
fn invalid_config_is_exit_2_with_a_snippet_and_other_files_are_checked() {
    let d = scratch("invalid");
    write(
        &d,
        "bad/claimlint.toml",
        "fail-on = \"error\"\nignore = [\"L001\", \"X9\"]\n",
    );
    write(&d, "bad/a.txt", ARTICLE);
    write(&d, "good/b.txt", ARTICLE);
    let (code, out, err) = claimlint(&d, &["check", "--format", "concise", "-q", "bad", "good"]);
    assert_eq!(code, 2);
    assert_eq!(
        heads(&out),
        vec![
            "good/b.txt:3:1: warning[P001]",
            "good/b.txt:6:192: error[L001]"
        ]
    );
    assert!(err.contains("unknown rule code or prefix `X9`"), "{err}");
    assert!(err.contains("[bad/claimlint.toml:2:19]"), "{err}");
    assert!(err.contains("2 │ ignore = [\"L001\", \"X9\"]"), "{err}");
    assert!(
        err.contains("claimlint: bad/a.txt: invalid configuration: bad/claimlint.toml:2:19: unknown rule code or prefix `X9`"),
        "{err}"
    );
    // --config with a TOML duplicate key.
    write(
        &d,
        "dup.toml",
        "[severity]\nL001 = \"note\"\nL001 = \"error\"\n",
    );
    let (code, _, err) = claimlint(&d, &["check", "--config", "dup.toml", "good"]);
    assert_eq!(code, 2);
    assert!(err.contains("duplicate key `L001`"), "{err}");
    assert!(err.contains("[dup.toml:3:1]"), "{err}");
}

#[test]
fn init_writes_a_template_once() {
    let d = scratch("init");
    let (code, _, err) = claimlint(&d, &["init"]);
    assert_eq!(code, 0, "{err}");
    let written = std::fs::read_to_string(d.join("claimlint.toml")).expect("written");
    assert!(written.contains("# select = [\"ALL\"]") && written.contains("# [[overrides]]"));
    std::fs::write(d.join("claimlint.toml"), "select = [\"L001\"]\n").expect("edit");
    let (code, _, err) = claimlint(&d, &["init"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "claimlint: ./claimlint.toml already exists; not overwriting it (edit it, or remove it first)\n"
    );
    assert_eq!(
        std::fs::read_to_string(d.join("claimlint.toml")).expect("kept"),
        "select = [\"L001\"]\n"
    );
    // The template, as written, is a valid configuration that changes nothing.
    write(&d, "t/claimlint.toml", &written);
    write(&d, "t/a.txt", ARTICLE);
    let (_, out, _) = claimlint(&d, &["check", "--format", "concise", "-q", "t"]);
    assert_eq!(
        heads(&out),
        vec!["t/a.txt:3:1: warning[P001]", "t/a.txt:6:192: error[L001]"]
    );
}

#[test]
fn config_command_says_where_each_setting_comes_from() {
    let d = scratch("explain");
    write(
        &d,
        "claimlint.toml",
        "ignore = [\"P001\"]\nreference-date = \"none\"\n[[overrides]]\nfiles = [\"opinion/**\"]\nfail-on = \"warning\"\n",
    );
    let (code, out, _) = claimlint(&d, &["config", "opinion/x.md", "--ignore", "D0"]);
    assert_eq!(code, 0);
    assert!(out.starts_with(
        "file: opinion/x.md\nconfiguration: claimlint.toml\noverride: claimlint.toml [[overrides]] #1 (opinion/**)\n"
    ), "{out}");
    assert!(
        out.contains("  P001 off ignore \"P001\" (claimlint.toml:1:11)\n"),
        "{out}"
    );
    assert!(
        out.contains("  D001 off ignore \"D0\" (command line)\n"),
        "{out}"
    );
    assert!(
        out.contains("  L001 on  default (every rule runs)\n"),
        "{out}"
    );
    assert!(
        out.contains("fail-on = warning (claimlint.toml [[overrides]] #1 (opinion/**))\n"),
        "{out}"
    );
    assert!(
        out.contains("reference-date = none (claimlint.toml)\n"),
        "{out}"
    );
    let (_, out, _) = claimlint(&d, &["config", "news/x.md"]);
    assert!(out.contains("fail-on = error (default)\n"), "{out}");
    let (_, out, _) = claimlint(&d, &["config", "--isolated", "news/x.md"]);
    assert!(
        out.contains("configuration: none\n") && out.contains("  P001 on "),
        "{out}"
    );
}

#[test]
fn reference_date_none_ignores_the_articles_date() {
    let d = scratch("refdate");
    // The date line says Wednesday, February 28, 2024; "Thursday" would be wrong for it.
    let text = "Wednesday, February 28, 2024\n\nSummit opens in Tirana\n\nLeaders met on Thursday in Tirana, a day after the talks on Wednesday, Feb. 28, 2024.\n";
    write(&d, "a.txt", text);
    let (_, with_date, _) = claimlint(&d, &["check", "--format", "json", "-q", "a.txt"]);
    write(&d, "claimlint.toml", "reference-date = \"none\"\n");
    let (_, without, _) = claimlint(&d, &["check", "--format", "json", "-q", "a.txt"]);
    assert!(
        with_date.contains("\"reference_date\"") || with_date.contains("\"reference\""),
        "{with_date}"
    );
    assert!(with_date.contains("2024-02-28"), "{with_date}");
    let v: serde_json::Value = serde_json::from_str(&without).expect("json");
    let refs: Vec<&serde_json::Value> = v["files"]
        .as_array()
        .expect("files")
        .iter()
        .map(|f| &f["reference_date"])
        .collect();
    assert_eq!(refs, vec![&serde_json::Value::Null]);
}

#[test]
fn suppressions_in_a_plain_text_article() {
    let d = scratch("suppress");
    let text = ARTICLE.replacen(
        "Zelenskyy seeks support",
        "<!-- claimlint-disable-next-line N001 -->\nZelenskyy seeks support",
        1,
    );
    write(&d, "a.txt", &text);
    let (_, out, _) = claimlint(&d, &["check", "--format", "concise", "-q", "a.txt"]);
    // P001 (alias N001) is suppressed: its primary label is on the next line.
    assert!(!out.contains("[P001]"), "{out}");
    assert!(out.contains("error[L001]"), "{out}");
    let text = format!("{ARTICLE}\n\n<!-- claimlint-disable L001 -->\n");
    write(&d, "b.txt", &text);
    let (_, out, _) = claimlint(&d, &["check", "--format", "concise", "-q", "b.txt"]);
    // A range opened after every finding suppresses none of them: S001 at the code.
    // The article's last line is 26; the comment is on line 28, `L001` at column 24.
    assert!(
        out.contains("b.txt:28:24: note[S001] unused suppression: no L001 finding in its range"),
        "{out}"
    );
    assert!(out.contains("error[L001]"), "{out}");
    let (_, out, _) = claimlint(
        &d,
        &[
            "check", "--format", "concise", "-q", "--ignore", "S001", "b.txt",
        ],
    );
    assert!(!out.contains("S001"), "{out}");
}

#[test]
fn baseline_round_trip() {
    let d = scratch("baseline");
    write(&d, "news/a.txt", ARTICLE);
    write(&d, "ci/.keep", "");
    let (code, out, err) = claimlint(
        &d,
        &["check", "news", "--write-baseline", "ci/baseline.json"],
    );
    assert_eq!((code, out.as_str()), (0, ""), "{err}");
    assert_eq!(
        err,
        "claimlint: wrote ci/baseline.json (2 findings in 1 file)\n"
    );
    let first = std::fs::read(d.join("ci/baseline.json")).expect("baseline");
    let json: serde_json::Value = serde_json::from_slice(&first).expect("json");
    assert_eq!(json["version"], 1);
    let paths: Vec<&str> = json["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| f["path"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(paths, vec!["../news/a.txt", "../news/a.txt"]);
    // Edit an unrelated paragraph: no findings.
    let edited = ARTICLE.replace(
        "The concept of joint arms production involves",
        "The concept of joint arms production, analysts say, involves",
    );
    write(&d, "news/a.txt", &edited);
    let (code, out, _) = claimlint(
        &d,
        &[
            "check",
            "news",
            "--format",
            "concise",
            "--baseline",
            "ci/baseline.json",
        ],
    );
    assert_eq!(heads(&out), Vec::<String>::new());
    assert_eq!(code, 0);
    // A new contradiction: only it is reported.
    let worse = edited.replace(
        "This approach also fosters",
        "The pact was signed on February 30, 2024. This approach also fosters",
    );
    write(&d, "news/a.txt", &worse);
    let (code, out, _) = claimlint(
        &d,
        &[
            "check",
            "news",
            "--format",
            "concise",
            "-q",
            "--baseline",
            "ci/baseline.json",
        ],
    );
    let h = heads(&out);
    assert_eq!(h.len(), 1, "{out}");
    assert!(h[0].ends_with("error[D002]"), "{out}");
    assert_eq!(code, 1);
    // Rewriting the baseline when nothing changed: byte-identical.
    write(&d, "news/a.txt", &edited);
    let (code, _, _) = claimlint(
        &d,
        &["check", "news", "--write-baseline", "ci/baseline.json"],
    );
    assert_eq!(code, 0);
    assert_eq!(
        std::fs::read(d.join("ci/baseline.json")).expect("again"),
        first
    );
    // A broken baseline is exit 2 with its place.
    write(&d, "ci/bad.json", "{\"version\": 1, \"findings\": [}");
    let (code, _, err) = claimlint(&d, &["check", "news", "--baseline", "ci/bad.json"]);
    assert_eq!(code, 2);
    assert!(err.contains("not a claimlint baseline"), "{err}");
}

#[test]
fn readme_example_configuration_is_valid() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md");
    let section = readme
        .split_once("## Configuration: `claimlint.toml`")
        .map(|(_, rest)| rest)
        .expect("configuration section");
    let example = section
        .split_once("```toml\n")
        .and_then(|(_, rest)| rest.split_once("```\n"))
        .map(|(body, _)| body)
        .expect("a toml block");
    let c = claimlint::config::ConfigFile::parse(
        Path::new("claimlint.toml"),
        std::sync::Arc::from(example),
        &claimlint::rules::RuleSet::builtin(),
    )
    .unwrap_or_else(|e| panic!("README example: {e}"));
    assert_eq!(c.base.ignore[0].codes, vec!["D003"]);
    assert_eq!(c.overrides[0].files, vec!["opinion/**", "columns/*.md"]);
    assert_eq!(c.base.json_fields.as_ref().map(|f| f.len()), Some(2));
}

#[test]
fn claims_reads_the_configuration_too() {
    let d = scratch("claims");
    write(&d, "a.txt", ARTICLE);
    let reference = |args: &[&str]| -> serde_json::Value {
        let (code, out, err) = claimlint(&d, args);
        assert_eq!(code, 0, "{err}");
        let v: serde_json::Value = serde_json::from_str(&out).expect("json");
        v["files"][0]["reference_date"].clone()
    };
    let dated = serde_json::json!({"date": "2024-02-28", "source": "date-line"});
    assert_eq!(reference(&["claims", "a.txt", "--format", "json"]), dated);
    write(&d, "claimlint.toml", "reference-date = \"none\"\n");
    assert_eq!(
        reference(&["claims", "a.txt", "--format", "json"]),
        serde_json::Value::Null
    );
    assert_eq!(
        reference(&["claims", "a.txt", "--format", "json", "--isolated"]),
        dated
    );
}

#[test]
fn packs_and_rule_dirs_in_the_configuration_add_their_rules() {
    let d = scratch("packs");
    write(
        &d,
        "claimlint.toml",
        "packs = [\"ap-names\"]\n[severity]\nAP001 = \"note\"\n",
    );
    write(&d, "a.txt", ARTICLE);
    let (code, out, _) = claimlint(&d, &["check", "--format", "concise", "-q", "a.txt"]);
    assert_eq!(code, 1);
    let h = heads(&out);
    assert_eq!(
        h.iter().filter(|l| l.ends_with("note[AP001]")).count(),
        7,
        "{out}"
    );
    assert!(h.contains(&"a.txt:3:1: warning[P001]".to_string()), "{out}");
    assert!(h.contains(&"a.txt:6:192: error[L001]".to_string()), "{out}");
    // --pack naming the same pack again does not clash with the configuration's.
    let (code, out2, err) = claimlint(
        &d,
        &[
            "check", "--pack", "ap-names", "--format", "concise", "-q", "a.txt",
        ],
    );
    assert_eq!((code, out2.as_str()), (1, out.as_str()), "{err}");
    // --fix through the configuration's pack: the seven "Zelensky" become "Zelenskyy".
    let (_, _, err) = claimlint(&d, &["check", "--fix", "-q", "a.txt"]);
    assert!(err.contains("a.txt: fixed 7 findings"), "{err}");
    let fixed = std::fs::read_to_string(d.join("a.txt")).expect("read");
    assert_eq!(
        fixed,
        ARTICLE
            .replace("Zelensky", "Zelenskyy")
            .replace("Zelenskyyy", "Zelenskyy")
    );

    // A user pack from rule-dirs, with a code used in [severity].
    let e = scratch("rule-dirs");
    write(
        &e,
        "house/style.toml",
        "[pack]\nname = \"house\"\nsummary = \"House style.\"\n\n[[rule]]\ncode = \"HS001\"\nname = \"no-slams\"\nkind = \"pattern\"\ncategory = \"people\"\nseverity = \"warning\"\nsummary = \"Headlines do not slam.\"\nexplanation = \"Say what happened.\"\nregex = '\\bslams\\b'\nmessage = \"avoid 'slams'\"\n",
    );
    write(
        &e,
        "claimlint.toml",
        "rule-dirs = [\"house\"]\n[severity]\nHS001 = \"error\"\n",
    );
    write(
        &e,
        "b.txt",
        "Minister slams plan\n\nThe minister slams the plan.\n",
    );
    let (code, out, err) = claimlint(&e, &["check", "--format", "concise", "-q", "b.txt"]);
    assert_eq!(code, 1, "{out}{err}");
    assert_eq!(
        heads(&out),
        vec!["b.txt:1:10: error[HS001]", "b.txt:3:14: error[HS001]"],
        "{out}"
    );

    // An unknown pack name is an error at its entry in the configuration.
    write(&d, "claimlint.toml", "packs = [\"ap-nams\"]\n");
    let (code, _, err) = claimlint(&d, &["check", "a.txt"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("claimlint.toml:1:10: no shipped rule pack named 'ap-nams'"),
        "{err}"
    );
}

#[test]
fn tryout_regressions_are_errors_not_silent_passes() {
    let d = scratch("tryout");
    write(&d, "a.txt", ARTICLE);
    // --ignore may name a shipped pack's rule that the configuration loads.
    write(&d, "claimlint.toml", "packs = [\"ap-names\"]\n");
    let (code, out, err) = claimlint(
        &d,
        &[
            "check", "--ignore", "AP001", "--format", "concise", "-q", "a.txt",
        ],
    );
    assert_eq!(code, 1, "{err}");
    assert!(
        !out.contains("AP001") && out.contains("error[L001]"),
        "{out}"
    );
    // `claimlint rule` names the pack a rule comes from.
    let (code, _, err) = claimlint(&d, &["rule", "AP001"]);
    assert_eq!(code, 2);
    assert!(
        err.contains(
            "it is a rule of the shipped pack ap-names: `claimlint rule AP001 --pack ap-names`"
        ),
        "{err}"
    );
    // Two different packs with one name: an error, not a silently dropped pack.
    let pack = |code: &str| {
        format!("[pack]\nname = \"house\"\nsummary = \"S.\"\n\n[[rule]]\ncode = \"{code}\"\nname = \"r-{}\"\nkind = \"pattern\"\ncategory = \"people\"\nseverity = \"error\"\nsummary = \"S.\"\nexplanation = \"E.\"\nregex = 'slams'\nmessage = \"m\"\n", code.to_lowercase())
    };
    write(&d, "one.toml", &pack("HS001"));
    write(&d, "two.toml", &pack("HS002"));
    let (code, _, err) = claimlint(
        &d,
        &[
            "check",
            "--isolated",
            "--pack",
            "one.toml",
            "--pack",
            "two.toml",
            "a.txt",
        ],
    );
    assert_eq!(code, 2);
    assert!(
        err.contains("this pack is named 'house', like the pack one.toml given before it"),
        "{err}"
    );
    // --output onto an input is refused and the article is kept.
    let (code, _, err) = claimlint(
        &d,
        &[
            "check",
            "--isolated",
            "a.txt",
            "-o",
            "a.txt",
            "--format",
            "json",
        ],
    );
    assert_eq!(code, 2);
    assert!(
        err.contains("is one of the files being checked; not overwriting it"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(d.join("a.txt")).expect("read"),
        ARTICLE
    );
    // An empty export is an error.
    write(&d, "e.ndjson", "");
    let (code, _, err) = claimlint(&d, &["check", "--isolated", "e.ndjson"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("e.ndjson: no ndjson records in this file"),
        "{err}"
    );
    // A directive inside a script's string is not a directive.
    write(
        &d,
        "p.html",
        "<html><body><script>var x=\"<!-- claimlint-disable-file -->\";</script><article><h1>Zelenskyy at Balkan summit in Albania</h1><p>The summit, which took place in Kyiv, ended.</p></article></body></html>\n",
    );
    let (code, out, _) = claimlint(
        &d,
        &["check", "--isolated", "--format", "concise", "-q", "p.html"],
    );
    assert_eq!(code, 1);
    assert!(out.contains("error[L001]"), "{out}");
}
