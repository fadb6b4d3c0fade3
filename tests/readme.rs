//! README is the user's manual: every `claimlint ...` and `cargo run --release -- ...` command in
//! its `sh` code blocks is run here with the built binary, and its exit code must match the
//! `# exit N` comment when the line has one (0 otherwise).

use assert_cmd::Command;

/// (arguments, expected exit code) of every command line in README's `sh` blocks.
fn readme_commands() -> Vec<(Vec<String>, i32)> {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md");
    let mut out = Vec::new();
    let mut in_sh = false;
    for line in readme.lines() {
        if line.starts_with("```") {
            in_sh = line.trim() == "```sh";
            continue;
        }
        if !in_sh {
            continue;
        }
        let (cmd, comment) = line.split_once('#').unwrap_or((line, ""));
        // Single quotes around one word (a glob) are the shell's: dropped, as the shell would.
        let unquote = |a: &str| a.trim_matches('\'').to_string();
        let args: Vec<String> = if let Some(rest) = cmd.trim().strip_prefix("claimlint ") {
            rest.split_whitespace().map(unquote).collect()
        } else if let Some(rest) = cmd.trim().strip_prefix("cargo run --release -- ") {
            rest.split_whitespace().map(str::to_string).collect()
        } else {
            continue;
        };
        let code = comment
            .trim()
            .strip_prefix("exit ")
            .and_then(|s| s.chars().next())
            .and_then(|c| c.to_digit(10))
            .map_or(0, |d| d as i32);
        out.push((args, code));
    }
    out
}

#[test]
fn every_readme_command_runs_with_its_documented_exit_code() {
    let cmds = readme_commands();
    assert!(cmds.len() >= 6, "README lost its examples: {cmds:?}");
    for (args, code) in cmds {
        let out = Command::cargo_bin("claimlint")
            .expect("binary")
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .args(&args)
            .output()
            .expect("runs");
        assert_eq!(
            out.status.code(),
            Some(code),
            "claimlint {}\nstderr: {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            !out.stdout.is_empty(),
            "claimlint {} printed nothing",
            args.join(" ")
        );
    }
}
