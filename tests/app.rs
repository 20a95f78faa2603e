//! Browser tests: mount the reader, act as a user, assert on the DOM.
//! Run in headless Chromium by `cargo xtask test` (wasm-bindgen-test).
#![cfg(target_arch = "wasm32")]

use lede::App;
use lede_core::{analyze, Analysis, SAMPLE_ARTICLE};
use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos::task::tick;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlTextAreaElement};

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh element in the page to mount into.
fn fresh_root() -> HtmlElement {
    let doc = document();
    let root = doc.create_element("div").expect("div");
    doc.body().expect("body").append_child(&root).expect("append");
    root.unchecked_into()
}

fn count(root: &Element, selector: &str) -> u32 {
    root.query_selector_all(selector).expect("selector").length()
}

fn one(root: &Element, selector: &str) -> HtmlElement {
    root.query_selector(selector).expect("selector").unwrap_or_else(|| panic!("no {selector}")).unchecked_into()
}

fn all(root: &Element, selector: &str) -> Vec<HtmlElement> {
    let list = root.query_selector_all(selector).expect("selector");
    (0..list.length()).filter_map(|i| list.item(i)).map(|n| n.unchecked_into()).collect()
}

fn status(root: &Element) -> String {
    one(root, "[data-testid=status]").text_content().unwrap_or_default()
}

/// A `blob:` URL of `text`, served as `mime`.
fn blob_url(text: &str, mime: &str) -> String {
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob =
        web_sys::Blob::new_with_str_sequence_and_options(&js_sys::Array::of1(&text.into()), &opts).expect("blob");
    web_sys::Url::create_object_url_with_blob(&blob).expect("blob URL")
}

fn totals(a: &Analysis) -> (u32, u32, u32) {
    a.articles.iter().fold((0, 0, 0), |(e, q, c), x| {
        (e + x.entities.len() as u32, q + x.quotes.len() as u32, c + x.casualties.len() as u32)
    })
}

fn highlight_counts(root: &Element) -> (u32, u32, u32) {
    let articles = one(root, "[data-testid=articles]");
    (
        count(&articles, "[data-kind=entity]"),
        count(&articles, "[data-kind=quote]"),
        count(&articles, "[data-kind=casualty]"),
    )
}

/// Type into the input area and press Analyse, as a user would.
async fn paste_and_analyse(root: &Element, text: &str) {
    let area: HtmlTextAreaElement = one(root, "[data-testid=input] textarea").unchecked_into();
    area.set_value(text);
    area.dispatch_event(&web_sys::Event::new("input").expect("event")).expect("dispatch");
    one(root, "[data-testid=analyse]").click();
    tick().await;
}

#[wasm_bindgen_test]
async fn sample_is_analysed_at_first_paint() {
    let root = fresh_root();
    let _app = mount_to(root.clone(), || view! { <App/> });
    tick().await;

    let expected = analyze(SAMPLE_ARTICLE, &lede::reader_options(lede::MAX_BYTES)).expect("sample");
    let (e, q, c) = highlight_counts(&root);
    assert_eq!((e, q, c), totals(&expected));
    assert!(e >= 12 && q >= 4 && c == 5, "entities {e}, quotes {q}, casualties {c}");
    assert_eq!(count(&root, "[data-testid=article]"), 1);
    for id in ["input", "articles", "article", "legend", "side-panel", "boilerplate"] {
        assert_eq!(count(&root, &format!("[data-testid={id}]")), 1, "{id}");
    }
    // Every highlight names its kind and label.
    for m in all(&root, "[data-kind]") {
        assert!(m.get_attribute("data-label").map(|l| !l.is_empty()).unwrap_or(false));
    }

    // The speaker shown beside a quote, resolved from a pronoun.
    let quote = all(&root, "[data-kind=quote]")
        .into_iter()
        .find(|q| q.text_content().unwrap_or_default().contains("We were told"))
        .expect("quote");
    let badge = quote.next_element_sibling().expect("speaker badge");
    assert_eq!(badge.text_content().as_deref(), Some("she (Ines Calloway)"));

    // The side panel counts mentions by canonical name.
    let mentions = expected.articles[0].entities.iter().filter(|e| e.canonical == "Ines Calloway").count();
    let row = all(&root, "[data-testid=entity-row]")
        .into_iter()
        .find(|r| r.text_content().unwrap_or_default().starts_with("Ines Calloway"))
        .expect("entity row");
    assert!(mentions >= 2);
    assert_eq!(one(&row, "[data-testid=entity-count]").text_content(), Some(mentions.to_string()));
    // Quotes grouped by speaker, casualty table rows.
    let speakers: Vec<String> =
        all(&root, "[data-testid=speaker-name]").iter().filter_map(|s| s.text_content()).collect();
    assert!(
        speakers.contains(&"Ines Calloway".to_string()) && speakers.contains(&"Tomas Reyes".to_string()),
        "{speakers:?}"
    );
    assert_eq!(count(&root, "[data-testid=casualty-row]"), c);
}

