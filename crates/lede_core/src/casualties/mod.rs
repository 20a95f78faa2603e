//! Casualty figures: a number, the category words around it in its clause,
//! its qualifier, and what it counts, whose losses and according to whom.
//!
//! Offsets are byte offsets into the analysed text.

use crate::entities::Mention;
use crate::text::numbers::{self, Number};
use crate::text::tokens::{Sentence, TokenKind};
use crate::text::view::Words;
use crate::types::{CasualtyCategory, EntityLabel, Qualifier};

mod cues;
mod figure;
mod groups;
mod sentence;
mod shot;
mod single_victims;
pub mod tally;
pub mod victims;
mod words;
pub(crate) use cues::*;
pub(crate) use figure::*;
pub(crate) use groups::*;
pub(crate) use sentence::*;
pub(crate) use shot::*;
pub(crate) use single_victims::*;
pub(crate) use victims::victim_pass;
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
    /// The pass that found it (a name in [`PASSES`]).
    pub rule: &'static str,
}
