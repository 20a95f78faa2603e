use std::collections::BTreeMap;
use wasm_bindgen::JsCast;

use lede_core::Analysis;
use leptos::prelude::*;

use crate::app::AppState;
use crate::export;

/// Entities grouped by canonical name: (name, label, mentions), most mentioned first.
fn entity_groups(a: &Analysis) -> Vec<(String, &'static str, usize)> {
    let mut m: BTreeMap<(String, &'static str), usize> = BTreeMap::new();
    for e in a.articles.iter().flat_map(|a| &a.entities) {
        *m.entry((e.canonical.clone(), e.label.as_str())).or_default() += 1;
    }
    let mut v: Vec<_> = m.into_iter().map(|((n, l), c)| (n, l, c)).collect();
    v.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.0.cmp(&b.0)));
    v
}

/// Quotes grouped by speaker (canonical name, else the mention, else unattributed).
fn quote_groups(a: &Analysis) -> Vec<(String, Vec<String>)> {
    let mut m: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for q in a.articles.iter().flat_map(|a| &a.quotes) {
        let who = q
            .speaker
            .as_ref()
            .map(|s| s.canonical.clone().unwrap_or_else(|| s.text.clone()))
            .unwrap_or_else(|| "Unattributed".to_string());
        m.entry(who).or_default().push(q.text.clone());
    }
    let mut v: Vec<_> = m.into_iter().collect();
    v.sort_by(|a, b| {
        (a.0 == "Unattributed")
            .cmp(&(b.0 == "Unattributed"))
            .then(b.1.len().cmp(&a.1.len()))
            .then_with(|| a.0.cmp(&b.0))
    });
    v
}

/// A download link whose `data:` URL is built in the page when the user
/// reaches for it (hover, focus or click), not with every analysis: a long
/// document's exports are tens of megabytes.
fn export_link(
    testid: &'static str,
    file: &'static str,
    mime: &'static str,
    content: impl Fn() -> String + Copy + 'static,
    label: &'static str,
) -> impl IntoView {
    let fill = move |ev: &web_sys::Event| {
        if let Some(a) = ev.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
            // Always the current analysis (the link may outlive one).
            let _ = a.set_attribute("href", &export::data_url(mime, &content()));
        }
    };
    view! {
        <a
            class="btn"
            data-testid=testid
            download=file
            href="#"
            on:pointerenter=move |ev: web_sys::PointerEvent| fill(&ev)
            on:focus=move |ev: web_sys::FocusEvent| fill(&ev)
            on:click=move |ev: web_sys::MouseEvent| fill(&ev)
        >
            {label}
        </a>
    }
}

/// An export of the current analysis (empty when there is none).
fn with_analysis(state: AppState, f: fn(&Analysis) -> String) -> String {
    state.doc.with_untracked(|d| d.as_ref().map(|d| f(&d.analysis)).unwrap_or_default())
}

/// Long lists are cut here, with a note of how many more there are.
const LIST_MAX: usize = 100;
/// Casualty table rows shown (all are in the CSV export).
const TABLE_MAX: usize = 200;

fn more_note(n: usize, what: &str) -> Option<impl IntoView + use<>> {
    let text = format!("… and {n} more {what} (all are in the exports)");
    (n > 0).then(|| view! { <p class="more-note">{text}</p> })
}

