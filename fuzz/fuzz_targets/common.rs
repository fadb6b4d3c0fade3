//! Shared body of the fuzz targets: read `data` with one reader, check every record with the
//! default rules, and assert what tests/robustness.rs asserts of every diagnostic (one primary
//! label, non-empty spans inside the file, on character boundaries of UTF-8 text, sorted), then
//! render the human, JSON and concise outputs.


use claimlint::emit::{concise, human, json, CheckedFile, Run};
use claimlint::input::{self, InputOptions};
use claimlint::article::Format;
use claimlint::{check, Settings};

pub fn run(data: &[u8], format: Format) {
    let options = InputOptions::default();
    let Ok(records) = input::read_records(data.to_vec(), format, &options) else {
        return;
    };
    static SETTINGS: std::sync::OnceLock<Settings> = std::sync::OnceLock::new();
    let settings = SETTINGS.get_or_init(Settings::default);
    let mut files = Vec::new();
    for record in records.into_iter().flatten() {
        let article = record.article;
        let report = check(&article, settings);
        let mut last = (0, String::new());
        for d in &report.diagnostics {
            assert!(!d.labels.is_empty(), "{d:?}");
            assert_eq!(d.labels.iter().filter(|l| l.primary).count(), 1, "{d:?}");
            for l in &d.labels {
                assert!(l.span.start < l.span.end, "{d:?}");
                match &article.transcoding {
                    None => {
                        // Spans are into the file's text (for HTML and JSON records, the
                        // source the analysis text was taken from).
                        let file = article.file_text();
                        let text: &str = &file;
                        assert!(l.span.end <= text.len(), "{d:?}");
                        assert!(text.is_char_boundary(l.span.start), "{d:?}");
                        assert!(text.is_char_boundary(l.span.end), "{d:?}");
                    }
                    Some(_) => assert!(l.span.end <= data.len(), "{d:?}"),
                }
            }
            let key = (d.start(), d.code.to_string());
            assert!(key >= last, "diagnostics sorted: {d:?}");
            last = key;
        }
        files.push(CheckedFile {
            path: "fuzz.txt".into(),
            text: article.file_text(),
            record: record.name,
            record_view: claimlint::report::RecordView::of(&article),
            report,
            transcoding: article.transcoding.clone(),
        });
    }
    let run = Run {
        files,
        errors: vec![],
    };
    let _ = human::render(&run, false);
    let _ = json::render(&run);
    let _ = concise::render(&run);
}
