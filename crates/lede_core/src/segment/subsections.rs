//! The web page passes that read the markup's [`Structure`]: a story's
//! parts folded back together (`fold_subsections`, `fold_container`,
//! `fold_story_element`, `fold_page_of_parts`) and its tables and lists
//! kept in it (`keep_story_items`).
//!
//! Today's articles put a subheading (`<h2>`, `<h3>`) over every few
//! paragraphs and an image, a caption, an ad or a newsletter box between
//! them. The text rules read each subheading as a new article's headline,
//! and `fold_sections` stops at the first furniture between two sections, so
//! the story fell apart into many short "articles". The markup says which
//! headings rank under the story's own: they fold, whatever inline furniture
//! stands between, up to a heading of the story's rank or higher, a headline
//! the markup does not make a heading, or a page region (navigation,
//! comments, related links, other furniture such as a footer).

use super::*;

/// Furniture that may stand inside a story between two of its sections.
fn inline_furniture(kind: BoilerplateKind) -> bool {
    matches!(kind, BoilerplateKind::Ad | BoilerplateKind::Promo | BoilerplateKind::Social)
}

/// The markup's line (of `lines`, sorted and not overlapping) that holds
/// `s..e`, with what the markup says of it.
pub(crate) fn holding<T: Copy>(lines: &[(usize, usize, T)], (s, e): (usize, usize)) -> Option<T> {
    let i = lines.partition_point(|l| l.1 < e);
    lines.get(i).filter(|l| l.0 <= s && e <= l.1).map(|l| l.2)
}

/// The heading level of the line an article's headline is on, when the
/// markup makes it a heading.
fn level(headings: &[(usize, usize, u8)], a: &ArticleDraft) -> Option<u8> {
    holding(headings, a.headline?)
}

pub fn fold_subsections(seg: &mut Segmentation, headings: &[(usize, usize, u8)]) {
    let Some(main) = seg.articles.iter().position(|a| a.role == Role::Main) else { return };
    let levels: Vec<Option<u8>> = seg.articles.iter().map(|a| level(headings, a)).collect();
    let Some(_) = levels[main] else { return };
    // Whether only inline furniture stands between articles i and i + 1.
    let furniture = &seg.boilerplate;
    let open = |i: usize| {
        let (from, to) = (seg.articles[i].span.1, start_of(&seg.articles[i + 1]));
        let lo = furniture.partition_point(|b| b.1 <= from);
        furniture[lo..].iter().take_while(|b| b.0 < to).all(|b| inline_furniture(b.2))
    };
    // The story's root: back from the main article over sections joined by
    // inline furniture, the one with the highest-ranked heading (lowest
    // level), which every section between outranks.
    let (mut root, mut top) = (main, levels[main].unwrap_or(u8::MAX));
    let mut i = main;
    while i > 0 && open(i - 1) {
        let Some(l) = levels[i - 1] else { break };
        i -= 1;
        if l < top {
            (root, top) = (i, l);
        }
    }
    // Forward from the root: the sections its heading outranks.
    let mut end = root + 1;
    while end < seg.articles.len()
        && levels[end].is_some_and(|l| l > top)
        && open(end - 1)
        && seg.articles[end].paragraphs.iter().any(|p| p.2 == ParagraphKind::Body)
    {
        end += 1;
    }
    if end <= main {
        return; // (The main article is not among the root's sections.)
    }
    let inside: Vec<bool> = (0..seg.articles.len()).map(|i| (root..end).contains(&i)).collect();
    fold_parts(seg, &inside);
}

/// Where an article starts: its headline, or its first line.
pub(crate) fn start_of(a: &ArticleDraft) -> usize {
    a.headline.map(|h| h.0).unwrap_or(a.span.0).min(a.span.0)
}

/// The content container most of an article's lines are in, if any.
fn container_of(containers: &[(usize, usize, u32)], a: &ArticleDraft) -> Option<u32> {
    let lines = a.headline.iter().copied().chain(a.paragraphs.iter().map(|p| (p.0, p.1)));
    let mut counts: Vec<(u32, usize)> = Vec::new();
    let mut total = 0;
    for line in lines {
        total += 1;
        if let Some(c) = holding(containers, line) {
            match counts.iter_mut().find(|x| x.0 == c) {
                Some(x) => x.1 += 1,
                None => counts.push((c, 1)),
            }
        }
    }
    counts.into_iter().max_by_key(|x| x.1).filter(|x| x.1 * 2 > total).map(|x| x.0)
}

