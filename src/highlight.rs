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
        let mut card = format!(
            "{} quote\nspeaker: {}\ncue: {}",
            q.kind.as_str(),
            speaker.as_deref().unwrap_or("unknown"),
            q.cue.as_ref().map(|c| c.text.as_str()).unwrap_or("none")
        );
        // Why this speaker: the rules that proposed it, the ranker's strongest features.
        if !q.speaker_evidence.is_empty() {
            let why: Vec<&str> = q.speaker_evidence.iter().map(|e| e.strip_prefix("model: ").unwrap_or(e)).collect();
            card.push_str(&format!("\nwhy: {}", why.join(", ")));
        }
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
        let value = figure_as_written(c);
        let mut title = format!("{value} {} ({})", c.category.as_str(), c.qualifier.as_str());
        let mut card =
            format!("{value} {}\nqualifier: {}", c.category.as_str(), c.qualifier.as_str().replace('_', " "));
        for (k, f) in
            [("subject", &c.subject), ("losses of", &c.actor), ("reported by", &c.reported_by), ("period", &c.period)]
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

/// Vague plurals and what the core counts them as at least.
/// Vague amounts, longest first: the first one the figure's text holds is shown.
const VAGUE: [&str; 8] =
    ["hundreds of thousands", "tens of thousands", "dozens", "scores", "hundreds", "thousands", "millions", "several"];

/// A figure as the text writes it: "1,152,160" with its separators, and a
/// vague amount as stated with the least it implies ("dozens (≥ 24)");
/// a range as "low–high"; else the number.
pub fn figure_as_written(c: &lede_core::Casualty) -> String {
    if let Some(m) = c.value_max {
        return format!("{}–{m}", c.value);
    }
    let digits = c.value.to_string();
    for word in c.text.split(|ch: char| ch.is_whitespace() || "()[]\"“”".contains(ch)) {
        let w = word.trim_end_matches(['.', ',', ';', ':']);
        if w.chars().any(|ch| ch.is_ascii_digit())
            && w.chars().all(|ch| ch.is_ascii_digit() || ch == ',' || ch == '.')
            && w.chars().filter(char::is_ascii_digit).collect::<String>() == digits
        {
            return w.to_string();
        }
    }
    let lower = c.text.to_lowercase();
    let has_word = |w: &str| {
        lower.match_indices(w).any(|(i, _)| {
            let before = lower[..i].chars().next_back();
            let after = lower[i + w.len()..].chars().next();
            !before.is_some_and(char::is_alphabetic) && !after.is_some_and(char::is_alphabetic)
        })
    };
    let vague = VAGUE.iter().find(|w| has_word(w)).filter(|_| !lower.chars().any(|ch| ch.is_ascii_digit()));
    match vague {
        Some(w) => format!("{w} (≥ {})", c.value),
        None => digits,
    }
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

#[cfg(test)]
mod figure_tests {
    use super::*;

    #[test]
    fn figures_are_shown_as_written() {
        let fig = |text: &str, value: u64, value_max: Option<u64>| lede_core::Casualty {
            start: 0,
            end: text.len(),
            text: text.to_string(),
            value,
            value_max,
            qualifier: lede_core::Qualifier::Exact,
            category: lede_core::CasualtyCategory::Killed,
            subject: None,
            actor: None,
            reported_by: None,
            period: None,
        };
        // The card says whose losses a figure counts, and shows it as written.
        let text =
            "Russia has lost about 1,200 soldiers in the offensive, the General Staff of Ukraine said on Monday.";
        let a = lede_core::analyze(text, &lede_core::Options::default()).expect("analyses");
        let card = items(&a.articles[0]).into_iter().find(|i| i.kind == "casualty").map(|i| i.card).unwrap_or_default();
        assert!(card.starts_with("1,200 ") && card.contains("\nlosses of: Russia"), "{card}");
        for (text, value, max, want) in [
            ("1,152,160 soldiers killed", 1_152_160, None, "1,152,160"),
            ("14 people were killed", 14, None, "14"),
            ("dozens of people were killed", 24, None, "dozens (≥ 24)"),
            ("tens of thousands were displaced", 20_000, None, "tens of thousands (≥ 20000)"),
            ("three people died", 3, None, "3"),
            ("between 10 and 12 died", 10, Some(12), "10–12"),
            ("(4,200) died", 4200, None, "4,200"),
        ] {
            assert_eq!(figure_as_written(&fig(text, value, max)), want, "{text}");
        }
    }
}
