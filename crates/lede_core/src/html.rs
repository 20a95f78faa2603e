//! HTML to document text (first version): a single linear pass that keeps
//! block structure as lines, drops script, style, noscript, template, svg
//! and head content, and decodes character references. No recursion, so
//! deep nesting and broken markup cannot overflow the stack.

/// Does this input look like HTML markup?
pub fn looks_like_html(input: &str) -> bool {
    let head: String = input.trim_start().chars().take(1024).collect::<String>().to_ascii_lowercase();
    if head.starts_with("<!doctype html") || head.starts_with("<html") {
        return true;
    }
    head.starts_with('<')
        && ["<body", "<div", "<p>", "<p ", "<article", "<head", "<meta", "<section"].iter().any(|t| head.contains(t))
}

/// Elements that end a line of text.
pub const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "td",
    "th",
    "title",
    "tr",
    "ul",
];
/// Elements whose content is never text of the page.
pub const SKIP_TAGS: &[&str] =
    &["head", "iframe", "noscript", "object", "script", "select", "style", "svg", "template", "textarea"];

/// Elements whose content is raw text up to their end tag.
pub const RAW_TEXT_TAGS: &[&str] = &["script", "style", "textarea", "xmp"];

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
pub fn walk<'a>(html: &'a str, mut visit: impl FnMut(Node<'_>)) {
    let b = html.as_bytes();
    let mut i = 0;
    // While inside a skipped element: its name.
    let mut skipping: Option<&'static str> = None;
    while i < b.len() {
        if b[i] != b'<' {
            let next = html[i..].find('<').map(|p| i + p).unwrap_or(b.len());
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
                continue;
            }
            skipping = None;
        }
        if !closing && !raw.ends_with('/') {
            if RAW_TEXT_TAGS.contains(&name.as_str()) {
                i = raw_text_end(html, i, &name);
                continue;
            }
            if let Some(sk) = SKIP_TAGS.iter().find(|t| **t == name) {
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

/// Extract the document text of an HTML page: one line per block.
pub fn to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut line = String::new();
    walk(html, |node| match node {
        Node::Tag { name, .. } if BLOCK_TAGS.contains(&name) => {
            flush_line(&mut line, &mut out);
        }
        Node::Tag { .. } => {}
        Node::Text(t) => decode_into(t, &mut line),
    });
    flush_line(&mut line, &mut out);
    out
}

fn named_entity(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "mdash" => '—',
        "ndash" => '–',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "laquo" => '«',
        "raquo" => '»',
        "hellip" => '…',
        "copy" => '©',
        "eacute" => 'é',
        "euro" => '€',
        "pound" => '£',
        _ => return None,
    })
}

/// Decode character references in a text run.
pub fn decode_into(s: &str, out: &mut String) {
    let mut rest = s;
    while let Some(p) = rest.find('&') {
        out.push_str(&rest[..p]);
        rest = &rest[p..];
        // A reference ends at ';' within 12 bytes (a byte search: ';' is ASCII,
        // so the cut is always on a char boundary).
        let semi = rest.bytes().take(12).position(|b| b == b';');
        let decoded = semi.and_then(|q| {
            let name = &rest[1..q];
            let c = if let Some(num) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                u32::from_str_radix(num, 16).ok().and_then(char::from_u32)
            } else if let Some(num) = name.strip_prefix('#') {
                num.parse::<u32>().ok().and_then(char::from_u32)
            } else {
                named_entity(name)
            };
            c.map(|c| (c, q + 1))
        });
        match decoded {
            Some((c, used)) => {
                out.push(if c == '\0' { '\u{FFFD}' } else { c });
                rest = &rest[used..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_table() {
        let table: &[(&str, &str)] = &[
            ("<p>One &amp; two</p><p>Three</p>", "One & two\nThree\n"),
            ("<html><head><title>T</title></head><body><h1>Head</h1><script>var x = '<p>';</script><p>Body &#8220;q&#x201D;</p></body></html>", "Head\nBody “q”\n"),
            ("<div><p>Unclosed <b>bold", "Unclosed bold\n"),
            ("<p>a<br>b</p><!-- hidden --><style>p{}</style>", "a\nb\n"),
            ("<p>truncated <a href=", "truncated\n"),
            ("<svg><text>no</text></svg><p>&bogus; &#99999999;</p>", "&bogus; &#99999999;\n"),
            ("<p>&amp; Wine »</p>", "& Wine »\n"),
            ("<p>a</p><script>for (i=0;i<n;i++) {}</script><p>b</p>", "a\nb\n"),
            ("<style>p{}</STYLE><p>c</p>", "c\n"),
            ("<head><title>t</title><body><p>no head end</p>", "no head end\n"),
            ("<HTML><HEAD><TITLE>t</TITLE><META x><div>no body tag</div>", "no body tag\n"),
            ("<p>d</p><script>never closed", "d\n"),
            ("<p>&ééééééé;</p>", "&ééééééé;\n"),
        ];
        for (input, want) in table {
            assert_eq!(to_text(input), *want, "input {input:?}");
        }
    }

    #[test]
    fn deep_nesting_is_linear_and_safe() {
        let html = "<div>".repeat(100_000) + "deep" + &"</div>".repeat(100_000);
        assert_eq!(to_text(&html), "deep\n");
    }

    #[test]
    fn detects_html() {
        assert!(looks_like_html("<!DOCTYPE html><html>"));
        assert!(looks_like_html("  <div><p>x</p></div>"));
        assert!(!looks_like_html("Plain text with <b> in it"));
    }
}
