//! Pass `demote_teasers`: headlines with one short blurb under a page with a story become related links.

use super::*;

/// Longest blurb under a teaser's headline, in words.
/// Provenance: hand-set in commit 3a108f4 (2026-11-22) while reading L3S-GN1 pages and the seeds;
/// not fitted (issue #21 is to learn it).
pub(crate) const TEASER_WORDS: usize = 35;

/// A headline over one short paragraph, with no source, date or byline, is
/// a teaser in a list of links ("Headline / one-line blurb"), not an
/// article, when the page has a real story (two paragraphs or more): both
/// lines become a related_links block. A page of nothing but short items
/// keeps them as articles. (Pasted text only: a web page's markup tells its
/// sections and link lists apart, see [`apply_hints`].)
pub(crate) fn demote_teasers(text: &str, seg: &mut Segmentation) {
    let teaser = |a: &ArticleDraft| {
        a.headline.is_some()
            && a.source.is_none()
            && a.published.is_none()
            && a.byline.is_none()
            && matches!(a.paragraphs.as_slice(), [(s, e, ParagraphKind::Body)]
                if text[*s..*e].split_whitespace().count() <= TEASER_WORDS)
    };
    let story = |a: &ArticleDraft| a.paragraphs.iter().filter(|p| p.2 == ParagraphKind::Body).count() >= 2;
    if !seg.articles.iter().any(story) {
        return;
    }
    let mut kept = Vec::with_capacity(seg.articles.len());
    for a in std::mem::take(&mut seg.articles) {
        if teaser(&a) {
            for (s, e) in a.headline.into_iter().chain(a.paragraphs.iter().map(|p| (p.0, p.1))) {
                seg.boilerplate.push((s, e, BoilerplateKind::RelatedLinks));
            }
        } else {
            kept.push(a);
        }
    }
    seg.articles = kept;
}
