//! `cargo xtask fuzz [SECONDS]`: run each libFuzzer target of
//! `crates/lede_core/fuzz` for SECONDS (default 600), installing the nightly
//! toolchain and cargo-fuzz when missing. A crash, a hang over 1 s or an
//! input that makes the core hold over 64× its size stops the run with the
//! input saved; copy it into `crates/lede_core/fuzz/regressions/` so the
//! corpus test in `cargo xtask test` replays it for ever.

use std::io::Read;
use std::process::{Command, Stdio};

use crate::{root, run, Result};

pub const TARGETS: [&str; 4] = ["analyze_text", "analyze_html", "numbers", "quotes"];

fn have(cmd: &mut Command) -> bool {
    cmd.stdout(Stdio::null()).stderr(Stdio::null()).status().map(|s| s.success()).unwrap_or(false)
}

fn ensure_tools() -> Result {
    if !have(Command::new("rustup").args(["run", "nightly", "rustc", "--version"])) {
        run(Command::new("rustup").args(["toolchain", "install", "nightly", "--profile", "minimal"]))?;
    }
    if !have(Command::new("cargo").args(["fuzz", "--version"])) {
        run(Command::new("cargo").args(["install", "cargo-fuzz", "--locked"]))?;
    }
    Ok(())
}

/// "Done 65063 runs in 61 second(s)" → 65063.
fn executions(log: &str) -> Option<u64> {
    log.lines().rev().find_map(|l| l.strip_prefix("Done ")?.split_whitespace().next()?.parse().ok())
}

/// `cargo xtask test`'s short fuzz run: each target for `seconds` where a
/// nightly toolchain is installed (cargo-fuzz is installed when missing);
/// where none is, it says so plainly and passes.
pub fn short_run(seconds: u64) -> Result {
    if !have(Command::new("rustup").args(["run", "nightly", "rustc", "--version"])) {
        println!(
            "xtask: fuzz: skipped: no nightly toolchain here (`rustup toolchain install nightly` \
             to fuzz each target for {seconds} s in every test run; the seed corpus was replayed above)"
        );
        return Ok(());
    }
    fuzz(&[seconds.to_string()])
}

pub fn fuzz(args: &[String]) -> Result {
    let seconds: u64 = match args.first() {
        Some(s) => s.parse().map_err(|_| format!("fuzz takes a number of seconds per target, not {s:?}"))?,
        None => 600,
    };
    ensure_tools()?;
    let dir = root().join("crates/lede_core");
    let work = root().join("target/fuzz");
    let mut rows = Vec::new();
    let mut failed = Vec::new();
    for t in TARGETS {
        let corpus = work.join("corpus").join(t);
        let artifacts = work.join("artifacts").join(t);
        std::fs::create_dir_all(&corpus).map_err(|e| e.to_string())?;
        std::fs::create_dir_all(&artifacts).map_err(|e| e.to_string())?;
        let mut cmd = Command::new("cargo");
        cmd.args(["+nightly", "fuzz", "run", "-O", t])
            .arg(&corpus)
            .arg(dir.join("fuzz/seeds"))
            .arg(dir.join("fuzz/regressions"))
            .args(["--", "-timeout=1", "-max_len=65536", "-rss_limit_mb=4096", "-print_final_stats=1"])
            .arg(format!("-max_total_time={seconds}"))
            .arg(format!("-artifact_prefix={}/", artifacts.display()))
            .current_dir(&dir)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        eprintln!("xtask: fuzzing {t} for {seconds} s");
        let mut child = cmd.spawn().map_err(|e| format!("cannot start cargo fuzz: {e}"))?;
        let mut log = String::new();
        if let Some(mut err) = child.stderr.take() {
            err.read_to_string(&mut log).map_err(|e| e.to_string())?;
        }
        let status = child.wait().map_err(|e| e.to_string())?;
        let runs = executions(&log).unwrap_or(0);
        let outcome = if status.success() {
            "no crash".to_string()
        } else {
            failed.push(t);
            let tail: Vec<&str> = log.lines().rev().take(30).collect();
            eprintln!("{}", tail.into_iter().rev().collect::<Vec<_>>().join("\n"));
            format!("FAILED: input saved in {}", artifacts.display())
        };
        rows.push((t, runs, outcome));
    }
    println!("\n{:<14} {:>8} {:>14}  outcome", "target", "seconds", "executions");
    for (t, runs, outcome) in &rows {
        println!("{t:<14} {seconds:>8} {runs:>14}  {outcome}");
    }
    if failed.is_empty() {
        Ok(())
    } else {
        Err(format!("fuzzing found failures in {}", failed.join(", ")))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn reads_libfuzzer_totals() {
        assert_eq!(super::executions("#2 INITED\nDone 65063 runs in 61 second(s)\n"), Some(65063));
        assert_eq!(super::executions("nothing"), None);
    }
}
