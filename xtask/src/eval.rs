//! `cargo xtask eval-ner`: CoNLL-2003 dev scored like the reference scorer
//! (`../shared/eval/conll_eval.py`): whole documents analysed through the
//! public API as `lede analyze --single` would, spans in char offsets.

use std::process::Command;
use std::time::Instant;

use lede_core::{analyze, InputMode, Options};

use crate::{root, run, Result};

fn shared() -> Result<std::path::PathBuf> {
    let p = root().join("..").join("shared");
    if p.join("eval").is_dir() {
        Ok(p)
    } else {
        Err("../shared not found beside the project: the evaluation data lives there".into())
    }
}

pub fn eval_ner() -> Result {
    let shared = shared()?;
    let conll = shared.join("data/conll2003/eng.testa");
    let scorer = shared.join("eval/conll_eval.py");
    let out_dir = root().join("target/eval");
    std::fs::create_dir_all(&out_dir).map_err(|e| e.to_string())?;
    let export = out_dir.join("conll-dev.json");
    run(Command::new("python3").arg(&scorer).arg("export").arg(&conll).arg(&export))?;
    let data: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&export).map_err(|e| e.to_string())?).map_err(|e| e.to_string())?;
    let text: Vec<char> = data["text"].as_str().ok_or("export has no text")?.chars().collect();
    let ranges = data["doc_ranges"].as_array().ok_or("export has no doc_ranges")?;
    let options = Options { single: true, input: InputMode::Text, ..Options::default() };
    let mut spans = Vec::new();
    let started = Instant::now();
    for r in ranges {
        let (s, e) = (r[0].as_u64().unwrap_or(0) as usize, r[1].as_u64().unwrap_or(0) as usize);
        let doc: String = text[s..e].iter().collect();
        let a = analyze(&doc, &options).map_err(|e| format!("document at {s}: {e}"))?;
        for art in &a.articles {
            for ent in &art.entities {
                spans.push(serde_json::json!([s + ent.start, s + ent.end, ent.label.as_str()]));
            }
        }
    }
    let secs = started.elapsed().as_secs_f64();
    let tokens = data["n_tokens"].as_u64().unwrap_or(0);
    let pred = serde_json::json!({
        "tool": format!("lede {}", lede_core::VERSION),
        "split": "eng.testa",
        "text_sha1": data["text_sha1"],
        "spans": spans,
        "timing": {"seconds": secs, "tokens_per_second": tokens as f64 / secs},
    });
    let pred_path = out_dir.join("conll-dev-pred.json");
    std::fs::write(&pred_path, serde_json::to_vec(&pred).map_err(|e| e.to_string())?).map_err(|e| e.to_string())?;
    run(Command::new("python3").arg(&scorer).arg("score").arg(&conll).arg(&pred_path))?;
    println!("whole pipeline (--single) over the dev set: {tokens} tokens in {secs:.2} s = {:.0} tokens/s (debug/release as built)", tokens as f64 / secs);
    Ok(())
}

pub fn train_ner() -> Result {
    let shared = shared()?;
    run(Command::new("cargo")
        .args(["run", "--release", "--locked", "-p", "lede_train", "--", "ner", "--train"])
        .arg(shared.join("data/conll2003/eng.train"))
        .arg("--dev")
        .arg(shared.join("data/conll2003/eng.testa"))
        .arg("--out")
        .arg(root().join("crates/lede_core/models/ner.bin"))
        .arg("--unlabelled")
        .arg(shared.join("data"))
        // Features whose weights never pass 1.8 go, for the first-paint
        // budget: 1.5 took 38 KB off the model for 0.06 F1, 1.7 another
        // 35 KB for 0.01, and 1.8 another 26 KB (16 KB of gzip).
        .args(["--min-weight", "1.8"]))
}

/// `cargo run --release -q -p lede_train -- <command>`, for more arguments.
fn lede_train(command: &str) -> Command {
    let mut c = Command::new("cargo");
    c.args(["run", "--release", "--locked", "-q", "-p", "lede_train", "--", command]);
    c
}

