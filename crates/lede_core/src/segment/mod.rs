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
mod furniture;
mod group;
mod headline;
mod main_story;
mod repeats;
mod shape;
mod standfirst;
mod subheadings;
mod teasers;
pub use captions::*;
pub use classify::*;
pub use dateline::*;
pub(crate) use dates::*;
pub(crate) use furniture::*;
pub use group::*;
pub(crate) use headline::*;
pub use main_story::*;
pub(crate) use repeats::*;
pub(crate) use shape::*;
pub(crate) use standfirst::*;
pub(crate) use subheadings::*;
pub(crate) use teasers::*;

pub mod blockmodel;
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
}

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

/// Group classified blocks into articles and page furniture.
#[cfg(test)]
pub fn segment(text: &str) -> Segmentation {
    segment_with(text, false)
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
