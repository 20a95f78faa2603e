//! Criterion benchmarks: entity model load time, the tagger alone, and the
//! whole pipeline, on text written for the project (the built-in sample).
//! Run with `cargo bench -p lede_core` (or `cargo xtask bench`).

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use lede_core::ner::{Model, MODEL_BYTES};
use lede_core::{analyze, Options, SAMPLE_ARTICLE};

fn model_load(c: &mut Criterion) {
    c.bench_function("ner model load", |b| {
        b.iter(|| Model::from_bytes(std::hint::black_box(MODEL_BYTES)).expect("model"))
    });
}

fn tagger(c: &mut Criterion) {
    let model = Model::from_bytes(MODEL_BYTES).expect("model");
    let text = SAMPLE_ARTICLE.repeat(20);
    let words = lede_core::words(&text);
    let mut g = c.benchmark_group("ner tagger");
    g.throughput(Throughput::Elements(words.len() as u64));
    g.bench_function("tokens", |b| {
        b.iter(|| {
            let mut n = 0;
            for chunk in words.chunks(25) {
                n += model.tag(chunk).len();
            }
            n
        })
    });
    g.finish();
}

fn pipeline(c: &mut Criterion) {
    let mut g = c.benchmark_group("analyze");
    g.sample_size(10);
    for copies in [1usize, 10, 100] {
        let text = SAMPLE_ARTICLE.repeat(copies);
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(text.len()), &text, |b, t| {
            b.iter(|| analyze(t, &Options::default()).expect("analyze"))
        });
    }
    g.finish();
}

criterion_group!(benches, model_load, tagger, pipeline);
criterion_main!(benches);
