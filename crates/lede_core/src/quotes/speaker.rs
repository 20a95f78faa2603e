//! Speaker phrases around a cue: names, pronouns and descriptions ("the retired neurosurgeon").

use super::*;

/// The cue after a speaker phrase that ends before token `after`: right
/// there ("Name said"), after a bracket ("Name (R-Utah) said"), or after an
/// appositive set off by commas ("Name, the attorney general of X, said").
pub(crate) fn cue_after_speaker(text: &str, toks: &Words, after: usize) -> Option<(usize, usize)> {
    let t = |k: usize| toks.get(k).map(|t| t.text(text)).unwrap_or("");
    let cue = |k: usize| toks.get(k).filter(|_| lexicon::is_cue_verb(toks.lower(k)));
    if let Some(c) = cue(after) {
        return Some((c.start, c.end));
    }
    // One adverb between: "it further wrote", "she later said".
    let adverb = |k: usize| {
        let w = if k < toks.len() { toks.lower(k) } else { "" };
        w.ends_with("ly") || matches!(w, "further" | "also" | "then" | "later" | "again" | "once" | "now")
    };
    if adverb(after) {
        if let Some(c) = cue(after + 1) {
            return Some((c.start, c.end));
        }
    }
    let mut k = after;
    if t(k) == "(" {
        let close = (k + 1..toks.len().min(k + 8)).find(|&j| t(j) == ")")?;
        k = close + 1;
        if let Some(c) = cue(k) {
            return Some((c.start, c.end));
        }
    }
    if t(k) == "," {
        // The appositive ends at a comma followed by the cue, within a clause.
        for j in k + 1..toks.len().min(k + 24) {
            // "R-Ky.," and "Jr.," end in an abbreviation's full stop, not a
            // sentence's; so does a title's before a name ("Del. Ada Price").
            let abbreviation = t(j) == "."
                && toks[j].start == toks[j - 1].end
                && t(j - 1).len() <= 5
                && t(j - 1).starts_with(char::is_uppercase)
                && (matches!(t(j + 1), "," | ")")
                    || t(j - 1).len() <= 4 && t(j + 1).starts_with(char::is_uppercase) && t(j + 2) != ",");
            // (A nickname in quotes belongs to the name: Marcia "Cia" Price.)
            let nickname = |j: usize| {
                j >= 1
                    && matches!(t(j), "\"" | "“" | "”")
                    && matches!(t(j + 2), "\"" | "“" | "”")
                    && t(j + 1).starts_with(char::is_uppercase)
                    && t(j - 1).starts_with(char::is_uppercase)
            };
            let closes_nickname = j >= 3 && nickname(j - 2);
            if matches!(t(j), "." | ";" | ":" | "\"" | "“" | "”" | "?" | "!")
                && !abbreviation
                && !nickname(j)
                && !closes_nickname
            {
                break;
            }
            if t(j) == "," {
                if let Some(c) = cue(j + 1) {
                    return Some((c.start, c.end));
                }
            }
        }
    }
    None
}

/// After a cue: up to seven words of description, one of them lowercase,
/// then a person's name ("said 9/11 widow Terry Strada", "said Priorities
/// spokesman Justin Barasky", "said former Pennsylvania Gov. and party
/// Chairman Ed Rendell"); the span covers both.
pub(crate) fn described_person_after(toks: &Words, k: usize, mentions: &[Mention]) -> Option<(usize, usize)> {
    let first = toks.get(k)?;
    // ("9/11": a mark between two numbers, with no space, is part of them.)
    let in_number = |j: usize| {
        j > 0
            && j + 1 < toks.len()
            && toks[j - 1].kind == TokenKind::Number
            && toks[j + 1].kind == TokenKind::Number
            && toks[j - 1].end == toks[j].start
            && toks[j].end == toks[j + 1].start
    };
    let mut described = false;
    for j in k + 1..toks.len().min(k + 8) {
        let prev = toks[j - 1];
        let w = toks.lower(j - 1);
        let joiner = matches!(w, "of" | "and");
        if prev.kind == TokenKind::Punct && !in_number(j - 1) || lexicon::is_function_word(w) && !joiner {
            return None;
        }
        described |= toks.starts_lower(j - 1) && !joiner;
        let i = mentions.partition_point(|m| m.start < toks[j].start);
        if let Some(m) = mentions.get(i).filter(|m| m.start == toks[j].start && m.label == EntityLabel::Per) {
            return described.then_some((first.start, m.end));
        }
    }
    None
}

