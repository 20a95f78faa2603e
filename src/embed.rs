//! Embedding Lede in pages it does not own: the `<lede-reader>` custom
//! element and the JS API (`analyze`, `mount`, `defineElement`).
//!
//! A mounted reader lives in a shadow root of its host element, with its own
//! copy of the stylesheet, so the host page's CSS cannot reach in and its CSS
//! cannot leak out. Colours and fonts come from `--lede-*` custom properties,
//! which do inherit into the shadow root: that is the theming interface.

use std::cell::RefCell;
use std::rc::Rc;

use lede_core::{analyze as analyse_text, Analysis, InputMode, Options};
use leptos::mount::mount_to;
use leptos::prelude::*;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CustomEvent, CustomEventInit, Element, Event, HtmlElement, KeyboardEvent};

use crate::app::{Analysed, AppState, Doc, Shown, MAX_BYTES};

/// The reader's stylesheet, adapted for a shadow root (see [`shadow_css`]).
const CSS: &str = include_str!("../style/lede.css");

/// The element's JS half: a class that forwards its lifecycle to [`mount`].
#[wasm_bindgen(inline_js = r#"
export function define_lede_reader(mount) {
  if (customElements.get('lede-reader')) return false;
  class LedeReader extends HTMLElement {
    static observedAttributes = ['src', 'features', 'theme', 'compact'];
    #handle = null; #text = null; #fetched = null; #token = 0; #observer = null;
    /** The document: the `text` property, else the fetched `src`, else the element's own text. */
    get text() { return this.#text ?? this.#fetched?.text ?? this.textContent; }
    set text(value) { this.#text = value == null ? null : String(value); this.#render(); }
    /** The last analysis (the contract object), or null. */
    get analysis() { return this.#handle ? this.#handle.analysis() : null; }
    connectedCallback() {
      this.#observer = new MutationObserver(() => { if (this.#text == null && !this.hasAttribute('src')) this.#render(); });
      this.#observer.observe(this, { childList: true, characterData: true, subtree: true });
      this.#render();
    }
    disconnectedCallback() {
      this.#observer?.disconnect();
      this.#observer = null;
      this.#handle?.destroy();
      this.#handle = null;
    }
    attributeChangedCallback() { this.#render(); }
    async #render() {
      if (!this.isConnected) return;
      const token = ++this.#token;
      const options = {
        features: this.getAttribute('features') ?? '',
        theme: this.getAttribute('theme') ?? 'auto',
        compact: this.hasAttribute('compact'),
        error: null,
      };
      let text = this.#text;
      const src = this.getAttribute('src');
      if (text == null && src) {
        if (this.#fetched?.src !== src) {
          try {
            const response = await fetch(new URL(src, document.baseURI));
            if (!response.ok) throw new Error(`the server answered ${response.status} ${response.statusText}`);
            this.#fetched = { src, text: await response.text() };
          } catch (e) {
            this.#fetched = null;
            options.error = `Lede could not load ${src}: ${e.message}`;
          }
          if (token !== this.#token || !this.isConnected) return;
        }
        text = this.#fetched?.text ?? '';
      }
      if (text == null) text = this.textContent;
      if (this.#handle) {
        this.#handle.configure(options);
        if (options.error == null) this.#handle.update(text);
      } else {
        this.#handle = mount(this, { ...options, text });
      }
    }
  }
  customElements.define('lede-reader', LedeReader);
  return true;
}
"#)]
extern "C" {
    fn define_lede_reader(mount: &js_sys::Function) -> bool;
}

/// Which kinds of result a reader shows and reports: the same three
/// switches as the reader's legend.
pub type Features = Shown;

impl Features {
    /// "entities quotes", "casualties,quotes": any of the three, separated
    /// by spaces or commas. Empty means all.
    pub fn parse(s: &str) -> Result<Self, String> {
        let mut f = Self { entities: false, quotes: false, casualties: false };
        let mut any = false;
        for word in s.split(|c: char| c == ',' || c.is_whitespace()).filter(|w| !w.is_empty()) {
            match word.to_ascii_lowercase().as_str() {
                "entities" | "entity" => f.entities = true,
                "quotes" | "quote" => f.quotes = true,
                "casualties" | "casualty" => f.casualties = true,
                other => {
                    return Err(format!("unknown feature {other:?}: use any of entities, quotes, casualties"));
                }
            }
            any = true;
        }
        Ok(if any { f } else { Self::default() })
    }

    /// Drop the results of kinds not asked for.
    pub fn apply(&self, a: &mut Analysis) {
        for art in &mut a.articles {
            if !self.entities {
                art.entities.clear();
            }
            if !self.quotes {
                art.quotes.clear();
            }
            if !self.casualties {
                art.casualties.clear();
                // (The tally rests on the figures: it goes with them.)
                art.tally = lede_core::Tally::default();
            }
        }
    }
}

/// The reader's stylesheet for a shadow root: `rem` sizes become multiples
/// of `--lede-rem` (so the host page's root font size does not scale the
/// widget), and the root container resets every inherited property (so a
/// host rule such as `* { color: red !important }` on the host element does
/// not reach in by inheritance).
pub fn shadow_css(css: &str) -> String {
    let mut out = String::with_capacity(css.len() + 1024);
    out.push_str(
        ":host { display: block; --lede-rem: 16px; }\n\
         :host([hidden]) { display: none; }\n\
         .lede-root { all: initial; color-scheme: inherit; display: block; font-family: var(--lede-font); font-size: var(--lede-rem);\n\
           line-height: 1.5; color: var(--lede-text); background: var(--lede-bg); text-align: start; }\n\
         .lede.compact .side-panel, .lede.compact .legend-types { display: none; }\n\
         .lede.compact .lede-main { grid-template-columns: minmax(0, 1fr); margin-top: .5em; }\n\
         .lede.compact { padding: .5em; }\n",
    );
    let bytes = css.as_bytes();
    let mut i = 0;
    let mut last = 0;
    while i < bytes.len() {
        // A number (digits and at most one point) followed by "rem" and not by a letter.
        let starts_number = (bytes[i].is_ascii_digit() || bytes[i] == b'.')
            && (i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'-' || bytes[i - 1] == b'.'));
        if starts_number {
            let mut j = i;
            while j < bytes.len() && (bytes[j].is_ascii_digit() || bytes[j] == b'.') {
                j += 1;
            }
            let unit_end = j + 3;
            if css.get(j..unit_end) == Some("rem")
                && !bytes.get(unit_end).is_some_and(|b| b.is_ascii_alphanumeric())
                && bytes[i..j].iter().any(u8::is_ascii_digit)
            {
                out.push_str(&css[last..i]);
                out.push_str("calc(");
                out.push_str(&css[i..j]);
                out.push_str(" * var(--lede-rem))");
                last = unit_end;
                i = unit_end;
                continue;
            }
            i = j.max(i + 1);
            continue;
        }
        i += 1;
    }
    out.push_str(&css[last..]);
    out
}

/// Options of `mount` and of the element, as JS passes them.
#[derive(Default, serde::Deserialize)]
#[serde(default, rename_all = "camelCase")]
struct MountOptions {
    text: Option<String>,
    features: Option<String>,
    theme: Option<String>,
    /// Absent: off at mount, unchanged by `configure`.
    compact: Option<bool>,
    max_bytes: Option<usize>,
    /// A message to show instead of a document (the element's fetch failed).
    error: Option<String>,
}

fn js_error(message: impl std::fmt::Display) -> JsValue {
    js_sys::Error::new(&message.to_string()).into()
}

fn options_from(value: &JsValue) -> Result<MountOptions, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(MountOptions::default());
    }
    serde_wasm_bindgen::from_value(value.clone()).map_err(|e| js_error(format!("Lede: bad options: {e}")))
}

/// The contract as a plain JS object (maps as objects, missing values as null).
fn to_js<T: Serialize>(value: &T) -> JsValue {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).unwrap_or(JsValue::NULL)
}