/// Pass `fold_container`: on a web page whose markup wraps the main story in
/// a content container (`<article>`, `<main>`, `itemprop="articleBody"`),
/// the articles the text rules cut from the same container (sections under
/// subheadings, parts split by a table of contents or an image) are the
/// story's: they fold into it, in text order, under the first one's
/// headline. Articles in a container of their own (a teaser's `<article>`
/// inside `<main>`, a comment) stay apart.
pub fn fold_container(seg: &mut Segmentation, containers: &[(usize, usize, u32)]) {
    let Some(main) = seg.articles.iter().position(|a| a.role == Role::Main) else { return };
    let Some(home) = container_of(containers, &seg.articles[main]) else { return };
    let inside: Vec<bool> = seg.articles.iter().map(|a| container_of(containers, a) == Some(home)).collect();
    fold_parts(seg, &inside);
}

/// Fold the articles marked `inside` into one, the main story, under the
/// headline of the one that starts first; the others become related.
pub(crate) fn fold_parts(seg: &mut Segmentation, inside: &[bool]) {
    if inside.iter().filter(|&&x| x).count() < 2 {
        return;
    }
    // The story is the part that starts first in the text, so that every
    // part folded into it comes after its headline.
    let first = (0..inside.len()).filter(|&i| inside[i]).min_by_key(|&i| start_of(&seg.articles[i]));
    let mut story: Option<usize> = None;
    let mut parts = Vec::new();
    for (i, a) in std::mem::take(&mut seg.articles).into_iter().enumerate() {
        if Some(i) == first {
            story = Some(seg.articles.len());
            seg.articles.push(a);
        } else if inside[i] {
            parts.push(a);
        } else {
            seg.articles.push(a);
        }
    }
    if let Some(k) = story {
        for a in parts {
            absorb(&mut seg.articles[k], a);
        }
    }
    for (k, a) in seg.articles.iter_mut().enumerate() {
        a.role = if Some(k) == story { Role::Main } else { Role::Related };
    }
    if let Some(k) = story {
        in_text_order(&mut seg.articles[k]);
    }
}

/// Put a story's paragraphs in text order after folding: the parts folded
/// in may interleave with articles left apart, and every later stage reads
/// paragraphs in text order.
fn in_text_order(story: &mut ArticleDraft) {
    story.paragraphs.sort_by_key(|p| (p.0, p.1));
    story.paragraphs.dedup_by_key(|p| p.0);
}

/// Fold article `a` into `story`: its headline becomes a body paragraph.
pub(crate) fn absorb(story: &mut ArticleDraft, a: ArticleDraft) {
    if let Some(h) = a.headline {
        story.paragraphs.push((h.0, h.1, ParagraphKind::Body));
    }
    story.paragraphs.extend(a.paragraphs);
    story.span.1 = story.span.1.max(a.span.1);
    story.source = story.source.or(a.source);
    story.published = story.published.or(a.published);
    story.byline = story.byline.or(a.byline);
}

/// How far up the tree a line's element is followed (deeper markup is rare,
/// and the bound keeps the pass linear).
const ANCESTORS: usize = 64;

/// The element of the line holding byte `pos`, if the markup gave one.
fn element_at(st: &Structure<'_>, pos: usize) -> Option<u32> {
    let i = st.elements.partition_point(|l| l.1 <= pos);
    st.elements.get(i).filter(|l| l.0 <= pos && l.2 > 0).map(|l| l.2)
}

/// An element and its ancestors, innermost first, within [`ANCESTORS`].
fn ancestors(st: &Structure<'_>, e: u32) -> Vec<u32> {
    let mut out = vec![e];
    let mut at = e;
    while out.len() < ANCESTORS {
        match st.parents.get(at as usize - 1) {
            Some(&p) if p > 0 => {
                out.push(p);
                at = p;
            }
            _ => break,
        }
    }
    out
}

/// Whether element `e` is `home` or inside it (within [`ANCESTORS`] levels).
fn descends(st: &Structure<'_>, mut e: u32, home: u32) -> bool {
    for _ in 0..ANCESTORS {
        if e == home {
            return true;
        }
        match st.parents.get((e as usize).wrapping_sub(1)) {
            Some(&p) if p > 0 => e = p,
            _ => return false,
        }
    }
    false
}

