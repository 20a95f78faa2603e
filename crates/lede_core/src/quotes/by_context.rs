//! Pass `attribute_by_context`: a quote with no speaker in its own sentence
//! takes one from its context, by the rules of [`CONTEXT_RULES`] in order.

use super::*;
use crate::text::tokens::Sentence;

/// What the context rules read: the article's paragraphs, its mentions, the
/// quotes' spans and the descriptions of people in it.
pub(crate) struct Context<'c> {
    pub(crate) text: &'c str,
    pub(crate) paras: &'c [ParaView<'c>],
    pub(crate) mentions: &'c [Mention],
    /// Every quote's span, in order.
    spans: Vec<ByteRange>,
    /// Descriptions of people ("the retired neurosurgeon").
    people: Vec<ByteRange>,
}

impl Context<'_> {
    /// Whether byte `pos` lies inside one of the quotes.
    pub(crate) fn inside_quote(&self, pos: usize) -> bool {
        let i = self.spans.partition_point(|s| s.1 <= pos);
        self.spans.get(i).map(|s| s.0 <= pos && pos < s.1).unwrap_or(false)
    }

    /// "Clinton says she appreciated … what she calls a “…”", "DuVernay said
    /// she felt … because “…,” she said": a pronoun speaker later in a
    /// sentence whose subject (a name or a description) reports it or opens
    /// it stands for that subject. Not in a clause of its own (", but he said").
    pub(crate) fn outer_subject(&self, p: &ParaView<'_>, sp: ByteRange) -> Option<ByteRange> {
        let (text, mentions) = (self.text, self.mentions);
        let pronoun = |r: ByteRange| matches!(&*crate::text::tokens::lower(&text[r.0..r.1]), "he" | "she" | "they");
        let s = p.sentence_at(sp.0)?;
        let j = (s.first..s.end).find(|&j| p.tokens[j].start == sp.0)?;
        if !pronoun(sp) || j == s.first || matches!(p.tokens.lower(j - 1), "but" | "and" | "while" | "as" | ";") {
            return None;
        }
        (s.first..j)
            .find(|&k| {
                !self.inside_quote(p.tokens[k].start)
                    && is_reporting_verb(p.tokens.lower(k))
                    && !name_part(text, p.tokens, k)
            })
            .and_then(|k| speaker_before(text, p.tokens, subject_end(text, p.tokens, s.first, k), mentions))
            .or_else(|| {
                // (The subject opening the sentence only when it names a person.)
                sentence_subject(p.tokens, s, mentions).filter(|o| {
                    let i = mentions.partition_point(|m| m.start < o.0);
                    mentions.get(i).is_some_and(|m| m.start == o.0 && m.label == EntityLabel::Per)
                })
            })
            .filter(|o| o.0 >= p.tokens[s.first].start && o.1 <= sp.0 && !pronoun(*o) && !self.inside_quote(o.0))
    }
}