/// A speaker phrase starting at token `k`: a pronoun, a named mention, or a
/// short description ("a Russian journalist", "the president").
pub(crate) fn speaker_phrase(text: &str, toks: &Words, k: usize, mentions: &[Mention]) -> Option<(usize, usize)> {
    let t = toks.get(k)?;
    let lower = toks.lower(k);
    if lexicon::is_speaker_pronoun(lower) {
        return Some((t.start, t.end));
    }
    let i = mentions.partition_point(|m| m.start < t.start);
    if let Some(m) = mentions.get(i).filter(|m| m.start == t.start) {
        // "Scott's niece": a person noun owned by the name.
        let after = toks.partition_point(|t| t.start < m.end);
        let owned = toks.get(after).is_some_and(|t| matches!(t.text(text), "'s" | "’s"))
            && after + 1 < toks.len()
            && lexicon::is_person_noun(toks.lower(after + 1));
        if owned {
            return Some((m.start, toks[after + 1].end));
        }
        return Some((m.start, m.end));
    }
    // "said Pamela Padilla": a run of two to four capitalised words.
    let caps = toks[k..]
        .iter()
        .take(4)
        .take_while(|t| t.kind == TokenKind::Word && t.text(text).starts_with(char::is_uppercase))
        .count();
    if caps >= 2 {
        return Some((t.start, toks[k + caps - 1].end));
    }
    if matches!(lower, "a" | "an" | "the" | "one" | "another" | "this") {
        // Up to six more words, ending at a noun before a cue or punctuation
        // ("a narrator in the Clinton ad asks").
        let mut e = k + 1;
        while e < toks.len() && e <= k + 6 && toks[e].kind == TokenKind::Word && !lexicon::is_cue_verb(toks.lower(e)) {
            e += 1;
        }
        // A description never ends on a function word ("a dozen others and").
        while e > k + 1 && lexicon::is_function_word_any_case(toks[e - 1].text(text)) {
            e -= 1;
        }
        if e > k + 1 {
            return Some((t.start, toks[e - 1].end));
        }
    }
    None
}

/// What the rules for a speaker ending at token `end` read.
pub(crate) struct Before<'c> {
    text: &'c str,
    toks: &'c Words,
    end: usize,
    mentions: &'c [Mention],
    /// The token before `end`, and its lowercase.
    last: Token,
    lower: &'c str,
}

type ByteSpan = (usize, usize);

