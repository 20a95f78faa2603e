//! A row a pass of `PASSES`: switching the pass off changes its page's
//! segmentation; and the order every article keeps.

use super::tests::{plan_para, sectioned_story, story};
use super::*;

/// One row a pass: the pass, and a page where switching it off changes the
/// segmentation (pasted text or a web page, with the markup's furniture
/// hints and the page's title; `off`: passes switched off in both runs).
struct PassRow {
    pass: &'static str,
    off: &'static [&'static str],
    web_page: bool,
    text: String,
    hints: Vec<(usize, usize, BoilerplateKind)>,
    title: Option<&'static str>,
    headings: Vec<(usize, usize, u8)>,
    containers: Vec<(usize, usize, u32)>,
    elements: Vec<(usize, usize, u32)>,
    parents: Vec<u32>,
    items: Vec<(usize, usize)>,
    captions: Vec<(usize, usize)>,
}

impl PassRow {
    /// A row for `pass` on `text`, with no markup, title or passes off.
    fn new(pass: &'static str, web_page: bool, text: String) -> Self {
        Self {
            pass,
            off: &[],
            web_page,
            text,
            hints: Vec::new(),
            title: None,
            headings: Vec::new(),
            containers: Vec::new(),
            elements: Vec::new(),
            parents: Vec::new(),
            items: Vec::new(),
            captions: Vec::new(),
        }
    }
}

/// Five stories, each under its own headline and said by `who`, a line of
/// navigation (marked so by the markup) after each; the text and the hints.
fn stories_with_navigation(
    headline: impl Fn(usize) -> String,
    who: &[&str],
) -> (String, Vec<(usize, usize, BoilerplateKind)>) {
    let mut text = String::new();
    let mut hints = Vec::new();
    for i in 0..5 {
        text += &story(&headline(i), who);
        let nav = format!("Section {} of the guide", i + 1);
        hints.push((text.len(), text.len() + nav.len(), BoilerplateKind::Navigation));
        text += &nav;
        text += "\n";
    }
    (text, hints)
}

/// What markup a sectioned page has around its story.
#[derive(Clone, Copy, PartialEq)]
enum Around {
    Nothing,
    /// One content container (`<main>`) around it all.
    Container,
    /// One plain element (a `<div>` in the body) holding every line.
    Element,
}

/// A web story under an `<h1>` whose second section, under an `<h2>`, comes
/// after a line the markup marks as furniture of `kind`; the headings and,
/// with `container`, one content container around it all.
fn sectioned_page(pass: &'static str, (between, kind): (&str, BoilerplateKind), around: Around) -> PassRow {
    let mut text = story("Harbour Wall Repairs Begin in Spring", &["The mayor", "The engineer", "The harbour master"]);
    let line = |text: &str, l: &str| text.find(l).map(|s| (s, s + l.len())).unwrap_or_default();
    text += &format!("{between}\nCosts Questioned by Council\n");
    for w in ["A councillor", "The treasurer", "The auditor"] {
        text += &plan_para(w);
    }
    let (h1, furniture, h2) = (
        line(&text, "Harbour Wall Repairs Begin in Spring"),
        line(&text, between),
        line(&text, "Costs Questioned by Council"),
    );
    PassRow {
        hints: vec![(furniture.0, furniture.1, kind)],
        headings: vec![(h1.0, h1.1, 1), (h2.0, h2.1, 2)],
        containers: if around == Around::Container { vec![(0, text.len(), 1)] } else { Vec::new() },
        elements: if around == Around::Element {
            lines(&text).iter().map(|l| (l.0, l.1, 2)).collect()
        } else {
            Vec::new()
        },
        parents: vec![0, 1],
        ..PassRow::new(pass, true, text)
    }
}

