//! Adversarial input shapes for resource-bound tests and timings (issue #8).
//!
//! Each shape is generated at a requested size in bytes (approximately), so
//! tests and the `adversarial` example can check that time grows linearly.

/// One adversarial shape.
pub struct Shape {
    pub name: &'static str,
    /// The size the issue names, in bytes (the example times ¼ and all of it).
    pub full: usize,
    /// Builds the input at about `size` bytes.
    pub make: fn(usize) -> String,
}

/// Every shape, at the sizes issue #8 names.
pub const SHAPES: &[Shape] = &[
    Shape { name: "line without spaces", full: 10_000_000, make: no_spaces },
    Shape { name: "quotation marks", full: 200_000, make: quote_marks },
    Shape { name: "mixed quote marks and words", full: 1_000_000, make: mixed_quotes },
    Shape { name: "single quotes opened, never closed", full: 1_000_000, make: open_singles },
    Shape { name: "nested <div>s", full: 5_000_000, make: nested_divs },
    Shape { name: "number of many digits", full: 10_000, make: long_number },
    Shape { name: "capitalised words in a row", full: 400_000, make: capitalised },
    Shape { name: "one paragraph of sentences", full: 2_000_000, make: one_paragraph },
    Shape { name: "unclosed tags and entities", full: 2_000_000, make: broken_markup },
    Shape { name: "numbers and casualty cues", full: 1_000_000, make: numbers_and_cues },
];

fn repeat_to(unit: &str, size: usize) -> String {
    unit.repeat(size / unit.len().max(1) + 1)
}

/// A single line of letters and punctuation with no space or newline.
pub fn no_spaces(size: usize) -> String {
    repeat_to("abcdefghij.KLM,nop-", size)
}

/// Nothing but double quotation marks separated by spaces.
pub fn quote_marks(size: usize) -> String {
    repeat_to("\" ", size)
}

/// Straight, curly and single marks between words, never balanced.
pub fn mixed_quotes(size: usize) -> String {
    repeat_to("\u{201c}Word ' said \"he' \u{2019}90s \u{00ab} Ana's \u{201d} ", size)
}

/// Single marks that could each open a quote, none closed, in one paragraph.
pub fn open_singles(size: usize) -> String {
    repeat_to("'word \u{2018}word ", size)
}

/// `<div>` nested to the requested size, never closed, then a paragraph.
pub fn nested_divs(size: usize) -> String {
    let mut s = repeat_to("<div>", size);
    s.push_str("<p>Three people were killed, the mayor said.</p>");
    s
}

/// A casualty sentence whose number has `size` digits.
pub fn long_number(size: usize) -> String {
    format!("At least {} people were killed, officials said.\n", "9".repeat(size))
}

/// Capitalised words in a row with no sentence punctuation.
pub fn capitalised(size: usize) -> String {
    const WORDS: [&str; 8] = ["Alder", "Brook", "Cedar", "Dunmore", "Elm", "Fairfax", "Glen", "Harbour"];
    let mut s = String::with_capacity(size + 16);
    let mut i = 0usize;
    while s.len() < size {
        s.push_str(WORDS[i % 8]);
        s.push_str(WORDS[(i / 8) % 8]);
        s.push(' ');
        i += 1;
    }
    s
}

/// Ordinary sentences with entities, quotes and figures, in one paragraph.
pub fn one_paragraph(size: usize) -> String {
    repeat_to(
        "\"We will rebuild,\" said Mayor Ada Quill of Harbour Town, where at least 12 people were killed and 40 injured on Monday. ",
        size,
    )
}

/// Unclosed tags, attributes without ends and entities without semicolons.
pub fn broken_markup(size: usize) -> String {
    let mut s = String::from("<html><body>");
    s.push_str(&repeat_to("<p class=\"a <b>x &amp &#99999999; <a href='y <i", size));
    s
}

/// Numbers, ranges and casualty cues packed densely.
pub fn numbers_and_cues(size: usize) -> String {
    repeat_to("between 10 and 15 dead, 1.3 million wounded, dozens missing, 2,000 tanks lost; ", size)
}
