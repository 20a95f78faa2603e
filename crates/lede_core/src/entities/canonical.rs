//! Canonical names: "Trump" and "Donald Trump" grouped under the longest form.

use super::*;

/// Known aliases of frequent names.
pub fn alias(w: &str) -> Option<&'static str> {
    Some(match w {
        "U.S." | "US" | "USA" | "U.S.A." | "United States" | "America" => "United States",
        "U.K." | "UK" | "Britain" | "United Kingdom" | "Great Britain" => "United Kingdom",
        "U.N." | "UN" | "United Nations" => "United Nations",
        "E.U." | "EU" | "European Union" => "European Union",
        "Kiev" | "Kyiv" => "Kyiv",
        _ => return None,
    })
}

/// A key that equates spelling variants of one name: case, possessives and
/// transliteration endings (Zelenskyy, Zelenskiy, Zelensky; Sergey, Sergei).
pub fn name_key(name: &str) -> String {
    let mut k: String = name
        .trim_end_matches("'s")
        .trim_end_matches("’s")
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == ' ')
        .flat_map(|c| c.to_lowercase())
        .collect();
    for (from, to) in [("yy", "y"), ("iy", "y"), ("ij", "y"), ("ii", "y"), ("ei", "ey"), ("yi", "y")] {
        if k.ends_with(from) {
            k.truncate(k.len() - from.len());
            k.push_str(to);
            break;
        }
    }
    k
}

/// Group mentions of one article: each gets the canonical name of its group.
pub fn canonicalise(text: &str, mentions: &[Mention]) -> Vec<String> {
    // Full person names by the key of their last word.
    let mut full_by_last: HashMap<String, &str> = HashMap::new();
    for m in mentions {
        let s = &text[m.start..m.end];
        if m.label == EntityLabel::Per {
            let words: Vec<&str> = s.split_whitespace().collect();
            if let Some(last) = words.last() {
                let key = name_key(last);
                let cur = full_by_last.entry(key).or_insert(s);
                if words.len() > cur.split_whitespace().count() {
                    *cur = s;
                }
            }
        }
    }
    // The first spelling of each full name is the canonical one.
    let mut spelling: HashMap<String, &str> = HashMap::new();
    mentions
        .iter()
        .map(|m| {
            let s = &text[m.start..m.end];
            if let Some(a) = alias(s) {
                return a.to_string();
            }
            if m.label == EntityLabel::Per {
                let last = s.split_whitespace().last().unwrap_or(s);
                let full = full_by_last.get(&name_key(last)).copied().unwrap_or(s);
                let key = name_key(full);
                return spelling.entry(key).or_insert(full).to_string();
            }
            let key = name_key(s);
            spelling.entry(key).or_insert(s).to_string()
        })
        .collect()
}
