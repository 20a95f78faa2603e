use super::*;
use crate::text::tokens::sentences;

#[test]
fn what_tells_of_a_death() {
    for (text, want) in [
        ("Two people were killed.", true),
        ("The coroner identified the man.", true),
        ("“They killed me!” she cried.", false),
        ("The bullet could have hit her in the heart and killed her.", false),
        ("He is charged with assault with a deadly weapon.", false),
        ("No one was killed.", false),
    ] {
        let toks = Words::new(text, (0, text.len()));
        assert_eq!(tells_of_death(text, &toks), want, "{text:?}");
    }
}

/// Named people sharing one predicate: the names are counted.
#[test]
fn named_groups() {
    for (text, names, want) in [
        (
            "Police said David Jones, 19, Leo Andrews, 21, and Jamari Brooks, 17, were also wounded.",
            &["David Jones", "Leo Andrews", "Jamari Brooks"][..],
            Some(("David Jones, 19, Leo Andrews, 21, and Jamari Brooks, 17, were also wounded", 3)),
        ),
        (
            "Terrell and Zigan were taken to Northeast Georgia Medical Center.",
            &["Terrell", "Zigan"][..],
            Some(("Terrell and Zigan were taken to Northeast Georgia Medical", 2)),
        ),
        ("Terrell and Zigan were taken to the medical examiner.", &["Terrell", "Zigan"][..], None),
        ("Terrell and Zigan were at home.", &["Terrell", "Zigan"][..], None),
    ] {
        let mentions: Vec<Mention> = names
            .iter()
            .map(|n| {
                let start = text.find(n).unwrap();
                Mention { start, end: start + n.len(), label: EntityLabel::Per }
            })
            .collect();
        let toks = Words::new(text, (0, text.len()));
        let mut sents = Vec::new();
        sentences(text, &toks, &mut sents);
        let mut out = Vec::new();
        find_in_sentence(text, &toks, sents[0], &mentions, false, &mut out);
        let got: Vec<_> = out.iter().map(|f| (&text[f.start..f.end], f.value)).collect();
        assert_eq!(got, want.into_iter().collect::<Vec<_>>(), "{text:?}");
        assert!(out.iter().all(|f| f.rule == "named_group"), "{text:?}");
    }
}

/// Every pass of `PASSES` has a fixture row that expects it, but
/// `named_group`, which needs tagged names and has its table above.
#[test]
fn every_pass_has_a_fixture_row() {
    let seen: Vec<&str> = fixture_rows().into_iter().flat_map(|(_, rows)| rows.into_iter().map(|r| r[4])).collect();
    for (name, _) in PASSES.iter().filter(|p| p.0 != "named_group") {
        assert!(seen.contains(name), "no fixture row expects pass {name}");
    }
}

/// The fixture rows: per text, its figures as (span, value, qualifier,
/// category, rule).
fn fixture_rows() -> Vec<(&'static str, Vec<[&'static str; 5]>)> {
    let mut texts: Vec<(&str, Vec<[&str; 5]>)> = Vec::new();
    for line in include_str!("../../tests/fixtures/casualty_figures.tsv").lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let c: Vec<&str> = line.split('\t').collect();
        assert_eq!(c.len(), 6, "a fixture row has six columns: {line:?}");
        if texts.last().is_none_or(|t| t.0 != c[0]) {
            texts.push((c[0], Vec::new()));
        }
        if !c[1].is_empty() {
            if let Some(t) = texts.last_mut() {
                t.1.push([c[1], c[2], c[3], c[4], c[5]]);
            }
        }
    }
    texts
}

#[test]
fn casualty_table() {
    let texts = fixture_rows();
    assert!(texts.len() >= 60, "{} fixture texts", texts.len());
    for (input, want) in texts {
        let toks = Words::new(input, (0, input.len()));
        let mut sents = Vec::new();
        sentences(input, &toks, &mut sents);
        let mut out = Vec::new();
        for s in sents {
            find_in_sentence(input, &toks, s, &[], tells_of_death(input, &toks), &mut out);
        }
        let got: Vec<[String; 5]> = out
            .iter()
            .map(|f| {
                [
                    input[f.start..f.end].to_string(),
                    f.value.to_string(),
                    f.qualifier.as_str().to_string(),
                    f.category.as_str().to_string(),
                    f.rule.to_string(),
                ]
            })
            .collect();
        let want: Vec<[String; 5]> = want.iter().map(|r| r.map(String::from)).collect();
        assert_eq!(got, want, "input {input:?}");
    }
}

/// The tally of a short story of our own (analysed as one article):
/// killed and wounded counts, each victim once.
#[test]
fn tallies_count_each_victim_once() {
    let single = crate::Options { single: true, ..crate::Options::default() };
    let rows: &[(&str, u64, u64)] = &[
        (
            "A man was shot and killed Sunday night on Elm Street, police said. Officers found the victim \
             in the driveway. He was pronounced dead at the scene. Police identified him as Dario Mensk, 31. \
             Mensk had lived on the street for a decade.",
            1,
            0,
        ),
        (
            "Two people were killed and three were wounded in a shooting at a bar on Friday, police said. \
             The wounded were taken to a hospital.",
            2,
            3,
        ),
        // Shot, then died: one victim, killed, not also wounded.
        (
            "Officers found a 23-year-old man suffering from gunshot wounds on Elm Street. He was \
             pronounced dead at a hospital an hour later, police said.",
            1,
            0,
        ),
    ];
    for &(text, killed, wounded) in rows {
        let a = crate::analyze(text, &single).expect("analyses");
        let t = &a.articles[0].tally;
        let count = |c: CasualtyCategory| t.get(c).map_or(0, |x| x.count);
        assert_eq!((count(CasualtyCategory::Killed), count(CasualtyCategory::Wounded)), (killed, wounded), "{text}");
        // Every figure a count rests on is a figure of that category.
        for cat in CasualtyCategory::ALL {
            for &i in t.get(cat).map(|x| x.figures.as_slice()).unwrap_or(&[]) {
                assert_eq!(a.articles[0].casualties[i].category, cat, "{text}");
            }
        }
    }
}

/// Numbers that count no one and harm that did not happen give no tally.
#[test]
fn no_false_alarms() {
    let single = crate::Options { single: true, ..crate::Options::default() };
    for text in [
        "The 45-year-old owner opened the shop at 7:30 a.m. on May 3, 2016.",
        "A $5,000 reward is offered for information. Call 555-0134.",
        "He suffered six gunshot wounds to the chest.",
        "Image 3 of 12. The team won 4-2 on Saturday.",
        "The bullet could have killed her, the officer said.",
        "No one was hurt in the fire at 1200 Oak Street.",
        "If the dam fails, thousands could die, engineers warned.",
        "Shots were fired at 2300 West Elm Street; 14 rounds hit the house.",
    ] {
        let a = crate::analyze(text, &single).expect("analyses");
        let t = &a.articles[0].tally;
        let big = CasualtyCategory::ALL.iter().filter_map(|&c| t.get(c)).map(|x| x.count).max().unwrap_or(0);
        let figures: Vec<&str> = a.articles[0].casualties.iter().map(|c| c.text.as_str()).collect();
        // "six gunshot wounds" may be one person wounded, never six people;
        // the others give no figure at all, counted or not.
        assert!(big <= u64::from(text.contains("wounds")), "{text}: tally {t:?}, figures {figures:?}");
        let values: Vec<u64> = a.articles[0].casualties.iter().map(|c| c.value).collect();
        assert!(
            values.iter().all(|&v| v == 1) && values.len() <= usize::from(text.contains("wounds")),
            "{text}: {figures:?}"
        );
    }
}
