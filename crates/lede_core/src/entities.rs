//! Entity spans (first version: capitalisation runs, titles, closed word
//! lists and in-document evidence) and grouping into canonical names.
//!
//! Offsets are byte offsets into the analysed text.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::ner::{self, Model, ModelError};
use crate::tokens::{Sentence, Token};
use crate::types::EntityLabel;

/// A mention found in the text (byte offsets), before grouping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub label: EntityLabel,
}

/// Tokens of one paragraph and its sentences.
pub struct Para<'a> {
    pub tokens: &'a [Token],
    pub sentences: &'a [Sentence],
}

/// The tagger, loaded once from the model built into the binary.
fn model() -> Result<&'static Model, ModelError> {
    static MODEL: OnceLock<Result<Model, ModelError>> = OnceLock::new();
    MODEL.get_or_init(|| Model::from_bytes(ner::MODEL_BYTES)).as_ref().map_err(Clone::clone)
}

const TYPES: [EntityLabel; 4] = [EntityLabel::Per, EntityLabel::Org, EntityLabel::Loc, EntityLabel::Misc];

/// Find mentions in paragraphs, sentence by sentence, with the tagger.
/// `cache` keeps per-word scores across the calls of one document.
pub fn find(text: &str, paras: &[Para<'_>], cache: &mut ner::WordCache) -> Result<Vec<Mention>, ModelError> {
    let model = model()?;
    let mut out = Vec::new();
    let mut words: Vec<&str> = Vec::new();
    let mut starts: Vec<usize> = Vec::new();
    for p in paras {
        // One sequence per paragraph, with the sentence starts marked.
        words.clear();
        words.extend(p.tokens.iter().map(|t| t.text(text)));
        starts.clear();
        starts.extend(p.sentences.iter().map(|s| s.first));
        for (mut a, mut b, ty) in ner::spans(&model.tag_sentences_with(&words, &starts, cache)) {
            // A name never starts or ends with a full stop or a comma (". Party
            // Chairman Reince Priebus" across a sentence end).
            let stop = |k: usize| matches!(words[k], "." | "," | ";" | ":");
            while a < b && stop(a) {
                a += 1;
            }
            while b > a && stop(b - 1) {
                b -= 1;
            }
            if a < b {
                out.push(Mention { start: p.tokens[a].start, end: p.tokens[b - 1].end, label: TYPES[ty] });
            }
        }
    }
    merge_org_heads(text, &mut out);
    split_given_names(text, model, &mut out);
    harmonise(text, paras, &mut out);
    Ok(out)
}

/// Words that head an organisation's name and take a complement:
/// "Institute for the Study of War", "Ministry of Defence".
fn is_org_head(w: &str) -> bool {
    matches!(
        w,
        "Academy"
            | "Agency"
            | "Association"
            | "Bank"
            | "Board"
            | "Bureau"
            | "Center"
            | "Centre"
            | "Coalition"
            | "College"
            | "Commission"
            | "Committee"
            | "Council"
            | "Court"
            | "Department"
            | "Foundation"
            | "Fund"
            | "Institute"
            | "League"
            | "Ministry"
            | "Office"
            | "Organisation"
            | "Organization"
            | "Party"
            | "School"
            | "Society"
            | "Union"
            | "University"
    )
}

/// "Institute" + "for the" + "Study of War" → one organisation.
fn merge_org_heads(text: &str, out: &mut Vec<Mention>) {
    let mut merged: Vec<Mention> = Vec::with_capacity(out.len());
    for m in out.drain(..) {
        if let Some(prev) = merged.last_mut() {
            let head = text[prev.start..prev.end].rsplit(' ').next().unwrap_or("");
            let between = &text[prev.end..m.start];
            if prev.label == EntityLabel::Org
                && is_org_head(head)
                && matches!(between, " for the " | " for " | " of the " | " of " | " on ")
            {
                prev.end = m.end;
                continue;
            }
        }
        merged.push(m);
    }
    *out = merged;
}

/// "Defense Pete Hegseth" typed as one organisation: a given name (known
/// from the gazetteer only as part of person names) followed by a surname
/// at the end of a non-person mention starts a person.
fn split_given_names(text: &str, model: &Model, out: &mut Vec<Mention>) {
    let mut extra = Vec::new();
    for m in out.iter_mut() {
        if m.label == EntityLabel::Per {
            continue;
        }
        let words: Vec<(usize, &str)> = text[m.start..m.end]
            .split(' ')
            .scan(m.start, |pos, w| {
                let at = *pos;
                *pos += w.len() + 1;
                Some((at, w))
            })
            .collect();
        if words.len() < 3 {
            continue;
        }
        for k in [words.len() - 2, words.len().saturating_sub(3)] {
            if k >= 1
                && model.gaz(words[k].1) == ner::GAZ_PER
                && words[k..].iter().all(|(_, w)| w.starts_with(char::is_uppercase))
            {
                let person = Mention { start: words[k].0, end: m.end, label: EntityLabel::Per };
                m.end = words[k - 1].0 + words[k - 1].1.len();
                extra.push(person);
                break;
            }
        }
    }
    if !extra.is_empty() {
        out.extend(extra);
        out.sort_by_key(|m| m.start);
    }
}

/// Company-name suffixes: "Nvidia Corp." makes a bare "Nvidia" the company.
fn is_company_suffix(w: &str) -> bool {
    matches!(
        w,
        "Corp."
            | "Corp"
            | "Inc."
            | "Inc"
            | "Ltd."
            | "Ltd"
            | "Co."
            | "LLC"
            | "plc"
            | "PLC"
            | "AG"
            | "SA"
            | "Group"
            | "Holdings"
    )
}

/// One sense per article: a surname of a person named in full is that
/// person wherever it stands capitalised (tagged otherwise or not at all),
/// and a name tagged with different types takes its most frequent one.
fn harmonise(text: &str, paras: &[Para<'_>], out: &mut Vec<Mention>) {
    let mut surnames: HashMap<String, ()> = HashMap::new();
    for m in out.iter() {
        let s = &text[m.start..m.end];
        if m.label == EntityLabel::Per && s.contains(' ') {
            if let Some(last) = s.split_whitespace().last() {
                if last.chars().count() > 2 {
                    surnames.insert(name_key(last), ());
                }
            }
        }
    }
    for m in out.iter_mut() {
        let s = &text[m.start..m.end];
        if !s.contains(' ') && m.label != EntityLabel::Per && surnames.contains_key(&name_key(s)) {
            m.label = EntityLabel::Per;
        }
    }
    // Untagged capitalised occurrences of those surnames.
    let mut added = Vec::new();
    let mut k = 0;
    for p in paras {
        for t in p.tokens {
            while k < out.len() && out[k].end <= t.start {
                k += 1;
            }
            let inside = k < out.len() && out[k].start <= t.start;
            let w = t.text(text);
            if !inside
                && w.starts_with(|c: char| c.is_uppercase())
                && !crate::lexicon::is_function_word_any_case(w)
                && surnames.contains_key(&name_key(w))
            {
                added.push(Mention { start: t.start, end: t.end, label: EntityLabel::Per });
            }
        }
    }
    if !added.is_empty() {
        out.extend(added);
        out.sort_by_key(|m| m.start);
    }
    // Majority type per single-word name; a company name with its suffix
    // counts for its bare form twice.
    let mut votes: HashMap<String, [u32; 4]> = HashMap::new();
    for m in out.iter() {
        let s = &text[m.start..m.end];
        if !s.contains(' ') {
            votes.entry(name_key(s)).or_default()[m.label as usize] += 1;
        } else if let Some((first, _)) = s.split_once(' ').filter(|(_, l)| is_company_suffix(l)) {
            votes.entry(name_key(first)).or_default()[EntityLabel::Org as usize] += 2;
        }
    }
    for m in out.iter_mut() {
        let s = &text[m.start..m.end];
        if s.contains(' ') {
            continue;
        }
        if let Some(v) = votes.get(&name_key(s)) {
            let best = (0..4).max_by_key(|&i| (v[i], i == m.label as usize)).unwrap_or(m.label as usize);
            if v[best] > v[m.label as usize] {
                m.label = TYPES[best];
            }
        }
    }
}

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::{sentences, tokenize};

    fn run(text: &str) -> Vec<(String, EntityLabel, String)> {
        let mut toks = Vec::new();
        tokenize(text, 0, &mut toks);
        let mut sents = Vec::new();
        sentences(text, &toks, &mut sents);
        let paras = [Para { tokens: &toks, sentences: &sents }];
        let ms = find(text, &paras, &mut ner::WordCache::default()).expect("model loads");
        let canon = canonicalise(text, &ms);
        ms.iter().zip(canon).map(|(m, c)| (text[m.start..m.end].to_string(), m.label, c)).collect()
    }

    /// Each input gives exactly these mentions with these types.
    fn assert_entities(table: &[(&str, &[(&str, EntityLabel)])]) {
        for (input, want) in table {
            let got: Vec<(String, EntityLabel)> = run(input).into_iter().map(|(s, l, _)| (s, l)).collect();
            let want: Vec<(String, EntityLabel)> = want.iter().map(|(s, l)| (s.to_string(), *l)).collect();
            assert_eq!(got, want, "input {input:?}");
        }
    }

    #[test]
    fn entity_table() {
        use EntityLabel::*;
        let table: &[(&str, &[(&str, EntityLabel)])] = &[
            ("Foreign Minister Ada Quill met reporters in Lisbon on Monday.", &[("Ada Quill", Per), ("Lisbon", Loc)]),
            ("The Harbour Ministry said the bridge would close.", &[("Harbour Ministry", Org)]),
            ("He flew to Kuala Lumpur on Monday.", &[("Kuala Lumpur", Loc)]),
            ("A Russian journalist told the United Nations.", &[("Russian", Misc), ("United Nations", Org)]),
        ];
        assert_entities(table);
    }

    #[test]
    fn surnames_and_variants_group_under_the_full_name() {
        let text = "President Ivan Zelenskyy spoke on Monday. Later Zelenskiy left, and Zelensky 's aides stayed.";
        let got = run(text);
        let per: Vec<_> = got.iter().filter(|(_, l, _)| *l == EntityLabel::Per).collect();
        assert_eq!(per.len(), 3, "{got:?}");
        for (_, _, c) in per {
            assert_eq!(c, "Ivan Zelenskyy");
        }
    }

    #[test]
    fn names_beside_quotes_dashes_and_sentence_starts() {
        use EntityLabel::*;
        let table: &[(&str, &[(&str, EntityLabel)])] = &[
            (
                "\"We will rebuild,\" said Ada Quill — the mayor of Lisbon — on Monday.",
                &[("Ada Quill", Per), ("Lisbon", Loc)],
            ),
            (
                "Quill, who leads the Harbour Party, spoke in Lisbon.",
                &[("Quill", Per), ("Harbour Party", Org), ("Lisbon", Loc)],
            ),
            ("‘Nobody listened,’ Reyes told Reuters.", &[("Reyes", Per), ("Reuters", Org)]),
            ("Talks in Kyiv—and later in Geneva—ended.", &[("Kyiv", Loc), ("Geneva", Loc)]),
        ];
        assert_entities(table);
    }

    #[test]
    fn headlines_take_their_names_from_the_body() {
        let text = "HARBOUR TOWN MAYOR ADA QUILL RESIGNS AFTER BRIDGE COLLAPSE\nMayor Ada Quill of Harbour Town resigned on Monday, a week after the bridge fell.";
        let head_end = text.find('\n').expect("newline");
        let mut toks = Vec::new();
        tokenize(&text[head_end + 1..], head_end + 1, &mut toks);
        let mut sents = Vec::new();
        sentences(text, &toks, &mut sents);
        let body =
            find(text, &[Para { tokens: &toks, sentences: &sents }], &mut ner::WordCache::default()).expect("model");
        let got: Vec<(&str, EntityLabel)> = in_headline(text, (0, head_end), Vec::new(), &body)
            .iter()
            .map(|m| (&text[m.start..m.end], m.label))
            .collect();
        assert_eq!(got, [("HARBOUR TOWN", EntityLabel::Loc), ("ADA QUILL", EntityLabel::Per)]);
    }

    #[test]
    fn aliases_share_a_canonical_name() {
        assert_eq!(alias("U.S."), Some("United States"));
        assert_eq!(name_key("Sergei"), name_key("Sergey"));
        assert_eq!(name_key("Zelenskiy"), name_key("Zelensky"));
    }

    #[test]
    fn the_shipped_model_loads() {
        let m = model().expect("model");
        assert!(m.keys.len() > 10_000 && !m.gaz_keys.is_empty());
    }
}