/// `analyze(text, options)`: the contract for `text` as a plain object.
/// Options: `input` ("auto", "text", "html"), `single`, `maxBytes`,
/// `features` ("entities quotes casualties"). Throws an Error whose message
/// says what to do when the input cannot be analysed.
#[wasm_bindgen(js_name = analyze)]
pub fn analyze_js(text: &str, options: JsValue) -> Result<JsValue, JsValue> {
    #[derive(Default, serde::Deserialize)]
    #[serde(default, rename_all = "camelCase")]
    struct AnalyzeOptions {
        input: Option<String>,
        single: bool,
        max_bytes: Option<usize>,
        features: Option<String>,
    }
    let o: AnalyzeOptions = if options.is_undefined() || options.is_null() {
        AnalyzeOptions::default()
    } else {
        serde_wasm_bindgen::from_value(options).map_err(|e| js_error(format!("Lede: bad options: {e}")))?
    };
    let input = match o.input.as_deref() {
        None => InputMode::Auto,
        Some(s) => s.parse().map_err(js_error)?,
    };
    let features = Features::parse(o.features.as_deref().unwrap_or("")).map_err(js_error)?;
    let options = Options {
        input,
        single: o.single,
        max_bytes: o.max_bytes.unwrap_or(lede_core::DEFAULT_MAX_BYTES),
        ..Options::default()
    };
    let mut analysis = analyse_text(text, &options).map_err(js_error)?;
    features.apply(&mut analysis);
    Ok(to_js(&analysis))
}

