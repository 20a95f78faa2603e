//! `lede_train ner --train FILE --dev FILE --out FILE [--epochs N] [--seed S]`
//!
//! Trains the entity tagger (averaged structured perceptron) on CoNLL-2003,
//! picks the epoch by dev F1, prunes and quantises, and writes the model.
//! The same data and seed give the same model bytes.

mod clusters;
mod conll;
mod html_eval;
mod linear;
mod ner;
mod ner_eval;
mod paste_eval;
mod paste_train;
mod segment_eval;
mod segment_train;

mod speakers_train;
mod unlabelled;
mod victims_train;
mod web_eval;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let get = |name: &str| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned();
    let result = match args.first().map(String::as_str) {
        Some("ner") => {
            let cfg = ner::Config {
                train: get("--train").unwrap_or_else(|| "../shared/data/conll2003/eng.train".into()),
                dev: get("--dev").unwrap_or_else(|| "../shared/data/conll2003/eng.testa".into()),
                out: get("--out").unwrap_or_else(|| "crates/lede_core/models/ner.bin".into()),
                epochs: get("--epochs").and_then(|e| e.parse().ok()).unwrap_or(12),
                seed: get("--seed").and_then(|e| e.parse().ok()).unwrap_or(7),
                min_weight: get("--min-weight").and_then(|e| e.parse().ok()).unwrap_or(1.0),
                unlabelled: get("--unlabelled").map(std::path::PathBuf::from),
                classes: get("--classes").and_then(|e| e.parse().ok()).unwrap_or(128),
            };
            ner::train(&cfg)
        }
        Some("victims") => {
            let shared = get("--shared").unwrap_or_else(|| "../shared".into());
            let out = get("--out").unwrap_or_else(|| "crates/lede_core/models/victims.bin".into());
            let epochs = get("--epochs").and_then(|e| e.parse().ok()).unwrap_or(victims_train::EPOCHS);
            let prune = get("--prune").and_then(|e| e.parse().ok()).unwrap_or(linear::PRUNE);
            victims_train::train(std::path::Path::new(&shared), std::path::Path::new(&out), epochs, prune)
        }
        Some("speakers") => {
            let shared = get("--shared").unwrap_or_else(|| "../shared".into());
            let out = get("--out");
            let epochs = get("--epochs").and_then(|e| e.parse().ok()).unwrap_or(speakers_train::EPOCHS);
            let misses = get("--misses").and_then(|e| e.parse().ok()).unwrap_or(0);
            let prune = get("--prune").and_then(|e| e.parse().ok()).unwrap_or(speakers_train::PRUNE);
            let out = out.as_deref().map(std::path::Path::new);
            speakers_train::train(std::path::Path::new(&shared), out, epochs, prune, misses)
        }
        Some("gvdb-split") => {
            let shared = get("--shared").unwrap_or_else(|| "../shared".into());
            let out = get("--out").unwrap_or_else(|| "target/eval-casualties".into());
            victims_train::write_split(std::path::Path::new(&shared), std::path::Path::new(&out))
        }
        Some("victims-explain") => {
            let mut text = String::new();
            std::io::Read::read_to_string(&mut std::io::stdin(), &mut text)
                .map_err(|e| e.to_string())
                .map(|_| victims_train::explain(&text))
        }
        Some("victims-debug") => {
            let shared = get("--shared").unwrap_or_else(|| "../shared".into());
            victims_train::debug(
                std::path::Path::new(&shared),
                get("--limit").and_then(|e| e.parse().ok()).unwrap_or(10),
            )
        }
        Some("eval-ner") => {
            let dev = get("--dev").unwrap_or_else(|| "../shared/data/conll2003/eng.testa".into());
            conll::read(&dev).and_then(|s| ner_eval::score(&s)).map(|s| {
                println!("P {:.2} R {:.2} F1 {:.2}", s.precision * 100.0, s.recall * 100.0, s.f1 * 100.0);
            })
        }
        Some("eval-html") => {
            let dir = get("--data").unwrap_or_else(|| "../shared/data/l3s-gn1".into());
            let dir = std::path::Path::new(&dir);
            html_eval::score(dir, true).and_then(|shipped| {
                println!(
                    "with the committed block model (fitted on these pages): P {:.3} R {:.3} F1 {:.3}; {:.1} MB of HTML/s",
                    shipped.precision, shipped.recall, shipped.f1, shipped.mb_per_s
                );
                html_eval::score(dir, false).map(|s| {
                    println!(
                        "L3S-GN1 main-body extraction over {} pages (word 4-gram shingles), block model held out: P {:.3} R {:.3} F1 {:.3}",
                        s.pages, s.precision, s.recall, s.f1
                    );
                })
            })
        }
        Some("predict-web") => {
            let shared = get("--shared").unwrap_or_else(|| "../shared".into());
            let out = get("--out").unwrap_or_else(|| "target/eval-web".into());
            web_eval::predict(std::path::Path::new(&shared), std::path::Path::new(&out))
        }
        Some("predict-paste") => {
            let shared = get("--shared").unwrap_or_else(|| "../shared".into());
            let corpus = get("--corpus").ok_or("predict-paste needs --corpus DIR (from cargo xtask paste-corpus)");
            let out = get("--out").unwrap_or_else(|| "target/eval-paste".into());
            corpus.map_err(str::to_string).and_then(|c| {
                paste_eval::predict(std::path::Path::new(&shared), std::path::Path::new(&c), std::path::Path::new(&out))
            })
        }
        Some("segment") => {
            let dir = get("--data").unwrap_or_else(|| "../shared/data/l3s-gn1/annotated".into());
            let out = get("--out").unwrap_or_else(|| "crates/lede_core/models/segment.bin".into());
            let epochs = get("--epochs").and_then(|e| e.parse().ok()).unwrap_or(segment_train::EPOCHS);
            let (shared, corpus) = (get("--shared"), get("--corpus"));
            let wcxb = shared
                .as_deref()
                .zip(corpus.as_deref())
                .map(|(s, c)| (std::path::Path::new(s), std::path::Path::new(c)));
            segment_train::train(std::path::Path::new(&dir), std::path::Path::new(&out), epochs, wcxb)
        }
        Some("eval-segment") => {
            let dir = get("--data").unwrap_or_else(|| "../shared/data/l3s-gn1/annotated".into());
            let show = get("--show").and_then(|n| n.parse().ok()).unwrap_or(0);
            segment_eval::score(std::path::Path::new(&dir), show).map(
                |segment_eval::Scores { stats, unsure, pages }| {
                    println!("L3S-GN1 block classification over {pages} pages (lines weighted by words)");
                    println!("{:<16} {:>9} {:>9} {:>10}", "label", "precision", "recall", "gold words");
                    for (i, [tp, pred, gold]) in stats.iter().enumerate() {
                        let p = *tp as f64 / (*pred).max(1) as f64;
                        let r = *tp as f64 / (*gold).max(1) as f64;
                        println!("{:<16} {:>9.3} {:>9.3} {:>10}", segment_eval::LABELS[i], p, r, gold);
                    }
                    let total: usize = unsure.iter().sum();
                    let by_label: Vec<String> = (0..6)
                        .filter(|&i| unsure[i] > 0)
                        .map(|i| {
                            format!(
                                "{} {:.0}%",
                                segment_eval::LABELS[i],
                                100.0 * unsure[i] as f64 / total.max(1) as f64
                            )
                        })
                        .collect();
                    println!("body marked unsure: {total} words; gold: {}", by_label.join(", "));
                },
            )
        }
        _ => Err("usage: lede_train ner --train FILE --dev FILE --out FILE [--epochs N] [--seed S] [--min-weight W] \
                  | eval-ner [--dev FILE] | eval-segment [--data DIR] | predict-web [--shared DIR] [--out DIR] \
                  | predict-paste --corpus DIR [--shared DIR] [--out DIR]"
            .into()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("lede_train: {e}");
            ExitCode::FAILURE
        }
    }
}
