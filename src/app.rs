use lede_core::{analyze, Analysis, Options, SAMPLE_ARTICLE};
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

/// Shared state: the current document (or the error of the last attempt)
/// and the legend's toggles.
#[derive(Clone, Copy)]
pub(crate) struct AppState {
    pub doc: RwSignal<Result<Doc, String>>,
    pub shown: RwSignal<Shown>,
}

impl AppState {
    /// Analyse `input` and make it the current document.
    pub fn load(&self, input: &str) {
        self.doc.set(run(input));
    }
}

fn run(input: &str) -> Result<Doc, String> {
    let analysis = analyze(input, &Options::default()).map_err(|e| e.to_string())?;
    let text = analysis.text.clone().unwrap_or_else(|| input.to_string());
    Ok(Doc { text, analysis })
}

/// The reader: input, legend, articles and side panel, opened on the
/// built-in sample, analysed before first paint.
#[component]
pub fn App() -> impl IntoView {
    let state = AppState { doc: RwSignal::new(run(SAMPLE_ARTICLE)), shown: RwSignal::new(Shown::default()) };
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