/// A rule for a quote (in paragraph `pi`) still without a speaker; the last
/// quote attributed, and its paragraph, if any.
type ContextRule = fn(&Context<'_>, usize, &mut Found, Option<&(usize, Found)>);

/// The context rules, in order: each runs while the quote has no speaker.
pub(crate) const CONTEXT_RULES: &[(&str, ContextRule)] = &[
    ("reporting_verb_in_sentence", |cx, pi, f, _| reporting_verb_in_sentence(cx, pi, f)),
    ("clause_subject", |cx, pi, f, _| clause_subject_of_sentence(cx, pi, f)),
    ("sentence_before", |cx, pi, f, _| sentence_before(cx, pi, f)),
    ("signed_next_paragraph", |cx, pi, f, _| signed_next_paragraph(cx, pi, f)),
    ("paragraph_before", |cx, pi, f, _| paragraph_before(cx, pi, f)),
    ("partial_in_reported_speech", |cx, pi, f, _| partial_in_reported_speech(cx, pi, f)),
    ("continues_previous", continues_previous),
];

/// Attribute quotes left without a speaker: the subject of a reporting verb
/// in the quote's sentence; the speaker introduced by the paragraph before
/// ("The Times reports:"); or the speaker of the previous quote, which this
/// one continues.
pub fn attribute_by_context(
    text: &str,
    paras: &[ParaView<'_>],
    mentions: &[Mention],
    found: &mut [Found],
    explain: bool,
) {
    let spans: Vec<ByteRange> = found.iter().map(|f| (f.start, f.end)).collect();
    let cx = Context { text, paras, mentions, spans, people: descriptions(paras) };
    let mut last_attributed: Option<(usize, Found)> = None;
    for f in found.iter_mut() {
        let pi = paras.partition_point(|p| p.range.1 <= f.start);
        let Some(p) = paras.get(pi) else { continue };
        // (Not a name that the quote itself continues: Clinton “caused
        // havoc,” he said.)
        if let Some(o) = f.speaker.and_then(|sp| cx.outer_subject(p, sp)).filter(|o| text[o.1..f.start].trim() != "") {
            f.speaker = Some(o);
            f.evidence.push("outer_subject".into());
        }
        for &(name, rule) in CONTEXT_RULES {
            if f.speaker.is_none() {
                rule(&cx, pi, f, last_attributed.as_ref());
                if f.speaker.is_some() {
                    f.evidence.push(name.into());
                }
            }
        }
        if let Some(sp) = f.speaker {
            let inside = |pos: usize| cx.inside_quote(pos);
            let (entity, description) = resolve_in_context(text, sp, (f.start, f.end), mentions, &cx.people, &inside);
            f.speaker_entity = entity;
            f.speaker_description = description;
            last_attributed = Some((pi, f.clone()));
        }
    }
    // The trained ranker weighs the cascade's choice against the other
    // people around each quote.
    for i in rank::rank(&cx, found, explain) {
        let f = &mut found[i];
        if let Some(sp) = f.speaker {
            let inside = |pos: usize| cx.inside_quote(pos);
            let (entity, description) = resolve_in_context(text, sp, (f.start, f.end), mentions, &cx.people, &inside);
            f.speaker_entity = entity;
            f.speaker_description = description;
        }
    }
}

/// "In an August speech, Trump attacked “…”": the subject of the quote's
/// sentence, when the quote follows its verb.
fn clause_subject_of_sentence(cx: &Context<'_>, pi: usize, f: &mut Found) {
    let p = &cx.paras[pi];
    if let Some(s) = p.sentence_at(f.start) {
        let inside = |pos: usize| cx.inside_quote(pos);
        f.speaker = clause_subject(cx.text, p.tokens, s, f.start, cx.mentions, &inside);
    }
}

/// The sentence before, in this paragraph: its last reporting verb's subject
/// ("… the journalist confirmed that … . “The Kremlin denied …”").
fn sentence_before(cx: &Context<'_>, pi: usize, f: &mut Found) {
    let (text, p) = (cx.text, &cx.paras[pi]);
    let si = p.sentence_index(f.start);
    let Some(prev) = si.and_then(|i| i.checked_sub(1)).map(|i| p.sentences[i]) else { return };
    for k in (prev.first..prev.end).rev() {
        let t = p.tokens[k];
        if cx.inside_quote(t.start) || !is_reporting_verb(p.tokens.lower(k)) || name_part(text, p.tokens, k) {
            continue;
        }
        let e = subject_end(text, p.tokens, prev.first, k);
        if let Some(sp) = speaker_before(text, p.tokens, e, cx.mentions) {
            f.speaker = Some(sp);
            f.cue = Some((t.start, t.end));
        }
        break;
    }
}

/// A quote closing its paragraph, signed in the next one: "- Sanders."
fn signed_next_paragraph(cx: &Context<'_>, pi: usize, f: &mut Found) {
    let (text, p) = (cx.text, &cx.paras[pi]);
    if !text[f.end..p.range.1].trim().is_empty() {
        return;
    }
    let Some(next) = cx.paras.get(pi + 1) else { return };
    let line = text[next.range.0..next.range.1].trim();
    let t = next.tokens;
    let dash = t.first().is_some_and(|d| matches!(d.text(text), "-" | "—" | "–" | "―"));
    let short = line.split_whitespace().count() <= 6;
    if dash && short && t.len() >= 2 {
        f.speaker = speaker_phrase(text, t, 1, cx.mentions).filter(|sp| {
            let rest = text[sp.1..next.range.1].trim();
            rest.is_empty() || rest == "."
        });
    }
}

/// "The New York Times reports:" closing the paragraph before. ("Trump
/// issued the following statement:": else the subject of its sentence.
/// "Howard continued his scathing remarks.": a verb of saying in the
/// paragraph's last sentence, colon or not.)
fn paragraph_before(cx: &Context<'_>, pi: usize, f: &mut Found) {
    let (text, p) = (cx.text, &cx.paras[pi]);
    if pi == 0 || !text[p.range.0..f.start].trim().is_empty() {
        return;
    }
    let prev = &cx.paras[pi - 1];
    let colon = text[prev.range.0..prev.range.1].trim_end().ends_with(':');
    let Some(s) = prev.sentences.last() else { return };
    for k in (s.first..s.end).rev() {
        let t = prev.tokens[k];
        let verb =
            if colon { is_reporting_verb(prev.tokens.lower(k)) } else { lexicon::is_cue_verb(prev.tokens.lower(k)) };
        if verb && !name_part(text, prev.tokens, k) && !cx.inside_quote(t.start) {
            if let Some(sp) = speaker_before(text, prev.tokens, k, cx.mentions) {
                f.speaker = Some(sp);
                f.cue = Some((t.start, t.end));
            }
            break;
        }
    }
    if colon && f.speaker.is_none() {
        let inside = |pos: usize| cx.inside_quote(pos);
        f.speaker = clause_subject(text, prev.tokens, s, prev.range.1, cx.mentions, &inside);
    }
}

/// A phrase quoted inside reported speech with no reporting verb we know
/// ("Trump's claim that there were “thousands of shootings”", "he has
/// “extraordinarily good health”"): the claim's owner, the subject of the
/// clause, the sentence's opening pronoun, else the person or organisation
/// the sentence names before the quote.
fn partial_in_reported_speech(cx: &Context<'_>, pi: usize, f: &mut Found) {
    let (text, p, mentions) = (cx.text, &cx.paras[pi], cx.mentions);
    if f.kind != QuoteKind::Partial {
        return;
    }
    let Some(s) = p.sentence_at(f.start) else { return };
    let from = p.tokens[s.first].start;
    // The mentions that start in the sentence and end before the quote.
    let lo = mentions.partition_point(|m| m.start < from);
    let hi = lo + mentions[lo..].partition_point(|m| m.start < f.start);
    let before = || mentions[lo..hi].iter().filter(|m| m.end <= f.start && !cx.inside_quote(m.start));
    let named =
        before().find(|m| m.label == EntityLabel::Per).or_else(|| before().find(|m| m.label == EntityLabel::Org));
    let pronoun = (s.first..s.end)
        .take_while(|&k| p.tokens[k].end <= f.start)
        .take(3)
        .find(|&k| matches!(p.tokens.lower(k), "he" | "she" | "they" | "it"))
        .map(|k| p.tokens[k]);
    let inside = |pos: usize| cx.inside_quote(pos);
    if let Some(o) = claim_owner(cx, p, s, f, &mentions[lo..hi]) {
        f.speaker = Some(o);
    } else if let Some(o) = clause_subject(text, p.tokens, s, f.start, mentions, &inside) {
        f.speaker = Some(o);
    } else if let Some(t) = pronoun {
        f.speaker = Some((t.start, t.end));
    } else if let Some(m) = named {
        f.speaker = Some((m.start, m.end));
    }
}

/// "Donald Trump's claim that there have been “…”", "his assertion that
/// …": the claim's owner (among `named`, the mentions before the quote).
fn claim_owner(cx: &Context<'_>, p: &ParaView<'_>, s: &Sentence, f: &Found, named: &[Mention]) -> Option<ByteRange> {
    let q = (s.first..s.end).take_while(|&k| p.tokens[k].end <= f.start).last()?;
    let c = (s.first + 1..=q).rev().find(|&k| is_claim_noun(p.tokens.lower(k)))?;
    let prev = p.tokens[c - 1];
    if matches!(p.tokens.lower(c - 1), "his" | "her" | "their" | "its") {
        return Some((prev.start, prev.end));
    }
    if !matches!(prev.text(cx.text), "'s" | "’s") {
        return None;
    }
    let before = prev.start;
    named.iter().find(|m| m.end == before).map(|m| (m.start, m.end))
}

/// A quote continuing the previous speaker's: a direct one in this
/// paragraph or the one before, a partial one in this paragraph. The latest
/// mention of that person before this quote stands for them ("Clinton
/// restricted … . “If any …”").
fn continues_previous(cx: &Context<'_>, pi: usize, f: &mut Found, last: Option<&(usize, Found)>) {
    let Some((lp, q)) = last else { return };
    let reach = if f.kind == QuoteKind::Direct { *lp + 1 >= pi } else { *lp == pi };
    if !reach {
        return;
    }
    f.speaker = q.speaker;
    f.speaker_entity = q.speaker_entity;
    let (text, mentions) = (cx.text, cx.mentions);
    if let (Some(sp), Some(ent)) = (q.speaker, q.speaker_entity) {
        let name = &text[mentions[ent].start..mentions[ent].end];
        let surname = name.rsplit(' ').next().unwrap_or(name);
        let hi = mentions.partition_point(|m| m.start < f.start);
        let latest = mentions[..hi].iter().rev().take_while(|m| m.start >= sp.1).find(|m| {
            m.label == EntityLabel::Per
                && m.end <= f.start
                && !cx.inside_quote(m.start)
                && matches!(&text[m.start..m.end], t if t == name || t == surname)
        });
        if let Some(m) = latest {
            f.speaker = Some((m.start, m.end));
        }
    }
}