#[wasm_bindgen_test]
async fn pasted_text_replaces_the_sample() {
    let root = fresh_root();
    let _app = mount_to(root.clone(), || view! { <App/> });
    tick().await;
    let text = "Dock Strike Ends After Nine Days\nPORT VALDERRA (Harbour Wire) — At least 5 workers were injured in clashes at the port on Monday, said Captain Rosa Imbert of the Harbour Police. \"We will not go back without a contract,\" she said.\n";
    paste_and_analyse(&root, text).await;

    let expected = analyze(text, &lede::reader_options(lede::MAX_BYTES)).expect("text");
    assert_eq!(highlight_counts(&root), totals(&expected));
    assert_eq!(count(&root, "[data-kind=casualty][data-label=wounded]"), 1);
    let fig = one(&root, "[data-kind=casualty]");
    assert_eq!(fig.text_content().as_deref(), Some("At least 5 workers were injured"));
    let quote = one(&root, "[data-kind=quote]");
    assert_eq!(quote.get_attribute("data-label").as_deref(), Some("direct"));
    assert_eq!(quote.next_element_sibling().and_then(|b| b.text_content()).as_deref(), Some("she (Rosa Imbert)"));
    assert_eq!(
        one(&root, "[data-testid=article] h2").text_content().as_deref(),
        Some("Dock Strike Ends After Nine Days")
    );
    // The dateline opens the paragraph, set apart.
    let dateline = one(&root, "[data-testid=dateline]");
    assert_eq!(dateline.text_content().as_deref(), Some("PORT VALDERRA (Harbour Wire)"));
    assert!(status(&root).contains("1 article"));
    // The tally at the top of the article and in the side panel: each victim once.
    assert_eq!(one(&root, "[data-testid=tally]").text_content().as_deref(), Some("at least 5 wounded"));
    let row = one(&root, "[data-testid=tally-row]").text_content().unwrap_or_default();
    assert!(row.starts_with("Dock Strike Ends After Nine Days") && row.ends_with("at least 5 wounded"), "{row}");
}

#[wasm_bindgen_test]
async fn legend_toggles_hide_a_kind() {
    let root = fresh_root();
    let _app = mount_to(root.clone(), || view! { <App/> });
    tick().await;
    let articles = one(&root, "[data-testid=articles]");
    assert!(!articles.class_list().contains("hide-entity"));
    let toggle: HtmlInputElement = one(&root, "[data-legend=entity] input").unchecked_into();
    let tab = |kind: &str| {
        all(&articles, &format!("mark[data-kind={kind}]"))
            .iter()
            .map(|m| m.get_attribute("tabindex").unwrap_or_default())
            .collect::<std::collections::BTreeSet<_>>()
    };
    assert_eq!(tab("entity"), ["0".to_string()].into());
    toggle.click();
    tick().await;
    assert!(articles.class_list().contains("hide-entity"));
    assert!(!articles.class_list().contains("hide-quote"));
    // Hidden highlights leave the tab order; the others stay in it.
    assert_eq!(tab("entity"), ["-1".to_string()].into());
    assert_eq!(tab("quote"), ["0".to_string()].into());
    toggle.click();
    tick().await;
    assert!(!articles.class_list().contains("hide-entity"));
    assert_eq!(tab("entity"), ["0".to_string()].into());
}

/// Skip links lead past the input to the articles and to the summary, and
/// the analysis sits in the page's one main landmark.
#[wasm_bindgen_test]
async fn skip_links_reach_the_articles_and_the_summary() {
    let root = fresh_root();
    let _app = mount_to(root.clone(), || view! { <App/> });
    tick().await;
    for (link, target) in [("skip-articles", "lede-articles"), ("skip-panel", "lede-panel")] {
        let a = one(&root, &format!("[data-testid={link}]"));
        assert_eq!(a.get_attribute("href").as_deref(), Some(format!("#{target}").as_str()));
        let t = one(&root, &format!("#{target}"));
        assert_eq!(t.get_attribute("tabindex").as_deref(), Some("-1"), "{target} takes focus");
    }
    assert_eq!(count(&root, "main"), 1);
    assert_eq!(count(&root, "main [data-testid=articles]"), 1);
}

#[wasm_bindgen_test]
async fn unusable_input_shows_a_clear_message() {
    let root = fresh_root();
    let _app = mount_to(root.clone(), || view! { <App/> });
    tick().await;
    paste_and_analyse(&root, "   \n  ").await;
    let err = one(&root, "[data-testid=error]");
    assert!(err.text_content().unwrap_or_default().contains("empty"));
    assert_eq!(count(&root, "[data-kind]"), 0);
    // Loading the sample again recovers.
    one(&root, "[data-testid=load-sample]").click();
    tick().await;
    assert_eq!(count(&root, "[data-testid=error]"), 0);
    assert_eq!(count(&root, "[data-testid=article]"), 1);
}

/// The text inside a `data:` link.
fn data_link_text(el: &HtmlElement) -> String {
    // The link is filled when the user reaches for it: focus does that.
    el.dispatch_event(&web_sys::Event::new("focus").expect("event")).expect("focus");
    let href = el.get_attribute("href").expect("href");
    let (head, body) = href.split_once(',').expect("a data: URL");
    assert!(head.starts_with("data:"), "{head}");
    String::from(js_sys::decode_uri_component(body).expect("percent-encoded"))
}

