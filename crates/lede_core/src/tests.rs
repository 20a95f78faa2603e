//! Whole-pipeline tests: the contract's invariants on our own fixtures, and
//! what the seed pages in ../shared/seeds must give (skipped aloud when
//! ../shared is not beside the project).

use super::*;

use crate::SAMPLE_ARTICLE as SAMPLE;

/// The canonical speaker of the first quote whose words start with `start`.
fn speaker_of<'a>(quotes: impl IntoIterator<Item = &'a Quote>, start: &str) -> Option<String> {
    quotes
        .into_iter()
        .find(|q| q.text.trim_start_matches(|c: char| !c.is_alphanumeric()).starts_with(start))
        .and_then(|q| q.speaker.as_ref())
        .and_then(|s| s.canonical.clone())
}

/// The speaker's own words for the first quote of the first article whose
/// text (after its opening mark) starts with `start`.
fn speaker_text(a: &Analysis, start: &str) -> Option<String> {
    a.articles[0]
        .quotes
        .iter()
        .find(|q| q.text.trim_start_matches(|c: char| !c.is_alphanumeric()).starts_with(start))
        .and_then(|q| q.speaker.as_ref())
        .map(|s| s.text.clone())
}

/// The contract's invariants (see [`crate::fuzzing::check_contract`]).
pub(crate) fn assert_contract(input: &str, a: &Analysis) {
    if let Err(e) = crate::fuzzing::check_contract(input, a) {
        panic!("{e}");
    }
}

/// `text` analysed as one article body, its contract checked.
fn analyze_single(text: &str) -> Analysis {
    let a = analyze(text, &Options { single: true, ..Options::default() }).expect("analyse");
    assert_contract(text, &a);
    a
}

#[test]
fn sample_article_shows_every_kind_of_highlight() {
    let a = analyze(SAMPLE, &Options::default()).expect("sample analyses");
    assert_contract(SAMPLE, &a);
    assert_eq!(a.articles.len(), 1, "{:#?}", a.articles);
    let art = &a.articles[0];
    assert_eq!(art.role, Role::Main);
    assert_eq!(
        art.headline.as_ref().map(|h| h.text.as_str()),
        Some("Flood Barrier Fails in Valderra as Storm Surge Hits the Coast")
    );
    assert_eq!(art.paragraphs.len(), 7);
    // The headline list after the article is one related-links block.
    let related: Vec<_> = a.boilerplate.iter().filter(|b| b.kind == BoilerplateKind::RelatedLinks).collect();
    assert_eq!(related.len(), 1, "{:#?}", a.boilerplate);
    assert!(related[0].text.starts_with("Harbour Districts") && related[0].text.ends_with("Flooding"));

    let ent = |name: &str| art.entities.iter().find(|e| e.text == name).map(|e| (e.label, e.canonical.clone()));
    assert_eq!(ent("Ines Calloway"), Some((EntityLabel::Per, "Ines Calloway".into())));
    assert_eq!(ent("Calloway"), Some((EntityLabel::Per, "Ines Calloway".into())));
    assert_eq!(ent("Tomas Reyes").map(|e| e.0), Some(EntityLabel::Per));
    assert_eq!(ent("Paolo Brandt").map(|e| e.0), Some(EntityLabel::Per));
    assert_eq!(ent("Valderra Civil Protection Agency").map(|e| e.0), Some(EntityLabel::Org));
    assert_eq!(ent("Northport Institute of Technology").map(|e| e.0), Some(EntityLabel::Org));

    let speaker_mention = |start: &str| {
        art.quotes
            .iter()
            .find(|q| q.text.trim_start_matches(|c: char| !c.is_alphanumeric()).starts_with(start))
            .and_then(|q| q.speaker.as_ref())
            .map(|s| (s.text.clone(), s.canonical.clone()))
    };
    assert_eq!(speaker_mention("We were told"), Some(("she".into(), Some("Ines Calloway".into()))));
    assert_eq!(speaker_mention("Every family"), Some(("she".into(), Some("Ines Calloway".into()))));
    assert_eq!(speaker_mention("The gates were"), Some(("Tomas Reyes".into(), Some("Tomas Reyes".into()))));
    assert_eq!(speaker_mention("No one in"), Some(("Brandt".into(), Some("Paolo Brandt".into()))));
    let partial = art.quotes.iter().find(|q| q.text.contains("unacceptable")).expect("partial quote");
    assert_eq!(partial.kind, QuoteKind::Partial);

    let fig: Vec<(u64, Qualifier, CasualtyCategory)> =
        art.casualties.iter().map(|c| (c.value, c.qualifier, c.category)).collect();
    assert_eq!(
        fig,
        vec![
            (14, Qualifier::AtLeast, CasualtyCategory::Killed),
            (230, Qualifier::Exact, CasualtyCategory::Wounded),
            (24, Qualifier::AtLeast, CasualtyCategory::Missing),
            (2, Qualifier::Exact, CasualtyCategory::Equipment),
            (40, Qualifier::Exact, CasualtyCategory::Equipment),
        ]
    );
    let missing = &art.casualties[2];
    assert_eq!((missing.text.as_str(), missing.subject.as_deref()), ("dozens remain missing", None));
    // Title-case headline words are entities only where the body names them.
    let in_headline: Vec<&str> =
        art.entities.iter().filter(|e| e.end <= art.paragraphs[0].start).map(|e| e.text.as_str()).collect();
    assert_eq!(in_headline, ["Valderra"]);
    // A capitalised word after an opening quote is not a name.
    assert!(!art.entities.iter().any(|e| e.text == "No"), "{:?}", art.entities);
    let first = &art.casualties[0];
    assert_eq!(first.reported_by.as_deref(), Some("the Valderra Civil Protection Agency"));
}

