use super::*;
use crate::text::tokens::{sentences, tokenize};

fn run(text: &str) -> Vec<(String, u64, Qualifier, CasualtyCategory)> {
    let mut toks = Vec::new();
    tokenize(text, 0, &mut toks);
    let mut sents = Vec::new();
    sentences(text, &toks, &mut sents);
    let mut out = Vec::new();
    for s in sents {
        find_in_sentence(text, &toks, s, &[], tells_of_death(text, &toks), &mut out);
    }
    out.into_iter().map(|f| (text[f.start..f.end].to_string(), f.value, f.qualifier, f.category)).collect()
}

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
        let mut toks = Vec::new();
        tokenize(text, 0, &mut toks);
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
        let mut toks = Vec::new();
        tokenize(text, 0, &mut toks);
        let mut sents = Vec::new();
        sentences(text, &toks, &mut sents);
        let mut out = Vec::new();
        find_in_sentence(text, &toks, sents[0], &mentions, false, &mut out);
        let got: Vec<_> = out.iter().map(|f| (&text[f.start..f.end], f.value)).collect();
        assert_eq!(got, want.into_iter().collect::<Vec<_>>(), "{text:?}");
    }
}

#[test]
fn casualty_table() {
    use CasualtyCategory::*;
    use Qualifier::*;
    type Row<'a> = (&'a str, &'a [(&'a str, u64, Qualifier, CasualtyCategory)]);
    let table: &[Row] = &[
        ("At least 12 people were killed in the blast.", &[("At least 12 people were killed", 12, AtLeast, Killed)]),
        ("Officials said 30 were injured.", &[("30 were injured", 30, Exact, Wounded)]),
        (
            "Some 4,000 residents have been wounded or killed.",
            &[("Some 4,000 residents have been wounded or killed", 4000, Approx, Casualties)],
        ),
        ("The army had lost about 9,100 soldiers since March.", &[("about 9,100 soldiers", 9100, Approx, Casualties)]),
        ("Two of the sailors were killed by the storm.", &[("Two of the sailors were killed", 2, Exact, Killed)]),
        ("Three dead bodies lay in the road.", &[("Three dead", 3, Exact, Killed)]),
        ("Dozens were hurt.", &[("Dozens were hurt", 24, AtLeast, Wounded)]),
        ("Rebels destroyed 14 tanks and fled.", &[("14 tanks", 14, Exact, Equipment)]),
        ("The ministry ordered 14 tanks.", &[]),
        (
            "Three people were shot to death and another was injured.",
            &[("Three people were shot to death", 3, Exact, Killed), ("another was injured", 1, Exact, Wounded)],
        ),
        (
            "The names of the five people who were murdered were released.",
            &[("five people who were murdered", 5, Exact, Killed)],
        ),
        ("Of the four wounded, three worked at the salon.", &[("four wounded", 4, Exact, Wounded)]),
        (
            "The gunman injured a third man and a 16-year-old boy.",
            &[("injured a third man and a 16-year-old boy", 2, Exact, Wounded)],
        ),
        (
            "The man was shot in the neck on Saturday and died at the scene.",
            &[("The man was shot in the neck on Saturday and died", 1, Exact, Killed)],
        ),
        ("They were charged with the fatal shootings of two teens.", &[("two teens", 2, Exact, Killed)]),
        // In a story that tells of no death, people shot were wounded...
        ("A 3-year-old girl had been shot in the stomach.", &[("A 3-year-old girl had been shot", 1, Exact, Wounded)]),
        ("A boy, 2, shot himself in the leg.", &[("A boy, 2, shot", 1, Exact, Wounded)]),
        ("Four people shot in the incident have only minor injuries.", &[("Four people shot", 4, Exact, Wounded)]),
        // ...but not where a death is told, and "hit" needs a bullet.
        ("A girl had been shot and her father was killed.", &[("her father was killed", 1, Exact, Killed)]),
        ("The boy was hit by a ball.", &[]),
        ("The boy was hit by a stray bullet.", &[("The boy was hit", 1, Exact, Wounded)]),
        ("No one was shot.", &[]),
        // One victim, not 27: the age is no count.
        ("A 27-year-old man was injured.", &[("A 27-year-old man was injured", 1, Exact, Wounded)]),
        ("He paid $5 million for the 12 buildings.", &[]),
        // Ages in a range are no count; the people are.
        (
            "Four boys between ages 12 and 16 were wounded.",
            &[("Four boys between ages 12 and 16 were wounded", 4, Exact, Wounded)],
        ),
        (
            "Three other men, ages 25, 26, and 33, were injured.",
            &[("Three other men, ages 25, 26, and 33, were injured", 3, Exact, Wounded)],
        ),
        (
            "The attack left four people suffering gunshot wounds.",
            &[("four people suffering gunshot wounds", 4, Exact, Wounded)],
        ),
        (
            "Five people were shot, including one who suffered critical injuries.",
            // (The one is among the five: both are stated.)
            &[("one who suffered critical injuries", 1, Exact, Wounded), ("Five people were shot", 5, Exact, Wounded)],
        ),
        // A death in the sentence: the shot are not all wounded.
        ("Five people were shot and two of them died.", &[("two of them died", 2, Exact, Killed)]),
        ("He shot and killed his two stepchildren.", &[("two", 2, Exact, Killed)]),
        ("The blast caused injuries to five other people.", &[("five other people", 5, Exact, Wounded)]),
        (
            "One teen is dead, and another seriously injured.",
            &[("One teen is dead", 1, Exact, Killed), ("another seriously injured", 1, Exact, Wounded)],
        ),
        ("Doctors pronounced the boy dead.", &[("pronounced the boy dead", 1, Exact, Killed)]),
        ("Police charged him in the shooting death of a Houston man.", &[("death of a Houston man", 1, Exact, Killed)]),
        ("In 2024 the city grew.", &[]),
        ("Most of the 100 soldiers were injured or killed.", &[]),
        ("At least one wounded fighter shot himself.", &[]),
        ("The town sent 170,000 troops to the front.", &[]),
        ("Between 10 and 15 people died.", &[("Between 10 and 15 people died", 10, Exact, Killed)]),
        ("Officials said 10-15 people died.", &[("10-15 people died", 10, Exact, Killed)]),
        (
            "Two people -- including a 1-year-old boy -- were wounded.",
            &[("Two people -- including a 1-year-old boy -- were wounded", 2, Exact, Wounded)],
        ),
        (
            "A woman suffered serious injuries in the crash.",
            &[("A woman suffered serious injuries", 1, Exact, Wounded)],
        ),
        ("The victim was most seriously hurt.", &[("The victim was most seriously hurt", 1, Exact, Wounded)]),
        ("At 4 o'clock one person was found dead.", &[("one person was found dead", 1, Exact, Killed)]),
        ("Police closed the Cloud 9 shooting range after the death.", &[]),
        (
            "A total of six people, including four children and two men, were injured.",
            &[("six people, including four children and two men, were injured", 6, Exact, Wounded)],
        ),
        ("Officials said 16- year-old twins were injured.", &[]),
        ("A 14-year-old boy is dead after the shooting.", &[("A 14-year-old boy is dead", 1, Exact, Killed)]),
        ("The teen was later pronounced dead.", &[("The teen was later pronounced dead", 1, Exact, Killed)]),
        ("He shot and killed his girlfriend on Sunday.", &[("killed his girlfriend", 1, Exact, Killed)]),
        ("A man was wounded in the leg.", &[("A man was wounded", 1, Exact, Wounded)]),
        ("No one was hurt and nobody was killed.", &[]),
        ("The driver could have been killed.", &[]),
        ("A man was nearly killed.", &[]),
        ("He faces the death penalty.", &[]),
        ("Police say four people were shot and wounded.", &[("four people were shot and wounded", 4, Exact, Wounded)]),
        ("Four men were hospitalized after the attack.", &[("Four men were hospitalized", 4, Exact, Wounded)]),
        ("He opened fire and injured the five people inside.", &[("five people", 5, Exact, Wounded)]),
        (
            "Police said 4 people including a 21-year-old were injured.",
            &[("4 people including a 21-year-old were injured", 4, Exact, Wounded)],
        ),
        (
            "The attack killed one and wounded four others.",
            &[("one", 1, Exact, Killed), ("four others", 4, Exact, Wounded)],
        ),
        ("Gunmen shot six people, one fatally, on Sunday.", &[("one fatally", 1, Exact, Killed)]),
        (
            "The blast left two dead and three injured.",
            &[("two dead", 2, Exact, Killed), ("three injured", 3, Exact, Wounded)],
        ),
        ("Four people were shot and one person killed.", &[("one person killed", 1, Exact, Killed)]),
        (
            "Police said 13 were injured and one killed.",
            &[("13 were injured", 13, Exact, Wounded), ("one killed", 1, Exact, Killed)],
        ),
        ("The man fatally shot three neighbours.", &[("three", 3, Exact, Killed)]),
        ("A victim, one suffering fatal injuries, was found.", &[("one suffering fatal injuries", 1, Exact, Killed)]),
        // A predicate whose category word comes some words on.
        (
            "Four other teenagers, ages 13 to 17, sustained what police say are non-life threatening injuries.",
            &[(
                "Four other teenagers, ages 13 to 17, sustained what police say are non-life threatening injuries",
                4,
                Exact,
                Wounded,
            )],
        ),
        (
            "At least 18 gang members were taken to local hospitals.",
            &[("At least 18 gang members were taken to local hospitals", 18, AtLeast, Wounded)],
        ),
        ("Three men were taken to the medical examiner's office.", &[]),
        ("The fire may have sent two men to the hospital.", &[]),
        ("The four victims were taken to UF Health.", &[("four victims were taken to UF Health", 4, Exact, Wounded)]),
        ("The four men were taken to the health department.", &[]),
        // Where the story tells of a death, people shot are wounded when
        // their own sentence says they were hurt.
        (
            "A man died last month. Four people were shot and two were seriously injured.",
            &[
                ("A man died", 1, Exact, Killed),
                ("two were seriously injured", 2, Exact, Wounded),
                ("Four people were shot", 4, Exact, Wounded),
            ],
        ),
        // Two counts sharing one passive predicate, but not a count with a verb of its own.
        (
            "Nine other officers and two civilians were also injured.",
            &[("Nine other officers", 9, Exact, Wounded), ("two civilians were also injured", 2, Exact, Wounded)],
        ),
        (
            "At least one person pulled a gun and four men were wounded.",
            &[("four men were wounded", 4, Exact, Wounded)],
        ),
        // The others: the count less the dead.
        (
            "Gunmen opened fire on four teenagers, killing two of them and leaving the others wounded.",
            &[("two", 2, Exact, Killed), ("the others wounded", 2, Exact, Wounded)],
        ),
        // Ages and a gallery's counters are no counts.
        ("Image 44 of 44 Child shot in West Side shooting.", &[]),
        ("The 30 year old driver died.", &[("30 year old driver died", 1, Exact, Killed)]),
        ("The victims were younger than 18 and were taken to the hospital.", &[]),
        (
            "A one year old girl shot and killed in her home.",
            &[("one year old girl shot and killed", 1, Exact, Killed)],
        ),
        // A bullet as the subject; an active "shot" with its victim.
        ("One of the bullets hit her near the heart.", &[("hit her", 1, Exact, Wounded)]),
        (
            "A man accidentally shot his ex-wife's 14 year old son.",
            &[("shot his ex-wife's 14 year old son", 1, Exact, Wounded)],
        ),
    ];
    for (input, want) in table {
        let want: Vec<_> = want.iter().map(|(s, v, q, c)| (s.to_string(), *v, *q, *c)).collect();
        assert_eq!(run(input), want, "input {input:?}");
    }
}