#[wasm_bindgen_test]
async fn exports_hold_the_analysis() {
    let root = fresh_root();
    let _app = mount_to(root.clone(), || view! { <App/> });
    tick().await;
    let csv = data_link_text(&one(&root, "[data-testid=export-casualties]"));
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 1 + count(&root, "[data-testid=casualty-row]") as usize);
    assert!(lines[1].contains("At least 14 people were killed,14,,killed,at_least"), "{csv}");
    let quotes = data_link_text(&one(&root, "[data-testid=export-quotes]"));
    assert!(quotes.lines().any(|l| l.contains("she,Ines Calloway,direct")), "{quotes}");
    let json = data_link_text(&one(&root, "[data-testid=export-json]"));
    let expected = analyze(SAMPLE_ARTICLE, &lede::reader_options(lede::MAX_BYTES)).expect("sample");
    assert_eq!(json, lede::export::json_document(&expected, SAMPLE_ARTICLE));
    // The exported file carries the text its offsets point into.
    let v: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(v["text"].as_str(), Some(SAMPLE_ARTICLE));
    // A new text updates the exports.
    paste_and_analyse(
        &root,
        "Storm Hits Coast\nAt least 3 people were killed on the coast road on Monday, police said.\n",
    )
    .await;
    let csv = data_link_text(&one(&root, "[data-testid=export-casualties]"));
    assert_eq!(csv.lines().count(), 2, "{csv}");
}

/// Wait for the browser to run anything a payload might have queued.
async fn settle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window().expect("window").set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 100);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// How many requests the page made for URLs containing "__lede_probe".
fn probe_requests() -> f64 {
    js_sys::eval("performance.getEntriesByType('resource').filter(e => e.name.includes('__lede_probe')).length")
        .ok()
        .and_then(|v| v.as_f64())
        .expect("resource timing")
}

fn pwned() -> wasm_bindgen::JsValue {
    js_sys::Reflect::get(&web_sys::window().expect("window"), &"__lede_pwned".into()).expect("get")
}

#[wasm_bindgen_test]
async fn hostile_input_runs_no_code() {
    let root = fresh_root();
    let _app = mount_to(root.clone(), || view! { <App/> });
    tick().await;
    let html = "<html><body><h1>Harbour Town Bridge Falls</h1>\
        <p>At least 3 people were killed when the bridge fell, said Mayor Ada Quill on Sunday morning.</p>\
        <script>window.__lede_pwned = 'script';</script>\
        <img src=\"x\" onerror=\"window.__lede_pwned = 'img'\">\
        <svg onload=\"window.__lede_pwned = 'svg'\"><script>window.__lede_pwned = 'svg-script'</script></svg>\
        <a href=\"javascript:window.__lede_pwned='link'\">read more about the bridge collapse here</a>\
        <iframe src=\"javascript:parent.__lede_pwned='iframe'\"></iframe>\
        <style>body { display: none }</style>\
        <p onclick=\"window.__lede_pwned='click'\">The council will meet on Monday to discuss the repairs.</p>\
        <img src=\"/__lede_probe.png\"><link rel=\"stylesheet\" href=\"/__lede_probe.css\">\
        <video poster=\"/__lede_probe.jpg\"></video><object data=\"/__lede_probe.swf\"></object>\
        <p style=\"background: url(/__lede_probe.gif)\">A styled paragraph asks for a background image.</p>\
        </body></html>";
    paste_and_analyse(&root, html).await;
    settle().await;
    assert!(pwned().is_undefined(), "a payload ran: {:?}", pwned());
    assert_eq!(probe_requests(), 0.0, "the input made the page fetch a resource");
    // The probe can see requests: an image the test itself adds is recorded.
    let control = document().create_element("img").expect("img");
    control.set_attribute("src", "/__lede_control.png").expect("src");
    document().body().expect("body").append_child(&control).expect("append");
    let seen = "performance.getEntriesByType('resource').filter(e => e.name.includes('__lede_control')).length";
    let mut recorded = 0.0;
    for _ in 0..30 {
        settle().await;
        recorded = js_sys::eval(seen).ok().and_then(|v| v.as_f64()).unwrap_or(0.0);
        if recorded > 0.0 {
            break;
        }
    }
    control.remove();
    assert_eq!(recorded, 1.0, "resource timing did not record the control request");
    let articles = one(&root, "[data-testid=articles]");
    for tag in [
        "script",
        "img",
        "svg",
        "iframe",
        "style",
        "link",
        "video",
        "object",
        "a[href]",
        "[onclick]",
        "[onerror]",
        "[style]",
    ] {
        assert_eq!(count(&articles, tag), 0, "{tag} rendered from input");
    }
    // The text survives and is analysed.
    assert_eq!(count(&root, "[data-kind=casualty]"), 1);
    assert!(articles.text_content().unwrap_or_default().contains("The council will meet on Monday"));
    // Markup pasted as plain text is shown as text, not parsed.
    paste_and_analyse(
        &root,
        "Readers sent <img src=x onerror=\"window.__lede_pwned='text'\"> in a letter to the council today.\n",
    )
    .await;
    settle().await;
    assert!(pwned().is_undefined(), "a payload ran: {:?}", pwned());
    assert_eq!(count(&one(&root, "[data-testid=articles]"), "img"), 0);
    assert!(one(&root, "[data-testid=articles]").text_content().unwrap_or_default().contains("<img src=x onerror="));
}

