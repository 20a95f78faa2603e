use lede_core::{analyze, Analysis, Error, Options, SAMPLE_ARTICLE};
use leptos::prelude::*;

use crate::articles::Articles;
use crate::input::InputPanel;
use crate::legend::Legend;
use crate::model::{ModelState, ModelStatus};
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
    /// Whether the entity model has arrived ([`crate::model`]).
    pub entity_model: RwSignal<ModelState>,
    /// The input of the document on screen while it is shown without
    /// entities, to analyse again when the model arrives.
    pub waiting: StoredValue<Option<String>>,
    /// Another document is being analysed: the one on screen is dimmed.
    pub busy: RwSignal<bool>,
}

impl AppState {
    /// Analyse `input` and make it the current document. An input over the
    /// limit leaves the document as it was and returns the error.
    pub fn load(&self, input: &str) -> Result<(), Error> {
        match run(input, self.max_bytes) {
            Ok(doc) => {
                let without_entities = !lede_core::entity_model_ready();
                self.waiting.set_value(without_entities.then(|| input.to_string()));
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

/// The options the reader and the widget analyse with: each speaker's
/// evidence asked for (the quote's card says why), and entities left for
/// later while the entity model downloads.
pub fn reader_options(max_bytes: usize) -> Options {
    Options { max_bytes, entities_may_wait: true, explain: true, ..Options::default() }
}

fn run(input: &str, max_bytes: usize) -> Result<Doc, Error> {
    let analysis = analyze(input, &reader_options(max_bytes))?;
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
    /// The page's URL, for `?src=`, `#text=` and `?theme=` (default: the
    /// window's own location).
    #[prop(optional, into)]
    location: Option<String>,
    /// The analysis worker's script, relative to the page (none: analyse on the page).
    #[prop(optional, into)]
    worker: Option<String>,
) -> impl IntoView {
    let href = location.or_else(|| web_sys::window().and_then(|w| w.location().href().ok())).unwrap_or_default();
    let source = crate::links::source(&href);
    let theme = RwSignal::new(crate::links::theme(&href).or_else(stored_theme).unwrap_or_else(|| "auto".into()));
    Effect::new(move |_| apply_theme(&theme.get()));
    let state = AppState {
        doc: RwSignal::new(Err(String::new())),
        shown: RwSignal::new(Shown::default()),
        available: RwSignal::new(Shown::default()),
        max_bytes,
        entity_model: RwSignal::new(ModelState::initial()),
        waiting: StoredValue::new(None),
        busy: RwSignal::new(false),
    };
    let _ = state.load(SAMPLE_ARTICLE);
    provide_context(state);
    crate::model::load(state, crate::model::url_beside(worker.as_deref()));
    let root = NodeRef::<leptos::html::Div>::new();
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if let Some(root) = root.get_untracked() {
            if crate::navigate::on_key(&root, &ev) {
                ev.prevent_default();
            }
        }
    });
    on_cleanup(move || keys.remove());
    // Once the analysed sample is on the page: a mark `cargo xtask bench` reads.
    Effect::new(move |_| {
        if let Some(perf) = web_sys::window().and_then(|w| w.performance()) {
            let _ = perf.mark("lede-analysed");
        }
    });
    view! {
        <div class="lede" node_ref=root>
            <a class="skip-link" href="#lede-articles" data-testid="skip-articles">"Skip to the articles"</a>
            <a class="skip-link" href="#lede-panel" data-testid="skip-panel">"Skip to the summary"</a>
            <header class="lede-header">
                <h1 class="lede-title">"Lede"</h1>
                <p class="lede-tagline">"Entities, quotes and casualty figures in scraped news, analysed in your browser."</p>
                <button
                    type="button"
                    class="btn theme-toggle"
                    data-testid="theme"
                    aria-label=move || format!("Colour theme: {} (change)", theme.get())
                    on:click=move |_| {
                        let next = match theme.get_untracked().as_str() {
                            "auto" => "light",
                            "light" => "dark",
                            _ => "auto",
                        };
                        theme.set(next.into());
                        store_theme(next);
                    }
                >
                    {move || format!("Theme: {}", theme.get())}
                </button>
            </header>
            <InputPanel initial=SAMPLE_ARTICLE.to_string() source=source worker=worker/>
            <ModelStatus/>
            <main class="lede-content">
                <Analysed/>
            </main>
        </div>
    }
}

/// What the reader and the `<lede-reader>` widget both show of a document:
/// the legend, the articles and the side panel.
#[component]
pub(crate) fn Analysed() -> impl IntoView {
    view! {
        <Legend/>
        <div class="lede-main">
            <Articles/>
            <SidePanel/>
        </div>
    }
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

fn stored_theme() -> Option<String> {
    local_storage().and_then(|s| s.get_item("lede:theme").ok().flatten())
}

fn store_theme(theme: &str) {
    if let Some(s) = local_storage() {
        let _ = s.set_item("lede:theme", theme);
    }
}

/// `data-theme` on <html> picks the colour scheme; none follows the system.
fn apply_theme(theme: &str) {
    let Some(html) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) else { return };
    let _ = match theme {
        "light" | "dark" => html.set_attribute("data-theme", theme),
        _ => html.remove_attribute("data-theme"),
    };
}