/// Pass `fold_story_element`: on a web page without a content container
/// around the story, the element that holds all of the main story's own
/// body paragraphs (their nearest common ancestor) stands for one: the
/// articles cut from inside it are the story's parts and fold into it. The
/// story needs two body paragraphs for the element to say anything.
pub fn fold_story_element(seg: &mut Segmentation, st: &Structure<'_>) {
    let Some(main) = seg.articles.iter().position(|a| a.role == Role::Main) else { return };
    let body: Vec<usize> =
        seg.articles[main].paragraphs.iter().filter(|p| p.2 == ParagraphKind::Body).map(|p| p.0).collect();
    if body.len() < 2 {
        return;
    }
    // The nearest common ancestor: the innermost of the first paragraph's
    // ancestors that every other paragraph's ancestors reach.
    let Some(first) = element_at(st, body[0]) else { return };
    let chain = ancestors(st, first);
    let mut lowest = 0;
    for &pos in &body[1..] {
        let Some(e) = element_at(st, pos) else { return };
        let up = ancestors(st, e);
        let Some(k) = chain.iter().position(|c| up.contains(c)) else { return };
        lowest = lowest.max(k);
    }
    let home = chain[lowest];
    let within = |pos: usize| element_at(st, pos).is_some_and(|e| descends(st, e, home));
    let inside: Vec<bool> = seg
        .articles
        .iter()
        .map(|a| {
            let lines: Vec<usize> = a.headline.iter().map(|h| h.0).chain(a.paragraphs.iter().map(|p| p.0)).collect();
            lines.iter().filter(|&&p| within(p)).count() * 2 > lines.len()
        })
        .collect();
    fold_parts(seg, &inside);
}

/// Pass `keep_story_items`: on a web page, a table's cells and a list's
/// items between the main story's first and last paragraphs, which the text
/// rules took for furniture (short lines), are the story's: they become its
/// paragraphs. Furniture the markup itself marks (a table of contents of
/// links, a `<nav>`) stays furniture, and so does a block with any line that
/// is not an item.
pub fn keep_story_items(seg: &mut Segmentation, items: &[(usize, usize)], hints: &[(usize, usize, BoilerplateKind)]) {
    let Some(story) = seg.articles.iter().position(|a| a.role == Role::Main) else { return };
    let body = seg.articles[story].paragraphs.iter().filter(|p| p.2 == ParagraphKind::Body);
    let (Some(first), Some(last)) = (body.clone().next().map(|p| p.0), body.clone().next_back().map(|p| p.1)) else {
        return;
    };
    // The item lines within `s..e`, if every line there is one.
    let item_lines = |s: usize, e: usize| -> Option<Vec<(usize, usize)>> {
        let lo = items.partition_point(|l| l.1 <= s);
        let inside: Vec<(usize, usize)> = items[lo..].iter().take_while(|l| l.0 < e).copied().collect();
        let covered: usize = inside.iter().map(|l| l.1 - l.0).sum();
        // (Lines are separated by one newline each.)
        let all = !inside.is_empty() && inside[0].0 == s && covered + inside.len() - 1 == e - s;
        all.then_some(inside)
    };
    let hinted = |s: usize, e: usize| {
        let i = hints.partition_point(|h| h.1 <= s);
        hints.get(i).is_some_and(|h| h.0 < e)
    };
    let mut kept = Vec::new();
    seg.boilerplate.retain(|b| {
        if b.0 < first || b.1 > last || hinted(b.0, b.1) {
            return true;
        }
        match item_lines(b.0, b.1) {
            Some(lines) => {
                kept.extend(lines);
                false
            }
            None => true,
        }
    });
    let story = &mut seg.articles[story];
    story.paragraphs.extend(kept.into_iter().map(|(s, e)| (s, e, ParagraphKind::Body)));
}

/// A page of this many articles or more, none of which holds
/// [`PARTS_MAIN_SHARE`] of their body words, is one of parts.
pub(crate) const PARTS_MIN_ARTICLES: usize = 5;
/// Percent of the articles' body words. Provenance: chosen on WCXB's fitting
/// part (issue #21) among 30 to 90% and 2 to 8 articles: all page types
/// 0.772 to 0.798, articles 0.912 to 0.923; not fitted further.
pub(crate) const PARTS_MAIN_SHARE: usize = 40;
/// Parts are short: the median article's body has at most this many words
/// (a page of several full stories keeps them apart). Provenance: chosen
/// on WCXB's fitting part among 40 to 200: 150 keeps all types at 0.797
/// and articles at 0.924; not fitted further.
pub(crate) const PARTS_MEDIAN_WORDS: usize = 150;

/// Pass `fold_page_of_parts`: a web page cut into many articles none of
/// which dominates, all of them short (a forum thread's posts, a listing's
/// items, a documentation page's sections), has them all for its main
/// content: they fold into one main article under the first one's headline.
pub fn fold_page_of_parts(text: &str, seg: &mut Segmentation) {
    if seg.articles.len() < PARTS_MIN_ARTICLES {
        return;
    }
    let Some(main) = seg.articles.iter().position(|a| a.role == Role::Main) else { return };
    let words: Vec<usize> = seg.articles.iter().map(|a| body_words(text, a)).collect();
    let total: usize = words.iter().sum();
    let mut sorted = words.clone();
    sorted.sort_unstable();
    if words[main] * 100 >= total * PARTS_MAIN_SHARE || sorted[sorted.len() / 2] > PARTS_MEDIAN_WORDS {
        return;
    }
    let inside = vec![true; seg.articles.len()];
    fold_parts(seg, &inside);
}