fn pass_rows() -> Vec<PassRow> {
    let body = "The council voted on Tuesday to close the old bridge, and residents said they were not consulted about it at all.";
    let pasted = |pass, text: String| PassRow::new(pass, false, text);
    let page = |pass, text: String| PassRow::new(pass, true, text);
    let with_subheading = {
        let mut t = story("Harbour Wall Repairs Begin in Spring", &["The mayor", "The engineer"]);
        t += "Costs Questioned\n";
        t + &plan_para("A councillor") + &plan_para("The treasurer")
    };
    let teasers = story("Harbour Wall Repairs Begin in Spring", &["The mayor", "The engineer", "The harbour master"])
        + "Ferry Crossings Resume After Repairs\nCrews restored the morning crossings after a week of work.\n"
        + "Lighthouse Keeper Retires After Forty Years\nThe keeper will hand over the lamp at a ceremony in May.\n";
    let sections = sectioned_story();
    let titled = {
        let mut t = story("Harbour Wall Repairs Begin in Spring", &["The mayor", "The engineer", "The harbour master"]);
        t += "Readers Respond\n";
        for _ in 0..6 {
            t += &plan_para("A neighbour");
        }
        t
    };
    // A story whose second part is under a long heading, after an ad: the
    // heading opens an article of its own, and fold_sections does not fold
    // across the ad.
    let long_section = story("Harbour Wall Repairs Begin in Spring", &["The mayor", "The engineer", "A diver"])
        + "Advertisement\n"
        + &story(
            "Ferry Crossings Resume Between the Two Shores After Repairs",
            &["A ferry captain", "A passenger", "A porter", "The harbour master"],
        );
    // A list inside a story, which the rules alone take for furniture.
    let listed = story("Harbour Wall Repairs Begin in Spring", &["The mayor", "The engineer", "A diver"])
        + "In numbers\n400 blocks\n10 weeks\n"
        + "The harbour master said boats would be able to moor at the north quay while the work goes on.\n"
        + "Fishermen said the market would reopen as soon as the first boats were home again.\n"
        + "The council will meet on Tuesday to agree the cost of the work with the regional fund.\n";
    let hinted = story("Harbour Wall Repairs Begin in Spring", &["The mayor", "The engineer", "The harbour master"]);
    let third = hinted.match_indices("The harbour master").next().map_or(0, |m| m.0);
    vec![
        pasted("classify", story("Harbour Wall Repairs Begin in Spring", &["The mayor"])),
        // (decode_story and fold_sections would fold the section back too.)
        PassRow { off: &["decode_story", "fold_sections"], ..pasted("keep_subheadings", with_subheading.clone()) },
        pasted("decode_lines", listed),
        pasted("group", with_subheading),
        pasted("demote_teasers", teasers),
        pasted("keep_leftovers", format!("{body}\n{body}\nMarch 3, 2025\n")),
        pasted(
            "cut_inline_repeats",
            "The council voted on Tuesday to close the old bridge. Sick of pop-ups? Go Premium Now Sick of pop-ups? Go Premium Now Residents were not consulted.".to_string(),
        ),
        pasted(
            "merge_boilerplate",
            format!("{body}\n{body}\n\n\nCity Council Approves New Budget For Parks\nLocal Team Wins Regional Title After Late Goal\nMayor Announces Plan To Expand Bus Routes\n"),
        ),
        // (choose_main and decode_story choose a main story too.)
        PassRow {
            off: &["choose_main", "decode_story"],
            ..pasted("mark_main", story("Harbour Wall Repairs Begin in Spring", &["The mayor"]))
        },
        PassRow { hints: vec![(third, hinted.len(), BoilerplateKind::RelatedLinks)], ..page("apply_hints", hinted.clone()) },
        PassRow { captions: vec![(third, third + plan_para("The harbour master").len() - 1)], ..page("mark_captions", hinted) },
        // On a web page the largest article is main (here the readers' letters,
        // which fold_sections would otherwise fold into the story).
        PassRow { off: &["fold_sections"], ..page("choose_main", titled) },
        pasted("decode_story", long_section),
        page("fold_sections", sections),
        // Across an ad the <h2> section folds; across navigation only the
        // content container around both does.
        sectioned_page("fold_subsections", ("Sign up for our morning newsletter", BoilerplateKind::Promo), Around::Nothing),
        sectioned_page("fold_container", ("Harbours, Ferries and Piers", BoilerplateKind::Navigation), Around::Container),
        sectioned_page("fold_story_element", ("Harbours, Ferries and Piers", BoilerplateKind::Navigation), Around::Element),
        table_in_story(),
        // A product page of short lines and no story still gives its text.
        pasted("keep_an_article", "Harbour Lamp, brass\nIn stock\n£42.00\nAdd to basket\nFree delivery over £50\n".to_string()),
        page_of_parts(),
    ]
}

