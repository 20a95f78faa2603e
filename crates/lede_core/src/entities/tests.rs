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
