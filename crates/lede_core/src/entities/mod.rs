//! Entities: the trained tagger over each paragraph, then the passes over
//! its mentions ([`PASSES`]: merge_org_heads, split_given_names, harmonise),
//! names in the headline kept where the body attests them, and grouping
//! into canonical names.
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