#[test]
fn quotes_are_attributed_from_their_sentence_and_paragraph_context() {
    let text = "Ada Quill called the harbour plan “reckless” in a letter to the council.\n\
                The Harbour Times reports:\n\
                “The bridge will stay closed until spring, and nobody can say when it will reopen.”\n\
                “We need a ferry now,” said Tomas Reyes, a boatman.\n\
                “And we need it before the winter storms arrive, not after them.”\n\
                Critics of Marta Vell's plan for a “floating harbour” were not persuaded.\n\
                Tomas Reyes spoke on Friday. He’s claiming that the ferry is “far too old” for winter.\n\
                “We need a plan,” the harbour master said, arguing that the pier is “unsafe in storms.”\n\
                I laughed and said, “I never cross that bridge.”\n\
                Even now at 86 she still says things such as, “The sea keeps its own counsel.”\n\
                “That was a mistake,” Marta Vell's former campaign strategist said on the radio.\n\
                The Courier ran an editorial. Meanwhile, it attacked Tomas Reyes, saying he “never read the plan.”\n";
    let a = analyze_single(text);
    let who = |start: &str| speaker_text(&a, start);
    assert_eq!(who("reckless").as_deref(), Some("Ada Quill"), "{:#?}", a.articles[0].quotes);
    assert_eq!(who("The bridge").as_deref(), Some("Harbour Times"));
    assert_eq!(who("We need").as_deref(), Some("Tomas Reyes"));
    assert_eq!(who("And we need").as_deref(), Some("Tomas Reyes"));
    // A phrase quoted with no reporting verb: the person the sentence names before it.
    assert_eq!(who("floating").as_deref(), Some("Marta Vell"));
    // A progressive form: "He’s claiming".
    assert_eq!(who("far too old").as_deref(), Some("He"));
    // A participle's subject is the sentence's, never a word inside its opening quote.
    assert_eq!(who("unsafe").as_deref(), Some("the harbour master"));
    // A past verb coordinated before the verb of saying shares its subject; "still" is a filler.
    assert_eq!(who("I never").as_deref(), Some("I"));
    assert_eq!(who("The sea").as_deref(), Some("she"));
    assert_eq!(who("That was a mistake").as_deref(), Some("Marta Vell's former campaign strategist"));
    // A participle's subject comes before a name that the comma sets off.
    assert_eq!(who("never read").as_deref(), Some("it"));
}

#[test]
fn quotes_inside_reported_speech_go_to_the_outer_speaker() {
    let text = "Ada Quill said she recalls the plan being “a disaster in waiting.”\n\
                Tomas Reyes condemned what he called a “reckless gamble” with public money.\n\
                Critics attacked Marta Vell's claim that the bridge was “perfectly safe” last winter.\n\
                Lawmakers in the United States are “deeply worried” about the harbour.\n\
                “The vote is over.” She says the council must now find the money.\n\
                “We ask the council to act before the storms,” the letter reads.\n\
                “The harbour will reopen soon,” Tomas Reyes said. Ada Quill called the plan “a gamble with the town's money.”\n\
                The old ferry was “never safe,” according to the mayor.\n\
                Police say they have “enough officers” for the festival.\n\
                “The vote will hold,” Senate Leader Marta Vell, R-Ky., said Tuesday.\n\
                Tomas Reyes spoke for an hour. He then defended the plan, saying, “It is the only way to keep the town afloat.”\n\
                Marta Vell's lawyer said the charge was “baseless and cruel.”\n\
                Ada Quill says she admired the crew through what she calls “a winter of hard choices.”\n\
                Tomas Reyes said he voted for the plan because “the town had no other road,” he said.\n\
                Marta Vell said the vote was fair, but she said the count was “far too slow.”\n";
    let a = analyze_single(text);
    let who = |start: &str| speaker_text(&a, start);
    let quotes = &a.articles[0].quotes;
    assert_eq!(who("a disaster").as_deref(), Some("Ada Quill"), "{quotes:#?}");
    assert_eq!(who("reckless").as_deref(), Some("Tomas Reyes"), "{quotes:#?}");
    assert_eq!(who("perfectly").as_deref(), Some("Marta Vell"), "{quotes:#?}");
    // "States" after "United" is part of a name, not a verb of saying.
    assert_ne!(who("deeply").as_deref(), Some("the United"), "{quotes:#?}");
    // "She says …" opening the next sentence reports something else.
    assert_ne!(who("The vote").as_deref(), Some("She"), "{quotes:#?}");
    assert_eq!(who("We ask").as_deref(), Some("the letter"), "{quotes:#?}");
    // A verb of saying between two quotes starts another attribution.
    assert_eq!(who("a gamble").as_deref(), Some("Ada Quill"), "{quotes:#?}");
    assert_eq!(who("never safe").as_deref(), Some("the mayor"), "{quotes:#?}");
    assert_eq!(who("enough officers").as_deref(), Some("Police"), "{quotes:#?}");
    assert_eq!(who("The vote will").as_deref(), Some("Marta Vell"), "{quotes:#?}");
    assert_eq!(who("It is the only").as_deref(), Some("He"), "{quotes:#?}");
    assert_eq!(who("baseless").as_deref(), Some("Marta Vell's lawyer"), "{quotes:#?}");
    // A pronoun later in a sentence that a named person opens and reports stands for that person…
    assert_eq!(who("a winter").as_deref(), Some("Ada Quill"), "{quotes:#?}");
    assert_eq!(who("the town had").as_deref(), Some("Tomas Reyes"), "{quotes:#?}");
    // …but not in a clause of its own.
    assert_eq!(who("far too").as_deref(), Some("she"), "{quotes:#?}");
}

