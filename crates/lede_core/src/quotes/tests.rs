use super::*;
use crate::entities::{find, Para};
use crate::text::tokens::sentences;

fn run(text: &str) -> Vec<(String, QuoteKind, Option<String>, Option<String>)> {
    let toks = Words::new(text, (0, text.len()));
    let mut sents = Vec::new();
    sentences(text, &toks, &mut sents);
    let ms = find(text, &[Para { tokens: &toks, sentences: &sents }], &mut crate::entities::ner::WordCache::default())
        .expect("model loads");
    let mut out = Vec::new();
    find_in_paragraph(text, (0, text.len()), &toks, &ms, false, &mut out);
    out.into_iter()
        .map(|f| {
            (
                text[f.start..f.end].to_string(),
                f.kind,
                f.speaker.map(|(a, b)| text[a..b].to_string()),
                f.speaker_entity.map(|i| text[ms[i].start..ms[i].end].to_string()),
            )
        })
        .collect()
}

#[test]
fn quote_table() {
    use QuoteKind::*;
    type Row<'a> = (&'a str, &'a [(&'a str, QuoteKind, Option<&'a str>, Option<&'a str>)]);
    let table: &[Row] = &[
        (
            "Mayor Ada Quill spoke. \"We will rebuild the bridge by spring,\" she said.",
            &[("\"We will rebuild the bridge by spring,\"", Direct, Some("she"), Some("Ada Quill"))],
        ),
        (
            "Mayor Ada Quill came late. Quill said: “The work starts now and it will not stop.”",
            &[("“The work starts now and it will not stop.”", Direct, Some("Quill"), Some("Quill"))],
        ),
        (
            "'Nobody listened to the ferry crews,' said Tomas Reyes, a boatman.",
            &[("'Nobody listened to the ferry crews,'", Direct, Some("Tomas Reyes"), Some("Tomas Reyes"))],
        ),
        ("The plan was called “reckless” by critics.", &[("“reckless”", Partial, None, None)]),
        ("We're sure the '90s were Moscow's best years.", &[]),
        ("An opening ' with no close and a lone \" mark.", &[]),
        (
            "Reyes came. 'The water rose fast,\" Reyes said.",
            &[("'The water rose fast,\"", Direct, Some("Reyes"), Some("Reyes"))],
        ),
        // A party or state in brackets between the name and the cue.
        (
            "“The bridge must close tonight,” Senator Ada Quill (D-Ore.) said in a statement.",
            &[("“The bridge must close tonight,”", Direct, Some("Senator Ada Quill"), Some("Ada Quill"))],
        ),
        // An appositive set off by commas between the name and the cue.
        (
            "“We were never told,” Tomas Reyes, the head of the ferry workers' union in the port, said on Monday.",
            &[("“We were never told,”", Direct, Some("Tomas Reyes"), Some("Tomas Reyes"))],
        ),
        // Lowercase words between the cue and the name.
        (
            "“The levee was too low for a storm like this,” said retired engineer Paolo Brandt.",
            &[(
                "“The levee was too low for a storm like this,”",
                Direct,
                Some("retired engineer Paolo Brandt"),
                Some("Paolo Brandt"),
            )],
        ),
        (
            "According to Ada Quill, “the ferry will not sail again this year.”",
            &[("“the ferry will not sail again this year.”", Direct, Some("Ada Quill"), Some("Ada Quill"))],
        ),
        (
            "Said Ada Quill: “We will not close the harbour this winter.”",
            &[("“We will not close the harbour this winter.”", Direct, Some("Ada Quill"), Some("Ada Quill"))],
        ),
        (
            "“The levee held for a week,” she later said.",
            &[("“The levee held for a week,”", Direct, Some("she"), None)],
        ),
        // A reader's sign-off after a dash.
        (
            "“Fix the road before the winter comes.” ― Marta Vell",
            &[("“Fix the road before the winter comes.”", Direct, Some("Marta Vell"), Some("Marta Vell"))],
        ),
    ];
    for (input, want) in table {
        let want: Vec<_> =
            want.iter().map(|(q, k, s, c)| (q.to_string(), *k, s.map(String::from), c.map(String::from))).collect();
        assert_eq!(run(input), want, "input {input:?}");
    }
}

