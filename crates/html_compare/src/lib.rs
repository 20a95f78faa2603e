//! Candidate HTML parsers for `lede_core`, each reduced to the same job:
//! the page's text, one line per block (the block elements of
//! [`lede_core::html::BLOCK_TAGS`]), without the content of
//! [`lede_core::html::SKIP_TAGS`], character references decoded.
//! `cargo xtask compare-html` measures them on broken markup, speed, agreement
//! and added wasm size; the README records the figures and the choice.
//!
//! Every walk here is iterative, so no candidate is blamed for our recursion.

#[allow(unused_imports)] // (The wasm size probe builds one candidate at a time.)
use lede_core::html::{decode_into, flush_line, BLOCK_TAGS, SKIP_TAGS};

/// One candidate: the page's text, or why it could not give it.
pub type Extractor = fn(&str) -> Result<String, String>;

/// The candidates, by name, in the order the comparison prints them.
pub const NAMES: &[&str] = &["ours", "html5ever", "tl", "lol_html"];

/// Our own single-pass extractor (what `lede_core` ships).
#[cfg(feature = "ours")]
pub fn ours(html: &str) -> Result<String, String> {
    Ok(lede_core::html::to_text(html))
}

/// html5ever through scraper: the WHATWG tree builder (what browsers do).
#[cfg(feature = "html5ever")]
pub fn html5ever(html: &str) -> Result<String, String> {
    use ego_tree::iter::Edge;
    use scraper::Node;
    let doc = scraper::Html::parse_document(html);
    let mut out = String::new();
    let mut line = String::new();
    let mut skip = 0usize;
    for edge in doc.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(e) => {
                    let name = e.name();
                    if BLOCK_TAGS.contains(&name) {
                        flush_line(&mut line, &mut out);
                    }
                    if SKIP_TAGS.contains(&name) || name == "xmp" {
                        skip += 1;
                    }
                }
                Node::Text(t) if skip == 0 => line.push_str(t),
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(e) = node.value() {
                    let name = e.name();
                    if SKIP_TAGS.contains(&name) || name == "xmp" {
                        skip = skip.saturating_sub(1);
                    }
                    if BLOCK_TAGS.contains(&name) {
                        flush_line(&mut line, &mut out);
                    }
                }
            }
        }
    }
    flush_line(&mut line, &mut out);
    Ok(out)
}

/// tl: a fast, lenient tokenizer that builds a flat node list (no
/// entity decoding of its own: ours is applied to its text).
#[cfg(feature = "tl")]
pub fn tl(html: &str) -> Result<String, String> {
    let dom = tl::parse(html, tl::ParserOptions::default()).map_err(|e| e.to_string())?;
    let parser = dom.parser();
    let mut out = String::new();
    let mut line = String::new();
    // (node, entering): an explicit stack instead of recursion.
    let mut stack: Vec<(tl::NodeHandle, bool)> = dom.children().iter().rev().map(|h| (*h, true)).collect();
    while let Some((h, entering)) = stack.pop() {
        let Some(node) = h.get(parser) else { continue };
        match node {
            tl::Node::Tag(tag) => {
                let name = tag.name().as_utf8_str().to_ascii_lowercase();
                if BLOCK_TAGS.contains(&name.as_str()) {
                    flush_line(&mut line, &mut out);
                }
                if !entering || SKIP_TAGS.contains(&name.as_str()) || name == "xmp" {
                    continue;
                }
                stack.push((h, false));
                let children: Vec<tl::NodeHandle> = tag.children().top().iter().copied().collect();
                stack.extend(children.into_iter().rev().map(|c| (c, true)));
            }
            tl::Node::Raw(text) => decode_into(&text.as_utf8_str(), &mut line),
            tl::Node::Comment(_) => {}
        }
    }
    flush_line(&mut line, &mut out);
    Ok(out)
}

