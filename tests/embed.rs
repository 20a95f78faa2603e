//! Browser tests of embedding: the example page's two widgets, a hostile
//! host stylesheet, the JS API (`analyze`, `mount`, `destroy`) and the
//! element's attributes and events. Run in headless Chromium by
//! `cargo xtask test` (wasm-bindgen-test, with the `embed` feature).
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use lede::embed::{analyze_js, define_element, mount};
use lede_core::{analyze, Options, SAMPLE_ARTICLE};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, ShadowRoot};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().expect("window").document().expect("document")
}

fn get(v: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(v, &key.into()).expect("get")
}

fn shadow(el: &Element) -> ShadowRoot {
    el.shadow_root().expect("an open shadow root")
}

fn count(root: &ShadowRoot, selector: &str) -> u32 {
    root.query_selector_all(selector).expect("selector").length()
}

fn first(root: &ShadowRoot, selector: &str) -> HtmlElement {
    root.query_selector(selector).expect("selector").unwrap_or_else(|| panic!("no {selector}")).unchecked_into()
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window().expect("window").set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Wait (up to 5 s) until `ready` holds.
async fn until(what: &str, ready: impl Fn() -> bool) {
    for _ in 0..100 {
        if ready() {
            return;
        }
        sleep(50).await;
    }
    panic!("timed out waiting for {what}");
}

fn marks(a: &lede_core::Analysis) -> u32 {
    a.articles.iter().map(|x| (x.entities.len() + x.quotes.len() + x.casualties.len()) as u32).sum()
}

/// A host element in the page.
fn host(tag: &str) -> HtmlElement {
    let el = document().create_element(tag).expect("element");
    document().body().expect("body").append_child(&el).expect("append");
    el.unchecked_into()
}

#[wasm_bindgen_test]
async fn the_example_page_renders_both_widgets() {
    define_element();
    // The example page's body, as a CMS would serve it (its module script does
    // not run when inserted this way; define_element above did its work). The
    // second widget's file is served from a blob URL here.
    let page = include_str!("../embed.html");
    let body = &page[page.find("<body>").expect("body") + 6..page.find("</body>").expect("/body")];
    let blob = web_sys::Blob::new_with_str_sequence(&js_sys::Array::of1(&SAMPLE_ARTICLE.into())).expect("blob");
    let url = web_sys::Url::create_object_url_with_blob(&blob).expect("url");
    let wrapper = host("div");
    wrapper.set_inner_html(&body.replace("./embed/sample.txt", &url));
    let widgets = wrapper.query_selector_all("lede-reader").expect("widgets");
    assert_eq!(widgets.length(), 2);
    let one: Element = widgets.item(0).expect("first").unchecked_into();
    let two: Element = widgets.item(1).expect("second").unchecked_into();

    until("both widgets", || {
        one.shadow_root().is_some_and(|s| count(&s, "[data-testid=article]") >= 1)
            && two.shadow_root().is_some_and(|s| count(&s, "[data-testid=article]") >= 1)
    })
    .await;

    // The first reads its own text: all three kinds, as the core finds them.
    let text = one.text_content().unwrap_or_default();
    let expected = analyze(&text, &lede::reader_options(lede::MAX_BYTES)).expect("story 1");
    let s1 = shadow(&one);
    assert_eq!(count(&s1, "mark[data-kind]"), marks(&expected));
    assert!(count(&s1, "mark[data-kind=entity]") >= 5);
    assert!(count(&s1, "mark[data-kind=quote]") >= 2);
    assert!(count(&s1, "mark[data-kind=casualty]") >= 1);
    assert!(first(&s1, "[data-testid=side-panel]").offset_width() > 0);

    // The second fetched the sample: quotes and casualties only, dark and compact.
    let s2 = shadow(&two);
    let sample = analyze(SAMPLE_ARTICLE, &lede::reader_options(lede::MAX_BYTES)).expect("sample");
    let casualties: u32 = sample.articles.iter().map(|a| a.casualties.len() as u32).sum();
    assert_eq!(count(&s2, "mark[data-kind=entity]"), 0);
    assert_eq!(first(&s2, "[data-legend=entity]").offset_width(), 0, "a legend toggle for a kind not asked for");
    assert!(first(&s2, "[data-legend=quote]").offset_width() > 0);
    assert_eq!(count(&s2, "mark[data-kind=casualty]"), casualties);
    assert!(count(&s2, "mark[data-kind=quote]") >= 4);
    assert_eq!(two.get_attribute("data-lede-theme").as_deref(), Some("dark"));
    assert_eq!(first(&s2, "[data-testid=side-panel]").offset_width(), 0, "compact hides the side panel");
    let bg = |root: &ShadowRoot| {
        let el = first(root, ".lede-root");
        web_sys::window()
            .expect("window")
            .get_computed_style(&el)
            .expect("style")
            .expect("style")
            .get_property_value("background-color")
            .expect("bg")
    };
    assert_ne!(bg(&s1), bg(&s2), "the light and dark widgets look the same");

    // Independent: changing the first leaves the second alone.
    let before = count(&s2, "mark[data-kind]");
    js_sys::Reflect::set(&one, &"text".into(), &"Ada Quill said \"we are ready\" in Harbour Town.".into())
        .expect("set text");
    until("the first widget to re-render", || count(&s1, "mark[data-kind=casualty]") == 0).await;
    assert_eq!(count(&s2, "mark[data-kind]"), before);
    wrapper.remove();
    let _ = web_sys::Url::revoke_object_url(&url);
}

#[wasm_bindgen_test]
async fn a_hostile_host_stylesheet_does_not_change_the_widget() {
    define_element();
    let el = host("lede-reader");
    el.set_text_content(Some(SAMPLE_ARTICLE));
    let root = shadow(&el);
    until("the widget", || count(&root, "mark[data-kind]") > 0).await;

    let window = web_sys::window().expect("window");
    let looks = |el: &HtmlElement| {
        let s = window.get_computed_style(el).expect("style").expect("style");
        ["color", "font-size", "font-family", "background-color", "line-height", "font-weight"]
            .map(|p| s.get_property_value(p).expect("property"))
    };
    let para = first(&root, ".article p");
    let mark = first(&root, "mark[data-kind=casualty]");
    let legend = first(&root, "[data-testid=legend]");
    let before = [looks(&para), looks(&mark), looks(&legend)];
    let (w, h) = (para.offset_width(), para.offset_height());

    // An outside element to prove the stylesheet is live, and that the
    // widget's own CSS does not leak out to the host page's marks.
    let outside = host("p");
    outside.set_inner_html("<mark class=\"hl\" data-kind=\"casualty\">outside</mark>");
    let outside_mark: HtmlElement = outside.first_element_child().expect("mark").unchecked_into();
    let outside_bg = looks(&outside_mark)[3].clone();

    let style = document().create_element("style").expect("style");
    style.set_text_content(Some("* { color: red !important; font-size: 40px !important }"));
    document().head().expect("head").append_child(&style).expect("append");
    sleep(50).await;

    assert_eq!(looks(&outside)[1], "40px", "the hostile stylesheet is not active");
    assert_eq!([looks(&para), looks(&mark), looks(&legend)], before, "the host stylesheet changed the widget");
    assert_eq!((para.offset_width(), para.offset_height()), (w, h), "the widget's layout changed");
    assert_eq!(looks(&outside_mark)[3], outside_bg, "the widget's CSS leaked into the page");
    let widget_bg = looks(&mark)[3].clone();
    assert_ne!(outside_bg, widget_bg, "the outside mark took the widget's casualty colour");
    style.remove();
    outside.remove();
    el.remove();
}

#[wasm_bindgen_test]
fn analyze_returns_the_contract() {
    let result = analyze_js(SAMPLE_ARTICLE, JsValue::UNDEFINED).expect("analyze");
    let core = analyze(SAMPLE_ARTICLE, &Options::default()).expect("core");
    // The same contract as the core and the CLI, field for field.
    let json = js_sys::JSON::stringify(&result).expect("stringify").as_string().expect("string");
    assert_eq!(json, serde_json::to_string(&core).expect("json"));
    assert!(js_sys::Array::is_array(&get(&result, "articles")));
    let entity = get(&get(&get(&result, "articles"), "0"), "entities");
    assert!(get(&get(&entity, "0"), "start").as_f64().is_some());

    // Options: features and input kind.
    let options =
        js_sys::JSON::parse(r#"{"features": "casualties", "input": "text", "single": true}"#).expect("options");
    let only = analyze_js(SAMPLE_ARTICLE, options).expect("analyze");
    let art = get(&get(&only, "articles"), "0");
    assert_eq!(js_sys::Array::from(&get(&art, "entities")).length(), 0);
    assert_eq!(js_sys::Array::from(&get(&art, "quotes")).length(), 0);
    assert!(js_sys::Array::from(&get(&art, "casualties")).length() >= 5);

    // Errors are thrown as Error objects with a message a user can act on.
    let err = analyze_js("   ", JsValue::UNDEFINED).expect_err("empty input");
    assert!(err.is_instance_of::<js_sys::Error>());
    let message = get(&err, "message").as_string().unwrap_or_default();
    assert!(message.contains("empty"), "{message}");
    let bad = js_sys::JSON::parse(r#"{"features": "sports"}"#).expect("options");
    let message = get(&analyze_js("Some text here.", bad).expect_err("bad feature"), "message").as_string();
    assert!(message.unwrap_or_default().contains("entities, quotes, casualties"));
}

#[wasm_bindgen_test]
async fn mount_emits_events_and_destroy_removes_dom_and_listeners() {
    let el = host("div");
    let analysed = Rc::new(RefCell::new(Vec::<JsValue>::new()));
    let selected = Rc::new(RefCell::new(Vec::<JsValue>::new()));
    let on = |store: &Rc<RefCell<Vec<JsValue>>>| {
        let store = store.clone();
        Closure::<dyn FnMut(web_sys::CustomEvent)>::new(move |e: web_sys::CustomEvent| {
            store.borrow_mut().push(e.detail())
        })
    };
    let (on_analysed, on_selected) = (on(&analysed), on(&selected));
    // Listeners on the document: the events bubble out of the shadow root.
    document().add_event_listener_with_callback("lede:analyzed", on_analysed.as_ref().unchecked_ref()).expect("listen");
    document().add_event_listener_with_callback("lede:select", on_selected.as_ref().unchecked_ref()).expect("listen");

    let options =
        js_sys::JSON::parse(&format!(r#"{{"text": {}, "theme": "dark"}}"#, serde_json::json!(SAMPLE_ARTICLE)))
            .expect("options");
    let handle = mount(el.clone(), options).expect("mount");
    leptos::task::tick().await;
    let root = shadow(&el);
    assert!(count(&root, "mark[data-kind]") > 0);
    assert_eq!(analysed.borrow().len(), 1);
    assert_eq!(js_sys::JSON::stringify(&analysed.borrow()[0]).ok(), js_sys::JSON::stringify(&handle.analysis()).ok());
    assert_eq!(el.get_attribute("data-lede-theme").as_deref(), Some("dark"));

    // update(text) re-renders and reports again.
    handle.update("Mayor Ada Quill said at least 3 people were killed in Harbour Town.").expect("update");
    leptos::task::tick().await;
    assert_eq!(analysed.borrow().len(), 2);
    assert_eq!(count(&root, "mark[data-kind=casualty]"), 1);

    // configure() changes only what it names.
    let opts = |json: &str| js_sys::JSON::parse(json).expect("options");
    handle.configure(opts(r#"{"compact": true}"#)).expect("configure");
    leptos::task::tick().await;
    handle.configure(opts(r#"{"features": "casualties", "theme": "light"}"#)).expect("configure");
    leptos::task::tick().await;
    assert_eq!(count(&root, ".lede.compact"), 1, "configure without compact turned it off");
    assert_eq!(el.get_attribute("data-lede-theme").as_deref(), Some("light"));
    handle.configure(opts(r#"{"compact": false, "features": "entities, quotes, casualties"}"#)).expect("configure");
    leptos::task::tick().await;
    assert_eq!(count(&root, ".lede.compact"), 0);
    assert_eq!(el.get_attribute("data-lede-theme").as_deref(), Some("light"), "configure without theme changed it");

    // A click on a highlight: lede:select with what was picked.
    let mark = first(&root, "mark[data-kind=casualty]");
    mark.click();
    assert_eq!(selected.borrow().len(), 1);
    let detail = selected.borrow()[0].clone();
    assert_eq!(get(&detail, "kind").as_string().as_deref(), Some("casualty"));
    assert_eq!(get(&detail, "label").as_string().as_deref(), Some("killed"));
    assert!(get(&detail, "text").as_string().unwrap_or_default().starts_with("at least 3"));
    // And on an entity in the side panel.
    first(&root, "[data-testid=entity-row] .hl").click();
    assert_eq!(selected.borrow().len(), 2);
    assert_eq!(get(&selected.borrow()[1], "from").as_string().as_deref(), Some("panel"));

    // destroy(): no DOM left, no listener fires, the host is as it was.
    handle.destroy();
    assert_eq!(root.child_element_count(), 0, "{}", root.inner_html());
    let sheets = |r: &web_sys::ShadowRoot| js_sys::Array::from(&get(r.as_ref(), "adoptedStyleSheets")).length();
    assert_eq!(sheets(&root), 0, "the stylesheet stayed adopted after destroy()");
    assert_eq!(el.get_attribute("data-lede-theme"), None);
    mark.click();
    assert_eq!(selected.borrow().len(), 2, "a listener survived destroy()");
    assert!(handle.update("More text for a destroyed reader.").is_err());
    assert!(handle.analysis().is_null());
    handle.destroy();

    // Mounting again on the same element works.
    let again = mount(el.clone(), JsValue::UNDEFINED).expect("mount again");
    again.update("Ada Quill spoke in Harbour Town on Monday.").expect("update");
    leptos::task::tick().await;
    // The reader's container; its stylesheet is a constructed one, adopted
    // (a host whose policy refuses inline styles allows it).
    assert_eq!(root.child_element_count(), 1);
    assert_eq!(sheets(&root), 1);
    again.destroy();
    // An element that cannot hold a shadow root gets a clear error.
    let err = mount(host("input"), JsValue::UNDEFINED).err().expect("no shadow root on <input>");
    assert!(get(&err, "message").as_string().unwrap_or_default().contains("mount into a <div>"));

    document().remove_event_listener_with_callback("lede:analyzed", on_analysed.as_ref().unchecked_ref()).ok();
    document().remove_event_listener_with_callback("lede:select", on_selected.as_ref().unchecked_ref()).ok();
    el.remove();
}

#[wasm_bindgen_test]
async fn the_element_follows_its_attributes_and_reports_fetch_errors() {
    define_element();
    assert!(!define_element(), "defined twice: the second call must do nothing");
    let el = host("lede-reader");
    el.set_text_content(Some(SAMPLE_ARTICLE));
    let root = shadow(&el);
    until("the widget", || count(&root, "mark[data-kind]") > 0).await;
    assert!(count(&root, "mark[data-kind=entity]") > 0);

    el.set_attribute("features", "quotes").expect("attr");
    until("features", || count(&root, "mark[data-kind=entity]") == 0).await;
    assert!(count(&root, "mark[data-kind=quote]") > 0);
    assert_eq!(count(&root, "mark[data-kind=casualty]"), 0);

    el.set_attribute("theme", "light").expect("attr");
    until("theme", || el.get_attribute("data-lede-theme").as_deref() == Some("light")).await;
    el.set_attribute("theme", "auto").expect("attr");
    until("auto theme", || el.get_attribute("data-lede-theme").is_none()).await;

    // Its own text changing re-renders it.
    el.set_text_content(Some("Ada Quill said at least 4 people were killed in Harbour Town on Monday."));
    el.remove_attribute("features").expect("attr");
    until("new text", || count(&root, "mark[data-kind=casualty]") == 1).await;

    // A src that cannot be fetched: a message in the widget, not a crash.
    el.set_attribute("src", "/__lede_missing_document.txt").expect("attr");
    until("the fetch error", || count(&root, "[data-testid=error]") == 1).await;
    let message = first(&root, "[data-testid=error]").text_content().unwrap_or_default();
    assert!(message.contains("could not load") && message.contains("404"), "{message}");
    el.remove();
}
