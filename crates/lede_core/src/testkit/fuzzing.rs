//! The checks behind the fuzz targets (`crates/lede_core/fuzz`), the
//! property tests and the corpus test: each takes raw bytes, runs one part of
//! the core and panics when an output invariant is broken. Not part of the
//! public API.

use crate::text::{numbers, tokens};
use crate::{analyze, quotes, Analysis, InputMode, Options, Span};

/// The contract's invariants: every span lies on char boundaries inside the
/// text and equals the text it claims; spans are ordered and inside their
/// article. Linear in the size of the output.
pub fn check_contract(input: &str, a: &Analysis) -> Result<(), String> {
    let text = a.text.as_deref().unwrap_or(input);
    // Byte offset of every char index, and one past the end.
    let at: Vec<usize> = text.char_indices().map(|(b, _)| b).chain([text.len()]).collect();
    let t = Chars { text, n: at.len() - 1, at };
    for art in &a.articles {
        check_article(&t, art)?;
    }
    ordered(&mut a.articles.iter().map(|x| x.span.start), "articles")?;
    for b in &a.boilerplate {
        t.same(b.start, b.end, &b.text, "boilerplate")?;
    }
    ordered(&mut a.boilerplate.iter().map(|b| b.start), "boilerplate")
}

/// The analysed text and the byte offset of each char index.
struct Chars<'t> {
    text: &'t str,
    at: Vec<usize>,
    /// The text's length in chars.
    n: usize,
}

impl Chars<'_> {
    fn slice(&self, s: usize, e: usize) -> Result<&str, String> {
        if s <= e && e <= self.n {
            Ok(&self.text[self.at[s]..self.at[e]])
        } else {
            Err(format!("span {s}..{e} outside the text of {} chars", self.n))
        }
    }

    fn same(&self, s: usize, e: usize, claimed: &str, what: &str) -> Result<(), String> {
        let real = self.slice(s, e)?;
        if real == claimed {
            Ok(())
        } else {
            Err(format!("{what} {s}..{e} claims {claimed:?} but the text there is {real:?}"))
        }
    }
}

fn ordered(starts: &mut dyn Iterator<Item = usize>, what: &str) -> Result<(), String> {
    let mut last = 0;
    for s in starts {
        if s < last {
            return Err(format!("{what} out of order at {s}"));
        }
        last = s;
    }
    Ok(())
}

fn check_article(t: &Chars<'_>, art: &crate::Article) -> Result<(), String> {
    t.slice(art.span.start, art.span.end)?;
    let inside = |s: usize, e: usize, what: &str| {
        if art.span.contains(&Span::new(s, e)) {
            Ok(())
        } else {
            Err(format!("{what} {s}..{e} outside its article {:?}", art.span))
        }
    };
    check_heads(t, art)?;
    let mut last = 0;
    for p in &art.paragraphs {
        if p.start < last || p.start >= p.end {
            return Err(format!("paragraph {}..{} empty or out of order", p.start, p.end));
        }
        inside(p.start, p.end, "paragraph")?;
        last = p.end;
    }
    for e in &art.entities {
        t.same(e.start, e.end, &e.text, "entity")?;
        if art.headline.is_none() {
            inside(e.start, e.end, "entity")?;
        }
    }
    for q in &art.quotes {
        t.same(q.start, q.end, &q.text, "quote")?;
        inside(q.start, q.end, "quote")?;
        if let Some(s) = &q.speaker {
            t.same(s.start, s.end, &s.text, "speaker")?;
        }
        if let Some(c) = &q.cue {
            t.same(c.start, c.end, &c.text, "cue")?;
        }
    }
    for c in &art.casualties {
        t.same(c.start, c.end, &c.text, "casualty figure")?;
        inside(c.start, c.end, "casualty figure")?;
        if c.value_max.is_some_and(|m| m < c.value) {
            return Err(format!("casualty range {}..{:?} runs backwards", c.value, c.value_max));
        }
    }
    // The tally rests on the article's own figures, of its category.
    for cat in crate::CasualtyCategory::ALL {
        let Some(count) = art.tally.get(cat) else { continue };
        for &i in count.figures.iter().chain(count.disputed.iter().flat_map(|d| &d.figures)) {
            match art.casualties.get(i) {
                Some(c) if c.category == cat => {}
                Some(c) => return Err(format!("tally {} rests on a {} figure", cat.as_str(), c.category.as_str())),
                None => return Err(format!("tally {} rests on figure {i} of {}", cat.as_str(), art.casualties.len())),
            }
        }
    }
    ordered(&mut art.entities.iter().map(|e| e.start), "entities")?;
    ordered(&mut art.quotes.iter().map(|q| q.start), "quotes")?;
    ordered(&mut art.casualties.iter().map(|c| c.start), "casualty figures")
}

/// The headline, standfirst and dateline: their text, and the standfirst
/// one of the article's paragraphs, the dateline opening one.
fn check_heads(t: &Chars<'_>, art: &crate::Article) -> Result<(), String> {
    if let Some(h) = &art.headline {
        t.same(h.start, h.end, &h.text, "headline")?;
    }
    if let Some(sf) = &art.standfirst {
        t.same(sf.start, sf.end, &sf.text, "standfirst")?;
        if !art.paragraphs.iter().any(|p| p.start == sf.start && p.end == sf.end) {
            return Err(format!("standfirst {}..{} is not one of its article's paragraphs", sf.start, sf.end));
        }
    }
    if let Some(d) = &art.dateline {
        t.same(d.start, d.end, &d.text, "dateline")?;
        if !art.paragraphs.iter().any(|p| p.start == d.start && d.end <= p.end) {
            return Err(format!("dateline {}..{} does not open one of its article's paragraphs", d.start, d.end));
        }
    }
    Ok(())
}

fn run(data: &[u8], input: InputMode) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let options = Options { input, ..Options::default() };
    match analyze(text, &options) {
        Ok(a) => {
            if let Err(e) = check_contract(text, &a) {
                panic!("contract broken: {e}");
            }
        }
        Err(e) => assert!(!e.to_string().is_empty(), "an error without a message"),
    }
}

/// `analyze` on the bytes as plain text.
pub fn analyze_text(data: &[u8]) {
    run(data, InputMode::Text);
}

/// `analyze` on the bytes as HTML.
pub fn analyze_html(data: &[u8]) {
    run(data, InputMode::Html);
}

/// The number parser at every token of the text.
pub fn numbers(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let mut toks = Vec::new();
    tokens::tokenize(&text, 0, &mut toks);
    for i in 0..toks.len() {
        if let Some(n) = numbers::parse_at(&text, &toks, i) {
            assert!(n.first == i && n.first < n.end && n.end <= toks.len(), "{n:?} at token {i}");
            assert!(n.max.is_none_or(|m| m >= n.value), "range runs backwards: {n:?}");
        }
    }
}

/// The quotation scanner: disjoint, ordered spans on char boundaries.
pub fn quotes(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let mut last = 0;
    for (s, e) in quotes::scan(&text) {
        assert!(s >= last && s < e && e <= text.len(), "quote {s}..{e} after {last}");
        assert!(text.is_char_boundary(s) && text.is_char_boundary(e), "quote {s}..{e} off char boundaries");
        last = e;
    }
}
