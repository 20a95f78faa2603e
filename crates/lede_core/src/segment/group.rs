//! Pass `group`: classified blocks grouped into articles and page furniture,
//! a state machine over the blocks in order.

use super::*;

/// Prose after a comments heading is taken as readers' comments once the
/// article before it has this many paragraphs (pasted text)…
const COMMENTS_AFTER_TEXT: usize = 2;
/// …and on a web page four, since a comment count or link ("53 Comments")
/// often sits under a story's lead.
/// Provenance: both were literals in the grouping loop (named in commit
/// 6ae0890), hand-set while reading L3S-GN1 pages and the seeds; not fitted
/// (issue #21 is to learn them).
const COMMENTS_AFTER_PAGE: usize = 4;

/// The grouping's state as it walks the blocks.
#[derive(Default)]
struct Grouping {
    cur: Option<ArticleDraft>,
    /// Source label / timestamp seen since the last body block, waiting for a headline.
    pending_source: Option<(usize, usize)>,
    pending_time: Option<(usize, usize)>,
    pending_date: Option<(usize, usize)>,
    /// After a comments heading that follows an article's body, prose is
    /// readers' comments until the next headline, source label or time.
    in_comments: bool,
}

impl Grouping {
    /// Close the article being built: into the articles when it has body,
    /// else its headline is a link.
    fn finish(&mut self, seg: &mut Segmentation) {
        if let Some(mut a) = self.cur.take() {
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
    }

    /// Readers' comments: a signature, a short line inside them, prose after
    /// a comments heading. True when the block was taken as comments.
    fn comments(&mut self, text: &str, blocks: &[Block], bi: usize, web_page: bool, seg: &mut Segmentation) -> bool {
        let b = &blocks[bi];
        // A reader's signature ("Posted by: Sam | Jan 10, 2008 4:49 PM")
        // after an article's body starts the comments, and one ending a
        // comment ("— Posted by Sam, Denver") takes that comment with it.
        if let Some(dash) = comment_signature(&text[b.start..b.end]) {
            if let Some(a) = self.cur.as_mut().filter(|a| a.paragraphs.len() >= 2) {
                if dash && !self.in_comments && a.paragraphs.len() >= 3 {
                    if let Some(p) = a.paragraphs.pop() {
                        seg.boilerplate.push((p.0, p.1, BoilerplateKind::Comments));
                    }
                }
                seg.boilerplate.push((b.start, b.end, BoilerplateKind::Comments));
                self.in_comments = true;
                return true;
            }
        }
        let comments_after = if web_page { COMMENTS_AFTER_PAGE } else { COMMENTS_AFTER_TEXT };
        match b.kind {
            // (Comments carry their own dates, so a time does not end them.)
            // A commenter's name over a dated comment reads like a short
            // headline: it stays in the comments.
            // (So is a name over a dated comment, which reads like a source
            // label: a source label before a relative time ends them.)
            BlockKind::Headline | BlockKind::Timestamp | BlockKind::SourceLabel
                if self.in_comments
                    && text[b.start..b.end].split_whitespace().count() <= 3
                    && (b.kind != BlockKind::SourceLabel
                        || blocks.get(bi + 1).is_some_and(|n| is_absolute_date(&text[n.start..n.end]))) =>
            {
                seg.boilerplate.push((b.start, b.end, BoilerplateKind::Comments));
                return true;
            }
            BlockKind::Headline | BlockKind::SourceLabel => self.in_comments = false,
            BlockKind::Boilerplate(BoilerplateKind::Comments) => {
                self.in_comments =
                    self.in_comments || self.cur.as_ref().is_some_and(|a| a.paragraphs.len() >= comments_after);
            }
            BlockKind::Body | BlockKind::Embed if self.in_comments => {
                seg.boilerplate.push((b.start, b.end, BoilerplateKind::Comments));
                return true;
            }
            _ => {}
        }
        false
    }

    fn headline(&mut self, b: &Block, seg: &mut Segmentation) {
        self.finish(seg);
        self.pending_time = self.pending_time.or(self.pending_date.take());
        self.cur = Some(ArticleDraft {
            role: Role::Related,
            headline: Some((b.start, b.end)),
            source: self.pending_source.take(),
            published: self.pending_time.take(),
            byline: None,
            standfirst: None,
            span: (self.pending_source.map(|s| s.0).unwrap_or(b.start), b.end),
            paragraphs: Vec::new(),
        });
    }

    fn source_label(&mut self, text: &str, b: &Block) {
        let label = strip_dash(text, (b.start, b.end));
        if self.cur.as_ref().map(|a| a.paragraphs.is_empty()).unwrap_or(false) {
            // "- Source" after the timestamp, before the headline.
            if let Some(a) = self.cur.as_mut() {
                a.source.get_or_insert(label);
            }
        } else {
            self.pending_source = Some(label);
        }
    }

    fn timestamp(&mut self, text: &str, b: &Block) {
        let range = (b.start, b.end);
        // (A date, not a relative time: "14 minutes ago" after a
        // paragraph heads the next article.)
        let after_standfirst = self.pending_source.is_none()
            && is_absolute_date(&text[b.start..b.end])
            && self.cur.as_mut().is_some_and(|a| standfirst(text, a));
        if let Some(a) = self.cur.as_mut().filter(|a| a.paragraphs.is_empty() || after_standfirst) {
            a.published.get_or_insert(range);
        } else if is_absolute_date(&text[b.start..b.end]) && self.cur.is_some() {
            // A date line within an article ("Updated March 4, 2025")
            // waits for a headline; body after it stays in the article.
            self.pending_date = Some(range);
        } else {
            self.pending_time = Some(range);
        }
    }

    fn byline(&mut self, text: &str, b: &Block) {
        let range = (b.start, b.end);
        if let Some(a) = self.cur.as_mut() {
            standfirst(text, a);
            a.byline.get_or_insert(range);
        } else {
            self.cur = Some(new_article(range));
            if let Some(a) = self.cur.as_mut() {
                a.byline = Some(range);
            }
        }
    }

    fn body(&mut self, b: &Block, seg: &mut Segmentation) {
        let range = (b.start, b.end);
        let pk = if b.kind == BlockKind::Embed { ParagraphKind::Embed } else { ParagraphKind::Body };
        if let Some((s, e)) = self.pending_date.take() {
            seg.boilerplate.push((s, e, BoilerplateKind::Other));
        }
        // A pending source/time with no headline belongs to a new article.
        if self.pending_time.is_some() && self.cur.as_ref().map(|a| !a.paragraphs.is_empty()).unwrap_or(false) {
            self.finish(seg);
        }
        if b.unsure {
            seg.unsure.push(range);
        }
        let a = self.cur.get_or_insert_with(|| new_article(range));
        if a.paragraphs.is_empty() {
            a.source = a.source.or(self.pending_source.take());
            a.published = a.published.or(self.pending_time.take());
        }
        a.paragraphs.push((b.start, b.end, pk));
    }
}

/// Pass `group`: the blocks walked in order into articles (a headline opens
/// one, body joins the open one) and furniture; the date and source lines no
/// article took wait in `ctx.leftovers` for [`keep_leftovers`].
pub(crate) fn group(ctx: &mut Ctx<'_>) {
    let (text, blocks, seg) = (ctx.text, &ctx.blocks, &mut ctx.seg);
    let mut g = Grouping::default();
    for (bi, b) in blocks.iter().enumerate() {
        if g.comments(text, blocks, bi, ctx.web_page, seg) {
            continue;
        }
        match b.kind {
            BlockKind::Headline => g.headline(b, seg),
            BlockKind::SourceLabel => g.source_label(text, b),
            BlockKind::Timestamp => g.timestamp(text, b),
            BlockKind::Byline => g.byline(text, b),
            BlockKind::Body | BlockKind::Embed => g.body(b, seg),
            BlockKind::Boilerplate(kind) => seg.boilerplate.push((b.start, b.end, kind)),
        }
    }
    g.finish(seg);
    ctx.leftovers = [g.pending_date, g.pending_time, g.pending_source].into_iter().flatten().collect();
}

/// Pass `keep_leftovers`: a date or source line that no article took is
/// kept as furniture; the furniture is put in text order.
pub(crate) fn keep_leftovers(ctx: &mut Ctx<'_>) {
    for &(s, e) in &ctx.leftovers {
        ctx.seg.boilerplate.push((s, e, BoilerplateKind::Other));
    }
    ctx.seg.boilerplate.sort_by_key(|b| b.0);
}

/// Pass `mark_main`: the first article with real body is the main one.
pub(crate) fn mark_main(ctx: &mut Ctx<'_>) {
    let seg = &mut ctx.seg;
    if let Some(a) = seg.articles.iter_mut().find(|a| a.paragraphs.iter().any(|p| p.2 == ParagraphKind::Body)) {
        a.role = Role::Main;
    } else if let Some(a) = seg.articles.first_mut() {
        a.role = Role::Main;
    }
}

pub(crate) fn strip_dash(text: &str, (s, e): (usize, usize)) -> (usize, usize) {
    let line = &text[s..e];
    let rest = line.trim_start_matches(['-', '—', '–', ' ']);
    (e - rest.len(), e)
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
