//! Moving through highlights: selecting every mention of an entity,
//! stepping with `j`/`k`, clearing with `Esc`. These work on the rendered
//! DOM (inside the reader's own root, so several readers on a page, or one
//! in a shadow root, stay independent).

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// The highlights under `root`, in document order.
fn marks(root: &Element, selector: &str) -> Vec<HtmlElement> {
    let Ok(list) = root.query_selector_all(selector) else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.item(i)).filter_map(|n| n.dyn_into::<HtmlElement>().ok()).collect()
}

fn show(el: &HtmlElement) {
    let _ = el.focus();
    let opts = web_sys::ScrollIntoViewOptions::new();
    opts.set_block(web_sys::ScrollLogicalPosition::Center);
    el.scroll_into_view_with_scroll_into_view_options(&opts);
}

/// Remove the selection marks under `root`.
pub fn clear(root: &Element) {
    for m in marks(root, ".is-selected") {
        let _ = m.class_list().remove_1("is-selected");
    }
}

/// Mark every highlight of `kind` whose key is `key`, and go to the first
/// (or, when they are already selected, to the next). Returns how many.
pub fn select(root: &Element, kind: &str, key: &str) -> usize {
    let chosen: Vec<HtmlElement> = marks(root, &format!("mark[data-kind={kind}]"))
        .into_iter()
        .filter(|m| m.get_attribute("data-key").as_deref() == Some(key))
        .collect();
    let already = !chosen.is_empty() && chosen.iter().all(|m| m.class_list().contains("is-selected"));
    if already {
        step(root, true);
        return chosen.len();
    }
    clear(root);
    for m in &chosen {
        let _ = m.class_list().add_1("is-selected");
    }
    if let Some(first) = chosen.first() {
        show(first);
    }
    chosen.len()
}

/// Go to the next (or previous) highlight: among the selected ones if there
/// are any, else among those of the focused highlight's kind, else all.
pub fn step(root: &Element, forward: bool) -> Option<HtmlElement> {
    let active: Option<Element> = root
        .get_root_node()
        .dyn_ref::<web_sys::ShadowRoot>()
        .and_then(|s| s.active_element())
        .or_else(|| root.owner_document().and_then(|d| d.active_element()));
    let active_kind = active.as_ref().filter(|a| a.tag_name() == "MARK").and_then(|a| a.get_attribute("data-kind"));
    let mut list = marks(root, "mark.is-selected");
    if list.is_empty() {
        list = match &active_kind {
            Some(k) => marks(root, &format!("mark[data-kind={k}]")),
            None => marks(root, "mark[data-kind]"),
        };
    }
    if list.is_empty() {
        return None;
    }
    let here = active.as_ref().and_then(|a| list.iter().position(|m| m.is_same_node(Some(a))));
    let n = list.len();
    let next = match (here, forward) {
        (Some(i), true) => (i + 1) % n,
        (Some(i), false) => (i + n - 1) % n,
        (None, true) => 0,
        (None, false) => n - 1,
    };
    let el = list[next].clone();
    show(&el);
    Some(el)
}

/// The keys the reader answers: `j`/`k` step, `Esc` clears. Returns true
/// when the key was used. Keys typed into a field are left alone.
pub fn on_key(root: &Element, ev: &web_sys::KeyboardEvent) -> bool {
    if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
        return false;
    }
    let typing = ev.target().and_then(|t| t.dyn_into::<Element>().ok()).is_some_and(|t| {
        matches!(t.tag_name().as_str(), "TEXTAREA" | "INPUT" | "SELECT") || t.has_attribute("contenteditable")
    });
    if typing {
        return false;
    }
    match ev.key().as_str() {
        "j" => step(root, true).is_some(),
        "k" => step(root, false).is_some(),
        "Escape" => {
            clear(root);
            // The card of the focused or hovered highlight goes; focus stays
            // where it was (WCAG 1.4.13: dismissable without moving).
            let doc = root.owner_document();
            let focused = doc.as_ref().and_then(|d| d.active_element()).filter(|a| a.tag_name() == "MARK");
            let hovered = root.query_selector_all("mark.hl:hover").ok();
            for m in focused.into_iter().chain(
                hovered
                    .iter()
                    .flat_map(|l| (0..l.length()).filter_map(|i| l.item(i)))
                    .filter_map(|n| n.dyn_into::<Element>().ok()),
            ) {
                let _ = m.class_list().add_1("card-off");
            }
            true
        }
        _ => false,
    }
}