#[test]
fn quotes_take_the_speaker_that_the_sentence_and_its_phrases_give() {
    let text = "Ada Quill spoke first.\n\
                In a speech on Monday, Ada Quill attacked “the harbour board's endless delays and broken promises to the town.”\n\
                Tomas Reyes met Marta Vell. However, he characterized the plan as “a gift to the developers and nobody else.”\n\
                Although the council did not name Tomas Reyes, it criticised \"careless planning\" in the port.\n\
                Marta Vell's family has asked the council to publish the report \"as a matter of simple fairness\" this week.\n\
                The main condition is a \"proven source of funding,\" as a council memo put it.\n\
                “The port is closed,” Tomas Reyes said. “You ignored every warning” to save money, she said, pointing at the board.\n\
                “The town cannot wait,” Reyes said, listing his demands, including, “Open the ferry before the winter comes back.”\n\
                Paolo Brandt, the chief engineer of the port, a member of the harbour board, said the bridge was \"beyond repair and unsafe.\"\n\
                The former mayor and harbour pilot said it was \"a mistake\" to close the bridge.\n\
                Asked about the ferry, the 34-year-old mother of three replied, \"We cannot cross the river at all now.\"\n\
                “The bridge failed every one of us,” said 9/11 widow Ines Calloway.\n\
                “You pay your tolls. Where is the bridge?” a narrator in the council ad asks.\n\
                “This is a big year for the town!” Quill's niece, state Del. Marta \"Tess\" Vell (D-Ore.), shouted to the crowd.\n\
                Reyes said during a rally in the port that Quill once described the plan as “the gold standard” of harbours.\n\
                Ada Quill's letter said the charge was “baseless.”\n";
    let a = analyze_single(text);
    let quotes = &a.articles[0].quotes;
    let who = |start: &str| speaker_text(&a, start);
    // The subject of the quote's sentence, after an opening phrase or clause.
    assert_eq!(who("the harbour board").as_deref(), Some("Ada Quill"), "{quotes:#?}");
    assert_eq!(who("a gift").as_deref(), Some("he"), "{quotes:#?}");
    assert_eq!(who("careless").as_deref(), Some("it"), "{quotes:#?}");
    assert_eq!(who("as a matter").as_deref(), Some("Marta Vell's family"), "{quotes:#?}");
    assert_eq!(who("proven source").as_deref(), Some("a council memo"), "{quotes:#?}");
    // A cue later in its own sentence beats continuing the quote before.
    assert_eq!(who("You ignored").as_deref(), Some("she"), "{quotes:#?}");
    // A participle after "Reyes said," has his words, not a name inside a quote.
    assert_eq!(who("Open the ferry").as_deref(), Some("Reyes"), "{quotes:#?}");
    // Long appositives and descriptions.
    assert_eq!(who("beyond repair").as_deref(), Some("Paolo Brandt"), "{quotes:#?}");
    assert_eq!(who("a mistake").as_deref(), Some("The former mayor and harbour pilot"), "{quotes:#?}");
    assert_eq!(who("We cannot cross").as_deref(), Some("the 34-year-old mother of three"), "{quotes:#?}");
    assert_eq!(who("The bridge failed").as_deref(), Some("9/11 widow Ines Calloway"), "{quotes:#?}");
    assert_eq!(who("You pay").as_deref(), Some("a narrator in the council ad"), "{quotes:#?}");
    // An owned person, the cue after an appositive holding a quoted nickname,
    // which is no quote.
    assert_eq!(who("This is a big year").as_deref(), Some("Quill's niece"), "{quotes:#?}");
    assert!(!quotes.iter().any(|q| q.text.contains("Tess")), "{quotes:#?}");
    let niece = quotes.iter().find(|q| q.text.contains("big year")).and_then(|q| q.speaker.as_ref());
    assert_eq!(niece.and_then(|s| s.canonical.as_deref()), Some("Quill's niece"));
    // A speaker inside another's reported speech gives the quote to the outer one.
    assert_eq!(who("the gold standard").as_deref(), Some("Reyes"), "{quotes:#?}");
    assert_eq!(who("baseless").as_deref(), Some("Ada Quill's letter"), "{quotes:#?}");
}

