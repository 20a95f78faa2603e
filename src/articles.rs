use lede_core::{Article, Boilerplate, ParagraphKind, Role};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::{AppState, Doc};
use crate::highlight::{items, layout, Item, Piece};

/// Char offset → byte offset for a known set of char offsets, in one pass.
struct ByteMap(Vec<(usize, usize)>);

impl ByteMap {
    fn new(text: &str, mut chars: Vec<usize>) -> Self {
        chars.sort_unstable();
        chars.dedup();
        let mut out = Vec::with_capacity(chars.len());
        let mut want = chars.into_iter().peekable();
        for (ci, (bi, _)) in text.char_indices().enumerate() {
            while want.peek() == Some(&ci) {
                out.push((ci, bi));
                want.next();
            }
            if want.peek().is_none() {
                break;
            }
        }
        let n = text.chars().count();
        for c in want {
            out.push((c, if c >= n { text.len() } else { 0 }));
        }
        Self(out)
    }
    fn byte(&self, c: usize) -> usize {
        self.0.binary_search_by_key(&c, |p| p.0).map(|i| self.0[i].1).unwrap_or(0)
    }
    fn slice<'t>(&self, text: &'t str, s: usize, e: usize) -> &'t str {
        text.get(self.byte(s)..self.byte(e)).unwrap_or("")
    }
}

fn render(pieces: Vec<Piece>) -> Vec<AnyView> {
    pieces
        .into_iter()
        .map(|p| match p {
            Piece::Text(t) => t.into_any(),
            Piece::Mark { item: Item { kind, label, title, badge, key, card, .. }, children } => {
                let badge = badge.map(|b| {
                    let class = if kind == "quote" { "badge badge-speaker" } else { "badge badge-value" };
                    view! { <span class=class aria-hidden="true">{b}</span> }
                });
                view! {
                    <mark
                        class=format!("hl hl-{kind}")
                        data-kind=kind
                        data-label=label
                        data-key=key
                        data-card=card
                        tabindex="0"
                        aria-label=title
                    >
                        {render(children)}
                    </mark>
                    {badge}
                }
                .into_any()
            }
        })
        .collect()
}

/// The highlights that may touch `[start, end)`: those starting inside it,
/// and the few starting before it that run into it (a quote over
/// paragraphs). Items are sorted by start, so this stays linear overall.
fn items_near(its: &[Item], start: usize, end: usize) -> Vec<Item> {
    let lo = its.partition_point(|i| i.start < start);
    let hi = its.partition_point(|i| i.start < end);
    let before = its[..lo].iter().rev().take(16).filter(|i| i.end > start).cloned();
    let mut v: Vec<Item> = before.collect();
    v.reverse();
    v.extend(its[lo..hi].iter().cloned());
    v
}

fn article_view(doc: &Doc, map: &ByteMap, a: &Article, n: usize, max_paras: usize) -> impl IntoView {
    let its = items(a);
    let headline = a.headline.as_ref().map(|h| {
        let pieces = layout(&h.text, h.start, &its);
        view! { <h2 class="article-headline">{render(pieces)}</h2> }
    });
    let role = match a.role {
        Role::Main => "main",
        Role::Related => "related",
    };
    let meta: Vec<String> = [a.source.clone(), a.published.clone(), a.byline.clone()].into_iter().flatten().collect();
    // How many were killed, wounded …: each victim counted once.
    let tally = crate::tally::phrases(&a.tally);
    let tally = (!tally.is_empty()).then(|| {
        let items = tally
            .into_iter()
            .map(|(cat, s)| view! { <li class="tally-item" data-label=cat.as_str()>{s}</li> })
            .collect_view();
        view! {
            <ul class="article-tally" data-testid="tally" aria-label="Casualties, each victim counted once">
                {items}
            </ul>
        }
    });
    let paragraphs = a
        .paragraphs
        .iter()
        .take(max_paras)
        .map(|p| {
            let t = map.slice(&doc.text, p.start, p.end);
            let kind = match p.kind {
                ParagraphKind::Body => "body",
                ParagraphKind::Embed => "embed",
                ParagraphKind::Caption => "caption",
            };
            let near = items_near(&its, p.start, p.end);
            // The standfirst is shown as the article's lead.
            let lead = a.standfirst.as_ref().is_some_and(|sf| sf.start == p.start && sf.end == p.end);
            let mut class = if lead { format!("para para-{kind} standfirst") } else { format!("para para-{kind}") };
            // Kept as body though it may be page furniture: shown, and marked.
            let unsure = p.unsure.then_some("kept in the body, but it may be page furniture");
            if p.unsure {
                class.push_str(" para-unsure");
            }
            // The dateline that opens the story is set apart in its paragraph.
            let content = match a.dateline.as_ref().filter(|d| d.start == p.start && d.end <= p.end) {
                Some(d) => {
                    let head = render(layout(map.slice(&doc.text, p.start, d.end), p.start, &near));
                    let rest = render(layout(map.slice(&doc.text, d.end, p.end), d.end, &near));
                    view! { <span class="dateline" data-testid="dateline">{head}</span>{rest} }.into_any()
                }
                None => render(layout(t, p.start, &near)).into_any(),
            };
            view! { <p class=class data-para=kind title=unsure>{content}</p> }
        })
        .collect_view();
    view! {
        <article class=format!("article article-{role}") data-testid="article" data-role=role aria-label=format!("Article {}", n + 1)>
            <div class="article-meta">
                <span class="role-badge">{if role == "main" { "Main article" } else { "Related article" }}</span>
                {(!meta.is_empty()).then(|| view! { <span class="article-source">{meta.join(" · ")}</span> })}
            </div>
            {headline}
            {tally}
            {paragraphs}
        </article>
    }
}

