//! One native benchmark run for `cargo xtask bench`: analyse SIZE bytes of
//! the generated news corpus (`lede_core::corpus`) and print one JSON line
//! with the time per stage, the throughput and the process's peak memory.
//! One size per process, so each peak belongs to its own run.
//!
//! `cargo run --release -p lede_core --example bench_run -- SIZE`
//! `cargo run --release -p lede_core --example bench_run -- model`

use std::time::Instant;

use lede_core::{analyze_profiled, corpus, ner, Options};

/// Peak resident memory of this process in bytes (Linux), else 0.
fn peak_rss() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        })
        .map(|kb| kb * 1024)
        .unwrap_or(0)
}

fn main() {
    let arg = std::env::args().nth(1).unwrap_or_else(|| "1000000".into());
    if arg == "model" {
        let runs = 20;
        let start = Instant::now();
        for _ in 0..runs {
            std::hint::black_box(ner::Model::from_bytes(ner::MODEL_BYTES).map(std::hint::black_box).is_ok());
        }
        let ms = start.elapsed().as_secs_f64() * 1e3 / runs as f64;
        println!("{{\"model_load_ms\": {ms:.3}, \"model_bytes\": {}}}", ner::MODEL_BYTES.len());
        return;
    }
    let size: usize = arg.parse().unwrap_or(1_000_000);
    let text = corpus::news(size, 42);
    let base_rss = peak_rss();
    let origin = Instant::now();
    let clock = move || origin.elapsed().as_secs_f64();
    let t0 = clock();
    let (analysis, stages) = match analyze_profiled(&text, &Options::default(), &clock) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("bench_run: {e}");
            std::process::exit(1);
        }
    };
    let secs = clock() - t0;
    let items: usize = analysis.articles.iter().map(|a| a.entities.len() + a.quotes.len() + a.casualties.len()).sum();
    let stages: Vec<String> = stages.named().iter().map(|(n, t)| format!("\"{n}\": {t:.6}")).collect();
    println!(
        "{{\"bytes\": {}, \"seconds\": {secs:.6}, \"mb_per_s\": {:.3}, \"articles\": {}, \"items\": {items}, \"peak_rss\": {}, \"rss_before\": {base_rss}, \"stages\": {{{}}}}}",
        text.len(),
        text.len() as f64 / secs / 1e6,
        analysis.articles.len(),
        peak_rss(),
        stages.join(", ")
    );
}
