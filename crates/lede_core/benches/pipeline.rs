//! Criterion benchmarks of the core's stages and of the whole pipeline, on
//! text the project generates itself (`lede_core::corpus`): HTML to text,
//! tokenization, the entity tagger, the entity model's load, and `analyze`
//! at 100 KB, 1 MB and 10 MB (time per byte should stay flat).
//! Run with `cargo bench -p lede_core` (or `cargo xtask bench`).

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use lede_core::ner::{Model, MODEL_BYTES};
use lede_core::{analyze, corpus, html, Options};

fn model_load(c: &mut Criterion) {
    c.bench_function("ner model load", |b| {
        b.iter(|| Model::from_bytes(std::hint::black_box(MODEL_BYTES)).expect("model"))
    });
}

/// The corpus as a web page: each line a paragraph or a heading.
fn as_html(text: &str) -> String {
    let mut out = String::from("<html><head><title>x</title><script>var a = 1;</script></head><body>");
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let tag = if line.ends_with('.') || line.ends_with('"') { "p" } else { "h2" };
        out.push_str(&format!("<{tag} class=\"c\">{}</{tag}>\n", line.replace('&', "&amp;").replace('<', "&lt;")));
    }
    out.push_str("</body></html>");
    out
}

fn stages(c: &mut Criterion) {
    let text = corpus::news(1_000_000, 1);
    let page = as_html(&text);
    let mut g = c.benchmark_group("stage");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(page.len() as u64));
    g.bench_function("html to text", |b| b.iter(|| html::to_text(&page)));
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("tokenize", |b| b.iter(|| lede_core::words(&text).len()));
    let model = Model::from_bytes(MODEL_BYTES).expect("model");
    let words = lede_core::words(&text);
    g.bench_function("entity tagger", |b| {
        b.iter(|| words.chunks(25).map(|chunk| model.tag(chunk).len()).sum::<usize>())
    });
    g.finish();
}

fn pipeline(c: &mut Criterion) {
    let mut g = c.benchmark_group("analyze");
    g.sample_size(10);
    for size in [100_000usize, 1_000_000, 10_000_000] {
        let text = corpus::news(size, 1);
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(size), &text, |b, t| {
            b.iter(|| analyze(t, &Options::default()).expect("analyze"))
        });
    }
    g.finish();
}

criterion_group!(benches, model_load, stages, pipeline);
criterion_main!(benches);
