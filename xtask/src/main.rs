//! Project automation: `cargo xtask serve | test | build`.
//!
//! Every command first installs what is missing (the wasm32 target, trunk,
//! wasm-bindgen-cli at the exact version in Cargo.lock, wasm-opt from npm;
//! for `test` also Chromium and ChromeDriver from Debian packages), so the
//! two commands work on a fresh machine with only Rust, Node/npm and the
//! package registries. Trunk runs offline, so it never downloads a tool.

mod bench;
mod browser;
mod embed;
mod eval;
mod fuzz;
mod golden;
mod install;
mod security;
mod site;
mod sizes;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::Instant;

const USAGE: &str = "\
usage: cargo xtask <command>

  serve   install what is missing, then serve the reader on http://127.0.0.1:8080
  test    install what is missing (Chromium too), then fmt, clippy, native tests,
          browser tests in headless Chromium, a release build with its bundle sizes, and
          the built site checked in Chromium (site-check), and each fuzz target for 30 s
          where a nightly toolchain is installed
  build   install what is missing, then build the optimised static site into dist/
  site-check  the built dist/ in headless Chromium: the entity model arrives after the first paint
             for the reader, its worker and the embed widgets
  train-ner  train the entity tagger on ../shared/data/conll2003 and write crates/lede_core/models/ner.bin
  train-victims  fit the victim classifier on GVDB dev's fitting half (../shared/data/gvdb)
  train-speakers fit the quote speaker ranker on PolNeAR train (crates/lede_core/models/speakers.bin)
  train-segment  fit the block classifier on ../shared/data/l3s-gn1 and WCXB dev's fitting part as pasted
             (the paste corpus) and write crates/lede_core/models/segment.bin
  eval-ner   score entities on CoNLL-2003 dev (eng.testa) with the reference scorer
  eval-casualties  score casualty figures on the gun-violence dev set with the reference scorer
  eval-quotes  the speaker ranker cross-validated on PolNeAR train and scored on dev, with its strongest
             features; then quote detection F1 and speaker accuracy on dev and train (reference scorer)
  eval-segment block classification precision/recall on L3S-GN1 (each page scored with a block model
             fitted on the other half of the pages), and the seed pages' segmentation
  eval-html    main-text extraction from HTML beside trafilatura (installed from PyPI into .tools/peers):
             WCXB dev checking and fitting parts (split by domain), Readability pages, L3S-GN1; MB/s
  paste-corpus every dev page as a reader's select-all and copy gives it (headless Chromium, scripts
             off, no network), cached outside the repository (~/.cache/lede/paste-corpus)
  eval-paste   main-text extraction from those pasted pages, beside the whole pasted text kept and
             trafilatura on the same pages' HTML
  compare-html the HTML parser candidates (ours, html5ever, tl, lol_html) on broken markup, speed,
             agreement on L3S-GN1 and added wasm size
  bench [--quick] [--no-criterion]  criterion benchmarks, native runs at 1-50 MB, the pipeline and
             compromise in headless Chromium, navigation time and bundle sizes, in one table
  screenshot PNGs of the sample in light and dark themes and at phone width, in target/screenshots/
  adversarial  time the core on adversarial inputs (issue #8) at two sizes each, to show linear growth
  golden [--save] [--sets a,b] [--dump DIR]  the CLI's JSON on every document in ../shared (as a
             page and with --single) compared byte for byte with xtask/golden.tsv
  fuzz [SECONDS]  run each libFuzzer target for SECONDS (default 600) with cargo-fuzz on nightly";

/// The workspace root (the parent of this crate).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().map(Path::to_path_buf).unwrap_or_else(|| PathBuf::from("."))
}

/// Where cargo puts build outputs: `CARGO_TARGET_DIR` when set, else `target/`.
pub fn cargo_target() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .map(|p| root().join(p))
        .unwrap_or_else(|| root().join("target"))
}

pub type Result<T = ()> = std::result::Result<T, String>;

