//! Folders at scale: walking (`.gitignore`, `--glob`/`--exclude`, symbolic links, unreadable
//! folders), output order independent of `--threads`, and input selection (`--stdin-filename`,
//! `--input-format`).

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;

fn claimlint() -> Command {
    let mut c = Command::cargo_bin("claimlint").expect("binary built");
    c.env_remove("NO_COLOR");
    c
}

/// A fresh, empty folder under the system temp folder, readable by every user (so that a test
/// can run the binary as an unprivileged user).
fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("claimlint-scale-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn write(path: &Path, text: &str) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("mkdir");
    }
    std::fs::write(path, text).expect("write");
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

const CITIES: &[&str] = &["Tirana", "Skopje", "Podgorica", "Sarajevo", "Belgrade"];

/// Article `i` of a generated set: every third one places its summit in two cities (L001).
fn article(i: usize) -> String {
    let city = CITIES[i % CITIES.len()];
    let other = if i.is_multiple_of(3) {
        "Kyiv"
    } else {
        CITIES[i % CITIES.len()]
    };
    format!(
        "Leaders gather for summit in {city}\n\n\
         {up}, June 4 (Wire) - Delegates from {n} countries met for the summit on Wednesday.\n\
         The summit in {other} closed with a statement on trade routes.\n",
        up = city.to_uppercase(),
        n = 3 + i % 20,
    )
}

/// File names relative to `dir` of the files `claimlint check --format concise` reported, in
/// output order (first occurrence).
fn reported(dir: &Path, out: &str) -> Vec<String> {
    let prefix = format!("{}/", dir.display());
    let mut names: Vec<String> = Vec::new();
    for line in out.lines().filter(|l| !l.starts_with(' ')) {
        let rest = line.strip_prefix(&prefix).unwrap_or(line);
        let name = rest.split(':').next().unwrap_or("").to_string();
        if names.last() != Some(&name) {
            names.push(name);
        }
    }
    names
}

