//! Casualty figures: a number, the category words around it in its clause,
//! its qualifier, and what it counts, whose losses and according to whom.
//!
//! Offsets are byte offsets into the analysed text.

use crate::entities::Mention;
use crate::text::numbers::{self, Number};
use crate::text::tokens::{Sentence, Token, TokenKind};
use crate::types::{CasualtyCategory, EntityLabel, Qualifier};

mod cues;
mod figure;
mod groups;
mod sentence;
mod shot;
mod single_victims;
mod words;
pub(crate) use cues::*;
pub(crate) use figure::*;
pub(crate) use groups::*;
pub(crate) use sentence::*;
pub(crate) use shot::*;
pub(crate) use single_victims::*;
pub(crate) use words::*;

#[cfg(test)]
mod tests;

#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub start: usize,
    pub end: usize,
    pub value: u64,
    pub value_max: Option<u64>,
    pub qualifier: Qualifier,
    pub category: CasualtyCategory,
    pub subject: Option<(usize, usize)>,
    pub actor: Option<(usize, usize)>,
    pub reported_by: Option<(usize, usize)>,
    pub period: Option<(usize, usize)>,
}

impl<'a> Sent<'a> {
    fn new(text: &'a str, toks: &'a [Token], s: Sentence) -> Self {
        let mut lower = String::with_capacity(
            toks.get(s.end.saturating_sub(1)).map_or(0, |t| t.end) - toks.get(s.first).map_or(0, |t| t.start),
        );
        let mut ends = Vec::with_capacity(s.end - s.first);
        for t in &toks[s.first..s.end] {
            lower.push_str(&crate::text::tokens::lower(t.text(text)));
            ends.push(lower.len());
        }
        Self { first: s.first, end: s.end, text, toks, lower, ends }
    }

    /// Token `k` in lowercase (any token of the paragraph).
    #[inline(never)]
    fn lower(&self, k: usize) -> crate::text::tokens::Lower<'_> {
        match k.checked_sub(self.first).filter(|&i| i < self.ends.len()) {
            Some(i) => {
                let a = if i == 0 { 0 } else { self.ends[i - 1] };
                crate::text::tokens::Lower::Borrowed(&self.lower[a..self.ends[i]])
            }
            None => crate::text::tokens::lower(self.toks[k].text(self.text)),
        }
    }
}
