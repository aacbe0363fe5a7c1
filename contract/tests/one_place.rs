//! One place for each shared fact: outside their tests, the console (`src/`) and bintu-local
//! (`bintu-local/src/`) write no literal of the media layout or of the replay pages' paths;
//! both build them from this crate. A copy that could drift fails here, with file and line.

use std::path::{Path, PathBuf};

/// Fragments that only a copy of the contract's layout or page paths would contain.
const PATTERNS: &[&str] = &[
    ".m3u8",
    "-abr",
    "EXT-X-NANO",
    "thumbnails/",
    "\"replay/",
    "/replay/",
    "live-replay",
    "replay-app",
    "-frames\"",
    "%08d",
    ".jpg\"",
    ".gif\"",
    "index.json",
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The file's code before its test module, without comment lines; `None` for a test file.
fn code(path: &Path) -> Option<Vec<(usize, String)>> {
    let name = path.file_name()?.to_str()?;
    if name == "tests.rs" || name.ends_with("_tests.rs") {
        return None;
    }
    let text = std::fs::read_to_string(path).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let next = lines.get(i + 1).map_or("", |l| l.trim());
        if line.trim() == "#[cfg(test)]" && next.starts_with("mod ") && next.ends_with('{') {
            break;
        }
        let t = line.trim();
        if !t.starts_with("//") {
            out.push((i + 1, t.to_string()));
        }
    }
    Some(out)
}

#[test]
fn neither_crate_copies_a_layout_or_page_literal() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    rust_files(&root.join("bintu-local/src"), &mut files);
    assert!(files.len() > 50, "both crates' sources are read");
    let mut copies = Vec::new();
    for f in &files {
        for (n, line) in code(f).unwrap_or_default() {
            for p in PATTERNS.iter().filter(|p| line.contains(**p)) {
                copies.push(format!("{}:{n}: {p:?} in {line}", f.display()));
            }
        }
    }
    assert!(
        copies.is_empty(),
        "use the contract:\n{}",
        copies.join("\n")
    );
}

/// The static shell's skeleton picker (an inline script in both HTML pages) gets the replay
/// pages' segments from `scripts/shell-head.sh`, which reads them from `pages.rs`.
#[test]
fn the_static_shell_writes_no_replay_path() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let head = std::fs::read_to_string(root.join("shell/head.html")).unwrap();
    for p in [r"\/replay", "live-replay", r"\/clip"] {
        assert!(!head.contains(p), "shell/head.html writes {p}");
    }
    let script = std::fs::read_to_string(root.join("scripts/shell-head.sh")).unwrap();
    for name in ["REPLAY", "LIVE_REPLAY", "CLIP"] {
        assert!(
            script.contains(&format!("seg {name})")),
            "shell-head.sh fills {name}"
        );
        assert!(
            crate_has_const(&root, name),
            "pages.rs defines {name} on one line"
        );
    }
}

fn crate_has_const(root: &Path, name: &str) -> bool {
    let pages = std::fs::read_to_string(root.join("contract/src/pages.rs")).unwrap();
    pages
        .lines()
        .any(|l| l.starts_with(&format!("pub const {name}: &str = \"")))
}