#[wasm_bindgen_test]
async fn an_input_over_the_limit_is_refused_with_an_offer_to_analyse_its_first_part() {
    let root = fresh_root();
    let _app = mount_to(root.clone(), || view! { <App max_bytes=2000/> });
    tick().await;
    let before = highlight_counts(&root);
    let long: String = (1..=60)
        .map(|i| format!("At least {i} people were killed in district {i} on Monday, said Mayor Ada Quill.\n\n"))
        .collect();
    assert!(long.len() > 4000);
    paste_and_analyse(&root, &long).await;
    let said = status(&root);
    assert!(said.contains("over the reader's limit") && said.contains("first part"), "{said}");
    // The previous document stays on screen.
    assert_eq!(highlight_counts(&root), before);
    let offer = one(&root, "[data-testid=analyse-part]");
    assert_eq!(offer.text_content().unwrap_or_default(), "Analyse the first 2000 bytes");
    offer.click();
    tick().await;
    // The whole paragraphs that fit are analysed: one figure per paragraph.
    let part = lede_core::leading_part(&long, 2000);
    assert!(part.ends_with("\n\n") && part.len() > 1900);
    let fits = part.matches("\n\n").count() as u32;
    assert_eq!(count(&one(&root, "[data-testid=articles]"), "[data-kind=casualty]"), fits);
    assert_eq!(count(&root, "[data-testid=analyse-part]"), 0);
    let said = status(&root);
    assert!(said.contains("the first"), "{said}");
}

/// Press a key on the page, as a user would.
fn press(key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    let ev = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).expect("key event");
    let target: web_sys::EventTarget =
        document().active_element().map(|e| e.unchecked_into()).unwrap_or_else(|| document().unchecked_into());
    target.dispatch_event(&ev).expect("dispatch");
}

fn focused() -> Option<Element> {
    document().active_element()
}

#[wasm_bindgen_test]
async fn clicking_an_entity_marks_its_mentions_and_keys_step_through_them() {
    let root = fresh_root();
    let _app = mount_to(root.clone(), || view! { <App/> });
    tick().await;
    // The entity with the most mentions is listed first.
    let row = one(&root, "[data-testid=entity-row]");
    let n: u32 = one(&row, "[data-testid=entity-count]").text_content().unwrap_or_default().parse().expect("count");
    assert!(n >= 2, "the sample's top entity has {n} mention(s)");
    let pick = one(&row, "button.entity-pick");
    let name = pick.text_content().unwrap_or_default();
    pick.click();
    let selected = all(&root, "mark.is-selected");
    assert_eq!(selected.len() as u32, n);
    assert!(selected.iter().all(|m| m.get_attribute("data-key").as_deref() == Some(name.as_str())));
    assert!(focused().is_some_and(|f| f.is_same_node(Some(&selected[0]))), "the first mention is focused");
    // Clicking again, then j, step forward; k steps back; all within the selection.
    pick.click();
    assert!(focused().is_some_and(|f| f.is_same_node(Some(&selected[1]))));
    press("j");
    let third = if n > 2 { 2 } else { 0 };
    let at = |f: Option<Element>| f.map(|f| selected.iter().position(|m| m.is_same_node(Some(&f))));
    assert_eq!(at(focused()), Some(Some(third)), "after j");
    press("k");
    assert!(focused().is_some_and(|f| f.is_same_node(Some(&selected[1]))));
    // Esc clears the selection and dismisses the card; focus stays on the highlight.
    press("Escape");
    assert_eq!(count(&root, "mark.is-selected"), 0);
    assert!(focused().is_some_and(|f| f.is_same_node(Some(&selected[1]))), "Esc keeps focus where it was");
    assert!(selected[1].class_list().contains("card-off"), "Esc dismisses the card");

    // Without a selection, j and k move among highlights of the focused kind.
    let figures = all(&root, "[data-testid=articles] mark[data-kind=casualty]");
    let _ = figures[0].focus();
    assert!(!selected[1].class_list().contains("card-off"), "the card comes back once the highlight is left");
    press("j");
    assert!(focused().is_some_and(|f| f.is_same_node(Some(&figures[1]))));
    press("k");
    press("k");
    assert!(focused().is_some_and(|f| f.is_same_node(Some(&figures[figures.len() - 1]))), "k wraps around");
    // Keys typed into the input area are text, not commands.
    let area = one(&root, "[data-testid=input] textarea");
    let _ = area.focus();
    press("j");
    assert!(focused().is_some_and(|f| f.is_same_node(Some(&area))));
}

