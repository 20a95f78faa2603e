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

/// A byte count for people: "16 MB", "0.5 MB", "2000 bytes".
fn megabytes(bytes: usize) -> String {
    const MB: f64 = 1024.0 * 1024.0;
    let mb = bytes as f64 / MB;
    if mb >= 10.0 {
        format!("{mb:.0} MB")
    } else if mb >= 0.1 {
        format!("{mb:.1} MB")
    } else {
        format!("{bytes} bytes")
    }
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

    // Set when the input is over the limit: the size of the first part offered.
    let offer = RwSignal::new(None::<usize>);
    let report = move |result: Result<(), lede_core::Error>| {
        offer.set(None);
        match result {
            Ok(()) => status.set(match &*state.doc.read_untracked() {
                Ok(d) => format!("{} article(s) analysed", d.analysis.articles.len()),
                Err(e) => e.clone(),
            }),
            Err(lede_core::Error::TooLarge { size, limit }) => {
                status.set(format!(
                    "This document is {}, over the reader's limit of {}. You can analyse its first part.",
                    megabytes(size),
                    megabytes(limit)
                ));
                offer.set(Some(limit));
            }
            Err(e) => status.set(e.to_string()),
        }
    };
    let analyse = move || report(state.load(&text.get_untracked()));
    let analyse_part = move || {
        if let Some(limit) = offer.get_untracked() {
            let t = text.get_untracked();
            let part = lede_core::leading_part(&t, limit);
            report(state.load(part));
            status.update(|s| s.push_str(&format!(" (the first {} of {})", megabytes(part.len()), megabytes(t.len()))));
        }
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
                {move || {
                    offer
                        .get()
                        .map(|limit| {
                            view! {
                                <button type="button" class="btn btn-primary" data-testid="analyse-part" on:click=move |_| analyse_part()>
                                    {format!("Analyse the first {}", megabytes(limit))}
                                </button>
                            }
                        })
                }}
            </div>
        </section>
    }
}
