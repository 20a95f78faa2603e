//! Adversarial input shapes (issue #8): each is analysed at two sizes, and
//! the table shows the time and how it grows. Linear code grows about 4× when
//! the input grows 4×; quadratic code grows 16×.
//!
//! `cargo run --release -p lede_core --example adversarial` (or `cargo xtask adversarial`).

use std::time::Instant;

use lede_core::{adversarial, analyze, Options};

fn main() {
    println!("{:<34} {:>10} {:>10} {:>10} {:>10} {:>7}", "shape", "size", "time", "4x size", "4x time", "growth");
    for shape in adversarial::SHAPES {
        let small = (shape.make)(shape.full / 4);
        let large = (shape.make)(shape.full);
        let t_small = time(&small);
        let t_large = time(&large);
        println!(
            "{:<34} {:>10} {:>9.1}ms {:>10} {:>9.1}ms {:>6.1}x",
            shape.name,
            small.len(),
            t_small * 1e3,
            large.len(),
            t_large * 1e3,
            t_large / t_small.max(1e-9)
        );
    }
}

fn time(text: &str) -> f64 {
    let start = Instant::now();
    let result = analyze(text, &Options::default());
    let secs = start.elapsed().as_secs_f64();
    if let Err(e) = result {
        println!("  (error: {e})");
    }
    secs
}