#[wasm_bindgen_test]
async fn every_highlight_has_a_card_and_is_reachable_by_keyboard() {
    let root = fresh_root();
    let _app = mount_to(root.clone(), || view! { <App/> });
    tick().await;
    let marks = all(&one(&root, "[data-testid=articles]"), "mark[data-kind]");
    assert!(!marks.is_empty());
    for m in &marks {
        assert_eq!(m.get_attribute("tabindex").as_deref(), Some("0"), "a highlight out of the tab order");
        assert!(m.get_attribute("aria-label").is_some_and(|l| !l.is_empty()));
        let card = m.get_attribute("data-card").unwrap_or_default();
        let want = match m.get_attribute("data-kind").as_deref() {
            Some("entity") => "in this article",
            Some("quote") => "speaker:",
            _ => "qualifier:",
        };
        assert!(card.contains(want), "card {card:?} lacks {want:?}");
    }
    // An attributed quote's card says why that speaker: the rule that
    // proposed it and the ranker's strongest features.
    let attributed = marks
        .iter()
        .filter(|m| m.get_attribute("data-kind").as_deref() == Some("quote"))
        .map(|m| m.get_attribute("data-card").unwrap_or_default())
        .filter(|c| !c.contains("speaker: unknown"))
        .collect::<Vec<_>>();
    assert!(!attributed.is_empty(), "the sample has attributed quotes");
    for card in &attributed {
        assert!(card.contains("\nwhy: ") && card.contains(" (+"), "card {card:?} does not say why");
    }
    // The card is drawn by the stylesheet on focus: the CSS rule is present.
    let entity = marks.iter().find(|m| m.get_attribute("data-kind").as_deref() == Some("entity")).expect("entity");
    assert!(entity.get_attribute("data-card").unwrap_or_default().contains("mention"));
}

#[wasm_bindgen_test]
async fn links_open_a_document_from_the_url() {
    // #text= carries the document itself.
    let root = fresh_root();
    let href = "http://lede.test/#text=Mayor%20Ada%20Quill%20said%20at%20least%203%20people%20were%20killed%20in%20Harbour%20Town.";
    let _app = mount_to(root.clone(), move || view! { <App location=href/> });
    tick().await;
    assert_eq!(count(&root, "[data-testid=articles] mark[data-kind=casualty]"), 1);
    assert!(one(&root, "[data-testid=articles]").text_content().unwrap_or_default().contains("Harbour Town"));

    // ?src= fetches that URL (here a blob the test made) and analyses it.
    let url = blob_url("At least 9 people were injured in Valderra on Sunday, the agency said.", "text/plain");
    let root2 = fresh_root();
    let href2 = format!("http://lede.test/?src={}", js_sys::encode_uri_component(&url));
    let _app2 = mount_to(root2.clone(), move || view! { <App location=href2/> });
    for _ in 0..50 {
        settle().await;
        if one(&root2, "[data-testid=articles]").text_content().unwrap_or_default().contains("Valderra") {
            break;
        }
    }
    assert!(one(&root2, "[data-testid=articles]").text_content().unwrap_or_default().contains("Valderra"));

    // A URL that cannot be loaded: a clear message, and the sample stays.
    let root3 = fresh_root();
    let _app3 = mount_to(root3.clone(), || view! { <App location="http://lede.test/?src=/__lede_missing.txt"/> });
    let mut said = String::new();
    for _ in 0..50 {
        settle().await;
        said = status(&root3);
        if said.contains("could not") {
            break;
        }
    }
    assert!(said.contains("could not load") && said.contains("404"), "{said}");
    assert_eq!(count(&root3, "[data-testid=article]"), 1);
}

fn storage() -> web_sys::Storage {
    web_sys::window().expect("window").local_storage().expect("storage").expect("storage")
}

#[wasm_bindgen_test]
async fn recent_documents_are_kept_in_this_browser_and_cleared() {
    storage().remove_item("lede:recent").expect("clear");
    let root = fresh_root();
    let app = mount_to(root.clone(), || view! { <App/> });
    tick().await;
    assert_eq!(count(&root, "[data-testid=recent]"), 0, "the sample is not a recent document");
    paste_and_analyse(&root, "Storm Closes Coast Road\n\nThe coast road closed on Monday, officials said.").await;
    assert_eq!(count(&root, "[data-testid=recent-item]"), 1);
    assert!(storage().get_item("lede:recent").expect("get").unwrap_or_default().contains("Storm Closes Coast Road"));
    drop(app);
    // Opening the reader again lists it; choosing it opens it.
    let root = fresh_root();
    let _app = mount_to(root.clone(), || view! { <App/> });
    tick().await;
    let item = one(&root, "[data-testid=recent-item]");
    assert_eq!(item.text_content().as_deref(), Some("Storm Closes Coast Road"));
    item.click();
    tick().await;
    assert!(one(&root, "[data-testid=articles]").text_content().unwrap_or_default().contains("coast road closed"));
    one(&root, "[data-testid=recent-clear]").click();
    tick().await;
    assert_eq!(count(&root, "[data-testid=recent]"), 0);
    assert_eq!(storage().get_item("lede:recent").expect("get"), None);
}