/// An event listener on the reader's container, removed by `destroy()`.
type Listener = (&'static str, Closure<dyn FnMut(Event)>);

/// `analyzeToJson(text, options, onProgress)`: the contract as a JSON
/// string, calling `onProgress(share)` (0 to 1) after each article. The
/// reader's Web Worker uses it; the JSON crosses threads as one string.
#[wasm_bindgen(js_name = analyzeToJson)]
pub fn analyze_to_json(
    text: &str,
    max_bytes: Option<usize>,
    on_progress: Option<js_sys::Function>,
) -> Result<String, JsValue> {
    let options = Options {
        entities_may_wait: false,
        ..crate::app::reader_options(max_bytes.unwrap_or(lede_core::DEFAULT_MAX_BYTES))
    };
    let mut report = |share: f64| {
        if let Some(f) = &on_progress {
            let _ = f.call1(&JsValue::NULL, &JsValue::from_f64(share));
        }
    };
    let analysis = lede_core::analyze_with_progress(text, &options, &mut report).map_err(js_error)?;
    serde_json::to_string(&analysis).map_err(js_error)
}

/// What the handle keeps to update and tear down a mounted reader.
struct Mounted {
    host: HtmlElement,
    nodes: Vec<Element>,
    state: AppState,
    compact: RwSignal<bool>,
    listeners: Vec<Listener>,
    owner: Owner,
    unmount: Option<leptos::mount::UnmountHandle<leptos::tachys::view::any_view::AnyViewState>>,
}

/// A mounted reader: `update(text)`, `configure(options)`, `analysis()`, `destroy()`.
#[wasm_bindgen]
pub struct LedeHandle {
    inner: Rc<RefCell<Option<Mounted>>>,
}

fn theme_attr(host: &HtmlElement, theme: Option<&str>) {
    match theme {
        Some(t @ ("light" | "dark")) => {
            let _ = host.set_attribute("data-lede-theme", t);
        }
        _ => {
            let _ = host.remove_attribute("data-lede-theme");
        }
    }
}

/// Dispatch a bubbling, composed CustomEvent on the host.
fn emit(host: &HtmlElement, name: &str, detail: &JsValue) {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(detail);
    if let Ok(ev) = CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = host.dispatch_event(&ev);
    }
}

/// What the user picked, for `lede:select`.
#[derive(Serialize)]
struct Selection {
    kind: String,
    label: String,
    text: String,
    title: String,
    /// "highlight" (in the text) or "panel" (the side panel's entity list).
    from: &'static str,
}