/// The side panel: entities with counts, quotes by speaker, casualty figures.
#[component]
pub fn SidePanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <aside class="side-panel" data-testid="side-panel" aria-label="Summary">
            {move || {
                state.doc.with(|d| {
                    let Ok(doc) = d else { return ().into_any() };
                    let a = &doc.analysis;
                    let groups = entity_groups(a);
                    let ents_more = more_note(groups.len().saturating_sub(LIST_MAX), "entities");
                    let ents = groups
                        .into_iter()
                        .take(LIST_MAX)
                        .map(|(name, label, n)| {
                            view! {
                                <li class="entity-row" data-testid="entity-row" data-label=label>
                                    <button
                                        type="button"
                                        class="hl hl-entity entity-pick"
                                        data-label=label
                                        aria-label=format!("{name}: mark its {n} mention(s) and step through them")
                                        on:click={
                                            let key = name.clone();
                                            move |ev: web_sys::MouseEvent| {
                                                let root = ev
                                                    .target()
                                                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                                                    .and_then(|t| t.closest(".lede").ok().flatten());
                                                if let Some(root) = root {
                                                    crate::navigate::select(&root, "entity", &key);
                                                }
                                            }
                                        }
                                    >
                                        {name.clone()}
                                    </button>
                                    <span class="count" data-testid="entity-count">{n}</span>
                                </li>
                            }
                        })
                        .collect_view();
                    let speakers = quote_groups(a);
                    let quotes_more = more_note(speakers.len().saturating_sub(LIST_MAX), "speakers");
                    let quotes = speakers
                        .into_iter()
                        .take(LIST_MAX)
                        .map(|(who, qs)| {
                            let items = qs.into_iter().take(LIST_MAX).map(|q| view! { <li class="quote-item">{q}</li> }).collect_view();
                            view! {
                                <li class="speaker-group" data-testid="speaker-group">
                                    <span class="speaker-name" data-testid="speaker-name">{who}</span>
                                    <ul>{items}</ul>
                                </li>
                            }
                        })
                        .collect_view();
                    // Each article's tally, named by its headline.
                    let tallies = a
                        .articles
                        .iter()
                        .enumerate()
                        .filter_map(|(i, art)| {
                            let ps = crate::tally::phrases(&art.tally);
                            (!ps.is_empty()).then(|| {
                                let name = art
                                    .headline
                                    .as_ref()
                                    .map(|h| h.text.trim().to_string())
                                    .filter(|h| !h.is_empty())
                                    .unwrap_or_else(|| format!("Article {}", i + 1));
                                let text = ps.into_iter().map(|p| p.1).collect::<Vec<_>>().join(" · ");
                                view! {
                                    <li class="tally-row" data-testid="tally-row">
                                        <span class="tally-article">{name}</span>
                                        ": "
                                        <span class="tally-counts">{text}</span>
                                    </li>
                                }
                            })
                        })
                        .collect_view();
                    let all_figures = a.articles.iter().map(|a| a.casualties.len()).sum::<usize>();
                    let figures_more = more_note(all_figures.saturating_sub(TABLE_MAX), "figures");
                    let figures = a
                        .articles
                        .iter()
                        .flat_map(|a| &a.casualties)
                        .take(TABLE_MAX)
                        .map(|c| {
                            let value = crate::highlight::figure_as_written(c);
                            view! {
                                <tr data-testid="casualty-row">
                                    <td class="num">{value}</td>
                                    <td>{c.category.as_str()}</td>
                                    <td>{c.qualifier.as_str().replace('_', " ")}</td>
                                    <td>{c.subject.clone().unwrap_or_default()}</td>
                                    <td>{c.actor.clone().unwrap_or_default()}</td>
                                    <td>{c.reported_by.clone().unwrap_or_default()}</td>
                                    <td>{c.period.clone().unwrap_or_default()}</td>
                                </tr>
                            }
                        })
                        .collect_view();
                    view! {
                        <section class="panel-section panel-export" aria-label="Export">
                            <h3>"Export"</h3>
                            {export_link("export-json", "lede-analysis.json", "application/json", move || state.doc.with_untracked(|d| d.as_ref().map(|d| export::json_document(&d.analysis, &d.text)).unwrap_or_default()), "Analysis (JSON)")}
                            " "
                            {export_link("export-casualties", "lede-casualties.csv", "text/csv", move || with_analysis(state, export::casualties_csv), "Casualties (CSV)")}
                            " "
                            {export_link("export-quotes", "lede-quotes.csv", "text/csv", move || with_analysis(state, export::quotes_csv), "Quotes (CSV)")}
                        </section>
                        <section class="panel-section">
                            <h3>"Entities"</h3>
                            <ul class="entity-list">{ents}</ul>
                            {ents_more}
                        </section>
                        <section class="panel-section">
                            <h3>"Quotes by speaker"</h3>
                            <ul class="quote-list">{quotes}</ul>
                            {quotes_more}
                        </section>
                        <section class="panel-section">
                            <h3>"Casualty tally"</h3>
                            <p class="panel-note">"Each victim counted once, per article."</p>
                            <ul class="tally-list">{tallies}</ul>
                        </section>
                        <section class="panel-section">
                            <h3>"Casualty figures"</h3>
                            <table class="casualty-table">
                                <thead>
                                    <tr>
                                        <th scope="col">"Figure"</th>
                                        <th scope="col">"Category"</th>
                                        <th scope="col">"Qualifier"</th>
                                        <th scope="col">"Subject"</th>
                                        <th scope="col">"Actor"</th>
                                        <th scope="col">"Reported by"</th>
                                        <th scope="col">"Period"</th>
                                    </tr>
                                </thead>
                                <tbody>{figures}</tbody>
                            </table>
                            {figures_more}
                        </section>
                    }
                    .into_any()
                })
            }}
        </aside>
    }
}
