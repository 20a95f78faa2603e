//! Quotations: marks paired within a paragraph, kind, and attribution to a
//! speaker next to a speech cue.
//!
//! Offsets are byte offsets into the analysed text.

use crate::entities::Mention;
use crate::lexicon;
use crate::tokens::{Token, TokenKind};
use crate::types::{EntityLabel, QuoteKind};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Including the marks.
    pub start: usize,
    pub end: usize,
    pub kind: QuoteKind,
    pub speaker: Option<(usize, usize)>,
    /// The person a pronoun or surname resolves to (index into mentions).
    pub speaker_entity: Option<usize>,
    /// An unnamed person the speaker refers to ("a Russian journalist").
    pub speaker_description: Option<(usize, usize)>,
    pub cue: Option<(usize, usize)>,
    /// A paragraph of a quote that runs on into the next paragraph.
    pub open_ended: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    /// “ ” « » and straight " : double marks.
    Double,
    /// ‘ ’ and straight ' : single marks.
    Single,
}

#[derive(Debug, Clone, Copy)]
struct MarkAt {
    pos: usize,
    len: usize,
    mark: Mark,
    /// A straight mark (" or '), not a typographic one.
    straight: bool,
    can_open: bool,
    can_close: bool,
}

fn is_word_char(c: Option<char>) -> bool {
    c.map(|c| c.is_alphanumeric()).unwrap_or(false)
}

/// Find the quotation marks in a paragraph and decide which can open or close.
fn marks(para: &str, base: usize) -> Vec<MarkAt> {
    let mut out = Vec::new();
    let mut prev: Option<char> = None;
    let mut it = para.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if !matches!(c, '"' | '\'' | '“' | '”' | '‘' | '’' | '«' | '»') {
            prev = Some(c);
            continue;
        }
        let next = it.peek().map(|&(_, n)| n);
        let before_space = prev.map(|p| p.is_whitespace() || "([{—–-/:".contains(p)).unwrap_or(true);
        let after_space = next.map(|n| n.is_whitespace() || ",.;:!?)]}—–-…".contains(n)).unwrap_or(true);
        let m = match c {
            '“' | '«' => Some((Mark::Double, true, false)),
            '”' | '»' => Some((Mark::Double, false, true)),
            '"' => Some((
                Mark::Double,
                before_space || prev.map(|p| "\"'‘“".contains(p)).unwrap_or(false),
                !before_space || after_space,
            )),
            '‘' => Some((Mark::Single, true, false)),
            '’' | '\'' => {
                // An apostrophe inside a word (we're, Moscow's) or before a
                // decade ('90s) is never a quotation mark.
                let inside_word = is_word_char(prev) && is_word_char(next);
                let decade = before_space
                    && next.map(|n| n.is_ascii_digit()).unwrap_or(false)
                    && para[i + c.len_utf8()..].chars().take_while(|c| c.is_ascii_digit()).count() == 2;
                if inside_word || decade {
                    None
                } else if prev == Some('s') && after_space && c == '’' {
                    // soldiers’ (plural possessive) may still close a quote
                    Some((Mark::Single, false, true))
                } else {
                    Some((Mark::Single, before_space && !after_space, !before_space))
                }
            }
            _ => None,
        };
        if let Some((mark, can_open, can_close)) = m {
            let straight = matches!(c, '"' | '\'');
            out.push(MarkAt { pos: base + i, len: c.len_utf8(), mark, straight, can_open, can_close });
        }
        prev = Some(c);
    }
    out
}

/// Pair marks into outermost quotations. Unbalanced marks are dropped, never
/// spanning the paragraph.
fn pair(ms: &[MarkAt]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    // Quotes closed inside another: kept in case the outer one never closes.
    let mut inner = Vec::new();
    let mut stack: Vec<MarkAt> = Vec::new();
    for m in ms {
        // A closer for something open: prefer the same mark, and among double
        // marks the same glyph (a straight " quote holding “…”); a straight
        // single opener may be closed by a double mark (a scraping fault).
        if m.can_close {
            let same_glyph = stack.iter().rposition(|o| o.mark == m.mark && o.straight == m.straight);
            if let Some(idx) = same_glyph.or_else(|| {
                stack.iter().rposition(|o| o.mark == m.mark || (o.mark == Mark::Single && m.mark == Mark::Double))
            }) {
                let o = stack[idx];
                // Nested quotes close the inner one first.
                let is_inner_single_close = m.mark == Mark::Single && idx + 1 < stack.len();
                if !(m.can_open && !is_inner_single_close && o.mark != m.mark) {
                    stack.truncate(idx);
                    if stack.is_empty() {
                        out.push((o.pos, m.pos + m.len));
                    } else {
                        inner.push((o.pos, m.pos + m.len));
                    }
                    continue;
                }
            }
        }
        if m.can_open {
            // Double marks of one glyph do not nest: a second double opener
            // means the first was never closed, and it is dropped with what it
            // held. A “…” inside a straight "…" (or the reverse) nests.
            if m.mark == Mark::Double {
                if let Some(idx) = stack.iter().position(|o| o.mark == Mark::Double && o.straight == m.straight) {
                    stack.truncate(idx);
                }
            }
            stack.push(*m);
        }
    }
    if !stack.is_empty() && !inner.is_empty() {
        // An opener left open: the quotes closed inside it still stand (the
        // outermost of them). Latest closed first, a quote holds the ones
        // closed before it that start after it. (No sort: it would add a
        // sort's code to the wasm for this rare case.)
        let mut floor = usize::MAX;
        let mut kept = Vec::new();
        for &(s, e) in inner.iter().rev() {
            if e <= floor && !out.iter().any(|&(a, b)| a <= s && e <= b) {
                kept.push((s, e));
                floor = s;
            }
        }
        // Merge the two ordered lists.
        let mut merged = Vec::with_capacity(out.len() + kept.len());
        let mut rest = out.into_iter().peekable();
        for k in kept.into_iter().rev() {
            while let Some(o) = rest.next_if(|o| o.0 < k.0) {
                merged.push(o);
            }
            merged.push(k);
        }
        merged.extend(rest);
        return merged;
    }
    out
}

/// The quotation scanner alone: the byte spans of the outermost quotations
/// of each line of `text`, found by marks and pairing only (no attribution).
/// For fuzzing and property tests.
pub fn scan(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        out.extend(pair(&marks(line, start)));
        start += line.len();
    }
    out
}

/// Token index range helpers.
fn token_at_or_after(toks: &[Token], pos: usize) -> usize {
    toks.partition_point(|t| t.start < pos)
}

/// Find quotations in one paragraph and attribute them.
/// Does the paragraph `[s, e)` open with a quotation mark, and if so, does
/// that quote close within it?
pub fn leading_quote_closes(text: &str, (s, e): (usize, usize)) -> Option<bool> {
    let ms = marks(&text[s..e], s);
    let first = ms.first().filter(|m| m.can_open && text[s..m.pos].trim().is_empty())?;
    Some(pair(&ms).iter().any(|&(a, _)| a == first.pos))
}