#[test]
fn quotes_take_labels_inverted_cues_and_issuers_as_speakers() {
    let text = "Ada Quill and Tomas Reyes debated the bridge.\n\
                Quill: “The bridge must close before the storms arrive this winter.”\n\
                Continued Reyes: “Nobody has shown me a single crack in the whole structure.”\n\
                “Who will pay for the ferry, then?” Reyes told the Harbour Times in an interview aired on Monday.\n\
                The harbour board issued a statement calling the plan “a reckless gamble with the town's money.”\n\
                Ondrasek asked, “Can the ferry carry the school buses as well as the cars?”\n\
                One man wrote, “The bridge was fine for forty years and it is fine today.”\n\
                “The tolls went up twice. The repairs never came” to the east pier, says harbour pilot Marta Vell.\n\
                Quill “never wanted the bridge closed at all” in the first place, said harbour engineer Paolo Brandt.\n";
    let a = analyze_single(text);
    let quotes = &a.articles[0].quotes;
    let who = |start: &str| speaker_text(&a, start);
    // A name alone before a colon, and a verb of saying before the name.
    assert_eq!(who("The bridge must").as_deref(), Some("Quill"), "{quotes:#?}");
    assert_eq!(who("Nobody has").as_deref(), Some("Reyes"), "{quotes:#?}");
    // A question's speaker after it, though the sentence goes on.
    assert_eq!(who("Who will pay").as_deref(), Some("Reyes"), "{quotes:#?}");
    // The body that issued a statement, not the statement.
    assert_eq!(who("a reckless").as_deref(), Some("The harbour board"), "{quotes:#?}");
    // One capitalised word opening the clause before a cue, and "one man".
    assert_eq!(who("Can the ferry").as_deref(), Some("Ondrasek"), "{quotes:#?}");
    assert_eq!(who("The bridge was fine").as_deref(), Some("One man"), "{quotes:#?}");
    // A cue in the sentence that closes a quote of several sentences, and
    // "said X" after the quote and a comma.
    assert_eq!(who("The tolls").as_deref(), Some("harbour pilot Marta Vell"), "{quotes:#?}");
    assert_eq!(who("never wanted").as_deref(), Some("harbour engineer Paolo Brandt"), "{quotes:#?}");
}

#[test]
fn quotes_take_speakers_from_the_paragraph_before_and_long_descriptions() {
    let text = "Ada Quill and Tomas Reyes spoke at the harbour.\n\n\
                On Monday, Ada Quill issued the following statement:\n\n\
                “The bridge will stay closed until the engineers have finished their work.”\n\n\
                Reyes continued his scathing remarks.\n\n\
                “Nobody on that board has crossed the river in a storm, not once in ten years.”\n\n\
                “The tolls paid for nothing,” said Harbour Union spokesman Paolo Brandt. “Not one repair.”\n\n\
                Quill “wasted a year of our money,” he said.\n\n\
                Reyes praised the crews. Reyes credited Quill with keeping “the ferry running all winter” anyway.\n\n\
                As Ada Quill puts it, “the harbour is the lungs of this town.”\n\n\
                The retired engineer left the meeting early, saying only that the pier was “beyond saving.”\n";
    let a = analyze_single(text);
    let quotes = &a.articles[0].quotes;
    let who = |start: &str| speaker_text(&a, start);
    // A paragraph ending in a colon gives its subject; one ending in a verb of saying, its speaker.
    assert_eq!(who("The bridge will").as_deref(), Some("Ada Quill"), "{quotes:#?}");
    assert_eq!(who("Nobody on").as_deref(), Some("Reyes"), "{quotes:#?}");
    // A description with capitalised words, and the quote after it continues.
    assert_eq!(who("The tolls").as_deref(), Some("Harbour Union spokesman Paolo Brandt"), "{quotes:#?}");
    assert_eq!(who("Not one").as_deref(), Some("Harbour Union spokesman Paolo Brandt"), "{quotes:#?}");
    // The name the quote continues is not its speaker.
    assert_eq!(who("wasted").as_deref(), Some("he"), "{quotes:#?}");
    // A phrase's speaker is its own sentence's subject, not the sentence before.
    let ferry = quotes.iter().find(|q| q.text.contains("ferry running")).and_then(|q| q.speaker.as_ref());
    assert_eq!(who("the harbour is").as_deref(), Some("Ada Quill"), "{quotes:#?}");
    assert_eq!(who("beyond saving").as_deref(), Some("The retired engineer"), "{quotes:#?}");
    let credited = text[..text.find("Reyes credited").expect("in text")].chars().count();
    assert_eq!(ferry.map(|s| (s.text.as_str(), s.start)), Some(("Reyes", credited)), "{quotes:#?}");
}

#[test]
fn quotes_after_a_colon_clause_or_a_name_the_tagger_missed() {
    let text = "When Tomas Reyes suggested that the port would sue the town, Ada Quill fired back forcefully: “If they sue us, they will lose, and they know it.”\n\
                “The ferry is late again,” added one commuter. Yet another said, “The ferry has never once been on time.”\n\
                Now, the unions believe they have a case. Harbour Pilots Chairman Oskarine Vandeluft called the plan a “new low” for the port.\n\n\
                “The harbour board has ignored every warning it was given,” the pilots conclude.\n\n\
                “The bridge was never safe for buses, and the board knew it.”\n\n\
                - Ada Quill.\n";
    let a = analyze_single(text);
    let quotes = &a.articles[0].quotes;
    let who = |start: &str| speaker_text(&a, start);
    // The subject of the clause that a colon before the quote ends, not a
    // reporting verb in a clause before it.
    assert_eq!(who("If they sue").as_deref(), Some("Ada Quill"), "{quotes:#?}");
    assert_eq!(who("The ferry has").as_deref(), Some("another"), "{quotes:#?}");
    // A name opening its sentence, tagged or not, never with the full stop before it.
    let s = who("new low").unwrap_or_default();
    assert!(s.ends_with("Vandeluft") && s.starts_with(char::is_uppercase), "{quotes:#?}");
    // A plural present cue, and a quote signed in the paragraph after it.
    assert_eq!(who("The harbour board has").as_deref(), Some("the pilots"), "{quotes:#?}");
    assert_eq!(who("The bridge was never").as_deref(), Some("Ada Quill"), "{quotes:#?}");
    for e in &a.articles[0].entities {
        assert!(!e.text.starts_with(['.', ',', ';', ':']) && !e.text.ends_with([',', ';', ':']), "{e:?}");
    }
}

