//! Text: byte to char offsets, tokens and sentences, lowercase forms, the
//! shared token view (`view::Words`), numbers,
//! and the word lists (compiled from `lede_core/lexicon/` by `build.rs`).

pub mod lexicon;
pub mod lower;
pub mod numbers;
pub mod offsets;
pub mod tokens;
pub mod view;
