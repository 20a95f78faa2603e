//! Plain-text segmentation: lines become blocks, blocks are classified from
//! their shape (length, punctuation, capitalisation, stop words, links,
//! handles, neighbours), and blocks are grouped into articles.
//!
//! All offsets here are byte offsets into the analysed text.

use crate::text::lexicon;
use crate::text::tokens::{Sentence, Token, TokenKind};
use crate::types::{BoilerplateKind, ParagraphKind, Role};

mod captions;
mod classify;
mod dateline;
mod dates;
mod decode;
mod furniture;
mod group;
mod headline;
mod main_story;
mod repeats;
mod shape;
mod standfirst;
mod subheadings;
mod subsections;
mod teasers;
pub use captions::*;
pub use classify::*;
pub use dateline::*;
pub(crate) use dates::*;
pub(crate) use decode::*;
pub(crate) use furniture::*;
pub(crate) use group::*;
pub(crate) use headline::*;
pub use main_story::*;
pub(crate) use repeats::*;
pub(crate) use shape::*;
pub(crate) use standfirst::*;
pub(crate) use subheadings::*;
pub use subsections::*;
pub(crate) use teasers::*;

pub mod blockmodel;
#[cfg(test)]
mod pass_tests;
#[cfg(test)]
mod tests;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Headline,
    SourceLabel,
    Timestamp,
    Byline,
    Body,
    Embed,
    Boilerplate(BoilerplateKind),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Block {
    pub start: usize,
    pub end: usize,
    pub kind: BlockKind,
    /// Blank lines between this block and the previous one.
    pub gap_before: usize,
    /// Kept in the body without confidence: the rules had no better place
    /// for it, or the fitted model took it for page furniture.
    pub unsure: bool,
    /// The fitted block model's probability that the line is content (body
    /// or headline), in thousandths; [`NO_MODEL`] without a model.
    pub content: u16,
}

/// [`Block::content`] when no block model is in use.
pub const NO_MODEL: u16 = u16::MAX;

/// One article found on the page (byte offsets).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleDraft {
    pub role: Role,
    pub headline: Option<(usize, usize)>,
    pub source: Option<(usize, usize)>,
    pub published: Option<(usize, usize)>,
    pub byline: Option<(usize, usize)>,
    /// The standfirst: the summary between the headline and the byline or
    /// date. It stays the first body paragraph too, so its text is analysed.
    pub standfirst: Option<(usize, usize)>,
    pub span: (usize, usize),
    pub paragraphs: Vec<(usize, usize, ParagraphKind)>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Segmentation {
    pub articles: Vec<ArticleDraft>,
    pub boilerplate: Vec<(usize, usize, BoilerplateKind)>,
    /// Lines kept in the body without confidence (see [`Block::unsure`]), in order.
    pub unsure: Vec<(usize, usize)>,
}

/// What the passes read and write: the text, the blocks the first pass
/// makes of its lines, and the segmentation the later passes refine.
pub struct Ctx<'t> {
    pub text: &'t str,
    /// The text comes from a whole web page's HTML (not pasted text).
    pub web_page: bool,
    pub blocks: Vec<Block>,
    pub seg: Segmentation,
    /// Date and source lines that no article took (from `group`).
    pub leftovers: Vec<(usize, usize)>,
    /// Furniture the markup marked (class and id names, `<nav>`, `<aside>`).
    pub hints: &'t [(usize, usize, BoilerplateKind)],
    /// The page's title (`og:title` or `<title>`).
    pub title: Option<&'t str>,
    /// What the markup says of the lines' structure (web pages only).
    pub structure: Structure<'t>,
}

impl<'t> Ctx<'t> {
    /// A context before any pass: no blocks, an empty segmentation.
    pub fn new(
        text: &'t str,
        web_page: bool,
        hints: &'t [(usize, usize, BoilerplateKind)],
        title: Option<&'t str>,
    ) -> Self {
        Self {
            text,
            web_page,
            blocks: Vec::new(),
            seg: Segmentation::default(),
            leftovers: Vec::new(),
            hints,
            title,
            structure: Structure::default(),
        }
    }
}

