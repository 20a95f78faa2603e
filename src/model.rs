//! The entity model is not in the reader's wasm: it is fetched just after
//! the first paint (`embed/lede-ner-<hash>.bin`, the same file the worker and
//! the widget use, so the browser caches it once). Until it arrives the
//! reader shows each document without entities and says so; then it
//! analyses the document on screen again.

use crate::app::AppState;
use crate::input::{fetch_body, FetchError};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Where the entity model stands in this page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ModelState {
    Ready,
    Loading,
    /// It could not be fetched or read: the message says why.
    Failed(String),
}

impl ModelState {
    /// The state at start: ready when the model is built in (tests).
    pub fn initial() -> Self {
        if lede_core::entity_model_ready() {
            Self::Ready
        } else {
            Self::Loading
        }
    }
}

/// The model's URL for a page whose worker script is at `worker` (the file
/// sits beside it), else beside the page.
pub fn url_beside(worker: Option<&str>) -> String {
    let dir = worker.and_then(|w| w.rfind('/').map(|i| &w[..=i])).unwrap_or("./");
    format!("{dir}{}", lede_core::ner::MODEL_FILE)
}

async fn fetch_bytes(url: &str) -> Result<Vec<u8>, String> {
    let buf = fetch_body(url, web_sys::Response::array_buffer).await.map_err(|e| match e {
        FetchError::Network => format!("the entity model ({url}) could not be fetched"),
        FetchError::Status(code, _) => {
            format!("the entity model ({url}) could not be loaded: the server answered {code}")
        }
    })?;
    Ok(js_sys::Uint8Array::new(&buf).to_vec())
}

/// Fetch and install the model unless it is there; then analyse again the
/// document shown without entities.
pub fn load(state: AppState, url: String) {
    if state.entity_model.get_untracked() == ModelState::Ready {
        return;
    }
    spawn_local(async move {
        let result = match fetch_bytes(&url).await {
            Ok(bytes) => lede_core::install_entity_model(&bytes).map_err(|e| e.to_string()),
            Err(e) => Err(e),
        };
        match result {
            Ok(()) => {
                state.entity_model.set(ModelState::Ready);
                if let Some(input) = state.waiting.try_update_value(Option::take).flatten() {
                    let _ = state.load(&input);
                }
            }
            Err(e) => {
                state.waiting.set_value(None);
                state.entity_model.set(ModelState::Failed(e));
            }
        }
    });
}

/// A line saying entities are on their way, or why they are missing.
#[component]
pub fn ModelStatus() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        let line = match state.entity_model.get() {
            ModelState::Ready => return None,
            ModelState::Loading => "Loading the entity model: names appear in a moment.".to_string(),
            ModelState::Failed(e) => format!("Entities are off: {e}. Quotes and casualty figures are shown."),
        };
        Some(view! { <p class="lede-model-status" role="status" data-testid="model-status">{line}</p> })
    }
}
