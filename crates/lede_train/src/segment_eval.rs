//! Block classification scored on L3S-GN1 (`cargo xtask eval-segment`).
//!
//! Each annotated page is turned into text, one line per HTML block, and
//! every line gets the gold label of most of its characters (the
//! `x-nc-selN` span around them; unwrapped text is "not content"). The
//! text goes through `lede_core::analyze` like a pasted page, and each
//! line's predicted label is read from where it landed: headline, body or
//! caption paragraph, a boilerplate kind, or nowhere (not content).

use std::path::Path;

use lede_core::html::{decode_into, flush_line, walk, Node, BLOCK_TAGS};
use lede_core::{analyze, BoilerplateKind, InputMode, Options, ParagraphKind};

pub const LABELS: [&str; 6] = ["not content", "headline", "full text", "supplemental", "related content", "comments"];

/// Lines of text with the gold label (index into LABELS) of each.
pub fn lines_with_labels(html: &str) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    let mut text = String::new();
    let mut line = String::new();
    let mut counts = [0usize; 6];
    let mut spans: Vec<Option<usize>> = Vec::new();
    let mut flush = |line: &mut String, counts: &mut [usize; 6], out: &mut Vec<(String, usize)>| {
        if flush_line(line, &mut text) {
            let label = (0..6).max_by_key(|&i| (counts[i], usize::MAX - i)).unwrap_or(0);
            out.push((text.trim_end().to_string(), label));
            text.clear();
        }
        *counts = [0; 6];
    };
    walk(html, |node| match node {
        Node::Tag { name, closing, raw } => {
            if name == "span" {
                if closing {
                    spans.pop();
                } else {
                    let sel =
                        raw.find("x-nc-sel").and_then(|i| raw[i + 8..].chars().next()).and_then(|c| c.to_digit(10));
                    spans.push(sel.map(|d| d as usize).filter(|&d| d < 6));
                }
            }
            if BLOCK_TAGS.contains(&name) {
                flush(&mut line, &mut counts, &mut out);
            }
        }
        Node::Text(t) => {
            let label = spans.iter().rev().find_map(|s| *s).unwrap_or(0);
            let before = line.len();
            decode_into(t, &mut line);
            counts[label] += line[before..].chars().filter(|c| !c.is_whitespace()).count();
        }
    });
    flush(&mut line, &mut counts, &mut out);
    out
}

/// Predicted label of each line of `text` (lines as produced above), and
/// whether it was kept in the body marked unsure.
pub fn predicted(text: &str, n_lines: usize) -> (Vec<usize>, Vec<bool>) {
    let Ok(a) = analyze(text, &Options { input: InputMode::Text, ..Options::default() }) else {
        return (vec![0; n_lines], vec![false; n_lines]);
    };
    // Char offset → line index.
    let mut line_of = Vec::with_capacity(text.len());
    let mut l = 0;
    for c in text.chars() {
        line_of.push(l);
        if c == '\n' {
            l += 1;
        }
    }
    // The lines a char span touches.
    let lines_in = |s: usize, e: usize| {
        line_of.get(s..e.min(line_of.len())).unwrap_or(&[]).iter().copied().filter(|&li| li < n_lines)
    };
    let mut out = vec![0usize; n_lines];
    let mut unsure = vec![false; n_lines];
    for p in a.articles.iter().flat_map(|a| &a.paragraphs).filter(|p| p.unsure) {
        lines_in(p.start, p.end).for_each(|li| unsure[li] = true);
    }
    let mut mark = |s: usize, e: usize, label: usize| lines_in(s, e).for_each(|li| out[li] = label);
    for b in &a.boilerplate {
        let label = match b.kind {
            BoilerplateKind::RelatedLinks => 4,
            BoilerplateKind::Comments => 5,
            _ => 0,
        };
        mark(b.start, b.end, label);
    }
    for art in &a.articles {
        if let Some(h) = &art.headline {
            mark(h.start, h.end, 1);
        }
        // An article's byline, date and source lines are L3S's supplemental
        // text. The contract gives them as text: find them over its story.
        let head_end = art.paragraphs.first().map_or(art.span.end, |p| p.start);
        let head: String = text.chars().skip(art.span.start).take(head_end.saturating_sub(art.span.start)).collect();
        for field in [&art.byline, &art.published, &art.source].into_iter().flatten() {
            if let Some(i) = head.find(field.as_str()) {
                let s = art.span.start + head[..i].chars().count();
                mark(s, s + field.chars().count(), 3);
            }
        }
        for p in &art.paragraphs {
            mark(p.start, p.end, if p.kind == ParagraphKind::Caption { 3 } else { 2 });
        }
    }
    (out, unsure)
}