fn boilerplate_view(items: &[Boilerplate]) -> impl IntoView {
    let n = items.len();
    let rows = items
        .iter()
        .map(|b| {
            view! {
                <li class="boilerplate-item" data-boilerplate=b.kind.as_str()>
                    <span class="boilerplate-kind">{format!("hidden: {}", b.kind.as_str().replace('_', " "))}</span>
                    <span class="boilerplate-text">{b.text.clone()}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <details class="boilerplate" data-testid="boilerplate">
            <summary>{format!("{n} block(s) of page furniture hidden")}</summary>
            <ul>{rows}</ul>
        </details>
    }
}

/// How many paragraphs are drawn at first, and added by "Show more".
pub const PAGE_PARAGRAPHS: usize = 400;

/// The analysed articles with their highlights, and the page's furniture.
#[component]
pub fn Articles() -> impl IntoView {
    let state = expect_context::<AppState>();
    let limit = RwSignal::new(PAGE_PARAGRAPHS);
    // A new document starts at its first part again.
    Effect::new(move |_| {
        state.doc.track();
        limit.set(PAGE_PARAGRAPHS);
    });
    // A card dismissed with Esc comes back once its highlight is left.
    let card_back = move |ev: &web_sys::Event| {
        if let Some(m) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
            let _ = m.class_list().remove_1("card-off");
        }
    };
    // Highlights of a kind the legend hides leave the tab order (again
    // after each new document is drawn).
    let articles_ref = NodeRef::<leptos::html::Section>::new();
    Effect::new(move |_| {
        state.doc.track();
        let now = state.shown.get();
        let Some(section) = articles_ref.get() else { return };
        for (kind, on) in [("entity", now.entities), ("quote", now.quotes), ("casualty", now.casualties)] {
            if let Ok(list) = section.query_selector_all(&format!("mark[data-kind={kind}]")) {
                for i in 0..list.length() {
                    if let Some(m) = list.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
                        let _ = m.set_attribute("tabindex", if on { "0" } else { "-1" });
                    }
                }
            }
        }
    });
    let shown = state.shown;
    view! {
        <section
            class="articles"
            data-testid="articles"
            aria-label="Articles"
            class:hide-entity=move || !shown.get().entities
            class:hide-quote=move || !shown.get().quotes
            class:hide-casualty=move || !shown.get().casualties
            class:stale=move || state.busy.get()
            aria-busy=move || if state.busy.get() { "true" } else { "false" }
            id="lede-articles"
            tabindex="-1"
            on:focusout=move |ev: web_sys::FocusEvent| card_back(&ev)
            on:mouseout=move |ev: web_sys::MouseEvent| card_back(&ev)
            node_ref=articles_ref
        >
            {move || {
                state.doc.with(|d| match d {
                    Err(e) => view! { <p class="error" role="alert" data-testid="error">{e.clone()}</p> }.into_any(),
                    Ok(doc) => {
                        let mut offsets = Vec::new();
                        for a in &doc.analysis.articles {
                            for p in &a.paragraphs {
                                offsets.push(p.start);
                                offsets.push(p.end);
                            }
                            offsets.extend(a.dateline.as_ref().map(|d| d.end));
                        }
                        let map = ByteMap::new(&doc.text, offsets);
                        // Long documents are drawn a part at a time, so the page stays responsive.
                        let mut budget = limit.get();
                        let mut left = 0usize;
                        let mut arts = Vec::new();
                        for (i, a) in doc.analysis.articles.iter().enumerate() {
                            if budget == 0 {
                                left += a.paragraphs.len();
                                continue;
                            }
                            let take = a.paragraphs.len().min(budget);
                            left += a.paragraphs.len() - take;
                            budget -= take.max(1).min(budget);
                            arts.push(article_view(doc, &map, a, i, take));
                        }
                        let more = (left > 0).then(|| {
                            view! {
                                <button type="button" class="btn show-more" data-testid="show-more" on:click=move |_| limit.update(|l| *l += PAGE_PARAGRAPHS)>
                                    {format!("Show more ({left} paragraphs not shown yet)")}
                                </button>
                            }
                        });
                        let bp = (!doc.analysis.boilerplate.is_empty()).then(|| boilerplate_view(&doc.analysis.boilerplate));
                        view! { {arts} {more} {bp} }.into_any()
                    }
                })
            }}
        </section>
    }
}
