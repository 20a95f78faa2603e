//! Unlabelled news text for learning word classes: the training split of
//! CoNLL-2003 (its words only), PolNeAR's training articles and the
//! gun-violence articles, all from `../shared/data`. The dev split is never
//! read here.

use std::io::Read;
use std::path::Path;

/// Lines of text (one sentence or paragraph each).
pub fn lines(data: &Path) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let conll = data.join("conll2003/eng.train");
    for s in crate::conll::read(&conll.display().to_string())? {
        out.push(s.words.join(" "));
    }
    let polnear = data.join("polnear/train/text");
    if let Ok(dir) = std::fs::read_dir(&polnear) {
        let mut files: Vec<_> = dir.filter_map(Result::ok).map(|e| e.path()).collect();
        files.sort();
        for f in files {
            let t = std::fs::read_to_string(&f).map_err(|e| format!("{}: {e}", f.display()))?;
            out.extend(t.lines().filter(|l| !l.trim().is_empty()).map(String::from));
        }
    }
    let gva = data.join("gva/documents.dev.jsonl.gz");
    if let Ok(f) = std::fs::File::open(&gva) {
        let mut s = String::new();
        flate2::read::GzDecoder::new(f).read_to_string(&mut s).map_err(|e| format!("{}: {e}", gva.display()))?;
        for line in s.lines() {
            let v: serde_json::Value = serde_json::from_str(line).map_err(|e| format!("{}: {e}", gva.display()))?;
            if let Some(t) = v["text"].as_str() {
                out.extend(t.lines().filter(|l| !l.trim().is_empty()).map(String::from));
            }
        }
    }
    Ok(out)
}
