//! Whole-pipeline tests: the contract's invariants on our own fixtures, and
//! what the seed pages in ../shared/seeds must give (skipped aloud when
//! ../shared is not beside the project).

mod common;

use common::*;
use lede_core::SAMPLE_ARTICLE as SAMPLE;
use lede_core::*;

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
    // A page of markup that only its scripts fill says so.
    let scripted = "<html><head><script src=\"app.js\"></script></head><body><div id=\"root\"></div></body></html>";
    assert_eq!(analyze(scripted, &o), Err(Error::NoPageText));
    assert!(Error::NoPageText.to_string().contains("select all, copy and paste"));
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
    let text = lede_core::corpus::news(20_000, 3);
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
    let no_opinion = lede_core::blockmodel::BlockModel::from_bytes(&[]).expect("empty model");
    let a = lede_core::blockmodel::with_model(no_opinion, || analyze(text, &Options::default())).expect("analyse");
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

/// A web page of today's shape (written for Lede): the story under an
/// `<h1>`, an image with its caption and credit, a table of contents and a
/// newsletter box between its `<h2>` sections, then related stories in
/// `<article>`s of their own and a footer. With a content container, with
/// only a plain `<div>`, the story is one article with every section and
/// its table.
#[test]
fn a_sectioned_web_story_stays_one_article() {
    let para = |who: &str| {
        format!("<p>{who} said the harbour wall would be repaired before the winter storms, and that the work would take most of the spring.</p>")
    };
    let body = format!(
        "<h1>Harbour Wall Repairs Begin in Spring</h1>{}{}\
         <figure><img src=a.jpg><figcaption>The old wall at low tide. Photo: Mara Quell</figcaption></figure>\
         <nav class=toc><p>Table of contents</p><ul><li><a href=#c>Costs</a></li><li><a href=#t>Timeline</a></li></ul></nav>\
         <h2 id=c>Costs Questioned by Council</h2>{}<table><tr><td>Wall repairs</td><td>$2 million</td></tr></table>{}\
         <div class=newsletter><p>Sign up for our morning newsletter</p></div>\
         <h2 id=t>A Timeline for the Works</h2>{}{}",
        para("The mayor"),
        para("The engineer"),
        para("A councillor"),
        para("The treasurer"),
        para("The harbour master"),
        para("A ferry captain"),
    );
    let related = "<section class=related><h2>More from the coast</h2>\
                   <article><h3><a href=/x>Ferry Crossings Resume</a></h3><p>Crews restored the crossings.</p></article>\
                   <article><h3><a href=/y>Lighthouse Keeper Retires</a></h3><p>The keeper hands over the lamp.</p></article></section>\
                   <footer><p>© The Valderra Courier</p></footer>";
    for wrapper in ["main", "div"] {
        let html = format!("<html><head><title>Harbour Wall Repairs Begin in Spring</title></head><body><header><a href=/>Home</a></header><{wrapper} class=content>{body}</{wrapper}>{related}</body></html>");
        let a = analyze(&html, &Options { input: InputMode::Html, ..Options::default() }).expect("analyse");
        let text = a.text.clone().expect("html gives its text");
        assert_contract(&text, &a);
        let main: Vec<&Article> = a.articles.iter().filter(|x| x.role == Role::Main).collect();
        assert_eq!(main.len(), 1, "{wrapper}: {:#?}", a.articles);
        let story = main[0];
        assert_eq!(story.headline.as_ref().map(|h| h.text.as_str()), Some("Harbour Wall Repairs Begin in Spring"));
        let chars: Vec<char> = text.chars().collect();
        let paras: Vec<String> = story.paragraphs.iter().map(|p| chars[p.start..p.end].iter().collect()).collect();
        for who in ["The mayor", "A councillor", "The treasurer", "A ferry captain"] {
            assert!(paras.iter().any(|p| p.starts_with(who)), "{wrapper}: {who} missing from {paras:#?}");
        }
        assert!(paras.iter().any(|p| p == "Costs Questioned by Council"), "{wrapper}: {paras:#?}");
        // A table's cells inside the story are the story's.
        assert!(paras.iter().any(|p| p == "$2 million"), "{wrapper}: {paras:#?}");
        for not in ["Sign up for our morning newsletter", "Table of contents", "Crews restored the crossings."] {
            assert!(!paras.iter().any(|p| p == not), "{wrapper}: {not:?} in the story");
        }
    }
}
