//! Mentions in a headline, kept where the body attests them.

use super::*;

/// The mentions of a headline `[hs, he)`: headlines are in title case or
/// capitals, so their capitals say nothing about names. The names the body
/// gives are found in the headline, case-insensitively at word boundaries,
/// longest first; a tagger mention is kept where the body attests it.
pub fn in_headline(text: &str, (hs, he): (usize, usize), candidates: Vec<Mention>, body: &[Mention]) -> Vec<Mention> {
    let mut names: Vec<(String, EntityLabel)> = Vec::new();
    let mut seen: HashMap<String, ()> = HashMap::new();
    for m in body {
        let s = text[m.start..m.end].to_ascii_lowercase();
        if seen.insert(s.clone(), ()).is_none() {
            names.push((s, m.label));
        }
    }
    names.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
    // ASCII lowercasing keeps byte offsets.
    let head = text[hs..he].to_ascii_lowercase();
    let starts_word = |i: usize| head[..i].chars().next_back().map(|c| !c.is_alphanumeric()).unwrap_or(true);
    let ends_word = |i: usize| head[i..].chars().next().map(|c| !c.is_alphanumeric()).unwrap_or(true);
    let mut out: Vec<Mention> = Vec::new();
    for (name, label) in &names {
        let mut from = 0;
        while let Some(p) = head[from..].find(name.as_str()).map(|p| p + from) {
            let e = p + name.len();
            if starts_word(p) && ends_word(e) && !out.iter().any(|m| m.start < hs + e && hs + p < m.end) {
                out.push(Mention { start: hs + p, end: hs + e, label: *label });
            }
            from = p + name.len().max(1);
        }
    }
    let known: HashMap<String, EntityLabel> = body.iter().map(|m| (name_key(&text[m.start..m.end]), m.label)).collect();
    for mut m in candidates {
        if let Some(label) = known.get(&name_key(&text[m.start..m.end])) {
            if !out.iter().any(|o| o.start < m.end && m.start < o.end) {
                m.label = *label;
                out.push(m);
            }
        }
    }
    out.sort_by_key(|m| m.start);
    out
}
