//! The speaker a quote's own sentence gives: a cue verb after or before the quote, and its subject.

use super::*;

/// Find the cue and speaker next to a quote `[s, e)`.
/// A speaker span and a cue span (byte offsets), either possibly absent.
pub(crate) type Attribution = (Option<(usize, usize)>, Option<(usize, usize)>);

pub(crate) fn attribute(text: &str, toks: &[Token], s: usize, e: usize, mentions: &[Mention]) -> Attribution {
    let lw = |k: usize| crate::text::tokens::lower(toks[k].text(text));
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