fn selection_of(target: &Element) -> Option<Selection> {
    let picked = target.closest("mark[data-kind], [data-testid=entity-row]").ok()??;
    let attr = |name: &str| picked.get_attribute(name).unwrap_or_default();
    if picked.tag_name().eq_ignore_ascii_case("mark") {
        // The mark's own words, without the badges nested marks carry.
        let text = picked.text_content().unwrap_or_default();
        Some(Selection {
            kind: attr("data-kind"),
            label: attr("data-label"),
            text,
            title: attr("title"),
            from: "highlight",
        })
    } else {
        let name = picked.query_selector(".hl").ok()??.text_content().unwrap_or_default();
        Some(Selection {
            kind: "entity".into(),
            label: attr("data-label"),
            text: name,
            title: String::new(),
            from: "panel",
        })
    }
}

impl Mounted {
    fn show(&self, text: &str, error: Option<String>) {
        let result = match error {
            Some(e) => Err(e),
            None => {
                let options = Options { max_bytes: self.state.max_bytes, ..Options::default() };
                analyse_text(text, &options).map_err(|e| e.to_string()).map(|mut analysis| {
                    // The kinds asked for are the kinds the reader makes available.
                    self.state.available.get_untracked().apply(&mut analysis);
                    let text = analysis.text.clone().unwrap_or_else(|| text.to_string());
                    Doc { text, analysis }
                })
            }
        };
        let analysed = result.as_ref().ok().map(|d| to_js(&d.analysis));
        self.state.doc.set(result);
        if let Some(detail) = analysed {
            emit(&self.host, "lede:analyzed", &detail);
        }
    }

    /// Change what `o` names; what it leaves out stays as it is.
    fn configure(&self, o: &MountOptions) -> Result<(), String> {
        if let Some(f) = o.features.as_deref() {
            let features = Features::parse(f)?;
            self.state.shown.set(features);
            self.state.available.set(features);
        }
        if let Some(c) = o.compact {
            self.compact.set(c);
        }
        if let Some(t) = o.theme.as_deref() {
            theme_attr(&self.host, Some(t));
        }
        Ok(())
    }
}

thread_local! {
    /// The widget's stylesheet, constructed once per page and shared by every reader.
    static SHEET: RefCell<Option<JsValue>> = const { RefCell::new(None) };
}

/// Give `shadow` the widget's stylesheet as a constructed `CSSStyleSheet`
/// (`adoptedStyleSheets`); false where the browser has none.
fn adopt_stylesheet(shadow: &web_sys::ShadowRoot) -> bool {
    let sheet = SHEET.with(|cell| {
        if cell.borrow().is_none() {
            let ctor = js_sys::Reflect::get(&js_sys::global(), &"CSSStyleSheet".into()).ok();
            let made = ctor
                .and_then(|c| c.dyn_into::<js_sys::Function>().ok())
                .and_then(|c| js_sys::Reflect::construct(&c, &js_sys::Array::new()).ok())
                .filter(|sheet| {
                    let replace = js_sys::Reflect::get(sheet, &"replaceSync".into()).ok();
                    let replace = replace.and_then(|f| f.dyn_into::<js_sys::Function>().ok());
                    replace.is_some_and(|f| f.call1(sheet, &shadow_css(CSS).into()).is_ok())
                });
            *cell.borrow_mut() = made;
        }
        cell.borrow().clone()
    });
    let Some(sheet) = sheet else { return false };
    js_sys::Reflect::has(shadow, &"adoptedStyleSheets".into()).unwrap_or(false)
        && js_sys::Reflect::set(shadow, &"adoptedStyleSheets".into(), &js_sys::Array::of1(&sheet)).unwrap_or(false)
}

