use super::*;

#[test]
fn html_table() {
    let table: &[(&str, &str)] = &[
        ("<p>One &amp; two</p><p>Three</p>", "One & two\nThree\n"),
        ("<html><head><title>T</title></head><body><h1>Head</h1><script>var x = '<p>';</script><p>Body &#8220;q&#x201D;</p></body></html>", "Head\nBody “q”\n"),
        ("<div><p>Unclosed <b>bold", "Unclosed bold\n"),
        ("<p>a<br>b</p><!-- hidden --><style>p{}</style>", "a\nb\n"),
        ("<p>truncated <a href=", "truncated\n"),
        ("<svg><text>no</text></svg><p>&bogus; &#99999999;</p>", "&bogus; &#99999999;\n"),
        ("<p>&amp; Wine »</p>", "& Wine »\n"),
        ("<p>a</p><script>for (i=0;i<n;i++) {}</script><p>b</p>", "a\nb\n"),
        ("<style>p{}</STYLE><p>c</p>", "c\n"),
        ("<head><title>t</title><body><p>no head end</p>", "no head end\n"),
        ("<HTML><HEAD><TITLE>t</TITLE><META x><div>no body tag</div>", "no body tag\n"),
        ("<p>d</p><script>never closed", "d\n"),
        ("<p>&ééééééé;</p>", "&ééééééé;\n"),
        ("<p>Fish &middot; Game &ndash; M&uuml;ller&trade;</p>", "Fish · Game – Müller™\n"),
        ("<p>if a < b and c <= d, then 3<4 & é<é</p><p>x</p>", "if a < b and c <= d, then 3<4 & é<é\nx\n"),
        ("<p>a <b>bold</b> and a lone < at the end <", "a bold and a lone < at the end <\n"),
        // A script or style in the head, or in an svg, is passed over whole:
        // "h<p?" in minified script is no <p> that would end the head.
        ("<head><script>if(h<p?a:b){w('<div>x')}</script><title>t</title></head><p>Story</p>", "Story\n"),
        ("<head><style>a<p{}</style><script src=x.js /><meta x></head><p>Story</p>", "Story\n"),
        ("<svg><script>if(h<p?a:b){}</script></svg><p>Story</p>", "Story\n"),
        ("<head><script>never closed h<p?a:b", ""),
    ];
    for (input, want) in table {
        assert_eq!(to_text(input), *want, "input {input:?}");
    }
}

#[test]
fn extraction_hints_mark_page_furniture() {
    let html = "<body><nav><a href=/>Home</a> <a href=/w>World</a></nav>\
        <article><h1>Bridge Falls</h1><p>The bridge fell on <a href=x>Monday</a>, officials said today.</p></article>\
        <div class=\"related-stories\"><p>Ferry Strike Ends After Talks</p></div>\
        <section id=comments><p>Great piece, thanks for writing it.</p></section>\
        <ul><li><a href=a>Storm Closes the Coast Road Again</a></li></ul>\
        <div class=\"ad-slot\">Buy now</div><footer>Contact us</footer><p>Last body line here.</p>\
        <p><a href=1>Ferry strike ends after long talks in the port</a> | <a href=2>Council votes to close the old bridge for good</a> | <a href=3>Storm closes the coast road again</a></p></body>";
    let ex = extract(html);
    assert_eq!(ex.text, to_text(html));
    use crate::BoilerplateKind as K;
    let kinds: Vec<(&str, K)> = ex.hints.iter().map(|&(s, e, k)| (&ex.text[s..e], k)).collect();
    assert_eq!(
        kinds,
        [
            ("Home World", K::Navigation),
            ("Ferry Strike Ends After Talks", K::RelatedLinks),
            ("Great piece, thanks for writing it.", K::Comments),
            ("Storm Closes the Coast Road Again", K::RelatedLinks),
            ("Buy now", K::Ad),
            ("Contact us", K::Other),
            (
                "Ferry strike ends after long talks in the port | Council votes to close the old bridge for good | Storm closes the coast road again",
                K::RelatedLinks
            ),
        ]
    );
}

