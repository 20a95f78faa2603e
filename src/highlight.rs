//! Turning an article's spans into nested highlight pieces for one block of
//! text. Pure logic (no DOM), so it is tested natively.

use lede_core::Article;

/// One highlight over `[start, end)` (char offsets into the document).
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    pub start: usize,
    pub end: usize,
    /// `entity`, `quote` or `casualty` (the DOM contract's `data-kind`).
    pub kind: &'static str,
    /// The entity label, quote kind or casualty category (`data-label`).
    pub label: String,
    /// What hovering shows.
    pub title: String,
    /// Shown after the highlight: a quote's speaker, a figure's value.
    pub badge: Option<String>,
    /// What the highlight stands for (`data-key`): an entity's canonical
    /// name, a quote's speaker, a figure's category. Selecting an entity in
    /// the side panel marks every highlight with its key.
    pub key: String,
    /// The card shown on hover and focus, one fact per line (`data-card`).
    pub card: String,
}

/// Text and highlights, nested where highlights nest.
#[derive(Clone, Debug, PartialEq)]
pub enum Piece {
    Text(String),
    Mark { item: Item, children: Vec<Piece> },
}

/// Every highlight of an article, outer ones first where they share a start.
pub fn items(a: &Article) -> Vec<Item> {
    let mut v: Vec<Item> = Vec::with_capacity(a.entities.len() + a.quotes.len() + a.casualties.len());
    for q in &a.quotes {
        let speaker = q.speaker.as_ref().map(|s| match &s.canonical {
            Some(c) if *c != s.text => format!("{} ({c})", s.text),
            _ => s.text.clone(),
        });
        let cue = q.cue.as_ref().map(|c| format!(", cue: {}", c.text)).unwrap_or_default();
        let who = q.speaker.as_ref().map(|s| s.canonical.clone().unwrap_or_else(|| s.text.clone()));
        let card = format!(
            "{} quote\nspeaker: {}\ncue: {}",
            q.kind.as_str(),
            speaker.as_deref().unwrap_or("unknown"),
            q.cue.as_ref().map(|c| c.text.as_str()).unwrap_or("none")
        );
        v.push(Item {
            start: q.start,
            end: q.end,
            kind: "quote",
            label: q.kind.as_str().to_string(),
            title: format!("{} quote; speaker: {}{cue}", q.kind.as_str(), speaker.as_deref().unwrap_or("unknown")),
            badge: speaker,
            key: who.unwrap_or_default(),
            card,
        });
    }
    for c in &a.casualties {
        let value = match c.value_max {
            Some(m) => format!("{}–{m}", c.value),
            None => c.value.to_string(),
        };
        let mut title = format!("{value} {} ({})", c.category.as_str(), c.qualifier.as_str());
        let mut card =
            format!("{value} {}\nqualifier: {}", c.category.as_str(), c.qualifier.as_str().replace('_', " "));
        for (k, f) in
            [("subject", &c.subject), ("actor", &c.actor), ("reported by", &c.reported_by), ("period", &c.period)]
        {
            if let Some(f) = f {
                title.push_str(&format!("; {k}: {f}"));
                card.push_str(&format!("\n{k}: {f}"));
            }
        }
        v.push(Item {
            start: c.start,
            end: c.end,
            kind: "casualty",
            label: c.category.as_str().to_string(),
            title,
            badge: Some(value),
            key: c.category.as_str().to_string(),
            card,
        });
    }
    let mut mentions: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for e in &a.entities {
        *mentions.entry(e.canonical.as_str()).or_default() += 1;
    }
    for e in &a.entities {
        let n = mentions.get(e.canonical.as_str()).copied().unwrap_or(1);
        v.push(Item {
            start: e.start,
            end: e.end,
            kind: "entity",
            label: e.label.as_str().to_string(),
            title: format!("{}: {}", e.label.as_str(), e.canonical),
            badge: None,
            key: e.canonical.clone(),
            card: format!(
                "{}\n{}\n{n} mention{} in this article",
                e.canonical,
                label_name(e.label.as_str()),
                if n == 1 { "" } else { "s" }
            ),
        });
    }
    let rank = |k: &str| match k {
        "quote" => 0,
        "casualty" => 1,
        _ => 2,
    };
    v.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)).then(rank(a.kind).cmp(&rank(b.kind))));
    v
}

