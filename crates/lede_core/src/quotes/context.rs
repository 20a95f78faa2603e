//! The context of a quote beyond its sentence: paragraphs, sentence and clause subjects, descriptions.

use super::*;

pub(crate) type ByteRange = (usize, usize);

/// A phrase naming what someone owns ("Scott's niece"): a possessive
/// followed by more words.
pub(crate) fn owned(phrase: &str) -> bool {
    phrase.contains("'s ") || phrase.contains("’s ")
}

/// The head noun of a lowercased description: its last word before a
/// preposition ("a narrator in the ad" → "narrator").
pub(crate) fn description_head(lower: &str) -> &str {
    let noun_phrase =
        lower.split(' ').take_while(|w| !matches!(*w, "of" | "in" | "for" | "at" | "from" | "with" | "on"));
    noun_phrase.last().or_else(|| lower.rsplit(' ').next()).unwrap_or("")
}

/// Person descriptions in the article ("a Russian journalist", "the
/// president"): determiner, up to three words, a person noun.
pub(crate) fn descriptions(paras: &[ParaView<'_>]) -> Vec<ByteRange> {
    let mut out = Vec::new();
    for p in paras {
        let t = p.tokens;
        for k in 0..t.len() {
            if !matches!(t.lower(k), "a" | "an" | "the") {
                continue;
            }
            for e in k + 1..(k + 5).min(t.len()) {
                let w = t.lower(e);
                if t[e].kind != TokenKind::Word {
                    break;
                }
                if lexicon::is_person_noun(w) {
                    out.push((t[k].start, t[e].end));
                    break;
                }
            }
        }
    }
    out
}

/// What a speaker refers to: its own person mention; for "he"/"she" the
/// latest person named or described before it, outside quotes; for "a …"
/// description a new, unnamed person; for "the …" an earlier description
/// with the same head noun, else the latest person named.
/// How far back (bytes) a pronoun or a description looks for whom it refers to.
const ANTECEDENT_WINDOW: usize = 5000;

pub(crate) fn resolve_in_context(
    text: &str,
    sp: ByteRange,
    quote: ByteRange,
    mentions: &[Mention],
    people: &[ByteRange],
    inside_quote: &dyn Fn(usize) -> bool,
) -> (Option<usize>, Option<ByteRange>) {
    let at = mentions.partition_point(|m| m.start < sp.0);
    if let Some(m) = mentions.get(at).filter(|m| m.start == sp.0 && m.end == sp.1) {
        return ((m.label == EntityLabel::Per).then_some(at), None);
    }
    let lower = text[sp.0..sp.1].to_lowercase();
    let outside = |a: usize, b: usize| !(inside_quote(a) || quote.0 <= a && b <= quote.1);
    // Whom a speaker refers to is told within the window before it: looking
    // no further keeps attribution linear on text with no one to find.
    let floor = sp.0.saturating_sub(ANTECEDENT_WINDOW);
    let from = mentions[..at].partition_point(|m| m.start < floor);
    let last_person = || {
        mentions[from..at]
            .iter()
            .rposition(|m| m.label == EntityLabel::Per && m.end <= sp.0 && outside(m.start, m.end))
            .map(|i| from + i)
    };
    let people = {
        let lo = people.partition_point(|d| d.0 < floor);
        let hi = people.partition_point(|d| d.0 < sp.0);
        &people[lo..hi.max(lo)]
    };
    if lower == "it" {
        // "what it calls": an organisation, or a place acting as one ("the
        // Kremlin", "Russia says it"), named outside quotes. Within its
        // sentence the subject comes first; else the latest one before.
        let institution = |m: &Mention| {
            matches!(m.label, EntityLabel::Org | EntityLabel::Loc) && m.end <= sp.0 && outside(m.start, m.end)
        };
        let mut lo = floor;
        while !text.is_char_boundary(lo) {
            lo += 1;
        }
        let sentence_start = text[lo..sp.0].rfind(['.', '\n']).map_or(lo, |i| lo + i + 1);
        let org = mentions[from..at]
            .iter()
            .position(|m| m.start >= sentence_start && institution(m))
            .or_else(|| mentions[from..at].iter().rposition(institution))
            .map(|i| from + i);
        return (org, None);
    }
    if matches!(&*lower, "he" | "she") {
        let named = last_person();
        let described = people
            .iter()
            .rev()
            .find(|d| d.1 <= sp.0 && outside(d.0, d.1) && !text[d.0..d.1].to_lowercase().starts_with("the "));
        return match (named, described) {
            (Some(i), Some(d)) if d.1 > mentions[i].end => (None, Some(*d)),
            (Some(i), _) => (Some(i), None),
            (None, Some(d)) => (None, Some(*d)),
            (None, None) => (None, None),
        };
    }
    if !lower.contains(' ') {
        return (None, None);
    }
    let head = description_head(&lower);
    if !lexicon::is_person_noun(head) {
        return (None, None);
    }
    if lower.starts_with("a ") || lower.starts_with("an ") || lower.starts_with("one ") || owned(&lower) {
        return (None, Some(sp));
    }
    // "the journalist": the person an earlier description of the same kind introduced.
    if let Some(d) =
        // The first such description is the one that introduced the person.
        people.iter().find(|d| d.1 <= sp.0 && text[d.0..d.1].to_lowercase().ends_with(head) && outside(d.0, d.1))
    {
        return (None, Some(*d));
    }
    (last_person(), None)
}

/// One paragraph's tokens and sentences, for attribution beyond a quote's
/// immediate neighbours.
pub struct ParaView<'a> {
    pub range: (usize, usize),
    pub tokens: &'a Words,
    pub sentences: &'a [crate::text::tokens::Sentence],
}

