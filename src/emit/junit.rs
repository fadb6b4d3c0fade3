//! `--format junit`: JUnit XML for test-report viewers (GitLab's test reports, Jenkins, CI
//! dashboards).
//!
//! One `<testsuite>` per file (named by its path) with one `<testcase>` per rule of the
//! registry (`classname` the path, `name` `CODE rule-name`): a rule that found something has one
//! `<failure>` (`type` the highest severity, `message` the first finding's message) whose text
//! lists every finding as `path:line:col: severity[CODE] message`; a rule that found nothing
//! passes. A file that could not be read is a suite with one `<error>` test case. Columns are
//! 1-based Unicode code points.

use crate::emit::concise::one_line;
use crate::emit::{xml_escape as x, xml_text, Positions, Run};

/// Render `run` as a JUnit XML document.
pub fn render(run: &Run) -> String {
    let rules = crate::rules::all();
    let mut suites = String::new();
    let (mut tests, mut failures) = (0, 0);
    for f in &run.files {
        let pos = Positions::for_file(f);
        let mut cases = String::new();
        let mut suite_failures = 0;
        for r in rules {
            let m = r.meta();
            let code: &str = &m.code;
            let found: Vec<_> = f
                .report
                .diagnostics
                .iter()
                .filter(|d| crate::emit::code(d) == code)
                .collect();
            cases.push_str(&format!(
                "    <testcase classname=\"{}\" name=\"{} {}\"",
                x(&f.display_name()),
                x(code),
                x(&m.name)
            ));
            let (Some(worst), Some(first)) =
                (found.iter().map(|d| d.severity).max(), found.first())
            else {
                cases.push_str("/>\n");
                continue;
            };
            suite_failures += 1;
            let mut body = String::new();
            for d in &found {
                let at = crate::emit::primary(d).map_or((1, 1), |p| {
                    let a = pos.at(p.span.start);
                    (a.line, a.column)
                });
                body.push_str(&format!(
                    "{}:{}:{}: {}[{}] {}\n",
                    f.path,
                    at.0,
                    at.1,
                    d.severity.as_str(),
                    code,
                    one_line(&crate::emit::with_record(f, &d.message))
                ));
            }
            cases.push_str(&format!(
                ">\n      <failure type=\"{}\" message=\"{}\">{}</failure>\n    </testcase>\n",
                worst.as_str(),
                x(&first.message),
                xml_text(&body)
            ));
        }
        tests += rules.len();
        failures += suite_failures;
        suites.push_str(&format!(
            "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{suite_failures}\" errors=\"0\" skipped=\"0\">\n{cases}  </testsuite>\n",
            x(&f.display_name()),
            rules.len()
        ));
    }
    for e in &run.errors {
        tests += 1;
        suites.push_str(&format!(
            "  <testsuite name=\"{p}\" tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\">\n    <testcase classname=\"{p}\" name=\"read\">\n      <error type=\"unreadable\" message=\"{m}\"/>\n    </testcase>\n  </testsuite>\n",
            p = x(&e.path),
            m = x(&e.message)
        ));
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"claimlint\" tests=\"{tests}\" failures=\"{failures}\" errors=\"{}\">\n{suites}</testsuites>\n",
        run.errors.len()
    )
}
