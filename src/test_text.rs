//! Pseudo-random texts for the oracle tests that compare a hand scanner with the regex it
//! replaced: a deterministic xorshift generator that joins pieces (words, marks, spaces), so
//! every run tests the same texts.

/// A xorshift64 generator started from a fixed seed.
pub(crate) struct Pieces(u64);

impl Pieces {
    /// A generator from `seed` (any value; zero is made odd).
    pub(crate) fn new(seed: u64) -> Pieces {
        Pieces(seed | 1)
    }

    /// The next pseudo-random number.
    pub(crate) fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A random index below `len` (at least 1).
    pub(crate) fn below(&mut self, len: usize) -> usize {
        (self.next() % len.max(1) as u64) as usize
    }

    /// `n` pieces, each picked at random from `pieces`, joined.
    pub(crate) fn text(&mut self, pieces: &[&str], n: usize) -> String {
        (0..n).map(|_| pieces[self.below(pieces.len())]).collect()
    }

    /// Between 1 and `max` pieces from `pieces`, joined.
    pub(crate) fn text_up_to(&mut self, pieces: &[&str], max: usize) -> String {
        let n = 1 + self.below(max);
        self.text(pieces, n)
    }
}

/// Run `scan` and its `oracle` on `runs` texts of `n` pieces each (generator seeded with
/// `seed`) and assert they give the same items; the number of items seen, so that a test can
/// check it exercised matches at all.
pub(crate) fn agree<T: PartialEq + std::fmt::Debug>(
    seed: u64,
    pieces: &[&str],
    (n, runs): (usize, usize),
    oracle: impl Fn(&str) -> Vec<T>,
    scan: impl Fn(&str) -> Vec<T>,
) -> usize {
    let mut rng = Pieces::new(seed);
    let mut found = 0;
    for _ in 0..runs {
        let text = rng.text(pieces, n);
        let want = oracle(&text);
        assert_eq!(scan(&text), want, "{text:?}");
        found += want.len();
    }
    found
}

/// The text of every file under `fixtures/` (invalid UTF-8 replaced), in path order: inputs
/// for the oracle tests.
pub(crate) fn fixture_texts() -> Vec<String> {
    fn walk(dir: &std::path::Path, out: &mut Vec<String>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for p in paths {
            if p.is_dir() {
                walk(&p, out);
            } else if let Ok(bytes) = std::fs::read(&p) {
                out.push(String::from_utf8_lossy(&bytes).into_owned());
            }
        }
    }
    let mut out = Vec::new();
    walk(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures"),
        &mut out,
    );
    assert!(out.len() > 100, "{} fixture files", out.len());
    out
}
