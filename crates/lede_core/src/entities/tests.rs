use super::*;
use crate::text::tokens::{sentences, tokenize};

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
    let body = find(text, &[Para { tokens: &toks, sentences: &sents }], &mut ner::WordCache::default()).expect("model");
    let got: Vec<(&str, EntityLabel)> =
        in_headline(text, (0, head_end), Vec::new(), &body).iter().map(|m| (&text[m.start..m.end], m.label)).collect();
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

/// One row a pass over the tagger's mentions: a text whose mentions change
/// when the pass is switched off, and the mentions it gives with every pass.
#[test]
fn every_mention_pass_changes_its_row() {
    use EntityLabel::*;
    type Row = (&'static str, &'static str, &'static [(&'static str, EntityLabel)]);
    let rows: &[Row] = &[
        (
            "merge_org_heads",
            "Analysts at the Institute for the Study of Harbours said the wall would hold.",
            &[("Institute for the Study of Harbours", Org)],
        ),
        (
            "harmonise",
            // (Without it, "Ford" alone is taken for the carmaker.)
            "Ada Ford spoke on Monday. Ford said the wall would hold.",
            &[("Ada Ford", Per), ("Ford", Per)],
        ),
    ];
    // (split_given_names has its own table below: the tagger seldom leaves
    // it anything to do on a sentence short enough for a row.)
    for (name, _) in PASSES.iter().filter(|p| p.0 != "split_given_names") {
        assert!(rows.iter().any(|r| r.0 == *name), "no row for pass {name}");
    }
    for (pass, text, want) in rows {
        let toks = crate::text::view::Words::new(text, (0, text.len()));
        let mut sents = Vec::new();
        sentences(text, &toks, &mut sents);
        let paras = [Para { tokens: &toks, sentences: &sents }];
        let mentions = |skip: &[&str]| {
            let ms = find_without(text, &paras, &mut ner::WordCache::default(), skip).expect("model loads");
            ms.iter().map(|m| (text[m.start..m.end].to_string(), m.label)).collect::<Vec<_>>()
        };
        let all = mentions(&[]);
        let want: Vec<(String, EntityLabel)> = want.iter().map(|(s, l)| (s.to_string(), *l)).collect();
        assert_eq!(all, want, "{pass}: {text:?}");
        assert_ne!(mentions(&[pass]), all, "switching {pass} off changes nothing on {text:?}");
    }
}

/// "Homeland Security John Marsh" tagged as one organisation: a given name
/// the gazetteer knows only in person names starts a person at its end.
#[test]
fn split_given_names_table() {
    let model = model().expect("model loads");
    let table: &[(&str, &[(&str, EntityLabel)])] = &[
        ("Homeland Security John Marsh", &[("Homeland Security", EntityLabel::Org), ("John Marsh", EntityLabel::Per)]),
        // Two words, a person already, or no given name: left alone.
        ("Security John", &[("Security John", EntityLabel::Org)]),
        ("Homeland Security Harbour Marsh", &[("Homeland Security Harbour Marsh", EntityLabel::Org)]),
    ];
    for (text, want) in table {
        let mut out = vec![Mention { start: 0, end: text.len(), label: EntityLabel::Org }];
        split_given_names(text, model, &mut out);
        out.sort_by_key(|m| m.start);
        let got: Vec<(&str, EntityLabel)> = out.iter().map(|m| (&text[m.start..m.end], m.label)).collect();
        assert_eq!(got, *want, "{text:?}");
    }
    let person = "Ada John Marsh";
    let mut out = vec![Mention { start: 0, end: person.len(), label: EntityLabel::Per }];
    split_given_names(person, model, &mut out);
    assert_eq!(out.len(), 1, "a person is not split");
}
