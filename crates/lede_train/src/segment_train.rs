//! `lede_train segment`: fits the block model (`lede_core::blockmodel`), a
//! multinomial logistic regression over line features, on the block labels
//! of L3S-GN1, and writes `crates/lede_core/models/segment.bin`.
//!
//! Classes: body (full text, supplemental), headline, furniture (not
//! content, related content, comments). Lines are weighted by their words,
//! as the evaluation weighs them. It first prints a two-fold estimate (train
//! on the even pages, score the odd ones, and the other way round), then
//! trains on every page. The same data give the same file.

use std::io::Read;
use std::path::Path;

use lede_core::blockmodel::{BODY, CLASSES, FURNITURE, HEADLINE};

use crate::linear::{probs, Labelled, Rates, Weights, PRUNE};

use crate::segment_eval::lines_with_labels;

pub struct Line {
    feats: Vec<u64>,
    class: usize,
    weight: f32,
}

impl Line {
    /// A training line of class `class`, weighted by the root of its words (up to 60).
    pub fn new(feats: Vec<u64>, class: usize, text: &str) -> Self {
        Self { feats, class, weight: (text.split_whitespace().count().clamp(1, 60) as f32).sqrt() }
    }
}

/// The annotated pages of `dir` in name order (the order folds are taken in).
pub fn files(dir: &Path) -> Result<Vec<std::path::PathBuf>, String> {
    Ok(entries(dir)?.into_iter().filter(|p| p.to_string_lossy().ends_with(".html.gz")).collect())
}

/// The paths in a directory, sorted.
pub fn entries(dir: &Path) -> Result<Vec<std::path::PathBuf>, String> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    paths.sort();
    Ok(paths)
}

