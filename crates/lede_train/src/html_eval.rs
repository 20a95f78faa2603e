//! Main-body extraction scored like the ScrapingHub article-extraction
//! benchmark (`cargo xtask eval-html`): word 4-gram shingles of the main
//! article's body paragraphs against the gold body (L3S-GN1 "full text"
//! blocks), precision and recall per page, averaged, F1 of the averages.

use std::collections::HashSet;
use std::path::Path;
use std::time::Instant;

use lede_core::{analyze, InputMode, Options, ParagraphKind, Role};

fn shingles(text: &str) -> HashSet<Vec<String>> {
    let words: Vec<String> =
        text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(|w| w.to_lowercase()).collect();
    if words.len() < 4 {
        return words.into_iter().map(|w| vec![w]).collect();
    }
    words.windows(4).map(|w| w.to_vec()).collect()
}

pub struct Score {
    pub pages: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub mb_per_s: f64,
}

/// Score every page, each analysed with a block model fitted on the other
/// half of the pages (two folds by page index, as `eval-segment`), so that
/// the figure is held out from the fitted model; with `shipped`, with the
/// committed model instead (fitted on all these pages).
pub fn score(data: &Path, shipped: bool) -> Result<Score, String> {
    let annotated = data.join("annotated");
    let models = if shipped {
        None
    } else {
        Some(crate::segment_train::fold_models(&crate::segment_train::pages(&annotated)?)?)
    };
    let original = data.join("original");
    // (The pages in the order the fold models were fitted in.)
    let files = crate::segment_train::files(&annotated)?;
    let (mut sp, mut sr, mut pages) = (0.0, 0.0, 0usize);
    let (mut bytes, mut secs) = (0usize, 0.0f64);
    // LEDE_HTML_PAGES=FILE writes each page's precision and recall there, for diagnosis.
    let mut dump = std::env::var_os("LEDE_HTML_PAGES").and_then(|p| std::fs::File::create(p).ok());
    for (index, file) in files.iter().enumerate() {
        let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let gold: String = crate::segment_eval::lines_with_labels(&crate::segment_train::read_gz(file)?)
            .into_iter()
            .filter(|(_, l)| *l == 2)
            .map(|(t, _)| t + "\n")
            .collect();
        let gold = shingles(&gold);
        if gold.is_empty() {
            continue;
        }
        let html = crate::segment_train::read_gz(&original.join(&name))?;
        let t = Instant::now();
        let options = Options { input: InputMode::Html, ..Options::default() };
        let out = match &models {
            Some(m) => lede_core::blockmodel::with_model(m[index % 2].clone(), || analyze(&html, &options)),
            None => analyze(&html, &options),
        };
        secs += t.elapsed().as_secs_f64();
        bytes += html.len();
        let predicted = out
            .ok()
            .map(|a| {
                let text = a.text.clone().unwrap_or_default();
                let chars: Vec<char> = text.chars().collect();
                a.articles
                    .iter()
                    .find(|x| x.role == Role::Main)
                    .map(|m| {
                        m.paragraphs
                            .iter()
                            .filter(|p| p.kind == ParagraphKind::Body)
                            .map(|p| chars[p.start..p.end].iter().collect::<String>() + "\n")
                            .collect::<String>()
                    })
                    .unwrap_or_default()
            })
            .unwrap_or_default();
        let pred = shingles(&predicted);
        let common = pred.intersection(&gold).count() as f64;
        let (pp, pr) = (if pred.is_empty() { 0.0 } else { common / pred.len() as f64 }, common / gold.len() as f64);
        if let Some(w) = dump.as_mut() {
            use std::io::Write;
            let _ = writeln!(w, "{name}\t{pp:.3}\t{pr:.3}\t{}\t{}", pred.len(), gold.len());
        }
        sp += pp;
        sr += pr;
        pages += 1;
    }
    let precision = sp / pages.max(1) as f64;
    let recall = sr / pages.max(1) as f64;
    let f1 = if precision + recall > 0.0 { 2.0 * precision * recall / (precision + recall) } else { 0.0 };
    Ok(Score { pages, precision, recall, f1, mb_per_s: bytes as f64 / 1e6 / secs.max(1e-9) })
}