/// `cargo xtask train-segment`: fit the block model on L3S-GN1's block
/// labels and on WCXB dev's fitting part as pasted (the paste corpus,
/// rendered first when missing; lines labelled against the gold main text),
/// and write `crates/lede_core/models/segment.bin` (about 40 s).
pub fn train_segment() -> Result {
    let shared = shared()?;
    paste_corpus()?;
    run(lede_train("segment")
        .arg("--data")
        .arg(shared.join("data/l3s-gn1/annotated"))
        .arg("--shared")
        .arg(&shared)
        .arg("--corpus")
        .arg(paste_cache())
        .arg("--out")
        .arg(root().join("crates/lede_core/models/segment.bin")))
}

/// `cargo xtask train-victims`: fit the victim classifier on GVDB dev's
/// fitting half (scored by two folds inside it, then on the checking half).
pub fn train_victims() -> Result {
    fit_model("victims", "victims.bin")
}

/// Run `lede_train <command>` on `../shared`, writing `crates/lede_core/models/<file>`.
fn fit_model(command: &str, file: &str) -> Result {
    let shared = shared()?;
    run(lede_train(command)
        .arg("--shared")
        .arg(&shared)
        .arg("--out")
        .arg(root().join("crates/lede_core/models").join(file)))
}

/// `cargo xtask eval-casualties`: the reference GVA scorer (its filter and
/// protocol); the reference GVDB scorer on GVDB dev's checking half (and its
/// fitting half, for comparison); then a sample of extracted figures per
/// category for reading.
pub fn eval_casualties() -> Result {
    let shared = shared()?;
    run(Command::new("cargo").args(["build", "--release", "--locked", "-q", "-p", "lede_cli"]))?;
    let bin = crate::cargo_target().join("release/lede");
    run(Command::new("python3")
        .arg(shared.join("eval/casualties_gva.py"))
        .env("LEDE_BIN", &bin)
        .env("LEDE_REPO", root()))?;
    let out = crate::cargo_target().join("eval-casualties");
    run(lede_train("gvdb-split").arg("--shared").arg(&shared).arg("--out").arg(&out))?;
    for (half, ids) in
        [("checking half (held out)", "gvdb-check.ids"), ("fitting half (the model was fitted on it)", "gvdb-fit.ids")]
    {
        println!("\nGVDB dev, {half}: tally exactly right, over articles with at least one such victim");
        run(Command::new("python3")
            .arg(shared.join("eval/gvdb_counts.py"))
            .arg("--ids")
            .arg(out.join(ids))
            .env("LEDE_BIN", &bin)
            .env("LEDE_REPO", root()))?;
    }
    println!("filter (the reference's): articles whose text states the incident's killed (injured) count as a number");
    println!("within eight words of a death (injury) word; score = share whose killed (wounded) figures include it.");
    // A sample of figures per category, from the first articles of the set.
    let gz = std::fs::File::open(shared.join("data/gva/documents.dev.jsonl.gz")).map_err(|e| e.to_string())?;
    let mut body = String::new();
    std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(gz), &mut body).map_err(|e| e.to_string())?;
    let mut samples: std::collections::BTreeMap<&'static str, Vec<String>> = std::collections::BTreeMap::new();
    for line in body.lines().take(400) {
        let v: serde_json::Value = serde_json::from_str(line).map_err(|e| e.to_string())?;
        let Some(text) = v["text"].as_str() else { continue };
        let Ok(a) = analyze(text, &Options::default()) else { continue };
        for c in a.articles.iter().flat_map(|x| &x.casualties) {
            let list = samples.entry(c.category.as_str()).or_default();
            if list.len() < 6 {
                list.push(format!("{:>7} {:<9} {}", c.value, c.qualifier.as_str(), c.text));
            }
        }
    }
    for (cat, list) in samples {
        println!("\n{cat}:");
        for l in list {
            println!("  {l}");
        }
    }
    Ok(())
}