/// Find quotations in one paragraph and attribute them. `continues`: the
/// next paragraph opens with a quotation mark, so a quote opened at the
/// start of this one and left open runs on into it.
pub fn find_in_paragraph(
    text: &str,
    para: (usize, usize),
    toks: &[Token],
    mentions: &[Mention],
    continues: bool,
    out: &mut Vec<Found>,
) {
    let ms = marks(&text[para.0..para.1], para.0);
    let first_new = out.len();
    if continues {
        if let Some(first) = ms.first().filter(|m| m.can_open && text[para.0..m.pos].trim().is_empty()) {
            let closed = pair(&ms).iter().any(|&(s, _)| s == first.pos);
            if !closed && text[first.pos + first.len..para.1].chars().any(char::is_alphanumeric) {
                out.push(Found {
                    start: first.pos,
                    end: para.1,
                    kind: QuoteKind::Direct,
                    speaker: None,
                    speaker_entity: None,
                    speaker_description: None,
                    cue: None,
                    open_ended: true,
                });
                return;
            }
        }
    }
    for (s, e) in pair(&ms) {
        let inner = &text[s..e];
        let words = inner.split_whitespace().count();
        if words == 0 || inner.chars().filter(|c| c.is_alphanumeric()).count() == 0 || nickname(text, toks, s, e) {
            continue;
        }
        let (speaker, cue) = attribute(text, toks, s, e, mentions);
        let ends_punct = inner.trim_end_matches(['"', '\'', '”', '’', '»']).ends_with(['.', ',', '!', '?', '…']);
        let kind = if words >= 6 || (ends_punct && words >= 3 && cue.is_some()) {
            QuoteKind::Direct
        } else {
            QuoteKind::Partial
        };
        let speaker_entity = speaker.and_then(|sp| resolve(text, sp, mentions));
        out.push(Found {
            start: s,
            end: e,
            kind,
            speaker,
            speaker_entity,
            speaker_description: None,
            cue,
            open_ended: false,
        });
    }
    // A direct quote with no cue of its own right after an attributed one in
    // the same paragraph continues that speaker ("… ," he said. "…").
    for i in first_new.max(1)..out.len() {
        if out[i].speaker.is_none() && out[i].kind == QuoteKind::Direct && i > first_new {
            let prev = out[i - 1].clone();
            let between = &text[prev.end..out[i].start];
            // "…," Obama said. He called Burma a "…": a verb of saying of its
            // own between them starts another attribution.
            let (lo, hi) = (token_at_or_after(toks, prev.end), token_at_or_after(toks, out[i].start));
            let own_verb = (lo..hi).any(|k| {
                let t = toks[k];
                Some((t.start, t.end)) != prev.cue
                    && is_reporting_verb(&crate::tokens::lower(t.text(text)))
                    && !name_part(text, toks, k)
            });
            // "“…” to drive up the price, she said": a cue later in the
            // quote's own sentence attributes it instead.
            let mut k = token_at_or_after(toks, out[i].end);
            let mut cue_after = false;
            while k < toks.len() && k < hi + 40 {
                let t = toks[k].text(text);
                if matches!(t, "." | "!" | "?" | ";" | "\"" | "“" | "”") || toks[k].start >= para.1 {
                    break;
                }
                if lexicon::is_cue_verb(&crate::tokens::lower(t)) && !name_part(text, toks, k) {
                    cue_after = true;
                    break;
                }
                k += 1;
            }
            if prev.speaker.is_some()
                && between.split_whitespace().count() <= 12
                && !between.contains('\n')
                && !own_verb
                && !cue_after
            {
                out[i].speaker_entity = prev.speaker_entity;
                out[i].speaker = prev.speaker;
            }
        }
    }
}

/// A nickname quoted inside a name (Marcia "Cia" Price): up to three
/// capitalised words, between a capitalised word and another.
fn nickname(text: &str, toks: &[Token], s: usize, e: usize) -> bool {
    let (a, b) = (token_at_or_after(toks, s), token_at_or_after(toks, e));
    let cap = |k: usize| {
        toks.get(k).is_some_and(|t| t.kind == TokenKind::Word && t.text(text).starts_with(char::is_uppercase))
    };
    let inner = a + 1..b.saturating_sub(1);
    a > 0
        && !inner.is_empty()
        && inner.len() <= 3
        && inner.clone().all(cap)
        && cap(a - 1)
        && cap(b)
        && !text[toks[a - 1].end..s].contains('\n')
}

/// Find the cue and speaker next to a quote `[s, e)`.
/// A speaker span and a cue span (byte offsets), either possibly absent.
type Attribution = (Option<(usize, usize)>, Option<(usize, usize)>);

