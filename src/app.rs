use lede_core::{analyze, Analysis, Error, Options, SAMPLE_ARTICLE};
use leptos::prelude::*;

use crate::articles::Articles;
use crate::input::InputPanel;
use crate::legend::Legend;
use crate::side_panel::SidePanel;

/// Which kinds of highlight are shown (the legend's toggles).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shown {
    pub entities: bool,
    pub quotes: bool,
    pub casualties: bool,
}

impl Default for Shown {
    fn default() -> Self {
        Self { entities: true, quotes: true, casualties: true }
    }
}

/// The analysed document shared by the views.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Doc {
    /// The text the offsets point into.
    pub text: String,
    pub analysis: Analysis,
}

/// Shared state: the current document (or the error of the last attempt),
/// the legend's toggles and the input limit.
#[derive(Clone, Copy)]
pub(crate) struct AppState {
    pub doc: RwSignal<Result<Doc, String>>,
    pub shown: RwSignal<Shown>,
    /// The kinds this reader analyses at all (an embedded reader may ask for fewer).
    pub available: RwSignal<Shown>,
    /// Inputs over this many bytes are refused, with an offer to analyse the first part.
    pub max_bytes: usize,
}

impl AppState {
    /// Analyse `input` and make it the current document. An input over the
    /// limit leaves the document as it was and returns the error.
    pub fn load(&self, input: &str) -> Result<(), Error> {
        match run(input, self.max_bytes) {
            Ok(doc) => {
                self.doc.set(Ok(doc));
                Ok(())
            }
            Err(e @ Error::TooLarge { .. }) => Err(e),
            Err(e) => {
                self.doc.set(Err(e.to_string()));
                Err(e)
            }
        }
    }
}

fn run(input: &str, max_bytes: usize) -> Result<Doc, Error> {
    let analysis = analyze(input, &Options { max_bytes, ..Options::default() })?;
    let text = analysis.text.clone().unwrap_or_else(|| input.to_string());
    Ok(Doc { text, analysis })
}

/// The reader's default input limit: 16 MiB, a few hundred articles.
pub const MAX_BYTES: usize = 16 << 20;

/// The reader: input, legend, articles and side panel, opened on the
/// built-in sample, analysed before first paint.
#[component]
pub fn App(
    /// Inputs over this many bytes are refused with an offer to analyse the first part.
    #[prop(default = MAX_BYTES)]
    max_bytes: usize,
) -> impl IntoView {
    let first = run(SAMPLE_ARTICLE, MAX_BYTES).map_err(|e| e.to_string());
    let state = AppState {
        doc: RwSignal::new(first),
        shown: RwSignal::new(Shown::default()),
        available: RwSignal::new(Shown::default()),
        max_bytes,
    };
    provide_context(state);
    view! {
        <div class="lede">
            <header class="lede-header">
                <h1 class="lede-title">"Lede"</h1>
                <p class="lede-tagline">"Entities, quotes and casualty figures in scraped news, analysed in your browser."</p>
            </header>
            <InputPanel initial=SAMPLE_ARTICLE.to_string()/>
            <Legend/>
            <div class="lede-main">
                <Articles/>
                <SidePanel/>
            </div>
        </div>
    }
}