#[test]
fn ten_thousand_files_give_the_same_bytes_with_one_thread_and_the_default() {
    let dir = temp("10k");
    for i in 0..10_000 {
        write(
            &dir.join(format!("d{:02}/a{i:05}.txt", i % 50)),
            &article(i),
        );
    }
    let run = |threads: Option<&str>, format: &str| {
        let mut c = claimlint();
        c.arg("check").arg(&dir).args(["--format", format]);
        if let Some(t) = threads {
            c.args(["--threads", t]);
        }
        c.output().expect("runs")
    };
    let one = run(Some("1"), "concise");
    for (format, threads) in [("concise", None), ("concise", Some("3")), ("jsonl", None)] {
        let base = if format == "concise" {
            one.clone()
        } else {
            run(Some("1"), format)
        };
        let other = run(threads, format);
        assert_eq!(base.status.code(), Some(1), "{}", stderr(&base));
        assert!(
            base.stdout == other.stdout,
            "{format}: --threads 1 differs from {threads:?}"
        );
        assert_eq!(base.stderr, other.stderr);
    }
    let concise = stdout(&one);
    // Every third article (i % 3 == 0) is reported, once, with L001, in path order.
    let errors: Vec<&str> = concise
        .lines()
        .filter(|l| l.contains("error[L001]"))
        .collect();
    assert_eq!(errors.len(), 3_334);
    let names = reported(&dir, &concise);
    assert_eq!(names.len(), 3_334);
    assert_eq!(names[0], "d00/a00000.txt");
    assert_eq!(names[1], "d00/a00150.txt");
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted);
    assert_eq!(
        errors[0],
        format!(
            "{}/d00/a00000.txt:4:15: error[L001] the summit is placed both in Kyiv and in \
             Tirana: Kyiv (Ukraine) and Tirana (Albania) are different places",
            dir.display()
        )
    );
    let summary = stderr(&one);
    assert_eq!(
        summary,
        "10000 files checked: 3334 errors, 0 warnings, 0 notes\n"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn gitignored_files_hidden_files_and_readmes_are_skipped() {
    let dir = temp("gitignore");
    write(&dir.join(".gitignore"), "drafts/\n*.tmp.txt\n");
    write(&dir.join("a.txt"), &article(0));
    write(&dir.join("b.tmp.txt"), &article(0));
    write(&dir.join("drafts/c.txt"), &article(0));
    write(&dir.join(".hidden/d.txt"), &article(0));
    write(&dir.join("README.md"), &article(0));
    write(&dir.join("e.markdown"), &article(3));
    write(
        &dir.join("f.htm"),
        "<html><body><article><h1>Leaders gather for summit in Tirana</h1>\
         <p>The summit in Kyiv closed with a statement on trade routes.</p></article></body></html>\n",
    );
    let out = claimlint()
        .arg("check")
        .arg(&dir)
        .args(["--format", "concise"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(
        reported(&dir, &stdout(&out)),
        vec!["a.txt", "e.markdown", "f.htm"]
    );
    assert_eq!(
        stderr(&out),
        "3 files checked: 3 errors, 0 warnings, 0 notes\n"
    );
    // A file named on the command line is checked even when ignored.
    let out = claimlint()
        .arg("check")
        .arg(dir.join("drafts/c.txt"))
        .args(["--format", "concise"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn glob_and_exclude_select_files_in_folders() {
    let dir = temp("glob");
    write(&dir.join("news/a.txt"), &article(0));
    write(&dir.join("news/b.md"), &article(3));
    write(&dir.join("news/old/c.txt"), &article(6));
    write(&dir.join("blog/d.txt"), &article(9));
    let names = |args: &[&str]| {
        let out = claimlint()
            .arg("check")
            .arg(&dir)
            .args(["--format", "concise"])
            .args(args)
            .output()
            .expect("runs");
        reported(&dir, &stdout(&out))
    };
    assert_eq!(
        names(&[]),
        vec!["blog/d.txt", "news/a.txt", "news/b.md", "news/old/c.txt"]
    );
    assert_eq!(
        names(&["--glob", "news/**"]),
        vec!["news/a.txt", "news/b.md", "news/old/c.txt"]
    );
    assert_eq!(names(&["--glob", "*.md"]), vec!["news/b.md"]);
    assert_eq!(
        names(&["--exclude", "old/"]),
        vec!["blog/d.txt", "news/a.txt", "news/b.md"]
    );
    assert_eq!(
        names(&["--glob", "news/**", "--exclude", "*.md", "--exclude", "old"]),
        vec!["news/a.txt"]
    );
    // Nothing left: the folder is reported, the run fails.
    let out = claimlint()
        .arg("check")
        .arg(&dir)
        .args(["--glob", "*.html", "-q"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        format!(
            "claimlint: {}: no articles in this folder (looked for *.txt, *.md, *.markdown, \
             *.html, *.htm, *.json, *.ndjson, *.jsonl)\n",
            dir.display()
        )
    );
    // A bad glob is a usage error naming it.
    let out = claimlint()
        .arg("check")
        .arg(&dir)
        .args(["--glob", "news/[", "-q"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with("claimlint: --glob 'news/[' is not a valid glob"),
        "{}",
        stderr(&out)
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[cfg(unix)]
#[test]
fn symlinked_folders_are_followed_and_loops_are_noted() {
    let dir = temp("symlink");
    let outside = temp("symlink-target");
    write(&dir.join("a.txt"), &article(0));
    write(&outside.join("b.txt"), &article(3));
    std::os::unix::fs::symlink(&outside, dir.join("linked")).expect("symlink");
    std::fs::create_dir_all(dir.join("sub")).expect("mkdir");
    std::os::unix::fs::symlink("..", dir.join("sub/up")).expect("symlink");
    let out = claimlint()
        .arg("check")
        .arg(&dir)
        .args(["--format", "concise"])
        .output()
        .expect("runs");
    // The linked folder's article is checked; the loop is said, and nothing is checked twice.
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(reported(&dir, &stdout(&out)), vec!["a.txt", "linked/b.txt"]);
    let err = stderr(&out);
    assert!(
        err.contains(&format!(
            "claimlint: note: {}/sub/up: symbolic link loop: leads back to {}, which is checked \
             once\n",
            dir.display(),
            dir.display()
        )),
        "{err}"
    );
    assert!(
        err.ends_with("2 files checked: 2 errors, 0 warnings, 0 notes\n"),
        "{err}"
    );
    std::fs::remove_dir_all(&dir).ok();
    std::fs::remove_dir_all(&outside).ok();
}

#[cfg(unix)]
#[test]
fn a_broken_link_in_a_folder_is_an_error_naming_it() {
    let dir = temp("broken");
    write(&dir.join("a.txt"), &article(1));
    std::os::unix::fs::symlink(dir.join("gone"), dir.join("b.txt")).expect("symlink");
    let out = claimlint()
        .arg("check")
        .arg(&dir)
        .args(["--format", "concise", "-q"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        format!(
            "claimlint: {}/b.txt: no such file or folder (a broken link?)\n",
            dir.display()
        )
    );
    std::fs::remove_dir_all(&dir).ok();
}

/// Run the built binary as the unprivileged user `nobody` when the tests run as root (for root,
/// `chmod 000` does not stop reading), through `setpriv`; as another user, directly.
/// `None` (with the reason printed) when neither can be done.
#[cfg(unix)]
fn unprivileged(args: &[&std::ffi::OsStr]) -> Option<Output> {
    let bin = assert_cmd::cargo::cargo_bin("claimlint");
    let root = std::process::Command::new("id")
        .arg("-u")
        .output()
        .ok()
        .is_some_and(|o| o.stdout.starts_with(b"0\n"));
    let mut c = if root {
        let mut c = std::process::Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(bin);
        c
    } else {
        std::process::Command::new(bin)
    };
    match c.args(args).output() {
        Ok(o) if root && o.status.code() == Some(127) => None,
        Ok(o) => Some(o),
        Err(e) => {
            println!("skipped: running as root and setpriv is not available ({e})");
            None
        }
    }
}

#[cfg(unix)]
#[test]
fn unreadable_folders_are_errors_naming_them() {
    use std::os::unix::fs::PermissionsExt;
    let dir = temp("unreadable");
    write(&dir.join("a.txt"), &article(1));
    write(&dir.join("locked/b.txt"), &article(0));
    std::fs::set_permissions(dir.join("locked"), std::fs::Permissions::from_mode(0o000))
        .expect("chmod");
    let ran = unprivileged(&[
        "check".as_ref(),
        dir.as_os_str(),
        "--format".as_ref(),
        "concise".as_ref(),
    ]);
    let locked = dir.join("locked");
    let ran_on_locked = unprivileged(&["check".as_ref(), locked.as_os_str(), "-q".as_ref()]);
    std::fs::set_permissions(dir.join("locked"), std::fs::Permissions::from_mode(0o755))
        .expect("chmod");
    std::fs::remove_dir_all(&dir).ok();
    let (Some(out), Some(on_locked)) = (ran, ran_on_locked) else {
        return;
    };
    let message = format!(
        "claimlint: {}: cannot read this folder: permission denied; its articles were not \
         checked\n",
        locked.display()
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        format!(
            "{message}1 file checked: 0 errors, 0 warnings, 0 notes; 1 file could not be read\n"
        )
    );
    // Given on the command line, it is unreadable, not "no articles".
    assert_eq!(on_locked.status.code(), Some(2));
    assert_eq!(stderr(&on_locked), message);
}

#[test]
fn stdin_filename_names_the_input() {
    let out = claimlint()
        .args([
            "check",
            "--stdin-filename",
            "news/x.md",
            "--format",
            "concise",
            "-q",
        ])
        .write_stdin(article(0))
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stdout(&out).lines().next().unwrap_or(""),
        "news/x.md:4:15: error[L001] the summit is placed both in Kyiv and in Tirana: Kyiv \
         (Ukraine) and Tirana (Albania) are different places"
    );
    // With `-` too.
    let out = claimlint()
        .args([
            "check",
            "-",
            "--stdin-filename",
            "y.txt",
            "--format",
            "jsonl",
        ])
        .write_stdin(article(0))
        .output()
        .expect("runs");
    let first: serde_json::Value =
        serde_json::from_str(stdout(&out).lines().next().unwrap_or("")).expect("json");
    assert_eq!(first["path"], "y.txt");
    assert_eq!(first["code"], "L001");
}

#[test]
fn streamed_output_to_a_file_is_written_whole() {
    let dir = temp("output");
    write(&dir.join("in/a.txt"), &article(0));
    write(&dir.join("in/b.txt"), &article(3));
    let target = dir.join("out.txt");
    write(&target, "old\n");
    let out = claimlint()
        .arg("check")
        .arg(dir.join("in"))
        .args(["--format", "concise", "-q", "-o"])
        .arg(&target)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let written = std::fs::read_to_string(&target).expect("read");
    assert_eq!(reported(&dir.join("in"), &written), vec!["a.txt", "b.txt"]);
    let left: Vec<_> = std::fs::read_dir(&dir)
        .expect("ls")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn stdin_filename_picks_the_format() {
    let text = "---\ntitle: x\n---\n# Summit in Tirana\n\nThe summit in Kyiv opened on Monday.\n";
    let first = |name: &str| {
        let out = claimlint()
            .args([
                "check",
                "--stdin-filename",
                name,
                "--format",
                "concise",
                "-q",
            ])
            .write_stdin(text)
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
        stdout(&out).lines().next().unwrap_or("").to_string()
    };
    // As Markdown the front matter is not text and the `# ` heading is the headline.
    assert_eq!(
        first("x.md"),
        "x.md:4:13: error[L001] the summit is placed both in Tirana and in Kyiv: Tirana \
         (Albania) and Kyiv (Ukraine) are different places"
    );
    // As plain text the same bytes read differently.
    assert!(first("x.txt").starts_with("x.txt:6:15: error[L001]"));
}

#[test]
fn input_format_overrides_the_extension() {
    let dir = temp("input-format");
    let file = dir.join("export.txt");
    write(
        &file,
        "{\"id\": \"r-1\", \"headline\": \"Summit in Tirana\", \"body\": \"The summit in Kyiv opened.\"}\n",
    );
    let run = |args: &[&str]| {
        claimlint()
            .arg("check")
            .arg(&file)
            .args(["--format", "jsonl", "-q"])
            .args(args)
            .output()
            .expect("runs")
    };
    let ndjson = run(&["--input-format", "ndjson"]);
    assert_eq!(ndjson.status.code(), Some(1), "{}", stderr(&ndjson));
    let v: serde_json::Value =
        serde_json::from_str(stdout(&ndjson).lines().next().unwrap_or("")).expect("json");
    assert_eq!(v["code"], "L001");
    assert_eq!(v["severity"], "error");
    assert!(v["record"].is_string(), "{v}");
    // Read as the extension says (plain text), the JSON is one article without records.
    let plain = run(&[]);
    let v: serde_json::Value =
        serde_json::from_str(stdout(&plain).lines().next().unwrap_or("")).expect("json");
    assert!(v.get("record").is_none_or(|r| r.is_null()), "{v}");
    // An unknown format is a usage error.
    let bad = run(&["--input-format", "yaml"]);
    assert_eq!(bad.status.code(), Some(2));
    std::fs::remove_dir_all(&dir).ok();
}