/// The subject opening a sentence: a pronoun or a name among its first
/// words, after a connective ("Meanwhile, it attacked …").
pub(crate) fn sentence_subject(
    toks: &Words,
    s: &crate::text::tokens::Sentence,
    mentions: &[Mention],
) -> Option<(usize, usize)> {
    for (k, &t) in toks.iter().enumerate().take((s.first + 4).min(s.end)).skip(s.first) {
        let w = toks.lower(k);
        if lexicon::is_speaker_pronoun(w) {
            return Some((t.start, t.end));
        }
        let i = mentions.partition_point(|m| m.start < t.start);
        if let Some(m) = mentions.get(i).filter(|m| m.start == t.start && m.label != EntityLabel::Loc) {
            return Some((m.start, m.end));
        }
        // "The retired neurosurgeon …, saying …": a person described.
        if matches!(w, "the" | "a" | "an") {
            let noun = (k + 1..(k + 5).min(s.end))
                .take_while(|&j| toks[j].kind == TokenKind::Word)
                .find(|&j| lexicon::is_person_noun(toks.lower(j)));
            return noun.map(|j| (t.start, toks[j].end));
        }
        if !(t.kind == TokenKind::Punct || matches!(w, "meanwhile" | "then" | "but" | "and" | "later" | "also")) {
            return None;
        }
    }
    None
}

/// The subject of a sentence's main clause, before byte `limit`: at the
/// sentence's start after a connective ("However, he characterized …"), or
/// after an opening phrase set off by a comma ("In an August speech, Trump
/// attacked …", "Although the IMF …, it referenced …"). A pronoun, or a
/// person or organisation named, then its verb (a lowercase word).
pub(crate) fn clause_subject(
    text: &str,
    toks: &Words,
    s: &crate::text::tokens::Sentence,
    limit: usize,
    mentions: &[Mention],
    inside_quote: &dyn Fn(usize) -> bool,
) -> Option<ByteRange> {
    let lw = |k: usize| toks.lower(k);
    let subject_at = |k: usize| -> Option<ByteRange> {
        let t = toks.get(k).filter(|t| t.start < limit && !inside_quote(t.start))?;
        let (span, next) = if lexicon::is_speaker_pronoun(lw(k)) {
            ((t.start, t.end), k + 1)
        } else {
            // (A title may stand before the name: "President Obama".)
            let i = mentions.partition_point(|m| m.start < t.start);
            let m = mentions[i..]
                .first()
                .filter(|m| matches!(m.label, EntityLabel::Per | EntityLabel::Org))
                .filter(|m| toks[k..].iter().take(3).any(|t| t.start == m.start))
                .filter(|m| {
                    toks[k..]
                        .iter()
                        .take_while(|t| t.start < m.start)
                        .all(|t| t.text(text).starts_with(char::is_uppercase))
                })?;
            let after = toks.partition_point(|t| t.start < m.end);
            // "Scott's family has called …", "Ivana Trump's brief said …".
            let owned = toks.get(after).is_some_and(|t| matches!(t.text(text), "'s" | "’s"))
                && toks.get(after + 1).is_some_and(|t| {
                    t.kind == TokenKind::Word
                        && t.text(text).starts_with(char::is_lowercase)
                        && !lexicon::is_function_word(lw(after + 1))
                });
            if owned {
                ((m.start, toks[after + 1].end), after + 2)
            } else {
                ((m.start, m.end), after)
            }
        };
        let mut v = next;
        while v < s.end && v < next + 2 && is_verb_filler(lw(v)) {
            v += 1;
        }
        let verb = toks.get(v).filter(|_| v < s.end)?;
        let w = lw(v);
        let verb_like = verb.kind == TokenKind::Word
            && verb.end <= limit
            && verb.text(text).starts_with(char::is_lowercase)
            && !matches!(w, "and" | "or" | "of" | "who" | "which" | "that" | "whose" | "in" | "at" | "for" | "to");
        verb_like.then_some(span)
    };
    let mut k = s.first;
    while k < s.end
        && (toks[k].text(text) == ","
            || matches!(lw(k), "however" | "meanwhile" | "then" | "but" | "and" | "later" | "also" | "still" | "yet"))
    {
        k += 1;
    }
    if let Some(sp) = subject_at(k) {
        return Some(sp);
    }
    (k..s.end)
        .take_while(|&j| toks[j].start < limit)
        .filter(|&j| toks[j].text(text) == "," && !inside_quote(toks[j].start))
        .take(3)
        .find_map(|j| subject_at(j + 1))
}
