//! Lede's analysis core: from a scraped news page (plain text or HTML) to
//! articles with entities, quotes and casualty figures.
//!
//! Pure Rust with no web or I/O dependencies, so the same code runs natively
//! (CLI), in the browser (Leptos app) and behind the JS API. The one entry
//! point is [`analyze`]; its output is the contract in [`types`].

mod casualties;
pub mod entities;
pub mod html;
mod output;
mod pipeline;
mod quotes;
pub mod segment;
#[cfg(any(test, feature = "testkit"))]
pub mod testkit;
pub mod text;
pub mod types;

pub use casualties::victims;
pub use entities::ner;
pub use entities::{install_model as install_entity_model, model_ready as entity_model_ready};
pub use quotes::rank as quotes_rank;
pub use segment::blockmodel;
#[cfg(any(test, feature = "testkit"))]
pub use testkit::{adversarial, corpus, fuzzing};
pub use types::*;

use pipeline::{analyze_with, Profile};

/// The built-in sample article: fictional, written for Lede, marked as a
/// sample, and long enough to show every kind of highlight.
pub const SAMPLE_ARTICLE: &str = include_str!("sample.txt");

/// The version written into every analysis.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// How to read the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum InputMode {
    Text,
    Html,
    /// HTML when the input looks like markup, else text.
    #[default]
    Auto,
}

impl std::str::FromStr for InputMode {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        match s {
            "text" => Ok(Self::Text),
            "html" => Ok(Self::Html),
            "auto" => Ok(Self::Auto),
            other => Err(Error::BadOption(format!("input kind must be text, html or auto, not {other:?}"))),
        }
    }
}

/// Options for [`analyze`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    pub input: InputMode,
    /// Treat the whole input as one article body (no segmentation).
    pub single: bool,
    /// Inputs longer than this many bytes are refused with [`Error::TooLarge`].
    pub max_bytes: usize,
    /// Say which rules gave each quote's speaker (`speaker_evidence`).
    pub explain: bool,
    /// Analyse without entities when no entity model is loaded yet (the
    /// reader does this while the model downloads, then analyses again),
    /// rather than failing with [`Error::Model`].
    pub entities_may_wait: bool,
}

/// The default input limit: 64 MiB.
pub const DEFAULT_MAX_BYTES: usize = 64 << 20;

impl Default for Options {
    fn default() -> Self {
        Self {
            input: InputMode::Auto,
            single: false,
            max_bytes: DEFAULT_MAX_BYTES,
            explain: false,
            entities_may_wait: false,
        }
    }
}

/// Why an input could not be analysed. Messages say what to do.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    #[error("the input is empty: paste or open a news article (plain text or HTML)")]
    Empty,
    #[error("the page has no text to read without its scripts (it is built by them): open it in a browser, select all, copy and paste the text")]
    NoPageText,
    #[error("the input looks like binary data, not text or HTML ({control} control bytes in the first {sampled}); open a .txt or .html file")]
    Binary { control: usize, sampled: usize },
    #[error("the input is not UTF-8 text (invalid byte at offset {offset}); save it as UTF-8 and try again")]
    NotUtf8 { offset: usize },
    #[error("the input is {size} bytes, over the limit of {limit} bytes; analyse a shorter part or raise the limit")]
    TooLarge { size: usize, limit: usize },
    #[error("bad option: {0}")]
    BadOption(String),
    #[error(transparent)]
    Model(#[from] ner::ModelError),
}

/// The words of a text as the analysis tokenizes it (for training models
/// on the same tokens the runtime sees).
pub fn words(text: &str) -> Vec<&str> {
    let mut toks = Vec::new();
    text::tokens::tokenize(text, 0, &mut toks);
    toks.iter().map(|t| t.text(text)).collect()
}

/// The first part of `text` that fits in `max_bytes`, for analysing an
/// input over the limit: it ends at the last paragraph break in the second
/// half of the allowance, else at the last line break there, else at a char
/// boundary (never inside a character).
pub fn leading_part(text: &str, max_bytes: usize) -> &str {
    if text.len() <= max_bytes {
        return text;
    }
    let mut cut = max_bytes;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &text[..cut];
    let half = cut / 2;
    let at = |pat: &str| head.rfind(pat).filter(|&i| i >= half).map(|i| i + pat.len());
    &text[..at("\n\n").or_else(|| at("\n")).unwrap_or(cut)]
}

/// Analyse raw bytes: checks UTF-8 first, then calls [`analyze`].
pub fn analyze_bytes(input: &[u8], options: &Options) -> Result<Analysis, Error> {
    if input.len() > options.max_bytes {
        return Err(Error::TooLarge { size: input.len(), limit: options.max_bytes });
    }
    check_binary(input)?;
    let text = std::str::from_utf8(input).map_err(|e| Error::NotUtf8 { offset: e.valid_up_to() })?;
    analyze(text, options)
}

/// Binary data: control bytes (NUL among them) over a tenth of the first
/// 8 KB, or NULs over a hundredth. A stray NUL in a saved page is not enough.
pub(crate) fn check_binary(input: &[u8]) -> Result<(), Error> {
    let sample = &input[..input.len().min(8192)];
    let nul = sample.iter().filter(|&&b| b == 0).count();
    let control = sample.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c)).count();
    if control * 10 > sample.len() || nul * 100 > sample.len() {
        return Err(Error::Binary { control, sampled: sample.len() });
    }
    Ok(())
}

/// Analyse a document: segment it into articles and boilerplate, and find
/// entities, quotes and casualty figures in each article.
pub fn analyze(input: &str, options: &Options) -> Result<Analysis, Error> {
    analyze_with(input, options, &mut Profile::default())
}

/// Time spent in each stage of one analysis, in the clock's units.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct StageTimes {
    pub html: f64,
    pub segment: f64,
    pub tokens: f64,
    pub entities: f64,
    pub quotes: f64,
    pub casualties: f64,
    pub output: f64,
}

impl StageTimes {
    /// The stages by name, in pipeline order.
    pub fn named(&self) -> [(&'static str, f64); 7] {
        [
            ("html", self.html),
            ("segment", self.segment),
            ("tokens", self.tokens),
            ("entities", self.entities),
            ("quotes", self.quotes),
            ("casualties", self.casualties),
            ("output", self.output),
        ]
    }
}

/// [`analyze`], also timing each stage with `clock` (any monotonic clock:
/// `Instant` natively, `performance.now()` in a browser).
pub fn analyze_profiled(
    input: &str,
    options: &Options,
    clock: &dyn Fn() -> f64,
) -> Result<(Analysis, StageTimes), Error> {
    let mut p = Profile { clock: Some(clock), last: clock(), times: StageTimes::default(), progress: None };
    let a = analyze_with(input, options, &mut p)?;
    Ok((a, p.times))
}

/// [`analyze`], telling `progress` the share of the text done (0 to 1)
/// after each article, for a progress bar on long inputs.
pub fn analyze_with_progress(input: &str, options: &Options, progress: &mut dyn FnMut(f64)) -> Result<Analysis, Error> {
    let mut p = Profile { progress: Some(progress), ..Profile::default() };
    analyze_with(input, options, &mut p)
}