#[test]
fn a_quote_in_straight_marks_may_hold_one_in_curly_marks() {
    let text = "Ada Quill continued:\n\n\
                \"The survey asked: “Do you trust the harbour board?” Most people said no, and the rest said nothing.\"\n";
    let a = analyze_single(text);
    let q = &a.articles[0].quotes;
    assert_eq!(q.len(), 1, "{q:#?}");
    assert!(q[0].text.starts_with("\"The survey") && q[0].text.ends_with("said nothing.\""), "{q:#?}");
    assert_eq!(speaker_of(q, "The survey").as_deref(), Some("Ada Quill"));
    // Left open, the outer quote gives way to the one closed inside it.
    let open = "Ada Quill spoke.\n\"The survey asked: “Do you trust the harbour board?” Most people said no.\n";
    let a = analyze_single(open);
    let q = &a.articles[0].quotes;
    assert_eq!(q.len(), 1, "{q:#?}");
    assert_eq!(q[0].text, "“Do you trust the harbour board?”");
}

#[test]
fn a_quote_running_over_paragraphs_is_found_and_attributed() {
    let text = "The mayor spoke at length on Monday.\n\
                “The bridge is closed, and it will stay closed until the engineers say otherwise.\n\
                “We owe that much to the families who cross it every morning,” said Ada Quill, the mayor.\n";
    let a = analyze_single(text);
    let q = &a.articles[0].quotes;
    // One quote from the first paragraph's mark to the mark that closes it.
    assert_eq!(q.len(), 1, "{q:#?}");
    assert!(q[0].text.starts_with("“The bridge") && q[0].text.ends_with("every morning,”"), "{}", q[0].text);
    assert_eq!(q[0].kind, QuoteKind::Direct);
    assert_eq!(speaker_of(q, "The bridge").as_deref(), Some("Ada Quill"));
    // Without a following paragraph that opens with a mark, or when the run
    // never closes (transcript lines), an unclosed quote is dropped.
    for alone in [
        "“The bridge is closed, and it will stay closed.\nThe council met later.\n",
        "\"QUILL: The bridge is closed.\n\"REYES: It should reopen.\nThe council met later.\n",
    ] {
        assert!(analyze(alone, &Options { single: true, ..Options::default() }).expect("a").articles[0]
            .quotes
            .is_empty());
    }
}

#[test]
fn errors_are_typed_and_clear() {
    let o = Options::default();
    assert_eq!(analyze("", &o), Err(Error::Empty));
    assert_eq!(analyze(" \n\t ", &o), Err(Error::Empty));
    assert!(matches!(analyze_bytes(b"\x00\x01\x02binary", &o), Err(Error::Binary { .. })));
    assert_eq!(analyze_bytes(b"caf\xe9 au lait", &o), Err(Error::NotUtf8 { offset: 3 }));
    // One stray NUL in a long page is not binary data.
    let mut page = "A sentence of an ordinary page. ".repeat(100).into_bytes();
    page[500] = 0;
    assert!(analyze_bytes(&page, &o).is_ok());
    let small = Options { max_bytes: 10, ..Options::default() };
    assert_eq!(analyze("0123456789AB", &small), Err(Error::TooLarge { size: 12, limit: 10 }));
    assert!(Error::Empty.to_string().contains("paste or open"));
    assert!("xml".parse::<InputMode>().is_err());
}

#[test]
fn leading_part_cuts_at_paragraphs_lines_or_chars() {
    let table: &[(&str, usize, &str)] = &[
        ("short", 100, "short"),
        ("One para.\n\nTwo para.\nMore.", 22, "One para.\n\nTwo para.\n"),
        ("One para.\n\nTwo para.", 15, "One para.\n\n"),
        ("abcdef\nghijkl", 10, "abcdef\n"),
        ("abcdefghijkl", 5, "abcde"),
        // Never inside a character: é is two bytes, 🌊 four.
        ("ééé", 5, "éé"),
        ("🌊🌊", 6, "🌊"),
        ("🌊", 2, ""),
        // A break in the first half is too early: cut at the limit instead.
        ("a\nbcdefghijkl", 10, "a\nbcdefghi"),
    ];
    for &(text, max, want) in table {
        assert_eq!(leading_part(text, max), want, "{text:?} within {max}");
        assert!(leading_part(text, max).len() <= max);
    }
    let big = "A paragraph of news.\n\n".repeat(1000);
    let part = leading_part(&big, 10_000);
    assert!(analyze(part, &Options { max_bytes: 10_000, ..Options::default() }).is_ok());
}

#[test]
fn odd_input_never_panics() {
    let o = Options::default();
    let cases: Vec<String> = vec![
        "\"".repeat(1000),
        "'“‘«»’”".repeat(200),
        "9".repeat(10_000) + " killed",
        "A".repeat(5000),
        "Zürich’s Ōsaka — ﬁ ligature 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 \u{200B}\u{FEFF} said \"x\".".into(),
        "<div>".repeat(5000),
        "<p>unterminated &amp".into(),
        "Capitalised Words In A Row ".repeat(2000),
        "\r\n\r\nWindows line ends.\r\nAnother line.\r\n".into(),
    ];
    for c in &cases {
        if let Ok(a) = analyze(c, &o) {
            assert_contract(c, &a);
        }
    }
}