fn mount_in(host: HtmlElement, o: MountOptions) -> Result<LedeHandle, JsValue> {
    let document = host.owner_document().ok_or_else(|| js_error("Lede: the element is not in a document"))?;
    let shadow = match host.shadow_root() {
        Some(s) => s,
        None => host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open)).map_err(|_| {
            js_error(format!("Lede: cannot attach a shadow root to <{}>; mount into a <div>", host.tag_name()))
        })?,
    };
    let container: HtmlElement = document.create_element("div")?.unchecked_into();
    container.set_class_name("lede-root");
    // The stylesheet is a constructed one, adopted by the shadow root: a
    // host whose Content Security Policy refuses inline styles allows it.
    // (A <style> element where constructed sheets are missing.)
    let mut nodes: Vec<Element> = Vec::new();
    if !adopt_stylesheet(&shadow) {
        let style = document.create_element("style")?;
        style.set_text_content(Some(&shadow_css(CSS)));
        shadow.append_child(&style)?;
        nodes.push(style);
    }
    shadow.append_child(&container)?;

    let owner = Owner::new();
    let (state, compact) = owner.with(|| {
        (
            AppState {
                doc: RwSignal::new(Err(String::new())),
                shown: RwSignal::new(Shown::default()),
                available: RwSignal::new(Shown::default()),
                max_bytes: o.max_bytes.unwrap_or(MAX_BYTES),
                entity_model: RwSignal::new(crate::model::ModelState::initial()),
                waiting: StoredValue::new(None),
                busy: RwSignal::new(false),
            },
            RwSignal::new(o.compact.unwrap_or(false)),
        )
    });
    let unmount = owner.with(|| {
        mount_to(container.clone(), move || {
            provide_context(state);
            view! {
                <div class="lede lede-widget" class:compact=move || compact.get()>
                    <Analysed/>
                </div>
            }
            .into_any()
        })
    });
    // Clicks and Enter on a highlight or an entity in the panel: lede:select.
    let mut listeners: Vec<Listener> = Vec::new();
    for name in ["click", "keydown"] {
        let host_for_event = host.clone();
        let cb = Closure::<dyn FnMut(Event)>::new(move |ev: Event| {
            if let Some(k) = ev.dyn_ref::<KeyboardEvent>() {
                if k.key() != "Enter" {
                    // j / k / Esc move through the highlights of this reader only.
                    let root = ev.current_target().and_then(|t| t.dyn_into::<Element>().ok());
                    if root.is_some_and(|r| crate::navigate::on_key(&r, k)) {
                        ev.prevent_default();
                    }
                    return;
                }
            }
            let picked = ev.target().and_then(|t| t.dyn_into::<Element>().ok()).and_then(|t| selection_of(&t));
            if let Some(sel) = picked {
                emit(&host_for_event, "lede:select", &to_js(&sel));
            }
        });
        container.add_event_listener_with_callback(name, cb.as_ref().unchecked_ref())?;
        listeners.push((name, cb));
    }

    let mounted = Mounted {
        host,
        nodes: {
            nodes.push(container.unchecked_into());
            nodes
        },
        state,
        compact,
        listeners,
        owner,
        unmount: Some(unmount),
    };
    mounted.configure(&o).map_err(js_error)?;
    mounted.show(o.text.as_deref().unwrap_or(""), o.error.clone());
    Ok(LedeHandle { inner: Rc::new(RefCell::new(Some(mounted))) })
}

/// `mount(element, options)`: render a reader in `element`'s shadow root.
/// Options: `text`, `features`, `theme` ("light", "dark", "auto"), `compact`,
/// `maxBytes`. Returns a handle with `update(text)`, `configure(options)`,
/// `analysis()` and `destroy()`.
#[wasm_bindgen]
pub fn mount(element: HtmlElement, options: JsValue) -> Result<LedeHandle, JsValue> {
    mount_in(element, options_from(&options)?)
}

#[wasm_bindgen]
impl LedeHandle {
    /// Analyse and show a new document.
    pub fn update(&self, text: &str) -> Result<(), JsValue> {
        let inner = self.inner.borrow();
        let m = inner.as_ref().ok_or_else(|| js_error("Lede: this reader was destroyed"))?;
        m.show(text, None);
        Ok(())
    }

    /// Change features, theme or compact mode (only those given; the others
    /// stay as they are); `error` shows a message.
    pub fn configure(&self, options: JsValue) -> Result<(), JsValue> {
        let o = options_from(&options)?;
        let inner = self.inner.borrow();
        let m = inner.as_ref().ok_or_else(|| js_error("Lede: this reader was destroyed"))?;
        m.configure(&o).map_err(js_error)?;
        if let Some(e) = o.error {
            m.show("", Some(e));
        }
        Ok(())
    }

