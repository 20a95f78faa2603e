//! Word classes for attribution: group and claim nouns, reporting verbs, fillers before a verb.

use super::*;

/// Groups of people who may speak as one ("Police say …").
pub(crate) fn is_group_noun(w: &str) -> bool {
    crate::text::lexicon::group_nouns(w)
}

/// Nouns for a body or a document a quote can come from ("the memo said").
pub(crate) fn is_source_noun(w: &str) -> bool {
    crate::text::lexicon::source_nouns(w)
}

/// Nouns for something said: "Trump's claim that …".
pub(crate) fn is_claim_noun(w: &str) -> bool {
    crate::text::lexicon::claim_nouns(w)
}

/// A capitalised word right after another is part of a name ("the United
/// States"), not a verb.
pub(crate) fn name_part(text: &str, toks: &Words, k: usize) -> bool {
    let upper = |t: &Token| t.kind == TokenKind::Word && t.text(text).starts_with(char::is_uppercase);
    k > 0 && upper(&toks[k]) && upper(&toks[k - 1])
}

/// Verbs that report speech or writing when their subject is the speaker.
pub(crate) fn is_reporting_verb(w: &str) -> bool {
    lexicon::is_cue_verb(w) || crate::text::lexicon::reporting_verbs(w)
}

/// Words that may stand between a subject and its verb ("Clinton has long said").
pub(crate) fn is_verb_filler(w: &str) -> bool {
    crate::text::lexicon::verb_fillers(w) || w.ends_with("ly")
}

/// Where the subject of the verb at token `k` ends: before a progressive
/// form's auxiliary and up to two filler words ("Clinton has long said",
/// "He's claiming"), not before token `first`.
pub(crate) fn subject_end(text: &str, toks: &Words, first: usize, k: usize) -> usize {
    let mut e = k;
    // "He's claiming", "she is saying": a progressive form's auxiliary.
    let lower = |i: usize| toks.lower(i);
    if e > first && lower(k).ends_with("ing") && matches!(lower(e - 1), "is" | "are" | "was" | "were" | "'s" | "’s") {
        e -= 1;
    }
    while e > first && e + 2 > k && is_verb_filler(lower(e - 1)) {
        e -= 1;
    }
    // "I laughed and said": a past verb coordinated before it shares its subject.
    if e >= first + 3 && lower(e - 1) == "and" {
        let v = toks[e - 2].text(text);
        if toks[e - 2].kind == TokenKind::Word && v.starts_with(char::is_lowercase) && v.ends_with("ed") {
            e -= 2;
        }
    }
    e
}