#[test]
fn every_pass_changes_the_segmentation_of_its_row() {
    let rows = pass_rows();
    for (name, _, _) in PASSES {
        assert!(rows.iter().any(|r| r.pass == *name), "no row for pass {name}");
    }
    for r in &rows {
        let segment = |pass: Option<&str>| {
            let mut ctx = Ctx {
                structure: Structure {
                    headings: &r.headings,
                    containers: &r.containers,
                    elements: &r.elements,
                    parents: &r.parents,
                    items: &r.items,
                    captions: &r.captions,
                },
                ..Ctx::new(&r.text, r.web_page, &r.hints, r.title)
            };
            let skip: Vec<&str> = r.off.iter().copied().chain(pass).collect();
            run(&mut ctx, &skip);
            ctx.seg
        };
        let (with, without) = (segment(None), segment(Some(r.pass)));
        assert_ne!(with, without, "switching {} off changes nothing on its row:\n{}", r.pass, r.text);
        assert!(!with.articles.is_empty(), "{}: no article", r.pass);
    }
}

#[test]
fn articles_keep_text_order_whatever_the_passes_did() {
    let draft = |headline, paragraphs: &[(usize, usize)]| ArticleDraft {
        headline,
        paragraphs: paragraphs.iter().map(|&(s, e)| (s, e, ParagraphKind::Body)).collect(),
        ..new_article((0, 100))
    };
    type Range = (usize, usize);
    // (headline, paragraphs) before and after.
    type Row = (Option<Range>, &'static [Range], Option<Range>, &'static [Range]);
    let table: &[Row] = &[
        // In order already: untouched.
        (Some((0, 5)), &[(6, 10), (11, 20)], Some((0, 5)), &[(6, 10), (11, 20)]),
        // Paragraphs folded in out of order are sorted.
        (Some((0, 5)), &[(30, 40), (6, 10)], Some((0, 5)), &[(6, 10), (30, 40)]),
        // A paragraph overlapping the one before is dropped.
        (None, &[(6, 10), (8, 12), (12, 20)], None, &[(6, 10), (12, 20)]),
        // A headline after a paragraph becomes a paragraph.
        (Some((50, 60)), &[(6, 10), (61, 70)], None, &[(6, 10), (50, 60), (61, 70)]),
    ];
    for (headline, paragraphs, want_head, want) in table {
        let mut seg = Segmentation { articles: vec![draft(*headline, paragraphs)], ..Segmentation::default() };
        keep_text_order(&mut seg);
        let a = &seg.articles[0];
        assert_eq!(a.headline, *want_head, "{headline:?} {paragraphs:?}");
        assert_eq!(a.paragraphs.iter().map(|p| (p.0, p.1)).collect::<Vec<_>>(), *want, "{paragraphs:?}");
    }
}

/// A web story with a small table between its paragraphs, each cell a line
/// the markup marks as an item.
fn table_in_story() -> PassRow {
    let mut text = story("Harbour Fees Rise Next Year", &["The mayor", "The engineer"]);
    text += "Dinghy\n$120\nYacht\n$900\n";
    text += &plan_para("The harbour master");
    let items = ["Dinghy", "$120", "Yacht", "$900"]
        .iter()
        .filter_map(|c| text.find(&format!("\n{c}\n")).map(|s| (s + 1, s + 1 + c.len())))
        .collect();
    PassRow { items, ..PassRow::new("keep_story_items", true, text) }
}

/// A web page of five stories of a size, a line of navigation between each.
fn page_of_parts() -> PassRow {
    let places = ["North Pier", "South Pier", "Old Harbour", "Lighthouse Point", "Ferry Quay"];
    let (text, hints) = stories_with_navigation(
        |i| format!("Repairs Begin at {} This Spring", places[i]),
        &["The mayor", "The engineer"],
    );
    PassRow { hints, ..PassRow::new("fold_page_of_parts", true, text) }
}

#[test]
fn a_page_of_several_full_stories_keeps_them_apart() {
    let who = [
        "The mayor",
        "The engineer",
        "A councillor",
        "The treasurer",
        "The auditor",
        "A ferry captain",
        "A diver",
        "A fisher",
        "A baker",
    ];
    let short = page_of_parts();
    let (long, hints) = stories_with_navigation(|i| format!("Harbour Story Number {} Is Told in Full", i + 1), &who);
    let articles = |text: &str, hints: &[(usize, usize, BoilerplateKind)]| {
        let mut ctx = Ctx::new(text, true, hints, None);
        run(&mut ctx, &[]);
        ctx.seg.articles.len()
    };
    // Five short parts fold into one; five stories of some 180 words stay five.
    assert_eq!(articles(&short.text, &short.hints), 1);
    assert_eq!(articles(&long, &hints), 5);
}