fn attribute(text: &str, toks: &[Token], s: usize, e: usize, mentions: &[Mention]) -> Attribution {
    let lw = |k: usize| crate::tokens::lower(toks[k].text(text));
    // After: "…," he said / "…," said Name / "…," Name said / according to Name.
    let mut k = token_at_or_after(toks, e);
    let signed = toks.get(k).is_some_and(|t| {
        matches!(t.text(text), "—" | "–" | "―") && t.start == e || {
            // A dash after a space: `” ― Name`.
            matches!(t.text(text), "—" | "–" | "―") && text[e..t.start].trim().is_empty()
        }
    });
    while k < toks.len() && matches!(toks[k].text(text), "," | "—" | "–" | "―") {
        k += 1;
    }
    // `“…” ― Name`: a sign-off after a dash, ending the sentence or paragraph.
    if signed {
        if let Some(sp) = speaker_phrase(text, toks, k, mentions) {
            let after = token_at_or_after(toks, sp.1);
            if toks.get(after).is_none_or(|t| matches!(t.text(text), "." | ";")) {
                return (Some(sp), None);
            }
        }
    }
    // A quote that ends its sentence ("….") followed by a capitalised word
    // starts a new sentence: only "Name said" may still attribute it.
    let closed_sentence = text[s..e].trim_end_matches(['"', '\'', '”', '’', '»']).ends_with(['.', '!', '?'])
        && toks.get(k).map(|t| t.text(text).starts_with(char::is_uppercase)).unwrap_or(false);
    if k < toks.len() && closed_sentence {
        if let Some(sp) = speaker_phrase(text, toks, k, mentions) {
            // (The cue may follow an appositive: “….” Scott's niece, Del. Ada Price, shouted.)
            let after = match cue_after_speaker(text, toks, token_at_or_after(toks, sp.1)) {
                Some(c) => token_at_or_after(toks, c.0),
                None => token_at_or_after(toks, sp.1),
            };
            // “….” She said. — but not “….” She says it underscores …: a cue
            // that opens reported speech of its own starts a new statement.
            let ends_soon = (after + 1..(after + 5).min(toks.len()))
                .take_while(|&j| {
                    let t = toks[j].text(text);
                    t.starts_with(char::is_uppercase)
                        || toks[j].kind != TokenKind::Word
                        || matches!(
                            &*lw(j),
                            "on" | "in" | "at" | "last" | "this" | "yesterday" | "today" | "later" | "earlier"
                        )
                })
                .any(|j| matches!(toks[j].text(text), "." | ";" | "!" | "?"))
                || after + 1 >= toks.len()
                || matches!(toks[after + 1].text(text), "." | ";")
                // (“….” she shouted to the crowd.)
                || lw(after + 1) == "to"
                    && (after + 2..(after + 5).min(toks.len())).any(|j| matches!(toks[j].text(text), "." | "!"))
                // (“….” She adds, “…”: the cue introduces the next quote.)
                || toks[after + 1].text(text) == ","
                    && !toks.get(after + 2).is_some_and(|t| matches!(t.text(text), "\"" | "“" | "'" | "‘"));
            // (After a question or an exclamation, or with "told", the name
            // and cue attribute it even when the sentence goes on:
            // “…, who knows?” Trump told ITV in an interview aired Monday.)
            let asks = text[s..e].trim_end_matches(['"', '\'', '”', '’', '»']).ends_with(['?', '!']);
            let told = after < toks.len() && matches!(&*lw(after), "told" | "tells");
            // (Only for a quote that is a sentence of its own, not one ending
            // another: … proclaimed a goal of “Peace.” He told a crowd …)
            let q = token_at_or_after(toks, s);
            let own_sentence = q == 0
                || matches!(toks[q - 1].text(text), "." | "!" | "?" | "”" | "\"" | ":")
                || text[toks[q - 1].end..s].contains('\n');
            if after < toks.len()
                && lexicon::is_cue_verb(&lw(after))
                && !name_part(text, toks, after)
                && (ends_soon || own_sentence && (asks || told))
            {
                return (Some(sp), Some((toks[after].start, toks[after].end)));
            }
        }
    } else if k < toks.len() {
        if lexicon::is_cue_verb(&lw(k)) && !name_part(text, toks, k) {
            // "said 9/11 widow Terry Strada", "said Harbour Union spokesman
            // Ada Quill": a described name first, else a pronoun, a name or a
            // description.
            if let Some(sp) = described_person_after(text, toks, k + 1, mentions)
                .or_else(|| speaker_phrase(text, toks, k + 1, mentions))
            {
                return (Some(sp), Some((toks[k].start, toks[k].end)));
            }
        } else if let Some(sp) = speaker_phrase(text, toks, k, mentions) {
            if let Some(cue) = cue_after_speaker(text, toks, token_at_or_after(toks, sp.1)) {
                return (Some(sp), Some(cue));
            }
        }
        if lw(k) == "according" && k + 2 < toks.len() && lw(k + 1) == "to" {
            if let Some(sp) = speaker_phrase(text, toks, k + 2, mentions) {
                return (Some(sp), Some((toks[k].start, toks[k + 1].end)));
            }
        }
    }
    // Before: Name said: "…" / Name said, "…" / Name added, '…'.
    let q = token_at_or_after(toks, s);
    let mut b = q;
    while b > 0 && matches!(toks[b - 1].text(text), ":" | ",") {
        b -= 1;
    }
    // The cue may have an object before the colon: "told reporters:".
    let cue_at = (b.saturating_sub(3)..b)
        .rev()
        .find(|&k| lexicon::is_cue_verb(&lw(k)) && toks[k + 1..b].iter().all(|t| t.kind == TokenKind::Word));
    if let (true, Some(c)) = (b > 0 && b < q, cue_at) {
        let cue = toks[c];
        // The speaker ends right before the cue, possibly with an adverb between.
        let mut end = c;
        if end > 0 && lw(end - 1).ends_with("ly") {
            end -= 1;
        }
        if let Some(sp) = speaker_before(text, toks, end, mentions) {
            return (Some(sp), Some((cue.start, cue.end)));
        }
    }
    // Said Name: "…" (the verb first).
    if b > 1 && b < q && matches!(toks[b].text(text), ":" | ",") {
        for a in (b.saturating_sub(6)..b - 1).rev() {
            // ("Continued Stone:", "Added Ada Quill:")
            if lexicon::is_cue_verb(&lw(a))
                && toks[a].text(text).starts_with(char::is_uppercase)
                && (a == 0 || !toks[a - 1].text(text).chars().all(char::is_alphanumeric))
            {
                if let Some(sp) = speaker_phrase(text, toks, a + 1, mentions).filter(|sp| sp.1 == toks[b - 1].end) {
                    return (Some(sp), Some((toks[a].start, toks[a].end)));
                }
            }
        }
    }
    // A name alone before a colon, opening its sentence or line: Bush: "…".
    if q >= 2 && toks[q - 1].text(text) == ":" {
        let i = mentions.partition_point(|m| m.end < toks[q - 2].end);
        if let Some(m) = mentions.get(i).filter(|m| m.end == toks[q - 2].end && m.label == EntityLabel::Per) {
            let first = toks.partition_point(|t| t.start < m.start);
            let opens = first == 0
                || matches!(toks[first - 1].text(text), "." | "!" | "?" | "”" | "\"" | ")")
                || text[toks[first - 1].end..m.start].contains('\n');
            if opens {
                return (Some((m.start, m.end)), None);
            }
        }
    }
    // "Rubio fired back forcefully: “…”": the subject of the clause a colon
    // right before the quote ends, a name or a pronoun before its verb.
    if q >= 3 && toks[q - 1].text(text) == ":" {
        let mut c = q - 1;
        while c > 0
            && c + 16 > q
            && !matches!(toks[c - 1].text(text), "," | "." | "!" | "?" | ";" | ":" | "\"" | "“" | "”")
            && !text[toks[c - 1].end..toks[c].start].contains('\n')
        {
            c -= 1;
        }
        let subject = if lexicon::is_speaker_pronoun(&lw(c)) {
            Some(((toks[c].start, toks[c].end), c + 1))
        } else {
            let i = mentions.partition_point(|m| m.start < toks[c].start);
            mentions
                .get(i)
                .filter(|m| m.start == toks[c].start && m.label == EntityLabel::Per)
                .map(|m| ((m.start, m.end), toks.partition_point(|t| t.start < m.end)))
        };
        if let Some((sp, v)) = subject {
            let verb = toks.get(v).filter(|_| v + 1 < q).map(|t| t.text(text)).unwrap_or("");
            if verb.starts_with(char::is_lowercase) && !lexicon::is_function_word(&lw(v)) {
                return (Some(sp), None);
            }
        }
    }
    // According to Name, "…".
    if b > 2 && b < q && toks[b].text(text) == "," {
        for a in (b.saturating_sub(8)..b - 1).rev() {
            if lw(a) == "according" && lw(a + 1) == "to" {
                if let Some(sp) = speaker_phrase(text, toks, a + 2, mentions).filter(|sp| sp.1 == toks[b - 1].end) {
                    return (Some(sp), Some((toks[a].start, toks[a + 1].end)));
                }
            }
        }
    }
    (None, None)
}

