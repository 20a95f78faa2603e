//! Lede's main text on pasted pages, for `cargo xtask eval-paste`: each dev
//! page as a reader's select-all and copy gives it (rendered by `cargo xtask
//! paste-corpus` into a cache: `<set>/<page>.txt`), analysed as text.
//!
//! `lede_train predict-paste --shared DIR --corpus DIR --out DIR` writes, into
//! `--out`: `<set>-lede.json` (the main article's headline and body) and
//! `<set>-whole.json` (the whole pasted text: the baseline a reader gets by
//! keeping everything) for the sets `wcxb`, `readability` and `l3s`, with
//! `wcxb-fit.ids`, `wcxb-check.ids` and `l3s-gold.json` as `predict-web` writes them.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Instant;

use lede_core::{analyze, InputMode, Options};

use crate::web_eval::{main_text, write_json};

/// Lede's main text of a pasted page (empty when the analysis fails).
pub fn text_main_text(text: &str) -> String {
    let options = Options { input: InputMode::Text, ..Options::default() };
    analyze(text, &options).map(|a| main_text(&a, text)).unwrap_or_default()
}

/// The pages of a set that the corpus holds: (page, pasted text).
fn set_pages(corpus: &Path, set: &str) -> Result<Vec<(String, String)>, String> {
    let mut out = Vec::new();
    for f in crate::segment_train::entries(&corpus.join(set))? {
        let Some(page) = f.file_name().and_then(|n| n.to_str()).and_then(|n| n.strip_suffix(".txt")) else {
            continue;
        };
        out.push((page.to_string(), std::fs::read_to_string(&f).map_err(|e| format!("{}: {e}", f.display()))?));
    }
    Ok(out)
}

/// Write every prediction file into `out`.
pub fn predict(shared: &Path, corpus: &Path, out: &Path) -> Result<(), String> {
    std::fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    let data = shared.join("data");
    crate::web_eval::write_split(&crate::web_eval::wcxb_pages(&data.join("wcxb-dev"))?, out)?;
    crate::web_eval::write_l3s_gold(&data.join("l3s-gn1"), out)?;
    for set in ["wcxb", "readability", "l3s"] {
        let pages = set_pages(corpus, set)?;
        if pages.is_empty() {
            return Err(format!("{}: no pasted pages (run `cargo xtask paste-corpus`)", corpus.join(set).display()));
        }
        let (mut lede, mut whole) = (BTreeMap::new(), BTreeMap::new());
        let (mut bytes, t) = (0usize, Instant::now());
        for (page, text) in pages {
            bytes += text.len();
            lede.insert(page.clone(), text_main_text(&text));
            whole.insert(page, text);
        }
        let secs = t.elapsed().as_secs_f64();
        write_json(&out.join(format!("{set}-lede.json")), &lede)?;
        write_json(&out.join(format!("{set}-whole.json")), &whole)?;
        println!(
            "{set}: {} pasted pages analysed, {:.1} MB of text/s",
            lede.len(),
            bytes as f64 / 1e6 / secs.max(1e-9)
        );
    }
    Ok(())
}
