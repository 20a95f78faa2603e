use std::collections::BTreeMap;
use wasm_bindgen::JsCast;

use lede_core::{Analysis, Article, EntityLabel, Role};
use leptos::prelude::*;

use crate::app::AppState;
use crate::export;

/// Which articles the panel sums up: the main one (the default), one
/// chosen, or the whole page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    Main,
    Article(usize),
    Page,
}

/// The articles in `scope` with their indexes (the main one is the page's
/// first article when none is marked main; a chosen index past the end is the main one).
pub fn in_scope(a: &Analysis, scope: Scope) -> Vec<(usize, &Article)> {
    let main = a.articles.iter().position(|x| x.role == Role::Main).unwrap_or(0);
    match scope {
        Scope::Page => a.articles.iter().enumerate().collect(),
        Scope::Article(i) if i < a.articles.len() => vec![(i, &a.articles[i])],
        _ => a.articles.get(main).map(|x| (main, x)).into_iter().collect(),
    }
}

/// An article's name in the panel: its headline, else its place.
fn article_name(i: usize, art: &Article) -> String {
    art.headline
        .as_ref()
        .map(|h| h.text.trim().to_string())
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| format!("Article {}", i + 1))
}

/// One row of the entity list: a canonical name, the type most of its
/// mentions have, the other types some have, and the count.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntityGroup {
    pub name: String,
    pub label: &'static str,
    pub also: Vec<&'static str>,
    pub count: usize,
}

/// Entities grouped by canonical name across types (the majority type wins,
/// ties to the first of PER, ORG, LOC, MISC), most mentioned first.
pub fn entity_groups(arts: &[(usize, &Article)]) -> Vec<EntityGroup> {
    let mut m: BTreeMap<&str, [usize; 4]> = BTreeMap::new();
    for e in arts.iter().flat_map(|(_, a)| &a.entities) {
        let k = EntityLabel::ALL.iter().position(|l| *l == e.label).unwrap_or(3);
        m.entry(e.canonical.as_str()).or_default()[k] += 1;
    }
    let mut v: Vec<EntityGroup> = m
        .into_iter()
        .map(|(name, counts)| {
            let best = (0..4).max_by(|&a, &b| counts[a].cmp(&counts[b]).then(b.cmp(&a))).unwrap_or(0);
            EntityGroup {
                name: name.to_string(),
                label: EntityLabel::ALL[best].as_str(),
                also: (0..4).filter(|&k| k != best && counts[k] > 0).map(|k| EntityLabel::ALL[k].as_str()).collect(),
                count: counts.iter().sum(),
            }
        })
        .collect();
    v.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
    v
}

/// Quotes grouped by speaker (canonical name, else the mention, else unattributed).
fn quote_groups(arts: &[(usize, &Article)]) -> Vec<(String, Vec<String>)> {
    let mut m: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for q in arts.iter().flat_map(|(_, a)| &a.quotes) {
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
    // The main article first; a new document starts there again.
    let scope = RwSignal::new(Scope::Main);
    Effect::new(move |_| {
        state.doc.track();
        scope.set(Scope::Main);
    });
    view! {
        <aside class="side-panel" data-testid="side-panel" aria-label="Summary" id="lede-panel" tabindex="-1">
            {move || {
                let scope_now = scope.get();
                state.doc.with(|d| {
                    let Ok(doc) = d else { return ().into_any() };
                    let a = &doc.analysis;
                    let arts = in_scope(a, scope_now);
                    let shown = arts.first().map(|x| x.0);
                    // The choice of articles, when there is more than one.
                    let choices = (a.articles.len() > 1).then(|| {
                        let options = a
                            .articles
                            .iter()
                            .enumerate()
                            .map(|(i, art)| {
                                let role = if art.role == Role::Main { "Main article" } else { "Related" };
                                let label = format!("{role}: {}", article_name(i, art));
                                let selected = scope_now != Scope::Page && shown == Some(i);
                                view! { <option value=i.to_string() selected=selected>{label}</option> }
                            })
                            .collect_view();
                        let on_change = move |ev: web_sys::Event| {
                            let v = ev
                                .target()
                                .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
                                .map(|s| s.value())
                                .unwrap_or_default();
                            scope.set(v.parse().map(Scope::Article).unwrap_or(Scope::Page));
                        };
                        view! {
                            <label class="panel-scope">
                                "Summary of "
                                <select data-testid="panel-scope" on:change=on_change>
                                    {options}
                                    <option value="page" selected=scope_now == Scope::Page>"Whole page"</option>
                                </select>
                            </label>
                        }
                    });
                    let groups = entity_groups(&arts);
                    let ents_more = more_note(groups.len().saturating_sub(LIST_MAX), "entities");
                    let ents = groups
                        .into_iter()
                        .take(LIST_MAX)
                        .map(|EntityGroup { name, label, also, count: n }| {
                            let also = (!also.is_empty()).then(|| {
                                view! { <span class="entity-also" data-testid="entity-also">{format!("also {}", also.join(", "))}</span> }
                            });
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
                                    <span class="entity-type" data-testid="entity-type">{label}</span>
                                    {also}
                                    <span class="count" data-testid="entity-count">{n}</span>
                                </li>
                            }
                        })
                        .collect_view();
                    let speakers = quote_groups(&arts);
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
                    let tallies = arts
                        .iter()
                        .filter_map(|&(i, art)| {
                            let ps = crate::tally::phrases(&art.tally);
                            (!ps.is_empty()).then(|| {
                                let name = article_name(i, art);
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
                    let all_figures = arts.iter().map(|(_, a)| a.casualties.len()).sum::<usize>();
                    let figures_more = more_note(all_figures.saturating_sub(TABLE_MAX), "figures");
                    let figures = arts
                        .iter()
                        .flat_map(|(_, a)| &a.casualties)
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
                        {choices}
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