/// A gzipped file's text (invalid UTF-8 replaced).
pub fn read_gz(path: &Path) -> Result<String, String> {
    let f = std::fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut bytes = Vec::new();
    flate2::read::GzDecoder::new(f).read_to_end(&mut bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// The two held-out block models: `[0]` fitted on the odd pages (to score the
/// even ones), `[1]` on the even pages (to score the odd ones).
pub fn fold_models(pages: &[(usize, Vec<Line>)]) -> Result<[lede_core::blockmodel::BlockModel; 2], String> {
    let fold_model = |odd: bool| {
        let w = fit(&lines_of(pages, Some(!odd)), EPOCHS);
        lede_core::blockmodel::BlockModel::from_bytes(&model_bytes(&w))
    };
    Ok([fold_model(false)?, fold_model(true)?])
}

/// Every page's lines with features and classes, with the page's index in [`files`].
pub fn pages(dir: &Path) -> Result<Vec<(usize, Vec<Line>)>, String> {
    let mut out = Vec::new();
    for (index, f) in files(dir)?.into_iter().enumerate() {
        let html = read_gz(&f)?;
        let lines: Vec<(String, usize)> =
            lines_with_labels(&html).into_iter().filter(|(l, _)| !l.trim().is_empty()).collect();
        if lines.is_empty() {
            continue;
        }
        let text: String = lines.iter().map(|(l, _)| format!("{l}\n")).collect();
        let feats = lede_core::segment::line_features(&text, true);
        if feats.len() != lines.len() {
            continue; // a line the segmenter splits differently; rare
        }
        out.push((
            index,
            lines
                .iter()
                .zip(feats)
                .map(|((l, label), feats)| {
                    let class = match label {
                        1 => HEADLINE,
                        2 | 3 => BODY,
                        _ => FURNITURE,
                    };
                    Line::new(feats, class, l)
                })
                .collect(),
        ));
    }
    Ok(out)
}

/// The block model's learning rate and L2 penalty.
const RATES: Rates = Rates { lr: 0.2, l2: 1e-5 };

impl Labelled for Line {
    fn feats(&self) -> &[u64] {
        &self.feats
    }
    fn class(&self) -> usize {
        self.class
    }
    fn weight(&self) -> f32 {
        self.weight
    }
}

/// The block model fitted on `lines` (word-weighted).
pub fn fit(lines: &[&Line], epochs: usize) -> Weights {
    crate::linear::fit(lines, epochs, RATES)
}

/// Word-weighted precision and recall per class of the argmax on `lines`.
fn report(tag: &str, w: &Weights, lines: &[&Line]) {
    let mut stats = [[0f64; 3]; CLASSES];
    for l in lines {
        let p = probs(w, &l.feats);
        let pred = (0..CLASSES).max_by(|&a, &b| p[a].total_cmp(&p[b])).unwrap_or(BODY);
        let words = f64::from(l.weight * l.weight);
        stats[l.class][2] += words;
        stats[pred][1] += words;
        if pred == l.class {
            stats[pred][0] += words;
        }
    }
    for (c, name) in ["body", "headline", "furniture"].iter().enumerate() {
        let [tp, pred, gold] = stats[c];
        println!("{tag} {name:<10} P {:.3} R {:.3}", tp / pred.max(1.0), tp / gold.max(1.0));
    }
}

/// The lines of the pages whose index has parity `odd` (or all of them).
pub fn lines_of(pages: &[(usize, Vec<Line>)], odd: Option<bool>) -> Vec<&Line> {
    pages.iter().filter(|(i, _)| odd.is_none_or(|o| (i % 2 == 1) == o)).flat_map(|(_, p)| p.iter()).collect()
}

/// The model file (features sorted, weights under [`PRUNE`] left out).
pub fn model_bytes(w: &Weights) -> Vec<u8> {
    crate::linear::model_bytes(w, PRUNE)
}

pub const EPOCHS: usize = 6;

/// Fit on L3S-GN1's pages in `dir`, and with `wcxb` (the shared folder and
/// the paste corpus) on WCXB dev's fitting part too, pasted and from HTML.
pub fn train(dir: &Path, out: &Path, epochs: usize, wcxb: Option<(&Path, &Path)>) -> Result<(), String> {
    let mut pages = pages(dir)?;
    let l3s = pages.len();
    if let Some((shared, corpus)) = wcxb {
        let first = pages.last().map_or(0, |p| p.0 + 1);
        pages.extend(crate::paste_train::wcxb_pages(shared, corpus, first)?);
    }
    println!("{l3s} L3S-GN1 pages, {} WCXB fitting-part pages (pasted and HTML)", pages.len() - l3s);
    let (even, odd) = (lines_of(&pages, Some(false)), lines_of(&pages, Some(true)));
    report("model alone, held-out (odd pages)", &fit(&even, epochs), &odd);
    report("model alone, held-out (even pages)", &fit(&odd, epochs), &even);
    let all = lines_of(&pages, None);
    let bytes = model_bytes(&fit(&all, epochs));
    std::fs::write(out, &bytes).map_err(|e| format!("{}: {e}", out.display()))?;
    println!(
        "{} pages, {} lines, {} features ({} bytes) -> {}",
        pages.len(),
        all.len(),
        bytes.len() / lede_core::blockmodel::RECORD,
        bytes.len(),
        out.display()
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fitting_learns_and_gives_the_same_file_twice() {
        // Feature 2 + c marks class c; feature 1 is on every line.
        let lines: Vec<Line> =
            (0..300).map(|i| Line { feats: vec![1, 2 + (i % 3) as u64], class: i % 3, weight: 1.0 }).collect();
        let refs: Vec<&Line> = lines.iter().collect();
        let w = fit(&refs, 3);
        for c in 0..CLASSES {
            let p = probs(&w, &[1, 2 + c as u64]);
            assert!(p[c] > 0.8, "class {c}: {p:?}");
        }
        assert_eq!(model_bytes(&w), model_bytes(&fit(&refs, 3)));
        let model = lede_core::blockmodel::BlockModel::from_bytes(&model_bytes(&w)).expect("the file reads");
        assert_eq!(model.len(), 4);
    }
}
