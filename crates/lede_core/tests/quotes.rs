//! Quotes and their speakers through the whole pipeline, on text we wrote.

mod common;

use common::*;
use lede_core::*;

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
fn explain_names_the_rules_that_gave_each_speaker() {
    let text = "Ada Quill, the harbour master, said: \"The wall will hold.\"\n\n\
                Tomas Reyes disagreed. \"It will not,\" he said. \"The sea is higher every year.\"";
    let plain = analyze(text, &Options { single: true, ..Options::default() }).expect("analyse");
    assert!(plain.articles[0].quotes.iter().all(|q| q.speaker_evidence.is_empty()));
    let json = serde_json::to_string(&plain).expect("json");
    assert!(!json.contains("speaker_evidence"), "left out of the JSON unless asked for");
    let a = analyze(text, &Options { single: true, explain: true, ..Options::default() }).expect("analyse");
    assert_contract(text, &a);
    let rules: Vec<(&str, Vec<&str>)> = a.articles[0]
        .quotes
        .iter()
        .map(|q| {
            // The cascade's rules; then the ranker's strongest features, "model: name (+weight)".
            let (model, rules): (Vec<&str>, Vec<&str>) =
                q.speaker_evidence.iter().map(String::as_str).partition(|e| e.starts_with("model: "));
            assert!(!model.is_empty() && model.len() <= 4, "the ranker's evidence: {model:?}");
            (q.text.as_str(), rules)
        })
        .collect();
    assert_eq!(
        rules,
        [
            ("\"The wall will hold.\"", vec!["name_cue_before"]),
            ("\"It will not,\"", vec!["cue_or_name_after"]),
            ("\"The sea is higher every year.\"", vec!["continues_in_paragraph"]),
        ],
    );
    // The output is the same but for the evidence.
    let mut stripped = a.clone();
    for q in stripped.articles.iter_mut().flat_map(|x| x.quotes.iter_mut()) {
        q.speaker_evidence.clear();
    }
    assert_eq!(stripped, plain);
}
