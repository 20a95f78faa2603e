//! Character references (&amp;, &#8217;, &rsquo;) decoded.

/// The character a named reference stands for (`lexicon/html_references.tsv`).
pub(crate) fn named_entity(name: &str) -> Option<char> {
    crate::text::lexicon::html_references(name)
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