fn label_name(label: &str) -> &'static str {
    match label {
        "PER" => "person",
        "ORG" => "organisation",
        "LOC" => "place",
        _ => "other name",
    }
}

/// Lay out the block `text` (which starts at char offset `base` of the
/// document) with the highlights inside it. Highlights that cross another's
/// boundary are left out rather than drawn broken.
pub fn layout(text: &str, base: usize, items: &[Item]) -> Vec<Piece> {
    let bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).chain(std::iter::once(text.len())).collect();
    let n = bytes.len() - 1;
    // Items are clipped to the block: a quote running over paragraphs is
    // drawn in each, with its badge where it ends.
    let clipped: Vec<Item> = items
        .iter()
        .filter(|i| i.start < base + n && i.end > base && i.start < i.end)
        .map(|i| {
            let mut c = i.clone();
            if c.end > base + n {
                c.badge = None;
            }
            c.start = c.start.max(base);
            c.end = c.end.min(base + n);
            c
        })
        .collect();
    let inside: Vec<&Item> = clipped.iter().collect();
    let mut i = 0;
    build(text, &bytes, base, &inside, base, base + n, &mut i)
}

fn build(text: &str, bytes: &[usize], base: usize, items: &[&Item], a: usize, b: usize, i: &mut usize) -> Vec<Piece> {
    let slice = |s: usize, e: usize| text[bytes[s - base]..bytes[e - base]].to_string();
    let mut out = Vec::new();
    let mut cur = a;
    while *i < items.len() {
        let it = items[*i];
        if it.start >= b {
            break;
        }
        *i += 1;
        if it.start < cur || it.end > b {
            continue; // crosses a boundary
        }
        if it.start > cur {
            out.push(Piece::Text(slice(cur, it.start)));
        }
        let children = build(text, bytes, base, items, it.start, it.end, i);
        out.push(Piece::Mark { item: it.clone(), children });
        cur = it.end;
    }
    if cur < b {
        out.push(Piece::Text(slice(cur, b)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(start: usize, end: usize, kind: &'static str) -> Item {
        Item {
            start,
            end,
            kind,
            label: String::new(),
            title: String::new(),
            badge: None,
            key: String::new(),
            card: String::new(),
        }
    }

    fn flat(p: &[Piece]) -> String {
        p.iter()
            .map(|x| match x {
                Piece::Text(t) => t.clone(),
                Piece::Mark { item, children } => {
                    format!("[{}:{}]", &item.kind[..1], flat(children))
                }
            })
            .collect()
    }

    #[test]
    fn layout_table() {
        // "“Ana said” ok" with a quote over 0..10 and an entity inside it.
        let text = "“Ana said” ok";
        let table: Vec<(Vec<Item>, &str)> = vec![
            (vec![], "“Ana said” ok"),
            (vec![item(0, 10, "quote"), item(1, 4, "entity")], "[q:“[e:Ana] said”] ok"),
            (vec![item(11, 13, "casualty")], "“Ana said” [c:ok]"),
            // Crossing spans: the later one is left out.
            (vec![item(0, 5, "entity"), item(3, 8, "casualty")], "[e:“Ana ]said” ok"),
            // Outside the block: ignored.
            (vec![item(20, 25, "entity")], "“Ana said” ok"),
            // Running past the block (a quote over paragraphs): clipped.
            (vec![item(11, 40, "quote")], "“Ana said” [q:ok]"),
        ];
        for (items, want) in table {
            assert_eq!(flat(&layout(text, 0, &items)), want);
        }
        // With a base offset (the block starts at char 100 of the document).
        assert_eq!(flat(&layout(text, 100, &[item(101, 104, "entity")])), "“[e:Ana] said” ok");
    }
}