/// lol_html: Cloudflare's streaming rewriter (no tree; CSS-selector
/// handlers on a token stream, constant memory).
#[cfg(feature = "lol")]
pub fn lol_html(html: &str) -> Result<String, String> {
    use lol_html::{doc_text, element, HtmlRewriter, Settings};
    use std::cell::RefCell;
    use std::rc::Rc;
    #[derive(Default)]
    struct State {
        out: String,
        line: String,
        raw: String,
        skip: usize,
    }
    let st = Rc::new(RefCell::new(State::default()));
    let (a, b, c) = (st.clone(), st.clone(), st.clone());
    let mut rewriter = HtmlRewriter::new(
        Settings::new()
            .append_element_content_handler(element!("*", move |el| {
                let name = el.tag_name();
                let block = BLOCK_TAGS.contains(&name.as_str());
                let skip = SKIP_TAGS.contains(&name.as_str()) || name == "xmp";
                {
                    let mut s = a.borrow_mut();
                    let s = &mut *s;
                    if block {
                        let raw = std::mem::take(&mut s.raw);
                        decode_into(&raw, &mut s.line);
                        flush_line(&mut s.line, &mut s.out);
                    }
                    if skip {
                        s.skip += 1;
                    }
                }
                if block || skip {
                    if let Some(handlers) = el.end_tag_handlers() {
                        let b = b.clone();
                        let handler: lol_html::EndTagHandler<'static> = Box::new(move |_end| {
                            let mut s = b.borrow_mut();
                            let s = &mut *s;
                            if skip {
                                s.skip = s.skip.saturating_sub(1);
                            }
                            if block {
                                let raw = std::mem::take(&mut s.raw);
                                decode_into(&raw, &mut s.line);
                                flush_line(&mut s.line, &mut s.out);
                            }
                            Ok(())
                        });
                        handlers.push(handler);
                    }
                }
                Ok(())
            }))
            .append_document_content_handler(doc_text!(move |t| {
                let mut s = c.borrow_mut();
                if s.skip == 0 {
                    // (Chunks may split a character reference: decode per line.)
                    s.raw.push_str(t.as_str());
                }
                Ok(())
            })),
        |_: &[u8]| {},
    );
    rewriter.write(html.as_bytes()).map_err(|e| e.to_string())?;
    rewriter.end().map_err(|e| e.to_string())?;
    let mut s = st.borrow_mut();
    let s = &mut *s;
    let raw = std::mem::take(&mut s.raw);
    decode_into(&raw, &mut s.line);
    flush_line(&mut s.line, &mut s.out);
    Ok(std::mem::take(&mut s.out))
}

/// The candidate by name, where its feature is on.
pub fn by_name(name: &str) -> Option<Extractor> {
    match name {
        #[cfg(feature = "ours")]
        "ours" => Some(ours),
        #[cfg(feature = "html5ever")]
        "html5ever" => Some(html5ever),
        #[cfg(feature = "tl")]
        "tl" => Some(tl),
        #[cfg(feature = "lol")]
        "lol_html" => Some(lol_html),
        _ => None,
    }
}

/// The wasm size probe: a module exporting one candidate, built once per
/// feature by `cargo xtask compare-html` (with no feature: the baseline).
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn extract(html: &str) -> String {
    let built: &[Extractor] = &[
        #[cfg(feature = "ours")]
        ours,
        #[cfg(feature = "html5ever")]
        html5ever,
        #[cfg(feature = "tl")]
        tl,
        #[cfg(feature = "lol")]
        lol_html,
    ];
    match built.first() {
        Some(f) => f(html).unwrap_or_default(),
        None => html.len().to_string(),
    }
}

#[cfg(all(test, feature = "ours", feature = "html5ever", feature = "tl", feature = "lol"))]
mod tests {
    use super::*;

    #[test]
    fn every_candidate_gives_the_same_text_on_clean_markup() {
        let page = "<html><head><title>T</title><style>p{}</style></head><body><h1>Bridge &amp; Tunnel</h1>\
            <p>The <b>bridge</b> fell on Monday.</p><script>var x = 1;</script><ul><li>One</li><li>Two</li></ul></body></html>";
        let want = "Bridge & Tunnel\nThe bridge fell on Monday.\nOne\nTwo\n";
        for name in NAMES {
            let f = by_name(name).expect("every candidate is built in tests");
            assert_eq!(f(page).as_deref(), Ok(want), "{name}");
        }
        // A "<p>" inside a script's string: tl reads it as a tag, and the
        // list after the script is lost inside it.
        let page = "<p>a</p><script>var x = '<p>';</script><ul><li>One</li></ul>";
        for name in NAMES {
            let f = by_name(name).expect("every candidate is built in tests");
            let want = if *name == "tl" { "a\n" } else { "a\nOne\n" };
            assert_eq!(f(page).as_deref(), Ok(want), "{name}");
        }
    }
}
