//! The one linear pass over markup: tags, text and comments, without recursion.

use super::*;

/// The byte offset just past `</name…>` at or after `from` (case-insensitive),
/// or the end of the input when the element is never closed. Linear.
pub fn raw_text_end(html: &str, from: usize, name: &str) -> usize {
    let b = html.as_bytes();
    let n = name.as_bytes();
    let mut i = from;
    while let Some(p) = html[i..].find("</") {
        let at = i + p + 2;
        if b.len() >= at + n.len() && b[at..at + n.len()].eq_ignore_ascii_case(n) {
            return html[at..].find('>').map(|q| at + q + 1).unwrap_or(b.len());
        }
        i = at;
    }
    b.len()
}

/// What the walker meets outside skipped content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Node<'a> {
    /// A start or end tag: its lowercase name and the raw text between `<` and `>`.
    Tag { name: &'a str, closing: bool, raw: &'a str },
    /// Text between tags, not yet decoded.
    Text(&'a str),
}

/// Walk an HTML page in one linear pass, calling `visit` for every tag and
/// text run that is part of the page's content. Comments, script and style
/// text (up to their literal end tag, so "i<n" is never read as a tag) and
/// skipped elements (head, svg, iframe, …) are passed over; a head left open
/// ends where the body's content starts, as browsers read it. No recursion.
pub fn walk(html: &str, visit: impl FnMut(Node<'_>)) {
    walk_skipping(html, SKIP_TAGS, visit);
}

/// [`walk`], passing over the elements named in `skip` (a subset of
/// [`SKIP_TAGS`]: those not named are walked as content).
pub fn walk_skipping<'a>(html: &'a str, skip: &[&'static str], mut visit: impl FnMut(Node<'_>)) {
    let b = html.as_bytes();
    let mut i = 0;
    // While inside a skipped element: its name.
    let mut skipping: Option<&'static str> = None;
    // A '<' opens markup only before a letter, '/', '!' or '?' ("a < b" is text).
    let opens = |k: usize| b.get(k + 1).is_some_and(|&c| c.is_ascii_alphabetic() || matches!(c, b'/' | b'!' | b'?'));
    while i < b.len() {
        if b[i] != b'<' || !opens(i) {
            let mut next = if b[i] == b'<' { i + 1 } else { i };
            while next < b.len() {
                match html[next..].find('<') {
                    Some(p) if opens(next + p) => {
                        next += p;
                        break;
                    }
                    Some(p) => next += p + 1,
                    None => next = b.len(),
                }
            }
            if skipping.is_none() {
                visit(Node::Text(&html[i..next]));
            }
            i = next;
            continue;
        }
        if html[i..].starts_with("<!--") {
            i = html[i + 4..].find("-->").map(|p| i + 4 + p + 3).unwrap_or(b.len());
            continue;
        }
        let Some(close) = html[i..].find('>') else {
            break; // truncated tag at the end
        };
        let raw: &'a str = &html[i + 1..i + close];
        i += close + 1;
        let closing = raw.starts_with('/');
        let name: String = raw
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .map(|c| c.to_ascii_lowercase())
            .collect();
        if let Some(sk) = skipping {
            if closing && name == sk {
                skipping = None;
                continue;
            }
            // A head left open ends at <body> or any block but <title>.
            let body_starts =
                sk == "head" && !closing && (name == "body" || name != "title" && BLOCK_TAGS.contains(&name.as_str()));
            if !body_starts {
                // A script or style inside (a head's, an svg's) is passed over
                // to its literal end tag too: "h<p?a:b" in a script is no <p>.
                if !closing && !raw.ends_with('/') && RAW_TEXT_TAGS.contains(&name.as_str()) {
                    i = raw_text_end(html, i, &name);
                }
                continue;
            }
            skipping = None;
        }
        if !closing && !raw.ends_with('/') {
            if RAW_TEXT_TAGS.contains(&name.as_str()) {
                i = raw_text_end(html, i, &name);
                continue;
            }
            if let Some(sk) = skip.iter().find(|t| **t == name) {
                skipping = Some(sk);
                continue;
            }
        }
        visit(Node::Tag { name: &name, closing, raw });
    }
}

/// Close a line of text: its whitespace collapsed, appended with a newline
/// unless empty. Returns whether a line was written.
pub fn flush_line(line: &mut String, out: &mut String) -> bool {
    let t = line.split_whitespace().collect::<Vec<_>>().join(" ");
    line.clear();
    if t.is_empty() {
        return false;
    }
    out.push_str(&t);
    out.push('\n');
    true
}

/// Extract the document text of an HTML page: one line per block, with
/// `<noscript>` read when the page is nearly empty without it, as
/// [`extract`] does.
pub fn to_text(html: &str) -> String {
    with_scripts_off_if_empty(html, |skip| to_text_skipping(html, skip), String::as_str)
}

fn to_text_skipping(html: &str, skip: &[&'static str]) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut line = String::new();
    walk_skipping(html, skip, |node| match node {
        Node::Tag { name, .. } if BLOCK_TAGS.contains(&name) => {
            flush_line(&mut line, &mut out);
        }
        Node::Tag { .. } => {}
        Node::Text(t) => decode_into(t, &mut line),
    });
    flush_line(&mut line, &mut out);
    out
}
