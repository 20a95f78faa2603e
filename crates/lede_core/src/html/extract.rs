//! HTML to document text: block structure kept as lines, and hints of furniture from tags and classes.

use super::*;

/// Document text with hints from the markup: byte ranges of lines that sit
/// in page furniture (`<nav>`, `<aside>`, `<footer>`, or an element
/// whose class or id says comments, related, share, menu, ad, …) or that are
/// mostly link text, with the kind of boilerplate each suggests.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Extracted {
    pub text: String,
    pub hints: Vec<(usize, usize, crate::BoilerplateKind)>,
    /// The lines that are headings in the markup (`<h1>` … `<h6>`): byte
    /// range and level, in text order.
    pub headings: Vec<(usize, usize, u8)>,
    /// The lines inside a content container (`<article>`, `<main>`, an
    /// element with `itemprop="articleBody"`): byte range and the innermost
    /// container's number (1, 2, … in the order they open), in text order.
    pub containers: Vec<(usize, usize, u32)>,
    /// Every line's innermost block element (numbered 1, 2, … as they open;
    /// 0: none), and each element's parent (`parents[n - 1]`, 0 at the top):
    /// the page's tree, enough to find the elements lines share.
    pub elements: Vec<(usize, usize, u32)>,
    pub parents: Vec<u32>,
    /// The lines that are a table's cells or a list's items, in text order.
    pub items: Vec<(usize, usize)>,
    /// The lines that are captions or credits (`<figcaption>`, or an element
    /// whose class or id says caption or credit), in text order.
    pub captions: Vec<(usize, usize)>,
}

/// Where a line stands in the markup when it is closed.
struct At {
    kind: Option<crate::BoilerplateKind>,
    level: Option<u8>,
    container: Option<u32>,
    element: u32,
    /// Inside a table cell or a list item.
    item: bool,
    /// Inside a caption or a credit.
    caption: bool,
}

/// Close a line of text into `out` with what the markup says of it.
fn flush(line: &mut String, link_chars: &mut usize, at: At, out: &mut Extracted) {
    let total = line.chars().filter(|c| !c.is_whitespace()).count();
    let links = *link_chars;
    *link_chars = 0;
    let start = out.text.len();
    if !flush_line(line, &mut out.text) {
        return;
    }
    let end = out.text.len() - 1;
    let words = out.text[start..end].split_whitespace().count();
    // A line that is mostly link text is a link list entry.
    // (A longer line is a link list when nearly all of it is links.)
    let linky = total > 0 && (links * 10 >= total * 7 && words <= 14 || links * 10 >= total * 9);
    let k = at.kind.or_else(|| {
        linky.then_some(if words <= 3 {
            crate::BoilerplateKind::Navigation
        } else {
            crate::BoilerplateKind::RelatedLinks
        })
    });
    if let Some(k) = k {
        out.hints.push((start, end, k));
    }
    if let Some(level) = at.level {
        out.headings.push((start, end, level));
    }
    if let Some(c) = at.container {
        out.containers.push((start, end, c));
    }
    out.elements.push((start, end, at.element));
    if at.item {
        out.items.push((start, end));
    }
    if at.caption {
        out.captions.push((start, end));
    }
}

/// Does this start tag open a caption or a credit?
fn caption(name: &str, raw: &str) -> bool {
    name == "figcaption"
        || [attr(raw, "class"), attr(raw, "id")].into_iter().flatten().any(|v| {
            v.split(|c: char| !c.is_ascii_alphanumeric())
                .any(|t| ["caption", "figcaption", "credit", "credits"].iter().any(|w| t.eq_ignore_ascii_case(w)))
        })
}

/// Does this start tag open a content container?
fn content_container(name: &str, raw: &str) -> bool {
    matches!(name, "article" | "main") || attr(raw, "itemprop").is_some_and(|v| v.eq_ignore_ascii_case("articleBody"))
}

/// The level of a heading element (`h1` → 1), else `None`.
fn heading_level(name: &str) -> Option<u8> {
    match name.as_bytes() {
        [b'h', d @ b'1'..=b'6'] => Some(d - b'0'),
        _ => None,
    }
}

/// The boilerplate kind a container suggests, from its tag and its class
/// and id tokens ("comment-list" → comments).
pub(crate) fn furniture(name: &str, raw: &str) -> Option<crate::BoilerplateKind> {
    use crate::BoilerplateKind as K;
    let by_tag = match name {
        "nav" => Some(K::Navigation),
        "aside" => Some(K::RelatedLinks),
        // (Not <form>: ASP.NET pages wrap the whole page in one.)
        "footer" => Some(K::Other),
        _ => None,
    };
    if by_tag.is_some() {
        return by_tag;
    }
    let mut kind = None;
    for value in [attr(raw, "class"), attr(raw, "id")].into_iter().flatten() {
        let value = value.to_ascii_lowercase();
        for token in value.split(|c: char| !c.is_ascii_alphanumeric()) {
            let k = match token {
                "comment" | "comments" | "disqus" | "respond" | "replies" => Some(K::Comments),
                "related" | "recommended" | "trending" | "popular" | "outbrain" | "taboola" | "teaser" | "teasers" => {
                    Some(K::RelatedLinks)
                }
                "nav" | "navbar" | "navigation" | "menu" | "breadcrumb" | "breadcrumbs" | "masthead" => {
                    Some(K::Navigation)
                }
                "share" | "sharing" | "social" | "sharebar" => Some(K::Social),
                "ad" | "ads" | "advert" | "advertisement" | "sponsor" | "sponsored" => Some(K::Ad),
                "promo" | "newsletter" | "subscribe" | "subscription" | "paywall" => Some(K::Promo),
                "footer" | "sidebar" | "widget" | "cookie" | "popup" | "modal" => Some(K::Other),
                _ => None,
            };
            kind = kind.or(k);
        }
    }
    kind
}

