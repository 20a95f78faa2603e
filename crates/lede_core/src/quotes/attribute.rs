//! The speaker a quote's own sentence gives: a cue verb after or before the quote, and its subject.

use super::*;

/// Find the cue and speaker next to a quote `[s, e)`.
/// A speaker span and a cue span (byte offsets), either possibly absent.
pub(crate) type Attribution = (Option<(usize, usize)>, Option<(usize, usize)>);

/// What the rules for a quote's own speaker read: the quote at `s..e`, the
/// first token after it past commas and dashes (`k`), the first token of
/// the quote (`q`) and the token before any colon or comma before it (`b`).
pub(crate) struct Q<'c> {
    text: &'c str,
    toks: &'c Words,
    mentions: &'c [Mention],
    s: usize,
    e: usize,
    k: usize,
    /// A dash right after the quote: `“…” ― Name`.
    signed: bool,
    /// The quote ends its sentence and a capitalised word follows.
    closed_sentence: bool,
    q: usize,
    b: usize,
}

impl Q<'_> {
    fn lw(&self, k: usize) -> &str {
        self.toks.lower(k)
    }
}

/// A rule for a quote's speaker and cue from its own sentence.
type AttributionRule = fn(&Q<'_>) -> Option<Attribution>;

/// The rules for a quote's own speaker, tried in order: after the quote,
/// then before it. The first that finds one wins.
pub(crate) const ATTRIBUTION_RULES: &[(&str, AttributionRule)] = &[
    ("signed_after_dash", signed_after_dash),
    ("name_cue_after_sentence", name_cue_after_sentence),
    ("cue_or_name_after", cue_or_name_after),
    ("according_to_after", according_to_after),
    ("name_cue_before", name_cue_before),
    ("cue_name_before", cue_name_before),
    ("name_before_colon", name_before_colon),
    ("colon_clause_subject", colon_clause_subject),
    ("according_to_before", according_to_before),
];

pub(crate) fn attribute(
    text: &str,
    toks: &Words,
    s: usize,
    e: usize,
    mentions: &[Mention],
) -> (Attribution, Option<&'static str>) {
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
    // A quote that ends its sentence ("….") followed by a capitalised word
    // starts a new sentence: only "Name said" may still attribute it.
    let closed_sentence = text[s..e].trim_end_matches(['"', '\'', '”', '’', '»']).ends_with(['.', '!', '?'])
        && toks.get(k).map(|t| t.text(text).starts_with(char::is_uppercase)).unwrap_or(false);
    // Before: Name said: "…" / Name said, "…" / Name added, '…'.
    let q = token_at_or_after(toks, s);
    let mut b = q;
    while b > 0 && matches!(toks[b - 1].text(text), ":" | ",") {
        b -= 1;
    }
    let ctx = Q { text, toks, mentions, s, e, k, signed, closed_sentence, q, b };
    ATTRIBUTION_RULES
        .iter()
        .find_map(|&(name, rule)| rule(&ctx).map(|a| (a, Some(name))))
        .unwrap_or(((None, None), None))
}

/// `“…” ― Name`: a sign-off after a dash, ending the sentence or paragraph.
fn signed_after_dash(c: &Q<'_>) -> Option<Attribution> {
    if !c.signed {
        return None;
    }
    let sp = speaker_phrase(c.text, c.toks, c.k, c.mentions)?;
    let after = token_at_or_after(c.toks, sp.1);
    c.toks.get(after).is_none_or(|t| matches!(t.text(c.text), "." | ";")).then_some((Some(sp), None))
}

/// `“….” Name said.`: after a quote that ends its sentence, a name and a cue
/// in a short sentence of their own (or after a question, or with "told").
fn name_cue_after_sentence(c: &Q<'_>) -> Option<Attribution> {
    let (text, toks, k) = (c.text, c.toks, c.k);
    if !(k < toks.len() && c.closed_sentence) {
        return None;
    }
    let sp = speaker_phrase(text, toks, k, c.mentions)?;
    // (The cue may follow an appositive: “….” Scott's niece, Del. Ada Price, shouted.)
    let after = match cue_after_speaker(text, toks, token_at_or_after(toks, sp.1)) {
        Some(cue) => token_at_or_after(toks, cue.0),
        None => token_at_or_after(toks, sp.1),
    };
    // (After a question or an exclamation, or with "told", the name
    // and cue attribute it even when the sentence goes on:
    // “…, who knows?” Trump told ITV in an interview aired Monday.)
    let asks = text[c.s..c.e].trim_end_matches(['"', '\'', '”', '’', '»']).ends_with(['?', '!']);
    let told = after < toks.len() && matches!(c.lw(after), "told" | "tells");
    // (Only for a quote that is a sentence of its own, not one ending
    // another: … proclaimed a goal of “Peace.” He told a crowd …)
    let q = c.q;
    let own_sentence = q == 0
        || matches!(toks[q - 1].text(text), "." | "!" | "?" | "”" | "\"" | ":")
        || text[toks[q - 1].end..c.s].contains('\n');
    (after < toks.len()
        && lexicon::is_cue_verb(c.lw(after))
        && !name_part(text, toks, after)
        && (ends_soon(c, after) || own_sentence && (asks || told)))
        .then(|| (Some(sp), Some((toks[after].start, toks[after].end))))
}

/// “….” She said. — but not “….” She says it underscores …: a cue that
/// opens reported speech of its own starts a new statement.
fn ends_soon(c: &Q<'_>, after: usize) -> bool {
    let (text, toks) = (c.text, c.toks);
    (after + 1..(after + 5).min(toks.len()))
        .take_while(|&j| {
            let t = toks[j].text(text);
            t.starts_with(char::is_uppercase)
                || toks[j].kind != TokenKind::Word
                || matches!(c.lw(j), "on" | "in" | "at" | "last" | "this" | "yesterday" | "today" | "later" | "earlier")
        })
        .any(|j| matches!(toks[j].text(text), "." | ";" | "!" | "?"))
        || after + 1 >= toks.len()
        || matches!(toks[after + 1].text(text), "." | ";")
        // (“….” she shouted to the crowd.)
        || c.lw(after + 1) == "to"
            && (after + 2..(after + 5).min(toks.len())).any(|j| matches!(toks[j].text(text), "." | "!"))
        // (“….” She adds, “…”: the cue introduces the next quote.)
        || toks[after + 1].text(text) == ","
            && !toks.get(after + 2).is_some_and(|t| matches!(t.text(text), "\"" | "“" | "'" | "‘"))
}

/// `“…,” said Name` (a described name first, else a pronoun, a name or a
/// description: "said 9/11 widow Terry Strada"), or `“…,” Name said`.
fn cue_or_name_after(c: &Q<'_>) -> Option<Attribution> {
    let (text, toks, k) = (c.text, c.toks, c.k);
    if c.closed_sentence || k >= toks.len() {
        return None;
    }
    if lexicon::is_cue_verb(c.lw(k)) && !name_part(text, toks, k) {
        let sp = described_person_after(toks, k + 1, c.mentions)
            .or_else(|| speaker_phrase(text, toks, k + 1, c.mentions))?;
        return Some((Some(sp), Some((toks[k].start, toks[k].end))));
    }
    let sp = speaker_phrase(text, toks, k, c.mentions)?;
    let cue = cue_after_speaker(text, toks, token_at_or_after(toks, sp.1))?;
    Some((Some(sp), Some(cue)))
}

/// `“…,” according to Name`.
fn according_to_after(c: &Q<'_>) -> Option<Attribution> {
    let (toks, k) = (c.toks, c.k);
    if c.closed_sentence || k >= toks.len() || !(c.lw(k) == "according" && k + 2 < toks.len() && c.lw(k + 1) == "to") {
        return None;
    }
    let sp = speaker_phrase(c.text, toks, k + 2, c.mentions)?;
    Some((Some(sp), Some((toks[k].start, toks[k + 1].end))))
}

/// `Name said: “…”`, `Name told reporters, “…”`: the cue (perhaps with an
/// object) before a colon or comma, the speaker right before it.
fn name_cue_before(c: &Q<'_>) -> Option<Attribution> {
    let (text, toks, b, q) = (c.text, c.toks, c.b, c.q);
    let cue_at = (b.saturating_sub(3)..b)
        .rev()
        .find(|&k| lexicon::is_cue_verb(c.lw(k)) && toks[k + 1..b].iter().all(|t| t.kind == TokenKind::Word));
    let cue_at = cue_at.filter(|_| b > 0 && b < q)?;
    let cue = toks[cue_at];
    // The speaker ends right before the cue, possibly with an adverb between.
    let mut end = cue_at;
    if end > 0 && c.lw(end - 1).ends_with("ly") {
        end -= 1;
    }
    let sp = speaker_before(text, toks, end, c.mentions)?;
    Some((Some(sp), Some((cue.start, cue.end))))
}

/// `Said Name: “…”` (the verb first: "Continued Stone:", "Added Ada Quill:").
fn cue_name_before(c: &Q<'_>) -> Option<Attribution> {
    let (text, toks, b, q) = (c.text, c.toks, c.b, c.q);
    if !(b > 1 && b < q && matches!(toks[b].text(text), ":" | ",")) {
        return None;
    }
    for a in (b.saturating_sub(6)..b - 1).rev() {
        if lexicon::is_cue_verb(c.lw(a))
            && toks.upper(a)
            && (a == 0 || !toks[a - 1].text(text).chars().all(char::is_alphanumeric))
        {
            if let Some(sp) = speaker_phrase(text, toks, a + 1, c.mentions).filter(|sp| sp.1 == toks[b - 1].end) {
                return Some((Some(sp), Some((toks[a].start, toks[a].end))));
            }
        }
    }
    None
}

/// A name alone before a colon, opening its sentence or line: `Bush: “…”`.
fn name_before_colon(c: &Q<'_>) -> Option<Attribution> {
    let (text, toks, q, mentions) = (c.text, c.toks, c.q, c.mentions);
    if !(q >= 2 && toks[q - 1].text(text) == ":") {
        return None;
    }
    let i = mentions.partition_point(|m| m.end < toks[q - 2].end);
    let m = mentions.get(i).filter(|m| m.end == toks[q - 2].end && m.label == EntityLabel::Per)?;
    let first = toks.partition_point(|t| t.start < m.start);
    let opens = first == 0
        || matches!(toks[first - 1].text(text), "." | "!" | "?" | "”" | "\"" | ")")
        || text[toks[first - 1].end..m.start].contains('\n');
    opens.then_some((Some((m.start, m.end)), None))
}

/// "Rubio fired back forcefully: “…”": the subject of the clause a colon
/// right before the quote ends, a name or a pronoun before its verb.
fn colon_clause_subject(c: &Q<'_>) -> Option<Attribution> {
    let (text, toks, q, mentions) = (c.text, c.toks, c.q, c.mentions);
    if !(q >= 3 && toks[q - 1].text(text) == ":") {
        return None;
    }
    let mut k = q - 1;
    while k > 0
        && k + 16 > q
        && !matches!(toks[k - 1].text(text), "," | "." | "!" | "?" | ";" | ":" | "\"" | "“" | "”")
        && !text[toks[k - 1].end..toks[k].start].contains('\n')
    {
        k -= 1;
    }
    let subject = if lexicon::is_speaker_pronoun(c.lw(k)) {
        Some(((toks[k].start, toks[k].end), k + 1))
    } else {
        let i = mentions.partition_point(|m| m.start < toks[k].start);
        mentions
            .get(i)
            .filter(|m| m.start == toks[k].start && m.label == EntityLabel::Per)
            .map(|m| ((m.start, m.end), toks.partition_point(|t| t.start < m.end)))
    };
    let (sp, v) = subject?;
    let verb = toks.get(v).filter(|_| v + 1 < q).map(|t| t.text(text)).unwrap_or("");
    (verb.starts_with(char::is_lowercase) && !lexicon::is_function_word(c.lw(v))).then_some((Some(sp), None))
}

/// `According to Name, “…”`.
fn according_to_before(c: &Q<'_>) -> Option<Attribution> {
    let (text, toks, b, q) = (c.text, c.toks, c.b, c.q);
    if !(b > 2 && b < q && toks[b].text(text) == ",") {
        return None;
    }
    for a in (b.saturating_sub(8)..b - 1).rev() {
        if c.lw(a) == "according" && c.lw(a + 1) == "to" {
            if let Some(sp) = speaker_phrase(text, toks, a + 2, c.mentions).filter(|sp| sp.1 == toks[b - 1].end) {
                return Some((Some(sp), Some((toks[a].start, toks[a + 1].end))));
            }
        }
    }
    None
}
