//! Block labels for the pages of WCXB dev's fitting part as a reader pastes
//! them (the paste corpus): each line is labelled by aligning it with the
//! page's gold main text and title.
//!
//! A line is the headline when its words are the title's; body when most of
//! its word trigrams are in the gold main text (a line of one or two words:
//! when it occurs there as a phrase and a neighbouring line is body); else
//! furniture. Only the fitting part's pages are read here: the checking part
//! gives the figures.

use std::collections::HashSet;
use std::path::Path;

use lede_core::blockmodel::{BODY, FURNITURE, HEADLINE};

use crate::segment_train::Line;

fn words(t: &str) -> Vec<String> {
    t.split(|c: char| !c.is_alphanumeric() && c != '_').filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

/// Share of a line's trigrams that are in the gold's that makes it body.
pub const BODY_TRIGRAMS: f32 = 0.5;

/// The gold main text, read for alignment.
pub struct Gold {
    trigrams: HashSet<(String, String, String)>,
    /// The gold's words joined by single spaces, padded with spaces.
    joined: String,
    title: Vec<String>,
}

impl Gold {
    pub fn new(main: &str, title: &str) -> Self {
        let w = words(main);
        let trigrams = w.windows(3).map(|t| (t[0].clone(), t[1].clone(), t[2].clone())).collect();
        Self { trigrams, joined: format!(" {} ", w.join(" ")), title: words(title) }
    }

    /// The line's words are the title's, or most of them in a run (a title
    /// with the site's name, or a headline with a kicker).
    fn is_title(&self, w: &[String]) -> bool {
        let inside = |short: &[String], long: &[String]| {
            short.len() >= 3 && short.len() * 10 >= long.len() * 6 && long.windows(short.len()).any(|x| x == short)
        };
        !self.title.is_empty() && (w == self.title.as_slice() || inside(w, &self.title) || inside(&self.title, w))
    }

    /// The class of each line, lines given as their texts.
    pub fn label(&self, lines: &[&str]) -> Vec<usize> {
        let ws: Vec<Vec<String>> = lines.iter().map(|l| words(l)).collect();
        let mut class: Vec<Option<usize>> = ws
            .iter()
            .map(|w| {
                if self.is_title(w) {
                    Some(HEADLINE)
                } else if w.len() >= 3 {
                    let hits = w
                        .windows(3)
                        .filter(|t| self.trigrams.contains(&(t[0].clone(), t[1].clone(), t[2].clone())))
                        .count();
                    Some(if hits as f32 >= BODY_TRIGRAMS * (w.len() - 2) as f32 { BODY } else { FURNITURE })
                } else if w.is_empty() {
                    Some(FURNITURE)
                } else {
                    None
                }
            })
            .collect();
        // Short lines: body when in the gold and beside body.
        for i in 0..class.len() {
            if class[i].is_none() {
                let beside = |k: Option<usize>| k.and_then(|k| class.get(k).copied().flatten()) == Some(BODY);
                let in_gold = self.joined.contains(&format!(" {} ", ws[i].join(" ")));
                class[i] =
                    Some(if in_gold && (beside(i.checked_sub(1)) || beside(Some(i + 1))) { BODY } else { FURNITURE });
            }
        }
        class.into_iter().map(|c| c.unwrap_or(FURNITURE)).collect()
    }
}

/// A page's text as block-model training lines, labelled against its gold.
pub fn page_lines(text: &str, web: bool, gold: &Gold) -> Vec<Line> {
    let spans = lede_core::segment::line_spans(text);
    let texts: Vec<&str> = spans.iter().map(|&(s, e)| &text[s..e]).collect();
    let feats = lede_core::segment::line_features(text, web);
    gold.label(&texts)
        .into_iter()
        .zip(feats)
        .zip(&texts)
        .map(|((class, feats), l)| Line::new(feats, class, l))
        .collect()
}

/// WCXB's gold main text and title of a page.
pub fn wcxb_gold(data: &Path, id: &str) -> Result<Gold, String> {
    let path = data.join("ground-truth").join(format!("{id}.json"));
    let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path).map_err(|e| e.to_string())?)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    let g = &v["ground_truth"];
    Ok(Gold::new(g["main_content"].as_str().unwrap_or(""), g["title"].as_str().unwrap_or("")))
}

/// The fitting part's pages as pasted (from `corpus`), as training pages;
/// indices go on from `first`. (Their HTML's lines were tried too, as web
/// lines: WCXB's HTML gained 0.002 and L3S-GN1's lost 0.009, so they are out.)
pub fn wcxb_pages(shared: &Path, corpus: &Path, first: usize) -> Result<Vec<(usize, Vec<Line>)>, String> {
    let data = shared.join("data").join("wcxb-dev");
    let mut out = Vec::new();
    for (id, fitting) in crate::web_eval::wcxb_pages(&data)? {
        if !fitting {
            continue;
        }
        let gold = wcxb_gold(&data, &id)?;
        if let Ok(text) = std::fs::read_to_string(corpus.join("wcxb").join(format!("{id}.txt"))) {
            out.push((first + out.len(), page_lines(&text, false, &gold)));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_labelled_by_the_gold() {
        let gold = Gold::new(
            "The council voted on Monday to close the bridge.\nRepairs\nWork starts in May and ends in June.",
            "Council closes the bridge",
        );
        let lines = [
            "Council closes the bridge | Daily Example",
            "Share this",
            "The council voted on Monday to close the bridge.",
            "Repairs",
            "Work starts in May and ends in June.",
            "Most read: a cat climbs a tree",
            "Repairs",
        ];
        let got = gold.label(&lines);
        assert_eq!(got, vec![HEADLINE, FURNITURE, BODY, BODY, BODY, FURNITURE, FURNITURE]);
    }
}