/// Which inputs a pass runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Runs {
    Always,
    /// Pasted text only (not a web page's HTML).
    PastedText,
    /// A whole web page's HTML only.
    WebPage,
}

/// A named pass over the segmentation.
pub type Pass = (&'static str, Runs, fn(&mut Ctx<'_>));

/// The segmentation, pass by pass in order: the order is the algorithm.
pub const PASSES: &[Pass] = &[
    // Lines to blocks: shape rules blended with the fitted block model.
    ("classify", Runs::Always, |c| c.blocks = classify(c.text, c.web_page)),
    // A short heading between two paragraphs of a pasted story stays in it.
    ("keep_subheadings", Runs::PastedText, |c| keep_subheadings(c.text, &mut c.blocks)),
    // Inside the best run of content lines, what the model finds content is body.
    ("decode_lines", Runs::PastedText, decode_lines),
    // Blocks to articles and furniture (headlines open articles).
    ("group", Runs::Always, group),
    // Headlines with one short blurb under a page with a story are links.
    ("demote_teasers", Runs::PastedText, |c| demote_teasers(c.text, &mut c.seg)),
    ("keep_leftovers", Runs::Always, keep_leftovers),
    ("cut_inline_repeats", Runs::Always, |c| cut_inline_repeats(c.text, &mut c.seg)),
    ("merge_boilerplate", Runs::Always, |c| merge_adjacent_boilerplate(c.text, &mut c.seg.boilerplate)),
    ("mark_main", Runs::Always, mark_main),
    // A whole web page puts menus and teasers before its story: there the
    // main article is the one with the most body text.
    ("apply_hints", Runs::WebPage, |c| apply_hints(c.text, &mut c.seg, c.hints)),
    // The markup's captions and credits are caption paragraphs, never a headline.
    ("mark_captions", Runs::WebPage, |c| mark_captions(c.text, &mut c.seg, c.structure.captions)),
    ("choose_main", Runs::Always, |c| choose_main(c.text, &mut c.seg, c.title)),
    // The story as the best run of content lines: the articles inside it are its parts.
    ("decode_story", Runs::PastedText, decode_story),
    // The story's sections under lower-level headings (<h2> under its <h1>)
    // fold into it, across the inline furniture between them.
    ("fold_subsections", Runs::WebPage, |c| fold_subsections(&mut c.seg, c.structure.headings)),
    ("fold_sections", Runs::Always, |c| fold_sections(c.text, &mut c.seg)),
    // The articles inside the main story's content container (<article>,
    // <main>) are its sections: they fold into it.
    ("fold_container", Runs::WebPage, |c| fold_container(&mut c.seg, c.structure.containers)),
    // Without such a container: the parts inside the element that holds all
    // of the main story's own paragraphs.
    ("fold_story_element", Runs::WebPage, |c| fold_story_element(&mut c.seg, &c.structure)),
    // A page of many parts none of which dominates (a thread, a listing):
    // its parts together are its main content.
    ("fold_page_of_parts", Runs::WebPage, |c| fold_page_of_parts(c.text, &mut c.seg)),
    // A table's cells and a list's items inside the story, which the text
    // rules took for furniture, are the story's.
    ("keep_story_items", Runs::WebPage, |c| keep_story_items(&mut c.seg, c.structure.items, c.hints)),
    // A page with text never gives no article.
    ("keep_an_article", Runs::Always, keep_an_article),
];

/// Run the passes of [`PASSES`] that apply to this input, except those named in `skip`.
pub fn run(ctx: &mut Ctx<'_>, skip: &[&str]) {
    for &(name, runs, pass) in PASSES {
        let applies = match runs {
            Runs::Always => true,
            Runs::PastedText => !ctx.web_page,
            Runs::WebPage => ctx.web_page,
        };
        if applies && !skip.contains(&name) {
            pass(ctx);
        }
    }
    keep_text_order(&mut ctx.seg);
}

