//! Quick throughput probe of the entity tagger alone: `cargo run --release -p lede_core --example ner_speed`.
use std::time::Instant;

fn main() {
    let mut model = lede_core::ner::Model::from_bytes(lede_core::ner::MODEL_BYTES).expect("model");
    let t = Instant::now();
    for _ in 0..20 {
        model = lede_core::ner::Model::from_bytes(lede_core::ner::MODEL_BYTES).expect("model");
    }
    println!("load: {:.2} ms", t.elapsed().as_secs_f64() * 1000.0 / 20.0);
    let text = lede_core::SAMPLE_ARTICLE.repeat(200);
    let words: Vec<&str> = text.split_whitespace().collect();
    let t = Instant::now();
    let mut n = 0;
    for chunk in words.chunks(25) {
        n += model.tag(chunk).len();
    }
    let s = t.elapsed().as_secs_f64();
    println!("{n} tokens in {s:.3} s = {:.0} tokens/s", n as f64 / s);
}