#[wasm_bindgen_test]
async fn the_theme_toggle_switches_colour_schemes() {
    storage().remove_item("lede:theme").expect("clear");
    // The reader's stylesheet, as the page links it.
    let css = document().create_element("style").expect("style");
    css.set_text_content(Some(include_str!("../style/lede.css")));
    document().head().expect("head").append_child(&css).expect("append");
    let root = fresh_root();
    let _app = mount_to(root.clone(), || view! { <App/> });
    tick().await;
    let html = document().document_element().expect("html");
    let article = one(&root, "[data-testid=article]");
    let bg = |el: &HtmlElement| {
        web_sys::window()
            .expect("window")
            .get_computed_style(el)
            .expect("style")
            .expect("style")
            .get_property_value("background-color")
            .expect("bg")
    };
    let toggle = one(&root, "[data-testid=theme]");
    assert_eq!(toggle.text_content().as_deref(), Some("Theme: auto"));
    toggle.click();
    tick().await;
    assert_eq!(html.get_attribute("data-theme").as_deref(), Some("light"));
    let light = bg(&article);
    toggle.click();
    tick().await;
    assert_eq!(html.get_attribute("data-theme").as_deref(), Some("dark"));
    assert_ne!(bg(&article), light, "dark looks like light");
    assert_eq!(storage().get_item("lede:theme").expect("get").as_deref(), Some("dark"));
    toggle.click();
    tick().await;
    assert_eq!(html.get_attribute("data-theme"), None);
    storage().remove_item("lede:theme").expect("clear");
    css.remove();
}

/// The reader's worker script as a blob URL, importing this test module's
/// wasm (which carries the embed API) instead of the embed bundle's.
fn worker_script_url() -> String {
    let url = |file: &str| {
        js_sys::eval(&format!("new URL('{file}', location.href).href")).ok().and_then(|v| v.as_string()).expect("URL")
    };
    let original = include_str!("../src/lede-worker.js");
    // The test module's glue has no default path to its wasm: name it.
    let script = original
        .replace("'./lede.js'", &format!("'{}'", url("wasm-bindgen-test.js")))
        .replace("init()", &format!("init({{ module_or_path: '{}' }})", url("wasm-bindgen-test_bg.wasm")));
    assert_eq!(script.matches("wasm-bindgen-test").count(), 2, "the worker script's import and init() changed");
    blob_url(&script, "text/javascript")
}

/// Wait (up to a minute) until the status reports an analysis.
async fn until_analysed(root: &Element) -> String {
    for _ in 0..600 {
        let s = status(root);
        if s.contains("analysed") && count(root, "[data-testid=progress]") == 0 {
            return s;
        }
        settle().await;
    }
    panic!("never analysed: {}", status(root));
}

#[wasm_bindgen_test]
async fn a_long_paste_is_analysed_in_the_worker_while_the_page_shows_progress() {
    let root = fresh_root();
    let url = worker_script_url();
    let _app = mount_to(root.clone(), move || view! { <App worker=url.clone()/> });
    tick().await;
    let sample_marks = highlight_counts(&root);
    let text = lede_core::corpus::news(lede::OFFLOAD_BYTES + 40_000, 11);
    paste_and_analyse(&root, &text).await;
    // The click returned before the analysis ended: the page shows progress
    // and still shows the previous document.
    assert_eq!(count(&root, "[data-testid=progress]"), 1, "{}", status(&root));
    assert!(status(&root).contains("in the background"), "{}", status(&root));
    assert_eq!(highlight_counts(&root), sample_marks);

    let expected = analyze(&text, &lede::reader_options(lede::MAX_BYTES)).expect("corpus");
    let done = until_analysed(&root).await;
    assert_eq!(done, format!("{} article(s) analysed", expected.articles.len()));
    assert!(expected.articles.len() > 20, "{}", expected.articles.len());
    // The worker's analysis is the contract, the same as the page's own.
    let json = data_link_text(&one(&root, "[data-testid=export-json]"));
    assert_eq!(json, lede::export::json_document(&expected, &text));
    assert!(highlight_counts(&root).0 > sample_marks.0);
}

#[wasm_bindgen_test]
async fn without_a_worker_a_long_paste_is_analysed_on_the_page() {
    let root = fresh_root();
    let _app = mount_to(root.clone(), || view! { <App worker="./no-such-worker.js"/> });
    tick().await;
    let text = lede_core::corpus::news(lede::OFFLOAD_BYTES + 1_000, 12);
    paste_and_analyse(&root, &text).await;
    let expected = analyze(&text, &lede::reader_options(lede::MAX_BYTES)).expect("corpus");
    let done = until_analysed(&root).await;
    assert_eq!(
        done,
        format!("{} article(s) analysed on this page (no background worker could start)", expected.articles.len())
    );
    let json = data_link_text(&one(&root, "[data-testid=export-json]"));
    assert_eq!(json, lede::export::json_document(&expected, &text));
}