/// Elements without an end tag: never pushed on the container stack.
pub(crate) const VOID_TAGS: &[&str] =
    &["br", "hr", "img", "input", "link", "meta", "wbr", "source", "area", "col", "embed"];

/// Fewer words than this in a page's text, and the text inside its
/// `<noscript>` elements is read too. Provenance: a page that shows its
/// content only with scripts off (a forum's crawler view) gives none
/// without; set while reading WCXB's fitting part (issue #21), not fitted.
pub const NOSCRIPT_FALLBACK_WORDS: usize = 50;

/// Extract the document text of an HTML page with boilerplate hints (see
/// [`Extracted`]). The text is exactly [`to_text`]'s. A page whose text is
/// nearly empty but for what it shows with scripts off (`<noscript>`) is
/// read as a browser with scripts off shows it.
pub fn extract(html: &str) -> Extracted {
    with_scripts_off_if_empty(html, |skip| extract_skipping(html, skip), |x| &x.text)
}

/// Read a page with `read` (given the elements to skip), and once more with
/// `<noscript>` read as content when the first reading has fewer than
/// [`NOSCRIPT_FALLBACK_WORDS`] words and the page has one; the reading with
/// more words wins. `text` is a reading's text.
pub(crate) fn with_scripts_off_if_empty<T>(
    html: &str,
    read: impl Fn(&[&'static str]) -> T,
    text: impl Fn(&T) -> &str,
) -> T {
    let out = read(SKIP_TAGS);
    if text(&out).split_whitespace().nth(NOSCRIPT_FALLBACK_WORDS).is_some() || !html.contains("<noscript") {
        return out;
    }
    let skip: Vec<&'static str> = SKIP_TAGS.iter().copied().filter(|t| *t != "noscript").collect();
    let scripts_off = read(&skip);
    if text(&scripts_off).split_whitespace().count() > text(&out).split_whitespace().count() {
        scripts_off
    } else {
        out
    }
}

fn extract_skipping(html: &str, skip: &[&'static str]) -> Extracted {
    let mut out = Extracted { text: String::with_capacity(html.len() / 2), ..Extracted::default() };
    // The numbers of the elements open in `stack`, in step with it, and
    // whether each is a caption.
    let mut ids: Vec<u32> = Vec::new();
    let mut captions: Vec<bool> = Vec::new();
    // Open content containers: (depth in `stack` when opened, number).
    let mut containers: Vec<(usize, u32)> = Vec::new();
    let mut opened = 0u32;
    let mut line = String::new();
    // Open containers: (name, the furniture kind in force inside it).
    let mut stack: Vec<(String, Option<crate::BoilerplateKind>)> = Vec::new();
    let mut in_link = 0usize;
    let mut link_chars = 0usize;
    // The level of the heading open innermost (looking a few elements deep,
    // so deep nesting stays linear).
    let at = |stack: &[(String, Option<crate::BoilerplateKind>)],
              ids: &[u32],
              captions: &[bool],
              containers: &[(usize, u32)]| At {
        kind: stack.last().and_then(|s| s.1),
        level: stack.iter().rev().take(8).find_map(|(n, _)| heading_level(n)),
        container: containers.last().map(|c| c.1),
        element: ids.last().copied().unwrap_or(0),
        item: stack.iter().rev().take(8).any(|(n, _)| matches!(n.as_str(), "td" | "th" | "li")),
        caption: captions.iter().rev().take(8).any(|&c| c),
    };
    walk_skipping(html, skip, |node| match node {
        Node::Tag { name, closing, raw } => {
            let current = stack.last().and_then(|s| s.1);
            if name == "a" {
                if closing {
                    in_link = in_link.saturating_sub(1);
                } else {
                    in_link += 1;
                }
            }
            let block = BLOCK_TAGS.contains(&name);
            if block {
                flush(&mut line, &mut link_chars, at(&stack, &ids, &captions, &containers), &mut out);
            }
            if VOID_TAGS.contains(&name) || raw.ends_with('/') {
                return;
            }
            if closing {
                // Close the nearest open element of this name (a bounded look,
                // so broken markup stays linear).
                if let Some(pos) = stack.iter().rev().take(64).position(|(n, _)| n == name) {
                    let keep = stack.len() - 1 - pos;
                    stack.truncate(keep);
                    ids.truncate(keep);
                    captions.truncate(keep);
                    while containers.last().is_some_and(|c| c.0 >= keep) {
                        containers.pop();
                    }
                }
            } else if block || matches!(name, "span" | "section" | "ul" | "ol") {
                let kind = current.or_else(|| furniture(name, raw));
                // Deep nesting is bounded: past 4096 open elements, only the kind is kept.
                if stack.len() < 4096 {
                    if content_container(name, raw) {
                        opened += 1;
                        containers.push((stack.len(), opened));
                    }
                    stack.push((name.to_string(), kind));
                    out.parents.push(ids.last().copied().unwrap_or(0));
                    ids.push(out.parents.len() as u32);
                    captions.push(caption(name, raw));
                }
            }
        }
        Node::Text(t) => {
            let before = line.len();
            decode_into(t, &mut line);
            if in_link > 0 {
                link_chars += line[before..].chars().filter(|c| !c.is_whitespace()).count();
            }
        }
    });
    flush(&mut line, &mut link_chars, at(&stack, &ids, &captions, &containers), &mut out);
    out
}