#[test]
fn html_input_gives_text_and_offsets_into_it() {
    let html = "<html><head><title>x</title><script>alert(1)</script></head><body><h1>Bridge Falls In Harbour Town</h1><p>At least 3 people were killed when the bridge fell, said Mayor Ada Quill, who called it &ldquo;a disgrace to the city&rdquo;.</p></body></html>";
    let a = analyze(html, &Options::default()).expect("html");
    assert_eq!(a.input_kind, InputKind::Html);
    let text = a.text.clone().expect("text for html input");
    assert!(!text.contains("alert"));
    assert_contract(html, &a);
    assert_eq!(a.articles[0].casualties[0].value, 3);
}

#[test]
fn a_web_page_gives_its_story_whole_and_its_furniture_marked() {
    let html = "<html><head><meta property=\"og:site_name\" content=\"The Valderra Courier\">\
        <meta property=\"article:published_time\" content=\"2026-11-20T08:00:00Z\"></head>\
        <body><nav><ul><li><a href=/>Home</a></li><li><a href=/c>Coast</a></li></ul></nav>\
        <article><h1>Harbour Town Bridge Closes After Storm Damage</h1>\
        <p>The old bridge in Harbour Town closed on Monday after engineers found cracks in two of its piers, the council said.</p>\
        <h2>What Engineers Found</h2>\
        <p>Inspectors said the cracks had widened by several centimetres since the spring survey, and that repairs could take a year.</p>\
        </article>\
        <div class=\"related-stories\"><h3><a href=/a>Ferry Service Resumes Between the Two Shores</a></h3>\
        <p><a href=/a>Crews restored the morning crossings after a week of repairs to the landing stage.</a></p></div>\
        <section id=\"comments\"><p>I drove over that bridge every day for thirty years and never felt safe on it.</p></section>\
        </body></html>";
    let a = analyze(html, &Options::default()).expect("html page");
    assert_contract(html, &a);
    let text = a.text.clone().expect("text");
    let main: Vec<&Article> = a.articles.iter().filter(|x| x.role == Role::Main).collect();
    assert_eq!(main.len(), 1, "{:#?}", a.articles);
    let body: Vec<String> =
        main[0].paragraphs.iter().map(|p| text.chars().skip(p.start).take(p.end - p.start).collect()).collect();
    assert!(body.iter().any(|p| p.starts_with("The old bridge")), "{body:#?}");
    assert_eq!(main[0].source.as_deref(), Some("The Valderra Courier"));
    assert_eq!(main[0].published.as_deref(), Some("2026-11-20T08:00:00Z"));
    assert!(body.iter().any(|p| p.starts_with("Inspectors said")), "the second section was lost: {body:#?}");
    assert!(!body.iter().any(|p| p.contains("thirty years") || p.contains("Crews restored")), "{body:#?}");
    let kinds: Vec<BoilerplateKind> = a.boilerplate.iter().map(|b| b.kind).collect();
    for k in [BoilerplateKind::Navigation, BoilerplateKind::RelatedLinks, BoilerplateKind::Comments] {
        assert!(kinds.contains(&k), "no {k:?} in {:#?}", a.boilerplate);
    }
}

#[test]
fn progress_is_reported_and_rises_to_the_end() {
    let text = crate::corpus::news(20_000, 3);
    let mut seen = Vec::new();
    let a = analyze_with_progress(&text, &Options::default(), &mut |p| seen.push(p)).expect("analyse");
    assert_eq!(a, analyze(&text, &Options::default()).expect("plain"), "progress changed the result");
    assert_eq!(seen.len(), a.articles.len());
    assert!(seen.windows(2).all(|w| w[0] <= w[1]) && seen.iter().all(|p| (0.0..=1.0).contains(p)));
    assert!(seen.last().copied().unwrap_or(0.0) > 0.95, "{seen:?}");
}

#[test]
fn output_is_deterministic_and_serialises_to_the_contract() {
    let a = analyze(SAMPLE, &Options::default()).expect("a");
    let b = analyze(SAMPLE, &Options::default()).expect("b");
    assert_eq!(a, b);
    let v: serde_json::Value = serde_json::to_value(&a).expect("json");
    assert_eq!(v["lede_version"], VERSION);
    assert_eq!(v["input_kind"], "text");
    assert!(v["text"].is_null());
    let art = &v["articles"][0];
    for key in
        ["role", "headline", "source", "published", "byline", "span", "paragraphs", "entities", "quotes", "casualties"]
    {
        assert!(art.get(key).is_some(), "article lacks {key}");
    }
    assert_eq!(art["role"], "main");
    assert_eq!(art["paragraphs"][0]["kind"], "body");
    assert!(["PER", "ORG", "LOC", "MISC"].contains(&art["entities"][0]["label"].as_str().unwrap_or("")));
    assert_eq!(art["casualties"][0]["qualifier"], "at_least");
    let kinds: Vec<&str> =
        v["boilerplate"].as_array().map(|b| b.iter().filter_map(|x| x["kind"].as_str()).collect()).unwrap_or_default();
    assert_eq!(kinds, ["other", "related_links"]);
}

// ---- Seeds (third-party pages, read from ../shared at test time) ----

fn seed(name: &str) -> Option<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds");
    if !dir.is_dir() {
        println!("skipped: ../shared not found");
        return None;
    }
    let path = std::fs::read_dir(&dir)
        .ok()?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.file_name().and_then(|f| f.to_str()).map(|f| f.starts_with(name)).unwrap_or(false))?;
    std::fs::read_to_string(path).ok()
}

