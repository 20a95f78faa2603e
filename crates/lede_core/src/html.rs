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

/// Document text with hints from the markup: byte ranges of lines that sit
/// in page furniture (`<nav>`, `<aside>`, `<footer>`, or an element
/// whose class or id says comments, related, share, menu, ad, …) or that are
/// mostly link text, with the kind of boilerplate each suggests.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Extracted {
    pub text: String,
    pub hints: Vec<(usize, usize, crate::BoilerplateKind)>,
}

/// The boilerplate kind a container suggests, from its tag and its class
/// and id tokens ("comment-list" → comments).
fn furniture(name: &str, raw: &str) -> Option<crate::BoilerplateKind> {
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
const VOID_TAGS: &[&str] = &["br", "hr", "img", "input", "link", "meta", "wbr", "source", "area", "col", "embed"];

/// Extract the document text of an HTML page with boilerplate hints (see
/// [`Extracted`]). The text is exactly [`to_text`]'s.
pub fn extract(html: &str) -> Extracted {
    let mut out = Extracted { text: String::with_capacity(html.len() / 2), hints: Vec::new() };
    let mut line = String::new();
    // Open containers: (name, the furniture kind in force inside it).
    let mut stack: Vec<(String, Option<crate::BoilerplateKind>)> = Vec::new();
    let mut in_link = 0usize;
    let mut link_chars = 0usize;
    let flush =
        |line: &mut String, link_chars: &mut usize, kind: Option<crate::BoilerplateKind>, out: &mut Extracted| {
            let total = line.chars().filter(|c| !c.is_whitespace()).count();
            let links = *link_chars;
            *link_chars = 0;
            let start = out.text.len();
            if flush_line(line, &mut out.text) {
                let end = out.text.len() - 1;
                let words = out.text[start..end].split_whitespace().count();
                // A line that is mostly link text is a link list entry.
                // (A longer line is a link list when nearly all of it is links.)
                let linky = total > 0 && (links * 10 >= total * 7 && words <= 14 || links * 10 >= total * 9);
                let k = kind.or_else(|| {
                    linky.then_some(if words <= 3 {
                        crate::BoilerplateKind::Navigation
                    } else {
                        crate::BoilerplateKind::RelatedLinks
                    })
                });
                if let Some(k) = k {
                    out.hints.push((start, end, k));
                }
            }
        };
    walk(html, |node| match node {
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
                flush(&mut line, &mut link_chars, current, &mut out);
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
                }
            } else if block || matches!(name, "span" | "section" | "ul" | "ol") {
                let kind = current.or_else(|| furniture(name, raw));
                // Deep nesting is bounded: past 4096 open elements, only the kind is kept.
                if stack.len() < 4096 {
                    stack.push((name.to_string(), kind));
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
    let current = stack.last().and_then(|s| s.1);
    flush(&mut line, &mut link_chars, current, &mut out);
    out
}

/// What a page's markup says about its story: `og:site_name`, the
/// publication time (`article:published_time`, JSON-LD `datePublished`,
/// the first `<time datetime>`), and the author.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Metadata {
    pub site_name: Option<String>,
    pub published: Option<String>,
    pub author: Option<String>,
    /// The story's title: `og:title`, else the page's `<title>`.
    pub title: Option<String>,
}

/// The value of attribute `name` in a tag's raw text (case-insensitive name).
fn attr<'a>(raw: &'a str, name: &str) -> Option<&'a str> {
    let lower = raw.to_ascii_lowercase();
    let mut from = 0;
    while let Some(p) = lower[from..].find(name) {
        let at = from + p;
        from = at + name.len();
        let before_ok = at == 0 || lower.as_bytes()[at - 1].is_ascii_whitespace();
        let rest = lower[from..].trim_start();
        if !before_ok || !rest.starts_with('=') {
            continue;
        }
        let vstart = raw.len() - rest.len() + 1;
        let v = raw[vstart..].trim_start();
        let vstart = raw.len() - v.len();
        return Some(match v.chars().next() {
            Some(q @ ('"' | '\'')) => raw[vstart + 1..].split(q).next().unwrap_or(""),
            _ => v.split(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/').next().unwrap_or(""),
        });
    }
    None
}

fn clean(v: &str) -> Option<String> {
    let mut out = String::new();
    decode_into(v, &mut out);
    let t = out.split_whitespace().collect::<Vec<_>>().join(" ");
    (!t.is_empty() && t.len() <= 200).then_some(t)
}

/// Read the page's metadata in one pass over its tags (head included).
pub fn metadata(html: &str) -> Metadata {
    let mut m = Metadata::default();
    let lower = html.to_ascii_lowercase();
    let (mut og_title, mut page_title) = (None, None);
    let mut from = 0;
    while let Some(p) = lower[from..].find('<') {
        let at = from + p;
        let Some(end) = lower[at..].find('>').map(|e| at + e) else { break };
        from = end + 1;
        let tag = &lower[at + 1..end];
        let raw = &html[at + 1..end];
        if tag.starts_with("meta") {
            let key = attr(raw, "property").or_else(|| attr(raw, "name")).unwrap_or("").to_ascii_lowercase();
            let content = attr(raw, "content").and_then(clean);
            match key.as_str() {
                "og:site_name" | "application-name" => m.site_name = m.site_name.take().or(content),
                "article:published_time" | "pubdate" | "publishdate" | "date" | "dc.date.issued" => {
                    m.published = m.published.take().or(content)
                }
                "author" | "article:author" | "byl" => m.author = m.author.take().or(content),
                "og:title" | "twitter:title" => og_title = og_title.take().or(content),
                _ => {}
            }
        } else if (tag == "title" || tag.starts_with("title ")) && page_title.is_none() {
            let body_end = lower[from..].find("</title").map(|e| from + e).unwrap_or(lower.len());
            page_title = clean(&html[from..body_end]);
            from = body_end;
        } else if tag.starts_with("time") && m.published.is_none() {
            m.published = attr(raw, "datetime").and_then(clean);
        } else if tag.starts_with("script") && tag.contains("ld+json") {
            // JSON-LD: "datePublished": "…" in the script's text.
            let body_end = lower[from..].find("</script").map(|e| from + e).unwrap_or(lower.len());
            let body = &html[from..body_end];
            if m.published.is_none() {
                if let Some(p) = body.find("\"datePublished\"") {
                    let rest = body[p + 15..].trim_start().trim_start_matches(':').trim_start();
                    if let Some(v) = rest.strip_prefix('"').and_then(|r| r.split('"').next()) {
                        m.published = clean(v);
                    }
                }
            }
            from = body_end;
        }
    }
    m.title = og_title.or(page_title);
    m
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
        "middot" => '·',
        "bull" => '•',
        "trade" => '™',
        "reg" => '®',
        "deg" => '°',
        "times" => '×',
        "divide" => '÷',
        "cent" => '¢',
        "yen" => '¥',
        "sect" => '§',
        "para" => '¶',
        "frac12" => '½',
        "frac14" => '¼',
        "frac34" => '¾',
        "plusmn" => '±',
        "micro" => 'µ',
        "iexcl" => '¡',
        "iquest" => '¿',
        "acute" => '´',
        "sbquo" => '‚',
        "bdquo" => '„',
        "lsaquo" => '‹',
        "rsaquo" => '›',
        "prime" => '′',
        "Prime" => '″',
        "dagger" => '†',
        "ensp" => '\u{2002}',
        "emsp" => '\u{2003}',
        "thinsp" => '\u{2009}',
        "zwnj" => '\u{200C}',
        "zwj" => '\u{200D}',
        "shy" => '\u{AD}',
        "aacute" => 'á',
        "agrave" => 'à',
        "acirc" => 'â',
        "auml" => 'ä',
        "atilde" => 'ã',
        "aring" => 'å',
        "aelig" => 'æ',
        "ccedil" => 'ç',
        "egrave" => 'è',
        "ecirc" => 'ê',
        "euml" => 'ë',
        "iacute" => 'í',
        "igrave" => 'ì',
        "icirc" => 'î',
        "iuml" => 'ï',
        "ntilde" => 'ñ',
        "oacute" => 'ó',
        "ograve" => 'ò',
        "ocirc" => 'ô',
        "ouml" => 'ö',
        "otilde" => 'õ',
        "oslash" => 'ø',
        "uacute" => 'ú',
        "ugrave" => 'ù',
        "ucirc" => 'û',
        "uuml" => 'ü',
        "yacute" => 'ý',
        "szlig" => 'ß',
        "Aacute" => 'Á',
        "Auml" => 'Ä',
        "Eacute" => 'É',
        "Ouml" => 'Ö',
        "Uuml" => 'Ü',
        "Ntilde" => 'Ñ',
        "Ccedil" => 'Ç',
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
            ("<p>Fish &middot; Game &ndash; M&uuml;ller&trade;</p>", "Fish · Game – Müller™\n"),
            ("<p>if a < b and c <= d, then 3<4 & é<é</p><p>x</p>", "if a < b and c <= d, then 3<4 & é<é\nx\n"),
            ("<p>a <b>bold</b> and a lone < at the end <", "a bold and a lone < at the end <\n"),
        ];
        for (input, want) in table {
            assert_eq!(to_text(input), *want, "input {input:?}");
        }
    }

    #[test]
    fn extraction_hints_mark_page_furniture() {
        let html = "<body><nav><a href=/>Home</a> <a href=/w>World</a></nav>\
            <article><h1>Bridge Falls</h1><p>The bridge fell on <a href=x>Monday</a>, officials said today.</p></article>\
            <div class=\"related-stories\"><p>Ferry Strike Ends After Talks</p></div>\
            <section id=comments><p>Great piece, thanks for writing it.</p></section>\
            <ul><li><a href=a>Storm Closes the Coast Road Again</a></li></ul>\
            <div class=\"ad-slot\">Buy now</div><footer>Contact us</footer><p>Last body line here.</p>\
            <p><a href=1>Ferry strike ends after long talks in the port</a> | <a href=2>Council votes to close the old bridge for good</a> | <a href=3>Storm closes the coast road again</a></p></body>";
        let ex = extract(html);
        assert_eq!(ex.text, to_text(html));
        use crate::BoilerplateKind as K;
        let kinds: Vec<(&str, K)> = ex.hints.iter().map(|&(s, e, k)| (&ex.text[s..e], k)).collect();
        assert_eq!(
            kinds,
            [
                ("Home World", K::Navigation),
                ("Ferry Strike Ends After Talks", K::RelatedLinks),
                ("Great piece, thanks for writing it.", K::Comments),
                ("Storm Closes the Coast Road Again", K::RelatedLinks),
                ("Buy now", K::Ad),
                ("Contact us", K::Other),
                (
                    "Ferry strike ends after long talks in the port | Council votes to close the old bridge for good | Storm closes the coast road again",
                    K::RelatedLinks
                ),
            ]
        );
    }

    #[test]
    fn metadata_from_meta_time_and_json_ld() {
        let page = "<html><head><meta property=\"og:site_name\" content=\"The Valderra Courier\">\
            <meta name=author content='Lena Ortiz'><script type=\"application/ld+json\">\
            {\"@type\": \"NewsArticle\", \"datePublished\": \"2026-11-20T08:00:00Z\"}</script></head>\
            <body><time datetime=\"2026-11-21\">Saturday</time><p>Text.</p></body></html>";
        let m = metadata(page);
        assert_eq!(m.site_name.as_deref(), Some("The Valderra Courier"));
        assert_eq!(m.author.as_deref(), Some("Lena Ortiz"));
        assert_eq!(m.published.as_deref(), Some("2026-11-20T08:00:00Z"));
        let m = metadata(
            "<p><time datetime=2026-01-02>Jan 2</time> <meta content=\"x\" property=\"article:published_time\"",
        );
        assert_eq!(m.published.as_deref(), Some("2026-01-02"));
        assert_eq!(metadata("<meta property=og:site_name content=\"A &amp; B\"/>").site_name.as_deref(), Some("A & B"));
        assert_eq!(metadata("<<<meta"), Metadata::default());
        let m = metadata("<head><title lang=en>Bridge &amp; Tunnel Reopen | Courier</title></head><p>x</p>");
        assert_eq!(m.title.as_deref(), Some("Bridge & Tunnel Reopen | Courier"));
        let m = metadata("<title>Page</title><meta property=og:title content=\"Bridge Reopens\"><titles>");
        assert_eq!(m.title.as_deref(), Some("Bridge Reopens"));
        assert_eq!(metadata("<title>never closed").title.as_deref(), Some("never closed"));
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
