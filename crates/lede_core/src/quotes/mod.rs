//! Quotations: marks paired within a paragraph, kind, and attribution to a
//! speaker next to a speech cue.
//!
//! Offsets are byte offsets into the analysed text.

use crate::entities::Mention;
use crate::text::lexicon;
use crate::text::tokens::{Token, TokenKind};
use crate::text::view::Words;
use crate::types::{EntityLabel, QuoteKind};

mod attribute;
mod by_context;
mod context;
mod marks;
mod paragraph;
pub mod rank;
mod reporting_verb;
mod speaker;
mod words;
pub(crate) use attribute::*;
pub(crate) use by_context::*;
pub(crate) use context::*;
pub(crate) use marks::*;
pub(crate) use paragraph::*;
pub(crate) use reporting_verb::*;
pub(crate) use speaker::*;
pub(crate) use words::*;

#[cfg(test)]
mod tests;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Including the marks.
    pub start: usize,
    pub end: usize,
    pub kind: QuoteKind,
    pub speaker: Option<(usize, usize)>,
    /// The person a pronoun or surname resolves to (index into mentions).
    pub speaker_entity: Option<usize>,
    /// An unnamed person the speaker refers to ("a Russian journalist").
    pub speaker_description: Option<(usize, usize)>,
    pub cue: Option<(usize, usize)>,
    /// A paragraph of a quote that runs on into the next paragraph.
    pub open_ended: bool,
    /// The rules that gave the speaker, in order.
    pub evidence: Vec<std::borrow::Cow<'static, str>>,
}

impl<'a> ParaView<'a> {
    /// The sentence holding byte `pos`.
    fn sentence_at(&self, pos: usize) -> Option<&'a crate::text::tokens::Sentence> {
        self.sentence_index(pos).map(|i| &self.sentences[i])
    }

    /// The index of the sentence holding byte `pos` (sentences are in order:
    /// a binary search, so a paragraph of many sentences stays linear).
    fn sentence_index(&self, pos: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| self.tokens[s.end - 1].end <= pos);
        self.sentences.get(i).filter(|s| self.tokens[s.first].start <= pos).map(|_| i)
    }
}
