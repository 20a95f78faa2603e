//! Pass `group`: classified blocks grouped into articles and page furniture (a state machine over the blocks).

use super::*;

/// [`segment`]; `web_page`: the text comes from a whole web page's HTML.
/// Prose after a comments heading is taken as readers' comments once the
/// article before it has two paragraphs; on a web page, four, since a
/// comment count or link ("53 Comments") often sits under a story's lead.
pub fn segment_with(text: &str, web_page: bool) -> Segmentation {
    let comments_after = if web_page { 4 } else { 2 };
    let mut blocks = classify(text);
    if !web_page {
        keep_subheadings(text, &mut blocks);
    }
    let mut seg = Segmentation::default();
    let mut cur: Option<ArticleDraft> = None;
    // Source label / timestamp seen since the last body block, waiting for a headline.
    let mut pending_source: Option<(usize, usize)> = None;
    let mut pending_time: Option<(usize, usize)> = None;
    let mut pending_date: Option<(usize, usize)> = None;

    let finish = |cur: &mut Option<ArticleDraft>, seg: &mut Segmentation| {
        if let Some(mut a) = cur.take() {
            // A teaser with no story after it (a list's item) is no standfirst.
            if a.paragraphs.len() < 2 {
                a.standfirst = None;
            }
            if let Some(last) = a.paragraphs.last() {
                a.span.1 = last.1;
                seg.articles.push(a);
            } else if let Some(h) = a.headline {
                // A headline with no body after it: a link, not an article.
                seg.boilerplate.push((h.0, h.1, BoilerplateKind::RelatedLinks));
            }
        }
    };

    // After a comments heading that follows an article's body, prose is
    // readers' comments until the next headline, source label or time.
    let mut in_comments = false;
    for (bi, b) in blocks.iter().enumerate() {
        let range = (b.start, b.end);
        // A reader's signature ("Posted by: Sam | Jan 10, 2008 4:49 PM")
        // after an article's body starts the comments, and one ending a
        // comment ("— Posted by Sam, Denver") takes that comment with it.
        if let Some(dash) = comment_signature(&text[b.start..b.end]) {
            if let Some(a) = cur.as_mut().filter(|a| a.paragraphs.len() >= 2) {
                if dash && !in_comments && a.paragraphs.len() >= 3 {
                    if let Some(p) = a.paragraphs.pop() {
                        seg.boilerplate.push((p.0, p.1, BoilerplateKind::Comments));
                    }
                }
                seg.boilerplate.push((b.start, b.end, BoilerplateKind::Comments));
                in_comments = true;
                continue;
            }
        }
        match b.kind {
            // (Comments carry their own dates, so a time does not end them.)
            // A commenter's name over a dated comment reads like a short
            // headline: it stays in the comments.
            // (So is a name over a dated comment, which reads like a source
            // label: a source label before a relative time ends them.)
            BlockKind::Headline | BlockKind::Timestamp | BlockKind::SourceLabel
                if in_comments
                    && text[b.start..b.end].split_whitespace().count() <= 3
                    && (b.kind != BlockKind::SourceLabel
                        || blocks.get(bi + 1).is_some_and(|n| is_absolute_date(&text[n.start..n.end]))) =>
            {
                seg.boilerplate.push((b.start, b.end, BoilerplateKind::Comments));
                continue;
            }
            BlockKind::Headline | BlockKind::SourceLabel => in_comments = false,
            BlockKind::Boilerplate(BoilerplateKind::Comments) => {
                in_comments = in_comments || cur.as_ref().is_some_and(|a| a.paragraphs.len() >= comments_after);
            }
            BlockKind::Body | BlockKind::Embed if in_comments => {
                seg.boilerplate.push((b.start, b.end, BoilerplateKind::Comments));
                continue;
            }
            _ => {}
        }
        match b.kind {
            BlockKind::Headline => {
                finish(&mut cur, &mut seg);
                pending_time = pending_time.or(pending_date.take());
                cur = Some(ArticleDraft {
                    role: Role::Related,
                    headline: Some(range),
                    source: pending_source.take(),
                    published: pending_time.take(),
                    byline: None,
                    standfirst: None,
                    span: (pending_source.map(|s| s.0).unwrap_or(b.start), b.end),
                    paragraphs: Vec::new(),
                });
            }
            BlockKind::SourceLabel => {
                let label = strip_dash(text, range);
                if cur.as_ref().map(|a| a.paragraphs.is_empty()).unwrap_or(false) {
                    // "- Source" after the timestamp, before the headline.
                    if let Some(a) = cur.as_mut() {
                        a.source.get_or_insert(label);
                    }
                } else {
                    pending_source = Some(label);
                }
            }
            BlockKind::Timestamp => {
                // (A date, not a relative time: "14 minutes ago" after a
                // paragraph heads the next article.)
                let after_standfirst = pending_source.is_none()
                    && is_absolute_date(&text[b.start..b.end])
                    && cur.as_mut().is_some_and(|a| standfirst(text, a));
                if let Some(a) = cur.as_mut().filter(|a| a.paragraphs.is_empty() || after_standfirst) {
                    a.published.get_or_insert(range);
                } else if is_absolute_date(&text[b.start..b.end]) && cur.is_some() {
                    // A date line within an article ("Updated March 4, 2025")
                    // waits for a headline; body after it stays in the article.
                    pending_date = Some(range);
                } else {
                    pending_time = Some(range);
                }
            }
            BlockKind::Byline => {
                if let Some(a) = cur.as_mut() {
                    standfirst(text, a);
                    a.byline.get_or_insert(range);
                } else {
                    cur = Some(new_article(range));
                    if let Some(a) = cur.as_mut() {
                        a.byline = Some(range);
                    }
                }
            }
            BlockKind::Body | BlockKind::Embed => {
                let pk = if b.kind == BlockKind::Embed { ParagraphKind::Embed } else { ParagraphKind::Body };
                if let Some((s, e)) = pending_date.take() {
                    seg.boilerplate.push((s, e, BoilerplateKind::Other));
                }
                // A pending source/time with no headline belongs to a new article.
                if pending_time.is_some() && cur.as_ref().map(|a| !a.paragraphs.is_empty()).unwrap_or(false) {
                    finish(&mut cur, &mut seg);
                }
                if b.unsure {
                    seg.unsure.push(range);
                }
                let a = cur.get_or_insert_with(|| new_article(range));
                if a.paragraphs.is_empty() {
                    a.source = a.source.or(pending_source.take());
                    a.published = a.published.or(pending_time.take());
                }
                a.paragraphs.push((b.start, b.end, pk));
            }
            BlockKind::Boilerplate(kind) => {
                seg.boilerplate.push((b.start, b.end, kind));
            }
        }
    }
    finish(&mut cur, &mut seg);
    if !web_page {
        demote_teasers(text, &mut seg);
    }
    // A date or source line that no article took is kept as furniture.
    for (s, e) in [pending_date, pending_time, pending_source].into_iter().flatten() {
        seg.boilerplate.push((s, e, BoilerplateKind::Other));
    }
    seg.boilerplate.sort_by_key(|b| b.0);
    cut_inline_repeats(text, &mut seg);
    merge_adjacent_boilerplate(text, &mut seg.boilerplate);
    // The first article with real body is the main one.
    if let Some(a) = seg.articles.iter_mut().find(|a| a.paragraphs.iter().any(|p| p.2 == ParagraphKind::Body)) {
        a.role = Role::Main;
    } else if let Some(a) = seg.articles.first_mut() {
        a.role = Role::Main;
    }
    seg
}

pub(crate) fn new_article(range: (usize, usize)) -> ArticleDraft {
    ArticleDraft {
        role: Role::Related,
        headline: None,
        source: None,
        published: None,
        byline: None,
        standfirst: None,
        span: range,
        paragraphs: Vec::new(),
    }
}

/// "- Mint" → "Mint".
pub(crate) fn strip_dash(text: &str, (s, e): (usize, usize)) -> (usize, usize) {
    let line = &text[s..e];
    let rest = line.trim_start_matches(['-', '—', '–', ' ']);
    (e - rest.len(), e)
}