#[test]
fn metadata_from_meta_time_and_json_ld() {
    let page = "<html><head><meta property=\"og:site_name\" content=\"The Valderra Courier\">\
        <meta name=author content='Lena Ortiz'><script type=\"application/ld+json\">\
        {\"@type\": \"NewsArticle\", \"datePublished\": \"2026-11-20T08:00:00Z\"}</script></head>\
        <body><time datetime=\"2026-11-21\">Saturday</time><p>Text.</p></body></html>";
    let m = metadata(page);
    assert_eq!(m.site_name.as_deref(), Some("The Valderra Courier"));
    assert_eq!(m.author.as_deref(), Some("Lena Ortiz"));
    assert_eq!(m.published.as_deref(), Some("2026-11-20T08:00:00Z"));
    let m =
        metadata("<p><time datetime=2026-01-02>Jan 2</time> <meta content=\"x\" property=\"article:published_time\"");
    assert_eq!(m.published.as_deref(), Some("2026-01-02"));
    assert_eq!(metadata("<meta property=og:site_name content=\"A &amp; B\"/>").site_name.as_deref(), Some("A & B"));
    assert_eq!(metadata("<<<meta"), Metadata::default());
    let m = metadata("<head><title lang=en>Bridge &amp; Tunnel Reopen | Courier</title></head><p>x</p>");
    assert_eq!(m.title.as_deref(), Some("Bridge & Tunnel Reopen | Courier"));
    let m = metadata("<title>Page</title><meta property=og:title content=\"Bridge Reopens\"><titles>");
    assert_eq!(m.title.as_deref(), Some("Bridge Reopens"));
    assert_eq!(metadata("<title>never closed").title.as_deref(), Some("never closed"));
}

#[test]
fn deep_nesting_is_linear_and_safe() {
    let html = "<div>".repeat(100_000) + "deep" + &"</div>".repeat(100_000);
    assert_eq!(to_text(&html), "deep\n");
}

#[test]
fn detects_html() {
    assert!(looks_like_html("<!DOCTYPE html><html>"));
    assert!(looks_like_html("  <div><p>x</p></div>"));
    assert!(!looks_like_html("Plain text with <b> in it"));
}

#[test]
fn headings_and_content_containers_are_kept_with_their_lines() {
    let html = "<h1>Title</h1><main><h2 class=x><span>Sub</span></h2><p>Body</p>\
                <article><p>Teaser</p></article><p>More body</p></main><p>After</p>\
                <div itemprop=\"articleBody\"><h3>Deep</h3></div>";
    let ex = extract(html);
    let at = |r: (usize, usize)| &ex.text[r.0..r.1];
    let headings: Vec<(&str, u8)> = ex.headings.iter().map(|&(s, e, l)| (at((s, e)), l)).collect();
    assert_eq!(headings, [("Title", 1), ("Sub", 2), ("Deep", 3)]);
    let containers: Vec<(&str, u32)> = ex.containers.iter().map(|&(s, e, c)| (at((s, e)), c)).collect();
    // The innermost container counts: the teaser's <article> is a container of its own.
    assert_eq!(containers, [("Sub", 1), ("Body", 1), ("Teaser", 2), ("More body", 1), ("Deep", 3)]);
}

#[test]
fn a_page_shown_only_with_scripts_off_is_read_from_its_noscript() {
    let words = "The harbour board met on Monday and voted to repair the old wall before winter. ".repeat(6);
    // Nearly empty without <noscript>: its text is read.
    let crawler_view =
        format!("<body><div id=app>Loading</div><noscript><h1>Wall vote</h1><p>{words}</p></noscript></body>");
    let ex = extract(&crawler_view);
    assert!(ex.text.starts_with("Loading\nWall vote\nThe harbour board"), "{:?}", ex.text);
    assert_eq!(ex.text, to_text(&crawler_view));
    // A page with text of its own keeps skipping it.
    let page = format!("<body><p>{words}</p><noscript><p>Please enable JavaScript.</p></noscript></body>");
    assert!(!extract(&page).text.contains("JavaScript"));
    assert_eq!(extract(&page).text, to_text(&page));
}