#[test]
fn seed_000_is_one_article_of_13_body_paragraphs() {
    let Some(text) = seed("000_") else { return };
    let a = analyze(&text, &Options::default()).expect("analyses");
    assert_contract(&text, &a);
    assert_eq!(a.articles.len(), 1);
    let art = &a.articles[0];
    assert!(art.headline.is_none());
    assert_eq!(art.paragraphs.len(), 13);
    assert!(art.paragraphs.iter().all(|p| p.kind == ParagraphKind::Body));
    let names: Vec<(&str, EntityLabel)> = art.entities.iter().map(|e| (e.text.as_str(), e.label)).collect();
    for (n, l) in [
        ("Sergey Lavrov", EntityLabel::Per),
        ("Marco Rubio", EntityLabel::Per),
        ("Volodymyr Zelenskyy", EntityLabel::Per),
        ("RIA Novosti", EntityLabel::Org),
        ("Reuters", EntityLabel::Org),
        ("Institute for the Study of War", EntityLabel::Org),
        ("Kuala Lumpur", EntityLabel::Loc),
        ("Pokrovsk", EntityLabel::Loc),
    ] {
        assert!(names.contains(&(n, l)), "{n} missing from {names:?}");
    }
    // The quotes with pronoun speakers resolve to the person.
    let q = art.quotes.iter().find(|q| q.text.contains("We would not like to wait")).expect("quote");
    assert_eq!(q.speaker.as_ref().and_then(|s| s.canonical.as_deref()), Some("Volodymyr Zelenskyy"));
    // The quotes the issue names, with their speakers resolved.
    let speaker = |start: &str| speaker_of(&art.quotes, start);
    assert_eq!(speaker("Secretary of State Marco Rubio and I").as_deref(), Some("Sergey Lavrov"));
    assert_eq!(speaker("No one questions").as_deref(), Some("Sergey Lavrov"));
    assert_eq!(speaker("At the moment, Russia").as_deref(), Some("a Russian journalist"));
    assert_eq!(speaker("The Kremlin denied").as_deref(), Some("a Russian journalist"));
    // Casualty figures of the "N casualties" / "N tanks destroyed" forms.
    let figs: Vec<(u64, CasualtyCategory)> = art.casualties.iter().map(|c| (c.value, c.category)).collect();
    for want in [
        (1_090, CasualtyCategory::Casualties),
        (11_342, CasualtyCategory::Equipment),
        (1_152_160, CasualtyCategory::Casualties),
    ] {
        assert!(figs.contains(&want), "{want:?} missing from {figs:?}");
    }
    assert!(!figs.iter().any(|f| f.0 == 170_000 || f.0 == 25), "forces and orders are not losses: {figs:?}");
}

#[test]
fn seed_001_is_one_article_and_a_related_links_block() {
    let Some(text) = seed("001_") else { return };
    let a = analyze(&text, &Options::default()).expect("analyses");
    assert_contract(&text, &a);
    assert_eq!(a.articles.len(), 1);
    assert_eq!(a.articles[0].paragraphs.len(), 7);
    let rl: Vec<_> = a.boilerplate.iter().filter(|b| b.kind == BoilerplateKind::RelatedLinks).collect();
    assert_eq!(rl.len(), 1);
    assert_eq!(rl[0].text.lines().count(), 16);
    assert!(a.articles[0].casualties.is_empty(), "{:?}", a.articles[0].casualties);
}

#[test]
fn seed_002_has_a_main_article_and_related_ones() {
    let Some(text) = seed("002_") else { return };
    let a = analyze(&text, &Options::default()).expect("analyses");
    assert_contract(&text, &a);
    assert!(a.articles.len() >= 2, "{} articles", a.articles.len());
    let main = &a.articles[0];
    assert_eq!(main.role, Role::Main);
    assert!(main.headline.as_ref().map(|h| h.text.starts_with("Marco Rubio confronts")).unwrap_or(false));
    assert!(main.paragraphs.iter().any(|p| p.kind == ParagraphKind::Embed));
    assert!(a.articles[1..].iter().all(|r| r.role == Role::Related));
    assert!(a.boilerplate.iter().any(|b| b.kind == BoilerplateKind::Comments));
    // The ad line glued twice into a related article's body is cut out of it.
    assert!(a.boilerplate.iter().any(|b| b.kind == BoilerplateKind::Ad && b.text.matches("Remove Ads").count() == 2));
    for art in &a.articles {
        assert!(!art.entities.iter().any(|e| e.text.contains("Ads")), "{:?}", art.entities);
    }
    // The people, organisations and places the seed names, with their types.
    let all: Vec<(&str, EntityLabel)> =
        a.articles.iter().flat_map(|x| &x.entities).map(|e| (e.text.as_str(), e.label)).collect();
    for want in [
        ("Pete Hegseth", EntityLabel::Per),
        ("Jensen Huang", EntityLabel::Per),
        ("Mikhail Simdyankin", EntityLabel::Per),
        ("Nvidia", EntityLabel::Org),
        ("Kuala Lumpur", EntityLabel::Loc),
        ("Vovchansk", EntityLabel::Loc),
    ] {
        assert!(all.contains(&want), "{want:?} missing");
    }
    let speaker = |start: &str| speaker_of(a.articles.iter().flat_map(|x| &x.quotes), start);
    assert_eq!(speaker("I echoed what the president said").as_deref(), Some("Rubio"));
    assert_eq!(speaker("Putin is not").as_deref(), Some("Trump"));
    assert_eq!(speaker("Our commanders saw us").as_deref(), Some("Mikhail Simdyankin"));
    assert_eq!(speaker("We all knew it was a one-way ticket").as_deref(), Some("Ivan Shabunko"));
    assert_eq!(speaker("Just sticking your nose out").as_deref(), Some("Aleksandr Trofimov"));
    for art in &a.articles {
        let nvidia: Vec<_> = art.entities.iter().filter(|e| e.text == "Nvidia").map(|e| e.label).collect();
        assert!(nvidia.iter().all(|l| *l == EntityLabel::Org), "{nvidia:?}");
    }
    // The photo captions run into the third related article's text are caption spans.
    let chars: Vec<char> = text.chars().collect();
    let captions: Vec<String> = a.articles[3]
        .paragraphs
        .iter()
        .filter(|p| p.kind == ParagraphKind::Caption)
        .map(|p| chars[p.start..p.end].iter().collect())
        .collect();
    assert!(captions.iter().any(|c| c == "Destroyed buildings in Vovchansk in October."), "{captions:?}");
    assert!(captions.iter().any(|c| c == "Ivan Shabunko in a Ukrainian detention center in February."), "{captions:?}");
    // No other article has any, and the prose around them stays body.
    assert!(a.articles[..3].iter().flat_map(|x| &x.paragraphs).all(|p| p.kind != ParagraphKind::Caption));
    assert!(a.articles[3].paragraphs.iter().filter(|p| p.kind == ParagraphKind::Body).count() > captions.len());
}