/// The cue after a speaker phrase that ends before token `after`: right
/// there ("Name said"), after a bracket ("Name (R-Utah) said"), or after an
/// appositive set off by commas ("Name, the attorney general of X, said").
fn cue_after_speaker(text: &str, toks: &[Token], after: usize) -> Option<(usize, usize)> {
    let t = |k: usize| toks.get(k).map(|t| t.text(text)).unwrap_or("");
    let cue = |k: usize| toks.get(k).filter(|t| lexicon::is_cue_verb(&crate::tokens::lower(t.text(text))));
    if let Some(c) = cue(after) {
        return Some((c.start, c.end));
    }
    // One adverb between: "it further wrote", "she later said".
    let adverb = |w: &str| {
        let w = crate::tokens::lower(w);
        w.ends_with("ly") || matches!(&*w, "further" | "also" | "then" | "later" | "again" | "once" | "now")
    };
    if adverb(t(after)) {
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
fn described_person_after(text: &str, toks: &[Token], k: usize, mentions: &[Mention]) -> Option<(usize, usize)> {
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
        let w = crate::tokens::lower(prev.text(text));
        let joiner = matches!(&*w, "of" | "and");
        if prev.kind == TokenKind::Punct && !in_number(j - 1) || lexicon::is_function_word(&w) && !joiner {
            return None;
        }
        described |= prev.text(text).starts_with(char::is_lowercase) && !joiner;
        let i = mentions.partition_point(|m| m.start < toks[j].start);
        if let Some(m) = mentions.get(i).filter(|m| m.start == toks[j].start && m.label == EntityLabel::Per) {
            return described.then_some((first.start, m.end));
        }
    }
    None
}

/// A speaker phrase starting at token `k`: a pronoun, a named mention, or a
/// short description ("a Russian journalist", "the president").
fn speaker_phrase(text: &str, toks: &[Token], k: usize, mentions: &[Mention]) -> Option<(usize, usize)> {
    let t = toks.get(k)?;
    let lower = crate::tokens::lower(t.text(text));
    if lexicon::is_speaker_pronoun(&lower) {
        return Some((t.start, t.end));
    }
    let i = mentions.partition_point(|m| m.start < t.start);
    if let Some(m) = mentions.get(i).filter(|m| m.start == t.start) {
        // "Scott's niece": a person noun owned by the name.
        let after = toks.partition_point(|t| t.start < m.end);
        let owned = toks.get(after).is_some_and(|t| matches!(t.text(text), "'s" | "’s"))
            && toks.get(after + 1).is_some_and(|t| lexicon::is_person_noun(&crate::tokens::lower(t.text(text))));
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
    if matches!(&*lower, "a" | "an" | "the" | "one" | "another" | "this") {
        // Up to six more words, ending at a noun before a cue or punctuation
        // ("a narrator in the Clinton ad asks").
        let mut e = k + 1;
        while e < toks.len()
            && e <= k + 6
            && toks[e].kind == TokenKind::Word
            && !lexicon::is_cue_verb(&crate::tokens::lower(toks[e].text(text)))
        {
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

/// A speaker phrase ending right before token `end`.
fn speaker_before(text: &str, toks: &[Token], end: usize, mentions: &[Mention]) -> Option<(usize, usize)> {
    if end == 0 {
        return None;
    }
    let last = toks[end - 1];
    let lower = crate::tokens::lower(last.text(text));
    if lexicon::is_speaker_pronoun(&lower) {
        return Some((last.start, last.end));
    }
    let i = mentions.partition_point(|m| m.end < last.end);
    if let Some(m) = mentions.get(i).filter(|m| m.end == last.end) {
        return Some((m.start, m.end));
    }
    // "Rep. Ana Ruiz (D-Ore.), head of the caucus, said": the name before an
    // appositive set off by a comma or a bracket.
    if matches!(last.text(text), "," | ")") {
        let lo = end.saturating_sub(24);
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
                .map(|b| {
                    matches!(toks[b].text(text), "." | "“" | "\"" | ":" | ";" | "," | "”")
                        || toks[b].text(text).starts_with(char::is_lowercase)
                })
                .unwrap_or(true);
            if m.label == EntityLabel::Per && opens_apposition && clause_start {
                return Some((m.start, m.end));
            }
        }
    }
    // "Police say", "Demonstrators said": a group of people opening its clause.
    let opens_clause = end == 1
        || matches!(toks[end - 2].text(text), "." | "“" | "\"" | ":" | ";" | "”")
        || toks[end - 2].end < last.start && text[toks[end - 2].end..last.start].contains('\n');
    if opens_clause && last.text(text).starts_with(char::is_uppercase) && is_group_noun(&lower) {
        return Some((last.start, last.end));
    }
    // "Maddow asked", "Another tweeted", "Party Chairman Reince Priebus
    // called": up to five capitalised words opening their clause, a name the
    // tagger missed; "Yet another said".
    let cap = |t: &Token| t.kind == TokenKind::Word && t.text(text).starts_with(char::is_uppercase);
    let run = toks[..end].iter().rev().take(5).take_while(|t| cap(t)).count();
    let first = end - run;
    let opens_run = first == 0
        || matches!(toks[first - 1].text(text), "." | "“" | "\"" | ":" | ";" | "”" | ",")
        || toks[first - 1].end < toks[first].start && text[toks[first - 1].end..toks[first].start].contains('\n');
    if run >= 1 && opens_run && (lower == "another" || !lexicon::is_function_word(&lower)) {
        return Some((toks[first].start, last.end));
    }
    if lower == "another" && end >= 2 && crate::tokens::lower(toks[end - 2].text(text)) == "yet" {
        return Some((last.start, last.end));
    }
    // "the president said": a determiner within six words before, and the
    // phrase ends on a content word ("… others and told" is no speaker).
    if lexicon::is_function_word(&lower) {
        return None;
    }
    let lo = end.saturating_sub(12);
    for k in (lo..end).rev() {
        // Past four words, only a person ("the 34-year-old mother of three");
        // past six, one opening its clause ("The former first lady and U.S.
        // senator said").
        let opens_clause = || k == 0 || toks[k - 1].kind == TokenKind::Punct;
        // "One man wrote", "another commenter said", "this source told".
        let det = crate::tokens::lower(toks[k].text(text));
        if matches!(&*det, "one" | "another" | "this")
            && end - k <= 4
            && toks[k..end].iter().all(|t| t.kind == TokenKind::Word)
            && (lexicon::is_person_noun(&lower) || is_group_noun(&lower))
        {
            return Some((toks[k].start, last.end));
        }
        if matches!(&*det, "the" | "a" | "an")
            && toks[k..end].iter().all(|t| t.kind != TokenKind::Punct)
            && (end - k <= 4
                || (end - k <= 6 || opens_clause())
                    && lexicon::is_person_noun(description_head(&text[toks[k].start..last.end].to_lowercase())))
        {
            return Some((toks[k].start, last.end));
        }
        // "Obama's former campaign strategist said", "Ivana Trump's brief
        // said": a name's possessive as the determiner, the phrase ending on
        // a person noun, or one noun right after it.
        let owned_noun = k + 2 == end
            && last.kind == TokenKind::Word
            && last.text(text).starts_with(char::is_lowercase)
            && !last.text(text).contains('-');
        if matches!(toks[k].text(text), "'s" | "’s") && k > 0 && (owned_noun || lexicon::is_person_noun(&lower)) {
            let i = mentions.partition_point(|m| m.end < toks[k - 1].end);
            if let Some(m) = mentions.get(i).filter(|m| m.end == toks[k - 1].end) {
                if toks[k + 1..end].iter().all(|t| t.kind == TokenKind::Word) {
                    return Some((m.start, last.end));
                }
            }
        }
    }
    None
}

/// Resolve a speaker span to a person mention: the mention itself, or for a
/// pronoun or description the most recent person mentioned before it.
fn resolve(text: &str, sp: (usize, usize), mentions: &[Mention]) -> Option<usize> {
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

type ByteRange = (usize, usize);

/// A phrase naming what someone owns ("Scott's niece"): a possessive
/// followed by more words.
fn owned(phrase: &str) -> bool {
    phrase.contains("'s ") || phrase.contains("’s ")
}

/// The head noun of a lowercased description: its last word before a
/// preposition ("a narrator in the ad" → "narrator").
fn description_head(lower: &str) -> &str {
    let noun_phrase =
        lower.split(' ').take_while(|w| !matches!(*w, "of" | "in" | "for" | "at" | "from" | "with" | "on"));
    noun_phrase.last().or_else(|| lower.rsplit(' ').next()).unwrap_or("")
}

/// Person descriptions in the article ("a Russian journalist", "the
/// president"): determiner, up to three words, a person noun.
fn descriptions(text: &str, paras: &[ParaView<'_>]) -> Vec<ByteRange> {
    let mut out = Vec::new();
    for p in paras {
        let t = p.tokens;
        for k in 0..t.len() {
            if !matches!(&*crate::tokens::lower(t[k].text(text)), "a" | "an" | "the") {
                continue;
            }
            for e in k + 1..(k + 5).min(t.len()) {
                let w = crate::tokens::lower(t[e].text(text));
                if t[e].kind != TokenKind::Word {
                    break;
                }
                if lexicon::is_person_noun(&w) {
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
fn resolve_in_context(
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
    let last_person =
        || mentions[..at].iter().rposition(|m| m.label == EntityLabel::Per && m.end <= sp.0 && outside(m.start, m.end));
    if lower == "it" {
        // "what it calls": an organisation, or a place acting as one ("the
        // Kremlin", "Russia says it"), named outside quotes. Within its
        // sentence the subject comes first; else the latest one before.
        let institution = |m: &Mention| {
            matches!(m.label, EntityLabel::Org | EntityLabel::Loc) && m.end <= sp.0 && outside(m.start, m.end)
        };
        let sentence_start = text[..sp.0].rfind(['.', '\n']).map(|i| i + 1).unwrap_or(0);
        let org = mentions[..at]
            .iter()
            .position(|m| m.start >= sentence_start && institution(m))
            .or_else(|| mentions[..at].iter().rposition(institution));
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
    pub tokens: &'a [Token],
    pub sentences: &'a [crate::tokens::Sentence],
}

impl<'a> ParaView<'a> {
    /// The sentence holding byte `pos`.
    fn sentence_at(&self, pos: usize) -> Option<&'a crate::tokens::Sentence> {
        self.sentences.iter().find(|s| self.tokens[s.first].start <= pos && pos < self.tokens[s.end - 1].end)
    }
}

/// The subject opening a sentence: a pronoun or a name among its first
/// words, after a connective ("Meanwhile, it attacked …").
fn sentence_subject(
    text: &str,
    toks: &[Token],
    s: &crate::tokens::Sentence,
    mentions: &[Mention],
) -> Option<(usize, usize)> {
    for &t in &toks[s.first..(s.first + 4).min(s.end)] {
        let w = crate::tokens::lower(t.text(text));
        if lexicon::is_speaker_pronoun(&w) {
            return Some((t.start, t.end));
        }
        let i = mentions.partition_point(|m| m.start < t.start);
        if let Some(m) = mentions.get(i).filter(|m| m.start == t.start && m.label != EntityLabel::Loc) {
            return Some((m.start, m.end));
        }
        // "The retired neurosurgeon …, saying …": a person described.
        if matches!(&*w, "the" | "a" | "an") {
            let k = toks.partition_point(|x| x.start < t.start);
            let noun = (k + 1..(k + 5).min(s.end))
                .take_while(|&j| toks[j].kind == TokenKind::Word)
                .find(|&j| lexicon::is_person_noun(&crate::tokens::lower(toks[j].text(text))));
            return noun.map(|j| (t.start, toks[j].end));
        }
        if !(t.kind == TokenKind::Punct || matches!(&*w, "meanwhile" | "then" | "but" | "and" | "later" | "also")) {
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
fn clause_subject(
    text: &str,
    toks: &[Token],
    s: &crate::tokens::Sentence,
    limit: usize,
    mentions: &[Mention],
    inside_quote: &dyn Fn(usize) -> bool,
) -> Option<ByteRange> {
    let lw = |k: usize| crate::tokens::lower(toks[k].text(text));
    let subject_at = |k: usize| -> Option<ByteRange> {
        let t = toks.get(k).filter(|t| t.start < limit && !inside_quote(t.start))?;
        let (span, next) = if lexicon::is_speaker_pronoun(&lw(k)) {
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
                        && !lexicon::is_function_word(&lw(after + 1))
                });
            if owned {
                ((m.start, toks[after + 1].end), after + 2)
            } else {
                ((m.start, m.end), after)
            }
        };
        let mut v = next;
        while v < s.end && v < next + 2 && is_verb_filler(&lw(v)) {
            v += 1;
        }
        let verb = toks.get(v).filter(|_| v < s.end)?;
        let w = lw(v);
        let verb_like = verb.kind == TokenKind::Word
            && verb.end <= limit
            && verb.text(text).starts_with(char::is_lowercase)
            && !matches!(&*w, "and" | "or" | "of" | "who" | "which" | "that" | "whose" | "in" | "at" | "for" | "to");
        verb_like.then_some(span)
    };
    let mut k = s.first;
    while k < s.end
        && (toks[k].text(text) == ","
            || matches!(&*lw(k), "however" | "meanwhile" | "then" | "but" | "and" | "later" | "also" | "still" | "yet"))
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

/// Groups of people who may speak as one ("Police say …").
fn is_group_noun(w: &str) -> bool {
    matches!(
        w,
        "police"
            | "officials"
            | "authorities"
            | "investigators"
            | "prosecutors"
            | "witnesses"
            | "residents"
            | "demonstrators"
            | "protesters"
            | "protestors"
            | "critics"
            | "supporters"
            | "opponents"
            | "analysts"
            | "experts"
            | "lawmakers"
            | "republicans"
            | "democrats"
            | "officers"
            | "neighbors"
            | "neighbours"
            | "doctors"
            | "researchers"
            | "scientists"
            | "economists"
            | "aides"
            | "advisers"
            | "organizers"
            | "organisers"
            | "activists"
            | "parents"
            | "voters"
            | "leaders"
            | "relatives"
            | "family"
            | "troops"
            | "soldiers"
    )
}

/// Nouns for something said: "Trump's claim that …".
fn is_claim_noun(w: &str) -> bool {
    matches!(
        w,
        "claim"
            | "claims"
            | "statement"
            | "assertion"
            | "remark"
            | "remarks"
            | "comment"
            | "comments"
            | "argument"
            | "suggestion"
            | "accusation"
            | "allegation"
            | "insistence"
            | "warning"
            | "pledge"
            | "promise"
            | "boast"
            | "words"
    )
}

/// A capitalised word right after another is part of a name ("the United
/// States"), not a verb.
fn name_part(text: &str, toks: &[Token], k: usize) -> bool {
    let upper = |t: &Token| t.kind == TokenKind::Word && t.text(text).starts_with(char::is_uppercase);
    k > 0 && upper(&toks[k]) && upper(&toks[k - 1])
}

/// Verbs that report speech or writing when their subject is the speaker.
fn is_reporting_verb(w: &str) -> bool {
    lexicon::is_cue_verb(w)
        || matches!(
            w,
            "call"
                | "called"
                | "calling"
                | "calls"
                | "describe"
                | "describes"
                | "describing"
                | "tweet"
                | "tweets"
                | "tweeting"
                | "urged"
                | "urges"
                | "accused"
                | "accuses"
                | "vowed"
                | "vows"
                | "promised"
                | "promises"
                | "pledged"
                | "promising"
                | "predicted"
                | "ruled"
                | "reports"
                | "report"
                | "say"
                | "tell"
                | "wrote"
                | "write"
                | "sings"
                | "sang"
                | "labeled"
                | "labelled"
                | "dubbed"
                | "branded"
                | "blasted"
                | "slammed"
                | "mocked"
                | "boasted"
                | "joked"
                | "quipped"
                | "countered"
                | "recalls"
                | "demanded"
                | "declares"
        )
}

/// Words that may stand between a subject and its verb ("Clinton has long said").
fn is_verb_filler(w: &str) -> bool {
    matches!(
        w,
        "has"
            | "have"
            | "had"
            | "also"
            | "then"
            | "later"
            | "once"
            | "previously"
            | "recently"
            | "repeatedly"
            | "long"
            | "often"
            | "again"
            | "even"
            | "just"
            | "already"
            | "publicly"
            | "reportedly"
            | "still"
            | "would"
            | "will"
    ) || w.ends_with("ly")
}

/// Where the subject of the verb at token `k` ends: before a progressive
/// form's auxiliary and up to two filler words ("Clinton has long said",
/// "He's claiming"), not before token `first`.
fn subject_end(text: &str, toks: &[Token], first: usize, k: usize) -> usize {
    let mut e = k;
    // "He's claiming", "she is saying": a progressive form's auxiliary.
    let lower = |i: usize| crate::tokens::lower(toks[i].text(text));
    if e > first && lower(k).ends_with("ing") && matches!(&*lower(e - 1), "is" | "are" | "was" | "were" | "'s" | "’s")
    {
        e -= 1;
    }
    while e > first && e + 2 > k && is_verb_filler(&lower(e - 1)) {
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

/// Attribute quotes left without a speaker: the subject of a reporting verb
/// in the quote's sentence; the speaker introduced by the paragraph before
/// ("The Times reports:"); or the speaker of the previous quote, which this
/// one continues.
pub fn attribute_by_context(text: &str, paras: &[ParaView<'_>], mentions: &[Mention], found: &mut [Found]) {
    let spans: Vec<(usize, usize)> = found.iter().map(|f| (f.start, f.end)).collect();
    let inside_quote = |pos: usize| {
        let i = spans.partition_point(|s| s.1 <= pos);
        spans.get(i).map(|s| s.0 <= pos && pos < s.1).unwrap_or(false)
    };
    let lw = |t: &Token| crate::tokens::lower(t.text(text));
    let people = descriptions(text, paras);
    let mut last_attributed: Option<(usize, Found)> = None;
    // "Clinton says she appreciated … what she calls a “…”", "DuVernay said
    // she felt … because “…,” she said": a pronoun speaker later in a
    // sentence whose subject (a name or a description) reports it or opens
    // it stands for that subject. Not in a clause of its own (", but he said").
    let pronoun = |r: ByteRange| matches!(&*crate::tokens::lower(&text[r.0..r.1]), "he" | "she" | "they");
    let outer_subject = |p: &ParaView<'_>, sp: ByteRange| -> Option<ByteRange> {
        let s = p.sentence_at(sp.0)?;
        let j = (s.first..s.end).find(|&j| p.tokens[j].start == sp.0)?;
        if !pronoun(sp) || j == s.first || matches!(&*lw(&p.tokens[j - 1]), "but" | "and" | "while" | "as" | ";") {
            return None;
        }
        (s.first..j)
            .find(|&k| {
                !inside_quote(p.tokens[k].start)
                    && is_reporting_verb(&lw(&p.tokens[k]))
                    && !name_part(text, p.tokens, k)
            })
            .and_then(|k| speaker_before(text, p.tokens, subject_end(text, p.tokens, s.first, k), mentions))
            .or_else(|| {
                // (The subject opening the sentence only when it names a person.)
                sentence_subject(text, p.tokens, s, mentions).filter(|o| {
                    let i = mentions.partition_point(|m| m.start < o.0);
                    mentions.get(i).is_some_and(|m| m.start == o.0 && m.label == EntityLabel::Per)
                })
            })
            .filter(|o| o.0 >= p.tokens[s.first].start && o.1 <= sp.0 && !pronoun(*o) && !inside_quote(o.0))
    };
    for f in found.iter_mut() {
        let pi = paras.partition_point(|p| p.range.1 <= f.start);
        let Some(p) = paras.get(pi) else { continue };
        // (Not a name that the quote itself continues: Clinton “caused
        // havoc,” he said.)
        if let Some(o) = f.speaker.and_then(|sp| outer_subject(p, sp)).filter(|o| text[o.1..f.start].trim() != "") {
            f.speaker = Some(o);
        }
        if f.speaker.is_none() {
            // The quote's sentence: its reporting verb nearest the quote; for a
            // quote of several sentences, else the one it closes ("“… . They
            // don't have a choice” but to lead, says Evan Tracey").
            let opening = p.sentence_at(f.start);
            let closing = p.sentence_at(f.end.saturating_sub(1)).filter(|c| Some(*c) != opening);
            for s in [opening, closing].into_iter().flatten() {
                if f.speaker.is_some() {
                    break;
                }
                // (distance to the quote, speaker, cue)
                let mut best: Option<(usize, ByteRange, ByteRange)> = None;
                // Reported speech puts its verb before the quote: verbs after
                // it count only when none stands before.
                // `t` is the verb's token, measured from; `cue` may be longer.
                let mut consider = |t: Token, sp: ByteRange, cue: ByteRange| {
                    let dist = if t.start < f.start { f.start - t.end } else { (1 << 30) + t.start - f.end };
                    if best.map(|b| dist < b.0).unwrap_or(true) {
                        best = Some((dist, sp, cue));
                    }
                };
                for k in s.first..s.end {
                    let t = p.tokens[k];
                    // "…, according to show insiders."
                    if lw(&t) == "according" && k + 2 < s.end && lw(&p.tokens[k + 1]) == "to" && !inside_quote(t.start)
                    {
                        // (… according to talk radio host Rush Limbaugh.)
                        if let Some(sp) = speaker_phrase(text, p.tokens, k + 2, mentions)
                            .or_else(|| described_person_after(text, p.tokens, k + 2, mentions))
                        {
                            consider(t, sp, (t.start, p.tokens[k + 1].end));
                        }
                        continue;
                    }
                    // "…," as a Homeland Security memo put it.
                    let put_it = matches!(&*lw(&t), "put" | "puts") && k + 1 < s.end && lw(&p.tokens[k + 1]) == "it";
                    if inside_quote(t.start) || !(put_it || is_reporting_verb(&lw(&t))) || name_part(text, p.tokens, k)
                    {
                        continue;
                    }
                    let e = subject_end(text, p.tokens, s.first, k);
                    // "He then defended the remark, saying, “…”": a participle
                    // after a comma has the sentence's subject for speaker.
                    // ("“…,” Sanders said, suggesting …, “…”": else the subject
                    // of the verb of saying before the comma.)
                    let participle = || {
                        let after_comma = k > s.first && lw(&t).ends_with("ing") && p.tokens[k - 1].text(text) == ",";
                        let said_before = || {
                            let v = k.checked_sub(2).filter(|&v| v >= s.first)?;
                            let w = lw(&p.tokens[v]);
                            (lexicon::is_cue_verb(&w) && !w.ends_with("ing") && !inside_quote(p.tokens[v].start))
                                .then(|| {
                                    speaker_before(text, p.tokens, subject_end(text, p.tokens, s.first, v), mentions)
                                })
                                .flatten()
                        };
                        after_comma
                            .then(|| sentence_subject(text, p.tokens, s, mentions).or_else(said_before))
                            .flatten()
                            .filter(|o| !inside_quote(o.0))
                    };
                    // "32% of Republican claims": after "of", a noun, not a speaker and verb.
                    // ("footage of Trump saying …" is a speaker.)
                    let after_of = |sp: &(usize, usize)| {
                        let b = p.tokens.partition_point(|t| t.start < sp.0);
                        b > 0 && lw(&p.tokens[b - 1]) == "of" && !lw(&t).ends_with("ing")
                    };
                    // "The council issued a statement calling it “…”": a
                    // document that is a verb's object speaks for that verb's subject.
                    let issuer = |sp: ByteRange| {
                        let lower = text[sp.0..sp.1].to_lowercase();
                        let document = (lower.starts_with("a ") || lower.starts_with("an "))
                            && !lexicon::is_person_noun(description_head(&lower));
                        let d = p.tokens.partition_point(|t| t.start < sp.0);
                        // ("sent out a press release saying …": past a particle.)
                        let particle = d > s.first + 2 && matches!(&*lw(&p.tokens[d - 1]), "out" | "up");
                        let verb =
                            (document && d > s.first + 1).then(|| if particle { d - 2 } else { d - 1 }).filter(|&v| {
                                let w = p.tokens[v].text(text);
                                p.tokens[v].kind == TokenKind::Word
                                    && w.starts_with(char::is_lowercase)
                                    && !lexicon::is_function_word(&lw(&p.tokens[v]))
                            });
                        verb.and_then(|v| {
                            speaker_before(text, p.tokens, subject_end(text, p.tokens, s.first, v), mentions)
                        })
                        .filter(|o| o.0 >= p.tokens[s.first].start && !inside_quote(o.0))
                        .unwrap_or(sp)
                    };
                    let before = || {
                        speaker_before(text, p.tokens, e, mentions)
                            .filter(|sp| sp.0 >= p.tokens[s.first].start && !after_of(sp) && !inside_quote(sp.0))
                            .map(issuer)
                    };
                    // ("it attacked Trump, saying he …": the participle's subject
                    // comes before a name set off by the comma.)
                    // "“…” in the 2008 primary, said professor Paul Beck": the
                    // speaker after a cue that follows the quote and a comma.
                    let inverted = || {
                        (t.start >= f.end && k > s.first && p.tokens[k - 1].text(text) == ",")
                            .then(|| {
                                speaker_phrase(text, p.tokens, k + 1, mentions)
                                    .or_else(|| described_person_after(text, p.tokens, k + 1, mentions))
                            })
                            .flatten()
                            .filter(|sp| !lexicon::is_speaker_pronoun(&crate::tokens::lower(&text[sp.0..sp.1])))
                    };
                    if let Some(sp) = participle().or_else(before).or_else(inverted) {
                        consider(t, sp, (t.start, t.end));
                    }
                }
                if let Some((_, mut sp, mut cue)) = best {
                    // "Lynch said she recalled …", "Police say they have …":
                    // a pronoun reporting inside another's reported speech
                    // gives the quote to the outer speaker.
                    for _ in 0..3 {
                        // "Trump said at a rally that Clinton once described it
                        // as “…”": a speaker inside another's reported speech
                        // gives the quote to the outer one.
                        let that = (s.first + 1..s.end)
                            .find(|&j| p.tokens[j].start == sp.0)
                            .filter(|&j| lw(&p.tokens[j - 1]) == "that")
                            .map(|j| j - 1);
                        let outer_verb = that.and_then(|t| {
                            (t.saturating_sub(10).max(s.first)..t)
                                .rev()
                                .take_while(|&k| {
                                    !matches!(p.tokens[k].text(text), "," | ";" | ":")
                                        && !inside_quote(p.tokens[k].start)
                                })
                                .find(|&k| lexicon::is_cue_verb(&lw(&p.tokens[k])) && !name_part(text, p.tokens, k))
                        });
                        let outer = outer_verb.and_then(|v| {
                            speaker_before(text, p.tokens, subject_end(text, p.tokens, s.first, v), mentions)
                                .filter(|o| o.0 >= p.tokens[s.first].start && !inside_quote(o.0))
                                .map(|o| (o, v))
                        });
                        if let Some((o, v)) = outer {
                            sp = o;
                            cue = (p.tokens[v].start, p.tokens[v].end);
                            continue;
                        }
                        let Some(j) = (s.first..s.end).find(|&j| p.tokens[j].start == sp.0 && p.tokens[j].end == sp.1)
                        else {
                            break;
                        };
                        if !matches!(&*lw(&p.tokens[j]), "he" | "she" | "they" | "it" | "we") {
                            break;
                        }
                        // "Ban Ki-moon condemned what he called …": any verb
                        // before "what"; else a reporting verb before "(that)".
                        let what = j > s.first + 1 && lw(&p.tokens[j - 1]) == "what";
                        let mut v = j;
                        if v > s.first && matches!(&*lw(&p.tokens[v - 1]), "that" | "what") {
                            v -= 1;
                        }
                        let lower_word = |k: usize| {
                            p.tokens[k].kind == TokenKind::Word
                                && p.tokens[k].text(text).starts_with(char::is_lowercase)
                        };
                        if v == s.first
                            || !(is_reporting_verb(&lw(&p.tokens[v - 1])) || what && lower_word(v - 1))
                            || name_part(text, p.tokens, v - 1)
                            || inside_quote(p.tokens[v - 1].start)
                            || crate::lexicon::is_function_word(&lw(&p.tokens[v - 1]))
                        {
                            break;
                        }
                        let verb = v - 1;
                        let e = subject_end(text, p.tokens, s.first, verb);
                        match speaker_before(text, p.tokens, e, mentions).filter(|o| o.0 >= p.tokens[s.first].start) {
                            Some(outer) => {
                                sp = outer;
                                cue = (p.tokens[verb].start, p.tokens[verb].end);
                            }
                            None => break,
                        }
                    }
                    f.speaker = Some(outer_subject(p, sp).unwrap_or(sp));
                    f.cue = Some(cue);
                }
            }
        }
        if f.speaker.is_none() {
            // "In an August speech, Trump attacked “…”": the subject of the
            // quote's sentence, when the quote follows its verb.
            if let Some(s) = p.sentence_at(f.start) {
                f.speaker = clause_subject(text, p.tokens, s, f.start, mentions, &inside_quote);
            }
        }
        if f.speaker.is_none() {
            // The sentence before, in this paragraph: its last reporting verb's subject
            // ("… the journalist confirmed that … . “The Kremlin denied …”").
            let si = p
                .sentences
                .iter()
                .position(|s| p.tokens[s.first].start <= f.start && f.start < p.tokens[s.end - 1].end);
            if let Some(prev) = si.and_then(|i| i.checked_sub(1)).map(|i| p.sentences[i]) {
                for k in (prev.first..prev.end).rev() {
                    let t = p.tokens[k];
                    if inside_quote(t.start) || !is_reporting_verb(&lw(&t)) || name_part(text, p.tokens, k) {
                        continue;
                    }
                    let e = subject_end(text, p.tokens, prev.first, k);
                    if let Some(sp) = speaker_before(text, p.tokens, e, mentions) {
                        f.speaker = Some(sp);
                        f.cue = Some((t.start, t.end));
                    }
                    break;
                }
            }
        }
        if f.speaker.is_none() && text[f.end..p.range.1].trim().is_empty() {
            // A quote closing its paragraph, signed in the next one: "- Sanders."
            if let Some(next) = paras.get(pi + 1) {
                let line = text[next.range.0..next.range.1].trim();
                let t = next.tokens;
                let dash = t.first().is_some_and(|d| matches!(d.text(text), "-" | "—" | "–" | "―"));
                let short = line.split_whitespace().count() <= 6;
                if dash && short && t.len() >= 2 {
                    f.speaker = speaker_phrase(text, t, 1, mentions).filter(|sp| {
                        let rest = text[sp.1..next.range.1].trim();
                        rest.is_empty() || rest == "."
                    });
                }
            }
        }
        if f.speaker.is_none() && pi > 0 && text[p.range.0..f.start].trim().is_empty() {
            // "The New York Times reports:" closing the paragraph before.
            // ("Trump issued the following statement:": else the subject of
            // its sentence. "Howard continued his scathing remarks.": a verb
            // of saying in the paragraph's last sentence, colon or not.)
            let prev = &paras[pi - 1];
            let colon = text[prev.range.0..prev.range.1].trim_end().ends_with(':');
            if let Some(s) = prev.sentences.last() {
                for k in (s.first..s.end).rev() {
                    let t = prev.tokens[k];
                    let verb = if colon { is_reporting_verb(&lw(&t)) } else { lexicon::is_cue_verb(&lw(&t)) };
                    if verb && !name_part(text, prev.tokens, k) && !inside_quote(t.start) {
                        if let Some(sp) = speaker_before(text, prev.tokens, k, mentions) {
                            f.speaker = Some(sp);
                            f.cue = Some((t.start, t.end));
                        }
                        break;
                    }
                }
                if colon && f.speaker.is_none() {
                    f.speaker = clause_subject(text, prev.tokens, s, prev.range.1, mentions, &inside_quote);
                }
            }
        }
        if f.speaker.is_none() && f.kind == QuoteKind::Partial {
            // A phrase quoted inside reported speech with no reporting verb we
            // know ("Trump's claim that there were “thousands of shootings”",
            // "he has “extraordinarily good health”"): the person or
            // organisation the sentence is about before the quote, else its
            // opening pronoun.
            let sentence = p.sentence_at(f.start);
            if let Some(s) = sentence {
                let from = p.tokens[s.first].start;
                // The mentions that start in the sentence and end before the quote.
                let lo = mentions.partition_point(|m| m.start < from);
                let hi = lo + mentions[lo..].partition_point(|m| m.start < f.start);
                let before = || mentions[lo..hi].iter().filter(|m| m.end <= f.start && !inside_quote(m.start));
                let named = before()
                    .find(|m| m.label == EntityLabel::Per)
                    .or_else(|| before().find(|m| m.label == EntityLabel::Org));
                let pronoun = p.tokens[s.first..s.end]
                    .iter()
                    .take_while(|t| t.end <= f.start)
                    .take(3)
                    .find(|t| matches!(&*lw(t), "he" | "she" | "they" | "it"));
                // "Donald Trump's claim that there have been “…”", "his
                // assertion that …": the claim's owner.
                let q = (s.first..s.end).take_while(|&k| p.tokens[k].end <= f.start).last();
                let owner = q.and_then(|q| {
                    let c = (s.first + 1..=q).rev().find(|&k| is_claim_noun(&lw(&p.tokens[k])))?;
                    let prev = p.tokens[c - 1];
                    if matches!(&*lw(&prev), "his" | "her" | "their" | "its") {
                        return Some((prev.start, prev.end));
                    }
                    if !matches!(prev.text(text), "'s" | "’s") {
                        return None;
                    }
                    let before = prev.start;
                    mentions[lo..hi].iter().find(|m| m.end == before).map(|m| (m.start, m.end))
                });
                if let Some(o) = owner {
                    f.speaker = Some(o);
                } else if let Some(o) = clause_subject(text, p.tokens, s, f.start, mentions, &inside_quote) {
                    f.speaker = Some(o);
                } else if let Some(t) = pronoun {
                    f.speaker = Some((t.start, t.end));
                } else if let Some(m) = named {
                    f.speaker = Some((m.start, m.end));
                }
            }
        }
        if f.speaker.is_none() {
            // A quote continuing the previous speaker's: a direct one in this
            // paragraph or the one before, a partial one in this paragraph.
            if let Some((lp, q)) = &last_attributed {
                let reach = if f.kind == QuoteKind::Direct { *lp + 1 >= pi } else { *lp == pi };
                if reach {
                    f.speaker = q.speaker;
                    f.speaker_entity = q.speaker_entity;
                    // The latest mention of that person before this quote
                    // stands for them ("Clinton restricted … . “If any …”").
                    if let (Some(sp), Some(ent)) = (q.speaker, q.speaker_entity) {
                        let name = &text[mentions[ent].start..mentions[ent].end];
                        let surname = name.rsplit(' ').next().unwrap_or(name);
                        let hi = mentions.partition_point(|m| m.start < f.start);
                        let latest = mentions[..hi].iter().rev().take_while(|m| m.start >= sp.1).find(|m| {
                            m.label == EntityLabel::Per
                                && m.end <= f.start
                                && !inside_quote(m.start)
                                && matches!(&text[m.start..m.end], t if t == name || t == surname)
                        });
                        if let Some(m) = latest {
                            f.speaker = Some((m.start, m.end));
                        }
                    }
                }
            }
        }
        if let Some(sp) = f.speaker {
            let (entity, description) =
                resolve_in_context(text, sp, (f.start, f.end), mentions, &people, &inside_quote);
            f.speaker_entity = entity;
            f.speaker_description = description;
            last_attributed = Some((pi, f.clone()));
        }
    }
}

/// A quote that runs over paragraphs becomes one quote, from its first
/// mark to the mark that closes it, with the speaker its last part found.
pub fn join_runs(found: &mut Vec<Found>) {
    let mut out: Vec<Found> = Vec::with_capacity(found.len());
    let mut run_start: Option<usize> = None;
    for f in found.drain(..) {
        if f.open_ended {
            run_start.get_or_insert(f.start);
            continue;
        }
        match run_start.take() {
            Some(s) => out.push(Found { start: s, kind: QuoteKind::Direct, ..f }),
            None => out.push(f),
        }
    }
    *found = out;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::{find, Para};
    use crate::tokens::{sentences, tokenize};

    fn run(text: &str) -> Vec<(String, QuoteKind, Option<String>, Option<String>)> {
        let mut toks = Vec::new();
        tokenize(text, 0, &mut toks);
        let mut sents = Vec::new();
        sentences(text, &toks, &mut sents);
        let ms = find(text, &[Para { tokens: &toks, sentences: &sents }], &mut crate::ner::WordCache::default())
            .expect("model loads");
        let mut out = Vec::new();
        find_in_paragraph(text, (0, text.len()), &toks, &ms, false, &mut out);
        out.into_iter()
            .map(|f| {
                (
                    text[f.start..f.end].to_string(),
                    f.kind,
                    f.speaker.map(|(a, b)| text[a..b].to_string()),
                    f.speaker_entity.map(|i| text[ms[i].start..ms[i].end].to_string()),
                )
            })
            .collect()
    }

    #[test]
    fn quote_table() {
        use QuoteKind::*;
        type Row<'a> = (&'a str, &'a [(&'a str, QuoteKind, Option<&'a str>, Option<&'a str>)]);
        let table: &[Row] = &[
            (
                "Mayor Ada Quill spoke. \"We will rebuild the bridge by spring,\" she said.",
                &[("\"We will rebuild the bridge by spring,\"", Direct, Some("she"), Some("Ada Quill"))],
            ),
            (
                "Mayor Ada Quill came late. Quill said: “The work starts now and it will not stop.”",
                &[("“The work starts now and it will not stop.”", Direct, Some("Quill"), Some("Quill"))],
            ),
            (
                "'Nobody listened to the ferry crews,' said Tomas Reyes, a boatman.",
                &[("'Nobody listened to the ferry crews,'", Direct, Some("Tomas Reyes"), Some("Tomas Reyes"))],
            ),
            ("The plan was called “reckless” by critics.", &[("“reckless”", Partial, None, None)]),
            ("We're sure the '90s were Moscow's best years.", &[]),
            ("An opening ' with no close and a lone \" mark.", &[]),
            (
                "Reyes came. 'The water rose fast,\" Reyes said.",
                &[("'The water rose fast,\"", Direct, Some("Reyes"), Some("Reyes"))],
            ),
            // A party or state in brackets between the name and the cue.
            (
                "“The bridge must close tonight,” Senator Ada Quill (D-Ore.) said in a statement.",
                &[("“The bridge must close tonight,”", Direct, Some("Senator Ada Quill"), Some("Ada Quill"))],
            ),
            // An appositive set off by commas between the name and the cue.
            (
                "“We were never told,” Tomas Reyes, the head of the ferry workers' union in the port, said on Monday.",
                &[("“We were never told,”", Direct, Some("Tomas Reyes"), Some("Tomas Reyes"))],
            ),
            // Lowercase words between the cue and the name.
            (
                "“The levee was too low for a storm like this,” said retired engineer Paolo Brandt.",
                &[(
                    "“The levee was too low for a storm like this,”",
                    Direct,
                    Some("retired engineer Paolo Brandt"),
                    Some("Paolo Brandt"),
                )],
            ),
            (
                "According to Ada Quill, “the ferry will not sail again this year.”",
                &[("“the ferry will not sail again this year.”", Direct, Some("Ada Quill"), Some("Ada Quill"))],
            ),
            (
                "Said Ada Quill: “We will not close the harbour this winter.”",
                &[("“We will not close the harbour this winter.”", Direct, Some("Ada Quill"), Some("Ada Quill"))],
            ),
            (
                "“The levee held for a week,” she later said.",
                &[("“The levee held for a week,”", Direct, Some("she"), None)],
            ),
            // A reader's sign-off after a dash.
            (
                "“Fix the road before the winter comes.” ― Marta Vell",
                &[("“Fix the road before the winter comes.”", Direct, Some("Marta Vell"), Some("Marta Vell"))],
            ),
        ];
        for (input, want) in table {
            let want: Vec<_> =
                want.iter().map(|(q, k, s, c)| (q.to_string(), *k, s.map(String::from), c.map(String::from))).collect();
            assert_eq!(run(input), want, "input {input:?}");
        }
    }
}
