//! `html_compare --data DIR`: the HTML parser comparison behind the README's
//! table (run by `cargo xtask compare-html`, which adds the wasm sizes).
//!
//! - **Broken markup**: each hostile shape runs in a child process of its
//!   own, so a panic, a stack overflow or a hang (over 60 s) is recorded
//!   against that candidate instead of ending the comparison.
//! - **Speed**: MB of HTML per second to text over the L3S-GN1 pages.
//! - **Agreement**: word 4-gram shingle F1 of each candidate's text against
//!   html5ever's, the WHATWG tree builder, over the same pages.

use std::collections::HashSet;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use html_compare::{by_name, NAMES};

/// A hostile shape: its name, what it is, and how to make the page.
type Case = (&'static str, &'static str, fn() -> String);

/// The hostile shapes.
fn cases() -> Vec<Case> {
    vec![
        ("deep", "1,000,000 nested <div>", || "<div>".repeat(1_000_000) + "deep" + &"</div>".repeat(1_000_000)),
        ("formatting", "20,000 unclosed <b><i> around paragraphs", || "<b><i><p>x".repeat(20_000)),
        ("misnested", "100,000 misnested <p><b><i></b></i></p>", || "<p><b><i>a</b>b</i>c</p>".repeat(100_000)),
        ("tables", "50,000 unclosed <table><tr><td>", || "<table><tr><td>cell".repeat(50_000)),
        ("truncated", "a page cut inside a tag, an attribute and a comment", || {
            "<html><body><p class=\"a".to_string() + &"<p>text</p>".repeat(1000) + "<!-- open <div id='x"
        }),
        ("no-spaces", "10 MB of text without a tag or a space", || "x".repeat(10_000_000)),
        ("stray", "1 MB of stray < and & in text", || "a < b && c > d &amp ; <3 &#x; ".repeat(35_000)),
        ("attributes", "one tag with 100,000 attributes", || {
            "<p ".to_string() + &(0..100_000).map(|i| format!("a{i}=\"{i}\" ")).collect::<String>() + ">t</p>"
        }),
    ]
}

fn read_gz(path: &Path) -> Result<String, String> {
    let f = std::fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut bytes = Vec::new();
    flate2::read::GzDecoder::new(f).read_to_end(&mut bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

fn shingles(text: &str) -> HashSet<Vec<String>> {
    let words: Vec<String> =
        text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(|w| w.to_lowercase()).collect();
    words.windows(4).map(|w| w.to_vec()).collect()
}

/// In a child: run one candidate on one hostile case, print "ok CHARS SECONDS".
fn run_case(case: &str, parser: &str) -> Result<(), String> {
    let f = by_name(parser).ok_or(format!("no parser {parser}"))?;
    let (_, _, make) = cases().into_iter().find(|c| c.0 == case).ok_or(format!("no case {case}"))?;
    let page = make();
    let t = Instant::now();
    let out = f(&page)?;
    println!("ok {} {:.3}", out.chars().count(), t.elapsed().as_secs_f64());
    Ok(())
}

/// Run a case in a child process, with a time limit.
fn child(case: &str, parser: &str) -> String {
    let Ok(exe) = std::env::current_exe() else { return "no exe".into() };
    let Ok(mut c) = Command::new(exe)
        .args(["--case", case, "--parser", parser])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
    else {
        return "could not start".into();
    };
    let start = Instant::now();
    loop {
        match c.try_wait() {
            Ok(Some(status)) => {
                let mut out = String::new();
                let mut err = String::new();
                if let Some(mut o) = c.stdout.take() {
                    let _ = o.read_to_string(&mut out);
                }
                if let Some(mut e) = c.stderr.take() {
                    let _ = e.read_to_string(&mut err);
                }
                return if status.success() {
                    let v: Vec<&str> = out.split_whitespace().collect();
                    let chars: f64 = v.get(1).and_then(|c| c.parse().ok()).unwrap_or(0.0);
                    format!("{} s, {:.2} M chars", v.get(2).unwrap_or(&"?"), chars / 1e6)
                } else if err.contains("overflow") {
                    "stack overflow".into()
                } else if err.contains("panicked") {
                    "panic".into()
                } else if err.trim().is_empty() {
                    format!("crash ({status})")
                } else {
                    format!("error: {}", err.lines().last().unwrap_or("").chars().take(60).collect::<String>())
                };
            }
            Ok(None) if start.elapsed() > Duration::from_secs(60) => {
                let _ = c.kill();
                let _ = c.wait();
                return "over 60 s".into();
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(20)),
            Err(e) => return format!("wait failed: {e}"),
        }
    }
}

fn compare(data: &Path) -> Result<(), String> {
    println!("## Broken and hostile markup (each in its own process; time to text)\n");
    println!("| shape | {} |", NAMES.join(" | "));
    println!("|---|{}", "---|".repeat(NAMES.len()));
    for (name, what, _) in cases() {
        let row: Vec<String> = NAMES.iter().map(|p| child(name, p)).collect();
        println!("| {what} | {} |", row.join(" | "));
    }

    let dir = data.join("original");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(".html.gz"))
        .collect();
    files.sort();
    let pages: Vec<String> = files.iter().map(|f| read_gz(f)).collect::<Result<_, _>>()?;
    let bytes: usize = pages.iter().map(String::len).sum();
    let reference = by_name("html5ever").ok_or("html5ever missing")?;
    let gold: Vec<HashSet<Vec<String>>> = pages.iter().map(|p| shingles(&reference(p).unwrap_or_default())).collect();
    println!(
        "\n## L3S-GN1: {} pages, {:.1} MB of HTML (best of 3 runs; agreement with html5ever's text)\n",
        pages.len(),
        bytes as f64 / 1e6
    );
    println!("| parser | MB/s | agreement F1 | pages failed |");
    println!("|---|---|---|---|");
    for name in NAMES {
        let f = by_name(name).ok_or("missing")?;
        let mut best = f64::MAX;
        let mut texts = Vec::new();
        for _ in 0..3 {
            let t = Instant::now();
            texts = pages.iter().map(|p| f(p)).collect::<Vec<_>>();
            best = best.min(t.elapsed().as_secs_f64());
        }
        let failed = texts.iter().filter(|t| t.is_err()).count();
        let (mut sp, mut sr, mut n) = (0.0, 0.0, 0usize);
        for (t, g) in texts.iter().zip(&gold) {
            if g.is_empty() {
                continue;
            }
            let s = shingles(t.as_deref().unwrap_or(""));
            let common = s.intersection(g).count() as f64;
            sp += if s.is_empty() { 0.0 } else { common / s.len() as f64 };
            sr += common / g.len() as f64;
            n += 1;
        }
        let (p, r) = (sp / n.max(1) as f64, sr / n.max(1) as f64);
        let f1 = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
        println!("| {name} | {:.1} | {f1:.3} (P {p:.3} R {r:.3}) | {failed} |", bytes as f64 / 1e6 / best);
    }
    Ok(())
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let get = |flag: &str| args.iter().position(|a| a == flag).and_then(|i| args.get(i + 1)).cloned();
    let result = match (get("--case"), get("--parser"), get("--data")) {
        (Some(case), Some(parser), _) => run_case(&case, &parser),
        (_, _, Some(data)) => compare(Path::new(&data)),
        _ => Err("usage: html_compare --data L3S_DIR | --case NAME --parser NAME".into()),
    };
    if let Err(e) = result {
        eprintln!("html_compare: {e}");
        std::process::exit(1);
    }
}