#[test]
fn captions_left_inside_a_paragraph_become_caption_spans() {
    let text = "The ferry left the harbour at dawn, and the crew said the sea was calm. \
                Ada Quill with her crew on the quay in March. \
                By noon the wind had turned, and the captain ordered them back. \
                The crew spoke with reporters on Tuesday.";
    let a = analyze_single(text);
    let kinds: Vec<(ParagraphKind, &str)> =
        a.articles[0].paragraphs.iter().map(|p| (p.kind, &text[p.start..p.end])).collect();
    assert_eq!(
        kinds,
        vec![
            (ParagraphKind::Body, "The ferry left the harbour at dawn, and the crew said the sea was calm."),
            (ParagraphKind::Caption, "Ada Quill with her crew on the quay in March."),
            (
                ParagraphKind::Body,
                "By noon the wind had turned, and the captain ordered them back. The crew spoke with reporters on Tuesday."
            ),
        ]
    );
}

#[test]
fn a_dateline_is_marked_at_the_head_of_the_story_and_stays_in_it() {
    let text = "Ferry Service to Ōsaka Resumes After Storm\n\
                ŌSAKA, Japan (Valderra Wire) — The first ferry in a week left the harbour on Monday, the port said.\n\
                Crews had cleared the landing stage of debris over the weekend, according to the port authority.\n";
    let a = analyze(text, &Options::default()).expect("analyse");
    assert_contract(text, &a);
    let art = &a.articles[0];
    let d = art.dateline.as_ref().expect("a dateline");
    assert_eq!(d.text, "ŌSAKA, Japan (Valderra Wire)");
    assert_eq!(text.chars().skip(d.start).take(d.end - d.start).collect::<String>(), d.text);
    // It opens the first paragraph, which keeps its whole text.
    assert_eq!(art.paragraphs[0].start, d.start);
    assert!(art.paragraphs[0].end > d.end);
    // A headline over one short paragraph that opens with a dateline (whose
    // capitals make it look like a title) still heads it.
    let short =
        "Ferry Service Resumes After Storm\nNORTHPORT — The first ferry in a week left the harbour on Monday.\n";
    let a = analyze(short, &Options::default()).expect("analyse");
    assert_contract(short, &a);
    assert_eq!(a.articles[0].headline.as_ref().map(|h| h.text.as_str()), Some("Ferry Service Resumes After Storm"));
    assert_eq!(a.articles[0].dateline.as_ref().map(|d| d.text.as_str()), Some("NORTHPORT"));
    // A story without one has none.
    let plain = analyze(SAMPLE, &Options::default()).expect("sample");
    assert!(plain.articles.iter().all(|a| a.dateline.is_none()));
}

#[test]
fn a_line_kept_in_the_body_without_confidence_is_marked_unsure() {
    let text = "Harbour Wall Repairs Begin in Spring\n\
                The mayor said the plan would go ahead on Monday, and that the work would take most of the spring.\n\
                more pictures and local weather for the coast below\n\
                The engineer said the gates had been inspected twice this year, and that both passed the survey.\n";
    // (With a block model that has no opinion, so that the rules decide: the
    // committed one is sure that such a line is furniture.)
    let no_opinion = crate::blockmodel::BlockModel::from_bytes(&[]).expect("empty model");
    let a = crate::blockmodel::with_model(no_opinion, || analyze(text, &Options::default())).expect("analyse");
    assert_contract(text, &a);
    let paras: Vec<(String, bool)> = a.articles[0]
        .paragraphs
        .iter()
        .map(|p| (text.chars().skip(p.start).take(p.end - p.start).collect(), p.unsure))
        .collect();
    // Nothing is dropped: the odd line stays in the body, marked.
    assert_eq!(paras.len(), 3, "{paras:?}");
    assert_eq!(paras[1], ("more pictures and local weather for the coast below".to_string(), true));
    assert!(!paras[0].1 && !paras[2].1, "{paras:?}");
}
