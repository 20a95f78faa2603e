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
