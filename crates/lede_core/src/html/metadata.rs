//! The page's metadata: og: and JSON-LD title, site name, author and date.

use super::*;

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
pub(crate) fn attr<'a>(raw: &'a str, name: &str) -> Option<&'a str> {
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

pub(crate) fn clean(v: &str) -> Option<String> {
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
