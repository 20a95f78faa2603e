use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::app::AppState;

/// Read a dropped or picked file as text.
async fn read_file(file: web_sys::File) -> Result<String, String> {
    let name = file.name();
    let value = JsFuture::from(file.text()).await.map_err(|_| format!("could not read {name}"))?;
    value.as_string().ok_or_else(|| format!("{name} is not text"))
}

/// The input area: paste, drop a file, open a file, load the sample.
#[component]
pub fn InputPanel(
    /// The text the input area starts with.
    initial: String,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let text = RwSignal::new(initial);
    let dragging = RwSignal::new(false);
    let status = RwSignal::new(String::new());

    let analyse = move || {
        let t = text.get_untracked();
        state.load(&t);
        status.set(match &*state.doc.read_untracked() {
            Ok(d) => format!("{} article(s) analysed", d.analysis.articles.len()),
            Err(e) => e.clone(),
        });
    };
    let take_file = move |file: web_sys::File| {
        spawn_local(async move {
            match read_file(file).await {
                Ok(t) => {
                    text.set(t);
                    analyse();
                }
                Err(e) => status.set(e),
            }
        });
    };
    let on_drop = move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        if let Some(file) = ev.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)) {
            take_file(file);
        }
    };
    let on_pick = move |ev: web_sys::Event| {
        let input = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
        if let Some(file) = input.and_then(|i| i.files()).and_then(|f| f.get(0)) {
            take_file(file);
        }
    };
    view! {
        <section class="input" data-testid="input" aria-label="Document to analyse">
            <label class="input-label" for="lede-input-text">"Paste a news page (text or HTML), or drop a file here"</label>
            <textarea
                id="lede-input-text"
                class="input-text"
                class:dragging=move || dragging.get()
                rows="8"
                spellcheck="false"
                prop:value=move || text.get()
                on:input=move |ev| text.set(event_target_value(&ev))
                on:dragover=move |ev: web_sys::DragEvent| {
                    ev.prevent_default();
                    dragging.set(true);
                }
                on:dragleave=move |_| dragging.set(false)
                on:drop=on_drop
            ></textarea>
            <div class="input-actions">
                <button type="button" class="btn btn-primary" data-testid="analyse" on:click=move |_| analyse()>"Analyse"</button>
                <label class="btn">
                    "Open file…"
                    <input type="file" class="visually-hidden" accept=".txt,.html,.htm,text/plain,text/html" on:change=on_pick/>
                </label>
                <button
                    type="button"
                    class="btn"
                    data-testid="load-sample"
                    on:click=move |_| {
                        text.set(lede_core::SAMPLE_ARTICLE.to_string());
                        analyse();
                    }
                >"Load sample"</button>
                <span class="input-status" role="status" data-testid="status">{move || status.get()}</span>
            </div>
        </section>
    }
}
