//! Entity spans (first version: capitalisation runs, titles, closed word
//! lists and in-document evidence) and grouping into canonical names.
//!
//! Offsets are byte offsets into the analysed text.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::text::tokens::{Sentence, Token};
use crate::types::EntityLabel;
use ner::{Model, ModelError};

pub mod ner;

mod canonical;
mod find;
mod headline;
mod names;
mod orgs;
pub use canonical::*;
pub use find::*;
pub use headline::*;
pub(crate) use names::*;
pub(crate) use orgs::*;

#[cfg(test)]
mod tests;