/// What every later stage relies on, whatever the passes did: each
/// article's headline before its paragraphs, and the paragraphs in text
/// order without overlaps. (A headline found after a paragraph becomes a
/// paragraph; a paragraph overlapping the one before is dropped.)
pub(crate) fn keep_text_order(seg: &mut Segmentation) {
    for a in &mut seg.articles {
        if let Some(h) = a.headline.filter(|h| a.paragraphs.iter().any(|p| p.0 < h.1)) {
            a.paragraphs.push((h.0, h.1, ParagraphKind::Body));
            a.headline = None;
        }
        if a.paragraphs.windows(2).any(|w| w[1].0 < w[0].1) {
            a.paragraphs.sort_by_key(|p| (p.0, p.1));
            let mut end = 0;
            a.paragraphs.retain(|p| {
                let keep = p.0 >= end;
                if keep {
                    end = p.1;
                }
                keep
            });
        }
    }
}

/// What a web page's markup says of its lines' structure (see
/// [`crate::html::Extracted`], which fills it).
#[derive(Debug, Clone, Copy, Default)]
pub struct Structure<'a> {
    /// The lines the markup makes headings, with their levels (`<h2>` → 2).
    pub headings: &'a [(usize, usize, u8)],
    /// The lines inside a content container, with the innermost one's number.
    pub containers: &'a [(usize, usize, u32)],
    /// Every line's innermost block element, and each element's parent.
    pub elements: &'a [(usize, usize, u32)],
    pub parents: &'a [u32],
    /// The lines that are table cells or list items.
    pub items: &'a [(usize, usize)],
    /// The lines that are captions or credits.
    pub captions: &'a [(usize, usize)],
}

/// Segment `text` (pasted text, or a web page's text with its markup's
/// hints and title) with every pass. `single`: the whole text is one
/// article body ([`single`]), and only a web page's own passes run on it.
pub fn segment_page(
    text: &str,
    web_page: bool,
    single_body: bool,
    hints: &[(usize, usize, BoilerplateKind)],
    structure: Structure<'_>,
    title: Option<&str>,
) -> Segmentation {
    let mut ctx = Ctx { structure, ..Ctx::new(text, web_page, hints, title) };
    if single_body {
        ctx.seg = single(text);
        let not_page: Vec<&str> = PASSES.iter().filter(|p| p.1 != Runs::WebPage).map(|p| p.0).collect();
        run(&mut ctx, &not_page);
    } else {
        run(&mut ctx, &[]);
    }
    ctx.seg
}

/// Pasted text segmented with every pass.
#[cfg(test)]
pub fn segment(text: &str) -> Segmentation {
    segment_page(text, false, false, &[], Structure::default(), None)
}

/// Every pass but the web page's own ([`Runs::WebPage`]) and the choice of
/// the main story and its sections, which the tests call themselves.
#[cfg(test)]
pub fn segment_with(text: &str, web_page: bool) -> Segmentation {
    let mut ctx = Ctx::new(text, web_page, &[], None);
    let web_page: Vec<&str> = PASSES
        .iter()
        .filter(|p| p.1 == Runs::WebPage || matches!(p.0, "choose_main" | "fold_sections"))
        .map(|p| p.0)
        .collect();
    run(&mut ctx, &web_page);
    ctx.seg
}

/// `--single`: the whole input as one article body, one paragraph per line.
pub fn single(text: &str) -> Segmentation {
    let paragraphs: Vec<(usize, usize, ParagraphKind)> =
        lines(text).into_iter().map(|(s, e, _)| (s, e, ParagraphKind::Body)).collect();
    if paragraphs.is_empty() {
        return Segmentation::default();
    }
    let span = (paragraphs[0].0, paragraphs[paragraphs.len() - 1].1);
    Segmentation {
        articles: vec![ArticleDraft {
            role: Role::Main,
            headline: None,
            source: None,
            published: None,
            byline: None,
            standfirst: None,
            span,
            paragraphs,
        }],
        ..Segmentation::default()
    }
}