/// A rule for a speaker before a cue.
type SpeakerRule = fn(&Before<'_>) -> Option<ByteSpan>;

/// The rules for a speaker ending right before a cue, tried in order; the
/// first that finds one wins.
pub(crate) const SPEAKER_BEFORE: &[(&str, SpeakerRule)] = &[
    ("pronoun", |b| lexicon::is_speaker_pronoun(b.lower).then_some((b.last.start, b.last.end))),
    ("mention", mention_ending_here),
    ("name_before_apposition", name_before_apposition),
    ("group_opening_clause", group_opening_clause),
    ("capitalised_run", capitalised_run),
    ("yet_another", |b| {
        (b.lower == "another" && b.end >= 2 && b.toks.lower(b.end - 2) == "yet").then_some((b.last.start, b.last.end))
    }),
    ("description", description_before),
];

/// A speaker phrase ending right before token `end`.
pub(crate) fn speaker_before(text: &str, toks: &Words, end: usize, mentions: &[Mention]) -> Option<(usize, usize)> {
    if end == 0 {
        return None;
    }
    let last = toks[end - 1];
    let b = Before { text, toks, end, mentions, last, lower: toks.lower(end - 1) };
    SPEAKER_BEFORE.iter().find_map(|(_, rule)| rule(&b))
}

/// A tagged name ending right before the cue.
fn mention_ending_here(b: &Before<'_>) -> Option<ByteSpan> {
    let i = b.mentions.partition_point(|m| m.end < b.last.end);
    b.mentions.get(i).filter(|m| m.end == b.last.end).map(|m| (m.start, m.end))
}

/// "Rep. Ana Ruiz (D-Ore.), head of the caucus, said": the name before an
/// appositive set off by a comma or a bracket.
fn name_before_apposition(b: &Before<'_>) -> Option<ByteSpan> {
    let (text, toks, last, mentions) = (b.text, b.toks, b.last, b.mentions);
    if !matches!(last.text(text), "," | ")") {
        return None;
    }
    let lo = b.end.saturating_sub(24);
    let floor = toks[lo].start;
    let j = mentions.partition_point(|m| m.end <= last.start);
    for m in mentions[..j].iter().rev().take_while(|m| m.start >= floor) {
        let after = toks.partition_point(|t| t.start < m.end);
        let opens_apposition = toks.get(after).map(|t| matches!(t.text(text), "," | "(")).unwrap_or(false);
        // The name starts its clause, perhaps after a title ("Gov.",
        // "Oversight Chairman"): skip up to three capitalised words first.
        let mut b = toks.partition_point(|t| t.start < m.start);
        let mut titles = 0;
        while b > 0 && titles < 3 && toks[b - 1].kind == TokenKind::Word {
            let w = toks[b - 1].text(text);
            if !w.starts_with(char::is_uppercase) {
                break;
            }
            b -= 1;
            titles += 1;
        }
        let clause_start = b
            .checked_sub(1)
            .map(|b| matches!(toks[b].text(text), "." | "“" | "\"" | ":" | ";" | "," | "”") || toks.starts_lower(b))
            .unwrap_or(true);
        if m.label == EntityLabel::Per && opens_apposition && clause_start {
            return Some((m.start, m.end));
        }
    }
    None
}

/// "Police say", "Demonstrators said": a group of people opening its clause.
fn group_opening_clause(b: &Before<'_>) -> Option<ByteSpan> {
    let (text, toks, end, last) = (b.text, b.toks, b.end, b.last);
    let opens_clause = end == 1
        || matches!(toks[end - 2].text(text), "." | "“" | "\"" | ":" | ";" | "”")
        || toks[end - 2].end < last.start && text[toks[end - 2].end..last.start].contains('\n');
    (opens_clause && last.text(text).starts_with(char::is_uppercase) && is_group_noun(b.lower))
        .then_some((last.start, last.end))
}

/// "Maddow asked", "Another tweeted", "Party Chairman Reince Priebus
/// called": up to five capitalised words opening their clause, a name the
/// tagger missed.
fn capitalised_run(b: &Before<'_>) -> Option<ByteSpan> {
    let (text, toks, end) = (b.text, b.toks, b.end);
    let cap = |t: &Token| t.kind == TokenKind::Word && t.text(text).starts_with(char::is_uppercase);
    let run = toks[..end].iter().rev().take(5).take_while(|t| cap(t)).count();
    let first = end - run;
    let opens_run = first == 0
        || matches!(toks[first - 1].text(text), "." | "“" | "\"" | ":" | ";" | "”" | ",")
        || toks[first - 1].end < toks[first].start && text[toks[first - 1].end..toks[first].start].contains('\n');
    (run >= 1 && opens_run && (b.lower == "another" || !lexicon::is_function_word(b.lower)))
        .then_some((toks[first].start, b.last.end))
}

/// "the president said": a determiner within six words before, and the
/// phrase ends on a content word ("… others and told" is no speaker).
fn description_before(b: &Before<'_>) -> Option<ByteSpan> {
    let (text, toks, end, last, lower) = (b.text, b.toks, b.end, b.last, &b.lower);
    if lexicon::is_function_word(lower) {
        return None;
    }
    let lo = end.saturating_sub(12);
    for k in (lo..end).rev() {
        // Past four words, only a person ("the 34-year-old mother of three");
        // past six, one opening its clause ("The former first lady and U.S.
        // senator said").
        let opens_clause = || k == 0 || toks[k - 1].kind == TokenKind::Punct;
        // "One man wrote", "another commenter said", "this source told".
        let det = toks.lower(k);
        if matches!(det, "one" | "another" | "this")
            && end - k <= 4
            && toks[k..end].iter().all(|t| t.kind == TokenKind::Word)
            && (lexicon::is_person_noun(lower) || is_group_noun(lower))
        {
            return Some((toks[k].start, last.end));
        }
        if matches!(det, "the" | "a" | "an")
            && toks[k..end].iter().all(|t| t.kind != TokenKind::Punct)
            && (end - k <= 4
                || (end - k <= 6 || opens_clause())
                    && lexicon::is_person_noun(description_head(&text[toks[k].start..last.end].to_lowercase())))
        {
            return Some((toks[k].start, last.end));
        }
        if let Some(sp) = possessive_description(b, k) {
            return Some(sp);
        }
    }
    None
}

/// "Obama's former campaign strategist said", "Ivana Trump's brief said": a
/// name's possessive (token `k`) as the determiner, the phrase ending on a
/// person noun, or one noun right after it.
fn possessive_description(b: &Before<'_>, k: usize) -> Option<ByteSpan> {
    let (text, toks, end, last) = (b.text, b.toks, b.end, b.last);
    let owned_noun = k + 2 == end
        && last.kind == TokenKind::Word
        && last.text(text).starts_with(char::is_lowercase)
        && !last.text(text).contains('-');
    if matches!(toks[k].text(text), "'s" | "’s") && k > 0 && (owned_noun || lexicon::is_person_noun(b.lower)) {
        let i = b.mentions.partition_point(|m| m.end < toks[k - 1].end);
        if let Some(m) = b.mentions.get(i).filter(|m| m.end == toks[k - 1].end) {
            if toks[k + 1..end].iter().all(|t| t.kind == TokenKind::Word) {
                return Some((m.start, last.end));
            }
        }
    }
    None
}

/// Resolve a speaker span to a person mention: the mention itself, or for a
/// pronoun or description the most recent person mentioned before it.
pub(crate) fn resolve(text: &str, sp: (usize, usize), mentions: &[Mention]) -> Option<usize> {
    let at = mentions.partition_point(|m| m.start < sp.0);
    if let Some(m) = mentions.get(at).filter(|m| m.start == sp.0 && m.end == sp.1) {
        return (m.label == EntityLabel::Per).then_some(at);
    }
    // "Scott's niece", "Ivana Trump's brief": the name owns the speaker.
    if owned(&text[sp.0..sp.1]) {
        return None;
    }
    // A name inside the phrase ("Transport Minister Oskar Lind").
    if let Some(i) =
        mentions[at..].iter().take_while(|m| m.start < sp.1).position(|m| m.end <= sp.1 && m.label == EntityLabel::Per)
    {
        return Some(at + i);
    }
    let lower = text[sp.0..sp.1].to_lowercase();
    if matches!(&*lower, "they" | "we" | "i") {
        return None;
    }
    // A description resolves only when it names a person ("the president",
    // "a Russian journalist"), not a document or a place.
    let head = description_head(&lower);
    if lower.contains(' ') && !lexicon::is_person_noun(head) {
        return None;
    }
    // The most recent person before the speaker (mentions are sorted by start).
    mentions[..at].iter().rposition(|m| m.label == EntityLabel::Per && m.end <= sp.0)
}