/// A news page of ours: a menu, the story under its headline and byline,
/// broken by a photo with its caption and credit, a subheading and a promo
/// box, and a footer.
const STORY_PAGE: &str = "<nav><a href=\"#\">Home</a><br><a href=\"#\">News</a><br><a href=\"#\">Sport</a></nav>\
<article><h1>Valderra Reopens Its Harbour Wall After a Winter of Repairs</h1><p>By Tomas Reyes</p>\
<p>The harbour wall that storms breached in January reopened on Saturday, ten weeks after engineers first warned that the old stones would not last another season.</p>\
<p>Crews from the Miren Harbour Authority worked through February and March, replacing more than four hundred blocks and raising the walkway by almost a metre.</p>\
<figure><figcaption>Workers on the new harbour wall in Valderra in March.</figcaption><p>Image Credit: Ada Quill / Valderra Courier</p></figure>\
<p>\"We were racing the spring tides the whole time,\" said Ines Calloway, the engineer who led the work.</p>\
<h2>Racing the Tides</h2>\
<p>Fishermen, who had moored at the north quay since the breach, began bringing their boats home on Friday evening, and the fish market is expected to reopen next week.</p>\
<aside><p>Read more: Ferry fares rise again as the island service loses its subsidy</p></aside>\
<p>The council put the cost at 2.4 million, about a third more than its first estimate, and said most of it would be met from the regional flood fund.</p>\
<p>Residents gathered on the walkway at dusk for the reopening, and the harbour master lit the lamp at the end of the wall.</p>\
</article><footer><p>© 2026 Valderra Courier. All rights reserved.</p></footer>";

/// What a reader's select-all and copy of `html` gives once the browser has rendered it.
fn rendered_text(html: &str) -> String {
    let holder = fresh_root();
    holder.set_inner_html(html);
    let text = holder.inner_text();
    holder.remove();
    text
}

#[wasm_bindgen_test]
async fn a_rendered_page_pasted_as_text_shows_its_story_whole() {
    let root = fresh_root();
    let _app = mount_to(root.clone(), || view! { <App/> });
    tick().await;
    let text = rendered_text(STORY_PAGE);
    assert!(text.contains("Racing the Tides\n"), "{text:?}");
    paste_and_analyse(&root, &text).await;
    let main: Vec<HtmlElement> = all(&root, "[data-testid=article]")
        .into_iter()
        .filter(|a| a.get_attribute("data-role").as_deref() == Some("main"))
        .collect();
    assert_eq!(main.len(), 1, "{}", status(&root));
    let main = &main[0];
    assert_eq!(
        one(main, "h2").text_content().as_deref(),
        Some("Valderra Reopens Its Harbour Wall After a Winter of Repairs")
    );
    let body: Vec<String> = all(main, "[data-para=body]").iter().filter_map(|p| p.text_content()).collect();
    // The story's six paragraphs and its subheading, in one article.
    assert_eq!(body.len(), 7, "{body:#?}");
    assert!(body.iter().any(|p| p == "Racing the Tides"), "{body:#?}");
    assert!(body.iter().any(|p| p.starts_with("Residents gathered on the walkway")), "{body:#?}");
    // The caption is a caption; the credit, the promo, the menu and the footer are not the story's text.
    assert_eq!(
        all(main, "[data-para=caption]").iter().filter_map(|p| p.text_content()).collect::<Vec<_>>(),
        ["Workers on the new harbour wall in Valderra in March."]
    );
    for furniture in ["Image Credit", "Read more:", "Home", "All rights reserved"] {
        assert!(!body.iter().any(|p| p.contains(furniture)), "{furniture}: {body:#?}");
    }
}

