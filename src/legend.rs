use leptos::prelude::*;

use crate::app::{AppState, Shown};

/// Counts of each kind of highlight in the current document.
fn counts(state: &AppState) -> (usize, usize, usize) {
    state.doc.with(|d| match d {
        Ok(d) => d
            .analysis
            .articles
            .iter()
            .fold((0, 0, 0), |(e, q, c), a| (e + a.entities.len(), q + a.quotes.len(), c + a.casualties.len())),
        Err(_) => (0, 0, 0),
    })
}

/// The legend: what each colour means, with toggles to show or hide a kind.
#[component]
pub fn Legend() -> impl IntoView {
    let state = expect_context::<AppState>();
    let toggle = move |f: fn(&mut Shown) -> &mut bool| move |_| state.shown.update(|s| *f(s) = !*f(s));
    let item = move |kind: &'static str,
                     label: &'static str,
                     get: fn(&Shown) -> bool,
                     f: fn(&mut Shown) -> &mut bool,
                     n: fn((usize, usize, usize)) -> usize| {
        view! {
            <label class="legend-item" data-legend=kind class:legend-off=move || !get(&state.available.get())>
                <input type="checkbox" prop:checked=move || get(&state.shown.get()) on:change=toggle(f)/>
                <span class=format!("swatch swatch-{kind}") aria-hidden="true"></span>
                {label}
                " "
                <span class="legend-count">{move || n(counts(&state))}</span>
            </label>
        }
    };
    view! {
        <nav class="legend" data-testid="legend" aria-label="Highlight legend">
            {item("entity", "Entities", |s| s.entities, |s| &mut s.entities, |c| c.0)}
            {item("quote", "Quotes", |s| s.quotes, |s| &mut s.quotes, |c| c.1)}
            {item("casualty", "Casualty figures", |s| s.casualties, |s| &mut s.casualties, |c| c.2)}
            <span class="legend-types" aria-label="Entity types">
                <span class="hl hl-entity" data-label="PER">"person"</span>
                <span class="hl hl-entity" data-label="ORG">"organisation"</span>
                <span class="hl hl-entity" data-label="LOC">"place"</span>
                <span class="hl hl-entity" data-label="MISC">"other"</span>
            </span>
        </nav>
    }
}