    /// The current analysis as the contract object, or null.
    pub fn analysis(&self) -> JsValue {
        let inner = self.inner.borrow();
        let Some(m) = inner.as_ref() else { return JsValue::NULL };
        m.state.doc.with_untracked(|d| d.as_ref().map(|d| to_js(&d.analysis)).unwrap_or(JsValue::NULL))
    }

    /// Remove the reader's DOM and listeners and free its state. Safe to call twice.
    pub fn destroy(&self) {
        let Some(mut m) = self.inner.borrow_mut().take() else { return };
        if let Some(container) = m.nodes.get(1) {
            for (name, cb) in &m.listeners {
                let _ = container.remove_event_listener_with_callback(name, cb.as_ref().unchecked_ref());
            }
        }
        drop(m.unmount.take());
        for node in &m.nodes {
            node.remove();
        }
        if let Some(shadow) = m.host.shadow_root() {
            let _ = js_sys::Reflect::set(&shadow, &"adoptedStyleSheets".into(), &js_sys::Array::new());
        }
        let _ = m.host.remove_attribute("data-lede-theme");
        m.owner.cleanup();
    }
}

/// `entityModelFile()`: the name of the entity model's file, published
/// beside this bundle; the loader fetches it before anything is analysed.
#[wasm_bindgen(js_name = entityModelFile)]
pub fn entity_model_file() -> String {
    lede_core::ner::MODEL_FILE.to_string()
}

/// `installEntityModel(bytes)`: give the core the model file's bytes (a
/// `Uint8Array`). Throws when they are not a Lede entity model.
#[wasm_bindgen(js_name = installEntityModel)]
pub fn install_entity_model(bytes: &[u8]) -> Result<(), JsValue> {
    lede_core::install_entity_model(bytes).map_err(|e| js_error(format!("Lede: {e}")))
}

/// `entityModelReady()`: whether the entity model is there.
#[wasm_bindgen(js_name = entityModelReady)]
pub fn entity_model_ready() -> bool {
    lede_core::entity_model_ready()
}

/// Define `<lede-reader>` (once per page). Returns false when it was
/// already defined.
#[wasm_bindgen(js_name = defineElement)]
pub fn define_element() -> bool {
    let mount = Closure::<dyn Fn(HtmlElement, JsValue) -> Result<JsValue, JsValue>>::new(
        |el: HtmlElement, options: JsValue| mount(el, options).map(JsValue::from),
    );
    let defined = define_lede_reader(mount.as_ref().unchecked_ref());
    // The element class keeps calling it for the page's lifetime.
    mount.forget();
    defined
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn features_parse() {
        assert_eq!(Features::parse(""), Ok(Features::default()));
        assert_eq!(
            Features::parse("quotes, casualties"),
            Ok(Features { entities: false, quotes: true, casualties: true })
        );
        assert!(Features::parse("entities sports").is_err());
    }

    #[test]
    fn a_kind_left_out_takes_what_rests_on_it() {
        let text = "Two people were killed and three were wounded in a shooting on Friday, police said.";
        let mut a = lede_core::analyze(text, &lede_core::Options::default()).expect("analyses");
        assert!(a.articles[0].tally.killed.is_some());
        Features::parse("entities quotes").expect("parses").apply(&mut a);
        assert!(a.articles[0].casualties.is_empty());
        assert_eq!(a.articles[0].tally, lede_core::Tally::default());
    }

    #[test]
    fn rem_becomes_a_multiple_of_the_widget_unit() {
        let css = shadow_css(".a { padding: .5rem 1rem; margin: 0 1.25rem } .rem2 { x: 2remx; y: 3em }");
        assert!(css.contains("padding: calc(.5 * var(--lede-rem)) calc(1 * var(--lede-rem));"), "{css}");
        assert!(css.contains("margin: 0 calc(1.25 * var(--lede-rem))"), "{css}");
        assert!(css.contains(".rem2 { x: 2remx; y: 3em }"), "{css}");
        let all = shadow_css(CSS);
        let body = &all[all.find(":root").unwrap_or(0)..];
        assert!(!body.contains("rem;") && !body.contains("rem "), "a rem unit left in the widget CSS");
    }
}