/// `cargo xtask eval-quotes`: quote detection F1 and speaker accuracy on
/// PolNeAR dev with the reference scorer.
pub fn eval_quotes() -> Result {
    let shared = shared()?;
    // The speaker ranker: cross-validated on train, fitted on train and
    // scored on dev, and its strongest features (nothing is written).
    run(lede_train("speakers").arg("--shared").arg(&shared))?;
    run(Command::new("cargo").args(["build", "--release", "--locked", "-q", "-p", "lede_cli"]))?;
    for split in ["dev", "train"] {
        if split == "train" {
            println!("\nPolNeAR train with the shipped ranker (fitted on it: in-sample; the cross-validated figure is above):");
        }
        run(Command::new("python3")
            .arg(shared.join("eval/quotes_polnear.py"))
            .arg("--data")
            .arg(shared.join("data/polnear").join(split))
            .arg("--split")
            .arg(split)
            .env("LEDE_BIN", crate::cargo_target().join("release/lede"))
            .env("LEDE_REPO", root()))?;
    }
    Ok(())
}

/// `cargo xtask train-speakers`: fit the quote speaker ranker on PolNeAR
/// train and write `crates/lede_core/models/speakers.bin`.
pub fn train_speakers() -> Result {
    fit_model("speakers", "speakers.bin")
}

/// `cargo xtask eval-segment`: block classification on L3S-GN1 (precision
/// and recall per label), then what the seed pages give.
pub fn eval_segment() -> Result {
    let shared = shared()?;
    run(lede_train("eval-segment").arg("--data").arg(shared.join("data/l3s-gn1/annotated")))?;
    let mut seeds: Vec<_> = std::fs::read_dir(shared.join("seeds"))
        .map_err(|e| e.to_string())?
        .filter_map(std::result::Result::ok)
        .map(|e| e.path())
        .collect();
    seeds.sort();
    for path in seeds {
        let text = std::fs::read_to_string(&path).map_err(|e| e.to_string())?;
        let a = analyze(&text, &Options::default()).map_err(|e| e.to_string())?;
        println!(
            "\n{}: {} article(s)",
            path.file_name().map(|f| f.to_string_lossy()).unwrap_or_default(),
            a.articles.len()
        );
        for art in &a.articles {
            let kinds: Vec<&str> = art
                .paragraphs
                .iter()
                .map(|p| match p.kind {
                    lede_core::ParagraphKind::Body => "body",
                    lede_core::ParagraphKind::Embed => "embed",
                    lede_core::ParagraphKind::Caption => "caption",
                })
                .collect();
            println!(
                "  {:?} source={:?} published={:?} byline={:?} headline={:?} standfirst={:?} dateline={:?} paragraphs={} {:?}",
                art.role,
                art.source,
                art.published,
                art.byline,
                art.headline.as_ref().map(|h| h.text.chars().take(60).collect::<String>()),
                art.standfirst.as_ref().map(|h| h.text.chars().take(40).collect::<String>()),
                art.dateline.as_ref().map(|d| d.text.as_str()),
                art.paragraphs.len(),
                kinds
            );
        }
        for b in &a.boilerplate {
            println!("  boilerplate {:<13} {:?}", b.kind.as_str(), b.text.chars().take(70).collect::<String>());
        }
    }
    Ok(())
}

/// `cargo xtask eval-html`: main-text extraction from HTML, Lede beside
/// trafilatura on the same pages in the same run: WCXB dev (its checking part
/// by domain, and its fitting part), the Readability.js pages and L3S-GN1,
/// each with its own metric (`xtask/scripts/web_scores.py`); then L3S-GN1
/// with the block model held out, and throughput.
pub fn eval_html() -> Result {
    let shared = shared()?;
    let out = crate::cargo_target().join("eval-web");
    run(lede_train("predict-web").arg("--shared").arg(&shared).arg("--out").arg(&out))?;
    let python = crate::install::ensure_peers()?;
    run(Command::new(&python).arg(root().join("xtask/scripts/peer_extract.py")).arg(&shared).arg(&out))?;
    run(Command::new("python3").arg(root().join("xtask/scripts/web_scores.py")).arg(&shared).arg(&out))?;
    run(lede_train("eval-html").arg("--data").arg(shared.join("data/l3s-gn1")))
}

/// Where `cargo xtask paste-corpus` keeps the rendered pages: outside the
/// repository, in `LEDE_PASTE_CACHE`, else `$XDG_CACHE_HOME/lede/paste-corpus`,
/// else `~/.cache/lede/paste-corpus`.
fn paste_cache() -> std::path::PathBuf {
    if let Some(p) = std::env::var_os("LEDE_PASTE_CACHE") {
        return p.into();
    }
    let base = std::env::var_os("XDG_CACHE_HOME").map(std::path::PathBuf::from).unwrap_or_else(|| {
        std::path::PathBuf::from(std::env::var_os("HOME").unwrap_or_else(|| ".".into())).join(".cache")
    });
    base.join("lede").join("paste-corpus")
}

