//! Documents named by the page's URL: `?src=URL` (fetched by the browser,
//! only that URL) and `#text=…` (the document itself, URL-encoded), plus
//! `?theme=light|dark|auto`. Pure parsing, tested natively.

/// Where the document to open comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// Fetch this URL (as written; relative URLs resolve against the page).
    Fetch(String),
    /// This text.
    Text(String),
}

/// Decode `%XX` escapes (and `+` as a space in a query), keeping invalid
/// escapes as written and invalid UTF-8 as replacement characters.
pub fn percent_decode(s: &str, plus_is_space: bool) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        match b[i] {
            b'%' => match (b.get(i + 1).and_then(|&c| hex(c)), b.get(i + 2).and_then(|&c| hex(c))) {
                (Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b'+' if plus_is_space => out.push(b' '),
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The value of `name` in a `k=v&k=v` list.
fn param(list: &str, name: &str, plus_is_space: bool) -> Option<String> {
    list.split('&').find_map(|kv| {
        let (k, v) = kv.split_once('=').unwrap_or((kv, ""));
        (percent_decode(k, plus_is_space) == name).then(|| percent_decode(v, plus_is_space))
    })
}

fn parts(href: &str) -> (&str, &str) {
    let (before_hash, hash) = href.split_once('#').unwrap_or((href, ""));
    let query = before_hash.split_once('?').map(|(_, q)| q).unwrap_or("");
    (query, hash)
}

/// The document the URL names: `#text=` wins over `?src=`.
pub fn source(href: &str) -> Option<Source> {
    let (query, hash) = parts(href);
    if let Some(t) = param(hash, "text", false).filter(|t| !t.trim().is_empty()) {
        return Some(Source::Text(t));
    }
    param(query, "src", true).filter(|u| !u.trim().is_empty()).map(Source::Fetch)
}

/// `?theme=light|dark|auto`.
pub fn theme(href: &str) -> Option<String> {
    param(parts(href).0, "theme", true).filter(|t| matches!(t.as_str(), "light" | "dark" | "auto"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_table() {
        let table: &[(&str, Option<Source>)] = &[
            ("https://x.test/", None),
            ("https://x.test/?src=story.txt", Some(Source::Fetch("story.txt".into()))),
            (
                "https://x.test/?a=1&src=https%3A%2F%2Fnews.test%2Fa%20b.html",
                Some(Source::Fetch("https://news.test/a b.html".into())),
            ),
            (
                "https://x.test/#text=Ada%20Quill%20said%20%22yes%22.",
                Some(Source::Text("Ada Quill said \"yes\".".into())),
            ),
            // '+' is a space in a query but itself in the fragment.
            ("https://x.test/?src=a+b.txt", Some(Source::Fetch("a b.txt".into()))),
            ("https://x.test/#text=1+1%3D2", Some(Source::Text("1+1=2".into()))),
            // The text wins; an empty value names nothing.
            ("https://x.test/?src=a.txt#text=hello", Some(Source::Text("hello".into()))),
            ("https://x.test/?src=#text=", None),
            // Broken escapes are kept; bad UTF-8 becomes U+FFFD, never a panic.
            ("https://x.test/#text=100%25%2", Some(Source::Text("100%%2".into()))),
            ("https://x.test/#text=%FF%41", Some(Source::Text("\u{FFFD}A".into()))),
            ("https://x.test/#text=%", Some(Source::Text("%".into()))),
            ("https://x.test/#text=caf%C3%A9", Some(Source::Text("café".into()))),
        ];
        for (href, want) in table {
            assert_eq!(&source(href), want, "{href}");
        }
        assert_eq!(theme("https://x.test/?theme=dark"), Some("dark".into()));
        assert_eq!(theme("https://x.test/?theme=pink"), None);
    }
}
