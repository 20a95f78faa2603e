//! Passes `cut_inline_repeats` and `merge_boilerplate`: repeated runs cut out, touching furniture merged.

use super::*;

/// Word spans (byte offsets) of `text[s..e]`.
pub(crate) fn words_of(text: &str, s: usize, e: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text[s..e].char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(a)) => {
                out.push((s + a, s + i));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(a) = start {
        out.push((s + a, e));
    }
    out
}

/// The byte ranges inside `[s, e)` where a run of 4 to 12 words repeats
/// back to back (an ad line glued into a paragraph twice or more).
pub(crate) fn repeated_runs(text: &str, s: usize, e: usize) -> Vec<(usize, usize)> {
    let w = words_of(text, s, e);
    let same =
        |a: usize, b: usize, p: usize| (0..p).all(|k| text[w[a + k].0..w[a + k].1] == text[w[b + k].0..w[b + k].1]);
    let mut out = Vec::new();
    let mut i = 0;
    while i < w.len() {
        let mut found = None;
        for p in (4..=12).rev() {
            if i + 2 * p <= w.len() && same(i, i + p, p) {
                let mut j = i + 2 * p;
                while j + p <= w.len() && same(i, j, p) {
                    j += p;
                }
                found = Some(j);
                break;
            }
        }
        match found {
            Some(j) => {
                out.push((w[i].0, w[j - 1].1));
                i = j;
            }
            None => i += 1,
        }
    }
    out
}

/// Cut repeated runs out of body paragraphs into boilerplate; the rest of
/// the paragraph stays body, as one or more spans.
pub(crate) fn cut_inline_repeats(text: &str, seg: &mut Segmentation) {
    for a in &mut seg.articles {
        let mut paragraphs = Vec::with_capacity(a.paragraphs.len());
        for &(s, e, kind) in &a.paragraphs {
            let runs = if kind == ParagraphKind::Body { repeated_runs(text, s, e) } else { Vec::new() };
            let mut at = s;
            for (rs, re) in runs {
                push_trimmed(text, at, rs, kind, &mut paragraphs);
                let sh = shape(&text[rs..re]);
                let bk = furniture_kind(&text[rs..re], &Shape { words: sh.words.min(10), ..sh })
                    .unwrap_or(BoilerplateKind::Other);
                seg.boilerplate.push((rs, re, bk));
                at = re;
            }
            push_trimmed(text, at, e, kind, &mut paragraphs);
        }
        a.paragraphs = paragraphs;
    }
}

pub(crate) fn push_trimmed(
    text: &str,
    s: usize,
    e: usize,
    kind: ParagraphKind,
    out: &mut Vec<(usize, usize, ParagraphKind)>,
) {
    let piece = &text[s..e];
    let t = piece.trim();
    if t.chars().any(char::is_alphanumeric) {
        let lead = piece.len() - piece.trim_start().len();
        out.push((s + lead, s + lead + t.len(), kind));
    }
}

/// Consecutive related-link lines (only whitespace between them) become one block.
pub(crate) fn merge_adjacent_boilerplate(text: &str, items: &mut Vec<(usize, usize, BoilerplateKind)>) {
    items.sort_by_key(|b| b.0);
    let mut out: Vec<(usize, usize, BoilerplateKind)> = Vec::with_capacity(items.len());
    for &b in items.iter() {
        if let Some(last) = out.last_mut() {
            let listy = matches!(b.2, BoilerplateKind::RelatedLinks | BoilerplateKind::Navigation);
            if last.2 == b.2 && listy && text[last.1..b.0].trim().is_empty() {
                last.1 = b.1;
                continue;
            }
        }
        out.push(b);
    }
    *items = out;
}
