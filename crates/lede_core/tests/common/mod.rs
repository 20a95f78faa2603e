//! Helpers shared by the whole-pipeline tests.
#![allow(dead_code)]

use lede_core::*;

/// The canonical speaker of the first quote whose words start with `start`.
pub fn speaker_of<'a>(quotes: impl IntoIterator<Item = &'a Quote>, start: &str) -> Option<String> {
    quotes
        .into_iter()
        .find(|q| q.text.trim_start_matches(|c: char| !c.is_alphanumeric()).starts_with(start))
        .and_then(|q| q.speaker.as_ref())
        .and_then(|s| s.canonical.clone())
}

/// The speaker's own words for the first quote of the first article whose
/// text (after its opening mark) starts with `start`.
pub fn speaker_text(a: &Analysis, start: &str) -> Option<String> {
    a.articles[0]
        .quotes
        .iter()
        .find(|q| q.text.trim_start_matches(|c: char| !c.is_alphanumeric()).starts_with(start))
        .and_then(|q| q.speaker.as_ref())
        .map(|s| s.text.clone())
}

/// The contract's invariants (see [`lede_core::fuzzing::check_contract`]).
pub fn assert_contract(input: &str, a: &Analysis) {
    if let Err(e) = lede_core::fuzzing::check_contract(input, a) {
        panic!("{e}");
    }
}

/// `text` analysed as one article body, its contract checked.
pub fn analyze_single(text: &str) -> Analysis {
    let a = analyze(text, &Options { single: true, ..Options::default() }).expect("analyse");
    assert_contract(text, &a);
    a
}
