//! Pass `headline_over_story`: the story's headline found over page tools, dates and bylines.

use super::*;

/// Lines looked back over, from a story's first paragraph, for its headline.
/// Provenance: hand-set in commit 3a108f4 (2026-11-22) while reading L3S-GN1 pages and the seeds;
/// not fitted (issue #21 is to learn it).
pub(crate) const HEADLINE_LOOKBACK: usize = 10;
/// Words, or paragraphs, of body a stretch needs to be taken for the page's story.
pub(crate) const STORY_MIN_WORDS: usize = 100;
/// Provenance: hand-set in commit 3a108f4 (2026-11-22) while reading L3S-GN1 pages and the seeds;
/// not fitted (issue #21 is to learn it).
pub(crate) const STORY_MIN_PARAGRAPHS: usize = 3;

/// Could this line be the headline over a story, with page furniture
/// (a date, "Email | Print", a byline) between them? Three words or more
/// with letters, no sentence end but a question or an exclamation, no
/// colon at the end, no link, handle, bar or breadcrumb.
pub(crate) fn headline_candidate(line: &str, sh: &Shape, furniture: Option<BoilerplateKind>) -> bool {
    let lettered = line.split_whitespace().filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2).count();
    let end = line.trim_end_matches(['"', '\'', '”', '’', ')', ' ']);
    (3..=25).contains(&lettered)
        && sh.words <= 25
        && furniture.is_none()
        && !sh.ends_colon
        && !sh.has_link
        && !sh.has_handle
        && !sh.relative_time
        && !sh.starts_by
        && !end.ends_with(['.', '…', ','])
        && !line.contains(['|', '»', '›', '>', '<', '{', '}', '[', ']', '@', '©'])
        && !line.get(..3).is_some_and(|p| p.eq_ignore_ascii_case("by "))
        && comment_signature(line).is_none()
}

/// A page's story often sits under furniture that hides its headline from
/// the line-by-line rules ("Headline / date / Email | Print / By X /
/// story"). For the first stretch of body long enough to be the story,
/// when no headline-shaped line already stands over it within a few
/// lines, the line the fitted model finds most headline-like there (the
/// nearest one without a model) becomes its headline.
pub(crate) fn headline_over_story(
    lines: &[&str],
    shapes: &[Shape],
    furniture: &[Option<BoilerplateKind>],
    probs: &[Option<[f32; blockmodel::CLASSES]>],
    blocks: &mut [Block],
) {
    let prose = |i: usize| body_prose(&blocks[i], &shapes[i]);
    // The first stretch of body (gaps of up to three lines) of enough words
    // or paragraphs.
    let mut story = None;
    let mut i = 0;
    while i < blocks.len() {
        if !prose(i) {
            i += 1;
            continue;
        }
        let (mut words, mut paragraphs, mut last) = (0, 0, i);
        let mut j = i;
        while j < blocks.len() && j <= last + 3 && blocks[j].kind != BlockKind::Headline {
            if prose(j) {
                words += shapes[j].words;
                paragraphs += 1;
                last = j;
            }
            j += 1;
        }
        if words >= STORY_MIN_WORDS || paragraphs >= STORY_MIN_PARAGRAPHS {
            story = Some(i);
            break;
        }
        i = last + 1;
    }
    let Some(first) = story else { return };
    let window: Vec<usize> =
        (first.saturating_sub(HEADLINE_LOOKBACK)..first).rev().take_while(|&k| !prose(k)).collect();
    let candidate = |k: usize| headline_candidate(lines[k], &shapes[k], furniture[k]);
    let score = |k: usize| probs[k].map_or(0.0, |p| p[blockmodel::HEADLINE]);
    let mut best: Option<usize> = None;
    for &k in window.iter().filter(|&&k| candidate(k)) {
        // (Nearest first: a tie goes to the line nearer the story.)
        if best.is_none_or(|b| score(k) > score(b)) {
            best = Some(k);
        }
    }
    let Some(h) = best.filter(|&h| probs[h].is_none() || score(h) >= HEADLINE_MIN_PROB) else { return };
    // A headline the rules found stands when the model does not much prefer
    // another line, or prefers the line just over it while only a byline or
    // a date parts it from the story (a kicker over a headline).
    let found = window.iter().find(|&&k| blocks[k].kind == BlockKind::Headline && candidate(k));
    let over_story = |k: usize| {
        blocks[k + 1..first]
            .iter()
            .all(|b| matches!(b.kind, BlockKind::Byline | BlockKind::Timestamp | BlockKind::SourceLabel))
    };
    if found.is_some_and(|&k| {
        k == h || over_story(k) && h + 1 == k || probs[h].is_none() || score(h) < score(k) + HEADLINE_SWITCH_MARGIN
    }) {
        return;
    }
    blocks[h].kind = BlockKind::Headline;
    // Headline-shaped lines between it and the story are furniture now.
    for b in &mut blocks[h + 1..first] {
        if matches!(b.kind, BlockKind::Headline | BlockKind::Body) {
            b.kind = BlockKind::Boilerplate(BoilerplateKind::Other);
        }
    }
}

/// How much more headline-like the model must find another line than the
/// rules' headline over a story to put it in that headline's place.
/// Provenance: hand-set in commit 3a108f4 (2026-11-22) while reading L3S-GN1 pages (the model's probabilities are fitted, this margin is not);
/// issue #21 is to learn it.
pub(crate) const HEADLINE_SWITCH_MARGIN: f32 = 0.2;

/// How likely a headline the fitted model must find a line to be put over a story.
/// Provenance: hand-set at 0.2 in commit 3a108f4 (2026-11-22) while reading L3S-GN1 pages;
/// lowered to 0.1 when the model was refitted with WCXB's pasted pages (where a page has one
/// title among hundreds of lines, so headline probabilities run lower): on WCXB dev's fitting
/// part 0.2 and 0.1 score the same (pasted 0.885/0.886, HTML 0.925), and 0.1 finds the
/// headline over page tools of `a_headline_over_page_tools_and_a_date_still_heads_the_story`.
pub(crate) const HEADLINE_MIN_PROB: f32 = 0.1;