/// The fixture rows: (text, quote, speaker, evidence), `\n` in a text a line break.
fn quote_fixture() -> Vec<(String, &'static str, &'static str, Vec<&'static str>)> {
    let mut rows = Vec::new();
    for line in include_str!("../../tests/fixtures/quote_speakers.tsv").lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let c: Vec<&str> = line.split('\t').collect();
        assert_eq!(c.len(), 4, "a fixture row has four columns: {line:?}");
        let evidence = c[3].split(',').filter(|r| !r.is_empty()).collect();
        rows.push((c[0].replace("\\n", "\n"), c[1], c[2], evidence));
    }
    rows
}

#[test]
fn quote_speaker_table() {
    let rows = quote_fixture();
    assert!(rows.len() >= 20, "{} fixture rows", rows.len());
    for (text, quote, speaker, evidence) in &rows {
        let options = crate::Options { single: true, explain: true, ..crate::Options::default() };
        let a = crate::analyze(text, &options).expect("analyse");
        let q = a.articles.iter().flat_map(|x| &x.quotes).find(|q| q.text == *quote);
        let Some(q) = q else { panic!("{quote:?} not found in {text:?}") };
        // (Contract offsets count characters.)
        let at: String = text.chars().skip(q.start).take(q.end - q.start).collect();
        assert_eq!(at, *quote, "offsets of {quote:?}");
        let got = q.speaker.as_ref().map(|s| s.text.as_str()).unwrap_or("");
        assert_eq!(got, *speaker, "speaker of {quote:?} in {text:?}");
        // The cascade's rules first, then the ranker's strongest features.
        let (model, rules): (Vec<&String>, Vec<&String>) =
            q.speaker_evidence.iter().partition(|e| e.starts_with("model: "));
        assert_eq!(rules, *evidence, "evidence for {quote:?} in {text:?}");
        if !speaker.is_empty() {
            assert!(!model.is_empty(), "no ranker evidence for {quote:?} in {text:?}");
        }
    }
}

/// The ranker's mechanics, with a model made by hand: one that distrusts
/// the cascade and likes people's names gives the quote to the person named
/// in the sentence before instead of "she", resolves it, and says why.
#[test]
fn ranker_overturns_the_cascade_when_its_model_says_so() {
    use crate::segment::blockmodel::{hash, BlockModel};
    let text = "Councillor Ena Hart told the Ledger that the plan was dead. “We have no money,” she said.";
    let options = crate::Options { single: true, explain: true, ..crate::Options::default() };
    let speaker = |a: &crate::Analysis| {
        let q = a.articles.iter().flat_map(|x| &x.quotes).next().expect("a quote");
        (q.speaker.as_ref().map(|s| s.text.clone()).unwrap_or_default(), q.speaker_evidence.clone())
    };
    let plain = crate::analyze(text, &options).expect("analyse");
    assert_eq!(speaker(&plain).0, "she");
    let rows = [(hash("cascade"), [0.0, -10.0, 0.0]), (hash("name=per"), [0.0, 5.0, 0.0])];
    let model = BlockModel::from_bytes(&BlockModel::to_bytes(&rows)).expect("model");
    let a = rank::with_model(model, || crate::analyze(text, &options)).expect("analyse");
    let (got, evidence) = speaker(&a);
    assert!(got.ends_with("Ena Hart"), "speaker {got:?}");
    assert_eq!(evidence, ["model: name=per (+5.0)"]);
    // With an empty model the cascade decides, and no model evidence is given.
    let empty = BlockModel::from_bytes(&[]).expect("empty");
    let a = rank::with_model(empty, || crate::analyze(text, &options)).expect("analyse");
    assert_eq!(speaker(&a), ("she".to_string(), vec!["cue_or_name_after".to_string()]));
}

/// Every attribution rule has a fixture row that expects it.
#[test]
fn every_attribution_rule_has_a_fixture_row() {
    let seen: Vec<&str> = quote_fixture().into_iter().flat_map(|r| r.3).collect();
    let rules = ATTRIBUTION_RULES.iter().map(|r| r.0).chain(CONTEXT_RULES.iter().map(|r| r.0));
    for name in rules.chain(["outer_subject", "continues_in_paragraph"]) {
        assert!(seen.contains(&name), "no fixture row expects rule {name}");
    }
}
