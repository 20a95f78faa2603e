use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::app::{AppState, Doc};
use crate::links::Source;
use crate::offload::{Event, Offload, OFFLOAD_BYTES, RELEASE_AFTER_BYTES};
use crate::recent::{self, Recent};

/// Resolves in a later task of the page's event loop.
async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let later = web_sys::window().map(|w| w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0));
        if !matches!(later, Some(Ok(_))) {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Why a fetch gave nothing.
pub(crate) enum FetchError {
    /// No answer, or a body that could not be read.
    Network,
    /// The server answered with this status and its text.
    Status(u16, String),
}

/// Fetch `url` and read its body with `body` (`Response::text`,
/// `Response::array_buffer`).
pub(crate) async fn fetch_body(
    url: &str,
    body: fn(&web_sys::Response) -> Result<js_sys::Promise, wasm_bindgen::JsValue>,
) -> Result<wasm_bindgen::JsValue, FetchError> {
    let window = web_sys::window().ok_or(FetchError::Network)?;
    let resp = JsFuture::from(window.fetch_with_str(url)).await.map_err(|_| FetchError::Network)?;
    let resp: web_sys::Response = resp.dyn_into().map_err(|_| FetchError::Network)?;
    if !resp.ok() {
        return Err(FetchError::Status(resp.status(), resp.status_text()));
    }
    JsFuture::from(body(&resp).map_err(|_| FetchError::Network)?).await.map_err(|_| FetchError::Network)
}

/// Fetch a document named by the page's URL (`?src=`): only that URL.
async fn fetch_text(url: &str) -> Result<String, String> {
    let text = fetch_body(url, web_sys::Response::text).await.map_err(|e| match e {
        FetchError::Network => format!(
            "Lede could not fetch {url}: a network error, or the site does not let other pages read it (CORS). \
             Save the page and open the file instead."
        ),
        FetchError::Status(code, text) => format!("Lede could not load {url}: the server answered {code} {text}"),
    })?;
    text.as_string().ok_or_else(|| format!("{url} is not text"))
}

/// Read a dropped or picked file as text.
async fn read_file(file: web_sys::File) -> Result<String, String> {
    let name = file.name();
    let value = JsFuture::from(file.text()).await.map_err(|_| format!("could not read {name}"))?;
    value.as_string().ok_or_else(|| format!("{name} is not text"))
}

/// What the reader says when an analysis crashed inside Lede.
pub const CRASHED: &str = "Lede stopped while analysing this document: an internal error, not your input's fault. \
The document on screen is the last one analysed. Try again, or report the input.";

/// A byte count for people: "16 MB", "0.5 MB", "2000 bytes".
/// (Integer arithmetic: float formatting would add 5 KB of wasm.)
fn megabytes(bytes: usize) -> String {
    const MB: usize = 1024 * 1024;
    let tenths = (bytes.saturating_mul(10) + MB / 2) / MB;
    if bytes >= 10 * MB {
        format!("{} MB", (bytes + MB / 2) / MB)
    } else if tenths >= 1 {
        format!("{}.{} MB", tenths / 10, tenths % 10)
    } else {
        format!("{bytes} bytes")
    }
}

/// The input area: paste, drop a file, open a file, load the sample.
#[component]
pub fn InputPanel(
    /// The text the input area starts with.
    initial: String,
    /// A document named by the page's URL, opened at once.
    source: Option<Source>,
    /// The analysis worker's script (long inputs are analysed there).
    worker: Option<String>,
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
    let recents = RwSignal::new(recent::load());
    let remember = move |t: &str| {
        if t != lede_core::SAMPLE_ARTICLE {
            // Named by the main article's headline, as the reader shows it.
            let headline = state.doc.with_untracked(|d| d.as_ref().ok().and_then(|d| recent::headline(&d.analysis)));
            recents.update(|list| *list = recent::push(std::mem::take(list), t, headline.as_deref()));
            recent::save(&recents.get_untracked());
        }
    };
    let on_main_thread = move |t: &str| {
        let result = state.load(t);
        if result.is_ok() {
            remember(t);
        }
        report(result);
    };
    // Long inputs go to the worker, started on first use.
    let worker_url = StoredValue::new(worker);
    let offload = StoredValue::new_local(None::<Offload>);
    let worker_failed = RwSignal::new(false);
    // Drop the worker (it is not used again; the next long input starts a
    // new one), in a task after the one reading its answer.
    let release_worker = move || {
        spawn_local(async move {
            next_task().await;
            offload.set_value(None);
        })
    };
    let progress = RwSignal::new(None::<f64>);
    // The document on screen is dimmed while another is analysed.
    Effect::new(move |_| state.busy.set(progress.with(Option::is_some)));
    let analyse = move || {
        let t = text.get_untracked();
        let long = t.len() >= OFFLOAD_BYTES && t.len() <= state.max_bytes;
        if long && !worker_failed.get_untracked() && offload.with_value(Option::is_none) {
            let started = worker_url.get_value().and_then(|u| Offload::start(&u));
            worker_failed.set(started.is_none());
            offload.set_value(started);
        }
        if !long || worker_failed.get_untracked() {
            on_main_thread(&t);
            return;
        }
        progress.set(Some(0.0));
        offer.set(None);
        status.set(format!("Analysing {} in the background…", megabytes(t.len())));
        let handler = move |event: Event| match event {
            Event::Progress(p) => progress.set(Some(p)),
            Event::Done(Ok(analysis), memory) => {
                // Drawing gets a task of its own, after the one that read
                // the worker's answer, so the page is never held for both.
                spawn_local(async move {
                    next_task().await;
                    progress.set(None);
                    let t = text.get_untracked();
                    let shown = analysis.text.clone().unwrap_or_else(|| t.clone());
                    state.doc.set(Ok(Doc { text: shown, analysis }));
                    remember(&t);
                    report(Ok(()));
                    // After a large input the worker goes, and the memory it grew to with it.
                    if t.len() >= RELEASE_AFTER_BYTES {
                        offload.set_value(None);
                        let held = memory.map(|m| format!(" held {} and", megabytes(m as usize))).unwrap_or_default();
                        status.update(|s| s.push_str(&format!(" in the background (the worker{held} was released)")));
                    }
                });
            }
            Event::Done(Err(e), _) => {
                progress.set(None);
                status.set(e);
                // A worker that failed is not used again.
                release_worker();
            }
            Event::Crashed => {
                // The document on screen stays; the next analysis gets a new worker.
                progress.set(None);
                status.set(CRASHED.to_string());
                release_worker();
            }
            Event::Unavailable => {
                // No worker here: analyse on the page instead.
                progress.set(None);
                worker_failed.set(true);
                on_main_thread(&text.get_untracked());
                if status.get_untracked().ends_with("analysed") {
                    status.update(|s| s.push_str(" on this page (no background worker could start)"));
                }
            }
        };
        offload.with_value(|o| {
            if let Some(o) = o {
                o.analyse(&t, state.max_bytes, handler);
            }
        });
    };
    match source {
        Some(Source::Text(t)) => {
            text.set(t);
            analyse();
        }
        Some(Source::Fetch(url)) => {
            status.set(format!("Loading {url}…"));
            spawn_local(async move {
                match fetch_text(&url).await {
                    Ok(t) => {
                        text.set(t);
                        analyse();
                    }
                    Err(e) => status.set(e),
                }
            });
        }
        None => {}
    }
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
                    progress
                        .get()
                        .map(|p| {
                            view! {
                                <progress class="input-progress" data-testid="progress" max="1" prop:value=p aria-label="Analysis progress">
                                    {format!("{}%", (p * 100.0).round() as u32)}
                                </progress>
                                <button
                                    type="button"
                                    class="btn"
                                    data-testid="cancel"
                                    on:click=move |_| {
                                        // The worker goes with its work; the next long input starts a new one.
                                        offload.set_value(None);
                                        progress.set(None);
                                        status.set(
                                            "Analysis cancelled. The document on screen is the last one analysed.".into(),
                                        );
                                    }
                                >
                                    "Cancel"
                                </button>
                            }
                        })
                }}
                {move || {
                    let list = recents.get();
                    (!list.is_empty())
                        .then(|| {
                            let items = list
                                .into_iter()
                                .map(|Recent { title, text: t }| {
                                    view! {
                                        <li>
                                            <button
                                                type="button"
                                                class="link-button"
                                                data-testid="recent-item"
                                                on:click=move |_| {
                                                    text.set(t.clone());
                                                    analyse();
                                                }
                                            >
                                                {title}
                                            </button>
                                        </li>
                                    }
                                })
                                .collect_view();
                            view! {
                                <details class="recent" data-testid="recent">
                                    <summary>"Recent documents"</summary>
                                    <p class="recent-note">"Kept in this browser only; never sent anywhere."</p>
                                    <ul>{items}</ul>
                                    <button
                                        type="button"
                                        class="btn"
                                        data-testid="recent-clear"
                                        on:click=move |_| {
                                            recent::clear();
                                            recents.set(Vec::new());
                                        }
                                    >
                                        "Clear recent documents"
                                    </button>
                                </details>
                            }
                        })
                }}
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
