//! Property tests (issue #8): on generated pages built from news-like and
//! hostile fragments, and on arbitrary strings and bytes, the analysis never
//! panics, every span lies on char boundaries inside the text and equals the
//! text it claims, spans are ordered and inside their article, and the output
//! is deterministic. The number parser and the quote scanner get their own.

use proptest::prelude::*;

mod common;

use common::assert_contract;
use lede_core::*;

/// Pieces of news pages and of what scrapers and attackers leave in them.
const FRAGMENTS: &[&str] = &[
    "The",
    "mayor",
    "Ada Quill",
    "Harbour Town",
    "said",
    "told reporters",
    "according to",
    "police",
    "Ukraine's",
    "President",
    "Reuters",
    "we're",
    "'90s",
    "rock 'n' roll",
    "killed",
    "wounded",
    "dead",
    "injured",
    "missing",
    "tanks",
    "casualties",
    "at least",
    "more than",
    "about",
    "some",
    "between",
    "and",
    "to",
    "dozens",
    "hundreds",
    "a dozen",
    "two",
    "Three",
    "1,152,160",
    "1.3 million",
    "250,000",
    "10-15",
    "27-year-old",
    "$5 million",
    "50%",
    "2022",
    "138th Brigade",
    "\"",
    "'",
    "“",
    "”",
    "‘",
    "’",
    "«",
    "»",
    ",",
    ".",
    ";",
    ":",
    "?",
    "!",
    "—",
    "-",
    "(",
    ")",
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    "<p>",
    "</p>",
    "<div class=\"ad\">",
    "</div>",
    "<h1>",
    "</h1>",
    "<script>x=1</script>",
    "<br>",
    "&amp;",
    "&#8220;",
    "&#x27;",
    "&nbsp;",
    "&bogus",
    "<!--",
    "-->",
    "<",
    ">",
    "pic.twitter.com/abc",
    "— Ada Quill (@adaquill) May 1, 2024",
    "14 minutes ago",
    "Related Articles",
    "Advertisement",
    "Write to Ada at ada@example.com",
    "Zürich",
    "Ōsaka",
    "ﬁ",
    "\u{200B}",
    "\u{FEFF}",
    "\u{202E}",
    "e\u{301}",
    "👩‍👩‍👧",
    "日本語",
    "مرحبا",
    "\u{0}",
    "\u{7f}",
    "Ⅻ",
    "١٢٣",
];

fn page() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(FRAGMENTS), 0..160).prop_map(|parts| {
        let mut s = String::new();
        for (i, p) in parts.iter().enumerate() {
            // Words mostly separated by spaces, sometimes glued.
            if i > 0 && i % 3 != 0 {
                s.push(' ');
            }
            s.push_str(p);
        }
        s
    })
}

fn check(input: &str, options: &Options) {
    match analyze(input, options) {
        Ok(a) => {
            assert_contract(input, &a);
            assert_eq!(analyze(input, options).as_ref(), Ok(&a), "output is not deterministic");
            serde_json::to_string(&a).expect("serialises");
        }
        Err(e) => assert!(!e.to_string().is_empty()),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn generated_pages_keep_the_contract(text in page()) {
        check(&text, &Options::default());
    }

    #[test]
    fn generated_pages_as_html_and_single_keep_the_contract(text in page()) {
        check(&text, &Options { input: InputMode::Html, ..Options::default() });
        check(&text, &Options { input: InputMode::Text, single: true, ..Options::default() });
    }

    #[test]
    fn arbitrary_strings_keep_the_contract(text in any::<String>()) {
        check(&text, &Options::default());
    }

    #[test]
    fn arbitrary_bytes_give_a_result_or_a_typed_error(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        match analyze_bytes(&bytes, &Options::default()) {
            Ok(a) => assert_contract(std::str::from_utf8(&bytes).expect("utf-8 when Ok"), &a),
            Err(e) => assert!(!e.to_string().is_empty()),
        }
    }

    #[test]
    fn the_number_parser_stays_inside_its_tokens(text in page()) {
        fuzzing::numbers(text.as_bytes());
    }

    #[test]
    fn the_quote_scanner_gives_disjoint_spans_on_marks(text in page()) {
        fuzzing::quotes(text.as_bytes());
    }
}

/// The shapes of `adversarial` at the sizes issue #8 names: each analyses
/// (or is refused with a typed error) and keeps the contract. A quadratic
/// stage would make this test run for hours rather than seconds.
#[test]
fn adversarial_shapes_analyse_within_bounds() {
    for shape in adversarial::SHAPES {
        let input = (shape.make)(shape.full);
        let a = analyze(&input, &Options::default()).unwrap_or_else(|e| panic!("{}: {e}", shape.name));
        assert_contract(&input, &a);
        let text = a.text.as_deref().unwrap_or(&input);
        let items: usize =
            a.articles.iter().map(|x| x.entities.len() + x.quotes.len() + x.casualties.len()).sum::<usize>();
        // Output stays proportional to the input: no more items than words
        // (runs of letters and digits: a line without spaces has many).
        let words = text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).count();
        assert!(items <= words + 1, "{}: {items} items, {words} words", shape.name);
    }
}
