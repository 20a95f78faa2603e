//! A story interrupted by a photo caption, a credit line, a subheading or a
//! promo box stays one story, pasted as text and as HTML (issue #21). The
//! story and the interruptions are ours.

mod common;

use common::*;
use lede_core::*;

const HEADLINE: &str = "Valderra Reopens Its Harbour Wall After a Winter of Repairs";

const PARAGRAPHS: [&str; 6] = [
    "VALDERRA — The harbour wall that storms breached in January reopened on Saturday, ten weeks after engineers first warned that the old stones would not last another season.",
    "Crews from the Miren Harbour Authority worked through February and March, replacing more than four hundred blocks and raising the walkway by almost a metre.",
    "\"We were racing the spring tides the whole time,\" said Ines Calloway, the engineer who led the work. \"Some nights the sea took back what we had laid that afternoon.\"",
    "Fishermen, who had moored at the north quay since the breach, began bringing their boats home on Friday evening, and the fish market is expected to reopen next week.",
    "The council put the cost at 2.4 million, about a third more than its first estimate, and said most of it would be met from the regional flood fund rather than local taxes.",
    "Residents gathered on the walkway at dusk for the reopening, and the harbour master lit the lamp at the end of the wall for the first time since the storm.",
];

/// How each interruption looks as pasted text and as HTML, and what it must become.
struct Case {
    name: &'static str,
    text: &'static str,
    html: &'static str,
    /// The line is kept in the story's body (a subheading), else it is not body.
    in_body: bool,
}

const CASES: [Case; 4] = [
    Case {
        name: "caption",
        text: "Workers on the new harbour wall in Valderra in March.",
        html: "<figure><img src=\"wall.jpg\" alt=\"\"><figcaption>Workers on the new harbour wall in Valderra in March.</figcaption></figure>",
        in_body: false,
    },
    Case {
        name: "credit line",
        text: "Image Credit: Ada Quill / Valderra Courier",
        html: "<p class=\"credit\">Image Credit: Ada Quill / Valderra Courier</p>",
        in_body: false,
    },
    Case {
        name: "subheading",
        text: "Racing the Tides",
        html: "<h2>Racing the Tides</h2>",
        in_body: true,
    },
    Case {
        name: "promo box",
        text: "Read more: Ferry fares rise again as the island service loses its subsidy",
        html: "<aside class=\"promo\"><a href=\"/ferry\">Read more: Ferry fares rise again as the island service loses its subsidy</a></aside>",
        in_body: false,
    },
];

fn pasted(case: &Case) -> String {
    let mut t = format!("Home\nNews\nSport\n\n{HEADLINE}\n\nBy Tomas Reyes\n\n");
    for (i, p) in PARAGRAPHS.iter().enumerate() {
        if i == 3 {
            t += case.text;
            t += "\n\n";
        }
        t += p;
        t += "\n\n";
    }
    t + "© 2026 Valderra Courier. All rights reserved.\n"
}

fn page(case: &Case) -> String {
    let mut t = format!(
        "<!doctype html><html><head><title>{HEADLINE} | Valderra Courier</title></head><body>\
         <nav><a href=\"/\">Home</a> <a href=\"/news\">News</a> <a href=\"/sport\">Sport</a></nav>\
         <article><h1>{HEADLINE}</h1><p class=\"byline\">By Tomas Reyes</p>"
    );
    for (i, p) in PARAGRAPHS.iter().enumerate() {
        if i == 3 {
            t += case.html;
        }
        t += &format!("<p>{}</p>", p.replace('"', "&quot;"));
    }
    t + "</article><footer>© 2026 Valderra Courier. All rights reserved.</footer></body></html>"
}

fn check(case: &Case, input: &str, mode: InputMode) {
    let what = format!("{} ({mode:?})", case.name);
    let a = analyze(input, &Options { input: mode, ..Options::default() }).expect("analyses");
    assert_contract(input, &a);
    let text: Vec<char> = a.text.as_deref().unwrap_or(input).chars().collect();
    let slice = |s: usize, e: usize| text[s..e].iter().collect::<String>();
    let main: Vec<&Article> = a.articles.iter().filter(|x| x.role == Role::Main).collect();
    assert_eq!(main.len(), 1, "{what}: {:#?}", a.articles);
    let main = main[0];
    assert_eq!(main.headline.as_ref().map(|h| h.text.as_str()), Some(HEADLINE), "{what}");
    let body: Vec<String> =
        main.paragraphs.iter().filter(|p| p.kind == ParagraphKind::Body).map(|p| slice(p.start, p.end)).collect();
    for p in PARAGRAPHS {
        assert!(body.iter().any(|b| b == p), "{what}: the story lost {p:?}: {body:#?}");
    }
    assert_eq!(body.iter().any(|b| b == case.text), case.in_body, "{what}: {body:#?}");
    // No other article holds the story's text.
    for other in a.articles.iter().filter(|x| x.role != Role::Main) {
        for p in &other.paragraphs {
            let t = slice(p.start, p.end);
            assert!(!PARAGRAPHS.contains(&t.as_str()), "{what}: {t:?} in another article");
        }
    }
}

#[test]
fn an_interrupted_story_stays_whole_as_text() {
    for case in &CASES {
        check(case, &pasted(case), InputMode::Text);
    }
}

#[test]
fn an_interrupted_story_stays_whole_as_html() {
    for case in &CASES {
        check(case, &page(case), InputMode::Html);
    }
}
