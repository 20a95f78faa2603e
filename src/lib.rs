//! Lede's reader: a Leptos CSR app over `lede_core`.
//!
//! `App` is the whole page; each view lives in its own module.

mod app;
mod articles;
mod contrast;
#[cfg(feature = "embed")]
pub mod embed;
pub mod export;
mod highlight;
mod input;
mod legend;
pub mod links;
mod model;
mod navigate;
mod offload;
mod recent;
mod side_panel;
pub mod tally;

pub use app::{reader_options, App, Shown, MAX_BYTES};
pub use highlight::{layout, Piece};
pub use offload::OFFLOAD_BYTES;
