//! Reading CoNLL-2003 files: documents of sentences of (token, tag), with
//! IOB1 tags converted to BIO.

use lede_core::ner::LABELS;

pub struct Sentence {
    pub words: Vec<String>,
    /// Label ids (BIO) into `LABELS`.
    pub labels: Vec<usize>,
    /// Index of the document this sentence belongs to.
    pub doc: usize,
}

fn label_id(tag: &str) -> Result<usize, String> {
    LABELS.iter().position(|l| *l == tag).ok_or_else(|| format!("unknown tag {tag:?}"))
}

/// IOB1 (I-X starts a chunk unless it continues one of type X; B-X only
/// between two touching chunks) to BIO.
fn iob1_to_bio(tags: &[String]) -> Vec<String> {
    let mut out = Vec::with_capacity(tags.len());
    let mut prev_type: Option<&str> = None;
    for t in tags {
        if t == "O" {
            out.push("O".to_string());
            prev_type = None;
            continue;
        }
        let (prefix, ty) = t.split_at(2);
        let begins = prefix == "B-" || prev_type != Some(ty);
        out.push(format!("{}{ty}", if begins { "B-" } else { "I-" }));
        prev_type = Some(ty);
    }
    out
}

pub fn read(path: &str) -> Result<Vec<Sentence>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let mut out = Vec::new();
    let mut doc = 0;
    let mut words = Vec::new();
    let mut tags = Vec::new();
    let flush =
        |words: &mut Vec<String>, tags: &mut Vec<String>, out: &mut Vec<Sentence>, doc: usize| -> Result<(), String> {
            if !words.is_empty() {
                let labels = iob1_to_bio(tags).iter().map(|t| label_id(t)).collect::<Result<Vec<_>, _>>()?;
                out.push(Sentence { words: std::mem::take(words), labels, doc });
                tags.clear();
            }
            Ok(())
        };
    for line in text.lines() {
        if line.trim().is_empty() {
            flush(&mut words, &mut tags, &mut out, doc)?;
            continue;
        }
        let cols: Vec<&str> = line.split(' ').collect();
        if cols[0] == "-DOCSTART-" {
            flush(&mut words, &mut tags, &mut out, doc)?;
            doc += 1;
            continue;
        }
        words.push(cols[0].to_string());
        tags.push(cols[cols.len() - 1].to_string());
    }
    flush(&mut words, &mut tags, &mut out, doc)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iob1_to_bio_table() {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(iob1_to_bio(&s(&["I-PER", "I-PER", "O", "I-LOC"])), s(&["B-PER", "I-PER", "O", "B-LOC"]));
        assert_eq!(iob1_to_bio(&s(&["I-PER", "B-PER", "I-ORG"])), s(&["B-PER", "B-PER", "B-ORG"]));
    }
}
