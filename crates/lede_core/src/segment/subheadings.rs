//! Pass `keep_subheadings`: a short heading between two paragraphs of a pasted story stays in it.

use super::*;

/// In pasted text, a short heading between paragraphs of a story ("Pricing
/// and availability") is a subheading, not a new article: it stays in the
/// body. (A web page's sections are folded with its markup's help, in
/// [`fold_sections`].)
pub(crate) fn keep_subheadings(text: &str, blocks: &mut [Block]) {
    // (Shapes only for the few lines around a headline.)
    let shape_of = |b: &Block| shape(&text[b.start..b.end]);
    for i in 2..blocks.len().saturating_sub(1) {
        if blocks[i].kind != BlockKind::Headline || shape_of(&blocks[i]).words > SUBHEADING_WORDS {
            continue;
        }
        // (A section, not a teaser's one-line blurb before the next headline.)
        let next = &blocks[i + 1];
        let section = next.kind == BlockKind::Body
            && (shape_of(next).words > TEASER_WORDS || blocks.get(i + 2).is_none_or(|b| b.kind == BlockKind::Body));
        if section
            && body_prose(&blocks[i - 1], &shape_of(&blocks[i - 1]))
            && body_prose(&blocks[i - 2], &shape_of(&blocks[i - 2]))
        {
            blocks[i].kind = BlockKind::Body;
        }
    }
}

/// A body block that reads as running text: a sentence, or twelve words.
pub(crate) fn body_prose(b: &Block, sh: &Shape) -> bool {
    b.kind == BlockKind::Body && (sh.ends_sentence || sh.words >= 12)
}

/// Longest subheading, in words: a new story's headline is longer.
/// Provenance: hand-set in commit 3a108f4 (2026-11-22) while reading L3S-GN1 pages and the seeds;
/// not fitted (issue #21 is to learn it).
pub(crate) const SUBHEADING_WORDS: usize = 5;