/// `cargo xtask paste-corpus`: every dev page (WCXB dev, the Readability
/// pages, L3S-GN1) as a reader's select-all and copy gives it, rendered in
/// headless Chromium with scripts off and no network (about ten minutes the
/// first time; pages already rendered by this Chromium are kept).
pub fn paste_corpus() -> Result {
    let shared = shared()?;
    let driver = crate::install::ensure_chromium()?;
    run(Command::new("python3")
        .arg(root().join("xtask/scripts/paste_render.py"))
        .arg(driver)
        .arg(&shared)
        .arg(paste_cache()))
}

/// `cargo xtask eval-paste`: main text from pasted pages (the paste corpus,
/// rendered first when missing) on the same sets and metrics as eval-html,
/// beside the whole pasted text kept and trafilatura on the pages' HTML.
pub fn eval_paste() -> Result {
    let shared = shared()?;
    paste_corpus()?;
    let out = crate::cargo_target().join("eval-paste");
    run(lede_train("predict-paste")
        .arg("--shared")
        .arg(&shared)
        .arg("--corpus")
        .arg(paste_cache())
        .arg("--out")
        .arg(&out))?;
    let web = crate::cargo_target().join("eval-web");
    let python = crate::install::ensure_peers()?;
    run(Command::new(&python).arg(root().join("xtask/scripts/peer_extract.py")).arg(&shared).arg(&web))?;
    let system = |name: &str, dir: &std::path::Path| format!("{name}={}", dir.display());
    run(Command::new("python3")
        .arg(root().join("xtask/scripts/web_scores.py"))
        .arg(&shared)
        .arg(&out)
        .arg(system("lede", &out))
        .arg(system("whole", &out))
        .arg(system("trafilatura", &web)))?;
    println!("(Lede and the whole text: the pasted text; trafilatura: the same pages' HTML, for reference)");
    Ok(())
}

/// `cargo xtask compare-html`: the candidate HTML parsers (issue #4) on
/// broken markup, speed and agreement natively, then the wasm each adds to
/// a module that exports only it, built with the bundle's size profile.
pub fn compare_html() -> Result {
    let shared = shared()?;
    crate::install::ensure_target()?;
    run(Command::new("cargo")
        .args(["run", "--release", "--locked", "-q", "-p", "html_compare", "--bin", "html_compare", "--", "--data"])
        .arg(shared.join("data/l3s-gn1")))?;
    let wasm = crate::cargo_target().join("wasm32-unknown-unknown/wasm-release/html_compare.wasm");
    let mut rows = Vec::new();
    for (feature, name) in
        [("", "none (the baseline)"), ("ours", "ours"), ("html5ever", "html5ever"), ("tl", "tl"), ("lol", "lol_html")]
    {
        let mut cmd = Command::new("cargo");
        cmd.args(["build", "--locked", "-q", "-p", "html_compare", "--lib", "--target", "wasm32-unknown-unknown"])
            .args(["--profile", "wasm-release", "--no-default-features"]);
        if !feature.is_empty() {
            cmd.args(["--features", feature]);
        }
        run(&mut cmd)?;
        let bytes = std::fs::read(&wasm).map_err(|e| format!("{}: {e}", wasm.display()))?;
        rows.push((name, bytes.len(), crate::sizes::gzip_len(&bytes)));
    }
    let (_, base_raw, base_gz) = rows[0];
    println!("\n## Added wasm (opt-level z, LTO; a module exporting one extract function)\n");
    println!("| parser | module raw | module gzip | added raw | added gzip |");
    println!("|---|---|---|---|---|");
    for (name, raw, gz) in rows {
        println!(
            "| {name} | {:.1} KB | {:.1} KB | {:.1} KB | {:.1} KB |",
            raw as f64 / 1024.0,
            gz as f64 / 1024.0,
            raw.saturating_sub(base_raw) as f64 / 1024.0,
            gz.saturating_sub(base_gz) as f64 / 1024.0
        );
    }
    Ok(())
}