/// The side panel sums up the main article first, any other article or
/// the whole page when chosen, and a new document starts at its main
/// article again. Each entity row says its type in words too.
#[wasm_bindgen_test]
async fn the_panel_sums_up_the_article_chosen() {
    let root = fresh_root();
    let _app = mount_to(root.clone(), || view! { <App/> });
    tick().await;
    // Generated news: several articles, analysed on the page.
    let text = lede_core::corpus::news(40_000, 5);
    paste_and_analyse(&root, &text).await;
    let a = analyze(&text, &lede::reader_options(lede::MAX_BYTES)).expect("corpus");
    assert!(a.articles.len() >= 3, "{} articles", a.articles.len());
    let names = |arts: &[&lede_core::Article]| {
        let mut v: Vec<&str> = arts.iter().flat_map(|x| &x.entities).map(|e| e.canonical.as_str()).collect();
        v.sort_unstable();
        v.dedup();
        v.len().min(100) as u32
    };
    let main = a.articles.iter().position(|x| x.role == lede_core::Role::Main).unwrap_or(0);
    let panel = one(&root, "[data-testid=side-panel]");
    assert_eq!(count(&panel, "[data-testid=entity-row]"), names(&[&a.articles[main]]), "the main article's entities");
    assert!(count(&panel, "[data-testid=tally-row]") <= 1);
    for row in all(&panel, "[data-testid=entity-row]") {
        let label = row.get_attribute("data-label").unwrap_or_default();
        assert_eq!(one(&row, "[data-testid=entity-type]").text_content().unwrap_or_default(), label);
    }
    let select: web_sys::HtmlSelectElement = one(&panel, "[data-testid=panel-scope]").unchecked_into();
    assert_eq!(select.length() as usize, a.articles.len() + 1, "each article and the whole page");
    assert_eq!(select.value(), main.to_string());
    let choose = |value: &str| {
        let select: web_sys::HtmlSelectElement = one(&root, "[data-testid=panel-scope]").unchecked_into();
        select.set_value(value);
        select.dispatch_event(&web_sys::Event::new("change").expect("event")).expect("dispatch");
    };
    choose("page");
    tick().await;
    let every: Vec<&lede_core::Article> = a.articles.iter().collect();
    assert_eq!(count(&panel, "[data-testid=entity-row]"), names(&every), "the whole page's entities");
    let other = (0..a.articles.len()).find(|&i| i != main).expect("another article");
    choose(&other.to_string());
    tick().await;
    assert_eq!(count(&panel, "[data-testid=entity-row]"), names(&[&a.articles[other]]));
    let shown_quotes: u32 = all(&panel, ".quote-item").len() as u32;
    assert_eq!(shown_quotes as usize, a.articles[other].quotes.len().min(100 * 100));
    // A new document: its main article again.
    paste_and_analyse(&root, SAMPLE_ARTICLE).await;
    tick().await;
    assert_eq!(count(&root, "[data-testid=panel-scope]"), 0, "the sample is one article: no choice");
    root.remove();
}

/// A crash inside the worker's wasm costs nothing: a clear message and no
/// panic text, the document on screen stays, and the next analysis works
/// in a new worker. (The crash is testkit's deliberate one.)
#[wasm_bindgen_test]
async fn a_crash_in_the_worker_keeps_the_document_and_the_next_analysis_works() {
    let root = fresh_root();
    let url = worker_script_url();
    let _app = mount_to(root.clone(), move || view! { <App worker=url.clone()/> });
    tick().await;
    let sample_marks = highlight_counts(&root);
    let mut text = lede_core::corpus::news(lede::OFFLOAD_BYTES + 20_000, 13);
    text.push_str(lede_core::testkit::CRASH_MARKER);
    paste_and_analyse(&root, &text).await;
    let mut said = String::new();
    for _ in 0..600 {
        said = status(&root);
        if !said.contains("in the background") {
            break;
        }
        settle().await;
    }
    assert!(said.starts_with("Lede stopped while analysing"), "{said}");
    for leak in ["panicked", "unreachable", "RuntimeError", "CRASH_MARKER", "deliberate"] {
        assert!(!root.text_content().unwrap_or_default().contains(leak), "{leak:?} reached the page");
    }
    assert_eq!(highlight_counts(&root), sample_marks, "the document on screen stayed");
    assert_eq!(count(&root, "[data-testid=progress]"), 0);
    // The next long analysis runs in a new worker.
    let text = lede_core::corpus::news(lede::OFFLOAD_BYTES + 20_000, 14);
    paste_and_analyse(&root, &text).await;
    let done = until_analysed(&root).await;
    assert!(done.ends_with("article(s) analysed"), "{done}");
    assert!(highlight_counts(&root).0 > sample_marks.0);
}

/// While a long document is analysed the one on screen is dimmed, and
/// Cancel stops the work, keeps that document and lets the next one run.
#[wasm_bindgen_test]
async fn a_long_analysis_dims_the_page_and_can_be_cancelled() {
    let root = fresh_root();
    let url = worker_script_url();
    let _app = mount_to(root.clone(), move || view! { <App worker=url.clone()/> });
    tick().await;
    let sample_marks = highlight_counts(&root);
    let articles = one(&root, "[data-testid=articles]");
    assert!(!articles.class_list().contains("stale"));
    let text = lede_core::corpus::news(lede::OFFLOAD_BYTES + 60_000, 15);
    paste_and_analyse(&root, &text).await;
    assert_eq!(count(&root, "[data-testid=progress]"), 1, "{}", status(&root));
    assert!(articles.class_list().contains("stale"), "the old document is dimmed");
    assert_eq!(articles.get_attribute("aria-busy").as_deref(), Some("true"));
    one(&root, "[data-testid=cancel]").click();
    tick().await;
    assert!(status(&root).starts_with("Analysis cancelled"), "{}", status(&root));
    assert_eq!(count(&root, "[data-testid=progress]"), 0);
    assert!(!articles.class_list().contains("stale"));
    // Nothing arrives later from the cancelled work.
    for _ in 0..20 {
        settle().await;
    }
    assert_eq!(highlight_counts(&root), sample_marks, "the document on screen stayed");
    assert!(status(&root).starts_with("Analysis cancelled"), "{}", status(&root));
    // The next long paste runs in a new worker.
    paste_and_analyse(&root, &text).await;
    let done = until_analysed(&root).await;
    assert!(done.ends_with("article(s) analysed"), "{done}");
    assert!(highlight_counts(&root).0 > sample_marks.0);
}