/// Run a command in the workspace root, streaming its output.
pub fn run(cmd: &mut Command) -> Result {
    let shown = format!("{cmd:?}");
    eprintln!("xtask: $ {shown}");
    let status = cmd.current_dir(root()).status().map_err(|e| format!("cannot start {shown}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{shown} failed ({status})"))
    }
}

/// Run a command, streaming its output, and sum cargo test's result lines.
fn run_counting(cmd: &mut Command, counts: &mut (u64, u64)) -> Result {
    let shown = format!("{cmd:?}");
    eprintln!("xtask: $ {shown}");
    let mut child =
        cmd.current_dir(root()).stdout(Stdio::piped()).spawn().map_err(|e| format!("cannot start {shown}: {e}"))?;
    if let Some(out) = child.stdout.take() {
        for line in BufReader::new(out).lines().map_while(std::result::Result::ok) {
            println!("{line}");
            if let Some(rest) = line.strip_prefix("test result: ") {
                counts.0 += number_before(rest, " passed");
                counts.1 += number_before(rest, " failed");
            }
        }
    }
    let status = child.wait().map_err(|e| format!("{shown}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{shown} failed ({status})"))
    }
}

fn number_before(s: &str, word: &str) -> u64 {
    s.find(word)
        .and_then(|i| s[..i].rsplit(|c: char| !c.is_ascii_digit()).next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

/// Trunk with the locally installed tools first on PATH, never downloading.
fn trunk(tools: &install::Tools) -> Command {
    let mut c = Command::new("trunk");
    c.env("PATH", tools.path_env())
        .env("TRUNK_OFFLINE", "true")
        .env("TRUNK_SKIP_VERSION_CHECK", "true")
        .env_remove("NO_COLOR");
    c
}

pub fn release_build(tools: &install::Tools) -> Result {
    run(Command::new("cargo").args(["fetch", "--locked"]))?;
    embed::build(tools)?;
    run(trunk(tools).args(["build", "--release"]))?;
    let dist = root().join("dist");
    security::apply(&dist)?;
    let (loader, glue) = security::integrity(&dist.join("embed"))?;
    security::readme_snippet(&root().join("README.md"), &loader, &glue)?;
    println!("xtask: the site's Content Security Policy is in dist/index.html and dist/_headers");
    println!("xtask: embed bundle pinned in dist/embed/integrity.json and the README; the loader is {loader}");
    Ok(())
}

fn serve() -> Result {
    let tools = install::ensure(false)?;
    run(Command::new("cargo").args(["fetch", "--locked"]))?;
    // index.html copies the embed bundle into the site: build it first.
    embed::build(&tools)?;
    eprintln!("xtask: serving the reader on http://127.0.0.1:8080 (Ctrl-C to stop)");
    // Logs stay outside the project folder so the watcher does not loop.
    run(trunk(&tools).args(["serve", "--address", "127.0.0.1", "--port", "8080"]))
}

fn build() -> Result {
    let tools = install::ensure(false)?;
    release_build(&tools)?;
    sizes::print(&root().join("dist"))?;
    Ok(())
}

/// How long `cargo xtask test` fuzzes each target (where nightly is installed).
const FUZZ_SECONDS: u64 = 30;

/// One step of `cargo xtask test`; it adds the tests it ran to the counts.
type Step<'a> = Box<dyn Fn(&mut (u64, u64)) -> Result + 'a>;

fn test() -> Result {
    let started = Instant::now();
    let tools = install::ensure(true)?;
    let mut counts = (0u64, 0u64);
    let steps: Vec<(&str, Step)> = vec![
        ("format", Box::new(|_| run(Command::new("cargo").args(["fmt", "--all", "--check"])))),
        (
            "clippy (native)",
            Box::new(|_| {
                run(Command::new("cargo").args([
                    "clippy",
                    "--workspace",
                    "--all-targets",
                    "--locked",
                    "--",
                    "-D",
                    "warnings",
                ]))
            }),
        ),
        (
            "clippy (wasm)",
            Box::new(|_| {
                run(Command::new("cargo").args([
                    "clippy",
                    "-p",
                    "lede",
                    "--features",
                    "embed",
                    "--target",
                    "wasm32-unknown-unknown",
                    "--tests",
                    "--locked",
                    "--",
                    "-D",
                    "warnings",
                ]))
            }),
        ),
        (
            "native tests",
            Box::new(|c| run_counting(Command::new("cargo").args(["test", "--workspace", "--locked"]), c)),
        ),
        (
            "browser tests",
            Box::new(|c| {
                run_counting(
                    Command::new("cargo")
                        .args(["test", "-p", "lede", "--features", "embed", "--target", "wasm32-unknown-unknown"])
                        .args(["--tests", "--locked"])
                        .env("PATH", tools.path_env())
                        .env("CHROMEDRIVER", &tools.chromedriver)
                        .env("WASM_BINDGEN_TEST_TIMEOUT", "120"),
                    c,
                )
            }),
        ),
        (
            "release build",
            Box::new(|_| {
                release_build(&tools)?;
                sizes::print(&root().join("dist"))
            }),
        ),
        ("built site in Chromium", Box::new(|_| site::check(&tools))),
        ("fuzz (30 s a target, where nightly is installed)", Box::new(|_| fuzz::short_run(FUZZ_SECONDS))),
    ];
    let total = steps.len();
    let mut failed = Vec::new();
    for (name, step) in &steps {
        let t = Instant::now();
        eprintln!("\nxtask: ── {name} ──");
        match step(&mut counts) {
            Ok(()) => eprintln!("xtask: {name} ok ({:.0} s)", t.elapsed().as_secs_f64()),
            Err(e) => {
                eprintln!("xtask: {name} FAILED: {e}");
                failed.push(*name);
            }
        }
    }
    let secs = started.elapsed().as_secs_f64();
    println!();
    if failed.is_empty() {
        println!("xtask test: all {total} steps ok in {secs:.0} s");
    } else {
        println!("xtask test: {} of {total} steps failed ({}) in {secs:.0} s", failed.len(), failed.join(", "));
    }
    println!("tests: {} passed, {} failed", counts.0, counts.1);
    if failed.is_empty() {
        Ok(())
    } else {
        Err(format!("failed steps: {}", failed.join(", ")))
    }
}

fn main() -> ExitCode {
    let cmd = std::env::args().nth(1);
    let result = match cmd.as_deref() {
        Some("serve") => serve(),
        Some("test") => test(),
        Some("build") => build(),
        Some("site-check") => install::ensure(true).and_then(|t| site::check(&t)),
        Some("train-ner") => eval::train_ner(),
        Some("train-segment") => eval::train_segment(),
        Some("train-victims") => eval::train_victims(),
        Some("train-speakers") => eval::train_speakers(),
        Some("eval-ner") => eval::eval_ner(),
        Some("eval-casualties") => eval::eval_casualties(),
        Some("eval-quotes") => eval::eval_quotes(),
        Some("eval-segment") => eval::eval_segment(),
        Some("eval-html") => eval::eval_html(),
        Some("paste-corpus") => eval::paste_corpus(),
        Some("eval-paste") => eval::eval_paste(),
        Some("compare-html") => eval::compare_html(),
        Some("bench") => bench::bench(&std::env::args().skip(2).collect::<Vec<_>>()),
        Some("screenshot") => bench::screenshot(),
        Some("adversarial") => run(Command::new("cargo").args([
            "run",
            "--release",
            "--locked",
            "-q",
            "-p",
            "lede_core",
            "--example",
            "adversarial",
        ])),
        Some("golden") => golden::golden(&std::env::args().skip(2).collect::<Vec<_>>()),
        Some("fuzz") => fuzz::fuzz(&std::env::args().skip(2).collect::<Vec<_>>()),
        Some("-h" | "--help" | "help") | None => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Some(other) => Err(format!("unknown command {other:?}\n\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: error: {e}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::number_before;

    #[test]
    fn reads_cargo_test_result_lines() {
        let line = "ok. 27 passed; 3 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.42s";
        assert_eq!(number_before(line, " passed"), 27);
        assert_eq!(number_before(line, " failed"), 3);
        assert_eq!(number_before("nothing here", " passed"), 0);
    }
}
