//! Article formats read natively: the Balkan article as Markdown with front matter and as an
//! NDJSON record gives the plain text's L001 and P001, with byte offsets, lines and columns
//! checked in its own file; whole-file and per-record errors name the file, line and record.

use assert_cmd::Command;
use serde_json::Value;

/// `(primary, start, end, line, column, text)` of every label of every diagnostic of `file`,
/// after checking that each label's `text` is exactly the file's bytes at `start..end`.
/// `(primary, start, end, line, column, text)` of one label.
type Lab = (bool, u64, u64, u64, u64, String);

fn labels(file: &Value, bytes: &[u8]) -> Vec<(String, Vec<Lab>)> {
    labels_decoded(file, bytes, |b| std::str::from_utf8(b).unwrap().to_string())
}

fn json_of(args: &[&str]) -> (Value, String, i32) {
    let out = Command::cargo_bin("claimlint")
        .unwrap()
        .args(["check", "--format", "json"])
        .args(args)
        .output()
        .unwrap();
    (
        serde_json::from_slice(&out.stdout).unwrap(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

fn l(p: bool, s: u64, e: u64, line: u64, col: u64, t: &str) -> Lab {
    (p, s, e, line, col, t.to_string())
}

#[test]
fn markdown_with_front_matter_gives_the_plain_findings() {
    let path = "fixtures/formats/balkan-summit.md";
    let bytes = std::fs::read(path).unwrap();
    let (doc, _, code) = json_of(&[path]);
    assert_eq!(code, 1);
    let f = &doc["files"][0];
    assert_eq!(f["reference_date"]["source"], "front-matter");
    assert_eq!(f["reference_date"]["date"], "2024-02-28");
    assert!(f.get("record").is_none());
    assert_eq!(
        labels(f, &bytes),
        vec![
            (
                "P001".to_string(),
                vec![
                    l(true, 12, 21, 2, 9, "Zelenskyy"),
                    l(false, 236, 244, 13, 31, "Zelensky")
                ]
            ),
            (
                "L001".to_string(),
                vec![
                    l(false, 48, 54, 2, 45, "Balkan"),
                    l(false, 65, 72, 2, 62, "Albania"),
                    l(true, 397, 401, 13, 192, "Kyiv"),
                    l(false, 3313, 3331, 31, 79, "Southeast European"),
                ]
            ),
        ]
    );
}

#[test]
fn ndjson_record_gives_the_plain_findings_and_a_bad_line_is_named() {
    let path = "fixtures/formats/balkan-summit.ndjson";
    let bytes = std::fs::read(path).unwrap();
    let (doc, stderr, code) = json_of(&[path]);
    // Line 1 is not JSON: named, the other records still checked, exit 2.
    assert_eq!(code, 2);
    assert!(
        stderr.contains("claimlint: fixtures/formats/balkan-summit.ndjson: line 1: not JSON: "),
        "{stderr}"
    );
    assert_eq!(doc["errors"][0]["path"], path);
    let files = doc["files"].as_array().unwrap();
    assert_eq!(files.len(), 2);
    let f = &files[0];
    // Named by its `id` field.
    assert_eq!(f["record"], "id \"balkan-17\"");
    assert_eq!(f["reference_date"]["source"], "date-field");
    assert_eq!(
        labels(f, &bytes),
        vec![
            (
                "P001".to_string(),
                vec![
                    l(true, 105, 114, 2, 90, "Zelenskyy"),
                    l(false, 207, 215, 2, 192, "Zelensky")
                ]
            ),
            (
                "L001".to_string(),
                vec![
                    l(false, 141, 147, 2, 126, "Balkan"),
                    l(false, 158, 165, 2, 143, "Albania"),
                    l(true, 368, 372, 2, 353, "Kyiv"),
                    l(false, 3312, 3330, 2, 3297, "Southeast European"),
                ]
            ),
        ]
    );
    assert_eq!(files[1]["record"], "id \"other-1\"");
    assert_eq!(files[1]["diagnostics"], serde_json::json!([]));
    // Escaped quotes and \u2019 escapes lie before the spans on that line.
    let line2 = std::str::from_utf8(&bytes).unwrap().lines().nth(1).unwrap();
    assert!(line2[..100].contains(r#"\"Balkans\""#));
    assert!(line2[..3300].contains(r"\u2019"));
}

#[test]
fn concise_and_human_name_the_record() {
    let out = Command::cargo_bin("claimlint")
        .unwrap()
        .args([
            "check",
            "--format",
            "concise",
            "fixtures/formats/balkan-summit.ndjson",
        ])
        .output()
        .unwrap();
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(
        s.contains("fixtures/formats/balkan-summit.ndjson:2:90: warning[P001] [id \"balkan-17\"] \"Zelenskyy\""),
        "{s}"
    );
    assert!(
        s.contains("fixtures/formats/balkan-summit.ndjson:2:353: error[L001] [id \"balkan-17\"] the summit"),
        "{s}"
    );
}

#[test]
fn bad_front_matter_names_file_line_and_column_and_others_are_checked() {
    let dir = std::env::temp_dir().join(format!("claimlint-inputs-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.md");
    std::fs::write(
        &bad,
        "---\ntitle: Summit\ndate: [2024-02-28\n---\n\nBody.\n",
    )
    .unwrap();
    let open = dir.join("open.md");
    std::fs::write(&open, "---\ntitle: Summit\n\nBody.\n").unwrap();
    let (doc, stderr, code) = json_of(&[
        bad.to_str().unwrap(),
        open.to_str().unwrap(),
        "fixtures/balkan-summit.txt",
    ]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains(&format!(
            "{}: 3:7: YAML front matter: unclosed bracket '['",
            bad.display()
        )),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!(
            "{}: 1:1: YAML front matter: the `---` block opened here never closes",
            open.display()
        )),
        "{stderr}"
    );
    assert_eq!(doc["files"].as_array().unwrap().len(), 1);
    assert_eq!(doc["files"][0]["path"], "fixtures/balkan-summit.txt");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn json_record_without_body_and_field_overrides() {
    let dir = std::env::temp_dir().join(format!("claimlint-json-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join("feed.json");
    std::fs::write(
        &p,
        "[{\"id\": \"a-17\", \"title\": \"Summit\"},\n {\"id\": \"a-18\", \"title\": \"Summit in Albania\", \"content\": [{\"type\": \"paragraph\", \"text\": \"The summit, which took place in Kyiv, ended.\"}]}]\n",
    )
    .unwrap();
    let (doc, stderr, code) = json_of(&[
        "--json-fields",
        "headline=title,body=content",
        p.to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains(&format!(
            "{}: id \"a-17\": no body field (looked for: content)",
            p.display()
        )),
        "{stderr}"
    );
    let f = &doc["files"][0];
    assert_eq!(f["record"], "id \"a-18\"");
    let bytes = std::fs::read(&p).unwrap();
    let got = labels(f, &bytes);
    assert_eq!(got[0].0, "L001");
    let kyiv = got[0].1.iter().find(|x| x.0).unwrap();
    let at = std::str::from_utf8(&bytes).unwrap().rfind("Kyiv").unwrap() as u64;
    assert_eq!((at, kyiv.1, kyiv.3, kyiv.5.as_str()), (157, 157, 2, "Kyiv"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn markdown_crlf_bom_and_non_ascii_before_a_span() {
    let dir = std::env::temp_dir().join(format!("claimlint-crlf-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join("a.md");
    let text = "\u{feff}# Summit in Albania\r\n\r\n```\r\n# Kyiv\r\n```\r\n\r\n---\r\n\r\nZoë’s note: the summit, which took place in Kyiv, ended.\r\n";
    std::fs::write(&p, text).unwrap();
    let (doc, _, _) = json_of(&[p.to_str().unwrap()]);
    let f = &doc["files"][0];
    let got = labels(f, text.as_bytes());
    assert_eq!(got[0].0, "L001");
    let kyiv = got[0].1.iter().find(|x| x.0).unwrap();
    let start = text.rfind("Kyiv").unwrap() as u64;
    // Line 9; "Zoë’s note: the summit, which took place in " is 44 code points.
    assert_eq!(kyiv, &l(true, start, start + 4, 9, 45, "Kyiv"));
    let albania = got[0].1.iter().find(|x| x.5 == "Albania").unwrap();
    assert_eq!((albania.1, albania.3, albania.4), (15, 1, 13));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn html_page_gives_the_plain_findings() {
    let path = "fixtures/formats/balkan-summit.html";
    let bytes = std::fs::read(path).unwrap();
    let text = std::str::from_utf8(&bytes).unwrap();
    let (doc, _, code) = json_of(&[path]);
    assert_eq!(code, 1);
    let f = &doc["files"][0];
    assert_eq!(f["reference_date"]["source"], "page-date");
    assert_eq!(f["reference_date"]["date"], "2024-02-28");
    assert_eq!(
        labels(f, &bytes),
        vec![
            (
                "P001".to_string(),
                vec![
                    l(true, 556, 565, 14, 11, "Zelenskyy"),
                    l(false, 779, 787, 16, 40, "Zelensky")
                ]
            ),
            (
                "L001".to_string(),
                vec![
                    l(false, 592, 598, 14, 47, "Balkan"),
                    l(false, 609, 616, 14, 64, "Albania"),
                    l(true, 940, 944, 16, 201, "Kyiv"),
                    l(false, 3978, 3996, 25, 94, "Southeast European"),
                ]
            ),
        ]
    );
    // Entities lie before the spans: `&amp;` before the headline, `&rsquo;` before the last.
    assert!(text[..556].contains("&amp;"));
    assert!(text[..3978].contains("&rsquo;"));
}

#[test]
fn every_output_format_names_the_record() {
    for (format, needle) in [
        (
            "human",
            "[fixtures/formats/balkan-summit.ndjson:id \"balkan-17\":2:353]",
        ),
        ("concise", "error[L001] [id \"balkan-17\"] the summit"),
        ("json", "\"record\": \"id \\\"balkan-17\\\"\""),
        ("jsonl", "\"record\":\"id \\\"balkan-17\\\"\""),
        ("sarif", "\"record\": \"id \\\"balkan-17\\\"\""),
        ("github", "title=L001::[id \"balkan-17\"] the summit"),
        (
            "gitlab",
            "\"description\": \"[id \\\"balkan-17\\\"] the summit",
        ),
        ("rdjson", "\"message\": \"[id \\\"balkan-17\\\"] the summit"),
        (
            "junit",
            "testsuite name=\"fixtures/formats/balkan-summit.ndjson:id &quot;balkan-17&quot;\"",
        ),
        (
            "checkstyle",
            "message=\"[id &quot;balkan-17&quot;] the summit",
        ),
    ] {
        let out = Command::cargo_bin("claimlint")
            .unwrap()
            .args(["check", "--color", "never", "--format", format])
            .arg("fixtures/formats/balkan-summit.ndjson")
            .output()
            .unwrap();
        let s = String::from_utf8(out.stdout).unwrap();
        assert!(s.contains(needle), "{format}: {needle} not in\n{s}");
    }
}

#[test]
fn truncated_and_mangled_inputs_never_panic_and_spans_stay_in_the_file() {
    use claimlint::input::{read_records, Format, InputOptions};
    for (path, format) in [
        ("fixtures/formats/balkan-summit.md", Format::Markdown),
        ("fixtures/formats/balkan-summit.html", Format::Html),
        ("fixtures/formats/balkan-summit.ndjson", Format::Ndjson),
        ("fixtures/formats/balkan-summit.ndjson", Format::Json),
    ] {
        let text = std::fs::read_to_string(path).unwrap();
        let cuts: Vec<usize> = (0..text.len())
            .step_by(97)
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        for cut in cuts {
            for variant in [
                text[..cut].to_string(),
                format!("{}&amp\\u00{}", &text[..cut], &text[cut..]),
                text[..cut].replace('\n', "\r"),
            ] {
                let Ok(records) = read_records(
                    variant.clone().into_bytes(),
                    format,
                    &InputOptions::default(),
                ) else {
                    continue;
                };
                for rec in records.into_iter().flatten() {
                    let report = claimlint::check(&rec.article, &claimlint::Settings::default());
                    for d in &report.diagnostics {
                        for l in &d.labels {
                            assert!(l.span.start <= l.span.end && l.span.end <= variant.len());
                        }
                    }
                }
            }
        }
    }
}

/// `(code, [(primary, start, end, line, column, text)])` of every diagnostic of `file`, the
/// label texts checked against the file's bytes decoded with `decode`.
fn labels_decoded(
    file: &Value,
    bytes: &[u8],
    decode: fn(&[u8]) -> String,
) -> Vec<(String, Vec<Lab>)> {
    file["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let ls = d["labels"]
                .as_array()
                .unwrap()
                .iter()
                .map(|l| {
                    let (s, e) = (l["start"].as_u64().unwrap(), l["end"].as_u64().unwrap());
                    let text = l["text"].as_str().unwrap().to_string();
                    assert_eq!(decode(&bytes[s as usize..e as usize]), text);
                    let n = |k: &str| l[k].as_u64().unwrap();
                    (
                        l["primary"].as_bool().unwrap(),
                        s,
                        e,
                        n("line"),
                        n("column"),
                        text,
                    )
                })
                .collect();
            (d["code"].as_str().unwrap().to_string(), ls)
        })
        .collect()
}

fn latin(b: &[u8]) -> String {
    b.iter().map(|&c| c as char).collect()
}

fn utf16(b: &[u8], le: bool) -> String {
    let units: Vec<u16> = b
        .chunks_exact(2)
        .map(|p| {
            if le {
                u16::from_le_bytes([p[0], p[1]])
            } else {
                u16::from_be_bytes([p[0], p[1]])
            }
        })
        .collect();
    String::from_utf16(&units).unwrap()
}

#[test]
fn windows_1252_file_is_decoded_with_a_note_and_spans_are_bytes_on_disk() {
    let path = "fixtures/formats/cafe-1252.text";
    let bytes = std::fs::read(path).unwrap();
    // "café" and the curly quotes are one byte each on disk, before the L001 span.
    assert_eq!(&bytes[52..53], &[0xE9]);
    assert_eq!(&bytes[55..56], &[0x93]);
    let (v, err, code) = json_of(&[path]);
    assert_eq!(code, 1);
    assert_eq!(
        err,
        "claimlint: note: fixtures/formats/cafe-1252.text: read as Windows-1252 (not valid UTF-8)\n\
         1 file checked: 1 error, 0 warnings, 0 notes\n"
    );
    assert_eq!(
        labels_decoded(&v["files"][0], &bytes, latin),
        vec![(
            "L001".to_string(),
            vec![
                l(false, 16, 22, 1, 17, "Balkan"),
                l(false, 33, 40, 1, 34, "Albania"),
                l(true, 98, 102, 3, 57, "Kyiv"),
            ]
        )]
    );
    // The human renderer shows the decoded line, the caret under Kyiv.
    let out = Command::cargo_bin("claimlint")
        .unwrap()
        .args(["check", "--color", "never", path])
        .output()
        .unwrap();
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.contains("[fixtures/formats/cafe-1252.text:3:57]"), "{s}");
    assert!(
        s.contains(" 3 │ At the café, “welcome”, the summit, which took place in Kyiv, brought"),
        "{s}"
    );
}

#[test]
fn utf16_le_and_be_files_give_the_same_findings_at_their_own_byte_offsets() {
    for (path, le) in [
        ("fixtures/formats/cafe-utf16le.text", true),
        ("fixtures/formats/cafe-utf16be.text", false),
    ] {
        let bytes = std::fs::read(path).unwrap();
        let (v, err, code) = json_of(&[path]);
        assert_eq!(code, 1, "{path}");
        let enc = if le { "UTF-16LE" } else { "UTF-16BE" };
        assert_eq!(
            err,
            format!(
                "claimlint: note: {path}: read as {enc} (byte-order mark)\n\
                 1 file checked: 1 error, 0 warnings, 0 notes\n"
            )
        );
        let decode = if le {
            (|b: &[u8]| utf16(b, true)) as fn(&[u8]) -> String
        } else {
            |b: &[u8]| utf16(b, false)
        };
        // Two bytes per character after the two-byte BOM.
        assert_eq!(
            labels_decoded(&v["files"][0], &bytes, decode),
            vec![(
                "L001".to_string(),
                vec![
                    l(false, 34, 46, 1, 17, "Balkan"),
                    l(false, 68, 82, 1, 34, "Albania"),
                    l(true, 198, 206, 3, 57, "Kyiv"),
                ]
            )],
            "{path}"
        );
    }
}

#[test]
fn encoding_utf8_refuses_other_encodings_and_the_other_files_are_checked() {
    let (v, err, code) = json_of(&[
        "--encoding",
        "utf-8",
        "fixtures/formats/cafe-1252.text",
        "fixtures/formats/cafe-utf16le.text",
        "fixtures/balkan-summit.txt",
    ]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "claimlint: fixtures/formats/cafe-1252.text: not valid UTF-8 (first bad byte at offset 52)\n\
         claimlint: fixtures/formats/cafe-utf16le.text: UTF-16 text is not supported: save it as UTF-8\n\
         1 file checked: 1 error, 1 warning, 0 notes; 2 files could not be read\n"
    );
    let files = v["files"].as_array().unwrap();
    assert_eq!(files.len(), 1);
    assert_eq!(files[0]["path"], "fixtures/balkan-summit.txt");
    let codes: Vec<&str> = files[0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["P001", "L001"]);
    // `[input] encoding = "utf-8"` in the configuration does the same; `--encoding auto` wins.
    let cfg = ["--config", "fixtures/formats/utf8-only.toml"];
    let (v, err, code) = json_of(&[&cfg[..], &["fixtures/formats/cafe-1252.text"]].concat());
    assert_eq!(
        v["errors"][0]["message"],
        "not valid UTF-8 (first bad byte at offset 52)"
    );
    assert_eq!(code, 2);
    assert!(
        err.contains("not valid UTF-8 (first bad byte at offset 52)"),
        "{err}"
    );
    let (v, err, code) = json_of(
        &[
            &["--encoding", "auto"][..],
            &cfg,
            &["fixtures/formats/cafe-1252.text"],
        ]
        .concat(),
    );
    assert_eq!(code, 1, "{err}");
    assert_eq!(v["files"][0]["diagnostics"][0]["labels"][2]["start"], 98);
}

#[test]
fn claims_of_a_utf16_file_are_at_its_byte_offsets_with_right_columns() {
    let out = Command::cargo_bin("claimlint")
        .unwrap()
        .args([
            "claims",
            "--format",
            "json",
            "fixtures/formats/cafe-utf16be.text",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let kyiv = v["files"][0]["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["kind"] == "place" && c["text"] == "Kyiv")
        .unwrap();
    assert_eq!(kyiv["id"], "place@198-206");
    assert_eq!(
        (&kyiv["line"], &kyiv["column"]),
        (&Value::from(3), &Value::from(57))
    );
    assert_eq!(
        (&kyiv["start"], &kyiv["end"]),
        (&Value::from(198), &Value::from(206))
    );
}

#[test]
fn markdown_dek_counts_with_the_headline_and_the_byline_is_not_prose() {
    let path = "fixtures/formats/dek-front-matter.md";
    let bytes = std::fs::read(path).unwrap();
    let (v, err, code) = json_of(&[path]);
    assert_eq!(code, 1, "{err}");
    // The headline-side labels point into the front matter's `description` value (line 3); the
    // author "Jane Tirana" names a place but is not read as prose.
    assert_eq!(
        labels(&v["files"][0], &bytes),
        vec![
            // The dek's "12 leaders" is a headline claim the body never gives.
            ("H001".to_string(), vec![l(true, 74, 76, 3, 49, "12")]),
            (
                "L001".to_string(),
                vec![
                    l(false, 44, 50, 3, 19, "Balkan"),
                    l(false, 61, 68, 3, 36, "Albania"),
                    l(true, 180, 184, 8, 33, "Kyiv"),
                ]
            )
        ]
    );
}

#[test]
fn markdown_block_quote_is_quoted_speech() {
    // "Zelensky" inside a `>` block quote is quoted speech, which P001 leaves alone; the same
    // line outside a block quote is a finding.
    let (v, err, code) = json_of(&["fixtures/formats/block-quote.md"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(v["files"][0]["diagnostics"], serde_json::json!([]));
    let text = std::fs::read_to_string("fixtures/formats/block-quote.md").unwrap();
    let dir = std::env::temp_dir().join(format!("claimlint-bq-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("a.md"), text.replace("> ", "")).unwrap();
    let out = Command::cargo_bin("claimlint")
        .unwrap()
        .current_dir(&dir)
        .args(["check", "--format", "concise", "a.md"])
        .output()
        .unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(
        s.starts_with("a.md:5:1: warning[P001] \"Zelensky\" and \"Zelenskyy\" look like two spellings of one name"),
        "{s}"
    );
}

#[test]
fn windows_1252_html_maps_through_the_markup_and_the_encoding() {
    let dir = std::env::temp_dir().join(format!("claimlint-1252-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // "é", "“" and "”" are one byte each; "&amp;" is five bytes for one character.
    let bytes = b"<html><body><h1>Summit in Albania</h1><article><p>Caf\xe9 &amp; \x93talks\x94: the summit, which took place in Kyiv, ended.</p></article></body></html>\n".to_vec();
    std::fs::write(dir.join("p.html"), &bytes).unwrap();
    let out = Command::cargo_bin("claimlint")
        .unwrap()
        .current_dir(&dir)
        .args(["check", "--format", "json", "p.html"])
        .output()
        .unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(out.status.code(), Some(1));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        labels_decoded(&v["files"][0], &bytes, latin),
        vec![(
            "L001".to_string(),
            vec![
                l(false, 26, 33, 1, 27, "Albania"),
                l(true, 102, 106, 1, 103, "Kyiv")
            ]
        )]
    );
}

#[test]
fn fix_leaves_a_decoded_file_alone() {
    let dir = std::env::temp_dir().join(format!("claimlint-fix1252-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("a.txt");
    // Windows-1252: "café" before a fixable "Kiev".
    let body = b"Kiev talks\n\nOfficials met at a caf\xe9 in Kiev.\n";
    std::fs::write(&path, body).unwrap();
    let out = Command::cargo_bin("claimlint")
        .unwrap()
        .args(["check", "--pack", "ukraine-places", "--fix"])
        .arg(&path)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    let written = std::fs::read(&path).unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        err.contains(
            "a.txt: not fixed (read as Windows-1252; fixes are written to UTF-8 files only)"
        ),
        "{err}"
    );
    assert_eq!(written, body);
    // The pack's findings are warnings: below the default --fail-on error.
    assert_eq!(out.status.code(), Some(0), "{err}");
}

#[test]
fn human_output_shows_a_record_as_decoded_text_with_file_positions() {
    let out = Command::cargo_bin("claimlint")
        .unwrap()
        .args(["check", "--color", "never", "--select", "L001"])
        .arg("fixtures/formats/balkan-summit.ndjson")
        .output()
        .unwrap();
    let s = String::from_utf8(out.stdout).unwrap();
    // The header: record name, then line and column in the file (code points).
    assert!(
        s.contains("╭─[fixtures/formats/balkan-summit.ndjson:id \"balkan-17\":2:353]"),
        "{s}"
    );
    // The snippet: the fields' decoded text (`\u2019` shown as ’), not the raw JSON line.
    assert!(
        s.contains("In conclusion, President Zelensky’s advocacy for joint arms production"),
        "{s}"
    );
    assert!(!s.contains("\\u2019"), "{s}");
    assert!(!s.contains("\"headline\":"), "{s}");
    assert!(
        s.contains(" 1 │ Zelenskyy seeks support and arms at Balkan summit in Albania\n"),
        "{s}"
    );
}