/// What [`score`] counts.
pub struct Scores {
    /// Per label: words rightly predicted, predicted, and gold.
    pub stats: [[usize; 3]; 6],
    /// Words of body lines marked unsure, by gold label.
    pub unsure: [usize; 6],
    pub pages: usize,
}

/// Score every page of `dir`: per label, (true positives, predicted, gold),
/// over lines weighted by words, and the words of body lines marked unsure by
/// their gold label.
/// Each page is analysed with a block model fitted on the other half of the
/// pages (two folds by page index), so the figures are held out.
pub fn score(dir: &Path, show: usize) -> Result<Scores, String> {
    let mut shown = 0;
    // Every line with its gold and predicted labels, page by page, for reading.
    let dump_to = std::env::var("LEDE_SEGMENT_DUMP").ok();
    let mut dump = dump_to.as_ref().map(|_| String::new());
    let files = crate::segment_train::files(dir)?;
    let data = crate::segment_train::pages(dir)?;
    let models = crate::segment_train::fold_models(&data)?;
    let mut stats = [[0usize; 3]; 6];
    let mut unsure_words = [0usize; 6];
    let mut pages = 0;
    for (index, f) in files.iter().enumerate() {
        let html = crate::segment_train::read_gz(f)?;
        let lines = lines_with_labels(&html);
        if lines.is_empty() {
            continue;
        }
        pages += 1;
        let text: String = lines.iter().map(|(l, _)| format!("{l}\n")).collect();
        let model = models[index % 2].clone();
        let (pred, unsure) = lede_core::blockmodel::with_model(model, || predicted(&text, lines.len()));
        for (((l, g), p), u) in lines.iter().zip(pred).zip(unsure) {
            let w = l.split_whitespace().count();
            if u {
                unsure_words[*g] += w;
            }
            stats[*g][2] += w;
            stats[p][1] += w;
            if p == *g {
                stats[p][0] += w;
            } else if shown < show {
                shown += 1;
                println!(
                    "gold {:<15} predicted {:<15} {}",
                    LABELS[*g],
                    LABELS[p],
                    l.chars().take(110).collect::<String>()
                );
            }
            if let Some(d) = dump.as_mut() {
                d.push_str(&format!("{}\t{}\t{}\t{}\n", index, LABELS[*g], LABELS[p], l));
            }
        }
    }
    if let (Some(path), Some(d)) = (dump_to, dump) {
        std::fs::write(&path, d).map_err(|e| format!("{path}: {e}"))?;
    }
    Ok(Scores { stats, unsure: unsure_words, pages })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn annotated_html_gives_labelled_lines() {
        let html = "<html><head><title>t</title></head><body><div><span class=\"x-nc-sel1\">Bridge Closes</span></div>\
                    <p><span class=\"x-nc-sel2\">The council voted to close the bridge &amp; the road.</span></p>\
                    <ul><li><a href=\"/x\">Home</a></li></ul><script>var a='<p>';</script>\
                    <p><span class=\"x-nc-sel5\">Great story!</span></p></body></html>";
        let got = lines_with_labels(html);
        assert_eq!(
            got,
            vec![
                ("Bridge Closes".to_string(), 1),
                ("The council voted to close the bridge & the road.".to_string(), 2),
                ("Home".to_string(), 0),
                ("Great story!".to_string(), 5)
            ]
        );
    }
}
